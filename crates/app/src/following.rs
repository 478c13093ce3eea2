//! A value that follows the database: the catalogue and the timetable are
//! each held in one of these cells. Readers take the current value (an
//! `Arc` snapshot, cheap to clone) and keep it for as long as they need;
//! a refresh builds a new value aside and swaps it in whole.
//!
//! Refreshes are shared: a writer asks for one after its commit, and one
//! reload serves every request made before it started, so concurrent
//! writers do not queue a reload each.

use std::future::Future;
use std::sync::RwLock;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

/// A value rebuilt from the database when it changes.
#[derive(Debug)]
pub(crate) struct Following<V> {
    current: RwLock<V>,
    /// The data version the current value was loaded at (see
    /// `storage::DataVersions`); -1 before anything was loaded from the
    /// database.
    version: AtomicI64,
    /// How many refreshes were asked for.
    requested: AtomicU64,
    /// The `requested` count the current value was loaded after.
    loaded: tokio::sync::Mutex<u64>,
}

impl<V: Clone> Following<V> {
    pub(crate) fn new(value: V, version: i64) -> Self {
        Self {
            current: RwLock::new(value),
            version: AtomicI64::new(version),
            requested: AtomicU64::new(0),
            loaded: tokio::sync::Mutex::new(0),
        }
    }

    /// The value as it is now.
    pub(crate) fn current(&self) -> V {
        // A poisoned lock only means a writer panicked between two whole
        // values; the one inside is still complete.
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The data version of the current value.
    pub(crate) fn version(&self) -> i64 {
        self.version.load(Ordering::SeqCst)
    }

    /// Swaps in a value at once: requests under way keep the one they
    /// started with, the next ones get this one.
    pub(crate) fn replace(&self, value: V, version: i64) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = value;
        self.version.store(version, Ordering::SeqCst);
    }

    /// Makes every change committed before this call visible to the reads
    /// that start after it returns. `load` receives the current value (to
    /// reuse what does not change) and returns the new value with the data
    /// version it was read at. Concurrent callers share loads: a caller
    /// waits for the load in progress, then returns at once if a load that
    /// started after its request has already finished.
    pub(crate) async fn refresh<F, Fut, E>(&self, load: F) -> Result<(), E>
    where
        F: FnOnce(V) -> Fut,
        Fut: Future<Output = Result<(V, i64), E>>,
    {
        let ticket = self.requested.fetch_add(1, Ordering::SeqCst) + 1;
        let mut loaded = self.loaded.lock().await;
        if *loaded >= ticket {
            return Ok(());
        }
        // Every ticket up to here was taken after its change committed, and
        // the load below starts after this read: it sees all those changes.
        let covers = self.requested.load(Ordering::SeqCst);
        let (fresh, version) = load(self.current()).await?;
        self.replace(fresh, version);
        *loaded = covers;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    use super::*;

    #[tokio::test]
    async fn concurrent_refreshes_share_loads_and_each_sees_a_fresh_value() {
        let cell = Arc::new(Following::new(0u64, 0));
        let loads = Arc::new(AtomicUsize::new(0));
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..16 {
            let (cell, loads) = (Arc::clone(&cell), Arc::clone(&loads));
            tasks.spawn(async move {
                let before = cell.current();
                cell.refresh(|previous| async move {
                    let n = loads.fetch_add(1, Ordering::SeqCst) as i64 + 1;
                    tokio::task::yield_now().await;
                    Ok::<_, ()>((previous + 1, n))
                })
                .await
                .unwrap();
                assert!(cell.current() > before, "a refresh after the call");
            });
        }
        while let Some(result) = tasks.join_next().await {
            result.unwrap();
        }
        let loads = loads.load(Ordering::SeqCst);
        assert!((1..=16).contains(&loads), "{loads} loads");
        assert_eq!(cell.current(), loads as u64);
        assert_eq!(cell.version(), loads as i64);
    }

    #[tokio::test]
    async fn a_failed_load_keeps_the_previous_value() {
        let cell = Following::new("kept", 3);
        let result = cell
            .refresh(|_| async { Err::<(&str, i64), _>("database down") })
            .await;
        assert_eq!(result, Err("database down"));
        assert_eq!((cell.current(), cell.version()), ("kept", 3));
    }
}
