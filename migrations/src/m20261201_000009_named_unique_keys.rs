//! Names the unique keys that partners' writes can hit, so that the write
//! path can tell which value was taken when two writers race past each
//! other and the database refuses the second one.
//!
//! PostgreSQL reports the violated constraint by name. The unique columns
//! declared inline (`operators.code`, `accounts.email`, `api_keys.label`)
//! and the primary keys of link tables got names PostgreSQL made up
//! (`operators_code_key`, `offer_trades_pkey`); they are renamed here to
//! names of our own, like the indexes created by name
//! (`uq_sites_operator_reference`). Renaming a constraint renames its index
//! and rewrites nothing.
//!
//! SQLite has nothing to rename: its refusals name the table and columns
//! (`UNIQUE constraint failed: operators.code`), never an index, and the
//! index behind an inline constraint cannot be renamed anyway.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

/// A constraint to rename on PostgreSQL.
struct NamedKey {
    table: &'static str,
    /// The name PostgreSQL made up when the table was created.
    generated: &'static str,
    /// Ours, which the storage crate matches refusals against.
    ours: &'static str,
}

const NAMED_KEYS: [NamedKey; 6] = [
    NamedKey {
        table: "operators",
        generated: "operators_code_key",
        ours: "uq_operators_code",
    },
    NamedKey {
        table: "accounts",
        generated: "accounts_email_key",
        ours: "uq_accounts_email",
    },
    NamedKey {
        table: "api_keys",
        generated: "api_keys_label_key",
        ours: "uq_api_keys_label",
    },
    NamedKey {
        table: "offer_trades",
        generated: "offer_trades_pkey",
        ours: "pk_offer_trades",
    },
    NamedKey {
        table: "offer_audiences",
        generated: "offer_audiences_pkey",
        ours: "pk_offer_audiences",
    },
    NamedKey {
        table: "account_operators",
        generated: "account_operators_pkey",
        ours: "pk_account_operators",
    },
];

/// Renames one constraint on PostgreSQL; one ALTER per statement.
async fn rename(
    manager: &SchemaManager<'_>,
    table: &str,
    from: &str,
    to: &str,
) -> Result<(), DbErr> {
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE \"{table}\" RENAME CONSTRAINT \"{from}\" TO \"{to}\""
        ))
        .await?;
    Ok(())
}

fn is_postgres(manager: &SchemaManager<'_>) -> bool {
    manager.get_connection().get_database_backend() == DbBackend::Postgres
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !is_postgres(manager) {
            return Ok(());
        }
        for key in NAMED_KEYS {
            rename(manager, key.table, key.generated, key.ours).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if !is_postgres(manager) {
            return Ok(());
        }
        for key in NAMED_KEYS {
            rename(manager, key.table, key.ours, key.generated).await?;
        }
        Ok(())
    }
}
