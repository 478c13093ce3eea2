//! Measures marker clustering on 100,000 points spread over Wallonie picarde:
//! building the whole hierarchy once, and answering one map viewport around
//! Tournai at a regional and at a street zoom.
//!
//! Run with `cargo bench -p domain --bench clustering`
//! (quicker: append `-- --warm-up-time 1 --measurement-time 3`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::cluster::{ClusterIndex, ClusterOptions};
use domain::location::{BoundingBox, Point};
use domain::synthetic::Xorshift;

const POINTS: usize = 100_000;

/// Deterministic points over Wallonie picarde, so that every run measures
/// the same input.
fn wallonie_picarde(n: usize) -> Vec<Point> {
    let mut random = Xorshift::new(0x9E37_79B9_7F4A_7C15);
    (0..n).map(|_| random.point_in_wallonie_picarde()).collect()
}

fn clustering(c: &mut Criterion) {
    let points = wallonie_picarde(POINTS);
    let mut group = c.benchmark_group("clustering");

    group.bench_function("build_100k", |b| {
        b.iter(|| ClusterIndex::build(black_box(&points), ClusterOptions::default()));
    });

    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let around_tournai = BoundingBox::parse(3.30, 50.55, 3.50, 50.65).expect("valid viewport");
    for zoom in [10, 14] {
        let markers = index.clusters(&around_tournai, zoom);
        assert!(
            !markers.is_empty(),
            "no marker around Tournai at zoom {zoom}"
        );
        group.bench_function(format!("viewport_query_zoom_{zoom}"), |b| {
            b.iter(|| index.clusters(black_box(&around_tournai), black_box(zoom)));
        });
    }
    group.finish();
}

criterion_group!(benches, clustering);
criterion_main!(benches);
