//! Every authorisation decision, in one place: which viewer may do what.
//! Use cases ask [`allow`] before acting, and get a [`Refusal`] value back,
//! not an error of any door. A table-driven test covers every action for
//! every kind of viewer; the API's test fails when a mutation has no row in
//! that table ([`table::DECISIONS`], feature `testing`).

use domain::account::Role;
use domain::operator::OperatorId;

use crate::AppError;
use crate::viewer::Viewer;

/// Something a viewer may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// `login`: anyone may try.
    LogIn,
    /// `logout`: revoke the token one presented.
    LogOut,
    /// `me`: read one's own account.
    ReadOwnAccount,
    /// `requestContact`: anyone may write to an operator about an offer.
    RequestContact,
    /// `contactCounts`: numbers only, no personal data; public indicators.
    ReadContactCounts,
    /// `contactRequests` and every field of `ContactRequest` (personal
    /// data): partners of that operator and admins.
    ReadContactRequests { operator: OperatorId },
    /// `markContactAnswered` on a request to this operator.
    AnswerContactRequest { operator: OperatorId },
    /// `createOperator`: a new organisation on the platform.
    CreateOperator,
    /// Change an operator's own data: its details, sites, programmes and
    /// offers (create, update, publish, archive, duplicate).
    EditOperatorData(OperatorId),
    /// Read what the public does not see of an operator: its drafts and
    /// archived offers (`node`, `Operator.allOffers`).
    ReadUnpublished(OperatorId),
    /// `invitePartner`: open an account for a partner of some operators.
    InvitePartner,
    /// `acceptInvitation`: whoever holds the one-time token.
    AcceptInvitation,
    /// `auditEntries`: who changed what, when.
    ReadAudit,
}

/// Why the policy said no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The viewer must sign in (as someone who may) first.
    SignInFirst(&'static str),
    /// The viewer is signed in, and may not.
    NotAllowed(&'static str),
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::SignInFirst(message) => AppError::Unauthenticated(message.to_owned()),
            Refusal::NotAllowed(message) => AppError::Forbidden(message.to_owned()),
        }
    }
}

/// Whether the viewer may perform the action. An API key is not part of
/// the viewer: it identifies a website for quotas and never grants a right.
pub fn allow(viewer: &Viewer, action: Action) -> Result<(), Refusal> {
    match (action, viewer) {
        (
            Action::LogIn
            | Action::RequestContact
            | Action::ReadContactCounts
            | Action::AcceptInvitation,
            _,
        ) => Ok(()),
        (
            Action::ReadContactRequests { operator }
            | Action::AnswerContactRequest { operator }
            | Action::EditOperatorData(operator)
            | Action::ReadUnpublished(operator),
            _,
        ) => acts_for(viewer, operator),
        (_, Viewer::Public) => Err(Refusal::SignInFirst(
            "sign in first: send `Authorization: Bearer <token>` (from `login` or `wapi token create`)",
        )),
        (Action::LogOut | Action::ReadOwnAccount, Viewer::Account { .. }) => Ok(()),
        (
            Action::CreateOperator | Action::InvitePartner | Action::ReadAudit,
            Viewer::Account { account, .. },
        ) => {
            if account.role == Role::Admin {
                Ok(())
            } else {
                Err(Refusal::NotAllowed("only IBEFE administrators may do this"))
            }
        }
    }
}

/// Admins act for every operator, partners for their own.
fn acts_for(viewer: &Viewer, operator: OperatorId) -> Result<(), Refusal> {
    match viewer {
        Viewer::Public => Err(Refusal::SignInFirst(
            "sign in as a partner of this operator or as an admin: send `Authorization: Bearer <token>`",
        )),
        Viewer::Account { account, .. }
            if account.role == Role::Admin || account.operator_ids.contains(&operator) =>
        {
            Ok(())
        }
        Viewer::Account { .. } => Err(Refusal::NotAllowed(
            "only partners of this operator and admins may do this",
        )),
    }
}

#[cfg(any(test, feature = "testing"))]
pub mod table;

#[cfg(test)]
mod tests {
    use domain::account::{Account, AccountId, Email};

    use super::table::{DECISIONS, OTHER_OPERATOR, OWNER};
    use super::*;

    fn account(role: Role, operators: &[OperatorId]) -> Viewer {
        Viewer::Account {
            account: Account {
                id: AccountId(1),
                email: Email::parse("someone@example.org").unwrap(),
                display_name: "Someone".to_owned(),
                role,
                operator_ids: operators.to_vec(),
                disabled: false,
            },
            token_sha256: "0".repeat(64),
        }
    }

    /// API keys identify websites and never authorise: a request with a key
    /// and no token is the public, for every row of the table (the key is
    /// not even part of what `allow` sees; the end-to-end test
    /// `an_api_key_never_authorises_a_write` checks it over HTTP).
    #[test]
    fn api_key_holders_are_decided_like_the_public() {
        let with_key_only = Viewer::Public;
        for decision in DECISIONS {
            assert_eq!(
                allow(&with_key_only, decision.action).is_ok(),
                decision.public,
                "{}",
                decision.field
            );
        }
    }

    #[test]
    fn every_action_is_decided_for_every_viewer() {
        let viewers = [
            ("public", Viewer::Public),
            ("partner of the owner", account(Role::Partner, &[OWNER])),
            (
                "partner of another operator",
                account(Role::Partner, &[OTHER_OPERATOR]),
            ),
            ("admin", account(Role::Admin, &[])),
        ];
        for decision in DECISIONS {
            let expected = [
                decision.public,
                decision.partner_of_owner,
                decision.partner_of_other,
                decision.admin,
            ];
            for ((who, viewer), expected) in viewers.iter().zip(expected) {
                let allowed = allow(viewer, decision.action).is_ok();
                assert_eq!(allowed, expected, "{} by {who}", decision.field);
            }
        }
    }
}
