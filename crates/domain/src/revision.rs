//! What a write changed, field by field: the substance of the audit trail.
//! Each audited type lists its fields as text; a revision is the list of
//! fields whose text differs, with the value before and after.

use crate::offer::{Offer, OfferDetails};
use crate::operator::{Operator, Site};

/// One field a write changed. `None` is an empty (null) value; on creation
/// every `from` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's name as the GraphQL API spells it.
    pub field: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

crate::coded_enum::coded_enum! {
    /// What a write did.
    pub enum AuditAction ("audit action") {
        /// The object was created.
        Create = "CREATE",
        /// Some of its fields were changed.
        Update = "UPDATE",
        /// An offer was published.
        Publish = "PUBLISH",
        /// An offer was archived.
        Archive = "ARCHIVE",
        /// An offer was created as a copy of another.
        Duplicate = "DUPLICATE",
        /// A partner was invited to act for operators.
        Invite = "INVITE",
        /// An equipment item left the inventory.
        Retire = "RETIRE",
        /// A retired equipment item came back into the inventory.
        Restore = "RESTORE",
    }
}

crate::coded_enum::coded_enum! {
    /// The kind of object a write touched.
    pub enum AuditedObject ("audited object") {
        /// An operator.
        Operator = "OPERATOR",
        /// A site of an operator.
        Site = "SITE",
        /// A training programme.
        Programme = "PROGRAMME",
        /// An offer.
        Offer = "OFFER",
        /// An account.
        Account = "ACCOUNT",
        /// An equipment item.
        Equipment = "EQUIPMENT",
    }
}

/// One write, as the audit trail keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    /// The account that wrote; `None` for the command line.
    pub account_id: Option<crate::account::AccountId>,
    /// Who wrote, as they were named at the time.
    pub actor: String,
    pub action: AuditAction,
    pub object: AuditedObject,
    pub object_id: i64,
    /// The operator whose data changed.
    pub operator_id: Option<crate::operator::OperatorId>,
    pub changes: Vec<FieldChange>,
}

/// A type whose changes are audited.
pub trait Audited {
    /// Every audited field, named as the GraphQL API spells it, with its value as text.
    fn audited_fields(&self) -> Vec<(&'static str, Option<String>)>;
}

/// The fields that differ between `before` (none for a creation) and `after`.
pub fn changes<T: Audited>(before: Option<&T>, after: &T) -> Vec<FieldChange> {
    let old = before.map(Audited::audited_fields).unwrap_or_default();
    after
        .audited_fields()
        .into_iter()
        .filter_map(|(field, to)| {
            let from = old
                .iter()
                .find(|(name, _)| *name == field)
                .and_then(|(_, value)| value.clone());
            (from != to).then(|| FieldChange {
                field: field.to_owned(),
                from,
                to,
            })
        })
        .collect()
}

fn text(value: impl ToString) -> Option<String> {
    Some(value.to_string())
}

fn joined<T: ToString>(values: &[T]) -> Option<String> {
    Some(
        values
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    )
}

impl Audited for Operator {
    fn audited_fields(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("code", text(&self.code)),
            ("name", text(&self.name)),
            ("kind", text(self.kind)),
            ("description", text(&self.description)),
            (
                "website",
                self.website.as_ref().map(|w| w.as_str().to_owned()),
            ),
            ("email", self.email.as_ref().map(|e| e.as_str().to_owned())),
            ("phone", self.phone.as_ref().map(|p| p.written().to_owned())),
        ]
    }
}

impl Audited for Site {
    fn audited_fields(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("name", text(&self.name)),
            ("street", text(&self.address.street)),
            ("postcode", text(&self.address.postcode)),
            ("locality", text(&self.address.locality)),
            ("location", text(self.location)),
            ("communeNis", text(&self.commune_nis)),
        ]
    }
}

impl Audited for Offer {
    fn audited_fields(&self) -> Vec<(&'static str, Option<String>)> {
        let mut fields = vec![
            ("kind", text(self.kind())),
            ("status", text(self.status)),
            ("reference", self.reference.clone()),
            ("siteId", text(self.site_id.0)),
            ("title", text(&self.title)),
            ("description", text(&self.description)),
            ("recruitmentState", text(self.recruitment_state)),
            ("tradeCodes", joined(&self.trade_codes)),
            ("audiences", joined(&self.audiences)),
            ("startDate", self.start_date.map(|d| d.to_string())),
            ("endDate", self.end_date.map(|d| d.to_string())),
            ("places", self.places.map(|p| p.to_string())),
        ];
        let some = |v: Option<u32>| v.map(|v| v.to_string());
        match &self.details {
            OfferDetails::Training(t) => fields.extend([
                ("programmeId", text(t.programme_id.0)),
                ("schedule", t.schedule.clone()),
                ("dailyStartTime", t.daily_start_time.map(|t| t.to_string())),
                ("dailyEndTime", t.daily_end_time.map(|t| t.to_string())),
            ]),
            OfferDetails::Internship(i) => fields.extend([
                ("expectedProfile", i.expected_profile.clone()),
                ("durationWeeks", some(i.duration_weeks)),
            ]),
            OfferDetails::Job(j) => fields.extend([
                ("contractType", text(j.contract_type)),
                ("workingTime", text(j.working_time)),
                ("requirements", j.requirements.clone()),
            ]),
            OfferDetails::Discovery(d) => fields.extend([
                ("format", text(d.format)),
                ("capacity", text(d.capacity)),
                ("durationHours", some(d.duration_hours)),
            ]),
        }
        fields
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::codes::OperatorCode;
    use crate::operator::{OperatorId, OperatorKind};

    fn school() -> Operator {
        Operator {
            id: OperatorId(1),
            code: OperatorCode::parse("ecole-test").unwrap(),
            name: "École test".to_owned(),
            kind: OperatorKind::QualifyingSchool,
            description: String::new(),
            website: None,
            email: Some(crate::email::Email::parse("info@example.be").unwrap()),
            phone: None,
            is_demo: false,
            updated_at: DateTime::UNIX_EPOCH,
            version: 1,
        }
    }

    #[test]
    fn a_revision_lists_only_the_fields_that_changed() {
        let before = school();
        let mut after = before.clone();
        after.name = "École renommée".to_owned();
        after.email = None;
        after.website = Some(crate::website::WebsiteUrl::parse("https://example.be").unwrap());
        let revision = changes(Some(&before), &after);
        assert_eq!(
            revision,
            vec![
                FieldChange {
                    field: "name".to_owned(),
                    from: Some("École test".to_owned()),
                    to: Some("École renommée".to_owned()),
                },
                FieldChange {
                    field: "website".to_owned(),
                    from: None,
                    to: Some("https://example.be".to_owned()),
                },
                FieldChange {
                    field: "email".to_owned(),
                    from: Some("info@example.be".to_owned()),
                    to: None,
                },
            ]
        );
        assert!(changes(Some(&after), &after).is_empty());
        let created = changes(None, &after);
        assert!(created.iter().all(|c| c.from.is_none()));
        assert!(created.iter().any(|c| c.field == "code"));
    }
}
