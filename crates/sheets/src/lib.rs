//! Spreadsheets for Wapi Synergies: the files people already keep (CSV,
//! XLSX, ODS) read into rows that keep their line numbers, the table in
//! them found in the caller's own vocabulary, and CSV and XLSX written back
//! so that an export edited in Excel or LibreOffice imports again.
//!
//! This crate owns file formats, their hostile cases and the messy habits
//! of real spreadsheets. It must not know any domain type (equipment,
//! operators: the caller brings its column names and its rules), does no IO
//! beyond the bytes handed to it, reads no clock, and is not async.
//!
//! # Public API
//!
//! ```text
//! read_workbook(bytes, file_name: Option<&str>, &ReadLimits) -> Result<Workbook, ReadError>
//! Workbook::sheets() -> &[Sheet]          Sheet::name(), index(), rows() -> &[Row]
//! Row::number() -> u32 (1-based, as in the file), cells() -> &[Cell], cell(column)
//! Cell::{Empty, Text, Number, Bool, Date, DateTime}
//!     .text() .integer() .decimal() .boolean() .date() .datetime() -> Result<Option<_>, CellError>
//! Workbook::find_table(&HeaderSpec<K>) -> Result<Table<K>, HeaderError>
//! Table::rows() -> TableRow: number(), cell(key), integer(key)… -> Result<Option<_>, FieldError>
//! write_csv(&SheetToWrite) -> Result<Vec<u8>, WriteError>
//! write_xlsx(&SheetToWrite, created: NaiveDateTime) -> Result<Vec<u8>, WriteError>
//! ```
//!
//! # Reading
//!
//! The content decides the format, never the name alone: a zip with
//! `[Content_Types].xml` and `xl/workbook.xml` is XLSX, a zip whose
//! `mimetype` is `application/vnd.oasis.opendocument.spreadsheet` is ODS,
//! text is CSV. A name announcing something else (a PDF renamed .csv) is
//! refused, and so is every other kind of file, with a message saying what
//! it is and what to send. Limits ([`ReadLimits`]) are checked before the
//! work they bound: the file's size, then the zip's declared sizes and
//! compression ratios (a zip bomb is refused without inflating it), then
//! rows, columns, cells and cell lengths as they are read.
//!
//! ```
//! use sheets::{ExpectedColumn, HeaderSpec, ReadLimits, read_workbook};
//!
//! #[derive(Debug, Clone, Copy, PartialEq)]
//! enum Column { Name, Quantity }
//!
//! let file = "Inventaire 2024;;\nDésignation;Qté\nTour;2\nFraiseuse;deux\n";
//! let workbook = read_workbook(file.as_bytes(), Some("inventaire.csv"), &ReadLimits::default())?;
//! let spec = HeaderSpec::new(vec![
//!     ExpectedColumn::new(Column::Name, &["Désignation", "Nom"]).required(),
//!     ExpectedColumn::new(Column::Quantity, &["Quantité", "Qté"]),
//! ]);
//! let table = workbook.find_table(&spec)?;
//! let quantities: Vec<String> = table
//!     .rows()
//!     .map(|row| match row.integer(Column::Quantity) {
//!         Ok(quantity) => format!("{quantity:?}"),
//!         Err(error) => error.to_string(),
//!     })
//!     .collect();
//! assert_eq!(
//!     quantities,
//!     ["Some(2)", "line 4, column 'Qté' (B): expected a whole number, got 'deux'"]
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Writing
//!
//! CSV is written for Excel in Belgium and France: UTF-8 with a byte-order
//! mark, ';' between fields, decimal commas (see [`write_csv`]). CSV has no
//! types, so a CSV read back gives each cell as the text [`Cell::to_text`]
//! wrote, which the typed readings turn back into the very same value;
//! XLSX gives back the same typed cells.

mod cell;
mod column;
mod csv_escape;
mod csv_reader;
mod date;
mod detect;
mod error;
mod header;
mod limits;
mod normalise;
mod number;
mod ods_guard;
mod ods_reader;
mod separator;
mod sheet;
mod table;
mod text_encoding;
mod workbook_cells;
mod write;
mod write_csv;
mod write_xlsx;
mod xlsx_reader;
mod yes_no;
mod zip_guard;

pub use cell::{Cell, CellError, Expected};
pub use column::column_letters;
pub use detect::{FileKind, Format};
pub use error::ReadError;
pub use header::{ColumnProblem, ExpectedColumn, HeaderError, HeaderSpec};
pub use limits::ReadLimits;
pub use sheet::{CsvDialect, Row, Sheet, Workbook};
pub use table::{ColumnRef, FieldError, FieldProblem, Location, MappedColumn, Table, TableRow};
pub use text_encoding::TextEncoding;
pub use write::{SheetToWrite, WriteError};
pub use write_csv::write_csv;
pub use write_xlsx::write_xlsx;

use detect::{Identified, check_name, identify};

/// Reads an uploaded file. `file_name` is the name it arrived with, if any:
/// its extension must agree with the content, and a CSV file's sheet is
/// named after it.
pub fn read_workbook(
    bytes: &[u8],
    file_name: Option<&str>,
    limits: &ReadLimits,
) -> Result<Workbook, ReadError> {
    let size = bytes.len() as u64;
    if size > limits.max_file_bytes {
        return Err(ReadError::FileTooLarge {
            bytes: size,
            limit: limits.max_file_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::EmptyFile);
    }
    let identified = identify(bytes, limits)?;
    check_name(file_name, identified.kind())?;
    match identified {
        Identified::Csv(text) => csv_reader::read_csv(&text, csv_sheet_name(file_name), limits),
        Identified::Xlsx(listing) => {
            listing.verify_inflated_sizes(FileKind::Xlsx)?;
            xlsx_reader::read_xlsx(listing.bytes(), limits)
        }
        Identified::Ods(listing) => {
            listing.verify_inflated_sizes(FileKind::Ods)?;
            ods_reader::read_ods(listing.bytes(), limits)
        }
        Identified::Other(found) => Err(ReadError::NotASpreadsheet { found }),
    }
}

/// "inventaire" for "C:\Users\x\inventaire.csv"; "CSV" without a name.
fn csv_sheet_name(file_name: Option<&str>) -> String {
    let Some(name) = file_name else {
        return "CSV".to_owned();
    };
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    if stem.is_empty() {
        "CSV".to_owned()
    } else {
        error::shown_name(stem)
    }
}
