//! Queries shared by the tests.

use std::collections::BTreeSet;

use domain::account::{Email, Role};
use domain::codes::OperatorCode;
use e2e::TestApp;
use serde_json::{Value, json};
use storage::NewAccount;

/// Every field a filter can be checked against, for every offer.
pub const OFFER_FIELDS: &str = "id kind title startDate updatedAt audiences trades { code poles { code } } site { commune { nis } }";

/// Fetches every published offer matching `filter`, following cursors, and
/// checks along the way that pages fit together.
pub async fn all_offers(
    app: &TestApp,
    filter: Value,
    order_by: &str,
    page_size: i64,
) -> Vec<Value> {
    let query = format!(
        "query($filter: OfferFilter, $after: String, $first: Int) {{
           offers(filter: $filter, orderBy: {order_by}, first: $first, after: $after) {{
             totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ {OFFER_FIELDS} }} }} }} }}"
    );
    let mut offers = Vec::new();
    let mut after = Value::Null;
    let mut total = None;
    loop {
        let data = app
            .data(
                &query,
                json!({ "filter": filter, "after": after, "first": page_size }),
            )
            .await;
        let connection = &data["offers"];
        let this_total = connection["totalCount"].as_u64().expect("totalCount");
        assert_eq!(
            *total.get_or_insert(this_total),
            this_total,
            "totalCount changed between pages"
        );
        let edges = connection["edges"].as_array().expect("edges");
        offers.extend(edges.iter().map(|e| e["node"].clone()));
        if !connection["pageInfo"]["hasNextPage"]
            .as_bool()
            .expect("hasNextPage")
        {
            break;
        }
        after = connection["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(
        offers.len() as u64,
        total.unwrap_or(0),
        "pages did not add up to totalCount"
    );
    offers
}

pub fn ids(offers: &[Value]) -> BTreeSet<String> {
    offers
        .iter()
        .map(|o| o["id"].as_str().expect("id").to_owned())
        .collect()
}

pub fn trade_codes(offer: &Value) -> Vec<&str> {
    offer["trades"]
        .as_array()
        .expect("trades")
        .iter()
        .map(|t| t["code"].as_str().expect("code"))
        .collect()
}

/// An account with a bearer token, created directly in the store.
pub async fn account(app: &TestApp, email: &str, role: Role, operators: &[&str]) -> String {
    let codes: Vec<OperatorCode> = operators
        .iter()
        .map(|c| OperatorCode::parse(c).unwrap())
        .collect();
    let email = Email::parse(email).unwrap();
    let account = app
        .state
        .store()
        .create_account(NewAccount {
            email: &email,
            display_name: "Compte de test",
            password_hash: String::new(),
            role,
            operators: &codes,
        })
        .await
        .unwrap();
    let (token, digest) = app::credentials::new_token();
    app.state
        .store()
        .create_token(
            account.id,
            &digest,
            "test",
            chrono::Utc::now() + chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    token
}
