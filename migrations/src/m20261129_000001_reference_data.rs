//! Reference data every offer points to: the communes of Wallonie picarde
//! with their real boundaries and postal localities, the poles of synergies
//! with their challenges, and the trades with their poles, their codes in
//! other classifications and the words people search them by.

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
                    .table("communes")
                    .col(string_len("nis", 5).primary_key())
                    .col(string("name_fr"))
                    .col(string_null("name_nl"))
                    .col(double("centroid_latitude"))
                    .col(double("centroid_longitude"))
                    // RFC 7946 MultiPolygon geometry; parsed once into the read model.
                    .col(text("boundary_geojson"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("postal_localities")
                    .col(big_pk_auto("id"))
                    .col(string_len("commune_nis", 5))
                    .col(string_len("postcode", 4))
                    .col(string("name"))
                    .col(double("latitude"))
                    .col(double("longitude"))
                    .foreign_key(&mut foreign_key(
                        "postal_localities",
                        "commune_nis",
                        "communes",
                        "nis",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("postal_localities", &["commune_nis"]))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("poles")
                    .col(string("code").primary_key())
                    .col(string("name"))
                    .col(string("kind"))
                    .col(integer("position"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("pole_challenges")
                    .col(string("pole_code"))
                    .col(integer("position"))
                    .col(text("text"))
                    .primary_key(Index::create().col("pole_code").col("position"))
                    .foreign_key(&mut foreign_key(
                        "pole_challenges",
                        "pole_code",
                        "poles",
                        "code",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("trades")
                    .col(string("code").primary_key())
                    .col(string("name"))
                    .col(text("description"))
                    .col(integer("position"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("trade_poles")
                    .col(string("trade_code"))
                    .col(string("pole_code"))
                    .primary_key(Index::create().col("trade_code").col("pole_code"))
                    .foreign_key(&mut foreign_key(
                        "trade_poles",
                        "trade_code",
                        "trades",
                        "code",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "trade_poles",
                        "pole_code",
                        "poles",
                        "code",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        // ROME, ESCO and later classifications side by side: a scheme name and
        // the code in that scheme.
        manager
            .create_table(
                Table::create()
                    .table("trade_classification_codes")
                    .col(string("trade_code"))
                    .col(string("scheme"))
                    .col(string("code"))
                    .primary_key(Index::create().col("trade_code").col("scheme").col("code"))
                    .foreign_key(&mut foreign_key(
                        "trade_classification_codes",
                        "trade_code",
                        "trades",
                        "code",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("trade_keywords")
                    .col(string("trade_code"))
                    .col(string("keyword"))
                    .primary_key(Index::create().col("trade_code").col("keyword"))
                    .foreign_key(&mut foreign_key(
                        "trade_keywords",
                        "trade_code",
                        "trades",
                        "code",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "trade_keywords",
            "trade_classification_codes",
            "trade_poles",
            "trades",
            "pole_challenges",
            "poles",
            "postal_localities",
            "communes",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
