//! Searching published offers: filters, orders and keyset pagination.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::{Catalog, IndexedOffer};
use crate::audience::Audience;
use crate::codes::{CodeError, NisCode, PoleCode, TradeCode};
use crate::location::{BoundingBox, LocationError, Point, ServiceArea, ServiceAreaError};
use crate::offer::{Offer, OfferId, OfferKind};
use crate::operator::{OperatorId, SiteId};
use crate::page::{Page, PageSize};
use crate::text::{TextQuery, TextQueryError};

/// An offer filter as it arrives from outside: codes not yet checked.
/// Within one field the values are alternatives (OR); fields combine (AND).
/// An empty list filters nothing, like an absent one.
#[derive(Debug, Clone, Default)]
pub struct OfferFilterInput {
    pub kinds: Vec<OfferKind>,
    pub trade_codes: Vec<String>,
    pub pole_codes: Vec<String>,
    pub audiences: Vec<Audience>,
    pub commune_nis: Vec<String>,
    /// Only the offers of these operators (the ids need not exist: an
    /// unknown one matches nothing).
    pub operator_ids: Vec<OperatorId>,
    pub text: Option<String>,
    pub starts_after: Option<NaiveDate>,
    pub starts_before: Option<NaiveDate>,
    /// Only offers whose site lies within a radius of a point.
    pub near: Option<NearInput>,
    /// Only offers whose site lies inside a box.
    pub bbox: Option<BBoxInput>,
    /// Only these offers, reachable in these many minutes (computed by the
    /// caller from a timetable, per offer since sessions start at their own
    /// times; an offer absent is out of reach).
    pub travel_minutes: Option<HashMap<OfferId, u32>>,
}

/// "Within `radius_km` of this point", as it arrives from outside.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearInput {
    pub lat: f64,
    pub lon: f64,
    pub radius_km: f64,
}

/// A map viewport in WGS84 degrees, as it arrives from outside.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBoxInput {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

/// A checked radius search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    pub center: Point,
    pub radius_meters: f64,
}

/// Why a filter was refused. [`FilterError::field`] names the input field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FilterError {
    #[error("unknown trade code {0:?}; the `trades` query lists them")]
    UnknownTrade(String),
    #[error("unknown pole code {0:?}; the `poles` query lists them")]
    UnknownPole(String),
    #[error("{0}")]
    MalformedNis(CodeError),
    #[error(
        "{0} is not the NIS code of a commune of Wallonie picarde; the `communes` query lists them"
    )]
    UnknownCommune(String),
    #[error("{0}")]
    Text(TextQueryError),
    #[error("startsAfter ({after}) must not be later than startsBefore ({before})")]
    EmptyDateWindow { after: NaiveDate, before: NaiveDate },
    #[error("{0}")]
    NearPoint(LocationError),
    #[error("{0}")]
    NearOutsideArea(ServiceAreaError),
    #[error("{0}")]
    NearRadius(ServiceAreaError),
    #[error("{0}")]
    BBox(LocationError),
    #[error("DISTANCE needs a point to measure from: set filter.near")]
    DistanceWithoutNear,
    #[error("TRAVEL_TIME needs a place to travel from: set filter.reachable")]
    TravelTimeWithoutReachable,
}

impl FilterError {
    /// The field of the filter at fault, or `orderBy` (the order asked
    /// beside it) when the order does not fit the filter.
    pub fn field(&self) -> &'static str {
        match self {
            FilterError::UnknownTrade(_) => "tradeCodes",
            FilterError::UnknownPole(_) => "poleCodes",
            FilterError::MalformedNis(_) | FilterError::UnknownCommune(_) => "communeNis",
            FilterError::Text(_) => "text",
            FilterError::EmptyDateWindow { .. } => "startsAfter",
            FilterError::NearPoint(_) | FilterError::NearOutsideArea(_) => "near.point",
            FilterError::NearRadius(_) => "near.radiusKm",
            FilterError::BBox(_) => "bbox",
            FilterError::DistanceWithoutNear | FilterError::TravelTimeWithoutReachable => "orderBy",
        }
    }
}

/// A checked offer filter: every code names something that exists.
#[derive(Debug, Clone, Default)]
pub struct OfferQuery {
    kinds: Vec<OfferKind>,
    trade_codes: Vec<TradeCode>,
    pole_codes: Vec<PoleCode>,
    audiences: Vec<Audience>,
    commune_nis: Vec<NisCode>,
    operator_ids: Vec<OperatorId>,
    text: Option<TextQuery>,
    starts_after: Option<NaiveDate>,
    starts_before: Option<NaiveDate>,
    near: Option<Near>,
    bbox: Option<BoundingBox>,
    travel_minutes: Option<HashMap<OfferId, u32>>,
}

impl OfferQuery {
    pub fn near(&self) -> Option<Near> {
        self.near
    }

    /// Whether the query carries travel times, which hold for one departure
    /// time only and are not worth caching anything for.
    pub fn has_travel_times(&self) -> bool {
        self.travel_minutes.is_some()
    }

    fn hit<'a>(&self, indexed: &'a IndexedOffer, distance_meters: Option<f64>) -> OfferHit<'a> {
        OfferHit {
            offer: &indexed.offer,
            distance_meters,
            travel_minutes: self
                .travel_minutes
                .as_ref()
                .and_then(|minutes| minutes.get(&indexed.offer.id).copied()),
        }
    }

    /// Whether a published offer passes every filter but the spatial ones,
    /// which the search answers from the spatial index instead.
    pub(super) fn matches_attributes(&self, indexed: &IndexedOffer) -> bool {
        let offer = &indexed.offer;
        let any_or_empty = |wanted: bool, empty: bool| empty || wanted;
        offer.is_published()
            && self
                .travel_minutes
                .as_ref()
                .is_none_or(|minutes| minutes.contains_key(&offer.id))
            && any_or_empty(self.kinds.contains(&offer.kind()), self.kinds.is_empty())
            && any_or_empty(
                offer
                    .trade_codes
                    .iter()
                    .any(|t| self.trade_codes.contains(t)),
                self.trade_codes.is_empty(),
            )
            && any_or_empty(
                indexed
                    .pole_codes
                    .iter()
                    .any(|p| self.pole_codes.contains(p)),
                self.pole_codes.is_empty(),
            )
            && any_or_empty(
                offer.audiences.iter().any(|a| self.audiences.contains(a)),
                self.audiences.is_empty(),
            )
            && any_or_empty(
                self.commune_nis.contains(&indexed.commune_nis),
                self.commune_nis.is_empty(),
            )
            && any_or_empty(
                self.operator_ids.contains(&offer.operator_id),
                self.operator_ids.is_empty(),
            )
            && self.starts_in_window(offer)
            && self.text.as_ref().is_none_or(|q| indexed.text.matches(q))
    }

    /// An offer without a start date cannot be said to start in a window, so
    /// it is left out as soon as a bound is set.
    fn starts_in_window(&self, offer: &Offer) -> bool {
        if self.starts_after.is_none() && self.starts_before.is_none() {
            return true;
        }
        offer.start_date.is_some_and(|start| {
            self.starts_after.is_none_or(|after| start >= after)
                && self.starts_before.is_none_or(|before| start <= before)
        })
    }
}

/// A refused code as a message repeats it: at most 64 characters (every
/// code is shorter), so a hostile value is never echoed whole.
pub(super) fn shown_code(raw: &str) -> String {
    raw.chars().take(64).collect()
}

/// Checks the spatial parts of a filter.
pub(super) fn parse_spatial(
    near: Option<NearInput>,
    bbox: Option<BBoxInput>,
    area: &ServiceArea,
) -> Result<(Option<Near>, Option<BoundingBox>), FilterError> {
    let near = match near {
        Some(near) => {
            let center = Point::parse(near.lat, near.lon).map_err(FilterError::NearPoint)?;
            let center = area
                .check_point(center)
                .map_err(FilterError::NearOutsideArea)?;
            let radius_meters = area
                .check_radius_km(near.radius_km)
                .map_err(FilterError::NearRadius)?;
            Some(Near {
                center,
                radius_meters,
            })
        }
        None => None,
    };
    let bbox = match bbox {
        Some(b) => Some(
            BoundingBox::parse(b.min_lon, b.min_lat, b.max_lon, b.max_lat)
                .map_err(FilterError::BBox)?,
        ),
        None => None,
    };
    Ok((near, bbox))
}

/// How offers are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfferOrder {
    /// Soonest start first; offers without a start date last.
    StartDate,
    /// Most recently updated first.
    UpdatedAt,
    /// Nearest to the `near` point first.
    Distance,
    /// Quickest to reach first (needs travel times in the filter).
    TravelTime,
}

/// An offer found by a search, with its distance when the search had a
/// `near` point and its travel time when it had travel times.
#[derive(Debug, Clone, Copy)]
pub struct OfferHit<'a> {
    pub offer: &'a Offer,
    pub distance_meters: Option<f64>,
    pub travel_minutes: Option<u32>,
}

/// Where an offer stands in an order: what a cursor remembers. Ordering is
/// by `key` then `id`, both ascending, so positions are total and stable
/// across catalogue rebuilds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct OfferPosition {
    pub key: i64,
    pub id: OfferId,
}

impl OfferOrder {
    /// The hit's position; for DISTANCE, the key is the distance in
    /// millimetres, for TRAVEL_TIME the minutes (hits without one, which a
    /// search never yields, last).
    pub(super) fn position(self, hit: &OfferHit<'_>) -> OfferPosition {
        self.sort_key(hit.offer, hit.distance_meters, hit.travel_minutes)
    }

    pub(super) fn sort_key(
        self,
        offer: &Offer,
        distance_meters: Option<f64>,
        travel_minutes: Option<u32>,
    ) -> OfferPosition {
        let key = match self {
            OfferOrder::StartDate => offer
                .start_date
                .map_or(i64::MAX, |d| i64::from(d.num_days_from_ce())),
            OfferOrder::UpdatedAt => -offer.updated_at.timestamp_millis(),
            OfferOrder::Distance => distance_meters.map_or(i64::MAX, Self::sort_key_for_distance),
            OfferOrder::TravelTime => travel_minutes.map_or(i64::MAX, i64::from),
        };
        OfferPosition { key, id: offer.id }
    }

    /// The DISTANCE key: millimetres, so cursors hold integers.
    fn sort_key_for_distance(meters: f64) -> i64 {
        (meters * 1000.0).round() as i64
    }
}

/// A page of offers.
pub type OfferPage<'a> = Page<OfferHit<'a>, OfferPosition>;

impl Catalog {
    /// Checks a filter against the reference data and the service area.
    pub fn parse_offer_filter(
        &self,
        input: OfferFilterInput,
        area: &ServiceArea,
    ) -> Result<OfferQuery, FilterError> {
        let trade_codes = self.parse_trade_codes(&input.trade_codes)?;
        let pole_codes = input
            .pole_codes
            .iter()
            .map(|raw| {
                PoleCode::parse(raw)
                    .ok()
                    .filter(|code| self.pole(code).is_some())
                    .ok_or_else(|| FilterError::UnknownPole(shown_code(raw)))
            })
            .collect::<Result<_, _>>()?;
        let commune_nis = self.parse_commune_codes(&input.commune_nis)?;
        let text = match &input.text {
            Some(raw) => TextQuery::parse(raw).map_err(FilterError::Text)?,
            None => None,
        };
        if let (Some(after), Some(before)) = (input.starts_after, input.starts_before)
            && after > before
        {
            return Err(FilterError::EmptyDateWindow { after, before });
        }
        let (near, bbox) = parse_spatial(input.near, input.bbox, area)?;
        Ok(OfferQuery {
            near,
            bbox,
            travel_minutes: input.travel_minutes,
            kinds: input.kinds,
            trade_codes,
            pole_codes,
            audiences: input.audiences,
            commune_nis,
            operator_ids: input.operator_ids,
            text,
            starts_after: input.starts_after,
            starts_before: input.starts_before,
        })
    }

    /// Checks that every code names a known trade.
    pub(super) fn parse_trade_codes(
        &self,
        raw_codes: &[String],
    ) -> Result<Vec<TradeCode>, FilterError> {
        raw_codes
            .iter()
            .map(|raw| {
                TradeCode::parse(raw)
                    .ok()
                    .filter(|code| self.trade(code).is_some())
                    .ok_or_else(|| FilterError::UnknownTrade(shown_code(raw)))
            })
            .collect()
    }

    pub(super) fn parse_commune_codes(
        &self,
        raw_codes: &[String],
    ) -> Result<Vec<NisCode>, FilterError> {
        raw_codes
            .iter()
            .map(|raw| {
                let nis = NisCode::parse(raw).map_err(FilterError::MalformedNis)?;
                match self.commune(&nis) {
                    Some(_) => Ok(nis),
                    None => Err(FilterError::UnknownCommune(shown_code(raw))),
                }
            })
            .collect()
    }

    /// The published offers matching the query, in order, one page at a
    /// time. Without `count_total`, the page's `total_count` is `None` and a
    /// search by distance only visits the sites nearest to the point until the
    /// page is full, instead of every site within the radius.
    pub fn search_offers(
        &self,
        query: &OfferQuery,
        order: OfferOrder,
        size: PageSize,
        after: Option<&OfferPosition>,
        count_total: bool,
    ) -> Result<OfferPage<'_>, FilterError> {
        if order == OfferOrder::TravelTime && query.travel_minutes.is_none() {
            return Err(FilterError::TravelTimeWithoutReachable);
        }
        if order == OfferOrder::Distance {
            let Some(near) = query.near else {
                return Err(FilterError::DistanceWithoutNear);
            };
            if !count_total {
                return Ok(self.nearest_offers(query, near, size, after));
            }
        }
        let mut matching: Vec<(OfferHit<'_>, OfferPosition)> = self
            .matching_offers(query)
            .into_iter()
            .map(|hit| (hit, order.position(&hit)))
            .collect();
        matching.sort_unstable_by_key(|(_, position)| *position);
        Ok(Page::cut(matching, size, after, |position, cursor| {
            position > cursor
        }))
    }

    /// A page of offers by distance, walking the sites from the nearest out
    /// and stopping as soon as no farther site can enter the page.
    fn nearest_offers(
        &self,
        query: &OfferQuery,
        near: Near,
        size: PageSize,
        after: Option<&OfferPosition>,
    ) -> OfferPage<'_> {
        let wanted = size.get() + 1; // one more tells whether a next page exists
        let mut found: Vec<(OfferHit<'_>, OfferPosition)> = Vec::new();
        for (site_id, meters) in self.site_index.nearest(near.center) {
            if meters > near.radius_meters {
                break;
            }
            let site_key = OfferOrder::sort_key_for_distance(meters);
            // Positions only grow from here: once the page is full and this
            // site is farther than all of it, nothing later can enter.
            if found.len() >= wanted && found.iter().all(|(_, p)| p.key < site_key) {
                break;
            }
            if query.bbox.is_some_and(|b| {
                self.sites
                    .get(&site_id)
                    .is_none_or(|s| !b.contains(s.location))
            }) {
                continue;
            }
            let positions = self
                .offers_by_site
                .get(&site_id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for &i in positions {
                let indexed = &self.offers[i];
                if !query.matches_attributes(indexed) {
                    continue;
                }
                let hit = query.hit(indexed, Some(meters));
                let position = OfferOrder::Distance.position(&hit);
                if after.is_none_or(|cursor| position > *cursor) {
                    found.push((hit, position));
                }
            }
        }
        found.sort_unstable_by_key(|(_, position)| *position);
        let has_next_page = found.len() > size.get();
        found.truncate(size.get());
        Page {
            items: found,
            total_count: None,
            has_next_page,
            has_previous_page: after.is_some(),
        }
    }

    /// Every published offer matching the query, in no particular order.
    /// Spatial filters are answered by the site index; only the offers at
    /// the sites it returns are then checked against the other filters.
    pub fn matching_offers<'a>(&'a self, query: &OfferQuery) -> Vec<OfferHit<'a>> {
        let hit = |indexed: &'a IndexedOffer, distance_meters| query.hit(indexed, distance_meters);
        let Some(sites) = self.sites_in_spatial_filter(query.near, query.bbox) else {
            return self
                .offers
                .iter()
                .filter(|indexed| query.matches_attributes(indexed))
                .map(|indexed| hit(indexed, None))
                .collect();
        };
        sites
            .into_iter()
            .flat_map(|(site_id, distance)| {
                let positions = self
                    .offers_by_site
                    .get(&site_id)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                positions.iter().map(move |&i| (i, distance))
            })
            .filter(|&(i, _)| query.matches_attributes(&self.offers[i]))
            .map(|(i, distance)| hit(&self.offers[i], distance))
            .collect()
    }

    /// The sites the spatial filters keep, with their distance to the `near`
    /// point when there is one; `None` when the query has no spatial filter.
    pub(super) fn sites_in_spatial_filter(
        &self,
        near: Option<Near>,
        bbox: Option<BoundingBox>,
    ) -> Option<Vec<(SiteId, Option<f64>)>> {
        match (near, bbox) {
            (None, None) => None,
            (Some(near), bbox) => Some(
                self.site_index
                    .within_radius(near.center, near.radius_meters)
                    .into_iter()
                    .filter(|(site_id, _)| {
                        bbox.is_none_or(|b| {
                            self.sites
                                .get(site_id)
                                .is_some_and(|s| b.contains(s.location))
                        })
                    })
                    .map(|(site_id, meters)| (site_id, Some(meters)))
                    .collect(),
            ),
            (None, Some(bbox)) => Some(
                self.site_index
                    .in_bbox(&bbox)
                    .into_iter()
                    .map(|id| (id, None))
                    .collect(),
            ),
        }
    }
}
