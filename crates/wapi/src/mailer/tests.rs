//! The mailer against a real SMTP server: Python's `aiosmtpd`, started by
//! the test on a free port. Skipped with a note when Python or aiosmtpd is
//! missing, unless `WAPI_REQUIRE_SMTP_SINK` is set (CI sets it).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use chrono::{Duration, TimeZone, Utc};
use domain::audience::Audience;
use domain::contact::{
    ContactRequest, ContactRoute, ContactSettings, RawContactRequest, forward_mail,
};
use storage::testing::TestDatabase;
use storage::{NewMail, SeedSelection, Store, on_both_databases};

use super::{Mailer, MailerConfig, backoff};
use app::retention::purge_expired_contacts;

/// A seeded store and a checked request about one of its offers, with the
/// operator's e-mail address.
pub(crate) async fn store_with_request(
    db: &TestDatabase,
) -> (Store, ContactRequest, String, String) {
    let store = Store::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    store.seed(SeedSelection { demo: true }).await.unwrap();
    let catalog = store.load_catalog().await.unwrap();
    let (offer, operator, site) = catalog
        .all_sites()
        .into_iter()
        .flat_map(|site| {
            catalog
                .published_offers_at_site(site.id)
                .into_iter()
                .map(move |offer| (offer, site))
        })
        .find_map(|(offer, site)| {
            let operator = catalog.operator(offer.operator_id)?;
            (operator.email.is_some() && !offer.audiences.is_empty())
                .then_some((offer, operator, site))
        })
        .expect("a demo offer whose operator has an e-mail address");
    let settings = ContactSettings::default();
    let request = ContactRequest::parse(
        offer,
        &settings,
        RawContactRequest {
            name: "Élise Vandenberghe",
            email: "elise.vdb@exemple.be",
            phone: Some("0470 12 34 56"),
            audience: offer
                .audiences
                .first()
                .copied()
                .unwrap_or(Audience::JobSeekers),
            desired_period: "septembre 2027",
            message: "Bonjour, je voudrais faire mon stage chez vous.",
        },
    )
    .unwrap();
    let ContactRoute::Forward { to } = ContactRoute::choose(&settings, operator, site) else {
        panic!("the operator has an address, so requests are forwarded");
    };
    (store, request, to.as_str().to_owned(), offer.title.clone())
}

/// A free local port, nobody listening on it.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The sink, stopped (its input closed, then killed) when dropped.
struct SmtpSink {
    child: Child,
}

impl SmtpSink {
    /// Starts the sink; `None` (after a note) when Python or aiosmtpd is missing.
    fn start(port: u16, folder: &Path) -> Option<Self> {
        let available = Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !available {
            assert!(
                std::env::var_os("WAPI_REQUIRE_SMTP_SINK").is_none(),
                "WAPI_REQUIRE_SMTP_SINK is set but python3 with aiosmtpd is missing (pip install aiosmtpd)"
            );
            let _ = writeln!(
                std::io::stderr(),
                "note: SMTP test skipped: python3 with aiosmtpd is missing (pip install aiosmtpd)"
            );
            return None;
        }
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/mailer/smtp_sink.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(port.to_string())
            .arg(folder)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the SMTP sink");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP sink did not start");
        Some(Self { child })
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn delivered(folder: &Path) -> Vec<serde_json::Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

on_both_databases!(
    mail_waits_while_the_server_is_down_and_is_delivered_once_when_it_is_up,
    |db: TestDatabase| async move {
        let (store, request, operator_email, title) = store_with_request(&db).await;
        let (subject, body) = forward_mail(&request, &title);
        let now = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        store
            .record_contact_request(
                &request,
                domain::contact::ContactMode::EmailForward,
                Some(NewMail {
                    to: domain::account::Email::parse(&operator_email).unwrap(),
                    reply_to: Some(request.email.clone()),
                    subject,
                    body,
                }),
                now,
            )
            .await
            .unwrap();
        let port = free_port();
        let mailer = Mailer::new(&MailerConfig {
            smtp_url: format!("smtp://127.0.0.1:{port}"),
            from: "Wapi Synergies <no-reply@wapi.example>".to_owned(),
        })
        .unwrap();

        // Nobody listens: the mail stays queued, with one attempt and a backoff.
        let round = mailer.send_due(&store, now).await.unwrap();
        assert_eq!((round.sent, round.failed), (0, 1));
        let status = &store.mail_statuses().await.unwrap()[0];
        assert_eq!(status.attempts, 1);
        assert_eq!(status.sent_at, None);
        assert_eq!(status.next_attempt_at, now + backoff(1));
        assert_eq!(status.last_error.as_deref(), Some("connection"));
        let round = mailer.send_due(&store, now + backoff(1)).await.unwrap();
        assert_eq!((round.sent, round.failed), (0, 1), "still down");
        let status = &store.mail_statuses().await.unwrap()[0];
        assert_eq!(status.attempts, 2);
        assert_eq!(
            status.next_attempt_at,
            now + backoff(1) + backoff(2),
            "the wait doubles"
        );

        let folder = tempfile::tempdir().unwrap();
        let Some(_sink) = SmtpSink::start(port, folder.path()) else {
            return;
        };
        let not_yet = mailer.send_due(&store, now + backoff(1)).await.unwrap();
        assert_eq!(
            (not_yet.sent, not_yet.failed),
            (0, 0),
            "waits for its next attempt"
        );
        let later = now + Duration::hours(1);
        let round = mailer.send_due(&store, later).await.unwrap();
        assert_eq!((round.sent, round.failed), (1, 0));
        let again = mailer
            .send_due(&store, later + Duration::days(1))
            .await
            .unwrap();
        assert_eq!((again.sent, again.failed), (0, 0), "sent once only");
        assert!(store.mail_statuses().await.unwrap()[0].sent_at.is_some());

        let mails = delivered(folder.path());
        assert_eq!(mails.len(), 1, "{mails:#?}");
        let mail = &mails[0];
        assert_eq!(mail["to"], serde_json::json!([operator_email]));
        assert_eq!(mail["from"], "no-reply@wapi.example");
        assert_eq!(mail["reply_to"], "elise.vdb@exemple.be");
        assert_eq!(mail["subject"], format!("Demande de contact : {title}"));
        let body = mail["body"].as_str().unwrap();
        for expected in [
            "Élise Vandenberghe",
            "elise.vdb@exemple.be",
            "+32470123456",
            "septembre 2027",
            "Bonjour, je voudrais faire mon stage chez vous.",
        ] {
            assert!(body.contains(expected), "{expected:?} missing from {body}");
        }
    }
);

on_both_databases!(
    contact_requests_and_their_mail_are_purged_after_the_retention_period,
    |db: TestDatabase| async move {
        let (store, request, operator_email, _) = store_with_request(&db).await;
        let received = Utc.with_ymd_and_hms(2027, 1, 10, 12, 0, 0).unwrap();
        let mail = NewMail {
            to: domain::account::Email::parse(&operator_email).unwrap(),
            reply_to: None,
            subject: "s".to_owned(),
            body: "b".to_owned(),
        };
        store
            .record_contact_request(
                &request,
                domain::contact::ContactMode::EmailForward,
                Some(mail.clone()),
                received,
            )
            .await
            .unwrap();
        store
            .record_contact_request(
                &request,
                domain::contact::ContactMode::EmailForward,
                Some(mail),
                received + Duration::days(30),
            )
            .await
            .unwrap();
        let operator = request.operator_id;
        let purged = purge_expired_contacts(&store, 180, received + Duration::days(179))
            .await
            .unwrap();
        assert_eq!(purged, 0, "nothing is old enough yet");
        let purged = purge_expired_contacts(&store, 180, received + Duration::days(181))
            .await
            .unwrap();
        assert_eq!(purged, 1, "only the older request");
        let left = store.contact_requests_of(operator, None, 10).await.unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].created_at, received + Duration::days(30));
        assert_eq!(
            store.mail_statuses().await.unwrap().len(),
            1,
            "its mail went with it"
        );
        assert_eq!(store.contact_counts(operator).await.unwrap().total, 1);
    }
);

#[test]
fn the_backoff_doubles_up_to_six_hours() {
    assert_eq!(backoff(1), Duration::seconds(30));
    assert_eq!(backoff(2), Duration::seconds(60));
    assert_eq!(backoff(5), Duration::seconds(480));
    assert_eq!(backoff(30), Duration::hours(6));
}
