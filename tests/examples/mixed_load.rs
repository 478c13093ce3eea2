//! A mixed load of public reads and partner writes (95/5 by default) over
//! HTTP, then a check in the database, through the API, that no write was
//! lost or duplicated. Run by `scripts/mixed-load.sh`, which starts the
//! server and creates the partner's token.
//!
//! Environment: WAPI_URL, WAPI_TOKEN (a partner of WAPI_OPERATOR), and
//! optionally DURATION_SECONDS (10), CONNECTIONS (16), WRITE_PERCENT (5).
//!
//! Writes are of two kinds, alternately: creating a draft offer with a
//! unique title (afterwards, each acknowledged title must exist exactly
//! once), and adding one place to a shared offer with the version read,
//! retrying on CONFLICT (afterwards, places must equal the acknowledged
//! increments: a lost update would show as fewer).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const READ: &str = r#"{ offers(first: 20, filter: {tradeCodes: ["menuiserie", "maconnerie", "peinture-batiment"], kinds: [TRAINING, INTERNSHIP]}) { totalCount edges { node { id title kind startDate places operator { name } site { name commune { name } } trades { code } } } } }"#;
const CREATE: &str = "mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }";
const PLACES: &str = "query($id: ID!) { node(id: $id) { ... on Offer { version places } } }";
const ADD_PLACE: &str = "mutation($id: ID!, $version: Int!, $places: Int!) {
    updateOffer(id: $id, version: $version, input: { places: $places }) { version } }";

struct Client {
    http: reqwest::Client,
    url: String,
    token: String,
}

impl Client {
    async fn post(&self, query: &str, variables: Value, authorised: bool) -> Value {
        let mut request = self
            .http
            .post(format!("{}/graphql", self.url))
            .json(&json!({ "query": query, "variables": variables }));
        if authorised {
            request = request.bearer_auth(&self.token);
        }
        let response = request.send().await.expect("the server answers");
        assert_eq!(response.status(), 200);
        response.json().await.expect("a JSON body")
    }

    async fn data(&self, query: &str, variables: Value) -> Value {
        let response = self.post(query, variables, true).await;
        assert!(response.get("errors").is_none(), "{response:#}");
        response["data"].clone()
    }
}

#[derive(Default)]
struct Tally {
    reads: Vec<Duration>,
    writes: Vec<Duration>,
    created_titles: Vec<String>,
    increments: u64,
    conflicts: u64,
    errors: u64,
    /// The first refusals, to tell what went wrong.
    error_samples: Vec<String>,
}

impl Tally {
    fn error(&mut self, response: &Value) {
        self.errors += 1;
        if self.error_samples.len() < 3 {
            self.error_samples.push(response["errors"].to_string());
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

#[tokio::main]
async fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = Arc::new(Client {
        http: reqwest::Client::new(),
        url: std::env::var("WAPI_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".to_owned()),
        token: std::env::var("WAPI_TOKEN").expect("WAPI_TOKEN: a partner's bearer token"),
    });
    let operator_code =
        std::env::var("WAPI_OPERATOR").expect("WAPI_OPERATOR: the partner's operator code");
    let seconds = env_number("DURATION_SECONDS", 10);
    let connections = env_number("CONNECTIONS", 16);
    let write_percent = env_number("WRITE_PERCENT", 5);

    let me = client
        .data("{ me { operators { id code sites { id } } } }", json!({}))
        .await;
    let operator = me["me"]["operators"]
        .as_array()
        .expect("operators")
        .iter()
        .find(|o| o["code"] == operator_code.as_str())
        .expect("the token's account acts for WAPI_OPERATOR")
        .clone();
    let operator_id = operator["id"].as_str().unwrap().to_owned();
    let site_id = operator["sites"][0]["id"].as_str().unwrap().to_owned();
    let run = format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis()
    );
    let offer_input = move |title: &str| {
        json!({ "input": {
            "operatorId": operator_id, "siteId": site_id, "title": title,
            "tradeCodes": ["menuiserie"], "audiences": ["JOB_SEEKERS"], "places": 1,
            "details": { "internship": { "durationWeeks": 2 } } } })
    };
    let counter = client
        .data(CREATE, offer_input(&format!("Compteur de charge {run}")))
        .await["createOffer"]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let sequence = Arc::new(AtomicU64::new(0));
    let offer_input = Arc::new(offer_input);
    let workers = (0..connections).map(|worker| {
        let (client, counter, sequence, offer_input, run) =
            (Arc::clone(&client), counter.clone(), Arc::clone(&sequence), Arc::clone(&offer_input), run.clone());
        tokio::spawn(async move {
            let mut tally = Tally::default();
            while Instant::now() < deadline {
                let n = sequence.fetch_add(1, Ordering::Relaxed);
                let t = Instant::now();
                if n % 100 < write_percent {
                    if n % 2 == 0 {
                        let title = format!("Offre de charge {run}-{worker}-{n}");
                        let response = client.post(CREATE, offer_input(&title), true).await;
                        if response.get("errors").is_none() {
                            tally.created_titles.push(title);
                        } else {
                            tally.error(&response);
                        }
                    } else {
                        loop {
                            let current = client.data(PLACES, json!({ "id": counter })).await;
                            let version = current["node"]["version"].as_i64().unwrap();
                            let places = current["node"]["places"].as_i64().unwrap();
                            let response = client
                                .post(ADD_PLACE, json!({ "id": counter, "version": version, "places": places + 1 }), true)
                                .await;
                            match response["errors"][0]["extensions"]["code"].as_str() {
                                None => {
                                    tally.increments += 1;
                                    break;
                                }
                                Some("CONFLICT") => tally.conflicts += 1,
                                Some(_) => {
                                    tally.error(&response);
                                    break;
                                }
                            }
                        }
                    }
                    tally.writes.push(t.elapsed());
                } else {
                    let response = client.post(READ, json!({}), false).await;
                    if response.get("errors").is_some() {
                        tally.error(&response);
                    }
                    tally.reads.push(t.elapsed());
                }
            }
            tally
        })
    });
    // Spawned all at once: the iterator is lazy, and awaiting each as it is
    // spawned would run the clients one after another.
    let workers: Vec<_> = workers.collect();
    let mut total = Tally::default();
    for worker in workers {
        let tally = worker.await.expect("a worker finished");
        total.reads.extend(tally.reads);
        total.writes.extend(tally.writes);
        total.created_titles.extend(tally.created_titles);
        total.increments += tally.increments;
        total.conflicts += tally.conflicts;
        total.errors += tally.errors;
        total.error_samples.extend(tally.error_samples);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut all: Vec<Duration> = total.reads.iter().chain(&total.writes).copied().collect();
    all.sort();
    total.reads.sort();
    total.writes.sort();

    // The check, against what the database holds (read through the API).
    let offers = client
        .data(
            "query($id: ID!) { node(id: $id) { ... on Operator { allOffers { title } } } }",
            json!({ "id": operator["id"] }),
        )
        .await;
    let titles: Vec<String> = offers["node"]["allOffers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["title"].as_str().map(str::to_owned))
        .collect();
    let lost_creates = total
        .created_titles
        .iter()
        .filter(|t| !titles.contains(t))
        .count();
    let duplicated_creates = total
        .created_titles
        .iter()
        .filter(|t| titles.iter().filter(|s| s == t).count() > 1)
        .count();
    let places = client.data(PLACES, json!({ "id": counter })).await["node"]["places"]
        .as_i64()
        .unwrap();
    let lost_increments = (1 + total.increments as i64) - places;

    println!("duration: {elapsed:.1} s, {connections} connections, {write_percent}% writes");
    println!(
        "requests: {} ({:.0}/s) — reads {} (p50 {:?}, p99 {:?}), writes {} (p50 {:?}, p99 {:?}); overall p99 {:?}",
        all.len(),
        all.len() as f64 / elapsed,
        total.reads.len(),
        percentile(&total.reads, 0.5),
        percentile(&total.reads, 0.99),
        total.writes.len(),
        percentile(&total.writes, 0.5),
        percentile(&total.writes, 0.99),
        percentile(&all, 0.99),
    );
    println!(
        "writes acknowledged: {} creations, {} increments ({} conflicts retried); errors: {}",
        total.created_titles.len(),
        total.increments,
        total.conflicts,
        total.errors
    );
    println!(
        "check in the database: {lost_creates} lost and {duplicated_creates} duplicated creations, {lost_increments} lost increments (places {places})"
    );
    for sample in total.error_samples.iter().take(5) {
        println!("refused: {sample}");
    }
    if lost_creates + duplicated_creates > 0 || lost_increments != 0 || total.errors > 0 {
        eprintln!("FAILED: writes were lost, duplicated or refused");
        std::process::exit(1);
    }
}
