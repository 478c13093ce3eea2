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

/// One Point feature for an equipment item, at its site.
pub fn equipment_feature(
    catalog: &Catalog,
    hit: &domain::catalog::EquipmentHit<'_>,
) -> Option<Feature> {
    let item = hit.item;
    let site = catalog.site(item.site_id)?;
    let operator = catalog.operator(item.operator_id)?;
    let category = catalog.equipment_vocabulary().get(&item.category);
    let id = global_id(NodeType::EquipmentItem, item.id.0);
    let terms = item.sharing.terms();
    let mut properties = json!({
        "id": id,
        "name": item.name,
        "category": item.category.as_str(),
        "categoryLabel": category.map(|c| c.label.as_str()),
        "brand": item.brand,
        "model": item.model,
        "quantity": item.quantity,
        "condition": item.condition.code(),
        "tradeCodes": item.trade_codes.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        "refrigerant": item.refrigerant.as_ref().map(|r| r.as_str()),
        "shareable": item.is_available_for_sharing(),
        "supervisionRequired": terms.map(|t| t.supervision_required),
        "maxGroupSize": terms.and_then(|t| t.max_group_size),
        "costPerHalfDayCents": terms.map(|t| t.cost_per_half_day_cents),
        "noticeDays": terms.map(|t| t.notice_days),
        "operator": operator.name,
        "operatorId": global_id(NodeType::Operator, operator.id.0),
        "site": site.name,
        "siteId": global_id(NodeType::Site, site.id.0),
        "address": address_line(site),
        "communeNis": site.commune_nis.as_str(),
        "isDemo": item.is_demo,
    });
    if let Value::Object(map) = &mut properties {
        if let Some(distance) = hit.distance_meters {
            map.insert("distanceMeters".to_owned(), json!(distance));
        }
        if let Some(minutes) = hit.travel_minutes {
            map.insert("travelMinutes".to_owned(), json!(minutes));
        }
    }
    Some(feature(id, point(site.location), properties))
}

/// The equipment items as a FeatureCollection.
pub fn equipment_collection(
    catalog: &Catalog,
    hits: &[domain::catalog::EquipmentHit<'_>],
) -> FeatureCollection {
    FeatureCollection::new(
        hits.iter()
            .filter_map(|hit| equipment_feature(catalog, hit)),
    )
}

/// The equipment items inside a viewport at a zoom, items close together
/// as clusters (supercluster's property names, like the offers' layer).
/// Inventories are small next to offers, so the index is built per request.
pub fn equipment_markers(
    snapshot: &crate::Snapshot,
    hits: &[domain::catalog::EquipmentHit<'_>],
    viewport: Option<crate::search::Viewport>,
    zoom: i32,
) -> crate::AppResult<FeatureCollection> {
    use domain::cluster::{ClusterIndex, ClusterItem, ClusterOptions};
    let catalog = &snapshot.catalog;
    let zoom = crate::search::map_zoom(zoom)?;
    let viewport = match viewport {
        Some(b) => domain::location::BoundingBox::parse(b.min_lon, b.min_lat, b.max_lon, b.max_lat)
            .map_err(|e| crate::AppError::bad_input("bbox", e))?,
        None => snapshot.service_area.bounds,
    };
    let located: Vec<(&domain::catalog::EquipmentHit<'_>, domain::location::Point)> = hits
        .iter()
        .filter_map(|hit| catalog.site(hit.item.site_id).map(|s| (hit, s.location)))
        .collect();
    let points: Vec<domain::location::Point> = located.iter().map(|(_, p)| *p).collect();
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let items = index.clusters(&viewport, zoom);
    if items.len() > crate::search::MAX_MARKERS {
        return Err(crate::AppError::bad_input(
            "bbox",
            format!(
                "the viewport holds {} markers at zoom {zoom}, more than the {} a map can show: zoom out or narrow the box",
                items.len(),
                crate::search::MAX_MARKERS
            ),
        ));
    }
    Ok(FeatureCollection::new(items.into_iter().filter_map(
        |item| {
            match item {
                ClusterItem::Cluster {
                    id,
                    location,
                    count,
                    expansion_zoom,
                } => Some(cluster_feature(id, location, count, expansion_zoom)),
                ClusterItem::Single { index, .. } => located
                    .get(index)
                    .and_then(|(hit, _)| equipment_feature(catalog, hit)),
            }
        },
    )))
}
