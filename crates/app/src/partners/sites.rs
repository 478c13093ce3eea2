//! Sites: where an operator receives people. The commune is computed from
//! the location, never taken from input.

use domain::operator::{NewSite, OperatorId, Site, SiteDetails, SiteId, SitePatch};
use domain::revision::AuditedObject;

use super::{actor, authorise_edit};
use crate::viewer::Viewer;
use crate::{App, AppResult};

/// A reference for a site whose operator gave none.
fn generated_reference() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    format!("site-{:016x}", OsRng.next_u64())
}

/// Adds a site to an operator; `reference` is generated when absent.
pub async fn create_site(
    app: &App,
    viewer: &Viewer,
    operator: OperatorId,
    reference: Option<String>,
    details: SiteDetails,
) -> AppResult<Site> {
    authorise_edit(app, viewer, AuditedObject::Operator, operator.0).await?;
    let reference = reference.unwrap_or_else(generated_reference);
    let new = NewSite::place(operator, &reference, details, app.catalog().territory())?;
    let site = app.store().create_site(&actor(viewer), new).await?;
    app.after_write().await;
    Ok(site)
}

/// Changes a site, if it is still at `version`; moving it moves its commune.
pub async fn update_site(
    app: &App,
    viewer: &Viewer,
    id: SiteId,
    version: i64,
    patch: SitePatch,
) -> AppResult<Site> {
    authorise_edit(app, viewer, AuditedObject::Site, id.0).await?;
    let catalog = app.catalog();
    let territory = catalog.territory();
    let site = app
        .store()
        .update_site(&actor(viewer), id, version, |site| {
            patch.apply_to(site, territory)
        })
        .await?;
    app.after_write().await;
    Ok(site)
}
