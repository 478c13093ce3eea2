//! The outbox worker: sends the mail that writes queued in `outbox_mails`
//! over SMTP (`WAPI_SMTP_URL`), and marks a mail sent only once the server
//! accepted it. A failure leaves the mail queued with one more attempt and
//! a next attempt after an exponential backoff, so nothing is lost while
//! the server is down. Logs name mails by id only: recipients, subjects and
//! bodies are personal data, and so may be the server's error text.

use std::time::Duration;

use anyhow::Context;
use chrono::{DateTime, Utc};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use storage::{OutboxMail, Store};

/// Mail sent per round at most, so one round stays short.
const BATCH: u64 = 50;
/// First wait after a failure; it doubles with each attempt.
const FIRST_BACKOFF: Duration = Duration::from_secs(30);
/// Longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);

/// Where mail goes and who it is from.
#[derive(Debug, Clone)]
pub(crate) struct MailerConfig {
    /// `smtp://host:port` (plain), `smtp://host:587?tls=required` (STARTTLS) or
    /// `smtps://user:password@host:465`.
    pub(crate) smtp_url: String,
    /// The `From` of every mail, such as `Wapi Synergies <contact@ibefe-wapi.be>`.
    pub(crate) from: String,
}

/// The SMTP connection settings and sender, checked once.
pub(crate) struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The transport holds the URL's credentials.
        f.write_str("Mailer")
    }
}

impl Mailer {
    pub(crate) fn new(config: &MailerConfig) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
            .context("WAPI_SMTP_URL is not an smtp:// or smtps:// URL")?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = config
            .from
            .parse()
            .context("WAPI_MAIL_FROM is not a mailbox such as `Wapi <contact@example.org>`")?;
        Ok(Self { transport, from })
    }

    fn message(&self, mail: &OutboxMail) -> Result<Message, &'static str> {
        let to: Mailbox = mail.recipient.parse().map_err(|_| "invalid address")?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN);
        if let Some(reply_to) = &mail.reply_to {
            builder = builder.reply_to(reply_to.parse().map_err(|_| "invalid address")?);
        }
        builder
            .body(mail.body.clone())
            .map_err(|_| "invalid message")
    }

    /// Tries every due mail once.
    pub(crate) async fn send_due(
        &self,
        store: &Store,
        now: DateTime<Utc>,
    ) -> anyhow::Result<DeliveryRound> {
        let mut round = DeliveryRound::default();
        for mail in store.due_mails(now, BATCH).await? {
            let outcome = match self.message(&mail) {
                Ok(message) => self.transport.send(message).await.map_err(|e| {
                    if e.is_permanent() {
                        "rejected"
                    } else if e.is_transient() {
                        "deferred"
                    } else {
                        "connection"
                    }
                }),
                Err(category) => Err(category),
            };
            match outcome {
                Ok(_) => {
                    store.mark_mail_sent(mail.id, Utc::now()).await?;
                    round.sent += 1;
                }
                Err(category) => {
                    let attempts = mail.attempts + 1;
                    let next = now + backoff(attempts);
                    store
                        .mark_mail_failed(mail.id, attempts, next, category)
                        .await?;
                    tracing::warn!(mail = mail.id, attempts, error = category, next_attempt = %next, "mail not sent; it stays queued");
                    round.failed += 1;
                }
            }
        }
        Ok(round)
    }
}

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DeliveryRound {
    pub(crate) sent: usize,
    pub(crate) failed: usize,
}

/// The wait before attempt `attempts + 1`: 30 s, 1 min, 2 min… up to 6 h.
pub(crate) fn backoff(attempts: u32) -> chrono::Duration {
    let factor = 2u32.saturating_pow(attempts.saturating_sub(1));
    let wait = FIRST_BACKOFF.saturating_mul(factor).min(MAX_BACKOFF);
    chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(6))
}

/// Sends due mail every `interval`, in the background, until the process stops.
pub(crate) fn spawn(store: Store, mailer: Mailer, interval: Duration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        loop {
            ticks.tick().await;
            match mailer.send_due(&store, Utc::now()).await {
                Ok(round) if round.sent + round.failed > 0 => {
                    tracing::info!(sent = round.sent, failed = round.failed, "outbox round");
                }
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "the outbox could not be read"),
            }
        }
    });
}

#[cfg(test)]
mod tests;
