//! Stops, departures and journeys on the `stations` fixture: two stations
//! with platforms, bus stops near Tournai station, a minimum change time of
//! 6 minutes inside Tournai station and a change that `transfers.txt` forbids.

use transit::{
    Coordinate, Journey, JourneyOutcome, JourneyQuery, Mode, NoJourneyKind, OneToManyQuery, Place,
    QueryError, RouterSettings, StopKind, TimeConstraint, Timetable,
};

use super::feasibility::check_journey;
use super::gtfs_folder::GtfsFolder;
use super::support::{self, brussels, fixture_path, iso, load};

fn stations() -> Timetable {
    load(&["stations"]).0
}

fn plan(
    tt: &Timetable,
    from: Place,
    to: Place,
    time: TimeConstraint,
    max: usize,
) -> JourneyOutcome {
    let query = JourneyQuery {
        from,
        to,
        time,
        max_journeys: max,
    };
    let outcome = tt.journeys(&query).unwrap();
    let schedule = GtfsFolder::read(&fixture_path("stations"), &RouterSettings::default());
    for journey in &outcome.journeys {
        if let Err(e) = check_journey(journey, &query, &schedule, tt.settings()) {
            panic!("{e}: {journey:#?}");
        }
    }
    outcome
}

fn stop(id: &str) -> Place {
    Place::Stop(id.to_owned())
}

/// `mode from→to hh:mm-hh:mm` per leg.
fn legs(journey: &Journey) -> Vec<String> {
    journey
        .legs
        .iter()
        .map(|l| {
            let end = |s: &Option<transit::StopInfo>| {
                s.as_ref().map_or("·".to_owned(), |s| s.id.clone())
            };
            format!(
                "{:?} {}→{} {}-{}",
                l.mode,
                end(&l.from_stop),
                end(&l.to_stop),
                l.departure.format("%H:%M:%S"),
                l.arrival.format("%H:%M:%S")
            )
        })
        .collect()
}

#[test]
fn the_change_time_inside_a_station_makes_one_miss_a_tight_train() {
    let tt = stations();
    let outcome = plan(
        &tt,
        stop("S_MOUSCRON"),
        stop("LILLE"),
        TimeConstraint::DepartAfter(brussels("2027-03-10", "06:50")),
        1,
    );
    let journey = &outcome.journeys[0];
    // Arriving on platform 1 at 07:20, the 07:25 from platform 2 is missed
    // (6 minutes needed); the 07:40 is taken.
    assert_eq!(
        legs(journey),
        [
            "Train M1→P1 07:00:00-07:20:00",
            "Walk P1→P2 07:20:00-07:26:00",
            "Train P2→LILLE 07:40:00-08:05:00"
        ]
    );
    assert_eq!(journey.transfers, 1);
    assert_eq!(journey.legs[0].route_name.as_deref(), Some("IC 12"));
    assert_eq!(journey.legs[2].headsign.as_deref(), Some("Lille"));
}

#[test]
fn a_forbidden_change_is_not_used_and_a_footpath_is() {
    let tt = stations();
    let outcome = plan(
        &tt,
        stop("S_MOUSCRON"),
        stop("CEL"),
        TimeConstraint::DepartAfter(brussels("2027-03-10", "06:50")),
        1,
    );
    // The shuttle from BUS2 at 07:23 would arrive first, but transfers.txt
    // forbids P1 → BUS2; BUS1 is 150 m away (195.2 m walked, 157 s).
    assert_eq!(
        legs(&outcome.journeys[0]),
        [
            "Train M1→P1 07:00:00-07:20:00",
            "Walk P1→BUS1 07:20:00-07:22:37",
            "Bus BUS1→CEL 07:24:00-07:45:00"
        ]
    );
    let walk = outcome.journeys[0].legs[1].walk_meters.unwrap();
    assert!((walk - 195.0).abs() < 1.0, "{walk}");
}

#[test]
fn arrive_by_gives_the_latest_departure() {
    let tt = stations();
    let outcome = plan(
        &tt,
        stop("S_MOUSCRON"),
        stop("CEL"),
        TimeConstraint::ArriveBy(brussels("2027-03-10", "07:50")),
        1,
    );
    assert_eq!(
        iso(outcome.journeys[0].departure),
        "2027-03-10T07:00:00+01:00"
    );
    assert_eq!(
        iso(outcome.journeys[0].arrival),
        "2027-03-10T07:45:00+01:00"
    );
    let too_early = plan(
        &tt,
        stop("S_MOUSCRON"),
        stop("CEL"),
        TimeConstraint::ArriveBy(brussels("2027-03-10", "06:00")),
        1,
    );
    // The day before's 07:00 train is the latest that arrives by 06:00.
    assert_eq!(
        iso(too_early.journeys[0].departure),
        "2027-03-09T07:00:00+01:00"
    );
    // 07:44 is too early for the 07:45 bus, and the day before's journey
    // leaves more than 24 hours before: beyond the search.
    let missed = plan(
        &tt,
        stop("S_MOUSCRON"),
        stop("CEL"),
        TimeConstraint::ArriveBy(brussels("2027-03-10", "07:44")),
        1,
    );
    assert!(missed.journeys.is_empty());
}

#[test]
fn a_journey_from_a_point_starts_and_ends_with_walks() {
    let tt = stations();
    let near_mouscron = Coordinate::new(50.7450, 3.2150).unwrap();
    let near_celles = Coordinate::new(50.7120, 3.4570).unwrap();
    let outcome = plan(
        &tt,
        Place::Point(near_mouscron),
        Place::Point(near_celles),
        TimeConstraint::DepartAfter(brussels("2027-03-10", "06:30")),
        3,
    );
    let journey = &outcome.journeys[0];
    assert_eq!(journey.legs.first().unwrap().mode, Mode::Walk);
    assert!(journey.legs.first().unwrap().from_stop.is_none());
    assert!(journey.legs.last().unwrap().to_stop.is_none());
    assert_eq!(journey.legs[1].departure, brussels("2027-03-10", "07:00"));
    // The first walk is timed to reach the train just in time.
    assert_eq!(journey.legs[0].arrival, journey.legs[1].departure);
}

#[test]
fn a_short_distance_is_walked() {
    let tt = stations();
    let outcome = plan(
        &tt,
        stop("BUS1"),
        stop("BUS2"),
        TimeConstraint::DepartAfter(brussels("2027-03-10", "07:00")),
        3,
    );
    assert_eq!(
        legs(&outcome.journeys[0]),
        ["Walk BUS1→BUS2 07:00:00-07:03:20"]
    );
    assert_eq!(outcome.journeys[0].transfers, 0);
}

#[test]
fn several_journeys_are_sorted_by_arrival_and_none_dominates_another() {
    let tt = stations();
    let outcome = plan(
        &tt,
        stop("S_TOURNAI"),
        stop("LILLE"),
        TimeConstraint::DepartAfter(brussels("2027-03-10", "07:30")),
        3,
    );
    let times: Vec<String> = outcome
        .journeys
        .iter()
        .map(|j| j.departure.format("%d %H:%M").to_string())
        .collect();
    // The 07:40 of the day, then the next morning's 07:25; the next
    // morning's 07:40 leaves more than 24 hours later.
    assert_eq!(times, ["10 07:40", "11 07:25"]);
}

#[test]
fn departures_at_a_station_cover_its_platforms() {
    let tt = stations();
    let departures = tt
        .departures("S_TOURNAI", brussels("2027-03-10", "07:00"), 2)
        .unwrap();
    let seen: Vec<(String, String, String)> = departures
        .iter()
        .map(|d| {
            (
                d.time.format("%H:%M").to_string(),
                d.stop.id.clone(),
                d.trip_id.clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("07:25".into(), "P2".into(), "T2".into()),
            ("07:40".into(), "P2".into(), "T3".into())
        ]
    );
    assert_eq!(departures[0].route_short_name.as_deref(), Some("L 90"));
    assert_eq!(departures[0].mode, Mode::Train);
}

#[test]
fn stops_near_a_point_are_grouped_by_station_nearest_first() {
    let tt = stations();
    let point = Coordinate::new(50.6134, 3.3972).unwrap();
    let near = tt.stops_near(point, 300.0, 10);
    let ids: Vec<&str> = near.iter().map(|(s, _)| s.id.as_str()).collect();
    assert_eq!(ids, ["S_TOURNAI", "BUS2", "BUS1"]);
    assert_eq!(near[0].0.kind, StopKind::Station);
    // The station is as near as its nearest platform, P1, 35 m away.
    assert!((near[0].1 - 35.4).abs() < 1.0, "{}", near[0].1);
    assert!(near.windows(2).all(|w| w[0].1 <= w[1].1));
    assert_eq!(tt.stops_near(point, 300.0, 1).len(), 1);
}

#[test]
fn the_area_covered_reaches_a_few_kilometres_around_the_stops() {
    let tt = stations();
    assert!(tt.covers(Coordinate::new(50.70, 3.30).unwrap()));
    assert!(!tt.covers(Coordinate::new(50.85, 4.35).unwrap())); // Brussels
}

#[test]
fn questions_that_cannot_be_answered_say_why() {
    let tt = stations();
    let monday = TimeConstraint::DepartAfter(brussels("2027-03-10", "07:00"));
    let ask = |from: Place, to: Place, time: TimeConstraint, max: usize| {
        tt.journeys(&JourneyQuery {
            from,
            to,
            time,
            max_journeys: max,
        })
        .unwrap_err()
    };
    assert_eq!(
        ask(stop("NOPE"), stop("CEL"), monday, 1),
        QueryError::UnknownStop("NOPE".into())
    );
    assert_eq!(
        ask(stop("P1"), stop("S_TOURNAI"), monday, 1),
        QueryError::SamePlace
    );
    let brussels_point = Coordinate::new(50.85, 4.35).unwrap();
    assert_eq!(
        ask(Place::Point(brussels_point), stop("CEL"), monday, 1),
        QueryError::OutsideFeeds(brussels_point)
    );
    let april = TimeConstraint::DepartAfter(brussels("2027-04-10", "07:00"));
    let outside = ask(stop("P1"), stop("CEL"), april, 1);
    assert_eq!(
        outside.to_string(),
        "no timetable covers 2027-04-10: the timetables run from 2027-03-01 to 2027-03-31"
    );
    assert!(matches!(
        ask(stop("P1"), stop("CEL"), monday, 0),
        QueryError::InvalidLimit { .. }
    ));
    assert!(matches!(
        tt.departures("P1", brussels("2027-03-10", "07:00"), 0),
        Err(QueryError::InvalidLimit { .. })
    ));
}

#[test]
fn no_journey_comes_with_a_reason_of_its_kind() {
    let tt = stations();
    let reason = |from: Place, to: Place, time: TimeConstraint| {
        let outcome = plan(&tt, from, to, time, 3);
        assert!(outcome.journeys.is_empty(), "{outcome:#?}");
        outcome.no_journey.expect("a reason")
    };
    // Nothing leaves Lille, any day.
    let nothing_leaves = reason(
        stop("LILLE"),
        stop("CEL"),
        TimeConstraint::DepartAfter(brussels("2027-03-10", "07:00")),
    );
    assert_eq!(nothing_leaves.kind, NoJourneyKind::NoServiceThatDay);
    // Asked without an explanation, the same search says nothing.
    let unexplained = tt
        .journeys_unexplained(&JourneyQuery {
            from: stop("LILLE"),
            to: stop("CEL"),
            time: TimeConstraint::DepartAfter(brussels("2027-03-10", "07:00")),
            max_journeys: 3,
        })
        .unwrap();
    assert!(unexplained.journeys.is_empty() && unexplained.no_journey.is_none());
    assert!(
        nothing_leaves.message.contains("10/03/2027"),
        "{}",
        nothing_leaves.message
    );
    // On the timetable's first day the first bus reaches Celles at 07:40:
    // arriving by 07:00 is impossible (and there is no day before).
    let too_early = reason(
        stop("M1"),
        stop("CEL"),
        TimeConstraint::ArriveBy(brussels("2027-03-01", "07:00")),
    );
    assert_eq!(too_early.kind, NoJourneyKind::ArriveByTooEarly);
    assert!(too_early.message.contains("07:40"), "{}", too_early.message);
    // Inside the area the feed covers, but over 3 km from any stop.
    let nowhere = Coordinate::new(50.6366, 3.1450).unwrap();
    let unreachable = reason(
        Place::Point(nowhere),
        stop("CEL"),
        TimeConstraint::DepartAfter(brussels("2027-03-10", "06:00")),
    );
    assert_eq!(unreachable.kind, NoJourneyKind::NoStopNearOrigin);
}

#[test]
fn a_place_beyond_the_walking_limit_walks_to_its_nearest_stop_and_says_how_far() {
    let tt = stations();
    // 1.6 km north of Celles Place as the crow flies: about 2.1 km walking,
    // over the 1,200 m limit and under the 3,000 m fallback.
    let hamlet = Coordinate::new(50.7254, 3.4580).unwrap();
    let outcome = plan(
        &tt,
        stop("M1"),
        Place::Point(hamlet),
        TimeConstraint::DepartAfter(brussels("2027-03-10", "06:50")),
        1,
    );
    let journey = outcome
        .journeys
        .first()
        .expect("a journey despite the long walk");
    let last = journey.legs.last().unwrap();
    assert_eq!(last.mode, Mode::Walk);
    let meters = last.walk_meters.unwrap();
    assert!((1_200.0..=3_000.0).contains(&meters), "{meters}");
    assert_eq!(last.from_stop.as_ref().unwrap().id, "CEL");

    // Without the fallback, the same place has no stop within reach.
    let strict = RouterSettings {
        max_fallback_walk_meters: 0.0,
        ..RouterSettings::default()
    };
    let (strict_tt, _) = Timetable::load(&[support::fixture("stations")], &strict).unwrap();
    let outcome = strict_tt
        .journeys(&JourneyQuery {
            from: stop("M1"),
            to: Place::Point(hamlet),
            time: TimeConstraint::DepartAfter(brussels("2027-03-10", "06:50")),
            max_journeys: 1,
        })
        .unwrap();
    assert_eq!(
        outcome.no_journey.map(|r| r.kind),
        Some(NoJourneyKind::NoStopNearDestination)
    );
}

#[test]
fn travel_times_to_many_points_match_single_journeys() {
    let tt = stations();
    let targets = vec![
        Coordinate::new(50.7120, 3.4570).unwrap(), // by Celles Place
        Coordinate::new(50.6370, 3.0710).unwrap(), // by Lille
        Coordinate::new(50.9000, 3.0000).unwrap(), // nowhere near a stop
    ];
    let from = Place::Stop("S_MOUSCRON".into());
    for time in [
        TimeConstraint::DepartAfter(brussels("2027-03-10", "06:50")),
        TimeConstraint::ArriveBy(brussels("2027-03-10", "08:10")),
    ] {
        let query = OneToManyQuery {
            from: from.clone(),
            targets: targets.clone(),
            time,
            max_travel: chrono::TimeDelta::hours(3),
        };
        let times = tt.travel_times(&query).unwrap();
        assert!(times[2].is_none());
        for (target, travel) in targets.iter().zip(&times).take(2) {
            let outcome = plan(&tt, from.clone(), Place::Point(*target), time, 1);
            let journey = &outcome.journeys[0];
            let expected = match time {
                TimeConstraint::DepartAfter(t) => journey.arrival - t,
                TimeConstraint::ArriveBy(t) => t - journey.departure,
            };
            assert_eq!(*travel, Some(expected), "{time:?} to {target}");
        }
    }
}
