//! The end-to-end test harness: [`TestApp`] serves the real router on a
//! free port of 127.0.0.1, over its own fresh database, and speaks GraphQL
//! to it over HTTP like a partner website would.

use std::sync::{Arc, OnceLock};

use serde_json::{Value, json};
use storage::testing::TestDatabase;
use storage::{SeedSelection, Store};

/// The demo feed's timetable, loaded once per test binary from `seeds/`.
pub fn demo_timetable() -> Arc<transit::Timetable> {
    static TIMETABLE: OnceLock<Arc<transit::Timetable>> = OnceLock::new();
    Arc::clone(TIMETABLE.get_or_init(|| {
        let folder =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds/gtfs/demo-wapi");
        let (timetable, _) = transit::Timetable::load(
            &[transit::FeedSource::Path(folder)],
            &transit::RouterSettings::default(),
        )
        .expect("the demo feed loads");
        Arc::new(timetable)
    }))
}

/// A plain-HTTP client. The workspace builds reqwest with rustls and no
/// default crypto provider (the feed downloader brings ring): install it
/// first, or building any client panics.
fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}

/// What a test may configure: the application's settings that tests vary
/// and the HTTP surface's.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub rate_limits: app::RateLimits,
    pub cors_origins: Vec<String>,
    pub map_tile_url: Option<String>,
    pub connections: web::ConnectionLimits,
    pub execution: web::ExecutionLimits,
}

impl Settings {
    fn app(&self) -> app::Settings {
        app::Settings {
            rate_limits: self.rate_limits,
            // The tests pin one parsed demo timetable (`demo_timetable`).
            feeds: app::feeds::FeedConfig::imported_only(),
            // The demo timetable's first day, so that the tests' dates stay
            // to come (an arrival in the past is refused) as the calendar
            // moves on.
            clock: app::Clock::Fixed(
                chrono::DateTime::parse_from_rfc3339("2026-09-01T00:00:00Z")
                    .expect("an instant")
                    .to_utc(),
            ),
            ..app::Settings::default()
        }
    }

    fn web(&self) -> web::Settings {
        web::Settings {
            cors_origins: self.cors_origins.clone(),
            map_tile_url: self.map_tile_url.clone(),
            connections: self.connections,
            execution: self.execution,
        }
    }
}

/// A running application with its own database.
#[derive(Debug)]
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub state: app::App,
    settings: Settings,
    pub client: reqwest::Client,
    server: tokio::task::JoinHandle<()>,
    /// The database URL, for a second instance on the same database.
    database_url: String,
    // Dropped last: the database outlives the server that uses it. A second
    // instance does not own it.
    _database: Option<TestDatabase>,
}

impl TestApp {
    /// Migrates and seeds (reference and demo data) the database, loads the
    /// catalogue and serves the app.
    pub async fn spawn(database: TestDatabase) -> Self {
        Self::spawn_with(database, Settings::default()).await
    }

    /// Like [`TestApp::spawn`], with settings.
    pub async fn spawn_with(database: TestDatabase, settings: Settings) -> Self {
        let store = Store::connect(&database.url).await.expect("connect");
        store.migrate().await.expect("migrate");
        store
            .seed(SeedSelection { demo: true })
            .await
            .expect("seed");
        let url = database.url.clone();
        Self::serve(store, settings, url, Some(database)).await
    }

    /// Another instance of the app on the same database, as a second
    /// server behind a load balancer would be.
    pub async fn another_instance(&self) -> Self {
        let store = Store::connect(&self.database_url).await.expect("connect");
        Self::serve(
            store,
            self.settings.clone(),
            self.database_url.clone(),
            None,
        )
        .await
    }

    async fn serve(
        store: Store,
        settings: Settings,
        database_url: String,
        database: Option<TestDatabase>,
    ) -> Self {
        let state = app::App::load_with(store, settings.app())
            .await
            .expect("load the catalogue");
        state.pin_timetable(demo_timetable());
        state.follow_database().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a free port");
        let address = format!("http://{}", listener.local_addr().expect("local address"));
        // With the peer's address, as `wapi serve` does, for the per-address limits.
        let (app, web_settings) = (state.clone(), settings.web());
        let server = tokio::spawn(async move {
            web::serve(listener, app, web_settings, std::future::pending())
                .await
                .expect("serve");
        });
        Self {
            address,
            state,
            settings,
            client: http_client(),
            server,
            database_url,
            _database: database,
        }
    }

    /// POSTs a GraphQL query with variables; returns the whole JSON response.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let response = self
            .client
            .post(format!("{}/graphql", self.address))
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("send the query");
        assert_eq!(
            response.status(),
            200,
            "GraphQL responses are 200 even with errors"
        );
        response.json().await.expect("a JSON response")
    }

    /// GETs a path of the app.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("send the request")
    }

    /// POSTs a query that must succeed; returns its `data`.
    pub async fn data(&self, query: &str, variables: Value) -> Value {
        let response = self.graphql(query, variables).await;
        assert!(
            response.get("errors").is_none(),
            "unexpected errors: {response:#}"
        );
        response["data"].clone()
    }

    /// POSTs a query that must fail; returns its single error.
    pub async fn error(&self, query: &str, variables: Value) -> Value {
        let response = self.graphql(query, variables).await;
        let errors = response["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("expected errors: {response:#}"));
        assert_eq!(errors.len(), 1, "{response:#}");
        errors[0].clone()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}
