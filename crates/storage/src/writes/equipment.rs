//! Equipment items: created, edited, retired and restored by their
//! operator's partners, one at a time or a whole inventory file at once.

use domain::equipment::{EquipmentId, EquipmentItem, NewEquipment};
use domain::operator::OperatorId;
use domain::rejection::Rejection;
use domain::revision::{AuditAction, AuditedObject, FieldChange, changes};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::versioned::{Assigned, Creation, VersionedTable, write_clock};
use super::{Actor, WriteError, WriteTransaction, audit_row};
use crate::Store;
use crate::entities::{equipment_item, equipment_item_trade, operator, site};
use crate::equipment_rows::{item_from_row, item_row, trade_rows};
use crate::seed::insert_in_batches;
use sea_orm::ActiveValue::Set;

struct Equipment;

impl VersionedTable for Equipment {
    type Entity = equipment_item::Entity;
    type Value = EquipmentItem;

    const OBJECT: AuditedObject = AuditedObject::Equipment;
    const NAME: &'static str = "equipment item";
    const ID: equipment_item::Column = equipment_item::Column::Id;
    const VERSION: equipment_item::Column = equipment_item::Column::Version;
    const UPDATED_AT: equipment_item::Column = equipment_item::Column::UpdatedAt;
    const CREATED_AT: Option<equipment_item::Column> = Some(equipment_item::Column::CreatedAt);

    async fn load(txn: &WriteTransaction, id: i64) -> Result<Option<EquipmentItem>, WriteError> {
        let Some(row) = equipment_item::Entity::find_by_id(id).one(&**txn).await? else {
            return Ok(None);
        };
        let mut trades = equipment_item_trade::Entity::find()
            .filter(equipment_item_trade::Column::ItemId.eq(id))
            .all(&**txn)
            .await?
            .into_iter()
            .map(|link| {
                domain::codes::TradeCode::parse(&link.trade_code)
                    .map_err(|e| crate::StorageError::corrupt("equipment_item_trades", id, e))
            })
            .collect::<Result<Vec<_>, _>>()?;
        trades.sort();
        Ok(Some(item_from_row(row, trades)?))
    }

    fn columns(item: &EquipmentItem) -> equipment_item::ActiveModel {
        item_row(item)
    }

    fn version(item: &EquipmentItem) -> i64 {
        item.version
    }

    fn operator_id(item: &EquipmentItem) -> OperatorId {
        item.operator_id
    }

    fn assign(item: &mut EquipmentItem, assigned: Assigned) {
        item.id = EquipmentId(assigned.id);
        item.version = assigned.version;
        item.updated_at = assigned.updated_at;
    }

    fn changes(before: Option<&EquipmentItem>, after: &EquipmentItem) -> Vec<FieldChange> {
        changes(before, after)
    }

    /// The item's site must be its operator's; the category and the trades
    /// are held by foreign keys.
    async fn check(txn: &WriteTransaction, item: &EquipmentItem) -> Result<(), WriteError> {
        let site_is_own = site::Entity::find_by_id(item.site_id.0)
            .one(&**txn)
            .await?
            .is_some_and(|s| s.operator_id == item.operator_id.0);
        if site_is_own {
            Ok(())
        } else {
            Err(Rejection::new("siteId", "must be a site of the item's operator").into())
        }
    }

    async fn write_dependents(
        txn: &WriteTransaction,
        before: Option<&EquipmentItem>,
        after: &EquipmentItem,
    ) -> Result<(), WriteError> {
        if before.is_some_and(|before| before.trade_codes == after.trade_codes) {
            return Ok(());
        }
        equipment_item_trade::Entity::delete_many()
            .filter(equipment_item_trade::Column::ItemId.eq(after.id.0))
            .exec(&**txn)
            .await?;
        equipment_item_trade::Entity::insert_many(trade_rows(after))
            .exec(&**txn)
            .await?;
        Ok(())
    }
}

/// One line of an inventory file, as the import decided to write it.
#[derive(Debug, Clone)]
pub enum InventoryChange {
    /// A line no stored item matches.
    Create(Box<NewEquipment>),
    /// A stored item whose line changed, retired or not: `item` is what it
    /// becomes (with `action` for the audit trail), if it is still at
    /// `version`.
    Update {
        id: EquipmentId,
        version: i64,
        item: Box<EquipmentItem>,
        action: AuditAction,
    },
}

impl Store {
    /// Creates an item the domain checked; its site is checked here.
    pub async fn create_equipment(
        &self,
        actor: &Actor,
        new: NewEquipment,
    ) -> Result<EquipmentItem, WriteError> {
        let txn = self.begin_write().await?;
        let mut item = new.into_item();
        txn.insert_versioned::<Equipment>(actor, &mut item, Creation::new(AuditAction::Create))
            .await?;
        txn.commit_and_announce().await?;
        Ok(item)
    }

    /// Changes an item if it is still at `expected_version`. `edit`
    /// receives the stored item and returns what it did (UPDATE, RETIRE,
    /// RESTORE); an edit that changes nothing writes nothing.
    pub async fn update_equipment(
        &self,
        actor: &Actor,
        id: EquipmentId,
        expected_version: i64,
        edit: impl FnOnce(&mut EquipmentItem) -> Result<AuditAction, Rejection>,
    ) -> Result<EquipmentItem, WriteError> {
        self.update_versioned::<Equipment>(actor, id.0, expected_version, |item| {
            let (owner, id) = (item.operator_id, item.id);
            let action = edit(item)?;
            // Ownership never moves with an edit.
            item.operator_id = owner;
            item.id = id;
            Ok(action)
        })
        .await
    }

    /// Writes an inventory file's changes for one operator, all or none, each
    /// audited as the actor's with the file it came from. Returns how many
    /// rows were written (an update that turns out to change nothing is not
    /// written, and not counted).
    pub async fn apply_inventory(
        &self,
        actor: &Actor,
        operator: OperatorId,
        source: &str,
        inventory: Vec<InventoryChange>,
    ) -> Result<usize, WriteError> {
        let txn = self.begin_write().await?;
        operator::Entity::find_by_id(operator.0)
            .one(&*txn)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("operator {}", operator.0)))?;
        let origin = FieldChange {
            field: "importedFrom".to_owned(),
            from: None,
            to: Some(source.to_owned()),
        };
        let mut written = 0;
        let mut new_items = Vec::new();
        let mut updates = Vec::new();
        for change in inventory {
            match change {
                InventoryChange::Create(new) => new_items.push(new.into_item()),
                update @ InventoryChange::Update { .. } => updates.push(update),
            }
        }
        written += create_many(&txn, actor, operator, new_items, &origin).await?;
        for change in updates {
            let InventoryChange::Update {
                id,
                version,
                item,
                action,
            } = change
            else {
                continue;
            };
            let updated = txn
                .update_versioned_in::<Equipment>(
                    actor,
                    id.0,
                    version,
                    Some(origin.clone()),
                    |stored| {
                        if stored.operator_id != operator {
                            return Err(
                                Rejection::new("operator", "an item of another operator").into()
                            );
                        }
                        let (owner, id, is_demo) = (stored.operator_id, stored.id, stored.is_demo);
                        *stored = *item;
                        stored.operator_id = owner;
                        stored.id = id;
                        stored.is_demo = is_demo;
                        Ok(action)
                    },
                )
                .await?;
            written += usize::from(updated.changed);
        }
        if written > 0 {
            txn.commit_and_announce().await?;
        }
        Ok(written)
    }
}

/// Creates an inventory's new items: their sites checked once, one insert
/// each (for its id), their trade links and audit entries in batches. The
/// same rows, stamps and audit as [`Store::create_equipment`]'s.
async fn create_many(
    txn: &WriteTransaction,
    actor: &Actor,
    operator: OperatorId,
    items: Vec<EquipmentItem>,
    origin: &FieldChange,
) -> Result<usize, WriteError> {
    if items.is_empty() {
        return Ok(0);
    }
    let own_sites: std::collections::HashSet<i64> = site::Entity::find()
        .filter(site::Column::OperatorId.eq(operator.0))
        .all(&**txn)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let now = write_clock();
    let mut links = Vec::new();
    let mut audits = Vec::with_capacity(items.len());
    let count = items.len();
    for mut item in items {
        if item.operator_id != operator || !own_sites.contains(&item.site_id.0) {
            return Err(Rejection::new("siteId", "must be a site of the item's operator").into());
        }
        let mut row = item_row(&item);
        row.version = Set(1);
        row.updated_at = Set(now);
        row.created_at = Set(now);
        let id = equipment_item::Entity::insert(row)
            .exec(&**txn)
            .await?
            .last_insert_id;
        Equipment::assign(
            &mut item,
            Assigned {
                id,
                version: 1,
                updated_at: now,
            },
        );
        links.extend(trade_rows(&item));
        let mut changed = changes(None, &item);
        changed.push(origin.clone());
        audits.push(audit_row(
            actor,
            AuditAction::Create,
            AuditedObject::Equipment,
            id,
            Some(operator.0),
            &changed,
        ));
    }
    insert_in_batches(txn, links).await?;
    insert_in_batches(txn, audits).await?;
    Ok(count)
}
