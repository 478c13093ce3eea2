//! Data versions that instances can follow: one counter per topic of data
//! that instances keep in memory (`catalog`: what the catalogue shows;
//! `timetable`: the imported transit feeds). Every write that changes a
//! topic raises its counter in the same transaction, so an instance that
//! read the counter with its data knows whether it is behind, even after
//! missing a notification.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

/// The topics that exist from the start, at version 0.
const TOPICS: [&str; 2] = ["catalog", "timetable"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("data_versions")
                    .col(string("topic").primary_key())
                    .col(big_integer("version"))
                    .to_owned(),
            )
            .await?;
        for topic in TOPICS {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table("data_versions")
                        .columns(["topic", "version"])
                        .values_panic([topic.into(), 0i64.into()])
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("data_versions").to_owned())
            .await
    }
}
