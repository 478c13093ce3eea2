//! The HTTP surface: probes, GraphiQL, GET queries, content types, request ids.

use e2e::TestApp;
use storage::on_both_databases;
use storage::testing::TestDatabase;

on_both_databases!(
    probes_graphiql_and_get_queries_answer,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let client = &app.client;

        let livez = client
            .get(format!("{}/livez", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(livez.status(), 200);
        let readyz = client
            .get(format!("{}/readyz", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(readyz.status(), 200);
        assert!(
            readyz.headers().contains_key("x-request-id"),
            "every response carries a request id"
        );

        let graphiql = client
            .get(format!("{}/graphql", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(graphiql.status(), 200);
        let page = graphiql.text().await.unwrap();
        assert!(page.to_lowercase().contains("graphiql"));
        // Everything the page loads comes from this server (it works
        // offline), and is there.
        assert!(
            !page.contains("https://") && !page.contains("http://"),
            "{page}"
        );
        let loaded: Vec<&str> = page
            .split(['"', '\''])
            .filter(|s| s.starts_with("/graphiql/"))
            .collect();
        assert!(loaded.len() >= 5, "{loaded:?}");
        for path in loaded {
            let file = client
                .get(format!("{}{path}", app.address))
                .send()
                .await
                .unwrap();
            assert_eq!(file.status(), 200, "{path}");
            assert!(!file.bytes().await.unwrap().is_empty(), "{path}");
        }

        let get = client
            // `{ poles { code } }`, percent-encoded.
            .get(format!(
                "{}/graphql?query=%7B%20poles%20%7B%20code%20%7D%20%7D",
                app.address
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(get.status(), 200);
        let body: serde_json::Value = get.json().await.unwrap();
        assert_eq!(body["data"]["poles"].as_array().unwrap().len(), 5);
    }
);

on_both_databases!(
    posts_that_are_not_json_are_refused_with_415,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
            let response = app
                .client
                .post(format!("{}/graphql", app.address))
                .header("content-type", content_type)
                .body(r#"{"query":"{ poles { code } }"}"#)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 415, "{content_type}");
        }
    }
);

on_both_databases!(
    metrics_count_operations_errors_and_routes,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let client = &app.client;
        for query in [
            "query PartnerOffers { offers(first: 1) { totalCount } }",
            "query PartnerOffers { offers(first: 1000) { totalCount } }",
        ] {
            let body = serde_json::json!({ "query": query, "operationName": "PartnerOffers" });
            client
                .post(format!("{}/graphql", app.address))
                .json(&body)
                .send()
                .await
                .unwrap();
        }
        app.get("/geo/offers.geojson?q=jean.dupont@example.org")
            .await;
        let text = app.get("/metrics").await.text().await.unwrap();
        assert!(
            text.contains(
                r#"wapi_graphql_operations_total{operation="PartnerOffers",outcome="ok"} 1"#
            ),
            "{text}"
        );
        assert!(
            text.contains(
                r#"wapi_graphql_errors_total{operation="PartnerOffers",code="BAD_USER_INPUT"} 1"#
            ),
            "{text}"
        );
        assert!(text.contains(r#"route="/geo/offers.geojson""#), "{text}");
        assert!(
            text.contains("wapi_graphql_operation_duration_seconds_bucket"),
            "{text}"
        );
        assert!(
            !text.contains("dupont"),
            "query strings never reach the labels"
        );
    }
);
