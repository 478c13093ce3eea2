//! Accounts and their access tokens. Passwords arrive here already hashed
//! and tokens as their SHA-256: storage never sees a secret.

use chrono::{DateTime, Utc};
use domain::account::{Account, AccountId, Email, Role};
use domain::codes::OperatorCode;
use domain::operator::OperatorId;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::{access_token, account, account_operator, invitation, operator};
use crate::writes::{Actor, WriteError, conflict_or_storage};
use crate::{StorageError, Store};

/// An account to create.
#[derive(Debug)]
pub struct NewAccount<'a> {
    pub email: &'a Email,
    pub display_name: &'a str,
    /// An Argon2id PHC string.
    pub password_hash: String,
    pub role: Role,
    /// The operators a partner acts for.
    pub operators: &'a [OperatorCode],
}

async fn account_from_row(
    db: &impl sea_orm::ConnectionTrait,
    row: account::Model,
) -> Result<Account, StorageError> {
    const TABLE: &str = "accounts";
    let operator_ids = account_operator::Entity::find()
        .filter(account_operator::Column::AccountId.eq(row.id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| OperatorId(link.operator_id))
        .collect();
    Ok(Account {
        id: AccountId(row.id),
        email: Email::parse(&row.email).map_err(|e| StorageError::corrupt(TABLE, row.id, e))?,
        display_name: row.display_name,
        role: row
            .role
            .parse()
            .map_err(|e| StorageError::corrupt(TABLE, row.id, e))?,
        operator_ids,
        disabled: row.disabled_at.is_some(),
    })
}

impl Store {
    /// Creates an account in one transaction. Fails with
    /// [`StorageError::Conflict`] when the address is taken (or an operator
    /// is named twice) and [`StorageError::NotFound`] for an unknown
    /// operator code.
    pub async fn create_account(&self, new: NewAccount<'_>) -> Result<Account, StorageError> {
        let txn = self.begin_write().await?;
        let mut operator_ids = Vec::new();
        for code in new.operators {
            let found = operator::Entity::find()
                .filter(operator::Column::Code.eq(code.as_str()))
                .one(&*txn)
                .await?
                .ok_or_else(|| StorageError::NotFound(format!("operator {code}")))?;
            operator_ids.push(found.id);
        }
        let inserted = account::Entity::insert(account::ActiveModel {
            email: Set(new.email.as_str().to_owned()),
            display_name: Set(new.display_name.to_owned()),
            password_hash: Set(new.password_hash),
            role: Set(new.role.code().to_owned()),
            disabled_at: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(&*txn)
        .await
        .map_err(conflict_or_storage)?;
        for operator_id in &operator_ids {
            account_operator::Entity::insert(account_operator::ActiveModel {
                account_id: Set(inserted.last_insert_id),
                operator_id: Set(*operator_id),
            })
            .exec(&*txn)
            .await
            .map_err(conflict_or_storage)?;
        }
        txn.commit().await?;
        let row = account::Entity::find_by_id(inserted.last_insert_id)
            .one(&self.db)
            .await?
            .ok_or_else(|| StorageError::NotFound("the account just created".to_owned()))?;
        account_from_row(&self.db, row).await
    }

    /// Disables an account and revokes its tokens; `false` when no account has this address.
    pub async fn disable_account(&self, email: &Email) -> Result<bool, StorageError> {
        let txn = self.begin_write().await?;
        let Some(row) = account::Entity::find()
            .filter(account::Column::Email.eq(email.as_str()))
            .one(&*txn)
            .await?
        else {
            return Ok(false);
        };
        let now = Utc::now();
        let mut active: account::ActiveModel = row.clone().into();
        active.disabled_at = Set(Some(now));
        account::Entity::update(active).exec(&*txn).await?;
        access_token::Entity::update_many()
            .col_expr(
                access_token::Column::RevokedAt,
                sea_orm::sea_query::Expr::value(Some(now)),
            )
            .filter(access_token::Column::AccountId.eq(row.id))
            .filter(access_token::Column::RevokedAt.is_null())
            .exec(&*txn)
            .await?;
        txn.commit().await?;
        Ok(true)
    }

    /// The account with this address and its password hash, enabled or not.
    pub async fn account_credentials(
        &self,
        email: &Email,
    ) -> Result<Option<(Account, String)>, StorageError> {
        let Some(row) = account::Entity::find()
            .filter(account::Column::Email.eq(email.as_str()))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let hash = row.password_hash.clone();
        Ok(Some((account_from_row(&self.db, row).await?, hash)))
    }

    /// Records a token (as its SHA-256) for an account.
    pub async fn create_token(
        &self,
        account: AccountId,
        token_sha256: &str,
        label: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        access_token::Entity::insert(access_token::ActiveModel {
            account_id: Set(account.0),
            token_sha256: Set(token_sha256.to_owned()),
            label: Set(label.to_owned()),
            created_at: Set(Utc::now()),
            expires_at: Set(expires_at),
            revoked_at: Set(None),
            ..Default::default()
        })
        .exec(&self.db)
        .await?;
        Ok(())
    }

    /// Revokes a token; `false` when none has this hash or it was already revoked.
    pub async fn revoke_token(&self, token_sha256: &str) -> Result<bool, StorageError> {
        let result = access_token::Entity::update_many()
            .col_expr(
                access_token::Column::RevokedAt,
                sea_orm::sea_query::Expr::value(Some(Utc::now())),
            )
            .filter(access_token::Column::TokenSha256.eq(token_sha256))
            .filter(access_token::Column::RevokedAt.is_null())
            .exec(&self.db)
            .await?;
        Ok(result.rows_affected > 0)
    }

    /// The enabled account a valid (unexpired, unrevoked) token belongs to.
    pub async fn account_for_token(
        &self,
        token_sha256: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Account>, StorageError> {
        let Some(token) = access_token::Entity::find()
            .filter(access_token::Column::TokenSha256.eq(token_sha256))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if token.revoked_at.is_some() || token.expires_at <= now {
            return Ok(None);
        }
        let Some(row) = account::Entity::find_by_id(token.account_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let account = account_from_row(&self.db, row).await?;
        Ok((!account.disabled).then_some(account))
    }
}

/// A partner to invite: the account is created without a password, which
/// the partner chooses when accepting the invitation.
#[derive(Debug)]
pub struct NewInvitation<'a> {
    pub email: &'a Email,
    pub display_name: &'a str,
    pub operators: &'a [OperatorId],
    /// The SHA-256 of the one-time invitation token.
    pub token_sha256: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// Stored as the password hash of an invited account until it accepts: no
/// password verifies against it.
const NO_PASSWORD: &str = "";

impl Store {
    /// Creates a PARTNER account for operators and its one-time invitation,
    /// audited as an INVITE by `actor`. A taken address is refused as
    /// [`WriteError::Taken`] on `email`, an operator named twice on
    /// `operatorIds`.
    pub async fn invite_partner(
        &self,
        actor: &Actor,
        invitation: NewInvitation<'_>,
    ) -> Result<Account, WriteError> {
        let txn = self.begin_write().await?;
        for id in invitation.operators {
            operator::Entity::find_by_id(id.0)
                .one(&*txn)
                .await?
                .ok_or_else(|| WriteError::NotFound(format!("operator {}", id.0)))?;
        }
        let now = Utc::now();
        let account_id = account::Entity::insert(account::ActiveModel {
            email: Set(invitation.email.as_str().to_owned()),
            display_name: Set(invitation.display_name.to_owned()),
            password_hash: Set(NO_PASSWORD.to_owned()),
            role: Set(Role::Partner.code().to_owned()),
            disabled_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(&*txn)
        .await?
        .last_insert_id;
        for id in invitation.operators {
            account_operator::Entity::insert(account_operator::ActiveModel {
                account_id: Set(account_id),
                operator_id: Set(id.0),
            })
            .exec(&*txn)
            .await?;
        }
        invitation::Entity::insert(invitation::ActiveModel {
            account_id: Set(account_id),
            token_sha256: Set(invitation.token_sha256.to_owned()),
            invited_by: Set(actor.account_id.map(|id| id.0)),
            created_at: Set(now),
            expires_at: Set(invitation.expires_at),
            accepted_at: Set(None),
            ..Default::default()
        })
        .exec(&*txn)
        .await?;
        // The address is personal data: the audit names the account by id and display name.
        let operators = invitation
            .operators
            .iter()
            .map(|id| id.0.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let changes = [
            domain::revision::FieldChange {
                field: "displayName".to_owned(),
                from: None,
                to: Some(invitation.display_name.to_owned()),
            },
            domain::revision::FieldChange {
                field: "operatorIds".to_owned(),
                from: None,
                to: Some(operators),
            },
        ];
        txn.audit(
            actor,
            domain::revision::AuditAction::Invite,
            domain::revision::AuditedObject::Account,
            account_id,
            invitation.operators.first().map(|id| id.0),
            &changes,
        )
        .await?;
        let row = account::Entity::find_by_id(account_id)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound("the account just created".to_owned()))?;
        let account = account_from_row(&*txn, row).await?;
        txn.commit().await?;
        Ok(account)
    }

    /// Accepts an unexpired, unused invitation: sets the account's password
    /// (already hashed) and uses the invitation up. `None` when the token is
    /// unknown, used or expired.
    pub async fn accept_invitation(
        &self,
        token_sha256: &str,
        password_hash: String,
        now: DateTime<Utc>,
    ) -> Result<Option<Account>, StorageError> {
        let txn = self.begin_write().await?;
        let Some(found) = invitation::Entity::find()
            .filter(invitation::Column::TokenSha256.eq(token_sha256))
            .one(&*txn)
            .await?
        else {
            return Ok(None);
        };
        if found.accepted_at.is_some() || found.expires_at <= now {
            return Ok(None);
        }
        let Some(row) = account::Entity::find_by_id(found.account_id)
            .one(&*txn)
            .await?
        else {
            return Ok(None);
        };
        if row.disabled_at.is_some() {
            return Ok(None);
        }
        let mut used: invitation::ActiveModel = found.into();
        used.accepted_at = Set(Some(now));
        invitation::Entity::update(used).exec(&*txn).await?;
        let mut active: account::ActiveModel = row.clone().into();
        active.password_hash = Set(password_hash);
        account::Entity::update(active).exec(&*txn).await?;
        let account = account_from_row(&*txn, row).await?;
        txn.commit().await?;
        Ok(Some(account))
    }
}
