//! The one write path of the tables partners edit under optimistic
//! versions (operators, sites, programmes, offers, equipment). Creating and updating a
//! row follow the same steps whatever the table: this module does them
//! once, and each table describes itself with [`VersionedTable`] (its
//! entity and columns, how to read its domain value, how to write it).
//!
//! - Creating assigns what the database owns, in one place: the id the
//!   insert returns, version 1, and `created_at`/`updated_at` from one clock
//!   reading ([`write_clock`]).
//! - Updating reads the stored value, refuses a stale version, applies the
//!   caller's domain edit, writes nothing when nothing changed, and
//!   otherwise writes with `UPDATE … WHERE id = ? AND version = ?`: a writer
//!   that got in between the read and the write makes it change no row, and
//!   the caller hears the version that writer left.
//!
//! Both audit what changed in the same transaction; updates commit (and
//! announce) here, creations are committed by their caller, which may have
//! checked other rows in the same transaction first.

use std::future::Future;

use chrono::{DateTime, SubsecRound, Utc};
use domain::operator::OperatorId;
use domain::revision::{AuditAction, AuditedObject, FieldChange};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, EntityTrait, Iterable, PrimaryKeyTrait,
    QueryFilter, QuerySelect,
};

use super::{Actor, WriteError, WriteTransaction};
use crate::Store;

/// The row type of a table's entity.
pub(super) type Row<T> = <<T as VersionedTable>::Entity as EntityTrait>::ActiveModel;
/// The column type of a table's entity.
pub(super) type Column<T> = <<T as VersionedTable>::Entity as EntityTrait>::Column;

/// What the write path assigns to a row, recorded in its domain value by
/// [`VersionedTable::assign`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Assigned {
    pub(super) id: i64,
    pub(super) version: i64,
    pub(super) updated_at: DateTime<Utc>,
}

/// A table whose rows partners edit under optimistic versions, and the
/// domain value a row holds.
pub(super) trait VersionedTable {
    type Entity: EntityTrait<PrimaryKey: PrimaryKeyTrait<ValueType = i64>>;
    type Value: Clone + Send + Sync;

    /// The kind of object the audit trail names.
    const OBJECT: AuditedObject;
    /// How an error names a missing object ("operator 12").
    const NAME: &'static str;
    const ID: Column<Self>;
    const VERSION: Column<Self>;
    const UPDATED_AT: Column<Self>;
    /// Not every table records when its rows were created.
    const CREATED_AT: Option<Column<Self>>;

    /// Reads the value of row `id` as the transaction sees it.
    fn load(
        txn: &WriteTransaction,
        id: i64,
    ) -> impl Future<Output = Result<Option<Self::Value>, WriteError>> + Send;

    /// The columns the value holds, without the id, version and timestamps,
    /// which the write path sets.
    fn columns(value: &Self::Value) -> Row<Self>;

    fn version(value: &Self::Value) -> i64;

    /// The operator whose data this is, for the audit trail.
    fn operator_id(value: &Self::Value) -> OperatorId;

    /// Records what the write path assigned in the value.
    fn assign(value: &mut Self::Value, assigned: Assigned);

    /// The audited fields that differ; `before` is `None` on creation.
    fn changes(before: Option<&Self::Value>, after: &Self::Value) -> Vec<FieldChange>;

    /// Rules that need the database (what the value points to), checked
    /// before it is written.
    fn check(
        _txn: &WriteTransaction,
        _value: &Self::Value,
    ) -> impl Future<Output = Result<(), WriteError>> + Send {
        async { Ok(()) }
    }

    /// Writes rows of other tables that belong to the value (an offer's
    /// trades), after its own row; `before` is `None` on creation.
    fn write_dependents(
        _txn: &WriteTransaction,
        _before: Option<&Self::Value>,
        _after: &Self::Value,
    ) -> impl Future<Output = Result<(), WriteError>> + Send {
        async { Ok(()) }
    }
}

/// How a new row comes to be.
pub(super) struct Creation<T: VersionedTable> {
    /// CREATE, or DUPLICATE for a copy.
    pub(super) action: AuditAction,
    /// Columns set once, at creation, that the domain value does not hold
    /// (a site's reference).
    pub(super) fixed_columns: Row<T>,
    /// Audited beside the value's own fields (what a copy was made from).
    pub(super) also_audited: Option<FieldChange>,
}

impl<T: VersionedTable> Creation<T> {
    pub(super) fn new(action: AuditAction) -> Self {
        Self {
            action,
            fixed_columns: ActiveModelTrait::default(),
            also_audited: None,
        }
    }

    pub(super) fn with_fixed_columns(mut self, columns: Row<T>) -> Self {
        self.fixed_columns = columns;
        self
    }

    pub(super) fn also_auditing(mut self, change: FieldChange) -> Self {
        self.also_audited = Some(change);
        self
    }
}

impl WriteTransaction {
    /// Inserts `value` as a new row of `T` and audits it; its id, version
    /// and timestamps are assigned here and recorded in `value`.
    pub(super) async fn insert_versioned<T: VersionedTable>(
        &self,
        actor: &Actor,
        value: &mut T::Value,
        creation: Creation<T>,
    ) -> Result<(), WriteError> {
        T::check(self, value).await?;
        let now = write_clock();
        let mut row = T::columns(value);
        for column in Column::<T>::iter() {
            if let ActiveValue::Set(fixed) = creation.fixed_columns.get(column) {
                row.set(column, fixed);
            }
        }
        row.set(T::VERSION, 1i64.into());
        row.set(T::UPDATED_AT, now.into());
        if let Some(created_at) = T::CREATED_AT {
            row.set(created_at, now.into());
        }
        let id = T::Entity::insert(row).exec(&**self).await?.last_insert_id;
        T::assign(
            value,
            Assigned {
                id,
                version: 1,
                updated_at: now,
            },
        );
        T::write_dependents(self, None, value).await?;
        let mut changed = T::changes(None, value);
        changed.extend(creation.also_audited);
        self.audit(
            actor,
            creation.action,
            T::OBJECT,
            id,
            Some(T::operator_id(value).0),
            &changed,
        )
        .await?;
        Ok(())
    }
}

impl Store {
    /// Applies `edit` to row `id` of `T` if it is still at
    /// `expected_version`, in one transaction; `edit` says what it did for
    /// the audit trail. An edit that changes nothing writes nothing, keeps
    /// the version and announces nothing.
    pub(super) async fn update_versioned<T: VersionedTable>(
        &self,
        actor: &Actor,
        id: i64,
        expected_version: i64,
        edit: impl FnOnce(&mut T::Value) -> Result<AuditAction, WriteError>,
    ) -> Result<T::Value, WriteError> {
        let txn = self.begin_write().await?;
        let update = txn
            .update_versioned_in::<T>(actor, id, expected_version, None, edit)
            .await?;
        if update.changed {
            txn.commit_and_announce().await?;
        }
        Ok(update.value)
    }
}

/// What an update in a transaction left.
pub(super) struct Updated<V> {
    pub(super) value: V,
    /// Whether anything was written.
    pub(super) changed: bool,
}

impl WriteTransaction {
    /// [`Store::update_versioned`] within this transaction, which the caller
    /// commits; `also_audited` is recorded beside the changed fields (the
    /// file an import came from).
    pub(super) async fn update_versioned_in<T: VersionedTable>(
        &self,
        actor: &Actor,
        id: i64,
        expected_version: i64,
        also_audited: Option<FieldChange>,
        edit: impl FnOnce(&mut T::Value) -> Result<AuditAction, WriteError>,
    ) -> Result<Updated<T::Value>, WriteError> {
        let before = T::load(self, id).await?.ok_or_else(|| not_found::<T>(id))?;
        check_version(expected_version, T::version(&before))?;
        let mut after = before.clone();
        let action = edit(&mut after)?;
        let mut changed = T::changes(Some(&before), &after);
        if changed.is_empty() {
            return Ok(Updated {
                value: before,
                changed: false,
            });
        }
        T::check(self, &after).await?;
        let assigned = Assigned {
            id,
            version: expected_version + 1,
            updated_at: write_clock(),
        };
        T::assign(&mut after, assigned);
        let mut row = T::columns(&after);
        row.set(T::VERSION, assigned.version.into());
        row.set(T::UPDATED_AT, assigned.updated_at.into());
        let updated = T::Entity::update_many()
            .set(row)
            .filter(T::ID.eq(id))
            .filter(T::VERSION.eq(expected_version))
            .exec(&**self)
            .await?;
        if updated.rows_affected == 0 {
            let current = current_version::<T>(self, id)
                .await?
                .ok_or_else(|| not_found::<T>(id))?;
            return Err(WriteError::StaleVersion {
                expected: expected_version,
                current,
            });
        }
        T::write_dependents(self, Some(&before), &after).await?;
        changed.extend(also_audited);
        self.audit(
            actor,
            action,
            T::OBJECT,
            id,
            Some(T::operator_id(&after).0),
            &changed,
        )
        .await?;
        Ok(Updated {
            value: after,
            changed: true,
        })
    }
}

/// The version another writer left, read after an update changed no row.
async fn current_version<T: VersionedTable>(
    txn: &WriteTransaction,
    id: i64,
) -> Result<Option<i64>, WriteError> {
    Ok(T::Entity::find()
        .select_only()
        .column(T::VERSION)
        .filter(T::ID.eq(id))
        .into_tuple::<i64>()
        .one(&**txn)
        .await?)
}

/// The time a write stamps on its row, to the microsecond: PostgreSQL
/// keeps no finer, and the value a write returns must equal the one read
/// back later.
pub(super) fn write_clock() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

fn not_found<T: VersionedTable>(id: i64) -> WriteError {
    WriteError::NotFound(format!("{} {id}", T::NAME))
}

/// Refuses a write based on an older version than the stored one.
fn check_version(expected: i64, current: i64) -> Result<(), WriteError> {
    if expected == current {
        Ok(())
    } else {
        Err(WriteError::StaleVersion { expected, current })
    }
}
