//! Operators: created by admins, kept current by their partners. Their
//! details and their contact settings are edited apart, as two views of
//! the same versioned rows.

use chrono::Utc;
use domain::codes::OperatorCode;
use domain::contact::ContactSettings;
use domain::operator::{Operator, OperatorDetails, OperatorId};
use domain::rejection::Rejection;
use domain::revision::{AuditAction, Audited, AuditedObject, FieldChange, changes};
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;

use super::versioned::{Assigned, Creation, VersionedTable};
use super::{Actor, WriteError, WriteTransaction};
use crate::Store;
use crate::entities::operator;
use crate::load::{operator_contact_settings, operator_from_row};
use crate::rows::audience_list;

/// Operators as their details are edited.
struct Operators;

impl VersionedTable for Operators {
    type Entity = operator::Entity;
    type Value = Operator;

    const OBJECT: AuditedObject = AuditedObject::Operator;
    const NAME: &'static str = "operator";
    const ID: operator::Column = operator::Column::Id;
    const VERSION: operator::Column = operator::Column::Version;
    const UPDATED_AT: operator::Column = operator::Column::UpdatedAt;
    const CREATED_AT: Option<operator::Column> = Some(operator::Column::CreatedAt);

    async fn load(txn: &WriteTransaction, id: i64) -> Result<Option<Operator>, WriteError> {
        let row = operator::Entity::find_by_id(id).one(&**txn).await?;
        Ok(row.map(operator_from_row).transpose()?)
    }

    fn columns(operator: &Operator) -> operator::ActiveModel {
        operator::ActiveModel {
            code: Set(operator.code.as_str().to_owned()),
            name: Set(operator.name.clone()),
            kind: Set(operator.kind.code().to_owned()),
            description: Set(operator.description.clone()),
            website: Set(operator.website.as_ref().map(|w| w.as_str().to_owned())),
            email: Set(operator.email.as_ref().map(|e| e.as_str().to_owned())),
            phone: Set(operator.phone.as_ref().map(|p| p.written().to_owned())),
            is_demo: Set(operator.is_demo),
            ..Default::default()
        }
    }

    fn version(operator: &Operator) -> i64 {
        operator.version
    }

    fn operator_id(operator: &Operator) -> OperatorId {
        operator.id
    }

    fn assign(operator: &mut Operator, assigned: Assigned) {
        operator.id = OperatorId(assigned.id);
        operator.version = assigned.version;
        operator.updated_at = assigned.updated_at;
    }

    fn changes(before: Option<&Operator>, after: &Operator) -> Vec<FieldChange> {
        changes(before, after)
    }
}

/// An operator with how it wants to be contacted.
#[derive(Debug, Clone)]
struct ContactedOperator {
    operator: Operator,
    settings: ContactSettings,
}

impl Audited for ContactedOperator {
    fn audited_fields(&self) -> Vec<(&'static str, Option<String>)> {
        let audiences = audience_list(&self.settings.accepted_audiences);
        vec![
            ("contactMode", Some(self.settings.mode.code().to_owned())),
            // An empty list means "every audience of the offer": no value.
            (
                "acceptedAudiences",
                Some(audiences).filter(|list| !list.is_empty()),
            ),
        ]
    }
}

/// Operators as their contact settings are edited: versioned and audited
/// like their details, on the same rows.
struct OperatorContactSettings;

impl VersionedTable for OperatorContactSettings {
    type Entity = operator::Entity;
    type Value = ContactedOperator;

    // The same rows and the same version as the operator's details.
    const OBJECT: AuditedObject = Operators::OBJECT;
    const NAME: &'static str = Operators::NAME;
    const ID: operator::Column = Operators::ID;
    const VERSION: operator::Column = Operators::VERSION;
    const UPDATED_AT: operator::Column = Operators::UPDATED_AT;
    const CREATED_AT: Option<operator::Column> = Operators::CREATED_AT;

    async fn load(
        txn: &WriteTransaction,
        id: i64,
    ) -> Result<Option<ContactedOperator>, WriteError> {
        let Some(row) = operator::Entity::find_by_id(id).one(&**txn).await? else {
            return Ok(None);
        };
        let settings = operator_contact_settings(&row)?;
        Ok(Some(ContactedOperator {
            operator: operator_from_row(row)?,
            settings,
        }))
    }

    fn columns(value: &ContactedOperator) -> operator::ActiveModel {
        operator::ActiveModel {
            contact_mode: Set(value.settings.mode.code().to_owned()),
            contact_audiences: Set(audience_list(&value.settings.accepted_audiences)),
            ..Default::default()
        }
    }

    fn version(value: &ContactedOperator) -> i64 {
        value.operator.version
    }

    fn operator_id(value: &ContactedOperator) -> OperatorId {
        value.operator.id
    }

    fn assign(value: &mut ContactedOperator, assigned: Assigned) {
        Operators::assign(&mut value.operator, assigned);
    }

    fn changes(before: Option<&ContactedOperator>, after: &ContactedOperator) -> Vec<FieldChange> {
        changes(before, after)
    }
}

impl Store {
    /// The operator with this code, if any (commands name operators by code).
    pub async fn operator_id_by_code(
        &self,
        code: &OperatorCode,
    ) -> Result<Option<OperatorId>, crate::StorageError> {
        use sea_orm::{ColumnTrait, QueryFilter};
        Ok(operator::Entity::find()
            .filter(operator::Column::Code.eq(code.as_str()))
            .one(&self.db)
            .await?
            .map(|row| OperatorId(row.id)))
    }

    /// Creates an operator; its code must be free
    /// ([`WriteError::Taken`] on `code` otherwise).
    pub async fn create_operator(
        &self,
        actor: &Actor,
        code: &OperatorCode,
        details: OperatorDetails,
    ) -> Result<Operator, WriteError> {
        let mut operator = Operator {
            id: OperatorId(0),
            code: code.clone(),
            name: String::new(),
            kind: details.kind,
            description: String::new(),
            website: None,
            email: None,
            phone: None,
            is_demo: false,
            updated_at: Utc::now(),
            version: 1,
        };
        operator.set_details(details).map_err(Rejection::from)?;
        let txn = self.begin_write().await?;
        txn.insert_versioned::<Operators>(actor, &mut operator, Creation::new(AuditAction::Create))
            .await?;
        txn.commit_and_announce().await?;
        Ok(operator)
    }

    /// Changes an operator's details if it is still at `expected_version`.
    /// `edit` receives the stored operator; an edit that changes nothing
    /// writes nothing and keeps the version.
    pub async fn update_operator(
        &self,
        actor: &Actor,
        id: OperatorId,
        expected_version: i64,
        edit: impl FnOnce(&mut Operator) -> Result<(), Rejection>,
    ) -> Result<Operator, WriteError> {
        self.update_versioned::<Operators>(actor, id.0, expected_version, |operator| {
            let code = operator.code.clone();
            edit(operator)?;
            // The code is chosen at creation and is not one of the
            // details: an edit of the details leaves it as it was.
            operator.code = code;
            Ok(AuditAction::Update)
        })
        .await
    }

    /// Changes how an operator wants to be contacted, if the operator is
    /// still at `expected_version`; audited and versioned like its details.
    pub async fn update_contact_settings(
        &self,
        actor: &Actor,
        id: OperatorId,
        expected_version: i64,
        settings: &ContactSettings,
    ) -> Result<Operator, WriteError> {
        let contacted = self
            .update_versioned::<OperatorContactSettings>(actor, id.0, expected_version, |value| {
                value.settings = settings.clone();
                Ok(AuditAction::Update)
            })
            .await?;
        Ok(contacted.operator)
    }
}
