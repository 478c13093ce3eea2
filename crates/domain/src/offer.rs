//! Offers: trainings, internship places, jobs and trade-discovery activities,
//! each at an operator's site. Training follows LHEO's shape: a programme
//! (the formation) runs as sessions, each at a place with its dates.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::audience::Audience;
use crate::coded_enum::coded_enum;
use crate::codes::TradeCode;
use crate::operator::{OperatorId, SiteId};

/// Database identifier of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OfferId(pub i64);

/// Database identifier of a training programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProgrammeId(pub i64);

coded_enum! {
    /// The four kinds of offer.
    pub enum OfferKind ("offer kind") {
        /// A training session (school, adult education, vocational training).
        Training = "TRAINING",
        /// An internship place (stage) in a company or organisation.
        Internship = "INTERNSHIP",
        /// A job vacancy.
        Job = "JOB",
        /// A trade-discovery activity: essai métier, company visit, workshop.
        Discovery = "DISCOVERY",
    }
}

coded_enum! {
    /// Where an offer is in its editorial life.
    pub enum OfferStatus ("offer status") {
        /// Being written; visible only to its operator and admins.
        Draft = "DRAFT",
        /// Visible to everyone.
        Published = "PUBLISHED",
        /// Kept for history and indicators; no longer shown to the public.
        Archived = "ARCHIVED",
    }
}

coded_enum! {
    /// Whether an offer takes people now (LHEO's "état du recrutement").
    pub enum RecruitmentState ("recruitment state") {
        /// Applications are welcome.
        Open = "OPEN",
        /// Full or finished recruiting.
        Closed = "CLOSED",
        /// Temporarily not recruiting.
        Suspended = "SUSPENDED",
    }
}

coded_enum! {
    /// How a training is organised.
    pub enum TrainingModality ("training modality") {
        /// Full-time, on site.
        FullTime = "FULL_TIME",
        /// Alternating school or centre and workplace.
        Alternance = "ALTERNANCE",
        /// Evening or weekend classes.
        Evening = "EVENING",
        /// Partly on site, partly at a distance.
        Blended = "BLENDED",
        /// At a distance.
        Distance = "DISTANCE",
    }
}

coded_enum! {
    /// The contract a job offers.
    pub enum ContractType ("contract type") {
        /// Open-ended (CDI).
        Permanent = "PERMANENT",
        /// Fixed-term (CDD).
        FixedTerm = "FIXED_TERM",
        /// Temporary work (intérim).
        Temporary = "TEMPORARY",
        /// Apprenticeship or alternance contract.
        Apprenticeship = "APPRENTICESHIP",
        /// Student job.
        Student = "STUDENT",
    }
}

coded_enum! {
    /// Full or part time.
    pub enum WorkingTime ("working time") {
        FullTime = "FULL_TIME",
        PartTime = "PART_TIME",
    }
}

coded_enum! {
    /// The form of a trade-discovery activity.
    pub enum DiscoveryFormat ("discovery format") {
        /// An "essai métier": trying the trade's gestures in a workshop.
        TradeTrial = "TRADE_TRIAL",
        /// A visit of a company at work.
        CompanyVisit = "COMPANY_VISIT",
        /// A workshop or interactive game in class.
        Workshop = "WORKSHOP",
        /// An open day of a school or training centre.
        OpenDay = "OPEN_DAY",
    }
}

/// A training programme (LHEO's "formation"): what is learnt, leading to
/// which certification. Its sessions are offers of kind TRAINING.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingProgramme {
    pub id: ProgrammeId,
    pub operator_id: OperatorId,
    pub title: String,
    pub objective: String,
    pub certification: Option<String>,
    pub modality: TrainingModality,
    pub duration_hours: Option<u32>,
    /// Raised by one on every update: a write naming an older version is refused.
    pub version: i64,
}

/// Longest reference an operator gives one of its programmes, sites or offers.
pub const MAX_OWN_REFERENCE_CHARS: usize = 100;

/// A programme ready to be stored: checked, with the operator's reference
/// for it; storage gives it its id and version.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProgramme {
    reference: String,
    programme: TrainingProgramme,
}

impl NewProgramme {
    /// Checks a new programme of an operator.
    pub fn parse(
        operator_id: OperatorId,
        reference: &str,
        title: &str,
        objective: &str,
        certification: Option<&str>,
        modality: TrainingModality,
        duration_hours: Option<u32>,
    ) -> Result<Self, crate::rejection::Rejection> {
        use crate::plain_text::{multi_line, single_line};
        use crate::rejection::Rejection;
        let reference = single_line(reference, MAX_OWN_REFERENCE_CHARS)
            .map_err(|e| Rejection::new("reference", e))?;
        let title = single_line(title, MAX_TITLE_CHARS).map_err(|e| Rejection::new("title", e))?;
        let objective = multi_line(objective, MAX_DESCRIPTION_CHARS)
            .map_err(|e| Rejection::new("objective", e))?;
        let certification = certification
            .map(|c| single_line(c, MAX_TITLE_CHARS))
            .transpose()
            .map_err(|e| Rejection::new("certification", e))?;
        Ok(Self {
            reference,
            programme: TrainingProgramme {
                id: ProgrammeId(0),
                operator_id,
                title,
                objective,
                certification,
                modality,
                duration_hours,
                version: 1,
            },
        })
    }

    /// The operator's own reference, unique per operator.
    pub fn reference(&self) -> &str {
        &self.reference
    }

    /// The operator it belongs to.
    pub fn operator_id(&self) -> OperatorId {
        self.programme.operator_id
    }

    /// The programme as it will be stored, once given an id.
    pub fn into_programme(self) -> TrainingProgramme {
        self.programme
    }
}

/// A session of a training programme.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingSession {
    pub programme_id: ProgrammeId,
    /// The timetable in words ("Du lundi au vendredi, de 8 h 30 à 16 h").
    pub schedule: Option<String>,
    /// Local (Europe/Brussels) time classes start each day.
    pub daily_start_time: Option<NaiveTime>,
    /// Local (Europe/Brussels) time classes end each day.
    pub daily_end_time: Option<NaiveTime>,
    /// The days classes meet; `None` when not given (any day will do).
    pub weekdays: Option<crate::weekdays::Weekdays>,
}

/// An internship place.
#[derive(Debug, Clone, PartialEq)]
pub struct InternshipDetails {
    pub expected_profile: Option<String>,
    pub duration_weeks: Option<u32>,
}

/// A job vacancy.
#[derive(Debug, Clone, PartialEq)]
pub struct JobDetails {
    pub contract_type: ContractType,
    pub working_time: WorkingTime,
    pub requirements: Option<String>,
}

/// A trade-discovery activity.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscoveryDetails {
    pub format: DiscoveryFormat,
    /// How many participants it takes.
    pub capacity: u32,
    pub duration_hours: Option<u32>,
}

/// What only one kind of offer has. The kind of an offer is the variant.
#[derive(Debug, Clone, PartialEq)]
pub enum OfferDetails {
    Training(TrainingSession),
    Internship(InternshipDetails),
    Job(JobDetails),
    Discovery(DiscoveryDetails),
}

/// Longest free text of an offer's details (a schedule, a profile).
pub const MAX_DETAIL_TEXT_CHARS: usize = 2_000;

impl OfferDetails {
    /// Checks the free texts of the details: bounded, no control character
    /// but line breaks and tabs.
    fn check_texts(&self) -> Result<(), OfferError> {
        let texts: &[(&'static str, Option<&String>)] = match self {
            OfferDetails::Training(session) => {
                &[("details.training.schedule", session.schedule.as_ref())]
            }
            OfferDetails::Internship(internship) => &[(
                "details.internship.expectedProfile",
                internship.expected_profile.as_ref(),
            )],
            OfferDetails::Job(job) => &[("details.job.requirements", job.requirements.as_ref())],
            OfferDetails::Discovery(_) => &[],
        };
        for (field, text) in texts {
            if let Some(text) = text {
                crate::plain_text::multi_line(text, MAX_DETAIL_TEXT_CHARS).map_err(|_| {
                    OfferError::DetailText {
                        field,
                        max_chars: MAX_DETAIL_TEXT_CHARS,
                    }
                })?;
            }
        }
        Ok(())
    }

    pub fn kind(&self) -> OfferKind {
        match self {
            OfferDetails::Training(_) => OfferKind::Training,
            OfferDetails::Internship(_) => OfferKind::Internship,
            OfferDetails::Job(_) => OfferKind::Job,
            OfferDetails::Discovery(_) => OfferKind::Discovery,
        }
    }
}

/// An offer at a site.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub id: OfferId,
    pub operator_id: OperatorId,
    pub site_id: SiteId,
    /// The operator's own reference for the offer, unique per operator.
    pub reference: Option<String>,
    pub title: String,
    pub description: String,
    pub status: OfferStatus,
    pub recruitment_state: RecruitmentState,
    pub trade_codes: Vec<TradeCode>,
    pub audiences: Vec<Audience>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub places: Option<u32>,
    pub details: OfferDetails,
    /// Invented data from the demo seed set.
    pub is_demo: bool,
    pub updated_at: DateTime<Utc>,
    /// Raised by one on every update: a write naming an older version is refused.
    pub version: i64,
}

/// Most trades one offer names: an offer is about a trade and its close
/// neighbours, and lists are bounded so that reads can be priced.
pub const MAX_TRADES_PER_OFFER: usize = 10;

/// Longest title we accept; partners' sites show it in a list.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest description we accept.
pub const MAX_DESCRIPTION_CHARS: usize = 5000;

/// A rule an offer breaks. Each names the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfferError {
    #[error("title must not be empty and at most {MAX_TITLE_CHARS} characters, on one line")]
    Title,
    #[error(
        "description must be at most {MAX_DESCRIPTION_CHARS} characters, without control characters other than line breaks and tabs"
    )]
    Description,
    #[error("tradeCodes must name each trade once")]
    RepeatedTrade,
    #[error("tradeCodes must name at most {MAX_TRADES_PER_OFFER} trades")]
    TooManyTrades,
    #[error("audiences must name each audience once")]
    RepeatedAudience,
    #[error("{field} must be at most {max_chars} characters, without control characters")]
    DetailText {
        field: &'static str,
        max_chars: usize,
    },
    #[error("trades must name at least one trade")]
    NoTrade,
    #[error("audiences must name at least one audience")]
    NoAudience,
    #[error("endDate ({end}) must not be before startDate ({start})")]
    EndBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("places must be at least 1")]
    NoPlaces,
    #[error("dailyEndTime ({end}) must be after dailyStartTime ({start})")]
    DailyEndBeforeStart { start: NaiveTime, end: NaiveTime },
    #[error("capacity must be at least 1")]
    NoCapacity,
    #[error(
        "reference must not be empty and at most {MAX_REFERENCE_CHARS} characters, on one line"
    )]
    Reference,
    #[error(
        "details must stay those of a {kind} offer: the kind of an offer never changes (duplicate it instead)"
    )]
    KindChange { kind: OfferKind },
}

/// Longest operator reference for an offer.
pub const MAX_REFERENCE_CHARS: usize = 100;

/// A change to some of an offer's fields; `None` leaves a field as it is,
/// and `Some(None)` clears a field that may be empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfferPatch {
    pub reference: Option<Option<String>>,
    pub site_id: Option<SiteId>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub recruitment_state: Option<RecruitmentState>,
    pub trade_codes: Option<Vec<TradeCode>>,
    pub audiences: Option<Vec<Audience>>,
    pub start_date: Option<Option<NaiveDate>>,
    pub end_date: Option<Option<NaiveDate>>,
    pub places: Option<Option<u32>>,
    /// Must be of the offer's kind.
    pub details: Option<OfferDetails>,
}

impl OfferPatch {
    /// Applies the change to the offer, then checks every rule again: the
    /// result is valid or the offer is left as it was.
    pub fn apply_to(self, offer: &mut Offer) -> Result<(), OfferError> {
        let mut changed = offer.clone();
        if let Some(details) = self.details {
            if details.kind() != offer.kind() {
                return Err(OfferError::KindChange { kind: offer.kind() });
            }
            changed.details = details;
        }
        if let Some(reference) = self.reference {
            changed.reference = reference;
        }
        if let Some(site_id) = self.site_id {
            changed.site_id = site_id;
        }
        if let Some(title) = self.title {
            changed.title = title.trim().to_owned();
        }
        if let Some(description) = self.description {
            changed.description = description.trim().to_owned();
        }
        if let Some(state) = self.recruitment_state {
            changed.recruitment_state = state;
        }
        if let Some(trades) = self.trade_codes {
            changed.trade_codes = trades;
        }
        if let Some(audiences) = self.audiences {
            changed.audiences = audiences;
        }
        if let Some(start) = self.start_date {
            changed.start_date = start;
        }
        if let Some(end) = self.end_date {
            changed.end_date = end;
        }
        if let Some(places) = self.places {
            changed.places = places;
        }
        changed.validate()?;
        *offer = changed;
        Ok(())
    }
}

impl Offer {
    pub fn kind(&self) -> OfferKind {
        self.details.kind()
    }

    pub fn is_published(&self) -> bool {
        self.status == OfferStatus::Published
    }

    /// Moves the offer to `status`; `false` when it already was there, in
    /// which case nothing changes. Publishing checks every rule again.
    pub fn move_to(&mut self, status: OfferStatus) -> Result<bool, OfferError> {
        if self.status == status {
            return Ok(false);
        }
        if status == OfferStatus::Published {
            self.validate()?;
        }
        self.status = status;
        Ok(true)
    }

    /// A new draft with the same content, for the next session or the next
    /// intake: no reference (references are unique per operator), not demo.
    pub fn duplicate(&self) -> Offer {
        Offer {
            id: OfferId(0),
            reference: None,
            status: OfferStatus::Draft,
            is_demo: false,
            version: 1,
            ..self.clone()
        }
    }

    /// Checks the rules every offer obeys, whoever writes it.
    pub fn validate(&self) -> Result<(), OfferError> {
        use crate::plain_text::{multi_line, single_line};
        single_line(&self.title, MAX_TITLE_CHARS).map_err(|_| OfferError::Title)?;
        multi_line(&self.description, MAX_DESCRIPTION_CHARS)
            .map_err(|_| OfferError::Description)?;
        if let Some(reference) = &self.reference {
            single_line(reference, MAX_REFERENCE_CHARS).map_err(|_| OfferError::Reference)?;
        }
        if self.trade_codes.is_empty() {
            return Err(OfferError::NoTrade);
        }
        if crate::sets::first_repeated(&self.trade_codes).is_some() {
            return Err(OfferError::RepeatedTrade);
        }
        if self.trade_codes.len() > MAX_TRADES_PER_OFFER {
            return Err(OfferError::TooManyTrades);
        }
        if self.audiences.is_empty() {
            return Err(OfferError::NoAudience);
        }
        if crate::sets::first_repeated(&self.audiences).is_some() {
            return Err(OfferError::RepeatedAudience);
        }
        self.details.check_texts()?;
        if let (Some(start), Some(end)) = (self.start_date, self.end_date)
            && end < start
        {
            return Err(OfferError::EndBeforeStart { start, end });
        }
        if self.places == Some(0) {
            return Err(OfferError::NoPlaces);
        }
        match &self.details {
            OfferDetails::Training(TrainingSession {
                daily_start_time: Some(start),
                daily_end_time: Some(end),
                ..
            }) if end <= start => Err(OfferError::DailyEndBeforeStart {
                start: *start,
                end: *end,
            }),
            OfferDetails::Discovery(discovery) if discovery.capacity == 0 => {
                Err(OfferError::NoCapacity)
            }
            _ => Ok(()),
        }
    }
}

/// What a partner writes of a new offer; it becomes a [`NewOffer`] once
/// every rule holds.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferDraft {
    pub operator_id: OperatorId,
    pub site_id: SiteId,
    pub reference: Option<String>,
    pub title: String,
    pub description: String,
    pub recruitment_state: RecruitmentState,
    pub trade_codes: Vec<TradeCode>,
    pub audiences: Vec<Audience>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub places: Option<u32>,
    pub details: OfferDetails,
}

/// An offer ready to be stored as a DRAFT: every rule checked; storage
/// gives it its id, version and time, and checks what it points to (its
/// site and programme must be its operator's).
#[derive(Debug, Clone, PartialEq)]
pub struct NewOffer(Offer);

impl NewOffer {
    /// Checks a draft against every rule an offer obeys.
    pub fn parse(draft: OfferDraft) -> Result<Self, OfferError> {
        let offer = Offer {
            id: OfferId(0),
            operator_id: draft.operator_id,
            site_id: draft.site_id,
            reference: draft.reference,
            title: draft.title.trim().to_owned(),
            description: draft.description.trim().to_owned(),
            status: OfferStatus::Draft,
            recruitment_state: draft.recruitment_state,
            trade_codes: draft.trade_codes,
            audiences: draft.audiences,
            start_date: draft.start_date,
            end_date: draft.end_date,
            places: draft.places,
            details: draft.details,
            is_demo: false,
            updated_at: DateTime::UNIX_EPOCH,
            version: 1,
        };
        offer.validate()?;
        Ok(Self(offer))
    }

    pub fn offer(&self) -> &Offer {
        &self.0
    }

    /// The offer as it will be stored, once given an id, a version and a time.
    pub fn into_offer(self) -> Offer {
        self.0
    }
}

/// A broken rule, as the field at fault and the rule's message.
impl From<OfferError> for crate::rejection::Rejection {
    fn from(error: OfferError) -> Self {
        let field = match &error {
            OfferError::Title => "title",
            OfferError::Description => "description",
            OfferError::RepeatedTrade | OfferError::TooManyTrades => "tradeCodes",
            OfferError::RepeatedAudience => "audiences",
            OfferError::DetailText { field, .. } => field,
            OfferError::NoTrade => "tradeCodes",
            OfferError::NoAudience => "audiences",
            OfferError::EndBeforeStart { .. } => "endDate",
            OfferError::NoPlaces => "places",
            OfferError::DailyEndBeforeStart { .. } => "details",
            OfferError::NoCapacity => "details",
            OfferError::Reference => "reference",
            OfferError::KindChange { .. } => "details",
        };
        crate::rejection::Rejection::new(field, error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn internship() -> Offer {
        Offer {
            id: OfferId(1),
            operator_id: OperatorId(1),
            site_id: SiteId(1),
            reference: None,
            title: "Stage en menuiserie".into(),
            description: String::new(),
            status: OfferStatus::Published,
            recruitment_state: RecruitmentState::Open,
            trade_codes: vec![TradeCode::parse("menuiserie").unwrap()],
            audiences: vec![Audience::SecondaryQualifying],
            start_date: NaiveDate::from_ymd_opt(2027, 3, 1),
            end_date: NaiveDate::from_ymd_opt(2027, 3, 26),
            places: Some(2),
            details: OfferDetails::Internship(InternshipDetails {
                expected_profile: None,
                duration_weeks: Some(4),
            }),
            is_demo: true,
            updated_at: DateTime::UNIX_EPOCH,
            version: 1,
        }
    }

    #[test]
    fn a_patch_changes_only_what_it_names_and_keeps_the_offer_valid() {
        let mut offer = internship();
        OfferPatch {
            title: Some("  Stage en charpente ".into()),
            places: Some(None),
            ..OfferPatch::default()
        }
        .apply_to(&mut offer)
        .unwrap();
        assert_eq!(offer.title, "Stage en charpente");
        assert_eq!(offer.places, None);
        assert_eq!(offer.start_date, internship().start_date);

        let before = offer.clone();
        let invalid = OfferPatch {
            title: Some("Nouveau".into()),
            end_date: Some(NaiveDate::from_ymd_opt(2020, 1, 1)),
            ..OfferPatch::default()
        };
        assert!(matches!(
            invalid.apply_to(&mut offer),
            Err(OfferError::EndBeforeStart { .. })
        ));
        assert_eq!(offer, before, "a refused patch leaves the offer as it was");

        let other_kind = OfferPatch {
            details: Some(OfferDetails::Job(JobDetails {
                contract_type: ContractType::Permanent,
                working_time: WorkingTime::FullTime,
                requirements: None,
            })),
            ..OfferPatch::default()
        };
        assert_eq!(
            other_kind.apply_to(&mut offer),
            Err(OfferError::KindChange {
                kind: OfferKind::Internship
            })
        );
    }

    #[test]
    fn duplicates_are_unreferenced_drafts_and_status_moves_are_idempotent() {
        let mut offer = internship();
        offer.reference = Some("ST-1".into());
        let copy = offer.duplicate();
        assert_eq!(copy.status, OfferStatus::Draft);
        assert_eq!(copy.reference, None);
        assert_eq!(copy.title, offer.title);
        assert_eq!(offer.move_to(OfferStatus::Published), Ok(false));
        assert_eq!(offer.move_to(OfferStatus::Archived), Ok(true));
        assert_eq!(offer.status, OfferStatus::Archived);
    }

    #[test]
    fn a_well_formed_offer_is_valid() {
        assert_eq!(internship().validate(), Ok(()));
        assert_eq!(internship().kind(), OfferKind::Internship);
    }

    #[test]
    fn an_offer_ending_before_it_starts_is_refused() {
        let mut offer = internship();
        offer.end_date = NaiveDate::from_ymd_opt(2027, 2, 1);
        assert!(matches!(
            offer.validate(),
            Err(OfferError::EndBeforeStart { .. })
        ));
    }

    #[test]
    fn an_offer_needs_a_title_a_trade_an_audience_and_places() {
        let mut offer = internship();
        offer.title = "  ".into();
        assert_eq!(offer.validate(), Err(OfferError::Title));
        let mut offer = internship();
        offer.trade_codes.clear();
        assert_eq!(offer.validate(), Err(OfferError::NoTrade));
        let mut offer = internship();
        offer.audiences.clear();
        assert_eq!(offer.validate(), Err(OfferError::NoAudience));
        let mut offer = internship();
        offer.places = Some(0);
        assert_eq!(offer.validate(), Err(OfferError::NoPlaces));
    }
}
