//! Import: each feed is read and checked on its own ([`feed`]), then all are
//! merged into one [`Timetable`] ([`merge`]). Any problem in any feed stops
//! the import with an [`ImportError`] listing every problem found.

mod calendar;
mod feed;
mod merge;
mod rows;
mod stop_times;
mod transfers;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::error::{ImportError, ImportIssue};
use crate::{FeedSource, RouterSettings, Timetable};

/// What an import loaded, feed by feed, and what it skipped and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub feeds: Vec<FeedReport>,
    /// Walks between nearby stops used to change vehicles, across feeds.
    pub footpaths: usize,
}

/// What one feed brought.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedReport {
    pub name: String,
    pub agencies: Vec<String>,
    /// Stops and platforms (where vehicles call).
    pub stops: usize,
    pub stations: usize,
    pub routes: usize,
    /// Trips in `trips.txt`.
    pub trips_in_file: usize,
    /// Trips that run, frequency-based ones expanded into one per departure.
    pub trips: usize,
    /// Rides from one stop to the next, over all trips.
    pub connections: usize,
    pub validity_start: NaiveDate,
    pub validity_end: NaiveDate,
    /// Stop times that had no time and were interpolated.
    pub interpolated_stop_times: usize,
    /// Rows skipped, and why; ids renamed to avoid clashes.
    pub warnings: Vec<ImportIssue>,
}

pub(crate) fn load(
    sources: &[FeedSource],
    settings: &RouterSettings,
) -> Result<(Timetable, ImportReport), ImportError> {
    let mut problems: Vec<ImportIssue> = settings
        .problems()
        .into_iter()
        .map(|p| ImportIssue::feed("settings", p))
        .collect();
    if sources.is_empty() {
        problems.push(ImportIssue::feed("settings", "at least one feed is needed"));
    }
    let mut names = HashSet::new();
    for source in sources {
        if !names.insert(source.name()) {
            problems.push(ImportIssue::feed(
                &source.name(),
                "two feeds have this name; names must differ since they namespace clashing ids",
            ));
        }
    }
    let mut feeds = Vec::new();
    for source in sources {
        let name = source.name();
        match source.read() {
            Err(problem) => problems.push(problem),
            Ok(files) => match feed::read_feed(&name, &files) {
                Ok(feed) => feeds.push(feed),
                Err(mut feed_problems) => problems.append(&mut feed_problems),
            },
        }
    }
    if !problems.is_empty() {
        return Err(ImportError { problems });
    }
    merge::merge(feeds, settings).map_err(|problems| ImportError { problems })
}
