//! Public transport: stops, departures and journeys, from the `transit`
//! timetable. Inputs are checked in `app::travel`.

use async_graphql::{Context, Enum, Object, SimpleObject};
use chrono::{DateTime, FixedOffset};

use super::inputs::{PlaceInput, PointInput};
use super::objects::GeoPoint;
use crate::context::snapshot;
use crate::cost;
use crate::error::{ApiResult, Located};

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

/// Why no journey was found, for clients to say what to change.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "transit::NoJourneyKind")]
pub enum NoJourneyCode {
    /// Not even the longest allowed walk reaches a stop from the origin.
    NoStopNearOrigin,
    /// Not even the longest allowed walk reaches the destination from a stop.
    NoStopNearDestination,
    /// No bus or train serves the stops near the origin or the destination that day (a Sunday, a
    /// holiday).
    NoServiceThatDay,
    /// The first arrival near the destination that day is later than the asked arrival time.
    ArriveByTooEarly,
    /// Vehicles run, but none links the two places in the 24 hours searched.
    NoConnection,
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
    #[graphql(complexity = "cost::list(cost::LEGS_PER_JOURNEY, child_complexity)")]
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
    /// Why no journey was found, when `journeys` is empty, in words.
    pub no_journey_reason: Option<String>,
    /// Why no journey was found, when `journeys` is empty, as a code.
    pub no_journey_code: Option<NoJourneyCode>,
}

/// Public transport: stops, journeys and departures.
#[derive(Debug, Default)]
pub struct TransitQuery;

impl From<transit::Departure> for Departure {
    fn from(d: transit::Departure) -> Self {
        Departure {
            time: d.time,
            stop: d.stop.into(),
            mode: d.mode.into(),
            route_short_name: d.route_short_name,
            route_long_name: d.route_long_name,
            headsign: d.headsign,
            trip_id: d.trip_id,
        }
    }
}

fn plan(
    ctx: &Context<'_>,
    from: PlaceInput,
    to: PlaceInput,
    depart_at: Option<DateTime<FixedOffset>>,
    arrive_by: Option<DateTime<FixedOffset>>,
    first: Option<i32>,
) -> ApiResult<JourneyPlan> {
    let outcome = app::travel::plan_journeys(
        snapshot(ctx),
        &from.into(),
        &to.into(),
        app::travel::JourneyTime {
            depart_at,
            arrive_by,
        },
        first,
    )
    .located()?;
    Ok(JourneyPlan {
        journeys: outcome.journeys.into_iter().map(Into::into).collect(),
        no_journey_reason: outcome.no_journey.as_ref().map(|n| n.message.clone()),
        no_journey_code: outcome.no_journey.map(|n| n.kind.into()),
    })
}

/// Public transport: stops, journeys and departures.
#[Object]
impl TransitQuery {
    /// Public transport stops near a point, nearest first (a station stands for its platforms).
    #[graphql(complexity = "cost::page(first, 20, 100, child_complexity)")]
    async fn stops_near(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Where to look around.")] point: PointInput,
        #[graphql(desc = "How far, in metres, 1 to 5,000 (default 500).")] radius_meters: Option<
            i32,
        >,
        #[graphql(desc = "How many stops, 0 to 100 (default 20).")] first: Option<i32>,
    ) -> ApiResult<Vec<StopDistance>> {
        let stops =
            app::travel::stops_near(snapshot(ctx), point.into(), radius_meters, first).located()?;
        Ok(stops
            .into_iter()
            .map(|(stop, distance_meters)| StopDistance {
                stop: stop.into(),
                distance_meters,
            })
            .collect())
    }

    /// Journeys by public transport and on foot, earliest arrival first, with the ones with fewer
    /// changes. Give `departAt` or `arriveBy` (default: leaving now). No journey is an empty list;
    /// `journeyPlan` says why.
    #[graphql(complexity = "cost::page(first, 3, 10, child_complexity)")]
    async fn journeys(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Where one leaves from.")] from: PlaceInput,
        #[graphql(desc = "Where one goes.")] to: PlaceInput,
        #[graphql(desc = "Leave at this time or later, with its UTC offset.")] depart_at: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "Arrive at this time or earlier, with its UTC offset.")] arrive_by: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "How many journeys, 1 to 10 (default 3).")] first: Option<i32>,
    ) -> ApiResult<Vec<Journey>> {
        Ok(plan(ctx, from, to, depart_at, arrive_by, first)?.journeys)
    }

    /// Like `journeys`, with the reason when there is none.
    #[graphql(complexity = "cost::page(first, 3, 10, child_complexity)")]
    async fn journey_plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Where one leaves from.")] from: PlaceInput,
        #[graphql(desc = "Where one goes.")] to: PlaceInput,
        #[graphql(desc = "Leave at this time or later, with its UTC offset.")] depart_at: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "Arrive at this time or earlier, with its UTC offset.")] arrive_by: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "How many journeys, 1 to 10 (default 3).")] first: Option<i32>,
    ) -> ApiResult<JourneyPlan> {
        plan(ctx, from, to, depart_at, arrive_by, first)
    }

    /// The next departures at a stop or station.
    #[graphql(complexity = "cost::page(first, 10, 100, child_complexity)")]
    async fn departures(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A stop, platform or station id from `stopsNear`.")] stop_id: String,
        #[graphql(desc = "From this time, with its UTC offset (default: now).")] at: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "How many departures, 1 to 100 (default 10).")] first: Option<i32>,
    ) -> ApiResult<Vec<Departure>> {
        let departures = app::travel::departures(snapshot(ctx), &stop_id, at, first).located()?;
        Ok(departures.into_iter().map(Into::into).collect())
    }
}
