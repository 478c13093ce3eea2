//! The audit trail, for admins: who changed what, when, from what to what.

use app::ids::NodeType;
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::connections::PageInfo;
use crate::context::request;
use crate::cost;
use crate::error::{ApiResult, Located};

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
    /// An equipment item left the inventory (by hand, or missing from an imported file).
    Retire,
    /// A retired equipment item came back into the inventory.
    Restore,
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
    /// An equipment item.
    Equipment,
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

/// The audit trail.
#[derive(Debug, Default)]
pub struct AuditQuery;

/// The audit trail.
#[Object]
impl AuditQuery {
    /// Who changed what and when, newest first (admins only).
    #[graphql(complexity = "cost::page(first, 20, 100, child_complexity)")]
    async fn audit_entries(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which entries; all when left out.")] filter: Option<AuditFilterInput>,
        #[graphql(desc = "How many entries, at most 100 (20 by default).")] first: Option<i32>,
        #[graphql(desc = "`endCursor` of the previous page.")] after: Option<String>,
    ) -> ApiResult<AuditEntryConnection> {
        let context = request(ctx);
        let filter = filter.unwrap_or_default();
        let page = app::audit::entries(
            &context.app,
            &context.viewer,
            app::audit::AuditQuery {
                object_id: filter.object_id.map(|id| id.0),
                operator_id: filter.operator_id.map(|id| id.0),
            },
            first,
            after.as_deref(),
        )
        .await
        .located()?;
        let page_info = PageInfo::of(&page, |id| app::audit::cursor(*id));
        let edges = page
            .items
            .into_iter()
            .map(|(entry, id)| AuditEntryEdge {
                cursor: app::audit::cursor(id),
                node: AuditEntry {
                    occurred_at: entry.occurred_at,
                    actor: entry.actor,
                    action: entry.action.into(),
                    object_type: entry.object.into(),
                    object_id: ID(app::audit::object_global_id(entry.object, entry.object_id)),
                    operator_id: entry
                        .operator_id
                        .map(|id| super::objects::node_id(NodeType::Operator, id.0)),
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
        Ok(AuditEntryConnection { edges, page_info })
    }
}
