//! The life of a GraphQL document, for the HTTP transport: a request is
//! read ([`GraphqlRequest`]), checked against the document limits and
//! parsed once ([`Executor::prepare`]), then executed for a viewer
//! ([`Executor::execute`]) into an [`Outcome`] the transport writes out.
//! The transport never sees an async-graphql type.

use std::time::Duration;

use app::{App, Client, ErrorCode, Viewer};
use async_graphql::parser::types::OperationType;

use crate::context::RequestContext;
use crate::limits::{self, LimitExceeded};
use crate::schema::{WapiSchema, build_schema};

/// One GraphQL request as a client sent it (a JSON body, or a URL's
/// parameters), not yet checked.
#[derive(Debug)]
pub struct GraphqlRequest(async_graphql::Request);

impl GraphqlRequest {
    /// A document without variables.
    pub fn new(query: impl Into<String>) -> Self {
        Self(async_graphql::Request::new(query))
    }

    /// Reads a request from a decoded JSON body: an object with a string
    /// `query` and optional `operationName` and `variables`.
    pub fn from_json(value: serde_json::Value) -> Result<Self, String> {
        serde_json::from_value(value)
            .map(Self)
            .map_err(|e| e.to_string())
    }

    /// Reads a request from a URL's query string: `query`, `operationName`
    /// and `variables` (JSON).
    pub fn from_query_string(query: &str) -> Result<Self, String> {
        async_graphql::http::parse_query_string(query)
            .map(Self)
            .map_err(|e| e.to_string())
    }
}

/// What kind of operation a document would run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    Query,
    Mutation,
    Subscription,
}

/// A request refused before execution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: ErrorCode,
    pub message: String,
    /// Which limit, when a limit refused it ("tokens", "aliases").
    pub limit: Option<&'static str>,
}

impl From<LimitExceeded> for Refusal {
    fn from(exceeded: LimitExceeded) -> Self {
        Refusal {
            code: ErrorCode::BadUserInput,
            message: exceeded.message,
            limit: Some(exceeded.limit),
        }
    }
}

/// A request that passed the document limits, parsed once.
#[derive(Debug)]
pub struct Prepared {
    request: async_graphql::Request,
    operation: Option<OperationKind>,
}

impl Prepared {
    /// The kind of the operation it would run; `None` when the document
    /// does not parse or names no operation it holds (execution says why).
    pub fn operation(&self) -> Option<OperationKind> {
        self.operation
    }

    /// The operation name the client gave, for metrics.
    pub fn operation_name(&self) -> Option<&str> {
        self.request.operation_name.as_deref()
    }
}

/// An executed request, ready to be written out.
#[derive(Debug)]
pub struct Outcome {
    response: async_graphql::Response,
    /// How long execution took.
    pub elapsed: Duration,
}

impl Outcome {
    /// Whether the request could not even start (syntax, validation,
    /// variables): errors without a path, and no data.
    pub fn request_failed(&self) -> bool {
        self.response.data == async_graphql::Value::Null
            && !self.response.errors.is_empty()
            && self.response.errors.iter().all(|e| e.path.is_empty())
    }

    /// The code of every error, for metrics. Errors async-graphql made
    /// itself (parse, validation) carry none and count as validation errors.
    pub fn error_codes(&self) -> Vec<&str> {
        self.response
            .errors
            .iter()
            .map(|error| {
                error
                    .extensions
                    .as_ref()
                    .and_then(|extensions| extensions.get("code"))
                    .and_then(|code| match code {
                        async_graphql::Value::String(code) => Some(code.as_str()),
                        _ => None,
                    })
                    .unwrap_or(ErrorCode::GraphqlValidationFailed.as_str())
            })
            .collect()
    }

    /// The longest wait a field refused by a rate limit asks for (a contact
    /// request), for a `Retry-After` header.
    pub fn retry_after_seconds(&self) -> Option<u64> {
        self.response
            .errors
            .iter()
            .filter_map(|e| e.extensions.as_ref()?.get("retryAfter").cloned())
            .filter_map(|v| match v {
                async_graphql::Value::Number(n) => n.as_u64(),
                _ => None,
            })
            .max()
    }

    /// The response as JSON; only its errors when `errors_only` (the
    /// GraphQL-over-HTTP answer to a request that could not start).
    pub fn to_json(&self, errors_only: bool) -> String {
        let body = if errors_only {
            serde_json::json!({ "errors": self.response.errors })
        } else {
            serde_json::to_value(&self.response).unwrap_or(serde_json::Value::Null)
        };
        body.to_string()
    }

    /// The data, as JSON (tests and benchmarks).
    pub fn data(&self) -> serde_json::Value {
        self.response.data.clone().into_json().unwrap_or_default()
    }

    /// The errors' messages (tests and benchmarks).
    pub fn error_messages(&self) -> Vec<String> {
        self.response
            .errors
            .iter()
            .map(|e| e.message.clone())
            .collect()
    }
}

/// Runs documents against the schema. Built once per process.
#[derive(Clone)]
pub struct Executor {
    schema: WapiSchema,
}

impl std::fmt::Debug for Executor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Executor")
    }
}

impl Default for Executor {
    fn default() -> Self {
        Self::new()
    }
}

impl Executor {
    pub fn new() -> Self {
        Self {
            schema: build_schema(),
        }
    }

    /// Checks a request's document against the limits and parses it, once:
    /// the parsed document is what runs. A document that does not parse is
    /// not refused here: execution reports the syntax error like any other.
    pub fn prepare(&self, request: GraphqlRequest) -> Result<Prepared, Refusal> {
        let GraphqlRequest(mut graphql_request) = request;
        if graphql_request.query.trim().is_empty() {
            return Err(Refusal {
                code: ErrorCode::BadUserInput,
                message: "the request has no `query`: send the GraphQL document to run".to_owned(),
                limit: None,
            });
        }
        limits::check_tokens(&graphql_request.query)?;
        let operation_name = graphql_request.operation_name.clone();
        let operation = match graphql_request.parsed_query() {
            Ok(document) => {
                limits::check_aliases(document)?;
                limits::check_contact_mutations(document)?;
                limits::operation_type(document, operation_name.as_deref()).map(|kind| match kind {
                    OperationType::Query => OperationKind::Query,
                    OperationType::Mutation => OperationKind::Mutation,
                    OperationType::Subscription => OperationKind::Subscription,
                })
            }
            Err(_) => None,
        };
        Ok(Prepared {
            request: graphql_request,
            operation,
        })
    }

    /// Executes a prepared request for a viewer, from a client, against the
    /// application's current snapshot.
    pub async fn execute(
        &self,
        app: &App,
        prepared: Prepared,
        viewer: Viewer,
        client: Client,
    ) -> Outcome {
        let request = prepared
            .request
            .data(RequestContext::new(app.clone(), viewer, client));
        let started = std::time::Instant::now();
        let response = self.schema.execute(request).await;
        Outcome {
            response,
            elapsed: started.elapsed(),
        }
    }

    /// Prepares and executes a document for the public, in process (tests,
    /// benchmarks); a refusal comes back as the error it would be over HTTP.
    pub async fn run(&self, app: &App, query: &str) -> Result<Outcome, Refusal> {
        let prepared = self.prepare(GraphqlRequest::new(query))?;
        Ok(self
            .execute(app, prepared, Viewer::Public, Client::default())
            .await)
    }
}

/// The GraphiQL page, for people opening `/graphql` in a browser.
pub fn graphiql_page(endpoint: &str) -> String {
    async_graphql::http::GraphiQLSource::build()
        .endpoint(endpoint)
        .title("Wapi Synergies")
        .finish()
}
