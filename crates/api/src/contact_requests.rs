//! The public's contact requests, end to end: the checks of
//! `domain::contact`, the strict per-address rate limit, the operator's mode, and one
//! transaction storing the request with the mail that forwards it. Nothing
//! here logs what the requester typed.

use std::time::Instant;

use chrono::{DateTime, Utc};
use domain::contact::{
    ContactRequest, ContactRoute, RawContactRequest, forward_mail, honeypot_filled,
};
use domain::offer::OfferId;

use crate::error::ApiError;
use crate::schema::RequestContext;

/// A request to submit: the offer, what was typed, and the honeypot.
#[derive(Debug)]
pub(crate) struct Submission<'a> {
    pub(crate) offer_id: OfferId,
    pub(crate) raw: RawContactRequest<'a>,
    pub(crate) honeypot: Option<&'a str>,
}

/// Checks and stores a contact request; returns where it went. A filled
/// honeypot gets the same answer as a real request, and nothing is stored.
pub(crate) async fn submit(
    context: &RequestContext,
    submission: Submission<'_>,
    now: DateTime<Utc>,
) -> Result<ContactRoute, ApiError> {
    let catalog = &context.catalog;
    let not_found =
        || ApiError::NotFound("no published offer has this id; it may have closed".to_owned());
    let offer = catalog
        .published_offer(submission.offer_id)
        .ok_or_else(not_found)?;
    let (operator, site) = catalog
        .operator(offer.operator_id)
        .zip(catalog.site(offer.site_id))
        .ok_or_else(not_found)?;
    let internal = |e: storage::StorageError| ApiError::Internal(Box::new(e));
    let settings = context
        .store
        .contact_settings(offer.operator_id)
        .await
        .map_err(internal)?
        .unwrap_or_default();
    let request = ContactRequest::parse(offer, &settings, submission.raw)
        .map_err(|e| ApiError::bad_input(e.field(), e))?;
    // Counted once the request is valid, so that a person correcting a typo
    // is not locked out (invalid ones store nothing and fall under the
    // endpoint's own limit); bots filling the honeypot are counted too.
    if let Err(retry_after_seconds) = context
        .rate_limiter
        .admit_contact_from(context.client.ip, Instant::now())
    {
        return Err(ApiError::RateLimited {
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
    context
        .store
        .record_contact_request(&request, route.mode(), mail, now)
        .await
        .map_err(internal)?;
    Ok(route)
}
