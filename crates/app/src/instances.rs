//! Keeping the catalogue and the timetable in step with the database: after
//! this instance's own writes (a refresh before the write answers), and
//! after writes made elsewhere — other instances on the same PostgreSQL
//! database, or a `wapi` command run beside a server.
//!
//! Both cells follow the database the same way: every committed change bumps
//! a data version (`storage::DataVersions`) in its transaction; an instance
//! compares the versions it loaded with the stored ones and reloads what is
//! behind. PostgreSQL announces each change (`LISTEN`/`NOTIFY`), so
//! instances look at once; on SQLite, whose one file serves one instance,
//! they look every few seconds. A lost listening connection is followed by
//! a look too, since announcements sent meanwhile are gone.

use std::sync::Arc;

use storage::{DataChange, DataTopic, DataVersions, StorageError};

use crate::App;
use crate::feeds::{self, FeedError};

impl App {
    /// Makes every write committed before this call visible to the reads
    /// that start after it returns (see `Following::refresh`).
    pub async fn refresh_catalog(&self) -> Result<(), StorageError> {
        let store = self.store().clone();
        self.catalog_cell()
            .refresh(|previous| async move {
                let started = std::time::Instant::now();
                let (fresh, version) = store.reload_catalog_versioned(&previous).await?;
                tracing::debug!(elapsed = ?started.elapsed(), version, "catalogue reloaded");
                Ok((Arc::new(fresh), version))
            })
            .await
    }

    /// Rebuilds the timetable from its sources and swaps it in.
    pub async fn refresh_timetable(&self) -> Result<(), FeedError> {
        let store = self.store().clone();
        let config = self.settings().feeds.clone();
        self.timetable_cell()
            .refresh(|_| async move {
                // Read before the feeds, so a feed imported meanwhile
                // leaves the version behind and is loaded by the next look.
                let version = store.data_versions().await?.timetable;
                let timetable = feeds::load_timetable(&store, &config).await?;
                Ok::<_, FeedError>((timetable, version))
            })
            .await
    }

    /// Loads the timetable at start. Failing to is not fatal: better to
    /// serve offers without journeys than not at all.
    pub async fn load_timetable(&self) {
        match self.refresh_timetable().await {
            Ok(()) if self.timetable().is_none() => {
                tracing::warn!("no transit feed: journeys are not available");
            }
            Ok(()) => {}
            Err(error) => tracing::error!(
                %error,
                "the transit feeds could not be loaded; journeys are not available"
            ),
        }
    }

    /// Follows the changes made elsewhere until the process ends. Returns
    /// once following has started and what was written before is caught up
    /// with, so that a request served after it sees those writes.
    pub async fn follow_database(&self) {
        let feed = match self.store().change_feed().await {
            Ok(feed) => feed,
            Err(error) => {
                tracing::warn!(%error, "cannot listen for other instances' writes yet; retrying");
                None
            }
        };
        if feed.is_some() {
            tracing::info!("listening for other instances' writes");
        }
        self.catch_up(None).await;
        let app = self.clone();
        tokio::spawn(async move { app.follow(feed).await });
    }

    /// The loop behind [`App::follow_database`].
    async fn follow(self, mut feed: Option<storage::ChangeFeed>) {
        let listens = self.store().backend() == storage::Backend::Postgres;
        loop {
            let topic = match (&mut feed, listens) {
                (Some(listening), _) => match listening.next_change().await {
                    Ok(DataChange::Topic(topic)) => Some(topic),
                    Ok(DataChange::Unknown) => None,
                    Err(error) => {
                        tracing::warn!(%error, "lost the change feed; reconnecting");
                        feed = None;
                        None
                    }
                },
                (None, true) => {
                    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                    match self.store().change_feed().await {
                        Ok(listening) => {
                            tracing::info!("listening for other instances' writes again");
                            feed = listening;
                        }
                        Err(error) => {
                            tracing::warn!(%error, "cannot listen for other instances' writes; retrying in 5 s");
                            continue;
                        }
                    }
                    None
                }
                (None, false) => {
                    tokio::time::sleep(self.settings().poll_every).await;
                    None
                }
            };
            self.catch_up(topic).await;
        }
    }

    /// Reloads whatever is behind the stored data versions (only `topic`'s
    /// cell when the change named one).
    async fn catch_up(&self, topic: Option<DataTopic>) {
        let stored = match self.store().data_versions().await {
            Ok(versions) => versions,
            Err(error) => {
                tracing::warn!(%error, "cannot read the data versions");
                return;
            }
        };
        let DataVersions { catalog, timetable } = stored;
        if topic != Some(DataTopic::Timetable)
            && catalog > self.catalog_cell().version()
            && let Err(error) = self.refresh_catalog().await
        {
            tracing::error!(%error, "cannot refresh the catalogue after a write elsewhere");
        }
        if topic != Some(DataTopic::Catalog)
            && timetable > self.timetable_cell().version()
            && let Err(error) = self.refresh_timetable().await
        {
            // The previous timetable keeps serving.
            tracing::error!(%error, "reloading the timetable failed");
        }
    }
}
