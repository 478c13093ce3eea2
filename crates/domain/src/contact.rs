//! Contact requests: the public writes to an operator about an offer,
//! through the contact mode the operator chose and only from the audiences
//! it accepts. Everything a requester types is personal data: the types
//! here never print it (`Debug` is redacted) and their errors never repeat it.

use std::fmt;

use crate::audience::Audience;
use crate::coded_enum::coded_enum;
use crate::email::Email;
use crate::offer::{Offer, OfferId};
use crate::operator::{Address, Operator, OperatorId, Site};
use crate::phone::PhoneNumber;
use crate::plain_text::{required_multi_line, single_line};

/// Database identifier of a contact request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContactRequestId(pub i64);

coded_enum! {
    /// How an operator wants to be contacted.
    pub enum ContactMode ("contact mode") {
        /// The request is e-mailed to the operator; the requester waits for an answer.
        EmailForward = "EMAIL_FORWARD",
        /// The requester is shown the operator's phone number.
        Phone = "PHONE",
        /// The requester is shown the site's address, to come by.
        InPerson = "IN_PERSON",
    }
}

/// An operator's contact settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSettings {
    pub mode: ContactMode,
    /// The audiences it accepts requests from; empty: every audience the
    /// offer names.
    pub accepted_audiences: Vec<Audience>,
}

impl Default for ContactSettings {
    fn default() -> Self {
        Self {
            mode: ContactMode::EmailForward,
            accepted_audiences: Vec::new(),
        }
    }
}

/// Longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest desired period accepted ("septembre à décembre 2027").
pub const MAX_PERIOD_CHARS: usize = 100;
/// Longest message accepted.
pub const MAX_MESSAGE_CHARS: usize = 2_000;
/// Longest honeypot value looked at; bots fill it, people never see it.
pub const MAX_HONEYPOT_CHARS: usize = 200;

/// Why a contact request was refused. Never repeats what was typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error(
        "must not be empty and at most {MAX_NAME_CHARS} characters, without control characters"
    )]
    Name,
    #[error("must be an e-mail address such as name@example.org, at most 254 characters")]
    Email,
    #[error(
        "must be a phone number such as 069 22 33 44, 0470 12 34 56 or +32 69 22 33 44 (8 to 15 digits)"
    )]
    Phone,
    #[error("must not be empty and at most {MAX_PERIOD_CHARS} characters, on one line")]
    DesiredPeriod,
    #[error(
        "must not be empty and at most {MAX_MESSAGE_CHARS} characters, without control characters other than line breaks and tabs"
    )]
    Message,
    #[error("this offer does not take contact requests from {0}")]
    AudienceNotAccepted(Audience),
}

impl ContactError {
    /// The field of the request at fault.
    pub fn field(&self) -> &'static str {
        match self {
            ContactError::Name => "requester.name",
            ContactError::Email => "requester.email",
            ContactError::Phone => "requester.phone",
            ContactError::DesiredPeriod => "desiredPeriod",
            ContactError::Message => "message",
            ContactError::AudienceNotAccepted(_) => "audience",
        }
    }
}

/// A contact request as typed, before checks.
#[derive(Clone, Copy)]
pub struct RawContactRequest<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub phone: Option<&'a str>,
    pub audience: Audience,
    pub desired_period: &'a str,
    pub message: &'a str,
}

impl fmt::Debug for RawContactRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawContactRequest")
            .field("audience", &self.audience)
            .finish_non_exhaustive()
    }
}

/// A checked contact request, ready to be stored.
#[derive(Clone, PartialEq, Eq)]
pub struct ContactRequest {
    pub offer_id: OfferId,
    pub operator_id: OperatorId,
    pub name: String,
    pub email: Email,
    pub phone: Option<PhoneNumber>,
    pub audience: Audience,
    pub desired_period: String,
    pub message: String,
}

impl fmt::Debug for ContactRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContactRequest")
            .field("offer_id", &self.offer_id)
            .field("operator_id", &self.operator_id)
            .field("audience", &self.audience)
            .finish_non_exhaustive()
    }
}

impl ContactRequest {
    /// Checks a request about a (published) offer against the operator's
    /// settings: every field, then the audience, which must be one the offer
    /// names and the operator accepts.
    pub fn parse(
        offer: &Offer,
        settings: &ContactSettings,
        raw: RawContactRequest<'_>,
    ) -> Result<Self, ContactError> {
        let name = single_line(raw.name, MAX_NAME_CHARS).map_err(|_| ContactError::Name)?;
        let email = Email::parse(raw.email).map_err(|_| ContactError::Email)?;
        let phone = raw
            .phone
            .filter(|p| !p.trim().is_empty())
            .map(PhoneNumber::parse)
            .transpose()
            .map_err(|_| ContactError::Phone)?;
        let desired_period = single_line(raw.desired_period, MAX_PERIOD_CHARS)
            .map_err(|_| ContactError::DesiredPeriod)?;
        let message = required_multi_line(raw.message, MAX_MESSAGE_CHARS)
            .map_err(|_| ContactError::Message)?;
        let named_by_offer = offer.audiences.contains(&raw.audience);
        let accepted_by_operator = settings.accepted_audiences.is_empty()
            || settings.accepted_audiences.contains(&raw.audience);
        if !(named_by_offer && accepted_by_operator) {
            return Err(ContactError::AudienceNotAccepted(raw.audience));
        }
        Ok(Self {
            offer_id: offer.id,
            operator_id: offer.operator_id,
            name,
            email,
            phone,
            audience: raw.audience,
            desired_period,
            message,
        })
    }
}

/// Whether the honeypot field (hidden from people by the form) was filled:
/// then the request comes from a bot, which is answered as if it had
/// succeeded and nothing is stored.
pub fn honeypot_filled(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.trim().is_empty())
}

/// Where a request goes, from the operator's mode and what it has: a mode
/// that lacks its data (phone mode without a number, forwarding without an
/// address) falls back to the site's address, which every offer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactRoute {
    /// E-mail the request to this address.
    Forward { to: Email },
    /// Show this phone number.
    Phone(String),
    /// Show this address.
    InPerson(Address),
}

impl ContactRoute {
    pub fn choose(settings: &ContactSettings, operator: &Operator, site: &Site) -> Self {
        let in_person = || ContactRoute::InPerson(site.address.clone());
        match settings.mode {
            ContactMode::EmailForward => operator
                .email
                .clone()
                .map_or_else(in_person, |to| ContactRoute::Forward { to }),
            ContactMode::Phone => operator.phone.as_ref().map_or_else(in_person, |phone| {
                ContactRoute::Phone(phone.written().to_owned())
            }),
            ContactMode::InPerson => in_person(),
        }
    }

    /// The mode actually used.
    pub fn mode(&self) -> ContactMode {
        match self {
            ContactRoute::Forward { .. } => ContactMode::EmailForward,
            ContactRoute::Phone(_) => ContactMode::Phone,
            ContactRoute::InPerson(_) => ContactMode::InPerson,
        }
    }
}

/// Parses the stored list of accepted audiences (comma-separated codes).
pub fn parse_audience_list(stored: &str) -> Result<Vec<Audience>, crate::coded_enum::UnknownCode> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::parse)
        .collect()
}

/// The subject and body of the mail forwarding a request to an operator.
/// The requester's address goes in `Reply-To`, so the operator answers
/// directly.
pub fn forward_mail(request: &ContactRequest, offer_title: &str) -> (String, String) {
    let subject = format!("Demande de contact : {offer_title}");
    let phone = request
        .phone
        .as_ref()
        .map_or("(non communiqué)", PhoneNumber::as_str);
    let body = format!(
        "Une demande de contact vous est parvenue par Wapi Synergies.\n\n\
         Offre : {offer_title}\n\
         Nom : {name}\n\
         Adresse e-mail : {email}\n\
         Téléphone : {phone}\n\
         Public : {audience}\n\
         Période souhaitée : {period}\n\n\
         Message :\n{message}\n\n\
         Répondez directement à ce message pour écrire à la personne.\n",
        name = request.name,
        email = request.email.as_str(),
        audience = request.audience.label_fr(),
        period = request.desired_period,
        message = request.message,
    );
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_audiences_parse_from_their_stored_list() {
        assert_eq!(parse_audience_list("").unwrap(), vec![]);
        assert_eq!(
            parse_audience_list("JOB_SEEKERS, SOCIAL_PROMOTION").unwrap(),
            vec![Audience::JobSeekers, Audience::SocialPromotion]
        );
        assert!(parse_audience_list("PUPILS").is_err());
    }

    #[test]
    fn personal_data_never_shows_in_debug_output() {
        let phone = PhoneNumber::parse("0470 12 34 56").unwrap();
        assert!(!format!("{phone:?}").contains("470"));
        let raw = RawContactRequest {
            name: "Marie Dupont",
            email: "marie@example.org",
            phone: Some("0470 12 34 56"),
            audience: Audience::JobSeekers,
            desired_period: "mars",
            message: "Bonjour",
        };
        let printed = format!("{raw:?}");
        assert!(
            !printed.contains("Marie") && !printed.contains("marie@"),
            "{printed}"
        );
    }
}
