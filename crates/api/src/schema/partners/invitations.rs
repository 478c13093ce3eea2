//! Invitations: admins open accounts for partners, who accept them.

use app::ids;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::super::accounts::{AccountInfo, LoginPayload};
use crate::context::request;
use crate::error::{ApiResult, Located};

/// A partner to invite (admins only).
#[derive(InputObject, Debug)]
pub struct InvitePartnerInput {
    /// The address the invitation is sent to; it becomes the login.
    #[graphql(secret)]
    pub email: String,
    /// The name shown to others.
    pub display_name: String,
    /// The operators the partner acts for (global ids): at least one, at most 50, none named twice (a repeat is refused).
    pub operator_ids: Vec<ID>,
}

/// An invitation: send the token to the partner, who accepts it with `acceptInvitation`.
#[derive(SimpleObject, Debug)]
pub struct InvitationPayload {
    /// One-time token, shown once and stored only as a digest.
    pub token: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// The invited account (it cannot sign in until the invitation is accepted).
    pub account: AccountInfo,
}

/// Invitations of partners.
#[derive(Debug, Default)]
pub struct InvitationMutation;

/// Invitations of partners.
#[Object]
impl InvitationMutation {
    /// Opens a PARTNER account for operators (admins only) and returns a one-time invitation
    /// token, valid 14 days, for the partner to choose a password with `acceptInvitation`.
    async fn invite_partner(
        &self,
        ctx: &Context<'_>,
        input: InvitePartnerInput,
    ) -> ApiResult<InvitationPayload> {
        let context = request(ctx);
        let operators = input
            .operator_ids
            .iter()
            .enumerate()
            .map(|(i, id)| ids::parse_operator_id(id, &format!("operatorIds[{i}]")))
            .collect::<Result<Vec<_>, _>>()
            .at("input")?;
        let invitation = app::accounts::invite_partner(
            &context.app,
            &context.viewer,
            app::accounts::InvitationRequest {
                email: &input.email,
                display_name: &input.display_name,
                operators,
            },
        )
        .await
        .at("input")?;
        Ok(InvitationPayload {
            token: invitation.token,
            expires_at: invitation.expires_at,
            account: AccountInfo(invitation.account),
        })
    }

    /// Accepts an invitation: sets the account's password and signs in.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        #[graphql(secret, desc = "The token from `invitePartner`.")] token: String,
        #[graphql(
            secret,
            desc = "The password to sign in with from now on (12 to 128 characters)."
        )]
        password: String,
    ) -> ApiResult<LoginPayload> {
        let context = request(ctx);
        let session =
            app::accounts::accept_invitation(&context.app, &context.viewer, &token, &password)
                .await
                .located()?;
        Ok(session.into())
    }
}
