//! The retention of contact requests: they hold personal data, so they are
//! deleted (with their mail) once older than `WAPI_CONTACT_RETENTION_DAYS`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use storage::Store;

/// How often the purge runs.
const EVERY: Duration = Duration::from_secs(3600);

/// Deletes the requests received more than `retention_days` before `now`.
pub async fn purge_expired_contacts(
    store: &Store,
    retention_days: u32,
    now: DateTime<Utc>,
) -> Result<u64, storage::StorageError> {
    store
        .purge_contact_requests(now - chrono::Duration::days(i64::from(retention_days)))
        .await
}

/// Purges every hour, in the background, starting now.
pub fn spawn(store: Store, retention_days: u32) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        loop {
            ticks.tick().await;
            match purge_expired_contacts(&store, retention_days, Utc::now()).await {
                Ok(0) => {}
                Ok(deleted) => {
                    tracing::info!(deleted, retention_days, "expired contact requests purged")
                }
                Err(error) => tracing::error!(%error, "purging expired contact requests failed"),
            }
        }
    });
}
