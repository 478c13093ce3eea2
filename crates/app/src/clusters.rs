//! Marker clusters are built per filter and reused while the catalogue is
//! unchanged: a map widget panning and zooming asks the same filter many
//! times, and building is the costly part (querying a viewport is cheap).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use domain::catalog::{Catalog, OfferClusters, OfferQuery};

/// How many filters' clusters are kept; beyond that the cache starts over.
const CAPACITY: usize = 64;

#[derive(Debug, Default)]
pub(crate) struct ClusterCache {
    entries: Mutex<CacheEntries>,
}

#[derive(Debug, Default)]
struct CacheEntries {
    /// The catalogue the entries were built from; a new one empties the
    /// cache. Held weakly, which still pins its address: a later catalogue
    /// can never be mistaken for it.
    catalog: Weak<Catalog>,
    by_filter: HashMap<String, Arc<OfferClusters>>,
}

impl ClusterCache {
    pub(crate) fn get_or_build(
        &self,
        catalog: &Arc<Catalog>,
        query: &OfferQuery,
    ) -> Arc<OfferClusters> {
        if query.has_travel_times() {
            // Built for one journey time (and a map's iteration order would
            // make the key differ each time): not cached.
            return Arc::new(catalog.cluster_offers(query));
        }
        // The query's debug form lists every checked filter value: equal
        // forms are equal filters.
        let key = format!("{query:?}");
        {
            let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
            if std::ptr::eq(entries.catalog.as_ptr(), Arc::as_ptr(catalog))
                && let Some(clusters) = entries.by_filter.get(&key)
            {
                return Arc::clone(clusters);
            }
        }
        // Built outside the lock: another request may build the same one;
        // both are correct and the last one stays.
        let clusters = Arc::new(catalog.cluster_offers(query));
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if !std::ptr::eq(entries.catalog.as_ptr(), Arc::as_ptr(catalog))
            || entries.by_filter.len() >= CAPACITY
        {
            entries.catalog = Arc::downgrade(catalog);
            entries.by_filter.clear();
        }
        entries.by_filter.insert(key, Arc::clone(&clusters));
        clusters
    }
}
