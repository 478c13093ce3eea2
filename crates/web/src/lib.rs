//! The HTTP surface of Wapi Synergies, and the only crate that knows axum:
//! the router ([`router`]), GraphQL over HTTP with its media types, methods
//! and limits (`graphql_http`), reading who asks from the request's headers
//! (`headers`), the GeoJSON layers for map widgets (`geo_http`), the map
//! page (`map_page`) and GraphiQL (`graphiql_page`), their embedded and
//! vendored files (`assets`), serving connections (`serving`), metrics (`metrics`), request
//! ids, CORS and the probes.
//!
//! It must not know: GraphQL's engine (it hands documents to
//! `api::Executor`), the rules of use cases (`app`), SQL.

mod assets;
mod equipment_http;
mod geo_http;
mod graphiql_page;
mod graphql_http;
mod headers;
mod map_page;
mod metrics;
mod router;
mod serving;

use std::sync::Arc;

pub use api::ExecutionLimits;
pub use headers::API_KEY_HEADER;
pub use router::router;
pub use serving::ConnectionLimits;

/// Serves the application on a listener until `shutdown` completes: each
/// connection's peer address known (for the per-address rate limits),
/// slow clients cut off and connections bounded (`ConnectionLimits`).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: app::App,
    settings: Settings,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = settings.connections;
    serving::serve_connections(listener, router(app, settings), limits, shutdown).await
}

/// What can be configured about the HTTP surface.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Origins of partner websites allowed to call the API from a browser
    /// (CORS), such as `https://www.example-school.be`.
    pub cors_origins: Vec<String>,
    /// Tile URL template for the reference map at `/map`, such as
    /// `https://tile.example.org/{z}/{x}/{y}.png` (Leaflet's placeholders).
    /// Without one, the map draws the commune outlines on a plain
    /// background and loads nothing from elsewhere.
    pub map_tile_url: Option<String>,
    /// Timeouts for slow clients and the number of open connections.
    pub connections: ConnectionLimits,
    /// The time budget and the response size of one GraphQL request.
    pub execution: ExecutionLimits,
}

/// What every handler reads. Cheap to clone.
#[derive(Clone)]
pub(crate) struct WebState {
    inner: Arc<Inner>,
}

struct Inner {
    app: app::App,
    executor: api::Executor,
    metrics: metrics::Metrics,
    settings: Settings,
}

impl WebState {
    fn new(app: app::App, settings: Settings) -> Self {
        Self {
            inner: Arc::new(Inner {
                app,
                executor: api::Executor::with_limits(settings.execution),
                metrics: metrics::Metrics::default(),
                settings,
            }),
        }
    }

    pub(crate) fn app(&self) -> &app::App {
        &self.inner.app
    }

    pub(crate) fn executor(&self) -> &api::Executor {
        &self.inner.executor
    }

    pub(crate) fn metrics(&self) -> &metrics::Metrics {
        &self.inner.metrics
    }

    pub(crate) fn settings(&self) -> &Settings {
        &self.inner.settings
    }
}
