//! Peak memory of reading a large inventory, measured from outside:
//!
//! ```text
//! cargo build --release -p sheets --example read_large
//! target/release/examples/read_large write /tmp/inventaire.xlsx 10000
//! /usr/bin/time -v target/release/examples/read_large read /tmp/inventaire.xlsx
//! ```
//!
//! `write` builds the 15-column inventory of the benchmark and saves it as
//! XLSX or CSV (by the extension); `read` reads a file the way an upload is
//! read, prints what it found and how long it took. Writing and reading are
//! separate runs so that the peak of one does not hide the other's.

#[path = "../benches/support/inventory.rs"]
mod inventory;

use std::time::Instant;

use sheets::{ReadLimits, read_workbook, write_csv, write_xlsx};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.as_slice() {
        [command, path, rows] if command == "write" => {
            let sheet = inventory::inventory(rows.parse()?);
            let bytes = if path.ends_with(".csv") {
                write_csv(&sheet)?
            } else {
                let created = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap();
                write_xlsx(&sheet, created)?
            };
            std::fs::write(path, &bytes)?;
            println!("wrote {} bytes to {path}", bytes.len());
        }
        [command, path] if command == "read" => {
            let bytes = std::fs::read(path)?;
            let started = Instant::now();
            let workbook = read_workbook(&bytes, Some(path), &ReadLimits::default())?;
            let elapsed = started.elapsed();
            let sheet = &workbook.sheets()[0];
            let cells: usize = sheet.rows().iter().map(|row| row.cells().len()).sum();
            println!(
                "{:?}: {} rows, {cells} cells read in {:.1} ms from {} bytes",
                workbook.format(),
                sheet.rows().len(),
                elapsed.as_secs_f64() * 1000.0,
                bytes.len()
            );
        }
        _ => {
            return Err("usage: read_large write <file.xlsx|file.csv> <rows> | read <file>".into());
        }
    }
    Ok(())
}
