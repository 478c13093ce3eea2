//! Global ids: every object comes back through `node(id:)`; what the public
//! may not see does not.

use e2e::TestApp;
use serde_json::json;
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::helpers::{all_offers, ids};

on_both_databases!(
    every_kind_of_object_round_trips_through_node,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let data = app
        .data(
            "{ offers(first: 100, filter: { kinds: [TRAINING] }) { edges { node { id
                 operator { id } site { id commune { id } } trades { id poles { id } } training { programme { id } } } } } }",
            json!({}),
        )
        .await;
        let offer = &data["offers"]["edges"][0]["node"];
        let ids = [
            (offer["id"].clone(), "Offer"),
            (offer["operator"]["id"].clone(), "Operator"),
            (offer["site"]["id"].clone(), "Site"),
            (offer["site"]["commune"]["id"].clone(), "Commune"),
            (offer["trades"][0]["id"].clone(), "Trade"),
            (offer["trades"][0]["poles"][0]["id"].clone(), "Pole"),
            (
                offer["training"]["programme"]["id"].clone(),
                "TrainingProgramme",
            ),
        ];
        for (id, typename) in ids {
            let node = app
                .data(
                    "query($id: ID!) { node(id: $id) { __typename id } }",
                    json!({ "id": id }),
                )
                .await;
            assert_eq!(node["node"]["__typename"], typename);
            assert_eq!(node["node"]["id"], id);
        }
    }
);

on_both_databases!(
    drafts_and_archived_offers_are_invisible_through_node,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let published = ids(&all_offers(&app, json!(null), "START_DATE", 100).await);
        // The demo set has 376 offers with ids 1..=376; those not listed are drafts or archived.
        let hidden: Vec<String> = (1..=376)
            .map(|n: i64| {
                let raw = format!("Offer:{n}");
                base64_url(raw.as_bytes())
            })
            .filter(|id| !published.contains(id))
            .collect();
        assert!(
            hidden.len() >= 20,
            "the demo set has drafts and archived offers"
        );
        for id in hidden {
            let node = app
                .data(
                    "query($id: ID!) { node(id: $id) { id } }",
                    json!({ "id": id }),
                )
                .await;
            assert_eq!(node["node"], serde_json::Value::Null);
        }
    }
);

/// URL-safe base64 without padding, written out so the test does not share
/// the server's encoder.
fn base64_url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
