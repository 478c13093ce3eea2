//! Radius and commune searches over 100,000 synthetic sites on the real
//! commune boundaries, compared with brute force written here: our own
//! Haversine over every site, our own ray casting over every boundary.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use domain::catalog::{Catalog, NearInput, OfferFilterInput};
use domain::location::ServiceArea;
use domain::synthetic::{catalog_with_sites, communes_from_seed_file};

const SITES: usize = 100_000;

fn communes_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/communes.geojson")
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG
        .get_or_init(|| catalog_with_sites(communes_from_seed_file(&communes_file()), SITES, 2026))
}

fn area(catalog: &Catalog) -> ServiceArea {
    catalog.default_service_area().expect("a service area")
}

/// Every offer with its site's (lat, lon), read through the public API.
fn all_offers(catalog: &Catalog) -> Vec<(i64, f64, f64)> {
    let query = catalog
        .parse_offer_filter(OfferFilterInput::default(), &area(catalog))
        .expect("no filter");
    catalog
        .matching_offers(&query)
        .into_iter()
        .map(|hit| {
            let site = catalog.site(hit.offer.site_id).expect("its site");
            (hit.offer.id.0, site.location.lat(), site.location.lon())
        })
        .collect()
}

fn haversine_meters(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const R: f64 = 6_371_008.8;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().asin()
}

#[test]
fn radius_search_over_100k_sites_equals_brute_force_haversine() {
    let catalog = catalog();
    let everything = all_offers(catalog);
    assert_eq!(everything.len(), SITES);
    let locations: std::collections::HashMap<i64, (f64, f64)> = everything
        .iter()
        .map(|(id, lat, lon)| (*id, (*lat, *lon)))
        .collect();
    for (lat, lon, radius_km) in [
        (50.6071, 3.3893, 10.0),
        (50.7426, 3.2140, 2.5),
        (50.63, 3.78, 0.8),
        (50.55, 3.55, 40.0),
    ] {
        let filter = OfferFilterInput {
            near: Some(NearInput {
                lat,
                lon,
                radius_km,
            }),
            ..OfferFilterInput::default()
        };
        let query = catalog
            .parse_offer_filter(filter, &area(catalog))
            .expect("valid");
        let hits = catalog.matching_offers(&query);
        let found: BTreeSet<i64> = hits.iter().map(|h| h.offer.id.0).collect();
        let expected: BTreeSet<i64> = everything
            .iter()
            .filter(|(_, olat, olon)| {
                haversine_meters(lat, lon, *olat, *olon) <= radius_km * 1000.0
            })
            .map(|(id, _, _)| *id)
            .collect();
        assert_eq!(found.len(), hits.len());
        assert_eq!(found, expected, "within {radius_km} km of {lat},{lon}");
        for hit in &hits {
            let (olat, olon) = locations[&hit.offer.id.0];
            let distance = hit.distance_meters.expect("a distance with near");
            assert!((distance - haversine_meters(lat, lon, olat, olon)).abs() < 1e-3);
        }
    }
}

/// A MultiPolygon's rings as plain (lon, lat) lists.
type Rings = Vec<Vec<Vec<(f64, f64)>>>;

fn rings(multipolygon: &serde_json::Value) -> Rings {
    let list = |v: &serde_json::Value| v.as_array().cloned().unwrap_or_default();
    list(multipolygon)
        .iter()
        .map(|polygon| {
            list(polygon)
                .iter()
                .map(|ring| {
                    list(ring)
                        .iter()
                        .map(|p| {
                            (
                                p[0].as_f64().unwrap_or_default(),
                                p[1].as_f64().unwrap_or_default(),
                            )
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// Ray casting: inside a polygon's outer ring and in none of its holes.
fn inside(polygons: &Rings, lat: f64, lon: f64) -> bool {
    let in_ring = |points: &Vec<(f64, f64)>| {
        let mut crossings = false;
        for i in 0..points.len() {
            let ((x1, y1), (x2, y2)) = (points[i], points[(i + 1) % points.len()]);
            if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1) {
                crossings = !crossings;
            }
        }
        crossings
    };
    polygons
        .iter()
        .any(|rings| !rings.is_empty() && in_ring(&rings[0]) && !rings[1..].iter().any(in_ring))
}

#[test]
fn commune_search_over_100k_sites_equals_brute_force_point_in_polygon() {
    let catalog = catalog();
    let everything = all_offers(catalog);
    let raw: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(communes_file()).expect("read"))
            .expect("parse");
    for nis in ["57081", "51065", "55010"] {
        let boundary = raw["features"]
            .as_array()
            .and_then(|features| features.iter().find(|f| f["properties"]["nis"] == nis))
            .map(|f| rings(&f["geometry"]["coordinates"]))
            .expect("the commune");
        let filter = OfferFilterInput {
            commune_nis: vec![nis.to_owned()],
            ..OfferFilterInput::default()
        };
        let query = catalog
            .parse_offer_filter(filter, &area(catalog))
            .expect("valid");
        let found: BTreeSet<i64> = catalog
            .matching_offers(&query)
            .iter()
            .map(|h| h.offer.id.0)
            .collect();
        let expected: BTreeSet<i64> = everything
            .iter()
            .filter(|(_, lat, lon)| inside(&boundary, *lat, *lon))
            .map(|(id, _, _)| *id)
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(found, expected, "commune {nis}");
    }
}

#[test]
fn pages_by_distance_without_counting_equal_the_counted_order() {
    let catalog = catalog();
    let filter = OfferFilterInput {
        near: Some(NearInput {
            lat: 50.70,
            lon: 3.55,
            radius_km: 6.0,
        }),
        trade_codes: vec!["menuiserie".to_owned()],
        ..OfferFilterInput::default()
    };
    let query = catalog
        .parse_offer_filter(filter, &area(catalog))
        .expect("valid");
    let size = domain::page::PageSize::parse(Some(20)).expect("20");
    let everything = catalog
        .search_offers(
            &query,
            domain::catalog::OfferOrder::Distance,
            domain::page::PageSize::parse(Some(100)).expect("100"),
            None,
            true,
        )
        .expect("near is set");
    let mut streamed = Vec::new();
    let mut after = None;
    for _ in 0..5 {
        let page = catalog
            .search_offers(
                &query,
                domain::catalog::OfferOrder::Distance,
                size,
                after.as_ref(),
                false,
            )
            .expect("near is set");
        assert_eq!(page.total_count, None);
        streamed.extend(
            page.items
                .iter()
                .map(|(hit, position)| (hit.offer.id, *position)),
        );
        after = page.items.last().map(|(_, position)| *position);
        if !page.has_next_page {
            break;
        }
    }
    let counted: Vec<_> = everything
        .items
        .iter()
        .map(|(hit, position)| (hit.offer.id, *position))
        .collect();
    assert_eq!(streamed, counted[..streamed.len()].to_vec());
    assert_eq!(streamed.len(), counted.len().min(100));
}
