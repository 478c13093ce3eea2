//! Operators and their sites.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use app::ids::NodeType;

use super::connections::{OperatorConnection, OperatorEdge, PageInfo, total_count};
use super::enums::{EquipmentStatus, OfferStatus, OperatorKind};
use super::inputs::OperatorFilter;
use super::objects::{Commune, EquipmentItem, GeoPoint, Offer, Operator, Site, node_id};
use super::transit::StopDistance;
use crate::context::{catalog, request, snapshot};
use crate::cost;
use crate::error::{ApiResult, Located};

/// An organisation that publishes offers: a school, a training centre, a company…
#[Object]
impl Operator {
    /// Global id, for `node(id:)`.
    pub async fn id(&self) -> ID {
        node_id(NodeType::Operator, self.0.id.0)
    }

    /// Stable code chosen at creation, for example "tournai-ecole-technique-du-marais".
    async fn code(&self) -> &str {
        self.0.code.as_str()
    }

    /// Name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What kind of organisation it is.
    async fn kind(&self) -> OperatorKind {
        self.0.kind.into()
    }

    /// Presentation, in French.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// Public website.
    async fn website(&self) -> Option<&str> {
        self.0.website.as_ref().map(|w| w.as_str())
    }

    /// Public contact e-mail address of the organisation.
    async fn email(&self) -> Option<&str> {
        self.0.email.as_ref().map(|e| e.as_str())
    }

    /// Public phone number of the organisation.
    async fn phone(&self) -> Option<&str> {
        self.0.phone.as_ref().map(|p| p.written())
    }

    /// True for invented demonstration data, not a real organisation.
    async fn is_demo(&self) -> bool {
        self.0.is_demo
    }

    /// When the operator's details last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// The places where it receives people (at most 100).
    #[graphql(complexity = "cost::page(first, 100, 100, child_complexity)")]
    async fn sites(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many, 0 to 100 (default 100).")] first: Option<i32>,
    ) -> ApiResult<Vec<Site>> {
        let count = list_size(first)?;
        Ok(catalog(ctx)
            .sites_of(self.0.id)
            .into_iter()
            .take(count)
            .cloned()
            .map(Site)
            .collect())
    }

    /// Its published offers, soonest start first (at most 100; `offers(filter: {operatorIds})`
    /// pages through all of them).
    #[graphql(complexity = "cost::page(first, 100, 100, child_complexity)")]
    async fn offers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many, 0 to 100 (default 100).")] first: Option<i32>,
    ) -> ApiResult<Vec<Offer>> {
        let count = list_size(first)?;
        Ok(catalog(ctx)
            .published_offers_of_operator(self.0.id)
            .into_iter()
            .take(count)
            .cloned()
            .map(Offer)
            .collect())
    }

    /// Raised by one on every change; send it back with an update, which is refused with
    /// CONFLICT when someone changed the object in between.
    async fn version(&self) -> i64 {
        self.0.version
    }

    /// All its offers, drafts and archived ones included, most recently changed first; only
    /// for its partners and admins.
    #[graphql(complexity = "cost::page(first, 100, 100, child_complexity)")]
    async fn all_offers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only offers in this status.")] status: Option<OfferStatus>,
        #[graphql(desc = "How many, 0 to 100 (default 100).")] first: Option<i32>,
    ) -> ApiResult<Vec<Offer>> {
        let count = list_size(first)?;
        let offers = app::search::all_offers_of_operator(
            catalog(ctx),
            &request(ctx).viewer,
            self.0.id,
            status.map(Into::into),
        )
        .located()?;
        Ok(offers.into_iter().take(count).cloned().map(Offer).collect())
    }

    /// Its public equipment, by category then name (at most 100; `equipment(filter:
    /// {operatorIds})` pages through all of it).
    #[graphql(complexity = "cost::page(first, 100, 100, child_complexity)")]
    async fn equipment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many, 0 to 100 (default 100).")] first: Option<i32>,
    ) -> ApiResult<Vec<EquipmentItem>> {
        let count = list_size(first)?;
        Ok(catalog(ctx)
            .equipment_of_operator(self.0.id, false)
            .into_iter()
            .take(count)
            .cloned()
            .map(EquipmentItem)
            .collect())
    }

    /// All its equipment, private and retired items included, by category then name; only for
    /// its partners and admins.
    #[graphql(complexity = "cost::page(first, 100, 100, child_complexity)")]
    async fn all_equipment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only items in this status.")] status: Option<EquipmentStatus>,
        #[graphql(desc = "How many, 0 to 100 (default 100).")] first: Option<i32>,
        #[graphql(desc = "How many to skip, for the next hundred (default 0).")] offset: Option<
            i32,
        >,
    ) -> ApiResult<Vec<EquipmentItem>> {
        let count = list_size(first)?;
        let skip = app::travel::bounded(offset, 0, 0, 1_000_000, "offset").located()?;
        let items = app::equipment::all_items_of_operator(
            catalog(ctx),
            &request(ctx).viewer,
            self.0.id,
            status.map(Into::into),
        )
        .located()?;
        Ok(items
            .into_iter()
            .skip(skip)
            .take(count)
            .cloned()
            .map(EquipmentItem)
            .collect())
    }
}

/// How many items of an unpaginated list to give: `first`, 0 to 100, all
/// of them up to 100 by default. The bound keeps the cost of a document
/// computable before it runs (see `cost`).
fn list_size(first: Option<i32>) -> ApiResult<usize> {
    app::travel::bounded(first, 100, 0, 100, "first").located()
}

/// A postal address in Belgium.
#[derive(SimpleObject, Debug, Clone)]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// The 4-digit postcode.
    pub postcode: String,
    /// The locality (section of the commune).
    pub locality: String,
}

/// A place where an operator receives people; every offer sits at one.
#[Object]
impl Site {
    /// Global id, for `node(id:)`.
    pub async fn id(&self) -> ID {
        node_id(NodeType::Site, self.0.id.0)
    }

    /// Name of the site ("Implantation de Froyennes").
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Raised by one on every change; send it back with an update, which is refused with
    /// CONFLICT when someone changed the object in between.
    async fn version(&self) -> i64 {
        self.0.version
    }

    /// Postal address.
    async fn address(&self) -> Address {
        let address = &self.0.address;
        Address {
            street: address.street.clone(),
            postcode: address.postcode.to_string(),
            locality: address.locality.clone(),
        }
    }

    /// Where it is (WGS84).
    async fn location(&self) -> GeoPoint {
        self.0.location.into()
    }

    /// The commune whose boundary contains the location (computed, never declared).
    async fn commune(&self) -> Commune {
        Commune {
            nis: self.0.commune_nis.clone(),
        }
    }

    /// The operator the site belongs to.
    async fn operator(&self, ctx: &Context<'_>) -> Option<Operator> {
        catalog(ctx)
            .operator(self.0.operator_id)
            .cloned()
            .map(Operator)
    }

    /// Public transport stops near the site, nearest first.
    #[graphql(complexity = "cost::page(first, 5, 20, child_complexity)")]
    async fn nearby_stops(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How far, in metres, 1 to 5,000 (default 500).")] radius_meters: Option<
            i32,
        >,
        #[graphql(desc = "How many stops, 1 to 20 (default 5).")] first: Option<i32>,
    ) -> ApiResult<Vec<StopDistance>> {
        let stops =
            app::travel::stops_near_site(snapshot(ctx), &self.0, radius_meters, first).located()?;
        Ok(stops
            .into_iter()
            .map(|(stop, distance_meters)| StopDistance {
                stop: stop.into(),
                distance_meters,
            })
            .collect())
    }

    /// The published offers at this site, soonest start first (at most 100).
    #[graphql(complexity = "cost::page(first, 100, 100, child_complexity)")]
    async fn offers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many, 0 to 100 (default 100).")] first: Option<i32>,
    ) -> ApiResult<Vec<Offer>> {
        let count = list_size(first)?;
        Ok(catalog(ctx)
            .published_offers_at_site(self.0.id)
            .into_iter()
            .take(count)
            .cloned()
            .map(Offer)
            .collect())
    }

    /// The public equipment at this site, by category then name (at most 100).
    #[graphql(complexity = "cost::page(first, 100, 100, child_complexity)")]
    async fn equipment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many, 0 to 100 (default 100).")] first: Option<i32>,
    ) -> ApiResult<Vec<EquipmentItem>> {
        let count = list_size(first)?;
        Ok(catalog(ctx)
            .public_equipment_at_site(self.0.id)
            .into_iter()
            .take(count)
            .cloned()
            .map(EquipmentItem)
            .collect())
    }
}

/// A site and how far it is from the point asked about.
#[derive(SimpleObject, Debug)]
pub struct SiteDistance {
    /// The site.
    pub site: Site,
    /// Great-circle distance in metres.
    pub distance_meters: f64,
}

/// The operators, searched.
#[derive(Debug, Default)]
pub struct OperatorQuery;

/// The operators, searched.
#[Object]
impl OperatorQuery {
    /// Operators, alphabetically, a page at a time.
    #[graphql(complexity = "cost::page(first, 20, 100, child_complexity)")]
    async fn operators(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which operators; all when absent.")] filter: Option<OperatorFilter>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(
            desc = "Cursor after which the page starts (`pageInfo.endCursor` of the previous page)."
        )]
        after: Option<String>,
    ) -> ApiResult<OperatorConnection> {
        let page = app::search::operators(
            snapshot(ctx),
            filter.unwrap_or_default().into(),
            first,
            after.as_deref(),
        )
        .located()?;
        Ok(OperatorConnection {
            page_info: PageInfo::of(&page, app::ids::operator_cursor),
            total_count: total_count(page.total_count),
            edges: page
                .items
                .into_iter()
                .map(|(operator, position)| OperatorEdge {
                    cursor: app::ids::operator_cursor(&position),
                    node: Operator(operator.clone()),
                })
                .collect(),
        })
    }
}
