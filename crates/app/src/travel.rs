//! Between the catalogue and the timetable — the only place where sites
//! meet public transport: turns places people give into the `transit`
//! crate's queries and its errors into BAD_USER_INPUT naming the field,
//! plans journeys, lists stops and departures, and computes which sites a
//! `reachable` filter keeps (one one-to-many travel-time search for all
//! candidate sites at once).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveTime, TimeDelta};
use domain::catalog::{Catalog, OfferFilterInput};
use domain::codes::{NisCode, Postcode};
use domain::geocode::PlaceKind;
use domain::location::{Point, ServiceArea};
use domain::offer::OfferDetails;
use domain::offer::OfferId;
use domain::operator::SiteId;
use domain::text::fold;
use transit::{
    Coordinate, JourneyQuery, OneToManyQuery, Place, QueryError, TimeConstraint, Timetable,
};

use crate::{AppError, AppResult, Snapshot};

/// The longest travel time a `reachable` filter may ask for.
pub const MAX_REACHABLE_MINUTES: i32 = 240;

/// How long after a session ends the way home may leave, unless the
/// filter says (`returnWithinMinutes`).
const DEFAULT_WAIT_AFTER_SESSION_MINUTES: i32 = 120;
/// The longest wait a filter may state.
pub const MAX_WAIT_AFTER_SESSION_MINUTES: i32 = 240;

/// A point as a client gave it, not yet checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawPoint {
    pub lat: f64,
    pub lon: f64,
}

/// A place as a client gave it: exactly one of a point, a stop, a commune,
/// or a postal locality (a postcode, a locality's name, or both).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceInput {
    pub point: Option<RawPoint>,
    pub stop_id: Option<String>,
    pub commune_nis: Option<String>,
    pub postcode: Option<String>,
    pub locality: Option<String>,
}

/// "Reachable from this place within so many minutes, arriving by then".
#[derive(Debug, Clone, PartialEq)]
pub struct ReachableInput {
    pub from: PlaceInput,
    pub max_minutes: i32,
    pub arrive_by: DateTime<FixedOffset>,
    /// Keep only sites from which a journey back leaves soon after the
    /// session ends.
    pub return_after: Option<bool>,
    /// How soon after the session's end the way back must leave, in
    /// minutes (120 by default).
    pub return_within_minutes: Option<i32>,
}

/// What a `reachable` filter found: the travel time to each offer in
/// reach, and, with `returnAfter`, when the way home leaves after each
/// training's session.
#[derive(Debug, Clone, Default)]
pub struct Reachability {
    pub minutes: HashMap<OfferId, u32>,
    pub ways_home: WaysHome,
}

/// When the way home leaves after each offer's session.
pub type WaysHome = HashMap<OfferId, DateTime<FixedOffset>>;

/// When the way home leaves after this offer's session, if the search
/// looked for one.
pub fn way_home_of(
    ways_home: &WaysHome,
    offer: &domain::offer::Offer,
) -> Option<DateTime<FixedOffset>> {
    ways_home.get(&offer.id).copied()
}

/// The timetable, or an error saying none is loaded.
pub fn loaded(timetable: Option<&Timetable>) -> AppResult<&Timetable> {
    timetable.ok_or_else(|| {
        AppError::bad_input(
            "timetable",
            "no public transport timetable is loaded on this server",
        )
    })
}

pub fn coordinate(lat: f64, lon: f64, field: &str) -> AppResult<Coordinate> {
    Coordinate::new(lat, lon).map_err(|e| AppError::bad_input(field, e))
}

/// Reads a place: exactly one of a point (inside the service area), a stop
/// id, a commune (where its people are: its main locality), or a postal
/// locality.
pub fn place(
    catalog: &Catalog,
    service_area: &ServiceArea,
    input: &PlaceInput,
    argument: &str,
) -> AppResult<Place> {
    let postal = input.postcode.is_some() || input.locality.is_some();
    let point = match (&input.point, &input.stop_id, &input.commune_nis, postal) {
        (Some(point), None, None, false) => {
            let field = format!("{argument}.point");
            let checked = Point::parse(point.lat, point.lon)
                .map_err(|e| AppError::bad_input(&field, e))
                .and_then(|p| {
                    service_area
                        .check_point(p)
                        .map_err(|e| AppError::bad_input(&field, e))
                })?;
            return Ok(Place::Point(coordinate(
                checked.lat(),
                checked.lon(),
                &field,
            )?));
        }
        (None, Some(stop), None, false) => return Ok(Place::Stop(stop.clone())),
        (None, None, Some(nis), false) => {
            let argument = format!("{argument}.communeNis");
            let code = NisCode::parse(nis).map_err(|e| AppError::bad_input(&argument, e))?;
            let commune = catalog.commune(&code).ok_or_else(|| {
                AppError::bad_input(
                    &argument,
                    format!("{nis} is not a commune of Wallonie picarde"),
                )
            })?;
            commune.town_point()
        }
        (None, None, None, true) => postal_place(
            catalog,
            input.postcode.as_deref(),
            input.locality.as_deref(),
            argument,
        )?,
        _ => {
            return Err(AppError::bad_input(
                argument,
                "give exactly one of point, stopId, communeNis, and postcode or locality",
            ));
        }
    };
    Ok(Place::Point(coordinate(
        point.lat(),
        point.lon(),
        argument,
    )?))
}

/// A postal locality from its postcode ("7860"), its name ("Houtaing"), or
/// both; a commune's name stands for its main locality. Refusals name the
/// field and suggest the geocoder's best candidate where there is one.
fn postal_place(
    catalog: &Catalog,
    postcode: Option<&str>,
    locality: Option<&str>,
    argument: &str,
) -> AppResult<Point> {
    let postcode_field = format!("{argument}.postcode");
    let locality_field = format!("{argument}.locality");
    let suggestion = |typed: &str| {
        catalog
            .geocode(typed, 1)
            .first()
            .map(|c| format!("; did you mean {}?", c.label))
            .unwrap_or_default()
    };
    let localities = || {
        catalog
            .communes()
            .iter()
            .flat_map(|commune| commune.localities.iter().map(move |l| (commune, l)))
    };
    let named = |name: &str| {
        let folded = fold(name);
        move |(_, l): &(
            &domain::territory::Commune,
            &domain::territory::PostalLocality,
        )| { fold(&l.name) == folded }
    };
    let with_postcode = match postcode {
        Some(raw) => {
            let code = Postcode::parse(raw).map_err(|e| AppError::bad_input(&postcode_field, e))?;
            let found: Vec<_> = localities().filter(|(_, l)| l.postcode == code).collect();
            if found.is_empty() {
                return Err(AppError::bad_input(
                    &postcode_field,
                    format!("{raw} is not a postcode of Wallonie picarde"),
                ));
            }
            Some(found)
        }
        None => None,
    };
    // A name longer than any place's, or with control characters, is
    // refused without being echoed back.
    let locality = locality
        .map(|raw| {
            domain::plain_text::single_line(raw, domain::text::MAX_QUERY_CHARS)
                .map_err(|e| AppError::bad_input(&locality_field, e))
        })
        .transpose()?;
    match (with_postcode, locality.as_deref()) {
        (Some(found), Some(name)) => found
            .iter()
            .copied()
            .find(named(name))
            .map(|(_, l)| l.location)
            .ok_or_else(|| {
                let names: Vec<&str> = found.iter().map(|(_, l)| l.name.as_str()).collect();
                AppError::bad_input(
                    &locality_field,
                    format!(
                        "no locality named {name} has the postcode {}: it has {}{}",
                        postcode.unwrap_or_default(),
                        names.join(", "),
                        suggestion(name)
                    ),
                )
            }),
        (Some(found), None) => {
            // The commune's main locality, else the only one.
            let main = found
                .iter()
                .find(|(commune, l)| commune.main_locality() == Some(*l));
            match (main, found.as_slice()) {
                (Some((_, l)), _) | (None, [(_, l)]) => Ok(l.location),
                _ => {
                    let names: Vec<&str> = found.iter().map(|(_, l)| l.name.as_str()).collect();
                    Err(AppError::bad_input(
                        &postcode_field,
                        format!(
                            "{} has several localities ({}): give `locality` too",
                            postcode.unwrap_or_default(),
                            names.join(", ")
                        ),
                    ))
                }
            }
        }
        (None, Some(name)) => {
            let matching: Vec<_> = localities().filter(named(name)).collect();
            if let [(_, l)] = matching.as_slice() {
                return Ok(l.location);
            }
            // A commune's name, in French or Dutch: the geocoder's exact
            // answer, which stands at the commune's main locality.
            if let Some(commune) = catalog
                .geocode(name, 1)
                .into_iter()
                .find(|c| c.kind == PlaceKind::Commune && c.score >= 1.0)
            {
                return Ok(commune.location);
            }
            if matching.len() > 1 {
                let postcodes: Vec<String> = matching
                    .iter()
                    .map(|(_, l)| l.postcode.to_string())
                    .collect();
                return Err(AppError::bad_input(
                    &locality_field,
                    format!(
                        "several localities are named {name} ({}): give `postcode` too",
                        postcodes.join(", ")
                    ),
                ));
            }
            Err(AppError::bad_input(
                &locality_field,
                format!(
                    "{name} is not a locality of Wallonie picarde{}",
                    suggestion(name)
                ),
            ))
        }
        (None, None) => Err(AppError::bad_input(
            argument,
            "give a postcode or a locality",
        )),
    }
}

/// Names the argument a transit error is about.
pub fn query_error(error: QueryError, from: &str, to: &str, time: &str) -> AppError {
    let argument = match &error {
        QueryError::UnknownStop(_)
        | QueryError::NotAStop(_)
        | QueryError::OutsideFeeds(_)
        | QueryError::SamePlace => {
            if matches!(error, QueryError::SamePlace) {
                to
            } else {
                from
            }
        }
        QueryError::DateOutsideValidity { .. } => time,
        QueryError::InvalidLimit { .. } => "first",
        QueryError::InvalidMaxTravel { .. } => "maxMinutes",
    };
    AppError::bad_input(argument, error)
}

/// Which argument a place error belongs to, when a query has two places.
fn place_argument<'a>(
    error: &QueryError,
    from: &'a str,
    to: &'a str,
    to_stop: Option<&str>,
    to_point: Option<Coordinate>,
) -> &'a str {
    match error {
        QueryError::UnknownStop(id) | QueryError::NotAStop(id) if Some(id.as_str()) == to_stop => {
            to
        }
        QueryError::OutsideFeeds(point) if Some(*point) == to_point => to,
        _ => from,
    }
}

/// Plans journeys, naming the faulty argument on error.
fn journeys(
    timetable: &Timetable,
    from: Place,
    to: Place,
    time: TimeConstraint,
    max_journeys: usize,
    time_argument: &str,
) -> AppResult<transit::JourneyOutcome> {
    let (to_stop, to_point) = match &to {
        Place::Stop(id) => (Some(id.clone()), None),
        Place::Point(point) => (None, Some(*point)),
    };
    timetable
        .journeys(&JourneyQuery {
            from,
            to,
            time,
            max_journeys,
        })
        .map_err(|error| {
            let from_or_to = place_argument(&error, "from", "to", to_stop.as_deref(), to_point);
            query_error(error, from_or_to, "to", time_argument)
        })
}

/// The travel time in minutes to each candidate site of a `reachable`
/// filter; sites out of reach are left out. With `returnAfter`, a site is
/// kept only if, after each of its sessions' daily end, a way home leaves
/// within the wait (and takes no longer than the way there may).
pub(crate) fn reachable_sites(
    snapshot: &Snapshot,
    timetable: &Timetable,
    filter: OfferFilterInput,
    reachable: &ReachableInput,
) -> AppResult<Reachability> {
    let catalog = &snapshot.catalog;
    check_reach(snapshot, reachable)?;
    let wait = reachable
        .return_within_minutes
        .unwrap_or(DEFAULT_WAIT_AFTER_SESSION_MINUTES);
    if !(1..=MAX_WAIT_AFTER_SESSION_MINUTES).contains(&wait) {
        return Err(AppError::bad_input(
            "filter.reachable.returnWithinMinutes",
            format!("must be between 1 and {MAX_WAIT_AFTER_SESSION_MINUTES}, got {wait}"),
        ));
    }
    let wait = TimeDelta::minutes(i64::from(wait));
    let from = place(
        catalog,
        &snapshot.service_area,
        &reachable.from,
        "filter.reachable.from",
    )?;
    let max_travel = TimeDelta::minutes(i64::from(reachable.max_minutes));
    let query = catalog
        .parse_offer_filter(filter, &snapshot.service_area)
        .map_err(crate::error::filter_error)?;
    // When each candidate must arrive, and when its session ends: a
    // training with a daily start time is reached by that time, on the asked
    // day or, when it names its weekdays, the first of them from that day.
    let mut plans: Vec<(OfferId, SiteId, Arrival)> = Vec::new();
    for hit in catalog.matching_offers(&query) {
        plans.push((
            hit.offer.id,
            hit.offer.site_id,
            Arrival::of(hit.offer, reachable.arrive_by),
        ));
    }
    plans.sort_by_key(|(offer, _, arrival)| (arrival.by, *offer));
    let mut found = Reachability::default();
    let mut homes: HashMap<(SiteId, DateTime<FixedOffset>), Option<DateTime<FixedOffset>>> =
        HashMap::new();
    // One one-to-many search per arrival time, over the sites arriving then.
    for group in plans.chunk_by(|a, b| a.2.by == b.2.by) {
        let by = group[0].2.by;
        let mut site_ids: Vec<SiteId> = group.iter().map(|(_, site, _)| *site).collect();
        site_ids.sort();
        site_ids.dedup();
        let targets = site_ids
            .iter()
            .filter_map(|id| catalog.site(*id))
            .map(|site| coordinate(site.location.lat(), site.location.lon(), "filter"))
            .collect::<Result<Vec<_>, _>>()?;
        let times = timetable
            .travel_times(&OneToManyQuery {
                from: from.clone(),
                targets: targets.clone(),
                time: TimeConstraint::ArriveBy(by),
                max_travel,
            })
            .map_err(|error| {
                query_error(
                    error,
                    "filter.reachable.from",
                    "filter.reachable.from",
                    "filter.reachable.arriveBy",
                )
            })?;
        let reached: HashMap<SiteId, (Coordinate, TimeDelta)> = site_ids
            .iter()
            .zip(targets)
            .zip(times)
            .filter_map(|((site, target), time)| Some((*site, (target, time?))))
            .collect();
        for (offer, site, arrival) in group {
            let Some((target, time)) = reached.get(site) else {
                continue;
            };
            if reachable.return_after == Some(true)
                && let Some(end) = arrival.session_end
            {
                let home = *homes
                    .entry((*site, end))
                    .or_insert_with(|| way_home(timetable, *target, &from, end, wait, max_travel));
                match home {
                    Some(leaves) => {
                        found.ways_home.insert(*offer, leaves);
                    }
                    None => continue,
                }
            }
            let whole_minutes = (time.num_seconds() + 59) / 60;
            found
                .minutes
                .insert(*offer, u32::try_from(whole_minutes).unwrap_or(u32::MAX));
        }
    }
    Ok(found)
}

/// Checks what every `reachable` filter states: a bound in reason, a time
/// to come.
fn check_reach(snapshot: &Snapshot, reachable: &ReachableInput) -> AppResult<()> {
    if !(1..=MAX_REACHABLE_MINUTES).contains(&reachable.max_minutes) {
        return Err(AppError::bad_input(
            "filter.reachable.maxMinutes",
            format!(
                "must be between 1 and {MAX_REACHABLE_MINUTES}, got {}",
                reachable.max_minutes
            ),
        ));
    }
    not_past(snapshot, reachable.arrive_by, "filter.reachable.arriveBy")
}

/// The travel time in minutes to each of these sites, arriving by the
/// filter's time (equipment has no session: a group comes for the time it
/// booked); sites out of reach are left out.
pub(crate) fn reachable_equipment_sites(
    snapshot: &Snapshot,
    timetable: &Timetable,
    mut site_ids: Vec<SiteId>,
    reachable: &ReachableInput,
) -> AppResult<HashMap<SiteId, u32>> {
    check_reach(snapshot, reachable)?;
    if reachable.return_after.is_some() || reachable.return_within_minutes.is_some() {
        return Err(AppError::bad_input(
            "filter.reachable.returnAfter",
            "equipment has no session end to return after; leave returnAfter and returnWithinMinutes out",
        ));
    }
    let catalog = &snapshot.catalog;
    let from = place(
        catalog,
        &snapshot.service_area,
        &reachable.from,
        "filter.reachable.from",
    )?;
    site_ids.sort();
    site_ids.dedup();
    let targets = site_ids
        .iter()
        .filter_map(|id| catalog.site(*id))
        .map(|site| coordinate(site.location.lat(), site.location.lon(), "filter"))
        .collect::<Result<Vec<_>, _>>()?;
    let times = timetable
        .travel_times(&OneToManyQuery {
            from,
            targets,
            time: TimeConstraint::ArriveBy(reachable.arrive_by),
            max_travel: TimeDelta::minutes(i64::from(reachable.max_minutes)),
        })
        .map_err(|error| {
            query_error(
                error,
                "filter.reachable.from",
                "filter.reachable.from",
                "filter.reachable.arriveBy",
            )
        })?;
    Ok(site_ids
        .into_iter()
        .zip(times)
        .filter_map(|(site, time)| {
            let whole_minutes = (time?.num_seconds() + 59) / 60;
            Some((site, u32::try_from(whole_minutes).unwrap_or(u32::MAX)))
        })
        .collect())
}

/// When one must arrive at an offer, and when its day there ends.
#[derive(Debug, Clone, Copy)]
struct Arrival {
    by: DateTime<FixedOffset>,
    session_end: Option<DateTime<FixedOffset>>,
}

impl Arrival {
    /// For a training: on the asked day or the first of its weekdays from
    /// then (in the asked time's offset), by its start time (else the asked
    /// time), leaving after its end. Otherwise by the asked time, with no
    /// session end.
    fn of(offer: &domain::offer::Offer, asked: DateTime<FixedOffset>) -> Arrival {
        let OfferDetails::Training(session) = &offer.details else {
            return Arrival {
                by: asked,
                session_end: None,
            };
        };
        let day = session.weekdays.map_or(asked.date_naive(), |days| {
            days.on_or_after(asked.date_naive())
        });
        let at = |time: NaiveTime| {
            day.and_time(time)
                .and_local_timezone(*asked.offset())
                .single()
        };
        // Without a start time, the asked time, on the session's day.
        let start = session.daily_start_time.unwrap_or(asked.time());
        Arrival {
            by: at(start).unwrap_or(asked),
            session_end: session.daily_end_time.and_then(at),
        }
    }
}

/// When the way back to `home` leaves the site after a session ending at
/// `session_end`, within `wait` and taking at most `max_travel`; `None`
/// when there is none.
fn way_home(
    timetable: &Timetable,
    site: Coordinate,
    home: &Place,
    session_end: DateTime<FixedOffset>,
    wait: TimeDelta,
    max_travel: TimeDelta,
) -> Option<DateTime<FixedOffset>> {
    let outcome = timetable
        .journeys_unexplained(&JourneyQuery {
            from: Place::Point(site),
            to: home.clone(),
            time: TimeConstraint::DepartAfter(session_end),
            max_journeys: 3,
        })
        .ok()?;
    // Journeys come earliest arrival first: the first that fits is the way
    // home the planner would show.
    outcome
        .journeys
        .iter()
        .find(|journey| journey.departure - session_end <= wait && journey.duration() <= max_travel)
        .map(|journey| journey.departure)
}

/// Reads an optional count within bounds.
pub fn bounded(
    value: Option<i32>,
    default: usize,
    min: usize,
    max: usize,
    field: &str,
) -> AppResult<usize> {
    match value {
        None => Ok(default),
        Some(n) => usize::try_from(n)
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| {
                AppError::bad_input(field, format!("must be between {min} and {max}, got {n}"))
            }),
    }
}

/// Reads a stop search radius in metres (500 by default).
pub fn stop_radius(radius_meters: Option<i32>) -> AppResult<f64> {
    bounded(radius_meters, 500, 1, 5_000, "radiusMeters").map(|r| r as f64)
}

/// When a journey leaves or arrives, as a client asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JourneyTime {
    pub depart_at: Option<DateTime<FixedOffset>>,
    pub arrive_by: Option<DateTime<FixedOffset>>,
}

/// Refuses an arrival time already past when the request started: no
/// journey can arrive then any more.
fn not_past(snapshot: &Snapshot, by: DateTime<FixedOffset>, field: &str) -> AppResult<()> {
    if by < snapshot.now {
        return Err(AppError::bad_input(
            field,
            format!(
                "{} is in the past: give a time to come (now is {})",
                by.to_rfc3339(),
                snapshot.now.with_timezone(by.offset()).to_rfc3339()
            ),
        ));
    }
    Ok(())
}

/// Plans journeys from one place to another, leaving after `departAt` or
/// arriving by `arriveBy` (leaving now when neither is given); `first`
/// journeys at most (3 by default).
pub fn plan_journeys(
    snapshot: &Snapshot,
    from: &PlaceInput,
    to: &PlaceInput,
    time: JourneyTime,
    first: Option<i32>,
) -> AppResult<transit::JourneyOutcome> {
    let timetable = loaded(snapshot.timetable.as_deref())?;
    let count = bounded(first, 3, 1, transit::MAX_JOURNEYS, "first")?;
    let (time, time_field) = match (time.depart_at, time.arrive_by) {
        (Some(_), Some(_)) => {
            return Err(AppError::bad_input(
                "arriveBy",
                "give departAt or arriveBy, not both",
            ));
        }
        (Some(at), None) => (TimeConstraint::DepartAfter(at), "departAt"),
        (None, Some(by)) => {
            not_past(snapshot, by, "arriveBy")?;
            (TimeConstraint::ArriveBy(by), "arriveBy")
        }
        (None, None) => (
            TimeConstraint::DepartAfter(snapshot.now.fixed_offset()),
            "departAt",
        ),
    };
    let from = place(&snapshot.catalog, &snapshot.service_area, from, "from")?;
    let to = place(&snapshot.catalog, &snapshot.service_area, to, "to")?;
    journeys(timetable, from, to, time, count, time_field)
}

/// Public transport stops near a point, nearest first: within
/// `radiusMeters` (500 by default), `first` of them at most (a page size).
pub fn stops_near(
    snapshot: &Snapshot,
    point: RawPoint,
    radius_meters: Option<i32>,
    first: Option<i32>,
) -> AppResult<Vec<(transit::StopInfo, f64)>> {
    let timetable = loaded(snapshot.timetable.as_deref())?;
    let point = coordinate(point.lat, point.lon, "point")?;
    let radius = stop_radius(radius_meters)?;
    let size = crate::pages::page_size(first)?;
    Ok(timetable.stops_near(point, radius, size.get()))
}

/// The stops near a site (none without a timetable): within
/// `radiusMeters`, `first` of them, 1 to 20 (5 by default).
pub fn stops_near_site(
    snapshot: &Snapshot,
    site: &domain::operator::Site,
    radius_meters: Option<i32>,
    first: Option<i32>,
) -> AppResult<Vec<(transit::StopInfo, f64)>> {
    let Some(timetable) = snapshot.timetable.as_deref() else {
        return Ok(Vec::new());
    };
    let radius = stop_radius(radius_meters)?;
    let count = bounded(first, 5, 1, 20, "first")?;
    let point = coordinate(site.location.lat(), site.location.lon(), "site")?;
    Ok(timetable.stops_near(point, radius, count))
}

/// The next departures at a stop or station, from `at` (now by default),
/// `first` of them, 1 to 100 (10 by default).
pub fn departures(
    snapshot: &Snapshot,
    stop_id: &str,
    at: Option<DateTime<FixedOffset>>,
    first: Option<i32>,
) -> AppResult<Vec<transit::Departure>> {
    let timetable = loaded(snapshot.timetable.as_deref())?;
    let count = bounded(first, 10, 1, 100, "first")?;
    let at = at.unwrap_or_else(|| snapshot.now.fixed_offset());
    timetable
        .departures(stop_id, at, count)
        .map_err(|e| query_error(e, "stopId", "stopId", "at"))
}
