//! Spatial search, checked against independent brute-force computations:
//! our own Haversine over every site, our own point-in-polygon over every
//! commune.

use std::collections::BTreeSet;

use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::helpers::ids;

/// The mean Earth radius the service documents (metres).
const EARTH_RADIUS: f64 = 6_371_008.8;

fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS * h.sqrt().asin()
}

/// Every published offer with its site's location and commune.
async fn offers_with_locations(app: &TestApp) -> Vec<Value> {
    let mut offers = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = app
            .data(
                "query($after: String) { offers(first: 100, after: $after) {
                   pageInfo { hasNextPage endCursor }
                   edges { node { id kind site { id location { lat lon } commune { nis } } } } } }",
                json!({ "after": after }),
            )
            .await;
        offers.extend(
            data["offers"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["node"].clone()),
        );
        if !data["offers"]["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            return offers;
        }
        after = data["offers"]["pageInfo"]["endCursor"].clone();
    }
}

fn location(offer: &Value) -> (f64, f64) {
    let l = &offer["site"]["location"];
    (l["lat"].as_f64().unwrap(), l["lon"].as_f64().unwrap())
}

async fn near_search(app: &TestApp, filter: Value, page_size: i64) -> Vec<(String, f64)> {
    let mut found = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = app
            .data(
                "query($filter: OfferFilter, $after: String, $first: Int) {
                   offers(filter: $filter, orderBy: DISTANCE, first: $first, after: $after) {
                     pageInfo { hasNextPage endCursor } edges { distanceMeters node { id } } } }",
                json!({ "filter": filter, "after": after, "first": page_size }),
            )
            .await;
        for edge in data["offers"]["edges"].as_array().unwrap() {
            found.push((
                edge["node"]["id"].as_str().unwrap().to_owned(),
                edge["distanceMeters"].as_f64().unwrap(),
            ));
        }
        if !data["offers"]["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            return found;
        }
        after = data["offers"]["pageInfo"]["endCursor"].clone();
    }
}

on_both_databases!(
    radius_search_finds_exactly_the_offers_within_the_great_circle_distance,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let everything = offers_with_locations(&app).await;
        let centres = [
            (50.6071, 3.3893, 3.0),
            (50.7426, 3.2140, 7.5),
            (50.6300, 3.7800, 12.0),
            (50.5000, 3.6000, 25.0),
        ];
        for (lat, lon, radius_km) in centres {
            let filter =
                json!({ "near": { "point": { "lat": lat, "lon": lon }, "radiusKm": radius_km } });
            let found = near_search(&app, filter.clone(), 13).await;
            let expected: BTreeSet<String> = everything
                .iter()
                .filter(|o| haversine((lat, lon), location(o)) <= radius_km * 1000.0)
                .map(|o| o["id"].as_str().unwrap().to_owned())
                .collect();
            let found_ids: BTreeSet<String> = found.iter().map(|(id, _)| id.clone()).collect();
            assert_eq!(
                found_ids, expected,
                "near {lat},{lon} within {radius_km} km"
            );
            assert_eq!(
                found_ids.len(),
                found.len(),
                "an offer appeared twice across pages"
            );
            assert!(
                found.windows(2).all(|w| w[0].1 <= w[1].1),
                "DISTANCE order is nearest first"
            );
            for (id, distance) in &found {
                let offer = everything.iter().find(|o| o["id"] == *id.as_str()).unwrap();
                assert!(
                    (haversine((lat, lon), location(offer)) - distance).abs() < 0.01,
                    "distance of {id}"
                );
            }
            // Same answer in one page: pagination by distance is stable.
            let in_one_page = near_search(&app, filter, 100).await;
            assert_eq!(in_one_page, found);
        }
    }
);

on_both_databases!(
    spatial_filters_combine_with_each_other_and_the_rest,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let everything = offers_with_locations(&app).await;
        let (lat, lon, radius_km) = (50.62, 3.45, 20.0);
        let bbox = (3.30, 50.55, 3.50, 50.70);
        let filter = json!({
            "kinds": ["TRAINING", "DISCOVERY"],
            "near": { "point": { "lat": lat, "lon": lon }, "radiusKm": radius_km },
            "bbox": { "minLon": bbox.0, "minLat": bbox.1, "maxLon": bbox.2, "maxLat": bbox.3 },
            "communeNis": ["57081"],
        });
        let found: BTreeSet<String> = near_search(&app, filter, 100)
            .await
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let expected: BTreeSet<String> = everything
            .iter()
            .filter(|o| {
                let (olat, olon) = location(o);
                ["TRAINING", "DISCOVERY"].contains(&o["kind"].as_str().unwrap())
                    && haversine((lat, lon), (olat, olon)) <= radius_km * 1000.0
                    && (bbox.0..=bbox.2).contains(&olon)
                    && (bbox.1..=bbox.3).contains(&olat)
                    && o["site"]["commune"]["nis"] == "57081"
            })
            .map(|o| o["id"].as_str().unwrap().to_owned())
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(found, expected);
    }
);

/// Ray casting over every ring: inside the outer ring and in no hole.
fn polygon_contains(polygon: &Value, (lat, lon): (f64, f64)) -> bool {
    let rings = polygon.as_array().unwrap();
    let in_ring = |ring: &Value| {
        let points: Vec<(f64, f64)> = ring
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
            .collect();
        let mut inside = false;
        for i in 0..points.len() {
            let (x1, y1) = points[i];
            let (x2, y2) = points[(i + 1) % points.len()];
            if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1) {
                inside = !inside;
            }
        }
        inside
    };
    in_ring(&rings[0]) && !rings[1..].iter().any(in_ring)
}

on_both_databases!(
    a_sites_commune_is_the_one_whose_boundary_contains_it,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let communes: Value = app.get("/geo/communes.geojson").await.json().await.unwrap();
        let everything = offers_with_locations(&app).await;
        for offer in &everything {
            let containing: Vec<&str> = communes["features"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| {
                    c["geometry"]["coordinates"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|p| polygon_contains(p, location(offer)))
                })
                .map(|c| c["properties"]["nis"].as_str().unwrap())
                .collect();
            assert_eq!(
                containing,
                vec![offer["site"]["commune"]["nis"].as_str().unwrap()],
                "offer {}",
                offer["id"]
            );
        }
        // And the commune filter agrees with the polygons.
        let in_ath =
            crate::helpers::all_offers(&app, json!({ "communeNis": ["51004"] }), "START_DATE", 100)
                .await;
        let expected: BTreeSet<String> = everything
            .iter()
            .filter(|o| o["site"]["commune"]["nis"] == "51004")
            .map(|o| o["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(ids(&in_ath), expected);
    }
);

on_both_databases!(
    sites_near_lists_the_nearest_places_teaching_a_trade,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let (lat, lon) = (50.6060, 3.3880);
        let data = app
        .data(
            "query($lat: Float!, $lon: Float!) {
               all: sitesNear(point: {lat: $lat, lon: $lon}, first: 8) { distanceMeters site { id location { lat lon } } }
               menuiserie: sitesNear(point: {lat: $lat, lon: $lon}, first: 5, filter: {tradeCodes: [\"menuiserie\"]}) {
                 distanceMeters site { id offers { trades { code } } } } }",
            json!({ "lat": lat, "lon": lon }),
        )
        .await;
        let sites: Value = app.get("/geo/sites.geojson").await.json().await.unwrap();
        let mut brute: Vec<f64> = sites["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let c = &f["geometry"]["coordinates"];
                haversine((lat, lon), (c[1].as_f64().unwrap(), c[0].as_f64().unwrap()))
            })
            .collect();
        brute.sort_by(f64::total_cmp);
        let nearest: Vec<f64> = data["all"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["distanceMeters"].as_f64().unwrap())
            .collect();
        assert_eq!(nearest.len(), 8);
        for (found, expected) in nearest.iter().zip(&brute) {
            assert!((found - expected).abs() < 0.01, "{found} vs {expected}");
        }
        let menuiserie = data["menuiserie"].as_array().unwrap();
        assert_eq!(menuiserie.len(), 5);
        for entry in menuiserie {
            let teaches = entry["site"]["offers"].as_array().unwrap().iter().any(|o| {
                o["trades"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t["code"] == "menuiserie")
            });
            assert!(teaches, "{entry}");
        }
    }
);

on_both_databases!(
    impossible_places_and_radii_are_refused_naming_the_field,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let query = "query($filter: OfferFilter, $order: OfferOrder) { offers(filter: $filter, orderBy: $order) { totalCount } }";
        let cases = [
            (
                json!({ "near": { "point": { "lat": 3.39, "lon": 50.61 }, "radiusKm": 5 } }),
                "filter.near.point",
                "swapped",
            ),
            (
                json!({ "near": { "point": { "lat": 95.0, "lon": 3.4 }, "radiusKm": 5 } }),
                "filter.near.point",
                "latitude",
            ),
            (
                json!({ "near": { "point": { "lat": 48.85, "lon": 2.35 }, "radiusKm": 5 } }),
                "filter.near.point",
                "outside the service area",
            ),
            (
                json!({ "near": { "point": { "lat": 50.61, "lon": 3.39 }, "radiusKm": 500 } }),
                "filter.near.radiusKm",
                "at most 100",
            ),
            (
                json!({ "near": { "point": { "lat": 50.61, "lon": 3.39 }, "radiusKm": 0 } }),
                "filter.near.radiusKm",
                "greater than 0",
            ),
            (
                json!({ "bbox": { "minLon": 3.5, "minLat": 50.5, "maxLon": 3.3, "maxLat": 50.7 } }),
                "filter.bbox",
                "minLon",
            ),
        ];
        for (filter, argument, message) in cases {
            let error = app.error(query, json!({ "filter": filter })).await;
            assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
            assert_eq!(error["extensions"]["argument"], argument, "{error}");
            assert!(
                error["message"].as_str().unwrap().contains(message),
                "{error}"
            );
        }
        let error = app.error(query, json!({ "order": "DISTANCE" })).await;
        assert_eq!(error["extensions"]["argument"], "orderBy");
        let error = app
            .error(
                "{ sitesNear(point: {lat: 3.39, lon: 50.61}) { distanceMeters } }",
                json!({}),
            )
            .await;
        assert_eq!(error["extensions"]["argument"], "point");
    }
);
