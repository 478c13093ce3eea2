//! An obviously correct router to check the crate's against: Dijkstra over
//! the time-expanded graph of a random network. Its nodes are events: being
//! ready to board at a stop at some time, a vehicle leaving a stop, a
//! vehicle reaching a stop; each with the number of vehicles taken so far.
//! Its edges are riding to the next stop, staying aboard, alighting (then
//! changing vehicles at that stop after its transfer time, or walking one
//! footpath), and boarding any later vehicle at the stop one is ready at.
//!
//! Being ready at a stop never leads to a walk: as in the crate, at most one
//! walk separates two vehicles.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use chrono::NaiveDate;

use super::network::{Call, Network};
use super::support::service_day_start;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Event {
    Ready {
        stop: usize,
        vehicles: usize,
    },
    Leaves {
        run: usize,
        position: usize,
        vehicles: usize,
    },
    Reaches {
        run: usize,
        position: usize,
        vehicles: usize,
    },
}

pub struct Reference {
    /// Each trip on each service date, as absolute instants.
    runs: Vec<Vec<Call>>,
    /// For each stop, `(departure, run, position)` of the vehicles leaving
    /// it, by departure: only an index, to skip the vehicles gone already.
    leaving: Vec<Vec<(i64, usize, usize)>>,
    footpaths: Vec<Vec<(usize, i64)>>,
    transfers: Vec<Option<i64>>,
}

impl Reference {
    pub fn new(
        network: &Network,
        dates: &[NaiveDate],
        footpaths: Vec<Vec<(usize, i64)>>,
        transfers: Vec<Option<i64>>,
    ) -> Self {
        let mut runs = Vec::new();
        for date in dates {
            let start = service_day_start(*date);
            for calls in &network.trips {
                runs.push(
                    calls
                        .iter()
                        .map(|c| Call {
                            arrival: start + c.arrival,
                            departure: start + c.departure,
                            ..c.clone()
                        })
                        .collect(),
                );
            }
        }
        Self::from_runs(runs, footpaths, transfers)
    }

    /// From trip runs already in absolute instants.
    pub fn from_runs(
        runs: Vec<Vec<Call>>,
        footpaths: Vec<Vec<(usize, i64)>>,
        transfers: Vec<Option<i64>>,
    ) -> Self {
        let mut leaving = vec![Vec::new(); footpaths.len()];
        for (run, calls) in runs.iter().enumerate() {
            for (position, call) in calls.iter().enumerate().take(calls.len() - 1) {
                if call.pickup {
                    leaving[call.stop].push((call.departure, run, position));
                }
            }
        }
        for list in &mut leaving {
            list.sort_unstable();
        }
        Self {
            runs,
            leaving,
            footpaths,
            transfers,
        }
    }

    fn walk(&self, from: usize, to: usize) -> Option<i64> {
        self.footpaths[from]
            .iter()
            .find(|(b, _)| *b == to)
            .map(|(_, s)| *s)
    }

    /// The earliest arrival at `target` leaving `origin` at `departure`
    /// with at most `max_vehicles` vehicles.
    pub fn earliest_arrival(
        &self,
        origin: usize,
        target: usize,
        departure: i64,
        max_vehicles: usize,
    ) -> Option<i64> {
        let mut best: Option<i64> = self.walk(origin, target).map(|s| departure + s);
        let mut queue = BinaryHeap::new();
        queue.push(Reverse((
            departure,
            Event::Ready {
                stop: origin,
                vehicles: 0,
            },
        )));
        for &(stop, seconds) in &self.footpaths[origin] {
            queue.push(Reverse((
                departure + seconds,
                Event::Ready { stop, vehicles: 0 },
            )));
        }
        let mut done = HashSet::new();
        while let Some(Reverse((time, event))) = queue.pop() {
            if best.is_some_and(|b| time >= b) {
                break;
            }
            if !done.insert(event) {
                continue;
            }
            match event {
                Event::Ready { stop, vehicles } if vehicles < max_vehicles => {
                    let list = &self.leaving[stop];
                    let first = list.partition_point(|(departure, _, _)| *departure < time);
                    for &(departure, run, position) in &list[first..] {
                        let next = Event::Leaves {
                            run,
                            position,
                            vehicles: vehicles + 1,
                        };
                        queue.push(Reverse((departure, next)));
                    }
                }
                Event::Ready { .. } => {}
                Event::Leaves {
                    run,
                    position,
                    vehicles,
                } => {
                    let next = &self.runs[run][position + 1];
                    let event = Event::Reaches {
                        run,
                        position: position + 1,
                        vehicles,
                    };
                    queue.push(Reverse((next.arrival, event)));
                }
                Event::Reaches {
                    run,
                    position,
                    vehicles,
                } => {
                    let call = &self.runs[run][position];
                    if position + 1 < self.runs[run].len() {
                        queue.push(Reverse((
                            call.departure,
                            Event::Leaves {
                                run,
                                position,
                                vehicles,
                            },
                        )));
                    }
                    if !call.drop_off {
                        continue;
                    }
                    let mut reach = |t: i64| best = Some(best.map_or(t, |b| b.min(t)));
                    if call.stop == target {
                        reach(time);
                    }
                    if let Some(seconds) = self.walk(call.stop, target) {
                        reach(time + seconds);
                    }
                    if let Some(change) = self.transfers[call.stop] {
                        queue.push(Reverse((
                            time + change,
                            Event::Ready {
                                stop: call.stop,
                                vehicles,
                            },
                        )));
                    }
                    for &(stop, seconds) in &self.footpaths[call.stop] {
                        queue.push(Reverse((time + seconds, Event::Ready { stop, vehicles })));
                    }
                }
            }
        }
        best
    }

    /// The latest departure in `[earliest, deadline]` that still arrives by
    /// `deadline`, by bisection: the earliest arrival never decreases as
    /// the departure gets later.
    pub fn latest_departure(
        &self,
        origin: usize,
        target: usize,
        earliest: i64,
        deadline: i64,
        max_vehicles: usize,
    ) -> Option<i64> {
        let arrives = |t: i64| {
            self.earliest_arrival(origin, target, t, max_vehicles)
                .is_some_and(|a| a <= deadline)
        };
        if !arrives(earliest) {
            return None;
        }
        let (mut good, mut bad) = (earliest, deadline + 1);
        while bad - good > 1 {
            let middle = good + (bad - good) / 2;
            if arrives(middle) {
                good = middle
            } else {
                bad = middle
            }
        }
        Some(good)
    }
}
