//! Operators (schools, centres, companies…) and their sites. A site's commune
//! is stored for joins and reports but is always computed from its location.

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
                    .table("operators")
                    .col(big_pk_auto("id"))
                    .col(string_uniq("code"))
                    .col(string("name"))
                    .col(string("kind"))
                    .col(text("description"))
                    .col(string_null("website"))
                    .col(string_null("email"))
                    .col(string_null("phone"))
                    .col(boolean("is_demo"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("sites")
                    .col(big_pk_auto("id"))
                    .col(big_integer("operator_id"))
                    // The operator's own key for the site ("main"), unique per operator.
                    .col(string("reference"))
                    .col(string("name"))
                    .col(string("street"))
                    .col(string_len("postcode", 4))
                    .col(string("locality"))
                    .col(double("latitude"))
                    .col(double("longitude"))
                    .col(string_len("commune_nis", 5))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut foreign_key(
                        "sites",
                        "operator_id",
                        "operators",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "sites",
                        "commune_nis",
                        "communes",
                        "nis",
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_sites_operator_reference")
                    .table("sites")
                    .col("operator_id")
                    .col("reference")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("sites", &["commune_nis"])).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("sites").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("operators").to_owned())
            .await
    }
}
