//! Schema migrations, portable across SQLite (the embedded default) and
//! PostgreSQL: portable column types only, one change per statement, each
//! migration explaining why it exists.
//!
//! With `storage`, the only crate that knows `sea_orm`. It knows nothing of
//! the domain: tables, columns, keys and indexes only.

pub use sea_orm_migration::MigratorTrait;
use sea_orm_migration::prelude::*;

mod m20261129_000001_reference_data;
mod m20261129_000002_operators_and_sites;
mod m20261129_000003_offers;
mod m20261129_000004_seed_runs;
mod m20261129_000005_transit_feeds;
mod m20261129_000006_accounts;
mod m20261129_000007_partner_writes;
mod m20261129_000008_api_keys_and_contacts;
mod m20261201_000009_named_unique_keys;
mod m20261201_000010_data_versions;
mod m20261202_000011_session_weekdays;
mod m20261202_000012_equipment;

/// Applies the migrations in order.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_reference_data::Migration),
            Box::new(m20261129_000002_operators_and_sites::Migration),
            Box::new(m20261129_000003_offers::Migration),
            Box::new(m20261129_000004_seed_runs::Migration),
            Box::new(m20261129_000005_transit_feeds::Migration),
            Box::new(m20261129_000006_accounts::Migration),
            Box::new(m20261129_000007_partner_writes::Migration),
            Box::new(m20261129_000008_api_keys_and_contacts::Migration),
            Box::new(m20261201_000009_named_unique_keys::Migration),
            Box::new(m20261201_000010_data_versions::Migration),
            Box::new(m20261202_000011_session_weekdays::Migration),
            Box::new(m20261202_000012_equipment::Migration),
        ]
    }
}

/// A foreign key from `from_table.from_column` to `to_table.to_column`,
/// named after both so constraint errors say what they are about.
fn foreign_key(
    from_table: &'static str,
    from_column: &'static str,
    to_table: &'static str,
    to_column: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from_table}_{from_column}"))
        .from(from_table, from_column)
        .to(to_table, to_column)
        .on_delete(on_delete)
        .to_owned()
}

/// A plain index on the given columns, named after them.
fn index(table: &'static str, columns: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index
        .name(format!("idx_{table}_{}", columns.join("_")))
        .table(table);
    for column in columns {
        index.col(*column);
    }
    index.to_owned()
}
