//! Offers: drafts, edits, publication, archiving and copies.

use app::ids;
use app::partners::offers::{OfferChanges, OfferInput};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, OneofObject};
use domain::offer::{
    DiscoveryDetails, InternshipDetails, JobDetails, OfferDetails, OfferStatus, TrainingSession,
};

use super::super::enums::{Audience, ContractType, DiscoveryFormat, RecruitmentState, WorkingTime};
use super::super::objects::Offer;
use super::super::scalars::{Date, LocalTime};
use super::{count, maybe, maybe_text, optional_text};
use crate::context::request;
use crate::error::{ApiResult, Located};

/// A training session of a programme.
#[derive(InputObject, Debug)]
pub struct TrainingDetailsInput {
    /// The programme (global id); it must be the operator's.
    pub programme_id: ID,
    /// When it takes place, in words ("lundi et jeudi").
    pub schedule: Option<String>,
    /// When a day's session starts.
    pub daily_start_time: Option<LocalTime>,
    /// When a day's session ends.
    pub daily_end_time: Option<LocalTime>,
    /// The days classes meet, none named twice; then a `reachable` filter asks to arrive by
    /// `dailyStartTime` on one of them.
    pub weekdays: Option<Vec<super::super::enums::Weekday>>,
}

/// An internship place.
#[derive(InputObject, Debug)]
pub struct InternshipDetailsInput {
    /// Who the host is looking for.
    pub expected_profile: Option<String>,
    /// Length in weeks.
    pub duration_weeks: Option<i32>,
}

/// A job vacancy.
#[derive(InputObject, Debug)]
pub struct JobDetailsInput {
    /// The contract offered.
    pub contract_type: ContractType,
    /// Full or part time.
    pub working_time: WorkingTime,
    /// What is required.
    pub requirements: Option<String>,
}

/// A trade-discovery activity.
#[derive(InputObject, Debug)]
pub struct DiscoveryDetailsInput {
    /// What kind of activity.
    pub format: DiscoveryFormat,
    /// How many people it takes.
    pub capacity: i32,
    /// Length in hours.
    pub duration_hours: Option<i32>,
}

/// What only one kind of offer has: give exactly one; it sets the offer's kind.
#[derive(OneofObject, Debug)]
pub enum OfferDetailsInput {
    /// A training session.
    Training(TrainingDetailsInput),
    /// An internship place.
    Internship(InternshipDetailsInput),
    /// A job vacancy.
    Job(JobDetailsInput),
    /// A trade-discovery activity.
    Discovery(DiscoveryDetailsInput),
}

/// A new offer; it starts as a DRAFT, visible only to its operator and admins.
#[derive(InputObject, Debug)]
pub struct CreateOfferInput {
    /// The operator (global id).
    pub operator_id: ID,
    /// The site where it takes place (global id); it must be the operator's.
    pub site_id: ID,
    /// The operator's own reference, unique per operator.
    pub reference: Option<String>,
    /// Title (at most 200 characters).
    pub title: String,
    /// Description (at most 5,000 characters).
    #[graphql(default)]
    pub description: String,
    /// Whether it takes people now; OPEN when left out.
    pub recruitment_state: Option<RecruitmentState>,
    /// Trade codes from `trades`: at least one, at most 10, none named twice (a repeat is refused).
    pub trade_codes: Vec<String>,
    /// Who it is for: at least one, none named twice (a repeat is refused).
    pub audiences: Vec<Audience>,
    /// First day.
    pub start_date: Option<Date>,
    /// Last day.
    pub end_date: Option<Date>,
    /// Places available; at least 1 when given.
    pub places: Option<i32>,
    /// What only this kind of offer has.
    pub details: OfferDetailsInput,
}

/// Changes to an offer: fields left out stay as they are; `null` clears an optional one.
#[derive(InputObject, Debug)]
pub struct UpdateOfferInput {
    /// The site where it takes place (global id); it must be the operator's.
    pub site_id: Option<ID>,
    /// The operator's own reference, unique per operator.
    pub reference: MaybeUndefined<String>,
    /// Title (at most 200 characters).
    pub title: Option<String>,
    /// Description (at most 5,000 characters).
    pub description: Option<String>,
    /// Whether it takes people now.
    pub recruitment_state: Option<RecruitmentState>,
    /// Trade codes from `trades`: at least one, at most 10, none named twice (a repeat is refused).
    pub trade_codes: Option<Vec<String>>,
    /// Who it is for: at least one, none named twice (a repeat is refused).
    pub audiences: Option<Vec<Audience>>,
    /// First day.
    pub start_date: MaybeUndefined<Date>,
    /// Last day.
    pub end_date: MaybeUndefined<Date>,
    /// Places available; at least 1 when given.
    pub places: MaybeUndefined<i32>,
    /// What only this kind of offer has; it must be of the offer's kind.
    pub details: Option<OfferDetailsInput>,
}

fn details(argument: &str, input: OfferDetailsInput) -> ApiResult<OfferDetails> {
    Ok(match input {
        OfferDetailsInput::Training(t) => OfferDetails::Training(TrainingSession {
            programme_id: ids::parse_programme_id(&t.programme_id, "training.programmeId")
                .at(argument)?,
            schedule: optional_text(t.schedule),
            daily_start_time: t.daily_start_time.map(|t| t.0),
            daily_end_time: t.daily_end_time.map(|t| t.0),
            weekdays: t
                .weekdays
                .map(|days| {
                    let days: Vec<chrono::Weekday> = days.into_iter().map(Into::into).collect();
                    domain::weekdays::Weekdays::parse(&days).map_err(|(i, e)| {
                        crate::error::bad_input(&format!("{argument}.training.weekdays[{i}]"), e)
                    })
                })
                .transpose()?,
        }),
        OfferDetailsInput::Internship(i) => OfferDetails::Internship(InternshipDetails {
            expected_profile: optional_text(i.expected_profile),
            duration_weeks: count(
                &format!("{argument}.internship.durationWeeks"),
                i.duration_weeks,
            )?,
        }),
        OfferDetailsInput::Job(j) => OfferDetails::Job(JobDetails {
            contract_type: j.contract_type.into(),
            working_time: j.working_time.into(),
            requirements: optional_text(j.requirements),
        }),
        OfferDetailsInput::Discovery(d) => OfferDetails::Discovery(DiscoveryDetails {
            format: d.format.into(),
            capacity: count(&format!("{argument}.discovery.capacity"), Some(d.capacity))?
                .unwrap_or(0),
            duration_hours: count(
                &format!("{argument}.discovery.durationHours"),
                d.duration_hours,
            )?,
        }),
    })
}

/// Publishes or archives an offer.
async fn move_offer(
    ctx: &Context<'_>,
    id: ID,
    version: i64,
    status: OfferStatus,
) -> ApiResult<Offer> {
    let context = request(ctx);
    let id = ids::parse_offer_id(&id, "id").located()?;
    let offer =
        app::partners::offers::move_offer(&context.app, &context.viewer, id, version, status)
            .await
            .at("input")?;
    context.saw_write();
    Ok(Offer(offer))
}

/// Writes to offers.
#[derive(Debug, Default)]
pub struct OfferMutation;

/// Writes to offers.
#[Object]
impl OfferMutation {
    /// Creates an offer as a DRAFT; publish it with `publishOffer`.
    async fn create_offer(&self, ctx: &Context<'_>, input: CreateOfferInput) -> ApiResult<Offer> {
        let context = request(ctx);
        let draft = OfferInput {
            operator: ids::parse_operator_id(&input.operator_id, "operatorId").at("input")?,
            site: ids::parse_site_id(&input.site_id, "siteId").at("input")?,
            reference: input.reference,
            title: input.title,
            description: input.description,
            recruitment_state: input.recruitment_state.map(Into::into),
            trade_codes: input.trade_codes,
            audiences: input.audiences.into_iter().map(Into::into).collect(),
            start_date: input.start_date.map(|d| d.0),
            end_date: input.end_date.map(|d| d.0),
            places: count("input.places", input.places)?,
            details: details("input.details", input.details)?,
        };
        let offer = app::partners::offers::create_offer(&context.app, &context.viewer, draft)
            .await
            .at("input")?;
        context.saw_write();
        Ok(Offer(offer))
    }

    /// Changes an offer, if it is still at `version`; CONFLICT otherwise.
    async fn update_offer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The offer (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
        input: UpdateOfferInput,
    ) -> ApiResult<Offer> {
        let context = request(ctx);
        let id = ids::parse_offer_id(&id, "id").located()?;
        let changes = OfferChanges {
            site: input
                .site_id
                .map(|site| ids::parse_site_id(&site, "siteId"))
                .transpose()
                .at("input")?,
            reference: maybe_text(input.reference),
            title: input.title,
            description: input.description,
            recruitment_state: input.recruitment_state.map(Into::into),
            trade_codes: input.trade_codes,
            audiences: input
                .audiences
                .map(|audiences| audiences.into_iter().map(Into::into).collect()),
            start_date: maybe(input.start_date).map(|d| d.map(|d| d.0)),
            end_date: maybe(input.end_date).map(|d| d.map(|d| d.0)),
            places: maybe(input.places)
                .map(|places| count("input.places", places))
                .transpose()?,
            details: input
                .details
                .map(|d| details("input.details", d))
                .transpose()?,
        };
        let offer = app::partners::offers::update_offer(
            &context.app,
            &context.viewer,
            id,
            version,
            changes,
        )
        .await
        .at("input")?;
        context.saw_write();
        Ok(Offer(offer))
    }

    /// Publishes an offer: everyone sees it. Every rule is checked again.
    async fn publish_offer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The offer (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
    ) -> ApiResult<Offer> {
        move_offer(ctx, id, version, OfferStatus::Published).await
    }

    /// Archives an offer: the public no longer sees it; it stays for history and indicators.
    async fn archive_offer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The offer (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
    ) -> ApiResult<Offer> {
        move_offer(ctx, id, version, OfferStatus::Archived).await
    }

    /// Copies an offer into a new DRAFT (without its reference), for the next session or intake.
    async fn duplicate_offer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The offer to copy (global id).")] id: ID,
    ) -> ApiResult<Offer> {
        let context = request(ctx);
        let id = ids::parse_offer_id(&id, "id").located()?;
        let offer = app::partners::offers::duplicate_offer(&context.app, &context.viewer, id)
            .await
            .at("input")?;
        context.saw_write();
        Ok(Offer(offer))
    }
}
