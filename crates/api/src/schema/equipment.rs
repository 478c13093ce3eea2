//! Equipment inventories: items, their sharing terms, the vocabulary of
//! categories, and the search of the public inventory.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use app::ids::NodeType;

use super::connections::{EquipmentConnection, EquipmentEdge, PageInfo, total_count};
use super::enums::{EquipmentCondition, EquipmentOrder, EquipmentStatus};
use super::inputs::EquipmentFilter;
use super::objects::{EquipmentCategory, EquipmentItem, Operator, Site, Trade, node_id};
use crate::context::{catalog, request, snapshot};
use crate::cost;
use crate::error::{ApiResult, Located};

fn int(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// A piece of equipment at an operator's site: a training bench, a machine, a diagnostic station…
#[Object]
impl EquipmentItem {
    /// Global id, for `node(id:)`.
    pub async fn id(&self) -> ID {
        node_id(NodeType::EquipmentItem, self.0.id.0)
    }

    /// Name, as its owner writes it.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Its category in the vocabulary.
    async fn category(&self, ctx: &Context<'_>) -> Option<EquipmentCategory> {
        catalog(ctx)
            .equipment_vocabulary()
            .get(&self.0.category)
            .cloned()
            .map(EquipmentCategory)
    }

    /// Brand, if known.
    async fn brand(&self) -> Option<&str> {
        self.0.brand.as_deref()
    }

    /// Model, if known.
    async fn model(&self) -> Option<&str> {
        self.0.model.as_deref()
    }

    /// How many the site has.
    async fn quantity(&self) -> i32 {
        int(self.0.quantity)
    }

    /// The state it is in.
    async fn condition(&self) -> EquipmentCondition {
        self.0.condition.into()
    }

    /// The year it was acquired, if known.
    async fn year_acquired(&self) -> Option<i32> {
        self.0.year_acquired
    }

    /// The trades it serves.
    #[graphql(complexity = "cost::list(cost::TRADES_PER_ITEM, child_complexity)")]
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

    /// The codes of the competence units it lets learners practise.
    async fn competence_codes(&self) -> Vec<&str> {
        self.0.competence_codes.iter().map(|c| c.as_str()).collect()
    }

    /// Its refrigerant (ISO 817, "R-32"), for the categories that use one.
    async fn refrigerant(&self) -> Option<&str> {
        self.0.refrigerant.as_ref().map(|r| r.as_str())
    }

    /// Remarks of its owner; only for its partners and admins (null for others).
    async fn notes(&self, ctx: &Context<'_>) -> Option<&str> {
        app::equipment::shows_owner_fields(&request(ctx).viewer, &self.0)
            .then_some(self.0.notes.as_deref())
            .flatten()
    }

    /// Whether its owner lends it to other operators' groups.
    async fn shareable(&self) -> bool {
        self.0.sharing.terms().is_some()
    }

    /// Whether another operator may ask for it now: shared, in the inventory and in working order.
    async fn available_for_sharing(&self) -> bool {
        self.0.is_available_for_sharing()
    }

    /// On what terms it is lent; null when it is not shared.
    async fn sharing(&self) -> Option<SharingTerms> {
        self.0.sharing.terms().map(|t| SharingTerms {
            supervision_required: t.supervision_required,
            prerequisite: t.prerequisite.clone(),
            max_group_size: t.max_group_size.map(int),
            cost_per_half_day_cents: int(t.cost_per_half_day_cents),
            free: t.cost_per_half_day_cents == 0,
            notice_days: int(t.notice_days),
        })
    }

    /// The operator that owns it.
    async fn operator(&self, ctx: &Context<'_>) -> Option<Operator> {
        catalog(ctx)
            .operator(self.0.operator_id)
            .cloned()
            .map(Operator)
    }

    /// The site where it is.
    async fn site(&self, ctx: &Context<'_>) -> Option<Site> {
        catalog(ctx).site(self.0.site_id).cloned().map(Site)
    }

    /// The owner's inventory reference; only for its partners and admins (null for others).
    async fn inventory_reference(&self, ctx: &Context<'_>) -> Option<&str> {
        app::equipment::shows_owner_fields(&request(ctx).viewer, &self.0)
            .then_some(self.0.inventory_reference.as_deref())
            .flatten()
    }

    /// Shown to the public; private items are seen only by their owner's partners and admins.
    async fn is_public(&self) -> bool {
        self.0.is_public
    }

    /// ACTIVE, or RETIRED (seen only by its owner's partners and admins).
    async fn status(&self) -> EquipmentStatus {
        self.0.status.into()
    }

    /// True for invented demonstration data.
    async fn is_demo(&self) -> bool {
        self.0.is_demo
    }

    /// When the item last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// Raised by one on every change; send it back with an update, which is refused with
    /// CONFLICT when someone changed the object in between.
    async fn version(&self) -> i64 {
        self.0.version
    }
}

/// On what terms an item is lent to other operators' groups.
#[derive(SimpleObject, Debug, Clone)]
pub struct SharingTerms {
    /// A trainer of the owner must be present.
    pub supervision_required: bool,
    /// The training or qualification the borrowing trainer must have.
    pub prerequisite: Option<String>,
    /// The largest group it takes at once.
    pub max_group_size: Option<i32>,
    /// What half a day costs, in euro cents.
    pub cost_per_half_day_cents: i32,
    /// Whether it is lent free of charge.
    pub free: bool,
    /// How many days ahead a request must come.
    pub notice_days: i32,
}

/// A category of the equipment vocabulary of the Installation & Maintenance pole.
#[Object]
impl EquipmentCategory {
    /// Stable code, for filters and imports ("REFRIGERATION_RIG").
    async fn code(&self) -> &str {
        self.0.code.as_str()
    }

    /// French label.
    async fn label(&self) -> &str {
        &self.0.label
    }

    /// The trades its equipment serves, most typical first.
    #[graphql(complexity = "cost::list(cost::TRADES_PER_ITEM, child_complexity)")]
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

    /// Whether its items work with a refrigerant, which they then name.
    async fn uses_refrigerant(&self) -> bool {
        self.0.uses_refrigerant
    }

    /// Other words inventories use for it (the spreadsheet import reads them).
    async fn synonyms(&self) -> &[String] {
        &self.0.synonyms
    }
}

/// The public equipment inventory, searched.
#[derive(Debug, Default)]
pub struct EquipmentQuery;

/// The public equipment inventory, searched.
#[Object]
impl EquipmentQuery {
    /// The equipment categories, in the order they are listed to people.
    #[graphql(complexity = "cost::list(cost::EQUIPMENT_CATEGORIES, child_complexity)")]
    async fn equipment_categories(&self, ctx: &Context<'_>) -> Vec<EquipmentCategory> {
        catalog(ctx)
            .equipment_vocabulary()
            .categories()
            .iter()
            .cloned()
            .map(EquipmentCategory)
            .collect()
    }

    /// Public equipment of the inventory matching the filter, in the requested order, a page at a
    /// time ("sites with a refrigeration rig within 45 minutes by bus from Lessines" is one query).
    #[graphql(complexity = "cost::page(first, 20, 100, child_complexity)")]
    async fn equipment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which items; every public item when absent.")] filter: Option<
            EquipmentFilter,
        >,
        #[graphql(desc = "Sort order (default CATEGORY).")] order_by: Option<EquipmentOrder>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(
            desc = "Cursor after which the page starts (`pageInfo.endCursor` of the previous page)."
        )]
        after: Option<String>,
    ) -> ApiResult<EquipmentConnection> {
        let order = order_by.unwrap_or_default().into();
        let (filter, reachable) = filter.unwrap_or_default().split()?;
        let page = app::equipment::search::equipment(
            snapshot(ctx),
            app::equipment::search::EquipmentSearch {
                filter,
                reachable,
                order,
                first,
                after,
            },
        )
        .located()?;
        let cursor = |p: &_| app::ids::equipment_cursor(order, p);
        Ok(EquipmentConnection {
            page_info: PageInfo::of(&page, cursor),
            total_count: total_count(page.total_count),
            edges: page
                .items
                .into_iter()
                .map(|(hit, position)| EquipmentEdge {
                    cursor: cursor(&position),
                    node: EquipmentItem(hit.item.clone()),
                    distance_meters: hit.distance_meters,
                    travel_minutes: hit.travel_minutes.map(int),
                })
                .collect(),
        })
    }
}
