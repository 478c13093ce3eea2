//! The demo data set (`seeds/demo.json`): invented operators, sites,
//! programmes and offers, flagged `is_demo`, so that a fresh install shows a
//! realistic map. Every value goes through the same domain rules as a
//! partner's input, and every site's commune is computed from its location.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use domain::audience::Audience;
use domain::codes::{OperatorCode, Postcode, TradeCode};
use domain::location::Point;
use domain::offer::{
    ContractType, DiscoveryDetails, DiscoveryFormat, InternshipDetails, JobDetails, Offer,
    OfferDetails, OfferId, OfferKind, OfferStatus, ProgrammeId, RecruitmentState, TrainingModality,
    TrainingSession, WorkingTime,
};
use domain::operator::{OperatorId, OperatorKind, SiteId};
use domain::territory::Territory;
use sea_orm::ActiveValue::Set;
use sea_orm::{DatabaseTransaction, EntityTrait};
use serde::Deserialize;

use super::insert_in_batches;
use crate::StorageError;
use crate::entities::{offer, offer_audience, offer_trade, operator, site, training_programme};

pub(super) const DATASET: &str = "wapi-demo";
pub(super) const VERSION: i32 = 1;

const FILE: &str = "seeds/demo.json";
const DEMO: &str = include_str!("../../../../seeds/demo.json");

/// When operators, sites and programmes of the demo set were "last updated".
const DEMO_EPOCH: &str = "2026-09-01T08:00:00Z";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    dataset: String,
    version: i32,
    operators: Vec<OperatorRecord>,
    offers: Vec<OfferRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OperatorRecord {
    code: String,
    name: String,
    kind: String,
    description: String,
    website: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    sites: Vec<SiteRecord>,
    programmes: Vec<ProgrammeRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteRecord {
    key: String,
    name: String,
    street: String,
    postcode: String,
    locality: String,
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ProgrammeRecord {
    key: String,
    title: String,
    objective: String,
    certification: Option<String>,
    modality: String,
    duration_hours: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct OfferRecord {
    key: String,
    operator: String,
    site: String,
    kind: String,
    status: String,
    title: String,
    description: String,
    trades: Vec<String>,
    audiences: Vec<String>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    places: Option<u32>,
    recruitment_state: String,
    updated_at: DateTime<Utc>,
    training: Option<TrainingRecord>,
    internship: Option<InternshipRecord>,
    job: Option<JobRecord>,
    discovery: Option<DiscoveryRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct TrainingRecord {
    programme: String,
    schedule: Option<String>,
    daily_start_time: Option<NaiveTime>,
    daily_end_time: Option<NaiveTime>,
    /// MONDAY … SUNDAY.
    weekdays: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct InternshipRecord {
    expected_profile: Option<String>,
    duration_weeks: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct JobRecord {
    contract_type: String,
    working_time: String,
    requirements: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct DiscoveryRecord {
    format: String,
    capacity: u32,
    duration_hours: Option<u32>,
}

fn error(message: impl ToString) -> StorageError {
    StorageError::seed(FILE, message)
}

fn to_i32(value: Option<u32>, what: &str) -> Result<Option<i32>, StorageError> {
    value
        .map(|v| i32::try_from(v).map_err(|_| error(format!("{what} {v} is too large"))))
        .transpose()
}

/// Inserts the demo data set; returns a summary of what it holds.
pub(super) async fn insert(
    txn: &DatabaseTransaction,
    territory: &Territory,
) -> Result<String, StorageError> {
    let file: DemoFile = serde_json::from_str(DEMO).map_err(error)?;
    if file.dataset != DATASET || file.version != VERSION {
        return Err(error(format!(
            "expected data set {DATASET} version {VERSION}, found {} version {}",
            file.dataset, file.version
        )));
    }
    let epoch: DateTime<Utc> = DEMO_EPOCH.parse().map_err(error)?;

    // Operator code → (operator id, site key → site id, programme key → programme id).
    let mut operator_ids: HashMap<String, i64> = HashMap::new();
    let mut site_ids: HashMap<(String, String), i64> = HashMap::new();
    let mut programme_ids: HashMap<(String, String), i64> = HashMap::new();
    let mut site_count = 0;
    for record in &file.operators {
        OperatorCode::parse(&record.code).map_err(error)?;
        let kind: OperatorKind = record
            .kind
            .parse()
            .map_err(|e| error(format!("operator {}: {e}", record.code)))?;
        let inserted = operator::Entity::insert(operator::ActiveModel {
            code: Set(record.code.clone()),
            name: Set(record.name.clone()),
            kind: Set(kind.code().to_owned()),
            description: Set(record.description.clone()),
            website: Set(record.website.clone()),
            email: Set(record.email.clone()),
            phone: Set(record.phone.clone()),
            is_demo: Set(true),
            created_at: Set(epoch),
            updated_at: Set(epoch),
            ..Default::default()
        })
        .exec(txn)
        .await?;
        let operator_id = inserted.last_insert_id;
        operator_ids.insert(record.code.clone(), operator_id);

        for site_record in &record.sites {
            let site_row = site_row(&record.code, operator_id, site_record, territory, epoch)?;
            let inserted = site::Entity::insert(site_row).exec(txn).await?;
            site_ids.insert(
                (record.code.clone(), site_record.key.clone()),
                inserted.last_insert_id,
            );
            site_count += 1;
        }
        for programme in &record.programmes {
            let modality: TrainingModality = programme
                .modality
                .parse()
                .map_err(|e| error(format!("programme {}/{}: {e}", record.code, programme.key)))?;
            let inserted = training_programme::Entity::insert(training_programme::ActiveModel {
                operator_id: Set(operator_id),
                reference: Set(programme.key.clone()),
                title: Set(programme.title.clone()),
                objective: Set(programme.objective.clone()),
                certification: Set(programme.certification.clone()),
                modality: Set(modality.code().to_owned()),
                duration_hours: Set(to_i32(programme.duration_hours, "durationHours")?),
                updated_at: Set(epoch),
                ..Default::default()
            })
            .exec(txn)
            .await?;
            programme_ids.insert(
                (record.code.clone(), programme.key.clone()),
                inserted.last_insert_id,
            );
        }
    }

    let mut trade_links = Vec::new();
    let mut audience_links = Vec::new();
    for record in &file.offers {
        let context = |message: String| error(format!("offer {}: {message}", record.key));
        let operator_id = *operator_ids
            .get(&record.operator)
            .ok_or_else(|| context(format!("unknown operator {}", record.operator)))?;
        let site_id = *site_ids
            .get(&(record.operator.clone(), record.site.clone()))
            .ok_or_else(|| context(format!("unknown site {}", record.site)))?;
        let programme_id = match &record.training {
            Some(training) => Some(
                *programme_ids
                    .get(&(record.operator.clone(), training.programme.clone()))
                    .ok_or_else(|| context(format!("unknown programme {}", training.programme)))?,
            ),
            None => None,
        };
        let offer = parse_offer(
            record,
            OperatorId(operator_id),
            SiteId(site_id),
            programme_id,
        )
        .map_err(context)?;
        let mut row = crate::rows::offer_row(&offer);
        row.created_at = Set(offer.updated_at);
        let offer_id = offer::Entity::insert(row).exec(txn).await?.last_insert_id;
        for trade in &offer.trade_codes {
            trade_links.push(offer_trade::ActiveModel {
                offer_id: Set(offer_id),
                trade_code: Set(trade.as_str().to_owned()),
            });
        }
        for audience in &offer.audiences {
            audience_links.push(offer_audience::ActiveModel {
                offer_id: Set(offer_id),
                audience: Set(audience.code().to_owned()),
            });
        }
    }
    insert_in_batches(txn, trade_links).await?;
    insert_in_batches(txn, audience_links).await?;

    Ok(format!(
        "{} operators, {site_count} sites, {} programmes, {} offers (demo data)",
        file.operators.len(),
        programme_ids.len(),
        file.offers.len()
    ))
}

/// Validates a site and finds its commune from its location; the postcode
/// of its address must belong to that commune.
fn site_row(
    operator_code: &str,
    operator_id: i64,
    record: &SiteRecord,
    territory: &Territory,
    epoch: DateTime<Utc>,
) -> Result<site::ActiveModel, StorageError> {
    let context =
        |message: String| error(format!("site {operator_code}/{}: {message}", record.key));
    let location = Point::parse(record.lat, record.lon).map_err(|e| context(e.to_string()))?;
    let postcode = Postcode::parse(&record.postcode).map_err(|e| context(e.to_string()))?;
    let commune = territory
        .place_site(location, &postcode)
        .map_err(|e| context(e.to_string()))?;
    Ok(site::ActiveModel {
        operator_id: Set(operator_id),
        reference: Set(record.key.clone()),
        name: Set(record.name.clone()),
        street: Set(record.street.clone()),
        postcode: Set(postcode.as_str().to_owned()),
        locality: Set(record.locality.clone()),
        latitude: Set(location.lat()),
        longitude: Set(location.lon()),
        commune_nis: Set(commune.nis.as_str().to_owned()),
        updated_at: Set(epoch),
        ..Default::default()
    })
}

/// Turns a record into a domain offer and checks the offer rules.
fn parse_offer(
    record: &OfferRecord,
    operator_id: OperatorId,
    site_id: SiteId,
    programme_id: Option<i64>,
) -> Result<Offer, String> {
    let kind: OfferKind = record.kind.parse().map_err(|e| format!("{e}"))?;
    let details = match (
        kind,
        &record.training,
        &record.internship,
        &record.job,
        &record.discovery,
    ) {
        (OfferKind::Training, Some(t), None, None, None) => {
            OfferDetails::Training(TrainingSession {
                programme_id: ProgrammeId(programme_id.ok_or("a training needs a programme")?),
                schedule: t.schedule.clone(),
                daily_start_time: t.daily_start_time,
                daily_end_time: t.daily_end_time,
                weekdays: t.weekdays.as_deref().map(demo_weekdays).transpose()?,
            })
        }
        (OfferKind::Internship, None, Some(i), None, None) => {
            OfferDetails::Internship(InternshipDetails {
                expected_profile: i.expected_profile.clone(),
                duration_weeks: i.duration_weeks,
            })
        }
        (OfferKind::Job, None, None, Some(j), None) => OfferDetails::Job(JobDetails {
            contract_type: j
                .contract_type
                .parse::<ContractType>()
                .map_err(|e| e.to_string())?,
            working_time: j
                .working_time
                .parse::<WorkingTime>()
                .map_err(|e| e.to_string())?,
            requirements: j.requirements.clone(),
        }),
        (OfferKind::Discovery, None, None, None, Some(d)) => {
            OfferDetails::Discovery(DiscoveryDetails {
                format: d
                    .format
                    .parse::<DiscoveryFormat>()
                    .map_err(|e| e.to_string())?,
                capacity: d.capacity,
                duration_hours: d.duration_hours,
            })
        }
        _ => {
            return Err(format!(
                "a {kind} offer must have exactly its own details block"
            ));
        }
    };
    let offer = Offer {
        id: OfferId(0),
        operator_id,
        site_id,
        reference: Some(record.key.clone()),
        title: record.title.clone(),
        description: record.description.clone(),
        status: record
            .status
            .parse::<OfferStatus>()
            .map_err(|e| e.to_string())?,
        recruitment_state: record
            .recruitment_state
            .parse::<RecruitmentState>()
            .map_err(|e| e.to_string())?,
        trade_codes: record
            .trades
            .iter()
            .map(|t| TradeCode::parse(t).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?,
        audiences: record
            .audiences
            .iter()
            .map(|a| a.parse::<Audience>().map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?,
        start_date: record.start_date,
        end_date: record.end_date,
        places: record.places,
        details,
        is_demo: true,
        updated_at: record.updated_at,
        version: 1,
    };
    offer.validate().map_err(|e| e.to_string())?;
    Ok(offer)
}

/// The days a demo session meets, named as the API names them.
fn demo_weekdays(names: &[String]) -> Result<domain::weekdays::Weekdays, String> {
    let days = names
        .iter()
        .map(|name| match name.as_str() {
            "MONDAY" => Ok(chrono::Weekday::Mon),
            "TUESDAY" => Ok(chrono::Weekday::Tue),
            "WEDNESDAY" => Ok(chrono::Weekday::Wed),
            "THURSDAY" => Ok(chrono::Weekday::Thu),
            "FRIDAY" => Ok(chrono::Weekday::Fri),
            "SATURDAY" => Ok(chrono::Weekday::Sat),
            "SUNDAY" => Ok(chrono::Weekday::Sun),
            other => Err(format!("{other} is not a day of the week")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    domain::weekdays::Weekdays::parse(&days).map_err(|(_, e)| e.to_string())
}
