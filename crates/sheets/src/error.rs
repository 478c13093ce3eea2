//! Why a file was refused. Every message says what was wrong and what is
//! accepted, and quotes from the file at most a name (shortened), never its
//! content: a cell's content appears only in [`crate::CellError`], one cell
//! at a time.

use crate::detect::FileKind;
use crate::limits::{show_bytes, show_bytes_over};

/// What to send instead, said at the end of most refusals.
pub(crate) const ACCEPTED: &str = "send an Excel workbook (.xlsx), an OpenDocument spreadsheet (.ods) \
     or a CSV file (separated by ';' or ',', in UTF-8 or Windows-1252)";

/// A file this crate refuses to read, or could not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty; {ACCEPTED}")]
    EmptyFile,

    #[error(
        "the file weighs {}, more than the {} accepted; split it or remove what the import does not need",
        show_bytes_over(*bytes, *limit),
        show_bytes(*limit)
    )]
    FileTooLarge { bytes: u64, limit: u64 },

    #[error("the file is {found}, not a spreadsheet; {}", advice(*found))]
    NotASpreadsheet { found: FileKind },

    #[error("the file is named '{file_name}', which announces {named}, but it is {found}; {}", advice(*found))]
    NameMismatch {
        file_name: String,
        named: FileKind,
        found: FileKind,
    },

    #[error(
        "the file looks like {kind} but cannot be read ({reason}); open it and save it again, or {ACCEPTED}"
    )]
    Unreadable { kind: FileKind, reason: String },

    #[error("the workbook is protected by a password; save a copy without the password")]
    PasswordProtected,

    #[error(
        "the part '{entry}' of the file is compressed with {method}, which is not read; save the file again from Excel or LibreOffice"
    )]
    UnsupportedCompression { entry: String, method: String },

    #[error(
        "the file holds {entries} parts, more than the {limit} a spreadsheet may have; it was not opened"
    )]
    TooManyZipEntries { entries: usize, limit: usize },

    #[error(
        "the part '{entry}' of the file would inflate to {}, more than the {} accepted for one part; it was not opened",
        show_bytes_over(*declared, *limit),
        show_bytes(*limit)
    )]
    ZipEntryTooLarge {
        entry: String,
        declared: u64,
        limit: u64,
    },

    #[error(
        "the file would inflate to {}, more than the {} accepted; it was not opened",
        show_bytes_over(*declared, *limit),
        show_bytes(*limit)
    )]
    ZipTooLarge { declared: u64, limit: u64 },

    #[error(
        "the part '{entry}' of the file is compressed {ratio} times, more than the {limit} times a spreadsheet reaches; it looks like a zip bomb and was not opened"
    )]
    ZipCompressionRatio {
        entry: String,
        ratio: u64,
        limit: u64,
    },

    #[error(
        "the part '{entry}' of the file inflates to more than the size it declares; the file is damaged or forged and was not opened"
    )]
    ZipEntryLargerThanDeclared { entry: String },

    #[error("{} holds more than {limit} rows, the most accepted; split the file", subject(sheet.as_deref()))]
    TooManyRows { sheet: Option<String>, limit: usize },

    #[error(
        "{}: column {column} holds something, but columns stop at {} (the {limit}th); remove what lies to the right of the table",
        place(sheet.as_deref(), Some(*row)),
        crate::column_letters(limit.saturating_sub(1))
    )]
    TooManyColumns {
        sheet: Option<String>,
        row: u32,
        column: String,
        limit: usize,
    },

    #[error("the file holds more than {limit} cells, the most accepted; split it")]
    TooManyCells { limit: usize },

    #[error(
        "{}, column {column}: the cell holds {chars} characters, more than the {limit} accepted (an unclosed quote in a CSV file does this)",
        place(sheet.as_deref(), Some(*row))
    )]
    CellTooLong {
        sheet: Option<String>,
        row: u32,
        column: String,
        chars: usize,
        limit: usize,
    },
}

/// What to do with a file of this kind.
fn advice(found: FileKind) -> String {
    match found {
        FileKind::LegacyOffice | FileKind::Xlsb => {
            "open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as CSV"
                .to_owned()
        }
        _ => ACCEPTED.to_owned(),
    }
}

/// "the sheet 'Inventaire'", or "the file" for a CSV file.
fn subject(sheet: Option<&str>) -> String {
    match sheet {
        Some(sheet) => format!("the sheet '{sheet}'"),
        None => "the file".to_owned(),
    }
}

/// "sheet 'Inventaire', row 14", "line 14" for a CSV file (which has no
/// sheets), or just the sheet.
pub(crate) fn place(sheet: Option<&str>, row: Option<u32>) -> String {
    match (sheet, row) {
        (Some(sheet), Some(row)) => format!("sheet '{sheet}', row {row}"),
        (Some(sheet), None) => format!("sheet '{sheet}'"),
        (None, Some(row)) => format!("line {row}"),
        (None, None) => "the file".to_owned(),
    }
}

/// A name from the file (an entry, a sheet, the upload's name), shortened
/// so that a forged name cannot fill a message.
pub(crate) fn shown_name(name: &str) -> String {
    const SHOWN_CHARS: usize = 80;
    if name.chars().count() > SHOWN_CHARS {
        let mut shown: String = name.chars().take(SHOWN_CHARS).collect();
        shown.push('…');
        shown
    } else {
        name.to_owned()
    }
}
