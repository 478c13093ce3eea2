//! Reading the catalogue: reference data, and offers filtered every way the
//! contract allows, compared with an independent filter applied here to the
//! full list.

use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::helpers::{all_offers, ids, trade_codes};

on_both_databases!(
    reference_data_is_listed_with_real_boundaries,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let data = app
            .data(
                "{ communes { nis name nameNl postcodes centroid { lat lon } boundary }
               poles { code kind challenges trades { code } } }",
                json!({}),
            )
            .await;
        let communes = data["communes"].as_array().unwrap();
        assert_eq!(communes.len(), 23);
        let comines = communes.iter().find(|c| c["nis"] == "54010").unwrap();
        assert_eq!(comines["name"], "Comines-Warneton");
        assert_eq!(comines["nameNl"], "Komen-Waasten");
        assert!(
            comines["postcodes"]
                .as_array()
                .unwrap()
                .contains(&json!("7780"))
        );
        assert_eq!(comines["boundary"]["type"], "MultiPolygon");
        // RFC 7946: [lon, lat]. Wallonie picarde is near 3.5° E, 50.6° N.
        let first_position = &comines["boundary"]["coordinates"][0][0][0];
        assert!(
            (2.8..4.3).contains(&first_position[0].as_f64().unwrap()),
            "{first_position}"
        );
        assert!(
            (50.3..51.0).contains(&first_position[1].as_f64().unwrap()),
            "{first_position}"
        );

        let poles = data["poles"].as_array().unwrap();
        assert_eq!(poles.len(), 5);
        let sectoral: Vec<&Value> = poles.iter().filter(|p| p["kind"] == "SECTORAL").collect();
        assert_eq!(sectoral.len(), 3);
        assert!(
            poles
                .iter()
                .all(|p| !p["challenges"].as_array().unwrap().is_empty())
        );

        for (pole, expected) in [
            ("service-personne", 5),
            ("construction", 3),
            ("installation-maintenance", 7),
        ] {
            let trades = app
                .data(
                    "query($pole: String) { trades(poleCode: $pole) { code poles { code } } }",
                    json!({ "pole": pole }),
                )
                .await;
            let trades = trades["trades"].as_array().unwrap();
            assert_eq!(trades.len(), expected, "{pole}");
            assert!(trades.iter().all(|t| {
                t["poles"]
                    .as_array()
                    .unwrap()
                    .contains(&json!({ "code": pole }))
            }));
        }
    }
);

on_both_databases!(
    filters_return_exactly_the_offers_that_match_every_field,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let everything = all_offers(&app, json!(null), "START_DATE", 100).await;
        assert!(everything.len() >= 300);

        let cases = [
            json!({ "kinds": ["INTERNSHIP", "JOB"] }),
            json!({ "tradeCodes": ["menuiserie", "froid-climatisation"] }),
            json!({ "poleCodes": ["construction"] }),
            json!({ "audiences": ["JOB_SEEKERS"] }),
            json!({ "communeNis": ["57081", "54007"] }),
            json!({ "kinds": ["TRAINING"], "poleCodes": ["service-personne"], "communeNis": ["57081"] }),
            json!({ "kinds": [], "tradeCodes": [] }),
        ];
        for filter in cases {
            let expected: Vec<Value> = everything
                .iter()
                .filter(|o| matches(o, &filter))
                .cloned()
                .collect();
            let found = all_offers(&app, filter.clone(), "START_DATE", 100).await;
            assert_eq!(ids(&found), ids(&expected), "filter {filter}");
            assert!(
                !found.is_empty(),
                "filter {filter} should find something in the demo data"
            );
        }
    }
);

/// The filter semantics, written independently of the server's.
fn matches(offer: &Value, filter: &Value) -> bool {
    let wanted = |field: &str| -> Vec<String> {
        filter[field]
            .as_array()
            .map(|values| {
                values
                    .iter()
                    .map(|v| v.as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let any = |wanted: &[String], actual: &[&str]| {
        wanted.is_empty() || actual.iter().any(|a| wanted.iter().any(|w| w == a))
    };
    let poles: Vec<&str> = offer["trades"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| {
            t["poles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["code"].as_str().unwrap())
        })
        .collect();
    let audiences: Vec<&str> = offer["audiences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    any(&wanted("kinds"), &[offer["kind"].as_str().unwrap()])
        && any(&wanted("tradeCodes"), &trade_codes(offer))
        && any(&wanted("poleCodes"), &poles)
        && any(&wanted("audiences"), &audiences)
        && any(
            &wanted("communeNis"),
            &[offer["site"]["commune"]["nis"].as_str().unwrap()],
        )
}

on_both_databases!(
    text_search_ignores_accents_case_and_the_forms_of_a_trade_name,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        for (text, trade) in [
            ("menuiserie", "menuiserie"),
            ("Menuisier·ère", "menuiserie"),
            ("ELECTRICITE", "maintenance-electrique"),
            ("maçon", "maconnerie"),
        ] {
            let by_trade =
                all_offers(&app, json!({ "tradeCodes": [trade] }), "START_DATE", 100).await;
            let by_text = all_offers(&app, json!({ "text": text }), "START_DATE", 100).await;
            assert!(
                ids(&by_trade).is_subset(&ids(&by_text)),
                "searching {text:?} must find every offer of trade {trade}"
            );
        }
        let menuisier = app
        .data(r#"{ offers(first: 100, filter: {text: "menuiserie"}) { edges { node { title } } } }"#, json!({}))
        .await;
        assert!(
            menuisier["offers"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["node"]["title"]
                    .as_str()
                    .unwrap()
                    .contains("Menuisier·ère")),
            "\"menuiserie\" finds titles written \"Menuisier·ère\""
        );
        let nothing = all_offers(&app, json!({ "text": "astronaute" }), "START_DATE", 100).await;
        assert!(nothing.is_empty());
    }
);

on_both_databases!(
    a_date_window_keeps_offers_starting_inside_it,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let filter = json!({ "startsAfter": "2027-01-01", "startsBefore": "2027-03-31" });
        let found = all_offers(&app, filter, "START_DATE", 100).await;
        assert!(!found.is_empty());
        for offer in &found {
            let start = offer["startDate"].as_str().unwrap();
            assert!(("2027-01-01"..="2027-03-31").contains(&start), "{start}");
        }
        let everything = all_offers(&app, json!(null), "START_DATE", 100).await;
        let expected = everything
            .iter()
            .filter(|o| {
                o["startDate"]
                    .as_str()
                    .is_some_and(|s| ("2027-01-01"..="2027-03-31").contains(&s))
            })
            .count();
        assert_eq!(found.len(), expected);
    }
);
