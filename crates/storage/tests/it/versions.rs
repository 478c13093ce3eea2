//! Optimistic versions: an update names the version it read; a stale one
//! changes nothing, and an edit that changes nothing writes nothing.

use domain::contact::{ContactMode, ContactSettings};
use domain::offer::OfferStatus;
use domain::revision::{AuditAction, AuditedObject};
use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::support::*;

on_both_databases!(
    an_update_raises_the_version_by_one_and_stamps_the_change,
    |db: TestDatabase| async move {
        let (store, _) = store_with_reference_data(&db).await;
        let created = create_school(&store, "ecole-a").await;
        assert_eq!(created.version, 1);

        let updated = store
            .update_operator(&admin(), created.id, 1, |operator| {
                operator.name = "École A".to_owned();
                Ok(())
            })
            .await
            .unwrap();

        assert_eq!(updated.version, 2);
        assert_eq!(updated.name, "École A");
        assert!(updated.updated_at > created.updated_at);
        let stored = store.load_catalog().await.unwrap();
        let stored = stored.operator(created.id).unwrap();
        assert_eq!(stored.version, 2);
        assert_eq!(stored.name, "École A");
        assert_eq!(stored.code, created.code);
    }
);

on_both_databases!(
    a_stale_version_changes_nothing_and_reports_the_current_version,
    |db: TestDatabase| async move {
        let SchoolWithADraft {
            store,
            operator,
            site,
            offer,
            ..
        } = school_with_a_draft(&db).await;
        store
            .update_operator(&admin(), operator.id, 1, |o| {
                o.name = "Second".to_owned();
                Ok(())
            })
            .await
            .unwrap();
        let before = store.load_catalog().await.unwrap();

        let stale_operator = store
            .update_operator(&admin(), operator.id, 1, |o| {
                o.name = "Lost".to_owned();
                Ok(())
            })
            .await;
        let stale_contact = store
            .update_contact_settings(
                &admin(),
                operator.id,
                1,
                &ContactSettings {
                    mode: ContactMode::Phone,
                    accepted_audiences: Vec::new(),
                },
            )
            .await;
        let stale_site = store
            .update_site(&admin(), site.id, 7, |s| {
                s.name = "Lost".to_owned();
                Ok(())
            })
            .await;
        let stale_offer = store
            .update_offer(&admin(), offer.id, 0, |o| {
                o.title = "Lost".to_owned();
                Ok(AuditAction::Update)
            })
            .await;

        assert_stale(&stale_operator, 1, 2);
        assert_stale(&stale_contact, 1, 2);
        assert_stale(&stale_site, 7, 1);
        assert_stale(&stale_offer, 0, 1);
        let after = store.load_catalog().await.unwrap();
        assert_eq!(after.operator(operator.id), before.operator(operator.id));
        assert_eq!(after.site(site.id), before.site(site.id));
        assert_eq!(after.offer(offer.id), before.offer(offer.id));
        assert_eq!(
            store.contact_settings(operator.id).await.unwrap(),
            Some(ContactSettings::default())
        );
    }
);

on_both_databases!(
    an_update_that_loses_the_race_for_the_same_version_is_refused_as_stale,
    |db: TestDatabase| async move {
        let (store, _) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        let writers = (0..6).map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .update_operator(&admin(), operator.id, 1, move |o| {
                        o.name = format!("Writer {i}");
                        Ok(())
                    })
                    .await
            })
        });
        let outcomes: Vec<_> = futures_outcomes(writers).await;

        let won = outcomes.iter().filter(|o| o.is_ok()).count();
        assert_eq!(won, 1, "{outcomes:?}");
        for outcome in outcomes.iter().filter(|o| o.is_err()) {
            assert_stale(outcome, 1, 2);
        }
        let updates = audit_of(&store, AuditedObject::Operator, operator.id.0)
            .await
            .into_iter()
            .filter(|entry| entry.action == AuditAction::Update)
            .count();
        assert_eq!(updates, 1);
    }
);

on_both_databases!(
    an_edit_that_changes_nothing_writes_nothing_and_keeps_the_version,
    |db: TestDatabase| async move {
        let SchoolWithADraft {
            store,
            operator,
            site,
            offer,
            ..
        } = school_with_a_draft(&db).await;
        let trail = whole_audit_trail(&store).await;
        let versions = store.data_versions().await.unwrap();

        let same_operator = store
            .update_operator(&admin(), operator.id, 1, |o| {
                o.name = o.name.clone();
                Ok(())
            })
            .await
            .unwrap();
        let same_contact = store
            .update_contact_settings(&admin(), operator.id, 1, &ContactSettings::default())
            .await
            .unwrap();
        let same_site = store
            .update_site(&admin(), site.id, 1, |_| Ok(()))
            .await
            .unwrap();
        let same_offer = store
            .update_offer(&admin(), offer.id, 1, |o| {
                o.move_to(OfferStatus::Draft)
                    .map_err(domain::rejection::Rejection::from)?;
                Ok(AuditAction::Update)
            })
            .await
            .unwrap();

        assert_eq!(same_operator, operator);
        assert_eq!(same_contact, operator);
        assert_eq!(same_site, site);
        assert_eq!(same_offer, offer);
        assert_eq!(whole_audit_trail(&store).await, trail);
        assert_eq!(store.data_versions().await.unwrap(), versions);
        let after = store.load_catalog().await.unwrap();
        assert_eq!(after.operator(operator.id), Some(&operator));
        assert_eq!(after.site(site.id), Some(&site));
    }
);

/// Waits for every spawned writer, in order.
async fn futures_outcomes<T: std::fmt::Debug>(
    writers: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut outcomes = Vec::new();
    for writer in writers.collect::<Vec<_>>() {
        outcomes.push(writer.await.expect("the writer finished"));
    }
    outcomes
}
