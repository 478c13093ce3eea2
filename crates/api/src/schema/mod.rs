//! The GraphQL schema: the query root and the types it reaches. Resolvers
//! are thin: they take the request's catalogue snapshot, call one domain
//! function and map the result.

mod account;
mod audit;
mod connection;
mod contact;
mod enums;
mod map;
mod offer;
mod operator;
mod partner;
mod reference;
mod scalars;
pub(crate) mod transit;

use std::sync::Arc;

use async_graphql::{
    Context, EmptySubscription, ID, Interface, Json, MergedObject, Object, Schema,
};
use chrono::{DateTime, FixedOffset, Utc};
use domain::catalog::{Catalog, FilterError, OfferMarker, OfferQuery};
use domain::codes::{NisCode, PoleCode, TradeCode};
use domain::location::{Point, ServiceArea};
use domain::offer::{OfferId, ProgrammeId};
use domain::operator::{OperatorId, SiteId};
use domain::page::{Page, PageSize};

use crate::error::{ApiError, ApiResult};
use crate::ids::{self, NodeType};
pub use connection::{
    BBoxInput, OfferConnection, OfferFilter, OperatorConnection, OperatorFilter, PageInfo,
    PointInput,
};
use connection::{OfferEdge, OperatorEdge};
pub use enums::OfferOrder;
use map::{GeocodeCandidate, OfferCluster};
use offer::{Offer, TrainingProgramme};
use operator::{Operator, Site, SiteDistance};
use reference::{AudienceDescription, Commune, Pole, Trade};

/// The schema served at `/graphql`.
pub type WapiSchema = Schema<Query, Mutation, EmptySubscription>;

/// Everything one may read: reference data, operators and published offers
/// for everyone, contact requests for their operators' partners.
#[derive(MergedObject, Debug, Default)]
#[graphql(name = "Query")]
pub struct Query(CatalogQuery, contact::ContactQuery);

/// Every change to data. Mutations are only accepted with POST.
#[derive(MergedObject, Debug, Default)]
#[graphql(name = "Mutation")]
pub struct Mutation(
    account::AccountMutation,
    partner::PartnerMutation,
    contact::ContactMutation,
);

/// What a request reads from: one catalogue snapshot for the whole request,
/// so every field of a response agrees with every other, and the settings.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub catalog: Arc<Catalog>,
    pub service_area: ServiceArea,
    pub(crate) clusters: Arc<crate::cluster_cache::ClusterCache>,
    /// The public transport timetable, when one is loaded.
    pub timetable: Option<Arc<::transit::Timetable>>,
    /// Who is asking.
    pub viewer: crate::auth::Viewer,
    /// The database, for what the catalogue does not hold (accounts).
    pub store: storage::Store,
    pub(crate) login_throttle: Arc<crate::login_throttle::LoginThrottle>,
    /// The service, to refresh the catalogue after a write.
    pub(crate) app: crate::AppState,
    /// The catalogue as refreshed by this request's first write: what the
    /// write's answer and everything after it in the request read.
    pub(crate) refreshed: Arc<std::sync::OnceLock<Arc<Catalog>>>,
    pub(crate) rate_limiter: Arc<crate::rate_limit::RateLimiter>,
    /// Where the request comes from, for rate limits.
    pub client: crate::Client,
}

impl RequestContext {
    /// Refreshes the service's catalogue after a committed write, and
    /// makes the rest of this request read the refreshed one.
    pub(crate) async fn refresh_catalog(&self) -> Result<(), storage::StorageError> {
        self.app.refresh_catalog().await?;
        let _ = self.refreshed.set(self.app.catalog());
        Ok(())
    }
}

fn request<'a>(ctx: &Context<'a>) -> &'a RequestContext {
    // `AppState::execute` attaches the context to every request; the schema
    // is never executed any other way.
    ctx.data_unchecked::<RequestContext>()
}

fn catalog<'a>(ctx: &Context<'a>) -> &'a Catalog {
    let context = request(ctx);
    context.refreshed.get().unwrap_or(&context.catalog)
}

/// The deepest zoom a map may ask clusters for.
pub(crate) const MAX_MAP_ZOOM: u8 = 22;

/// Checks a map zoom level.
pub(crate) fn map_zoom(zoom: i32) -> Result<u8, ApiError> {
    u8::try_from(zoom)
        .ok()
        .filter(|z| *z <= MAX_MAP_ZOOM)
        .ok_or_else(|| {
            ApiError::bad_input(
                "zoom",
                format!("must be between 0 and {MAX_MAP_ZOOM}, got {zoom}"),
            )
        })
}

/// Builds the schema; the same function serves the server, the tests and `schema.graphql`.
pub fn build_schema() -> WapiSchema {
    use crate::limits::{MAX_COMPLEXITY, MAX_DEPTH, MAX_DIRECTIVES};
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .limit_directives(MAX_DIRECTIVES)
        .finish()
}

/// Anything with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "Global id, for `node(id:)`."))]
pub enum Node {
    Commune(Commune),
    Pole(Pole),
    Trade(Trade),
    Operator(Operator),
    Site(Site),
    Offer(Offer),
    TrainingProgramme(TrainingProgramme),
}

fn page_size(first: Option<i32>) -> Result<PageSize, ApiError> {
    PageSize::parse(first.map(i64::from)).map_err(|e| ApiError::bad_input("first", e))
}

pub(crate) fn filter_error(error: FilterError) -> ApiError {
    ApiError::bad_input(error.field(), error)
}

/// Checks an offer filter; a `reachable` part is turned into travel times
/// to the candidate sites, from the timetable.
fn offer_query(
    context: &RequestContext,
    filter: Option<OfferFilter>,
) -> Result<OfferQuery, ApiError> {
    let filter = filter.unwrap_or_default();
    let reachable = filter.reachable.clone();
    let mut input: domain::catalog::OfferFilterInput = filter.into();
    if let Some(reachable) = reachable {
        let timetable = crate::travel::loaded(context.timetable.as_deref())?;
        input.travel_minutes = Some(crate::travel::reachable_sites(
            &context.catalog,
            timetable,
            &context.service_area,
            input.clone(),
            &reachable,
        )?);
    }
    context
        .catalog
        .parse_offer_filter(input, &context.service_area)
        .map_err(filter_error)
}

/// Reads an optional count within bounds.
fn bounded(
    value: Option<i32>,
    default: usize,
    min: usize,
    max: usize,
    argument: &str,
) -> Result<usize, ApiError> {
    match value {
        None => Ok(default),
        Some(n) => usize::try_from(n)
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| {
                ApiError::bad_input(
                    argument,
                    format!("must be between {min} and {max}, got {n}"),
                )
            }),
    }
}

/// Reads a stop search radius in metres.
pub(crate) fn stop_radius(radius_meters: Option<i32>) -> Result<f64, ApiError> {
    bounded(radius_meters, 500, 1, 5_000, "radiusMeters").map(|r| r as f64)
}

/// Plans journeys for `journeys` and `journeyPlan`.
fn plan(
    context: &RequestContext,
    from: &transit::PlaceInput,
    to: &transit::PlaceInput,
    depart_at: Option<DateTime<FixedOffset>>,
    arrive_by: Option<DateTime<FixedOffset>>,
    first: Option<i32>,
) -> Result<transit::JourneyPlan, ApiError> {
    let timetable = crate::travel::loaded(context.timetable.as_deref())?;
    let count = bounded(first, 3, 1, ::transit::MAX_JOURNEYS, "first")?;
    let (time, time_argument) = match (depart_at, arrive_by) {
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_input(
                "arriveBy",
                "give departAt or arriveBy, not both",
            ));
        }
        (Some(at), None) => (::transit::TimeConstraint::DepartAfter(at), "departAt"),
        (None, Some(by)) => (::transit::TimeConstraint::ArriveBy(by), "arriveBy"),
        (None, None) => (
            ::transit::TimeConstraint::DepartAfter(Utc::now().fixed_offset()),
            "departAt",
        ),
    };
    let from = crate::travel::place(&context.catalog, from, "from")?;
    let to = crate::travel::place(&context.catalog, to, "to")?;
    let outcome = crate::travel::journeys(timetable, from, to, time, count, time_argument)?;
    Ok(transit::JourneyPlan {
        journeys: outcome.journeys.into_iter().map(Into::into).collect(),
        no_journey_reason: outcome.no_journey_reason,
    })
}

/// Checks a point given to a place search against the service area.
fn search_point(point: PointInput, argument: &str, area: &ServiceArea) -> Result<Point, ApiError> {
    let point = Point::parse(point.lat, point.lon).map_err(|e| ApiError::bad_input(argument, e))?;
    area.check_point(point)
        .map_err(|e| ApiError::bad_input(argument, e))
}

fn page_info<T, P>(page: &Page<T, P>, cursor: impl Fn(&P) -> String) -> PageInfo {
    PageInfo {
        has_next_page: page.has_next_page,
        has_previous_page: page.has_previous_page,
        start_cursor: page.items.first().map(|(_, p)| cursor(p)),
        end_cursor: page.items.last().map(|(_, p)| cursor(p)),
    }
}

/// Everything the public may read.
#[derive(Debug, Default)]
pub struct CatalogQuery;

/// Everything the public may read: reference data, operators and published offers.
#[Object]
impl CatalogQuery {
    /// Fetches any object by its global id; null when nothing (visible) has that id.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A global id from any object's `id`.")] id: ID,
    ) -> ApiResult<Option<Node>> {
        let catalog = catalog(ctx);
        let (node_type, key) = ids::parse_global_id(&id)?;
        let node = match node_type {
            NodeType::Commune => NisCode::parse(&key)
                .ok()
                .filter(|nis| catalog.commune(nis).is_some())
                .map(|nis| Node::Commune(Commune { nis })),
            NodeType::Pole => PoleCode::parse(&key)
                .ok()
                .and_then(|code| catalog.pole(&code).cloned())
                .map(|p| Node::Pole(Pole(p))),
            NodeType::Trade => TradeCode::parse(&key)
                .ok()
                .and_then(|code| catalog.trade(&code).cloned())
                .map(|t| Node::Trade(Trade(t))),
            NodeType::Operator => catalog
                .operator(OperatorId(ids::numeric_key(&key)?))
                .cloned()
                .map(|o| Node::Operator(Operator(o))),
            NodeType::Site => catalog
                .site(SiteId(ids::numeric_key(&key)?))
                .cloned()
                .map(|s| Node::Site(Site(s))),
            NodeType::Offer => catalog
                .offer(OfferId(ids::numeric_key(&key)?))
                // Drafts and archived offers exist only for those who may
                // read them; to everyone else the id is unknown.
                .filter(|o| {
                    o.is_published()
                        || crate::policy::allow(
                            &request(ctx).viewer,
                            crate::policy::Action::ReadUnpublished(o.operator_id),
                        )
                        .is_ok()
                })
                .cloned()
                .map(|o| Node::Offer(Offer(o))),
            NodeType::TrainingProgramme => catalog
                .programme(ProgrammeId(ids::numeric_key(&key)?))
                .cloned()
                .map(|p| Node::TrainingProgramme(TrainingProgramme(p))),
        };
        Ok(node)
    }

    /// Who changed what and when, newest first (admins only).
    async fn audit_entries(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which entries; all when left out.")] filter: Option<
            audit::AuditFilterInput,
        >,
        #[graphql(desc = "How many entries, at most 100 (20 by default).")] first: Option<i32>,
        #[graphql(desc = "`endCursor` of the previous page.")] after: Option<String>,
    ) -> ApiResult<audit::AuditEntryConnection> {
        audit::audit_entries(ctx, filter, first, after).await
    }

    /// The signed-in account; null for the public.
    async fn me(&self, ctx: &Context<'_>) -> Option<account::AccountInfo> {
        account::me(ctx)
    }

    /// The 23 communes of Wallonie picarde, by NIS code.
    async fn communes(&self, ctx: &Context<'_>) -> Vec<Commune> {
        catalog(ctx)
            .communes()
            .iter()
            .map(|c| Commune { nis: c.nis.clone() })
            .collect()
    }

    /// The five poles of synergies of 2020–2022.
    async fn poles(&self, ctx: &Context<'_>) -> Vec<Pole> {
        catalog(ctx).poles().iter().cloned().map(Pole).collect()
    }

    /// The trades, grouped by pole; only those of one pole when `poleCode` is given.
    async fn trades(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only the trades of this pole (a code from `poles`).")] pole_code: Option<
            String,
        >,
    ) -> ApiResult<Vec<Trade>> {
        let catalog = catalog(ctx);
        let pole = match pole_code {
            Some(raw) => Some(
                PoleCode::parse(&raw)
                    .ok()
                    .filter(|code| catalog.pole(code).is_some())
                    .ok_or_else(|| {
                        ApiError::bad_input(
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
            .cloned()
            .map(Trade)
            .collect())
    }

    /// The publics offers are meant for, with their French labels.
    async fn audiences(&self) -> Vec<AudienceDescription> {
        domain::audience::Audience::ALL
            .iter()
            .map(|&a| AudienceDescription { audience: a.into() })
            .collect()
    }

    /// Operators, alphabetically, a page at a time.
    async fn operators(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which operators; all when absent.")] filter: Option<OperatorFilter>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(
            desc = "Cursor after which the page starts (`pageInfo.endCursor` of the previous page)."
        )]
        after: Option<String>,
    ) -> ApiResult<OperatorConnection> {
        let catalog = catalog(ctx);
        let size = page_size(first)?;
        let after = after
            .as_deref()
            .map(ids::parse_operator_cursor)
            .transpose()?;
        let query = catalog
            .parse_operator_filter(
                filter.unwrap_or_default().into(),
                &request(ctx).service_area,
            )
            .map_err(filter_error)?;
        let page = catalog.search_operators(&query, size, after.as_ref());
        Ok(OperatorConnection {
            page_info: page_info(&page, ids::operator_cursor),
            total_count: page
                .total_count
                .map_or(0, |n| i32::try_from(n).unwrap_or(i32::MAX)),
            edges: page
                .items
                .into_iter()
                .map(|(operator, position)| OperatorEdge {
                    cursor: ids::operator_cursor(&position),
                    node: Operator(operator.clone()),
                })
                .collect(),
        })
    }

    /// Published offers matching the filter, in the requested order, a page at a time.
    async fn offers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which offers; every published offer when absent.")] filter: Option<
            OfferFilter,
        >,
        #[graphql(desc = "Sort order (default START_DATE).")] order_by: Option<OfferOrder>,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(
            desc = "Cursor after which the page starts (`pageInfo.endCursor` of the previous page)."
        )]
        after: Option<String>,
    ) -> ApiResult<OfferConnection> {
        let catalog = catalog(ctx);
        let order = order_by.unwrap_or_default().into();
        let size = page_size(first)?;
        let after = after
            .as_deref()
            .map(|c| ids::parse_offer_cursor(c, order))
            .transpose()?;
        let query = offer_query(request(ctx), filter)?;
        // Counting visits every match; skip it when the client does not ask.
        let count_total = ctx.look_ahead().field("totalCount").exists();
        let page = catalog
            .search_offers(&query, order, size, after.as_ref(), count_total)
            .map_err(filter_error)?;
        Ok(OfferConnection {
            page_info: page_info(&page, |p| ids::offer_cursor(order, p)),
            total_count: page
                .total_count
                .map_or(0, |n| i32::try_from(n).unwrap_or(i32::MAX)),
            edges: page
                .items
                .into_iter()
                .map(|(hit, position)| OfferEdge {
                    cursor: ids::offer_cursor(order, &position),
                    node: Offer(hit.offer.clone()),
                    distance_meters: hit.distance_meters,
                    travel_minutes: hit
                        .travel_minutes
                        .map(|m| i32::try_from(m).unwrap_or(i32::MAX)),
                })
                .collect(),
        })
    }

    /// The sites nearest to a point, nearest first; with a filter, only sites holding a published
    /// offer it matches ("the closest places that teach this trade").
    async fn sites_near(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Where to measure from; it must lie in the service area.")]
        point: PointInput,
        #[graphql(desc = "How many sites, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Only sites with a published offer matching this filter.")] filter: Option<
            OfferFilter,
        >,
    ) -> ApiResult<Vec<SiteDistance>> {
        let context = request(ctx);
        let center = search_point(point, "point", &context.service_area)?;
        let size = page_size(first)?;
        let query = match filter {
            Some(filter) => Some(offer_query(context, Some(filter))?),
            None => None,
        };
        Ok(context
            .catalog
            .sites_near(center, size.get(), query.as_ref())
            .into_iter()
            .map(|(site, distance_meters)| SiteDistance {
                site: Site(site.clone()),
                distance_meters,
            })
            .collect())
    }

    /// The published offers matching the filter as an RFC 7946 FeatureCollection (`[lon, lat]`,
    /// WGS84): one Point feature per offer, with the properties a map popup needs.
    async fn offers_geo_json(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which offers; every published offer when absent.")] filter: Option<
            OfferFilter,
        >,
    ) -> ApiResult<Json<geojson::FeatureCollection>> {
        let context = request(ctx);
        let query = offer_query(context, filter)?;
        let mut hits = context.catalog.matching_offers(&query);
        hits.sort_by_key(|hit| hit.offer.id);
        Ok(Json(crate::layers::offers_collection(
            &context.catalog,
            hits,
        )))
    }

    /// Marker clusters of the published offers matching the filter, inside a map viewport at a zoom
    /// level (Web Mercator, 0 = whole world, 16 and above = street level). Clusters nest across
    /// zoom levels: a cluster at zoom z is the union of markers at zoom z + 1.
    async fn offer_clusters(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which offers; every published offer when absent.")] filter: Option<
            OfferFilter,
        >,
        #[graphql(desc = "The map viewport.")] bbox: BBoxInput,
        #[graphql(desc = "The map's zoom level, 0 to 22.")] zoom: i32,
    ) -> ApiResult<Vec<OfferCluster>> {
        let context = request(ctx);
        let zoom = map_zoom(zoom)?;
        let viewport = domain::location::BoundingBox::parse(
            bbox.min_lon,
            bbox.min_lat,
            bbox.max_lon,
            bbox.max_lat,
        )
        .map_err(|e| ApiError::bad_input("bbox", e))?;
        let query = offer_query(context, filter)?;
        let clusters = context.clusters.get_or_build(&context.catalog, &query);
        Ok(clusters
            .markers(&viewport, zoom)
            .into_iter()
            .map(|marker| match marker {
                OfferMarker::Cluster {
                    id,
                    location,
                    count,
                    expansion_zoom,
                } => OfferCluster {
                    id: Some(id.to_string()),
                    location: location.into(),
                    count: i32::try_from(count).unwrap_or(i32::MAX),
                    expansion_zoom: Some(i32::from(expansion_zoom)),
                    offer: None,
                },
                OfferMarker::Offer { id, location } => OfferCluster {
                    id: None,
                    location: location.into(),
                    count: 1,
                    expansion_zoom: None,
                    offer: context.catalog.published_offer(id).cloned().map(Offer),
                },
            })
            .collect())
    }

    /// Finds places by what a person typed — a postcode ("7500"), a commune or locality name with
    /// or without accents ("Peruwelz", "Froyennes") — offline, from the communes and postal localities.
    async fn geocode(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What was typed; at most 200 characters.")] query: String,
        #[graphql(desc = "How many candidates, 0 to 100 (default 20).")] first: Option<i32>,
    ) -> ApiResult<Vec<GeocodeCandidate>> {
        let max = domain::text::MAX_QUERY_CHARS;
        if query.chars().count() > max {
            return Err(
                ApiError::bad_input("query", format!("must be at most {max} characters")).into(),
            );
        }
        let size = page_size(first)?;
        Ok(catalog(ctx)
            .geocode(&query, size.get())
            .into_iter()
            .map(|c| GeocodeCandidate {
                label: c.label,
                kind: c.kind.into(),
                name: c.name,
                location: c.location.into(),
                commune: Commune { nis: c.commune_nis },
                postcode: c.postcode.map(|p| p.to_string()),
                score: c.score,
            })
            .collect())
    }

    /// Public transport stops near a point, nearest first (a station stands for its platforms).
    async fn stops_near(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Where to look around.")] point: PointInput,
        #[graphql(desc = "How far, in metres, 1 to 5,000 (default 500).")] radius_meters: Option<
            i32,
        >,
        #[graphql(desc = "How many stops, 0 to 100 (default 20).")] first: Option<i32>,
    ) -> ApiResult<Vec<transit::StopDistance>> {
        let context = request(ctx);
        let timetable = crate::travel::loaded(context.timetable.as_deref())?;
        let point = crate::travel::coordinate(point.lat, point.lon, "point")?;
        let radius = stop_radius(radius_meters)?;
        let size = page_size(first)?;
        Ok(timetable
            .stops_near(point, radius, size.get())
            .into_iter()
            .map(|(stop, distance_meters)| transit::StopDistance {
                stop: stop.into(),
                distance_meters,
            })
            .collect())
    }

    /// Journeys by public transport and on foot, earliest arrival first, with the ones with fewer
    /// changes. Give `departAt` or `arriveBy` (default: leaving now). No journey is an empty list;
    /// `journeyPlan` says why.
    async fn journeys(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Where one leaves from.")] from: transit::PlaceInput,
        #[graphql(desc = "Where one goes.")] to: transit::PlaceInput,
        #[graphql(desc = "Leave at this time or later, with its UTC offset.")] depart_at: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "Arrive at this time or earlier, with its UTC offset.")] arrive_by: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "How many journeys, 1 to 10 (default 3).")] first: Option<i32>,
    ) -> ApiResult<Vec<transit::Journey>> {
        Ok(plan(request(ctx), &from, &to, depart_at, arrive_by, first)?.journeys)
    }

    /// Like `journeys`, with the reason when there is none.
    async fn journey_plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Where one leaves from.")] from: transit::PlaceInput,
        #[graphql(desc = "Where one goes.")] to: transit::PlaceInput,
        #[graphql(desc = "Leave at this time or later, with its UTC offset.")] depart_at: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "Arrive at this time or earlier, with its UTC offset.")] arrive_by: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "How many journeys, 1 to 10 (default 3).")] first: Option<i32>,
    ) -> ApiResult<transit::JourneyPlan> {
        Ok(plan(request(ctx), &from, &to, depart_at, arrive_by, first)?)
    }

    /// The next departures at a stop or station.
    async fn departures(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A stop, platform or station id from `stopsNear`.")] stop_id: String,
        #[graphql(desc = "From this time, with its UTC offset (default: now).")] at: Option<
            DateTime<FixedOffset>,
        >,
        #[graphql(desc = "How many departures, 1 to 100 (default 10).")] first: Option<i32>,
    ) -> ApiResult<Vec<transit::Departure>> {
        let timetable = crate::travel::loaded(request(ctx).timetable.as_deref())?;
        let count = bounded(first, 10, 1, 100, "first")?;
        let at = at.unwrap_or_else(|| Utc::now().fixed_offset());
        let departures = timetable
            .departures(&stop_id, at, count)
            .map_err(|e| crate::travel::query_error(e, "stopId", "stopId", "at"))?;
        Ok(departures
            .into_iter()
            .map(|d| transit::Departure {
                time: d.time,
                stop: d.stop.into(),
                mode: d.mode.into(),
                route_short_name: d.route_short_name,
                route_long_name: d.route_long_name,
                headsign: d.headsign,
                trip_id: d.trip_id,
            })
            .collect())
    }
}
