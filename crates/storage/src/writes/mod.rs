//! Partners' and admins' writes. Every write runs in one transaction that
//! checks the version the writer read (optimistic concurrency: a stale
//! version changes nothing), records an audit entry with the fields it
//! changed, raises the catalogue's data version and, on PostgreSQL,
//! notifies every instance; the version and the notification take effect
//! only if the transaction commits.
//!
//! Business rules stay in `domain`: callers hand in domain values or an edit
//! closure over one, and the domain's checks run inside the transaction on
//! what the database holds. The mechanics shared by every versioned table
//! (reading, checking the version, stamping, auditing) live once in
//! `versioned`; each table's module keeps its own rules and row mapping.

mod audit;
mod equipment;
mod offers;
mod operators;
mod programmes;
mod sites;
mod unique_keys;
mod versioned;

use domain::account::AccountId;
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject, FieldChange};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    DatabaseTransaction, DbErr, EntityTrait, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};
use tokio::sync::OwnedMutexGuard;

pub use audit::AuditFilter;
pub use equipment::InventoryChange;
pub(crate) use unique_keys::conflict_or_storage;

use crate::data_versions::{DataTopic, announce};
use crate::entities::audit_entry;
use crate::{Backend, StorageError, Store};

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
    /// A unique value (a code, a reference, an address) is taken, or a
    /// list names one value twice.
    #[error("{field}: {message}")]
    Taken {
        field: &'static str,
        message: String,
    },
    #[error(transparent)]
    Storage(StorageError),
}

/// Every statement of a write reaches its caller through `?`, so a unique
/// key hit with a value the writer chose is reported as [`WriteError::Taken`]
/// wherever it happens, without each write having to remember it.
impl From<DbErr> for WriteError {
    fn from(error: DbErr) -> Self {
        unique_keys::taken_or_storage(error)
    }
}

impl From<StorageError> for WriteError {
    fn from(error: StorageError) -> Self {
        match error {
            StorageError::Database(error) => error.into(),
            other => WriteError::Storage(other),
        }
    }
}

/// A write transaction. On SQLite, which has one writer at a time, it also
/// holds the store's write gate: writers queue here instead of failing with
/// "database is locked" when two transactions both read and then write.
/// It also begins `IMMEDIATE`, taking SQLite's write lock before its first
/// read: a writer outside the gate (another process on the same file, the
/// mailer marking a mail sent) then makes it wait, within the busy timeout,
/// instead of failing its first write after a read.
pub(crate) struct WriteTransaction {
    txn: DatabaseTransaction,
    _gate: Option<OwnedMutexGuard<()>>,
}

impl std::ops::Deref for WriteTransaction {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

/// The audit entry of a change, for writes that insert many at once.
pub(crate) fn audit_row(
    actor: &Actor,
    action: AuditAction,
    object: AuditedObject,
    object_id: i64,
    operator_id: Option<i64>,
    changes: &[FieldChange],
) -> audit_entry::ActiveModel {
    audit_entry::ActiveModel {
        occurred_at: Set(chrono::Utc::now()),
        account_id: Set(actor.account_id.map(|id| id.0)),
        actor: Set(actor.name.clone()),
        action: Set(action.code().to_owned()),
        object_type: Set(object.code().to_owned()),
        object_id: Set(object_id),
        operator_id: Set(operator_id),
        changes: Set(audit::encode_changes(changes)),
        ..Default::default()
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
        audit_entry::Entity::insert(audit_row(
            actor,
            action,
            object,
            object_id,
            operator_id,
            changes,
        ))
        .exec(&self.txn)
        .await?;
        Ok(())
    }

    /// Commits a change to what the catalogue shows: raises the catalogue's
    /// data version and announces it to every instance, both with the
    /// commit (see [`announce`]).
    pub(crate) async fn commit_and_announce(self) -> Result<(), DbErr> {
        self.commit_announcing(DataTopic::Catalog).await
    }

    /// Commits a change to `topic`, raising its data version and
    /// announcing it with the commit.
    pub(crate) async fn commit_announcing(self, topic: DataTopic) -> Result<(), DbErr> {
        announce(&self.txn, topic).await?;
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
        let (gate, txn) = match self.backend() {
            Backend::Sqlite => {
                let gate = std::sync::Arc::clone(&self.write_gate).lock_owned().await;
                let immediate = TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..TransactionOptions::default()
                };
                (Some(gate), self.db.begin_with_options(immediate).await?)
            }
            Backend::Postgres => (None, self.db.begin().await?),
        };
        Ok(WriteTransaction { txn, _gate: gate })
    }
}
