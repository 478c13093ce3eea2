//! Equipment items: created, edited, retired and restored by their
//! operator's partners. Whole inventories are imported over HTTP
//! (`POST /imports/equipment`), which calls the same application.

use app::equipment::{EquipmentChanges, EquipmentInput, SharingInput};
use app::ids;
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object};

use super::super::enums::EquipmentCondition;
use super::super::objects::EquipmentItem;
use super::{maybe, maybe_text, optional_text};
use crate::context::request;
use crate::error::{ApiResult, Located};

/// On what terms an item is lent to other operators' groups.
#[derive(InputObject, Debug, Clone)]
pub struct SharingTermsInput {
    /// A trainer of the owner must be present (true when left out).
    pub supervision_required: Option<bool>,
    /// The training or qualification the borrowing trainer must have (at most 500 characters).
    pub prerequisite: Option<String>,
    /// The largest group it takes at once (1 to 500).
    pub max_group_size: Option<i64>,
    /// What half a day costs, in euro cents; free when left out or 0.
    pub cost_per_half_day_cents: Option<i64>,
    /// How many days ahead a request must come (0 to 366; 7 when left out).
    pub notice_days: Option<i64>,
}

impl From<SharingTermsInput> for SharingInput {
    fn from(input: SharingTermsInput) -> Self {
        SharingInput {
            supervision_required: input.supervision_required,
            prerequisite: input.prerequisite,
            max_group_size: input.max_group_size,
            cost_per_half_day_cents: input.cost_per_half_day_cents,
            notice_days: input.notice_days,
        }
    }
}

/// A new equipment item at a site of its operator.
#[derive(InputObject, Debug)]
pub struct CreateEquipmentItemInput {
    /// The operator (global id).
    pub operator_id: ID,
    /// The site where it is (global id); it must be the operator's.
    pub site_id: ID,
    /// The owner's inventory reference, unique per operator; re-imports recognise the item by it.
    pub inventory_reference: Option<String>,
    /// Name (at most 200 characters).
    pub name: String,
    /// A category code from `equipmentCategories`.
    pub category: String,
    /// Brand (at most 100 characters).
    pub brand: Option<String>,
    /// Model (at most 100 characters).
    pub model: Option<String>,
    /// How many (1 to 10,000; 1 when left out).
    pub quantity: Option<i64>,
    /// Its state (GOOD when left out).
    pub condition: Option<EquipmentCondition>,
    /// The year it was acquired (1900 to this year).
    pub year_acquired: Option<i64>,
    /// Trade codes from `trades`, none twice; the category's trades when left out.
    pub trade_codes: Option<Vec<String>>,
    /// Competence unit codes it lets learners practise, none twice.
    pub competence_codes: Option<Vec<String>>,
    /// Its refrigerant ("R-32"), for the categories that use one.
    pub refrigerant: Option<String>,
    /// Remarks (at most 2,000 characters).
    pub notes: Option<String>,
    /// How it is shared; not shared when left out.
    pub sharing: Option<SharingTermsInput>,
    /// Shown to the public (true when left out).
    pub is_public: Option<bool>,
}

/// Changes to an item: fields left out stay as they are; `null` clears an optional one
/// (`sharing: null` stops sharing it).
#[derive(InputObject, Debug)]
pub struct UpdateEquipmentItemInput {
    /// The site where it is (global id); it must be the operator's.
    pub site_id: Option<ID>,
    /// The owner's inventory reference.
    pub inventory_reference: MaybeUndefined<String>,
    /// Name.
    pub name: Option<String>,
    /// A category code from `equipmentCategories`.
    pub category: Option<String>,
    /// Brand.
    pub brand: MaybeUndefined<String>,
    /// Model.
    pub model: MaybeUndefined<String>,
    /// How many (1 to 10,000).
    pub quantity: Option<i64>,
    /// Its state.
    pub condition: Option<EquipmentCondition>,
    /// The year it was acquired.
    pub year_acquired: MaybeUndefined<i64>,
    /// Trade codes from `trades`, at least one, none twice.
    pub trade_codes: Option<Vec<String>>,
    /// Competence unit codes, none twice.
    pub competence_codes: Option<Vec<String>>,
    /// Its refrigerant.
    pub refrigerant: MaybeUndefined<String>,
    /// Remarks.
    pub notes: MaybeUndefined<String>,
    /// How it is shared; `null` stops sharing it.
    pub sharing: MaybeUndefined<SharingTermsInput>,
    /// Shown to the public.
    pub is_public: Option<bool>,
}

/// Writes to equipment inventories.
#[derive(Debug, Default)]
pub struct EquipmentMutation;

/// Writes to equipment inventories.
#[Object]
impl EquipmentMutation {
    /// Adds an item to an operator's inventory.
    async fn create_equipment_item(
        &self,
        ctx: &Context<'_>,
        input: CreateEquipmentItemInput,
    ) -> ApiResult<EquipmentItem> {
        let context = request(ctx);
        let item = EquipmentInput {
            operator: ids::parse_operator_id(&input.operator_id, "operatorId").at("input")?,
            site: ids::parse_site_id(&input.site_id, "siteId").at("input")?,
            inventory_reference: optional_text(input.inventory_reference),
            name: input.name,
            category: input.category,
            brand: optional_text(input.brand),
            model: optional_text(input.model),
            quantity: input.quantity,
            condition: input.condition.map(Into::into),
            year_acquired: input.year_acquired,
            trade_codes: input.trade_codes,
            competence_codes: input.competence_codes.unwrap_or_default(),
            refrigerant: optional_text(input.refrigerant),
            notes: optional_text(input.notes),
            sharing: input.sharing.map(Into::into),
            is_public: input.is_public,
        };
        let item = app::equipment::create_equipment(&context.app, &context.viewer, item)
            .await
            .at("input")?;
        context.saw_write();
        Ok(EquipmentItem(item))
    }

    /// Changes an item, if it is still at `version`; CONFLICT otherwise.
    async fn update_equipment_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The item (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
        input: UpdateEquipmentItemInput,
    ) -> ApiResult<EquipmentItem> {
        let context = request(ctx);
        let id = ids::parse_equipment_id(&id, "id").located()?;
        let changes = EquipmentChanges {
            site: input
                .site_id
                .map(|site| ids::parse_site_id(&site, "siteId"))
                .transpose()
                .at("input")?,
            inventory_reference: maybe_text(input.inventory_reference),
            name: input.name,
            category: input.category,
            brand: maybe_text(input.brand),
            model: maybe_text(input.model),
            quantity: input.quantity,
            condition: input.condition.map(Into::into),
            year_acquired: maybe(input.year_acquired),
            trade_codes: input.trade_codes,
            competence_codes: input.competence_codes,
            refrigerant: maybe_text(input.refrigerant),
            notes: maybe_text(input.notes),
            sharing: maybe(input.sharing).map(|terms| terms.map(Into::into)),
            is_public: input.is_public,
        };
        let item =
            app::equipment::update_equipment(&context.app, &context.viewer, id, version, changes)
                .await
                .at("input")?;
        context.saw_write();
        Ok(EquipmentItem(item))
    }

    /// Takes an item out of the inventory (sold, scrapped): only its owner sees it any more; it
    /// stays for history and indicators.
    async fn retire_equipment_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The item (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
    ) -> ApiResult<EquipmentItem> {
        let context = request(ctx);
        let id = ids::parse_equipment_id(&id, "id").located()?;
        let item = app::equipment::retire_equipment(&context.app, &context.viewer, id, version)
            .await
            .at("input")?;
        context.saw_write();
        Ok(EquipmentItem(item))
    }

    /// Brings a retired item back into the inventory.
    async fn restore_equipment_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The item (global id).")] id: ID,
        #[graphql(desc = "The `version` the change is based on.")] version: i64,
    ) -> ApiResult<EquipmentItem> {
        let context = request(ctx);
        let id = ids::parse_equipment_id(&id, "id").located()?;
        let item = app::equipment::restore_equipment(&context.app, &context.viewer, id, version)
            .await
            .at("input")?;
        context.saw_write();
        Ok(EquipmentItem(item))
    }
}
