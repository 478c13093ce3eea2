//! Keeping several instances in step: each committed write announces itself
//! on a PostgreSQL channel (`NOTIFY`, see `writes`), and every instance
//! listens on its own connection and reloads its catalogue. No broker and
//! no cluster membership: the database is the only shared thing.

use sea_orm::sqlx::postgres::PgListener;

use crate::writes::CATALOG_CHANNEL;
use crate::{Backend, StorageError, Store};

/// Announcements of committed writes made through any instance.
#[derive(Debug)]
pub struct ChangeFeed {
    listener: PgListener,
}

impl ChangeFeed {
    /// Waits for the next announcement. It also returns when the listening
    /// connection was lost and has been re-established, because
    /// announcements made meanwhile are gone: either way, reload.
    pub async fn next_change(&mut self) -> Result<(), StorageError> {
        self.listener
            .try_recv()
            .await
            .map(|_| ())
            .map_err(|e| StorageError::Listen(e.to_string()))
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
