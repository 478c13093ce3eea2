//! GTFS feeds imported with `wapi import-gtfs`, kept in the database so that
//! every instance (and the next start) loads the same timetables beside the
//! embedded demo feed. A feed is stored whole, as the zip it came as.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("transit_feeds")
                    .col(big_pk_auto("id"))
                    // A name chosen at import ("tec", "sncb"); importing the same name replaces the feed.
                    .col(string_uniq("name"))
                    // Where it came from (a path or a URL without credentials), for operators' eyes.
                    .col(string("source"))
                    .col(binary("zip"))
                    .col(big_integer("size_bytes"))
                    .col(timestamp_with_time_zone("imported_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("transit_feeds").to_owned())
            .await
    }
}
