//! Every authorisation decision, in one place: which viewer may do what.
//! Resolvers ask [`allow`] before acting; a table-driven test covers every
//! action for every kind of viewer, and fails when a mutation has no row.

use domain::account::Role;
use domain::operator::OperatorId;

use crate::auth::Viewer;
use crate::error::ApiError;

/// Something a viewer may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
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

/// Whether the viewer may perform the action. An API key is not part of
/// the viewer: it identifies a website for quotas and never grants a right.
pub(crate) fn allow(viewer: &Viewer, action: Action) -> Result<(), ApiError> {
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
        (_, Viewer::Public) => Err(ApiError::Unauthenticated(
            "sign in first: send `Authorization: Bearer <token>` (from `login` or `wapi token create`)".to_owned(),
        )),
        (Action::LogOut | Action::ReadOwnAccount, Viewer::Account { .. }) => Ok(()),
        (Action::CreateOperator | Action::InvitePartner | Action::ReadAudit, Viewer::Account { account, .. }) => {
            if account.role == Role::Admin {
                Ok(())
            } else {
                Err(ApiError::Forbidden(
                    "only IBEFE administrators may do this".to_owned(),
                ))
            }
        }
    }
}

/// Admins act for every operator, partners for their own.
fn acts_for(viewer: &Viewer, operator: OperatorId) -> Result<(), ApiError> {
    match viewer {
        Viewer::Public => Err(ApiError::Unauthenticated(
            "sign in as a partner of this operator or as an admin: send `Authorization: Bearer <token>`".to_owned(),
        )),
        Viewer::Account { account, .. }
            if account.role == Role::Admin || account.operator_ids.contains(&operator) =>
        {
            Ok(())
        }
        Viewer::Account { .. } => Err(ApiError::Forbidden(
            "only partners of this operator and admins may do this".to_owned(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use domain::account::{Account, AccountId, Email};

    use super::*;

    fn account(role: Role, operators: &[i64]) -> Viewer {
        Viewer::Account {
            account: Account {
                id: AccountId(1),
                email: Email::parse("someone@example.org").unwrap(),
                display_name: "Someone".to_owned(),
                role,
                operator_ids: operators.iter().map(|&id| OperatorId(id)).collect(),
                disabled: false,
            },
            token_sha256: "0".repeat(64),
        }
    }

    /// (mutation or field, action, public, partner of the owner, partner of another operator, admin)
    const TABLE: &[(&str, Action, bool, bool, bool, bool)] = &[
        ("login", Action::LogIn, true, true, true, true),
        ("logout", Action::LogOut, false, true, true, true),
        ("me", Action::ReadOwnAccount, false, true, true, true),
        (
            "requestContact",
            Action::RequestContact,
            true,
            true,
            true,
            true,
        ),
        (
            "contactCounts",
            Action::ReadContactCounts,
            true,
            true,
            true,
            true,
        ),
        ("contactRequests", READ_CONTACTS, false, true, false, true),
        (
            "ContactRequest.requesterName",
            READ_CONTACTS,
            false,
            true,
            false,
            true,
        ),
        (
            "ContactRequest.requesterEmail",
            READ_CONTACTS,
            false,
            true,
            false,
            true,
        ),
        (
            "ContactRequest.requesterPhone",
            READ_CONTACTS,
            false,
            true,
            false,
            true,
        ),
        (
            "ContactRequest.message",
            READ_CONTACTS,
            false,
            true,
            false,
            true,
        ),
        (
            "markContactAnswered",
            Action::AnswerContactRequest {
                operator: OperatorId(7),
            },
            false,
            true,
            false,
            true,
        ),
        (
            "createOperator",
            Action::CreateOperator,
            false,
            false,
            false,
            true,
        ),
        ("updateOperator", OWNER_DATA, false, true, false, true),
        (
            "updateContactSettings",
            OWNER_DATA,
            false,
            true,
            false,
            true,
        ),
        ("createSite", OWNER_DATA, false, true, false, true),
        ("updateSite", OWNER_DATA, false, true, false, true),
        ("createProgramme", OWNER_DATA, false, true, false, true),
        ("createOffer", OWNER_DATA, false, true, false, true),
        ("updateOffer", OWNER_DATA, false, true, false, true),
        ("publishOffer", OWNER_DATA, false, true, false, true),
        ("archiveOffer", OWNER_DATA, false, true, false, true),
        ("duplicateOffer", OWNER_DATA, false, true, false, true),
        (
            "invitePartner",
            Action::InvitePartner,
            false,
            false,
            false,
            true,
        ),
        (
            "acceptInvitation",
            Action::AcceptInvitation,
            true,
            true,
            true,
            true,
        ),
        (
            "node (draft or archived offer)",
            OWNER_UNPUBLISHED,
            false,
            true,
            false,
            true,
        ),
        (
            "Operator.allOffers",
            OWNER_UNPUBLISHED,
            false,
            true,
            false,
            true,
        ),
        ("auditEntries", Action::ReadAudit, false, false, false, true),
    ];

    /// The owner in the table is operator 7: "partner of the owner" acts for it.
    const OWNER_DATA: Action = Action::EditOperatorData(OperatorId(7));
    const OWNER_UNPUBLISHED: Action = Action::ReadUnpublished(OperatorId(7));

    const READ_CONTACTS: Action = Action::ReadContactRequests {
        operator: OperatorId(7),
    };

    /// API keys identify websites and never authorise: a request with a key
    /// and no token is the public, for every row of the table (the key is
    /// not even part of what `allow` sees; the end-to-end test
    /// `an_api_key_never_authorises_a_write` checks it over HTTP).
    #[test]
    fn api_key_holders_are_decided_like_the_public() {
        let with_key_only = Viewer::Public;
        for (field, action, public, ..) in TABLE {
            assert_eq!(allow(&with_key_only, *action).is_ok(), *public, "{field}");
        }
    }

    #[test]
    fn every_action_is_decided_for_every_viewer() {
        let viewers = [
            ("public", Viewer::Public),
            ("partner of the owner", account(Role::Partner, &[7])),
            ("partner of another operator", account(Role::Partner, &[8])),
            ("admin", account(Role::Admin, &[])),
        ];
        for (field, action, public, owner, other, admin) in TABLE {
            for ((who, viewer), expected) in viewers.iter().zip([public, owner, other, admin]) {
                let allowed = allow(viewer, *action).is_ok();
                assert_eq!(allowed, *expected, "{field} by {who}");
            }
        }
    }

    #[test]
    fn every_mutation_has_a_row_in_the_table() {
        let sdl = crate::build_schema().sdl();
        let mutation = sdl
            .split("type Mutation {")
            .nth(1)
            .and_then(|rest| rest.split("\n}").next())
            .unwrap_or_default();
        // Fields are indented once; their arguments and descriptions deeper or quoted.
        for line in mutation
            .lines()
            .filter(|l| l.starts_with('\t') && !l.starts_with("\t\t"))
        {
            let line = line.trim();
            let Some((name, _)) = line.split_once(['(', ':']) else {
                continue;
            };
            let is_field_name =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !is_field_name {
                continue;
            }
            assert!(
                TABLE.iter().any(|(field, ..)| *field == name),
                "mutation `{name}` has no row in the policy table"
            );
        }
    }
}
