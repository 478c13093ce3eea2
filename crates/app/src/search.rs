//! Reads over the catalogue: offers (with travel times when the filter asks
//! for reachability, computed once for every candidate site and handed to
//! the catalogue's search), operators, sites near a point, marker clusters
//! and geocoding. Fields are named as the client's arguments: `filter.…`,
//! `orderBy`, `first`, `after`.

use domain::catalog::{
    OfferFilterInput, OfferHit, OfferMarker, OfferOrder, OfferPosition, OfferQuery,
    OperatorFilterInput, OperatorPosition,
};
use domain::geocode::GeocodeCandidate;
use domain::location::{BoundingBox, Point};
use domain::operator::{Operator, Site};
use domain::page::Page;

use crate::error::filter_error;
use crate::pages::page_size;
use crate::travel::{RawPoint, ReachableInput, WaysHome};
use crate::{App, AppError, AppResult, Snapshot, ids};

/// Most markers one viewport shows: more means the map asks a zoom too
/// deep for the area, which it should zoom into instead.
pub const MAX_MARKERS: usize = 1_000;

/// The deepest zoom a map may ask clusters for.
pub const MAX_MAP_ZOOM: u8 = 22;

/// Checks an offer filter; a `reachable` part is turned into travel times
/// to the candidate sites, from the timetable.
pub fn offer_query(
    snapshot: &Snapshot,
    filter: OfferFilterInput,
    reachable: Option<&ReachableInput>,
) -> AppResult<OfferQuery> {
    offer_query_and_ways_home(snapshot, filter, reachable).map(|(query, _)| query)
}

/// Like [`offer_query`], with when the ways home leave (`returnAfter`).
fn offer_query_and_ways_home(
    snapshot: &Snapshot,
    mut filter: OfferFilterInput,
    reachable: Option<&ReachableInput>,
) -> AppResult<(OfferQuery, WaysHome)> {
    let mut ways_home = WaysHome::new();
    if let Some(reachable) = reachable {
        let timetable = crate::travel::loaded(snapshot.timetable.as_deref())?;
        let found = crate::travel::reachable_sites(snapshot, timetable, filter.clone(), reachable)?;
        filter.travel_minutes = Some(found.minutes);
        ways_home = found.ways_home;
    }
    let query = snapshot
        .catalog
        .parse_offer_filter(filter, &snapshot.service_area)
        .map_err(filter_error)?;
    Ok((query, ways_home))
}

/// What a search of offers asks for.
#[derive(Debug, Clone)]
pub struct OfferSearch {
    pub filter: OfferFilterInput,
    pub reachable: Option<ReachableInput>,
    pub order: OfferOrder,
    pub first: Option<i32>,
    /// The cursor of the previous page's last edge.
    pub after: Option<String>,
    /// Whether to count every match (it visits them all).
    pub count_total: bool,
}

/// A page of offers, and when the ways home leave (`returnAfter`).
#[derive(Debug)]
pub struct OfferResults<'a> {
    pub page: Page<OfferHit<'a>, OfferPosition>,
    pub ways_home: WaysHome,
}

/// Published offers matching a filter, in order, a page at a time.
pub fn offers<'a>(snapshot: &'a Snapshot, search: OfferSearch) -> AppResult<OfferResults<'a>> {
    let size = page_size(search.first)?;
    let after = search
        .after
        .as_deref()
        .map(|c| ids::parse_offer_cursor(c, search.order))
        .transpose()?;
    let (query, ways_home) =
        offer_query_and_ways_home(snapshot, search.filter, search.reachable.as_ref())?;
    let page = snapshot
        .catalog
        .search_offers(
            &query,
            search.order,
            size,
            after.as_ref(),
            search.count_total,
        )
        .map_err(filter_error)?;
    Ok(OfferResults { page, ways_home })
}

/// Every published offer matching a filter, by id (for GeoJSON layers).
pub fn all_offers<'a>(
    snapshot: &'a Snapshot,
    filter: OfferFilterInput,
    reachable: Option<&ReachableInput>,
) -> AppResult<Vec<OfferHit<'a>>> {
    let query = offer_query(snapshot, filter, reachable)?;
    let mut hits = snapshot.catalog.matching_offers(&query);
    hits.sort_by_key(|hit| hit.offer.id);
    Ok(hits)
}

/// Operators, alphabetically, a page at a time.
pub fn operators<'a>(
    snapshot: &'a Snapshot,
    filter: OperatorFilterInput,
    first: Option<i32>,
    after: Option<&str>,
) -> AppResult<Page<&'a Operator, OperatorPosition>> {
    let size = page_size(first)?;
    let after = after.map(ids::parse_operator_cursor).transpose()?;
    let query = snapshot
        .catalog
        .parse_operator_filter(filter, &snapshot.service_area)
        .map_err(filter_error)?;
    Ok(snapshot
        .catalog
        .search_operators(&query, size, after.as_ref()))
}

/// Checks a point given to a place search against the service area.
pub fn search_point(snapshot: &Snapshot, point: RawPoint, field: &str) -> AppResult<Point> {
    let point = Point::parse(point.lat, point.lon).map_err(|e| AppError::bad_input(field, e))?;
    snapshot
        .service_area
        .check_point(point)
        .map_err(|e| AppError::bad_input(field, e))
}

/// The sites nearest to a point, nearest first; with a filter, only those
/// holding a published offer it matches.
pub fn sites_near(
    snapshot: &Snapshot,
    point: RawPoint,
    first: Option<i32>,
    filter: Option<(OfferFilterInput, Option<ReachableInput>)>,
) -> AppResult<Vec<(&Site, f64)>> {
    let center = search_point(snapshot, point, "point")?;
    let size = page_size(first)?;
    let query = filter
        .map(|(filter, reachable)| offer_query(snapshot, filter, reachable.as_ref()))
        .transpose()?;
    Ok(snapshot
        .catalog
        .sites_near(center, size.get(), query.as_ref()))
}

/// Checks a map zoom level.
pub fn map_zoom(zoom: i32) -> AppResult<u8> {
    u8::try_from(zoom)
        .ok()
        .filter(|z| *z <= MAX_MAP_ZOOM)
        .ok_or_else(|| {
            AppError::bad_input(
                "zoom",
                format!("must be between 0 and {MAX_MAP_ZOOM}, got {zoom}"),
            )
        })
}

/// A map viewport as a client gave it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

/// Marker clusters of the published offers matching a filter, inside a
/// viewport (the whole service area when absent) at a zoom level. Clusters
/// are built once per filter and catalogue and reused while panning.
pub fn offer_clusters(
    app: &App,
    snapshot: &Snapshot,
    filter: OfferFilterInput,
    reachable: Option<&ReachableInput>,
    viewport: Option<Viewport>,
    zoom: i32,
) -> AppResult<Vec<OfferMarker>> {
    let zoom = map_zoom(zoom)?;
    let viewport = match viewport {
        Some(b) => BoundingBox::parse(b.min_lon, b.min_lat, b.max_lon, b.max_lat)
            .map_err(|e| AppError::bad_input("bbox", e))?,
        None => snapshot.service_area.bounds,
    };
    let query = offer_query(snapshot, filter, reachable)?;
    let clusters = app.clusters().get_or_build(&snapshot.catalog, &query);
    let markers = clusters.markers(&viewport, zoom);
    if markers.len() > MAX_MARKERS {
        return Err(AppError::bad_input(
            "bbox",
            format!(
                "the viewport holds {} markers at zoom {zoom}, more than the {MAX_MARKERS} a map can show: zoom out or narrow the box",
                markers.len()
            ),
        ));
    }
    Ok(markers)
}

/// Finds places by what a person typed — a postcode, a commune or locality
/// name with or without accents — offline, `first` candidates at most.
pub fn geocode(
    snapshot: &Snapshot,
    query: &str,
    first: Option<i32>,
) -> AppResult<Vec<GeocodeCandidate>> {
    let max = domain::text::MAX_QUERY_CHARS;
    if query.chars().count() > max {
        return Err(AppError::bad_input(
            "query",
            format!("must be at most {max} characters"),
        ));
    }
    let size = page_size(first)?;
    Ok(snapshot.catalog.geocode(query, size.get()))
}

/// An offer by id as the viewer may see it: published offers for everyone;
/// drafts and archived offers only for their operator's partners and
/// admins — to everyone else the id is unknown.
pub fn visible_offer<'a>(
    catalog: &'a domain::catalog::Catalog,
    viewer: &crate::Viewer,
    id: domain::offer::OfferId,
) -> Option<&'a domain::offer::Offer> {
    catalog.offer(id).filter(|offer| {
        offer.is_published()
            || crate::policy::allow(
                viewer,
                crate::policy::Action::ReadUnpublished(offer.operator_id),
            )
            .is_ok()
    })
}

/// Every offer of an operator, drafts and archived ones included, in one
/// status when given (its partners and admins only).
pub fn all_offers_of_operator<'a>(
    catalog: &'a domain::catalog::Catalog,
    viewer: &crate::Viewer,
    operator: domain::operator::OperatorId,
    status: Option<domain::offer::OfferStatus>,
) -> AppResult<Vec<&'a domain::offer::Offer>> {
    crate::policy::allow(viewer, crate::policy::Action::ReadUnpublished(operator))?;
    Ok(catalog
        .all_offers_of_operator(operator)
        .into_iter()
        .filter(|offer| status.is_none_or(|s| offer.status == s))
        .collect())
}

/// The trades, in the catalogue's order; only those of one pole when a
/// pole code is given.
pub fn trades<'a>(
    catalog: &'a domain::catalog::Catalog,
    pole_code: Option<&str>,
) -> AppResult<Vec<&'a domain::trade::Trade>> {
    let pole = match pole_code {
        Some(raw) => Some(
            domain::codes::PoleCode::parse(raw)
                .ok()
                .filter(|code| catalog.pole(code).is_some())
                .ok_or_else(|| {
                    AppError::bad_input(
                        "poleCode",
                        format!("unknown pole code {raw:?}; the `poles` query lists them"),
                    )
                })?,
        ),
        None => None,
    };
    Ok(catalog
        .trades()
        .iter()
        .filter(|t| pole.as_ref().is_none_or(|p| t.belongs_to(p)))
        .collect())
}
