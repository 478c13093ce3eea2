//! Contact requests and their indicators. A request and the mail that
//! forwards it are written in one transaction; purging a request deletes
//! its mail.

use chrono::{DateTime, Utc};
use domain::account::Email;
use domain::contact::{ContactMode, ContactRequest, ContactRequestId, ContactSettings};
use domain::offer::OfferId;
use domain::operator::OperatorId;
use domain::phone::PhoneNumber;
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

use crate::entities::{contact_request, operator, outbox_mail};
use crate::load::operator_contact_settings;
use crate::rows::audience_list;
use crate::{StorageError, Store};

/// A mail to queue with a request.
#[derive(Clone)]
pub struct NewMail {
    pub to: Email,
    pub reply_to: Option<Email>,
    pub subject: String,
    pub body: String,
}

impl std::fmt::Debug for NewMail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewMail(<redacted>)")
    }
}

/// A stored contact request, as its operator sees it.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredContactRequest {
    pub id: ContactRequestId,
    pub request: ContactRequest,
    pub mode: ContactMode,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for StoredContactRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredContactRequest")
            .field("id", &self.id)
            .field("request", &self.request)
            .finish_non_exhaustive()
    }
}

/// Counts of requests, for indicators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactCounts {
    pub total: u64,
    pub answered: u64,
    /// Per offer, most contacted first.
    pub per_offer: Vec<(OfferId, u64)>,
}

fn from_row(row: contact_request::Model) -> Result<StoredContactRequest, StorageError> {
    const TABLE: &str = "contact_requests";
    let id = row.id;
    let corrupt = |e: &dyn std::fmt::Display| StorageError::corrupt(TABLE, id, e);
    Ok(StoredContactRequest {
        id: ContactRequestId(row.id),
        request: ContactRequest {
            offer_id: OfferId(row.offer_id),
            operator_id: OperatorId(row.operator_id),
            email: Email::parse(&row.requester_email).map_err(|e| corrupt(&e))?,
            phone: row
                .requester_phone
                .as_deref()
                .map(PhoneNumber::parse)
                .transpose()
                .map_err(|e| corrupt(&e))?,
            audience: row.audience.parse().map_err(|e| corrupt(&e))?,
            name: row.requester_name,
            desired_period: row.desired_period,
            message: row.message,
        },
        mode: row.contact_mode.parse().map_err(|e| corrupt(&e))?,
        created_at: row.created_at,
        answered_at: row.answered_at,
    })
}

impl Store {
    /// How an operator wants to be contacted; `None` for an unknown operator.
    pub async fn contact_settings(
        &self,
        operator_id: OperatorId,
    ) -> Result<Option<ContactSettings>, StorageError> {
        let Some(row) = operator::Entity::find_by_id(operator_id.0)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(operator_contact_settings(&row)?))
    }

    /// Changes how an operator wants to be contacted.
    pub async fn set_contact_settings(
        &self,
        operator_id: OperatorId,
        settings: &ContactSettings,
    ) -> Result<(), StorageError> {
        let audiences = audience_list(&settings.accepted_audiences);
        let result = operator::Entity::update_many()
            .col_expr(
                operator::Column::ContactMode,
                sea_orm::sea_query::Expr::value(settings.mode.code()),
            )
            .col_expr(
                operator::Column::ContactAudiences,
                sea_orm::sea_query::Expr::value(audiences),
            )
            .filter(operator::Column::Id.eq(operator_id.0))
            .exec(&self.db)
            .await?;
        if result.rows_affected == 0 {
            return Err(StorageError::NotFound(format!(
                "operator {}",
                operator_id.0
            )));
        }
        Ok(())
    }

    /// Stores a request and, when it is forwarded, its mail, in one transaction.
    pub async fn record_contact_request(
        &self,
        request: &ContactRequest,
        mode: ContactMode,
        mail: Option<NewMail>,
        now: DateTime<Utc>,
    ) -> Result<ContactRequestId, StorageError> {
        let txn = self.db.begin().await?;
        let inserted = contact_request::Entity::insert(contact_request::ActiveModel {
            offer_id: Set(request.offer_id.0),
            operator_id: Set(request.operator_id.0),
            requester_name: Set(request.name.clone()),
            requester_email: Set(request.email.as_str().to_owned()),
            requester_phone: Set(request.phone.as_ref().map(|p| p.as_str().to_owned())),
            audience: Set(request.audience.code().to_owned()),
            desired_period: Set(request.desired_period.clone()),
            message: Set(request.message.clone()),
            contact_mode: Set(mode.code().to_owned()),
            created_at: Set(now),
            answered_at: Set(None),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        if let Some(mail) = mail {
            outbox_mail::Entity::insert(outbox_mail::ActiveModel {
                contact_request_id: Set(Some(inserted.last_insert_id)),
                recipient: Set(mail.to.as_str().to_owned()),
                reply_to: Set(mail.reply_to.map(|e| e.as_str().to_owned())),
                subject: Set(mail.subject),
                body: Set(mail.body),
                created_at: Set(now),
                attempts: Set(0),
                next_attempt_at: Set(now),
                last_error: Set(None),
                sent_at: Set(None),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(ContactRequestId(inserted.last_insert_id))
    }

    /// An operator's requests, newest first, after the request `after` (keyset).
    pub async fn contact_requests_of(
        &self,
        operator_id: OperatorId,
        after: Option<ContactRequestId>,
        limit: u64,
    ) -> Result<Vec<StoredContactRequest>, StorageError> {
        let mut query = contact_request::Entity::find()
            .filter(contact_request::Column::OperatorId.eq(operator_id.0))
            .order_by_desc(contact_request::Column::Id)
            .limit(limit);
        if let Some(after) = after {
            query = query.filter(contact_request::Column::Id.lt(after.0));
        }
        query
            .all(&self.db)
            .await?
            .into_iter()
            .map(from_row)
            .collect()
    }

    /// One request.
    pub async fn contact_request(
        &self,
        id: ContactRequestId,
    ) -> Result<Option<StoredContactRequest>, StorageError> {
        contact_request::Entity::find_by_id(id.0)
            .one(&self.db)
            .await?
            .map(from_row)
            .transpose()
    }

    /// Marks a request answered (once: the first time is kept).
    pub async fn mark_contact_answered(
        &self,
        id: ContactRequestId,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        contact_request::Entity::update_many()
            .col_expr(
                contact_request::Column::AnsweredAt,
                sea_orm::sea_query::Expr::value(Some(now)),
            )
            .filter(contact_request::Column::Id.eq(id.0))
            .filter(contact_request::Column::AnsweredAt.is_null())
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// How many requests an operator received and answered, and per offer.
    pub async fn contact_counts(
        &self,
        operator_id: OperatorId,
    ) -> Result<ContactCounts, StorageError> {
        let of_operator = || {
            contact_request::Entity::find()
                .filter(contact_request::Column::OperatorId.eq(operator_id.0))
        };
        let total = of_operator().count(&self.db).await?;
        let answered = of_operator()
            .filter(contact_request::Column::AnsweredAt.is_not_null())
            .count(&self.db)
            .await?;
        let mut per_offer: Vec<(OfferId, u64)> = of_operator()
            .select_only()
            .column(contact_request::Column::OfferId)
            .column_as(contact_request::Column::Id.count(), "requests")
            .group_by(contact_request::Column::OfferId)
            .into_tuple::<(i64, i64)>()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|(offer, n)| (OfferId(offer), u64::try_from(n).unwrap_or(0)))
            .collect();
        per_offer.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(ContactCounts {
            total,
            answered,
            per_offer,
        })
    }

    /// Deletes the requests received before `cutoff`, and their mail, in one
    /// transaction; returns how many requests were deleted.
    pub async fn purge_contact_requests(&self, cutoff: DateTime<Utc>) -> Result<u64, StorageError> {
        let txn = self.db.begin().await?;
        let expired: Vec<i64> = contact_request::Entity::find()
            .select_only()
            .column(contact_request::Column::Id)
            .filter(contact_request::Column::CreatedAt.lt(cutoff))
            .into_tuple()
            .all(&txn)
            .await?;
        // In chunks, so the statements stay within every database's parameter limit.
        let mut deleted = 0;
        for ids in expired.chunks(500) {
            outbox_mail::Entity::delete_many()
                .filter(outbox_mail::Column::ContactRequestId.is_in(ids.to_vec()))
                .exec(&txn)
                .await?;
            deleted += contact_request::Entity::delete_many()
                .filter(contact_request::Column::Id.is_in(ids.to_vec()))
                .exec(&txn)
                .await?
                .rows_affected;
        }
        txn.commit().await?;
        Ok(deleted)
    }
}
