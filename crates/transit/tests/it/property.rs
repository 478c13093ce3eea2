//! The router against the reference Dijkstra, on many random networks:
//! same earliest arrival and same latest departure for every query, every
//! journey feasible, optimal for its departure and number of vehicles, and
//! none dominated by another.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use chrono_tz::Europe::Brussels;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use transit::{Journey, JourneyQuery, Mode, Place, RouterSettings, TimeConstraint, Timetable};

use super::feasibility::check_journey;
use super::network::{Network, NetworkSchedule, network};
use super::reference::Reference;
use super::support::service_day_start;

const DAY: i64 = 24 * 3600;

/// The same cases on every run, so that CI is repeatable; explore more with
/// `PROPTEST_CASES=5000 PROPTEST_RNG_SEED=<any number>`. Failures found are
/// kept in `tests/proptest-regressions` and replayed first.
fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    let rng_seed = match default.rng_seed {
        RngSeed::Random => RngSeed::Fixed(20_270_328),
        chosen => chosen,
    };
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        default.cases
    } else {
        cases
    };
    ProptestConfig {
        cases,
        rng_seed,
        ..default
    }
}

fn local(instant: i64) -> DateTime<FixedOffset> {
    Brussels.timestamp_opt(instant, 0).unwrap().fixed_offset()
}

/// (origin, destination, day after 27 March 2027 — the 28th is when summer
/// time starts — and seconds after that service day starts).
fn queries() -> impl Strategy<Value = Vec<(usize, usize, u64, i64)>> {
    let seconds = prop_oneof![5 * 3600i64..10 * 3600, 22 * 3600i64..27 * 3600];
    prop::collection::vec((0usize..64, 0usize..64, 0u64..3, seconds), 1..25)
}

fn vehicles(journey: &Journey) -> usize {
    journey.legs.iter().filter(|l| l.mode != Mode::Walk).count()
}

struct Case<'a> {
    network: &'a Network,
    timetable: Timetable,
    settings: RouterSettings,
    schedule: NetworkSchedule<'a>,
}

impl Case<'_> {
    fn reference(&self, date: NaiveDate) -> Reference {
        Reference::new(
            self.network,
            &Network::dates_around(date),
            self.schedule.footpaths.clone(),
            self.schedule.transfers.clone(),
        )
    }

    fn ask(
        &self,
        origin: usize,
        target: usize,
        time: TimeConstraint,
    ) -> (JourneyQuery, Vec<Journey>) {
        let query = JourneyQuery {
            from: Place::Stop(format!("S{origin}")),
            to: Place::Stop(format!("S{target}")),
            time,
            max_journeys: 3,
        };
        let outcome = self.timetable.journeys(&query).unwrap();
        (query, outcome.journeys)
    }

    /// Feasible, optimal for its departure and vehicles, and not dominated.
    fn check_each(
        &self,
        query: &JourneyQuery,
        journeys: &[Journey],
        reference: &Reference,
        origin: usize,
        target: usize,
    ) -> Result<(), TestCaseError> {
        for journey in journeys {
            if let Err(e) = check_journey(journey, query, &self.schedule, &self.settings) {
                return Err(TestCaseError::fail(format!("{e}: {journey:#?}")));
            }
            let (leave, arrive) = (journey.departure.timestamp(), journey.arrival.timestamp());
            let rides = vehicles(journey);
            prop_assert_eq!(
                reference.earliest_arrival(origin, target, leave, rides),
                Some(arrive),
                "not the earliest arrival for its departure: {:#?}",
                journey
            );
            let later = reference.earliest_arrival(origin, target, leave + 1, rides);
            prop_assert!(
                later.is_none_or(|a| a > arrive),
                "one can leave later and arrive as early: {:#?}",
                journey
            );
            for other in journeys {
                let dominates = other.departure >= journey.departure
                    && other.arrival <= journey.arrival
                    && other.transfers <= journey.transfers
                    && (other.departure, other.arrival, other.transfers)
                        != (journey.departure, journey.arrival, journey.transfers);
                prop_assert!(!dominates, "{:#?} dominates {:#?}", other, journey);
            }
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn journeys_match_a_time_expanded_dijkstra(network in network(), queries in queries(), max_transfers in 0u32..4) {
        let settings = RouterSettings { max_transfers, ..RouterSettings::default() };
        let (timetable, _) = Timetable::load(&[network.feed()], &settings).unwrap();
        let schedule = NetworkSchedule {
            network: &network,
            footpaths: network.footpaths(&settings),
            transfers: network.transfers(&settings),
        };
        let case = Case { network: &network, timetable, settings: settings.clone(), schedule };
        let max_vehicles = max_transfers as usize + 1;
        for (origin, target, day, seconds) in queries {
            let (origin, target) = (origin % network.stops.len(), target % network.stops.len());
            if origin == target {
                continue;
            }
            let date = NaiveDate::from_ymd_opt(2027, 3, 27).unwrap() + chrono::Days::new(day);
            let time = service_day_start(date) + seconds;
            let reference = case.reference(date);

            let (query, journeys) = case.ask(origin, target, TimeConstraint::DepartAfter(local(time)));
            let earliest = journeys.iter().map(|j| j.arrival.timestamp()).min();
            match reference.earliest_arrival(origin, target, time, max_vehicles) {
                // Within the search horizon, the same earliest arrival.
                Some(expected) if expected <= time + DAY => prop_assert_eq!(earliest, Some(expected), "S{} → S{} after {}", origin, target, local(time)),
                Some(expected) => prop_assert!(earliest.is_none_or(|e| e >= expected)),
                None => prop_assert_eq!(earliest, None),
            }
            case.check_each(&query, &journeys, &reference, origin, target)?;

            let (query, journeys) = case.ask(origin, target, TimeConstraint::ArriveBy(local(time)));
            let latest = journeys.iter().map(|j| j.departure.timestamp()).max();
            match reference.latest_departure(origin, target, time - DAY, time, max_vehicles) {
                Some(expected) => prop_assert_eq!(latest, Some(expected), "S{} → S{} by {}", origin, target, local(time)),
                // Nothing leaves within the horizon; only a journey leaving
                // before it, on connections arriving within it, may be found.
                None => prop_assert!(latest.is_none_or(|l| l < time - DAY)),
            }
            case.check_each(&query, &journeys, &reference, origin, target)?;
        }
    }
}

proptest! {
    #![proptest_config(config(100))]

    /// The one-to-many search (one scan, or scans from each departure for
    /// arrive-by) gives the same travel times as journeys planned one by one,
    /// which the test above checks against the reference.
    #[test]
    fn travel_times_match_journeys_planned_one_by_one(network in network(), origin in 0usize..64, day in 0u64..3, seconds in 6 * 3600i64..26 * 3600) {
        let settings = RouterSettings::default();
        let (timetable, _) = Timetable::load(&[network.feed()], &settings).unwrap();
        let origin = Place::Stop(format!("S{}", origin % network.stops.len()));
        let date = NaiveDate::from_ymd_opt(2027, 3, 27).unwrap() + chrono::Days::new(day);
        let instant = local(service_day_start(date) + seconds);
        let max_travel = chrono::TimeDelta::hours(3);
        for time in [TimeConstraint::DepartAfter(instant), TimeConstraint::ArriveBy(instant)] {
            let query = transit::OneToManyQuery { from: origin.clone(), targets: network.stops.clone(), time, max_travel };
            let times = timetable.travel_times(&query).unwrap();
            for (target, travel) in network.stops.iter().zip(times) {
                let one = JourneyQuery { from: origin.clone(), to: Place::Point(*target), time, max_journeys: 1 };
                let journeys = timetable.journeys(&one).unwrap().journeys;
                let expected = journeys
                    .first()
                    .map(|j| match time {
                        TimeConstraint::DepartAfter(t) => j.arrival - t,
                        TimeConstraint::ArriveBy(t) => t - j.departure,
                    })
                    .filter(|t| *t <= max_travel);
                prop_assert_eq!(travel, expected, "{:?} to {}", time, target);
            }
        }
    }
}
