//! Checks that a journey can really be travelled, leg by leg, against a
//! timetable known independently of the crate (the test's own model of a
//! random network, or the GTFS files read again by [`super::gtfs_folder`]).

use transit::{Journey, JourneyQuery, Leg, Mode, Place, RouterSettings, TimeConstraint};

/// What the checker needs to know about the timetable.
pub trait Schedule {
    /// Whether the trip runs on some service date, lets one board at `from`
    /// leaving at `departure`, and later lets one alight at `to` arriving at
    /// `arrival` (instants in seconds).
    fn ride_exists(
        &self,
        trip_id: &str,
        from: &str,
        departure: i64,
        to: &str,
        arrival: i64,
    ) -> bool;
    /// Seconds to change vehicles at a stop, `None` when impossible.
    fn transfer_seconds(&self, stop: &str) -> Option<u32>;
    /// Seconds of the footpath between two stops, `None` when there is none.
    fn footpath_seconds(&self, from: &str, to: &str) -> Option<u32>;
}

pub fn check_journey(
    journey: &Journey,
    query: &JourneyQuery,
    schedule: &dyn Schedule,
    settings: &RouterSettings,
) -> Result<(), String> {
    let legs = &journey.legs;
    let (Some(first), Some(last)) = (legs.first(), legs.last()) else {
        return Err("a journey without legs".into());
    };
    if journey.departure != first.departure || journey.arrival != last.arrival {
        return Err(
            "the journey's times are not its legs' first departure and last arrival".into(),
        );
    }
    let rides = legs.iter().filter(|l| l.mode != Mode::Walk).count() as u32;
    if journey.transfers != rides.saturating_sub(1) {
        return Err(format!(
            "{} transfers announced for {rides} vehicles",
            journey.transfers
        ));
    }
    match query.time {
        TimeConstraint::DepartAfter(t) if journey.departure < t => {
            return Err(format!("leaves at {} before {t}", journey.departure));
        }
        TimeConstraint::ArriveBy(t) if journey.arrival > t => {
            return Err(format!("arrives at {} after {t}", journey.arrival));
        }
        _ => {}
    }
    check_end(&query.from, first, true, settings)?;
    check_end(&query.to, last, false, settings)?;
    for leg in legs {
        check_leg(leg, schedule, settings)?;
    }
    for pair in legs.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        if after.departure < before.arrival {
            return Err(format!(
                "a leg leaves at {} before the previous arrives at {}",
                after.departure, before.arrival
            ));
        }
        let (Some(reached), Some(left)) = (&before.to_stop, &after.from_stop) else {
            return Err("a leg inside the journey starts or ends at a point".into());
        };
        if reached.id != left.id {
            return Err(format!(
                "a leg ends at {} and the next starts at {}",
                reached.id, left.id
            ));
        }
        match (before.mode, after.mode) {
            (Mode::Walk, Mode::Walk) => return Err("two walks in a row".into()),
            (Mode::Walk, _) | (_, Mode::Walk) => {}
            _ => {
                let Some(change) = schedule.transfer_seconds(&left.id) else {
                    return Err(format!(
                        "changes vehicles at {}, where it is not possible",
                        left.id
                    ));
                };
                let ready = before.arrival + chrono::TimeDelta::seconds(i64::from(change));
                if after.departure < ready {
                    return Err(format!(
                        "{change} s to change at {} but boards at {}",
                        left.id, after.departure
                    ));
                }
            }
        }
    }
    Ok(())
}

fn check_end(
    place: &Place,
    leg: &Leg,
    origin: bool,
    settings: &RouterSettings,
) -> Result<(), String> {
    let stop = if origin { &leg.from_stop } else { &leg.to_stop };
    match (place, stop) {
        (Place::Point(point), None) => {
            let other = if origin { &leg.to_stop } else { &leg.from_stop };
            let meters = leg.walk_meters.ok_or("a walk without distance")?;
            let expected = match other {
                Some(stop) => settings.walking_meters(stop.location.distance_meters(*point)),
                None => meters, // the walk straight between two points
            };
            if leg.mode != Mode::Walk
                || (meters - expected).abs() > 0.01
                || meters > settings.longest_access_walk_meters()
            {
                return Err(format!(
                    "the walk at the point is {meters} m, expected {expected} m within the limit"
                ));
            }
            Ok(())
        }
        (Place::Stop(id), Some(stop)) if stop.id == *id || stop.parent.as_deref() == Some(id) => {
            Ok(())
        }
        _ => Err(format!(
            "the journey's {} does not match {place:?}",
            if origin { "start" } else { "end" }
        )),
    }
}

fn check_leg(leg: &Leg, schedule: &dyn Schedule, settings: &RouterSettings) -> Result<(), String> {
    if leg.arrival < leg.departure {
        return Err(format!(
            "a leg arrives at {} before it leaves at {}",
            leg.arrival, leg.departure
        ));
    }
    let seconds = (leg.arrival - leg.departure).num_seconds();
    match (leg.mode, &leg.from_stop, &leg.to_stop) {
        (Mode::Walk, from, to) => {
            let meters = leg.walk_meters.ok_or("a walk without distance")?;
            let expected = match (from, to) {
                (Some(from), Some(to)) => schedule
                    .footpath_seconds(&from.id, &to.id)
                    .ok_or_else(|| format!("no footpath from {} to {}", from.id, to.id))?,
                _ => settings.walking_seconds(meters),
            };
            if seconds != i64::from(expected) {
                return Err(format!(
                    "a walk of {seconds} s where {expected} s are needed"
                ));
            }
            Ok(())
        }
        (_, Some(from), Some(to)) => {
            let trip = leg.trip_id.as_deref().ok_or("a ride without trip")?;
            if schedule.ride_exists(
                trip,
                &from.id,
                leg.departure.timestamp(),
                &to.id,
                leg.arrival.timestamp(),
            ) {
                Ok(())
            } else {
                Err(format!(
                    "trip {trip} does not run from {} at {} to {} at {}",
                    from.id, leg.departure, to.id, leg.arrival
                ))
            }
        }
        _ => Err("a ride from or to a point".into()),
    }
}
