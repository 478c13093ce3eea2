//! The HTTP surface: GraphQL over HTTP at `/graphql` (GraphiQL in a browser),
//! and the probes `/livez` and `/readyz`.

use async_graphql::http::GraphiQLSource;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::{AppState, geo_http};

/// The application's routes, ready to serve.
pub fn router(state: AppState) -> Router {
    let cors = cors_layer(&state.settings().cors_origins);
    Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/geo/offers.geojson", get(geo_http::offers))
        .route("/geo/sites.geojson", get(geo_http::sites))
        .route("/geo/communes.geojson", get(geo_http::communes))
        .route("/livez", get(livez))
        .route("/readyz", get(readyz))
        .merge(crate::map_page::routes())
        .with_state(state)
        .layer(cors)
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// Browsers on the configured partner origins may call the API; with none
/// configured, no cross-origin call is allowed.
fn cors_layer(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|origin| match HeaderValue::from_str(origin.trim_end_matches('/')) {
            Ok(value) => Some(value),
            Err(_) => {
                tracing::warn!(%origin, "ignoring a CORS origin that is not a valid header value");
                None
            }
        })
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::IF_NONE_MATCH,
        ])
        .expose_headers([header::ETAG])
        .max_age(std::time::Duration::from_secs(600))
}

/// `GET /graphql`: GraphiQL for a person, or a query from the URL's
/// `query`, `operationName` and `variables` parameters.
async fn graphql_get(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let Some(query) = query.filter(|q| !q.is_empty()) else {
        return Html(
            GraphiQLSource::build()
                .endpoint("/graphql")
                .title("Wapi Synergies")
                .finish(),
        )
        .into_response();
    };
    match async_graphql::http::parse_query_string(&query) {
        Ok(request) => Json(state.execute(request).await).into_response(),
        Err(error) => (StatusCode::BAD_REQUEST, error.to_string()).into_response(),
    }
}

/// `POST /graphql` with an `application/json` body; other content types are
/// refused with 415 by the extractor.
async fn graphql_post(
    State(state): State<AppState>,
    Json(request): Json<async_graphql::Request>,
) -> Response {
    Json(state.execute(request).await).into_response()
}

/// The process is up.
async fn livez() -> &'static str {
    "ok"
}

/// The process can serve: its database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.store().ping().await {
        Ok(()) => "ready".into_response(),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}
