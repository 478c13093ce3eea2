//! Data versions that instances follow. Each topic of data an instance keeps
//! in memory has a counter in `data_versions`, raised by one in the
//! transaction of every write that changes it; on PostgreSQL the same
//! transaction announces the topic on [`CATALOG_CHANNEL`]. An instance that
//! loaded its data together with the counter (in one snapshot) can tell
//! whether it is behind by reading the counters again, which a lost
//! notification cannot hide.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, QueryFilter, Statement,
};

use crate::entities::data_version;
use crate::{StorageError, Store};

/// The PostgreSQL channel on which committed writes are announced, with
/// their topic as payload.
pub const CATALOG_CHANNEL: &str = "wapi_catalog_changed";

/// A kind of data that instances keep in memory and reload when it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataTopic {
    /// What the catalogue shows: operators, sites, programmes, offers and
    /// the reference data they point to.
    Catalog,
    /// The imported transit feeds the timetable is built from.
    Timetable,
}

impl DataTopic {
    /// The topic's row in `data_versions`, and the payload announcing it.
    pub fn code(self) -> &'static str {
        match self {
            DataTopic::Catalog => "catalog",
            DataTopic::Timetable => "timetable",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [DataTopic::Catalog, DataTopic::Timetable]
            .into_iter()
            .find(|topic| topic.code() == code)
    }
}

impl std::fmt::Display for DataTopic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The version of every topic, as committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataVersions {
    pub catalog: i64,
    pub timetable: i64,
}

/// What an announcement heard on the change feed says changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataChange {
    /// A write changed this topic.
    Topic(DataTopic),
    /// Announcements may have been missed (the listening connection was
    /// lost and re-established) or one named a topic this version does not
    /// know: reload everything.
    Unknown,
}

impl DataChange {
    /// Reads an announcement's payload. Instances of the previous version
    /// announce their writes, all catalogue writes, with no payload.
    pub(crate) fn from_payload(payload: &str) -> Self {
        if payload.is_empty() {
            return DataChange::Topic(DataTopic::Catalog);
        }
        DataTopic::from_code(payload).map_or(DataChange::Unknown, DataChange::Topic)
    }
}

/// Raises `topic`'s version by one in the transaction `txn` and, on
/// PostgreSQL, announces it: `NOTIFY` is transactional, so listeners hear it
/// only once the transaction commits, and never if it rolls back.
///
/// The counter is raised by the database (`version = version + 1`), so
/// concurrent writers queue on its row and none of their raises is lost;
/// callers do it last, just before committing, to hold that row briefly.
pub(crate) async fn announce(txn: &impl ConnectionTrait, topic: DataTopic) -> Result<(), DbErr> {
    let raised = data_version::Entity::update_many()
        .col_expr(
            data_version::Column::Version,
            Expr::col(data_version::Column::Version).add(1),
        )
        .filter(data_version::Column::Topic.eq(topic.code()))
        .exec(txn)
        .await?;
    if raised.rows_affected != 1 {
        // The migration creates every topic's row; without it, instances
        // would silently stop seeing this topic's changes.
        return Err(DbErr::RecordNotFound(format!(
            "data_versions has no row for topic {topic}"
        )));
    }
    let backend = txn.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            "SELECT pg_notify($1, $2)",
            [CATALOG_CHANNEL.into(), topic.code().into()],
        ))
        .await?;
    }
    Ok(())
}

/// Reads every topic's version with `db` (a snapshot transaction, to read
/// them together with data).
pub(crate) async fn read_versions(db: &impl ConnectionTrait) -> Result<DataVersions, StorageError> {
    const TABLE: &str = "data_versions";
    let rows = data_version::Entity::find().all(db).await?;
    let version_of = |topic: DataTopic| {
        rows.iter()
            .find(|row| row.topic == topic.code())
            .map(|row| row.version)
            .ok_or_else(|| StorageError::corrupt(TABLE, topic, "the topic's row is missing"))
    };
    Ok(DataVersions {
        catalog: version_of(DataTopic::Catalog)?,
        timetable: version_of(DataTopic::Timetable)?,
    })
}

impl Store {
    /// The committed version of every topic, in one query: instances poll
    /// it to know whether what they hold in memory is current.
    pub async fn data_versions(&self) -> Result<DataVersions, StorageError> {
        read_versions(&self.db).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_name_their_topic_and_older_ones_mean_the_catalogue() {
        assert_eq!(
            DataChange::from_payload("catalog"),
            DataChange::Topic(DataTopic::Catalog)
        );
        assert_eq!(
            DataChange::from_payload("timetable"),
            DataChange::Topic(DataTopic::Timetable)
        );
        assert_eq!(
            DataChange::from_payload(""),
            DataChange::Topic(DataTopic::Catalog)
        );
        assert_eq!(DataChange::from_payload("weather"), DataChange::Unknown);
    }
}
