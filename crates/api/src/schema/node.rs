//! Global object identification: `node(id:)` fetches anything with a
//! global id, as Relay clients expect.

use app::ids::{self, NodeType};
use async_graphql::{Context, ID, Interface, Object};
use domain::codes::{NisCode, PoleCode, TradeCode};
use domain::offer::{OfferId, ProgrammeId};
use domain::operator::{OperatorId, SiteId};

use super::objects::{
    Commune, EquipmentItem, Offer, Operator, Pole, Site, Trade, TrainingProgramme,
};
use crate::context::{catalog, request};
use crate::error::{ApiResult, Located};

/// Anything with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "Global id, for `node(id:)`."))]
pub enum Node {
    Commune(Commune),
    Pole(Pole),
    Trade(Trade),
    Operator(Operator),
    Site(Site),
    Offer(Offer),
    TrainingProgramme(TrainingProgramme),
    EquipmentItem(EquipmentItem),
}

/// Fetching by global id.
#[derive(Debug, Default)]
pub struct NodeQuery;

/// Fetching by global id.
#[Object]
impl NodeQuery {
    /// Fetches any object by its global id; null when nothing (visible) has that id.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A global id from any object's `id`.")] id: ID,
    ) -> ApiResult<Option<Node>> {
        let catalog = catalog(ctx);
        let (node_type, key) = ids::parse_global_id(&id).located()?;
        let number = || ids::numeric_key(&key).located();
        let node = match node_type {
            NodeType::Commune => NisCode::parse(&key)
                .ok()
                .filter(|nis| catalog.commune(nis).is_some())
                .map(|nis| Node::Commune(Commune { nis })),
            NodeType::Pole => PoleCode::parse(&key)
                .ok()
                .and_then(|code| catalog.pole(&code).cloned())
                .map(|p| Node::Pole(Pole(p))),
            NodeType::Trade => TradeCode::parse(&key)
                .ok()
                .and_then(|code| catalog.trade(&code).cloned())
                .map(|t| Node::Trade(Trade(t))),
            NodeType::Operator => catalog
                .operator(OperatorId(number()?))
                .cloned()
                .map(|o| Node::Operator(Operator(o))),
            NodeType::Site => catalog
                .site(SiteId(number()?))
                .cloned()
                .map(|s| Node::Site(Site(s))),
            NodeType::Offer => {
                app::search::visible_offer(catalog, &request(ctx).viewer, OfferId(number()?))
                    .cloned()
                    .map(|o| Node::Offer(Offer(o)))
            }
            NodeType::TrainingProgramme => catalog
                .programme(ProgrammeId(number()?))
                .cloned()
                .map(|p| Node::TrainingProgramme(TrainingProgramme(p))),
            NodeType::EquipmentItem => app::equipment::visible_item(
                catalog,
                &request(ctx).viewer,
                domain::equipment::EquipmentId(number()?),
            )
            .cloned()
            .map(|item| Node::EquipmentItem(EquipmentItem(item))),
        };
        Ok(node)
    }
}
