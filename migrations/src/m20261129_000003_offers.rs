//! Offers of the four kinds in one table: the columns all kinds share, plus
//! nullable columns only one kind uses (`kind` says which apply). One table
//! keeps the public list, filtered across kinds, a single query. Training
//! follows LHEO: a programme (the formation) and its sessions (the offers).

use sea_orm_migration::{prelude::*, schema::*};

use crate::{foreign_key, index};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("training_programmes")
                    .col(big_pk_auto("id"))
                    .col(big_integer("operator_id"))
                    .col(string("reference"))
                    .col(string("title"))
                    .col(text("objective"))
                    .col(string_null("certification"))
                    .col(string("modality"))
                    .col(integer_null("duration_hours"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut foreign_key(
                        "training_programmes",
                        "operator_id",
                        "operators",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_training_programmes_operator_reference")
                    .table("training_programmes")
                    .col("operator_id")
                    .col("reference")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("offers")
                    .col(big_pk_auto("id"))
                    .col(string("kind"))
                    .col(big_integer("operator_id"))
                    .col(big_integer("site_id"))
                    .col(string_null("reference"))
                    .col(string("title"))
                    .col(text("description"))
                    .col(string("status"))
                    .col(string("recruitment_state"))
                    .col(date_null("start_date"))
                    .col(date_null("end_date"))
                    .col(integer_null("places"))
                    // TRAINING
                    .col(big_integer_null("programme_id"))
                    .col(string_null("schedule"))
                    .col(time_null("daily_start_time"))
                    .col(time_null("daily_end_time"))
                    // INTERNSHIP
                    .col(text_null("expected_profile"))
                    .col(integer_null("duration_weeks"))
                    // JOB
                    .col(string_null("contract_type"))
                    .col(string_null("working_time"))
                    .col(text_null("requirements"))
                    // DISCOVERY
                    .col(string_null("discovery_format"))
                    .col(integer_null("capacity"))
                    .col(integer_null("duration_hours"))
                    .col(boolean("is_demo"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut foreign_key(
                        "offers",
                        "operator_id",
                        "operators",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "offers",
                        "site_id",
                        "sites",
                        "id",
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut foreign_key(
                        "offers",
                        "programme_id",
                        "training_programmes",
                        "id",
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_offers_operator_reference")
                    .table("offers")
                    .col("operator_id")
                    .col("reference")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("offers", &["site_id"])).await?;
        manager.create_index(index("offers", &["status"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("offer_trades")
                    .col(big_integer("offer_id"))
                    .col(string("trade_code"))
                    .primary_key(Index::create().col("offer_id").col("trade_code"))
                    .foreign_key(&mut foreign_key(
                        "offer_trades",
                        "offer_id",
                        "offers",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "offer_trades",
                        "trade_code",
                        "trades",
                        "code",
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("offer_audiences")
                    .col(big_integer("offer_id"))
                    .col(string("audience"))
                    .primary_key(Index::create().col("offer_id").col("audience"))
                    .foreign_key(&mut foreign_key(
                        "offer_audiences",
                        "offer_id",
                        "offers",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "offer_audiences",
            "offer_trades",
            "offers",
            "training_programmes",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
