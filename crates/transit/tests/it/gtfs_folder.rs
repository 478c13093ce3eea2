//! A deliberately plain reading of a GTFS folder, independent of the crate's
//! import, to check journeys against: trips' timed stops, service dates,
//! frequencies, transfer rules and footpaths by the documented formula.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use transit::{Coordinate, RouterSettings};

use super::feasibility::Schedule;
use super::network;
use super::reference::Reference;
use super::support::service_day_start;

type Record = HashMap<String, String>;

fn read(folder: &Path, file: &str) -> Vec<Record> {
    let Ok(mut reader) = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(folder.join(file))
    else {
        return Vec::new();
    };
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.trim_start_matches('\u{feff}').to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

fn seconds(time: &str) -> Option<i64> {
    let parts: Vec<i64> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    (parts.len() == 3).then(|| parts[0] * 3600 + parts[1] * 60 + parts[2])
}

fn gtfs_date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y%m%d").unwrap()
}

struct Call {
    stop: String,
    times: Option<(i64, i64)>,
    pickup: bool,
    drop_off: bool,
}

pub struct GtfsFolder {
    /// Calls of each trip id, once per departure for frequency-based trips,
    /// missing times interpolated by distance between timed stops.
    trips: HashMap<String, Vec<Vec<Call>>>,
    pub stop_ids: Vec<String>,
    dates: HashMap<String, HashSet<NaiveDate>>,
    service_of: HashMap<String, String>,
    transfer: HashMap<String, Option<u32>>,
    footpaths: HashMap<(String, String), u32>,
    min_transfer: u32,
}

impl GtfsFolder {
    pub fn read(folder: &Path, settings: &RouterSettings) -> Self {
        let mut dates: HashMap<String, HashSet<NaiveDate>> = HashMap::new();
        for c in read(folder, "calendar.txt") {
            let days = [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ];
            let (start, end) = (gtfs_date(&c["start_date"]), gtfs_date(&c["end_date"]));
            let set = dates.entry(c["service_id"].clone()).or_default();
            for d in start.iter_days().take_while(|d| *d <= end) {
                if c[days[d.weekday().num_days_from_monday() as usize]] == "1" {
                    set.insert(d);
                }
            }
        }
        for c in read(folder, "calendar_dates.txt") {
            let set = dates.entry(c["service_id"].clone()).or_default();
            let d = gtfs_date(&c["date"]);
            if c["exception_type"] == "1" {
                set.insert(d)
            } else {
                set.remove(&d)
            };
        }
        let service_of = read(folder, "trips.txt")
            .into_iter()
            .map(|t| (t["trip_id"].clone(), t["service_id"].clone()))
            .collect();
        let mut rows: HashMap<String, Vec<(u32, Call)>> = HashMap::new();
        for st in read(folder, "stop_times.txt") {
            let arrival = st.get("arrival_time").and_then(|t| seconds(t));
            let departure = st.get("departure_time").and_then(|t| seconds(t));
            let times = match (arrival, departure) {
                (Some(a), Some(d)) => Some((a, d)),
                (Some(t), None) | (None, Some(t)) => Some((t, t)),
                _ => None,
            };
            let flag = |column: &str| st.get(column).is_none_or(|v| v != "1");
            rows.entry(st["trip_id"].clone()).or_default().push((
                st["stop_sequence"].parse().unwrap(),
                Call {
                    stop: st["stop_id"].clone(),
                    times,
                    pickup: flag("pickup_type"),
                    drop_off: flag("drop_off_type"),
                },
            ));
        }
        let stops = read(folder, "stops.txt");
        let location: HashMap<String, Coordinate> = stops
            .iter()
            .filter(|s| {
                s.get("location_type")
                    .is_none_or(|t| t.is_empty() || t == "0")
            })
            .map(|s| {
                let c = Coordinate::new(
                    s["stop_lat"].parse().unwrap(),
                    s["stop_lon"].parse().unwrap(),
                )
                .unwrap();
                (s["stop_id"].clone(), c)
            })
            .collect();
        let mut trips: HashMap<String, Vec<Vec<Call>>> = HashMap::new();
        let frequencies = read(folder, "frequencies.txt");
        for (trip, mut calls) in rows {
            calls.sort_by_key(|(sequence, _)| *sequence);
            let mut calls: Vec<Call> = calls.into_iter().map(|(_, c)| c).collect();
            interpolate(&mut calls, &location);
            let windows: Vec<&Record> = frequencies
                .iter()
                .filter(|f| f["trip_id"] == trip)
                .collect();
            if windows.is_empty() {
                trips.entry(trip).or_default().push(calls);
                continue;
            }
            let first = calls[0].times.unwrap().1;
            for f in windows {
                let (start, end) = (
                    seconds(&f["start_time"]).unwrap(),
                    seconds(&f["end_time"]).unwrap(),
                );
                let headway: i64 = f["headway_secs"].parse().unwrap();
                let mut leave = start;
                while leave < end {
                    let shifted = calls
                        .iter()
                        .map(|c| Call {
                            stop: c.stop.clone(),
                            times: c.times.map(|(a, d)| (a - first + leave, d - first + leave)),
                            ..*c
                        })
                        .collect();
                    trips.entry(trip.clone()).or_default().push(shifted);
                    leave += headway;
                }
            }
        }
        let mut footpaths = HashMap::new();
        for (a, pa) in &location {
            for (b, pb) in &location {
                let meters = settings.walking_meters(pa.distance_meters(*pb));
                if a != b && meters <= settings.footpath_max_meters {
                    footpaths.insert((a.clone(), b.clone()), settings.walking_seconds(meters));
                }
            }
        }
        let children = |id: &str| -> Vec<String> {
            let kids: Vec<String> = stops
                .iter()
                .filter(|s| s.get("parent_station").is_some_and(|p| p == id))
                .map(|s| s["stop_id"].clone())
                .collect();
            if kids.is_empty() {
                vec![id.to_owned()]
            } else {
                kids
            }
        };
        let mut transfer = HashMap::new();
        for t in read(folder, "transfers.txt") {
            for from in children(&t["from_stop_id"]) {
                for to in children(&t["to_stop_id"]) {
                    let min = t.get("min_transfer_time").and_then(|m| m.parse().ok());
                    match (t["transfer_type"].as_str(), from == to) {
                        ("2", true) => {
                            transfer.insert(from.clone(), min);
                        }
                        ("3", true) => {
                            transfer.insert(from.clone(), None);
                        }
                        ("2", false) => {
                            footpaths.insert((from.clone(), to.clone()), min.unwrap());
                        }
                        ("3", false) => {
                            footpaths.remove(&(from.clone(), to.clone()));
                        }
                        _ => {}
                    }
                }
            }
        }
        let mut stop_ids: Vec<String> = location.keys().cloned().collect();
        stop_ids.sort();
        Self {
            trips,
            stop_ids,
            dates,
            service_of,
            transfer,
            footpaths,
            min_transfer: settings.min_transfer_seconds,
        }
    }

    /// What the reference router needs for service dates `dates`: every run
    /// of every trip in absolute instants, footpaths and transfer times, by
    /// index in [`GtfsFolder::stop_ids`].
    pub fn reference(&self, dates: &[NaiveDate]) -> Reference {
        let index: HashMap<&str, usize> = self
            .stop_ids
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i))
            .collect();
        let mut runs = Vec::new();
        let mut trip_ids: Vec<&String> = self.trips.keys().collect();
        trip_ids.sort();
        for date in dates {
            let start = service_day_start(*date);
            for trip in &trip_ids {
                if !self.dates[&self.service_of[*trip]].contains(date) {
                    continue;
                }
                for calls in &self.trips[*trip] {
                    runs.push(
                        calls
                            .iter()
                            .map(|c| {
                                let (arrival, departure) = c.times.unwrap();
                                network::Call {
                                    stop: index[c.stop.as_str()],
                                    arrival: start + arrival,
                                    departure: start + departure,
                                    pickup: c.pickup,
                                    drop_off: c.drop_off,
                                }
                            })
                            .collect(),
                    );
                }
            }
        }
        let mut footpaths = vec![Vec::new(); self.stop_ids.len()];
        for ((from, to), seconds) in &self.footpaths {
            footpaths[index[from.as_str()]].push((index[to.as_str()], i64::from(*seconds)));
        }
        let transfers = self
            .stop_ids
            .iter()
            .map(|s| self.transfer_seconds(s).map(i64::from))
            .collect();
        Reference::from_runs(runs, footpaths, transfers)
    }
}

/// Fills missing times in proportion to the straight-line distance along the
/// stops between the timed stops around them, as the crate documents.
fn interpolate(calls: &mut [Call], location: &HashMap<String, Coordinate>) {
    let timed: Vec<usize> = (0..calls.len())
        .filter(|&i| calls[i].times.is_some())
        .collect();
    for pair in timed.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let mut walked = vec![0.0];
        for i in from..to {
            let leg = location[&calls[i].stop].distance_meters(location[&calls[i + 1].stop]);
            walked.push(walked.last().unwrap() + leg);
        }
        let total = *walked.last().unwrap();
        let (start, end) = (calls[from].times.unwrap().1, calls[to].times.unwrap().0);
        for i in from + 1..to {
            let fraction = if total > 0.0 {
                walked[i - from] / total
            } else {
                (i - from) as f64 / (to - from) as f64
            };
            let time = start + ((end - start) as f64 * fraction).round() as i64;
            calls[i].times = Some((time, time));
        }
    }
}

impl Schedule for GtfsFolder {
    fn ride_exists(
        &self,
        trip_id: &str,
        from: &str,
        departure: i64,
        to: &str,
        arrival: i64,
    ) -> bool {
        let Some(runs) = self.trips.get(trip_id) else {
            return false;
        };
        let dates = &self.dates[&self.service_of[trip_id]];
        runs.iter().any(|calls| {
            dates.iter().any(|date| {
                let start = service_day_start(*date);
                let board = calls.iter().position(|c| {
                    c.stop == from
                        && c.pickup
                        && c.times.is_some_and(|(_, d)| start + d == departure)
                });
                board.is_some_and(|b| {
                    calls[b + 1..].iter().any(|c| {
                        c.stop == to
                            && c.drop_off
                            && c.times.is_some_and(|(a, _)| start + a == arrival)
                    })
                })
            })
        })
    }

    fn transfer_seconds(&self, stop: &str) -> Option<u32> {
        self.transfer
            .get(stop)
            .copied()
            .unwrap_or(Some(self.min_transfer))
    }

    fn footpath_seconds(&self, from: &str, to: &str) -> Option<u32> {
        self.footpaths
            .get(&(from.to_owned(), to.to_owned()))
            .copied()
    }
}
