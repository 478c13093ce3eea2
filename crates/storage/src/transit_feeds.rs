//! Imported GTFS feeds, stored whole. Storage does not read them: the
//! `transit` crate does; this module only keeps and returns the bytes.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::data_versions::DataTopic;
use crate::entities::transit_feed;
use crate::{StorageError, Store};

/// An imported feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFeed {
    pub name: String,
    pub source: String,
    /// The feed as a zip file.
    pub zip: Vec<u8>,
    pub imported_at: DateTime<Utc>,
}

/// What identifies the set of stored feeds: it changes whenever one is
/// imported, replaced or removed, so instances know when to reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedsVersion {
    pub count: u64,
    pub latest_import: Option<DateTime<Utc>>,
}

impl Store {
    /// Stores a feed under `name`, replacing the one of that name if any, in
    /// one transaction that raises the timetable's data version.
    pub async fn save_transit_feed(
        &self,
        name: &str,
        source: &str,
        zip: Vec<u8>,
    ) -> Result<(), StorageError> {
        let size = i64::try_from(zip.len()).unwrap_or(i64::MAX);
        let txn = self.begin_write().await?;
        transit_feed::Entity::delete_many()
            .filter(transit_feed::Column::Name.eq(name))
            .exec(&*txn)
            .await?;
        transit_feed::Entity::insert(transit_feed::ActiveModel {
            name: Set(name.to_owned()),
            source: Set(source.to_owned()),
            zip: Set(zip),
            size_bytes: Set(size),
            imported_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(&*txn)
        .await?;
        txn.commit_announcing(DataTopic::Timetable).await?;
        Ok(())
    }

    /// Every stored feed, by name.
    pub async fn transit_feeds(&self) -> Result<Vec<StoredFeed>, StorageError> {
        let rows = transit_feed::Entity::find()
            .order_by_asc(transit_feed::Column::Name)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| StoredFeed {
                name: row.name,
                source: row.source,
                zip: row.zip,
                imported_at: row.imported_at,
            })
            .collect())
    }

    /// Removes a stored feed; returns whether one had that name. Removing
    /// one raises the timetable's data version; removing none changes
    /// nothing.
    pub async fn remove_transit_feed(&self, name: &str) -> Result<bool, StorageError> {
        let txn = self.begin_write().await?;
        let removed = transit_feed::Entity::delete_many()
            .filter(transit_feed::Column::Name.eq(name))
            .exec(&*txn)
            .await?
            .rows_affected
            > 0;
        if removed {
            txn.commit_announcing(DataTopic::Timetable).await?;
        }
        Ok(removed)
    }

    /// A cheap fingerprint of the stored feeds, polled by running instances.
    pub async fn transit_feeds_version(&self) -> Result<FeedsVersion, StorageError> {
        let rows: Vec<DateTime<Utc>> = transit_feed::Entity::find()
            .select_only()
            .column(transit_feed::Column::ImportedAt)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(FeedsVersion {
            count: rows.len() as u64,
            latest_import: rows.into_iter().max(),
        })
    }
}
