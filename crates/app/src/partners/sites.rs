//! Sites: where an operator receives people. The commune is computed from
//! the location, never taken from input.

use domain::operator::{OperatorId, Site, SiteDetails, SiteId, SitePatch};
use domain::revision::AuditedObject;

use super::{actor, authorise_edit};
use crate::viewer::Viewer;
use crate::{App, AppError, AppResult};

/// Longest reference of a site, chosen by its operator.
pub const MAX_REFERENCE_CHARS: usize = 100;

/// Checks an operator's own reference for one of its objects.
pub fn parse_reference(raw: &str) -> AppResult<String> {
    domain::plain_text::single_line(raw, MAX_REFERENCE_CHARS)
        .map_err(|e| AppError::bad_input("reference", e))
}

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
    let reference = match reference {
        Some(raw) => parse_reference(&raw)?,
        None => generated_reference(),
    };
    let catalog = app.catalog();
    let territory = catalog.territory();
    let site = app
        .store()
        .create_site(
            &actor(viewer),
            operator,
            &reference,
            |details| Site::place(operator, details, territory, chrono::Utc::now()),
            details,
        )
        .await?;
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
