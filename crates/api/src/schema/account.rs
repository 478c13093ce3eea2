//! Signing in and out, and the signed-in account.

use async_graphql::{Context, Enum, Object, SimpleObject};
use chrono::{DateTime, Duration, Utc};

use super::operator::Operator;
use super::{catalog, request};
use crate::auth::{self, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::policy::{self, Action};

/// How long a token from `login` lasts.
const LOGIN_TOKEN_DAYS: i64 = 30;

/// What an account may do.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::account::Role")]
pub enum Role {
    /// IBEFE staff: everything, including moderation.
    Admin,
    /// A member of one or more operators: their data only.
    Partner,
}

/// The signed-in account.
#[derive(Debug, Clone)]
pub struct AccountInfo(pub domain::account::Account);

/// The signed-in account.
#[Object]
impl AccountInfo {
    /// The e-mail address it signs in with.
    async fn email(&self) -> &str {
        self.0.email.as_str()
    }

    /// The name shown to others.
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }

    /// What it may do.
    async fn role(&self) -> Role {
        self.0.role.into()
    }

    /// The operators a partner acts for.
    async fn operators(&self, ctx: &Context<'_>) -> Vec<Operator> {
        let catalog = catalog(ctx);
        self.0
            .operator_ids
            .iter()
            .filter_map(|id| catalog.operator(*id))
            .cloned()
            .map(Operator)
            .collect()
    }
}

/// A new session.
#[derive(SimpleObject, Debug)]
pub struct LoginPayload {
    /// Send it as `Authorization: Bearer <token>`. It is shown once and stored only as a digest.
    pub token: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// Who signed in.
    pub account: AccountInfo,
}

/// The signed-in account, or null for the public.
pub(super) fn me(ctx: &Context<'_>) -> Option<AccountInfo> {
    let viewer = &request(ctx).viewer;
    policy::allow(viewer, Action::ReadOwnAccount).ok()?;
    match viewer {
        Viewer::Account { account, .. } => Some(AccountInfo(account.clone())),
        Viewer::Public => None,
    }
}

/// Signing in and out.
#[derive(Debug, Default)]
pub struct AccountMutation;

/// Signing in and out.
#[Object]
impl AccountMutation {
    /// Signs in with an e-mail address and a password; returns a bearer token valid 30 days.
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The account's e-mail address.")] email: String,
        #[graphql(secret, desc = "The account's password.")] password: String,
    ) -> ApiResult<LoginPayload> {
        let context = request(ctx);
        policy::allow(&context.viewer, Action::LogIn)?;
        let session = auth::sign_in(
            &context.store,
            &context.login_throttle,
            &email,
            &password,
            Duration::days(LOGIN_TOKEN_DAYS),
        )
        .await?;
        Ok(LoginPayload {
            token: session.token,
            expires_at: session.expires_at,
            account: AccountInfo(session.account),
        })
    }

    /// Revokes the token this request was sent with.
    async fn logout(&self, ctx: &Context<'_>) -> ApiResult<bool> {
        let context = request(ctx);
        policy::allow(&context.viewer, Action::LogOut)?;
        let Viewer::Account { token_sha256, .. } = &context.viewer else {
            return Ok(false);
        };
        context
            .store
            .revoke_token(token_sha256)
            .await
            .map_err(|e| ApiError::Internal(Box::new(e)).into())
    }
}
