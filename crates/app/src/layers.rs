//! GeoJSON layers for map widgets (RFC 7946: WGS84, `[lon, lat]`, no `crs`
//! member): one Point feature per offer or site, one MultiPolygon per
//! commune, with the properties a popup needs. Shared by the GraphQL field
//! `offersGeoJson` and the REST endpoints under `/geo`, so both doors
//! answer with the same features.

use domain::catalog::{Catalog, OfferHit};
use domain::offer::Offer;
use domain::operator::Site;
use domain::territory::{Commune, boundary_geojson};
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, feature};
use serde_json::{Value, json};

use crate::ids::{NodeType, global_id};

fn point(location: domain::location::Point) -> Geometry {
    // RFC 7946 §3.1.1: longitude first.
    Geometry::new(GeometryValue::new_point([location.lon(), location.lat()]))
}

fn feature(id: String, geometry: Geometry, properties: Value) -> Feature {
    let properties: Option<JsonObject> = match properties {
        Value::Object(map) => Some(map),
        _ => None,
    };
    Feature {
        bbox: None,
        geometry: Some(geometry),
        id: Some(feature::Id::String(id)),
        properties,
        foreign_members: None,
    }
}

fn address_line(site: &Site) -> String {
    let address = &site.address;
    format!(
        "{}, {} {}",
        address.street, address.postcode, address.locality
    )
}

/// One Point feature for an offer, at its site.
pub fn offer_feature(catalog: &Catalog, hit: OfferHit<'_>) -> Option<Feature> {
    let offer: &Offer = hit.offer;
    let site = catalog.site(offer.site_id)?;
    let operator = catalog.operator(offer.operator_id)?;
    let commune = catalog.commune(&site.commune_nis);
    let trades: Vec<&str> = offer
        .trade_codes
        .iter()
        .filter_map(|code| catalog.trade(code))
        .map(|t| t.name.as_str())
        .collect();
    let id = global_id(NodeType::Offer, offer.id.0);
    let mut properties = json!({
        "id": id,
        "title": offer.title,
        "kind": offer.kind().code(),
        "recruitmentState": offer.recruitment_state.code(),
        "tradeCodes": offer.trade_codes.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        "trades": trades,
        "operator": operator.name,
        "operatorId": global_id(NodeType::Operator, operator.id.0),
        "site": site.name,
        "address": address_line(site),
        "commune": commune.map(|c| c.name_fr.as_str()),
        "communeNis": site.commune_nis.as_str(),
        "startDate": offer.start_date.map(|d| d.to_string()),
        "endDate": offer.end_date.map(|d| d.to_string()),
        "places": offer.places,
        "isDemo": offer.is_demo,
    });
    if let (Some(distance), Value::Object(map)) = (hit.distance_meters, &mut properties) {
        map.insert("distanceMeters".to_owned(), json!(distance));
    }
    Some(feature(id, point(site.location), properties))
}

/// The offers as a FeatureCollection.
pub fn offers_collection<'a>(
    catalog: &Catalog,
    hits: impl IntoIterator<Item = OfferHit<'a>>,
) -> FeatureCollection {
    FeatureCollection::new(
        hits.into_iter()
            .filter_map(|hit| offer_feature(catalog, hit)),
    )
}

/// One Point feature per site, with its operator and how many published offers it holds.
pub fn sites_collection<'a>(
    catalog: &Catalog,
    sites: impl IntoIterator<Item = &'a Site>,
) -> FeatureCollection {
    FeatureCollection::new(sites.into_iter().filter_map(|site| {
        let operator = catalog.operator(site.operator_id)?;
        let id = global_id(NodeType::Site, site.id.0);
        let properties = json!({
            "id": id,
            "name": site.name,
            "operator": operator.name,
            "operatorId": global_id(NodeType::Operator, operator.id.0),
            "operatorKind": operator.kind.code(),
            "address": address_line(site),
            "communeNis": site.commune_nis.as_str(),
            "offerCount": catalog.published_offers_at_site(site.id).len(),
            "isDemo": operator.is_demo,
        });
        Some(feature(id, point(site.location), properties))
    }))
}

/// One MultiPolygon feature per commune, with its names and postcodes.
pub fn communes_collection(communes: &[Commune]) -> FeatureCollection {
    FeatureCollection::new(communes.iter().map(|commune| {
        let id = global_id(NodeType::Commune, &commune.nis);
        let properties = json!({
            "id": id,
            "nis": commune.nis.as_str(),
            "name": commune.name_fr,
            "nameNl": commune.name_nl,
            "postcodes": commune.postcodes().iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        });
        feature(id, boundary_geojson(&commune.boundary), properties)
    }))
}

/// One Point feature for a cluster of offers, with supercluster's property
/// names so widgets written for it work unchanged.
pub fn cluster_feature(
    id: u64,
    location: domain::location::Point,
    count: usize,
    expansion_zoom: u8,
) -> Feature {
    let properties = json!({
        "cluster": true,
        "cluster_id": id,
        "point_count": count,
        "expansion_zoom": expansion_zoom,
    });
    feature(format!("cluster-{id}"), point(location), properties)
}

/// The features of a page of markers: clusters, and the offers standing alone.
pub fn markers_collection(
    catalog: &Catalog,
    markers: Vec<domain::catalog::OfferMarker>,
) -> FeatureCollection {
    use domain::catalog::OfferMarker;
    FeatureCollection::new(markers.into_iter().filter_map(|marker| match marker {
        OfferMarker::Cluster {
            id,
            location,
            count,
            expansion_zoom,
        } => Some(cluster_feature(id, location, count, expansion_zoom)),
        OfferMarker::Offer { id, .. } => catalog.published_offer(id).and_then(|offer| {
            offer_feature(
                catalog,
                OfferHit {
                    offer,
                    distance_meters: None,
                    travel_minutes: None,
                },
            )
        }),
    }))
}
