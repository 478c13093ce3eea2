//! Partners' and admins' writes. Every write runs in one transaction that
//! checks the version the writer read (optimistic concurrency: a stale
//! version changes nothing), records an audit entry with the fields it
//! changed, and on PostgreSQL notifies every instance that the catalogue
//! changed; the notification is delivered only if the transaction commits.
//!
//! Business rules stay in `domain`: callers hand in domain values or an edit
//! closure over one, and the domain's checks run inside the transaction on
//! what the database holds.

mod audit;
mod offers;
mod operators;
mod sites;

use domain::account::AccountId;
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject, FieldChange};
use sea_orm::ActiveValue::Set;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, TransactionTrait};
use tokio::sync::OwnedMutexGuard;

pub use audit::AuditFilter;

use crate::entities::audit_entry;
use crate::{Backend, StorageError, Store};

/// The PostgreSQL channel on which committed writes are announced.
pub const CATALOG_CHANNEL: &str = "wapi_catalog_changed";

/// Who writes, for the audit trail.
#[derive(Debug, Clone)]
pub struct Actor {
    /// `None` for the command line.
    pub account_id: Option<AccountId>,
    /// The name shown in the audit trail.
    pub name: String,
}

/// Why a write was refused. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} does not exist")]
    NotFound(String),
    /// Someone else changed the object since the writer read it.
    #[error("the object changed since version {expected}; it is now at version {current}")]
    StaleVersion { expected: i64, current: i64 },
    #[error(transparent)]
    Rejected(#[from] Rejection),
    /// A unique value (a code, a reference, an address) is taken.
    #[error("{field}: {message}")]
    Taken {
        field: &'static str,
        message: String,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl From<DbErr> for WriteError {
    fn from(error: DbErr) -> Self {
        WriteError::Storage(StorageError::Database(error))
    }
}

/// A write transaction. On SQLite, which has one writer at a time, it also
/// holds the store's write gate: writers queue here instead of failing with
/// "database is locked" when two transactions both read and then write.
pub(crate) struct WriteTransaction {
    txn: DatabaseTransaction,
    backend: Backend,
    _gate: Option<OwnedMutexGuard<()>>,
}

impl std::ops::Deref for WriteTransaction {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

impl WriteTransaction {
    /// Records an audit entry for a change in this transaction.
    pub(crate) async fn audit(
        &self,
        actor: &Actor,
        action: AuditAction,
        object: AuditedObject,
        object_id: i64,
        operator_id: Option<i64>,
        changes: &[FieldChange],
    ) -> Result<(), DbErr> {
        audit_entry::Entity::insert(audit_entry::ActiveModel {
            occurred_at: Set(chrono::Utc::now()),
            account_id: Set(actor.account_id.map(|id| id.0)),
            actor: Set(actor.name.clone()),
            action: Set(action.code().to_owned()),
            object_type: Set(object.code().to_owned()),
            object_id: Set(object_id),
            operator_id: Set(operator_id),
            changes: Set(audit::encode_changes(changes)),
            ..Default::default()
        })
        .exec(&self.txn)
        .await?;
        Ok(())
    }

    /// Commits, announcing the change to every instance on PostgreSQL
    /// (`NOTIFY` is transactional: listeners hear it only after the commit).
    pub(crate) async fn commit_and_announce(self) -> Result<(), DbErr> {
        if self.backend == Backend::Postgres {
            self.txn
                .execute_unprepared(&format!("NOTIFY {CATALOG_CHANNEL}"))
                .await?;
        }
        self.txn.commit().await
    }

    /// Commits without announcing: for writes the catalogue does not show.
    pub(crate) async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await
    }
}

impl Store {
    /// Opens a write transaction (see [`WriteTransaction`]).
    pub(crate) async fn begin_write(&self) -> Result<WriteTransaction, DbErr> {
        let backend = self.backend();
        let gate = match backend {
            Backend::Sqlite => Some(std::sync::Arc::clone(&self.write_gate).lock_owned().await),
            Backend::Postgres => None,
        };
        Ok(WriteTransaction {
            txn: self.db.begin().await?,
            backend,
            _gate: gate,
        })
    }
}

/// Refuses a write based on an older version than the stored one.
fn check_version(expected: i64, current: i64) -> Result<(), WriteError> {
    if expected == current {
        Ok(())
    } else {
        Err(WriteError::StaleVersion { expected, current })
    }
}
