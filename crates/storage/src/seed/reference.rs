//! The real reference data: the 23 communes of Wallonie picarde with their
//! boundaries and postal localities, the five poles of 2020–2022 and their
//! challenges, and the trades the source document names. Provenance is in
//! `seeds/README.md`.

use domain::codes::{NisCode, PoleCode, Postcode, TradeCode};
use domain::location::Point;
use domain::territory::{Commune, boundary_geojson, parse_boundary};
use sea_orm::ActiveValue::Set;
use sea_orm::DatabaseTransaction;
use serde::Deserialize;

use super::insert_in_batches;
use crate::StorageError;
use crate::entities::{
    commune, pole, pole_challenge, postal_locality, trade, trade_classification_code,
    trade_keyword, trade_pole,
};
use crate::load::{SCHEME_ESCO, SCHEME_ROME};

pub(super) const DATASET: &str = "reference";
pub(super) const VERSION: i32 = 1;

const COMMUNES_FILE: &str = "seeds/communes.geojson";
const COMMUNES: &str = include_str!("../../../../seeds/communes.geojson");
const LOCALITIES_FILE: &str = "seeds/postal-localities.csv";
const LOCALITIES: &str = include_str!("../../../../seeds/postal-localities.csv");
const POLES_FILE: &str = "seeds/poles.json";
const POLES: &str = include_str!("../../../../seeds/poles.json");
const TRADES_FILE: &str = "seeds/trades.json";
const TRADES: &str = include_str!("../../../../seeds/trades.json");

#[derive(Deserialize)]
struct PolesFile {
    poles: Vec<PoleRecord>,
}

#[derive(Deserialize)]
struct PoleRecord {
    code: String,
    name: String,
    kind: String,
    challenges: Vec<String>,
}

#[derive(Deserialize)]
struct TradesFile {
    trades: Vec<TradeRecord>,
}

#[derive(Deserialize)]
struct TradeRecord {
    code: String,
    name: String,
    description: String,
    poles: Vec<String>,
    rome: Vec<String>,
    esco: Vec<String>,
    keywords: Vec<String>,
}

/// Inserts the reference data; returns a summary of what it holds.
pub(super) async fn insert(txn: &DatabaseTransaction) -> Result<String, StorageError> {
    let communes = parse_communes()?;
    let localities = parse_localities(&communes)?;
    let commune_count = communes.len();
    let locality_count = localities.len();
    insert_in_batches(
        txn,
        communes
            .into_iter()
            .map(|c| commune::ActiveModel {
                nis: Set(c.nis.as_str().to_owned()),
                name_fr: Set(c.name_fr),
                name_nl: Set(c.name_nl),
                centroid_latitude: Set(c.centroid.lat()),
                centroid_longitude: Set(c.centroid.lon()),
                boundary_geojson: Set(boundary_geojson(&c.boundary).to_string()),
            })
            .collect(),
    )
    .await?;
    insert_in_batches(txn, localities).await?;

    let poles: PolesFile =
        serde_json::from_str(POLES).map_err(|e| StorageError::seed(POLES_FILE, e))?;
    let pole_count = poles.poles.len();
    let mut pole_rows = Vec::new();
    let mut challenge_rows = Vec::new();
    for (position, record) in (0..).zip(poles.poles) {
        PoleCode::parse(&record.code).map_err(|e| StorageError::seed(POLES_FILE, e))?;
        if !matches!(record.kind.as_str(), "SECTORAL" | "TRANSVERSAL") {
            return Err(StorageError::seed(
                POLES_FILE,
                format!("pole {}: unknown kind {:?}", record.code, record.kind),
            ));
        }
        for (challenge_position, text) in (0..).zip(record.challenges) {
            challenge_rows.push(pole_challenge::ActiveModel {
                pole_code: Set(record.code.clone()),
                position: Set(challenge_position),
                text: Set(text),
            });
        }
        pole_rows.push(pole::ActiveModel {
            code: Set(record.code),
            name: Set(record.name),
            kind: Set(record.kind),
            position: Set(position),
        });
    }
    insert_in_batches(txn, pole_rows).await?;
    insert_in_batches(txn, challenge_rows).await?;

    let trades: TradesFile =
        serde_json::from_str(TRADES).map_err(|e| StorageError::seed(TRADES_FILE, e))?;
    let trade_count = trades.trades.len();
    let (mut trade_rows, mut pole_links, mut codes, mut keywords) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (position, record) in (0..).zip(trades.trades) {
        TradeCode::parse(&record.code).map_err(|e| StorageError::seed(TRADES_FILE, e))?;
        for pole_code in record.poles {
            pole_links.push(trade_pole::ActiveModel {
                trade_code: Set(record.code.clone()),
                pole_code: Set(pole_code),
            });
        }
        let schemes = record
            .rome
            .into_iter()
            .map(|c| (SCHEME_ROME, c))
            .chain(record.esco.into_iter().map(|c| (SCHEME_ESCO, c)));
        for (scheme, code) in schemes {
            codes.push(trade_classification_code::ActiveModel {
                trade_code: Set(record.code.clone()),
                scheme: Set(scheme.to_owned()),
                code: Set(code),
            });
        }
        for keyword in record.keywords {
            keywords.push(trade_keyword::ActiveModel {
                trade_code: Set(record.code.clone()),
                keyword: Set(keyword),
            });
        }
        trade_rows.push(trade::ActiveModel {
            code: Set(record.code),
            name: Set(record.name),
            description: Set(record.description),
            position: Set(position),
        });
    }
    insert_in_batches(txn, trade_rows).await?;
    insert_in_batches(txn, pole_links).await?;
    insert_in_batches(txn, codes).await?;
    insert_in_batches(txn, keywords).await?;

    Ok(format!(
        "{commune_count} communes, {locality_count} postal localities, {pole_count} poles, {trade_count} trades"
    ))
}

/// Reads the communes' GeoJSON FeatureCollection.
fn parse_communes() -> Result<Vec<Commune>, StorageError> {
    let error = |message: String| StorageError::seed(COMMUNES_FILE, message);
    let collection: geojson_file::FeatureCollection =
        serde_json::from_str(COMMUNES).map_err(|e| error(e.to_string()))?;
    collection
        .features
        .into_iter()
        .map(|feature| {
            let nis = NisCode::parse(&feature.properties.nis).map_err(|e| error(e.to_string()))?;
            let boundary = parse_boundary(&feature.geometry.to_string())
                .map_err(|e| error(format!("{nis}: {e}")))?;
            Commune::new(
                nis,
                feature.properties.name,
                feature.properties.name_nl,
                boundary,
                Vec::new(),
            )
            .map_err(|e| error(e.to_string()))
        })
        .collect()
}

/// The communes file's shape: only what we read from it.
mod geojson_file {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub(super) struct FeatureCollection {
        pub(super) features: Vec<Feature>,
    }

    #[derive(Deserialize)]
    pub(super) struct Feature {
        pub(super) properties: Properties,
        pub(super) geometry: serde_json::Value,
    }

    #[derive(Deserialize)]
    pub(super) struct Properties {
        pub(super) nis: String,
        pub(super) name: String,
        pub(super) name_nl: Option<String>,
    }
}

/// Reads the postal localities (`postcode,locality,commune_nis,commune,latitude,longitude`)
/// and checks each one's point lies in the commune it is filed under.
fn parse_localities(
    communes: &[Commune],
) -> Result<Vec<postal_locality::ActiveModel>, StorageError> {
    let mut lines = LOCALITIES.lines();
    let header = lines.next().unwrap_or_default();
    if header.trim() != "postcode,locality,commune_nis,commune,latitude,longitude" {
        return Err(StorageError::seed(
            LOCALITIES_FILE,
            format!("unexpected header {header:?}"),
        ));
    }
    lines
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let line_number = index + 2;
            let error = |message: String| {
                StorageError::seed(LOCALITIES_FILE, format!("line {line_number}: {message}"))
            };
            let fields: Vec<&str> = line.split(',').collect();
            let [postcode, locality, nis, _commune, latitude, longitude] = fields[..] else {
                return Err(error(format!("expected 6 fields, got {}", fields.len())));
            };
            let postcode = Postcode::parse(postcode).map_err(|e| error(e.to_string()))?;
            let nis = NisCode::parse(nis).map_err(|e| error(e.to_string()))?;
            let latitude: f64 = latitude
                .parse()
                .map_err(|_| error(format!("bad latitude {latitude:?}")))?;
            let longitude: f64 = longitude
                .parse()
                .map_err(|_| error(format!("bad longitude {longitude:?}")))?;
            let point = Point::parse(latitude, longitude).map_err(|e| error(e.to_string()))?;
            let commune = communes
                .iter()
                .find(|c| c.nis == nis)
                .ok_or_else(|| error(format!("unknown commune {nis}")))?;
            if !commune.contains(point) {
                return Err(error(format!(
                    "{locality} ({point}) is not inside commune {nis}"
                )));
            }
            Ok(postal_locality::ActiveModel {
                commune_nis: Set(nis.as_str().to_owned()),
                postcode: Set(postcode.as_str().to_owned()),
                name: Set(locality.to_owned()),
                latitude: Set(point.lat()),
                longitude: Set(point.lon()),
                ..Default::default()
            })
        })
        .collect()
}
