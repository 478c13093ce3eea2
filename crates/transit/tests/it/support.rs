//! Helpers shared by the tests: fixtures, times in Brussels, and the
//! service-day arithmetic written again here, independently of the crate.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use chrono_tz::Europe::Brussels;
use transit::{FeedSource, ImportReport, RouterSettings, Timetable};

pub fn fixture(name: &str) -> FeedSource {
    FeedSource::Path(fixture_path(name))
}

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn load(names: &[&str]) -> (Timetable, ImportReport) {
    let sources: Vec<FeedSource> = names.iter().map(|n| fixture(n)).collect();
    match Timetable::load(&sources, &RouterSettings::default()) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{e}"),
    }
}

/// A wall-clock time in Brussels (unambiguous ones only).
pub fn brussels(date: &str, time: &str) -> DateTime<FixedOffset> {
    let local = chrono::NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M")
        .unwrap_or_else(|e| panic!("{date} {time}: {e}"));
    Brussels
        .from_local_datetime(&local)
        .single()
        .unwrap_or_else(|| panic!("{date} {time} is not a single instant in Brussels"))
        .fixed_offset()
}

/// `2027-03-10T08:00:00+01:00`, for readable assertions.
pub fn iso(time: DateTime<FixedOffset>) -> String {
    time.to_rfc3339()
}

/// The instant a GTFS service day starts in Brussels: noon minus 12 hours.
pub fn service_day_start(date: NaiveDate) -> i64 {
    let noon = date.and_hms_opt(12, 0, 0).unwrap();
    Brussels
        .from_local_datetime(&noon)
        .single()
        .unwrap()
        .timestamp()
        - 12 * 3600
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}
