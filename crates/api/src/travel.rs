//! Between the catalogue and the timetable: turns transit inputs into the
//! `transit` crate's queries and its errors into BAD_USER_INPUT naming the
//! argument, and computes which sites a `reachable` filter keeps (one
//! one-to-many travel-time search for all candidate sites at once).

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, FixedOffset, NaiveTime, TimeDelta};
use domain::catalog::{Catalog, OfferFilterInput};
use domain::codes::NisCode;
use domain::location::ServiceArea;
use domain::offer::OfferDetails;
use domain::operator::SiteId;
use transit::{
    Coordinate, JourneyQuery, OneToManyQuery, Place, QueryError, TimeConstraint, Timetable,
};

use crate::error::ApiError;
use crate::schema::transit::{PlaceInput, ReachableInput};

/// The longest travel time a `reachable` filter may ask for.
pub(crate) const MAX_REACHABLE_MINUTES: i32 = 240;

/// How long after a session ends the way home may leave.
const LONGEST_WAIT_AFTER_SESSION: TimeDelta = TimeDelta::hours(2);

/// The timetable, or an error saying none is loaded.
pub(crate) fn loaded(timetable: Option<&Timetable>) -> Result<&Timetable, ApiError> {
    timetable.ok_or_else(|| {
        ApiError::bad_input(
            "timetable",
            "no public transport timetable is loaded on this server",
        )
    })
}

pub(crate) fn coordinate(lat: f64, lon: f64, argument: &str) -> Result<Coordinate, ApiError> {
    Coordinate::new(lat, lon).map_err(|e| ApiError::bad_input(argument, e))
}

/// Reads a place: exactly one of a point, a stop id or a commune.
pub(crate) fn place(
    catalog: &Catalog,
    input: &PlaceInput,
    argument: &str,
) -> Result<Place, ApiError> {
    match (&input.point, &input.stop_id, &input.commune_nis) {
        (Some(point), None, None) => Ok(Place::Point(coordinate(
            point.lat,
            point.lon,
            &format!("{argument}.point"),
        )?)),
        (None, Some(stop), None) => Ok(Place::Stop(stop.clone())),
        (None, None, Some(nis)) => {
            let argument = format!("{argument}.communeNis");
            let code = NisCode::parse(nis).map_err(|e| ApiError::bad_input(&argument, e))?;
            let commune = catalog.commune(&code).ok_or_else(|| {
                ApiError::bad_input(
                    &argument,
                    format!("{nis} is not a commune of Wallonie picarde"),
                )
            })?;
            let point = commune.representative_point();
            Ok(Place::Point(coordinate(
                point.lat(),
                point.lon(),
                &argument,
            )?))
        }
        _ => Err(ApiError::bad_input(
            argument,
            "give exactly one of point, stopId and communeNis",
        )),
    }
}

/// Names the argument a transit error is about.
pub(crate) fn query_error(error: QueryError, from: &str, to: &str, time: &str) -> ApiError {
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
    ApiError::bad_input(argument, error)
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
pub(crate) fn journeys(
    timetable: &Timetable,
    from: Place,
    to: Place,
    time: TimeConstraint,
    max_journeys: usize,
    time_argument: &str,
) -> Result<transit::JourneyOutcome, ApiError> {
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
/// filter; sites out of reach are left out.
pub(crate) fn reachable_sites(
    catalog: &Catalog,
    timetable: &Timetable,
    area: &ServiceArea,
    filter: OfferFilterInput,
    reachable: &ReachableInput,
) -> Result<HashMap<SiteId, u32>, ApiError> {
    if !(1..=MAX_REACHABLE_MINUTES).contains(&reachable.max_minutes) {
        return Err(ApiError::bad_input(
            "filter.reachable.maxMinutes",
            format!(
                "must be between 1 and {MAX_REACHABLE_MINUTES}, got {}",
                reachable.max_minutes
            ),
        ));
    }
    let from = place(catalog, &reachable.from, "filter.reachable.from")?;
    let max_travel = TimeDelta::minutes(i64::from(reachable.max_minutes));
    let query = catalog
        .parse_offer_filter(filter, area)
        .map_err(crate::schema::filter_error)?;
    // Every site holding a candidate offer, with the end times of its trainings.
    let mut sites: HashMap<SiteId, BTreeSet<NaiveTime>> = HashMap::new();
    for hit in catalog.matching_offers(&query) {
        let ends = sites.entry(hit.offer.site_id).or_default();
        if let OfferDetails::Training(session) = &hit.offer.details
            && let Some(end) = session.daily_end_time
        {
            ends.insert(end);
        }
    }
    let mut site_ids: Vec<SiteId> = sites.keys().copied().collect();
    site_ids.sort();
    let targets = site_ids
        .iter()
        .filter_map(|id| catalog.site(*id))
        .map(|site| coordinate(site.location.lat(), site.location.lon(), "filter"))
        .collect::<Result<Vec<_>, _>>()?;
    let times = timetable
        .travel_times(&OneToManyQuery {
            from: from.clone(),
            targets: targets.clone(),
            time: TimeConstraint::ArriveBy(reachable.arrive_by),
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
    let mut minutes = HashMap::new();
    for ((site_id, target), time) in site_ids.iter().zip(targets).zip(times) {
        let Some(time) = time else { continue };
        let ends = &sites[site_id];
        if reachable.return_after == Some(true)
            && !ends.iter().all(|end| {
                way_home_exists(
                    timetable,
                    target,
                    &from,
                    reachable.arrive_by,
                    *end,
                    max_travel,
                )
            })
        {
            continue;
        }
        let whole_minutes = (time.num_seconds() + 59) / 60;
        minutes.insert(*site_id, u32::try_from(whole_minutes).unwrap_or(u32::MAX));
    }
    Ok(minutes)
}

/// Whether one can leave the site after a session ending at `end` on the
/// day of `day` and be back at `home` within `max_travel`.
fn way_home_exists(
    timetable: &Timetable,
    site: Coordinate,
    home: &Place,
    day: DateTime<FixedOffset>,
    end: NaiveTime,
    max_travel: TimeDelta,
) -> bool {
    let Some(session_end) = day
        .date_naive()
        .and_time(end)
        .and_local_timezone(*day.offset())
        .single()
    else {
        return false;
    };
    let outcome = timetable.journeys(&JourneyQuery {
        from: Place::Point(site),
        to: home.clone(),
        time: TimeConstraint::DepartAfter(session_end),
        max_journeys: 1,
    });
    outcome.is_ok_and(|outcome| {
        outcome.journeys.iter().any(|journey| {
            journey.departure - session_end <= LONGEST_WAIT_AFTER_SESSION
                && journey.duration() <= max_travel
        })
    })
}
