//! The GraphQL schema and HTTP surface of Wapi Synergies.
//!
//! This crate owns: the GraphQL types (mirrors of domain values, documented
//! for partner developers), the mapping of every error to a stable
//! `extensions.code`, global ids and cursors, and the axum router
//! (`/graphql`, `/livez`, `/readyz`).
//!
//! It must not know: SQL or sea-orm (it calls `storage`), business rules
//! (they live in `domain`; resolvers only parse, call and map).

pub mod auth;
mod cluster_cache;
mod contact_requests;
mod error;
mod geo_http;
mod graphql_http;
mod http;
mod ids;
mod layers;
mod limits;
mod login_throttle;
mod map_page;
mod metrics;
mod policy;
mod rate_limit;
pub(crate) mod schema;
mod travel;

use std::sync::{Arc, RwLock};

use domain::api_key::ApiKeySite;
use domain::catalog::Catalog;
use domain::location::{BoundingBox, ServiceArea};
use storage::{StorageError, Store};

pub use error::ApiError;
pub use http::router as app;
pub use rate_limit::{Rate, RateLimits};
pub use schema::{RequestContext, WapiSchema, build_schema};

/// What can be configured about the API.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Where place searches may be centred; by default the communes'
    /// bounding box plus about 10 km.
    pub service_bounds: Option<BoundingBox>,
    /// The largest search radius accepted (default 100 km).
    pub max_radius_km: Option<f64>,
    /// Origins of partner websites allowed to call the API from a browser
    /// (CORS), such as `https://www.example-school.be`.
    pub cors_origins: Vec<String>,
    /// Tile URL template for the reference map at `/map`, such as
    /// `https://tile.example.org/{z}/{x}/{y}.png` (Leaflet's placeholders).
    /// Without one, the map draws the commune outlines on a plain
    /// background and loads nothing from elsewhere.
    pub map_tile_url: Option<String>,
    /// Rate limits per client address and per API key.
    pub rate_limits: RateLimits,
}

/// The header partner websites send their API key in.
pub const API_KEY_HEADER: &str = "x-api-key";

/// Where a request comes from: the peer's address and the website its API
/// key identifies. Neither grants any right; they count against quotas.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub ip: Option<std::net::IpAddr>,
    pub site: Option<ApiKeySite>,
}

/// What every request needs: the schema, the database and the current
/// catalogue. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    schema: WapiSchema,
    store: Store,
    service_area: ServiceArea,
    settings: Settings,
    clusters: Arc<cluster_cache::ClusterCache>,
    login_throttle: Arc<login_throttle::LoginThrottle>,
    rate_limiter: Arc<rate_limit::RateLimiter>,
    metrics: metrics::Metrics,
    /// Replaced whole when feeds are (re)loaded; `None` without any feed.
    timetable: RwLock<Option<Arc<transit::Timetable>>>,
    /// Replaced whole after each committed write; readers keep the snapshot
    /// they started with.
    catalog: RwLock<Arc<Catalog>>,
    /// Coalesces catalogue reloads (see [`AppState::refresh_catalog`]).
    refresh: CatalogRefresh,
}

/// Writers ask for a reload after their commit; one reload serves every
/// writer that asked before it started.
#[derive(Debug, Default)]
struct CatalogRefresh {
    /// How many reloads were asked for.
    requested: std::sync::atomic::AtomicU64,
    /// The `requested` count the current catalogue was loaded after.
    loaded: tokio::sync::Mutex<u64>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.inner.store)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Loads the catalogue from the store, with the default settings.
    pub async fn load(store: Store) -> Result<Self, StorageError> {
        Self::load_with(store, Settings::default()).await
    }

    /// Loads the catalogue from the store.
    pub async fn load_with(store: Store, settings: Settings) -> Result<Self, StorageError> {
        let catalog = store.load_catalog().await?;
        let mut service_area =
            catalog
                .default_service_area()
                .map_err(|e| StorageError::Corrupt {
                    table: "communes",
                    id: "*".to_owned(),
                    message: e.to_string(),
                })?;
        if let Some(bounds) = settings.service_bounds {
            service_area.bounds = bounds;
        }
        if let Some(max_radius_km) = settings.max_radius_km {
            service_area.max_radius_km = max_radius_km;
        }
        let rate_limiter = Arc::new(rate_limit::RateLimiter::new(settings.rate_limits));
        Ok(Self {
            inner: Arc::new(Inner {
                schema: build_schema(),
                store,
                service_area,
                settings,
                clusters: Arc::default(),
                login_throttle: Arc::default(),
                rate_limiter,
                metrics: metrics::Metrics::default(),
                timetable: RwLock::new(None),
                catalog: RwLock::new(Arc::new(catalog)),
                refresh: CatalogRefresh::default(),
            }),
        })
    }

    /// The public transport timetable as it is now.
    pub fn timetable(&self) -> Option<Arc<transit::Timetable>> {
        self.inner
            .timetable
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Swaps in a new timetable at once: requests under way keep the one
    /// they started with, the next ones use the new one.
    pub fn replace_timetable(&self, timetable: Arc<transit::Timetable>) {
        *self
            .inner
            .timetable
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some(timetable);
    }

    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// The area place searches may be centred in.
    pub fn service_area(&self) -> ServiceArea {
        self.inner.service_area
    }

    /// The catalogue as it is now.
    pub fn catalog(&self) -> Arc<Catalog> {
        // A poisoned lock only means a writer panicked between two whole
        // snapshots; the one inside is still complete.
        let guard = self.inner.catalog.read().unwrap_or_else(|e| e.into_inner());
        Arc::clone(&guard)
    }

    /// Makes every write committed before this call visible to the reads
    /// that start after it returns. Concurrent callers share reloads: a
    /// caller waits for the reload in progress, then returns at once if a
    /// reload that started after its request has already finished.
    pub async fn refresh_catalog(&self) -> Result<(), StorageError> {
        use std::sync::atomic::Ordering;
        let refresh = &self.inner.refresh;
        let ticket = refresh.requested.fetch_add(1, Ordering::SeqCst) + 1;
        let mut loaded = refresh.loaded.lock().await;
        if *loaded >= ticket {
            return Ok(());
        }
        // Every ticket up to here was taken after its write committed, and
        // the load below starts after this read: it sees all those writes.
        let covers = refresh.requested.load(Ordering::SeqCst);
        self.reload_catalog().await?;
        *loaded = covers;
        Ok(())
    }

    /// Follows the writes made through other instances sharing this
    /// PostgreSQL database (`LISTEN`), refreshing the catalogue after each,
    /// until the process ends. Returns once listening has started (and the
    /// writes made before that are caught by one refresh), so that a
    /// request served after it sees them. Does nothing on SQLite.
    pub async fn follow_other_instances(&self) {
        let first = match self.store().change_feed().await {
            Ok(None) => return,
            Ok(Some(feed)) => {
                self.refresh_after_listening().await;
                Some(feed)
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for other instances' writes yet; retrying");
                None
            }
        };
        let state = self.clone();
        tokio::spawn(async move {
            let mut next = first;
            loop {
                let mut feed = match next.take() {
                    Some(feed) => feed,
                    None => match state.store().change_feed().await {
                        Ok(Some(feed)) => {
                            state.refresh_after_listening().await;
                            feed
                        }
                        Ok(None) => return,
                        Err(error) => {
                            tracing::warn!(%error, "cannot listen for other instances' writes; retrying in 5 s");
                            tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                            continue;
                        }
                    },
                };
                loop {
                    if let Err(error) = feed.next_change().await {
                        tracing::warn!(%error, "lost the change feed; reconnecting");
                        break;
                    }
                    if let Err(error) = state.refresh_catalog().await {
                        tracing::error!(%error, "cannot refresh the catalogue after a write elsewhere");
                    }
                }
            }
        });
    }

    /// Once listening, catches up with what was written before.
    async fn refresh_after_listening(&self) {
        tracing::info!("listening for other instances' writes");
        if let Err(error) = self.refresh_catalog().await {
            tracing::error!(%error, "cannot refresh the catalogue after listening");
        }
    }

    /// Rebuilds the catalogue from the database and swaps it in.
    pub async fn reload_catalog(&self) -> Result<(), StorageError> {
        let started = std::time::Instant::now();
        let previous = self.catalog();
        let fresh = Arc::new(self.inner.store.reload_catalog(&previous).await?);
        tracing::debug!(elapsed = ?started.elapsed(), "catalogue reloaded");
        *self
            .inner
            .catalog
            .write()
            .unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(())
    }

    pub(crate) fn metrics(&self) -> &metrics::Metrics {
        &self.inner.metrics
    }

    pub(crate) fn cluster_cache(&self) -> &cluster_cache::ClusterCache {
        &self.inner.clusters
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// What one request reads: the catalogue as it is now, and the settings.
    pub fn request_context(&self) -> RequestContext {
        self.request_context_for(auth::Viewer::Public, Client::default())
    }

    pub(crate) fn rate_limiter(&self) -> &rate_limit::RateLimiter {
        &self.inner.rate_limiter
    }

    fn request_context_for(&self, viewer: auth::Viewer, client: Client) -> RequestContext {
        RequestContext {
            catalog: self.catalog(),
            service_area: self.inner.service_area,
            clusters: Arc::clone(&self.inner.clusters),
            timetable: self.timetable(),
            viewer,
            store: self.inner.store.clone(),
            login_throttle: Arc::clone(&self.inner.login_throttle),
            app: self.clone(),
            refreshed: Arc::default(),
            rate_limiter: Arc::clone(&self.inner.rate_limiter),
            client,
        }
    }

    /// The partner website an `X-Api-Key` header identifies; `None`
    /// without the header; an unknown or revoked key is refused.
    pub async fn api_key_site(
        &self,
        headers: &axum::http::HeaderMap,
    ) -> Result<Option<ApiKeySite>, ApiError> {
        let Some(value) = headers.get(API_KEY_HEADER) else {
            return Ok(None);
        };
        let unknown = || {
            ApiError::Unauthenticated(
                "the X-Api-Key header holds no active API key: check it, or ask IBEFE for a new one (or send none: the API is public)".to_owned(),
            )
        };
        let key = value.to_str().map_err(|_| unknown())?.trim();
        let site = self
            .inner
            .store
            .api_key_site(&auth::token_sha256(key))
            .await
            .map_err(|e| ApiError::Internal(Box::new(e)))?
            .ok_or_else(unknown)?;
        self.inner.metrics.record_api_key(&site);
        Ok(Some(site))
    }

    /// Who presents these request headers: the public without a token, an
    /// account with a valid one; an unknown, expired or revoked token is refused.
    pub async fn viewer(&self, headers: &axum::http::HeaderMap) -> Result<auth::Viewer, ApiError> {
        let Some(value) = headers.get(axum::http::header::AUTHORIZATION) else {
            return Ok(auth::Viewer::Public);
        };
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(|| {
                ApiError::Unauthenticated(
                    "the Authorization header must be `Bearer <token>`".to_owned(),
                )
            })?;
        let digest = auth::token_sha256(token);
        let account = self
            .inner
            .store
            .account_for_token(&digest, chrono::Utc::now())
            .await
            .map_err(|e| ApiError::Internal(Box::new(e)))?
            .ok_or_else(|| {
                ApiError::Unauthenticated(
                    "the bearer token is unknown, expired or revoked".to_owned(),
                )
            })?;
        Ok(auth::Viewer::Account {
            account,
            token_sha256: digest,
        })
    }

    /// Executes a GraphQL request for the public against the current catalogue snapshot.
    pub async fn execute(
        &self,
        request: impl Into<async_graphql::Request>,
    ) -> async_graphql::Response {
        self.execute_as(request, auth::Viewer::Public).await
    }

    /// Executes a GraphQL request for a viewer against the current catalogue snapshot.
    pub async fn execute_as(
        &self,
        request: impl Into<async_graphql::Request>,
        viewer: auth::Viewer,
    ) -> async_graphql::Response {
        self.execute_for(request, viewer, Client::default()).await
    }

    /// Executes a GraphQL request for a viewer, from a client, against the
    /// current catalogue snapshot.
    pub async fn execute_for(
        &self,
        request: impl Into<async_graphql::Request>,
        viewer: auth::Viewer,
        client: Client,
    ) -> async_graphql::Response {
        let request = request
            .into()
            .data(self.request_context_for(viewer, client));
        let operation_name = request.operation_name.clone();
        let started = std::time::Instant::now();
        let response = self.inner.schema.execute(request).await;
        let codes = response.errors.iter().map(|error| {
            error
                .extensions
                .as_ref()
                .and_then(|extensions| extensions.get("code"))
                .and_then(|code| match code {
                    async_graphql::Value::String(code) => Some(code.as_str()),
                    _ => None,
                })
                // Parse and validation errors come from async-graphql without a code.
                .unwrap_or("GRAPHQL_VALIDATION_FAILED")
        });
        self.inner
            .metrics
            .record_operation(operation_name.as_deref(), codes, started.elapsed());
        response
    }
}
