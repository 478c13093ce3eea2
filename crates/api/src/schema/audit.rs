//! The audit trail, for admins: who changed what, when, from what to what.

use async_graphql::{Context, Enum, ID, InputObject, SimpleObject};
use chrono::{DateTime, Utc};
use domain::revision::AuditedObject;
use storage::AuditFilter;

use super::connection::PageInfo;
use super::request;
use crate::error::{ApiError, ApiResult};
use crate::ids::{self, NodeType};
use crate::policy::{self, Action};

/// What a write did.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::revision::AuditAction")]
pub enum AuditAction {
    /// The object was created.
    Create,
    /// Some of its fields were changed.
    Update,
    /// An offer was published.
    Publish,
    /// An offer was archived.
    Archive,
    /// An offer was created as a copy of another (`duplicateOf` names it).
    Duplicate,
    /// A partner was invited to act for operators.
    Invite,
}

/// The kind of object a write touched.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::revision::AuditedObject")]
pub enum AuditedObjectType {
    /// An operator.
    Operator,
    /// A site.
    Site,
    /// A training programme.
    Programme,
    /// An offer.
    Offer,
    /// An account.
    Account,
}

/// One field a write changed.
#[derive(SimpleObject, Debug)]
pub struct FieldChange {
    /// The field, as the API spells it.
    pub field: String,
    /// Its value before, as text; null when it was empty or the object is new.
    pub from: Option<String>,
    /// Its value after, as text; null when it was cleared.
    pub to: Option<String>,
}

/// One write.
#[derive(SimpleObject, Debug)]
pub struct AuditEntry {
    /// When it was committed.
    pub occurred_at: DateTime<Utc>,
    /// Who wrote, as they were named at the time.
    pub actor: String,
    /// What the write did.
    pub action: AuditAction,
    /// The kind of object it touched.
    pub object_type: AuditedObjectType,
    /// The global id of the object (for accounts, their number).
    pub object_id: ID,
    /// The operator whose data changed (global id).
    pub operator_id: Option<ID>,
    /// The fields that changed.
    pub changes: Vec<FieldChange>,
}

/// An audit entry in a page, with its cursor.
#[derive(SimpleObject, Debug)]
pub struct AuditEntryEdge {
    /// Opaque position of this entry.
    pub cursor: String,
    /// The entry.
    pub node: AuditEntry,
}

/// A page of audit entries, newest first.
#[derive(SimpleObject, Debug)]
pub struct AuditEntryConnection {
    /// The entries of this page.
    pub edges: Vec<AuditEntryEdge>,
    /// Where this page stands.
    pub page_info: PageInfo,
}

/// Which entries to list.
#[derive(InputObject, Debug, Default)]
pub struct AuditFilterInput {
    /// Only the history of this object (global id of an operator, site, programme or offer).
    pub object_id: Option<ID>,
    /// Only changes to this operator's data (global id).
    pub operator_id: Option<ID>,
}

fn object_global_id(object: AuditedObject, id: i64) -> ID {
    let node = match object {
        AuditedObject::Operator => NodeType::Operator,
        AuditedObject::Site => NodeType::Site,
        AuditedObject::Programme => NodeType::TrainingProgramme,
        AuditedObject::Offer => NodeType::Offer,
        AuditedObject::Account => return ID(id.to_string()),
    };
    ids::global_id(node, id)
}

fn parse_object(id: &ID) -> Result<(AuditedObject, i64), ApiError> {
    let argument = "filter.objectId";
    let (node, key) = ids::parse_global_id(id).map_err(|_| {
        ApiError::bad_input(
            argument,
            "must be the global id of an operator, site, programme or offer",
        )
    })?;
    let object = match node {
        NodeType::Operator => AuditedObject::Operator,
        NodeType::Site => AuditedObject::Site,
        NodeType::TrainingProgramme => AuditedObject::Programme,
        NodeType::Offer => AuditedObject::Offer,
        other => {
            return Err(ApiError::bad_input(
                argument,
                format!(
                    "a {} has no history; give an operator, site, programme or offer",
                    other.name()
                ),
            ));
        }
    };
    Ok((object, ids::numeric_key(&key)?))
}

const CURSOR_PREFIX: &str = "audit:";

/// `auditEntries`: admins only.
pub(super) async fn audit_entries(
    ctx: &Context<'_>,
    filter: Option<AuditFilterInput>,
    first: Option<i32>,
    after: Option<String>,
) -> ApiResult<AuditEntryConnection> {
    let context = request(ctx);
    policy::allow(&context.viewer, Action::ReadAudit)?;
    let size = super::page_size(first)?;
    let filter = filter.unwrap_or_default();
    let store_filter = AuditFilter {
        object: filter.object_id.as_ref().map(parse_object).transpose()?,
        operator_id: filter
            .operator_id
            .as_ref()
            .map(|id| {
                let (node, key) = ids::parse_global_id(id)?;
                if node != NodeType::Operator {
                    return Err(ApiError::bad_input(
                        "filter.operatorId",
                        "must be the global id of an operator",
                    ));
                }
                ids::numeric_key(&key).map(domain::operator::OperatorId)
            })
            .transpose()?,
        account_id: None,
    };
    let before = after
        .map(|cursor| {
            cursor
                .strip_prefix(CURSOR_PREFIX)
                .and_then(|id| id.parse::<i64>().ok())
                .ok_or_else(|| ApiError::bad_input("after", "is not a cursor from `auditEntries`"))
        })
        .transpose()?;
    let limit = size.get() as u64;
    let mut entries = context
        .store
        .audit_entries(&store_filter, before, limit + 1)
        .await
        .map_err(|e| ApiError::Internal(Box::new(e)))?;
    let has_next_page = entries.len() as u64 > limit;
    entries.truncate(size.get());
    let edges: Vec<AuditEntryEdge> = entries
        .into_iter()
        .map(|entry| AuditEntryEdge {
            cursor: format!("{CURSOR_PREFIX}{}", entry.id),
            node: AuditEntry {
                occurred_at: entry.occurred_at,
                actor: entry.actor,
                action: entry.action.into(),
                object_type: entry.object.into(),
                object_id: object_global_id(entry.object, entry.object_id),
                operator_id: entry
                    .operator_id
                    .map(|id| ids::global_id(NodeType::Operator, id.0)),
                changes: entry
                    .changes
                    .into_iter()
                    .map(|c| FieldChange {
                        field: c.field,
                        from: c.from,
                        to: c.to,
                    })
                    .collect(),
            },
        })
        .collect();
    Ok(AuditEntryConnection {
        page_info: PageInfo {
            has_next_page,
            has_previous_page: before.is_some(),
            start_cursor: edges.first().map(|e| e.cursor.clone()),
            end_cursor: edges.last().map(|e| e.cursor.clone()),
        },
        edges,
    })
}
