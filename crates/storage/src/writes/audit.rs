//! The audit trail: written with every change, read by admins.

use domain::account::AccountId;
use domain::operator::OperatorId;
use domain::revision::{AuditEntry, AuditedObject, FieldChange};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use crate::entities::audit_entry;
use crate::{StorageError, Store};

/// Which entries to list; every set field must match.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub object: Option<(AuditedObject, i64)>,
    pub operator_id: Option<OperatorId>,
    pub account_id: Option<AccountId>,
}

#[derive(Serialize, Deserialize)]
struct StoredChange {
    field: String,
    from: Option<String>,
    to: Option<String>,
}

pub(super) fn encode_changes(changes: &[FieldChange]) -> String {
    let stored: Vec<StoredChange> = changes
        .iter()
        .map(|c| StoredChange {
            field: c.field.clone(),
            from: c.from.clone(),
            to: c.to.clone(),
        })
        .collect();
    serde_json::to_string(&stored).unwrap_or_else(|_| "[]".to_owned())
}

impl Store {
    /// Audit entries, newest first, strictly older than `before_id` when given.
    pub async fn audit_entries(
        &self,
        filter: &AuditFilter,
        before_id: Option<i64>,
        limit: u64,
    ) -> Result<Vec<AuditEntry>, StorageError> {
        const TABLE: &str = "audit_entries";
        let mut query = audit_entry::Entity::find();
        if let Some((object, id)) = filter.object {
            query = query
                .filter(audit_entry::Column::ObjectType.eq(object.code()))
                .filter(audit_entry::Column::ObjectId.eq(id));
        }
        if let Some(operator) = filter.operator_id {
            query = query.filter(audit_entry::Column::OperatorId.eq(operator.0));
        }
        if let Some(account) = filter.account_id {
            query = query.filter(audit_entry::Column::AccountId.eq(account.0));
        }
        if let Some(before) = before_id {
            query = query.filter(audit_entry::Column::Id.lt(before));
        }
        let rows = query
            .order_by_desc(audit_entry::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?;
        rows.into_iter()
            .map(|row| {
                let corrupt = |e: &dyn std::fmt::Display| StorageError::corrupt(TABLE, row.id, e);
                let changes: Vec<StoredChange> =
                    serde_json::from_str(&row.changes).map_err(|e| corrupt(&e))?;
                Ok(AuditEntry {
                    id: row.id,
                    occurred_at: row.occurred_at,
                    account_id: row.account_id.map(AccountId),
                    actor: row.actor,
                    action: row.action.parse().map_err(|e| corrupt(&e))?,
                    object: row.object_type.parse().map_err(|e| corrupt(&e))?,
                    object_id: row.object_id,
                    operator_id: row.operator_id.map(OperatorId),
                    changes: changes
                        .into_iter()
                        .map(|c| FieldChange {
                            field: c.field,
                            from: c.from,
                            to: c.to,
                        })
                        .collect(),
                })
            })
            .collect()
    }
}
