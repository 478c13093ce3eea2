//! Relay connections: forward pagination with opaque cursors, `first`
//! capped at 100.

use async_graphql::SimpleObject;
use domain::page::Page;

use super::objects::{Offer, Operator};

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
    /// With `filter.reachable.returnAfter`, for a training with a daily end time: when the first
    /// bus or train home leaves after the session ends (within `returnWithinMinutes`), with its UTC
    /// offset; null otherwise.
    pub return_departure: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// A page of equipment items.
#[derive(SimpleObject, Debug)]
pub struct EquipmentConnection {
    /// The items of this page, each with its cursor.
    pub edges: Vec<EquipmentEdge>,
    /// Where this page stands.
    pub page_info: PageInfo,
    /// How many items match the filter, over all pages.
    pub total_count: i32,
}

/// An equipment item in a page, with its cursor.
#[derive(SimpleObject, Debug)]
pub struct EquipmentEdge {
    /// Opaque position of this item in the list.
    pub cursor: String,
    /// The item.
    pub node: super::objects::EquipmentItem,
    /// Great-circle distance in metres from `filter.near.point` to the item's site; null without `near`.
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

impl PageInfo {
    /// Where a page stands, with the cursor each position gets.
    pub(crate) fn of<T, P>(page: &Page<T, P>, cursor: impl Fn(&P) -> String) -> Self {
        PageInfo {
            has_next_page: page.has_next_page,
            has_previous_page: page.has_previous_page,
            start_cursor: page.items.first().map(|(_, p)| cursor(p)),
            end_cursor: page.items.last().map(|(_, p)| cursor(p)),
        }
    }
}

/// A count for `totalCount`, which GraphQL's `Int` bounds.
pub(crate) fn total_count(count: Option<usize>) -> i32 {
    count.map_or(0, |n| i32::try_from(n).unwrap_or(i32::MAX))
}
