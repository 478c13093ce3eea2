//! The public's contact requests, end to end: the checks of
//! `domain::contact`, the strict per-address rate limit, the operator's
//! mode, and one transaction storing the request with the mail that
//! forwards it; then partners reading and answering theirs, and the public
//! counts. Nothing here logs what the requester typed.

use std::time::Instant;

use chrono::{DateTime, Utc};
use domain::contact::{
    ContactRequest, ContactRequestId, ContactRoute, RawContactRequest, forward_mail,
    honeypot_filled,
};
use domain::offer::OfferId;
use domain::operator::OperatorId;
use domain::page::{Page, PageSize};
use storage::{ContactCounts, StoredContactRequest};

use crate::pages::keyset_page;
use crate::policy::{self, Action};
use crate::viewer::{Client, Viewer};
use crate::{App, AppError, AppResult};

/// A request to submit: the offer, what was typed, and the honeypot.
#[derive(Debug)]
pub struct Submission<'a> {
    pub offer_id: OfferId,
    pub raw: RawContactRequest<'a>,
    pub honeypot: Option<&'a str>,
}

/// Checks and stores a contact request; returns where it went. A filled
/// honeypot gets the same answer as a real request, and nothing is stored.
pub async fn submit(
    app: &App,
    viewer: &Viewer,
    client: &Client,
    submission: Submission<'_>,
    now: DateTime<Utc>,
) -> AppResult<ContactRoute> {
    policy::allow(viewer, Action::RequestContact)?;
    let catalog = app.catalog();
    let not_found =
        || AppError::NotFound("no published offer has this id; it may have closed".to_owned());
    let offer = catalog
        .published_offer(submission.offer_id)
        .ok_or_else(not_found)?;
    let (operator, site) = catalog
        .operator(offer.operator_id)
        .zip(catalog.site(offer.site_id))
        .ok_or_else(not_found)?;
    let settings = app
        .store()
        .contact_settings(offer.operator_id)
        .await?
        .unwrap_or_default();
    let request = ContactRequest::parse(offer, &settings, submission.raw)
        .map_err(|e| AppError::bad_input(e.field(), e))?;
    // Counted once the request is valid, so that a person correcting a typo
    // is not locked out (invalid ones store nothing and fall under the
    // endpoint's own limit); bots filling the honeypot are counted too.
    if let Err(retry_after_seconds) = app
        .rate_limiter()
        .admit_contact_from(client.ip, Instant::now())
    {
        return Err(AppError::RateLimited {
            message: format!(
                "too many contact requests from this address; retry in {retry_after_seconds} seconds"
            ),
            retry_after_seconds,
        });
    }
    let route = ContactRoute::choose(&settings, operator, site);
    if honeypot_filled(submission.honeypot) {
        return Ok(route);
    }
    let mail = match &route {
        ContactRoute::Forward { to } => {
            let (subject, body) = forward_mail(&request, &offer.title);
            Some(storage::NewMail {
                to: to.clone(),
                reply_to: Some(request.email.clone()),
                subject,
                body,
            })
        }
        ContactRoute::Phone(_) | ContactRoute::InPerson(_) => None,
    };
    app.store()
        .record_contact_request(&request, route.mode(), mail, now)
        .await?;
    Ok(route)
}

/// The requests an operator received, newest first (its partners and admins).
pub async fn requests_of(
    app: &App,
    viewer: &Viewer,
    operator: OperatorId,
    size: PageSize,
    after: Option<ContactRequestId>,
) -> AppResult<Page<StoredContactRequest, ContactRequestId>> {
    policy::allow(viewer, Action::ReadContactRequests { operator })?;
    let store = app.store();
    keyset_page(
        size,
        after,
        |after, limit| store.contact_requests_of(operator, after, limit),
        |request| request.id,
    )
    .await
}

/// Marks a request answered (its operator's partners and admins). To anyone
/// else the answer is the same whether the request exists or not, so that
/// ids cannot be probed.
pub async fn mark_answered(
    app: &App,
    viewer: &Viewer,
    id: ContactRequestId,
    now: DateTime<Utc>,
) -> AppResult<StoredContactRequest> {
    let not_found = || AppError::NotFound("no contact request has this id".to_owned());
    // The public is refused before anything is looked up.
    if matches!(viewer, Viewer::Public) {
        policy::allow(
            viewer,
            Action::AnswerContactRequest {
                operator: OperatorId(0),
            },
        )?;
    }
    let found = app
        .store()
        .contact_request(id)
        .await?
        .ok_or_else(not_found)?;
    // A partner of another operator learns nothing about the request.
    policy::allow(
        viewer,
        Action::AnswerContactRequest {
            operator: found.request.operator_id,
        },
    )
    .map_err(|_| not_found())?;
    app.store().mark_contact_answered(id, now).await?;
    app.store().contact_request(id).await?.ok_or_else(not_found)
}

/// How many offers the public counts list, most contacted first.
pub const MAX_OFFERS_COUNTED: usize = 100;

/// How many requests an operator received and answered (public numbers);
/// per offer only for the offers the public can see, the
/// [`MAX_OFFERS_COUNTED`] most contacted.
pub async fn counts(app: &App, viewer: &Viewer, operator: OperatorId) -> AppResult<ContactCounts> {
    policy::allow(viewer, Action::ReadContactCounts)?;
    let mut counts = app.store().contact_counts(operator).await?;
    let catalog = app.catalog();
    counts
        .per_offer
        .retain(|(offer, _)| catalog.published_offer(*offer).is_some());
    counts.per_offer.truncate(MAX_OFFERS_COUNTED);
    Ok(counts)
}
