//! Bad input gets BAD_USER_INPUT naming the argument — never a panic or a 500.

use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

fn assert_bad_input(error: &Value, argument: &str, message_part: &str) {
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error:#}");
    assert_eq!(error["extensions"]["argument"], argument, "{error:#}");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.starts_with(argument),
        "the message names the argument: {message}"
    );
    assert!(message.contains(message_part), "{message}");
}

on_both_databases!(
    bad_arguments_are_refused_with_a_code_and_the_argument_named,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let offers =
            "query($filter: OfferFilter, $first: Int, $after: String, $order: OfferOrder) {
        offers(filter: $filter, first: $first, after: $after, orderBy: $order) { totalCount } }";

        let error = app
            .error(
                offers,
                json!({ "filter": { "tradeCodes": ["menuiserie", "astronaute"] } }),
            )
            .await;
        assert_bad_input(&error, "filter.tradeCodes", "\"astronaute\"");

        let error = app
            .error(offers, json!({ "filter": { "poleCodes": ["PÔLE"] } }))
            .await;
        assert_bad_input(&error, "filter.poleCodes", "unknown pole code");

        let error = app
            .error(offers, json!({ "filter": { "communeNis": ["99999"] } }))
            .await;
        assert_bad_input(&error, "filter.communeNis", "99999");

        let error = app
            .error(offers, json!({ "filter": { "communeNis": ["Tournai"] } }))
            .await;
        assert_bad_input(&error, "filter.communeNis", "5 digits");

        let error = app
            .error(
                offers,
                json!({ "filter": { "startsAfter": "2027-06-01", "startsBefore": "2027-01-01" } }),
            )
            .await;
        assert_bad_input(
            &error,
            "filter.startsAfter",
            "must not be later than startsBefore",
        );

        let error = app
            .error(offers, json!({ "filter": { "text": "x".repeat(201) } }))
            .await;
        assert_bad_input(&error, "filter.text", "200");

        let error = app.error(offers, json!({ "first": 1000 })).await;
        assert_bad_input(&error, "first", "between 0 and 100");

        let error = app.error(offers, json!({ "first": -1 })).await;
        assert_bad_input(&error, "first", "between 0 and 100");

        let error = app.error(offers, json!({ "after": "not-a-cursor" })).await;
        assert_bad_input(&error, "after", "cursor");

        let by_date = app
            .data("{ offers(first: 1) { pageInfo { endCursor } } }", json!({}))
            .await;
        let cursor = by_date["offers"]["pageInfo"]["endCursor"].clone();
        let error = app
            .error(offers, json!({ "after": cursor, "order": "UPDATED_AT" }))
            .await;
        assert_bad_input(&error, "after", "START_DATE");

        let error = app
            .error("{ node(id: \"bm9wZQ\") { id } }", json!({}))
            .await;
        assert_bad_input(&error, "id", "not an id");

        let error = app
            .error("{ trades(poleCode: \"cuisine\") { code } }", json!({}))
            .await;
        assert_bad_input(&error, "poleCode", "cuisine");

        let error = app
            .error(
                "{ operators(filter: { tradeCodes: [\"x-y\"] }) { totalCount } }",
                json!({}),
            )
            .await;
        assert_bad_input(&error, "filter.tradeCodes", "x-y");
    }
);

on_both_databases!(
    malformed_dates_are_refused_before_execution,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let response = app
            .graphql(
                "{ offers(filter: { startsAfter: \"01/02/2027\" }) { totalCount } }",
                json!({}),
            )
            .await;
        let message = response["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains("YYYY-MM-DD"), "{message}");
        assert!(response.get("data").is_none_or(Value::is_null));
    }
);
