//! Travel times from one place to many points (the sites of offers, to rank
//! or filter them), with a walk at both ends.
//!
//! Depart-after is one forward scan: every stop's earliest arrival, then for
//! each point the best arrival over the stops within walking distance.
//!
//! Arrive-by asks, for each point, the latest departure from the one origin
//! that still arrives in time. A reverse scan cannot answer it (it gives
//! departures from every place towards *one* destination), so this is a
//! range query in the manner of rRAPTOR: forward scans from each departure
//! the origin offers, latest first, keeping the labels between scans since
//! leaving earlier can only help; a point's latest departure is that of the
//! first scan that brings it within the deadline.

use chrono::TimeDelta;

use super::endpoints::{Endpoint, Side};
use super::forward::{Forward, NEVER, Prune};
use super::streams::streams_between;
use super::{MAX_TARGETS, OneToManyQuery, TimeConstraint};
use crate::coordinate::Coordinate;
use crate::error::QueryError;
use crate::model::{Instant, StopIdx};
use crate::timetable::Timetable;

/// Points reachable on foot from each stop: `(point index, seconds)`.
struct Walks {
    by_stop: Vec<Vec<(u32, u32)>>,
    /// The walk straight from the origin to each point, in seconds.
    direct: Vec<Option<u32>>,
}

impl Timetable {
    /// The travel time to each target, in order; `None` beyond
    /// `max_travel` or when unreachable.
    pub fn travel_times(
        &self,
        query: &OneToManyQuery,
    ) -> Result<Vec<Option<TimeDelta>>, QueryError> {
        if query.targets.len() > MAX_TARGETS {
            return Err(QueryError::InvalidLimit {
                what: "the number of points",
                requested: query.targets.len(),
                max: MAX_TARGETS,
            });
        }
        let max_minutes = super::SEARCH_HORIZON_SECONDS / 60;
        let minutes = query.max_travel.num_minutes();
        if !(1..=max_minutes).contains(&minutes) {
            return Err(QueryError::InvalidMaxTravel {
                requested_minutes: minutes,
                max_minutes,
            });
        }
        let origin = self.endpoint(&query.from, Side::Origin)?;
        let time = query.time.instant();
        self.check_date(time)?;
        let walks = self.walks_to(&origin, &query.targets);
        let max_travel = query.max_travel.num_seconds();
        let seconds: Vec<Option<Instant>> = match query.time {
            TimeConstraint::DepartAfter(_) => self
                .arrivals(&origin, &walks, time, time + max_travel)
                .into_iter()
                .map(|arrival| (arrival != NEVER).then(|| arrival - time))
                .collect(),
            TimeConstraint::ArriveBy(_) => self
                .latest_departures(&origin, &walks, time - max_travel, time)
                .into_iter()
                .map(|departure| departure.map(|d| time - d))
                .collect(),
        };
        Ok(seconds
            .into_iter()
            .map(|s| s.filter(|&s| s <= max_travel).map(TimeDelta::seconds))
            .collect())
    }

    fn walks_to(&self, origin: &Endpoint, targets: &[Coordinate]) -> Walks {
        let mut by_stop: Vec<Vec<(u32, u32)>> = vec![Vec::new(); self.stops.len()];
        let mut direct = vec![None; targets.len()];
        for (j, &point) in targets.iter().enumerate() {
            for link in self.walks_around(point) {
                by_stop[link.stop as usize].push((j as u32, link.seconds));
                if origin.platforms.contains(&link.stop) {
                    direct[j] = Some(direct[j].map_or(link.seconds, |d: u32| d.min(link.seconds)));
                }
            }
            if let Some(from) = origin.point {
                let meters = self.settings.walking_meters(from.distance_meters(point));
                if meters <= self.settings.max_walk_meters {
                    direct[j] = Some(self.settings.walking_seconds(meters));
                }
            }
        }
        Walks { by_stop, direct }
    }

    /// Earliest arrival at each target leaving at `departure`, [`NEVER`]
    /// when not by `end`.
    fn arrivals(
        &self,
        origin: &Endpoint,
        walks: &Walks,
        departure: Instant,
        end: Instant,
    ) -> Vec<Instant> {
        let rounds = self.settings.max_transfers as usize + 1;
        let mut forward = Forward::new(self, streams_between(self, departure, end), rounds, &[]);
        forward.seed(departure, &origin.links);
        forward.scan(departure, end, Prune::Never);
        let mut best: Vec<Instant> = walks
            .direct
            .iter()
            .map(|w| w.map_or(NEVER, |s| departure + Instant::from(s)))
            .collect();
        for (stop, points) in walks.by_stop.iter().enumerate() {
            let arrived = forward.arrived[forward.slot(stop as StopIdx, rounds)];
            if arrived == NEVER {
                continue;
            }
            for &(j, seconds) in points {
                let time = arrived + Instant::from(seconds);
                best[j as usize] = best[j as usize].min(time);
            }
        }
        best.into_iter()
            .map(|t| if t <= end { t } else { NEVER })
            .collect()
    }

    /// Latest departure from the origin, not before `earliest`, that
    /// reaches each target by `deadline`.
    fn latest_departures(
        &self,
        origin: &Endpoint,
        walks: &Walks,
        earliest: Instant,
        deadline: Instant,
    ) -> Vec<Option<Instant>> {
        let rounds = self.settings.max_transfers as usize + 1;
        let streams = streams_between(self, earliest, deadline);
        let mut latest: Vec<Option<Instant>> = walks
            .direct
            .iter()
            .map(|w| {
                w.map(|s| deadline - Instant::from(s))
                    .filter(|&d| d >= earliest)
            })
            .collect();
        // The instants one can leave the origin and catch a vehicle just in time.
        let mut departures = Vec::new();
        for link in &origin.links {
            for stream in &streams {
                let group = &self.groups[stream.group];
                for &index in &group.departures_by_stop[link.stop as usize] {
                    let c = &group.connections[index as usize];
                    let leave =
                        stream.offset + Instant::from(c.departure) - Instant::from(link.seconds);
                    let runs = self
                        .services
                        .runs(self.trips[c.trip as usize].service, stream.day);
                    if leave >= earliest && leave <= deadline && c.can_board() && runs {
                        departures.push(leave);
                    }
                }
            }
        }
        departures.sort_unstable_by(|a, b| b.cmp(a));
        departures.dedup();
        let mut forward = Forward::new(self, streams, rounds, &[]);
        forward.track_improvements();
        for leave in departures {
            forward.seed(leave, &origin.links);
            forward.scan(leave, deadline, Prune::Frontier);
            for stop in forward.take_improved() {
                let arrived = forward.arrived[forward.slot(stop, rounds)];
                for &(j, seconds) in &walks.by_stop[stop as usize] {
                    if arrived + Instant::from(seconds) <= deadline {
                        let best = &mut latest[j as usize];
                        *best = (*best).max(Some(leave));
                    }
                }
            }
        }
        latest
    }
}
