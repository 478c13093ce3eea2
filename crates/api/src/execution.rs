//! The life of a GraphQL document, for the HTTP transport: a request is
//! read ([`GraphqlRequest`]), checked against the document limits and
//! parsed once ([`Executor::prepare`]), then executed for a viewer
//! ([`Executor::execute`]) within its cost budget, a time budget and a
//! bound on the response's size, into an [`Outcome`] the transport writes
//! out. Every error in an outcome has its `extensions.code`. The transport
//! never sees an async-graphql type.

use std::time::Duration;

use app::{App, Client, ErrorCode, Viewer};
use async_graphql::parser::types::OperationType;

use crate::context::RequestContext;
use crate::engine_errors;
use crate::limits::{self, LimitExceeded};
use crate::schema::{WapiSchema, build_metered_schema, build_schema};

/// What bounds one execution, besides its cost (`cost::BUDGET`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecutionLimits {
    /// The longest a document may run; past it, it is stopped and answered
    /// with `QUERY_TIMEOUT`.
    pub time_budget: Duration,
    /// The largest response body; a larger one is replaced by a
    /// `RESPONSE_TOO_LARGE` error.
    pub max_response_bytes: usize,
}

impl Default for ExecutionLimits {
    fn default() -> Self {
        Self {
            time_budget: Duration::from_secs(10),
            max_response_bytes: 16 * 1024 * 1024,
        }
    }
}

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

    /// Reads a request from a URL's query string, as GraphQL over HTTP
    /// names its parameters: `query`, `operationName`, and `variables` and
    /// `extensions` as JSON objects. Other parameters are ignored; one of
    /// these given twice is refused.
    pub fn from_query_string(query_string: &str) -> Result<Self, String> {
        let mut fields: [(&str, Option<String>); 4] = [
            ("query", None),
            ("operationName", None),
            ("variables", None),
            ("extensions", None),
        ];
        for (name, value) in form_urlencoded::parse(query_string.as_bytes()) {
            if let Some((_, slot)) = fields.iter_mut().find(|(known, _)| *known == name) {
                if slot.is_some() {
                    return Err(format!("the parameter `{name}` is given twice"));
                }
                *slot = Some(value.into_owned());
            }
        }
        let [
            (_, query),
            (_, operation_name),
            (_, variables),
            (_, extensions),
        ] = fields;
        let object = |name: &str, raw: Option<String>| -> Result<serde_json::Value, String> {
            match raw.filter(|r| !r.trim().is_empty()) {
                None => Ok(serde_json::Value::Object(Default::default())),
                Some(raw) => match serde_json::from_str::<serde_json::Value>(&raw) {
                    Ok(value @ serde_json::Value::Object(_)) => Ok(value),
                    _ => Err(format!("the parameter `{name}` must be a JSON object")),
                },
            }
        };
        let body = serde_json::json!({
            "query": query.unwrap_or_default(),
            "operationName": operation_name.filter(|name| !name.is_empty()),
            "variables": object("variables", variables)?,
            "extensions": object("extensions", extensions)?,
        });
        Self::from_json(body)
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
            code: exceeded.code,
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
    /// Why the document does not parse, if it does not: execution answers
    /// with it instead of running anything.
    syntax_error: Option<async_graphql::ServerError>,
    /// Where the document reads variables, to tell a bad variable from a
    /// bad literal in async-graphql's errors.
    variable_positions: engine_errors::VariablePositions,
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
    max_response_bytes: usize,
}

impl Outcome {
    /// Whether the request could not even start (syntax, validation,
    /// variables): errors without a path, and no data.
    pub fn request_failed(&self) -> bool {
        self.response.data == async_graphql::Value::Null
            && !self.response.errors.is_empty()
            && self.response.errors.iter().all(|e| e.path.is_empty())
    }

    /// The code of every error, for metrics.
    pub fn error_codes(&self) -> Vec<&str> {
        self.response
            .errors
            .iter()
            .map(|error| engine_errors::code_of(error).unwrap_or(ErrorCode::Internal.as_str()))
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
        let body = body.to_string();
        if body.len() <= self.max_response_bytes {
            return body;
        }
        serde_json::json!({
            "errors": [{
                "message": format!(
                    "the response would be {} bytes, over the limit of {}: ask for smaller pages or fewer fields",
                    body.len(),
                    self.max_response_bytes
                ),
                "extensions": {
                    "code": ErrorCode::ResponseTooLarge.as_str(),
                    "limit": "responseBytes",
                },
            }]
        })
        .to_string()
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
    /// With the cost extension (`schema::build_metered_schema`).
    metered: WapiSchema,
    limits: ExecutionLimits,
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
        Self::with_limits(ExecutionLimits::default())
    }

    pub fn with_limits(limits: ExecutionLimits) -> Self {
        Self {
            schema: build_schema(),
            metered: build_metered_schema(),
            limits,
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
        // Parsed here, once, by us: the parser's own error quotes the
        // document, so a syntax error is rewritten before anyone reads it.
        let document = match async_graphql::parser::parse_query(&graphql_request.query) {
            Ok(document) => document,
            Err(error) => {
                return Ok(Prepared {
                    request: graphql_request,
                    operation: None,
                    syntax_error: Some(engine_errors::parse_failure(&error)),
                    variable_positions: Default::default(),
                });
            }
        };
        limits::check_aliases(&document)?;
        limits::check_contact_mutations(&document)?;
        limits::check_directives_are_known(&document)?;
        limits::check_typename_is_a_leaf(&document)?;
        let operation =
            limits::operation_type(&document, operation_name.as_deref()).map(|kind| match kind {
                OperationType::Query => OperationKind::Query,
                OperationType::Mutation => OperationKind::Mutation,
                OperationType::Subscription => OperationKind::Subscription,
            });
        let variable_positions = limits::arguments_reading_variables(&document);
        graphql_request.set_parsed_query(document);
        Ok(Prepared {
            request: graphql_request,
            operation,
            syntax_error: None,
            variable_positions,
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
        let started = std::time::Instant::now();
        let variable_positions = prepared.variable_positions;
        let outcome = |mut response: async_graphql::Response| {
            engine_errors::give_codes(&mut response.errors, &variable_positions);
            Outcome {
                response,
                elapsed: started.elapsed(),
                max_response_bytes: self.limits.max_response_bytes,
            }
        };
        if let Some(error) = prepared.syntax_error {
            return outcome(async_graphql::Response::from_errors(vec![error]));
        }
        let asks_for_cost = crate::cost::asks_for_cost(&prepared.request);
        // What it takes to ask the metered schema why a document was refused.
        let parts = (!asks_for_cost).then(|| {
            let r = &prepared.request;
            (
                r.query.clone(),
                r.variables.clone(),
                r.operation_name.clone(),
            )
        });
        let request = prepared
            .request
            .data(RequestContext::new(app.clone(), viewer, client));
        let schema = if asks_for_cost {
            &self.metered
        } else {
            &self.schema
        };
        let budget = self.limits.time_budget;
        let response = match tokio::time::timeout(budget, schema.execute(request)).await {
            Ok(response) => response,
            // Dropping the execution frees what it had built.
            Err(_) => {
                return outcome(async_graphql::Response::from_errors(vec![timed_out(
                    budget,
                )]));
            }
        };
        match parts {
            Some((query, variables, operation_name)) if over_budget(&response) => {
                // The metered schema refuses it again in validation, with its
                // cost: nothing runs, so the public's context is enough.
                let mut again = async_graphql::Request::new(query).variables(variables);
                if let Some(name) = operation_name {
                    again = again.operation_name(name);
                }
                let again = again.data(RequestContext::new(
                    app.clone(),
                    Viewer::Public,
                    Client::default(),
                ));
                outcome(self.metered.execute(again).await)
            }
            _ => outcome(response),
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

/// Whether async-graphql's complexity limit (the budget) refused the document.
fn over_budget(response: &async_graphql::Response) -> bool {
    response.data == async_graphql::Value::Null
        && response
            .errors
            .iter()
            .any(|e| e.path.is_empty() && e.message == "Query is too complex.")
}

/// The error of an execution stopped at its time budget.
fn timed_out(budget: Duration) -> async_graphql::ServerError {
    let mut error = async_graphql::ServerError::new(
        format!(
            "the request ran longer than {} s and was stopped; ask for less, or retry later",
            budget.as_secs_f64()
        ),
        None,
    );
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", ErrorCode::QueryTimeout.as_str());
    extensions.set("limit", "time");
    error.extensions = Some(extensions);
    error
}
