//! Concurrent writers that each read then write all succeed: on SQLite they
//! queue on the store's write gate instead of failing with "database is
//! locked"; on PostgreSQL they run side by side.

use std::sync::Arc;

use storage::on_both_databases;
use storage::testing::TestDatabase;

use crate::support::*;

const WRITERS: usize = 8;

on_both_databases!(
    concurrent_read_then_write_transactions_all_succeed,
    |db: TestDatabase| async move {
        let (store, catalog) = store_with_reference_data(&db).await;
        let mut operators = Vec::new();
        for i in 0..WRITERS {
            operators.push(create_school(&store, &format!("ecole-{i}")).await);
        }
        let catalog = Arc::new(catalog);
        let start = Arc::new(tokio::sync::Barrier::new(2 * WRITERS));

        // Each update reads its operator before writing it; each creation
        // reads the operator it adds a site to.
        let mut writers = Vec::new();
        for (i, operator) in operators.iter().enumerate() {
            let id = operator.id;
            let (updater, update_start) = (store.clone(), Arc::clone(&start));
            writers.push(tokio::spawn(async move {
                update_start.wait().await;
                updater
                    .update_operator(&admin(), id, 1, move |o| {
                        o.name = format!("Renamed {i}");
                        Ok(())
                    })
                    .await
                    .map(|_| ())
            }));
            let (creator, create_start, catalog) =
                (store.clone(), Arc::clone(&start), Arc::clone(&catalog));
            writers.push(tokio::spawn(async move {
                create_start.wait().await;
                create_site(&creator, &catalog, id, &format!("site-{i}"))
                    .await
                    .map(|_| ())
            }));
        }
        for writer in writers {
            writer.await.unwrap().expect("every writer succeeds");
        }

        let reloaded = store.load_catalog().await.unwrap();
        for (i, operator) in operators.iter().enumerate() {
            let stored = reloaded.operator(operator.id).unwrap();
            assert_eq!(stored.name, format!("Renamed {i}"));
            assert_eq!(stored.version, 2);
            assert_eq!(reloaded.sites_of(operator.id).len(), 1);
        }
    }
);
