//! The GraphQL schema and HTTP surface of Wapi Synergies.
//!
//! This crate owns: the GraphQL types (mirrors of domain values, documented
//! for partner developers), the mapping of every error to a stable
//! `extensions.code`, global ids and cursors, and the axum router
//! (`/graphql`, `/livez`, `/readyz`).
//!
//! It must not know: SQL or sea-orm (it calls `storage`), business rules
//! (they live in `domain`; resolvers only parse, call and map).

mod error;
mod http;
mod ids;
mod schema;

use std::sync::{Arc, RwLock};

use domain::catalog::Catalog;
use storage::{StorageError, Store};

pub use error::ApiError;
pub use http::router as app;
pub use schema::{CatalogSnapshot, WapiSchema, build_schema};

/// What every request needs: the schema, the database and the current
/// catalogue. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    schema: WapiSchema,
    store: Store,
    /// Replaced whole after each committed write; readers keep the snapshot
    /// they started with.
    catalog: RwLock<Arc<Catalog>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.inner.store)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Loads the catalogue from the store.
    pub async fn load(store: Store) -> Result<Self, StorageError> {
        let catalog = store.load_catalog().await?;
        Ok(Self {
            inner: Arc::new(Inner {
                schema: build_schema(),
                store,
                catalog: RwLock::new(Arc::new(catalog)),
            }),
        })
    }

    /// The catalogue as it is now.
    pub fn catalog(&self) -> Arc<Catalog> {
        // A poisoned lock only means a writer panicked between two whole
        // snapshots; the one inside is still complete.
        let guard = self.inner.catalog.read().unwrap_or_else(|e| e.into_inner());
        Arc::clone(&guard)
    }

    /// Rebuilds the catalogue from the database and swaps it in.
    pub async fn reload_catalog(&self) -> Result<(), StorageError> {
        let fresh = Arc::new(self.inner.store.load_catalog().await?);
        *self
            .inner
            .catalog
            .write()
            .unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(())
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// Executes a GraphQL request against the current catalogue snapshot.
    pub async fn execute(
        &self,
        request: impl Into<async_graphql::Request>,
    ) -> async_graphql::Response {
        let request = request.into().data(CatalogSnapshot(self.catalog()));
        self.inner.schema.execute(request).await
    }
}
