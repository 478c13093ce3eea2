//! Services: on which dates trips run, from `calendar.txt` (weekly patterns
//! over a date range) and `calendar_dates.txt` (dates added or removed; some
//! feeds define every service by added dates alone).

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};
use gtfs_structures::{Calendar, CalendarDate, Exception};

use super::rows::{Row, read_rows};
use crate::error::ImportIssue;
use crate::source::FileSet;

/// A calendar running for longer than this is cut: some feeds end their
/// calendars in 2099 to mean "until further notice".
const MAX_CALENDAR_DAYS: i64 = 2 * 366;

/// Each service's dates, by `service_id`.
pub(crate) type Services = HashMap<String, BTreeSet<NaiveDate>>;

pub(crate) fn read_services(
    feed: &str,
    files: &FileSet,
    problems: &mut Vec<ImportIssue>,
    warnings: &mut Vec<ImportIssue>,
) -> Services {
    let calendar: Option<Vec<Row<Calendar>>> =
        read_rows(feed, files, "calendar.txt", false, problems);
    let dates: Option<Vec<Row<CalendarDate>>> =
        read_rows(feed, files, "calendar_dates.txt", false, problems);
    if calendar.is_none() && dates.is_none() {
        problems.push(ImportIssue::feed(
            feed,
            "neither calendar.txt nor calendar_dates.txt is present, so no trip has a date",
        ));
    }
    let mut services = Services::new();
    for row in calendar.unwrap_or_default() {
        let file = "calendar.txt";
        let c = &row.value;
        let start = naive(
            c.start_date.year(),
            c.start_date.month(),
            c.start_date.day(),
        );
        let end = naive(c.end_date.year(), c.end_date.month(), c.end_date.day());
        let (Some(start), Some(mut end)) = (start, end) else {
            problems.push(ImportIssue::line(feed, file, row.line, "date out of range"));
            continue;
        };
        if end < start {
            problems.push(ImportIssue::line(
                feed,
                file,
                row.line,
                format!("end_date {end} is before start_date {start}"),
            ));
            continue;
        }
        if (end - start).num_days() > MAX_CALENDAR_DAYS {
            let cut = start + chrono::Days::new(MAX_CALENDAR_DAYS as u64);
            warnings.push(ImportIssue::line(
                feed,
                file,
                row.line,
                format!(
                    "service {} runs until {end}; only the dates until {cut} are loaded",
                    c.id
                ),
            ));
            end = cut;
        }
        if services.contains_key(&c.id) {
            problems.push(ImportIssue::line(
                feed,
                file,
                row.line,
                format!("service_id {} appears twice", c.id),
            ));
            continue;
        }
        let days = start
            .iter_days()
            .take_while(|d| *d <= end)
            .filter(|d| runs_on_weekday(c, d.weekday()))
            .collect();
        services.insert(c.id.clone(), days);
    }
    for row in dates.unwrap_or_default() {
        let date = &row.value.date;
        let Some(date) = naive(date.year(), date.month(), date.day()) else {
            problems.push(ImportIssue::line(
                feed,
                "calendar_dates.txt",
                row.line,
                "date out of range",
            ));
            continue;
        };
        let days = services.entry(row.value.service_id.clone()).or_default();
        match row.value.exception_type {
            Exception::Added => days.insert(date),
            Exception::Deleted => days.remove(&date),
        };
    }
    services
}

fn runs_on_weekday(c: &Calendar, weekday: Weekday) -> bool {
    match weekday {
        Weekday::Mon => c.monday,
        Weekday::Tue => c.tuesday,
        Weekday::Wed => c.wednesday,
        Weekday::Thu => c.thursday,
        Weekday::Fri => c.friday,
        Weekday::Sat => c.saturday,
        Weekday::Sun => c.sunday,
    }
}

/// gtfs-structures dates are `jiff` civil dates, which it does not re-export;
/// the rest of the workspace speaks `chrono`, so we convert by components.
fn naive(year: i16, month: i8, day: i8) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        year.into(),
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}
