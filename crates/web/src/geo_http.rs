//! REST endpoints serving GeoJSON layers to map widgets, which can hand the
//! answer straight to Leaflet or MapLibre:
//!
//! - `GET /geo/offers.geojson?kind=&trade=&pole=&audience=&commune=&bbox=&q=&zoom=`
//!   (lists are comma-separated or repeated; `bbox=minLon,minLat,maxLon,maxLat`;
//!   with `zoom`, offers close together at that zoom come as cluster features,
//!   inside `bbox` or the whole service area);
//! - `GET /geo/sites.geojson`, `GET /geo/communes.geojson`.
//!
//! Every answer carries a strong `ETag` computed from its body and
//! `Cache-Control: public, no-cache`, so widgets revalidate cheaply (304)
//! and never show an offer after it was withdrawn.

use std::hash::{Hash, Hasher};

use app::AppError;
use app::layers;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::catalog::{BBoxInput, OfferFilterInput};
use serde_json::json;

use crate::WebState;

/// The media type of RFC 7946.
const GEOJSON: &str = "application/geo+json";

/// A query parameter that could not be used.
pub(crate) struct BadParameter {
    pub(crate) parameter: &'static str,
    pub(crate) message: String,
}

impl IntoResponse for BadParameter {
    fn into_response(self) -> Response {
        let body = json!({
            "errors": [{
                "message": format!("{}: {}", self.parameter, self.message),
                "extensions": { "code": "BAD_USER_INPUT", "parameter": self.parameter },
            }]
        });
        (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
    }
}

/// The REST parameter that carries a field of the search.
fn parameter_of(field: &str) -> &'static str {
    match field {
        "filter.tradeCodes" => "trade",
        "filter.poleCodes" => "pole",
        "filter.communeNis" => "commune",
        "filter.text" => "q",
        "filter.bbox" | "bbox" => "bbox",
        "zoom" => "zoom",
        "filter.categories" => "category",
        "filter.competenceCodes" => "competence",
        "filter.near.point" | "filter.near.radiusKm" => "near",
        field if field.starts_with("filter.reachable.from") => "from",
        "filter.reachable.maxMinutes" => "maxMinutes",
        "filter.reachable.arriveBy" => "arriveBy",
        "timetable" => "from",
        _ => "query",
    }
}

/// A refused search, named by the REST parameter at fault.
pub(crate) fn refused(error: AppError) -> Response {
    match error {
        AppError::BadInput { field, message } => BadParameter {
            parameter: parameter_of(&field),
            message,
        }
        .into_response(),
        other => {
            if let AppError::Internal(source) = &other {
                tracing::error!(error = %source, "internal error while serving a layer");
            }
            let status = match other.code() {
                app::ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
                app::ErrorCode::Forbidden => StatusCode::FORBIDDEN,
                app::ErrorCode::NotFound => StatusCode::NOT_FOUND,
                app::ErrorCode::Conflict => StatusCode::CONFLICT,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            let body = json!({
                "errors": [{
                    "message": other.message(),
                    "extensions": { "code": other.code().as_str() },
                }]
            });
            (status, axum::Json(body)).into_response()
        }
    }
}

/// Splits repeated and comma-separated values: `trade=a,b&trade=c`.
pub(crate) fn values(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(key, _)| key == name)
        .flat_map(|(_, value)| value.split(','))
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

fn parse_enum_list<T: std::str::FromStr>(
    pairs: &[(String, String)],
    parameter: &'static str,
) -> Result<Vec<T>, BadParameter>
where
    T::Err: std::fmt::Display,
{
    values(pairs, parameter)
        .iter()
        .map(|v| {
            v.to_uppercase().parse::<T>().map_err(|e| BadParameter {
                parameter,
                message: e.to_string(),
            })
        })
        .collect()
}

pub(crate) fn parse_bbox(pairs: &[(String, String)]) -> Result<Option<BBoxInput>, BadParameter> {
    let raw = values(pairs, "bbox");
    if raw.is_empty() {
        return Ok(None);
    }
    let numbers: Result<Vec<f64>, _> = raw.iter().map(|v| v.parse::<f64>()).collect();
    match numbers.as_deref() {
        Ok([min_lon, min_lat, max_lon, max_lat]) => Ok(Some(BBoxInput {
            min_lon: *min_lon,
            min_lat: *min_lat,
            max_lon: *max_lon,
            max_lat: *max_lat,
        })),
        _ => Err(BadParameter {
            parameter: "bbox",
            message: "expected four numbers: minLon,minLat,maxLon,maxLat".to_owned(),
        }),
    }
}

pub(crate) fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

/// Reads `zoom`, if given.
pub(crate) fn parse_zoom(pairs: &[(String, String)]) -> Result<Option<i32>, BadParameter> {
    let Some((_, raw)) = pairs.iter().find(|(k, _)| k == "zoom") else {
        return Ok(None);
    };
    let bad = |message: String| BadParameter {
        parameter: "zoom",
        message,
    };
    let zoom: i32 = raw
        .trim()
        .parse()
        .map_err(|_| bad(format!("{raw:?} is not a whole number")))?;
    app::search::map_zoom(zoom)
        .map(|_| Some(zoom))
        .map_err(|e| bad(e.message()))
}

/// Reads the offer filter from the query string.
fn offer_filter(pairs: &[(String, String)]) -> Result<OfferFilterInput, BadParameter> {
    Ok(OfferFilterInput {
        kinds: parse_enum_list(pairs, "kind")?,
        audiences: parse_enum_list(pairs, "audience")?,
        trade_codes: values(pairs, "trade"),
        pole_codes: values(pairs, "pole"),
        commune_nis: values(pairs, "commune"),
        text: pairs.iter().find(|(k, _)| k == "q").map(|(_, v)| v.clone()),
        bbox: parse_bbox(pairs)?,
        ..OfferFilterInput::default()
    })
}

/// `GET /geo/offers.geojson`
pub(crate) async fn offers(
    State(state): State<WebState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let pairs = pairs(query.as_deref());
    let (input, zoom) = match (offer_filter(&pairs), parse_zoom(&pairs)) {
        (Ok(input), Ok(zoom)) => (input, zoom),
        (Err(bad), _) | (_, Err(bad)) => return bad.into_response(),
    };
    let app = state.app();
    let snapshot = app.snapshot();
    let collection = match zoom {
        None => app::search::all_offers(&snapshot, input, None)
            .map(|hits| layers::offers_collection(&snapshot.catalog, hits)),
        Some(zoom) => {
            let viewport = input.bbox.map(|b| app::search::Viewport {
                min_lon: b.min_lon,
                min_lat: b.min_lat,
                max_lon: b.max_lon,
                max_lat: b.max_lat,
            });
            app::search::offer_clusters(app, &snapshot, input, None, viewport, zoom)
                .map(|markers| layers::markers_collection(&snapshot.catalog, markers))
        }
    };
    match collection {
        Ok(collection) => geojson_response(&collection, &headers),
        Err(error) => refused(error),
    }
}

/// `GET /geo/sites.geojson`
pub(crate) async fn sites(State(state): State<WebState>, headers: HeaderMap) -> Response {
    let catalog = state.app().catalog();
    let mut sites = catalog.all_sites();
    sites.sort_by_key(|s| s.id);
    geojson_response(&layers::sites_collection(&catalog, sites), &headers)
}

/// `GET /geo/communes.geojson`
pub(crate) async fn communes(State(state): State<WebState>, headers: HeaderMap) -> Response {
    let catalog = state.app().catalog();
    geojson_response(&layers::communes_collection(catalog.communes()), &headers)
}

/// Serialises a layer with its validators; answers 304 when the client
/// already holds this very body.
pub(crate) fn geojson_response(
    collection: &geojson::FeatureCollection,
    headers: &HeaderMap,
) -> Response {
    let body = collection.to_string();
    let etag = strong_etag(body.as_bytes());
    let cache_headers = [
        (header::ETAG, etag.clone()),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, no-cache"),
        ),
    ];
    let client_has_it = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == etag.to_str().unwrap_or_default() || tag.trim() == "*");
    if client_has_it {
        return (StatusCode::NOT_MODIFIED, cache_headers).into_response();
    }
    (
        cache_headers,
        [(header::CONTENT_TYPE, HeaderValue::from_static(GEOJSON))],
        body,
    )
        .into_response()
}

/// A validator that changes exactly when the body does. SipHash with fixed
/// keys gives the same tag on every instance serving the same content.
pub(crate) fn strong_etag(body: &[u8]) -> HeaderValue {
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    HeaderValue::from_str(&format!("\"{:016x}-{:x}\"", hasher.finish(), body.len()))
        .unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}
