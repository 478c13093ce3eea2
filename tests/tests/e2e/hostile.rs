//! Hostile traffic, as a probe from outside sends it: documents that fan
//! out into millions of objects are priced and refused before they run,
//! every error has its code, and nothing tells the public which hidden
//! objects exist.

use domain::account::Role;
use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::contacts::{post, token_for};

/// The operator of the demo data with the most offers.
async fn busiest_operator(app: &TestApp) -> String {
    let data = app
        .data(
            "{ operators(first: 100) { edges { node { id offers { id } } } } }",
            json!({}),
        )
        .await;
    let edges = data["operators"]["edges"].as_array().unwrap();
    edges
        .iter()
        .max_by_key(|e| e["node"]["offers"].as_array().unwrap().len())
        .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
        .unwrap()
}

/// Seven levels of an operator's offers and each offer's operator: 9⁷
/// objects with the demo data, without a cost model.
fn fan_out(levels: usize) -> String {
    let mut selection = "name".to_owned();
    for _ in 0..levels {
        selection = format!("offers {{ operator {{ {selection} }} }}");
    }
    format!("query($id: ID!) {{ node(id: $id) {{ ... on Operator {{ {selection} }} }} }}")
}

fn assert_too_costly(body: &Value) {
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "QUERY_TOO_COSTLY", "{body}");
    assert!(
        error["extensions"]["cost"].as_u64().unwrap()
            > error["extensions"]["budget"].as_u64().unwrap(),
        "{body}"
    );
    assert!(
        body.get("data").is_none_or(Value::is_null),
        "nothing ran: {body}"
    );
}

on_both_databases!(
    documents_that_fan_out_are_refused_before_they_run,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let operator = busiest_operator(&app).await;
        let (status, _, body) = post(&app, &fan_out(7), json!({ "id": operator }), &[]).await;
        assert_eq!(status, 200);
        assert_too_costly(&body);

        // Aliases of a large page, each with nested lists: each under the
        // budget, twelve of them over it.
        let aliases = (0..12)
            .map(|i| format!("a{i}: offers(first: 100) {{ edges {{ node {{ operator {{ offers {{ title }} }} }} }} }}"))
            .collect::<Vec<_>>()
            .join(" ");
        let (_, _, body) = post(&app, &format!("{{ {aliases} }}"), json!({}), &[]).await;
        assert_too_costly(&body);

        // A fragment spreading lists, spread inside a list.
        let fragments = "{ operators(first: 100) { edges { node { ...Offers } } } }
            fragment Offers on Operator { offers { operator { offers { title } } } }";
        let (_, _, body) = post(&app, fragments, json!({}), &[]).await;
        assert_too_costly(&body);

        // The page size read from a variable counts like a literal one.
        let (_, _, body) = post(
            &app,
            "query($n: Int) { offers(first: $n) { edges { node { operator { offers { operator { sites { offers { title } } } } } } } } }",
            json!({ "n": 100 }),
            &[],
        )
        .await;
        assert_too_costly(&body);

        // Two levels are a reasonable question, and are answered.
        let data = app.data(&fan_out(2), json!({ "id": operator })).await;
        assert!(data["node"]["offers"].is_array(), "{data}");
    }
);

on_both_databases!(
    a_client_that_asks_gets_the_cost_of_its_document,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        // The README's example query, as partners paste it.
        let readme_query = r#"{
          offers(first: 5, filter: { text: "menuiserie", kinds: [TRAINING, INTERNSHIP] }) {
            totalCount
            edges { node { title kind startDate operator { name } site { location { lat lon } commune { name } } } }
            pageInfo { hasNextPage endCursor }
          } }"#;
        let response = app
            .client
            .post(format!("{}/graphql", app.address))
            .json(&json!({ "query": readme_query, "extensions": { "cost": true } }))
            .send()
            .await
            .unwrap();
        let body: Value = response.json().await.unwrap();
        assert!(body.get("errors").is_none(), "{body}");
        let cost = &body["extensions"]["cost"];
        assert!(cost["requested"].as_u64().unwrap() > 5, "{body}");
        assert!(
            cost["requested"].as_u64() < cost["budget"].as_u64(),
            "{body}"
        );
        // Without asking, no cost.
        let plain = app.graphql(readme_query, json!({})).await;
        assert!(plain.get("extensions").is_none(), "{plain}");
    }
);

/// The resident memory of this process, in kilobytes (the server runs in
/// it).
fn resident_kilobytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

on_both_databases!(
    twenty_costly_documents_at_once_leave_memory_bounded,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let operator = busiest_operator(&app).await;
        let before = resident_kilobytes();
        let mut attacks = tokio::task::JoinSet::new();
        for _ in 0..20 {
            let client = app.client.clone();
            let url = format!("{}/graphql", app.address);
            let body = json!({ "query": fan_out(7), "variables": { "id": operator } });
            attacks.spawn(async move {
                let response = client.post(url).json(&body).send().await.unwrap();
                response.json::<Value>().await.unwrap()
            });
        }
        while let Some(body) = attacks.join_next().await {
            assert_too_costly(&body.unwrap());
        }
        // Not a memory target (the load script measures the peak): a guard
        // against exhaustion. One such document alone used to pass 1.5 GB
        // in 15 s; the margin leaves room for a test running beside this one.
        let grown_megabytes = resident_kilobytes().saturating_sub(before) / 1024;
        assert!(grown_megabytes < 512, "memory grew by {grown_megabytes} MB");
    }
);

/// The code of a response's first error.
fn first_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("an error without a code: {body}"))
}

on_both_databases!(
    every_error_family_has_a_code_over_http,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let deep = format!(
            "{{ {}__typename{} }}",
            "node(id: \"x\") { ... on Operator { ".repeat(12),
            " } }".repeat(12)
        );
        let cases: Vec<(&str, String, Value, &str)> = vec![
            (
                "syntax",
                "{ offers(first: ".to_owned(),
                json!({}),
                "GRAPHQL_PARSE_FAILED",
            ),
            (
                "unknown field",
                "{ nope }".to_owned(),
                json!({}),
                "GRAPHQL_VALIDATION_FAILED",
            ),
            (
                "leaf with a selection",
                "{ __typename { x } }".to_owned(),
                json!({}),
                "GRAPHQL_VALIDATION_FAILED",
            ),
            (
                "unknown directive",
                "{ __typename @nope }".to_owned(),
                json!({}),
                "GRAPHQL_VALIDATION_FAILED",
            ),
            (
                "wrong argument type",
                "{ offers(first: \"ten\") { totalCount } }".to_owned(),
                json!({}),
                "GRAPHQL_VALIDATION_FAILED",
            ),
            (
                "variable coercion",
                "query($n: Int!) { offers(first: $n) { totalCount } }".to_owned(),
                json!({ "n": "ten" }),
                "BAD_USER_INPUT",
            ),
            (
                "missing variable",
                "query($n: Int!) { offers(first: $n) { totalCount } }".to_owned(),
                json!({}),
                "BAD_USER_INPUT",
            ),
            ("depth", deep, json!({}), "GRAPHQL_VALIDATION_FAILED"),
            (
                "too many directives",
                format!("{{ __typename {} }}", "@skip(if: false) ".repeat(20)),
                json!({}),
                "GRAPHQL_VALIDATION_FAILED",
            ),
            (
                "argument read at run time",
                "{ offers(filter: { startsAfter: \"hier\" }) { totalCount } }".to_owned(),
                json!({}),
                "BAD_USER_INPUT",
            ),
            (
                "resolver refusal",
                "{ offers(first: 1000) { totalCount } }".to_owned(),
                json!({}),
                "BAD_USER_INPUT",
            ),
        ];
        for (family, query, variables, code) in cases {
            let (_, _, body) = post(&app, &query, variables, &[]).await;
            assert_eq!(first_code(&body), code, "{family}: {body}");
            for error in body["errors"].as_array().unwrap() {
                assert!(error["extensions"]["code"].is_string(), "{family}: {body}");
            }
        }
        // An operation name that is not in the document.
        let response = app
            .client
            .post(format!("{}/graphql", app.address))
            .json(&json!({ "query": "query A { __typename } query B { __typename }", "operationName": "C" }))
            .send()
            .await
            .unwrap();
        let body: Value = response.json().await.unwrap();
        assert_eq!(first_code(&body), "BAD_USER_INPUT", "{body}");
        // A syntax error does not echo the document back.
        let (_, _, body) = post(
            &app,
            "{ geocode(query: \"marie.secret@exemple.be\" ",
            json!({}),
            &[],
        )
        .await;
        assert!(!body.to_string().contains("marie.secret"), "{body}");
    }
);

on_both_databases!(
    get_requests_honour_operation_name_as_the_specification_spells_it,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let query = "query A { poles { code } } query B { communes { nis } }";
        let url = format!("/graphql?query={}&operationName=B", form_urlencode(query));
        let body: Value = app.get(&url).await.json().await.unwrap();
        assert!(body["data"]["communes"].is_array(), "{body}");
        assert!(body["data"].get("poles").is_none(), "{body}");
    }
);

fn form_urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const CREATE_OFFER: &str =
    "mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }";

on_both_databases!(
    lists_meaning_sets_refuse_a_value_named_twice,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let admin = token_for(&app, "admin@ibefe.example", Role::Admin, None).await;
        let auth = format!("Bearer {admin}");
        let site = app
            .data(
                "{ operators(first: 1, filter: { kinds: [QUALIFYING_SCHOOL] }) { edges { node { id sites { id } } } } }",
                json!({}),
            )
            .await;
        let node = &site["operators"]["edges"][0]["node"];
        let input = |trades: Value, audiences: Value| {
            json!({ "input": {
                "operatorId": node["id"], "siteId": node["sites"][0]["id"], "title": "Stage",
                "tradeCodes": trades, "audiences": audiences,
                "details": { "internship": {} },
            }})
        };
        let (_, _, body) = post(
            &app,
            CREATE_OFFER,
            input(json!(["menuiserie", "menuiserie"]), json!(["JOB_SEEKERS"])),
            &[("authorization", &auth)],
        )
        .await;
        assert_eq!(first_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(
            body["errors"][0]["extensions"]["argument"], "input.tradeCodes[1]",
            "{body}"
        );
        let (_, _, body) = post(
            &app,
            CREATE_OFFER,
            input(json!(["menuiserie"]), json!(["JOB_SEEKERS", "JOB_SEEKERS"])),
            &[("authorization", &auth)],
        )
        .await;
        assert_eq!(
            body["errors"][0]["extensions"]["argument"], "input.audiences[1]",
            "{body}"
        );
        let (_, _, body) = post(
            &app,
            "mutation($input: InvitePartnerInput!) { invitePartner(input: $input) { token } }",
            json!({ "input": { "email": "double@exemple.be", "displayName": "Double", "operatorIds": [node["id"], node["id"]] } }),
            &[("authorization", &auth)],
        )
        .await;
        assert_eq!(
            body["errors"][0]["extensions"]["argument"], "input.operatorIds[1]",
            "{body}"
        );
    }
);

on_both_databases!(
    nothing_tells_the_public_or_other_partners_which_hidden_objects_exist,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        // A contact request that exists and one that does not, asked by the public.
        let mark = "mutation($id: ID!) { markContactAnswered(id: $id) { id } }";
        let id = |n: i64| {
            use base64::Engine;
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("ContactRequest:{n}"))
        };
        let (offer, audience, _, _) = crate::contacts::contactable_offer(&app).await;
        app.data(
            crate::contacts::REQUEST_CONTACT,
            json!({ "input": crate::contacts::contact_input(&offer, &audience, "a@exemple.be", "0470 12 34 56") }),
        )
        .await;
        let (_, _, existing) = post(&app, mark, json!({ "id": id(1) }), &[]).await;
        let (_, _, missing) = post(&app, mark, json!({ "id": id(999_999) }), &[]).await;
        assert_eq!(first_code(&existing), "UNAUTHENTICATED", "{existing}");
        assert_eq!(
            existing["errors"][0]["message"],
            missing["errors"][0]["message"]
        );
        assert_eq!(first_code(&existing), first_code(&missing));

        // Another operator's draft and an id nobody used, to a partner.
        let admin = token_for(&app, "admin@ibefe.example", Role::Admin, None).await;
        let schools = app
            .data(
                "{ operators(first: 2, filter: { kinds: [QUALIFYING_SCHOOL] }) { edges { node { id code sites { id } } } } }",
                json!({}),
            )
            .await;
        let owner = &schools["operators"]["edges"][0]["node"];
        let other = schools["operators"]["edges"][1]["node"]["code"]
            .as_str()
            .unwrap();
        let (_, _, created) = post(
            &app,
            CREATE_OFFER,
            json!({ "input": {
                "operatorId": owner["id"], "siteId": owner["sites"][0]["id"], "title": "Brouillon",
                "tradeCodes": ["menuiserie"], "audiences": ["JOB_SEEKERS"], "details": { "internship": {} },
            }}),
            &[("authorization", &format!("Bearer {admin}"))],
        )
        .await;
        let draft = created["data"]["createOffer"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let outsider = token_for(&app, "autre@ecole.example", Role::Partner, Some(other)).await;
        let update = "mutation($id: ID!) { updateOffer(id: $id, version: 1, input: { title: \"Pris\" }) { id } }";
        let unknown_offer = {
            use base64::Engine;
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode("Offer:999999")
        };
        let bearer = format!("Bearer {outsider}");
        let (_, _, on_draft) = post(
            &app,
            update,
            json!({ "id": draft }),
            &[("authorization", &bearer)],
        )
        .await;
        let (_, _, on_nothing) = post(
            &app,
            update,
            json!({ "id": unknown_offer }),
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(first_code(&on_draft), "NOT_FOUND", "{on_draft}");
        assert_eq!(
            on_draft["errors"][0]["message"],
            on_nothing["errors"][0]["message"]
        );
    }
);
