//! Equipment: the vocabulary of categories (`seeds/equipment-categories.json`,
//! Wapi Synergies' own, loaded with every install) and the invented demo
//! inventories (`seeds/demo-equipment.json`, loaded with the demo data set,
//! at the demo operators' sites). Every item goes through the same domain
//! rules as a partner's.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Utc};
use domain::codes::{CompetenceCode, TradeCode};
use domain::equipment::{
    EquipmentCategory, EquipmentCategoryCode, EquipmentDraft, EquipmentVocabulary, NewEquipment,
    Refrigerant, Sharing, SharingTerms,
};
use domain::operator::{OperatorId, SiteId};
use sea_orm::ActiveValue::Set;
use sea_orm::{DatabaseTransaction, EntityTrait};
use serde::Deserialize;

use super::insert_in_batches;
use crate::StorageError;
use crate::entities::{equipment_item, equipment_item_trade, operator, site};
use crate::equipment_rows::{category_row, item_row, trade_rows};

pub(super) const CATEGORIES_DATASET: &str = "equipment-categories";
pub(super) const CATEGORIES_VERSION: i32 = 1;
pub(super) const DEMO_DATASET: &str = "wapi-demo-equipment";
pub(super) const DEMO_VERSION: i32 = 1;

const CATEGORIES_FILE: &str = "seeds/equipment-categories.json";
const CATEGORIES: &str = include_str!("../../../../seeds/equipment-categories.json");
const DEMO_FILE: &str = "seeds/demo-equipment.json";
const DEMO: &str = include_str!("../../../../seeds/demo-equipment.json");

/// When the demo inventories were "last updated".
const DEMO_EPOCH: &str = "2026-09-01T08:00:00Z";

#[derive(Deserialize)]
struct CategoriesFile {
    categories: Vec<CategoryRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryRecord {
    code: String,
    label: String,
    trades: Vec<String>,
    refrigerant: bool,
    synonyms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    dataset: String,
    version: i32,
    #[allow(dead_code)]
    note: String,
    items: Vec<ItemRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ItemRecord {
    operator: String,
    site: String,
    reference: Option<String>,
    name: String,
    category: String,
    brand: Option<String>,
    model: Option<String>,
    quantity: u64,
    condition: String,
    year_acquired: Option<i64>,
    trades: Vec<String>,
    competences: Vec<String>,
    refrigerant: Option<String>,
    notes: Option<String>,
    sharing: Option<SharingRecord>,
    is_public: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct SharingRecord {
    supervision_required: bool,
    prerequisite: Option<String>,
    max_group_size: Option<u32>,
    cost_per_half_day_cents: u32,
    notice_days: u32,
}

/// The vocabulary as the seed file gives it.
pub(crate) fn categories() -> Result<Vec<EquipmentCategory>, StorageError> {
    let error = |message: String| StorageError::seed(CATEGORIES_FILE, message);
    let file: CategoriesFile =
        serde_json::from_str(CATEGORIES).map_err(|e| error(e.to_string()))?;
    file.categories
        .into_iter()
        .map(|record| {
            Ok(EquipmentCategory {
                code: EquipmentCategoryCode::parse(&record.code)
                    .map_err(|e| error(e.to_string()))?,
                trade_codes: record
                    .trades
                    .iter()
                    .map(|t| TradeCode::parse(t).map_err(|e| error(e.to_string())))
                    .collect::<Result<_, _>>()?,
                label: record.label,
                uses_refrigerant: record.refrigerant,
                synonyms: record.synonyms,
            })
        })
        .collect()
}

pub(super) async fn insert_categories(txn: &DatabaseTransaction) -> Result<String, StorageError> {
    let categories = categories()?;
    let count = categories.len();
    insert_in_batches(
        txn,
        categories
            .iter()
            .enumerate()
            .map(|(position, category)| category_row(category, position))
            .collect(),
    )
    .await?;
    Ok(format!("{count} equipment categories"))
}

pub(super) async fn insert_demo(txn: &DatabaseTransaction) -> Result<String, StorageError> {
    let error = |message: String| StorageError::seed(DEMO_FILE, message);
    let file: DemoFile = serde_json::from_str(DEMO).map_err(|e| error(e.to_string()))?;
    if file.dataset != DEMO_DATASET || file.version != DEMO_VERSION {
        return Err(error(format!(
            "expected data set {DEMO_DATASET} version {DEMO_VERSION}, found {} version {}",
            file.dataset, file.version
        )));
    }
    let vocabulary = EquipmentVocabulary::new(categories()?);
    let operators: HashMap<String, i64> = operator::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|row| (row.code, row.id))
        .collect();
    let sites: HashMap<(i64, String), i64> = site::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|row| ((row.operator_id, row.reference), row.id))
        .collect();
    let updated_at: DateTime<Utc> = DEMO_EPOCH.parse().map_err(|e| error(format!("{e}")))?;
    let this_year = Utc::now().year();
    let mut trade_links = Vec::new();
    let count = file.items.len();
    for (i, record) in file.items.into_iter().enumerate() {
        let at = |message: String| error(format!("item {i}: {message}"));
        let operator_id = *operators
            .get(&record.operator)
            .ok_or_else(|| at(format!("unknown operator {}", record.operator)))?;
        let site_id = *sites
            .get(&(operator_id, record.site.clone()))
            .ok_or_else(|| at(format!("unknown site {}", record.site)))?;
        let draft = EquipmentDraft {
            operator_id: OperatorId(operator_id),
            site_id: SiteId(site_id),
            inventory_reference: record.reference,
            name: record.name,
            category: EquipmentCategoryCode::parse(&record.category)
                .map_err(|e| at(e.to_string()))?,
            brand: record.brand,
            model: record.model,
            quantity: record.quantity,
            condition: record.condition.parse().map_err(|e| at(format!("{e}")))?,
            year_acquired: record.year_acquired,
            trade_codes: record
                .trades
                .iter()
                .map(|t| TradeCode::parse(t).map_err(|e| at(e.to_string())))
                .collect::<Result<_, _>>()?,
            competence_codes: record
                .competences
                .iter()
                .map(|c| CompetenceCode::parse(c).map_err(|e| at(e.to_string())))
                .collect::<Result<_, _>>()?,
            refrigerant: record
                .refrigerant
                .map(|r| Refrigerant::parse(&r).map_err(|e| at(e.to_string())))
                .transpose()?,
            notes: record.notes,
            sharing: match record.sharing {
                None => Sharing::NotShared,
                Some(terms) => Sharing::Shared(SharingTerms {
                    supervision_required: terms.supervision_required,
                    prerequisite: terms.prerequisite,
                    max_group_size: terms.max_group_size,
                    cost_per_half_day_cents: terms.cost_per_half_day_cents,
                    notice_days: terms.notice_days,
                }),
            },
            is_public: record.is_public,
        };
        let mut item = NewEquipment::parse(draft, &vocabulary, this_year)
            .map_err(|e| at(e.to_string()))?
            .as_demo()
            .into_item();
        item.updated_at = updated_at;
        let mut row = item_row(&item);
        row.version = Set(1);
        row.created_at = Set(updated_at);
        item.id.0 = equipment_item::Entity::insert(row)
            .exec(txn)
            .await?
            .last_insert_id;
        trade_links.extend(trade_rows(&item));
    }
    insert_in_batches::<equipment_item_trade::ActiveModel>(txn, trade_links).await?;
    Ok(format!("{count} equipment items"))
}
