//! The forward scan: earliest arrivals from an origin, one label per number
//! of vehicles taken, with what it takes to rebuild each journey.
//!
//! Labels, per stop `s` and number of vehicles `k` (at most `rounds`):
//! - `ready[s][k]`: the earliest time one can board a vehicle at `s` having
//!   taken at most `k` vehicles (after the walk from the origin, the time to
//!   change vehicles at `s`, or a footpath from another stop);
//! - `arrived[s][k]`: the earliest time a vehicle drops one at `s`, the
//!   `k`-th at most.
//!
//! Both never increase with `k` (more vehicles allowed is never worse); an
//! improvement therefore affects a contiguous range of `k` from the number
//! of vehicles it took, which the loops use to stop early.

use super::endpoints::Link;
use super::streams::{ByDeparture, ConnRef, Stream};
use crate::model::{Instant, NO_TRANSFER, StopIdx};
use crate::timetable::Timetable;

pub(crate) const NEVER: Instant = Instant::MAX;
/// No egress from this stop.
pub(crate) const NO_WALK: u32 = u32::MAX;

/// How one came to be ready to board at a stop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ReadyFrom {
    Nothing,
    /// Walked from the origin: the index of the access link.
    Access(u32),
    /// Alighted at this very stop and changed vehicles.
    Transfer,
    /// Alighted at this stop, then walked `seconds`.
    Footpath {
        from: StopIdx,
        seconds: u32,
    },
}

/// The vehicle that brought one to a stop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ride {
    pub board: ConnRef,
    pub alight: ConnRef,
    /// The number of vehicles taken, this one included.
    pub round: u8,
}

const NO_RIDE: Ride = Ride {
    board: ConnRef {
        stream: 0,
        index: 0,
    },
    alight: ConnRef {
        stream: 0,
        index: 0,
    },
    round: 0,
};

/// Whether a trip (on one service day) was reached, and where.
#[derive(Debug, Clone, Copy)]
struct TripState {
    /// The fewest vehicles taken to be on it, this one included; 0: not on it.
    round: u8,
    /// Where it was boarded with that many.
    board: u32,
}

/// When the scan may stop before its end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Prune {
    /// Scan to the end.
    Never,
    /// Stop once no connection can reach the target earlier.
    AtTarget,
    /// Stop once no connection can reach the target earlier, nor with fewer
    /// vehicles within [`super::alternative_slack`] of the earliest arrival.
    WithSlack { departure: Instant },
    /// For scans that keep the labels of a previous scan from a later
    /// departure: stop once no connection can change any label. A label
    /// lowered from `old` only opens the connections leaving before `old`;
    /// a trip newly reached only changes arrivals until its last stop; so
    /// past the latest of those instants (the *frontier*) nothing changes.
    Frontier,
}

pub(crate) struct Forward<'a> {
    pub tt: &'a Timetable,
    pub streams: Vec<Stream>,
    pub rounds: usize,
    stride: usize,
    trip_count: usize,
    pub ready: Vec<Instant>,
    pub ready_from: Vec<ReadyFrom>,
    pub arrived: Vec<Instant>,
    pub arrived_by: Vec<Ride>,
    trips: Vec<TripState>,
    /// Seconds to walk from each stop to the target, or [`NO_WALK`].
    egress: Vec<u32>,
    /// Earliest arrival at the target by number of vehicles.
    pub target: Vec<Instant>,
    /// The stop the walk to the target starts at; `None`: the direct walk.
    pub target_via: Vec<Option<StopIdx>>,
    /// When set, the stops whose label for `rounds` vehicles improved.
    pub improved: Option<(Vec<StopIdx>, Vec<bool>)>,
    /// See [`Prune::Frontier`].
    frontier: Instant,
}

impl<'a> Forward<'a> {
    pub fn new(tt: &'a Timetable, streams: Vec<Stream>, rounds: usize, egress: &[Link]) -> Self {
        let stops = tt.stops.len();
        let stride = rounds + 1;
        let mut egress_seconds = vec![NO_WALK; stops];
        for link in egress {
            let seconds = &mut egress_seconds[link.stop as usize];
            *seconds = (*seconds).min(link.seconds);
        }
        Self {
            tt,
            trip_count: tt.trips.len(),
            trips: vec![TripState { round: 0, board: 0 }; tt.trips.len() * streams.len()],
            streams,
            rounds,
            stride,
            ready: vec![NEVER; stops * stride],
            ready_from: vec![ReadyFrom::Nothing; stops * stride],
            arrived: vec![NEVER; stops * stride],
            arrived_by: vec![NO_RIDE; stops * stride],
            egress: egress_seconds,
            target: vec![NEVER; stride],
            target_via: vec![None; stride],
            improved: None,
            frontier: Instant::MIN,
        }
    }

    #[inline]
    pub fn slot(&self, stop: StopIdx, round: usize) -> usize {
        stop as usize * self.stride + round
    }

    /// Walks from the origin, leaving at `departure`.
    pub fn seed(&mut self, departure: Instant, access: &[Link]) {
        self.frontier = Instant::MIN;
        for (i, link) in access.iter().enumerate() {
            let time = departure + Instant::from(link.seconds);
            for k in 0..=self.rounds {
                let slot = self.slot(link.stop, k);
                if time < self.ready[slot] {
                    self.frontier = self.frontier.max(self.ready[slot]);
                    self.ready[slot] = time;
                    self.ready_from[slot] = ReadyFrom::Access(i as u32);
                }
            }
        }
    }

    /// The walk straight to the target, arriving at `arrival`.
    pub fn seed_direct(&mut self, arrival: Instant) {
        for k in 0..=self.rounds {
            if arrival < self.target[k] {
                self.target[k] = arrival;
                self.target_via[k] = None;
            }
        }
    }

    /// Scans the connections departing from `start` to `end`.
    pub fn scan(&mut self, start: Instant, end: Instant, prune: Prune) {
        let tt = self.tt;
        let streams = std::mem::take(&mut self.streams);
        let rounds = self.rounds;
        for (c, at, departure, arrival) in ByDeparture::new(tt, &streams, start) {
            if departure > end {
                break;
            }
            let best = self.target[rounds];
            let stop = match prune {
                Prune::Never => false,
                Prune::AtTarget => departure >= best,
                Prune::WithSlack { departure: leave } => {
                    best != NEVER && departure > best + super::alternative_slack(best - leave)
                }
                Prune::Frontier => departure > self.frontier,
            };
            if stop {
                break;
            }
            let instance = at.stream as usize * self.trip_count + c.trip as usize;
            let mut state = self.trips[instance];
            // Labels kept from a scan from a later departure may have the
            // trip boarded further along; one is not aboard before that.
            let group = &tt.groups[streams[at.stream as usize].group];
            if state.round != 0 && group.connections[state.board as usize].position > c.position {
                state = TripState { round: 0, board: 0 };
            }
            if c.can_board() {
                // Fewer vehicles than the trip is already reached with.
                let limit = if state.round == 0 {
                    rounds
                } else {
                    state.round as usize - 1
                };
                let base = c.from as usize * self.stride;
                if let Some(k) = (1..=limit).find(|k| self.ready[base + k - 1] <= departure) {
                    state = TripState {
                        round: k as u8,
                        board: at.index,
                    };
                    self.trips[instance] = state;
                    let last = streams[at.stream as usize].offset
                        + Instant::from(tt.trips[c.trip as usize].last_arrival);
                    self.frontier = self.frontier.max(last);
                }
            }
            if state.round == 0 || !c.can_alight() {
                continue;
            }
            let ride = Ride {
                board: ConnRef {
                    stream: at.stream,
                    index: state.board,
                },
                alight: at,
                round: state.round,
            };
            self.arrive(c.to, arrival, ride);
        }
        self.streams = streams;
    }

    /// A vehicle drops one at `stop` at `arrival`.
    fn arrive(&mut self, stop: StopIdx, arrival: Instant, ride: Ride) {
        let first = ride.round as usize;
        let mut end = first;
        while end <= self.rounds {
            let slot = self.slot(stop, end);
            if arrival >= self.arrived[slot] {
                break;
            }
            self.arrived[slot] = arrival;
            self.arrived_by[slot] = ride;
            end += 1;
        }
        if end == first {
            return;
        }
        let transfer = self.tt.transfer_seconds[stop as usize];
        if transfer != NO_TRANSFER {
            self.relax_ready(
                stop,
                arrival + Instant::from(transfer),
                first..end,
                ReadyFrom::Transfer,
            );
        }
        for path in self.tt.footpaths_out.of(stop) {
            let from = ReadyFrom::Footpath {
                from: stop,
                seconds: path.seconds,
            };
            self.relax_ready(
                path.stop,
                arrival + Instant::from(path.seconds),
                first..end,
                from,
            );
        }
        let egress = self.egress[stop as usize];
        if egress != NO_WALK {
            let time = arrival + Instant::from(egress);
            for k in first..end {
                if time >= self.target[k] {
                    break;
                }
                self.target[k] = time;
                self.target_via[k] = Some(stop);
            }
        }
        if end > self.rounds
            && let Some((stops, seen)) = &mut self.improved
            && !seen[stop as usize]
        {
            seen[stop as usize] = true;
            stops.push(stop);
        }
    }

    fn relax_ready(
        &mut self,
        stop: StopIdx,
        time: Instant,
        rounds: std::ops::Range<usize>,
        from: ReadyFrom,
    ) {
        for k in rounds {
            let slot = self.slot(stop, k);
            if time >= self.ready[slot] {
                break;
            }
            self.frontier = self.frontier.max(self.ready[slot]);
            self.ready[slot] = time;
            self.ready_from[slot] = from;
        }
    }

    /// Starts recording the stops whose best arrival improves.
    pub fn track_improvements(&mut self) {
        self.improved = Some((Vec::new(), vec![false; self.tt.stops.len()]));
    }

    /// The stops improved since the last call.
    pub fn take_improved(&mut self) -> Vec<StopIdx> {
        match &mut self.improved {
            Some((stops, seen)) => {
                for &s in stops.iter() {
                    seen[s as usize] = false;
                }
                std::mem::take(stops)
            }
            None => Vec::new(),
        }
    }
}
