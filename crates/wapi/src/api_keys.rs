//! `wapi apikey …`: keys for partner websites. A key is shown once, when
//! created; only its SHA-256 is stored.

use anyhow::bail;
use storage::Store;

/// Creates a key for a website; returns only the key.
pub(crate) async fn create(
    store: &Store,
    label: &str,
    requests_per_minute: Option<u32>,
) -> anyhow::Result<String> {
    let label = domain::api_key::parse_label(label).map_err(|e| anyhow::anyhow!("label: {e}"))?;
    if requests_per_minute == Some(0) {
        bail!("requests-per-minute: must be at least 1 (leave it out for the server's default)");
    }
    let (key, digest) = api::auth::new_api_key();
    store
        .create_api_key(&label, &digest, requests_per_minute)
        .await?;
    Ok(key)
}

/// Revokes the key of a website.
pub(crate) async fn revoke(store: &Store, label: &str) -> anyhow::Result<String> {
    if !store.revoke_api_key(label.trim()).await? {
        bail!("no active API key has this label");
    }
    Ok("revoked".to_owned())
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
            let digest = api::auth::token_sha256(&key);
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
            assert_eq!(revoke(&store, "ecole-ath").await.unwrap(), "revoked");
            assert_eq!(store.api_key_site(&digest).await.unwrap(), None);
            assert!(revoke(&store, "ecole-ath").await.is_err());
        }
    );
}
