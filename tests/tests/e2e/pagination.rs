//! Relay pagination: every offer exactly once, in order, whatever the page size.

use e2e::TestApp;
use serde_json::json;
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::helpers::{all_offers, ids};

on_both_databases!(
    paging_visits_every_offer_once_in_order,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let in_one_go = all_offers(&app, json!(null), "START_DATE", 100).await;
        let in_small_pages = all_offers(&app, json!(null), "START_DATE", 37).await;
        assert_eq!(
            in_small_pages, in_one_go,
            "page size must not change the sequence"
        );
        assert_eq!(
            ids(&in_one_go).len(),
            in_one_go.len(),
            "an offer appeared twice"
        );

        // Soonest start first, offers without a start date last.
        let starts: Vec<Option<&str>> = in_one_go.iter().map(|o| o["startDate"].as_str()).collect();
        let dated: Vec<&str> = starts.iter().map_while(|s| *s).collect();
        assert!(
            dated.windows(2).all(|w| w[0] <= w[1]),
            "not sorted by start date"
        );
        assert!(
            starts[dated.len()..].iter().all(Option::is_none),
            "undated offers must come last"
        );

        let by_update = all_offers(&app, json!(null), "UPDATED_AT", 50).await;
        assert_eq!(ids(&by_update), ids(&in_one_go));
        let updates: Vec<&str> = by_update
            .iter()
            .map(|o| o["updatedAt"].as_str().unwrap())
            .collect();
        assert!(
            updates.windows(2).all(|w| w[0] >= w[1]),
            "not sorted by last update, newest first"
        );
    }
);

on_both_databases!(
    first_zero_counts_without_listing,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let data = app
            .data(
                "{ offers(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }",
                json!({}),
            )
            .await;
        assert!(data["offers"]["totalCount"].as_u64().unwrap() >= 300);
        assert_eq!(data["offers"]["edges"], json!([]));
        assert_eq!(data["offers"]["pageInfo"]["hasNextPage"], true);
    }
);

on_both_databases!(
    operators_page_alphabetically_and_filter_by_kind_and_commune,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let query = "query($after: String, $filter: OperatorFilter) {
        operators(first: 7, after: $after, filter: $filter) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { name kind sites { commune { nis } } } } } }";
        let mut names = Vec::new();
        let mut after = serde_json::Value::Null;
        loop {
            let data = app.data(query, json!({ "after": after })).await;
            let connection = &data["operators"];
            names.extend(
                connection["edges"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["node"]["name"].as_str().unwrap().to_owned()),
            );
            if !connection["pageInfo"]["hasNextPage"].as_bool().unwrap() {
                assert_eq!(
                    names.len() as u64,
                    connection["totalCount"].as_u64().unwrap()
                );
                break;
            }
            after = connection["pageInfo"]["endCursor"].clone();
        }
        assert!(names.len() >= 40);

        let filter = json!({ "kinds": ["COMPANY"], "communeNis": ["57081"] });
        let data = app.data(query, json!({ "filter": filter })).await;
        let edges = data["operators"]["edges"].as_array().unwrap();
        assert!(!edges.is_empty());
        for edge in edges {
            assert_eq!(edge["node"]["kind"], "COMPANY");
            assert!(
                edge["node"]["sites"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["commune"]["nis"] == "57081")
            );
        }
    }
);
