//! Reading a 10,000-row × 15-column inventory as XLSX and as CSV (both
//! written by this crate in the setup), with and without finding its table,
//! and writing it.
//!
//! `cargo bench -p sheets --bench read`

#[path = "support/inventory.rs"]
mod inventory;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sheets::{ExpectedColumn, HeaderSpec, ReadLimits, read_workbook, write_csv, write_xlsx};

const ROWS: usize = 10_000;

fn read_inventory(c: &mut Criterion) {
    let sheet = inventory::inventory(ROWS);
    let created = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let xlsx = write_xlsx(&sheet, created).unwrap();
    let csv = write_csv(&sheet).unwrap();
    eprintln!("XLSX {} bytes, CSV {} bytes", xlsx.len(), csv.len());
    let limits = ReadLimits::default();
    let spec = HeaderSpec::new(
        inventory::HEADER
            .iter()
            .enumerate()
            .map(|(index, name)| ExpectedColumn::new(index, &[name]))
            .collect(),
    );

    let mut group = c.benchmark_group("read 10,000 rows × 15 columns");
    group.sample_size(20);
    group.bench_function("xlsx", |b| {
        b.iter(|| read_workbook(black_box(&xlsx), Some("inventaire.xlsx"), &limits).unwrap())
    });
    group.bench_function("csv", |b| {
        b.iter(|| read_workbook(black_box(&csv), Some("inventaire.csv"), &limits).unwrap())
    });
    group.bench_function("xlsx, then find the table and read every quantity", |b| {
        b.iter(|| {
            let workbook =
                read_workbook(black_box(&xlsx), Some("inventaire.xlsx"), &limits).unwrap();
            let table = workbook.find_table(&spec).unwrap();
            table
                .rows()
                .map(|row| row.integer(5).unwrap().unwrap())
                .sum::<i64>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("write 10,000 rows × 15 columns");
    group.sample_size(20);
    group.bench_function("xlsx", |b| {
        b.iter(|| write_xlsx(black_box(&sheet), created).unwrap())
    });
    group.bench_function("csv", |b| b.iter(|| write_csv(black_box(&sheet)).unwrap()));
    group.finish();
}

criterion_group!(benches, read_inventory);
criterion_main!(benches);
