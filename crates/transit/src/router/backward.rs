//! The reverse scan: latest departures towards a target reached by a
//! deadline, one label per number of vehicles, scanning connections from the
//! latest arrival backwards. It mirrors [`super::forward`] exactly (the time
//! to change vehicles counts where one alights, a footpath between the two
//! vehicles), so that both agree on which journeys are feasible.
//!
//! Labels, per stop `s` and number of vehicles `k`:
//! - `board_by[s][k]`: the latest time one can be at `s`, ready to board,
//!   and still reach the target in time with at most `k` vehicles;
//! - `alight_by[s][k]`: the latest time a vehicle may drop one at `s` so
//!   that at most `k` more vehicles reach the target in time.
//!
//! Both never decrease with `k`.

use super::endpoints::Link;
use super::forward::NO_WALK;
use super::streams::{ByArrivalDescending, Stream};
use crate::model::{Instant, NO_TRANSFER, StopIdx};
use crate::timetable::Timetable;

pub(crate) const NOT_REACHED: Instant = Instant::MIN;

/// When the scan may stop before its lower bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ReversePrune {
    /// Stop once no connection can leave the origin later.
    AtOrigin,
    /// Stop once no connection can leave later, nor with fewer vehicles
    /// within [`super::alternative_slack`] of the latest departure.
    WithSlack { deadline: Instant },
}

pub(crate) struct Backward<'a> {
    tt: &'a Timetable,
    streams: Vec<Stream>,
    rounds: usize,
    stride: usize,
    trip_count: usize,
    board_by: Vec<Instant>,
    alight_by: Vec<Instant>,
    /// Per trip and service day: the fewest vehicles to the target from it,
    /// this one included; 0 when it does not lead there.
    trips: Vec<u8>,
    /// Seconds to walk from the origin to each stop, or [`NO_WALK`].
    access: Vec<u32>,
    /// The latest departure from the origin by number of vehicles.
    pub origin: Vec<Instant>,
}

impl<'a> Backward<'a> {
    pub fn new(tt: &'a Timetable, streams: Vec<Stream>, rounds: usize, access: &[Link]) -> Self {
        let stops = tt.stops.len();
        let stride = rounds + 1;
        let mut access_seconds = vec![NO_WALK; stops];
        for link in access {
            let seconds = &mut access_seconds[link.stop as usize];
            *seconds = (*seconds).min(link.seconds);
        }
        Self {
            tt,
            trip_count: tt.trips.len(),
            trips: vec![0; tt.trips.len() * streams.len()],
            streams,
            rounds,
            stride,
            board_by: vec![NOT_REACHED; stops * stride],
            alight_by: vec![NOT_REACHED; stops * stride],
            access: access_seconds,
            origin: vec![NOT_REACHED; stride],
        }
    }

    /// Walks to the target, arriving by `deadline`.
    pub fn seed(&mut self, deadline: Instant, egress: &[Link]) {
        for link in egress {
            let time = deadline - Instant::from(link.seconds);
            for k in 0..=self.rounds {
                let slot = link.stop as usize * self.stride + k;
                self.alight_by[slot] = self.alight_by[slot].max(time);
            }
        }
    }

    /// The walk straight from the origin, leaving at `departure`.
    pub fn seed_direct(&mut self, departure: Instant) {
        for k in 0..=self.rounds {
            self.origin[k] = self.origin[k].max(departure);
        }
    }

    /// Scans the connections arriving from `end` back to `start`.
    pub fn scan(&mut self, end: Instant, start: Instant, prune: ReversePrune) {
        let tt = self.tt;
        let streams = std::mem::take(&mut self.streams);
        let rounds = self.rounds;
        for (c, at, departure, arrival) in ByArrivalDescending::new(tt, &streams, end) {
            if arrival < start {
                break;
            }
            let best = self.origin[rounds];
            let stop = match prune {
                ReversePrune::AtOrigin => arrival <= best,
                ReversePrune::WithSlack { deadline } => {
                    best != NOT_REACHED
                        && arrival < best - super::alternative_slack(deadline - best)
                }
            };
            if stop {
                break;
            }
            let instance = at.stream as usize * self.trip_count + c.trip as usize;
            let mut round = self.trips[instance];
            if c.can_alight() {
                let limit = if round == 0 {
                    rounds
                } else {
                    round as usize - 1
                };
                let base = c.to as usize * self.stride;
                if let Some(k) = (1..=limit).find(|k| self.alight_by[base + k - 1] >= arrival) {
                    round = k as u8;
                    self.trips[instance] = round;
                }
            }
            if round == 0 || !c.can_board() {
                continue;
            }
            self.board(c.from, departure, round as usize);
        }
        self.streams = streams;
    }

    /// Boarding at `stop` at `departure` reaches the target with `first`
    /// vehicles or more.
    fn board(&mut self, stop: StopIdx, departure: Instant, first: usize) {
        let mut end = first;
        while end <= self.rounds {
            let slot = stop as usize * self.stride + end;
            if departure <= self.board_by[slot] {
                break;
            }
            self.board_by[slot] = departure;
            end += 1;
        }
        if end == first {
            return;
        }
        let transfer = self.tt.transfer_seconds[stop as usize];
        if transfer != NO_TRANSFER {
            self.relax_alight(stop, departure - Instant::from(transfer), first..end);
        }
        for path in self.tt.footpaths_in.of(stop) {
            self.relax_alight(
                path.stop,
                departure - Instant::from(path.seconds),
                first..end,
            );
        }
        let access = self.access[stop as usize];
        if access != NO_WALK {
            let time = departure - Instant::from(access);
            for k in first..end {
                if time <= self.origin[k] {
                    break;
                }
                self.origin[k] = time;
            }
        }
    }

    fn relax_alight(&mut self, stop: StopIdx, time: Instant, rounds: std::ops::Range<usize>) {
        for k in rounds {
            let slot = stop as usize * self.stride + k;
            if time <= self.alight_by[slot] {
                break;
            }
            self.alight_by[slot] = time;
        }
    }
}
