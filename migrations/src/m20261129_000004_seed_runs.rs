//! Remembers which seed data sets were loaded, so that a second start (or a
//! second `wapi seed`) does not load them again.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("seed_runs")
                    .col(string("dataset").primary_key())
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("applied_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("seed_runs").to_owned())
            .await
    }
}
