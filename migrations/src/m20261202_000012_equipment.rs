//! Equipment inventories: the controlled vocabulary of categories (seeded
//! reference data; its trades and synonyms are short lists read whole, kept
//! as text), the items at operators' sites with their sharing terms, and
//! the trades each item serves. An item's inventory reference is unique per
//! operator (NULLs stay distinct on both databases, so items without one
//! are free); items are retired, not deleted, so history and indicators
//! keep them.

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
                    .table("equipment_categories")
                    .col(string("code").primary_key())
                    .col(string("label"))
                    .col(integer("position"))
                    .col(text("trade_codes"))
                    .col(boolean("uses_refrigerant"))
                    .col(text("synonyms"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("equipment_items")
                    .col(big_pk_auto("id"))
                    .col(big_integer("operator_id"))
                    .col(big_integer("site_id"))
                    .col(string_null("inventory_reference"))
                    .col(string("name"))
                    .col(string("category_code"))
                    .col(string_null("brand"))
                    .col(string_null("model"))
                    .col(integer("quantity"))
                    .col(string("condition"))
                    .col(integer_null("year_acquired"))
                    .col(text("competence_codes"))
                    .col(string_null("refrigerant"))
                    .col(text_null("notes"))
                    .col(boolean("shareable"))
                    .col(boolean_null("supervision_required"))
                    .col(text_null("sharing_prerequisite"))
                    .col(integer_null("max_group_size"))
                    .col(integer_null("cost_per_half_day_cents"))
                    .col(integer_null("notice_days"))
                    .col(boolean("is_public"))
                    .col(string("status"))
                    .col(boolean("is_demo"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(big_integer("version"))
                    .foreign_key(&mut foreign_key(
                        "equipment_items",
                        "operator_id",
                        "operators",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "equipment_items",
                        "site_id",
                        "sites",
                        "id",
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut foreign_key(
                        "equipment_items",
                        "category_code",
                        "equipment_categories",
                        "code",
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_equipment_items_operator_reference")
                    .table("equipment_items")
                    .col("operator_id")
                    .col("inventory_reference")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("equipment_items", &["site_id"]))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("equipment_item_trades")
                    .col(big_integer("item_id"))
                    .col(string("trade_code"))
                    .primary_key(
                        Index::create()
                            .name("pk_equipment_item_trades")
                            .col("item_id")
                            .col("trade_code"),
                    )
                    .foreign_key(&mut foreign_key(
                        "equipment_item_trades",
                        "item_id",
                        "equipment_items",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "equipment_item_trades",
                        "trade_code",
                        "trades",
                        "code",
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "equipment_item_trades",
            "equipment_items",
            "equipment_categories",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
