//! The equipment search over 100,000 synthetic items (10,000 sites of ten
//! items each) on the real commune boundaries: the first page of one
//! category, of shared items near Tournai by distance, and of a text.
//!
//! Run with `cargo bench -p domain --bench equipment_search`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::catalog::{EquipmentFilterInput, EquipmentOrder, NearInput};
use domain::page::PageSize;
use domain::synthetic::{
    SYNTHETIC_CATEGORIES, catalog_with_sites_and_equipment, communes_from_seed_file,
};

fn equipment(c: &mut Criterion) {
    let communes = communes_from_seed_file(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/communes.geojson"),
    );
    let catalog = catalog_with_sites_and_equipment(communes, 10_000, 10, 2026);
    let area = catalog.default_service_area().expect("a service area");
    let twenty = PageSize::parse(Some(20)).expect("20");
    let query = |input: EquipmentFilterInput| {
        catalog
            .parse_equipment_filter(input, &area)
            .expect("a valid filter")
    };
    let one_category = query(EquipmentFilterInput {
        categories: vec![SYNTHETIC_CATEGORIES[0].to_owned()],
        ..EquipmentFilterInput::default()
    });
    let shared_near_tournai = query(EquipmentFilterInput {
        shareable: Some(true),
        near: Some(NearInput {
            lat: 50.6071,
            lon: 3.3893,
            radius_km: 10.0,
        }),
        ..EquipmentFilterInput::default()
    });
    let text = query(EquipmentFilterInput {
        text: Some("patient lift".to_owned()),
        ..EquipmentFilterInput::default()
    });

    let mut group = c.benchmark_group("equipment_100k_items");
    group.bench_function("one_category_first_20", |b| {
        b.iter(|| {
            let page = catalog
                .search_equipment(
                    black_box(&one_category),
                    EquipmentOrder::Category,
                    twenty,
                    None,
                )
                .expect("a page");
            black_box(page.items.len())
        });
    });
    group.bench_function("shared_within_10km_of_tournai_by_distance", |b| {
        b.iter(|| {
            let page = catalog
                .search_equipment(
                    black_box(&shared_near_tournai),
                    EquipmentOrder::Distance,
                    twenty,
                    None,
                )
                .expect("a page");
            black_box(page.items.len())
        });
    });
    group.bench_function("text_first_20", |b| {
        b.iter(|| {
            let page = catalog
                .search_equipment(black_box(&text), EquipmentOrder::Category, twenty, None)
                .expect("a page");
            black_box(page.items.len())
        });
    });
    group.finish();
}

criterion_group!(benches, equipment);
criterion_main!(benches);
