//! Measures the in-process execution of the GraphQL queries partners send most
//! (`Executor::run`: the document limits, parsing, validation, the catalogue
//! search and the serialisation-ready response), on a SQLite database seeded with the demo
//! data set. No HTTP and no SQL is involved: reads are answered from the
//! in-memory catalogue. `scripts/load-test.sh` measures the same query over HTTP.
//!
//! Run with `cargo bench -p api --bench partner_query`
//! (quicker: append `-- --warm-up-time 1 --measurement-time 3`).

use std::hint::black_box;

use api::Executor;
use app::App;
use criterion::{Criterion, criterion_group, criterion_main};
use storage::testing::TestDatabase;
use storage::{SeedSelection, Store};
use tokio::runtime::Runtime;

/// The fields a partner's list or map view reads for each offer.
const OFFER_SELECTION: &str = "totalCount edges { cursor node { id title kind startDate endDate places recruitmentState \
     operator { id name kind } site { id name address { street postcode locality } location { lat lon } commune { nis name } } \
     trades { code name } } } pageInfo { hasNextPage endCursor }";

fn offers_query(arguments: &str) -> String {
    format!("{{ offers({arguments}) {{ {OFFER_SELECTION} }} }}")
}

/// Executes `query` once and panics unless it succeeds with at least one edge.
fn assert_answers(runtime: &Runtime, executor: &Executor, app: &App, query: &str) {
    let outcome = runtime
        .block_on(executor.run(app, query))
        .expect("the query passes the document limits");
    assert!(
        outcome.error_messages().is_empty(),
        "{query} failed: {:?}",
        outcome.error_messages()
    );
    let data = outcome.data();
    let edges = data["offers"]["edges"]
        .as_array()
        .expect("offers.edges is a list");
    assert!(!edges.is_empty(), "{query} returned no edges");
}

fn partner_query(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("build the tokio runtime");
    let database = TestDatabase::sqlite();
    let state = runtime.block_on(async {
        let store = Store::connect(&database.url).await.expect("connect");
        store.migrate().await.expect("migrate");
        store
            .seed(SeedSelection { demo: true })
            .await
            .expect("seed");
        App::load(store).await.expect("load the catalogue")
    });
    let executor = Executor::new();

    let benchmarks = [
        (
            "offers_first_20_by_trades_and_kinds",
            offers_query(
                r#"first: 20, filter: {tradeCodes: ["menuiserie", "maconnerie", "peinture-batiment"], kinds: [TRAINING, INTERNSHIP]}"#,
            ),
        ),
        (
            "offers_first_100_all_fields_text_search",
            offers_query(r#"first: 100, filter: {text: "electricite"}"#),
        ),
    ];

    let mut group = c.benchmark_group("partner_query");
    for (name, query) in &benchmarks {
        assert_answers(&runtime, &executor, &state, query);
        group.bench_function(*name, |b| {
            b.iter(|| runtime.block_on(executor.run(&state, black_box(query.as_str()))));
        });
    }
    group.finish();
    drop(state);
    drop(database);
}

criterion_group!(benches, partner_query);
criterion_main!(benches);
