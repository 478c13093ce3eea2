//! Accounts of IBEFE staff (ADMIN) and partners (PARTNER, member of one or
//! more operators), and their bearer tokens. Passwords are stored as
//! Argon2id PHC strings, tokens as their SHA-256: neither can be read back.

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
                    .table("accounts")
                    .col(big_pk_auto("id"))
                    // Lowercased; the login.
                    .col(string_uniq("email"))
                    .col(string("display_name"))
                    .col(string("password_hash"))
                    .col(string("role"))
                    .col(timestamp_with_time_zone_null("disabled_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("account_operators")
                    .col(big_integer("account_id"))
                    .col(big_integer("operator_id"))
                    .primary_key(Index::create().col("account_id").col("operator_id"))
                    .foreign_key(&mut foreign_key(
                        "account_operators",
                        "account_id",
                        "accounts",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "account_operators",
                        "operator_id",
                        "operators",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("access_tokens")
                    .col(big_pk_auto("id"))
                    .col(big_integer("account_id"))
                    .col(string_uniq("token_sha256"))
                    .col(string("label"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .foreign_key(&mut foreign_key(
                        "access_tokens",
                        "account_id",
                        "accounts",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("access_tokens", &["account_id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["access_tokens", "account_operators", "accounts"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
