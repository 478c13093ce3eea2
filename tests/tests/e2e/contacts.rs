//! Contact requests over HTTP: the public writes about an offer, the
//! operator's partners (and admins) read and answer, everyone sees counts;
//! bad input is refused with a stable code and stores nothing.

use domain::account::{Email, Role};
use domain::codes::OperatorCode;
use e2e::TestApp;
use serde_json::{Value, json};
use storage::testing::TestDatabase;
use storage::{NewAccount, on_both_databases};

pub const REQUEST_CONTACT: &str = "mutation($input: ContactRequestInput!) {
    requestContact(input: $input) { mode phone address { street postcode locality } } }";

/// A published offer whose operator has an e-mail address: (offer id, audience, operator id, operator code).
pub async fn contactable_offer(app: &TestApp) -> (String, String, String, String) {
    let data = app
        .data(
            "{ offers(first: 100) { edges { node { id audiences operator { id code email } } } } }",
            json!({}),
        )
        .await;
    let node = data["offers"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .find(|n| {
            !n["operator"]["email"].is_null() && !n["audiences"].as_array().unwrap().is_empty()
        })
        .expect("a demo offer whose operator has an e-mail address")
        .clone();
    (
        node["id"].as_str().unwrap().to_owned(),
        node["audiences"][0].as_str().unwrap().to_owned(),
        node["operator"]["id"].as_str().unwrap().to_owned(),
        node["operator"]["code"].as_str().unwrap().to_owned(),
    )
}

pub fn contact_input(offer_id: &str, audience: &str, email: &str, phone: &str) -> Value {
    json!({
        "offerId": offer_id,
        "requester": { "name": "Élise Vandenberghe", "email": email, "phone": phone },
        "audience": audience,
        "desiredPeriod": "septembre 2027",
        "message": "Bonjour,\nje cherche un stage.",
    })
}

/// A partner account of the operator (or an admin without one) and a bearer token for it.
pub async fn token_for(app: &TestApp, email: &str, role: Role, operator: Option<&str>) -> String {
    let email = Email::parse(email).unwrap();
    let operators: Vec<OperatorCode> = operator
        .map(|code| OperatorCode::parse(code).unwrap())
        .into_iter()
        .collect();
    let account = app
        .state
        .store()
        .create_account(NewAccount {
            email: &email,
            display_name: "Quelqu'un",
            password_hash: "not used".to_owned(),
            role,
            operators: &operators,
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
            chrono::Utc::now() + chrono::Duration::days(1),
        )
        .await
        .unwrap();
    token
}

/// POSTs with optional headers; returns status, `Retry-After` and the body.
pub async fn post(
    app: &TestApp,
    query: &str,
    variables: Value,
    headers: &[(&str, &str)],
) -> (u16, Option<String>, Value) {
    let mut request = app
        .client
        .post(format!("{}/graphql", app.address))
        .json(&json!({ "query": query, "variables": variables }));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, retry_after, response.json().await.unwrap())
}

const REQUESTS: &str = "query($operator: ID!) { contactRequests(operatorId: $operator, first: 10) {
    edges { cursor node { id requesterName requesterEmail requesterPhone audience desiredPeriod message mode answeredAt offer { id } } }
    pageInfo { hasNextPage } } }";

on_both_databases!(
    a_forwarded_request_is_queued_and_only_the_operators_partners_read_and_answer_it,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let (offer, audience, operator, operator_code) = contactable_offer(&app).await;
        let data = app
            .data(
                REQUEST_CONTACT,
                json!({ "input": contact_input(&offer, &audience, "Elise.VDB@exemple.be", "0470 12 34 56") }),
            )
            .await;
        assert_eq!(
            data["requestContact"],
            json!({ "mode": "EMAIL_FORWARD", "phone": null, "address": null })
        );
        let mails = app.state.store().mail_statuses().await.unwrap();
        assert_eq!(mails.len(), 1, "the mail is queued with the request");
        assert_eq!((mails[0].attempts, mails[0].sent_at), (0, None));

        let owner = token_for(
            &app,
            "owner@partenaire.example",
            Role::Partner,
            Some(&operator_code),
        )
        .await;
        let another_operator = if operator_code == "ath-bati-picardie" {
            "antoing-calcaires-de-l-escaut"
        } else {
            "ath-bati-picardie"
        };
        let other = token_for(
            &app,
            "autre@partenaire.example",
            Role::Partner,
            Some(another_operator),
        )
        .await;
        let admin = token_for(&app, "admin@ibefe.example", Role::Admin, None).await;
        let variables = json!({ "operator": operator });

        let (status, _, public) = post(&app, REQUESTS, variables.clone(), &[]).await;
        assert_eq!(status, 200);
        assert_eq!(public["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
        let (_, _, foreign) = post(
            &app,
            REQUESTS,
            variables.clone(),
            &[("authorization", &format!("Bearer {other}"))],
        )
        .await;
        assert_eq!(foreign["errors"][0]["extensions"]["code"], "FORBIDDEN");
        for token in [&owner, &admin] {
            let (_, _, seen) = post(
                &app,
                REQUESTS,
                variables.clone(),
                &[("authorization", &format!("Bearer {token}"))],
            )
            .await;
            let node = &seen["data"]["contactRequests"]["edges"][0]["node"];
            assert_eq!(node["requesterName"], "Élise Vandenberghe", "{seen}");
            assert_eq!(node["requesterEmail"], "elise.vdb@exemple.be");
            assert_eq!(node["requesterPhone"], "+32470123456");
            assert_eq!(node["audience"], audience.as_str());
            assert_eq!(node["message"], "Bonjour,\nje cherche un stage.");
            assert_eq!(node["mode"], "EMAIL_FORWARD");
            assert_eq!(node["offer"]["id"], offer.as_str());
            assert_eq!(node["answeredAt"], Value::Null);
        }
        let (_, _, seen) = post(
            &app,
            REQUESTS,
            variables.clone(),
            &[("authorization", &format!("Bearer {owner}"))],
        )
        .await;
        let request_id = seen["data"]["contactRequests"]["edges"][0]["node"]["id"].clone();

        const ANSWER: &str = "mutation($id: ID!) { markContactAnswered(id: $id) { answeredAt } }";
        let (_, _, refused) = post(
            &app,
            ANSWER,
            json!({ "id": request_id }),
            &[("authorization", &format!("Bearer {other}"))],
        )
        .await;
        assert_eq!(
            refused["errors"][0]["extensions"]["code"], "NOT_FOUND",
            "another operator's partner learns nothing"
        );
        let (_, _, answered) = post(
            &app,
            ANSWER,
            json!({ "id": request_id }),
            &[("authorization", &format!("Bearer {owner}"))],
        )
        .await;
        assert!(
            answered["data"]["markContactAnswered"]["answeredAt"].is_string(),
            "{answered}"
        );

        let counts = app
            .data(
                "query($operator: ID!) { contactCounts(operatorId: $operator) { total answered perOffer { offerId requests } } }",
                variables,
            )
            .await;
        assert_eq!(
            counts["contactCounts"],
            json!({ "total": 1, "answered": 1, "perOffer": [{ "offerId": offer, "requests": 1 }] })
        );
    }
);

on_both_databases!(
    in_person_operators_show_their_address_and_store_no_mail,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let (offer, audience, _, operator_code) = contactable_offer(&app).await;
        let catalog = app.state.catalog();
        let operator = catalog
            .all_sites()
            .into_iter()
            .filter_map(|s| catalog.operator(s.operator_id))
            .find(|o| o.code.as_str() == operator_code)
            .unwrap()
            .id;
        app.state
            .store()
            .set_contact_settings(
                operator,
                &domain::contact::ContactSettings {
                    mode: domain::contact::ContactMode::InPerson,
                    accepted_audiences: vec![],
                },
            )
            .await
            .unwrap();
        let data = app
            .data(
                REQUEST_CONTACT,
                json!({ "input": contact_input(&offer, &audience, "elise@exemple.be", "") }),
            )
            .await;
        assert_eq!(data["requestContact"]["mode"], "IN_PERSON");
        assert!(
            data["requestContact"]["address"]["postcode"].is_string(),
            "{data}"
        );
        assert!(app.state.store().mail_statuses().await.unwrap().is_empty());
        assert_eq!(
            app.state
                .store()
                .contact_counts(operator)
                .await
                .unwrap()
                .total,
            1
        );
    }
);
