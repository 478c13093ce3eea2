//! What map widgets ask: sites near a point, offers as GeoJSON, marker
//! clusters per zoom level, and geocoding of what people type.

use async_graphql::{Context, Enum, Json, Object, SimpleObject};
use domain::catalog::OfferMarker;

use super::inputs::{BBoxInput, OfferFilter, PointInput};
use super::objects::{Commune, GeoPoint, Offer, Site};
use super::operators::SiteDistance;
use crate::context::{catalog, request, snapshot};
use crate::cost;
use crate::error::{ApiResult, Located};

/// A marker to draw at one zoom: a cluster of offers, or a single offer.
#[derive(SimpleObject, Debug)]
pub struct OfferCluster {
    /// Identifies the cluster (stable for the same filter and data); null for a single offer.
    pub id: Option<String>,
    /// Where to draw it: the offers' weighted centre, or the offer's site.
    pub location: GeoPoint,
    /// How many offers it stands for (1 for a single offer).
    pub count: i32,
    /// The zoom at which the cluster breaks apart; zoom there when it is clicked. Null for a single offer.
    pub expansion_zoom: Option<i32>,
    /// The offer, when the marker is a single offer.
    pub offer: Option<Offer>,
}

/// What a geocoding candidate is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::geocode::PlaceKind")]
pub enum PlaceKind {
    /// A whole commune, located at a point inside it.
    Commune,
    /// A postal locality (a section of a commune).
    Locality,
}

/// A place matching a geocoding query.
#[derive(SimpleObject, Debug)]
pub struct GeocodeCandidate {
    /// What to show: "Froyennes (7503 Tournai)", "Péruwelz (commune)".
    pub label: String,
    /// Commune or postal locality.
    pub kind: PlaceKind,
    /// The place's name.
    pub name: String,
    /// Where it is (WGS84); use it as `near.point` or a journey's origin.
    pub location: GeoPoint,
    /// The commune it lies in.
    pub commune: Commune,
    /// The postcode, for a locality.
    pub postcode: Option<String>,
    /// How well it matches, from 0 to 1; candidates come best first.
    pub score: f64,
}

/// What map widgets ask.
#[derive(Debug, Default)]
pub struct MapQuery;

/// What map widgets ask.
#[Object]
impl MapQuery {
    /// The sites nearest to a point, nearest first; with a filter, only sites holding a published
    /// offer it matches ("the closest places that teach this trade").
    #[graphql(complexity = "cost::page(first, 20, 100, child_complexity)")]
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
        let sites = app::search::sites_near(
            snapshot(ctx),
            point.into(),
            first,
            filter.map(OfferFilter::split).transpose()?,
        )
        .located()?;
        Ok(sites
            .into_iter()
            .map(|(site, distance_meters)| SiteDistance {
                site: Site(site.clone()),
                distance_meters,
            })
            .collect())
    }

    /// The published offers matching the filter as an RFC 7946 FeatureCollection (`[lon, lat]`,
    /// WGS84): one Point feature per offer, with the properties a map popup needs.
    #[graphql(complexity = "cost::GEOJSON_LAYER")]
    async fn offers_geo_json(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which offers; every published offer when absent.")] filter: Option<
            OfferFilter,
        >,
    ) -> ApiResult<Json<geojson::FeatureCollection>> {
        let snapshot = snapshot(ctx);
        let (filter, reachable) = filter.unwrap_or_default().split()?;
        let hits = app::search::all_offers(snapshot, filter, reachable.as_ref()).located()?;
        Ok(Json(app::layers::offers_collection(
            &snapshot.catalog,
            hits,
        )))
    }

    /// Marker clusters of the published offers matching the filter, inside a map viewport at a zoom
    /// level (Web Mercator, 0 = whole world, 16 and above = street level). Clusters nest across
    /// zoom levels: a cluster at zoom z is the union of markers at zoom z + 1.
    #[graphql(complexity = "cost::list(cost::MARKERS, child_complexity)")]
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
        let (filter, reachable) = filter.unwrap_or_default().split()?;
        let markers = app::search::offer_clusters(
            &context.app,
            &context.snapshot,
            filter,
            reachable.as_ref(),
            Some(bbox.into()),
            zoom,
        )
        .located()?;
        let catalog = catalog(ctx);
        Ok(markers
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
                    offer: catalog.published_offer(id).cloned().map(Offer),
                },
            })
            .collect())
    }

    /// Finds places by what a person typed — a postcode ("7500"), a commune or locality name with
    /// or without accents ("Peruwelz", "Froyennes") — offline, from the communes and postal localities.
    #[graphql(complexity = "cost::page(first, 20, 100, child_complexity)")]
    async fn geocode(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What was typed; at most 200 characters.")] query: String,
        #[graphql(desc = "How many candidates, 0 to 100 (default 20).")] first: Option<i32>,
    ) -> ApiResult<Vec<GeocodeCandidate>> {
        let candidates = app::search::geocode(snapshot(ctx), &query, first).located()?;
        Ok(candidates
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
}
