//! Public transport: stops, departures and journeys, from the `transit`
//! timetable. Inputs are checked in `crate::travel`.

use async_graphql::{Enum, InputObject, SimpleObject};
use chrono::{DateTime, FixedOffset};

use super::connection::PointInput;
use super::reference::GeoPoint;

/// Where a journey starts or ends: exactly one of the three.
#[derive(InputObject, Debug, Clone)]
pub struct PlaceInput {
    /// A point (an address found with `geocode`, a site's location).
    pub point: Option<PointInput>,
    /// A stop, platform or station id from `stopsNear`.
    pub stop_id: Option<String>,
    /// A commune, by NIS code: a point inside it stands for it.
    pub commune_nis: Option<String>,
}

/// The means of a journey leg.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "transit::Mode")]
pub enum TransitMode {
    /// On foot.
    Walk,
    /// Bus.
    Bus,
    /// Train.
    Train,
    /// Tram.
    Tram,
    /// Metro.
    Metro,
    /// Any other vehicle (ferry, cable car…).
    Other,
}

/// A stop, platform or station.
#[derive(SimpleObject, Debug, Clone)]
pub struct Stop {
    /// Its id in the timetable; use it in `departures` or as a `PlaceInput.stopId`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Where it is (WGS84).
    pub location: GeoPoint,
    /// The platform code, for a platform.
    pub platform_code: Option<String>,
}

impl From<transit::StopInfo> for Stop {
    fn from(stop: transit::StopInfo) -> Self {
        Stop {
            id: stop.id,
            name: stop.name,
            location: GeoPoint {
                lat: stop.location.lat(),
                lon: stop.location.lon(),
            },
            platform_code: stop.platform_code,
        }
    }
}

/// A stop and how far it is from the point asked about.
#[derive(SimpleObject, Debug, Clone)]
pub struct StopDistance {
    /// The stop (a station stands for its platforms).
    pub stop: Stop,
    /// Straight-line distance in metres.
    pub distance_meters: f64,
}

/// A vehicle leaving a stop.
#[derive(SimpleObject, Debug, Clone)]
pub struct Departure {
    /// When it leaves, with its UTC offset.
    pub time: DateTime<FixedOffset>,
    /// Where it leaves from (the platform, for a station).
    pub stop: Stop,
    /// Bus, train…
    pub mode: TransitMode,
    /// The line's short name ("W1", "L94").
    pub route_short_name: Option<String>,
    /// The line's long name.
    pub route_long_name: Option<String>,
    /// Where it is heading.
    pub headsign: Option<String>,
    /// The timetable's trip id.
    pub trip_id: String,
}

/// A walk, or a ride in one vehicle.
#[derive(SimpleObject, Debug, Clone)]
pub struct Leg {
    /// Walk, bus, train…
    pub mode: TransitMode,
    /// Where it starts; null where a walk starts at a point.
    pub from_stop: Option<Stop>,
    /// Where it ends; null where a walk ends at a point.
    pub to_stop: Option<Stop>,
    /// When it starts, with its UTC offset.
    pub departure: DateTime<FixedOffset>,
    /// When it ends, with its UTC offset.
    pub arrival: DateTime<FixedOffset>,
    /// The line's name (rides only).
    pub route_name: Option<String>,
    /// Where the vehicle is heading (rides only).
    pub headsign: Option<String>,
    /// The timetable's trip id (rides only).
    pub trip_id: Option<String>,
    /// How far one walks, in metres (walks only).
    pub walk_meters: Option<f64>,
}

/// A way from one place to another by public transport and on foot.
#[derive(SimpleObject, Debug, Clone)]
pub struct Journey {
    /// When one leaves, with its UTC offset (Europe/Brussels wall clock).
    pub departure: DateTime<FixedOffset>,
    /// When one arrives, with its UTC offset.
    pub arrival: DateTime<FixedOffset>,
    /// From departure to arrival, in whole minutes (rounded up).
    pub duration_minutes: i32,
    /// Changes of vehicle.
    pub transfers: i32,
    /// The walks and rides, in order.
    pub legs: Vec<Leg>,
}

impl From<transit::Journey> for Journey {
    fn from(journey: transit::Journey) -> Self {
        let seconds = journey.duration().num_seconds();
        Journey {
            departure: journey.departure,
            arrival: journey.arrival,
            duration_minutes: i32::try_from((seconds + 59) / 60).unwrap_or(i32::MAX),
            transfers: i32::try_from(journey.transfers).unwrap_or(i32::MAX),
            legs: journey
                .legs
                .into_iter()
                .map(|leg| Leg {
                    mode: leg.mode.into(),
                    from_stop: leg.from_stop.map(Into::into),
                    to_stop: leg.to_stop.map(Into::into),
                    departure: leg.departure,
                    arrival: leg.arrival,
                    route_name: leg.route_name,
                    headsign: leg.headsign,
                    trip_id: leg.trip_id,
                    walk_meters: leg.walk_meters,
                })
                .collect(),
        }
    }
}

/// Journeys found, or why there are none.
#[derive(SimpleObject, Debug, Clone)]
pub struct JourneyPlan {
    /// The journeys, earliest arrival first: the fastest and those with fewer changes.
    pub journeys: Vec<Journey>,
    /// Why no journey was found, when `journeys` is empty.
    pub no_journey_reason: Option<String>,
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
    /// after the session ends that same day (within the same travel time).
    pub return_after: Option<bool>,
}
