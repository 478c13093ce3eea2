//! Partners write their own data: every object they edit carries a
//! `version` for optimistic concurrency (an update names the version it
//! read; a stale one changes nothing), every write leaves an audit entry,
//! and admins invite partners with a one-time link instead of choosing
//! their passwords.

use sea_orm_migration::{prelude::*, schema::*};

use crate::{foreign_key, index};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

/// The tables whose rows partners edit.
const VERSIONED_TABLES: [&str; 4] = ["operators", "sites", "training_programmes", "offers"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for table in VERSIONED_TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(big_integer("version").default(1))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table("audit_entries")
                    .col(big_pk_auto("id"))
                    .col(timestamp_with_time_zone("occurred_at"))
                    // Null for writes made from the command line.
                    .col(big_integer_null("account_id"))
                    // Who, as they were named at the time: accounts may be disabled or renamed.
                    .col(string("actor"))
                    .col(string("action"))
                    .col(string("object_type"))
                    .col(big_integer("object_id"))
                    // The operator whose data changed, to list one partner's history.
                    .col(big_integer_null("operator_id"))
                    // JSON: [{"field", "from", "to"}], values as JSON.
                    .col(text("changes"))
                    .foreign_key(&mut foreign_key(
                        "audit_entries",
                        "account_id",
                        "accounts",
                        "id",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("audit_entries", &["object_type", "object_id"]))
            .await?;
        manager
            .create_index(index("audit_entries", &["operator_id"]))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("invitations")
                    .col(big_pk_auto("id"))
                    .col(big_integer("account_id"))
                    .col(string_uniq("token_sha256"))
                    .col(big_integer_null("invited_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("accepted_at"))
                    .foreign_key(&mut foreign_key(
                        "invitations",
                        "account_id",
                        "accounts",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["invitations", "audit_entries"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for table in VERSIONED_TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column("version")
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
