//! Deterministic synthetic data for tests and benchmarks: scattered points
//! and large catalogues built on the real communes. Enabled by the
//! `synthetic` feature (and in this crate's own tests); never used by the
//! service itself.

use chrono::{DateTime, NaiveDate};

use crate::audience::Audience;
use crate::catalog::{Catalog, CatalogParts};
use crate::codes::{OperatorCode, PoleCode, Postcode, TradeCode};
use crate::equipment::{
    EquipmentCategory, EquipmentCategoryCode, EquipmentCondition, EquipmentId, EquipmentItem,
    EquipmentStatus, Sharing, SharingTerms,
};
use crate::location::Point;
use crate::offer::{
    InternshipDetails, Offer, OfferDetails, OfferId, OfferStatus, RecruitmentState,
};
use crate::operator::{Address, Operator, OperatorId, OperatorKind, Site, SiteId};
use crate::pole::{Pole, PoleKind};
use crate::territory::Commune;
use crate::trade::Trade;

/// A small, fast, deterministic pseudo-random generator (xorshift64), so
/// that every run measures and checks the same input.
#[derive(Debug, Clone)]
pub struct Xorshift(u64);

impl Xorshift {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// A number in [0, 1).
    pub fn next_unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A point uniformly spread over the box lat 50.45–50.80, lon 2.85–4.15,
    /// which covers Wallonie picarde.
    pub fn point_in_wallonie_picarde(&mut self) -> Point {
        let lat = 50.45 + 0.35 * self.next_unit();
        let lon = 2.85 + 1.30 * self.next_unit();
        Point::parse(lat, lon).unwrap_or_else(|_| unreachable!("the box is on Earth"))
    }
}

/// The trades of a synthetic catalogue.
pub const SYNTHETIC_TRADES: [&str; 3] = ["menuiserie", "maconnerie", "soins-hygiene-confort"];

/// A catalogue of `site_count` sites scattered over the given communes (only
/// points inside one are kept, and each site's commune is computed from its
/// point), each with one published internship offer in one of three trades.
pub fn catalog_with_sites(communes: Vec<Commune>, site_count: usize, seed: u64) -> Catalog {
    catalog_with_sites_and_equipment(communes, site_count, 0, seed)
}

/// The categories of a synthetic inventory, one per synthetic trade.
pub const SYNTHETIC_CATEGORIES: [&str; 3] = ["WOODWORKING_BENCH", "MIXER", "PATIENT_LIFT"];

/// [`catalog_with_sites`], with `items_per_site` public equipment items at
/// each site (a third of them shared), in one of three categories.
pub fn catalog_with_sites_and_equipment(
    communes: Vec<Commune>,
    site_count: usize,
    items_per_site: usize,
    seed: u64,
) -> Catalog {
    let territory = crate::territory::Territory::new(communes.clone());
    let pole = PoleCode::parse("synthetic").unwrap_or_else(|_| unreachable!());
    let trades: Vec<Trade> = SYNTHETIC_TRADES
        .iter()
        .map(|code| Trade {
            code: TradeCode::parse(code).unwrap_or_else(|_| unreachable!()),
            name: (*code).to_owned(),
            description: String::new(),
            pole_codes: vec![pole.clone()],
            rome_codes: vec![],
            esco_codes: vec![],
            keywords: vec![],
        })
        .collect();
    let operator = Operator {
        id: OperatorId(1),
        code: OperatorCode::parse("synthetic-operator").unwrap_or_else(|_| unreachable!()),
        name: "Opérateur synthétique".to_owned(),
        kind: OperatorKind::Company,
        description: String::new(),
        website: None,
        email: None,
        phone: None,
        is_demo: true,
        updated_at: DateTime::UNIX_EPOCH,
        version: 1,
    };
    let mut random = Xorshift::new(seed);
    let mut sites = Vec::with_capacity(site_count);
    let mut offers = Vec::with_capacity(site_count);
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default();
    while sites.len() < site_count {
        let location = random.point_in_wallonie_picarde();
        let Some(commune) = territory.commune_at(location) else {
            continue;
        };
        let n = sites.len() as i64 + 1;
        let postcode = commune
            .localities
            .first()
            .map(|l| l.postcode.clone())
            .unwrap_or_else(|| Postcode::parse("7500").unwrap_or_else(|_| unreachable!()));
        sites.push(Site {
            id: SiteId(n),
            operator_id: operator.id,
            name: format!("Site {n}"),
            address: Address {
                street: format!("Rue synthétique {n}"),
                postcode,
                locality: commune.name_fr.clone(),
            },
            location,
            commune_nis: commune.nis.clone(),
            updated_at: DateTime::UNIX_EPOCH,
            version: 1,
        });
        let trade = &trades[(n as usize) % trades.len()];
        offers.push(Offer {
            id: OfferId(n),
            operator_id: operator.id,
            site_id: SiteId(n),
            reference: None,
            title: format!("Stage {} n° {n}", trade.name),
            description: String::new(),
            status: OfferStatus::Published,
            recruitment_state: RecruitmentState::Open,
            trade_codes: vec![trade.code.clone()],
            audiences: vec![Audience::JobSeekers],
            start_date: start.checked_add_days(chrono::Days::new((n % 300) as u64)),
            end_date: None,
            places: Some(1),
            details: OfferDetails::Internship(InternshipDetails {
                expected_profile: None,
                duration_weeks: Some(4),
            }),
            is_demo: true,
            updated_at: DateTime::UNIX_EPOCH,
            version: 1,
        });
    }
    let equipment_categories: Vec<EquipmentCategory> = SYNTHETIC_CATEGORIES
        .iter()
        .zip(&trades)
        .map(|(code, trade)| EquipmentCategory {
            code: EquipmentCategoryCode::parse(code).unwrap_or_else(|_| unreachable!()),
            label: code.to_lowercase().replace('_', " "),
            trade_codes: vec![trade.code.clone()],
            uses_refrigerant: false,
            synonyms: vec![],
        })
        .collect();
    let mut equipment = Vec::with_capacity(site_count * items_per_site);
    for site in &sites {
        for k in 0..items_per_site {
            let n = equipment.len() as i64 + 1;
            let which = (n as usize) % equipment_categories.len();
            let category = &equipment_categories[which];
            equipment.push(EquipmentItem {
                id: EquipmentId(n),
                operator_id: operator.id,
                site_id: site.id,
                inventory_reference: Some(format!("SYN-{n:06}")),
                name: format!("{} n° {n}", category.label),
                category: category.code.clone(),
                brand: None,
                model: None,
                quantity: 1 + (k as u32 % 3),
                condition: EquipmentCondition::Good,
                year_acquired: Some(2010 + (n % 15) as i32),
                trade_codes: category.trade_codes.clone(),
                competence_codes: vec![],
                refrigerant: None,
                notes: None,
                sharing: if n % 3 == 0 {
                    Sharing::Shared(SharingTerms {
                        supervision_required: true,
                        prerequisite: None,
                        max_group_size: Some(8),
                        cost_per_half_day_cents: 0,
                        notice_days: 7,
                    })
                } else {
                    Sharing::NotShared
                },
                is_public: true,
                status: EquipmentStatus::Active,
                is_demo: true,
                updated_at: DateTime::UNIX_EPOCH,
                version: 1,
            });
        }
    }
    let parts = CatalogParts {
        communes,
        poles: vec![Pole {
            code: pole,
            name: "Pôle synthétique".to_owned(),
            kind: PoleKind::Sectoral,
            challenges: vec![],
        }],
        trades,
        operators: vec![operator],
        sites,
        programmes: vec![],
        offers,
        equipment_categories,
        equipment,
    };
    Catalog::build(parts)
        .unwrap_or_else(|e| unreachable!("a synthetic catalogue is consistent: {e}"))
}

/// Reads the real communes from the seed file (for tests and benchmarks
/// run from the workspace).
pub fn communes_from_seed_file(path: &std::path::Path) -> Vec<Commune> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let collection: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse: {e}"));
    collection["features"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|feature| {
            let properties = &feature["properties"];
            let nis = crate::codes::NisCode::parse(properties["nis"].as_str().unwrap_or_default())
                .unwrap_or_else(|e| panic!("{e}"));
            let boundary = crate::territory::parse_boundary(&feature["geometry"].to_string())
                .unwrap_or_else(|e| panic!("{e}"));
            Commune::new(
                nis,
                properties["name"].as_str().unwrap_or_default().to_owned(),
                properties["name_nl"].as_str().map(str::to_owned),
                boundary,
                vec![],
            )
            .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}
