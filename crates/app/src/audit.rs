//! The audit trail, for admins: who changed what, when, from what to what.

use domain::operator::OperatorId;
use domain::page::{Page, PageSize};
use domain::revision::{AuditEntry, AuditedObject};
use storage::AuditFilter;

use crate::ids::{self, NodeType};
use crate::pages::keyset_page;
use crate::policy::{self, Action};
use crate::viewer::Viewer;
use crate::{App, AppError, AppResult};

/// Which entries to list, as a client gave them (global ids).
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    /// Only the history of this object (an operator, site, programme or offer).
    pub object_id: Option<String>,
    /// Only changes to this operator's data.
    pub operator_id: Option<String>,
}

/// The global id of an audited object (for accounts, their number).
pub fn object_global_id(object: AuditedObject, id: i64) -> String {
    let node = match object {
        AuditedObject::Operator => NodeType::Operator,
        AuditedObject::Site => NodeType::Site,
        AuditedObject::Programme => NodeType::TrainingProgramme,
        AuditedObject::Offer => NodeType::Offer,
        AuditedObject::Equipment => NodeType::EquipmentItem,
        AuditedObject::Account => return id.to_string(),
    };
    ids::global_id(node, id)
}

fn parse_object(id: &str) -> AppResult<(AuditedObject, i64)> {
    let field = "filter.objectId";
    let (node, _) = ids::parse_global_id(id).map_err(|_| {
        AppError::bad_input(
            field,
            "must be the global id of an operator, site, programme, offer or equipment item",
        )
    })?;
    let object = match node {
        NodeType::Operator => AuditedObject::Operator,
        NodeType::Site => AuditedObject::Site,
        NodeType::TrainingProgramme => AuditedObject::Programme,
        NodeType::Offer => AuditedObject::Offer,
        NodeType::EquipmentItem => AuditedObject::Equipment,
        other => {
            return Err(AppError::bad_input(
                field,
                format!(
                    "a {} has no history; give an operator, site, programme or offer",
                    other.name()
                ),
            ));
        }
    };
    Ok((object, ids::parse_id(id, node, field)?))
}

const CURSOR_PREFIX: &str = "audit:";

/// The cursor of an entry.
pub fn cursor(entry_id: i64) -> String {
    format!("{CURSOR_PREFIX}{entry_id}")
}

fn parse_cursor(cursor: &str) -> AppResult<i64> {
    cursor
        .strip_prefix(CURSOR_PREFIX)
        .and_then(|id| id.parse::<i64>().ok())
        .ok_or_else(|| AppError::bad_input("after", "is not a cursor from `auditEntries`"))
}

/// Who changed what and when, newest first (admins only).
pub async fn entries(
    app: &App,
    viewer: &Viewer,
    query: AuditQuery,
    first: Option<i32>,
    after: Option<&str>,
) -> AppResult<Page<AuditEntry, i64>> {
    policy::allow(viewer, Action::ReadAudit)?;
    let size: PageSize = crate::pages::page_size(first)?;
    let filter = AuditFilter {
        object: query.object_id.as_deref().map(parse_object).transpose()?,
        operator_id: query
            .operator_id
            .as_deref()
            .map(|id| ids::parse_id(id, NodeType::Operator, "filter.operatorId").map(OperatorId))
            .transpose()?,
        account_id: None,
    };
    let after = after.map(parse_cursor).transpose()?;
    let store = app.store();
    keyset_page(
        size,
        after,
        |before, limit| store.audit_entries(&filter, before, limit),
        |entry| entry.id,
    )
    .await
}
