//! Accounts: who may write. IBEFE staff are ADMIN; partners are PARTNER of
//! one or more operators and act only on those operators' data. The public
//! needs no account.

use std::fmt;

use crate::coded_enum::coded_enum;
// Re-exported: `domain::account::Email` is where the rest of the workspace
// has always found it.
pub use crate::email::Email;
use crate::email::InvalidEmail;
use crate::operator::OperatorId;

/// Database identifier of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(pub i64);

coded_enum! {
    /// What an account may do.
    pub enum Role ("role") {
        /// IBEFE staff: everything, including moderation.
        Admin = "ADMIN",
        /// A member of one or more operators: their data only.
        Partner = "PARTNER",
    }
}

/// An account as the service sees it. Its password hash stays in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    /// The operators a partner acts for (empty for admins, who act for all).
    pub operator_ids: Vec<OperatorId>,
    pub disabled: bool,
}

/// Why an e-mail address or a password was refused. The value itself is
/// never repeated: it may be personal data or a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    #[error("must be an e-mail address such as name@example.org, at most 254 characters")]
    Email,
    #[error("must be between {MIN_PASSWORD_CHARS} and {MAX_PASSWORD_CHARS} characters")]
    PasswordLength,
}

/// Lets a function checking both credentials answer with one error type.
impl From<InvalidEmail> for CredentialError {
    fn from(_: InvalidEmail) -> Self {
        CredentialError::Email
    }
}

/// Shortest password accepted (OWASP's recommendation for passwords without
/// other factors).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest password accepted, so hashing stays bounded.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// A password as typed, checked for length. It cannot be printed.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub fn parse(raw: &str) -> Result<Self, CredentialError> {
        let chars = raw.chars().count();
        if (MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(CredentialError::PasswordLength)
        }
    }

    /// The secret, for the hasher only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// Most operators one partner acts for.
pub const MAX_OPERATORS_PER_PARTNER: usize = 50;

/// Longest name an account is shown under.
pub const MAX_DISPLAY_NAME_CHARS: usize = 200;

/// The name an account is shown under (in the audit trail, to other
/// partners): one line of 1 to [`MAX_DISPLAY_NAME_CHARS`] characters. The
/// same rule holds whether an admin invites the partner or an operator of
/// the server creates the account from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, crate::plain_text::TextError> {
        crate::plain_text::single_line(raw, MAX_DISPLAY_NAME_CHARS).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_email_is_the_email_credential_error() {
        let refusal = CredentialError::from(Email::parse("marie").unwrap_err());
        assert_eq!(refusal, CredentialError::Email);
        assert_eq!(refusal.to_string(), InvalidEmail.to_string());
    }

    #[test]
    fn secrets_never_show_in_debug_output() {
        let email = Email::parse("marie@ecole.be").unwrap();
        let password = Password::parse("correct horse battery").unwrap();
        assert!(!format!("{email:?} {password:?}").contains("marie"));
        assert!(!format!("{password:?}").contains("horse"));
    }

    #[test]
    fn passwords_have_a_length_window() {
        assert!(Password::parse("short").is_err());
        assert!(Password::parse(&"x".repeat(129)).is_err());
        assert!(Password::parse("twelve chars").is_ok());
    }
}
