//! Fresh databases for tests: a SQLite file in a temporary folder, or a new
//! PostgreSQL database on the server `TEST_DATABASE_URL` points to, dropped
//! when the test ends. Enabled by the `testing` feature.

use std::io::Write;
use std::sync::Once;
use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::{ConnectionTrait, Database};

/// The environment variable naming a PostgreSQL server for tests, for
/// example `postgres://postgres@127.0.0.1:5432/test`. Each test creates its
/// own database there; the named database is only used to connect.
pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

/// A database that exists for one test.
#[derive(Debug)]
pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { server_url: String, name: String },
}

impl TestDatabase {
    /// A new, empty SQLite database file.
    pub fn sqlite() -> Self {
        let folder = tempfile::tempdir().expect("create a temporary folder");
        let url = format!(
            "sqlite://{}?mode=rwc",
            folder.path().join("wapi.db").display()
        );
        Self {
            url,
            cleanup: Cleanup::Sqlite(folder),
        }
    }

    /// A new, empty PostgreSQL database, or `None` (after saying so once on
    /// the terminal) when `TEST_DATABASE_URL` is not set.
    pub async fn postgres() -> Option<Self> {
        let Ok(server_url) = std::env::var(TEST_DATABASE_URL) else {
            static SKIPPED: Once = Once::new();
            SKIPPED.call_once(|| {
                // Written to the terminal directly: the test harness hides
                // what passing tests print, and this must be seen.
                let _ = writeln!(
                    std::io::stderr(),
                    "note: PostgreSQL tests skipped: {TEST_DATABASE_URL} is not set"
                );
            });
            return None;
        };
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "wapi_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            chrono::Utc::now().timestamp_micros()
        );
        let server = Database::connect(&server_url)
            .await
            .expect("connect to TEST_DATABASE_URL");
        server
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create a test database");
        server.close().await.ok();
        Some(Self {
            url: with_database_name(&server_url, &name),
            cleanup: Cleanup::Postgres { server_url, name },
        })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Cleanup::Postgres { server_url, name } = &self.cleanup else {
            return;
        };
        let (server_url, name) = (server_url.clone(), name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on;
        // a thread with its own runtime drops the database and is joined.
        let dropper = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            if let Ok(runtime) = runtime {
                runtime.block_on(async {
                    if let Ok(server) = Database::connect(&server_url).await {
                        let _ = server
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                            ))
                            .await;
                        let _ = server.close().await;
                    }
                });
            }
        });
        let _ = dropper.join();
    }
}

/// Replaces the database name in a PostgreSQL URL, keeping its parameters.
fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    let mut result = format!("{}/{name}", &base[..host_end]);
    if let Some(query) = query {
        result.push('?');
        result.push_str(query);
    }
    result
}

/// Declares a test that runs once on SQLite and once on PostgreSQL (skipped
/// without `TEST_DATABASE_URL`). The body receives a fresh, empty
/// [`TestDatabase`]:
///
/// ```ignore
/// on_both_databases!(seeding_twice_loads_nothing_new, |db| async move { … });
/// ```
#[macro_export]
macro_rules! on_both_databases {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let db = $crate::testing::TestDatabase::sqlite();
                ($body)(db).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(db) = $crate::testing::TestDatabase::postgres().await {
                    ($body)(db).await;
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::with_database_name;

    #[test]
    fn database_name_is_replaced_keeping_host_and_parameters() {
        assert_eq!(
            with_database_name("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database_name("postgres://u:p@h/test?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
        assert_eq!(
            with_database_name("postgres://h:5432", "x"),
            "postgres://h:5432/x"
        );
    }
}
