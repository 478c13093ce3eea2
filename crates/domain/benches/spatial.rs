//! Spatial search over 100,000 synthetic sites (one offer each) on the real
//! commune boundaries: a 10 km radius search returning the 20 nearest
//! offers, and the 20 nearest sites.
//!
//! Run with `cargo bench -p domain --bench spatial`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::catalog::{NearInput, OfferFilterInput, OfferOrder};
use domain::location::Point;
use domain::page::PageSize;
use domain::synthetic::{catalog_with_sites, communes_from_seed_file};

fn spatial(c: &mut Criterion) {
    let communes = communes_from_seed_file(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/communes.geojson"),
    );
    let catalog = catalog_with_sites(communes, 100_000, 2026);
    let area = catalog.default_service_area().expect("a service area");
    let tournai = Point::parse(50.6071, 3.3893).expect("Tournai");
    let twenty = PageSize::parse(Some(20)).expect("20");
    let near_tournai = OfferFilterInput {
        near: Some(NearInput {
            lat: tournai.lat(),
            lon: tournai.lon(),
            radius_km: 10.0,
        }),
        ..OfferFilterInput::default()
    };
    let query = catalog
        .parse_offer_filter(near_tournai, &area)
        .expect("valid");

    let mut group = c.benchmark_group("spatial_100k_sites");
    group.bench_function("radius_10km_first_20_by_distance", |b| {
        b.iter(|| {
            let page = catalog
                .search_offers(black_box(&query), OfferOrder::Distance, twenty, None, false)
                .expect("near is set");
            black_box(page.items.len())
        });
    });
    group.bench_function("k_nearest_20_sites", |b| {
        b.iter(|| black_box(catalog.sites_near(black_box(tournai), 20, None).len()));
    });
    group.finish();
}

criterion_group!(benches, spatial);
criterion_main!(benches);
