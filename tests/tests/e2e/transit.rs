//! Public transport through the API, on the demo feed: stops, departures,
//! journeys (feasible leg by leg, offsets right across daylight saving) and
//! offers filtered and ranked by travel time.

use chrono::{DateTime, FixedOffset};
use e2e::TestApp;
use serde_json::{Value, json};
use storage::on_both_databases;
use storage::testing::TestDatabase;

/// A point in Celles, near its bus stop (a village with no station).
const CELLES: (f64, f64) = (50.7094, 3.4565);
const TOURNAI_STATION: &str = "sncb-8885001";

fn time(value: &Value) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(value.as_str().expect("a DateTime"))
        .expect("RFC 3339 with an offset")
}

const JOURNEY_FIELDS: &str = "departure arrival durationMinutes transfers
    legs { mode routeName tripId walkMeters departure arrival fromStop { id name } toStop { id name } }";

fn assert_feasible(journey: &Value) {
    let legs = journey["legs"].as_array().unwrap();
    assert!(!legs.is_empty());
    assert_eq!(time(&legs[0]["departure"]), time(&journey["departure"]));
    assert_eq!(
        time(&legs[legs.len() - 1]["arrival"]),
        time(&journey["arrival"])
    );
    for pair in legs.windows(2) {
        assert!(
            time(&pair[1]["departure"]) >= time(&pair[0]["arrival"]),
            "a leg leaves before the previous arrives: {journey:#}"
        );
    }
    for leg in legs {
        assert!(time(&leg["arrival"]) >= time(&leg["departure"]));
        if leg["mode"] == "WALK" {
            assert!(leg["walkMeters"].as_f64().unwrap() >= 0.0);
        } else {
            assert!(
                leg["tripId"].is_string()
                    && leg["fromStop"].is_object()
                    && leg["toStop"].is_object()
            );
        }
    }
}

on_both_databases!(
    a_pupil_in_celles_reaches_tournai_station_by_bus,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let query = format!(
        "query($from: PlaceInput!, $to: PlaceInput!, $at: DateTime, $by: DateTime) {{
           journeyPlan(from: $from, to: $to, departAt: $at, arriveBy: $by, first: 3) {{ noJourneyReason journeys {{ {JOURNEY_FIELDS} }} }} }}"
    );
        let from = json!({ "point": { "lat": CELLES.0, "lon": CELLES.1 } });
        let to = json!({ "stopId": TOURNAI_STATION });

        // A winter weekday morning: times carry +01:00.
        let data = app
            .data(
                &query,
                json!({ "from": from, "to": to, "at": "2026-12-07T06:30:00+01:00" }),
            )
            .await;
        let journeys = data["journeyPlan"]["journeys"].as_array().unwrap();
        assert!(!journeys.is_empty(), "{data:#}");
        for journey in journeys {
            assert_feasible(journey);
            assert!(time(&journey["departure"]) >= time(&json!("2026-12-07T06:30:00+01:00")));
            assert!(journey["departure"].as_str().unwrap().ends_with("+01:00"));
            assert!(
                journey["legs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|l| l["mode"] == "BUS")
            );
        }
        let arrivals: Vec<DateTime<FixedOffset>> =
            journeys.iter().map(|j| time(&j["arrival"])).collect();
        assert!(
            arrivals.windows(2).all(|w| w[0] <= w[1]),
            "earliest arrival first"
        );

        // A summer weekday, arriving by 9:00 local: +02:00, and in time.
        let deadline = "2027-06-14T09:00:00+02:00";
        let data = app
            .data(&query, json!({ "from": from, "to": to, "by": deadline }))
            .await;
        let journey = &data["journeyPlan"]["journeys"][0];
        assert_feasible(journey);
        assert!(time(&journey["arrival"]) <= time(&json!(deadline)));
        assert!(
            journey["arrival"].as_str().unwrap().ends_with("+02:00"),
            "{journey}"
        );
    }
);

on_both_databases!(
    stops_departures_and_nearby_stops_answer,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let data = app
        .data(
            "{ stopsNear(point: {lat: 50.6133, lon: 3.3968}, radiusMeters: 600, first: 5) { distanceMeters stop { id name location { lat lon } } }
               departures(stopId: \"sncb-8885001\", at: \"2027-03-01T07:00:00+01:00\", first: 8) { time mode routeShortName headsign stop { id } }
               offers(first: 3, filter: {communeNis: [\"57081\"]}) { edges { node { site { nearbyStops(radiusMeters: 5000, first: 2) { distanceMeters stop { name } } } } } } }",
            json!({}),
        )
        .await;
        let stops = data["stopsNear"].as_array().unwrap();
        assert!(
            stops.iter().any(|s| s["stop"]["id"] == TOURNAI_STATION),
            "{stops:#?}"
        );
        let distances: Vec<f64> = stops
            .iter()
            .map(|s| s["distanceMeters"].as_f64().unwrap())
            .collect();
        assert!(distances.windows(2).all(|w| w[0] <= w[1]));
        let departures = data["departures"].as_array().unwrap();
        assert_eq!(departures.len(), 8);
        let times: Vec<DateTime<FixedOffset>> =
            departures.iter().map(|d| time(&d["time"])).collect();
        assert!(times[0] >= time(&json!("2027-03-01T07:00:00+01:00")));
        assert!(times.windows(2).all(|w| w[0] <= w[1]));
        for edge in data["offers"]["edges"].as_array().unwrap() {
            assert!(
                !edge["node"]["site"]["nearbyStops"]
                    .as_array()
                    .unwrap()
                    .is_empty(),
                "a Tournai site has stops nearby"
            );
        }
    }
);

on_both_databases!(
    offers_reachable_in_time_are_ranked_by_travel_time,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let deadline = "2026-12-07T08:30:00+01:00";
        let data = app
        .data(
            "query($by: DateTime!) { offers(first: 50, orderBy: TRAVEL_TIME, filter: {kinds: [TRAINING, INTERNSHIP],
               reachable: {from: {point: {lat: 50.7094, lon: 3.4565}}, maxMinutes: 45, arriveBy: $by}}) {
               totalCount edges { travelMinutes node { id site { location { lat lon } } } } } }",
            json!({ "by": deadline }),
        )
        .await;
        let edges = data["offers"]["edges"].as_array().unwrap();
        assert!(
            !edges.is_empty(),
            "something is reachable from Celles in 45 minutes"
        );
        let minutes: Vec<i64> = edges
            .iter()
            .map(|e| e["travelMinutes"].as_i64().unwrap())
            .collect();
        assert!(minutes.iter().all(|m| (1..=45).contains(m)), "{minutes:?}");
        assert!(
            minutes.windows(2).all(|w| w[0] <= w[1]),
            "TRAVEL_TIME order"
        );
        // Each one has a journey arriving by the deadline that leaves no earlier than the travel time says.
        for edge in edges.iter().take(3) {
            let site = &edge["node"]["site"]["location"];
            let plan = app
            .data(
                &format!("query($to: PlaceInput!, $by: DateTime!) {{ journeyPlan(from: {{point: {{lat: 50.7094, lon: 3.4565}}}}, to: $to, arriveBy: $by, first: 1) {{ journeys {{ {JOURNEY_FIELDS} }} }} }}"),
                json!({ "to": { "point": site }, "by": deadline }),
            )
            .await;
            let journey = &plan["journeyPlan"]["journeys"][0];
            assert_feasible(journey);
            let before_deadline =
                (time(&json!(deadline)) - time(&journey["departure"])).num_seconds();
            assert!(
                before_deadline <= edge["travelMinutes"].as_i64().unwrap() * 60,
                "{journey} vs {edge}"
            );
        }
        let error = app
            .error("{ offers(orderBy: TRAVEL_TIME) { totalCount } }", json!({}))
            .await;
        assert_eq!(error["extensions"]["argument"], "orderBy");
    }
);

on_both_databases!(
    transit_bad_input_names_the_argument,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let query = "query($from: PlaceInput!, $to: PlaceInput!, $at: DateTime, $by: DateTime) { journeys(from: $from, to: $to, departAt: $at, arriveBy: $by) { arrival } }";
        let station = json!({ "stopId": TOURNAI_STATION });
        let cases = [
            (
                json!({ "from": { "stopId": "nowhere" }, "to": station, "at": "2026-12-07T07:00:00+01:00" }),
                "from",
            ),
            (
                json!({ "from": station, "to": { "stopId": "nowhere" }, "at": "2026-12-07T07:00:00+01:00" }),
                "to",
            ),
            (
                json!({ "from": { "point": { "lat": 48.85, "lon": 2.35 } }, "to": station, "at": "2026-12-07T07:00:00+01:00" }),
                "from.point",
            ),
            (
                json!({ "from": station, "to": station, "at": "2026-12-07T07:00:00+01:00" }),
                "to",
            ),
            (
                json!({ "from": { "stopId": "tec-7500-tournai" }, "to": station, "at": "2031-01-06T07:00:00+01:00" }),
                "departAt",
            ),
            (
                json!({ "from": { "stopId": "tec-7500-tournai" }, "to": station, "at": "2026-12-07T07:00:00+01:00", "by": "2026-12-07T09:00:00+01:00" }),
                "arriveBy",
            ),
            (
                json!({ "from": { "stopId": "tec-7500-tournai", "communeNis": "57081" }, "to": station }),
                "from",
            ),
        ];
        for (variables, argument) in cases {
            let error = app.error(query, variables.clone()).await;
            assert_eq!(
                error["extensions"]["code"], "BAD_USER_INPUT",
                "{variables}: {error}"
            );
            assert_eq!(
                error["extensions"]["argument"], argument,
                "{variables}: {error}"
            );
        }
    }
);
