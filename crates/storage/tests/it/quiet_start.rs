//! A healthy start (migrate, seed, load and reload the catalogue, read the
//! data versions) logs no warning on either database: a warning at every
//! start would teach operators to ignore warnings.

use std::io::Write;
use std::sync::{Arc, Mutex};

use storage::testing::TestDatabase;
use storage::{SeedSelection, Store};
use tracing_subscriber::fmt::MakeWriter;

/// Collects what the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

/// Starts on `db` as the service does and returns every line logged at
/// WARN or above. The subscriber is this thread's, so the runtime runs
/// every task on this thread.
fn warnings_of_a_start(db: &TestDatabase) -> String {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_writer(captured.clone())
        .with_ansi(false)
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        store.seed(SeedSelection { demo: true }).await.unwrap();
        let catalog = store.load_catalog().await.unwrap();
        store.reload_catalog_versioned(&catalog).await.unwrap();
        store.data_versions().await.unwrap();
        store.change_feed().await.unwrap();
        // Proves the capture works: this line, and only this one, is expected.
        tracing::warn!("end of the start");
    });
    String::from_utf8(captured.0.lock().unwrap().clone()).unwrap()
}

fn assert_only_the_end_marker(logged: &str) {
    let lines: Vec<_> = logged.lines().collect();
    assert_eq!(lines.len(), 1, "{logged}");
    assert!(lines[0].contains("end of the start"), "{logged}");
}

#[test]
fn a_healthy_start_logs_no_warning_on_sqlite() {
    let db = TestDatabase::sqlite();
    assert_only_the_end_marker(&warnings_of_a_start(&db));
}

#[test]
fn a_healthy_start_logs_no_warning_on_postgres() {
    let setup = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let Some(db) = setup.block_on(TestDatabase::postgres()) else {
        return;
    };
    assert_only_the_end_marker(&warnings_of_a_start(&db));
    // The database is dropped from a thread of its own (see `TestDatabase`).
    drop(db);
}
