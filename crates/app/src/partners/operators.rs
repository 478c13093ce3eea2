//! Operators: created by admins, kept current by their partners.

use domain::codes::OperatorCode;
use domain::contact::ContactSettings;
use domain::operator::{Operator, OperatorDetails, OperatorId, OperatorPatch};
use domain::rejection::Rejection;
use domain::revision::AuditedObject;

use super::{actor, authorise_edit};
use crate::policy::{self, Action};
use crate::viewer::Viewer;
use crate::{App, AppResult};

/// Creates an operator (admins only); its code must be free.
pub async fn create_operator(
    app: &App,
    viewer: &Viewer,
    code: &OperatorCode,
    details: OperatorDetails,
) -> AppResult<Operator> {
    policy::allow(viewer, Action::CreateOperator)?;
    let operator = app
        .store()
        .create_operator(&actor(viewer), code, details)
        .await?;
    app.after_write().await;
    Ok(operator)
}

/// Changes an operator's details, if it is still at `version`.
pub async fn update_operator(
    app: &App,
    viewer: &Viewer,
    id: OperatorId,
    version: i64,
    patch: OperatorPatch,
) -> AppResult<Operator> {
    authorise_edit(app, viewer, AuditedObject::Operator, id.0).await?;
    let operator = app
        .store()
        .update_operator(&actor(viewer), id, version, |operator| {
            patch.apply_to(operator).map_err(Rejection::from)
        })
        .await?;
    app.after_write().await;
    Ok(operator)
}

/// Changes how an operator wants to be contacted, if it is still at `version`.
pub async fn update_contact_settings(
    app: &App,
    viewer: &Viewer,
    id: OperatorId,
    version: i64,
    settings: &ContactSettings,
) -> AppResult<Operator> {
    authorise_edit(app, viewer, AuditedObject::Operator, id.0).await?;
    let operator = app
        .store()
        .update_contact_settings(&actor(viewer), id, version, settings)
        .await?;
    app.after_write().await;
    Ok(operator)
}
