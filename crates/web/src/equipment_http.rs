//! Equipment over plain HTTP, for the pole's members and map widgets:
//!
//! - `GET /geo/equipment.geojson?trade=&category=&competence=&commune=&q=&shareable=&bbox=&near=&zoom=`
//!   and, for "reachable by bus or train", `from=` (a commune's NIS code, a
//!   postcode or a locality), `maxMinutes=` and `arriveBy=` (RFC 3339);
//!   with `zoom`, items close together come as cluster features;
//! - `GET /exports/equipment.xlsx` and `.csv`, the public inventory with the
//!   same filters, in the columns the import reads;
//! - `GET /exports/operators/{id}/equipment.xlsx` and `.csv`, an operator's
//!   own inventory, private items included (its partners and admins);
//! - `GET /exports/equipment-categories.csv`, the vocabulary;
//! - `POST /imports/equipment?operator=&site=&sheet=&dryRun=`, a
//!   `multipart/form-data` upload of one `file` (bearer token), answered
//!   with the import's row-by-row report in JSON.

use app::AppError;
use app::equipment::columns::InventoryColumn;
use app::equipment::export::{ExportAudience, ExportFormat};
use app::equipment::import::{ImportProblem, ImportReport, ImportRequest};
use app::travel::{PlaceInput, ReachableInput};
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::DateTime;
use domain::catalog::{EquipmentFilterInput, NearInput};
use serde_json::{Value, json};

use crate::WebState;
use crate::geo_http::{
    BadParameter, geojson_response, pairs, parse_bbox, parse_zoom, refused, strong_etag, values,
};

fn one<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

fn parse_bool(
    pairs: &[(String, String)],
    name: &'static str,
) -> Result<Option<bool>, BadParameter> {
    match one(pairs, name) {
        None => Ok(None),
        Some("true" | "1" | "oui" | "yes") => Ok(Some(true)),
        Some("false" | "0" | "non" | "no") => Ok(Some(false)),
        Some(_) => Err(BadParameter {
            parameter: name,
            message: "expected true or false".to_owned(),
        }),
    }
}

/// `near=lat,lon,radiusKm`.
fn parse_near(pairs: &[(String, String)]) -> Result<Option<NearInput>, BadParameter> {
    let raw = values(pairs, "near");
    if raw.is_empty() {
        return Ok(None);
    }
    let numbers: Result<Vec<f64>, _> = raw.iter().map(|v| v.parse::<f64>()).collect();
    match numbers.as_deref() {
        Ok([lat, lon, radius_km]) => Ok(Some(NearInput {
            lat: *lat,
            lon: *lon,
            radius_km: *radius_km,
        })),
        _ => Err(BadParameter {
            parameter: "near",
            message: "expected three numbers: lat,lon,radiusKm".to_owned(),
        }),
    }
}

/// `from=57081` (a commune), `from=7860` (a postcode) or `from=Houtaing`
/// (a locality), with `maxMinutes` (default 45) and `arriveBy`.
fn parse_reachable(pairs: &[(String, String)]) -> Result<Option<ReachableInput>, BadParameter> {
    let Some(from) = one(pairs, "from") else {
        return Ok(None);
    };
    let digits = from.bytes().all(|b| b.is_ascii_digit());
    let place = match (digits, from.len()) {
        (true, 5) => PlaceInput {
            commune_nis: Some(from.to_owned()),
            ..PlaceInput::default()
        },
        (true, 4) => PlaceInput {
            postcode: Some(from.to_owned()),
            ..PlaceInput::default()
        },
        _ => PlaceInput {
            locality: Some(from.to_owned()),
            ..PlaceInput::default()
        },
    };
    let max_minutes = match one(pairs, "maxMinutes") {
        None => 45,
        Some(raw) => raw.parse().map_err(|_| BadParameter {
            parameter: "maxMinutes",
            message: format!("{raw:?} is not a whole number"),
        })?,
    };
    let arrive_by = one(pairs, "arriveBy")
        .ok_or_else(|| BadParameter {
            parameter: "arriveBy",
            message: "with `from`, say when one must arrive (RFC 3339, 2026-09-07T09:00:00+02:00)"
                .to_owned(),
        })
        .and_then(|raw| {
            DateTime::parse_from_rfc3339(raw).map_err(|_| BadParameter {
                parameter: "arriveBy",
                message:
                    "expected an RFC 3339 time with its offset, such as 2026-09-07T09:00:00+02:00"
                        .to_owned(),
            })
        })?;
    Ok(Some(ReachableInput {
        from: place,
        max_minutes,
        arrive_by,
        return_after: None,
        return_within_minutes: None,
    }))
}

/// The equipment filter of the query string.
fn equipment_filter(pairs: &[(String, String)]) -> Result<EquipmentFilterInput, BadParameter> {
    Ok(EquipmentFilterInput {
        trade_codes: values(pairs, "trade"),
        categories: values(pairs, "category"),
        competence_codes: values(pairs, "competence"),
        commune_nis: values(pairs, "commune"),
        text: one(pairs, "q").map(str::to_owned),
        shareable: parse_bool(pairs, "shareable")?,
        near: parse_near(pairs)?,
        bbox: parse_bbox(pairs)?,
        ..EquipmentFilterInput::default()
    })
}

/// `GET /geo/equipment.geojson`
pub(crate) async fn layer(
    State(state): State<WebState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let pairs = pairs(query.as_deref());
    let parsed = (|| {
        Ok((
            equipment_filter(&pairs)?,
            parse_zoom(&pairs)?,
            parse_reachable(&pairs)?,
        ))
    })();
    let (filter, zoom, reachable) = match parsed {
        Ok(parsed) => parsed,
        Err(bad) => return BadParameter::into_response(bad),
    };
    let snapshot = state.app().snapshot();
    let viewport = filter.bbox.map(|b| app::search::Viewport {
        min_lon: b.min_lon,
        min_lat: b.min_lat,
        max_lon: b.max_lon,
        max_lat: b.max_lat,
    });
    let collection = app::equipment::search::all_equipment(&snapshot, filter, reachable.as_ref())
        .and_then(|hits| match zoom {
            None => Ok(app::layers::equipment_collection(&snapshot.catalog, &hits)),
            Some(zoom) => app::layers::equipment_markers(&snapshot, &hits, viewport, zoom),
        });
    match collection {
        Ok(collection) => geojson_response(&collection, &headers),
        Err(error) => refused(error),
    }
}

/// A spreadsheet answer, revalidated like the layers.
fn file_response(
    bytes: Vec<u8>,
    format: ExportFormat,
    name: &str,
    headers: &HeaderMap,
) -> Response {
    let etag = strong_etag(&bytes);
    let cache = [
        (header::ETAG, etag.clone()),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, no-cache"),
        ),
    ];
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == etag.to_str().unwrap_or_default())
        });
    if matches {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    let disposition = format!("attachment; filename=\"{name}.{}\"", format.extension());
    (
        cache,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(format.media_type()),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response()
}

fn format_of(file: &str, stem: &str) -> Option<ExportFormat> {
    match file.strip_prefix(stem)? {
        ".xlsx" => Some(ExportFormat::Xlsx),
        ".csv" => Some(ExportFormat::Csv),
        _ => None,
    }
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        "no such export: use equipment.xlsx or equipment.csv",
    )
        .into_response()
}

/// `GET /exports/{file}`: the public inventory, or the vocabulary.
pub(crate) async fn public_export(
    State(state): State<WebState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let snapshot = state.app().snapshot();
    if file == "equipment-categories.csv" {
        let sheet = categories_sheet(&snapshot.catalog);
        return match sheets::write_csv(&sheet) {
            Ok(bytes) => file_response(bytes, ExportFormat::Csv, "categories-equipement", &headers),
            Err(error) => refused(AppError::internal(error)),
        };
    }
    let Some(format) = format_of(&file, "equipment") else {
        return not_found();
    };
    let pairs = pairs(query.as_deref());
    let parsed = (|| Ok((equipment_filter(&pairs)?, parse_reachable(&pairs)?)))();
    let (filter, reachable) = match parsed {
        Ok(parsed) => parsed,
        Err(bad) => return BadParameter::into_response(bad),
    };
    let hits = match app::equipment::search::all_equipment(&snapshot, filter, reachable.as_ref()) {
        Ok(hits) => hits,
        Err(error) => return refused(error),
    };
    let items: Vec<_> = hits.iter().map(|hit| hit.item).collect();
    match app::equipment::export::items_file(
        &snapshot.catalog,
        &items,
        ExportAudience::Public,
        format,
    ) {
        Ok(bytes) => file_response(bytes, format, "inventaire-equipements", &headers),
        Err(error) => refused(error),
    }
}

fn categories_sheet(catalog: &domain::catalog::Catalog) -> sheets::SheetToWrite {
    use sheets::Cell;
    sheets::SheetToWrite {
        name: "Catégories".to_owned(),
        header: [
            "Code",
            "Catégorie",
            "Métiers",
            "Fluide frigorigène",
            "Synonymes",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: catalog
            .equipment_vocabulary()
            .categories()
            .iter()
            .map(|c| {
                vec![
                    Cell::Text(c.code.to_string()),
                    Cell::Text(c.label.clone()),
                    Cell::Text(
                        c.trade_codes
                            .iter()
                            .map(|t| t.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    Cell::Text(if c.uses_refrigerant { "oui" } else { "non" }.to_owned()),
                    Cell::Text(c.synonyms.join(", ")),
                ]
            })
            .collect(),
    }
}

/// `GET /exports/operators/{id}/{file}`: an operator's own inventory.
pub(crate) async fn operator_export(
    State(state): State<WebState>,
    Path((operator, file)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let Some(format) = format_of(&file, "equipment") else {
        return not_found();
    };
    let viewer = match crate::headers::viewer(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return refused(error),
    };
    let operator = match app::ids::parse_operator_id(&operator, "operator") {
        Ok(id) => id,
        Err(error) => return refused(error),
    };
    let catalog = state.app().catalog();
    let name = catalog.operator(operator).map_or_else(
        || "inventaire".to_owned(),
        |o| format!("inventaire-{}", o.code),
    );
    match app::equipment::export::operator_inventory(&catalog, &viewer, operator, format) {
        Ok(bytes) => {
            let mut response = file_response(bytes, format, &name, &headers);
            // Private items: never kept by a shared cache.
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-cache"),
            );
            response
        }
        Err(error) => refused(error),
    }
}

fn problem_json(problem: &ImportProblem) -> Value {
    json!({
        "sheet": problem.sheet,
        "row": problem.row,
        "column": problem.column,
        "columnLetters": problem.column_letters,
        "message": problem.message,
        "expected": problem.expected,
        "found": problem.found,
    })
}

/// The report as the upload answers it.
pub fn report_json(report: &ImportReport) -> Value {
    json!({
        "applied": report.applied,
        "dryRun": report.dry_run,
        "sheet": report.sheet,
        "headerRow": report.header_row,
        "columns": report.columns.iter().map(|(column, header)| json!({
            "reads": InventoryColumn::header(*column),
            "header": header,
        })).collect::<Vec<_>>(),
        "ignoredColumns": report.ignored_columns,
        "rows": report.rows,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "retired": report.retired,
        "restored": report.restored,
        "problems": report.problems.iter().map(problem_json).collect::<Vec<_>>(),
        "notes": report.notes.iter().map(problem_json).collect::<Vec<_>>(),
    })
}

/// A refused upload, with the field at fault.
fn upload_refused(status: StatusCode, field: &str, message: String) -> Response {
    let body = json!({
        "errors": [{
            "message": format!("{field}: {message}"),
            "extensions": { "code": "BAD_USER_INPUT", "parameter": field },
        }]
    });
    (status, axum::Json(body)).into_response()
}

/// `POST /imports/equipment`
pub(crate) async fn import(
    State(state): State<WebState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let viewer = match crate::headers::viewer(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return refused(error),
    };
    let pairs = pairs(query.as_deref());
    let Some(operator) = one(&pairs, "operator") else {
        return upload_refused(
            StatusCode::BAD_REQUEST,
            "operator",
            "name the operator whose inventory this is (its global id)".to_owned(),
        );
    };
    let operator = match app::ids::parse_operator_id(operator, "operator") {
        Ok(id) => id,
        Err(error) => return refused(error),
    };
    let dry_run = match parse_bool(&pairs, "dryRun") {
        Ok(value) => value.unwrap_or(false),
        Err(bad) => return bad.into_response(),
    };
    let limit = state.app().settings().import_limits.max_file_bytes;
    let mut file: Option<(Option<String>, Vec<u8>)> = None;
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                return upload_refused(error.status(), "file", error.body_text());
            }
        };
        if field.name() != Some("file") {
            continue;
        }
        if file.is_some() {
            return upload_refused(
                StatusCode::BAD_REQUEST,
                "file",
                "send one file per import".to_owned(),
            );
        }
        let name = field.file_name().map(str::to_owned);
        // Read by chunks, refusing as soon as the file passes the limit.
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if (bytes.len() + chunk.len()) as u64 > limit {
                        return upload_refused(
                            StatusCode::PAYLOAD_TOO_LARGE,
                            "file",
                            format!("the file is larger than the {limit} bytes accepted"),
                        );
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(error) => return upload_refused(error.status(), "file", error.body_text()),
            }
        }
        file = Some((name, bytes));
    }
    let Some((file_name, bytes)) = file else {
        return upload_refused(
            StatusCode::BAD_REQUEST,
            "file",
            "send the spreadsheet as the multipart field `file`".to_owned(),
        );
    };
    let request = ImportRequest {
        operator,
        site: one(&pairs, "site").map(str::to_owned),
        sheet: one(&pairs, "sheet").map(str::to_owned),
        file_name,
        bytes,
        dry_run,
    };
    match app::equipment::import::import_equipment(state.app(), &viewer, request).await {
        Ok(report) => {
            let status = if report.problems.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            (status, axum::Json(report_json(&report))).into_response()
        }
        Err(AppError::BadInput { field, message }) => {
            upload_refused(StatusCode::BAD_REQUEST, &field, message)
        }
        Err(error) => refused(error),
    }
}
