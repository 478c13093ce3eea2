//! Signing in and out, and the signed-in account.

use async_graphql::{Context, Enum, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::objects::Operator;
use crate::context::{catalog, request};
use crate::cost;
use crate::error::{ApiResult, Located};

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
    #[graphql(complexity = "cost::list(cost::OPERATORS_PER_ACCOUNT, child_complexity)")]
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

impl From<app::accounts::Session> for LoginPayload {
    fn from(session: app::accounts::Session) -> Self {
        LoginPayload {
            token: session.token,
            expires_at: session.expires_at,
            account: AccountInfo(session.account),
        }
    }
}

/// The signed-in account.
#[derive(Debug, Default)]
pub struct AccountQuery;

/// The signed-in account.
#[Object]
impl AccountQuery {
    /// The signed-in account; null for the public.
    async fn me(&self, ctx: &Context<'_>) -> Option<AccountInfo> {
        app::accounts::own_account(&request(ctx).viewer)
            .cloned()
            .map(AccountInfo)
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
        let session = app::accounts::sign_in(&context.app, &context.viewer, &email, &password)
            .await
            .located()?;
        Ok(session.into())
    }

    /// Revokes the token this request was sent with.
    async fn logout(&self, ctx: &Context<'_>) -> ApiResult<bool> {
        let context = request(ctx);
        app::accounts::sign_out(&context.app, &context.viewer)
            .await
            .located()
    }
}
