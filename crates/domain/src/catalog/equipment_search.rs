//! Searching the public equipment inventory: filters, orders and keyset
//! pagination, answered like offers from the catalogue's own indexes.

use std::collections::HashMap;

use super::offer_search::{BBoxInput, FilterError, Near, NearInput, parse_spatial, shown_code};
use super::{Catalog, IndexedEquipment};
use crate::codes::{CompetenceCode, NisCode, TradeCode};
use crate::equipment::{EquipmentCategoryCode, EquipmentId, EquipmentItem};
use crate::location::{BoundingBox, ServiceArea};
use crate::operator::{OperatorId, SiteId};
use crate::page::{Page, PageSize};
use crate::text::TextQuery;

/// An equipment filter as it arrives from outside. Within one field the
/// values are alternatives (OR); fields combine (AND).
#[derive(Debug, Clone, Default)]
pub struct EquipmentFilterInput {
    pub trade_codes: Vec<String>,
    pub categories: Vec<String>,
    pub competence_codes: Vec<String>,
    pub commune_nis: Vec<String>,
    pub operator_ids: Vec<OperatorId>,
    pub site_ids: Vec<SiteId>,
    pub text: Option<String>,
    /// Only items another operator may ask for now (shared, in working order).
    pub shareable: Option<bool>,
    pub near: Option<NearInput>,
    pub bbox: Option<BBoxInput>,
    /// Only the items at these sites, reachable in these many minutes
    /// (computed by the caller from a timetable; a site absent is out of reach).
    pub travel_minutes: Option<HashMap<SiteId, u32>>,
}

/// Why an equipment filter was refused, beyond what offers share.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EquipmentFilterError {
    #[error(transparent)]
    Shared(#[from] FilterError),
    #[error("unknown equipment category {0:?}; the `equipmentCategories` query lists them")]
    UnknownCategory(String),
    #[error("{0}")]
    MalformedCompetence(String),
}

impl EquipmentFilterError {
    pub fn field(&self) -> &'static str {
        match self {
            EquipmentFilterError::Shared(error) => error.field(),
            EquipmentFilterError::UnknownCategory(_) => "categories",
            EquipmentFilterError::MalformedCompetence(_) => "competenceCodes",
        }
    }
}

/// A checked equipment filter.
#[derive(Debug, Clone, Default)]
pub struct EquipmentQuery {
    trade_codes: Vec<TradeCode>,
    categories: Vec<EquipmentCategoryCode>,
    competence_codes: Vec<CompetenceCode>,
    commune_nis: Vec<NisCode>,
    operator_ids: Vec<OperatorId>,
    site_ids: Vec<SiteId>,
    text: Option<TextQuery>,
    shareable: Option<bool>,
    near: Option<Near>,
    bbox: Option<BoundingBox>,
    travel_minutes: Option<HashMap<SiteId, u32>>,
}

impl EquipmentQuery {
    pub fn near(&self) -> Option<Near> {
        self.near
    }

    pub fn has_travel_times(&self) -> bool {
        self.travel_minutes.is_some()
    }

    fn matches(&self, indexed: &IndexedEquipment) -> bool {
        let item = &indexed.item;
        let any_or_empty = |wanted: bool, empty: bool| empty || wanted;
        item.is_publicly_listed()
            && self
                .travel_minutes
                .as_ref()
                .is_none_or(|minutes| minutes.contains_key(&item.site_id))
            && any_or_empty(
                item.trade_codes
                    .iter()
                    .any(|t| self.trade_codes.contains(t)),
                self.trade_codes.is_empty(),
            )
            && any_or_empty(
                self.categories.contains(&item.category),
                self.categories.is_empty(),
            )
            && any_or_empty(
                item.competence_codes
                    .iter()
                    .any(|c| self.competence_codes.contains(c)),
                self.competence_codes.is_empty(),
            )
            && any_or_empty(
                self.commune_nis.contains(&indexed.commune_nis),
                self.commune_nis.is_empty(),
            )
            && any_or_empty(
                self.operator_ids.contains(&item.operator_id),
                self.operator_ids.is_empty(),
            )
            && any_or_empty(
                self.site_ids.contains(&item.site_id),
                self.site_ids.is_empty(),
            )
            && self
                .shareable
                .is_none_or(|wanted| item.is_available_for_sharing() == wanted)
            && self.text.as_ref().is_none_or(|q| indexed.text.matches(q))
    }

    fn hit<'a>(&self, item: &'a EquipmentItem, distance_meters: Option<f64>) -> EquipmentHit<'a> {
        EquipmentHit {
            item,
            distance_meters,
            travel_minutes: self
                .travel_minutes
                .as_ref()
                .and_then(|minutes| minutes.get(&item.site_id).copied()),
        }
    }
}

/// How equipment is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EquipmentOrder {
    /// By category, then name (a census read as a list).
    Category,
    /// Most recently updated first.
    UpdatedAt,
    /// Nearest to the `near` point first.
    Distance,
    /// Quickest to reach first (needs travel times in the filter).
    TravelTime,
}

/// An item found, with its distance and travel time when the search had them.
#[derive(Debug, Clone, Copy)]
pub struct EquipmentHit<'a> {
    pub item: &'a EquipmentItem,
    pub distance_meters: Option<f64>,
    pub travel_minutes: Option<u32>,
}

/// Where an item stands in an order: what a cursor remembers. `rank` is
/// the item's place in category-and-name order, which is stable for one
/// catalogue; a cursor of another catalogue still lands close, and `id`
/// keeps positions total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EquipmentPosition {
    pub key: i64,
    pub id: EquipmentId,
}

/// A page of equipment.
pub type EquipmentPage<'a> = Page<EquipmentHit<'a>, EquipmentPosition>;

impl EquipmentOrder {
    fn position(self, indexed: &IndexedEquipment, hit: &EquipmentHit<'_>) -> EquipmentPosition {
        let key = match self {
            EquipmentOrder::Category => indexed.rank as i64,
            EquipmentOrder::UpdatedAt => -hit.item.updated_at.timestamp_millis(),
            EquipmentOrder::Distance => hit
                .distance_meters
                .map_or(i64::MAX, |m| (m * 1000.0).round() as i64),
            EquipmentOrder::TravelTime => hit.travel_minutes.map_or(i64::MAX, i64::from),
        };
        EquipmentPosition {
            key,
            id: hit.item.id,
        }
    }
}

impl Catalog {
    /// Checks an equipment filter against the reference data and the area.
    pub fn parse_equipment_filter(
        &self,
        input: EquipmentFilterInput,
        area: &ServiceArea,
    ) -> Result<EquipmentQuery, EquipmentFilterError> {
        let trade_codes = self.parse_trade_codes(&input.trade_codes)?;
        let categories = input
            .categories
            .iter()
            .map(|raw| {
                EquipmentCategoryCode::parse(raw)
                    .ok()
                    .filter(|code| self.equipment_vocabulary().get(code).is_some())
                    .ok_or_else(|| EquipmentFilterError::UnknownCategory(shown_code(raw)))
            })
            .collect::<Result<_, _>>()?;
        let competence_codes = input
            .competence_codes
            .iter()
            .map(|raw| {
                CompetenceCode::parse(raw)
                    .map_err(|e| EquipmentFilterError::MalformedCompetence(e.to_string()))
            })
            .collect::<Result<_, _>>()?;
        let commune_nis = self.parse_commune_codes(&input.commune_nis)?;
        let text = match &input.text {
            Some(raw) => TextQuery::parse(raw).map_err(FilterError::Text)?,
            None => None,
        };
        let (near, bbox) = parse_spatial(input.near, input.bbox, area)?;
        Ok(EquipmentQuery {
            trade_codes,
            categories,
            competence_codes,
            commune_nis,
            operator_ids: input.operator_ids,
            site_ids: input.site_ids,
            text,
            shareable: input.shareable,
            near,
            bbox,
            travel_minutes: input.travel_minutes,
        })
    }

    /// The public items matching the query, in order, one page at a time.
    pub fn search_equipment(
        &self,
        query: &EquipmentQuery,
        order: EquipmentOrder,
        size: PageSize,
        after: Option<&EquipmentPosition>,
    ) -> Result<EquipmentPage<'_>, EquipmentFilterError> {
        if order == EquipmentOrder::TravelTime && query.travel_minutes.is_none() {
            return Err(FilterError::TravelTimeWithoutReachable.into());
        }
        if order == EquipmentOrder::Distance && query.near.is_none() {
            return Err(FilterError::DistanceWithoutNear.into());
        }
        let mut matching: Vec<(EquipmentHit<'_>, EquipmentPosition)> = self
            .matching_indexed_equipment(query)
            .into_iter()
            .map(|(indexed, distance)| {
                let hit = query.hit(&indexed.item, distance);
                let position = order.position(indexed, &hit);
                (hit, position)
            })
            .collect();
        matching.sort_unstable_by_key(|(_, position)| *position);
        Ok(Page::cut(matching, size, after, |position, cursor| {
            position > cursor
        }))
    }

    /// Every public item matching the query, by category then name.
    pub fn matching_equipment<'a>(&'a self, query: &EquipmentQuery) -> Vec<EquipmentHit<'a>> {
        let mut matching = self.matching_indexed_equipment(query);
        // Without a spatial filter they come in rank order already.
        if query.near.is_some() || query.bbox.is_some() {
            matching.sort_unstable_by_key(|(indexed, _)| indexed.rank);
        }
        matching
            .into_iter()
            .map(|(indexed, distance)| query.hit(&indexed.item, distance))
            .collect()
    }

    fn matching_indexed_equipment<'a>(
        &'a self,
        query: &EquipmentQuery,
    ) -> Vec<(&'a IndexedEquipment, Option<f64>)> {
        let Some(sites) = self.sites_in_spatial_filter(query.near, query.bbox) else {
            return self
                .equipment
                .iter()
                .filter(|indexed| query.matches(indexed))
                .map(|indexed| (indexed, None))
                .collect();
        };
        sites
            .into_iter()
            .flat_map(|(site_id, distance)| {
                self.equipment_by_site
                    .get(&site_id)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(move |&i| (i, distance))
            })
            .map(|(i, distance)| (&self.equipment[i], distance))
            .filter(|(indexed, _)| query.matches(indexed))
            .collect()
    }
}
