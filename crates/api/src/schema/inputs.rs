//! Inputs of searches: filters, points, boxes and places, and their
//! conversion into the application's inputs.

use async_graphql::{ID, InputObject};
use chrono::{DateTime, FixedOffset};

use super::enums::{Audience, OfferKind, OperatorKind};
use super::scalars::Date;
use crate::error::{ApiResult, Located};

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
    /// Only offers of these operators (their `id`s).
    pub operator_ids: Option<Vec<ID>>,
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
    pub reachable: Option<ReachableInput>,
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
            // Global ids, read by `OfferFilter::split`.
            operator_ids: Vec::new(),
            text: filter.text,
            starts_after: filter.starts_after.map(|d| d.0),
            starts_before: filter.starts_before.map(|d| d.0),
            near: filter.near.map(Into::into),
            bbox: filter.bbox.map(Into::into),
            // Filled from `reachable` by `app::search`, which needs the timetable.
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

/// Where a journey starts or ends: exactly one of a point, a stop, a commune, or a postal locality
/// (`postcode`, `locality`, or both). A `geocode` candidate is a place as it is: its `location` as
/// `point`, or its `communeNis`, or its `postcode` and `name` as `postcode` and `locality`.
#[derive(InputObject, Debug, Clone)]
pub struct PlaceInput {
    /// A point inside the service area (an address found with `geocode`, a site's location).
    pub point: Option<PointInput>,
    /// A stop, platform or station id from `stopsNear`.
    pub stop_id: Option<String>,
    /// A commune, by NIS code: it stands where its people are, at its main locality ("7800 Ath" for
    /// Ath), not at its centroid, which for a merged commune often lies in fields.
    pub commune_nis: Option<String>,
    /// A postcode of Wallonie picarde ("7860"): the locality bearing its commune's name, or its
    /// only locality; with several, give `locality` too.
    pub postcode: Option<String>,
    /// A postal locality's name ("Houtaing"), accents and case ignored; a commune's name stands for
    /// its main locality. A name that is no locality is refused with the closest one suggested.
    pub locality: Option<String>,
}

/// "Reachable by public transport": from a place, arriving by a time, within a travel time.
#[derive(InputObject, Debug, Clone)]
pub struct ReachableInput {
    /// Where one leaves from.
    pub from: PlaceInput,
    /// The longest acceptable travel time, in minutes (1 to 240).
    pub max_minutes: i32,
    /// When one must arrive at the offer's site, with its UTC offset.
    pub arrive_by: DateTime<FixedOffset>,
    /// Also require, for trainings with a daily end time, a journey back to `from` leaving the site
    /// after the session ends that same day, within `returnWithinMinutes` and taking at most
    /// `maxMinutes`; edges then carry `returnDeparture`.
    pub return_after: Option<bool>,
    /// How soon after the session ends the way home must leave, in minutes (1 to 240, default
    /// 120).
    pub return_within_minutes: Option<i32>,
}

impl OfferFilter {
    /// The catalogue's filter, and the reachability the application turns
    /// into travel times.
    /// Fails on an operator id that is not one (an unknown operator's id
    /// matches nothing); the argument is named `filter`.
    pub(crate) fn split(
        self,
    ) -> ApiResult<(
        domain::catalog::OfferFilterInput,
        Option<app::travel::ReachableInput>,
    )> {
        let reachable = self.reachable.clone().map(Into::into);
        let operator_ids = self
            .operator_ids
            .clone()
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(i, id)| app::ids::parse_operator_id(id, &format!("operatorIds[{i}]")))
            .collect::<Result<Vec<_>, _>>()
            .at("filter")?;
        let mut filter: domain::catalog::OfferFilterInput = self.into();
        filter.operator_ids = operator_ids;
        Ok((filter, reachable))
    }
}

impl From<PointInput> for app::travel::RawPoint {
    fn from(point: PointInput) -> Self {
        app::travel::RawPoint {
            lat: point.lat,
            lon: point.lon,
        }
    }
}

impl From<PlaceInput> for app::travel::PlaceInput {
    fn from(place: PlaceInput) -> Self {
        app::travel::PlaceInput {
            point: place.point.map(Into::into),
            stop_id: place.stop_id,
            commune_nis: place.commune_nis,
            postcode: place.postcode,
            locality: place.locality,
        }
    }
}

impl From<ReachableInput> for app::travel::ReachableInput {
    fn from(reachable: ReachableInput) -> Self {
        app::travel::ReachableInput {
            from: reachable.from.into(),
            max_minutes: reachable.max_minutes,
            arrive_by: reachable.arrive_by,
            return_after: reachable.return_after,
            return_within_minutes: reachable.return_within_minutes,
        }
    }
}

impl From<BBoxInput> for app::search::Viewport {
    fn from(b: BBoxInput) -> Self {
        app::search::Viewport {
            min_lon: b.min_lon,
            min_lat: b.min_lat,
            max_lon: b.max_lon,
            max_lat: b.max_lat,
        }
    }
}

/// Which public equipment to list. Within a field the values are alternatives (OR); fields combine
/// (AND). An empty list filters nothing.
#[derive(InputObject, Debug, Clone, Default)]
#[graphql(name = "EquipmentFilter")]
pub struct EquipmentFilter {
    /// Only items serving one of these trades (codes from `trades`).
    pub trade_codes: Option<Vec<String>>,
    /// Only items in one of these categories (codes from `equipmentCategories`).
    pub categories: Option<Vec<String>>,
    /// Only items that let learners practise one of these competence units.
    pub competence_codes: Option<Vec<String>>,
    /// Words to find in the name, category, brand, model, refrigerant, operator or place; accents
    /// and case are ignored. At most 200 characters.
    pub text: Option<String>,
    /// true: only items another operator may ask for now (shared, in working order); false: only
    /// the others.
    pub shareable: Option<bool>,
    /// Only items at a site inside one of these communes (NIS codes from `communes`).
    pub commune_nis: Option<Vec<String>>,
    /// Only items of these operators (their `id`s).
    pub operator_ids: Option<Vec<ID>>,
    /// Only items whose site lies within a great-circle radius of a point; edges then carry
    /// `distanceMeters`.
    pub near: Option<NearInput>,
    /// Only items whose site lies inside this box (a map viewport).
    pub bbox: Option<BBoxInput>,
    /// Only items whose site is reachable by public transport from a place, arriving by a time;
    /// edges then carry `travelMinutes`. `returnAfter` does not apply to equipment.
    pub reachable: Option<ReachableInput>,
}

impl EquipmentFilter {
    /// The catalogue's filter and the reachability; the argument is named `filter`.
    pub(crate) fn split(
        self,
    ) -> ApiResult<(
        domain::catalog::EquipmentFilterInput,
        Option<app::travel::ReachableInput>,
    )> {
        let operator_ids = self
            .operator_ids
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(i, id)| app::ids::parse_operator_id(id, &format!("operatorIds[{i}]")))
            .collect::<Result<Vec<_>, _>>()
            .at("filter")?;
        let filter = domain::catalog::EquipmentFilterInput {
            trade_codes: self.trade_codes.unwrap_or_default(),
            categories: self.categories.unwrap_or_default(),
            competence_codes: self.competence_codes.unwrap_or_default(),
            commune_nis: self.commune_nis.unwrap_or_default(),
            operator_ids,
            site_ids: Vec::new(),
            text: self.text,
            shareable: self.shareable,
            near: self.near.map(Into::into),
            bbox: self.bbox.map(Into::into),
            travel_minutes: None,
        };
        Ok((filter, self.reachable.map(Into::into)))
    }
}
