//! Loads the whole catalogue from the database into domain values: one query
//! per table, whatever the number of rows. Anything the database holds that
//! the domain refuses is reported as corrupt, naming table and row.

use std::collections::HashMap;
use std::fmt::Display;
use std::str::FromStr;

use domain::catalog::{Catalog, CatalogParts};
use domain::codes::{NisCode, OperatorCode, PoleCode, Postcode, TradeCode};
use domain::contact::{ContactSettings, parse_audience_list};
use domain::email::Email;
use domain::location::Point;
use domain::offer::{
    DiscoveryDetails, InternshipDetails, JobDetails, Offer, OfferDetails, OfferId, OfferKind,
    ProgrammeId, TrainingProgramme, TrainingSession,
};
use domain::operator::{Address, Operator, OperatorId, Site, SiteId};
use domain::phone::PhoneNumber;
use domain::pole::{Pole, PoleKind};
use domain::territory::{Commune, PostalLocality, parse_boundary};
use domain::trade::Trade;
use domain::website::WebsiteUrl;
use sea_orm::{
    AccessMode, ConnectionTrait, DatabaseTransaction, EntityTrait, IsolationLevel, QueryOrder,
    TransactionTrait,
};

use crate::data_versions::read_versions;
use crate::entities::{
    commune, offer, offer_audience, offer_trade, operator, pole, pole_challenge, postal_locality,
    site, trade, trade_classification_code, trade_keyword, trade_pole, training_programme,
};
use crate::equipment_rows::{load_categories, load_items};
use crate::{StorageError, Store};

/// Classification schemes stored in `trade_classification_codes.scheme`.
pub(crate) const SCHEME_ROME: &str = "ROME";
pub(crate) const SCHEME_ESCO: &str = "ESCO";

/// Parses a stored code, reporting the row when it is not one we know.
fn parse<T>(table: &'static str, id: impl Display, value: &str) -> Result<T, StorageError>
where
    T: FromStr,
    T::Err: Display,
{
    value
        .parse()
        .map_err(|e: T::Err| StorageError::corrupt(table, id, e))
}

fn non_negative(
    table: &'static str,
    id: impl Display,
    value: Option<i32>,
) -> Result<Option<u32>, StorageError> {
    value
        .map(|v| {
            u32::try_from(v)
                .map_err(|_| StorageError::corrupt(table, id, format!("negative count {v}")))
        })
        .transpose()
}

impl Store {
    /// Reads everything the catalogue holds and builds it.
    pub async fn load_catalog(&self) -> Result<Catalog, StorageError> {
        Ok(self.load_catalog_versioned().await?.0)
    }

    /// Reads everything the catalogue holds and builds it, with the
    /// catalogue's data version read in the same snapshot: the catalogue is
    /// exactly the data of that version, so comparing it with
    /// [`Store::data_versions`] later tells whether it is behind.
    pub async fn load_catalog_versioned(&self) -> Result<(Catalog, i64), StorageError> {
        let snapshot = self.snapshot().await?;
        let version = read_versions(&snapshot).await?.catalog;
        let parts = CatalogParts {
            communes: load_communes(&snapshot).await?,
            poles: load_poles(&snapshot).await?,
            trades: load_trades(&snapshot).await?,
            operators: load_operators(&snapshot).await?,
            sites: load_sites(&snapshot).await?,
            programmes: load_programmes(&snapshot).await?,
            offers: load_offers(&snapshot).await?,
            equipment_categories: load_categories(&snapshot).await?,
            equipment: load_items(&snapshot).await?,
        };
        snapshot.commit().await?;
        Ok((Catalog::build(parts)?, version))
    }

    /// Rebuilds the catalogue after partners' writes. Reference data
    /// (communes with their boundaries, poles, trades) does not change
    /// while serving, so it is taken from the previous catalogue instead of
    /// being read and parsed again; only partners' tables are read.
    pub async fn reload_catalog(&self, previous: &Catalog) -> Result<Catalog, StorageError> {
        Ok(self.reload_catalog_versioned(previous).await?.0)
    }

    /// [`Store::reload_catalog`], with the catalogue's data version read in
    /// the same snapshot (see [`Store::load_catalog_versioned`]).
    pub async fn reload_catalog_versioned(
        &self,
        previous: &Catalog,
    ) -> Result<(Catalog, i64), StorageError> {
        let snapshot = self.snapshot().await?;
        let version = read_versions(&snapshot).await?.catalog;
        let parts = CatalogParts {
            communes: previous.communes().to_vec(),
            poles: previous.poles().to_vec(),
            trades: previous.trades().to_vec(),
            operators: load_operators(&snapshot).await?,
            sites: load_sites(&snapshot).await?,
            programmes: load_programmes(&snapshot).await?,
            offers: load_offers(&snapshot).await?,
            equipment_categories: previous.equipment_vocabulary().categories().to_vec(),
            equipment: load_items(&snapshot).await?,
        };
        snapshot.commit().await?;
        Ok((Catalog::build(parts)?, version))
    }

    /// A read-only transaction that sees one state of the database for all
    /// its statements: without it, an offer committed between reading the
    /// trade links and reading the offers would arrive without its trades.
    /// PostgreSQL needs REPEATABLE READ for that (READ COMMITTED takes a new
    /// snapshot per statement), read-only since it writes nothing. SQLite's
    /// read transactions in WAL mode always see one state; it takes no
    /// isolation level or access mode (asking for one only logs a warning),
    /// so a plain transaction is the same snapshot there.
    async fn snapshot(&self) -> Result<DatabaseTransaction, StorageError> {
        let snapshot = match self.backend() {
            crate::Backend::Postgres => {
                self.db
                    .begin_with_config(
                        Some(IsolationLevel::RepeatableRead),
                        Some(AccessMode::ReadOnly),
                    )
                    .await?
            }
            crate::Backend::Sqlite => self.db.begin().await?,
        };
        Ok(snapshot)
    }
}

pub(crate) async fn load_communes(db: &impl ConnectionTrait) -> Result<Vec<Commune>, StorageError> {
    let mut localities: HashMap<String, Vec<PostalLocality>> = HashMap::new();
    let rows = postal_locality::Entity::find()
        .order_by_asc(postal_locality::Column::Postcode)
        .order_by_asc(postal_locality::Column::Name)
        .all(db)
        .await?;
    for row in rows {
        const TABLE: &str = "postal_localities";
        let locality = PostalLocality {
            postcode: Postcode::parse(&row.postcode)
                .map_err(|e| StorageError::corrupt(TABLE, row.id, e))?,
            name: row.name,
            location: Point::parse(row.latitude, row.longitude)
                .map_err(|e| StorageError::corrupt(TABLE, row.id, e))?,
        };
        localities
            .entry(row.commune_nis)
            .or_default()
            .push(locality);
    }
    let rows = commune::Entity::find().all(db).await?;
    rows.into_iter()
        .map(|row| {
            const TABLE: &str = "communes";
            let nis =
                NisCode::parse(&row.nis).map_err(|e| StorageError::corrupt(TABLE, &row.nis, e))?;
            let boundary = parse_boundary(&row.boundary_geojson)
                .map_err(|e| StorageError::corrupt(TABLE, &row.nis, e))?;
            let localities = localities.remove(&row.nis).unwrap_or_default();
            Commune::new(nis, row.name_fr, row.name_nl, boundary, localities)
                .map_err(|e| StorageError::corrupt(TABLE, &row.nis, e))
        })
        .collect()
}

async fn load_poles(db: &impl ConnectionTrait) -> Result<Vec<Pole>, StorageError> {
    let mut challenges: HashMap<String, Vec<String>> = HashMap::new();
    let rows = pole_challenge::Entity::find()
        .order_by_asc(pole_challenge::Column::PoleCode)
        .order_by_asc(pole_challenge::Column::Position)
        .all(db)
        .await?;
    for row in rows {
        challenges.entry(row.pole_code).or_default().push(row.text);
    }
    let rows = pole::Entity::find()
        .order_by_asc(pole::Column::Position)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            const TABLE: &str = "poles";
            let kind = match row.kind.as_str() {
                "SECTORAL" => PoleKind::Sectoral,
                "TRANSVERSAL" => PoleKind::Transversal,
                other => {
                    return Err(StorageError::corrupt(
                        TABLE,
                        &row.code,
                        format!("unknown kind {other:?}"),
                    ));
                }
            };
            Ok(Pole {
                code: PoleCode::parse(&row.code)
                    .map_err(|e| StorageError::corrupt(TABLE, &row.code, e))?,
                challenges: challenges.remove(&row.code).unwrap_or_default(),
                name: row.name,
                kind,
            })
        })
        .collect()
}

async fn load_trades(db: &impl ConnectionTrait) -> Result<Vec<Trade>, StorageError> {
    let mut poles: HashMap<String, Vec<PoleCode>> = HashMap::new();
    for row in trade_pole::Entity::find()
        .order_by_asc(trade_pole::Column::PoleCode)
        .all(db)
        .await?
    {
        let code = PoleCode::parse(&row.pole_code)
            .map_err(|e| StorageError::corrupt("trade_poles", &row.trade_code, e))?;
        poles.entry(row.trade_code).or_default().push(code);
    }
    let mut rome: HashMap<String, Vec<String>> = HashMap::new();
    let mut esco: HashMap<String, Vec<String>> = HashMap::new();
    for row in trade_classification_code::Entity::find()
        .order_by_asc(trade_classification_code::Column::Code)
        .all(db)
        .await?
    {
        match row.scheme.as_str() {
            SCHEME_ROME => rome.entry(row.trade_code).or_default().push(row.code),
            SCHEME_ESCO => esco.entry(row.trade_code).or_default().push(row.code),
            // A scheme this version does not know yet is kept in the
            // database and ignored here.
            _ => {}
        }
    }
    let mut keywords: HashMap<String, Vec<String>> = HashMap::new();
    for row in trade_keyword::Entity::find()
        .order_by_asc(trade_keyword::Column::Keyword)
        .all(db)
        .await?
    {
        keywords
            .entry(row.trade_code)
            .or_default()
            .push(row.keyword);
    }
    let rows = trade::Entity::find()
        .order_by_asc(trade::Column::Position)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Trade {
                code: TradeCode::parse(&row.code)
                    .map_err(|e| StorageError::corrupt("trades", &row.code, e))?,
                pole_codes: poles.remove(&row.code).unwrap_or_default(),
                rome_codes: rome.remove(&row.code).unwrap_or_default(),
                esco_codes: esco.remove(&row.code).unwrap_or_default(),
                keywords: keywords.remove(&row.code).unwrap_or_default(),
                name: row.name,
                description: row.description,
            })
        })
        .collect()
}

async fn load_operators(db: &impl ConnectionTrait) -> Result<Vec<Operator>, StorageError> {
    let rows = operator::Entity::find().all(db).await?;
    rows.into_iter().map(operator_from_row).collect()
}

async fn load_sites(db: &impl ConnectionTrait) -> Result<Vec<Site>, StorageError> {
    let rows = site::Entity::find().all(db).await?;
    rows.into_iter().map(site_from_row).collect()
}

async fn load_programmes(
    db: &impl ConnectionTrait,
) -> Result<Vec<TrainingProgramme>, StorageError> {
    let rows = training_programme::Entity::find().all(db).await?;
    rows.into_iter().map(programme_from_row).collect()
}

async fn load_offers(db: &impl ConnectionTrait) -> Result<Vec<Offer>, StorageError> {
    let mut trades: HashMap<i64, Vec<TradeCode>> = HashMap::new();
    for row in offer_trade::Entity::find()
        .order_by_asc(offer_trade::Column::TradeCode)
        .all(db)
        .await?
    {
        let code = TradeCode::parse(&row.trade_code)
            .map_err(|e| StorageError::corrupt("offer_trades", row.offer_id, e))?;
        trades.entry(row.offer_id).or_default().push(code);
    }
    let mut audiences: HashMap<i64, Vec<domain::audience::Audience>> = HashMap::new();
    for row in offer_audience::Entity::find().all(db).await? {
        let audience = parse("offer_audiences", row.offer_id, &row.audience)?;
        audiences.entry(row.offer_id).or_default().push(audience);
    }
    let rows = offer::Entity::find()
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let mut audiences = audiences.remove(&row.id).unwrap_or_default();
            audiences.sort();
            let trade_codes = trades.remove(&row.id).unwrap_or_default();
            offer_from_row(row, trade_codes, audiences)
        })
        .collect()
}

pub(crate) fn offer_from_row(
    row: offer::Model,
    trade_codes: Vec<TradeCode>,
    audiences: Vec<domain::audience::Audience>,
) -> Result<Offer, StorageError> {
    const TABLE: &str = "offers";
    let id = row.id;
    let missing = |column: &str| {
        StorageError::corrupt(TABLE, id, format!("{column} is required for this kind"))
    };
    let kind: OfferKind = parse(TABLE, id, &row.kind)?;
    let details = match kind {
        OfferKind::Training => OfferDetails::Training(TrainingSession {
            programme_id: ProgrammeId(row.programme_id.ok_or_else(|| missing("programme_id"))?),
            schedule: row.schedule,
            daily_start_time: row.daily_start_time,
            daily_end_time: row.daily_end_time,
            weekdays: row
                .session_weekdays
                .map(|bits| {
                    domain::weekdays::Weekdays::from_bits(bits).ok_or_else(|| {
                        StorageError::corrupt(
                            TABLE,
                            id,
                            format!("session_weekdays {bits} is no set of days"),
                        )
                    })
                })
                .transpose()?,
        }),
        OfferKind::Internship => OfferDetails::Internship(InternshipDetails {
            expected_profile: row.expected_profile,
            duration_weeks: non_negative(TABLE, id, row.duration_weeks)?,
        }),
        OfferKind::Job => OfferDetails::Job(JobDetails {
            contract_type: parse(
                TABLE,
                id,
                row.contract_type
                    .as_deref()
                    .ok_or_else(|| missing("contract_type"))?,
            )?,
            working_time: parse(
                TABLE,
                id,
                row.working_time
                    .as_deref()
                    .ok_or_else(|| missing("working_time"))?,
            )?,
            requirements: row.requirements,
        }),
        OfferKind::Discovery => OfferDetails::Discovery(DiscoveryDetails {
            format: parse(
                TABLE,
                id,
                row.discovery_format
                    .as_deref()
                    .ok_or_else(|| missing("discovery_format"))?,
            )?,
            capacity: non_negative(TABLE, id, row.capacity)?.ok_or_else(|| missing("capacity"))?,
            duration_hours: non_negative(TABLE, id, row.duration_hours)?,
        }),
    };
    Ok(Offer {
        id: OfferId(id),
        operator_id: OperatorId(row.operator_id),
        site_id: SiteId(row.site_id),
        reference: row.reference,
        title: row.title,
        description: row.description,
        status: parse(TABLE, id, &row.status)?,
        recruitment_state: parse(TABLE, id, &row.recruitment_state)?,
        trade_codes,
        audiences,
        start_date: row.start_date,
        end_date: row.end_date,
        places: non_negative(TABLE, id, row.places)?,
        details,
        is_demo: row.is_demo,
        updated_at: row.updated_at,
        version: row.version,
    })
}

pub(crate) fn programme_from_row(
    row: training_programme::Model,
) -> Result<TrainingProgramme, StorageError> {
    const TABLE: &str = "training_programmes";
    Ok(TrainingProgramme {
        id: ProgrammeId(row.id),
        operator_id: OperatorId(row.operator_id),
        modality: parse(TABLE, row.id, &row.modality)?,
        duration_hours: non_negative(TABLE, row.id, row.duration_hours)?,
        title: row.title,
        objective: row.objective,
        certification: row.certification,
        version: row.version,
    })
}

pub(crate) fn operator_from_row(row: operator::Model) -> Result<Operator, StorageError> {
    const TABLE: &str = "operators";
    Ok(Operator {
        id: OperatorId(row.id),
        code: OperatorCode::parse(&row.code)
            .map_err(|e| StorageError::corrupt(TABLE, row.id, e))?,
        kind: parse(TABLE, row.id, &row.kind)?,
        name: row.name,
        description: row.description,
        website: row
            .website
            .as_deref()
            .map(WebsiteUrl::parse)
            .transpose()
            .map_err(|e| StorageError::corrupt(TABLE, row.id, e))?,
        email: row
            .email
            .as_deref()
            .map(Email::parse)
            .transpose()
            .map_err(|e| StorageError::corrupt(TABLE, row.id, e))?,
        phone: row
            .phone
            .as_deref()
            .map(PhoneNumber::parse)
            .transpose()
            .map_err(|e| StorageError::corrupt(TABLE, row.id, e))?,
        is_demo: row.is_demo,
        updated_at: row.updated_at,
        version: row.version,
    })
}

/// How an operator wants to be contacted, as its row stores it.
pub(crate) fn operator_contact_settings(
    row: &operator::Model,
) -> Result<ContactSettings, StorageError> {
    const TABLE: &str = "operators";
    let corrupt = |e: &dyn Display| StorageError::corrupt(TABLE, row.id, e);
    Ok(ContactSettings {
        mode: row.contact_mode.parse().map_err(|e| corrupt(&e))?,
        accepted_audiences: parse_audience_list(&row.contact_audiences).map_err(|e| corrupt(&e))?,
    })
}

pub(crate) fn site_from_row(row: site::Model) -> Result<Site, StorageError> {
    const TABLE: &str = "sites";
    let corrupt = |e: &dyn Display| StorageError::corrupt(TABLE, row.id, e);
    Ok(Site {
        id: SiteId(row.id),
        operator_id: OperatorId(row.operator_id),
        location: Point::parse(row.latitude, row.longitude).map_err(|e| corrupt(&e))?,
        commune_nis: NisCode::parse(&row.commune_nis).map_err(|e| corrupt(&e))?,
        address: Address {
            postcode: Postcode::parse(&row.postcode).map_err(|e| corrupt(&e))?,
            street: row.street,
            locality: row.locality,
        },
        name: row.name,
        updated_at: row.updated_at,
        version: row.version,
    })
}
