//! Who is asking, and from where. The viewer decides what a request may do
//! (`policy`); the client — the peer's address and the website its API key
//! identifies — only counts against quotas and never grants a right.

use domain::account::Account;
use domain::api_key::ApiKeySite;

use crate::credentials::token_sha256;
use crate::{App, AppError, AppResult};

/// Who is asking.
#[derive(Debug, Clone)]
pub enum Viewer {
    /// Anyone: no token.
    Public,
    /// A signed-in account, with the token it presented (as its SHA-256).
    Account {
        account: Account,
        token_sha256: String,
    },
}

/// Where a request comes from: the peer's address and the website its API
/// key identifies. Neither grants any right; they count against quotas.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub ip: Option<std::net::IpAddr>,
    pub site: Option<ApiKeySite>,
}

impl App {
    /// The account a bearer token opens: an unknown, expired or revoked
    /// token is refused (it is not taken for the public, so that a client
    /// whose session ended learns it at once).
    pub async fn viewer_for_token(&self, token: &str) -> AppResult<Viewer> {
        let digest = token_sha256(token.trim());
        let account = self
            .store()
            .account_for_token(&digest, chrono::Utc::now())
            .await?
            .ok_or_else(|| {
                AppError::Unauthenticated(
                    "the bearer token is unknown, expired or revoked".to_owned(),
                )
            })?;
        Ok(Viewer::Account {
            account,
            token_sha256: digest,
        })
    }

    /// The partner website an API key identifies; an unknown or revoked key
    /// is refused.
    pub async fn site_for_api_key(&self, key: &str) -> AppResult<ApiKeySite> {
        self.store()
            .api_key_site(&token_sha256(key.trim()))
            .await?
            .ok_or_else(|| {
                AppError::Unauthenticated(
                    "the X-Api-Key header holds no active API key: check it, or ask IBEFE for a new one (or send none: the API is public)".to_owned(),
                )
            })
    }
}
