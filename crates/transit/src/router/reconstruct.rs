//! Rebuilding a journey, leg by leg, from a forward scan's labels: from the
//! target back through each vehicle's boarding stop and how one came to be
//! ready there (a walk from the origin, a change at that stop, a footpath).

use super::endpoints::{DirectWalk, Link};
use super::forward::{Forward, ReadyFrom};
use super::streams::ConnRef;
use super::{Journey, Leg};
use crate::model::{Instant, Mode, StopIdx};
use crate::timetable::Timetable;

/// One leg, in the timetable's terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Step {
    /// A `None` end is the origin's or destination's point.
    Walk {
        from: Option<StopIdx>,
        to: Option<StopIdx>,
        departure: Instant,
        arrival: Instant,
        meters: f64,
    },
    Ride {
        board: ConnRef,
        alight: ConnRef,
    },
}

/// The legs of the journey reaching the target with at most `round`
/// vehicles, walks timed as late as the next vehicle allows; `None` when the
/// target was not reached.
pub(crate) fn steps(
    forward: &Forward<'_>,
    round: usize,
    access: &[Link],
    egress: &[Link],
    direct: Option<DirectWalk>,
) -> Option<Vec<Step>> {
    let tt = forward.tt;
    let target = forward.target[round];
    if target == super::forward::NEVER {
        return None;
    }
    let Some(last_stop) = forward.target_via[round] else {
        let walk = direct?;
        return Some(vec![Step::Walk {
            from: walk.from,
            to: walk.to,
            departure: target - Instant::from(walk.seconds),
            arrival: target,
            meters: walk.meters,
        }]);
    };
    let mut reversed = Vec::new();
    let arrived = forward.arrived[forward.slot(last_stop, round)];
    let exit = egress
        .iter()
        .filter(|l| l.stop == last_stop)
        .min_by_key(|l| l.seconds)?;
    if exit.platform != Some(last_stop) {
        reversed.push(Step::Walk {
            from: Some(last_stop),
            to: exit.platform,
            departure: arrived,
            arrival: arrived + Instant::from(exit.seconds),
            meters: exit.meters,
        });
    }
    let (mut stop, mut round) = (last_stop, round);
    // Each step takes one vehicle fewer; the bound guards against a cycle
    // that a bug would otherwise turn into an endless loop.
    for _ in 0..=forward.rounds {
        let ride = forward.arrived_by[forward.slot(stop, round)];
        if ride.round == 0 {
            return None;
        }
        reversed.push(Step::Ride {
            board: ride.board,
            alight: ride.alight,
        });
        let boarding = tt.connection(&forward.streams, ride.board);
        let (board_time, _) = tt.instants(&forward.streams, ride.board);
        let before = ride.round as usize - 1;
        match forward.ready_from[forward.slot(boarding.from, before)] {
            ReadyFrom::Access(i) => {
                let link = access[i as usize];
                if link.platform != Some(boarding.from) {
                    reversed.push(Step::Walk {
                        from: link.platform,
                        to: Some(boarding.from),
                        departure: board_time - Instant::from(link.seconds),
                        arrival: board_time,
                        meters: link.meters,
                    });
                }
                reversed.reverse();
                return Some(reversed);
            }
            ReadyFrom::Transfer => {
                stop = boarding.from;
            }
            ReadyFrom::Footpath { from, seconds } => {
                let left = forward.arrived[forward.slot(from, before)];
                let meters = tt
                    .footpaths_out
                    .of(from)
                    .iter()
                    .find(|p| p.stop == boarding.from)
                    .map_or(0.0, |p| f64::from(p.meters));
                reversed.push(Step::Walk {
                    from: Some(from),
                    to: Some(boarding.from),
                    departure: left,
                    arrival: left + Instant::from(seconds),
                    meters,
                });
                stop = from;
            }
            ReadyFrom::Nothing => return None,
        }
        round = before;
    }
    None
}

impl Timetable {
    /// The public form of a journey's steps.
    pub(crate) fn journey(&self, streams: &[super::streams::Stream], steps: &[Step]) -> Journey {
        let legs: Vec<Leg> = steps.iter().map(|step| self.leg(streams, step)).collect();
        let rides = steps
            .iter()
            .filter(|s| matches!(s, Step::Ride { .. }))
            .count() as u32;
        Journey {
            departure: legs.first().map(|l| l.departure).unwrap_or_default(),
            arrival: legs.last().map(|l| l.arrival).unwrap_or_default(),
            transfers: rides.saturating_sub(1),
            legs,
        }
    }

    fn leg(&self, streams: &[super::streams::Stream], step: &Step) -> Leg {
        match *step {
            Step::Walk {
                from,
                to,
                departure,
                arrival,
                meters,
            } => Leg {
                mode: Mode::Walk,
                from_stop: from.map(|s| self.stop_info(s)),
                to_stop: to.map(|s| self.stop_info(s)),
                departure: self.local(departure),
                arrival: self.local(arrival),
                route_id: None,
                route_name: None,
                headsign: None,
                trip_id: None,
                walk_meters: Some(meters),
            },
            Step::Ride { board, alight } => {
                let on = self.connection(streams, board);
                let off = self.connection(streams, alight);
                let trip = &self.trips[on.trip as usize];
                let route = &self.routes[trip.route as usize];
                Leg {
                    mode: route.mode,
                    from_stop: Some(self.stop_info(on.from)),
                    to_stop: Some(self.stop_info(off.to)),
                    departure: self.local(self.instants(streams, board).0),
                    arrival: self.local(self.instants(streams, alight).1),
                    route_id: Some(route.id.clone()),
                    route_name: route.display_name(),
                    headsign: trip.headsign_at(on.position),
                    trip_id: Some(trip.id.clone()),
                    walk_meters: None,
                }
            }
        }
    }
}
