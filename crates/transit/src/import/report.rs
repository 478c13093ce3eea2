//! What an import tells its caller, feed by feed. Apart from the import's
//! entry point so that [`super::merge`], which fills it in, does not depend
//! on the module that calls it.

use chrono::NaiveDate;

use crate::error::ImportIssue;

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
