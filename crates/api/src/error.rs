//! The one place errors become GraphQL errors, each with a stable
//! `extensions.code` (`app::ErrorCode`) partner developers can branch on.
//! Internal details are logged here and never sent.
//!
//! `app::AppError` deliberately does not implement `Display`: async-graphql
//! turns any `Display` error into a bare message without a code, and `?`
//! would pick that conversion silently. Resolvers say where a use case's
//! input sits in their arguments ([`Located::at`]), and nothing else
//! converts.

use app::{AppError, join_field};

/// What resolvers return.
pub(crate) type ApiResult<T> = Result<T, async_graphql::Error>;

/// A GraphQL error with its code and, for field errors, the argument path.
pub(crate) fn graphql_error(error: AppError, parent: &str) -> async_graphql::Error {
    if let AppError::Internal(source) = &error {
        tracing::error!(error = %source, "internal error while resolving a field");
    }
    let code = error.code();
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", code.as_str());
    let message = match error {
        AppError::BadInput { field, message } => {
            let argument = join_field(parent, &field);
            let text = if argument.is_empty() {
                message
            } else {
                format!("{argument}: {message}")
            };
            extensions.set("argument", argument);
            text
        }
        AppError::RateLimited {
            message,
            retry_after_seconds,
        } => {
            extensions.set("retryAfter", retry_after_seconds);
            message
        }
        AppError::Conflict {
            message,
            current_version,
        } => {
            if let Some(version) = current_version {
                extensions.set("currentVersion", version);
            }
            message
        }
        other => other.message(),
    };
    let mut graphql_error = async_graphql::Error::new(message);
    graphql_error.extensions = Some(extensions);
    graphql_error
}

/// Says where the fields a use case names sit among a resolver's arguments.
pub(crate) trait Located<T> {
    /// The use case's input is the argument `parent` (`input`, `filter`).
    fn at(self, parent: &str) -> ApiResult<T>;
    /// The use case's fields are the resolver's arguments themselves.
    fn located(self) -> ApiResult<T>;
}

impl<T> Located<T> for Result<T, AppError> {
    fn at(self, parent: &str) -> ApiResult<T> {
        self.map_err(|error| graphql_error(error, parent))
    }

    fn located(self) -> ApiResult<T> {
        self.at("")
    }
}

/// A field error of the resolver itself (an argument it parses).
pub(crate) fn bad_input(argument: &str, message: impl ToString) -> async_graphql::Error {
    graphql_error(AppError::bad_input(argument, message), "")
}
