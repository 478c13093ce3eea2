//! The reference map widget at `GET /map`: one French page showing the
//! published offers on a Leaflet map, built only on the public surface
//! partner websites use (`/geo/*.geojson` and `/graphql`), so it doubles as
//! a worked example for them.
//!
//! - `GET /map` (and `/map/`): the page;
//! - `GET /map/map.js`, `GET /map/map.css`: its script and style, plain files
//!   with no build step; `GET /map/mobility.js`: the Mobility tab (travel
//!   times from a place, journeys there and back, stops and departures);
//!   `GET /map/equipment.js`: the equipment layer (`/geo/equipment.geojson`),
//!   off unless turned on or asked by `layers=equipment`;
//! - `GET /widget.js`: one script tag puts the map in a partner's page, in
//!   an iframe (isolated from the page's styles), with filters and a place
//!   from the tag's `data-` attributes (`?embed=1&trade=&kind=&from=&arrive=`
//!   and `layers=&category=&shareable=` on `/map`);
//! - `GET /map/config.json`: `{ "tileUrl": string|null, "attribution":
//!   string|null }` from [`Settings::map_tile_url`](crate::Settings); with no
//!   tile URL the page draws the commune outlines on a plain background and
//!   loads nothing from other hosts;
//! - `GET /map/vendor/leaflet/…`: Leaflet 1.9.4, vendored from the npm
//!   registry (see `assets/vendor/leaflet/VERSION`), served with
//!   `Cache-Control: public, max-age=3600`.
//!
//! Every file is compiled into the binary (`assets`).

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;

use crate::WebState;
use crate::assets::{Asset, CSS, HTML, JAVASCRIPT, OWN_FILES, PNG, TEXT, file, vendored};

/// Shown under the map when tiles are configured: the usual tile servers
/// draw OpenStreetMap data, whose licence asks for this credit.
const TILE_ATTRIBUTION: &str = "© OpenStreetMap contributors";

/// The vendored Leaflet files, by their path under `/map/vendor/leaflet/`.
const LEAFLET: &[(&str, Asset)] = &[
    (
        "leaflet.js",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/leaflet.js"),
            content_type: JAVASCRIPT,
        },
    ),
    (
        "leaflet.css",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/leaflet.css"),
            content_type: CSS,
        },
    ),
    (
        "images/layers.png",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/images/layers.png"),
            content_type: PNG,
        },
    ),
    (
        "images/layers-2x.png",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/images/layers-2x.png"),
            content_type: PNG,
        },
    ),
    (
        "images/marker-icon.png",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/images/marker-icon.png"),
            content_type: PNG,
        },
    ),
    (
        "images/marker-icon-2x.png",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/images/marker-icon-2x.png"),
            content_type: PNG,
        },
    ),
    (
        "images/marker-shadow.png",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/images/marker-shadow.png"),
            content_type: PNG,
        },
    ),
    (
        "LICENSE",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/LICENSE"),
            content_type: TEXT,
        },
    ),
    (
        "VERSION",
        Asset {
            body: include_bytes!("../assets/vendor/leaflet/VERSION"),
            content_type: TEXT,
        },
    ),
];

/// The map page's routes; [`crate::router`] merges them.
pub(crate) fn routes() -> Router<WebState> {
    Router::new()
        .route("/map", get(page))
        .route("/map/", get(page))
        .route("/map/config.json", get(config))
        .route("/map/map.js", get(script))
        .route("/map/mobility.js", get(mobility_script))
        .route("/map/equipment.js", get(equipment_script))
        .route("/widget.js", get(widget_script))
        .route("/map/map.css", get(style))
        .route("/map/vendor/leaflet/{*path}", get(leaflet))
}

/// `GET /map`
async fn page() -> Response {
    file(include_bytes!("../assets/map/index.html"), HTML, OWN_FILES)
}

/// `GET /map/map.js`
async fn script() -> Response {
    file(
        include_bytes!("../assets/map/map.js"),
        JAVASCRIPT,
        OWN_FILES,
    )
}

/// `GET /map/mobility.js`: the Mobility tab.
async fn mobility_script() -> Response {
    file(
        include_bytes!("../assets/map/mobility.js"),
        JAVASCRIPT,
        OWN_FILES,
    )
}

/// `GET /map/equipment.js`: the equipment layer.
async fn equipment_script() -> Response {
    file(
        include_bytes!("../assets/map/equipment.js"),
        JAVASCRIPT,
        OWN_FILES,
    )
}

/// `GET /widget.js`: the map in a partner's page, in an iframe.
async fn widget_script() -> Response {
    file(
        include_bytes!("../assets/widget/widget.js"),
        JAVASCRIPT,
        OWN_FILES,
    )
}

/// `GET /map/map.css`
async fn style() -> Response {
    file(include_bytes!("../assets/map/map.css"), CSS, OWN_FILES)
}

/// `GET /map/config.json`: what the page cannot know by itself.
async fn config(State(state): State<WebState>) -> Response {
    let tile_url = state
        .settings()
        .map_tile_url
        .as_deref()
        .map(str::trim)
        .filter(|url| !url.is_empty());
    let body = json!({
        "tileUrl": tile_url,
        "attribution": tile_url.map(|_| TILE_ATTRIBUTION),
    });
    (
        [(header::CACHE_CONTROL, HeaderValue::from_static(OWN_FILES))],
        axum::Json(body),
    )
        .into_response()
}

/// `GET /map/vendor/leaflet/{path}`
async fn leaflet(Path(path): Path<String>) -> Response {
    vendored(LEAFLET, &path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vendored_file_is_embedded_and_not_empty() {
        for (name, asset) in LEAFLET {
            assert!(!asset.body.is_empty(), "{name}");
        }
        let version = crate::assets::text_of(LEAFLET, "VERSION");
        assert!(version.starts_with("leaflet 1.9.4"), "{version}");
    }

    #[test]
    fn the_stylesheet_finds_its_images_among_the_embedded_files() {
        let css = std::str::from_utf8(include_bytes!("../assets/vendor/leaflet/leaflet.css"))
            .unwrap_or_default();
        for reference in css.split("url(").skip(1) {
            let target = reference.split(')').next().unwrap_or_default();
            let target = target.trim_matches(|c| c == '"' || c == '\'');
            // `#default#VML` is an old Internet Explorer behaviour, not a file.
            if target.starts_with("data:") || target.starts_with('#') {
                continue;
            }
            assert!(
                LEAFLET.iter().any(|(name, _)| *name == target),
                "leaflet.css refers to {target}, which is not embedded"
            );
        }
    }
}
