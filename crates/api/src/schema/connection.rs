//! Relay connections: forward pagination with opaque cursors, `first`
//! capped at 100.

use async_graphql::{InputObject, SimpleObject};

use super::enums::{Audience, OfferKind, OperatorKind};
use super::offer::Offer;
use super::operator::Operator;
use super::scalars::Date;

/// Where a page stands in the whole list.
#[derive(SimpleObject, Debug, Clone, Default)]
pub struct PageInfo {
    /// Whether more items follow; pass `endCursor` as `after` to get them.
    pub has_next_page: bool,
    /// Whether items come before this page.
    pub has_previous_page: bool,
    /// Cursor of the first item of the page.
    pub start_cursor: Option<String>,
    /// Cursor of the last item of the page.
    pub end_cursor: Option<String>,
}

/// A page of offers.
#[derive(SimpleObject, Debug)]
pub struct OfferConnection {
    /// The offers of this page, each with its cursor.
    pub edges: Vec<OfferEdge>,
    /// Where this page stands.
    pub page_info: PageInfo,
    /// How many offers match the filter, over all pages.
    pub total_count: i32,
}

/// An offer in a page, with its cursor.
#[derive(SimpleObject, Debug)]
pub struct OfferEdge {
    /// Opaque position of this offer in the list.
    pub cursor: String,
    /// The offer.
    pub node: Offer,
    /// Great-circle distance in metres from `filter.near.point` to the offer's site; null without `near`.
    pub distance_meters: Option<f64>,
    /// Minutes by public transport and on foot from `filter.reachable.from`, arriving by
    /// `filter.reachable.arriveBy`; null without `reachable`.
    pub travel_minutes: Option<i32>,
}

/// A page of operators.
#[derive(SimpleObject, Debug)]
pub struct OperatorConnection {
    /// The operators of this page, each with its cursor.
    pub edges: Vec<OperatorEdge>,
    /// Where this page stands.
    pub page_info: PageInfo,
    /// How many operators match the filter, over all pages.
    pub total_count: i32,
}

/// An operator in a page, with its cursor.
#[derive(SimpleObject, Debug)]
pub struct OperatorEdge {
    /// Opaque position of this operator in the list.
    pub cursor: String,
    /// The operator.
    pub node: Operator,
}

/// Which published offers to list. Within a field the values are alternatives (OR); fields combine (AND).
/// An empty list filters nothing.
#[derive(InputObject, Debug, Clone, Default)]
#[graphql(name = "OfferFilter")]
pub struct OfferFilter {
    /// Only these kinds.
    pub kinds: Option<Vec<OfferKind>>,
    /// Only offers in one of these trades (codes from `trades`).
    pub trade_codes: Option<Vec<String>>,
    /// Only offers in a trade of one of these poles (codes from `poles`).
    pub pole_codes: Option<Vec<String>>,
    /// Only offers for one of these publics.
    pub audiences: Option<Vec<Audience>>,
    /// Only offers at a site inside one of these communes (NIS codes from `communes`).
    pub commune_nis: Option<Vec<String>>,
    /// Words to find in the title, description, trade, operator or place; accents and case are ignored,
    /// and a trade's derived forms match ("menuiserie" finds "Menuisier·ère"). At most 200 characters.
    pub text: Option<String>,
    /// Only offers starting on or after this day (offers without a start date are left out).
    pub starts_after: Option<Date>,
    /// Only offers starting on or before this day (offers without a start date are left out).
    pub starts_before: Option<Date>,
    /// Only offers whose site lies within a great-circle radius of a point; edges then carry `distanceMeters`.
    pub near: Option<NearInput>,
    /// Only offers whose site lies inside this box (a map viewport).
    pub bbox: Option<BBoxInput>,
    /// Only offers reachable by public transport from a place, arriving in time; edges then
    /// carry `travelMinutes`.
    pub reachable: Option<super::transit::ReachableInput>,
}

/// A WGS84 point, latitude and longitude named.
#[derive(InputObject, Debug, Clone, Copy)]
pub struct PointInput {
    /// Degrees north, -90 to 90 (about 50.6 in Wallonie picarde).
    pub lat: f64,
    /// Degrees east, -180 to 180 (about 3.5 in Wallonie picarde).
    pub lon: f64,
}

/// A circle on the map.
#[derive(InputObject, Debug, Clone, Copy)]
pub struct NearInput {
    /// The centre; it must lie in the service area (Wallonie picarde and a margin).
    pub point: PointInput,
    /// The radius in kilometres, greater than 0 and at most the configured maximum (100 by default).
    pub radius_km: f64,
}

impl From<NearInput> for domain::catalog::NearInput {
    fn from(near: NearInput) -> Self {
        domain::catalog::NearInput {
            lat: near.point.lat,
            lon: near.point.lon,
            radius_km: near.radius_km,
        }
    }
}

/// A rectangle on the map in WGS84 degrees, as map libraries give a viewport.
#[derive(InputObject, Debug, Clone, Copy)]
#[graphql(name = "BBoxInput")]
pub struct BBoxInput {
    /// West edge, degrees east.
    pub min_lon: f64,
    /// South edge, degrees north.
    pub min_lat: f64,
    /// East edge, degrees east.
    pub max_lon: f64,
    /// North edge, degrees north.
    pub max_lat: f64,
}

impl From<BBoxInput> for domain::catalog::BBoxInput {
    fn from(b: BBoxInput) -> Self {
        domain::catalog::BBoxInput {
            min_lon: b.min_lon,
            min_lat: b.min_lat,
            max_lon: b.max_lon,
            max_lat: b.max_lat,
        }
    }
}

impl From<OfferFilter> for domain::catalog::OfferFilterInput {
    fn from(filter: OfferFilter) -> Self {
        domain::catalog::OfferFilterInput {
            kinds: filter
                .kinds
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            trade_codes: filter.trade_codes.unwrap_or_default(),
            pole_codes: filter.pole_codes.unwrap_or_default(),
            audiences: filter
                .audiences
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            commune_nis: filter.commune_nis.unwrap_or_default(),
            text: filter.text,
            starts_after: filter.starts_after.map(|d| d.0),
            starts_before: filter.starts_before.map(|d| d.0),
            near: filter.near.map(Into::into),
            bbox: filter.bbox.map(Into::into),
            // Filled from `reachable` by `crate::travel`, which needs the timetable.
            travel_minutes: None,
        }
    }
}

/// Which operators to list. Within a field the values are alternatives (OR); fields combine (AND).
#[derive(InputObject, Debug, Clone, Default)]
#[graphql(name = "OperatorFilter")]
pub struct OperatorFilter {
    /// Only these kinds of organisation.
    pub kinds: Option<Vec<OperatorKind>>,
    /// Only operators with a site inside one of these communes (NIS codes).
    pub commune_nis: Option<Vec<String>>,
    /// Only operators with a published offer in one of these trades.
    pub trade_codes: Option<Vec<String>>,
    /// Words to find in the name, description or communes; accents and case are ignored.
    pub text: Option<String>,
    /// Only operators with a site within a great-circle radius of a point.
    pub near: Option<NearInput>,
    /// Only operators with a site inside this box.
    pub bbox: Option<BBoxInput>,
}

impl From<OperatorFilter> for domain::catalog::OperatorFilterInput {
    fn from(filter: OperatorFilter) -> Self {
        domain::catalog::OperatorFilterInput {
            kinds: filter
                .kinds
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            commune_nis: filter.commune_nis.unwrap_or_default(),
            trade_codes: filter.trade_codes.unwrap_or_default(),
            text: filter.text,
            near: filter.near.map(Into::into),
            bbox: filter.bbox.map(Into::into),
        }
    }
}
