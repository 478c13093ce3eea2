//! GraphQL over HTTP at `/graphql`, stricter than stock integrations:
//!
//! - `POST` takes one operation as `application/json` (415 otherwise); a
//!   JSON array (a batch) is refused, so one request is one operation;
//! - `GET` runs queries from the URL, never mutations (405, `Allow: POST`),
//!   so a link or an `<img>` cannot change data; without a query it serves
//!   GraphiQL;
//! - documents over the token or alias limits are refused before they run
//!   (`api::Executor::prepare`), and the body is capped (`api::MAX_BODY_BYTES`, 413).
//!
//! Refusals are GraphQL-shaped JSON with `extensions.code` so clients
//! handle them like any other error.
//!
//! Media types follow the GraphQL-over-HTTP specification: a client that
//! accepts `application/graphql-response+json` gets it, with 400 and no
//! `data` when the request could not even start (syntax, validation,
//! variables); others get `application/json`, always with 200.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use api::{GraphqlRequest, OperationKind, Outcome};
use app::{AppError, Client, ErrorCode};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::{WebState, headers};

/// A request refused before execution.
struct Refusal {
    status: StatusCode,
    code: ErrorCode,
    message: String,
    limit: Option<&'static str>,
    /// Seconds to wait, for RATE_LIMITED (also sent as `Retry-After`).
    retry_after: Option<u64>,
}

impl Refusal {
    fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Refusal {
            status,
            code,
            message: message.into(),
            limit: None,
            retry_after: None,
        }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, ErrorCode::BadUserInput, message)
    }

    /// The whole request is over a rate limit: 429 with `Retry-After`.
    fn rate_limited(retry_after_seconds: u64, message: &str) -> Self {
        Refusal {
            retry_after: Some(retry_after_seconds),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::RateLimited,
                format!("{message}; retry in {retry_after_seconds} seconds"),
            )
        }
    }

    /// A credentials problem found before execution: 401.
    fn from_app_error(error: AppError) -> Self {
        if let AppError::Internal(source) = &error {
            tracing::error!(error = %source, "internal error while reading credentials");
        }
        let status = match error.code() {
            ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        };
        Self::new(status, error.code(), error.message())
    }
}

impl From<api::Refusal> for Refusal {
    fn from(refusal: api::Refusal) -> Self {
        Refusal {
            limit: refusal.limit,
            ..Self::new(StatusCode::BAD_REQUEST, refusal.code, refusal.message)
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut extensions = json!({ "code": self.code.as_str() });
        if let Some(limit) = self.limit {
            extensions["limit"] = json!(limit);
        }
        if let Some(seconds) = self.retry_after {
            extensions["retryAfter"] = json!(seconds);
        }
        let body = json!({ "errors": [{ "message": self.message, "extensions": extensions }] });
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            response
                .headers_mut()
                .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        }
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        response
    }
}

/// The media type of the answer, from the request's `Accept`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseMedia {
    /// `application/graphql-response+json`: status codes carry meaning.
    GraphqlResponse,
    /// `application/json`: the legacy media type, always 200.
    Json,
}

impl ResponseMedia {
    const GRAPHQL_RESPONSE: &'static str = "application/graphql-response+json";

    fn negotiate(headers: &HeaderMap) -> Self {
        let accepts_graphql_response = headers
            .get_all(header::ACCEPT)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .any(|media| {
                media
                    .split(';')
                    .next()
                    .is_some_and(|m| m.trim() == Self::GRAPHQL_RESPONSE)
            });
        if accepts_graphql_response {
            ResponseMedia::GraphqlResponse
        } else {
            ResponseMedia::Json
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            ResponseMedia::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
            ResponseMedia::Json => "application/json; charset=utf-8",
        }
    }

    /// Writes an execution result.
    fn respond(self, outcome: &Outcome) -> Response {
        // Errors without a path happened before execution: the request as a
        // whole was wrong, and no data was produced.
        let request_failed = self == ResponseMedia::GraphqlResponse && outcome.request_failed();
        let status = if request_failed {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::OK
        };
        let mut http_response = (
            status,
            [(header::CONTENT_TYPE, self.content_type())],
            outcome.to_json(request_failed),
        )
            .into_response();
        // A field refused by a rate limit (a contact request): the longest
        // wait goes in the header too, for clients that only read that.
        if let Some(seconds) = outcome.retry_after_seconds() {
            http_response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        http_response
    }
}

/// The address of the peer the request came from, when the app is served
/// with connection info (`wapi serve` is; in-process tests are not).
pub(crate) struct PeerAddress(Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for PeerAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PeerAddress(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip()),
        ))
    }
}

/// Runs a checked request: the API key and its quota, or, without a valid
/// key, the quota of the client's address; then the bearer token, then
/// execution. A website with a key is counted by its key alone, so a
/// partner's server relaying many visitors is not held to one address's
/// quota; an invalid key still costs its address a token, so guessing keys
/// is limited too.
async fn run(
    state: &WebState,
    headers: &HeaderMap,
    peer: Option<IpAddr>,
    prepared: api::Prepared,
    media: ResponseMedia,
) -> Response {
    let now = Instant::now();
    // The refusal, when the address has used its quota.
    let refused_by_address = || {
        let wait = state
            .app()
            .rate_limiter()
            .admit_graphql_from(peer, now)
            .err()?;
        state.metrics().record_rate_limited("graphql_ip");
        Some(Refusal::rate_limited(wait, "too many requests from this address").into_response())
    };
    let site = match headers::api_key_site(state, headers).await {
        Ok(site) => site,
        Err(error) => {
            return refused_by_address()
                .unwrap_or_else(|| Refusal::from_app_error(error).into_response());
        }
    };
    let refused = match &site {
        Some(site) => state
            .app()
            .rate_limiter()
            .admit_graphql_for_key(site, now)
            .err()
            .map(|wait| {
                state.metrics().record_rate_limited("graphql_api_key");
                Refusal::rate_limited(wait, "this API key has used its quota").into_response()
            }),
        None => refused_by_address(),
    };
    if let Some(refused) = refused {
        return refused;
    }
    let viewer = match headers::viewer(state, headers).await {
        Ok(viewer) => viewer,
        Err(error) => return Refusal::from_app_error(error).into_response(),
    };
    let client = Client { ip: peer, site };
    let operation_name = prepared.operation_name().map(str::to_owned);
    let outcome = state
        .executor()
        .execute(state.app(), prepared, viewer, client)
        .await;
    state.metrics().record_operation(
        operation_name.as_deref(),
        outcome.error_codes(),
        outcome.elapsed,
    );
    media.respond(&outcome)
}

/// `GET /graphql`: GraphiQL for a person, or a query from the URL's
/// `query`, `operationName` and `variables` parameters.
pub(crate) async fn get(
    State(state): State<WebState>,
    PeerAddress(peer): PeerAddress,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let media = ResponseMedia::negotiate(&headers);
    let Some(query) = query.filter(|q| !q.is_empty()) else {
        return crate::graphiql_page::page();
    };
    let request = match GraphqlRequest::from_query_string(&query) {
        Ok(request) => request,
        Err(error) => return Refusal::bad_request(error).into_response(),
    };
    match state.executor().prepare(request) {
        Ok(prepared) if prepared.operation() == Some(OperationKind::Mutation) => Refusal::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::BadUserInput,
            "mutations are only accepted with POST",
        )
        .into_response(),
        Ok(prepared) => run(&state, &headers, peer, prepared, media).await,
        Err(refusal) => Refusal::from(refusal).into_response(),
    }
}

/// `POST /graphql` with one operation as `application/json`.
pub(crate) async fn post(
    State(state): State<WebState>,
    PeerAddress(peer): PeerAddress,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadUserInput,
            "send the operation as a JSON object with Content-Type: application/json",
        )
        .into_response();
    }
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(error) => {
            return Refusal::bad_request(format!("the body is not valid JSON: {error}"))
                .into_response();
        }
    };
    if value.is_array() {
        return Refusal::bad_request(
            "batched requests are not accepted; send one operation per request",
        )
        .into_response();
    }
    let request = match GraphqlRequest::from_json(value) {
        Ok(request) => request,
        Err(error) => {
            return Refusal::bad_request(format!(
                "the body must be an object with a string `query` and optional `operationName` and `variables`: {error}"
            ))
            .into_response();
        }
    };
    match state.executor().prepare(request) {
        Ok(prepared) => {
            run(
                &state,
                &headers,
                peer,
                prepared,
                ResponseMedia::negotiate(&headers),
            )
            .await
        }
        Err(refusal) => Refusal::from(refusal).into_response(),
    }
}
