//! Writing an inventory file: all or nothing, against the versions the
//! import read.

use domain::equipment::EquipmentStatus;
use domain::revision::AuditAction;
use storage::testing::TestDatabase;
use storage::{Actor, InventoryChange, SeedSelection, Store, WriteError, on_both_databases};

fn actor() -> Actor {
    Actor {
        account_id: None,
        name: "test".to_owned(),
    }
}

on_both_databases!(
    an_inventory_read_before_another_write_changes_nothing,
    |db: TestDatabase| async move {
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        store.seed(SeedSelection { demo: true }).await.unwrap();
        let catalog = store.load_catalog().await.unwrap();
        let operator = catalog
            .equipment_item(domain::equipment::EquipmentId(1))
            .unwrap()
            .operator_id;
        let items: Vec<_> = catalog
            .equipment_of_operator(operator, true)
            .into_iter()
            .cloned()
            .collect();
        assert!(items.len() >= 2);
        // The import reads the inventory; then a partner edits one item.
        let (edited, other) = (&items[0], &items[1]);
        store
            .update_equipment(&actor(), edited.id, edited.version, |item| {
                item.quantity += 1;
                Ok(AuditAction::Update)
            })
            .await
            .unwrap();
        // The import retires both, from what it read.
        let retire = |item: &domain::equipment::EquipmentItem| {
            let mut retired = item.clone();
            retired.status = EquipmentStatus::Retired;
            InventoryChange::Update {
                before: Box::new(item.clone()),
                after: Box::new(retired),
                action: AuditAction::Retire,
            }
        };
        let error = store
            .apply_inventory(
                &actor(),
                operator,
                "inventaire.csv",
                vec![retire(other), retire(edited)],
            )
            .await
            .unwrap_err();
        assert!(
            matches!(error, WriteError::StaleVersion { expected, current } if expected == edited.version && current == edited.version + 1),
            "{error:?}"
        );
        // Nothing was written, not even the item nobody touched.
        let after = store.load_catalog().await.unwrap();
        assert_eq!(
            after.equipment_item(other.id).unwrap().status,
            EquipmentStatus::Active
        );
        assert_eq!(
            after.equipment_item(edited.id).unwrap().quantity,
            edited.quantity + 1
        );
    }
);
