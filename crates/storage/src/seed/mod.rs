//! Seeding: the real reference data (communes, poles, trades) and the
//! invented demo data set, both embedded in the binary from `seeds/` so a
//! fresh machine needs nothing else. Each data set is loaded in one
//! transaction and recorded in `seed_runs`, so loading twice does nothing;
//! the same transaction raises the catalogue's data version, as any write
//! to what the catalogue shows does.

mod demo;
mod equipment;
mod reference;

use chrono::Utc;
use sea_orm::{ActiveValue::Set, DatabaseTransaction, EntityTrait, TransactionTrait};

use crate::data_versions::{DataTopic, announce};
use crate::entities::seed_run;
use crate::{StorageError, Store};

/// Which data sets to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedSelection {
    /// Also load the invented demo operators and offers.
    pub demo: bool,
}

/// What a seeding run did, per data set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeedOutcome {
    /// Data sets loaded by this run, with what they hold.
    pub loaded: Vec<String>,
    /// Data sets found already loaded.
    pub already_present: Vec<&'static str>,
}

impl std::fmt::Display for SeedOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let loaded = if self.loaded.is_empty() {
            "nothing".to_owned()
        } else {
            self.loaded.join("; ")
        };
        write!(f, "loaded {loaded}")?;
        if !self.already_present.is_empty() {
            write!(f, "; already present: {}", self.already_present.join(", "))?;
        }
        Ok(())
    }
}

impl Store {
    /// Loads the selected data sets that are not loaded yet. On a fresh
    /// database each group (the reference data with the equipment
    /// vocabulary, the demo set with its inventories) is one transaction,
    /// so the catalogue's data version rises once per group; a database
    /// seeded before the equipment data sets existed gets them on their own.
    pub async fn seed(&self, selection: SeedSelection) -> Result<SeedOutcome, StorageError> {
        let mut outcome = SeedOutcome::default();
        if self.seed_applied(reference::DATASET).await? {
            outcome.already_present.push(reference::DATASET);
            self.seed_once(
                &mut outcome,
                equipment::CATEGORIES_DATASET,
                equipment::CATEGORIES_VERSION,
                |txn| Box::pin(equipment::insert_categories(txn)),
            )
            .await?;
        } else {
            let txn = self.db.begin().await?;
            let summary = reference::insert(&txn).await?;
            record_seed_run(&txn, reference::DATASET, reference::VERSION).await?;
            let categories = equipment::insert_categories(&txn).await?;
            record_seed_run(
                &txn,
                equipment::CATEGORIES_DATASET,
                equipment::CATEGORIES_VERSION,
            )
            .await?;
            announce(&txn, DataTopic::Catalog).await?;
            txn.commit().await?;
            outcome
                .loaded
                .push(format!("{}: {summary}, {categories}", reference::DATASET));
        }
        if selection.demo {
            if self.seed_applied(demo::DATASET).await? {
                outcome.already_present.push(demo::DATASET);
                self.seed_once(
                    &mut outcome,
                    equipment::DEMO_DATASET,
                    equipment::DEMO_VERSION,
                    |txn| Box::pin(equipment::insert_demo(txn)),
                )
                .await?;
            } else {
                // Sites' communes are computed on the boundaries as stored.
                let territory =
                    domain::territory::Territory::new(crate::load::load_communes(&self.db).await?);
                let txn = self.db.begin().await?;
                let summary = demo::insert(&txn, &territory).await?;
                record_seed_run(&txn, demo::DATASET, demo::VERSION).await?;
                let inventories = equipment::insert_demo(&txn).await?;
                record_seed_run(&txn, equipment::DEMO_DATASET, equipment::DEMO_VERSION).await?;
                announce(&txn, DataTopic::Catalog).await?;
                txn.commit().await?;
                outcome
                    .loaded
                    .push(format!("{}: {summary}, {inventories}", demo::DATASET));
            }
        }
        Ok(outcome)
    }

    /// Loads one data set in one transaction unless it is loaded already.
    async fn seed_once(
        &self,
        outcome: &mut SeedOutcome,
        dataset: &'static str,
        version: i32,
        insert: impl for<'t> FnOnce(
            &'t DatabaseTransaction,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<String, StorageError>> + Send + 't>,
        >,
    ) -> Result<(), StorageError> {
        if self.seed_applied(dataset).await? {
            outcome.already_present.push(dataset);
            return Ok(());
        }
        let txn = self.db.begin().await?;
        let summary = insert(&txn).await?;
        record_seed_run(&txn, dataset, version).await?;
        announce(&txn, DataTopic::Catalog).await?;
        txn.commit().await?;
        outcome.loaded.push(format!("{dataset}: {summary}"));
        Ok(())
    }

    async fn seed_applied(&self, dataset: &str) -> Result<bool, StorageError> {
        Ok(seed_run::Entity::find_by_id(dataset.to_owned())
            .one(&self.db)
            .await?
            .is_some())
    }
}

async fn record_seed_run(
    txn: &DatabaseTransaction,
    dataset: &str,
    version: i32,
) -> Result<(), StorageError> {
    seed_run::Entity::insert(seed_run::ActiveModel {
        dataset: Set(dataset.to_owned()),
        version: Set(version),
        applied_at: Set(Utc::now()),
    })
    .exec(txn)
    .await?;
    Ok(())
}

/// Inserts rows in batches small enough for every backend's limit on bound
/// parameters.
pub(crate) async fn insert_in_batches<A>(
    txn: &DatabaseTransaction,
    rows: Vec<A>,
) -> Result<(), StorageError>
where
    A: sea_orm::ActiveModelTrait + Send,
{
    const ROWS_PER_STATEMENT: usize = 200;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
        <A::Entity as EntityTrait>::insert_many(batch)
            .exec(txn)
            .await?;
    }
    Ok(())
}
