//! The application of Wapi Synergies: what the service does, whichever
//! door a request comes through (GraphQL, an HTTP upload, a `wapi` command).
//!
//! This crate owns:
//! - the [`App`]: the store, and the catalogue and the timetable as two
//!   cells that follow the database ([`following`], [`instances`]);
//! - who is asking ([`viewer`]), credentials ([`credentials`]), every
//!   authorisation decision ([`policy`]), rate limits and the login throttle;
//! - every use case, as a function taking the app, the viewer and parsed
//!   input and returning a result or an [`AppError`]: sign-in and
//!   invitations ([`accounts`]), partners' writes ([`partners`]), contact
//!   requests ([`contacts`]), the audit trail ([`audit`]), offer searches
//!   with travel times ([`search`]), journeys ([`travel`]), GeoJSON layers
//!   ([`layers`]), transit feeds ([`feeds`]);
//! - the stable error codes every door maps errors to ([`ErrorCode`]).
//!
//! It must not know: HTTP or axum, GraphQL or async-graphql, SQL or sea-orm
//! (it calls `storage`). Business rules live in `domain`; this crate
//! sequences them with storage and the timetable.

pub mod accounts;
pub mod api_keys;
pub mod audit;
mod clusters;
pub mod contacts;
pub mod credentials;
pub mod equipment;
mod error;
pub mod feeds;
mod following;
pub mod ids;
pub mod instances;
pub mod layers;
mod login_throttle;
pub mod pages;
pub mod partners;
pub mod policy;
pub mod rate_limit;
pub mod retention;
pub mod search;
pub mod travel;
pub mod viewer;

use std::sync::Arc;

use domain::catalog::Catalog;
use domain::location::{BoundingBox, ServiceArea};
use storage::{StorageError, Store};

pub use error::{AppError, AppResult, ErrorCode, join_field};
pub use rate_limit::{Rate, RateLimiter, RateLimits};
pub use viewer::{Client, Viewer};

use following::Following;

/// What can be configured about the application.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where place searches may be centred; by default the communes'
    /// bounding box plus about 10 km.
    pub service_bounds: Option<BoundingBox>,
    /// The largest search radius accepted (default 100 km).
    pub max_radius_km: Option<f64>,
    /// Rate limits per client address and per API key.
    pub rate_limits: RateLimits,
    /// Where the timetable comes from.
    pub feeds: feeds::FeedConfig,
    /// How often, on SQLite, the database is asked whether another process
    /// (a `wapi` command) changed the catalogue or the feeds. PostgreSQL
    /// tells at once (`LISTEN`).
    pub poll_every: std::time::Duration,
    /// What time it is: the system's clock, or a fixed instant (tests and
    /// demonstrations that must not age).
    pub clock: Clock,
    /// What an uploaded inventory file may hold (10 MB by default).
    pub import_limits: sheets::ReadLimits,
}

/// Where a request's "now" comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    #[default]
    System,
    Fixed(chrono::DateTime<chrono::Utc>),
}

impl Clock {
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        match self {
            Clock::System => chrono::Utc::now(),
            Clock::Fixed(at) => *at,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            service_bounds: None,
            max_radius_km: None,
            rate_limits: RateLimits::default(),
            feeds: feeds::FeedConfig::default(),
            poll_every: std::time::Duration::from_secs(2),
            clock: Clock::System,
            import_limits: sheets::ReadLimits::default(),
        }
    }
}

/// What one request reads: the catalogue and the timetable as they were
/// when it started, so that every field of an answer agrees with every
/// other. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub catalog: Arc<Catalog>,
    /// The public transport timetable, when one is loaded.
    pub timetable: Option<Arc<transit::Timetable>>,
    /// Where place searches may be centred.
    pub service_area: ServiceArea,
    /// When the request started: "now" for departures and journeys.
    pub now: chrono::DateTime<chrono::Utc>,
}

/// The running application. Cheap to clone: every clone is the same app.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    settings: Settings,
    service_area: ServiceArea,
    catalog: Following<Arc<Catalog>>,
    timetable: Following<Option<Arc<transit::Timetable>>>,
    clusters: clusters::ClusterCache,
    login_throttle: login_throttle::LoginThrottle,
    rate_limiter: RateLimiter,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("store", &self.inner.store)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Loads the catalogue from the store, with the default settings. The
    /// timetable is empty until [`App::load_timetable`] or
    /// [`App::replace_timetable`].
    pub async fn load(store: Store) -> Result<Self, StorageError> {
        Self::load_with(store, Settings::default()).await
    }

    /// Loads the catalogue from the store.
    pub async fn load_with(store: Store, settings: Settings) -> Result<Self, StorageError> {
        let (catalog, catalog_version) = store.load_catalog_versioned().await?;
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
        let rate_limiter = RateLimiter::new(settings.rate_limits);
        Ok(Self {
            inner: Arc::new(Inner {
                store,
                settings,
                service_area,
                catalog: Following::new(Arc::new(catalog), catalog_version),
                // Nothing loaded yet: any stored version is newer.
                timetable: Following::new(None, -1),
                clusters: clusters::ClusterCache::default(),
                login_throttle: login_throttle::LoginThrottle::default(),
                rate_limiter,
            }),
        })
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
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
        self.inner.catalog.current()
    }

    /// The public transport timetable as it is now.
    pub fn timetable(&self) -> Option<Arc<transit::Timetable>> {
        self.inner.timetable.current()
    }

    /// What a request reads from now on.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            catalog: self.catalog(),
            timetable: self.timetable(),
            service_area: self.inner.service_area,
            now: self.inner.settings.clock.now(),
        }
    }

    /// Installs a timetable at once, instead of the one its sources give,
    /// and keeps it: imports of feeds no longer replace it (tests share one
    /// parsed timetable this way). Requests under way keep the one they
    /// started with.
    pub fn pin_timetable(&self, timetable: Arc<transit::Timetable>) {
        self.inner.timetable.replace(Some(timetable), i64::MAX);
    }

    /// The rate limits, for the doors that admit requests.
    pub fn rate_limiter(&self) -> &RateLimiter {
        &self.inner.rate_limiter
    }

    pub(crate) fn login_throttle(&self) -> &login_throttle::LoginThrottle {
        &self.inner.login_throttle
    }

    pub(crate) fn clusters(&self) -> &clusters::ClusterCache {
        &self.inner.clusters
    }

    pub(crate) fn catalog_cell(&self) -> &Following<Arc<Catalog>> {
        &self.inner.catalog
    }

    pub(crate) fn timetable_cell(&self) -> &Following<Option<Arc<transit::Timetable>>> {
        &self.inner.timetable
    }
}
