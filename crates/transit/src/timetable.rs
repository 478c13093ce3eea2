//! The [`Timetable`]: every feed merged, immutable, shared behind an `Arc`;
//! its stop look-ups live here, its routing in [`crate::router`], and its
//! building from GTFS feeds ([`Timetable::load`]) in [`crate::import`].

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use chrono_tz::Tz;

use crate::coordinate::{BoundingBox, Coordinate};
use crate::error::QueryError;
use crate::model::{
    Footpaths, Instant, RouteRecord, ServiceDays, StopIdx, StopKind, StopRecord, TimeZoneGroup,
    TripRecord,
};
use crate::settings::RouterSettings;
use crate::spatial::StopTree;

/// How far from a feed's stops a point still counts as covered by it.
pub const COVERAGE_MARGIN_METERS: f64 = 5_000.0;

/// Every feed's timetable, merged, ready for queries. Immutable and
/// `Send + Sync`: build it once and share it behind an `Arc`.
#[derive(Debug)]
pub struct Timetable {
    pub(crate) settings: RouterSettings,
    pub(crate) feeds: Vec<FeedSummary>,
    pub(crate) stops: Vec<StopRecord>,
    pub(crate) stop_index: HashMap<String, StopIdx>,
    pub(crate) routes: Vec<RouteRecord>,
    pub(crate) trips: Vec<TripRecord>,
    pub(crate) services: ServiceDays,
    pub(crate) groups: Vec<TimeZoneGroup>,
    pub(crate) footpaths_out: Footpaths,
    pub(crate) footpaths_in: Footpaths,
    /// Seconds to change vehicles at each stop, or [`crate::model::NO_TRANSFER`].
    pub(crate) transfer_seconds: Vec<u32>,
    pub(crate) tree: StopTree,
    /// The time zone of the first feed, in which every time is given back.
    pub(crate) display_tz: Tz,
}

/// What one feed brought, as [`Timetable::feeds`] lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedSummary {
    pub name: String,
    pub agencies: Vec<String>,
    pub timezone: Tz,
    /// The first and last service days on which some trip runs.
    pub validity_start: NaiveDate,
    pub validity_end: NaiveDate,
    /// Around every stop and station of the feed.
    pub bounding_box: BoundingBox,
}

/// A stop, platform or station, as queries return it.
#[derive(Debug, Clone, PartialEq)]
pub struct StopInfo {
    pub id: String,
    pub name: String,
    pub location: Coordinate,
    pub kind: StopKind,
    /// The station's id, for a platform.
    pub parent: Option<String>,
    pub platform_code: Option<String>,
}

impl Timetable {
    /// The feeds, in the order they were given.
    pub fn feeds(&self) -> &[FeedSummary] {
        &self.feeds
    }

    /// The settings the timetable was built with.
    pub fn settings(&self) -> &RouterSettings {
        &self.settings
    }

    /// Whether the point is within [`COVERAGE_MARGIN_METERS`] of the bounding
    /// box of some feed's stops.
    pub fn covers(&self, point: Coordinate) -> bool {
        self.feeds.iter().any(|f| {
            f.bounding_box
                .contains_with_margin(point, COVERAGE_MARGIN_METERS)
        })
    }

    /// A stop, platform or station by id.
    pub fn stop(&self, id: &str) -> Option<StopInfo> {
        self.stop_index.get(id).map(|&s| self.stop_info(s))
    }

    /// Stops within `radius_meters` (straight line) of the point, nearest
    /// first, with their distance in metres, at most `limit` of them.
    ///
    /// Platforms are grouped by station: a platform is reported as its
    /// station, at the distance of its nearest platform, once. A stop with
    /// no station is reported as itself. Every id returned can be given to
    /// [`Timetable::departures`] and used as a [`crate::Place::Stop`].
    pub fn stops_near(
        &self,
        point: Coordinate,
        radius_meters: f64,
        limit: usize,
    ) -> Vec<(StopInfo, f64)> {
        let mut found: Vec<(StopInfo, f64)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for stop in self.tree.nearest(point) {
            if found.len() >= limit {
                break;
            }
            let distance = self.stops[stop as usize].location.distance_meters(point);
            if distance > radius_meters {
                break;
            }
            let shown = self.stops[stop as usize].parent.unwrap_or(stop);
            if seen.insert(shown) {
                found.push((self.stop_info(shown), distance));
            }
        }
        found
    }

    pub(crate) fn stop_info(&self, stop: StopIdx) -> StopInfo {
        let s = &self.stops[stop as usize];
        StopInfo {
            id: s.id.clone(),
            name: s.name.clone(),
            location: s.location,
            kind: s.kind,
            parent: s.parent.map(|p| self.stops[p as usize].id.clone()),
            platform_code: s.platform_code.clone(),
        }
    }

    /// The stops vehicles call at for an id: the stop itself, or a
    /// station's platforms.
    pub(crate) fn platforms_of(&self, id: &str) -> Result<Vec<StopIdx>, QueryError> {
        let &stop = self
            .stop_index
            .get(id)
            .ok_or_else(|| QueryError::UnknownStop(id.to_owned()))?;
        let record = &self.stops[stop as usize];
        match record.kind {
            StopKind::Stop => Ok(vec![stop]),
            StopKind::Station if !record.children.is_empty() => Ok(record.children.clone()),
            StopKind::Station => Err(QueryError::NotAStop(id.to_owned())),
        }
    }

    /// An instant as a date and time with the display time zone's offset.
    pub(crate) fn local(&self, instant: Instant) -> DateTime<FixedOffset> {
        self.display_tz
            .timestamp_opt(instant, 0)
            .single()
            .map(|t| t.fixed_offset())
            .unwrap_or_default()
    }

    /// Refuses a query whose local date no feed covers.
    pub(crate) fn check_date(&self, instant: Instant) -> Result<(), QueryError> {
        let covered = self.feeds.iter().any(|f| {
            let date = f
                .timezone
                .timestamp_opt(instant, 0)
                .single()
                .map(|t| t.date_naive());
            date.is_some_and(|d| (f.validity_start..=f.validity_end).contains(&d))
        });
        if covered {
            return Ok(());
        }
        let date = self
            .display_tz
            .timestamp_opt(instant, 0)
            .single()
            .map(|t| t.date_naive())
            .unwrap_or_default();
        Err(QueryError::DateOutsideValidity {
            date,
            start: self
                .feeds
                .iter()
                .map(|f| f.validity_start)
                .min()
                .unwrap_or(date),
            end: self
                .feeds
                .iter()
                .map(|f| f.validity_end)
                .max()
                .unwrap_or(date),
        })
    }
}
