//! `transfers.txt`: minimum times to change vehicles (type 2), changes that
//! are impossible (type 3) and recommended changes between stops (types 0
//! and 1). A rule on a station applies to each of its platforms.
//!
//! The row type is ours rather than gtfs-structures' `RawTransfer`, which
//! has no trip or route columns (a trip-to-trip rule would be misread as a
//! rule for the whole stop) and refuses the empty `transfer_type` the
//! specification allows.

use std::collections::HashMap;

use serde::Deserialize;

use super::feed_data::{FeedStop, TransferKind, TransferRule};
use super::rows::{Row, read_rows};
use crate::error::ImportIssue;
use crate::model::StopKind;
use crate::source::FileSet;

#[derive(Debug, Deserialize)]
struct TransferRow {
    #[serde(default)]
    from_stop_id: Option<String>,
    #[serde(default)]
    to_stop_id: Option<String>,
    #[serde(default)]
    transfer_type: Option<u8>,
    #[serde(default)]
    min_transfer_time: Option<u32>,
    #[serde(default)]
    from_route_id: Option<String>,
    #[serde(default)]
    to_route_id: Option<String>,
    #[serde(default)]
    from_trip_id: Option<String>,
    #[serde(default)]
    to_trip_id: Option<String>,
}

pub(crate) fn read_transfers(
    feed: &str,
    files: &FileSet,
    stops: &[FeedStop],
    stop_index: &HashMap<String, usize>,
    problems: &mut Vec<ImportIssue>,
    warnings: &mut Vec<ImportIssue>,
) -> Vec<TransferRule> {
    let file = "transfers.txt";
    let rows: Vec<Row<TransferRow>> =
        read_rows(feed, files, file, false, problems).unwrap_or_default();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, stop) in stops.iter().enumerate() {
        if let Some(parent) = stop.parent {
            children.entry(parent).or_default().push(i);
        }
    }
    // A station stands for its platforms, a stop for itself.
    let platforms = |stop: usize| -> Vec<usize> {
        match stops[stop].kind {
            StopKind::Stop => vec![stop],
            StopKind::Station => children.get(&stop).cloned().unwrap_or_default(),
        }
    };
    let mut rules = Vec::new();
    for row in rows {
        let t = row.value;
        let scoped = [
            &t.from_route_id,
            &t.to_route_id,
            &t.from_trip_id,
            &t.to_trip_id,
        ]
        .iter()
        .any(|id| id.as_deref().is_some_and(|id| !id.is_empty()));
        if scoped {
            warnings.push(ImportIssue::line(
                feed,
                file,
                row.line,
                "rules for particular routes or trips are not supported; the row is skipped",
            ));
            continue;
        }
        let kind = match (t.transfer_type.unwrap_or(0), t.min_transfer_time) {
            (0 | 1, _) => TransferKind::Recommended,
            (2, Some(seconds)) => TransferKind::MinSeconds(seconds),
            (2, None) => {
                problems.push(ImportIssue::line(
                    feed,
                    file,
                    row.line,
                    "transfer_type 2 needs a min_transfer_time",
                ));
                continue;
            }
            (3, _) => TransferKind::Impossible,
            (4 | 5, _) => {
                warnings.push(ImportIssue::line(
                    feed,
                    file,
                    row.line,
                    "in-seat transfers (types 4 and 5) are not supported; the row is skipped",
                ));
                continue;
            }
            (other, _) => {
                problems.push(ImportIssue::line(
                    feed,
                    file,
                    row.line,
                    format!("unknown transfer_type {other}"),
                ));
                continue;
            }
        };
        let mut ends = Vec::new();
        for id in [&t.from_stop_id, &t.to_stop_id] {
            let id = id.clone().unwrap_or_default();
            match stop_index.get(&id) {
                Some(&stop) => ends.push(platforms(stop)),
                None => problems.push(ImportIssue::line(
                    feed,
                    file,
                    row.line,
                    format!("unknown stop_id \"{id}\""),
                )),
            }
        }
        if let [from, to] = &ends[..] {
            for &f in from {
                for &t in to {
                    rules.push(TransferRule {
                        from: f,
                        to: t,
                        kind,
                    });
                }
            }
        }
    }
    rules
}
