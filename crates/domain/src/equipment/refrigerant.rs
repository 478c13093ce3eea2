//! Refrigerants, named as ISO 817 does: "R-" and a number, with the letters
//! that tell isomers and blends apart (R-134a, R-410A, R-1234yf, R-744).

use std::fmt;

/// A refrigerant's ISO 817 designation, written "R-" and the rest.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Refrigerant(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a refrigerant is written as ISO 817 does, R and a number with its letters (for example R-32, R-410A, R-1234yf)"
)]
pub struct RefrigerantError;

impl Refrigerant {
    /// Reads "R32", "r-32", "R 410 A" or "R-1234yf".
    pub fn parse(raw: &str) -> Result<Self, RefrigerantError> {
        let compact: String = raw
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        let rest = compact.strip_prefix(['R', 'r']).ok_or(RefrigerantError)?;
        let digits_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (digits, letters) = rest.split_at(digits_end);
        let well_formed = (2..=4).contains(&digits.len())
            && letters.len() <= 2
            && letters.chars().all(|c| c.is_ascii_alphabetic());
        if !well_formed {
            return Err(RefrigerantError);
        }
        // Blends (R-4xx, R-5xx) take an uppercase letter; isomers a lowercase
        // one (R-134a, R-1234yf), as the standard writes them.
        let letters = if digits.starts_with('4') || digits.starts_with('5') {
            letters.to_ascii_uppercase()
        } else {
            letters.to_ascii_lowercase()
        };
        Ok(Self(format!("R-{digits}{letters}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Refrigerant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designations_are_normalised() {
        for (written, read) in [
            ("R32", "R-32"),
            ("r-32", "R-32"),
            ("R 410 a", "R-410A"),
            ("R-134A", "R-134a"),
            ("R1234YF", "R-1234yf"),
            ("R-744", "R-744"),
        ] {
            assert_eq!(Refrigerant::parse(written).unwrap().as_str(), read);
        }
        for bad in ["", "32", "R", "R-3", "R-12345", "R-32abc", "propane"] {
            assert!(Refrigerant::parse(bad).is_err(), "{bad}");
        }
    }
}
