//! Reading one GTFS file into typed rows, row by row, so that every bad row
//! is reported with its line rather than only the first of the file.

use serde::de::DeserializeOwned;

use crate::error::ImportIssue;
use crate::source::FileSet;

/// A row and the line it starts on (the header is line 1).
#[derive(Debug)]
pub(crate) struct Row<T> {
    pub line: u64,
    pub value: T,
}

/// Reads `file` when present. A required file that is missing and every row
/// that cannot be read become problems; the rows that could be read are
/// returned either way, so later checks still find their own problems.
pub(crate) fn read_rows<T: DeserializeOwned>(
    feed: &str,
    files: &FileSet,
    file: &str,
    required: bool,
    problems: &mut Vec<ImportIssue>,
) -> Option<Vec<Row<T>>> {
    let Some(bytes) = files.get(file) else {
        if required {
            problems.push(ImportIssue::file(
                feed,
                file,
                "this required file is missing",
            ));
        }
        return None;
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => {
            problems.push(ImportIssue::line(
                feed,
                file,
                1,
                format!("unreadable header: {e}"),
            ));
            return Some(Vec::new());
        }
    };
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(ImportIssue::line(
                    feed,
                    file,
                    line,
                    format!("unreadable row: {e}"),
                ));
                // A CSV syntax error leaves the reader in an unknown place.
                break;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue; // Blank lines are common at the end of files.
        }
        match record.deserialize::<T>(Some(&headers)) {
            Ok(value) => rows.push(Row { line, value }),
            Err(e) => problems.push(ImportIssue::line(feed, file, line, describe(&e, &headers))),
        }
    }
    Some(rows)
}

/// A deserialisation error in words: which column, and why.
fn describe(error: &csv::Error, headers: &csv::StringRecord) -> String {
    if let csv::ErrorKind::Deserialize { err, .. } = error.kind() {
        let column = err
            .field()
            .and_then(|index| headers.get(index as usize))
            .map(|name| format!("column {name}: "))
            .unwrap_or_default();
        format!("{column}{}", err.kind())
    } else {
        error.to_string()
    }
}
