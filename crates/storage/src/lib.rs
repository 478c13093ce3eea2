//! Persistence for Wapi Synergies: the sea-orm entities, connecting to SQLite
//! (the embedded default) or PostgreSQL through one code path, migrating,
//! seeding, and loading the in-memory [`domain::catalog::Catalog`] that every
//! public read is answered from.
//!
//! With `migrations/`, the only crate that imports `sea_orm`: its entities
//! never leave it; callers get domain values.

mod accounts;
mod api_keys;
mod change_feed;
mod contacts;
mod data_versions;
#[allow(unreachable_pub)] // sea-orm's derives declare `pub` items in these crate-private modules.
mod entities;
mod equipment_rows;
mod error;
mod load;
mod outbox;
mod rows;
mod seed;
#[cfg(feature = "testing")]
pub mod testing;
mod transit_feeds;
mod writes;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseBackend, DatabaseConnection};

pub use accounts::{NewAccount, NewInvitation};
pub use change_feed::ChangeFeed;
pub use contacts::{ContactCounts, NewMail, StoredContactRequest};
pub use data_versions::{CATALOG_CHANNEL, DataChange, DataTopic, DataVersions};
pub use error::StorageError;
pub use outbox::{MailStatus, OutboxMail};
pub use seed::{SeedOutcome, SeedSelection};
pub use transit_feeds::{FeedsVersion, StoredFeed};
pub use writes::{Actor, AuditFilter, InventoryChange, WriteError};

/// The database the service runs on when none is configured: a SQLite file
/// next to where it is started, created on first use.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/wapi.db?mode=rwc";

/// A connection pool to the service's database.
#[derive(Clone)]
pub struct Store {
    db: DatabaseConnection,
    statements: Arc<AtomicU64>,
    /// SQLite's writers queue here (see `writes::WriteTransaction`).
    write_gate: Arc<tokio::sync::Mutex<()>>,
    /// Kept to open the PostgreSQL listener connection.
    url: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("database", &redact_url(&self.url))
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Connects to `sqlite://…` or `postgres://…`. For SQLite the file and its
    /// folder are created when missing, and the database runs in WAL mode so
    /// readers never wait for the writer.
    pub async fn connect(url: &str) -> Result<Self, StorageError> {
        let backend = Backend::of_url(url)?;
        if backend == Backend::Sqlite {
            create_sqlite_folder(url)?;
        }
        let mut options = ConnectOptions::new(url.to_owned());
        options
            .connect_timeout(Duration::from_secs(10))
            .acquire_timeout(Duration::from_secs(10))
            // Statements are traced by our own spans; sqlx's log lines would
            // repeat them with their parameters.
            .sqlx_logging(false);
        match backend {
            Backend::Sqlite => {
                options
                    // SQLite has one writer at a time; a small pool keeps
                    // readers concurrent without queueing behind the lock.
                    .max_connections(8)
                    .map_sqlx_sqlite_opts(|opts| {
                        opts.create_if_missing(true)
                            .journal_mode(SqliteJournalMode::Wal)
                            .synchronous(SqliteSynchronous::Normal)
                            .foreign_keys(true)
                            .busy_timeout(Duration::from_secs(10))
                    });
            }
            Backend::Postgres => {
                options.max_connections(16);
            }
        }
        let mut db = Database::connect(options)
            .await
            .map_err(|source| StorageError::Connect {
                database: redact_url(url),
                source,
            })?;
        let statements = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&statements);
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        Ok(Self {
            db,
            statements,
            write_gate: Arc::default(),
            url: url.to_owned(),
        })
    }

    /// Applies the pending migrations.
    pub async fn migrate(&self) -> Result<(), StorageError> {
        Migrator::up(&self.db, None).await?;
        Ok(())
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), StorageError> {
        self.db.ping().await?;
        Ok(())
    }

    /// How many SQL statements this pool has run since it was opened. Tests
    /// use it to prove that reads are served without database round trips.
    pub fn statements_executed(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// Which database this is, for logs.
    pub fn backend(&self) -> Backend {
        match self.db.get_database_backend() {
            DatabaseBackend::Postgres => Backend::Postgres,
            _ => Backend::Sqlite,
        }
    }

    /// Closes the pool.
    pub async fn close(self) -> Result<(), StorageError> {
        self.db.close().await?;
        Ok(())
    }
}

/// The databases we support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn of_url(url: &str) -> Result<Self, StorageError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StorageError::UnsupportedUrl(redact_url(url)))
        }
    }
}

impl std::fmt::Display for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        })
    }
}

/// `sqlite://data/wapi.db?mode=rwc` → creates `data/`.
fn create_sqlite_folder(url: &str) -> Result<(), StorageError> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(folder) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|source| StorageError::CreateFolder {
            folder: folder.display().to_string(),
            source,
        })?;
    }
    Ok(())
}

/// Removes the password from a database URL so it can be logged.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or_default();
            if credentials.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                format!("{scheme}://{user}@{host}")
            }
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted_from_urls() {
        assert_eq!(
            redact_url("postgres://wapi:s3cret@db:5432/wapi"),
            "postgres://wapi:***@db:5432/wapi"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
        assert_eq!(
            redact_url("sqlite://data/wapi.db?mode=rwc"),
            "sqlite://data/wapi.db?mode=rwc"
        );
    }

    #[test]
    fn only_sqlite_and_postgres_urls_are_accepted() {
        assert_eq!(Backend::of_url("sqlite://x.db").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::of_url("postgresql://h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::of_url("mysql://h/db").is_err());
    }
}
