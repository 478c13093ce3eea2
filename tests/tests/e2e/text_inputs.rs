//! Text fields of the write API take any Unicode a client sends and either
//! keep it — read back exactly as sent, but for surrounding white space —
//! or refuse it with BAD_USER_INPUT naming the field: never INTERNAL, on
//! SQLite and PostgreSQL alike (PostgreSQL cannot store a NUL character,
//! which SQLite would keep).

use domain::account::Role;
use e2e::TestApp;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::contacts::{post, token_for};

/// Strings as hostile clients write them: any characters, control ones
/// included, short and long.
fn hostile_texts() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just('\u{0}'),
                Just('\n'),
                Just('\t'),
                Just('\u{1b}'),
                Just(' '),
                Just('é'),
                Just('\u{202e}'),
                Just('\u{feff}'),
                Just('\u{1f600}'),
                any::<char>(),
            ],
            0..40
        )
        .prop_map(|chars| chars.into_iter().collect()),
        "[a-zA-Zéèàç '\\-]{1,250}",
    ]
}

/// What a field keeps of a text it accepts.
fn kept(text: &str) -> String {
    text.trim().to_owned()
}

/// Sends one mutation with `text` in a field and checks the outcome; the
/// stored value is read back with `read` when it was accepted.
async fn check_field(
    app: &TestApp,
    bearer: &str,
    (mutation, variables): (&str, Value),
    result_path: &[&str],
    text: &str,
) {
    let (_, _, body) = post(app, mutation, variables, &[("authorization", bearer)]).await;
    if let Some(errors) = body["errors"].as_array() {
        let code = &errors[0]["extensions"]["code"];
        assert_eq!(code, "BAD_USER_INPUT", "{text:?} gave {body}");
        assert!(errors[0]["extensions"]["argument"].is_string(), "{body}");
        return;
    }
    let mut value = &body["data"];
    for key in result_path {
        value = &value[*key];
    }
    assert_eq!(
        value.as_str(),
        Some(kept(text).as_str()),
        "{text:?} gave {body}"
    );
}

on_both_databases!(
    any_unicode_in_a_text_field_is_kept_or_refused_never_an_internal_error,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let admin = token_for(&app, "admin@ibefe.example", Role::Admin, None).await;
        let bearer = format!("Bearer {admin}");
        let data = app
            .data(
                "{ operators(first: 1, filter: { kinds: [QUALIFYING_SCHOOL] }) { edges { node { id version sites { id } } } } }",
                json!({}),
            )
            .await;
        let operator = data["operators"]["edges"][0]["node"].clone();
        let (_, _, created) = post(
            &app,
            "mutation($input: CreateOfferInput!) { createOffer(input: $input) { id version } }",
            json!({ "input": {
                "operatorId": operator["id"], "siteId": operator["sites"][0]["id"], "title": "Stage",
                "tradeCodes": ["menuiserie"], "audiences": ["JOB_SEEKERS"], "details": { "internship": {} },
            }}),
            &[("authorization", &bearer)],
        )
        .await;
        let offer = created["data"]["createOffer"]["id"].clone();

        let mut runner = TestRunner::new(Config {
            cases: 48,
            ..Config::default()
        });
        let strategy = hostile_texts();
        for case in 0..48 {
            let text = strategy.new_tree(&mut runner).unwrap().current();
            // Offers: title (one line) and description (several).
            let current = current_version(&app, &bearer, &offer).await;
            check_field(
                &app,
                &bearer,
                (
                    "mutation($id: ID!, $v: Int!, $t: String!) { updateOffer(id: $id, version: $v, input: { title: $t }) { title } }",
                    json!({ "id": offer, "v": current, "t": text }),
                ),
                &["updateOffer", "title"],
                &text,
            )
            .await;
            let current = current_version(&app, &bearer, &offer).await;
            check_field(
                &app,
                &bearer,
                (
                    "mutation($id: ID!, $v: Int!, $t: String!) { updateOffer(id: $id, version: $v, input: { description: $t }) { description } }",
                    json!({ "id": offer, "v": current, "t": text }),
                ),
                &["updateOffer", "description"],
                &text,
            )
            .await;
            // A new site's name, and a programme's objective.
            check_field(
                &app,
                &bearer,
                (
                    "mutation($input: CreateSiteInput!) { createSite(input: $input) { name } }",
                    json!({ "input": {
                        "operatorId": operator["id"], "name": text, "street": "Rue du Test 1",
                        "postcode": "7500", "locality": "Tournai",
                        "location": { "lat": 50.6066, "lon": 3.3884 },
                    }}),
                ),
                &["createSite", "name"],
                &text,
            )
            .await;
            check_field(
                &app,
                &bearer,
                (
                    "mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { objective } }",
                    json!({ "input": {
                        "operatorId": operator["id"], "reference": format!("prog-{case}"),
                        "title": "Programme", "objective": text, "modality": "FULL_TIME",
                    }}),
                ),
                &["createProgramme", "objective"],
                &text,
            )
            .await;
            // An invited partner's name.
            check_field(
                &app,
                &bearer,
                (
                    "mutation($input: InvitePartnerInput!) { invitePartner(input: $input) { account { displayName } } }",
                    json!({ "input": {
                        "email": format!("partenaire-{case}@exemple.be"), "displayName": text,
                        "operatorIds": [operator["id"]],
                    }}),
                ),
                &["invitePartner", "account", "displayName"],
                &text,
            )
            .await;
        }
    }
);

async fn current_version(app: &TestApp, bearer: &str, offer: &Value) -> i64 {
    let (_, _, body) = post(
        app,
        "query($id: ID!) { node(id: $id) { ... on Offer { version } } }",
        json!({ "id": offer }),
        &[("authorization", bearer)],
    )
    .await;
    body["data"]["node"]["version"]
        .as_i64()
        .expect("the offer's version")
}
