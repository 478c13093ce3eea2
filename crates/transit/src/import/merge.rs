//! Merging checked feeds into one [`Timetable`]: global indexes, ids
//! namespaced where feeds clash, service days on one calendar, connections
//! sorted per time zone, footpaths between nearby stops of any feed.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;

use super::feed_data::{FeedData, TransferKind};
use super::report::{FeedReport, ImportReport};
use crate::coordinate::BoundingBox;
use crate::error::ImportIssue;
use crate::model::{
    Connection, DROP_OFF, Footpath, Footpaths, Instant, NO_TRANSFER, PICKUP, RouteRecord,
    ServiceDays, StopIdx, StopKind, StopRecord, TimeZoneGroup, TripRecord,
};
use crate::settings::RouterSettings;
use crate::spatial::StopTree;
use crate::timetable::{FeedSummary, Timetable};

pub(crate) fn merge(
    mut feeds: Vec<FeedData>,
    settings: &RouterSettings,
) -> Result<(Timetable, ImportReport), Vec<ImportIssue>> {
    let mut problems = Vec::new();
    let validity: Vec<Option<(NaiveDate, NaiveDate)>> = feeds.iter().map(validity_of).collect();
    for (feed, window) in feeds.iter().zip(&validity) {
        if window.is_none() {
            problems.push(ImportIssue::feed(&feed.name, "no trip runs on any date"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let validity: Vec<(NaiveDate, NaiveDate)> = validity.into_iter().flatten().collect();
    namespace_clashing_ids(&mut feeds);

    let epoch = validity.iter().map(|v| v.0).min().unwrap_or_default();
    let last = validity.iter().map(|v| v.1).max().unwrap_or_default();
    let days = (last - epoch).num_days() as usize + 1;

    let mut tzs: Vec<Tz> = Vec::new();
    for feed in &feeds {
        if !tzs.contains(&feed.tz) {
            tzs.push(feed.tz);
        }
    }
    let mut group_connections: Vec<Vec<Connection>> = tzs.iter().map(|_| Vec::new()).collect();

    let mut stops = Vec::new();
    let mut routes = Vec::new();
    let mut trips = Vec::new();
    let mut services = ServiceDays::new(epoch, days);
    let mut transfer_rules = Vec::new();
    let mut summaries = Vec::new();
    let mut reports = Vec::new();
    for (feed, (start, end)) in feeds.into_iter().zip(validity) {
        let stop_base = stops.len() as StopIdx;
        let route_base = routes.len() as u32;
        let group = tzs.iter().position(|tz| *tz == feed.tz).unwrap_or_default();
        let service_ids: Vec<u32> = feed
            .services
            .iter()
            .map(|dates| services.push(dates.iter().copied()))
            .collect();
        let bounding_box = BoundingBox::around(feed.stops.iter().map(|s| s.location));
        let stop_count = feed
            .stops
            .iter()
            .filter(|s| s.kind == StopKind::Stop)
            .count();
        for stop in feed.stops {
            stops.push(StopRecord {
                id: stop.id,
                name: stop.name,
                location: stop.location,
                kind: stop.kind,
                parent: stop.parent.map(|p| stop_base + p as StopIdx),
                platform_code: stop.platform_code,
                children: Vec::new(),
            });
        }
        let route_count = feed.routes.len();
        routes.extend(feed.routes.into_iter().map(|r| RouteRecord {
            id: r.id,
            short_name: r.short_name,
            long_name: r.long_name,
            mode: r.mode,
        }));
        let trip_count = feed.trips.len();
        let mut connection_count = 0;
        for trip in feed.trips {
            let index = trips.len() as u32;
            for (position, pair) in trip.calls.windows(2).enumerate() {
                let flags = if pair[0].pickup { PICKUP } else { 0 }
                    | if pair[1].drop_off { DROP_OFF } else { 0 };
                group_connections[group].push(Connection {
                    departure: pair[0].departure,
                    arrival: pair[1].arrival,
                    from: stop_base + pair[0].stop as StopIdx,
                    to: stop_base + pair[1].stop as StopIdx,
                    trip: index,
                    position: position as u16,
                    flags,
                });
                connection_count += 1;
            }
            trips.push(TripRecord {
                id: trip.id,
                route: route_base + trip.route as u32,
                service: service_ids[trip.service],
                headsign: trip.headsign,
                stop_headsigns: trip.stop_headsigns,
                last_arrival: trip.calls.last().map_or(0, |c| c.arrival),
            });
        }
        transfer_rules.extend(feed.transfers.iter().map(|r| {
            (
                stop_base + r.from as StopIdx,
                stop_base + r.to as StopIdx,
                r.kind,
            )
        }));
        summaries.push(FeedSummary {
            name: feed.name.clone(),
            agencies: feed.agencies.clone(),
            timezone: feed.tz,
            validity_start: start,
            validity_end: end,
            bounding_box: bounding_box.unwrap_or(BoundingBox {
                min_lat: 0.0,
                min_lon: 0.0,
                max_lat: 0.0,
                max_lon: 0.0,
            }),
        });
        reports.push(FeedReport {
            name: feed.name,
            agencies: feed.agencies,
            stops: stop_count,
            stations: stops.len() - stop_base as usize - stop_count,
            routes: route_count,
            trips_in_file: feed.trips_in_file,
            trips: trip_count,
            connections: connection_count,
            validity_start: start,
            validity_end: end,
            interpolated_stop_times: feed.interpolated_stop_times,
            warnings: feed.warnings,
        });
    }
    for i in 0..stops.len() {
        if let Some(parent) = stops[i].parent {
            stops[parent as usize].children.push(i as StopIdx);
        }
    }

    let groups: Vec<TimeZoneGroup> = tzs
        .iter()
        .zip(group_connections)
        .map(|(tz, connections)| build_group(*tz, epoch, days, connections, stops.len()))
        .collect();
    let tree = StopTree::new(&stops);
    let (footpaths, transfer_seconds) = footpaths(&stops, &tree, &transfer_rules, settings);
    let mut incoming: Vec<Vec<Footpath>> = stops.iter().map(|_| Vec::new()).collect();
    for (from, paths) in footpaths.iter().enumerate() {
        for path in paths {
            incoming[path.stop as usize].push(Footpath {
                stop: from as StopIdx,
                ..*path
            });
        }
    }
    let footpaths_out = Footpaths::new(footpaths);
    let footpaths_in = Footpaths::new(incoming);
    let stop_index = stops
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i as StopIdx))
        .collect();
    let report = ImportReport {
        feeds: reports,
        footpaths: footpaths_out.len(),
    };
    let timetable = Timetable {
        settings: settings.clone(),
        display_tz: summaries.first().map_or(Tz::UTC, |s| s.timezone),
        feeds: summaries,
        stops,
        stop_index,
        routes,
        trips,
        services,
        groups,
        footpaths_out,
        footpaths_in,
        transfer_seconds,
        tree,
    };
    Ok((timetable, report))
}

/// The first and last dates on which some trip of the feed runs.
fn validity_of(feed: &FeedData) -> Option<(NaiveDate, NaiveDate)> {
    let used: HashSet<usize> = feed.trips.iter().map(|t| t.service).collect();
    let dates = used.iter().flat_map(|&s| feed.services[s].iter().copied());
    dates.fold(None, |acc, d| match acc {
        None => Some((d, d)),
        Some((a, b)) => Some((a.min(d), b.max(d))),
    })
}

/// Renames the stop, route and trip ids that more than one feed uses to
/// `feed:id`, in every feed using them, so that no id is ambiguous.
fn namespace_clashing_ids(feeds: &mut [FeedData]) {
    fn clashing<'a>(ids: impl Iterator<Item = (usize, &'a String)>) -> HashSet<String> {
        let mut owners: HashMap<&String, HashSet<usize>> = HashMap::new();
        for (feed, id) in ids {
            owners.entry(id).or_default().insert(feed);
        }
        owners
            .into_iter()
            .filter(|(_, f)| f.len() > 1)
            .map(|(id, _)| id.clone())
            .collect()
    }
    let stops = clashing(
        feeds
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.stops.iter().map(move |s| (i, &s.id))),
    );
    let routes = clashing(
        feeds
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.routes.iter().map(move |r| (i, &r.id))),
    );
    let trips = clashing(
        feeds
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.trips.iter().map(move |t| (i, &t.id))),
    );
    for feed in feeds {
        let name = feed.name.clone();
        let mut renamed = [0usize; 3];
        let ids = feed
            .stops
            .iter_mut()
            .map(|s| (0, &stops, &mut s.id))
            .chain(feed.routes.iter_mut().map(|r| (1, &routes, &mut r.id)))
            .chain(feed.trips.iter_mut().map(|t| (2, &trips, &mut t.id)));
        for (kind, clashes, id) in ids {
            if clashes.contains(id.as_str()) {
                *id = format!("{name}:{id}");
                renamed[kind] += 1;
            }
        }
        for (count, what) in renamed.iter().zip(["stop", "route", "trip"]) {
            if *count > 0 {
                feed.warnings.push(ImportIssue::feed(
                    &name,
                    format!("{count} {what} ids are also used by another feed and are given as {name}:<id>"),
                ));
            }
        }
    }
}

fn build_group(
    tz: Tz,
    epoch: NaiveDate,
    days: usize,
    mut connections: Vec<Connection>,
    stops: usize,
) -> TimeZoneGroup {
    connections.sort_unstable_by_key(|c| (c.departure, c.arrival, c.trip, c.position));
    let mut by_arrival: Vec<u32> = (0..connections.len() as u32).collect();
    by_arrival.sort_unstable_by_key(|&i| {
        let c = &connections[i as usize];
        (c.arrival, c.departure, c.trip, c.position)
    });
    let mut departures_by_stop: Vec<Vec<u32>> = vec![Vec::new(); stops];
    for (i, c) in connections.iter().enumerate() {
        departures_by_stop[c.from as usize].push(i as u32);
    }
    let day_starts = (0..days)
        .map(|d| service_day_start(tz, epoch + chrono::Days::new(d as u64)))
        .collect();
    TimeZoneGroup {
        day_starts,
        earliest_departure: connections.iter().map(|c| c.departure).min().unwrap_or(0),
        latest_arrival: connections.iter().map(|c| c.arrival).max().unwrap_or(0),
        connections,
        by_arrival,
        departures_by_stop,
    }
}

/// GTFS counts a service day's times from "noon minus 12 h" in the agency's
/// time zone: midnight, except on the days clocks change, when it is 23:00
/// or 01:00, so that 08:00 is always 08:00 on the clock.
pub(crate) fn service_day_start(tz: Tz, date: NaiveDate) -> Instant {
    let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default();
    let instant = tz
        .from_local_datetime(&noon)
        .earliest()
        .map_or_else(|| noon.and_utc().timestamp(), |t| t.timestamp());
    instant - 12 * 3600
}

/// Walks between nearby stops (and those `transfers.txt` adds or forbids),
/// and each stop's time to change vehicles.
fn footpaths(
    stops: &[StopRecord],
    tree: &StopTree,
    rules: &[(StopIdx, StopIdx, TransferKind)],
    settings: &RouterSettings,
) -> (Vec<Vec<Footpath>>, Vec<u32>) {
    let walk = |from: StopIdx, to: StopIdx| {
        let straight = stops[from as usize]
            .location
            .distance_meters(stops[to as usize].location);
        let meters = settings.walking_meters(straight);
        (meters, settings.walking_seconds(meters))
    };
    let mut paths: Vec<HashMap<StopIdx, Footpath>> = stops.iter().map(|_| HashMap::new()).collect();
    let straight_limit = settings.footpath_max_meters / settings.walking_detour_factor;
    for (i, stop) in stops.iter().enumerate() {
        if stop.kind != StopKind::Stop {
            continue;
        }
        let from = i as StopIdx;
        for to in tree.within(stop.location, straight_limit) {
            let (meters, seconds) = walk(from, to);
            if to != from && meters <= settings.footpath_max_meters {
                paths[i].insert(
                    to,
                    Footpath {
                        stop: to,
                        seconds,
                        meters: meters as f32,
                    },
                );
            }
        }
    }
    let mut transfer_seconds = vec![settings.min_transfer_seconds; stops.len()];
    for &(from, to, kind) in rules {
        let (meters, seconds) = walk(from, to);
        let entry = &mut paths[from as usize];
        match kind {
            _ if from == to => {
                transfer_seconds[from as usize] = match kind {
                    TransferKind::MinSeconds(s) => s,
                    TransferKind::Impossible => NO_TRANSFER,
                    TransferKind::Recommended => settings.min_transfer_seconds,
                }
            }
            TransferKind::MinSeconds(s) => {
                entry.insert(
                    to,
                    Footpath {
                        stop: to,
                        seconds: s,
                        meters: meters as f32,
                    },
                );
            }
            TransferKind::Impossible => {
                entry.remove(&to);
            }
            TransferKind::Recommended => {
                entry.entry(to).or_insert(Footpath {
                    stop: to,
                    seconds,
                    meters: meters as f32,
                });
            }
        }
    }
    let paths = paths
        .into_iter()
        .map(|m| m.into_values().collect())
        .collect();
    (paths, transfer_seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(date: &str) -> String {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        let instant = service_day_start(chrono_tz::Europe::Brussels, date);
        chrono_tz::Europe::Brussels
            .timestamp_opt(instant, 0)
            .unwrap()
            .to_rfc3339()
    }

    #[test]
    fn a_service_day_starts_at_noon_minus_twelve_hours() {
        assert_eq!(start("2027-03-10"), "2027-03-10T00:00:00+01:00");
        // Clocks go forward at 02:00: the day's times count from 23:00 the
        // evening before, so that 08:00 lands on 08:00 summer time.
        assert_eq!(start("2027-03-28"), "2027-03-27T23:00:00+01:00");
        // Clocks go back at 03:00: from 01:00 summer time.
        assert_eq!(start("2027-10-31"), "2027-10-31T01:00:00+02:00");
    }
}
