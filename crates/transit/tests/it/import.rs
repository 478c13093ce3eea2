//! Importing the small named fixture feeds of `tests/fixtures`.

use chrono::TimeDelta;
use transit::{FeedSource, ImportIssue, RouterSettings, Timetable};

use super::support::{brussels, date, fixture, iso, load};

fn departure_times(tt: &Timetable, stop: &str, from: &str, at: &str, limit: usize) -> Vec<String> {
    let date = from;
    tt.departures(stop, brussels(date, at), limit)
        .unwrap()
        .into_iter()
        .map(|d| iso(d.time))
        .collect()
}

#[test]
fn a_service_defined_only_by_calendar_dates_runs_on_those_dates() {
    let (tt, report) = load(&["frequencies"]);
    assert_eq!(tt.feeds()[0].validity_start, date("2027-03-05"));
    assert_eq!(tt.feeds()[0].validity_end, date("2027-03-06"));
    assert_eq!(report.feeds[0].trips_in_file, 1);
    // 06:00, 06:15, 06:30, 06:45 and 17:00, 17:10, 17:20 on each date.
    assert_eq!(report.feeds[0].trips, 7);
    assert_eq!(report.feeds[0].connections, 14);
    let on_the_fifth = departure_times(&tt, "A", "2027-03-05", "18:00", 1);
    assert_eq!(on_the_fifth, ["2027-03-06T06:00:00+01:00"]);
}

#[test]
fn calendar_exceptions_remove_and_add_dates() {
    let (tt, _) = load(&["calendars"]);
    // Wednesday 10 March is removed from the weekday service.
    let tuesday = departure_times(&tt, "A", "2027-03-09", "07:00", 1);
    assert_eq!(tuesday, ["2027-03-09T08:00:00+01:00"]);
    let wednesday_morning = departure_times(&tt, "A", "2027-03-10", "07:00", 1);
    assert!(wednesday_morning.is_empty(), "{wednesday_morning:?}");
    let wednesday_evening = departure_times(&tt, "A", "2027-03-10", "09:00", 1);
    assert_eq!(wednesday_evening, ["2027-03-11T08:00:00+01:00"]);
    // The market bus runs on two Sundays only, from calendar_dates.txt.
    let sunday = departure_times(&tt, "A", "2027-03-14", "07:00", 1);
    assert_eq!(sunday, ["2027-03-14T10:00:00+01:00"]);
}

#[test]
fn times_past_midnight_belong_to_the_previous_service_day() {
    let (tt, _) = load(&["past_midnight"]);
    let departures = tt
        .departures("B", brussels("2027-03-10", "00:00"), 1)
        .unwrap();
    assert_eq!(iso(departures[0].time), "2027-03-10T00:20:00+01:00");
    assert_eq!(departures[0].service_date, date("2027-03-09"));
    // On the first day of the feed, there is no trip of the day before.
    let first = tt
        .departures("B", brussels("2027-03-01", "01:00"), 1)
        .unwrap();
    assert_eq!(iso(first[0].time), "2027-03-02T00:20:00+01:00");
}

#[test]
fn frequencies_expand_into_one_trip_per_departure_with_shifted_times() {
    let (tt, _) = load(&["frequencies"]);
    let at_b = departure_times(&tt, "B", "2027-03-05", "06:00", 10);
    assert_eq!(
        at_b,
        [
            "2027-03-05T06:10:00+01:00",
            "2027-03-05T06:25:00+01:00",
            "2027-03-05T06:40:00+01:00",
            "2027-03-05T06:55:00+01:00",
            "2027-03-05T17:10:00+01:00",
            "2027-03-05T17:20:00+01:00",
            "2027-03-05T17:30:00+01:00",
        ],
        "departures are looked for within 24 hours"
    );
    let trip_ids: Vec<String> = tt
        .departures("A", brussels("2027-03-05", "06:00"), 2)
        .unwrap()
        .into_iter()
        .map(|d| d.trip_id)
        .collect();
    assert_eq!(trip_ids, ["SHUTTLE", "SHUTTLE"]);
}

#[test]
fn missing_times_are_interpolated_by_distance_between_timed_stops() {
    let (tt, report) = load(&["interpolation"]);
    assert_eq!(report.feeds[0].interpolated_stop_times, 3);
    // A, B, C, D lie on one meridian at 0, 1, 3 and 6 units: B is 1/6 and C
    // 3/6 of the way from 08:00 to 08:30.
    assert_eq!(
        departure_times(&tt, "B", "2027-03-10", "07:00", 1),
        ["2027-03-10T08:05:00+01:00"]
    );
    assert_eq!(
        departure_times(&tt, "C", "2027-03-10", "07:00", 1),
        ["2027-03-10T08:15:00+01:00"]
    );
    // Trip J: B has only an arrival (09:06, standing for its departure too);
    // C, 2 units on of the 5 to D at 09:30, is at 09:06 + 24 min × 2/5.
    assert_eq!(
        departure_times(&tt, "B", "2027-03-10", "09:00", 1),
        ["2027-03-10T09:06:00+01:00"]
    );
    assert_eq!(
        departure_times(&tt, "C", "2027-03-10", "09:00", 1),
        ["2027-03-10T09:15:36+01:00"]
    );
}

#[test]
fn a_trip_keeps_its_wall_clock_time_on_the_days_clocks_change() {
    let (tt, _) = load(&["dst"]);
    let cases = [
        ("2027-03-27", "2027-03-27T08:00:00+01:00"),
        ("2027-03-28", "2027-03-28T08:00:00+02:00"), // summer time starts at 02:00
        ("2027-03-29", "2027-03-29T08:00:00+02:00"),
        ("2027-10-30", "2027-10-30T08:00:00+02:00"),
        ("2027-10-31", "2027-10-31T08:00:00+01:00"), // summer time ends at 03:00
    ];
    for (day, expected) in cases {
        assert_eq!(
            departure_times(&tt, "A", day, "05:00", 1),
            [expected],
            "{day}"
        );
    }
    let departure = brussels("2027-03-28", "07:00");
    let first = &tt.departures("A", departure, 1).unwrap()[0];
    assert_eq!(first.time - departure, TimeDelta::hours(1));
}

#[test]
fn parent_stations_hold_their_platforms() {
    let (tt, report) = load(&["stations"]);
    assert_eq!(report.feeds[0].stops, 7);
    assert_eq!(report.feeds[0].stations, 2);
    let platform = tt.stop("P2").unwrap();
    assert_eq!(platform.parent.as_deref(), Some("S_TOURNAI"));
    assert_eq!(platform.platform_code.as_deref(), Some("2"));
    assert_eq!(tt.feeds()[0].agencies, ["Rail", "Bus"]);
}

fn problems_of(name: &str) -> Vec<ImportIssue> {
    match Timetable::load(&[fixture(name)], &RouterSettings::default()) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e.problems,
    }
}

fn has(problems: &[ImportIssue], file: &str, line: Option<u64>, words: &str) -> bool {
    problems
        .iter()
        .any(|p| p.file.as_deref() == Some(file) && p.line == line && p.reason.contains(words))
}

#[test]
fn a_broken_feed_lists_every_bad_row_with_its_file_and_line() {
    let problems = problems_of("broken_rows");
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        has(&problems, "stops.txt", Some(4), "latitude"),
        "{listed:#?}"
    );
    assert!(
        has(
            &problems,
            "stop_times.txt",
            Some(3),
            "unknown stop_id NOWHERE"
        ),
        "{listed:#?}"
    );
    assert!(
        has(&problems, "stop_times.txt", Some(5), "times go backwards"),
        "{listed:#?}"
    );
    assert!(
        has(
            &problems,
            "stop_times.txt",
            Some(6),
            "'9:0:00' is not a valid time"
        ),
        "{listed:#?}"
    );
    assert!(
        has(
            &problems,
            "stop_times.txt",
            Some(8),
            "unknown trip_id GHOST"
        ),
        "{listed:#?}"
    );
    assert!(problems.iter().all(|p| p.feed == "broken_rows"));
}

#[test]
fn a_feed_missing_a_required_file_is_refused() {
    let problems = problems_of("broken_missing_file");
    assert!(
        has(&problems, "routes.txt", None, "required file is missing"),
        "{problems:#?}"
    );
}

#[test]
fn one_broken_feed_among_good_ones_loads_nothing() {
    let sources = [fixture("stations"), fixture("broken_rows")];
    let error = Timetable::load(&sources, &RouterSettings::default()).unwrap_err();
    assert!(error.problems.iter().all(|p| p.feed == "broken_rows"));
    assert!(
        error
            .to_string()
            .starts_with("the timetable cannot be imported")
    );
}

#[test]
fn feeds_in_memory_and_zipped_load_like_folders() {
    let folder = super::support::fixture_path("stations");
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).unwrap(),
            )
        })
        .collect();
    let memory = FeedSource::Files {
        name: "memory".into(),
        files: files.clone(),
    };
    let (tt, report) = Timetable::load(&[memory], &RouterSettings::default()).unwrap();
    assert_eq!(report.feeds[0].trips, 5);
    assert!(tt.stop("P1").is_some());

    let mut zipped = std::io::Cursor::new(Vec::new());
    {
        let mut writer = zip::ZipWriter::new(&mut zipped);
        for (name, bytes) in &files {
            let options = zip::write::SimpleFileOptions::default();
            writer.start_file(format!("gtfs/{name}"), options).unwrap();
            std::io::Write::write_all(&mut writer, bytes).unwrap();
        }
        writer.finish().unwrap();
    }
    let zip = FeedSource::ZipBytes {
        name: "zipped".into(),
        bytes: zipped.into_inner(),
    };
    let (_, report) = Timetable::load(&[zip], &RouterSettings::default()).unwrap();
    assert_eq!(report.feeds[0].trips, 5);
    assert_eq!(report.feeds[0].connections, 5);
}

#[test]
fn ids_used_by_two_feeds_are_namespaced_by_feed() {
    let (tt, report) = load(&["past_midnight", "calendars"]);
    // Both feeds have stops A and B; past_midnight alone has C.
    assert!(tt.stop("A").is_none());
    assert_eq!(tt.stop("past_midnight:A").unwrap().name, "Alpha");
    assert_eq!(tt.stop("calendars:B").unwrap().name, "Bravo");
    assert!(tt.stop("C").is_some());
    assert!(
        report.feeds[0]
            .warnings
            .iter()
            .any(|w| w.reason.contains("2 stop ids"))
    );
    assert_eq!(tt.feeds().len(), 2);
}

#[test]
fn invalid_settings_are_refused() {
    let settings = RouterSettings {
        walking_speed_kmh: 0.0,
        ..RouterSettings::default()
    };
    let error = Timetable::load(&[fixture("stations")], &settings).unwrap_err();
    assert!(error.problems[0].reason.contains("walking_speed_kmh"));
}
