//! Operators: created by admins, kept current by their partners.

use chrono::Utc;
use domain::codes::OperatorCode;
use domain::contact::ContactSettings;
use domain::operator::{Operator, OperatorDetails, OperatorId};
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject, FieldChange, changes};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{Actor, WriteError, check_version};
use crate::Store;
use crate::entities::operator;
use crate::load::operator_from_row;

fn row_values(row: &mut operator::ActiveModel, operator: &Operator) {
    row.name = Set(operator.name.clone());
    row.kind = Set(operator.kind.code().to_owned());
    row.description = Set(operator.description.clone());
    row.website = Set(operator.website.clone());
    row.email = Set(operator.email.clone());
    row.phone = Set(operator.phone.clone());
    row.updated_at = Set(operator.updated_at);
    row.version = Set(operator.version);
}

impl Store {
    /// Creates an operator; its code must be free.
    pub async fn create_operator(
        &self,
        actor: &Actor,
        code: &OperatorCode,
        details: OperatorDetails,
    ) -> Result<Operator, WriteError> {
        let txn = self.begin_write().await?;
        let taken = operator::Entity::find()
            .filter(operator::Column::Code.eq(code.as_str()))
            .one(&*txn)
            .await?
            .is_some();
        if taken {
            return Err(WriteError::Taken {
                field: "code",
                message: format!("an operator with code {code} exists"),
            });
        }
        let now = Utc::now();
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
            updated_at: now,
            version: 1,
        };
        operator.set_details(details).map_err(Rejection::from)?;
        let mut row = operator::ActiveModel {
            code: Set(code.as_str().to_owned()),
            is_demo: Set(false),
            created_at: Set(now),
            ..Default::default()
        };
        row_values(&mut row, &operator);
        operator.id = OperatorId(
            operator::Entity::insert(row)
                .exec(&*txn)
                .await?
                .last_insert_id,
        );
        txn.audit(
            actor,
            AuditAction::Create,
            AuditedObject::Operator,
            operator.id.0,
            Some(operator.id.0),
            &changes(None, &operator),
        )
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
        let txn = self.begin_write().await?;
        let row = operator::Entity::find_by_id(id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", id.0)))?;
        let before = operator_from_row(row.clone())?;
        check_version(expected_version, before.version)?;
        let mut after = before.clone();
        edit(&mut after)?;
        let changed = changes(Some(&before), &after);
        if changed.is_empty() {
            return Ok(before);
        }
        after.updated_at = Utc::now();
        after.version = before.version + 1;
        let mut active: operator::ActiveModel = row.into();
        row_values(&mut active, &after);
        let updated = operator::Entity::update_many()
            .set(active)
            .filter(operator::Column::Id.eq(id.0))
            .filter(operator::Column::Version.eq(expected_version))
            .exec(&*txn)
            .await?;
        if updated.rows_affected == 0 {
            let current = operator::Entity::find_by_id(id.0)
                .one(&*txn)
                .await?
                .map_or(expected_version, |row| row.version);
            return Err(WriteError::StaleVersion {
                expected: expected_version,
                current,
            });
        }
        txn.audit(
            actor,
            AuditAction::Update,
            AuditedObject::Operator,
            id.0,
            Some(id.0),
            &changed,
        )
        .await?;
        txn.commit_and_announce().await?;
        Ok(after)
    }
}

impl Store {
    /// Changes how an operator wants to be contacted, if the operator is
    /// still at `expected_version`; audited and versioned like its details.
    pub async fn update_contact_settings(
        &self,
        actor: &Actor,
        id: OperatorId,
        expected_version: i64,
        settings: &ContactSettings,
    ) -> Result<Operator, WriteError> {
        let txn = self.begin_write().await?;
        let row = operator::Entity::find_by_id(id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", id.0)))?;
        check_version(expected_version, row.version)?;
        let audiences = settings
            .accepted_audiences
            .iter()
            .map(|a| a.code())
            .collect::<Vec<_>>()
            .join(",");
        let changed: Vec<FieldChange> = [
            (
                "contactMode",
                row.contact_mode.clone(),
                settings.mode.code().to_owned(),
            ),
            (
                "acceptedAudiences",
                row.contact_audiences.clone(),
                audiences.clone(),
            ),
        ]
        .into_iter()
        .filter(|(_, from, to)| from != to)
        .map(|(field, from, to)| FieldChange {
            field: field.to_owned(),
            from: Some(from).filter(|v| !v.is_empty()),
            to: Some(to).filter(|v| !v.is_empty()),
        })
        .collect();
        let mut operator = operator_from_row(row.clone())?;
        if changed.is_empty() {
            return Ok(operator);
        }
        operator.updated_at = Utc::now();
        operator.version = expected_version + 1;
        let mut active: operator::ActiveModel = row.into();
        active.contact_mode = Set(settings.mode.code().to_owned());
        active.contact_audiences = Set(audiences);
        active.updated_at = Set(operator.updated_at);
        active.version = Set(operator.version);
        let updated = operator::Entity::update_many()
            .set(active)
            .filter(operator::Column::Id.eq(id.0))
            .filter(operator::Column::Version.eq(expected_version))
            .exec(&*txn)
            .await?;
        if updated.rows_affected == 0 {
            let current = operator::Entity::find_by_id(id.0)
                .one(&*txn)
                .await?
                .map_or(expected_version, |row| row.version);
            return Err(WriteError::StaleVersion {
                expected: expected_version,
                current,
            });
        }
        txn.audit(
            actor,
            AuditAction::Update,
            AuditedObject::Operator,
            id.0,
            Some(id.0),
            &changed,
        )
        .await?;
        txn.commit_and_announce().await?;
        Ok(operator)
    }
}
