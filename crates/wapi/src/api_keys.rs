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
