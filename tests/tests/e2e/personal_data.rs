//! Personal data stays out of logs, metrics and error messages: a contact
//! request is submitted over HTTP with every log line of the process
//! captured at TRACE level, then its e-mail address and phone number are
//! searched for everywhere.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use e2e::TestApp;
use serde_json::json;
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::contacts::{REQUEST_CONTACT, contact_input, contactable_offer, post};

/// Everything logged by this test binary, from the first use on.
fn captured_logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    Arc::clone(LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&logs);
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || BufferWriter(Arc::clone(&sink)))
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other test installs a subscriber");
        logs
    }))
}

struct BufferWriter(Arc<Mutex<Vec<u8>>>);

impl Write for BufferWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

on_both_databases!(
    contact_details_never_reach_logs_metrics_or_error_messages,
    |db: TestDatabase| async move {
        let logs = captured_logs();
        let app = TestApp::spawn(db).await;
        let (offer, audience, _, _) = contactable_offer(&app).await;
        let suffix = std::process::id();
        let email = format!("camille.{suffix}@secret-exemple.be");
        let phone_typed = "0471 98 76 54";
        let phone_stored = "+32471987654";

        let data = app
            .data(
                REQUEST_CONTACT,
                json!({ "input": contact_input(&offer, &audience, &email, phone_typed) }),
            )
            .await;
        assert_eq!(data["requestContact"]["mode"], "EMAIL_FORWARD");
        // Refused requests carrying the same data: the errors must not repeat it.
        let mut refusals = Vec::new();
        let mut bad_phone = contact_input(&offer, &audience, &email, "0471 98 76 54 x");
        bad_phone["message"] = json!(format!("rappelez-moi au {phone_typed}"));
        refusals.push(bad_phone);
        refusals.push(contact_input(
            &offer,
            &audience,
            &format!("{email}@"),
            phone_typed,
        ));
        let mut too_long = contact_input(&offer, &audience, &email, phone_typed);
        too_long["message"] = json!(format!("{email} {}", "x".repeat(2100)));
        refusals.push(too_long);
        for input in refusals {
            let (_, _, body) = post(&app, REQUEST_CONTACT, json!({ "input": input }), &[]).await;
            let text = body.to_string();
            assert!(body["errors"].is_array(), "{text}");
            assert!(
                !text.contains(&email)
                    && !text.contains("98 76 54")
                    && !text.contains(phone_stored),
                "{text}"
            );
        }
        // A malformed document with the data in it: the parse error must not echo it either.
        let (_, _, body) = post(
            &app,
            &format!("mutation {{ requestContact(input: {{ email: \"{email}\" }}) }}"),
            json!({}),
            &[],
        )
        .await;
        assert!(!body.to_string().contains(&email), "{body}");

        let metrics = app.get("/metrics").await.text().await.unwrap();
        assert!(metrics.contains("wapi_graphql_operations_total"));
        let logs = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
        assert!(logs.contains("graphql"), "the logs were captured: {logs}");
        for secret in [email.as_str(), phone_stored, "98 76 54", "Vandenberghe"] {
            assert!(!logs.contains(secret), "{secret:?} found in the logs");
            assert!(!metrics.contains(secret), "{secret:?} found in /metrics");
        }
    }
);

on_both_databases!(
    a_document_in_a_get_url_never_reaches_the_logs,
    |db: TestDatabase| async move {
        let logs = captured_logs();
        let app = TestApp::spawn(db).await;
        let email = format!("dominique.{}@url-secret.be", std::process::id());
        let mutation = format!(
            "mutation {{ requestContact(input: {{ offerId: \"x\", requester: {{ name: \"Dominique\", email: \"{email}\" }}, audience: JOB_SEEKERS, desiredPeriod: \"mars\", message: \"0472 11 22 33\" }}) {{ mode }} }}"
        );
        let response = app
            .get(&format!("/graphql?query={}", urlencode(&mutation)))
            .await;
        assert_eq!(response.status(), 405);
        let query = format!("{{ geocode(query: \"{email}\") {{ label }} }}");
        let response = app
            .get(&format!("/graphql?query={}", urlencode(&query)))
            .await;
        assert_eq!(response.status(), 200);
        let logs = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
        assert!(
            logs.contains("/graphql"),
            "the request spans were captured: {logs}"
        );
        for secret in [email.as_str(), "url-secret", "0472 11 22 33", "0472%2011"] {
            assert!(!logs.contains(secret), "{secret:?} found in the logs");
        }
    }
);

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
