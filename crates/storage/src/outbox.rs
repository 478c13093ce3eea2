//! The outbox: mail written with the change that caused it, sent later by
//! the mailer. A mail is marked sent only once the server accepted it, so
//! it is never lost; after a failure it waits for its next attempt.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entities::outbox_mail;
use crate::{StorageError, Store};

/// A mail waiting to be sent.
#[derive(Clone, PartialEq, Eq)]
pub struct OutboxMail {
    pub id: i64,
    pub recipient: String,
    pub reply_to: Option<String>,
    pub subject: String,
    pub body: String,
    /// Failed attempts so far.
    pub attempts: u32,
}

impl std::fmt::Debug for OutboxMail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxMail")
            .field("id", &self.id)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

/// The state of a mail, for tests and operations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailStatus {
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Unsent mail whose next attempt is due, oldest first.
    pub async fn due_mails(
        &self,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<OutboxMail>, StorageError> {
        Ok(outbox_mail::Entity::find()
            .filter(outbox_mail::Column::SentAt.is_null())
            .filter(outbox_mail::Column::NextAttemptAt.lte(now))
            .order_by_asc(outbox_mail::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|row| OutboxMail {
                id: row.id,
                recipient: row.recipient,
                reply_to: row.reply_to,
                subject: row.subject,
                body: row.body,
                attempts: u32::try_from(row.attempts).unwrap_or(0),
            })
            .collect())
    }

    /// Records that the server accepted a mail.
    pub async fn mark_mail_sent(&self, id: i64, now: DateTime<Utc>) -> Result<(), StorageError> {
        outbox_mail::Entity::update_many()
            .col_expr(
                outbox_mail::Column::SentAt,
                sea_orm::sea_query::Expr::value(Some(now)),
            )
            .filter(outbox_mail::Column::Id.eq(id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Records a failed attempt and when to try again. `error` is a
    /// category, never the server's words.
    pub async fn mark_mail_failed(
        &self,
        id: i64,
        attempts: u32,
        next_attempt_at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), StorageError> {
        outbox_mail::Entity::update(outbox_mail::ActiveModel {
            id: Set(id),
            attempts: Set(i32::try_from(attempts).unwrap_or(i32::MAX)),
            next_attempt_at: Set(next_attempt_at),
            last_error: Set(Some(error.to_owned())),
            ..Default::default()
        })
        .exec(&self.db)
        .await?;
        Ok(())
    }

    /// Every mail's state, in order.
    pub async fn mail_statuses(&self) -> Result<Vec<MailStatus>, StorageError> {
        Ok(outbox_mail::Entity::find()
            .order_by_asc(outbox_mail::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|row| MailStatus {
                attempts: u32::try_from(row.attempts).unwrap_or(0),
                next_attempt_at: row.next_attempt_at,
                last_error: row.last_error,
                sent_at: row.sent_at,
            })
            .collect())
    }
}
