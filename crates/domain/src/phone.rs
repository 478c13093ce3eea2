//! Phone numbers: one rule for operators' public numbers and requesters'
//! numbers. Belgian national writing (`069 22 33 44`, `0470/12.34.56`) and
//! international writing (`+33 3 20 …`, `0033 …`) are read into the
//! international form (`+3269223344`), and the writing is kept for display.

use std::fmt;

/// Why a text was refused as a phone number. The text is never repeated:
/// it may be personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "must be a phone number such as 069 22 33 44, 0470 12 34 56 or +32 69 22 33 44 (8 to 15 digits)"
)]
pub struct InvalidPhone;

/// Longest writing of a phone number accepted.
const MAX_WRITTEN_CHARS: usize = 30;

/// A phone number, as written and in international form.
#[derive(Clone, PartialEq, Eq)]
pub struct PhoneNumber {
    written: String,
    international: String,
}

impl PhoneNumber {
    pub fn parse(raw: &str) -> Result<Self, InvalidPhone> {
        let written = raw.trim();
        if written.chars().count() > MAX_WRITTEN_CHARS {
            return Err(InvalidPhone);
        }
        let mut digits = String::new();
        for (i, c) in written.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => digits.push(c),
                ' ' | '.' | '/' | '-' | '(' | ')' => {}
                _ => return Err(InvalidPhone),
            }
        }
        let international = if let Some(rest) = digits.strip_prefix('+') {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix("00") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            // Belgian numbers: 8 digits after the 0 for land lines, 9 for mobiles.
            if !(8..=9).contains(&rest.len()) {
                return Err(InvalidPhone);
            }
            format!("32{rest}")
        } else {
            return Err(InvalidPhone);
        };
        let valid = (8..=15).contains(&international.len())
            && !international.starts_with('0')
            && international.bytes().all(|b| b.is_ascii_digit());
        if valid {
            Ok(Self {
                written: written.to_owned(),
                international: format!("+{international}"),
            })
        } else {
            Err(InvalidPhone)
        }
    }

    /// The international form, `+3269223344`: for comparing and dialling.
    pub fn as_str(&self) -> &str {
        &self.international
    }

    /// As it was written, for display.
    pub fn written(&self) -> &str {
        &self.written
    }
}

/// Keeps numbers out of logs written with `{:?}`: a requester's number is
/// personal data.
impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PhoneNumber(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belgian_and_international_writings_are_read_into_one_form() {
        for (written, international) in [
            ("069 22 33 44", "+3269223344"),
            ("0470/12.34.56", "+32470123456"),
            ("(069) 123456", "+3269123456"),
            ("+32 69 12 34 56", "+3269123456"),
            ("0033 3 20 12 34 56", "+33320123456"),
        ] {
            let phone = PhoneNumber::parse(written).unwrap();
            assert_eq!(phone.as_str(), international, "{written}");
            assert_eq!(phone.written(), written);
        }
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for bad in [
            "12 34",
            "+32 69 12 34 56 78 90 12 34",
            "069 12 34 5a",
            "32+69123456",
            "0 12",
            "",
            "069 22 33 4",
            "+33 (0)3-20",
            "call me",
            "00",
        ] {
            assert_eq!(PhoneNumber::parse(bad), Err(InvalidPhone), "{bad:?}");
        }
    }
}
