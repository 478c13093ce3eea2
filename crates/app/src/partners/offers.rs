//! Offers: created as drafts, edited, published, archived and duplicated by
//! their operator's partners.

use chrono::NaiveDate;
use domain::audience::Audience;
use domain::catalog::Catalog;
use domain::codes::TradeCode;
use domain::offer::{
    NewOffer, Offer, OfferDetails, OfferDraft, OfferId, OfferPatch, OfferStatus, RecruitmentState,
};
use domain::operator::{OperatorId, SiteId};
use domain::revision::{AuditAction, AuditedObject};
use domain::sets::first_repeated;

use super::{actor, authorise_edit};
use crate::viewer::Viewer;
use crate::{App, AppError, AppResult};

/// A new offer as a partner writes it (trade codes not yet checked against
/// the catalogue); it starts as a DRAFT.
#[derive(Debug, Clone)]
pub struct OfferInput {
    pub operator: OperatorId,
    pub site: SiteId,
    pub reference: Option<String>,
    pub title: String,
    pub description: String,
    /// OPEN when absent.
    pub recruitment_state: Option<RecruitmentState>,
    /// Codes from the catalogue's trades; at least one, each once.
    pub trade_codes: Vec<String>,
    /// At least one, each once.
    pub audiences: Vec<Audience>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub places: Option<u32>,
    pub details: OfferDetails,
}

/// Changes to an offer: `None` leaves a field as it is, `Some(None)` clears
/// an optional one.
#[derive(Debug, Clone, Default)]
pub struct OfferChanges {
    pub site: Option<SiteId>,
    pub reference: Option<Option<String>>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub recruitment_state: Option<RecruitmentState>,
    pub trade_codes: Option<Vec<String>>,
    pub audiences: Option<Vec<Audience>>,
    pub start_date: Option<Option<NaiveDate>>,
    pub end_date: Option<Option<NaiveDate>>,
    pub places: Option<Option<u32>>,
    /// Must be of the offer's kind.
    pub details: Option<OfferDetails>,
}

/// Reads trade codes, each of which must be a trade of the catalogue, once.
pub fn trade_codes(catalog: &Catalog, raw: &[String]) -> AppResult<Vec<TradeCode>> {
    let codes = raw
        .iter()
        .enumerate()
        .map(|(i, code)| {
            TradeCode::parse(code.trim())
                .ok()
                .filter(|code| catalog.trade(code).is_some())
                .ok_or_else(|| {
                    AppError::bad_input(
                        format!("tradeCodes[{i}]"),
                        "is not a trade code; the `trades` query lists them",
                    )
                })
        })
        .collect::<AppResult<Vec<_>>>()?;
    if let Some(i) = first_repeated(&codes) {
        return Err(AppError::bad_input(
            format!("tradeCodes[{i}]"),
            "names a trade already in the list",
        ));
    }
    Ok(codes)
}

/// Checks that no audience is named twice.
fn audiences(audiences: Vec<Audience>) -> AppResult<Vec<Audience>> {
    match first_repeated(&audiences) {
        Some(i) => Err(AppError::bad_input(
            format!("audiences[{i}]"),
            "names an audience already in the list",
        )),
        None => Ok(audiences),
    }
}

/// A reference as the operator wrote it; an empty one is none.
fn reference(raw: Option<String>) -> Option<String> {
    raw.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty())
}

/// Creates an offer as a DRAFT, visible only to its operator and admins.
pub async fn create_offer(app: &App, viewer: &Viewer, draft: OfferInput) -> AppResult<Offer> {
    authorise_edit(app, viewer, AuditedObject::Operator, draft.operator.0).await?;
    let catalog = app.catalog();
    let new = NewOffer::parse(OfferDraft {
        operator_id: draft.operator,
        site_id: draft.site,
        reference: reference(draft.reference),
        title: draft.title,
        description: draft.description,
        recruitment_state: draft.recruitment_state.unwrap_or(RecruitmentState::Open),
        trade_codes: trade_codes(&catalog, &draft.trade_codes)?,
        audiences: audiences(draft.audiences)?,
        start_date: draft.start_date,
        end_date: draft.end_date,
        places: draft.places,
        details: draft.details,
    })
    .map_err(domain::rejection::Rejection::from)?;
    let offer = app.store().create_offer(&actor(viewer), new).await?;
    app.after_write().await;
    Ok(offer)
}

/// Changes an offer, if it is still at `version`.
pub async fn update_offer(
    app: &App,
    viewer: &Viewer,
    id: OfferId,
    version: i64,
    changes: OfferChanges,
) -> AppResult<Offer> {
    authorise_edit(app, viewer, AuditedObject::Offer, id.0).await?;
    let catalog = app.catalog();
    let patch = OfferPatch {
        reference: changes.reference.map(reference),
        site_id: changes.site,
        title: changes.title,
        description: changes.description,
        recruitment_state: changes.recruitment_state,
        trade_codes: changes
            .trade_codes
            .map(|codes| trade_codes(&catalog, &codes))
            .transpose()?,
        audiences: changes.audiences.map(audiences).transpose()?,
        start_date: changes.start_date,
        end_date: changes.end_date,
        places: changes.places,
        details: changes.details,
    };
    edit_offer(app, viewer, id, version, |offer| {
        patch.apply_to(offer)?;
        Ok(AuditAction::Update)
    })
    .await
}

/// Moves an offer to PUBLISHED (everyone sees it; every rule is checked
/// again) or ARCHIVED (the public no longer sees it; it stays for history),
/// if it is still at `version`. A draft cannot be asked for: drafts come
/// from creating or duplicating.
pub async fn move_offer(
    app: &App,
    viewer: &Viewer,
    id: OfferId,
    version: i64,
    status: OfferStatus,
) -> AppResult<Offer> {
    let action = match status {
        OfferStatus::Published => AuditAction::Publish,
        OfferStatus::Archived => AuditAction::Archive,
        OfferStatus::Draft => {
            return Err(AppError::bad_input(
                "status",
                "an offer goes back to DRAFT by being duplicated",
            ));
        }
    };
    authorise_edit(app, viewer, AuditedObject::Offer, id.0).await?;
    edit_offer(app, viewer, id, version, |offer| {
        offer.move_to(status)?;
        Ok(action)
    })
    .await
}

/// Runs a version-checked edit of an offer and makes it visible.
async fn edit_offer(
    app: &App,
    viewer: &Viewer,
    id: OfferId,
    version: i64,
    edit: impl FnOnce(&mut Offer) -> Result<AuditAction, domain::offer::OfferError>,
) -> AppResult<Offer> {
    let offer = app
        .store()
        .update_offer(&actor(viewer), id, version, |offer| {
            edit(offer).map_err(domain::rejection::Rejection::from)
        })
        .await?;
    app.after_write().await;
    Ok(offer)
}

/// Copies an offer into a new DRAFT (without its reference).
pub async fn duplicate_offer(app: &App, viewer: &Viewer, id: OfferId) -> AppResult<Offer> {
    authorise_edit(app, viewer, AuditedObject::Offer, id.0).await?;
    let offer = app.store().duplicate_offer(&actor(viewer), id).await?;
    app.after_write().await;
    Ok(offer)
}
