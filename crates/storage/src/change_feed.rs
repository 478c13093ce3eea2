//! Keeping several instances in step: each committed write announces its
//! topic on a PostgreSQL channel (`NOTIFY`, see `data_versions`), and every
//! instance listens on its own connection and reloads what changed. No
//! broker and no cluster membership: the database is the only shared thing.

use sea_orm::sqlx::postgres::PgListener;

use crate::data_versions::{CATALOG_CHANNEL, DataChange};
use crate::{Backend, StorageError, Store};

/// Announcements of committed writes made through any instance.
#[derive(Debug)]
pub struct ChangeFeed {
    listener: PgListener,
}

impl ChangeFeed {
    /// Waits for the next announcement and says which topic changed. When
    /// the listening connection was lost and has been re-established it
    /// answers [`DataChange::Unknown`], because announcements made meanwhile
    /// are gone: reload everything.
    pub async fn next_change(&mut self) -> Result<DataChange, StorageError> {
        let notification = self
            .listener
            .try_recv()
            .await
            .map_err(|e| StorageError::Listen(e.to_string()))?;
        Ok(notification.map_or(DataChange::Unknown, |n| {
            DataChange::from_payload(n.payload())
        }))
    }
}

impl Store {
    /// Listens for writes made through every instance: `None` on SQLite,
    /// whose one file has one instance writing to it.
    pub async fn change_feed(&self) -> Result<Option<ChangeFeed>, StorageError> {
        if self.backend() != Backend::Postgres {
            return Ok(None);
        }
        let mut listener = PgListener::connect(&self.url)
            .await
            .map_err(|e| StorageError::Listen(e.to_string()))?;
        listener
            .listen(CATALOG_CHANNEL)
            .await
            .map_err(|e| StorageError::Listen(e.to_string()))?;
        Ok(Some(ChangeFeed { listener }))
    }
}
