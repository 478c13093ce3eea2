//! Global object ids and pagination cursors, shared by every door (GraphQL
//! ids, GeoJSON feature ids). Both are opaque to clients (URL-safe base64),
//! so their inside may change without breaking anyone; both are checked on
//! the way in and refused with BAD_USER_INPUT when forged or damaged. One
//! parser reads a typed id ([`parse_id`]): the type named in the id must be
//! the one the field expects.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use domain::catalog::{
    EquipmentOrder, EquipmentPosition, OfferOrder, OfferPosition, OperatorPosition,
};
use domain::contact::ContactRequestId;
use domain::equipment::EquipmentId;
use domain::offer::{OfferId, ProgrammeId};
use domain::operator::{OperatorId, SiteId};

use crate::AppError;

/// The types that have a global id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeType {
    Commune,
    Pole,
    Trade,
    Operator,
    Site,
    Offer,
    TrainingProgramme,
    EquipmentItem,
}

impl NodeType {
    const ALL: [NodeType; 8] = [
        NodeType::Commune,
        NodeType::Pole,
        NodeType::Trade,
        NodeType::Operator,
        NodeType::Site,
        NodeType::Offer,
        NodeType::TrainingProgramme,
        NodeType::EquipmentItem,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NodeType::Commune => "Commune",
            NodeType::Pole => "Pole",
            NodeType::Trade => "Trade",
            NodeType::Operator => "Operator",
            NodeType::Site => "Site",
            NodeType::Offer => "Offer",
            NodeType::TrainingProgramme => "TrainingProgramme",
            NodeType::EquipmentItem => "EquipmentItem",
        }
    }
}

impl NodeType {
    /// "an Offer", "a Site".
    fn with_article(self) -> String {
        let name = self.name();
        let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {name}")
    }
}

/// Encodes the global id of an object: its type and its key.
pub fn global_id(node_type: NodeType, key: impl std::fmt::Display) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}:{key}", node_type.name()))
}

/// Decodes a global id into its type and key.
pub fn parse_global_id(id: &str) -> Result<(NodeType, String), AppError> {
    let malformed = || AppError::bad_input("id", format!("{id:?} is not an id this API issued"));
    let bytes = URL_SAFE_NO_PAD.decode(id).map_err(|_| malformed())?;
    let text = String::from_utf8(bytes).map_err(|_| malformed())?;
    let (type_name, key) = text.split_once(':').ok_or_else(malformed)?;
    let node_type = NodeType::ALL
        .into_iter()
        .find(|t| t.name() == type_name)
        .ok_or_else(malformed)?;
    if key.is_empty() {
        return Err(malformed());
    }
    Ok((node_type, key.to_owned()))
}

/// Parses the numeric key of a database-backed node.
pub fn numeric_key(key: &str) -> Result<i64, AppError> {
    key.parse()
        .map_err(|_| AppError::bad_input("id", "is not an id this API issued"))
}

fn order_tag(order: OfferOrder) -> &'static str {
    match order {
        OfferOrder::StartDate => "START_DATE",
        OfferOrder::UpdatedAt => "UPDATED_AT",
        OfferOrder::Distance => "DISTANCE",
        OfferOrder::TravelTime => "TRAVEL_TIME",
    }
}

/// The cursor of an offer in a list sorted by `order`.
pub fn offer_cursor(order: OfferOrder, position: &OfferPosition) -> String {
    URL_SAFE_NO_PAD.encode(format!(
        "offer:{}:{}:{}",
        order_tag(order),
        position.key,
        position.id.0
    ))
}

fn malformed_cursor() -> AppError {
    AppError::bad_input(
        "after",
        "is not a cursor of this list; use an edge's `cursor` or `pageInfo.endCursor`",
    )
}

/// The text inside a cursor.
fn cursor_text(cursor: &str) -> Result<String, AppError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(malformed_cursor)
}

/// Reads an offer cursor, which must come from a list in the same order.
pub fn parse_offer_cursor(cursor: &str, order: OfferOrder) -> Result<OfferPosition, AppError> {
    let malformed = malformed_cursor;
    let text = cursor_text(cursor)?;
    let mut parts = text.split(':');
    let (Some("offer"), Some(tag), Some(key), Some(id), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(malformed());
    };
    if tag != order_tag(order) {
        return Err(AppError::bad_input(
            "after",
            format!(
                "this cursor comes from a list ordered by {tag}, not {}",
                order_tag(order)
            ),
        ));
    }
    Ok(OfferPosition {
        key: key.parse().map_err(|_| malformed())?,
        id: OfferId(id.parse().map_err(|_| malformed())?),
    })
}

fn equipment_order_tag(order: EquipmentOrder) -> &'static str {
    match order {
        EquipmentOrder::Category => "CATEGORY",
        EquipmentOrder::UpdatedAt => "UPDATED_AT",
        EquipmentOrder::Distance => "DISTANCE",
        EquipmentOrder::TravelTime => "TRAVEL_TIME",
    }
}

/// The cursor of an equipment item in a list sorted by `order`.
pub fn equipment_cursor(order: EquipmentOrder, position: &EquipmentPosition) -> String {
    URL_SAFE_NO_PAD.encode(format!(
        "equipment:{}:{}:{}",
        equipment_order_tag(order),
        position.key,
        position.id.0
    ))
}

/// Reads an equipment cursor, which must come from a list in the same order.
pub fn parse_equipment_cursor(
    cursor: &str,
    order: EquipmentOrder,
) -> Result<EquipmentPosition, AppError> {
    let malformed = malformed_cursor;
    let text = cursor_text(cursor)?;
    let mut parts = text.split(':');
    let (Some("equipment"), Some(tag), Some(key), Some(id), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(malformed());
    };
    if tag != equipment_order_tag(order) {
        return Err(AppError::bad_input(
            "after",
            format!(
                "this cursor comes from a list ordered by {tag}, not {}",
                equipment_order_tag(order)
            ),
        ));
    }
    Ok(EquipmentPosition {
        key: key.parse().map_err(|_| malformed())?,
        id: EquipmentId(id.parse().map_err(|_| malformed())?),
    })
}

/// The cursor of an operator in the alphabetical list.
pub fn operator_cursor(position: &OperatorPosition) -> String {
    URL_SAFE_NO_PAD.encode(format!("operator:{}:{}", position.id.0, position.sort_name))
}

/// Reads an operator cursor.
pub fn parse_operator_cursor(cursor: &str) -> Result<OperatorPosition, AppError> {
    let malformed = malformed_cursor;
    let text = cursor_text(cursor)?;
    let rest = text.strip_prefix("operator:").ok_or_else(malformed)?;
    let (id, sort_name) = rest.split_once(':').ok_or_else(malformed)?;
    Ok(OperatorPosition {
        sort_name: sort_name.to_owned(),
        id: OperatorId(id.parse().map_err(|_| malformed())?),
    })
}

/// The opaque id of a contact request. Contact requests are not nodes:
/// `node(id:)` is public and they are not.
pub fn contact_request_id(id: ContactRequestId) -> String {
    URL_SAFE_NO_PAD.encode(format!("ContactRequest:{}", id.0))
}

/// Reads the id of a contact request.
pub fn parse_contact_request_id(id: &str) -> Result<ContactRequestId, AppError> {
    let malformed = || AppError::bad_input("id", "is not the id of a contact request");
    let text = URL_SAFE_NO_PAD
        .decode(id)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(malformed)?;
    text.strip_prefix("ContactRequest:")
        .and_then(|n| n.parse().ok())
        .map(ContactRequestId)
        .ok_or_else(malformed)
}

/// The cursor of a contact request in its operator's list (newest first).
pub fn contact_request_cursor(id: ContactRequestId) -> String {
    URL_SAFE_NO_PAD.encode(format!("contact:{}", id.0))
}

/// Reads a contact request cursor.
pub fn parse_contact_request_cursor(cursor: &str) -> Result<ContactRequestId, AppError> {
    cursor_text(cursor)?
        .strip_prefix("contact:")
        .and_then(|n| n.parse().ok())
        .map(ContactRequestId)
        .ok_or_else(malformed_cursor)
}

/// Reads the global id of an object of one type, for the field `field`:
/// an id of another type, or one this API did not issue, is refused naming
/// the type expected.
pub fn parse_id(id: &str, expected: NodeType, field: &str) -> Result<i64, AppError> {
    let wrong = |found: Option<NodeType>| {
        let message = match found {
            Some(found) if found != expected => format!(
                "must be the global id of {}, not of {}",
                expected.with_article(),
                found.with_article()
            ),
            _ => format!("must be the global id of {}", expected.with_article()),
        };
        AppError::bad_input(field, message)
    };
    let (node_type, key) = parse_global_id(id).map_err(|_| wrong(None))?;
    if node_type != expected {
        return Err(wrong(Some(node_type)));
    }
    key.parse().map_err(|_| wrong(None))
}

/// Reads the global id of an offer.
pub fn parse_offer_id(id: &str, field: &str) -> Result<OfferId, AppError> {
    parse_id(id, NodeType::Offer, field).map(OfferId)
}

/// Reads the global id of an operator.
pub fn parse_operator_id(id: &str, field: &str) -> Result<OperatorId, AppError> {
    parse_id(id, NodeType::Operator, field).map(OperatorId)
}

/// Reads the global id of a site.
pub fn parse_site_id(id: &str, field: &str) -> Result<SiteId, AppError> {
    parse_id(id, NodeType::Site, field).map(SiteId)
}

/// Reads the global id of an equipment item.
pub fn parse_equipment_id(id: &str, field: &str) -> Result<EquipmentId, AppError> {
    parse_id(id, NodeType::EquipmentItem, field).map(EquipmentId)
}

/// Reads the global id of a training programme.
pub fn parse_programme_id(id: &str, field: &str) -> Result<ProgrammeId, AppError> {
    parse_id(id, NodeType::TrainingProgramme, field).map(ProgrammeId)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_ids_round_trip_and_refuse_forgeries() {
        let id = global_id(NodeType::Offer, 42);
        assert_eq!(parse_id(&id, NodeType::Offer, "id").unwrap(), 42);
        assert!(parse_id(&id, NodeType::Site, "id").is_err());
        assert_eq!(
            parse_global_id(&id).unwrap(),
            (NodeType::Offer, "42".to_owned())
        );
        assert!(parse_global_id("not base64!").is_err());
        assert!(parse_global_id(&URL_SAFE_NO_PAD.encode("Spaceship:1")).is_err());
        assert!(parse_global_id(&URL_SAFE_NO_PAD.encode("Offer:")).is_err());
    }

    #[test]
    fn offer_cursors_belong_to_one_order() {
        let position = OfferPosition {
            key: -5,
            id: OfferId(7),
        };
        let cursor = offer_cursor(OfferOrder::UpdatedAt, &position);
        assert_eq!(
            parse_offer_cursor(&cursor, OfferOrder::UpdatedAt).unwrap(),
            position
        );
        let error = parse_offer_cursor(&cursor, OfferOrder::StartDate).unwrap_err();
        assert!(
            error.message().contains("UPDATED_AT"),
            "{}",
            error.message()
        );
        assert!(parse_offer_cursor("garbage", OfferOrder::StartDate).is_err());
    }

    #[test]
    fn operator_cursors_keep_names_with_colons() {
        let position = OperatorPosition {
            sort_name: "ecole: technique".into(),
            id: OperatorId(3),
        };
        assert_eq!(
            parse_operator_cursor(&operator_cursor(&position)).unwrap(),
            position
        );
    }
}
