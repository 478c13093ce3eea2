//! The application's error, and the stable codes every error reaching a
//! client carries. The codes are shared by the doors: the GraphQL schema
//! maps an [`AppError`] to `extensions.code`, and the HTTP transport uses
//! the same [`ErrorCode`] for the refusals it makes before a document runs.
//!
//! Fields are named in the terms of the use case's input (`title`,
//! `tradeCodes[0]`, `reachable.maxMinutes`); each door says where that input
//! sits in its own request (`input.title` in a mutation, `trade` in a URL).

use domain::rejection::Rejection;
use storage::{StorageError, WriteError};

/// The stable codes clients branch on (`extensions.code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The request asked for something impossible; the message names the field.
    BadUserInput,
    /// No valid credentials for something that needs them.
    Unauthenticated,
    /// Valid credentials, but not allowed.
    Forbidden,
    /// The object does not exist, or the viewer may not know that it does.
    NotFound,
    /// The object changed since the version the client read.
    Conflict,
    /// Too many requests; retry later.
    RateLimited,
    /// The document is not GraphQL.
    GraphqlParseFailed,
    /// The document is GraphQL but not valid against the schema.
    GraphqlValidationFailed,
    /// The document would cost more than the budget allows.
    QueryTooCostly,
    /// The document ran longer than the time budget and was stopped.
    QueryTimeout,
    /// The response would be larger than the limit.
    ResponseTooLarge,
    /// Something broke on our side.
    Internal,
}

impl ErrorCode {
    /// The code as clients read it.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadUserInput => "BAD_USER_INPUT",
            ErrorCode::Unauthenticated => "UNAUTHENTICATED",
            ErrorCode::Forbidden => "FORBIDDEN",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::Conflict => "CONFLICT",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::GraphqlParseFailed => "GRAPHQL_PARSE_FAILED",
            ErrorCode::GraphqlValidationFailed => "GRAPHQL_VALIDATION_FAILED",
            ErrorCode::QueryTooCostly => "QUERY_TOO_COSTLY",
            ErrorCode::QueryTimeout => "QUERY_TIMEOUT",
            ErrorCode::ResponseTooLarge => "RESPONSE_TOO_LARGE",
            ErrorCode::Internal => "INTERNAL",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a use case refused or failed. Messages never repeat personal data
/// or secrets; internal details are kept for the log only.
///
/// It deliberately does not implement `Display`: every door must map it
/// through [`AppError::code`] and [`AppError::message`], so that no error
/// reaches a client without its code.
#[derive(Debug)]
pub enum AppError {
    /// A field of the input breaks a rule; `field` is its path in the use
    /// case's input (empty when the input as a whole is at fault).
    BadInput {
        field: String,
        message: String,
    },
    Unauthenticated(String),
    Forbidden(String),
    NotFound(String),
    /// Nothing was written; `current_version` lets the client reload and retry.
    Conflict {
        message: String,
        current_version: Option<i64>,
    },
    RateLimited {
        message: String,
        retry_after_seconds: u64,
    },
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

/// What use cases return.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn bad_input(field: impl Into<String>, message: impl ToString) -> Self {
        AppError::BadInput {
            field: field.into(),
            message: message.to_string(),
        }
    }

    pub fn internal(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        AppError::Internal(Box::new(error))
    }

    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::BadInput { .. } => ErrorCode::BadUserInput,
            AppError::Unauthenticated(_) => ErrorCode::Unauthenticated,
            AppError::Forbidden(_) => ErrorCode::Forbidden,
            AppError::NotFound(_) => ErrorCode::NotFound,
            AppError::Conflict { .. } => ErrorCode::Conflict,
            AppError::RateLimited { .. } => ErrorCode::RateLimited,
            AppError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The message for the client, without the field's name.
    pub fn message(&self) -> String {
        match self {
            AppError::BadInput { message, .. }
            | AppError::Unauthenticated(message)
            | AppError::Forbidden(message)
            | AppError::NotFound(message)
            | AppError::Conflict { message, .. }
            | AppError::RateLimited { message, .. } => message.clone(),
            AppError::Internal(_) => "internal error; it has been logged".to_owned(),
        }
    }

    /// Puts a field error under a part of the input: `under("reachable")`
    /// turns `maxMinutes` into `reachable.maxMinutes`.
    pub fn under(self, parent: &str) -> Self {
        match self {
            AppError::BadInput { field, message } => AppError::BadInput {
                field: join_field(parent, &field),
                message,
            },
            other => other,
        }
    }
}

/// `parent.field`, or whichever is not empty.
pub fn join_field(parent: &str, field: &str) -> String {
    match (parent.is_empty(), field.is_empty()) {
        (true, _) => field.to_owned(),
        (false, true) => parent.to_owned(),
        (false, false) if field.starts_with('[') => format!("{parent}{field}"),
        (false, false) => format!("{parent}.{field}"),
    }
}

/// A refused search filter, named as a search's arguments name it:
/// `filter.tradeCodes`, or `orderBy` when the order does not fit the filter.
pub(crate) fn filter_error(error: domain::catalog::FilterError) -> AppError {
    let field = match error.field() {
        "orderBy" => "orderBy".to_owned(),
        field => join_field("filter", field),
    };
    AppError::bad_input(field, error)
}

pub(crate) fn equipment_filter_error(error: domain::catalog::EquipmentFilterError) -> AppError {
    let field = match error.field() {
        "orderBy" => "orderBy".to_owned(),
        field => join_field("filter", field),
    };
    AppError::bad_input(field, error)
}

impl From<StorageError> for AppError {
    fn from(error: StorageError) -> Self {
        AppError::internal(error)
    }
}

impl From<Rejection> for AppError {
    fn from(rejection: Rejection) -> Self {
        AppError::bad_input(rejection.field, rejection.message)
    }
}

impl From<WriteError> for AppError {
    fn from(error: WriteError) -> Self {
        match error {
            WriteError::NotFound(what) => AppError::NotFound(format!("{what} does not exist")),
            WriteError::StaleVersion { expected, current } => AppError::Conflict {
                message: format!(
                    "version: the object changed since version {expected} (it is now at version {current}); read it again, reapply your change and send version {current}"
                ),
                current_version: Some(current),
            },
            WriteError::Rejected(rejection) => rejection.into(),
            WriteError::Taken { field, message } => AppError::bad_input(field, message),
            WriteError::Storage(error) => AppError::internal(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_nest_under_their_parent() {
        assert_eq!(join_field("input", "title"), "input.title");
        assert_eq!(join_field("input", "tradeCodes[0]"), "input.tradeCodes[0]");
        assert_eq!(join_field("input.tradeCodes", "[0]"), "input.tradeCodes[0]");
        assert_eq!(join_field("", "first"), "first");
        assert_eq!(join_field("filter", ""), "filter");
        let error = AppError::bad_input("maxMinutes", "too long").under("reachable");
        assert!(
            matches!(error, AppError::BadInput { ref field, .. } if field == "reachable.maxMinutes")
        );
    }
}
