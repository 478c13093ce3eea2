//! The routes: GraphQL at `/graphql` (`graphql_http`), the GeoJSON layers
//! (`geo_http`), equipment layers, exports and imports (`equipment_http`), the map page (`map_page`), metrics, and the probes
//! `/livez` and `/readyz`; with CORS, request ids, traces and the body limit
//! around them.

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::headers::API_KEY_HEADER;
use crate::{Settings, WebState, equipment_http, geo_http, graphql_http};

/// The application's routes, ready to serve.
pub fn router(app: app::App, settings: Settings) -> Router {
    let body_read_timeout = settings.connections.body_read_timeout;
    // A multipart upload carries the file and a little framing around it.
    let import_body_limit = usize::try_from(app.settings().import_limits.max_file_bytes)
        .unwrap_or(usize::MAX)
        + 64 * 1024;
    let state = WebState::new(app, settings);
    let cors = cors_layer(&state.settings().cors_origins);
    Router::new()
        .route("/graphql", get(graphql_http::get).post(graphql_http::post))
        .route("/geo/offers.geojson", get(geo_http::offers))
        .route("/geo/sites.geojson", get(geo_http::sites))
        .route("/geo/communes.geojson", get(geo_http::communes))
        .route("/geo/equipment.geojson", get(equipment_http::layer))
        .route("/exports/{file}", get(equipment_http::public_export))
        .route(
            "/exports/operators/{operator}/{file}",
            get(equipment_http::operator_export),
        )
        .route(
            "/imports/equipment",
            post(equipment_http::import).layer(DefaultBodyLimit::max(import_body_limit)),
        )
        .route("/metrics", get(metrics))
        .route("/livez", get(livez))
        .route("/readyz", get(readyz))
        .merge(crate::map_page::routes())
        .merge(crate::graphiql_page::routes())
        .layer(middleware::from_fn_with_state(state.clone(), record_http))
        .with_state(state)
        .layer(DefaultBodyLimit::max(api::MAX_BODY_BYTES))
        .layer(RequestBodyTimeoutLayer::new(body_read_timeout))
        .layer(cors)
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// The span of one request: its method, its route template and its id,
/// never the path or the query string as sent, which can carry anything —
/// a GraphQL document in a GET URL holds what people typed.
fn request_span<B>(request: &axum::http::Request<B>) -> tracing::Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str);
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    tracing::info_span!("request", method = %request.method(), route, request_id)
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
            header::HeaderName::from_static(API_KEY_HEADER),
        ])
        .expose_headers([header::ETAG, header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(600))
}

/// `GET /metrics`, in Prometheus' text format.
async fn metrics(State(state): State<WebState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics().render(),
    )
        .into_response()
}

/// Counts every request by its route template (never the raw path, which
/// could carry anything) and measures its latency.
async fn record_http(State(state): State<WebState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let method = request.method().as_str().to_owned();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    state.metrics().record_http(
        &route,
        &method,
        response.status().as_u16(),
        started.elapsed(),
    );
    response
}

/// The process is up.
async fn livez() -> &'static str {
    "ok"
}

/// The process can serve: its database answers.
async fn readyz(State(state): State<WebState>) -> Response {
    match state.app().store().ping().await {
        Ok(()) => "ready".into_response(),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}
