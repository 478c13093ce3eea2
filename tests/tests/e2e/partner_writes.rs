//! Partners keep their data current over HTTP: writes are validated, checked
//! against the version the writer read, audited, visible to every read at
//! once, and to another instance on the same PostgreSQL database.

use std::time::{Duration, Instant};

use domain::account::Role;
use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::helpers::account;

const OPERATOR: &str = "antoing-calcaires-de-l-escaut";
const OTHER_OPERATOR: &str = "ath-athenee-professionnel-des-collines";

async fn post(app: &TestApp, token: Option<&str>, query: &str, variables: Value) -> Value {
    let mut request = app
        .client
        .post(format!("{}/graphql", app.address))
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn data(app: &TestApp, token: Option<&str>, query: &str, variables: Value) -> Value {
    let response = post(app, token, query, variables).await;
    assert!(response.get("errors").is_none(), "{response:#}");
    response["data"].clone()
}

async fn error(app: &TestApp, token: Option<&str>, query: &str, variables: Value) -> Value {
    let response = post(app, token, query, variables).await;
    let errors = response["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("expected an error: {response:#}"));
    assert_eq!(errors.len(), 1, "{response:#}");
    errors[0].clone()
}

/// The operator's global id and its first site's global id, location and postcode.
async fn operator_and_site(app: &TestApp, code: &str) -> (String, String, Value, String) {
    let data = app
        .data(
            "{ operators(first: 100) { edges { node { id code sites { id location { lat lon } address { postcode } } } } } }",
            json!({}),
        )
        .await;
    let operator = data["operators"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .find(|o| o["code"] == code)
        .unwrap_or_else(|| panic!("operator {code} in the demo data"))
        .clone();
    let site = &operator["sites"][0];
    (
        operator["id"].as_str().unwrap().to_owned(),
        site["id"].as_str().unwrap().to_owned(),
        site["location"].clone(),
        site["address"]["postcode"].as_str().unwrap().to_owned(),
    )
}

const CREATE_OFFER: &str = "mutation($input: CreateOfferInput!) {
    createOffer(input: $input) { id status version title places operator { code } site { commune { nis } } } }";
const UPDATE_OFFER: &str = "mutation($id: ID!, $version: Int!, $input: UpdateOfferInput!) {
    updateOffer(id: $id, version: $version, input: $input) { id version title places } }";
const PUBLISH: &str = "mutation($id: ID!, $version: Int!) { publishOffer(id: $id, version: $version) { status version } }";
const ARCHIVE: &str = "mutation($id: ID!, $version: Int!) { archiveOffer(id: $id, version: $version) { status version } }";
const NODE: &str = "query($id: ID!) { node(id: $id) { ... on Offer { id status title version } } }";
const SEARCH: &str = "query($text: String!) { offers(filter: { text: $text }) { totalCount edges { node { id } } } }";

fn internship(operator: &str, site: &str, title: &str) -> Value {
    json!({
        "operatorId": operator,
        "siteId": site,
        "title": title,
        "description": "Stage d'observation en carrière de calcaire.",
        "tradeCodes": ["maintenance-mecanique"],
        "audiences": ["SECONDARY_QUALIFYING"],
        "startDate": "2027-03-01",
        "endDate": "2027-03-26",
        "places": 2,
        "details": { "internship": { "durationWeeks": 4 } }
    })
}

on_both_databases!(
    a_partner_creates_publishes_edits_archives_and_duplicates_an_offer,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(
            &app,
            "partner@carrieres.example",
            Role::Partner,
            &[OPERATOR],
        )
        .await;
        let admin = account(&app, "admin@ibefe.example", Role::Admin, &[]).await;
        let (operator, site, _, _) = operator_and_site(&app, OPERATOR).await;
        let title = "Stage xylophonique en carrière";

        let created = data(
            &app,
            Some(&partner),
            CREATE_OFFER,
            json!({ "input": internship(&operator, &site, title) }),
        )
        .await;
        let offer = &created["createOffer"];
        let id = offer["id"].as_str().unwrap().to_owned();
        assert_eq!(offer["status"], "DRAFT");
        assert_eq!(offer["version"], 1);
        assert_eq!(offer["operator"]["code"], OPERATOR);
        assert!(offer["site"]["commune"]["nis"].is_string());

        // A draft is the partner's: the public sees neither it nor its id.
        let public = data(&app, None, NODE, json!({ "id": id })).await;
        assert_eq!(public["node"], Value::Null);
        let own = data(&app, Some(&partner), NODE, json!({ "id": id })).await;
        assert_eq!(own["node"]["status"], "DRAFT");
        let search = data(&app, None, SEARCH, json!({ "text": "xylophonique" })).await;
        assert_eq!(search["offers"]["totalCount"], 0);
        let layer: Value = app
            .get("/geo/offers.geojson?q=xylophonique")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(layer["features"], json!([]), "drafts stay off the map");
        let outsider = account(
            &app,
            "other@athenee.example",
            Role::Partner,
            &[OTHER_OPERATOR],
        )
        .await;
        let other = data(&app, Some(&outsider), NODE, json!({ "id": id })).await;
        assert_eq!(
            other["node"],
            Value::Null,
            "another operator's partner does not see the draft"
        );
        let refused = error(
            &app,
            Some(&outsider),
            "query($id: ID!) { node(id: $id) { ... on Operator { allOffers { id } } } }",
            json!({ "id": operator }),
        )
        .await;
        assert_eq!(refused["extensions"]["code"], "FORBIDDEN");

        // Published: every public read shows it at once.
        let published = data(
            &app,
            Some(&partner),
            PUBLISH,
            json!({ "id": id, "version": 1 }),
        )
        .await;
        assert_eq!(
            published["publishOffer"],
            json!({ "status": "PUBLISHED", "version": 2 })
        );
        let search = data(&app, None, SEARCH, json!({ "text": "xylophonique" })).await;
        assert_eq!(search["offers"]["edges"][0]["node"]["id"], id);
        let layer: Value = app
            .get("/geo/offers.geojson?q=xylophonique")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(layer["features"].as_array().unwrap().len(), 1, "{layer:#}");

        // An update names the version it read; a stale one changes nothing.
        let updated = data(
            &app,
            Some(&partner),
            UPDATE_OFFER,
            json!({ "id": id, "version": 2, "input": { "title": "Stage xylophonique (complet)", "places": null } }),
        )
        .await;
        assert_eq!(updated["updateOffer"]["version"], 3);
        assert_eq!(updated["updateOffer"]["places"], Value::Null);
        let stale = error(
            &app,
            Some(&partner),
            UPDATE_OFFER,
            json!({ "id": id, "version": 2, "input": { "title": "Écrasé" } }),
        )
        .await;
        assert_eq!(stale["extensions"]["code"], "CONFLICT");
        assert_eq!(stale["extensions"]["currentVersion"], 3);
        let now = data(&app, None, NODE, json!({ "id": id })).await;
        assert_eq!(now["node"]["title"], "Stage xylophonique (complet)");

        // Archived: gone from the public, kept for its partner.
        let archived = data(
            &app,
            Some(&partner),
            ARCHIVE,
            json!({ "id": id, "version": 3 }),
        )
        .await;
        assert_eq!(archived["archiveOffer"]["status"], "ARCHIVED");
        assert_eq!(
            data(&app, None, NODE, json!({ "id": id })).await["node"],
            Value::Null
        );
        let all = data(
            &app,
            Some(&partner),
            "query($id: ID!) { node(id: $id) { ... on Operator { allOffers(status: ARCHIVED) { id } } } }",
            json!({ "id": operator }),
        )
        .await;
        assert!(
            all["node"]["allOffers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["id"] == id)
        );

        let copy = data(
            &app,
            Some(&partner),
            "mutation($id: ID!) { duplicateOffer(id: $id) { id status title version } }",
            json!({ "id": id }),
        )
        .await;
        assert_eq!(copy["duplicateOffer"]["status"], "DRAFT");
        assert_eq!(
            copy["duplicateOffer"]["title"],
            "Stage xylophonique (complet)"
        );
        assert_ne!(copy["duplicateOffer"]["id"], id);

        // The audit trail, newest first, with each field's old and new value.
        let audit = data(
            &app,
            Some(&admin),
            "query($id: ID!) { auditEntries(filter: { objectId: $id }) { edges { node {
                actor action objectId changes { field from to } } } } }",
            json!({ "id": id }),
        )
        .await;
        let entries = audit["auditEntries"]["edges"].as_array().unwrap();
        let actions: Vec<&str> = entries
            .iter()
            .map(|e| e["node"]["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, ["ARCHIVE", "UPDATE", "PUBLISH", "CREATE"]);
        let update = &entries[1]["node"];
        assert_eq!(update["actor"], "Compte de test");
        assert!(update["changes"].as_array().unwrap().contains(&json!({
            "field": "title", "from": title, "to": "Stage xylophonique (complet)"
        })));
        assert!(update["changes"].as_array().unwrap().contains(&json!({
            "field": "places", "from": "2", "to": null
        })));

        // Partners do not read the audit trail.
        let forbidden = error(
            &app,
            Some(&partner),
            "{ auditEntries { edges { cursor } } }",
            json!({}),
        )
        .await;
        assert_eq!(forbidden["extensions"]["code"], "FORBIDDEN");
    }
);

on_both_databases!(
    partners_act_only_for_their_own_operators,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let outsider = account(
            &app,
            "other@athenee.example",
            Role::Partner,
            &[OTHER_OPERATOR],
        )
        .await;
        let (operator, site, _, _) = operator_and_site(&app, OPERATOR).await;
        let update = "mutation($id: ID!) { updateOperator(id: $id, version: 1, input: { name: \"Repris\" }) { name } }";

        let refused = error(&app, Some(&outsider), update, json!({ "id": operator })).await;
        assert_eq!(refused["extensions"]["code"], "FORBIDDEN");
        let refused = error(&app, None, update, json!({ "id": operator })).await;
        assert_eq!(refused["extensions"]["code"], "UNAUTHENTICATED");
        let refused = error(
            &app,
            Some(&outsider),
            CREATE_OFFER,
            json!({ "input": internship(&operator, &site, "Intrus") }),
        )
        .await;
        assert_eq!(refused["extensions"]["code"], "FORBIDDEN");
        let missing = error(
            &app,
            Some(&outsider),
            update,
            json!({ "id": e2e_global_id("Operator", 999_999) }),
        )
        .await;
        assert_eq!(missing["extensions"]["code"], "NOT_FOUND");
        // Only admins create operators.
        let create = "mutation { createOperator(input: { code: \"nouvel-operateur\", name: \"Nouveau\", kind: COMPANY }) { code } }";
        assert_eq!(
            error(&app, Some(&outsider), create, json!({})).await["extensions"]["code"],
            "FORBIDDEN"
        );
        let admin = account(&app, "admin@ibefe.example", Role::Admin, &[]).await;
        let created = data(&app, Some(&admin), create, json!({})).await;
        assert_eq!(created["createOperator"]["code"], "nouvel-operateur");
        let operators = app
            .data(
                "{ operators(filter: { text: \"Nouveau\" }) { edges { node { code version } } } }",
                json!({}),
            )
            .await;
        assert_eq!(
            operators["operators"]["edges"][0]["node"],
            json!({ "code": "nouvel-operateur", "version": 1 })
        );
    }
);

/// The global id of an object, built by hand to name one that does not exist.
fn e2e_global_id(type_name: &str, key: i64) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{type_name}:{key}"))
}

on_both_databases!(
    bad_input_names_the_field_and_writes_nothing,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(
            &app,
            "partner@carrieres.example",
            Role::Partner,
            &[OPERATOR],
        )
        .await;
        let admin = account(&app, "admin@ibefe.example", Role::Admin, &[]).await;
        let (operator, site, location, postcode) = operator_and_site(&app, OPERATOR).await;
        let audit_count = || async {
            data(
                &app,
                Some(&admin),
                "{ auditEntries(first: 100) { edges { cursor } } }",
                json!({}),
            )
            .await["auditEntries"]["edges"]
                .as_array()
                .unwrap()
                .len()
        };
        let before = audit_count().await;

        let mut input = internship(&operator, &site, "Stage");
        input["endDate"] = json!("2027-01-01");
        let refused = error(
            &app,
            Some(&partner),
            CREATE_OFFER,
            json!({ "input": input }),
        )
        .await;
        assert_eq!(refused["extensions"]["code"], "BAD_USER_INPUT");
        assert_eq!(refused["extensions"]["argument"], "input.endDate");

        let mut input = internship(&operator, &site, "Stage");
        input["tradeCodes"] = json!(["astronaute"]);
        let refused = error(
            &app,
            Some(&partner),
            CREATE_OFFER,
            json!({ "input": input }),
        )
        .await;
        assert_eq!(refused["extensions"]["argument"], "input.tradeCodes[0]");

        let mut input = internship(&operator, &site, "Stage");
        input["details"] = json!({ "job": { "contractType": "PERMANENT", "workingTime": "FULL_TIME" }, "internship": {} });
        let refused = post(
            &app,
            Some(&partner),
            CREATE_OFFER,
            json!({ "input": input }),
        )
        .await;
        assert!(
            refused["errors"].is_array(),
            "a oneOf input takes exactly one kind: {refused:#}"
        );

        // A site whose postcode is not used where its point lies.
        let create_site = "mutation($input: CreateSiteInput!) { createSite(input: $input) { id commune { nis } } }";
        let wrong_postcode = if postcode == "7500" { "7800" } else { "7500" };
        let refused = error(
            &app,
            Some(&partner),
            create_site,
            json!({ "input": { "operatorId": operator, "name": "Dépôt", "street": "Rue du Port 1",
                "postcode": wrong_postcode, "locality": "Antoing", "location": location } }),
        )
        .await;
        assert_eq!(refused["extensions"]["argument"], "input.location");
        // Latitude and longitude swapped: outside every commune.
        let swapped = json!({ "lat": location["lon"], "lon": location["lat"] });
        let refused = error(
            &app,
            Some(&partner),
            create_site,
            json!({ "input": { "operatorId": operator, "name": "Dépôt", "street": "Rue du Port 1",
                "postcode": postcode, "locality": "Antoing", "location": swapped } }),
        )
        .await;
        assert_eq!(refused["extensions"]["argument"], "input.location");

        assert_eq!(
            audit_count().await,
            before,
            "a refused write leaves no trace"
        );

        // The same site with its own postcode is placed, its commune computed.
        let created = data(
            &app,
            Some(&partner),
            create_site,
            json!({ "input": { "operatorId": operator, "name": "Dépôt", "street": "Rue du Port 1",
                "postcode": postcode, "locality": "Antoing", "location": location } }),
        )
        .await;
        assert!(created["createSite"]["commune"]["nis"].is_string());
        assert_eq!(audit_count().await, before + 1);
    }
);

on_both_databases!(
    concurrent_updates_never_lose_a_write,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(
            &app,
            "partner@carrieres.example",
            Role::Partner,
            &[OPERATOR],
        )
        .await;
        let (operator, site, _, _) = operator_and_site(&app, OPERATOR).await;
        let created = data(
            &app,
            Some(&partner),
            CREATE_OFFER,
            json!({ "input": internship(&operator, &site, "Stage disputé") }),
        )
        .await;
        let id = created["createOffer"]["id"].as_str().unwrap().to_owned();

        // Each writer adds one place: read, write with the version read, and
        // on CONFLICT read again. No increment may be lost.
        const WRITERS: usize = 8;
        let writers = (0..WRITERS).map(|_| {
            let (app, partner, id) = (&app, partner.clone(), id.clone());
            async move {
                let mut conflicts = 0;
                loop {
                    let current =
                        data(app, Some(&partner), NODE_WITH_PLACES, json!({ "id": id })).await;
                    let version = current["node"]["version"].as_i64().unwrap();
                    let places = current["node"]["places"].as_i64().unwrap();
                    let response = post(
                        app,
                        Some(&partner),
                        UPDATE_OFFER,
                        json!({ "id": id, "version": version, "input": { "places": places + 1 } }),
                    )
                    .await;
                    match response["errors"][0]["extensions"]["code"].as_str() {
                        None => return conflicts,
                        Some("CONFLICT") => conflicts += 1,
                        Some(other) => panic!("unexpected {other}: {response:#}"),
                    }
                }
            }
        });
        let conflicts: usize = futures_join_all(writers).await.into_iter().sum();
        let last = data(&app, Some(&partner), NODE_WITH_PLACES, json!({ "id": id })).await;
        assert_eq!(
            last["node"]["places"],
            2 + WRITERS as i64,
            "after {conflicts} conflicts"
        );
        assert_eq!(last["node"]["version"], 1 + WRITERS as i64);
    }
);

const NODE_WITH_PLACES: &str =
    "query($id: ID!) { node(id: $id) { ... on Offer { version places } } }";

/// Runs futures concurrently on this task, like `futures::future::join_all`.
async fn futures_join_all<F: std::future::Future>(
    futures: impl IntoIterator<Item = F>,
) -> Vec<F::Output> {
    let mut set = Vec::new();
    for future in futures {
        set.push(Box::pin(future));
    }
    let mut outputs: Vec<Option<F::Output>> = set.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, output) in set.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *output = Some(value),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs
        .into_iter()
        .map(|o| o.expect("every future finished"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgres_database_stay_in_step() {
    let Some(db) = TestDatabase::postgres().await else {
        eprintln!("skipped: TEST_DATABASE_URL is not set");
        return;
    };
    let first = TestApp::spawn(db).await;
    let second = first.another_instance().await;
    let partner = account(
        &first,
        "partner@carrieres.example",
        Role::Partner,
        &[OPERATOR],
    )
    .await;
    let (operator, site, _, _) = operator_and_site(&first, OPERATOR).await;

    let created = data(
        &first,
        Some(&partner),
        CREATE_OFFER,
        json!({ "input": internship(&operator, &site, "Stage ubiquitaire") }),
    )
    .await;
    let id = created["createOffer"]["id"].as_str().unwrap().to_owned();
    data(
        &first,
        Some(&partner),
        PUBLISH,
        json!({ "id": id, "version": 1 }),
    )
    .await;

    // The second instance hears of the write through PostgreSQL and reloads.
    let started = Instant::now();
    loop {
        let seen = data(&second, None, SEARCH, json!({ "text": "ubiquitaire" })).await;
        if seen["offers"]["totalCount"] == 1 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the second instance never saw the write"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    eprintln!("seen by the second instance after {:?}", started.elapsed());

    // And the other way round, for an update.
    data(
        &second,
        Some(&partner),
        UPDATE_OFFER,
        json!({ "id": id, "version": 2, "input": { "title": "Stage ubiquitaire, deuxième version" } }),
    )
    .await;
    let started = Instant::now();
    loop {
        let seen = data(&first, None, NODE, json!({ "id": id })).await;
        if seen["node"]["version"] == 3 {
            assert_eq!(seen["node"]["title"], "Stage ubiquitaire, deuxième version");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the first instance never saw the update"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

on_both_databases!(
    an_admin_invites_a_partner_who_accepts_once,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let admin = account(&app, "admin@ibefe.example", Role::Admin, &[]).await;
        let (operator, _, _, _) = operator_and_site(&app, OPERATOR).await;
        let invited = data(
            &app,
            Some(&admin),
            "mutation($operator: ID!) { invitePartner(input: { email: \"nouvelle@carrieres.example\",
                displayName: \"Nouvelle Partenaire\", operatorIds: [$operator] }) { token account { role operators { code } } } }",
            json!({ "operator": operator }),
        )
        .await;
        let token = invited["invitePartner"]["token"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            invited["invitePartner"]["account"]["operators"][0]["code"],
            OPERATOR
        );

        let accept = "mutation($token: String!) { acceptInvitation(token: $token, password: \"un mot de passe choisi\") { token account { role } } }";
        let accepted = data(&app, None, accept, json!({ "token": token })).await;
        let session = accepted["acceptInvitation"]["token"]
            .as_str()
            .unwrap()
            .to_owned();
        let me = data(
            &app,
            Some(&session),
            "{ me { displayName operators { code } } }",
            json!({}),
        )
        .await;
        assert_eq!(me["me"]["operators"][0]["code"], OPERATOR);
        let again = error(&app, None, accept, json!({ "token": token })).await;
        assert_eq!(again["extensions"]["code"], "UNAUTHENTICATED");
        // The new password signs in.
        let login = data(
            &app,
            None,
            "mutation { login(email: \"nouvelle@carrieres.example\", password: \"un mot de passe choisi\") { token } }",
            json!({}),
        )
        .await;
        assert!(login["login"]["token"].is_string());
    }
);

on_both_databases!(
    a_partner_chooses_how_its_operator_is_contacted,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let partner = account(
            &app,
            "partner@carrieres.example",
            Role::Partner,
            &[OPERATOR],
        )
        .await;
        let outsider = account(
            &app,
            "other@athenee.example",
            Role::Partner,
            &[OTHER_OPERATOR],
        )
        .await;
        let admin = account(&app, "admin@ibefe.example", Role::Admin, &[]).await;
        let (operator, _, _, _) = operator_and_site(&app, OPERATOR).await;
        let update = "mutation($id: ID!, $version: Int!) { updateContactSettings(id: $id, version: $version,
            input: { mode: IN_PERSON, acceptedAudiences: [JOB_SEEKERS, SECONDARY_QUALIFYING] }) { version } }";

        let refused = error(
            &app,
            Some(&outsider),
            update,
            json!({ "id": operator, "version": 1 }),
        )
        .await;
        assert_eq!(refused["extensions"]["code"], "FORBIDDEN");
        let updated = data(
            &app,
            Some(&partner),
            update,
            json!({ "id": operator, "version": 1 }),
        )
        .await;
        assert_eq!(updated["updateContactSettings"]["version"], 2);
        let stale = error(
            &app,
            Some(&partner),
            update,
            json!({ "id": operator, "version": 1 }),
        )
        .await;
        assert_eq!(stale["extensions"]["code"], "CONFLICT");
        assert_eq!(stale["extensions"]["currentVersion"], 2);

        let audit = data(
            &app,
            Some(&admin),
            "query($id: ID!) { auditEntries(filter: { objectId: $id }) { edges { node { action changes { field from to } } } } }",
            json!({ "id": operator }),
        )
        .await;
        let changes = &audit["auditEntries"]["edges"][0]["node"]["changes"];
        assert!(
            changes.as_array().unwrap().contains(&json!({
                "field": "contactMode", "from": "EMAIL_FORWARD", "to": "IN_PERSON"
            })),
            "{changes:#}"
        );
        assert!(
            changes.as_array().unwrap().contains(&json!({
                "field": "acceptedAudiences", "from": null, "to": "JOB_SEEKERS,SECONDARY_QUALIFYING"
            })),
            "{changes:#}"
        );
    }
);
