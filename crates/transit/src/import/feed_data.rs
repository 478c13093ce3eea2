//! One feed's checked contents, numbered by the feed's own indexes (a stop
//! is its position in [`FeedData::stops`]): what [`super::feed`] and its
//! readers produce and [`super::merge`] renumbers into the timetable's.
//!
//! The types live apart from the readers so that every reader and the merge
//! can share them while depending only on this module, never on each other.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::coordinate::Coordinate;
use crate::error::ImportIssue;
use crate::model::{Mode, StopKind};

#[derive(Debug)]
pub(crate) struct FeedStop {
    pub id: String,
    pub name: String,
    pub location: Coordinate,
    pub kind: StopKind,
    pub parent: Option<usize>,
    pub platform_code: Option<String>,
}

#[derive(Debug)]
pub(crate) struct FeedRoute {
    pub id: String,
    pub short_name: Option<String>,
    pub long_name: Option<String>,
    pub mode: Mode,
}

/// A vehicle's call at a stop, in seconds of its service day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Call {
    pub stop: usize,
    pub arrival: u32,
    pub departure: u32,
    pub pickup: bool,
    pub drop_off: bool,
}

#[derive(Debug)]
pub(crate) struct FeedTrip {
    pub id: String,
    pub route: usize,
    pub service: usize,
    pub headsign: Option<String>,
    pub stop_headsigns: Vec<(u16, String)>,
    pub calls: Vec<Call>,
}

#[derive(Debug)]
pub(crate) struct FeedData {
    pub name: String,
    pub tz: Tz,
    pub agencies: Vec<String>,
    pub stops: Vec<FeedStop>,
    pub routes: Vec<FeedRoute>,
    /// Dates of each service, by the index trips refer to.
    pub services: Vec<BTreeSet<NaiveDate>>,
    /// Frequency-based trips are already expanded, one per departure.
    pub trips: Vec<FeedTrip>,
    pub transfers: Vec<TransferRule>,
    pub trips_in_file: usize,
    pub interpolated_stop_times: usize,
    pub warnings: Vec<ImportIssue>,
}

/// What a rule says about going from one stop to another (or the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TransferKind {
    Recommended,
    MinSeconds(u32),
    Impossible,
}

/// A rule between two stops (never stations: those are expanded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TransferRule {
    pub from: usize,
    pub to: usize,
    pub kind: TransferKind,
}
