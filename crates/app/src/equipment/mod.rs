//! Equipment inventories: partners create, edit, retire and restore their
//! operator's items one by one or import a whole spreadsheet (`import`);
//! everyone searches the public inventory (`search`) and exports it
//! (`export`), with the same columns the import reads (`columns`).

pub mod columns;
pub mod export;
pub mod import;
pub mod search;

use chrono::Datelike;
use domain::catalog::Catalog;
use domain::codes::CompetenceCode;
use domain::equipment::{
    CategoryMatch, EquipmentCategoryCode, EquipmentCondition, EquipmentDraft, EquipmentId,
    EquipmentItem, EquipmentPatch, EquipmentStatus, NewEquipment, Refrigerant, Sharing,
    SharingTerms,
};
use domain::operator::{OperatorId, SiteId};
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject};
use domain::sets::first_repeated;

use crate::partners::{actor, authorise_edit};
use crate::viewer::Viewer;
use crate::{App, AppError, AppResult};

/// A new item as a partner writes it, codes not yet checked.
#[derive(Debug, Clone)]
pub struct EquipmentInput {
    pub operator: OperatorId,
    pub site: SiteId,
    pub inventory_reference: Option<String>,
    pub name: String,
    /// A category code of the vocabulary.
    pub category: String,
    pub brand: Option<String>,
    pub model: Option<String>,
    /// 1 when absent.
    pub quantity: Option<i64>,
    /// GOOD when absent.
    pub condition: Option<EquipmentCondition>,
    pub year_acquired: Option<i64>,
    /// The category's trades when absent.
    pub trade_codes: Option<Vec<String>>,
    pub competence_codes: Vec<String>,
    pub refrigerant: Option<String>,
    pub notes: Option<String>,
    /// Not shared when absent.
    pub sharing: Option<SharingInput>,
    /// Public when absent.
    pub is_public: Option<bool>,
}

/// Sharing terms as a partner writes them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SharingInput {
    /// Required when absent.
    pub supervision_required: Option<bool>,
    pub prerequisite: Option<String>,
    pub max_group_size: Option<i64>,
    /// Free when absent.
    pub cost_per_half_day_cents: Option<i64>,
    /// [`DEFAULT_NOTICE_DAYS`] when absent.
    pub notice_days: Option<i64>,
}

/// The notice a shared item asks for when its owner says nothing.
pub const DEFAULT_NOTICE_DAYS: u32 = 7;

/// Changes to an item: `None` leaves a field as it is, `Some(None)` clears
/// an optional one; `sharing: Some(None)` stops sharing it.
#[derive(Debug, Clone, Default)]
pub struct EquipmentChanges {
    pub site: Option<SiteId>,
    pub inventory_reference: Option<Option<String>>,
    pub name: Option<String>,
    pub category: Option<String>,
    pub brand: Option<Option<String>>,
    pub model: Option<Option<String>>,
    pub quantity: Option<i64>,
    pub condition: Option<EquipmentCondition>,
    pub year_acquired: Option<Option<i64>>,
    pub trade_codes: Option<Vec<String>>,
    pub competence_codes: Option<Vec<String>>,
    pub refrigerant: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    pub sharing: Option<Option<SharingInput>>,
    pub is_public: Option<bool>,
}

/// This year in Belgium, which bounds years of acquisition.
pub(crate) fn this_year(app: &App) -> i32 {
    app.settings()
        .clock
        .now()
        .with_timezone(&chrono_tz::Europe::Brussels)
        .year()
}

/// Reads a category code of the vocabulary.
pub(crate) fn category_code(
    catalog: &Catalog,
    raw: &str,
    field: &str,
) -> AppResult<EquipmentCategoryCode> {
    EquipmentCategoryCode::parse(raw)
        .ok()
        .filter(|code| catalog.equipment_vocabulary().get(code).is_some())
        .ok_or_else(|| {
            AppError::bad_input(
                field,
                "is not an equipment category code; the `equipmentCategories` query lists them",
            )
        })
}

/// Reads a category as people write it: its code, label, a synonym or a
/// close spelling. Returns the code and, for a close spelling, what it was
/// read as.
pub(crate) fn written_category(
    catalog: &Catalog,
    written: &str,
) -> Result<(EquipmentCategoryCode, Option<String>), String> {
    let vocabulary = catalog.equipment_vocabulary();
    let label = |code: &EquipmentCategoryCode| {
        vocabulary
            .get(code)
            .map_or_else(|| code.to_string(), |c| c.label.clone())
    };
    match vocabulary.find(written) {
        CategoryMatch::Exact(code) => Ok((code, None)),
        CategoryMatch::Close { key, name } => {
            let read_as = format!("read as '{}' (close to '{name}')", label(&key));
            Ok((key, Some(read_as)))
        }
        CategoryMatch::Ambiguous(codes) => Err(format!(
            "could be any of {}; write the category's code or full label",
            codes
                .iter()
                .map(|c| format!("'{}' ({c})", label(c)))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        CategoryMatch::Unknown => Err(
            "is not a category of the vocabulary; write a code or label of the `equipmentCategories` list (GET /exports/equipment-categories.csv)"
                .to_owned(),
        ),
    }
}

/// Reads competence codes, each once.
pub(crate) fn competence_codes(raw: &[String], field: &str) -> AppResult<Vec<CompetenceCode>> {
    let codes = raw
        .iter()
        .enumerate()
        .map(|(i, code)| {
            CompetenceCode::parse(code).map_err(|e| AppError::bad_input(format!("{field}[{i}]"), e))
        })
        .collect::<AppResult<Vec<_>>>()?;
    if let Some(i) = first_repeated(&codes) {
        return Err(AppError::bad_input(
            format!("{field}[{i}]"),
            "names a competence already in the list",
        ));
    }
    Ok(codes)
}

fn refrigerant(raw: Option<&str>) -> AppResult<Option<Refrigerant>> {
    raw.map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| Refrigerant::parse(r).map_err(|e| AppError::bad_input("refrigerant", e)))
        .transpose()
}

/// A count that must fit the domain's unsigned fields; a negative one is
/// refused naming the field.
fn unsigned(value: i64, field: &str) -> AppResult<u64> {
    u64::try_from(value)
        .map_err(|_| AppError::bad_input(field, format!("must not be negative, got {value}")))
}

fn small(value: i64, field: &str) -> AppResult<u32> {
    let value = unsigned(value, field)?;
    u32::try_from(value)
        .map_err(|_| AppError::bad_input(field, format!("is far too large ({value})")))
}

/// Sharing terms from a partner's input.
pub(crate) fn sharing(input: Option<SharingInput>) -> AppResult<Sharing> {
    let Some(input) = input else {
        return Ok(Sharing::NotShared);
    };
    Ok(Sharing::Shared(SharingTerms {
        supervision_required: input.supervision_required.unwrap_or(true),
        prerequisite: input
            .prerequisite
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()),
        max_group_size: input
            .max_group_size
            .map(|s| small(s, "sharing.maxGroupSize"))
            .transpose()?,
        cost_per_half_day_cents: input
            .cost_per_half_day_cents
            .map(|c| small(c, "sharing.costPerHalfDayCents"))
            .transpose()?
            .unwrap_or(0),
        notice_days: input
            .notice_days
            .map(|d| small(d, "sharing.noticeDays"))
            .transpose()?
            .unwrap_or(DEFAULT_NOTICE_DAYS),
    }))
}

/// The trades of an item: those given, or its category's.
fn item_trades(
    catalog: &Catalog,
    category: &EquipmentCategoryCode,
    given: Option<&[String]>,
) -> AppResult<Vec<domain::codes::TradeCode>> {
    match given {
        Some(codes) => crate::partners::offers::trade_codes(catalog, codes),
        None => Ok(catalog
            .equipment_vocabulary()
            .get(category)
            .map(|c| c.trade_codes.clone())
            .unwrap_or_default()),
    }
}

/// Creates an item of an operator, at one of its sites.
pub async fn create_equipment(
    app: &App,
    viewer: &Viewer,
    input: EquipmentInput,
) -> AppResult<EquipmentItem> {
    authorise_edit(app, viewer, AuditedObject::Operator, input.operator.0).await?;
    let catalog = app.catalog();
    let category = category_code(&catalog, &input.category, "category")?;
    let draft = EquipmentDraft {
        operator_id: input.operator,
        site_id: input.site,
        inventory_reference: input.inventory_reference,
        name: input.name,
        trade_codes: item_trades(&catalog, &category, input.trade_codes.as_deref())?,
        category,
        brand: input.brand,
        model: input.model,
        quantity: unsigned(input.quantity.unwrap_or(1), "quantity")?,
        condition: input.condition.unwrap_or(EquipmentCondition::Good),
        year_acquired: input.year_acquired,
        competence_codes: competence_codes(&input.competence_codes, "competenceCodes")?,
        refrigerant: refrigerant(input.refrigerant.as_deref())?,
        notes: input.notes,
        sharing: sharing(input.sharing)?,
        is_public: input.is_public.unwrap_or(true),
    };
    let new = NewEquipment::parse(draft, catalog.equipment_vocabulary(), this_year(app))
        .map_err(Rejection::from)?;
    let item = app.store().create_equipment(&actor(viewer), new).await?;
    app.after_write().await;
    Ok(item)
}

/// Changes an item, if it is still at `version`.
pub async fn update_equipment(
    app: &App,
    viewer: &Viewer,
    id: EquipmentId,
    version: i64,
    changes: EquipmentChanges,
) -> AppResult<EquipmentItem> {
    authorise_edit(app, viewer, AuditedObject::Equipment, id.0).await?;
    let catalog = app.catalog();
    let category = changes
        .category
        .as_deref()
        .map(|raw| category_code(&catalog, raw, "category"))
        .transpose()?;
    let patch = EquipmentPatch {
        site_id: changes.site,
        inventory_reference: changes.inventory_reference,
        name: changes.name,
        category,
        brand: changes.brand,
        model: changes.model,
        quantity: changes
            .quantity
            .map(|q| unsigned(q, "quantity"))
            .transpose()?,
        condition: changes.condition,
        year_acquired: changes.year_acquired,
        trade_codes: changes
            .trade_codes
            .map(|codes| crate::partners::offers::trade_codes(&catalog, &codes))
            .transpose()?,
        competence_codes: changes
            .competence_codes
            .map(|codes| competence_codes(&codes, "competenceCodes"))
            .transpose()?,
        refrigerant: changes
            .refrigerant
            .map(|r| refrigerant(r.as_deref()))
            .transpose()?,
        notes: changes.notes,
        sharing: changes.sharing.map(sharing).transpose()?,
        is_public: changes.is_public,
    };
    let year = this_year(app);
    edit_equipment(app, viewer, id, version, move |item| {
        patch
            .apply_to(item, catalog.equipment_vocabulary(), year)
            .map_err(Rejection::from)?;
        Ok(AuditAction::Update)
    })
    .await
}

/// Takes an item out of the inventory (sold, scrapped): nobody but its
/// owner sees it any more; it stays for history and indicators.
pub async fn retire_equipment(
    app: &App,
    viewer: &Viewer,
    id: EquipmentId,
    version: i64,
) -> AppResult<EquipmentItem> {
    move_equipment(app, viewer, id, version, EquipmentStatus::Retired).await
}

/// Brings a retired item back into the inventory.
pub async fn restore_equipment(
    app: &App,
    viewer: &Viewer,
    id: EquipmentId,
    version: i64,
) -> AppResult<EquipmentItem> {
    move_equipment(app, viewer, id, version, EquipmentStatus::Active).await
}

async fn move_equipment(
    app: &App,
    viewer: &Viewer,
    id: EquipmentId,
    version: i64,
    status: EquipmentStatus,
) -> AppResult<EquipmentItem> {
    authorise_edit(app, viewer, AuditedObject::Equipment, id.0).await?;
    edit_equipment(app, viewer, id, version, move |item| {
        item.status = status;
        Ok(match status {
            EquipmentStatus::Retired => AuditAction::Retire,
            EquipmentStatus::Active => AuditAction::Restore,
        })
    })
    .await
}

async fn edit_equipment(
    app: &App,
    viewer: &Viewer,
    id: EquipmentId,
    version: i64,
    edit: impl FnOnce(&mut EquipmentItem) -> Result<AuditAction, Rejection>,
) -> AppResult<EquipmentItem> {
    let item = app
        .store()
        .update_equipment(&actor(viewer), id, version, edit)
        .await?;
    app.after_write().await;
    Ok(item)
}

/// An item by id as the viewer may see it: public items of the inventory
/// for everyone; private and retired ones only for their operator's
/// partners and admins — to everyone else the id is unknown.
pub fn visible_item<'a>(
    catalog: &'a Catalog,
    viewer: &Viewer,
    id: EquipmentId,
) -> Option<&'a EquipmentItem> {
    catalog.equipment_item(id).filter(|item| {
        item.is_publicly_listed()
            || crate::policy::allow(
                viewer,
                crate::policy::Action::ReadUnpublished(item.operator_id),
            )
            .is_ok()
    })
}

/// Whether the viewer sees an item's owner-only fields (its inventory
/// reference and notes): its operator's partners and admins do; the public
/// export and the map leave them out too.
pub fn shows_owner_fields(viewer: &Viewer, item: &EquipmentItem) -> bool {
    crate::policy::allow(
        viewer,
        crate::policy::Action::ReadUnpublished(item.operator_id),
    )
    .is_ok()
}

/// Every item of an operator, private and retired ones included (its
/// partners and admins only), in category-and-name order.
pub fn all_items_of_operator<'a>(
    catalog: &'a Catalog,
    viewer: &Viewer,
    operator: OperatorId,
    status: Option<EquipmentStatus>,
) -> AppResult<Vec<&'a EquipmentItem>> {
    crate::policy::allow(viewer, crate::policy::Action::ReadUnpublished(operator))?;
    Ok(catalog
        .equipment_of_operator(operator, true)
        .into_iter()
        .filter(|item| status.is_none_or(|s| item.status == s))
        .collect())
}
