//! The crate's two errors: a feed that cannot be imported, and a question the
//! timetable cannot answer as asked.

use std::fmt;

use chrono::NaiveDate;

use crate::coordinate::Coordinate;

/// One problem (or, in [`crate::ImportReport`], one warning) found in a feed,
/// located as precisely as possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportIssue {
    /// The feed's name (see [`crate::FeedSource`]).
    pub feed: String,
    /// The GTFS file, such as `stop_times.txt`, when the issue is in one.
    pub file: Option<String>,
    /// The 1-based line in that file (the header is line 1).
    pub line: Option<u64>,
    /// What is wrong, in a sentence.
    pub reason: String,
}

impl ImportIssue {
    pub(crate) fn feed(feed: &str, reason: impl Into<String>) -> Self {
        Self {
            feed: feed.to_owned(),
            file: None,
            line: None,
            reason: reason.into(),
        }
    }

    pub(crate) fn file(feed: &str, file: &str, reason: impl Into<String>) -> Self {
        Self {
            file: Some(file.to_owned()),
            ..Self::feed(feed, reason)
        }
    }

    pub(crate) fn line(feed: &str, file: &str, line: u64, reason: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            ..Self::file(feed, file, reason)
        }
    }
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.feed)?;
        if let Some(file) = &self.file {
            write!(f, "/{file}")?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A feed (or the settings) could not be imported. Nothing was loaded: the
/// error lists every problem found, not only the first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    pub problems: Vec<ImportIssue>,
}

/// Problems listed in the error message before it says "and N more".
const PROBLEMS_SHOWN: usize = 20;

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the timetable cannot be imported ({} problems)",
            self.problems.len()
        )?;
        for problem in self.problems.iter().take(PROBLEMS_SHOWN) {
            write!(f, "\n- {problem}")?;
        }
        if self.problems.len() > PROBLEMS_SHOWN {
            write!(f, "\n- and {} more", self.problems.len() - PROBLEMS_SHOWN)?;
        }
        Ok(())
    }
}

/// A question the timetable cannot answer as asked: each is the caller's
/// mistake (the API reports them as `BAD_USER_INPUT`), never a fault of ours.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QueryError {
    #[error("no stop has the id \"{0}\"")]
    UnknownStop(String),
    #[error(
        "\"{0}\" is neither a stop, a platform nor a station with platforms, so no vehicle calls there"
    )]
    NotAStop(String),
    #[error("the point {0} is outside the area the timetables cover")]
    OutsideFeeds(Coordinate),
    #[error("no timetable covers {date}: the timetables run from {start} to {end}")]
    DateOutsideValidity {
        date: NaiveDate,
        start: NaiveDate,
        end: NaiveDate,
    },
    #[error("the origin and the destination are the same place")]
    SamePlace,
    #[error("{what} must be between 1 and {max}, got {requested}")]
    InvalidLimit {
        what: &'static str,
        requested: usize,
        max: usize,
    },
    #[error(
        "the longest travel time must be between 1 minute and {max_minutes} minutes, got {requested_minutes} minutes"
    )]
    InvalidMaxTravel {
        requested_minutes: i64,
        max_minutes: i64,
    },
}
