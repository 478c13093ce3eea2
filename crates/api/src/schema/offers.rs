//! Offers and what only one kind of offer has.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use domain::offer::OfferDetails;

use app::ids::NodeType;

use super::connections::{OfferConnection, OfferEdge, PageInfo, total_count};
use super::enums::OfferOrder;
use super::enums::{
    Audience, ContractType, DiscoveryFormat, OfferKind, OfferStatus, RecruitmentState,
    TrainingModality, WorkingTime,
};
use super::inputs::OfferFilter;
use super::objects::{Offer, Operator, Site, Trade, TrainingProgramme, TrainingSession, node_id};
use super::scalars::{Date, LocalTime};
use crate::context::{catalog, snapshot};
use crate::cost;
use crate::error::{ApiResult, Located};

/// A training session, internship place, job or trade-discovery activity at a site.
#[Object]
impl Offer {
    /// Global id, for `node(id:)`.
    pub async fn id(&self) -> ID {
        node_id(NodeType::Offer, self.0.id.0)
    }

    /// The kind of offer; the field of the same name (`training`, `internship`, `job`, `discovery`) holds its details.
    async fn kind(&self) -> OfferKind {
        self.0.kind().into()
    }

    /// Title, in French.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Description, in French.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// Editorial status (always PUBLISHED for the public).
    async fn status(&self) -> OfferStatus {
        self.0.status.into()
    }

    /// Whether it takes people now.
    async fn recruitment_state(&self) -> RecruitmentState {
        self.0.recruitment_state.into()
    }

    /// The trades it concerns.
    #[graphql(complexity = "cost::list(cost::TRADES_PER_OFFER, child_complexity)")]
    async fn trades(&self, ctx: &Context<'_>) -> Vec<Trade> {
        let catalog = catalog(ctx);
        self.0
            .trade_codes
            .iter()
            .filter_map(|code| catalog.trade(code))
            .cloned()
            .map(Trade)
            .collect()
    }

    /// The publics it is meant for.
    async fn audiences(&self) -> Vec<Audience> {
        self.0.audiences.iter().map(|&a| a.into()).collect()
    }

    /// The operator that publishes it.
    async fn operator(&self, ctx: &Context<'_>) -> Option<Operator> {
        catalog(ctx)
            .operator(self.0.operator_id)
            .cloned()
            .map(Operator)
    }

    /// Where it takes place.
    async fn site(&self, ctx: &Context<'_>) -> Option<Site> {
        catalog(ctx).site(self.0.site_id).cloned().map(Site)
    }

    /// First day (for a discovery activity, its day; for a job, when it starts if known).
    async fn start_date(&self) -> Option<Date> {
        self.0.start_date.map(Date)
    }

    /// Last day, if known.
    async fn end_date(&self) -> Option<Date> {
        self.0.end_date.map(Date)
    }

    /// Places offered, if known.
    async fn places(&self) -> Option<i32> {
        self.0.places.map(|p| i32::try_from(p).unwrap_or(i32::MAX))
    }

    /// The operator's own reference for the offer.
    async fn reference(&self) -> Option<&str> {
        self.0.reference.as_deref()
    }

    /// True for invented demonstration data.
    async fn is_demo(&self) -> bool {
        self.0.is_demo
    }

    /// When the offer last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// Raised by one on every change; send it back with an update, which is refused with
    /// CONFLICT when someone changed the object in between.
    async fn version(&self) -> i64 {
        self.0.version
    }

    /// Session details, when `kind` is TRAINING.
    async fn training(&self) -> Option<TrainingSession> {
        match &self.0.details {
            OfferDetails::Training(session) => Some(TrainingSession(session.clone())),
            _ => None,
        }
    }

    /// Internship details, when `kind` is INTERNSHIP.
    async fn internship(&self) -> Option<InternshipDetails> {
        match &self.0.details {
            OfferDetails::Internship(details) => Some(InternshipDetails {
                expected_profile: details.expected_profile.clone(),
                duration_weeks: details
                    .duration_weeks
                    .map(|w| i32::try_from(w).unwrap_or(i32::MAX)),
            }),
            _ => None,
        }
    }

    /// Job details, when `kind` is JOB.
    async fn job(&self) -> Option<JobDetails> {
        match &self.0.details {
            OfferDetails::Job(details) => Some(JobDetails {
                contract_type: details.contract_type.into(),
                working_time: details.working_time.into(),
                requirements: details.requirements.clone(),
            }),
            _ => None,
        }
    }

    /// Activity details, when `kind` is DISCOVERY.
    async fn discovery(&self) -> Option<DiscoveryDetails> {
        match &self.0.details {
            OfferDetails::Discovery(details) => Some(DiscoveryDetails {
                format: details.format.into(),
                capacity: i32::try_from(details.capacity).unwrap_or(i32::MAX),
                duration_hours: details
                    .duration_hours
                    .map(|h| i32::try_from(h).unwrap_or(i32::MAX)),
            }),
            _ => None,
        }
    }
}

/// A session of a training programme (LHEO's "session").
#[Object]
impl TrainingSession {
    /// The programme this is a session of.
    async fn programme(&self, ctx: &Context<'_>) -> Option<TrainingProgramme> {
        catalog(ctx)
            .programme(self.0.programme_id)
            .cloned()
            .map(TrainingProgramme)
    }

    /// The timetable in words ("Du lundi au vendredi, de 8 h 30 à 16 h").
    async fn schedule(&self) -> Option<&str> {
        self.0.schedule.as_deref()
    }

    /// When classes start each day, local time.
    async fn daily_start_time(&self) -> Option<LocalTime> {
        self.0.daily_start_time.map(LocalTime)
    }

    /// When classes end each day, local time.
    async fn daily_end_time(&self) -> Option<LocalTime> {
        self.0.daily_end_time.map(LocalTime)
    }

    /// The days classes meet, Monday first; null when the offer does not say.
    #[graphql(complexity = "cost::list(7, child_complexity)")]
    async fn weekdays(&self) -> Option<Vec<super::enums::Weekday>> {
        self.0
            .weekdays
            .map(|days| days.days().into_iter().map(Into::into).collect())
    }
}

/// A training programme (LHEO's "formation"): what is learnt, leading to which certification.
#[Object]
impl TrainingProgramme {
    /// Global id, for `node(id:)`.
    pub async fn id(&self) -> ID {
        node_id(NodeType::TrainingProgramme, self.0.id.0)
    }

    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// What the learner will be able to do.
    async fn objective(&self) -> &str {
        &self.0.objective
    }

    /// The certification it leads to, if any.
    async fn certification(&self) -> Option<&str> {
        self.0.certification.as_deref()
    }

    /// How it is organised (full time, alternance, evening…).
    async fn modality(&self) -> TrainingModality {
        self.0.modality.into()
    }

    /// Raised by one on every change; send it back with an update, which is refused with
    /// CONFLICT when someone changed the object in between.
    async fn version(&self) -> i64 {
        self.0.version
    }

    /// Total length in hours, if known.
    async fn duration_hours(&self) -> Option<i32> {
        self.0
            .duration_hours
            .map(|h| i32::try_from(h).unwrap_or(i32::MAX))
    }

    /// The operator that runs it.
    async fn operator(&self, ctx: &Context<'_>) -> Option<Operator> {
        catalog(ctx)
            .operator(self.0.operator_id)
            .cloned()
            .map(Operator)
    }
}

/// What an internship place asks for.
#[derive(SimpleObject, Debug, Clone)]
pub struct InternshipDetails {
    /// The profile the company hopes for.
    pub expected_profile: Option<String>,
    /// Length of the internship in weeks.
    pub duration_weeks: Option<i32>,
}

/// What a job offers.
#[derive(SimpleObject, Debug, Clone)]
pub struct JobDetails {
    /// The kind of contract.
    pub contract_type: ContractType,
    /// Full or part time.
    pub working_time: WorkingTime,
    /// What the employer requires.
    pub requirements: Option<String>,
}

/// How a trade-discovery activity runs.
#[derive(SimpleObject, Debug, Clone)]
pub struct DiscoveryDetails {
    /// Its form.
    pub format: DiscoveryFormat,
    /// How many participants it takes.
    pub capacity: i32,
    /// Length in hours.
    pub duration_hours: Option<i32>,
}

/// The published offers, searched.
#[derive(Debug, Default)]
pub struct OfferQuery;

/// The published offers, searched.
#[Object]
impl OfferQuery {
    /// Published offers matching the filter, in the requested order, a page at a time.
    #[graphql(complexity = "cost::page(first, 20, 100, child_complexity)")]
    async fn offers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which offers; every published offer when absent.")] filter: Option<
            OfferFilter,
        >,
        #[graphql(desc = "Sort order (default START_DATE).")] order_by: Option<OfferOrder>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(
            desc = "Cursor after which the page starts (`pageInfo.endCursor` of the previous page)."
        )]
        after: Option<String>,
    ) -> ApiResult<OfferConnection> {
        let order = order_by.unwrap_or_default().into();
        let (filter, reachable) = filter.unwrap_or_default().split()?;
        let results = app::search::offers(
            snapshot(ctx),
            app::search::OfferSearch {
                filter,
                reachable,
                order,
                first,
                after,
                // Counting visits every match; skip it when the client does not ask.
                count_total: ctx.look_ahead().field("totalCount").exists(),
            },
        )
        .located()?;
        let (page, ways_home) = (results.page, results.ways_home);
        let cursor = |p: &_| app::ids::offer_cursor(order, p);
        Ok(OfferConnection {
            page_info: PageInfo::of(&page, cursor),
            total_count: total_count(page.total_count),
            edges: page
                .items
                .into_iter()
                .map(|(hit, position)| OfferEdge {
                    cursor: cursor(&position),
                    node: Offer(hit.offer.clone()),
                    distance_meters: hit.distance_meters,
                    travel_minutes: hit
                        .travel_minutes
                        .map(|m| i32::try_from(m).unwrap_or(i32::MAX)),
                    return_departure: app::travel::way_home_of(&ways_home, hit.offer),
                })
                .collect(),
        })
    }
}
