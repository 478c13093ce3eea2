//! Abuse of the contact form and of the endpoint: bad input stores nothing,
//! the honeypot is answered but ignored, one contact per request, rate
//! limits per address and per API key (429 with `Retry-After`), and API keys
//! that identify a website without granting anything.

use std::time::Duration;

use app::{Rate, RateLimits};
use e2e::Settings;
use e2e::TestApp;
use serde_json::json;
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::contacts::{REQUEST_CONTACT, contact_input, contactable_offer, post};

fn limits(graphql_per_ip: u32, contacts_per_hour: u32) -> Settings {
    Settings {
        rate_limits: RateLimits {
            graphql_per_ip: Rate::per_minute(graphql_per_ip),
            graphql_per_api_key: Rate::per_minute(0),
            contacts_per_ip: Rate::per_hour(contacts_per_hour),
        },
        ..Settings::default()
    }
}

on_both_databases!(
    bad_contact_requests_are_refused_with_their_field_and_store_nothing,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_with(db, limits(0, 0)).await;
        let (offer, audience, _, _) = contactable_offer(&app).await;
        let mut cases = vec![
            (
                contact_input(&offer, &audience, "pas-une-adresse", ""),
                "input.requester.email",
            ),
            (
                contact_input(&offer, &audience, "a@exemple.be", "appelez-moi"),
                "input.requester.phone",
            ),
            (
                contact_input(&offer, &audience, "a@exemple.be", "12"),
                "input.requester.phone",
            ),
        ];
        let mut long = contact_input(&offer, &audience, "a@exemple.be", "");
        long["message"] = json!("x".repeat(2001));
        cases.push((long, "input.message"));
        let mut empty_name = contact_input(&offer, &audience, "a@exemple.be", "");
        empty_name["requester"]["name"] = json!("   ");
        cases.push((empty_name, "input.requester.name"));
        let mut long_period = contact_input(&offer, &audience, "a@exemple.be", "");
        long_period["desiredPeriod"] = json!("p".repeat(101));
        cases.push((long_period, "input.desiredPeriod"));
        let refused_audience = ["TEACHERS_TRAINERS", "PRIMARY_UPPER"]
            .into_iter()
            .find(|a| *a != audience)
            .unwrap();
        let offer_audiences = app
            .data(
                "query($id: ID!) { node(id: $id) { ... on Offer { audiences } } }",
                json!({ "id": offer }),
            )
            .await["node"]["audiences"]
            .clone();
        if !offer_audiences
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == refused_audience)
        {
            cases.push((
                contact_input(&offer, refused_audience, "a@exemple.be", ""),
                "input.audience",
            ));
        }
        cases.push((
            contact_input("bm90LWFuLWlk", &audience, "a@exemple.be", ""),
            "input.offerId",
        ));
        for (input, argument) in cases {
            let error = app.error(REQUEST_CONTACT, json!({ "input": input })).await;
            assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
            assert_eq!(error["extensions"]["argument"], argument, "{error}");
            assert!(
                !error.to_string().contains("appelez-moi")
                    && !error.to_string().contains("pas-une-adresse")
            );
        }

        // A bot fills the hidden field: it is told the usual answer, and nothing is stored.
        let mut bot = contact_input(&offer, &audience, "bot@exemple.be", "");
        bot["website"] = json!("https://spam.example");
        let data = app.data(REQUEST_CONTACT, json!({ "input": bot })).await;
        assert_eq!(data["requestContact"]["mode"], "EMAIL_FORWARD");

        // Two contact mutations in one request: refused before anything runs.
        let (status, _, twice) = post(
            &app,
            "mutation($input: ContactRequestInput!) { a: requestContact(input: $input) { mode } b: requestContact(input: $input) { mode } }",
            json!({ "input": contact_input(&offer, &audience, "a@exemple.be", "") }),
            &[],
        )
        .await;
        assert_eq!(status, 400);
        assert_eq!(twice["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
        assert_eq!(
            twice["errors"][0]["extensions"]["limit"],
            "contactMutations"
        );

        assert!(
            app.state.store().mail_statuses().await.unwrap().is_empty(),
            "no mail queued"
        );
        let (_, _, operator, _) = contactable_offer(&app).await;
        let counts = app
            .data(
                "query($o: ID!) { contactCounts(operatorId: $o) { total } }",
                json!({ "o": operator }),
            )
            .await;
        assert_eq!(counts["contactCounts"]["total"], 0, "nothing stored");
    }
);

on_both_databases!(
    contact_requests_and_then_all_requests_from_one_address_are_rate_limited,
    |db: TestDatabase| async move {
        // Every request below counts against the per-address limit of 6 a minute.
        let app = TestApp::spawn_with(db, limits(6, 2)).await;
        let (offer, audience, _, _) = contactable_offer(&app).await; // 1
        let input = json!({ "input": contact_input(&offer, &audience, "a@exemple.be", "") });
        for _ in 0..2 {
            let (status, retry_after, body) = post(&app, REQUEST_CONTACT, input.clone(), &[]).await; // 2, 3
            assert_eq!((status, retry_after), (200, None), "{body}");
            assert!(body.get("errors").is_none(), "{body}");
        }
        let (status, retry_after, limited) = post(&app, REQUEST_CONTACT, input.clone(), &[]).await; // 4
        assert_eq!(status, 200, "only the field is refused");
        let error = &limited["errors"][0];
        assert_eq!(error["extensions"]["code"], "RATE_LIMITED", "{limited}");
        let wait = error["extensions"]["retryAfter"].as_u64().unwrap();
        assert!(
            wait > 0 && wait <= 1800,
            "one contact every 30 minutes: {wait}"
        );
        assert_eq!(retry_after, Some(wait.to_string()));

        for _ in 0..2 {
            let (status, _, _) = post(&app, "{ poles { code } }", json!({}), &[]).await; // 5, 6
            assert_eq!(status, 200);
        }
        let (status, retry_after, refused) = post(&app, "{ poles { code } }", json!({}), &[]).await; // 7
        assert_eq!(status, 429, "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["code"], "RATE_LIMITED");
        let wait = refused["errors"][0]["extensions"]["retryAfter"]
            .as_u64()
            .unwrap();
        assert_eq!(retry_after, Some(wait.to_string()));
        assert!(
            Duration::from_secs(wait) <= Duration::from_secs(10),
            "one request every 10 s: {wait}"
        );
        let metrics = app.get("/metrics").await.text().await.unwrap();
        assert!(
            metrics.contains(r#"wapi_rate_limited_total{limit="graphql_ip"} 1"#),
            "{metrics}"
        );
    }
);

on_both_databases!(
    api_keys_identify_a_website_for_quotas_and_statistics_and_never_authorise,
    |db: TestDatabase| async move {
        // Three requests a minute per address: the first three below without
        // a valid key use them up; the key's requests are counted apart.
        let app = TestApp::spawn_with(db, limits(3, 0)).await;
        let (_, _, operator, _) = contactable_offer(&app).await;
        let store = app.state.store();
        let (key, digest) = app::credentials::new_api_key();
        let id = store
            .create_api_key("ecole-ath", &digest, Some(3))
            .await
            .unwrap();
        let (revoked, revoked_digest) = app::credentials::new_api_key();
        store
            .create_api_key("ancien-site", &revoked_digest, None)
            .await
            .unwrap();
        assert!(store.revoke_api_key("ancien-site").await.unwrap());

        let (status, _, body) = post(
            &app,
            "{ poles { code } }",
            json!({}),
            &[("x-api-key", &key)],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        for bad in [revoked.as_str(), "wapikey_forged"] {
            let (status, _, body) =
                post(&app, "{ poles { code } }", json!({}), &[("x-api-key", bad)]).await;
            assert_eq!(status, 401, "{body}");
            assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
            assert!(
                body["errors"][0]["message"]
                    .as_str()
                    .unwrap()
                    .contains("X-Api-Key")
            );
        }

        // A key alone is the public: it reads nothing private and answers nothing.
        let (_, _, read) = post(
            &app,
            "query($o: ID!) { contactRequests(operatorId: $o) { edges { node { requesterEmail } } } }",
            json!({ "o": operator }),
            &[("x-api-key", &key)],
        )
        .await;
        assert_eq!(
            read["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
            "{read}"
        );
        let (status, _, _) = post(
            &app,
            "{ poles { code } }",
            json!({}),
            &[("x-api-key", &key)],
        )
        .await;
        assert_eq!(
            status, 200,
            "the key's third request of the minute, while its address has none left"
        );
        let (status, _, _) = post(&app, "{ poles { code } }", json!({}), &[]).await;
        assert_eq!(
            status, 429,
            "without the key, the address's quota is used up"
        );
        let (status, retry_after, over_quota) = post(
            &app,
            "{ poles { code } }",
            json!({}),
            &[("x-api-key", &key)],
        )
        .await;
        assert_eq!(
            status, 429,
            "the key's own quota is 3 a minute: {over_quota}"
        );
        assert!(retry_after.is_some());

        let metrics = app.get("/metrics").await.text().await.unwrap();
        assert!(
            metrics.contains(&format!(
                r#"wapi_api_key_requests_total{{key_id="{}",site="ecole-ath"}} 4"#,
                id.0
            )),
            "{metrics}"
        );
        assert!(!metrics.contains(&key) && !metrics.contains(&digest));
    }
);
