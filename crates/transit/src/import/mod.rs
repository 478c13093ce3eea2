//! Import: each feed is read and checked on its own ([`feed`]), then all are
//! merged into one [`Timetable`] ([`merge`]). Any problem in any feed stops
//! the import with an [`ImportError`] listing every problem found.
//!
//! [`Timetable::load`] is defined here rather than beside the type, so that
//! the timetable knows nothing of importing while the import builds it.

mod calendar;
mod feed;
mod feed_data;
mod merge;
mod report;
mod rows;
mod stop_times;
mod transfers;

use std::collections::HashSet;

pub use report::{FeedReport, ImportReport};

use crate::error::{ImportError, ImportIssue};
use crate::settings::RouterSettings;
use crate::source::FeedSource;
use crate::timetable::Timetable;

impl Timetable {
    /// Imports the feeds and merges them into one timetable. Ids that more
    /// than one feed uses (stops, routes, trips) become `feed:id` in each of
    /// those feeds. A feed with any problem yields an error listing them all,
    /// and no timetable.
    pub fn load(
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
}
