//! Equipment items and categories, between rows and domain values: one
//! mapping each way, shared by the loader, the seeds and the write path.

use std::collections::HashMap;

use domain::codes::{CompetenceCode, TradeCode};
use domain::equipment::{
    EquipmentCategory, EquipmentCategoryCode, EquipmentId, EquipmentItem, Refrigerant, Sharing,
    SharingTerms,
};
use domain::operator::{OperatorId, SiteId};
use sea_orm::ActiveValue::Set;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::StorageError;
use crate::entities::{equipment_category, equipment_item, equipment_item_trade};

const ITEMS: &str = "equipment_items";
const CATEGORIES: &str = "equipment_categories";

/// The row of an item, `id`, `version` and `created_at` left for the caller.
pub(crate) fn item_row(item: &EquipmentItem) -> equipment_item::ActiveModel {
    let as_i32 = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    let terms = item.sharing.terms();
    equipment_item::ActiveModel {
        operator_id: Set(item.operator_id.0),
        site_id: Set(item.site_id.0),
        inventory_reference: Set(item.inventory_reference.clone()),
        name: Set(item.name.clone()),
        category_code: Set(item.category.as_str().to_owned()),
        brand: Set(item.brand.clone()),
        model: Set(item.model.clone()),
        quantity: Set(as_i32(item.quantity)),
        condition: Set(item.condition.code().to_owned()),
        year_acquired: Set(item.year_acquired),
        competence_codes: Set(item
            .competence_codes
            .iter()
            .map(CompetenceCode::as_str)
            .collect::<Vec<_>>()
            .join(",")),
        refrigerant: Set(item.refrigerant.as_ref().map(|r| r.as_str().to_owned())),
        notes: Set(item.notes.clone()),
        shareable: Set(terms.is_some()),
        supervision_required: Set(terms.map(|t| t.supervision_required)),
        sharing_prerequisite: Set(terms.and_then(|t| t.prerequisite.clone())),
        max_group_size: Set(terms.and_then(|t| t.max_group_size).map(as_i32)),
        cost_per_half_day_cents: Set(terms.map(|t| as_i32(t.cost_per_half_day_cents))),
        notice_days: Set(terms.map(|t| as_i32(t.notice_days))),
        is_public: Set(item.is_public),
        status: Set(item.status.code().to_owned()),
        is_demo: Set(item.is_demo),
        updated_at: Set(item.updated_at),
        ..Default::default()
    }
}

/// The links of an item to its trades.
pub(crate) fn trade_rows(item: &EquipmentItem) -> Vec<equipment_item_trade::ActiveModel> {
    item.trade_codes
        .iter()
        .map(|code| equipment_item_trade::ActiveModel {
            item_id: Set(item.id.0),
            trade_code: Set(code.as_str().to_owned()),
        })
        .collect()
}

/// Reads an item back; anything the domain refuses is corrupt.
pub(crate) fn item_from_row(
    row: equipment_item::Model,
    trade_codes: Vec<TradeCode>,
) -> Result<EquipmentItem, StorageError> {
    let id = row.id;
    let corrupt = |e: &dyn std::fmt::Display| StorageError::corrupt(ITEMS, id, e.to_string());
    let unsigned = |column: &str, v: i32| {
        u32::try_from(v).map_err(|_| corrupt(&format!("{column} is negative")))
    };
    let sharing = if row.shareable {
        Sharing::Shared(SharingTerms {
            supervision_required: row.supervision_required.unwrap_or(true),
            prerequisite: row.sharing_prerequisite,
            max_group_size: row
                .max_group_size
                .map(|v| unsigned("max_group_size", v))
                .transpose()?,
            cost_per_half_day_cents: unsigned(
                "cost_per_half_day_cents",
                row.cost_per_half_day_cents.unwrap_or(0),
            )?,
            notice_days: unsigned("notice_days", row.notice_days.unwrap_or(0))?,
        })
    } else {
        Sharing::NotShared
    };
    let competence_codes = row
        .competence_codes
        .split(',')
        .filter(|c| !c.is_empty())
        .map(|c| CompetenceCode::parse(c).map_err(|e| corrupt(&e)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(EquipmentItem {
        id: EquipmentId(id),
        operator_id: OperatorId(row.operator_id),
        site_id: SiteId(row.site_id),
        inventory_reference: row.inventory_reference,
        name: row.name,
        category: EquipmentCategoryCode::parse(&row.category_code).map_err(|e| corrupt(&e))?,
        brand: row.brand,
        model: row.model,
        quantity: unsigned("quantity", row.quantity)?,
        condition: row.condition.parse().map_err(|e| corrupt(&e))?,
        year_acquired: row.year_acquired,
        trade_codes,
        competence_codes,
        refrigerant: row
            .refrigerant
            .map(|r| Refrigerant::parse(&r).map_err(|e| corrupt(&e)))
            .transpose()?,
        notes: row.notes,
        sharing,
        is_public: row.is_public,
        status: row.status.parse().map_err(|e| corrupt(&e))?,
        is_demo: row.is_demo,
        updated_at: row.updated_at,
        version: row.version,
    })
}

/// The row of a category.
pub(crate) fn category_row(
    category: &EquipmentCategory,
    position: usize,
) -> equipment_category::ActiveModel {
    equipment_category::ActiveModel {
        code: Set(category.code.as_str().to_owned()),
        label: Set(category.label.clone()),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        trade_codes: Set(category
            .trade_codes
            .iter()
            .map(TradeCode::as_str)
            .collect::<Vec<_>>()
            .join(",")),
        uses_refrigerant: Set(category.uses_refrigerant),
        synonyms: Set(category.synonyms.join("\n")),
    }
}

/// Every category, in listing order.
pub(crate) async fn load_categories(
    db: &impl ConnectionTrait,
) -> Result<Vec<EquipmentCategory>, StorageError> {
    equipment_category::Entity::find()
        .order_by_asc(equipment_category::Column::Position)
        .order_by_asc(equipment_category::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let corrupt = |e: &dyn std::fmt::Display| {
                StorageError::corrupt(CATEGORIES, &row.code, e.to_string())
            };
            Ok(EquipmentCategory {
                code: EquipmentCategoryCode::parse(&row.code).map_err(|e| corrupt(&e))?,
                trade_codes: row
                    .trade_codes
                    .split(',')
                    .filter(|c| !c.is_empty())
                    .map(|c| TradeCode::parse(c).map_err(|e| corrupt(&e)))
                    .collect::<Result<_, _>>()?,
                label: row.label,
                uses_refrigerant: row.uses_refrigerant,
                synonyms: row
                    .synonyms
                    .lines()
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        })
        .collect()
}

/// Every item, retired ones included, in id order.
pub(crate) async fn load_items(
    db: &impl ConnectionTrait,
) -> Result<Vec<EquipmentItem>, StorageError> {
    let mut trades: HashMap<i64, Vec<TradeCode>> = HashMap::new();
    for row in equipment_item_trade::Entity::find()
        .order_by_asc(equipment_item_trade::Column::TradeCode)
        .all(db)
        .await?
    {
        let code = TradeCode::parse(&row.trade_code)
            .map_err(|e| StorageError::corrupt("equipment_item_trades", row.item_id, e))?;
        trades.entry(row.item_id).or_default().push(code);
    }
    equipment_item::Entity::find()
        .order_by_asc(equipment_item::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let trade_codes = trades.remove(&row.id).unwrap_or_default();
            item_from_row(row, trade_codes)
        })
        .collect()
}
