//! Who asks, read from a request's headers: the bearer token of an account
//! (`Authorization`) and the API key of a partner website (`X-Api-Key`).
//! The header syntax is checked here; the token and the key are resolved
//! by the application.

use app::{AppError, AppResult, Viewer};
use axum::http::{HeaderMap, header};
use domain::api_key::ApiKeySite;

use crate::WebState;

/// The header partner websites send their API key in.
pub const API_KEY_HEADER: &str = "x-api-key";

/// The viewer: the public without a token, an account with a valid one;
/// a malformed header or an unknown, expired or revoked token is refused.
pub(crate) async fn viewer(state: &WebState, headers: &HeaderMap) -> AppResult<Viewer> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(Viewer::Public);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(|| {
            AppError::Unauthenticated(
                "the Authorization header must be `Bearer <token>`".to_owned(),
            )
        })?;
    state.app().viewer_for_token(token).await
}

/// The partner website an `X-Api-Key` header identifies; `None` without the
/// header; an unknown or revoked key is refused.
pub(crate) async fn api_key_site(
    state: &WebState,
    headers: &HeaderMap,
) -> AppResult<Option<ApiKeySite>> {
    let Some(value) = headers.get(API_KEY_HEADER) else {
        return Ok(None);
    };
    // A key that is not even text is unknown like any other.
    let key = value.to_str().unwrap_or_default();
    let site = state.app().site_for_api_key(key).await?;
    state.metrics().record_api_key(&site);
    Ok(Some(site))
}
