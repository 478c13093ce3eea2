//! Where a feed's files come from: a folder, a zip file, zip bytes or text
//! files held in memory. Each becomes the same map from GTFS file name to
//! bytes, so the import never cares which it was.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::ImportIssue;

/// One GTFS feed to import.
#[derive(Debug, Clone)]
pub enum FeedSource {
    /// A zip file or a folder of GTFS text files; the feed is named after the
    /// file's stem or the folder's name.
    Path(PathBuf),
    /// GTFS text files in memory, as `(file name, contents)`, for instance
    /// embedded in the binary with `include_bytes!`.
    Files {
        name: String,
        files: Vec<(String, Vec<u8>)>,
    },
    /// A zipped feed in memory, for instance downloaded.
    ZipBytes { name: String, bytes: Vec<u8> },
}

/// The GTFS files the import reads; any other file is ignored.
pub(crate) const KNOWN_FILES: [&str; 9] = [
    "agency.txt",
    "stops.txt",
    "routes.txt",
    "trips.txt",
    "stop_times.txt",
    "calendar.txt",
    "calendar_dates.txt",
    "frequencies.txt",
    "transfers.txt",
];

/// A feed's files by GTFS file name.
pub(crate) type FileSet = BTreeMap<String, Vec<u8>>;

impl FeedSource {
    /// The name the feed is known by in summaries, errors and namespaced ids.
    pub fn name(&self) -> String {
        match self {
            FeedSource::Path(path) => path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            FeedSource::Files { name, .. } | FeedSource::ZipBytes { name, .. } => name.clone(),
        }
    }

    /// Reads the known GTFS files, or says why it could not.
    pub(crate) fn read(&self) -> Result<FileSet, ImportIssue> {
        let name = self.name();
        match self {
            FeedSource::Path(path) if path.is_dir() => read_folder(&name, path),
            FeedSource::Path(path) if path.is_file() => {
                let bytes = std::fs::read(path).map_err(|e| {
                    ImportIssue::feed(&name, format!("cannot read {}: {e}", path.display()))
                })?;
                read_zip(&name, &bytes)
            }
            FeedSource::Path(path) => Err(ImportIssue::feed(
                &name,
                format!("{} is neither a zip file nor a folder", path.display()),
            )),
            FeedSource::Files { files, .. } => Ok(files
                .iter()
                .filter(|(file, _)| KNOWN_FILES.contains(&file.as_str()))
                .map(|(file, bytes)| (file.clone(), bytes.clone()))
                .collect()),
            FeedSource::ZipBytes { bytes, .. } => read_zip(&name, bytes),
        }
    }
}

fn read_folder(name: &str, folder: &Path) -> Result<FileSet, ImportIssue> {
    let mut files = FileSet::new();
    for file in KNOWN_FILES {
        let path = folder.join(file);
        if path.is_file() {
            let bytes = std::fs::read(&path).map_err(|e| {
                ImportIssue::file(name, file, format!("cannot read {}: {e}", path.display()))
            })?;
            files.insert(file.to_owned(), bytes);
        }
    }
    Ok(files)
}

fn read_zip(name: &str, bytes: &[u8]) -> Result<FileSet, ImportIssue> {
    let not_a_zip = |e: zip::result::ZipError| {
        ImportIssue::feed(name, format!("not a readable zip archive: {e}"))
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(not_a_zip)?;
    let mut files = FileSet::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(not_a_zip)?;
        // Some producers zip the folder rather than its files: match on the
        // last path component, as most consumers do.
        let file_name = entry
            .name()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        if !KNOWN_FILES.contains(&file_name.as_str()) || files.contains_key(&file_name) {
            continue;
        }
        let mut contents = Vec::with_capacity(entry.size() as usize);
        entry
            .read_to_end(&mut contents)
            .map_err(|e| ImportIssue::file(name, &file_name, format!("cannot unzip: {e}")))?;
        files.insert(file_name, contents);
    }
    Ok(files)
}
