//! GeoJSON layers for map widgets: valid RFC 7946, `[lon, lat]` everywhere,
//! consistent with GraphQL, cacheable, and callable from partner origins.

use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

fn assert_rfc7946_point_collection(body: &Value) {
    assert_eq!(body["type"], "FeatureCollection");
    assert!(body.get("crs").is_none(), "RFC 7946 has no crs member");
    for feature in body["features"].as_array().unwrap() {
        assert_eq!(feature["type"], "Feature");
        assert_eq!(feature["geometry"]["type"], "Point");
        let position = feature["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(position.len(), 2);
        // [lon, lat]: Wallonie picarde spans about 2.8–4.1° E and 50.4–50.9° N.
        assert!(
            (2.7..4.3).contains(&position[0].as_f64().unwrap()),
            "{position:?}"
        );
        assert!(
            (50.3..51.0).contains(&position[1].as_f64().unwrap()),
            "{position:?}"
        );
    }
}

on_both_databases!(
    the_offers_layer_matches_graphql_and_keeps_lon_lat_order,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let response = app
            .get("/geo/offers.geojson?trade=menuiserie,maconnerie&kind=training&kind=INTERNSHIP")
            .await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/geo+json");
        let body: Value = response.json().await.unwrap();
        assert_rfc7946_point_collection(&body);

        let data = app
        .data(
            "{ offers(first: 100, filter: {tradeCodes: [\"menuiserie\", \"maconnerie\"], kinds: [TRAINING, INTERNSHIP]}) {
                 totalCount edges { node { id title site { location { lat lon } } } } }
               offersGeoJson(filter: {tradeCodes: [\"menuiserie\", \"maconnerie\"], kinds: [TRAINING, INTERNSHIP]}) }",
            json!({}),
        )
        .await;
        let features = body["features"].as_array().unwrap();
        assert_eq!(
            features.len() as u64,
            data["offers"]["totalCount"].as_u64().unwrap()
        );
        assert_eq!(
            data["offersGeoJson"], body,
            "GraphQL and REST serve the same layer"
        );
        for edge in data["offers"]["edges"].as_array().unwrap() {
            let node = &edge["node"];
            let feature = features
                .iter()
                .find(|f| f["id"] == node["id"])
                .expect("one feature per offer");
            assert_eq!(feature["properties"]["title"], node["title"]);
            assert_eq!(
                feature["geometry"]["coordinates"][0],
                node["site"]["location"]["lon"]
            );
            assert_eq!(
                feature["geometry"]["coordinates"][1],
                node["site"]["location"]["lat"]
            );
            for property in [
                "kind",
                "trades",
                "operator",
                "address",
                "startDate",
                "commune",
            ] {
                assert!(
                    feature["properties"].get(property).is_some(),
                    "popup property {property}"
                );
            }
        }
    }
);

on_both_databases!(
    layers_are_cacheable_with_etags,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        for path in [
            "/geo/offers.geojson?q=soins",
            "/geo/sites.geojson",
            "/geo/communes.geojson",
        ] {
            let first = app.get(path).await;
            assert_eq!(first.status(), 200);
            let etag = first.headers()["etag"].clone();
            assert!(
                first.headers()["cache-control"]
                    .to_str()
                    .unwrap()
                    .contains("public")
            );
            let again = app
                .client
                .get(format!("{}{path}", app.address))
                .header("if-none-match", etag.clone())
                .send()
                .await
                .unwrap();
            assert_eq!(again.status(), 304, "{path}");
            assert_eq!(again.headers()["etag"], etag);
        }
        let communes: Value = app.get("/geo/communes.geojson").await.json().await.unwrap();
        assert_eq!(communes["features"].as_array().unwrap().len(), 23);
        assert!(
            communes["features"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["geometry"]["type"] == "MultiPolygon")
        );
        let sites: Value = app.get("/geo/sites.geojson").await.json().await.unwrap();
        assert_rfc7946_point_collection(&sites);
    }
);

on_both_databases!(
    bad_layer_parameters_get_400_naming_the_parameter,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        for (query, parameter) in [
            ("trade=astronaute", "trade"),
            ("kind=spaceship", "kind"),
            ("bbox=3.3,50.5,3.5", "bbox"),
            ("bbox=3.5,50.5,3.3,50.7", "bbox"),
            ("commune=1000", "commune"),
        ] {
            let response = app.get(&format!("/geo/offers.geojson?{query}")).await;
            assert_eq!(response.status(), 400, "{query}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
            assert_eq!(
                body["errors"][0]["extensions"]["parameter"], parameter,
                "{query}"
            );
        }
    }
);

on_both_databases!(
    partner_origins_may_call_from_browsers_and_others_may_not,
    |db: TestDatabase| async move {
        let settings = e2e::Settings {
            cors_origins: vec!["https://carte.partenaire.example".to_owned()],
            ..e2e::Settings::default()
        };
        let app = TestApp::spawn_with(db, settings).await;
        let preflight = |origin: &'static str| {
            app.client
                .request(reqwest::Method::OPTIONS, format!("{}/graphql", app.address))
                .header("origin", origin)
                .header("access-control-request-method", "POST")
                .header("access-control-request-headers", "content-type")
                .send()
        };
        let allowed = preflight("https://carte.partenaire.example").await.unwrap();
        assert_eq!(
            allowed.headers()["access-control-allow-origin"],
            "https://carte.partenaire.example"
        );
        let refused = preflight("https://ailleurs.example").await.unwrap();
        assert!(
            refused
                .headers()
                .get("access-control-allow-origin")
                .is_none()
        );
    }
);
