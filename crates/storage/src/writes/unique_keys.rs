//! The unique keys partners' and admins' writes can hit, and how a
//! database's refusal names them. Uniqueness is left to the database rather
//! than checked by a read first: on PostgreSQL, where writers do not queue,
//! two writers would both find a code free and the second insert would fail
//! anyway. Its refusal is turned here into [`WriteError::Taken`] naming the
//! input field, so the client learns what to change instead of seeing an
//! internal error.
//!
//! PostgreSQL names the violated index; SQLite's message names the table
//! and columns instead (`UNIQUE constraint failed: sites.operator_id,
//! sites.reference`), for primary keys too. A key is recognised either way.

use sea_orm::{DbErr, RuntimeErr, SqlErr};

use super::WriteError;
use crate::StorageError;

/// A unique index or primary key, and what its violation tells a writer.
#[derive(Debug)]
pub(crate) struct UniqueKey {
    /// The index's name, which PostgreSQL reports (see the migration naming
    /// the keys PostgreSQL had named itself).
    pub(crate) index: &'static str,
    pub(crate) table: &'static str,
    pub(crate) columns: &'static [&'static str],
    /// The input field holding the taken value, as the API names it.
    pub(crate) field: &'static str,
    pub(crate) message: &'static str,
}

/// Every unique key a write can hit with a value the writer chose. Keys of
/// random values (token hashes) are not here: hitting one is a fault.
pub(crate) const UNIQUE_KEYS: [UniqueKey; 11] = [
    UniqueKey {
        index: "uq_operators_code",
        table: "operators",
        columns: &["code"],
        field: "code",
        message: "an operator with this code exists",
    },
    UniqueKey {
        index: "uq_sites_operator_reference",
        table: "sites",
        columns: &["operator_id", "reference"],
        field: "reference",
        message: "this operator already has a site with this reference",
    },
    UniqueKey {
        index: "uq_training_programmes_operator_reference",
        table: "training_programmes",
        columns: &["operator_id", "reference"],
        field: "reference",
        message: "this operator already has a programme with this reference",
    },
    UniqueKey {
        index: "uq_offers_operator_reference",
        table: "offers",
        columns: &["operator_id", "reference"],
        field: "reference",
        message: "this operator already has an offer with this reference",
    },
    UniqueKey {
        index: "pk_offer_trades",
        table: "offer_trades",
        columns: &["offer_id", "trade_code"],
        field: "tradeCodes",
        message: "names a trade more than once",
    },
    UniqueKey {
        index: "pk_offer_audiences",
        table: "offer_audiences",
        columns: &["offer_id", "audience"],
        field: "audiences",
        message: "names an audience more than once",
    },
    UniqueKey {
        index: "uq_accounts_email",
        table: "accounts",
        columns: &["email"],
        field: "email",
        message: "an account with this e-mail address exists",
    },
    UniqueKey {
        index: "pk_account_operators",
        table: "account_operators",
        columns: &["account_id", "operator_id"],
        field: "operatorIds",
        message: "names an operator more than once",
    },
    UniqueKey {
        index: "uq_equipment_items_operator_reference",
        table: "equipment_items",
        columns: &["operator_id", "inventory_reference"],
        field: "inventoryReference",
        message: "this operator already has an item with this inventory reference",
    },
    UniqueKey {
        index: "pk_equipment_item_trades",
        table: "equipment_item_trades",
        columns: &["item_id", "trade_code"],
        field: "tradeCodes",
        message: "names a trade more than once",
    },
    UniqueKey {
        index: "uq_api_keys_label",
        table: "api_keys",
        columns: &["label"],
        field: "label",
        message: "an API key with this label exists",
    },
];

impl UniqueKey {
    /// Whether SQLite's message is about this key: it lists every column as
    /// `table.column`, in the key's order.
    fn is_named_in_sqlite_message(&self, message: &str) -> bool {
        let Some(columns) = message.strip_prefix("UNIQUE constraint failed: ") else {
            return false;
        };
        let mut named = columns.split(", ");
        let all_match = self.columns.iter().all(|column| {
            named
                .next()
                .is_some_and(|qualified| qualified.split_once('.') == Some((self.table, column)))
        });
        all_match && named.next().is_none()
    }

    fn taken(&self) -> WriteError {
        WriteError::Taken {
            field: self.field,
            message: self.message.to_owned(),
        }
    }
}

/// The key `error` reports as violated, if it is one of [`UNIQUE_KEYS`].
pub(crate) fn violated_key(error: &DbErr) -> Option<&'static UniqueKey> {
    let Some(SqlErr::UniqueConstraintViolation(message)) = error.sql_err() else {
        return None;
    };
    match constraint_name(error) {
        Some(name) => UNIQUE_KEYS.iter().find(|key| key.index == name),
        None => UNIQUE_KEYS
            .iter()
            .find(|key| key.is_named_in_sqlite_message(&message)),
    }
}

/// The constraint the database names in its refusal (PostgreSQL does;
/// SQLite does not).
fn constraint_name(error: &DbErr) -> Option<&str> {
    let (DbErr::Exec(RuntimeErr::SqlxError(error)) | DbErr::Query(RuntimeErr::SqlxError(error))) =
        error
    else {
        return None;
    };
    error.as_database_error()?.constraint()
}

/// A refused write statement as the writer should hear it: a taken unique
/// value names its field, anything else is the storage's fault.
pub(crate) fn taken_or_storage(error: DbErr) -> WriteError {
    match violated_key(&error) {
        Some(key) => key.taken(),
        None => WriteError::Storage(StorageError::Database(error)),
    }
}

/// The same for writes that answer [`StorageError`] (the command line's
/// accounts and API keys): a taken value is a [`StorageError::Conflict`].
pub(crate) fn conflict_or_storage(error: DbErr) -> StorageError {
    match violated_key(&error) {
        Some(key) => StorageError::Conflict(key.message.to_owned()),
        None => StorageError::Database(error),
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

    use super::*;
    use crate::Store;
    use crate::testing::TestDatabase;

    /// The columns of every unique index of `table`, in index order.
    async fn unique_indexes(store: &Store, table: &str) -> Vec<(Option<String>, Vec<String>)> {
        let db = &store.db;
        match db.get_database_backend() {
            DatabaseBackend::Postgres => {
                let rows = db
                    .query_all_raw(Statement::from_sql_and_values(
                        DatabaseBackend::Postgres,
                        "SELECT index.relname AS name, \
                                array_agg(a.attname::text ORDER BY k.position) AS columns \
                         FROM pg_index i \
                         JOIN pg_class index ON index.oid = i.indexrelid \
                         JOIN pg_class t ON t.oid = i.indrelid \
                         CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position) \
                         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum \
                         WHERE t.relname = $1 AND i.indisunique \
                         GROUP BY index.relname",
                        [table.into()],
                    ))
                    .await
                    .unwrap();
                rows.into_iter()
                    .map(|row| {
                        (
                            Some(row.try_get::<String>("", "name").unwrap()),
                            row.try_get::<Vec<String>>("", "columns").unwrap(),
                        )
                    })
                    .collect()
            }
            _ => {
                let indexes = db
                    .query_all_raw(Statement::from_sql_and_values(
                        DatabaseBackend::Sqlite,
                        "SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1",
                        [table.into()],
                    ))
                    .await
                    .unwrap();
                let mut found = Vec::new();
                for index in indexes {
                    let name: String = index.try_get("", "name").unwrap();
                    let columns = db
                        .query_all_raw(Statement::from_sql_and_values(
                            DatabaseBackend::Sqlite,
                            "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
                            [name.into()],
                        ))
                        .await
                        .unwrap()
                        .into_iter()
                        .map(|column| column.try_get::<String>("", "name").unwrap())
                        .collect();
                    // SQLite's own names are not ours to match (see above).
                    found.push((None, columns));
                }
                found
            }
        }
    }

    crate::on_both_databases!(
        every_key_the_write_path_recognises_is_a_unique_index_of_the_schema,
        |db: TestDatabase| async move {
            let store = Store::connect(&db.url).await.unwrap();
            store.migrate().await.unwrap();
            for key in &UNIQUE_KEYS {
                let columns: Vec<String> = key.columns.iter().map(|c| (*c).to_owned()).collect();
                let indexes = unique_indexes(&store, key.table).await;
                let found = indexes.iter().any(|(name, indexed)| {
                    *indexed == columns && name.as_deref().is_none_or(|name| name == key.index)
                });
                assert!(found, "{key:?} not among {indexes:?}");
            }
        }
    );

    #[test]
    fn sqlite_messages_name_a_key_by_all_its_columns_in_order() {
        let sites = &UNIQUE_KEYS[1];
        assert!(sites.is_named_in_sqlite_message(
            "UNIQUE constraint failed: sites.operator_id, sites.reference"
        ));
        assert!(!sites.is_named_in_sqlite_message("UNIQUE constraint failed: sites.operator_id"));
        assert!(!sites.is_named_in_sqlite_message(
            "UNIQUE constraint failed: offers.operator_id, offers.reference"
        ));
        assert!(!sites.is_named_in_sqlite_message(
            "UNIQUE constraint failed: sites.operator_id, sites.reference, sites.name"
        ));
        assert!(
            !UNIQUE_KEYS[0]
                .is_named_in_sqlite_message("NOT NULL constraint failed: operators.code")
        );
    }

    #[test]
    fn keys_have_distinct_names_and_columns() {
        for (i, key) in UNIQUE_KEYS.iter().enumerate() {
            for other in &UNIQUE_KEYS[i + 1..] {
                assert_ne!(key.index, other.index);
                assert!(key.table != other.table || key.columns != other.columns);
            }
        }
    }
}
