//! Reads come from the in-memory catalogue: a full page of offers with their
//! operator, site, commune and trades costs no database round trip at all.

use e2e::TestApp;
use serde_json::json;
use storage::on_both_databases;
use storage::testing::TestDatabase;

on_both_databases!(
    a_page_of_100_offers_with_relations_costs_no_database_round_trip,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let store = app.state.store();
        let before = store.statements_executed();
        let data = app
        .data(
            "{ offers(first: 100) { edges { node { id title
                 operator { name sites { name } } site { name location { lat lon } commune { name boundary } }
                 trades { code poles { code } } training { programme { title } } } } } }",
            json!({}),
        )
        .await;
        assert_eq!(data["offers"]["edges"].as_array().unwrap().len(), 100);
        assert_eq!(
            store.statements_executed(),
            before,
            "reads must not query the database"
        );

        // The counter does count: reloading the catalogue reads every table.
        app.state.refresh_catalog().await.unwrap();
        assert!(store.statements_executed() > before);
    }
);
