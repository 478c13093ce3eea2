//! Measures serving the full offers layer of the demo data set as map widgets
//! fetch it (`GET /geo/offers.geojson`, every published offer, no filter):
//! routing, the catalogue search, building the RFC 7946 features, writing
//! the JSON and its ETag, in process through the real router.
//!
//! Run with `cargo bench -p web --bench geojson_layer`.

use std::hint::black_box;

use axum::body::Body;
use axum::http::Request;
use criterion::{Criterion, criterion_group, criterion_main};
use storage::testing::TestDatabase;
use storage::{SeedSelection, Store};
use tower::ServiceExt;

fn geojson_layer(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let database = TestDatabase::sqlite();
    let state = runtime.block_on(async {
        let store = Store::connect(&database.url).await.expect("connect");
        store.migrate().await.expect("migrate");
        store
            .seed(SeedSelection { demo: true })
            .await
            .expect("seed");
        app::App::load(store).await.expect("load")
    });
    let router = web::router(state, web::Settings::default());
    let fetch = |path: &'static str| {
        let router = router.clone();
        async move {
            let response = router
                .oneshot(Request::get(path).body(Body::empty()).expect("a request"))
                .await
                .expect("an answer");
            assert_eq!(response.status(), 200);
            axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .expect("the body")
                .len()
        }
    };
    let bytes = runtime.block_on(fetch("/geo/offers.geojson"));
    assert!(bytes > 100_000, "the whole layer is served ({bytes} bytes)");

    let mut group = c.benchmark_group("geojson_layer");
    group.bench_function("all_published_offers", |b| {
        b.iter(|| black_box(runtime.block_on(fetch("/geo/offers.geojson"))));
    });
    group.bench_function("clusters_zoom_10", |b| {
        b.iter(|| black_box(runtime.block_on(fetch("/geo/offers.geojson?zoom=10"))));
    });
    group.finish();
}

criterion_group!(benches, geojson_layer);
criterion_main!(benches);
