//! The audit trail is written by the write it records, in the same
//! transaction: a write that is refused, or fails half-way, leaves no entry.

use domain::revision::{AuditAction, AuditedObject, FieldChange};
use storage::testing::TestDatabase;
use storage::{WriteError, on_both_databases};

use crate::support::*;

on_both_databases!(
    a_write_leaves_an_audit_entry_with_the_fields_it_changed,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        let site = create_site(&store, &catalog, operator.id, "main")
            .await
            .unwrap();

        store
            .update_site(&admin(), site.id, 1, |s| {
                s.name = "Atelier".to_owned();
                Ok(())
            })
            .await
            .unwrap();

        let trail = audit_of(&store, AuditedObject::Site, site.id.0).await;
        let actions: Vec<_> = trail.iter().map(|entry| entry.action).collect();
        assert_eq!(actions, [AuditAction::Update, AuditAction::Create]);
        let update = &trail[0];
        assert_eq!(update.actor, "test admin");
        assert_eq!(update.operator_id, Some(operator.id));
        assert_eq!(
            update.changes,
            [FieldChange {
                field: "name".to_owned(),
                from: Some("Implantation test".to_owned()),
                to: Some("Atelier".to_owned()),
            }]
        );
        let creation = &trail[1];
        assert!(creation.changes.iter().all(|change| change.from.is_none()));
        assert!(
            creation.changes.iter().any(|change| change.field == "name"
                && change.to.as_deref() == Some("Implantation test"))
        );
    }
);

on_both_databases!(
    a_programme_and_a_duplicated_offer_are_audited_as_created,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        let site = create_site(&store, &catalog, operator.id, "main")
            .await
            .unwrap();
        let programme = store
            .create_programme(&admin(), programme_of(operator.id, "menuisier"))
            .await
            .unwrap();
        let offer = store
            .create_offer(&admin(), draft_internship(&catalog, &site, Some("stage-1")))
            .await
            .unwrap();

        let copy = store.duplicate_offer(&admin(), offer.id).await.unwrap();

        assert_eq!((programme.version, copy.version), (1, 1));
        assert_ne!(copy.id, offer.id);
        assert_eq!(copy.reference, None);
        let programme_trail = audit_of(&store, AuditedObject::Programme, programme.id.0).await;
        assert_eq!(programme_trail.len(), 1);
        let fields: Vec<_> = programme_trail[0]
            .changes
            .iter()
            .map(|change| change.field.as_str())
            .collect();
        assert_eq!(fields, ["title", "objective", "modality", "durationHours"]);
        let copy_trail = audit_of(&store, AuditedObject::Offer, copy.id.0).await;
        assert_eq!(copy_trail.len(), 1);
        assert_eq!(copy_trail[0].action, AuditAction::Duplicate);
        assert!(copy_trail[0].changes.contains(&FieldChange {
            field: "duplicateOf".to_owned(),
            from: None,
            to: Some(offer.id.0.to_string()),
        }));
    }
);

on_both_databases!(
    a_refused_write_leaves_no_audit_entry,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        create_site(&store, &catalog, operator.id, "main")
            .await
            .unwrap();
        let trail = whole_audit_trail(&store).await;

        let stale = store
            .update_operator(&admin(), operator.id, 9, |o| {
                o.name = "Lost".to_owned();
                Ok(())
            })
            .await;
        let taken = store
            .create_operator(&admin(), &code("ecole-a"), school_details("Twin"))
            .await;
        let taken_reference = create_site(&store, &catalog, operator.id, "main").await;
        let rejected = store
            .update_operator(&admin(), operator.id, 1, |o| {
                let mut details = o.details();
                details.name = String::new();
                o.set_details(details).map_err(Into::into)
            })
            .await;

        assert!(
            matches!(stale, Err(WriteError::StaleVersion { .. })),
            "{stale:?}"
        );
        assert!(matches!(taken, Err(WriteError::Taken { .. })), "{taken:?}");
        assert!(
            matches!(taken_reference, Err(WriteError::Taken { .. })),
            "{taken_reference:?}"
        );
        assert!(
            matches!(rejected, Err(WriteError::Rejected(_))),
            "{rejected:?}"
        );
        assert_eq!(whole_audit_trail(&store).await, trail);
    }
);

on_both_databases!(
    a_write_that_fails_after_writing_its_row_leaves_neither_the_change_nor_its_entry,
    |db: TestDatabase| async move {
        let SchoolWithADraft {
            store,
            catalog,
            offer,
            ..
        } = school_with_a_draft(&db).await;
        let trail = whole_audit_trail(&store).await;

        // The offer's row is updated first; its trade links then hit the
        // foreign key to trades (callers check codes against the catalogue;
        // this one slips past), so the whole write must roll back.
        let unknown = domain::codes::TradeCode::parse("metier-inconnu").unwrap();
        assert!(catalog.trade(&unknown).is_none());
        let refused = store
            .update_offer(&admin(), offer.id, 1, |o| {
                o.title = "Renamed".to_owned();
                o.trade_codes = vec![unknown.clone()];
                Ok(AuditAction::Update)
            })
            .await;

        assert!(
            matches!(refused, Err(WriteError::Storage(_))),
            "{refused:?}"
        );
        assert_eq!(whole_audit_trail(&store).await, trail);
        let after = store.load_catalog().await.unwrap();
        assert_eq!(after.offer(offer.id), Some(&offer));
    }
);
