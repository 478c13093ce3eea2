//! Where the public transport timetable comes from: the demo feed embedded
//! in the binary, the feeds imported with `wapi import-gtfs` (kept in the
//! database, so every instance loads the same), and feed paths given in
//! configuration. Also imports a feed from a file, a folder or a URL.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use storage::Store;
use transit::{FeedSource, RouterSettings, Timetable};

/// Why a feed could not be read, downloaded or stored.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("{0}")]
    Read(String),
    #[error("{0}")]
    Download(String),
    /// The feed has problems; nothing was stored.
    #[error("the feed was not imported:\n{0}")]
    Invalid(transit::ImportError),
    #[error("the timetable could not be built: {0}")]
    Load(transit::ImportError),
    #[error(transparent)]
    Storage(#[from] storage::StorageError),
    #[error("a background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

fn read_error(what: impl std::fmt::Display, error: impl std::fmt::Display) -> FeedError {
    FeedError::Read(format!("{what}: {error}"))
}

/// The demo feed's files, embedded so the binary works from any folder.
const DEMO_FEED_FILES: &[(&str, &[u8])] = &[
    (
        "agency.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/agency.txt"),
    ),
    (
        "calendar.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/calendar.txt"),
    ),
    (
        "calendar_dates.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/calendar_dates.txt"),
    ),
    (
        "feed_info.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/feed_info.txt"),
    ),
    (
        "frequencies.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/frequencies.txt"),
    ),
    (
        "routes.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/routes.txt"),
    ),
    (
        "stop_times.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/stop_times.txt"),
    ),
    (
        "stops.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/stops.txt"),
    ),
    (
        "transfers.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/transfers.txt"),
    ),
    (
        "trips.txt",
        include_bytes!("../../../seeds/gtfs/demo-wapi/trips.txt"),
    ),
];

/// Largest feed accepted for import.
const MAX_FEED_BYTES: u64 = 300 * 1024 * 1024;

/// The embedded demo feed.
pub fn demo_feed() -> FeedSource {
    FeedSource::Files {
        name: "demo-wapi".to_owned(),
        files: DEMO_FEED_FILES
            .iter()
            .map(|(name, bytes)| ((*name).to_owned(), bytes.to_vec()))
            .collect(),
    }
}

/// What to build the timetable from.
#[derive(Debug, Clone)]
pub struct FeedConfig {
    /// Load the embedded demo feed.
    pub demo: bool,
    /// Feed paths (zip files or folders) given in configuration.
    pub paths: Vec<std::path::PathBuf>,
}

impl Default for FeedConfig {
    /// The embedded demo feed, and the imported feeds.
    fn default() -> Self {
        Self {
            demo: true,
            paths: Vec::new(),
        }
    }
}

impl FeedConfig {
    /// Only the feeds imported into the database (tests that install a
    /// timetable of their own).
    pub fn imported_only() -> Self {
        Self {
            demo: false,
            paths: Vec::new(),
        }
    }
}

/// Loads every feed into one timetable; `None` when there is no feed. The
/// parsing runs on a blocking thread.
pub async fn load_timetable(
    store: &Store,
    config: &FeedConfig,
) -> Result<Option<Arc<Timetable>>, FeedError> {
    let mut sources = Vec::new();
    if config.demo {
        sources.push(demo_feed());
    }
    for feed in store.transit_feeds().await? {
        sources.push(FeedSource::ZipBytes {
            name: feed.name,
            bytes: feed.zip,
        });
    }
    sources.extend(config.paths.iter().cloned().map(FeedSource::Path));
    if sources.is_empty() {
        return Ok(None);
    }
    let (timetable, report) =
        tokio::task::spawn_blocking(move || Timetable::load(&sources, &RouterSettings::default()))
            .await?
            .map_err(FeedError::Load)?;
    for feed in &report.feeds {
        tracing::info!(feed = %describe(feed), "timetable loaded");
    }
    Ok(Some(Arc::new(timetable)))
}

/// How long a download may take, connecting included.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(120);

/// Downloads a feed, refusing more than `max_bytes` as it comes in (a
/// `Content-Length` is not trusted).
async fn download(url: &str, max_bytes: u64, timeout: Duration) -> Result<Vec<u8>, FeedError> {
    // The first call installs ring as rustls' provider; later calls find it there.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(15))
        .user_agent(concat!("wapi-synergies/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| read_error("preparing the HTTP client", e))?;
    let shown = redact_credentials(url);
    let mut response = client
        .get(url)
        .send()
        .await
        .map_err(|e| FeedError::Download(format!("downloading {shown}: {e}")))?;
    if !response.status().is_success() {
        return Err(FeedError::Download(format!(
            "downloading {shown}: the server answered {}",
            response.status()
        )));
    }
    if response
        .content_length()
        .is_some_and(|length| length > max_bytes)
    {
        return Err(FeedError::Download(format!(
            "{shown} is larger than {max_bytes} bytes"
        )));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| FeedError::Download(format!("downloading {shown}: {e}")))?
    {
        if bytes.len() as u64 + chunk.len() as u64 > max_bytes {
            return Err(FeedError::Download(format!(
                "{shown} is larger than {max_bytes} bytes"
            )));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// A URL without its user and password, to store and show.
fn redact_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rsplit_once('@') {
        Some((_, host)) => format!("{scheme}://{host}{}", &rest[authority_end..]),
        None => url.to_owned(),
    }
}

/// Reads a feed at `path` (a zip file or a folder of GTFS text files) as zip bytes.
fn read_feed(path: &Path) -> Result<Vec<u8>, FeedError> {
    if path.is_dir() {
        return zip_folder(path);
    }
    let reading = || format!("reading {}", path.display());
    let size = std::fs::metadata(path)
        .map_err(|e| read_error(reading(), e))?
        .len();
    if size > MAX_FEED_BYTES {
        return Err(FeedError::Read(format!(
            "{} is {size} bytes; feeds of at most {MAX_FEED_BYTES} bytes are accepted",
            path.display()
        )));
    }
    std::fs::read(path).map_err(|e| read_error(reading(), e))
}

/// Zips the `.txt` files of a folder.
fn zip_folder(folder: &Path) -> Result<Vec<u8>, FeedError> {
    let zipping =
        |e: &dyn std::fmt::Display| read_error(format!("zipping {}", folder.display()), e);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .map_err(|e| read_error(format!("reading {}", folder.display()), e))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        writer.start_file(name, options).map_err(|e| zipping(&e))?;
        let bytes = std::fs::read(&path).map_err(|e| zipping(&e))?;
        writer.write_all(&bytes).map_err(|e| zipping(&e))?;
    }
    Ok(writer.finish().map_err(|e| zipping(&e))?.into_inner())
}

/// Checks a feed and stores it under `name`; prints what it holds. A feed
/// with problems is refused with the list of them, and nothing is stored.
pub async fn import(
    store: &Store,
    source: &str,
    name: Option<String>,
) -> Result<String, FeedError> {
    let (zip, default_name) = if source.starts_with("http://") || source.starts_with("https://") {
        let zip = download(source, MAX_FEED_BYTES, DOWNLOAD_TIMEOUT).await?;
        let file_name = source
            .rsplit('/')
            .next()
            .unwrap_or("feed")
            .split(['?', '#'])
            .next()
            .unwrap_or("feed");
        (zip, FeedSource::Path(file_name.into()).name())
    } else {
        let path = Path::new(source);
        (
            read_feed(path)?,
            FeedSource::Path(path.to_path_buf()).name(),
        )
    };
    let name = name.unwrap_or(default_name);
    let source = redact_credentials(source);
    let source = source.as_str();
    let check = FeedSource::ZipBytes {
        name: name.clone(),
        bytes: zip.clone(),
    };
    let (_, report) =
        tokio::task::spawn_blocking(move || Timetable::load(&[check], &RouterSettings::default()))
            .await?
            .map_err(FeedError::Invalid)?;
    store.save_transit_feed(&name, source, zip).await?;
    let summary: Vec<String> = report.feeds.iter().map(describe).collect();
    Ok(format!("imported {}", summary.join("; ")))
}

/// One line about a loaded feed.
fn describe(feed: &transit::FeedReport) -> String {
    format!(
        "{} ({}): {} stops, {} routes, {} trips, {} connections, valid {} to {}, {} stop times interpolated",
        feed.name,
        feed.agencies.join(", "),
        feed.stops,
        feed.routes,
        feed.trips,
        feed.connections,
        feed.validity_start,
        feed.validity_end,
        feed.interpolated_stop_times
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use storage::testing::TestDatabase;

    use super::*;

    fn demo_folder() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gtfs/demo-wapi")
    }

    async fn store() -> (TestDatabase, Store) {
        let db = TestDatabase::sqlite();
        let store = Store::connect(&db.url).await.expect("connect");
        store.migrate().await.expect("migrate");
        (db, store)
    }

    #[tokio::test]
    async fn an_imported_feed_is_stored_and_loaded_beside_the_others() {
        let (_db, store) = store().await;
        let summary = import(
            &store,
            &demo_folder().display().to_string(),
            Some("copie".to_owned()),
        )
        .await
        .expect("the demo folder imports");
        assert!(summary.contains("copie"), "{summary}");
        let config = FeedConfig {
            demo: true,
            paths: vec![],
        };
        let timetable = load_timetable(&store, &config)
            .await
            .expect("loads")
            .expect("some feeds");
        let names: Vec<&str> = timetable.feeds().iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["demo-wapi", "copie"]);
    }

    #[tokio::test]
    async fn a_broken_feed_is_refused_with_its_problems_and_nothing_is_stored() {
        let (_db, store) = store().await;
        let broken = tempfile::tempdir().expect("a folder");
        for file in [
            "agency.txt",
            "routes.txt",
            "trips.txt",
            "stop_times.txt",
            "calendar.txt",
        ] {
            std::fs::copy(demo_folder().join(file), broken.path().join(file)).expect("copy");
        }
        let error = import(
            &store,
            &broken.path().display().to_string(),
            Some("cassé".to_owned()),
        )
        .await
        .expect_err("stops.txt is missing");
        assert!(error.to_string().contains("stops.txt"), "{error}");
        assert!(store.transit_feeds().await.expect("list").is_empty());
    }

    #[tokio::test]
    async fn without_any_feed_there_is_no_timetable() {
        let (_db, store) = store().await;
        let config = FeedConfig {
            demo: false,
            paths: vec![],
        };
        assert!(
            load_timetable(&store, &config)
                .await
                .expect("no error")
                .is_none()
        );
    }
}

#[cfg(test)]
mod download_tests {
    use std::path::PathBuf;

    use axum::Router;
    use axum::routing::get;
    use storage::testing::TestDatabase;

    use super::*;

    /// Serves the demo feed zipped at `/demo.zip` on a free local port.
    async fn feed_server() -> String {
        let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gtfs/demo-wapi");
        let zip = zip_folder(&folder).expect("zip the demo feed");
        let app = Router::new()
            .route("/demo.zip", get(move || async move { zip.clone() }))
            .route(
                "/missing.zip",
                get(|| async { (axum::http::StatusCode::NOT_FOUND, "no") }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
        format!("http://{address}")
    }

    #[tokio::test]
    async fn a_feed_is_downloaded_checked_and_stored() {
        let base = feed_server().await;
        let db = TestDatabase::sqlite();
        let store = Store::connect(&db.url).await.expect("connect");
        store.migrate().await.expect("migrate");
        let summary = import(&store, &format!("{base}/demo.zip"), None)
            .await
            .expect("imports");
        assert!(summary.contains("imported demo"), "{summary}");
        let feeds = store.transit_feeds().await.expect("list");
        assert_eq!(feeds.len(), 1);
        assert_eq!(feeds[0].name, "demo");
        assert_eq!(feeds[0].source, format!("{base}/demo.zip"));
    }

    #[tokio::test]
    async fn downloads_fail_clearly() {
        let base = feed_server().await;
        let error = download(
            &format!("{base}/missing.zip"),
            1 << 20,
            Duration::from_secs(5),
        )
        .await
        .expect_err("404");
        assert!(error.to_string().contains("404"), "{error}");
        let error = download(&format!("{base}/demo.zip"), 1_000, Duration::from_secs(5))
            .await
            .expect_err("too large");
        assert!(
            error.to_string().contains("larger than 1000 bytes"),
            "{error}"
        );
        let error = download(
            "http://127.0.0.1:9/feed.zip",
            1 << 20,
            Duration::from_secs(5),
        )
        .await
        .expect_err("nobody listens");
        assert!(
            error
                .to_string()
                .contains("downloading http://127.0.0.1:9/feed.zip"),
            "{error}"
        );
    }

    #[test]
    fn credentials_never_reach_what_is_stored() {
        assert_eq!(
            redact_credentials("https://user:pw@feeds.example/tec.zip"),
            "https://feeds.example/tec.zip"
        );
        assert_eq!(
            redact_credentials("https://feeds.example/a@b.zip"),
            "https://feeds.example/a@b.zip"
        );
        assert_eq!(redact_credentials("/tmp/feed.zip"), "/tmp/feed.zip");
    }
}
