//! The policy as a table: for every mutation and every non-public field,
//! who may use it. The policy's own test checks [`allow`](super::allow)
//! against every row for every kind of viewer; the GraphQL schema's test
//! fails when a mutation has no row here, so a new mutation cannot ship
//! without a decision.

use domain::operator::OperatorId;

use super::Action;

/// One row: a field, the action it asks the policy about, and whether each
/// kind of viewer may. The owner in the table is operator 7: "partner of
/// the owner" acts for it, "partner of another" for operator 8.
#[derive(Debug, Clone, Copy)]
pub struct Decision {
    /// The mutation or field, as the schema spells it.
    pub field: &'static str,
    pub action: Action,
    pub public: bool,
    pub partner_of_owner: bool,
    pub partner_of_other: bool,
    pub admin: bool,
}

/// The operator that owns the objects of the table.
pub const OWNER: OperatorId = OperatorId(7);
/// An operator the "partner of another operator" acts for.
pub const OTHER_OPERATOR: OperatorId = OperatorId(8);

const EDIT_OWNER_DATA: Action = Action::EditOperatorData(OWNER);
const READ_OWNER_UNPUBLISHED: Action = Action::ReadUnpublished(OWNER);
const READ_CONTACTS: Action = Action::ReadContactRequests { operator: OWNER };

/// Every decision.
pub const DECISIONS: &[Decision] = &[
    Decision {
        field: "login",
        action: Action::LogIn,
        public: true,
        partner_of_owner: true,
        partner_of_other: true,
        admin: true,
    },
    Decision {
        field: "logout",
        action: Action::LogOut,
        public: false,
        partner_of_owner: true,
        partner_of_other: true,
        admin: true,
    },
    Decision {
        field: "me",
        action: Action::ReadOwnAccount,
        public: false,
        partner_of_owner: true,
        partner_of_other: true,
        admin: true,
    },
    Decision {
        field: "requestContact",
        action: Action::RequestContact,
        public: true,
        partner_of_owner: true,
        partner_of_other: true,
        admin: true,
    },
    Decision {
        field: "contactCounts",
        action: Action::ReadContactCounts,
        public: true,
        partner_of_owner: true,
        partner_of_other: true,
        admin: true,
    },
    Decision {
        field: "contactRequests",
        action: READ_CONTACTS,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "ContactRequest.requesterName",
        action: READ_CONTACTS,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "ContactRequest.requesterEmail",
        action: READ_CONTACTS,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "ContactRequest.requesterPhone",
        action: READ_CONTACTS,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "ContactRequest.message",
        action: READ_CONTACTS,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "markContactAnswered",
        action: Action::AnswerContactRequest { operator: OWNER },
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "createOperator",
        action: Action::CreateOperator,
        public: false,
        partner_of_owner: false,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "updateOperator",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "updateContactSettings",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "createSite",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "updateSite",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "createProgramme",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "createOffer",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "updateOffer",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "publishOffer",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "archiveOffer",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "duplicateOffer",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "createEquipmentItem",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "updateEquipmentItem",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "retireEquipmentItem",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "restoreEquipmentItem",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "POST /imports/equipment",
        action: EDIT_OWNER_DATA,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "node (private or retired equipment item)",
        action: READ_OWNER_UNPUBLISHED,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "EquipmentItem.inventoryReference",
        action: READ_OWNER_UNPUBLISHED,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "EquipmentItem.notes",
        action: READ_OWNER_UNPUBLISHED,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "Operator.allEquipment",
        action: READ_OWNER_UNPUBLISHED,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "GET /exports/operators/{id}/equipment.xlsx",
        action: READ_OWNER_UNPUBLISHED,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "invitePartner",
        action: Action::InvitePartner,
        public: false,
        partner_of_owner: false,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "acceptInvitation",
        action: Action::AcceptInvitation,
        public: true,
        partner_of_owner: true,
        partner_of_other: true,
        admin: true,
    },
    Decision {
        field: "node (draft or archived offer)",
        action: READ_OWNER_UNPUBLISHED,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "Operator.allOffers",
        action: READ_OWNER_UNPUBLISHED,
        public: false,
        partner_of_owner: true,
        partner_of_other: false,
        admin: true,
    },
    Decision {
        field: "auditEntries",
        action: Action::ReadAudit,
        public: false,
        partner_of_owner: false,
        partner_of_other: false,
        admin: true,
    },
];
