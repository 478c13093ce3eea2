//! The one place errors become GraphQL errors, each with a stable
//! `extensions.code` partner developers can branch on. Internal details are
//! logged here and never sent.
//!
//! `ApiError` deliberately does not implement `Display`: async-graphql turns
//! any `Display` error into a bare message without a code, and `?` would pick
//! that conversion silently. Ours is the only way in.

/// An error a resolver returns.
#[derive(Debug)]
pub enum ApiError {
    /// The request asked for something impossible; `argument` is the path of
    /// the offending argument (`first`, `filter.tradeCodes`).
    BadUserInput { argument: String, message: String },
    /// No valid credentials for something that needs them.
    Unauthenticated(String),
    /// Valid credentials, but not allowed to do this.
    Forbidden(String),
    /// The object does not exist, or the viewer may not know that it does.
    NotFound(String),
    /// The object changed since the version the client read; nothing was
    /// written. `current_version` lets the client reload and retry.
    Conflict {
        message: String,
        current_version: Option<i64>,
    },
    /// Too many attempts; retry after this many seconds.
    RateLimited {
        message: String,
        retry_after_seconds: u64,
    },
    /// Something broke on our side.
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl ApiError {
    pub fn bad_input(argument: impl Into<String>, message: impl ToString) -> Self {
        ApiError::BadUserInput {
            argument: argument.into(),
            message: message.to_string(),
        }
    }

    /// The stable code in `extensions.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadUserInput { .. } => "BAD_USER_INPUT",
            ApiError::Unauthenticated(_) => "UNAUTHENTICATED",
            ApiError::Forbidden(_) => "FORBIDDEN",
            ApiError::NotFound(_) => "NOT_FOUND",
            ApiError::Conflict { .. } => "CONFLICT",
            ApiError::RateLimited { .. } => "RATE_LIMITED",
            ApiError::Internal(_) => "INTERNAL",
        }
    }

    /// The message without the argument's name in front.
    pub fn message_without_argument(&self) -> String {
        match self {
            ApiError::BadUserInput { message, .. } => message.clone(),
            _ => self.message(),
        }
    }

    /// The message sent to the client.
    pub fn message(&self) -> String {
        match self {
            ApiError::BadUserInput { argument, message } => format!("{argument}: {message}"),
            ApiError::Unauthenticated(message)
            | ApiError::Forbidden(message)
            | ApiError::NotFound(message)
            | ApiError::Conflict { message, .. }
            | ApiError::RateLimited { message, .. } => message.clone(),
            ApiError::Internal(_) => "internal error; it has been logged".to_owned(),
        }
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        if let ApiError::Internal(source) = &error {
            tracing::error!(error = %source, "internal error while resolving a field");
        }
        let code = error.code();
        let mut graphql_error = async_graphql::Error::new(error.message());
        let mut extensions = async_graphql::ErrorExtensionValues::default();
        extensions.set("code", code);
        match error {
            ApiError::BadUserInput { argument, .. } => extensions.set("argument", argument),
            ApiError::RateLimited {
                retry_after_seconds,
                ..
            } => extensions.set("retryAfter", retry_after_seconds),
            ApiError::Conflict {
                current_version: Some(version),
                ..
            } => extensions.set("currentVersion", version),
            _ => {}
        }
        graphql_error.extensions = Some(extensions);
        graphql_error
    }
}

/// What resolvers return.
pub type ApiResult<T> = Result<T, async_graphql::Error>;
