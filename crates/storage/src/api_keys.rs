//! API keys of partner websites, stored as their SHA-256: storage never
//! sees a key.

use chrono::Utc;
use domain::api_key::{ApiKeyId, ApiKeySite};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::api_key;
use crate::writes::conflict_or_storage;
use crate::{StorageError, Store};

impl Store {
    /// Records a key for a website. Fails with [`StorageError::Conflict`]
    /// when the label is taken.
    pub async fn create_api_key(
        &self,
        label: &str,
        key_sha256: &str,
        requests_per_minute: Option<u32>,
    ) -> Result<ApiKeyId, StorageError> {
        let rpm = requests_per_minute
            .map(|n| i32::try_from(n).unwrap_or(i32::MAX))
            .filter(|n| *n > 0);
        let inserted = api_key::Entity::insert(api_key::ActiveModel {
            label: Set(label.to_owned()),
            key_sha256: Set(key_sha256.to_owned()),
            requests_per_minute: Set(rpm),
            created_at: Set(Utc::now()),
            revoked_at: Set(None),
            ..Default::default()
        })
        .exec(&self.db)
        .await
        .map_err(conflict_or_storage)?;
        Ok(ApiKeyId(inserted.last_insert_id))
    }

    /// Revokes the key of a website; `false` when no active key has this label.
    pub async fn revoke_api_key(&self, label: &str) -> Result<bool, StorageError> {
        let result = api_key::Entity::update_many()
            .col_expr(
                api_key::Column::RevokedAt,
                sea_orm::sea_query::Expr::value(Some(Utc::now())),
            )
            .filter(api_key::Column::Label.eq(label))
            .filter(api_key::Column::RevokedAt.is_null())
            .exec(&self.db)
            .await?;
        Ok(result.rows_affected > 0)
    }

    /// The website an active key identifies.
    pub async fn api_key_site(&self, key_sha256: &str) -> Result<Option<ApiKeySite>, StorageError> {
        let Some(row) = api_key::Entity::find()
            .filter(api_key::Column::KeySha256.eq(key_sha256))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if row.revoked_at.is_some() {
            return Ok(None);
        }
        Ok(Some(ApiKeySite {
            id: ApiKeyId(row.id),
            label: row.label,
            requests_per_minute: row.requests_per_minute.and_then(|n| u32::try_from(n).ok()),
        }))
    }
}
