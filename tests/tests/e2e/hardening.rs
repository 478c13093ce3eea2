//! The endpoint refuses what it must not run — batches, floods, oversize
//! bodies, mutations over GET — with clear errors, and still lets the
//! standard introspection query (what GraphiQL and code generators send) through.

use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

/// The introspection query tools send, with the usual seven-level `ofType` chain.
const INTROSPECTION: &str = r#"
query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}
"#;

async fn post_raw(app: &TestApp, content_type: &str, body: String) -> (u16, Value) {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn refusal(body: &Value) -> &Value {
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{body}");
    error
}

on_both_databases!(
    the_standard_introspection_query_is_allowed,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let data = app.data(INTROSPECTION, json!({})).await;
        let types = data["__schema"]["types"].as_array().unwrap();
        assert!(types.iter().any(|t| t["name"] == "Offer"));
    }
);

on_both_databases!(
    batches_floods_and_oversize_bodies_are_refused,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;

        let batch = json!([{ "query": "{ poles { code } }" }, { "query": "{ trades { code } }" }])
            .to_string();
        let (status, body) = post_raw(&app, "application/json", batch).await;
        assert_eq!(status, 400);
        assert!(
            refusal(&body)["message"]
                .as_str()
                .unwrap()
                .contains("batched")
        );

        let aliases = (0..31)
            .map(|i| format!("a{i}: offers(first: 100) {{ totalCount }}"))
            .collect::<Vec<_>>()
            .join(" ");
        let (status, body) = post_raw(
            &app,
            "application/json",
            json!({ "query": format!("{{ {aliases} }}") }).to_string(),
        )
        .await;
        assert_eq!(status, 400);
        assert_eq!(refusal(&body)["extensions"]["limit"], "aliases");

        let tokens = "poles { code } ".repeat(1_200);
        let (status, body) = post_raw(
            &app,
            "application/json",
            json!({ "query": format!("{{ {tokens} }}") }).to_string(),
        )
        .await;
        assert_eq!(status, 400);
        assert_eq!(refusal(&body)["extensions"]["limit"], "tokens");

        let huge = json!({ "query": "{ poles { code } }", "variables": { "padding": "x".repeat(70_000) } }).to_string();
        let (status, _) = post_raw(&app, "application/json", huge).await;
        assert_eq!(status, 413);

        let (status, body) = post_raw(&app, "application/json", "{\"query\": ".to_owned()).await;
        assert_eq!(status, 400);
        assert!(refusal(&body)["message"].as_str().unwrap().contains("JSON"));

        let (status, _) = post_raw(
            &app,
            "application/json; charset=utf-8",
            json!({ "query": "{ poles { code } }" }).to_string(),
        )
        .await;
        assert_eq!(status, 200, "a charset parameter is fine");

        let nested = "operator { sites { offers { ".repeat(6);
        let deep = format!(
            "{{ offers {{ edges {{ node {{ {nested} id {} }} }} }} }}",
            "} } } ".repeat(6)
        );
        let response = app.graphql(&deep, json!({})).await;
        assert!(
            response["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("nested too deep"),
            "{response}"
        );
    }
);

on_both_databases!(
    mutations_are_refused_over_get_with_405,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        // `mutation { x }`, percent-encoded.
        let response = app.get("/graphql?query=mutation%20%7B%20x%20%7D").await;
        assert_eq!(response.status(), 405);
        assert_eq!(response.headers()["allow"], "POST");
        let body: Value = response.json().await.unwrap();
        assert!(refusal(&body)["message"].as_str().unwrap().contains("POST"));
    }
);

on_both_databases!(
    media_types_follow_the_graphql_over_http_specification,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let post = |accept: &'static str, query: &'static str| {
            app.client
                .post(format!("{}/graphql", app.address))
                .header("accept", accept)
                .json(&json!({ "query": query }))
                .send()
        };
        let ok = post("application/graphql-response+json", "{ poles { code } }")
            .await
            .unwrap();
        assert_eq!(ok.status(), 200);
        assert!(
            ok.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/graphql-response+json")
        );

        let broken = post("application/graphql-response+json", "{ poles {")
            .await
            .unwrap();
        assert_eq!(
            broken.status(),
            400,
            "a request that cannot start is a 400 with the new media type"
        );
        let body: Value = broken.json().await.unwrap();
        assert!(body.get("data").is_none(), "no data entry: {body}");

        let legacy = post("application/json", "{ poles {").await.unwrap();
        assert_eq!(
            legacy.status(),
            200,
            "application/json clients always get 200"
        );
        assert!(
            legacy.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );

        let field_error = post(
            "application/graphql-response+json",
            "{ offers(first: 1000) { totalCount } }",
        )
        .await
        .unwrap();
        assert_eq!(
            field_error.status(),
            200,
            "errors during execution keep 200"
        );
    }
);
