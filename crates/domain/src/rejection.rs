//! A write refused by a rule, naming the input field at fault so that each
//! door can point its user at it. The rules' own errors convert into it
//! where they are defined (`offer`, `operator`, `territory`).

/// A rule a write breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct Rejection {
    /// The input field at fault, in the terms of the input (`title`, `location`).
    pub field: &'static str,
    pub message: String,
}

impl Rejection {
    pub fn new(field: &'static str, message: impl ToString) -> Self {
        Self {
            field,
            message: message.to_string(),
        }
    }
}
