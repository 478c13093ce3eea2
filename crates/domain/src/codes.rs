//! Identifiers that come from outside (partners, seeds, URLs) and are parsed
//! once into types that cannot hold a malformed value.

use std::fmt;

/// Why a code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a NIS code is 5 digits (for example \"57081\" for Tournai), got {0:?}")]
    Nis(String),
    #[error("a Belgian postcode is 4 digits from 1000 to 9999, got {0:?}")]
    Postcode(String),
    #[error(
        "a {kind} code is 2 to 64 lowercase letters, digits and single hyphens (for example \"menuiserie\"), got {value:?}"
    )]
    Slug { kind: &'static str, value: String },
}

/// The National Institute of Statistics code of a Belgian commune (5 digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NisCode(String);

impl NisCode {
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let trimmed = raw.trim();
        if trimmed.len() == 5 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(trimmed.to_owned()))
        } else {
            Err(CodeError::Nis(raw.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NisCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Belgian postcode (bpost), four digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode(String);

impl Postcode {
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let trimmed = raw.trim();
        let valid = trimmed.len() == 4
            && trimmed.bytes().all(|b| b.is_ascii_digit())
            && !trimmed.starts_with('0');
        if valid {
            Ok(Self(trimmed.to_owned()))
        } else {
            Err(CodeError::Postcode(raw.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks the shape shared by our human-readable codes: lowercase ASCII
/// letters and digits separated by single hyphens, 2 to 64 characters. Such
/// codes survive URLs, CSV files and spreadsheets unchanged.
fn parse_slug(kind: &'static str, raw: &str) -> Result<String, CodeError> {
    let value = raw.trim();
    let well_formed = (2..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--");
    if well_formed {
        Ok(value.to_owned())
    } else {
        Err(CodeError::Slug {
            kind,
            value: raw.to_owned(),
        })
    }
}

macro_rules! slug_code {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            pub fn parse(raw: &str) -> Result<Self, CodeError> {
                parse_slug($kind, raw).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

slug_code!(
    /// The stable code of a trade (métier), for example `menuiserie`.
    TradeCode,
    "trade"
);
slug_code!(
    /// The stable code of a pole of synergies, for example `construction`.
    PoleCode,
    "pole"
);
slug_code!(
    /// The stable code of an operator, chosen at creation, for example
    /// `tournai-ecole-technique-du-marais`.
    OperatorCode,
    "operator"
);

/// The code of a competence unit of a trade's competence tree, as the tree
/// gives it (for example `FROID-A1.2`): 2 to 64 ASCII letters, digits,
/// hyphens, underscores and dots, starting with a letter or a digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CompetenceCode(String);

/// A competence code was malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a competence code is 2 to 64 letters, digits, hyphens, underscores and dots (for example \"FROID-A1.2\")"
)]
pub struct CompetenceCodeError;

impl CompetenceCode {
    pub fn parse(raw: &str) -> Result<Self, CompetenceCodeError> {
        let value = raw.trim();
        let well_formed = (2..=64).contains(&value.len())
            && value.starts_with(|c: char| c.is_ascii_alphanumeric())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if well_formed {
            Ok(Self(value.to_owned()))
        } else {
            Err(CompetenceCodeError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CompetenceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nis_codes_are_five_digits() {
        assert_eq!(NisCode::parse(" 57081 ").unwrap().as_str(), "57081");
        assert!(NisCode::parse("5708").is_err());
        assert!(NisCode::parse("5708a").is_err());
    }

    #[test]
    fn postcodes_are_four_digits_not_starting_with_zero() {
        assert!(Postcode::parse("7500").is_ok());
        assert!(Postcode::parse("0750").is_err());
        assert!(Postcode::parse("75000").is_err());
    }

    #[test]
    fn slug_codes_refuse_uppercase_spaces_and_double_hyphens() {
        assert!(TradeCode::parse("menuiserie").is_ok());
        assert!(TradeCode::parse("froid-climatisation").is_ok());
        for bad in ["Menuiserie", "menui serie", "a", "-x", "x-", "a--b", "é"] {
            assert!(TradeCode::parse(bad).is_err(), "{bad}");
        }
    }
}
