//! Offers and training programmes: created as drafts, edited, published,
//! archived and duplicated by their operator's partners.

use chrono::Utc;
use domain::offer::{Offer, OfferDetails, OfferId, ProgrammeId, TrainingProgramme};
use domain::operator::OperatorId;
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject, FieldChange, changes};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{Actor, WriteError, WriteTransaction, check_version};
use crate::Store;
use crate::entities::{offer, offer_audience, offer_trade, operator, site, training_programme};
use crate::load::offer_from_row;

/// Reads one offer as the transaction sees it.
async fn load_offer(txn: &WriteTransaction, id: OfferId) -> Result<Offer, WriteError> {
    let row = offer::Entity::find_by_id(id.0)
        .one(&**txn)
        .await?
        .ok_or_else(|| WriteError::NotFound(format!("offer {}", id.0)))?;
    let trades = offer_trade::Entity::find()
        .filter(offer_trade::Column::OfferId.eq(id.0))
        .all(&**txn)
        .await?
        .into_iter()
        .map(|link| {
            domain::codes::TradeCode::parse(&link.trade_code)
                .map_err(|e| crate::StorageError::corrupt("offer_trades", id.0, e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let audiences = offer_audience::Entity::find()
        .filter(offer_audience::Column::OfferId.eq(id.0))
        .all(&**txn)
        .await?
        .into_iter()
        .map(|link| {
            link.audience
                .parse()
                .map_err(|e| crate::StorageError::corrupt("offer_audiences", id.0, e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(offer_from_row(row, trades, audiences)?)
}

/// Checks what an offer points to, in the transaction: its site and its
/// programme must be its operator's, and its reference free.
async fn check_references(txn: &WriteTransaction, offer: &Offer) -> Result<(), WriteError> {
    let site_is_own = site::Entity::find_by_id(offer.site_id.0)
        .one(&**txn)
        .await?
        .is_some_and(|s| s.operator_id == offer.operator_id.0);
    if !site_is_own {
        return Err(Rejection::new("siteId", "must be a site of the offer's operator").into());
    }
    if let OfferDetails::Training(session) = &offer.details {
        let programme_is_own = training_programme::Entity::find_by_id(session.programme_id.0)
            .one(&**txn)
            .await?
            .is_some_and(|p| p.operator_id == offer.operator_id.0);
        if !programme_is_own {
            return Err(Rejection::new(
                "details.training.programmeId",
                "must be a training programme of the offer's operator",
            )
            .into());
        }
    }
    if let Some(reference) = &offer.reference {
        let taken = offer::Entity::find()
            .filter(offer::Column::OperatorId.eq(offer.operator_id.0))
            .filter(offer::Column::Reference.eq(reference.as_str()))
            .filter(offer::Column::Id.ne(offer.id.0))
            .one(&**txn)
            .await?
            .is_some();
        if taken {
            return Err(WriteError::Taken {
                field: "reference",
                message: format!("this operator already has an offer with reference {reference:?}"),
            });
        }
    }
    Ok(())
}

/// Replaces an offer's trade and audience links.
async fn write_links(txn: &WriteTransaction, offer: &Offer) -> Result<(), WriteError> {
    offer_trade::Entity::delete_many()
        .filter(offer_trade::Column::OfferId.eq(offer.id.0))
        .exec(&**txn)
        .await?;
    offer_audience::Entity::delete_many()
        .filter(offer_audience::Column::OfferId.eq(offer.id.0))
        .exec(&**txn)
        .await?;
    offer_trade::Entity::insert_many(offer.trade_codes.iter().map(|code| {
        offer_trade::ActiveModel {
            offer_id: Set(offer.id.0),
            trade_code: Set(code.as_str().to_owned()),
        }
    }))
    .exec(&**txn)
    .await?;
    offer_audience::Entity::insert_many(offer.audiences.iter().map(|audience| {
        offer_audience::ActiveModel {
            offer_id: Set(offer.id.0),
            audience: Set(audience.code().to_owned()),
        }
    }))
    .exec(&**txn)
    .await?;
    Ok(())
}

/// Inserts a new offer (its id is set) and audits it.
async fn insert_offer(
    txn: &WriteTransaction,
    actor: &Actor,
    offer: &mut Offer,
    action: AuditAction,
    extra: Option<FieldChange>,
) -> Result<(), WriteError> {
    offer.validate().map_err(Rejection::from)?;
    check_references(txn, offer).await?;
    let now = Utc::now();
    offer.updated_at = now;
    offer.version = 1;
    let mut row = crate::rows::offer_row(offer);
    row.created_at = Set(now);
    row.version = Set(1);
    offer.id = OfferId(
        offer::Entity::insert(row)
            .exec(&**txn)
            .await?
            .last_insert_id,
    );
    write_links(txn, offer).await?;
    let mut changed = changes(None, &*offer);
    changed.extend(extra);
    txn.audit(
        actor,
        action,
        AuditedObject::Offer,
        offer.id.0,
        Some(offer.operator_id.0),
        &changed,
    )
    .await?;
    Ok(())
}

impl Store {
    /// Creates an offer (normally a draft) after checking every rule.
    pub async fn create_offer(&self, actor: &Actor, mut offer: Offer) -> Result<Offer, WriteError> {
        let txn = self.begin_write().await?;
        operator::Entity::find_by_id(offer.operator_id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", offer.operator_id.0)))?;
        insert_offer(&txn, actor, &mut offer, AuditAction::Create, None).await?;
        txn.commit_and_announce().await?;
        Ok(offer)
    }

    /// Changes an offer if it is still at `expected_version`. `edit`
    /// receives the stored offer and returns what it did (UPDATE, PUBLISH,
    /// ARCHIVE); an edit that changes nothing writes nothing.
    pub async fn update_offer(
        &self,
        actor: &Actor,
        id: OfferId,
        expected_version: i64,
        edit: impl FnOnce(&mut Offer) -> Result<AuditAction, Rejection>,
    ) -> Result<Offer, WriteError> {
        let txn = self.begin_write().await?;
        let before = load_offer(&txn, id).await?;
        check_version(expected_version, before.version)?;
        let mut after = before.clone();
        let action = edit(&mut after)?;
        // Ownership never moves with an edit.
        after.operator_id = before.operator_id;
        after.id = before.id;
        let changed = changes(Some(&before), &after);
        if changed.is_empty() {
            return Ok(before);
        }
        after.validate().map_err(Rejection::from)?;
        check_references(&txn, &after).await?;
        after.updated_at = Utc::now();
        after.version = before.version + 1;
        let mut row = crate::rows::offer_row(&after);
        row.version = Set(after.version);
        let updated = offer::Entity::update_many()
            .set(row)
            .filter(offer::Column::Id.eq(id.0))
            .filter(offer::Column::Version.eq(expected_version))
            .exec(&*txn)
            .await?;
        if updated.rows_affected == 0 {
            let current = load_offer(&txn, id).await?.version;
            return Err(WriteError::StaleVersion {
                expected: expected_version,
                current,
            });
        }
        if before.trade_codes != after.trade_codes || before.audiences != after.audiences {
            write_links(&txn, &after).await?;
        }
        txn.audit(
            actor,
            action,
            AuditedObject::Offer,
            id.0,
            Some(after.operator_id.0),
            &changed,
        )
        .await?;
        txn.commit_and_announce().await?;
        Ok(after)
    }

    /// Creates a draft copy of an offer.
    pub async fn duplicate_offer(&self, actor: &Actor, id: OfferId) -> Result<Offer, WriteError> {
        let txn = self.begin_write().await?;
        let source = load_offer(&txn, id).await?;
        let mut copy = source.duplicate();
        let origin = FieldChange {
            field: "duplicateOf".to_owned(),
            from: None,
            to: Some(id.0.to_string()),
        };
        insert_offer(&txn, actor, &mut copy, AuditAction::Duplicate, Some(origin)).await?;
        txn.commit_and_announce().await?;
        Ok(copy)
    }

    /// Creates a training programme of an operator; its reference must be free.
    pub async fn create_programme(
        &self,
        actor: &Actor,
        reference: &str,
        mut programme: TrainingProgramme,
    ) -> Result<TrainingProgramme, WriteError> {
        let txn = self.begin_write().await?;
        operator::Entity::find_by_id(programme.operator_id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", programme.operator_id.0)))?;
        let taken = training_programme::Entity::find()
            .filter(training_programme::Column::OperatorId.eq(programme.operator_id.0))
            .filter(training_programme::Column::Reference.eq(reference))
            .one(&*txn)
            .await?
            .is_some();
        if taken {
            return Err(WriteError::Taken {
                field: "reference",
                message: format!(
                    "this operator already has a programme with reference {reference:?}"
                ),
            });
        }
        let as_i32 = |v: Option<u32>| v.map(|v| i32::try_from(v).unwrap_or(i32::MAX));
        let inserted = training_programme::Entity::insert(training_programme::ActiveModel {
            operator_id: Set(programme.operator_id.0),
            reference: Set(reference.to_owned()),
            title: Set(programme.title.clone()),
            objective: Set(programme.objective.clone()),
            certification: Set(programme.certification.clone()),
            modality: Set(programme.modality.code().to_owned()),
            duration_hours: Set(as_i32(programme.duration_hours)),
            updated_at: Set(Utc::now()),
            version: Set(1),
            ..Default::default()
        })
        .exec(&*txn)
        .await?;
        programme.id = ProgrammeId(inserted.last_insert_id);
        programme.version = 1;
        let created = [
            ("title", Some(programme.title.clone())),
            ("objective", Some(programme.objective.clone())),
            ("certification", programme.certification.clone()),
            ("modality", Some(programme.modality.code().to_owned())),
            (
                "durationHours",
                programme.duration_hours.map(|h| h.to_string()),
            ),
        ]
        .into_iter()
        .filter(|(_, to)| to.is_some())
        .map(|(field, to)| FieldChange {
            field: field.to_owned(),
            from: None,
            to,
        })
        .collect::<Vec<_>>();
        txn.audit(
            actor,
            AuditAction::Create,
            AuditedObject::Programme,
            programme.id.0,
            Some(programme.operator_id.0),
            &created,
        )
        .await?;
        txn.commit_and_announce().await?;
        Ok(programme)
    }
}

impl Store {
    /// The operator an operator, site, programme or offer belongs to, read
    /// from the database: writes are authorised against it, not against a
    /// catalogue that may be a few milliseconds old.
    pub async fn owner_of(
        &self,
        object: AuditedObject,
        id: i64,
    ) -> Result<Option<OperatorId>, crate::StorageError> {
        let operator_id = match object {
            AuditedObject::Operator => operator::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|row| row.id),
            AuditedObject::Site => site::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|row| row.operator_id),
            AuditedObject::Programme => training_programme::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|row| row.operator_id),
            AuditedObject::Offer => offer::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|row| row.operator_id),
            AuditedObject::Account => None,
        };
        Ok(operator_id.map(OperatorId))
    }
}
