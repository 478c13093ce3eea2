//! The reference map widget at `/map`: its page, its vendored Leaflet and its
//! configuration, all served by the binary itself.

use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

fn content_type(response: &reqwest::Response) -> String {
    response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned()
}

on_both_databases!(
    the_map_page_and_its_vendored_leaflet_are_served,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;

        let page = app.get("/map").await;
        assert_eq!(page.status(), 200);
        assert!(content_type(&page).starts_with("text/html"));
        let html = page.text().await.unwrap();
        assert!(html.contains("/map/vendor/leaflet/leaflet.js"), "{html}");
        assert!(html.contains("/map/map.js"));
        assert!(html.contains("/map/mobility.js"));
        assert!(html.contains("/map/equipment.js"));
        assert!(
            !html.contains("://"),
            "the page loads nothing from other hosts"
        );

        let leaflet = app.get("/map/vendor/leaflet/leaflet.js").await;
        assert_eq!(leaflet.status(), 200);
        assert!(
            content_type(&leaflet).starts_with("text/javascript"),
            "{}",
            content_type(&leaflet)
        );
        assert_eq!(leaflet.headers()["cache-control"], "public, max-age=3600");
        assert!(leaflet.text().await.unwrap().contains("Leaflet 1.9.4"));

        for (path, expected) in [
            ("/map/map.js", "text/javascript"),
            ("/map/mobility.js", "text/javascript"),
            ("/map/equipment.js", "text/javascript"),
            ("/widget.js", "text/javascript"),
            ("/map/map.css", "text/css"),
            ("/map/vendor/leaflet/leaflet.css", "text/css"),
            ("/map/vendor/leaflet/images/layers.png", "image/png"),
        ] {
            let response = app.get(path).await;
            assert_eq!(response.status(), 200, "{path}");
            assert!(content_type(&response).starts_with(expected), "{path}");
        }
        assert_eq!(
            app.get("/map/vendor/leaflet/nothing.js").await.status(),
            404
        );

        let config = app.get("/map/config.json").await;
        assert_eq!(config.status(), 200);
        let config: Value = config.json().await.unwrap();
        assert_eq!(config, json!({ "tileUrl": null, "attribution": null }));
    }
);

on_both_databases!(
    the_map_uses_the_configured_tile_server,
    |db: TestDatabase| async move {
        let settings = e2e::Settings {
            map_tile_url: Some("https://tiles.example.org/{z}/{x}/{y}.png".to_owned()),
            ..e2e::Settings::default()
        };
        let app = TestApp::spawn_with(db, settings).await;
        let config: Value = app.get("/map/config.json").await.json().await.unwrap();
        assert_eq!(
            config["tileUrl"],
            "https://tiles.example.org/{z}/{x}/{y}.png"
        );
        assert_eq!(config["attribution"], "© OpenStreetMap contributors");
    }
);
