//! Times the equipment import of a 10,000-row inventory, as XLSX and as
//! CSV, on a fresh SQLite database seeded with the demo set: reading the
//! file alone, the first import (10,000 items created in one transaction)
//! the same file again (nothing written) and a second version changing
//! every row's quantity (10,000 updates); prints the process's peak
//! memory after each. Also writes the two files under
//! `target/equipment-bench/` for trying `wapi import-equipment` by hand.
//!
//! Run with `cargo run --release -p app --example import_inventory`.

use std::time::Instant;

use app::equipment::columns::InventoryColumn;
use app::equipment::import::{ImportRequest, import_equipment_from_command_line};
use sheets::{Cell, SheetToWrite};
use storage::{SeedSelection, Store};

const ROWS: usize = 10_000;
const OPERATOR: &str = "tournai-techni-escaut";

/// A synthetic inventory in the import's own columns, varied like a real one.
fn inventory() -> SheetToWrite {
    let categories = [
        ("Banc de froid", "froid-climatisation", Some("R-32")),
        ("Pont élévateur", "mecanique-automobile", None),
        ("Banc d'automatisme", "automatismes", None),
        ("Caméra thermique", "maintenance-electrique", None),
        ("Tour CN", "maintenance-mecanique", None),
    ];
    let columns = [
        InventoryColumn::Reference,
        InventoryColumn::Name,
        InventoryColumn::Category,
        InventoryColumn::Brand,
        InventoryColumn::Model,
        InventoryColumn::Quantity,
        InventoryColumn::Condition,
        InventoryColumn::YearAcquired,
        InventoryColumn::Site,
        InventoryColumn::Trades,
        InventoryColumn::Refrigerant,
        InventoryColumn::Shareable,
        InventoryColumn::CostPerHalfDay,
        InventoryColumn::Notes,
    ];
    let rows = (0..ROWS)
        .map(|i| {
            let (category, trade, refrigerant) = categories[i % categories.len()];
            vec![
                Cell::Text(format!("TE-{i:05}")),
                Cell::Text(format!("{category} n° {i}")),
                Cell::Text(category.to_owned()),
                Cell::Text("DémoDidact".to_owned()),
                Cell::Text(format!("DD-{}", i % 97)),
                Cell::Number((1 + i % 4) as f64),
                Cell::Text(["Neuf", "Bon état", "Usé"][i % 3].to_owned()),
                Cell::Number((2000 + i % 26) as f64),
                Cell::Empty,
                Cell::Text(trade.to_owned()),
                refrigerant.map_or(Cell::Empty, |r| Cell::Text(r.to_owned())),
                Cell::Text(if i % 2 == 0 { "oui" } else { "non" }.to_owned()),
                Cell::Number((i % 5) as f64 * 12.5),
                Cell::Text("Inventaire de démonstration".to_owned()),
            ]
        })
        .collect();
    SheetToWrite {
        name: "Inventaire".to_owned(),
        header: columns.iter().map(|c| c.header().to_owned()).collect(),
        rows,
    }
}

/// The process's peak resident memory so far, in MB (Linux).
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sheet = inventory();
    let created = chrono::DateTime::UNIX_EPOCH.naive_utc();
    let xlsx = sheets::write_xlsx(&sheet, created)?;
    let csv = sheets::write_csv(&sheet)?;
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/equipment-bench");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("inventory-10k.xlsx"), &xlsx)?;
    std::fs::write(out.join("inventory-10k.csv"), &csv)?;
    println!(
        "{ROWS} rows: XLSX {} kB, CSV {} kB (written to {})",
        xlsx.len() / 1000,
        csv.len() / 1000,
        out.display()
    );
    println!("peak memory before importing: {:.1} MB", peak_mb());

    let mut changed = sheet.clone();
    for row in &mut changed.rows {
        if let Cell::Number(quantity) = &mut row[5] {
            *quantity += 1.0;
        }
    }
    let versions = [
        (
            "inventory-10k.xlsx",
            xlsx,
            sheets::write_xlsx(&changed, created)?,
        ),
        ("inventory-10k.csv", csv, sheets::write_csv(&changed)?),
    ];
    for (name, bytes, second) in versions {
        let started = Instant::now();
        let workbook = sheets::read_workbook(&bytes, Some(name), &sheets::ReadLimits::default())?;
        let read = started.elapsed();
        drop(workbook);

        let folder = tempfile::tempdir()?;
        let url = format!("sqlite://{}/bench.db?mode=rwc", folder.path().display());
        let store = Store::connect(&url).await?;
        store.migrate().await?;
        store.seed(SeedSelection { demo: true }).await?;
        let app = app::App::load(store).await?;
        let request = || ImportRequest {
            operator: domain::operator::OperatorId(0),
            site: None,
            sheet: None,
            file_name: Some(name.to_owned()),
            bytes: bytes.clone(),
            dry_run: false,
        };
        let started = Instant::now();
        let first = import_equipment_from_command_line(&app, OPERATOR, request())
            .await
            .map_err(|e| e.message())?;
        let first_time = started.elapsed();
        assert!(first.problems.is_empty(), "{:?}", first.problems.first());
        let first_peak = peak_mb();
        let started = Instant::now();
        let again = import_equipment_from_command_line(&app, OPERATOR, request())
            .await
            .map_err(|e| e.message())?;
        let again_time = started.elapsed();
        let started = Instant::now();
        let second = import_equipment_from_command_line(
            &app,
            OPERATOR,
            ImportRequest {
                bytes: second.clone(),
                ..request()
            },
        )
        .await
        .map_err(|e| e.message())?;
        println!(
            "{name}, second version: {:.2} s ({} updated)",
            started.elapsed().as_secs_f64(),
            second.updated
        );
        println!(
            "{name}: read {:.0} ms; first import {:.2} s ({} created, {} retired), peak {first_peak:.1} MB; again {:.0} ms ({} unchanged), peak {:.1} MB",
            read.as_secs_f64() * 1000.0,
            first_time.as_secs_f64(),
            first.created,
            first.retired,
            again_time.as_secs_f64() * 1000.0,
            again.unchanged,
            peak_mb()
        );
    }
    Ok(())
}
