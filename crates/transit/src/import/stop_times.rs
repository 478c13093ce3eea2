//! Trips' stop times: grouped by trip and ordered, checked (known stops, times
//! never going backwards), completed (missing intermediate times are
//! interpolated by distance between the timed stops around them) and, for
//! headway-based trips, expanded into one trip per departure.

use std::collections::HashMap;

use gtfs_structures::{LocationType, PickupDropOffType, RawFrequency, RawStopTime};

use super::feed_data::{Call, FeedStop, FeedTrip};
use super::rows::{Row, read_rows};
use crate::error::ImportIssue;
use crate::model::StopKind;
use crate::source::FileSet;

pub(crate) struct TripContext<'a> {
    pub feed: &'a str,
    pub stops: &'a [FeedStop],
    pub stop_index: &'a HashMap<String, usize>,
    pub other_locations: &'a HashMap<String, LocationType>,
    pub trip_index: &'a HashMap<String, usize>,
}

const FILE: &str = "stop_times.txt";

/// Completes the trips with their calls; returns the trips that run (with
/// frequency-based ones expanded) and how many times were interpolated.
pub(crate) fn read_trips(
    cx: &TripContext<'_>,
    files: &FileSet,
    mut trips: Vec<FeedTrip>,
    problems: &mut Vec<ImportIssue>,
    warnings: &mut Vec<ImportIssue>,
) -> (Vec<FeedTrip>, usize) {
    let rows: Vec<Row<RawStopTime>> =
        read_rows(cx.feed, files, FILE, true, problems).unwrap_or_default();
    let mut by_trip: Vec<Vec<Row<RawStopTime>>> = trips.iter().map(|_| Vec::new()).collect();
    for row in rows {
        let Some(&trip) = cx.trip_index.get(&row.value.trip_id) else {
            problems.push(ImportIssue::line(
                cx.feed,
                FILE,
                row.line,
                format!("unknown trip_id {}", row.value.trip_id),
            ));
            continue;
        };
        match cx.stop_index.get(&row.value.stop_id) {
            Some(&stop) if cx.stops[stop].kind == StopKind::Stop => by_trip[trip].push(row),
            Some(_) => problems.push(ImportIssue::line(
                cx.feed,
                FILE,
                row.line,
                format!(
                    "stop_id {} is a station; vehicles call at its stops or platforms",
                    row.value.stop_id
                ),
            )),
            None if cx.other_locations.contains_key(&row.value.stop_id) => {
                problems.push(ImportIssue::line(
                    cx.feed,
                    FILE,
                    row.line,
                    format!(
                        "stop_id {} is an entrance, node or boarding area, not a stop",
                        row.value.stop_id
                    ),
                ))
            }
            None => problems.push(ImportIssue::line(
                cx.feed,
                FILE,
                row.line,
                format!("unknown stop_id {}", row.value.stop_id),
            )),
        }
    }

    let mut interpolated = 0;
    for (trip, mut rows) in trips.iter_mut().zip(by_trip) {
        rows.sort_by_key(|r| r.value.stop_sequence);
        if let Some((calls, count)) = complete_calls(cx, &trip.id, &rows, problems, warnings) {
            trip.calls = calls;
            interpolated += count;
            trip.stop_headsigns = rows
                .iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    let headsign = r.value.stop_headsign.clone().filter(|h| !h.is_empty())?;
                    Some((i as u16, headsign))
                })
                .collect();
        }
    }

    let expanded = expand_frequencies(cx, files, trips, problems);
    (
        expanded
            .into_iter()
            .filter(|t| t.calls.len() >= 2)
            .collect(),
        interpolated,
    )
}

/// The calls of one trip with every time known, or `None` when the trip is
/// unusable (the problem or warning saying why is recorded).
fn complete_calls(
    cx: &TripContext<'_>,
    trip_id: &str,
    rows: &[Row<RawStopTime>],
    problems: &mut Vec<ImportIssue>,
    warnings: &mut Vec<ImportIssue>,
) -> Option<(Vec<Call>, usize)> {
    if rows.len() < 2 {
        warnings.push(ImportIssue::file(
            cx.feed,
            FILE,
            format!(
                "trip {trip_id} has {} stop times and is skipped",
                rows.len()
            ),
        ));
        return None;
    }
    if let Some(pair) = rows
        .windows(2)
        .find(|w| w[0].value.stop_sequence == w[1].value.stop_sequence)
    {
        problems.push(ImportIssue::line(
            cx.feed,
            FILE,
            pair[1].line,
            format!(
                "trip {trip_id} has stop_sequence {} twice",
                pair[1].value.stop_sequence
            ),
        ));
        return None;
    }
    // A single given time stands for both arrival and departure.
    let times: Vec<Option<(u32, u32)>> = rows
        .iter()
        .map(|r| match (r.value.arrival_time, r.value.departure_time) {
            (Some(a), Some(d)) => Some((a, d)),
            (Some(t), None) | (None, Some(t)) => Some((t, t)),
            (None, None) => None,
        })
        .collect();
    for end in [0, rows.len() - 1] {
        if times[end].is_none() {
            problems.push(ImportIssue::line(
                cx.feed,
                FILE,
                rows[end].line,
                format!(
                    "trip {trip_id} has no time at its {} stop",
                    if end == 0 { "first" } else { "last" }
                ),
            ));
            return None;
        }
    }
    let timed: Vec<usize> = (0..rows.len()).filter(|&i| times[i].is_some()).collect();
    let mut previous_departure: Option<(u32, usize)> = None;
    let mut ok = true;
    for &i in &timed {
        let (arrival, departure) = times[i].unwrap_or_default();
        let backwards = if departure < arrival {
            Some(format!(
                "departure {} is before arrival {}",
                clock(departure),
                clock(arrival)
            ))
        } else if let Some((before, j)) = previous_departure.filter(|(before, _)| arrival < *before)
        {
            Some(format!(
                "arrival {} is before the departure {} from stop_sequence {}",
                clock(arrival),
                clock(before),
                rows[j].value.stop_sequence
            ))
        } else {
            None
        };
        if let Some(reason) = backwards {
            problems.push(ImportIssue::line(
                cx.feed,
                FILE,
                rows[i].line,
                format!("trip {trip_id}: times go backwards: {reason}"),
            ));
            ok = false;
        }
        previous_departure = Some((departure, i));
    }
    if !ok {
        return None;
    }

    let mut calls: Vec<Call> = rows
        .iter()
        .zip(&times)
        .map(|(r, t)| {
            let (arrival, departure) = t.unwrap_or_default();
            Call {
                stop: cx.stop_index[&r.value.stop_id],
                arrival,
                departure,
                pickup: r.value.pickup_type != PickupDropOffType::NotAvailable,
                drop_off: r.value.drop_off_type != PickupDropOffType::NotAvailable,
            }
        })
        .collect();
    let mut interpolated = 0;
    for pair in timed.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        if to - from > 1 {
            interpolate(cx.stops, &mut calls[from..=to]);
            interpolated += to - from - 1;
        }
    }
    Some((calls, interpolated))
}

/// Fills the times of the calls strictly between the first and the last of
/// `span`, in proportion to the straight-line distance travelled along the
/// stops (or evenly when the stops are all at one place).
fn interpolate(stops: &[FeedStop], span: &mut [Call]) {
    let mut cumulative = vec![0.0];
    for w in span.windows(2) {
        let leg = stops[w[0].stop]
            .location
            .distance_meters(stops[w[1].stop].location);
        cumulative.push(cumulative.last().copied().unwrap_or(0.0) + leg);
    }
    let total = cumulative.last().copied().unwrap_or(0.0);
    let last = span.len() - 1;
    let (start, end) = (span[0].departure, span[last].arrival);
    for i in 1..last {
        let fraction = if total > 0.0 {
            cumulative[i] / total
        } else {
            i as f64 / last as f64
        };
        let time = start + (f64::from(end - start) * fraction).round() as u32;
        span[i].arrival = time;
        span[i].departure = time;
    }
}

/// Replaces each trip with rows in `frequencies.txt` by one trip per
/// departure of each window (`start_time` included, `end_time` excluded),
/// its stop times shifted so that the first departure is that departure.
fn expand_frequencies(
    cx: &TripContext<'_>,
    files: &FileSet,
    trips: Vec<FeedTrip>,
    problems: &mut Vec<ImportIssue>,
) -> Vec<FeedTrip> {
    let file = "frequencies.txt";
    let Some(rows): Option<Vec<Row<RawFrequency>>> =
        read_rows(cx.feed, files, file, false, problems)
    else {
        return trips;
    };
    let mut windows: HashMap<usize, Vec<&RawFrequency>> = HashMap::new();
    for row in &rows {
        let f = &row.value;
        match cx.trip_index.get(&f.trip_id) {
            None => problems.push(ImportIssue::line(
                cx.feed,
                file,
                row.line,
                format!("unknown trip_id {}", f.trip_id),
            )),
            Some(_) if f.headway_secs == 0 => problems.push(ImportIssue::line(
                cx.feed,
                file,
                row.line,
                "headway_secs must be positive",
            )),
            Some(_) if f.end_time <= f.start_time => problems.push(ImportIssue::line(
                cx.feed,
                file,
                row.line,
                format!(
                    "end_time {} is not after start_time {}",
                    clock(f.end_time),
                    clock(f.start_time)
                ),
            )),
            Some(&trip) => windows.entry(trip).or_default().push(f),
        }
    }
    let mut expanded = Vec::with_capacity(trips.len());
    for (index, trip) in trips.into_iter().enumerate() {
        let Some(windows) = windows.get(&index) else {
            expanded.push(trip);
            continue;
        };
        let Some(first) = trip.calls.first().map(|c| c.departure) else {
            continue; // Skipped already, with a warning.
        };
        for window in windows {
            let mut start = window.start_time;
            while start < window.end_time {
                let shift = |t: u32| (t + start).checked_sub(first);
                let calls: Option<Vec<Call>> = trip
                    .calls
                    .iter()
                    .map(|c| {
                        Some(Call {
                            arrival: shift(c.arrival)?,
                            departure: shift(c.departure)?,
                            ..*c
                        })
                    })
                    .collect();
                if let Some(calls) = calls {
                    expanded.push(FeedTrip {
                        id: trip.id.clone(),
                        route: trip.route,
                        service: trip.service,
                        headsign: trip.headsign.clone(),
                        stop_headsigns: trip.stop_headsigns.clone(),
                        calls,
                    });
                }
                start += window.headway_secs;
            }
        }
    }
    expanded
}

/// A GTFS time, `HH:MM:SS`, hours past 24 included.
pub(crate) fn clock(seconds: u32) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}
