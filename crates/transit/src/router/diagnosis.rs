//! Why a search found no journey, told apart so a person knows what to
//! change: no stop within reach of a place, no vehicle at all near the
//! origin that day (a Sunday, a holiday), an arrive-by before anything
//! reaches the destination that day, or simply no connection in the window.

use chrono::{NaiveTime, TimeZone};

use super::TimeConstraint;
use super::endpoints::Endpoint;
use super::streams::streams_between;
use crate::model::{Instant, StopIdx};
use crate::timetable::Timetable;

/// The kind of reason, for clients to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoJourneyKind {
    /// Not even the longest allowed walk reaches a stop from the origin.
    NoStopNearOrigin,
    /// Not even the longest allowed walk reaches the destination from a stop.
    NoStopNearDestination,
    /// No vehicle leaves the stops near the origin that day, or none reaches
    /// the stops near the destination.
    NoServiceThatDay,
    /// Arriving by the asked time is impossible: the first vehicle reaching
    /// the destination's stops that day arrives later.
    ArriveByTooEarly,
    /// Vehicles run, but no chain of them links the two places in the window.
    NoConnection,
}

/// Why there is no journey: its kind, and a sentence saying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoJourney {
    pub kind: NoJourneyKind,
    pub message: String,
}

/// The first and last instants of boardings (or alightings) at some stops
/// during one day.
#[derive(Debug, Clone, Copy)]
struct Service {
    first: Instant,
    last: Instant,
}

impl Timetable {
    /// The boardings (`boarding`) or alightings at `stops` between `start`
    /// and `end`, by their first and last instants; `None` when none.
    fn service_at(
        &self,
        stops: &[StopIdx],
        boarding: bool,
        start: Instant,
        end: Instant,
    ) -> Option<Service> {
        let mut wanted = vec![false; self.stops.len()];
        for &stop in stops {
            wanted[stop as usize] = true;
        }
        let mut seen: Option<Service> = None;
        for stream in streams_between(self, start, end) {
            let group = &self.groups[stream.group];
            for c in &group.connections {
                let (stop, allowed, seconds) = if boarding {
                    (c.from, c.can_board(), c.departure)
                } else {
                    (c.to, c.can_alight(), c.arrival)
                };
                let at = stream.offset + Instant::from(seconds);
                if !allowed || !wanted[stop as usize] || at < start || at >= end {
                    continue;
                }
                let service = self.trips[c.trip as usize].service;
                if !self.services.runs(service, stream.day) {
                    continue;
                }
                seen = Some(match seen {
                    None => Service {
                        first: at,
                        last: at,
                    },
                    Some(s) => Service {
                        first: s.first.min(at),
                        last: s.last.max(at),
                    },
                });
            }
        }
        seen
    }

    /// The local day holding `instant`, as its first and one-past-last instants.
    fn local_day(&self, instant: Instant) -> (Instant, Instant) {
        let date = self.local(instant).date_naive();
        let midnight = |d: chrono::NaiveDate| {
            self.display_tz
                .from_local_datetime(&d.and_time(NaiveTime::MIN))
                .earliest()
                .map_or(instant, |t| t.timestamp())
        };
        let next = date.succ_opt().unwrap_or(date);
        (midnight(date), midnight(next))
    }

    /// Why a search between `origin` and `destination` at `time` found
    /// nothing.
    pub(crate) fn why_no_journey(
        &self,
        origin: &Endpoint,
        destination: &Endpoint,
        time: TimeConstraint,
    ) -> NoJourney {
        let walk = self.settings.longest_access_walk_meters();
        let reason = |kind, message: String| NoJourney { kind, message };
        if origin.links.is_empty() {
            return reason(
                NoJourneyKind::NoStopNearOrigin,
                format!("no stop is within {walk} m walking of the origin"),
            );
        }
        if destination.links.is_empty() {
            return reason(
                NoJourneyKind::NoStopNearDestination,
                format!("no stop is within {walk} m walking of the destination"),
            );
        }
        let asked = time.instant();
        let (day_start, day_end) = self.local_day(asked);
        let date = self.local(asked).format("%d/%m/%Y");
        let origin_stops: Vec<StopIdx> = origin.links.iter().map(|l| l.stop).collect();
        let destination_stops: Vec<StopIdx> = destination.links.iter().map(|l| l.stop).collect();
        if self
            .service_at(&origin_stops, true, day_start, day_end)
            .is_none()
        {
            return reason(
                NoJourneyKind::NoServiceThatDay,
                format!(
                    "no bus or train leaves the stops near the origin on {date} (a Sunday or a holiday?)"
                ),
            );
        }
        let arrivals = self.service_at(&destination_stops, false, day_start, day_end);
        let Some(arrivals) = arrivals else {
            return reason(
                NoJourneyKind::NoServiceThatDay,
                format!(
                    "no bus or train reaches the stops near the destination on {date} (a Sunday or a holiday?)"
                ),
            );
        };
        match time {
            TimeConstraint::ArriveBy(t) if arrivals.first > asked => reason(
                NoJourneyKind::ArriveByTooEarly,
                format!(
                    "nothing reaches the destination by {}: the first arrival near it that day is at {}",
                    t.format("%H:%M"),
                    self.local(arrivals.first).format("%H:%M")
                ),
            ),
            TimeConstraint::DepartAfter(t) => reason(
                NoJourneyKind::NoConnection,
                format!("no journey leaves within 24 hours after {}", t.to_rfc3339()),
            ),
            TimeConstraint::ArriveBy(t) => reason(
                NoJourneyKind::NoConnection,
                format!(
                    "no journey arrives within 24 hours before {}",
                    t.to_rfc3339()
                ),
            ),
        }
    }
}
