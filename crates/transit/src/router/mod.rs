//! Journey planning on the [`Timetable`] with the Connection Scan Algorithm;
//! see the crate documentation for the model and the choices.

mod backward;
mod diagnosis;
mod endpoints;
mod forward;
mod journeys;
mod one_to_many;
mod reconstruct;
pub(crate) mod streams;

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::coordinate::Coordinate;
use crate::model::{Instant, Mode};
use crate::timetable::StopInfo;

pub use diagnosis::{NoJourney, NoJourneyKind};

/// Where a journey starts or ends.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// Anywhere: one walks from or to the stops within
    /// [`crate::RouterSettings::max_walk_meters`], or, where there is none,
    /// to the nearest within [`crate::RouterSettings::max_fallback_walk_meters`].
    Point(Coordinate),
    /// A stop or platform id, or a station id standing for any of its
    /// platforms.
    Stop(String),
}

/// When to travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeConstraint {
    /// Leave at this instant or later.
    DepartAfter(DateTime<FixedOffset>),
    /// Arrive at this instant or earlier.
    ArriveBy(DateTime<FixedOffset>),
}

impl TimeConstraint {
    pub(crate) fn instant(&self) -> Instant {
        match self {
            TimeConstraint::DepartAfter(t) | TimeConstraint::ArriveBy(t) => t.timestamp(),
        }
    }
}

/// A journey planning question.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyQuery {
    pub from: Place,
    pub to: Place,
    pub time: TimeConstraint,
    /// At most this many journeys, 1 to [`MAX_JOURNEYS`].
    pub max_journeys: usize,
}

/// The most journeys one query may ask for.
pub const MAX_JOURNEYS: usize = 10;

/// The journeys found, or why there are none.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyOutcome {
    /// Sorted by arrival, then by latest departure.
    pub journeys: Vec<Journey>,
    /// Why there is none, when `journeys` is empty.
    pub no_journey: Option<NoJourney>,
}

/// A way from the origin to the destination: a sequence of legs, each
/// starting where and after the previous one ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    pub departure: DateTime<FixedOffset>,
    pub arrival: DateTime<FixedOffset>,
    /// Changes of vehicle: vehicles taken minus one, 0 for a walk.
    pub transfers: u32,
    pub legs: Vec<Leg>,
}

impl Journey {
    pub fn duration(&self) -> TimeDelta {
        self.arrival - self.departure
    }
}

/// A walk, or a ride in one vehicle from boarding to alighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Leg {
    pub mode: Mode,
    /// `None` where a walk starts at a point.
    pub from_stop: Option<StopInfo>,
    /// `None` where a walk ends at a point.
    pub to_stop: Option<StopInfo>,
    pub departure: DateTime<FixedOffset>,
    pub arrival: DateTime<FixedOffset>,
    /// The GTFS route id (rides only).
    pub route_id: Option<String>,
    /// The route's short name, else its long name (rides only).
    pub route_name: Option<String>,
    /// Where the vehicle is heading (rides only).
    pub headsign: Option<String>,
    /// The GTFS trip id (rides only); shared by every departure of a
    /// frequency-based trip.
    pub trip_id: Option<String>,
    /// The walking distance (walks only).
    pub walk_meters: Option<f64>,
}

/// Travel times from one place to many points.
#[derive(Debug, Clone, PartialEq)]
pub struct OneToManyQuery {
    pub from: Place,
    /// Up to [`MAX_TARGETS`] points.
    pub targets: Vec<Coordinate>,
    /// [`TimeConstraint::DepartAfter`]: a travel time runs from that instant
    /// to the arrival. [`TimeConstraint::ArriveBy`]: from the latest
    /// departure that still arrives in time, to that deadline.
    pub time: TimeConstraint,
    /// Longer travel times are not computed (`None`). 1 minute to 24 hours.
    pub max_travel: TimeDelta,
}

/// The most points one travel-time query may ask for.
pub const MAX_TARGETS: usize = 20_000;

/// Journeys must depart (depart-after) or arrive (arrive-by) within this
/// many seconds of the asked time.
pub(crate) const SEARCH_HORIZON_SECONDS: Instant = 24 * 3600;

/// How much later than the earliest arrival (earlier than the latest
/// departure, for arrive-by) a journey with fewer changes is still looked
/// for: an hour, or the journey's own duration when longer. Without a bound
/// the scans would run to the horizon looking for a direct bus.
pub(crate) fn alternative_slack(best_duration: Instant) -> Instant {
    best_duration.max(3600)
}
