//! Journeys from the places people say, on the demo feed: every commune
//! (where its people are, its main locality), every postcode and locality
//! name, with reasons of their kind when there is no journey and refusals
//! naming the field, with a suggestion, for places that are not ones.
//!
//! Journeys do not touch the database, so these run on SQLite only.

use e2e::TestApp;
use serde_json::{Value, json};
use storage::testing::TestDatabase;

/// A school Tuesday of the demo timetable (no holiday in its calendar).
const SCHOOL_TUESDAY: &str = "2027-03-09";

const PLAN: &str = "query($from: PlaceInput!, $to: PlaceInput!, $at: DateTime, $by: DateTime) {
    journeyPlan(from: $from, to: $to, departAt: $at, arriveBy: $by, first: 3) {
      noJourneyReason noJourneyCode
      journeys { departure arrival legs { mode walkMeters } } } }";

async fn communes(app: &TestApp) -> Vec<(String, String)> {
    let data = app.data("{ communes { nis name } }", json!({})).await;
    data["communes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["nis"].as_str().unwrap().to_owned(),
                c["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn plan(app: &TestApp, from: Value, to: Value, at: Option<&str>, by: Option<&str>) -> Value {
    let at = at.map(|t| format!("{SCHOOL_TUESDAY}T{t}:00+01:00"));
    let by = by.map(|t| format!("{SCHOOL_TUESDAY}T{t}:00+01:00"));
    let data = app
        .data(PLAN, json!({ "from": from, "to": to, "at": at, "by": by }))
        .await;
    data["journeyPlan"].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_every_commune_to_every_other_a_morning_journey_exists() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let communes = communes(&app).await;
    assert_eq!(communes.len(), 23);
    let mut missing = Vec::new();
    let mut pairs = 0;
    for (from_nis, from_name) in &communes {
        for (to_nis, to_name) in &communes {
            if from_nis == to_nis {
                continue;
            }
            pairs += 1;
            let found = plan(
                &app,
                json!({ "communeNis": from_nis }),
                json!({ "communeNis": to_nis }),
                Some("06:30"),
                None,
            )
            .await;
            let leaves_in_the_morning = found["journeys"].as_array().unwrap().iter().any(|j| {
                let departure = j["departure"].as_str().unwrap();
                (&departure[11..16] >= "06:30") && (&departure[11..16] <= "08:30")
            });
            if !leaves_in_the_morning {
                missing.push(format!(
                    "{from_name} → {to_name}: {}",
                    found["noJourneyReason"]
                ));
            }
        }
    }
    assert_eq!(pairs, 506);
    assert!(
        missing.is_empty(),
        "{} of 506 pairs without a morning journey:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reachable_filter_finds_offers_from_every_commune() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let mut empty = Vec::new();
    for (nis, name) in communes(&app).await {
        let data = app
            .data(
                "query($nis: String!, $by: DateTime!) { offers(first: 5, filter: { reachable: {
                    from: { communeNis: $nis }, maxMinutes: 60, arriveBy: $by } }) { totalCount } }",
                json!({ "nis": nis, "by": format!("{SCHOOL_TUESDAY}T08:30:00+01:00") }),
            )
            .await;
        if data["offers"]["totalCount"].as_u64().unwrap() == 0 {
            empty.push(name);
        }
    }
    assert!(empty.is_empty(), "no offer within an hour of: {empty:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postcodes_and_localities_are_places() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let to_tournai = json!({ "communeNis": "57081" });
    for from in [
        json!({ "postcode": "7860" }),
        json!({ "locality": "Houtaing" }),
        json!({ "locality": "houtaing", "postcode": "7812" }),
        json!({ "locality": "Lessines" }),
        // A commune's official Dutch name, as the geocoder knows it.
        json!({ "locality": "Edingen" }),
    ] {
        let found = plan(&app, from.clone(), to_tournai.clone(), Some("06:30"), None).await;
        assert!(
            !found["journeys"].as_array().unwrap().is_empty(),
            "{from}: {found}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_every_locality_a_morning_journey_reaches_tournai() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let data = app
        .data("{ communes { localities { postcode name } } }", json!({}))
        .await;
    let localities: Vec<Value> = data["communes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["localities"].as_array().unwrap().clone())
        .collect();
    assert_eq!(localities.len(), 186);
    let mut missing = Vec::new();
    for locality in &localities {
        let from = json!({ "postcode": locality["postcode"], "locality": locality["name"] });
        let found = plan(
            &app,
            from,
            json!({ "stopId": "sncb-8885001" }),
            None,
            Some("09:00"),
        )
        .await;
        if found["journeys"].as_array().unwrap().is_empty() {
            missing.push(format!(
                "{} {}: {}",
                locality["postcode"], locality["name"], found["noJourneyReason"]
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "no journey to Tournai station by 09:00 from:\n{}",
        missing.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn places_that_are_not_ones_are_refused_naming_the_field() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let to = json!({ "communeNis": "57081" });
    let refused = |from: Value| {
        let app = &app;
        let to = to.clone();
        async move {
            let body = app
                .graphql(
                    PLAN,
                    json!({ "from": from, "to": to, "at": format!("{SCHOOL_TUESDAY}T07:00:00+01:00") }),
                )
                .await;
            let error = body["errors"][0].clone();
            assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{body}");
            (
                error["extensions"]["argument"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                error["message"].as_str().unwrap_or_default().to_owned(),
            )
        }
    };
    let (argument, message) = refused(json!({ "postcode": "7000" })).await;
    assert_eq!(argument, "from.postcode");
    assert!(
        message.contains("not a postcode of Wallonie picarde"),
        "{message}"
    );
    let (argument, message) = refused(json!({ "locality": "Houtain" })).await;
    assert_eq!(argument, "from.locality");
    assert!(message.contains("did you mean Houtaing"), "{message}");
    let (argument, message) = refused(json!({ "postcode": "7321" })).await;
    assert_eq!(argument, "from.postcode");
    assert!(
        message.contains("Blaton") && message.contains("Harchies"),
        "{message}"
    );
    // A name longer than any place's, or with a control character, is
    // refused without being echoed back.
    let long = "Houtaing".repeat(2_000);
    let (argument, message) = refused(json!({ "locality": long })).await;
    assert_eq!(argument, "from.locality");
    assert!(message.len() < 200, "{message}");
    let (argument, message) = refused(json!({ "locality": "Ath\u{0}" })).await;
    assert_eq!(argument, "from.locality");
    assert!(!message.contains('\u{0}'), "{message:?}");
    let (argument, _) = refused(json!({ "point": { "lat": 48.85, "lon": 2.35 } })).await;
    assert_eq!(argument, "from.point", "Paris is outside the service area");
    let (argument, _) = refused(json!({ "postcode": "7860", "communeNis": "57081" })).await;
    assert_eq!(argument, "from");
    // An arrival already past (the tests' clock stands at 1 September 2026).
    let body = app
        .graphql(
            PLAN,
            json!({ "from": { "communeNis": "51004" }, "to": to, "by": "2026-08-31T08:30:00+02:00" }),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["argument"], "arriveBy",
        "{body}"
    );
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("in the past"),
        "{body}"
    );
    let body = app
        .graphql(
            "query($by: DateTime!) { offers(filter: { reachable: { from: { communeNis: \"51004\" },
               maxMinutes: 60, arriveBy: $by } }) { totalCount } }",
            json!({ "by": "2026-08-31T08:30:00+02:00" }),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["argument"], "filter.reachable.arriveBy",
        "{body}"
    );
    // The same place twice.
    let body = app
        .graphql(
            PLAN,
            json!({ "from": { "communeNis": "57081" }, "to": { "communeNis": "57081" },
                    "at": format!("{SCHOOL_TUESDAY}T07:00:00+01:00") }),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{body}"
    );
    assert_eq!(body["errors"][0]["extensions"]["argument"], "to", "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_journey_says_why_in_a_code() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    // The timetable's first day: nothing ran the evening before, and
    // nothing reaches Tournai by 05:00.
    let body = app
        .data(
            PLAN,
            json!({ "from": { "communeNis": "51004" }, "to": { "communeNis": "57081" },
                    "by": "2026-09-01T05:00:00+02:00" }),
        )
        .await;
    let plan = &body["journeyPlan"];
    assert_eq!(plan["journeys"], json!([]), "{plan}");
    assert_eq!(plan["noJourneyCode"], "ARRIVE_BY_TOO_EARLY", "{plan}");
    assert!(
        plan["noJourneyReason"].as_str().unwrap().contains("05:00"),
        "{plan}"
    );
}

const WITH_WAY_HOME: &str = "query($from: PlaceInput!, $by: DateTime!, $back: Boolean, $wait: Int) {
    offers(first: 100, filter: { kinds: [TRAINING], reachable: { from: $from, maxMinutes: 90, arriveBy: $by,
      returnAfter: $back, returnWithinMinutes: $wait } }) {
      edges { travelMinutes returnDeparture node { id site { location { lat lon } } training { dailyEndTime weekdays } } } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bus_home_after_the_session_is_what_return_after_promises() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let from = json!({ "communeNis": "57081" });
    let by = format!("{SCHOOL_TUESDAY}T08:30:00+01:00");
    let edges = |body: Value| body["offers"]["edges"].as_array().unwrap().clone();
    let there_only = edges(
        app.data(WITH_WAY_HOME, json!({ "from": from, "by": by }))
            .await,
    );
    let with_home = edges(
        app.data(
            WITH_WAY_HOME,
            json!({ "from": from, "by": by, "back": true, "wait": 60 }),
        )
        .await,
    );
    let in_a_minute = edges(
        app.data(
            WITH_WAY_HOME,
            json!({ "from": from, "by": by, "back": true, "wait": 1 }),
        )
        .await,
    );
    let ids = |edges: &[Value]| -> std::collections::BTreeSet<String> {
        edges
            .iter()
            .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        !with_home.is_empty(),
        "trainings with a bus home from Tournai"
    );
    assert!(ids(&with_home).is_subset(&ids(&there_only)));
    assert!(ids(&in_a_minute).is_subset(&ids(&with_home)));
    assert!(
        in_a_minute.len() < there_only.len(),
        "a one-minute wait keeps fewer offers ({} of {})",
        in_a_minute.len(),
        there_only.len()
    );
    assert!(there_only.iter().all(|e| e["returnDeparture"].is_null()));
    let mut checked = 0;
    let mut on_another_day = 0;
    for edge in &with_home {
        let Some(end) = edge["node"]["training"]["dailyEndTime"].as_str() else {
            assert!(edge["returnDeparture"].is_null(), "{edge}");
            continue;
        };
        // The way home leaves after the session, on one of its weekdays
        // (the first from the asked Tuesday), and is the first journey the
        // planner gives from the site at that time.
        let leaves = edge["returnDeparture"]
            .as_str()
            .expect("a return departure");
        let end = &end[..5];
        assert!(&leaves[11..16] >= end, "{leaves} before the end {end}");
        let day = chrono::NaiveDate::parse_from_str(&leaves[..10], "%Y-%m-%d").unwrap();
        let tuesday = chrono::NaiveDate::parse_from_str(SCHOOL_TUESDAY, "%Y-%m-%d").unwrap();
        match edge["node"]["training"]["weekdays"].as_array() {
            Some(days) => {
                on_another_day += usize::from(day != tuesday);
                let name = day.format("%A").to_string().to_uppercase();
                assert!(
                    days.iter().any(|d| d == &json!(name)),
                    "{leaves} is a {name}: {edge}"
                );
                assert!(day >= tuesday && (day - tuesday).num_days() < 7, "{leaves}");
            }
            None => assert_eq!(day, tuesday, "{edge}"),
        }
        let site = &edge["node"]["site"]["location"];
        let plan = app
            .data(
                PLAN,
                json!({ "from": { "point": { "lat": site["lat"], "lon": site["lon"] } }, "to": from,
                        "at": format!("{}T{end}:00+01:00", &leaves[..10]) }),
            )
            .await;
        let plan = &plan["journeyPlan"];
        assert_eq!(
            plan["journeys"][0]["departure"].as_str(),
            Some(leaves),
            "{plan}"
        );
        checked += 1;
    }
    assert!(checked > 0, "trainings with a daily end time were checked");
    assert!(
        on_another_day > 0,
        "a session not meeting on Tuesdays is planned on its own day"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wait_out_of_bounds_is_refused_naming_it() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let body = app
        .graphql(
            WITH_WAY_HOME,
            json!({ "from": { "communeNis": "57081" }, "by": format!("{SCHOOL_TUESDAY}T08:30:00+01:00"),
                    "back": true, "wait": 0 }),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{body}"
    );
    assert_eq!(
        body["errors"][0]["extensions"]["argument"], "filter.reachable.returnWithinMinutes",
        "{body}"
    );
}
