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

/// Whether the account acts for the operator: admins act for all.
fn acts_for(viewer: &Viewer, operator: OperatorId) -> bool {
    match viewer {
        Viewer::Account { account, .. } => {
            account.role == Role::Admin || account.operator_ids.contains(&operator)
        }
        Viewer::Public => false,
    }
}

fn is_admin(viewer: &Viewer) -> bool {
    matches!(viewer, Viewer::Account { account, .. } if account.role == Role::Admin)
}

fn sign_in_first() -> ApiError {
    ApiError::Unauthenticated(
        "sign in first: send `Authorization: Bearer <token>` (from `login` or `wapi token create`)"
            .to_owned(),
    )
}

/// Whether the viewer may perform the action.
pub(crate) fn allow(viewer: &Viewer, action: Action) -> Result<(), ApiError> {
    match (action, viewer) {
        (Action::LogIn | Action::AcceptInvitation, _) => Ok(()),
        (_, Viewer::Public) => Err(sign_in_first()),
        (Action::LogOut | Action::ReadOwnAccount, Viewer::Account { .. }) => Ok(()),
        (Action::CreateOperator | Action::InvitePartner | Action::ReadAudit, viewer) => {
            if is_admin(viewer) {
                Ok(())
            } else {
                Err(ApiError::Forbidden(
                    "only IBEFE administrators may do this".to_owned(),
                ))
            }
        }
        (Action::EditOperatorData(operator) | Action::ReadUnpublished(operator), viewer) => {
            if acts_for(viewer, operator) {
                Ok(())
            } else {
                Err(ApiError::Forbidden(
                    "this account does not act for the operator that owns this object".to_owned(),
                ))
            }
        }
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
            "createOperator",
            Action::CreateOperator,
            false,
            false,
            false,
            true,
        ),
        ("updateOperator", OWNER_DATA, false, true, false, true),
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
        // Non-public fields.
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
