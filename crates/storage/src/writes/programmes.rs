//! Training programmes (LHEO's formations): created by their operator's
//! partners; their sessions are offers.

use domain::offer::{NewProgramme, ProgrammeId, TrainingProgramme};
use domain::operator::OperatorId;
use domain::revision::{AuditAction, Audited, AuditedObject, FieldChange, changes};
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;

use super::versioned::{Assigned, Creation, VersionedTable};
use super::{Actor, WriteError, WriteTransaction};
use crate::Store;
use crate::entities::{operator, training_programme};
use crate::load::programme_from_row;

struct Programmes;

/// A programme as the audit trail lists it (`domain::revision` audits
/// operators, sites and offers; programmes are audited here).
struct AuditedProgramme<'a>(&'a TrainingProgramme);

impl Audited for AuditedProgramme<'_> {
    fn audited_fields(&self) -> Vec<(&'static str, Option<String>)> {
        let programme = self.0;
        vec![
            ("title", Some(programme.title.clone())),
            ("objective", Some(programme.objective.clone())),
            ("certification", programme.certification.clone()),
            ("modality", Some(programme.modality.code().to_owned())),
            (
                "durationHours",
                programme.duration_hours.map(|h| h.to_string()),
            ),
        ]
    }
}

impl VersionedTable for Programmes {
    type Entity = training_programme::Entity;
    type Value = TrainingProgramme;

    const OBJECT: AuditedObject = AuditedObject::Programme;
    const NAME: &'static str = "programme";
    const ID: training_programme::Column = training_programme::Column::Id;
    const VERSION: training_programme::Column = training_programme::Column::Version;
    const UPDATED_AT: training_programme::Column = training_programme::Column::UpdatedAt;
    const CREATED_AT: Option<training_programme::Column> = None;

    async fn load(
        txn: &WriteTransaction,
        id: i64,
    ) -> Result<Option<TrainingProgramme>, WriteError> {
        let row = training_programme::Entity::find_by_id(id)
            .one(&**txn)
            .await?;
        Ok(row.map(programme_from_row).transpose()?)
    }

    fn columns(programme: &TrainingProgramme) -> training_programme::ActiveModel {
        let as_i32 = |v: Option<u32>| v.map(|v| i32::try_from(v).unwrap_or(i32::MAX));
        training_programme::ActiveModel {
            operator_id: Set(programme.operator_id.0),
            title: Set(programme.title.clone()),
            objective: Set(programme.objective.clone()),
            certification: Set(programme.certification.clone()),
            modality: Set(programme.modality.code().to_owned()),
            duration_hours: Set(as_i32(programme.duration_hours)),
            ..Default::default()
        }
    }

    fn version(programme: &TrainingProgramme) -> i64 {
        programme.version
    }

    fn operator_id(programme: &TrainingProgramme) -> OperatorId {
        programme.operator_id
    }

    fn assign(programme: &mut TrainingProgramme, assigned: Assigned) {
        // A programme keeps no `updated_at` in the domain; the row does.
        programme.id = ProgrammeId(assigned.id);
        programme.version = assigned.version;
    }

    fn changes(before: Option<&TrainingProgramme>, after: &TrainingProgramme) -> Vec<FieldChange> {
        changes(
            before.map(AuditedProgramme).as_ref(),
            &AuditedProgramme(after),
        )
    }
}

impl Store {
    /// Creates a training programme of an operator; its reference must be
    /// free ([`WriteError::Taken`] on `reference` otherwise).
    pub async fn create_programme(
        &self,
        actor: &Actor,
        new: NewProgramme,
    ) -> Result<TrainingProgramme, WriteError> {
        let reference = new.reference().to_owned();
        let mut programme = new.into_programme();
        let txn = self.begin_write().await?;
        operator::Entity::find_by_id(programme.operator_id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", programme.operator_id.0)))?;
        let reference = training_programme::ActiveModel {
            reference: Set(reference),
            ..Default::default()
        };
        txn.insert_versioned::<Programmes>(
            actor,
            &mut programme,
            Creation::new(AuditAction::Create).with_fixed_columns(reference),
        )
        .await?;
        txn.commit_and_announce().await?;
        Ok(programme)
    }
}
