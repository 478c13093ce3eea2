//! Reference data: communes, poles, trades, audiences.

use app::ids::NodeType;
use async_graphql::{ComplexObject, Context, ID, Json, Object, SimpleObject};

use super::enums::{Audience, OfferKind, PoleKind};
use super::objects::{Commune, EquipmentItem, GeoPoint, Pole, Trade, node_id};
use crate::context::{catalog, snapshot};
use crate::cost;
use crate::error::{ApiResult, Located};

impl Commune {
    fn get<'a>(&self, ctx: &Context<'a>) -> &'a domain::territory::Commune {
        catalog(ctx)
            .commune(&self.nis)
            // A Commune object is only made for a NIS code of this snapshot.
            .unwrap_or_else(|| unreachable!("commune {} is in the catalogue", self.nis))
    }
}

/// One of the 23 communes of Wallonie picarde, with its real boundary.
#[Object]
impl Commune {
    /// Global id, for `node(id:)`.
    pub async fn id(&self) -> ID {
        node_id(NodeType::Commune, &self.nis)
    }

    /// The NIS code of the National Institute of Statistics (5 digits, for example "57081").
    async fn nis(&self) -> &str {
        self.nis.as_str()
    }

    /// The French name.
    async fn name(&self, ctx: &Context<'_>) -> String {
        self.get(ctx).name_fr.clone()
    }

    /// The Dutch name, where it is official.
    async fn name_nl(&self, ctx: &Context<'_>) -> Option<String> {
        self.get(ctx).name_nl.clone()
    }

    /// The commune's postcodes, ascending.
    async fn postcodes(&self, ctx: &Context<'_>) -> Vec<String> {
        self.get(ctx)
            .postcodes()
            .into_iter()
            .map(|p| p.to_string())
            .collect()
    }

    /// The postal localities (sections) of the commune, each with a point.
    #[graphql(complexity = "cost::list(cost::LOCALITIES_PER_COMMUNE, child_complexity)")]
    async fn localities(&self, ctx: &Context<'_>) -> Vec<PostalLocality> {
        self.get(ctx)
            .localities
            .iter()
            .map(|l| PostalLocality {
                postcode: l.postcode.to_string(),
                name: l.name.clone(),
                location: l.location.into(),
            })
            .collect()
    }

    /// The centroid of the boundary.
    async fn centroid(&self, ctx: &Context<'_>) -> GeoPoint {
        self.get(ctx).centroid.into()
    }

    /// The boundary as an RFC 7946 GeoJSON MultiPolygon geometry (`[lon, lat]`, WGS84), simplified.
    async fn boundary(&self, ctx: &Context<'_>) -> Json<geojson::Geometry> {
        Json(domain::territory::boundary_geojson(&self.get(ctx).boundary))
    }
}

/// A postal locality: a section of a commune as bpost names it.
#[derive(SimpleObject, Debug, Clone)]
pub struct PostalLocality {
    /// The 4-digit postcode.
    pub postcode: String,
    /// The locality's name ("Froyennes").
    pub name: String,
    /// A representative point.
    pub location: GeoPoint,
}

/// A pole of synergies of the IBEFE Wallonie picarde (2020–2022).
#[Object]
impl Pole {
    /// Global id, for `node(id:)`.
    pub async fn id(&self) -> ID {
        node_id(NodeType::Pole, &self.0.code)
    }

    /// Stable code, for example "construction".
    async fn code(&self) -> &str {
        self.0.code.as_str()
    }

    /// French name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Sectoral or transversal.
    async fn kind(&self) -> PoleKind {
        self.0.kind.into()
    }

    /// The challenges ("enjeux") the pole set itself, in the source document's order.
    async fn challenges(&self) -> &[String] {
        &self.0.challenges
    }

    /// The trades the pole works on (empty for transversal poles, which span all trades).
    #[graphql(complexity = "cost::list(cost::TRADES, child_complexity)")]
    async fn trades(&self, ctx: &Context<'_>) -> Vec<Trade> {
        catalog(ctx)
            .trades()
            .iter()
            .filter(|t| t.belongs_to(&self.0.code))
            .cloned()
            .map(Trade)
            .collect()
    }
}

/// A trade (métier), with its codes in other classifications side by side.
#[Object]
impl Trade {
    /// Global id, for `node(id:)`.
    pub async fn id(&self) -> ID {
        node_id(NodeType::Trade, &self.0.code)
    }

    /// Stable code, for example "menuiserie". Use it in `OfferFilter.tradeCodes`.
    async fn code(&self) -> &str {
        self.0.code.as_str()
    }

    /// French name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What the trade is about, in French.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// The poles this trade belongs to.
    #[graphql(complexity = "cost::list(cost::POLES, child_complexity)")]
    async fn poles(&self, ctx: &Context<'_>) -> Vec<Pole> {
        let catalog = catalog(ctx);
        self.0
            .pole_codes
            .iter()
            .filter_map(|code| catalog.pole(code))
            .cloned()
            .map(Pole)
            .collect()
    }

    /// ROME codes (France Travail's job sheets) of this trade.
    async fn rome_codes(&self) -> &[String] {
        &self.0.rome_codes
    }

    /// ESCO occupation codes of this trade (empty until mapped).
    async fn esco_codes(&self) -> &[String] {
        &self.0.esco_codes
    }

    /// Other words people search this trade by; text search uses them.
    async fn keywords(&self) -> &[String] {
        &self.0.keywords
    }

    /// How many published offers of each kind this trade has.
    #[graphql(complexity = "cost::list(cost::OFFER_KINDS, child_complexity)")]
    async fn offer_counts(&self, ctx: &Context<'_>) -> Vec<OfferKindCount> {
        catalog(ctx)
            .published_offer_counts(&self.0.code)
            .into_iter()
            .map(|(kind, count)| OfferKindCount {
                kind: kind.into(),
                count: i32::try_from(count).unwrap_or(i32::MAX),
            })
            .collect()
    }

    /// Its public equipment, by category then name (at most 100; `equipment(filter:
    /// {tradeCodes})` pages through all of it, with more filters).
    #[graphql(complexity = "cost::page(first, 100, 100, child_complexity)")]
    async fn equipment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many, 0 to 100 (default 100).")] first: Option<i32>,
    ) -> ApiResult<Vec<EquipmentItem>> {
        let count = app::travel::bounded(first, 100, 0, 100, "first").located()?;
        let snapshot = snapshot(ctx);
        let filter = domain::catalog::EquipmentFilterInput {
            trade_codes: vec![self.0.code.to_string()],
            ..Default::default()
        };
        let items = app::equipment::search::all_equipment(snapshot, filter, None).located()?;
        Ok(items
            .into_iter()
            .take(count)
            .map(|hit| EquipmentItem(hit.item.clone()))
            .collect())
    }

    /// How many public equipment items serve this trade, and how many may be asked for now.
    async fn equipment_counts(&self, ctx: &Context<'_>) -> EquipmentCounts {
        let (items, shareable) = catalog(ctx).public_equipment_counts(&self.0.code);
        EquipmentCounts {
            items: i32::try_from(items).unwrap_or(i32::MAX),
            shareable: i32::try_from(shareable).unwrap_or(i32::MAX),
        }
    }
}

/// How much public equipment a trade has.
#[derive(SimpleObject, Debug, Clone, Copy)]
pub struct EquipmentCounts {
    /// Public items in the inventory.
    pub items: i32,
    /// Of those, the ones another operator may ask for now.
    pub shareable: i32,
}

/// A number of published offers of one kind.
#[derive(SimpleObject, Debug, Clone, Copy)]
pub struct OfferKindCount {
    /// The kind of offer.
    pub kind: OfferKind,
    /// How many are published.
    pub count: i32,
}

/// A target public with its French label.
#[derive(SimpleObject, Debug, Clone, Copy)]
#[graphql(complex)]
pub struct AudienceDescription {
    /// The audience, as used in `OfferFilter.audiences`.
    pub audience: Audience,
}

#[ComplexObject]
impl AudienceDescription {
    /// The French label to show.
    async fn label(&self) -> &'static str {
        domain::audience::Audience::from(self.audience).label_fr()
    }
}

/// Reference data: communes, poles, trades, audiences.
#[derive(Debug, Default)]
pub struct ReferenceQuery;

/// Reference data: communes, poles, trades, audiences.
#[Object]
impl ReferenceQuery {
    /// The 23 communes of Wallonie picarde, by NIS code.
    #[graphql(complexity = "cost::list(cost::COMMUNES, child_complexity)")]
    async fn communes(&self, ctx: &Context<'_>) -> Vec<Commune> {
        catalog(ctx)
            .communes()
            .iter()
            .map(|c| Commune { nis: c.nis.clone() })
            .collect()
    }

    /// The five poles of synergies of 2020–2022.
    #[graphql(complexity = "cost::list(cost::POLES, child_complexity)")]
    async fn poles(&self, ctx: &Context<'_>) -> Vec<Pole> {
        catalog(ctx).poles().iter().cloned().map(Pole).collect()
    }

    /// The trades, grouped by pole; only those of one pole when `poleCode` is given.
    #[graphql(complexity = "cost::list(cost::TRADES, child_complexity)")]
    async fn trades(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only the trades of this pole (a code from `poles`).")] pole_code: Option<
            String,
        >,
    ) -> ApiResult<Vec<Trade>> {
        let catalog = catalog(ctx);
        let trades = app::search::trades(catalog, pole_code.as_deref()).located()?;
        Ok(trades.into_iter().cloned().map(Trade).collect())
    }

    /// The publics offers are meant for, with their French labels.
    #[graphql(complexity = "cost::list(cost::POLES, child_complexity)")]
    async fn audiences(&self) -> Vec<AudienceDescription> {
        domain::audience::Audience::ALL
            .iter()
            .map(|&a| AudienceDescription { audience: a.into() })
            .collect()
    }
}
