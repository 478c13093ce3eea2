//! Data versions instances follow: every committed write to what the
//! catalogue shows raises `catalog` by one, feed imports raise `timetable`,
//! refused writes raise nothing, and on PostgreSQL the topic is announced to
//! every listening instance.

use std::time::Duration;

use domain::revision::AuditAction;
use storage::testing::TestDatabase;
use storage::{DataChange, DataTopic, DataVersions, SeedSelection, Store, on_both_databases};

use crate::support::*;

on_both_databases!(
    a_fresh_database_starts_at_zero_and_seeding_raises_the_catalogue,
    |db: TestDatabase| async move {
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        assert_eq!(
            store.data_versions().await.unwrap(),
            DataVersions {
                catalog: 0,
                timetable: 0
            }
        );

        store.seed(SeedSelection { demo: false }).await.unwrap();
        assert_eq!(store.data_versions().await.unwrap().catalog, 1);
        store.seed(SeedSelection { demo: false }).await.unwrap();
        assert_eq!(
            store.data_versions().await.unwrap().catalog,
            1,
            "seeding nothing new raises nothing"
        );
    }
);

on_both_databases!(
    every_write_raises_the_catalogue_version_by_exactly_one,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let catalog_version = || async { store.data_versions().await.unwrap().catalog };
        let mut expected = catalog_version().await;

        let operator = create_school(&store, "ecole-a").await;
        expected += 1;
        assert_eq!(catalog_version().await, expected, "create_operator");
        let site = create_site(&store, &catalog, operator.id, "main")
            .await
            .unwrap();
        expected += 1;
        assert_eq!(catalog_version().await, expected, "create_site");
        store
            .update_site(&admin(), site.id, 1, |s| {
                s.name = "Atelier".to_owned();
                Ok(())
            })
            .await
            .unwrap();
        expected += 1;
        assert_eq!(catalog_version().await, expected, "update_site");
        let offer = store
            .create_offer(&admin(), draft_internship(&catalog, &site, None))
            .await
            .unwrap();
        expected += 1;
        assert_eq!(catalog_version().await, expected, "create_offer");
        store
            .update_offer(&admin(), offer.id, 1, |o| {
                o.title = "Stage en ébénisterie".to_owned();
                Ok(AuditAction::Update)
            })
            .await
            .unwrap();
        expected += 1;
        assert_eq!(catalog_version().await, expected, "update_offer");
        store
            .create_programme(&admin(), programme_of(operator.id, "menuisier"))
            .await
            .unwrap();
        expected += 1;
        assert_eq!(catalog_version().await, expected, "create_programme");
        assert_eq!(store.data_versions().await.unwrap().timetable, 0);
    }
);

on_both_databases!(
    a_refused_write_raises_no_version,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let operator = create_school(&store, "ecole-a").await;
        let before = store.data_versions().await.unwrap();

        let stale = store
            .update_operator(&admin(), operator.id, 5, |o| {
                o.name = "Lost".to_owned();
                Ok(())
            })
            .await;
        let taken = store
            .create_operator(&admin(), &code("ecole-a"), school_details("Twin"))
            .await;
        let no_such_site = store
            .update_site(&admin(), domain::operator::SiteId(999), 1, |_| Ok(()))
            .await;
        // An offer at a site its operator does not have: refused in the transaction.
        let rejected = store
            .create_offer(
                &admin(),
                draft_internship_at(&catalog, operator.id, domain::operator::SiteId(999), None),
            )
            .await;

        assert!(stale.is_err() && taken.is_err() && no_such_site.is_err() && rejected.is_err());
        assert_eq!(store.data_versions().await.unwrap(), before);
    }
);

on_both_databases!(
    importing_or_removing_a_feed_raises_the_timetable_version,
    |db: TestDatabase| async move {
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();

        store
            .save_transit_feed("tec", "/tmp/tec.zip", vec![1, 2, 3])
            .await
            .unwrap();
        assert_eq!(store.data_versions().await.unwrap().timetable, 1);
        store
            .save_transit_feed("tec", "/tmp/tec.zip", vec![4, 5])
            .await
            .unwrap();
        assert_eq!(store.data_versions().await.unwrap().timetable, 2);
        assert!(store.remove_transit_feed("tec").await.unwrap());
        assert!(!store.remove_transit_feed("tec").await.unwrap());

        assert_eq!(
            store.data_versions().await.unwrap(),
            DataVersions {
                catalog: 0,
                timetable: 3
            }
        );
    }
);

on_both_databases!(
    a_loaded_catalogue_carries_the_version_it_was_read_at,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let (_, loaded_at) = store.load_catalog_versioned().await.unwrap();
        assert_eq!(loaded_at, store.data_versions().await.unwrap().catalog);

        let operator = create_school(&store, "ecole-a").await;
        let (reloaded, reloaded_at) = store.reload_catalog_versioned(&catalog).await.unwrap();

        assert_eq!(reloaded_at, loaded_at + 1);
        assert!(reloaded.operator(operator.id).is_some());
        assert_eq!(reloaded.trades().len(), catalog.trades().len());
    }
);

on_both_databases!(
    a_listener_hears_the_topic_of_a_write_made_through_another_store,
    |db: TestDatabase| async move {
        let (listening, _) = store_with_reference_data(&db).await;
        let Some(mut feed) = listening.change_feed().await.unwrap() else {
            // SQLite: one instance per file, nothing to follow.
            assert_eq!(listening.backend(), storage::Backend::Sqlite);
            return;
        };
        let writing = Store::connect(&db.url).await.unwrap();

        let operator = create_school(&writing, "ecole-a").await;
        let heard = tokio::time::timeout(Duration::from_secs(10), feed.next_change())
            .await
            .expect("an announcement within 10 s")
            .unwrap();
        assert_eq!(heard, DataChange::Topic(DataTopic::Catalog));

        // A refused write announces nothing: the next announcement heard is
        // the feed import's.
        let stale = writing
            .update_operator(&admin(), operator.id, 9, |o| {
                o.name = "Lost".to_owned();
                Ok(())
            })
            .await;
        assert!(stale.is_err());
        writing
            .save_transit_feed("tec", "/tmp/tec.zip", vec![1])
            .await
            .unwrap();
        let heard = tokio::time::timeout(Duration::from_secs(10), feed.next_change())
            .await
            .expect("an announcement within 10 s")
            .unwrap();
        assert_eq!(heard, DataChange::Topic(DataTopic::Timetable));
    }
);
