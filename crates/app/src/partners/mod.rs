//! What partners and admins write: operators, sites, programmes and offers.
//! Each use case asks the policy about the owner read from the database
//! (not from a catalogue that may be a few milliseconds old), hands the
//! change to storage (one transaction, version-checked and audited) and
//! refreshes the catalogue before answering, so that the next read anywhere
//! sees the write.

pub mod offers;
pub mod operators;
pub mod programmes;
pub mod sites;

use domain::operator::OperatorId;
use domain::revision::AuditedObject;
use storage::Actor;

use crate::policy::{self, Action};
use crate::viewer::Viewer;
use crate::{App, AppError, AppResult};

/// Who writes, for the audit trail.
pub fn actor(viewer: &Viewer) -> Actor {
    match viewer {
        Viewer::Account { account, .. } => Actor {
            account_id: Some(account.id),
            name: account.display_name.clone(),
        },
        Viewer::Public => Actor {
            account_id: None,
            name: "public".to_owned(),
        },
    }
}

/// Asks the policy whether the viewer acts for the owner of an object, read
/// from the database; an object that does not exist is NOT_FOUND.
pub(crate) async fn authorise_edit(
    app: &App,
    viewer: &Viewer,
    object: AuditedObject,
    id: i64,
) -> AppResult<OperatorId> {
    // The public learns nothing about which ids exist.
    if matches!(viewer, Viewer::Public) {
        policy::allow(viewer, Action::EditOperatorData(OperatorId(0)))?;
    }
    let not_found = || AppError::NotFound(format!("{} does not exist", object_name(object)));
    let operator = app
        .store()
        .owner_of(object, id)
        .await?
        .ok_or_else(not_found)?;
    policy::allow(viewer, Action::EditOperatorData(operator)).map_err(|refusal| {
        // Drafts and archived offers, private and retired equipment exist
        // only for those who may read them: to a partner of another operator, one is as unknown as an
        // id nobody used. Operators, sites and published offers are public.
        let unseen = match object {
            AuditedObject::Offer => app
                .catalog()
                .published_offer(domain::offer::OfferId(id))
                .is_none(),
            AuditedObject::Equipment => app
                .catalog()
                .public_equipment_item(domain::equipment::EquipmentId(id))
                .is_none(),
            _ => false,
        };
        if unseen { not_found() } else { refusal.into() }
    })?;
    Ok(operator)
}

fn object_name(object: AuditedObject) -> &'static str {
    match object {
        AuditedObject::Operator => "operator",
        AuditedObject::Site => "site",
        AuditedObject::Programme => "programme",
        AuditedObject::Offer => "offer",
        AuditedObject::Equipment => "equipment item",
        AuditedObject::Account => "account",
    }
}

impl App {
    /// Makes a committed write visible to every read, here and (through the
    /// change feed) on other instances, before the use case answers.
    ///
    /// The write is committed whatever happens here: answering with an
    /// error would make the client retry and write twice. A failed refresh
    /// is logged, and the next write or announcement refreshes again.
    pub(crate) async fn after_write(&self) {
        if let Err(error) = self.refresh_catalog().await {
            tracing::error!(%error, "a write committed but the catalogue could not be refreshed");
        }
    }
}
