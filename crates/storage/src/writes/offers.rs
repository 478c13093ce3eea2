//! Offers: created as drafts, edited, published, archived and duplicated
//! by their operator's partners.

use domain::offer::{NewOffer, Offer, OfferDetails, OfferId};
use domain::operator::OperatorId;
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject, FieldChange, changes};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::versioned::{Assigned, Creation, VersionedTable};
use super::{Actor, WriteError, WriteTransaction};
use crate::Store;
use crate::entities::{
    equipment_item, offer, offer_audience, offer_trade, operator, site, training_programme,
};
use crate::load::offer_from_row;

/// Reads one offer as the transaction sees it.
async fn load_offer(txn: &WriteTransaction, id: OfferId) -> Result<Option<Offer>, WriteError> {
    let Some(row) = offer::Entity::find_by_id(id.0).one(&**txn).await? else {
        return Ok(None);
    };
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
    Ok(Some(offer_from_row(row, trades, audiences)?))
}

/// Checks what an offer points to, in the transaction: its site and its
/// programme must be its operator's. Its reference is left to the unique
/// key, which also holds against concurrent writers.
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
    Ok(())
}

/// Replaces an offer's trade and audience links. A list naming a value
/// twice hits the link table's primary key and is refused as taken.
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

struct Offers;

impl VersionedTable for Offers {
    type Entity = offer::Entity;
    type Value = Offer;

    const OBJECT: AuditedObject = AuditedObject::Offer;
    const NAME: &'static str = "offer";
    const ID: offer::Column = offer::Column::Id;
    const VERSION: offer::Column = offer::Column::Version;
    const UPDATED_AT: offer::Column = offer::Column::UpdatedAt;
    const CREATED_AT: Option<offer::Column> = Some(offer::Column::CreatedAt);

    async fn load(txn: &WriteTransaction, id: i64) -> Result<Option<Offer>, WriteError> {
        load_offer(txn, OfferId(id)).await
    }

    fn columns(offer: &Offer) -> offer::ActiveModel {
        crate::rows::offer_row(offer)
    }

    fn version(offer: &Offer) -> i64 {
        offer.version
    }

    fn operator_id(offer: &Offer) -> OperatorId {
        offer.operator_id
    }

    fn assign(offer: &mut Offer, assigned: Assigned) {
        offer.id = OfferId(assigned.id);
        offer.version = assigned.version;
        offer.updated_at = assigned.updated_at;
    }

    fn changes(before: Option<&Offer>, after: &Offer) -> Vec<FieldChange> {
        changes(before, after)
    }

    async fn check(txn: &WriteTransaction, offer: &Offer) -> Result<(), WriteError> {
        offer.validate().map_err(Rejection::from)?;
        check_references(txn, offer).await
    }

    async fn write_dependents(
        txn: &WriteTransaction,
        before: Option<&Offer>,
        after: &Offer,
    ) -> Result<(), WriteError> {
        let links_changed = before.is_none_or(|before| {
            before.trade_codes != after.trade_codes || before.audiences != after.audiences
        });
        if links_changed {
            write_links(txn, after).await?;
        }
        Ok(())
    }
}

impl Store {
    /// Creates a draft offer the domain checked; what it points to (its site
    /// and programme) is checked here, in the transaction.
    pub async fn create_offer(&self, actor: &Actor, new: NewOffer) -> Result<Offer, WriteError> {
        let mut offer = new.into_offer();
        let txn = self.begin_write().await?;
        operator::Entity::find_by_id(offer.operator_id.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", offer.operator_id.0)))?;
        txn.insert_versioned::<Offers>(actor, &mut offer, Creation::new(AuditAction::Create))
            .await?;
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
        self.update_versioned::<Offers>(actor, id.0, expected_version, |offer| {
            let (owner, id) = (offer.operator_id, offer.id);
            let action = edit(offer)?;
            // Ownership never moves with an edit.
            offer.operator_id = owner;
            offer.id = id;
            Ok(action)
        })
        .await
    }

    /// Creates a draft copy of an offer.
    pub async fn duplicate_offer(&self, actor: &Actor, id: OfferId) -> Result<Offer, WriteError> {
        let txn = self.begin_write().await?;
        let source = load_offer(&txn, id)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("offer {}", id.0)))?;
        let mut copy = source.duplicate();
        let origin = FieldChange {
            field: "duplicateOf".to_owned(),
            from: None,
            to: Some(id.0.to_string()),
        };
        txn.insert_versioned::<Offers>(
            actor,
            &mut copy,
            Creation::new(AuditAction::Duplicate).also_auditing(origin),
        )
        .await?;
        txn.commit_and_announce().await?;
        Ok(copy)
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
            AuditedObject::Equipment => equipment_item::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .map(|row| row.operator_id),
            AuditedObject::Account => None,
        };
        Ok(operator_id.map(OperatorId))
    }
}
