//! The demo feed of `seeds/gtfs/demo-wapi` (SNCB and TEC, invented times):
//! it loads, and journeys planned on it are feasible and agree with the
//! reference router.

use std::path::PathBuf;

use chrono::{Datelike, Days, NaiveDate, TimeZone};
use chrono_tz::Europe::Brussels;
use transit::{
    Coordinate, FeedSource, JourneyQuery, Mode, OneToManyQuery, Place, RouterSettings,
    TimeConstraint, Timetable,
};

use super::feasibility::check_journey;
use super::gtfs_folder::GtfsFolder;
use super::support::{brussels, date, service_day_start};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gtfs/demo-wapi")
}

/// The demo feed, or `None` (with a note) while it is not generated yet.
fn demo() -> Option<Timetable> {
    if !folder().join("stop_times.txt").is_file() {
        eprintln!("skipped: no demo feed at {}", folder().display());
        return None;
    }
    let (timetable, _) = Timetable::load(&[FeedSource::Path(folder())], &RouterSettings::default())
        .unwrap_or_else(|e| panic!("{e}"));
    Some(timetable)
}

const TOURNAI_STATION: &str = "sncb-8885001";

fn celles() -> Coordinate {
    // On the main street of Celles, a few hundred metres from the bus stop.
    Coordinate::new(50.7135, 3.4540).unwrap()
}

fn plan(tt: &Timetable, query: &JourneyQuery) -> Vec<transit::Journey> {
    let outcome = tt.journeys(query).unwrap();
    let schedule = GtfsFolder::read(&folder(), tt.settings());
    for journey in &outcome.journeys {
        if let Err(e) = check_journey(journey, query, &schedule, tt.settings()) {
            panic!("{e}: {journey:#?}");
        }
    }
    outcome.journeys
}

#[test]
fn the_demo_feed_loads_with_both_agencies() {
    let Some(_) = demo() else { return };
    let (tt, report) =
        Timetable::load(&[FeedSource::Path(folder())], &RouterSettings::default()).unwrap();
    let feed = &report.feeds[0];
    assert_eq!(feed.agencies.len(), 2, "{:?}", feed.agencies);
    assert!(
        feed.trips > feed.trips_in_file,
        "frequency-based trips are expanded"
    );
    assert!(feed.interpolated_stop_times > 0);
    assert!(tt.stop(TOURNAI_STATION).is_some());
    assert!(tt.covers(celles()));
    assert!(
        tt.feeds()[0].validity_start <= date("2027-03-09")
            && date("2027-03-09") <= tt.feeds()[0].validity_end
    );
}

#[test]
fn from_a_point_in_celles_to_tournai_station_on_a_weekday_morning() {
    let Some(tt) = demo() else { return };
    let query = JourneyQuery {
        from: Place::Point(celles()),
        to: Place::Stop(TOURNAI_STATION.into()),
        time: TimeConstraint::DepartAfter(brussels("2027-03-09", "07:00")),
        max_journeys: 3,
    };
    let journeys = plan(&tt, &query);
    assert_eq!(journeys.len(), 3);
    let first = &journeys[0];
    assert!(
        first.arrival < brussels("2027-03-09", "09:00"),
        "{first:#?}"
    );
    assert_eq!(first.legs[0].mode, Mode::Walk);
    assert!(first.legs.iter().any(|l| l.mode == Mode::Bus));
    let last_stop = first.legs.last().unwrap().to_stop.clone().unwrap();
    assert_eq!(last_stop.parent.as_deref(), Some(TOURNAI_STATION));
    assert!(journeys.windows(2).all(|w| w[0].arrival <= w[1].arrival));

    let by_nine = JourneyQuery {
        time: TimeConstraint::ArriveBy(brussels("2027-03-09", "09:00")),
        ..query
    };
    let journeys = plan(&tt, &by_nine);
    assert!(!journeys.is_empty());
    assert!(
        journeys
            .iter()
            .all(|j| j.arrival <= brussels("2027-03-09", "09:00"))
    );
}

/// A small deterministic generator (SplitMix64), so that a failure repeats.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % bound
    }
}

#[test]
fn journeys_between_demo_stops_agree_with_the_reference() {
    let Some(tt) = demo() else { return };
    let schedule = GtfsFolder::read(&folder(), tt.settings());
    let stops = &schedule.stop_ids;
    let mut random = Seeded(2027);
    let max_vehicles = tt.settings().max_transfers as usize + 1;
    // Tuesday 9 March 2027 and Saturday 13 March: weekday and weekend services.
    for day in [date("2027-03-09"), date("2027-03-13")] {
        let dates: Vec<NaiveDate> = (0..4).map(|i| day - Days::new(1) + Days::new(i)).collect();
        let reference = schedule.reference(&dates);
        for _ in 0..40 {
            let (origin, target) = (
                random.next(stops.len() as u64) as usize,
                random.next(stops.len() as u64) as usize,
            );
            if origin == target {
                continue;
            }
            let time = service_day_start(day) + 5 * 3600 + random.next(15 * 3600) as i64;
            let local = Brussels.timestamp_opt(time, 0).unwrap().fixed_offset();
            let query = JourneyQuery {
                from: Place::Stop(stops[origin].clone()),
                to: Place::Stop(stops[target].clone()),
                time: TimeConstraint::DepartAfter(local),
                max_journeys: 2,
            };
            let journeys = plan(&tt, &query);
            let earliest = journeys.iter().map(|j| j.arrival.timestamp()).min();
            let expected = reference.earliest_arrival(origin, target, time, max_vehicles);
            let expected = expected.filter(|&a| a <= time + 24 * 3600);
            assert_eq!(
                earliest,
                expected,
                "{} → {} after {local} ({})",
                stops[origin],
                stops[target],
                day.weekday()
            );
        }
    }
}

#[test]
fn travel_times_from_celles_to_every_stop_match_journeys() {
    let Some(tt) = demo() else { return };
    let schedule = GtfsFolder::read(&folder(), tt.settings());
    let targets: Vec<Coordinate> = schedule
        .stop_ids
        .iter()
        .map(|id| tt.stop(id).unwrap().location)
        .collect();
    let time = TimeConstraint::DepartAfter(brussels("2027-03-09", "07:00"));
    let query = OneToManyQuery {
        from: Place::Point(celles()),
        targets: targets.clone(),
        time,
        max_travel: chrono::TimeDelta::minutes(120),
    };
    let times = tt.travel_times(&query).unwrap();
    assert!(times.iter().filter(|t| t.is_some()).count() > 10);
    for (target, travel) in targets.iter().zip(&times).step_by(7) {
        let journeys = tt
            .journeys(&JourneyQuery {
                from: Place::Point(celles()),
                to: Place::Point(*target),
                time,
                max_journeys: 1,
            })
            .unwrap()
            .journeys;
        let expected = journeys
            .first()
            .map(|j| j.arrival - brussels("2027-03-09", "07:00"))
            .filter(|t| *t <= chrono::TimeDelta::minutes(120));
        assert_eq!(*travel, expected, "to {target}");
    }
}
