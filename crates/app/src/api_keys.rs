//! API keys of partner websites (`wapi apikey …`). A key is shown once,
//! when created; only its SHA-256 is stored. A key identifies a website for
//! quotas and statistics and never grants a right.

use domain::api_key::ApiKeyLabel;
use storage::Store;

use crate::credentials::new_api_key;
use crate::{AppError, AppResult};

/// Creates a key for a website; returns only the key.
pub async fn create(
    store: &Store,
    label: &str,
    requests_per_minute: Option<u32>,
) -> AppResult<String> {
    let label = ApiKeyLabel::parse(label).map_err(|e| AppError::bad_input("label", e))?;
    if requests_per_minute == Some(0) {
        return Err(AppError::bad_input(
            "requestsPerMinute",
            "must be at least 1 (leave it out for the server's default)",
        ));
    }
    let (key, digest) = new_api_key();
    store
        .create_api_key(label.as_str(), &digest, requests_per_minute)
        .await
        .map_err(|error| match error {
            storage::StorageError::Conflict(message) => AppError::bad_input("label", message),
            other => AppError::internal(other),
        })?;
    Ok(key)
}

/// Revokes the key of a website.
pub async fn revoke(store: &Store, label: &str) -> AppResult<()> {
    if store.revoke_api_key(label.trim()).await? {
        Ok(())
    } else {
        Err(AppError::NotFound(
            "no active API key has this label".to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use storage::testing::TestDatabase;
    use storage::{Store, on_both_databases};

    use super::*;

    on_both_databases!(
        a_created_key_identifies_its_site_until_it_is_revoked,
        |db: TestDatabase| async move {
            let store = Store::connect(&db.url).await.unwrap();
            store.migrate().await.unwrap();
            let key = create(&store, "ecole-ath", Some(120)).await.unwrap();
            assert!(key.starts_with("wapikey_"), "only the key is printed");
            let digest = crate::credentials::token_sha256(&key);
            let site = store.api_key_site(&digest).await.unwrap().unwrap();
            assert_eq!(
                (site.label.as_str(), site.requests_per_minute),
                ("ecole-ath", Some(120))
            );
            assert!(
                create(&store, "ecole-ath", None).await.is_err(),
                "labels are unique"
            );
            assert!(
                create(&store, "école ath", None).await.is_err(),
                "labels are metric-safe"
            );
            revoke(&store, "ecole-ath").await.unwrap();
            assert_eq!(store.api_key_site(&digest).await.unwrap(), None);
            assert!(revoke(&store, "ecole-ath").await.is_err());
        }
    );
}
