//! Journeys between two places: the Pareto set over (arrival, changes,
//! departure), found by scans that alternate direction.
//!
//! Depart-after, from time `t`:
//! 1. a forward scan gives the earliest arrival with at most `k` vehicles,
//!    for every `k`; each `k` that arrives strictly earlier than with fewer
//!    vehicles (and than walking) is an option;
//! 2. for each option, a reverse scan from its arrival, limited to `k`
//!    vehicles, gives the latest departure that still arrives then;
//! 3. a forward scan from that departure, limited to `k` vehicles, rebuilds
//!    the journey leg by leg;
//! 4. the search goes on from just after the earliest of those departures
//!    until enough journeys are found.
//!
//! Arrive-by is the mirror: reverse scan, then a forward scan per option.

use std::cmp::Reverse;

use super::backward::{Backward, NOT_REACHED, ReversePrune};
use super::endpoints::{DirectWalk, Endpoint, Side};
use super::forward::{Forward, NEVER, Prune};
use super::reconstruct::{Step, steps};
use super::streams::streams_between;
use super::{
    Journey, JourneyOutcome, JourneyQuery, MAX_JOURNEYS, SEARCH_HORIZON_SECONDS, TimeConstraint,
};
use crate::error::QueryError;
use crate::model::Instant;
use crate::timetable::Timetable;

/// A journey with the instants the Pareto filter compares.
#[derive(Debug, Clone)]
struct Found {
    departure: Instant,
    arrival: Instant,
    transfers: u32,
    journey: Journey,
}

impl Found {
    fn key(&self) -> (Instant, Instant, u32) {
        (self.departure, self.arrival, self.transfers)
    }

    fn dominates(&self, other: &Found) -> bool {
        self.key() != other.key()
            && self.departure >= other.departure
            && self.arrival <= other.arrival
            && self.transfers <= other.transfers
    }
}

struct Search<'a> {
    tt: &'a Timetable,
    origin: Endpoint,
    destination: Endpoint,
    direct: Option<DirectWalk>,
    rounds: usize,
    max: usize,
}

impl Timetable {
    /// Journeys from one place to another: up to `max_journeys` that no
    /// other journey beats on departure, arrival and changes at once, sorted
    /// by arrival. See the crate documentation for the model.
    pub fn journeys(&self, query: &JourneyQuery) -> Result<JourneyOutcome, QueryError> {
        self.plan(query, true)
    }

    /// Like [`Timetable::journeys`], without telling why there is none
    /// (`no_journey` stays `None`): for callers that only look for a
    /// journey, since the reason scans the whole day's service.
    pub fn journeys_unexplained(&self, query: &JourneyQuery) -> Result<JourneyOutcome, QueryError> {
        self.plan(query, false)
    }

    fn plan(&self, query: &JourneyQuery, explain: bool) -> Result<JourneyOutcome, QueryError> {
        if !(1..=MAX_JOURNEYS).contains(&query.max_journeys) {
            return Err(QueryError::InvalidLimit {
                what: "the number of journeys",
                requested: query.max_journeys,
                max: MAX_JOURNEYS,
            });
        }
        let origin = self.endpoint(&query.from, Side::Origin)?;
        let destination = self.endpoint(&query.to, Side::Destination)?;
        let direct = self.direct_walk(&origin, &destination)?;
        let time = query.time.instant();
        self.check_date(time)?;
        let search = Search {
            tt: self,
            origin,
            destination,
            direct,
            rounds: self.settings.max_transfers as usize + 1,
            max: query.max_journeys,
        };
        let found = match query.time {
            TimeConstraint::DepartAfter(_) => search.depart_after(time),
            TimeConstraint::ArriveBy(_) => search.arrive_by(time),
        };
        let no_journey = (explain && found.is_empty())
            .then(|| self.why_no_journey(&search.origin, &search.destination, query.time));
        Ok(JourneyOutcome {
            journeys: found.into_iter().map(|f| f.journey).collect(),
            no_journey,
        })
    }
}

impl Search<'_> {
    fn walk(&self, departure: Instant) -> Option<Found> {
        let walk = self.direct?;
        let arrival = departure + Instant::from(walk.seconds);
        let step = Step::Walk {
            from: walk.from,
            to: walk.to,
            departure,
            arrival,
            meters: walk.meters,
        };
        Some(Found {
            departure,
            arrival,
            transfers: 0,
            journey: self.tt.journey(&[], &[step]),
        })
    }

    fn depart_after(&self, start: Instant) -> Vec<Found> {
        let tt = self.tt;
        let end = start + SEARCH_HORIZON_SECONDS;
        let mut found: Vec<Found> = self.walk(start).into_iter().collect();
        let mut time = start;
        for _ in 0..2 * self.max + 2 {
            let mut forward = Forward::new(
                tt,
                streams_between(tt, time, end),
                self.rounds,
                &self.destination.links,
            );
            forward.seed(time, &self.origin.links);
            if let Some(walk) = self.direct {
                forward.seed_direct(time + Instant::from(walk.seconds));
            }
            forward.scan(time, end, Prune::WithSlack { departure: time });
            let options: Vec<usize> = (1..=self.rounds)
                .filter(|&k| forward.target[k] < forward.target[k - 1])
                .collect();
            let mut earliest_departure = NEVER;
            for k in options {
                let arrival = forward.target[k];
                let mut backward = Backward::new(
                    tt,
                    streams_between(tt, time, arrival),
                    k,
                    &self.origin.links,
                );
                backward.seed(arrival, &self.destination.links);
                backward.scan(arrival, time, ReversePrune::AtOrigin);
                let departure = backward.origin[k];
                if let Some(f) = self.rebuild(departure.max(time), arrival, k) {
                    earliest_departure = earliest_departure.min(f.departure);
                    found.push(f);
                }
            }
            if earliest_departure == NEVER || self.enough(&mut found) {
                break;
            }
            time = earliest_departure + 1;
        }
        self.best(found, |f| (f.arrival, Reverse(f.departure)))
    }

    fn arrive_by(&self, deadline: Instant) -> Vec<Found> {
        let tt = self.tt;
        let start = deadline - SEARCH_HORIZON_SECONDS;
        let mut found: Vec<Found> = self
            .direct
            .and_then(|w| self.walk(deadline - Instant::from(w.seconds)))
            .into_iter()
            .collect();
        let mut time = deadline;
        for _ in 0..2 * self.max + 2 {
            let mut backward = Backward::new(
                tt,
                streams_between(tt, start, time),
                self.rounds,
                &self.origin.links,
            );
            backward.seed(time, &self.destination.links);
            if let Some(walk) = self.direct {
                backward.seed_direct(time - Instant::from(walk.seconds));
            }
            backward.scan(time, start, ReversePrune::WithSlack { deadline: time });
            let options: Vec<usize> = (1..=self.rounds)
                .filter(|&k| backward.origin[k] > backward.origin[k - 1])
                .collect();
            let mut latest_arrival = NOT_REACHED;
            for k in options {
                if let Some(f) = self.rebuild(backward.origin[k], time, k) {
                    latest_arrival = latest_arrival.max(f.arrival);
                    found.push(f);
                }
            }
            if latest_arrival == NOT_REACHED || self.enough(&mut found) {
                break;
            }
            time = latest_arrival - 1;
        }
        self.best(found, |f| (Reverse(f.departure), f.arrival))
    }

    /// The journey leaving at `departure` with at most `rounds` vehicles
    /// that arrives earliest, no later than `by`.
    fn rebuild(&self, departure: Instant, by: Instant, rounds: usize) -> Option<Found> {
        let tt = self.tt;
        let mut forward = Forward::new(
            tt,
            streams_between(tt, departure, by),
            rounds,
            &self.destination.links,
        );
        forward.seed(departure, &self.origin.links);
        forward.scan(departure, by, Prune::AtTarget);
        let steps = steps(
            &forward,
            rounds,
            &self.origin.links,
            &self.destination.links,
            None,
        )?;
        let journey = tt.journey(&forward.streams, &steps);
        let (departure, arrival) = (journey.departure.timestamp(), journey.arrival.timestamp());
        (arrival <= by).then_some(Found {
            departure,
            arrival,
            transfers: journey.transfers,
            journey,
        })
    }

    /// Drops duplicates and dominated journeys; whether there are enough.
    fn enough(&self, found: &mut Vec<Found>) -> bool {
        found.sort_by_key(|f| f.key());
        found.dedup_by_key(|f| f.key());
        let keep: Vec<bool> = found
            .iter()
            .map(|f| !found.iter().any(|g| g.dominates(f)))
            .collect();
        let mut keep = keep.into_iter();
        found.retain(|_| keep.next().unwrap_or(false));
        found.len() >= self.max
    }

    /// The `max` best journeys by `rank`, then sorted by arrival.
    fn best<K: Ord>(&self, mut found: Vec<Found>, rank: impl Fn(&Found) -> K) -> Vec<Found> {
        self.enough(&mut found);
        found.sort_by_key(&rank);
        found.truncate(self.max);
        found.sort_by_key(|f| (f.arrival, Reverse(f.departure), f.transfers));
        found
    }
}
