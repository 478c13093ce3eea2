//! The storage layer's error. Database internals stay here: callers learn
//! what failed, and the API maps every variant to `INTERNAL`.

use domain::catalog::CatalogError;
use sea_orm::DbErr;

/// Something went wrong reaching, migrating, seeding or reading the database.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("cannot connect to {database}: {source}")]
    Connect { database: String, source: DbErr },
    #[error("unsupported database URL {0}: use sqlite://… or postgres://…")]
    UnsupportedUrl(String),
    #[error("cannot create the database folder {folder}: {source}")]
    CreateFolder {
        folder: String,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    #[error("invalid seed data in {file}: {message}")]
    Seed { file: &'static str, message: String },
    #[error("row {id} of table {table} cannot be read: {message}")]
    Corrupt {
        table: &'static str,
        id: String,
        message: String,
    },
    #[error("the stored data is inconsistent: {0}")]
    Catalog(#[from] CatalogError),
    #[error("{0}")]
    Conflict(String),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("cannot listen for changes made by other instances: {0}")]
    Listen(String),
}

impl StorageError {
    pub(crate) fn corrupt(table: &'static str, id: impl ToString, message: impl ToString) -> Self {
        StorageError::Corrupt {
            table,
            id: id.to_string(),
            message: message.to_string(),
        }
    }

    pub(crate) fn seed(file: &'static str, message: impl ToString) -> Self {
        StorageError::Seed {
            file,
            message: message.to_string(),
        }
    }
}
