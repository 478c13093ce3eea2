//! What partners and admins write: operators, sites, programmes and offers.
//! Each resolver parses its input into domain values (the edge), asks the
//! policy, hands the change to storage (one transaction, version-checked and
//! audited) and refreshes the catalogue before answering, so the next read
//! anywhere sees the write.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, OneofObject, SimpleObject};
use chrono::{DateTime, Duration, Utc};
use domain::account::Email;
use domain::audience::Audience as DomainAudience;
use domain::codes::{OperatorCode, Postcode, TradeCode};
use domain::location::Point;
use domain::offer::{
    DiscoveryDetails, InternshipDetails, JobDetails, OfferDetails, OfferId, OfferPatch,
    OfferStatus, ProgrammeId, RecruitmentState as DomainRecruitmentState, TrainingSession,
};
use domain::operator::{
    Address, OperatorDetails, OperatorId, Site as DomainSite, SiteDetails, SiteId,
};
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject};
use storage::{Actor, WriteError};

use super::account::{AccountInfo, LoginPayload};
use super::connection::PointInput;
use super::enums::{
    Audience, ContractType, DiscoveryFormat, OperatorKind, RecruitmentState, TrainingModality,
    WorkingTime,
};
use super::offer::{Offer, TrainingProgramme};
use super::operator::{Operator, Site};
use super::scalars::{Date, LocalTime};
use super::{RequestContext, request};
use crate::auth::{self, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::ids::{self, NodeType};
use crate::policy::{self, Action};

/// How long an invitation may wait before it is accepted.
const INVITATION_DAYS: i64 = 14;
/// How long the session opened by accepting an invitation lasts.
const ACCEPTED_SESSION_DAYS: i64 = 30;
/// Longest reference of a site or programme.
const MAX_REFERENCE_CHARS: usize = 100;

/// A new operator (admins only).
#[derive(InputObject, Debug)]
pub struct CreateOperatorInput {
    /// Stable code: lowercase letters, digits and dashes, such as "tournai-institut-saint-luc".
    pub code: String,
    /// Name.
    pub name: String,
    /// What kind of organisation it is.
    pub kind: OperatorKind,
    /// Presentation, in French (at most 5,000 characters).
    #[graphql(default)]
    pub description: String,
    /// Public website, `https://…`.
    pub website: Option<String>,
    /// Public contact e-mail address of the organisation.
    pub email: Option<String>,
    /// Public phone number of the organisation.
    pub phone: Option<String>,
}

/// Changes to an operator: fields left out stay as they are; `null` clears an optional one.
#[derive(InputObject, Debug)]
pub struct UpdateOperatorInput {
    /// Name.
    pub name: Option<String>,
    /// What kind of organisation it is.
    pub kind: Option<OperatorKind>,
    /// Presentation, in French (at most 5,000 characters).
    pub description: Option<String>,
    /// Public website, `https://…`.
    pub website: MaybeUndefined<String>,
    /// Public contact e-mail address of the organisation.
    pub email: MaybeUndefined<String>,
    /// Public phone number of the organisation.
    pub phone: MaybeUndefined<String>,
}

/// A new site of an operator. Its commune is found from `location`.
#[derive(InputObject, Debug)]
pub struct CreateSiteInput {
    /// The operator (global id).
    pub operator_id: ID,
    /// The operator's own reference for the site, unique per operator; generated when left out.
    pub reference: Option<String>,
    /// Name, such as "Implantation de Kain".
    pub name: String,
    /// Street and number.
    pub street: String,
    /// Belgian postcode; it must be one used in the commune where `location` lies.
    pub postcode: String,
    /// Locality as written on letters.
    pub locality: String,
    /// Where the entrance is.
    pub location: PointInput,
}

/// Changes to a site: fields left out stay as they are. Moving it recomputes its commune.
#[derive(InputObject, Debug)]
pub struct UpdateSiteInput {
    /// Name.
    pub name: Option<String>,
    /// Street and number.
    pub street: Option<String>,
    /// Belgian postcode; it must be one used in the commune where the site lies.
    pub postcode: Option<String>,
    /// Locality as written on letters.
    pub locality: Option<String>,
    /// Where the entrance is.
    pub location: Option<PointInput>,
}

/// A new training programme (LHEO's "formation"), whose sessions are TRAINING offers.
#[derive(InputObject, Debug)]
pub struct CreateProgrammeInput {
    /// The operator (global id).
    pub operator_id: ID,
    /// The operator's own reference for the programme, unique per operator.
    pub reference: String,
    /// Title.
    pub title: String,
    /// What is learnt.
    pub objective: String,
    /// The certificate, diploma or attestation obtained.
    pub certification: Option<String>,
    /// How it is organised.
    pub modality: TrainingModality,
    /// Total length in hours.
    pub duration_hours: Option<i32>,
}

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
    /// Trade codes from `trades`; at least one.
    pub trade_codes: Vec<String>,
    /// Who it is for; at least one.
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
    /// Trade codes from `trades`; at least one.
    pub trade_codes: Option<Vec<String>>,
    /// Who it is for; at least one.
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

/// How an operator wants to be contacted through `requestContact`.
#[derive(InputObject, Debug)]
pub struct ContactSettingsInput {
    /// E-mail forwarded, phone shown, or address shown.
    pub mode: super::contact::ContactMode,
    /// The audiences it accepts requests from; empty: every audience each offer names.
    pub accepted_audiences: Vec<Audience>,
}

/// A partner to invite (admins only).
#[derive(InputObject, Debug)]
pub struct InvitePartnerInput {
    /// The address the invitation is sent to; it becomes the login.
    #[graphql(secret)]
    pub email: String,
    /// The name shown to others.
    pub display_name: String,
    /// The operators the partner acts for (global ids); at least one.
    pub operator_ids: Vec<ID>,
}

/// An invitation: send the token to the partner, who accepts it with `acceptInvitation`.
#[derive(SimpleObject, Debug)]
pub struct InvitationPayload {
    /// One-time token, shown once and stored only as a digest.
    pub token: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// The invited account (it cannot sign in until the invitation is accepted).
    pub account: AccountInfo,
}

/// Partners' and admins' writes.
#[derive(Debug, Default)]
pub struct PartnerMutation;

fn actor(viewer: &Viewer) -> Actor {
    match viewer {
        Viewer::Account { account, .. } => Actor {
            account_id: Some(account.id),
            name: account.display_name.clone(),
        },
        Viewer::Public => Actor {
            account_id: None,
            name: "public".to_owned(),
        },
    }
}

/// Turns a refused write into the error partners see; `argument` prefixes field names.
fn write_error(error: WriteError) -> ApiError {
    match error {
        WriteError::NotFound(what) => ApiError::NotFound(format!("{what} does not exist")),
        WriteError::StaleVersion { expected, current } => ApiError::Conflict {
            message: format!(
                "version: the object changed since version {expected} (it is now at version {current}); read it again, reapply your change and send version {current}"
            ),
            current_version: Some(current),
        },
        WriteError::Rejected(rejection) => {
            ApiError::bad_input(format!("input.{}", rejection.field), rejection.message)
        }
        WriteError::Taken { field, message } => {
            ApiError::bad_input(format!("input.{field}"), message)
        }
        WriteError::Storage(e) => ApiError::Internal(Box::new(e)),
    }
}

fn id_of(argument: &str, id: &ID, expected: NodeType) -> Result<i64, ApiError> {
    let (node_type, key) = ids::parse_global_id(id).map_err(|_| {
        ApiError::bad_input(
            argument,
            format!("must be the global id of a {}", expected.name()),
        )
    })?;
    if node_type != expected {
        return Err(ApiError::bad_input(
            argument,
            format!(
                "must be the global id of a {}, not of a {}",
                expected.name(),
                node_type.name()
            ),
        ));
    }
    ids::numeric_key(&key).map_err(|_| {
        ApiError::bad_input(
            argument,
            format!("must be the global id of a {}", expected.name()),
        )
    })
}

/// The operator owning an object, from the database, or NOT_FOUND.
async fn owner(
    context: &RequestContext,
    object: AuditedObject,
    id: i64,
    what: &str,
) -> Result<OperatorId, ApiError> {
    context
        .store
        .owner_of(object, id)
        .await
        .map_err(|e| ApiError::Internal(Box::new(e)))?
        .ok_or_else(|| ApiError::NotFound(format!("{what} does not exist")))
}

/// Asks the policy whether the viewer acts for the owner of an object.
async fn authorise_edit(
    context: &RequestContext,
    object: AuditedObject,
    id: i64,
    what: &str,
) -> Result<OperatorId, ApiError> {
    // The public learns nothing about which ids exist.
    if matches!(context.viewer, Viewer::Public) {
        policy::allow(&context.viewer, Action::EditOperatorData(OperatorId(0)))?;
    }
    let operator = owner(context, object, id, what).await?;
    policy::allow(&context.viewer, Action::EditOperatorData(operator))?;
    Ok(operator)
}

fn optional_text(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn maybe_text(value: MaybeUndefined<String>) -> Option<Option<String>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(optional_text(Some(v))),
    }
}

fn count(argument: &str, value: Option<i32>) -> Result<Option<u32>, ApiError> {
    value
        .map(|v| {
            u32::try_from(v).map_err(|_| {
                ApiError::bad_input(argument, format!("must not be negative, got {v}"))
            })
        })
        .transpose()
}

fn reference(argument: &str, value: &str) -> Result<String, ApiError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > MAX_REFERENCE_CHARS {
        return Err(ApiError::bad_input(
            argument,
            format!("must not be empty and at most {MAX_REFERENCE_CHARS} characters"),
        ));
    }
    Ok(value.to_owned())
}

fn point(argument: &str, input: PointInput) -> Result<Point, ApiError> {
    Point::parse(input.lat, input.lon).map_err(|e| ApiError::bad_input(argument, e))
}

fn postcode(argument: &str, raw: &str) -> Result<Postcode, ApiError> {
    Postcode::parse(raw.trim()).map_err(|e| ApiError::bad_input(argument, e))
}

fn trade_codes(
    context: &RequestContext,
    argument: &str,
    raw: Vec<String>,
) -> Result<Vec<TradeCode>, ApiError> {
    raw.iter()
        .enumerate()
        .map(|(i, code)| {
            TradeCode::parse(code)
                .ok()
                .filter(|code| context.catalog.trade(code).is_some())
                .ok_or_else(|| {
                    ApiError::bad_input(
                        format!("{argument}[{i}]"),
                        format!("{code:?} is not a trade code; the `trades` query lists them"),
                    )
                })
        })
        .collect()
}

fn details(argument: &str, input: OfferDetailsInput) -> Result<OfferDetails, ApiError> {
    Ok(match input {
        OfferDetailsInput::Training(t) => OfferDetails::Training(TrainingSession {
            programme_id: ProgrammeId(id_of(
                &format!("{argument}.training.programmeId"),
                &t.programme_id,
                NodeType::TrainingProgramme,
            )?),
            schedule: optional_text(t.schedule),
            daily_start_time: t.daily_start_time.map(|t| t.0),
            daily_end_time: t.daily_end_time.map(|t| t.0),
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

fn audiences(values: Vec<Audience>) -> Vec<DomainAudience> {
    values.into_iter().map(Into::into).collect()
}

impl RequestContext {
    /// Makes the write visible to every read, here and (through the change
    /// feed) on other instances, before the mutation answers.
    ///
    /// The write is committed whatever happens here: answering with an
    /// error would make the client retry and write twice. A failed refresh
    /// is logged, and the next write or announcement refreshes again.
    async fn after_write(&self) -> Result<(), ApiError> {
        if let Err(error) = self.refresh_catalog().await {
            tracing::error!(%error, "a write committed but the catalogue could not be refreshed");
        }
        Ok(())
    }
}

/// Partners' and admins' writes. Every write is audited; updates name the `version` they read.
#[Object]
impl PartnerMutation {
    /// Creates an operator (admins only).
    async fn create_operator(
        &self,
        ctx: &Context<'_>,
        input: CreateOperatorInput,
    ) -> ApiResult<Operator> {
        let context = request(ctx);
        policy::allow(&context.viewer, Action::CreateOperator)?;
        let code = OperatorCode::parse(input.code.trim())
            .map_err(|e| ApiError::bad_input("input.code", e))?;
        let details = OperatorDetails {
            name: input.name,
            kind: input.kind.into(),
            description: input.description,
            website: optional_text(input.website),
            email: optional_text(input.email),
            phone: optional_text(input.phone),
        };
        let operator = context
            .store
            .create_operator(&actor(&context.viewer), &code, details)
            .await
            .map_err(write_error)?;
        context.after_write().await?;
        Ok(Operator(operator))
    }

    /// Changes an operator's details, if it is still at `version`; CONFLICT otherwise.
    async fn update_operator(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operator (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
        input: UpdateOperatorInput,
    ) -> ApiResult<Operator> {
        let context = request(ctx);
        let key = id_of("id", &id, NodeType::Operator)?;
        authorise_edit(context, AuditedObject::Operator, key, "operator").await?;
        let operator = context
            .store
            .update_operator(
                &actor(&context.viewer),
                OperatorId(key),
                version,
                |operator| {
                    let mut details = operator.details();
                    if let Some(name) = input.name {
                        details.name = name;
                    }
                    if let Some(kind) = input.kind {
                        details.kind = kind.into();
                    }
                    if let Some(description) = input.description {
                        details.description = description;
                    }
                    if let Some(website) = maybe_text(input.website) {
                        details.website = website;
                    }
                    if let Some(email) = maybe_text(input.email) {
                        details.email = email;
                    }
                    if let Some(phone) = maybe_text(input.phone) {
                        details.phone = phone;
                    }
                    operator.set_details(details).map_err(Rejection::from)
                },
            )
            .await
            .map_err(write_error)?;
        context.after_write().await?;
        Ok(Operator(operator))
    }

    /// Changes how an operator wants to be contacted, if it is still at `version`.
    async fn update_contact_settings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operator (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
        input: ContactSettingsInput,
    ) -> ApiResult<Operator> {
        let context = request(ctx);
        let key = id_of("id", &id, NodeType::Operator)?;
        authorise_edit(context, AuditedObject::Operator, key, "operator").await?;
        let settings = domain::contact::ContactSettings {
            mode: input.mode.into(),
            accepted_audiences: audiences(input.accepted_audiences),
        };
        let operator = context
            .store
            .update_contact_settings(&actor(&context.viewer), OperatorId(key), version, &settings)
            .await
            .map_err(write_error)?;
        context.after_write().await?;
        Ok(Operator(operator))
    }

    /// Adds a site to an operator; its commune is computed from its location.
    async fn create_site(&self, ctx: &Context<'_>, input: CreateSiteInput) -> ApiResult<Site> {
        let context = request(ctx);
        let operator = id_of("input.operatorId", &input.operator_id, NodeType::Operator)?;
        authorise_edit(context, AuditedObject::Operator, operator, "operator").await?;
        let reference = match &input.reference {
            Some(raw) => reference("input.reference", raw)?,
            None => {
                use argon2::password_hash::rand_core::{OsRng, RngCore};
                format!("site-{:016x}", OsRng.next_u64())
            }
        };
        let details = SiteDetails {
            name: input.name.trim().to_owned(),
            address: Address {
                street: input.street.trim().to_owned(),
                postcode: postcode("input.postcode", &input.postcode)?,
                locality: input.locality.trim().to_owned(),
            },
            location: point("input.location", input.location)?,
        };
        let territory = context.catalog.territory();
        let place = |details: SiteDetails| -> Result<DomainSite, Rejection> {
            details.validate()?;
            let commune = territory.place_site(details.location, &details.address.postcode)?;
            Ok(DomainSite {
                id: SiteId(0),
                operator_id: OperatorId(operator),
                name: details.name,
                address: details.address,
                location: details.location,
                commune_nis: commune.nis.clone(),
                updated_at: Utc::now(),
                version: 1,
            })
        };
        let site = context
            .store
            .create_site(
                &actor(&context.viewer),
                OperatorId(operator),
                &reference,
                place,
                details,
            )
            .await
            .map_err(write_error)?;
        context.after_write().await?;
        Ok(Site(site))
    }

    /// Changes a site, if it is still at `version`; moving it recomputes its commune.
    async fn update_site(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The site (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
        input: UpdateSiteInput,
    ) -> ApiResult<Site> {
        let context = request(ctx);
        let key = id_of("id", &id, NodeType::Site)?;
        authorise_edit(context, AuditedObject::Site, key, "site").await?;
        let new_postcode = input
            .postcode
            .as_deref()
            .map(|raw| postcode("input.postcode", raw))
            .transpose()?;
        let new_location = input
            .location
            .map(|p| point("input.location", p))
            .transpose()?;
        let territory = context.catalog.territory();
        let site = context
            .store
            .update_site(&actor(&context.viewer), SiteId(key), version, |site| {
                let mut details = site.details();
                if let Some(name) = input.name {
                    details.name = name.trim().to_owned();
                }
                if let Some(street) = input.street {
                    details.address.street = street.trim().to_owned();
                }
                if let Some(locality) = input.locality {
                    details.address.locality = locality.trim().to_owned();
                }
                if let Some(postcode) = new_postcode {
                    details.address.postcode = postcode;
                }
                if let Some(location) = new_location {
                    details.location = location;
                }
                details.validate()?;
                let commune = territory.place_site(details.location, &details.address.postcode)?;
                site.name = details.name;
                site.address = details.address;
                site.location = details.location;
                site.commune_nis = commune.nis.clone();
                Ok(())
            })
            .await
            .map_err(write_error)?;
        context.after_write().await?;
        Ok(Site(site))
    }

    /// Adds a training programme to an operator.
    async fn create_programme(
        &self,
        ctx: &Context<'_>,
        input: CreateProgrammeInput,
    ) -> ApiResult<TrainingProgramme> {
        let context = request(ctx);
        let operator = id_of("input.operatorId", &input.operator_id, NodeType::Operator)?;
        authorise_edit(context, AuditedObject::Operator, operator, "operator").await?;
        let reference = reference("input.reference", &input.reference)?;
        let title = input.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > domain::offer::MAX_TITLE_CHARS {
            return Err(ApiError::bad_input(
                "input.title",
                format!(
                    "must not be empty and at most {} characters",
                    domain::offer::MAX_TITLE_CHARS
                ),
            )
            .into());
        }
        if input.objective.chars().count() > domain::offer::MAX_DESCRIPTION_CHARS {
            return Err(ApiError::bad_input(
                "input.objective",
                format!(
                    "must be at most {} characters",
                    domain::offer::MAX_DESCRIPTION_CHARS
                ),
            )
            .into());
        }
        let programme = domain::offer::TrainingProgramme {
            id: ProgrammeId(0),
            operator_id: OperatorId(operator),
            title,
            objective: input.objective,
            certification: optional_text(input.certification),
            modality: input.modality.into(),
            duration_hours: count("input.durationHours", input.duration_hours)?,
            version: 1,
        };
        let programme = context
            .store
            .create_programme(&actor(&context.viewer), &reference, programme)
            .await
            .map_err(write_error)?;
        context.after_write().await?;
        Ok(TrainingProgramme(programme))
    }

    /// Creates an offer as a DRAFT; publish it with `publishOffer`.
    async fn create_offer(&self, ctx: &Context<'_>, input: CreateOfferInput) -> ApiResult<Offer> {
        let context = request(ctx);
        let operator = id_of("input.operatorId", &input.operator_id, NodeType::Operator)?;
        authorise_edit(context, AuditedObject::Operator, operator, "operator").await?;
        let offer = domain::offer::Offer {
            id: OfferId(0),
            operator_id: OperatorId(operator),
            site_id: SiteId(id_of("input.siteId", &input.site_id, NodeType::Site)?),
            reference: optional_text(input.reference),
            title: input.title.trim().to_owned(),
            description: input.description,
            status: OfferStatus::Draft,
            recruitment_state: input
                .recruitment_state
                .map_or(DomainRecruitmentState::Open, Into::into),
            trade_codes: trade_codes(context, "input.tradeCodes", input.trade_codes)?,
            audiences: audiences(input.audiences),
            start_date: input.start_date.map(|d| d.0),
            end_date: input.end_date.map(|d| d.0),
            places: count("input.places", input.places)?,
            details: details("input.details", input.details)?,
            is_demo: false,
            updated_at: Utc::now(),
            version: 1,
        };
        let offer = context
            .store
            .create_offer(&actor(&context.viewer), offer)
            .await
            .map_err(write_error)?;
        context.after_write().await?;
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
        let key = id_of("id", &id, NodeType::Offer)?;
        authorise_edit(context, AuditedObject::Offer, key, "offer").await?;
        let patch = OfferPatch {
            reference: maybe_text(input.reference),
            site_id: input
                .site_id
                .map(|site| id_of("input.siteId", &site, NodeType::Site).map(SiteId))
                .transpose()?,
            title: input.title,
            description: input.description,
            recruitment_state: input.recruitment_state.map(Into::into),
            trade_codes: input
                .trade_codes
                .map(|codes| trade_codes(context, "input.tradeCodes", codes))
                .transpose()?,
            audiences: input.audiences.map(audiences),
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
        let offer = context
            .store
            .update_offer(&actor(&context.viewer), OfferId(key), version, |offer| {
                patch.apply_to(offer)?;
                Ok(AuditAction::Update)
            })
            .await
            .map_err(write_error)?;
        context.after_write().await?;
        Ok(Offer(offer))
    }

    /// Publishes an offer: everyone sees it. Every rule is checked again.
    async fn publish_offer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The offer (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
    ) -> ApiResult<Offer> {
        move_offer(
            ctx,
            id,
            version,
            OfferStatus::Published,
            AuditAction::Publish,
        )
        .await
    }

    /// Archives an offer: the public no longer sees it; it stays for history and indicators.
    async fn archive_offer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The offer (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
    ) -> ApiResult<Offer> {
        move_offer(
            ctx,
            id,
            version,
            OfferStatus::Archived,
            AuditAction::Archive,
        )
        .await
    }

    /// Copies an offer into a new DRAFT (without its reference), for the next session or intake.
    async fn duplicate_offer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The offer to copy (global id).")] id: ID,
    ) -> ApiResult<Offer> {
        let context = request(ctx);
        let key = id_of("id", &id, NodeType::Offer)?;
        authorise_edit(context, AuditedObject::Offer, key, "offer").await?;
        let offer = context
            .store
            .duplicate_offer(&actor(&context.viewer), OfferId(key))
            .await
            .map_err(write_error)?;
        context.after_write().await?;
        Ok(Offer(offer))
    }

    /// Opens a PARTNER account for operators (admins only) and returns a one-time invitation
    /// token, valid 14 days, for the partner to choose a password with `acceptInvitation`.
    async fn invite_partner(
        &self,
        ctx: &Context<'_>,
        input: InvitePartnerInput,
    ) -> ApiResult<InvitationPayload> {
        let context = request(ctx);
        policy::allow(&context.viewer, Action::InvitePartner)?;
        let email =
            Email::parse(&input.email).map_err(|e| ApiError::bad_input("input.email", e))?;
        let display_name = input.display_name.trim();
        if display_name.is_empty()
            || display_name.chars().count() > domain::operator::MAX_NAME_CHARS
        {
            return Err(ApiError::bad_input(
                "input.displayName",
                format!(
                    "must not be empty and at most {} characters",
                    domain::operator::MAX_NAME_CHARS
                ),
            )
            .into());
        }
        if input.operator_ids.is_empty() {
            return Err(ApiError::bad_input(
                "input.operatorIds",
                "must name at least one operator",
            )
            .into());
        }
        let operators = input
            .operator_ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                id_of(&format!("input.operatorIds[{i}]"), id, NodeType::Operator).map(OperatorId)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (token, digest) = auth::new_token();
        let expires_at = Utc::now() + Duration::days(INVITATION_DAYS);
        let account = context
            .store
            .invite_partner(
                &actor(&context.viewer),
                storage::NewInvitation {
                    email: &email,
                    display_name,
                    operators: &operators,
                    token_sha256: &digest,
                    expires_at,
                },
            )
            .await
            .map_err(write_error)?;
        Ok(InvitationPayload {
            token,
            expires_at,
            account: AccountInfo(account),
        })
    }

    /// Accepts an invitation: sets the account's password and signs in.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        #[graphql(secret, desc = "The token from `invitePartner`.")] token: String,
        #[graphql(
            secret,
            desc = "The password to sign in with from now on (12 to 128 characters)."
        )]
        password: String,
    ) -> ApiResult<LoginPayload> {
        let context = request(ctx);
        policy::allow(&context.viewer, Action::AcceptInvitation)?;
        let password = domain::account::Password::parse(&password)
            .map_err(|e| ApiError::bad_input("password", e))?;
        let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
            .await
            .map_err(|e| ApiError::Internal(Box::new(e)))?
            .map_err(|e| ApiError::Internal(e.into()))?;
        let now = Utc::now();
        let account = context
            .store
            .accept_invitation(&auth::token_sha256(&token), hash, now)
            .await
            .map_err(|e| ApiError::Internal(Box::new(e)))?
            .ok_or_else(|| {
                ApiError::Unauthenticated(
                    "the invitation is unknown, expired or already accepted; ask an administrator for a new one"
                        .to_owned(),
                )
            })?;
        let (token, digest) = auth::new_token();
        let expires_at = now + Duration::days(ACCEPTED_SESSION_DAYS);
        context
            .store
            .create_token(account.id, &digest, "login", expires_at)
            .await
            .map_err(|e| ApiError::Internal(Box::new(e)))?;
        Ok(LoginPayload {
            token,
            expires_at,
            account: AccountInfo(account),
        })
    }
}

fn maybe<T>(value: MaybeUndefined<T>) -> Option<Option<T>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

async fn move_offer(
    ctx: &Context<'_>,
    id: ID,
    version: i64,
    status: OfferStatus,
    action: AuditAction,
) -> ApiResult<Offer> {
    let context = request(ctx);
    let key = id_of("id", &id, NodeType::Offer)?;
    authorise_edit(context, AuditedObject::Offer, key, "offer").await?;
    let offer = context
        .store
        .update_offer(&actor(&context.viewer), OfferId(key), version, |offer| {
            offer.move_to(status)?;
            Ok(action)
        })
        .await
        .map_err(write_error)?;
    context.after_write().await?;
    Ok(Offer(offer))
}
