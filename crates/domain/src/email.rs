//! E-mail addresses: the login of an account, an operator's contact address,
//! a requester's reply address. Apart from [`crate::account`] because
//! operators and contact requests need addresses without needing accounts.

use std::fmt;

/// Why a text was refused as an e-mail address. The text itself is never
/// repeated: it may be personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("must be an e-mail address such as name@example.org, at most 254 characters")]
pub struct InvalidEmail;

/// An e-mail address, trimmed and lowercased.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// Checks the shape people and mail servers agree on: one `@`, a local
    /// part, a domain with a dot, no spaces.
    pub fn parse(raw: &str) -> Result<Self, InvalidEmail> {
        let email = raw.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && local.len() <= 64
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            });
        if valid {
            Ok(Self(email))
        } else {
            Err(InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Keeps addresses out of logs written with `{:?}`.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_lowercased_and_checked() {
        assert_eq!(
            Email::parse("  Marie.Dupont@Ecole.BE ").unwrap().as_str(),
            "marie.dupont@ecole.be"
        );
        for bad in [
            "",
            "marie",
            "marie@",
            "@ecole.be",
            "marie@ecole",
            "ma rie@ecole.be",
            "a@b@c.be",
            "m@.be",
            "m@be.",
        ] {
            assert_eq!(Email::parse(bad), Err(InvalidEmail), "{bad}");
        }
    }
}
