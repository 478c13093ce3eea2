//! Equipment items: created, edited, retired and restored by their
//! operator's partners, one at a time or a whole inventory file at once.

use std::collections::HashSet;

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
    /// A stored item whose line changed, or that the file no longer lists:
    /// `before` is the item as the import read it (its id and version),
    /// `after` what it becomes, with `action` for the audit trail. Written
    /// only if the item is still at that version: an item changed in
    /// between makes the whole file fail with a conflict.
    Update {
        before: Box<EquipmentItem>,
        after: Box<EquipmentItem>,
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
        let own_sites = own_sites(&txn, operator).await?;
        written += create_many(&txn, actor, operator, &own_sites, new_items, &origin).await?;
        written += update_many(&txn, actor, operator, &own_sites, updates, &origin).await?;
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
    own_sites: &HashSet<i64>,
    items: Vec<EquipmentItem>,
    origin: &FieldChange,
) -> Result<usize, WriteError> {
    if items.is_empty() {
        return Ok(0);
    }
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

/// The ids of an operator's sites, as the transaction sees them.
async fn own_sites(
    txn: &WriteTransaction,
    operator: OperatorId,
) -> Result<HashSet<i64>, WriteError> {
    Ok(site::Entity::find()
        .filter(site::Column::OperatorId.eq(operator.0))
        .all(&**txn)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect())
}

/// Writes an inventory's changed and retired items: one version-checked
/// `UPDATE` each, their trade links rewritten only when their trades
/// changed, audit entries in batches. The same checks, stamps and audit as
/// [`Store::update_equipment`]'s, without reading each item back: the
/// version in the `WHERE` clause proves it is the one the import read.
async fn update_many(
    txn: &WriteTransaction,
    actor: &Actor,
    operator: OperatorId,
    own_sites: &HashSet<i64>,
    updates: Vec<InventoryChange>,
    origin: &FieldChange,
) -> Result<usize, WriteError> {
    let now = write_clock();
    let mut links = Vec::new();
    let mut audits = Vec::new();
    for change in updates {
        let InventoryChange::Update {
            before,
            after,
            action,
        } = change
        else {
            continue;
        };
        if before.operator_id != operator {
            return Err(Rejection::new("operator", "an item of another operator").into());
        }
        let mut after = *after;
        // Ownership, identity and provenance never move with an import.
        after.operator_id = before.operator_id;
        after.id = before.id;
        after.is_demo = before.is_demo;
        let mut changed = changes(Some(&*before), &after);
        if changed.is_empty() {
            continue;
        }
        if !own_sites.contains(&after.site_id.0) {
            return Err(Rejection::new("siteId", "must be a site of the item's operator").into());
        }
        Equipment::assign(
            &mut after,
            Assigned {
                id: before.id.0,
                version: before.version + 1,
                updated_at: now,
            },
        );
        let mut row = item_row(&after);
        row.version = Set(after.version);
        let updated = equipment_item::Entity::update_many()
            .set(row)
            .filter(equipment_item::Column::Id.eq(before.id.0))
            .filter(equipment_item::Column::Version.eq(before.version))
            .exec(&**txn)
            .await?;
        if updated.rows_affected == 0 {
            let current = Equipment::load(txn, before.id.0)
                .await?
                .map_or(before.version, |stored| stored.version);
            return Err(WriteError::StaleVersion {
                expected: before.version,
                current,
            });
        }
        if before.trade_codes != after.trade_codes {
            equipment_item_trade::Entity::delete_many()
                .filter(equipment_item_trade::Column::ItemId.eq(before.id.0))
                .exec(&**txn)
                .await?;
            links.extend(trade_rows(&after));
        }
        changed.push(origin.clone());
        audits.push(audit_row(
            actor,
            action,
            AuditedObject::Equipment,
            before.id.0,
            Some(operator.0),
            &changed,
        ));
    }
    let count = audits.len();
    insert_in_batches(txn, links).await?;
    insert_in_batches(txn, audits).await?;
    Ok(count)
}
