//! Marker clusters and geocoding, as map widgets use them.

use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

const WHOLE_AREA: &str = "{minLon: 2.5, minLat: 50.3, maxLon: 4.5, maxLat: 51.0}";

on_both_databases!(
    clusters_account_for_every_offer_at_every_zoom,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let filter = json!({ "poleCodes": ["installation-maintenance"] });
        let total = app
            .data(
                "query($filter: OfferFilter) { offers(filter: $filter, first: 0) { totalCount } }",
                json!({ "filter": filter }),
            )
            .await["offers"]["totalCount"]
            .as_u64()
            .unwrap();
        let mut previous_markers = 0;
        for zoom in 0..=18 {
            let data = app
                .data(
                    &format!(
                        "query($filter: OfferFilter, $zoom: Int!) {{
                       offerClusters(filter: $filter, bbox: {WHOLE_AREA}, zoom: $zoom) {{
                         id count expansionZoom location {{ lat lon }} offer {{ id }} }} }}"
                    ),
                    json!({ "filter": filter, "zoom": zoom }),
                )
                .await;
            let markers = data["offerClusters"].as_array().unwrap();
            let counted: u64 = markers.iter().map(|m| m["count"].as_u64().unwrap()).sum();
            assert_eq!(
                counted, total,
                "zoom {zoom}: every offer is in exactly one marker"
            );
            assert!(
                markers.len() >= previous_markers,
                "zooming in never merges markers (zoom {zoom})"
            );
            previous_markers = markers.len();
            for marker in markers {
                if marker["count"] == 1 && marker["id"].is_null() {
                    assert!(marker["offer"]["id"].is_string());
                } else {
                    assert!(
                        marker["expansionZoom"].as_i64().unwrap() > zoom,
                        "a cluster opens deeper than {zoom}"
                    );
                }
            }
            if zoom > 16 {
                assert_eq!(
                    markers.len() as u64,
                    total,
                    "above the last clustering zoom every offer is alone"
                );
            }
        }
        assert!(previous_markers > 1);
    }
);

on_both_databases!(
    the_geojson_layer_clusters_like_graphql,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        for zoom in [8, 11, 13] {
            let layer: Value = app
                .get(&format!(
                    "/geo/offers.geojson?kind=TRAINING&zoom={zoom}&bbox=3.2,50.5,3.6,50.8"
                ))
                .await
                .json()
                .await
                .unwrap();
            let data = app
            .data(
                "query($zoom: Int!) { offerClusters(filter: {kinds: [TRAINING], bbox: {minLon: 3.2, minLat: 50.5, maxLon: 3.6, maxLat: 50.8}},
                   bbox: {minLon: 3.2, minLat: 50.5, maxLon: 3.6, maxLat: 50.8}, zoom: $zoom) { count } }",
                json!({ "zoom": zoom }),
            )
            .await;
            let features = layer["features"].as_array().unwrap();
            assert_eq!(
                features.len(),
                data["offerClusters"].as_array().unwrap().len(),
                "zoom {zoom}"
            );
            let from_layer: u64 = features
                .iter()
                .map(|f| f["properties"]["point_count"].as_u64().unwrap_or(1))
                .sum();
            let from_graphql: u64 = data["offerClusters"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["count"].as_u64().unwrap())
                .sum();
            assert_eq!(from_layer, from_graphql);
        }
        let bad = app.get("/geo/offers.geojson?zoom=40").await;
        assert_eq!(bad.status(), 400);
    }
);

on_both_databases!(
    geocoding_finds_postcodes_and_names_without_accents,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let geocode = |query: &'static str| {
            app.data(
            "query($q: String!) { geocode(query: $q, first: 3) { label kind name postcode commune { nis name } location { lat lon } } }",
            json!({ "q": query }),
        )
        };
        let tournai = geocode("7500").await;
        assert_eq!(tournai["geocode"][0]["commune"]["nis"], "57081");
        assert_eq!(tournai["geocode"][0]["postcode"], "7500");
        let peruwelz = geocode("Peruwelz").await;
        assert_eq!(peruwelz["geocode"][0]["name"], "Péruwelz");
        assert_eq!(peruwelz["geocode"][0]["commune"]["nis"], "57064");
        let froyennes = geocode("froyennes").await;
        assert_eq!(froyennes["geocode"][0]["kind"], "LOCALITY");
        assert_eq!(froyennes["geocode"][0]["commune"]["name"], "Tournai");
        let comines = geocode("Comines").await;
        assert!(
            comines["geocode"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["commune"]["nis"] == "54010")
        );
        assert_eq!(geocode("Paris").await["geocode"], json!([]));
        let error = app
            .error(
                "query($q: String!) { geocode(query: $q) { label } }",
                json!({ "q": "x".repeat(300) }),
            )
            .await;
        assert_eq!(error["extensions"]["argument"], "query");
    }
);
