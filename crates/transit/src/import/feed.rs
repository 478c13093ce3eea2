//! One feed, read and checked on its own: agencies, stops, routes, services,
//! trips with complete stop times, and transfer rules, gathered into a
//! [`FeedData`]. The readers of single files ([`super::stop_times`],
//! [`super::transfers`], [`super::calendar`]) are called from here.

use std::collections::HashMap;

use chrono_tz::Tz;
use gtfs_structures::{Agency, LocationType, RawTrip, Route, RouteType, Stop};

use super::calendar::read_services;
use super::feed_data::{FeedData, FeedRoute, FeedStop, FeedTrip};
use super::rows::{Row, read_rows};
use super::stop_times::{TripContext, read_trips};
use super::transfers::read_transfers;
use crate::coordinate::Coordinate;
use crate::error::ImportIssue;
use crate::model::{Mode, StopKind};
use crate::source::FileSet;

/// Reads and checks one feed. `Err` lists every problem found.
pub(crate) fn read_feed(name: &str, files: &FileSet) -> Result<FeedData, Vec<ImportIssue>> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();

    let agencies: Vec<Row<Agency>> =
        read_rows(name, files, "agency.txt", true, &mut problems).unwrap_or_default();
    let tz = feed_time_zone(name, &agencies, &mut problems);

    let stop_rows: Vec<Row<Stop>> =
        read_rows(name, files, "stops.txt", true, &mut problems).unwrap_or_default();
    let (stops, stop_index, other_locations) = read_stops(name, stop_rows, &mut problems);

    let route_rows: Vec<Row<Route>> =
        read_rows(name, files, "routes.txt", true, &mut problems).unwrap_or_default();
    let mut routes = Vec::new();
    let mut route_index = HashMap::new();
    for row in route_rows {
        let r = row.value;
        if route_index.insert(r.id.clone(), routes.len()).is_some() {
            problems.push(ImportIssue::line(
                name,
                "routes.txt",
                row.line,
                format!("route_id {} appears twice", r.id),
            ));
            continue;
        }
        routes.push(FeedRoute {
            id: r.id,
            short_name: r.short_name.filter(|s| !s.is_empty()),
            long_name: r.long_name.filter(|s| !s.is_empty()),
            mode: mode_of(r.route_type),
        });
    }

    let dates_by_service = read_services(name, files, &mut problems, &mut warnings);
    let mut service_ids: Vec<&String> = dates_by_service.keys().collect();
    service_ids.sort();
    let service_index: HashMap<&str, usize> = service_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let services = service_ids
        .iter()
        .map(|id| dates_by_service[*id].clone())
        .collect();

    let trip_rows: Vec<Row<RawTrip>> =
        read_rows(name, files, "trips.txt", true, &mut problems).unwrap_or_default();
    let mut trip_headers = Vec::new();
    let mut trip_index = HashMap::new();
    for row in trip_rows {
        let t = row.value;
        let route = route_index.get(&t.route_id);
        let service = service_index.get(t.service_id.as_str());
        let checked = match (route, service) {
            _ if trip_index.contains_key(&t.id) => Err(format!("trip_id {} appears twice", t.id)),
            (None, _) => Err(format!("unknown route_id {}", t.route_id)),
            (_, None) => Err(format!(
                "service_id {} is in neither calendar.txt nor calendar_dates.txt",
                t.service_id
            )),
            (Some(&route), Some(&service)) => Ok((route, service)),
        };
        match checked {
            Err(reason) => problems.push(ImportIssue::line(name, "trips.txt", row.line, reason)),
            Ok((route, service)) => {
                trip_index.insert(t.id.clone(), trip_headers.len());
                trip_headers.push(FeedTrip {
                    id: t.id,
                    route,
                    service,
                    headsign: t.trip_headsign.filter(|s| !s.is_empty()),
                    stop_headsigns: Vec::new(),
                    calls: Vec::new(),
                });
            }
        }
    }
    let trips_in_file = trip_headers.len();

    let context = TripContext {
        feed: name,
        stops: &stops,
        stop_index: &stop_index,
        other_locations: &other_locations,
        trip_index: &trip_index,
    };
    let (trips, interpolated_stop_times) =
        read_trips(&context, files, trip_headers, &mut problems, &mut warnings);

    let transfers = read_transfers(
        name,
        files,
        &stops,
        &stop_index,
        &mut problems,
        &mut warnings,
    );

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(FeedData {
        name: name.to_owned(),
        tz: tz.unwrap_or(Tz::UTC),
        agencies: agencies.into_iter().map(|a| a.value.name).collect(),
        stops,
        routes,
        services,
        trips,
        transfers,
        trips_in_file,
        interpolated_stop_times,
        warnings,
    })
}

/// GTFS requires every agency of a feed to share one time zone, since stop
/// times do not say which agency's they are in.
fn feed_time_zone(
    name: &str,
    agencies: &[Row<Agency>],
    problems: &mut Vec<ImportIssue>,
) -> Option<Tz> {
    let mut found: Option<Tz> = None;
    for row in agencies {
        match row.value.timezone.parse::<Tz>() {
            Err(_) => problems.push(ImportIssue::line(
                name,
                "agency.txt",
                row.line,
                format!(
                    "agency_timezone \"{}\" is not an IANA time zone",
                    row.value.timezone
                ),
            )),
            Ok(tz) if found.is_some_and(|f| f != tz) => problems.push(ImportIssue::line(
                name,
                "agency.txt",
                row.line,
                format!(
                    "agency_timezone {tz} differs from {}; all agencies of a feed must share one",
                    found.unwrap_or(tz)
                ),
            )),
            Ok(tz) => found = Some(tz),
        }
    }
    if agencies.is_empty() && problems.is_empty() {
        problems.push(ImportIssue::file(
            name,
            "agency.txt",
            "no agency is defined",
        ));
    }
    found
}

type StopIndex = HashMap<String, usize>;

/// Stops and stations, their index by id, and the ids of the other location
/// types (entrances, nodes, boarding areas), which routing ignores.
fn read_stops(
    name: &str,
    rows: Vec<Row<Stop>>,
    problems: &mut Vec<ImportIssue>,
) -> (Vec<FeedStop>, StopIndex, HashMap<String, LocationType>) {
    let file = "stops.txt";
    let mut stops = Vec::new();
    let mut index = StopIndex::new();
    let mut others = HashMap::new();
    let mut parents = Vec::new();
    for row in &rows {
        let s = &row.value;
        let kind = match s.location_type {
            LocationType::StopPoint => StopKind::Stop,
            LocationType::StopArea => StopKind::Station,
            other => {
                others.insert(s.id.clone(), other);
                continue;
            }
        };
        if index.contains_key(&s.id) {
            problems.push(ImportIssue::line(
                name,
                file,
                row.line,
                format!("stop_id {} appears twice", s.id),
            ));
            continue;
        }
        let location = match (s.latitude, s.longitude) {
            (Some(lat), Some(lon)) => match Coordinate::new(lat, lon) {
                Ok(location) => location,
                Err(e) => {
                    problems.push(ImportIssue::line(
                        name,
                        file,
                        row.line,
                        format!("stop {}: {e}", s.id),
                    ));
                    continue;
                }
            },
            _ => {
                problems.push(ImportIssue::line(
                    name,
                    file,
                    row.line,
                    format!("stop {} has no stop_lat or stop_lon", s.id),
                ));
                continue;
            }
        };
        index.insert(s.id.clone(), stops.len());
        parents.push((row.line, s.parent_station.clone().filter(|p| !p.is_empty())));
        stops.push(FeedStop {
            id: s.id.clone(),
            name: s
                .name
                .clone()
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| s.id.clone()),
            location,
            kind,
            parent: None,
            platform_code: s.platform_code.clone().filter(|p| !p.is_empty()),
        });
    }
    for (i, (line, parent)) in parents.into_iter().enumerate() {
        let Some(parent) = parent else { continue };
        match index.get(&parent) {
            Some(&p) if stops[p].kind == StopKind::Station && stops[i].kind == StopKind::Stop => {
                stops[i].parent = Some(p);
            }
            Some(_) => problems.push(ImportIssue::line(
                name,
                file,
                line,
                format!(
                    "parent_station {parent} of {} is not a station holding a stop",
                    stops[i].id
                ),
            )),
            None => problems.push(ImportIssue::line(
                name,
                file,
                line,
                format!(
                    "parent_station {parent} of {} is not a station of stops.txt",
                    stops[i].id
                ),
            )),
        }
    }
    (stops, index, others)
}

fn mode_of(route_type: RouteType) -> Mode {
    match route_type {
        RouteType::Extended(extended) => match extended.to_standard_route_type() {
            RouteType::Extended(_) => Mode::Other,
            standard => mode_of(standard),
        },
        RouteType::Bus => Mode::Bus,
        RouteType::Rail => Mode::Train,
        RouteType::Tramway => Mode::Tram,
        RouteType::Subway => Mode::Metro,
        _ => Mode::Other,
    }
}
