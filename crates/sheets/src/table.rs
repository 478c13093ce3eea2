//! A table found under its header: the caller's keys mapped to columns,
//! and the data rows below, each able to say where one of its cells is so
//! that a report reads "sheet 'Inventaire', row 14, column 'Qté' (C):
//! expected a whole number, got 'deux'".

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};

use crate::cell::{Cell, CellError};
use crate::column::column_letters;
use crate::error::{place, shown_name};
use crate::sheet::{EMPTY, Row, Sheet};

/// A column of the file: its 0-based index and its header as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRef {
    pub index: usize,
    pub header: String,
}

impl ColumnRef {
    pub(crate) fn new(index: usize, header: &str) -> Self {
        Self {
            index,
            header: shown_name(header),
        }
    }

    /// The column's letters, as the spreadsheet shows them.
    pub fn letters(&self) -> String {
        column_letters(self.index)
    }
}

impl fmt::Display for ColumnRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' ({})", self.header, self.letters())
    }
}

/// One of the caller's keys and the column it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedColumn<K> {
    pub key: K,
    pub column: ColumnRef,
}

/// A table: its sheet, its header row, its columns and its data rows.
#[derive(Debug, Clone)]
pub struct Table<'w, K> {
    sheet: &'w Sheet,
    header_position: usize,
    columns: Vec<MappedColumn<K>>,
    unknown: Vec<ColumnRef>,
    labels: Vec<(K, String)>,
}

impl<'w, K: Copy + PartialEq + fmt::Debug> Table<'w, K> {
    pub(crate) fn new(
        sheet: &'w Sheet,
        header_position: usize,
        columns: Vec<MappedColumn<K>>,
        unknown: Vec<ColumnRef>,
        labels: Vec<(K, String)>,
    ) -> Self {
        Self {
            sheet,
            header_position,
            columns,
            unknown,
            labels,
        }
    }

    pub fn sheet_name(&self) -> &'w str {
        self.sheet.name()
    }

    pub fn sheet_index(&self) -> usize {
        self.sheet.index()
    }

    /// The header's row number in the file.
    pub fn header_row(&self) -> u32 {
        self.sheet.rows()[self.header_position].number()
    }

    /// The expected columns found, in the file's order.
    pub fn columns(&self) -> &[MappedColumn<K>] {
        &self.columns
    }

    /// The column a key was found in; `None` for an optional column the
    /// file does not have.
    pub fn column(&self, key: K) -> Option<&ColumnRef> {
        self.columns
            .iter()
            .find(|mapped| mapped.key == key)
            .map(|mapped| &mapped.column)
    }

    /// Columns with a header that names no expected column, for the caller
    /// to report (their cells are ignored).
    pub fn unknown_columns(&self) -> &[ColumnRef] {
        &self.unknown
    }

    /// The rows below the header in which at least one expected column
    /// holds something (rows holding only notes in other columns, such as
    /// a total, are skipped).
    pub fn rows(&self) -> impl Iterator<Item = TableRow<'_, 'w, K>> + '_ {
        self.sheet.rows()[self.header_position + 1..]
            .iter()
            .map(move |row| TableRow { table: self, row })
            .filter(|row| !row.is_blank())
    }

    fn label(&self, key: K) -> &str {
        self.labels
            .iter()
            .find(|(known, _)| *known == key)
            .map_or("", |(_, label)| label.as_str())
    }
}

/// One data row of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub struct TableRow<'t, 'w, K> {
    table: &'t Table<'w, K>,
    row: &'w Row,
}

impl<'t, 'w, K: Copy + PartialEq + fmt::Debug> TableRow<'t, 'w, K> {
    /// The row's number in the file.
    pub fn number(&self) -> u32 {
        self.row.number()
    }

    /// The row as read, every column included.
    pub fn row(&self) -> &'w Row {
        self.row
    }

    /// The cell under a key; empty when the column is absent.
    pub fn cell(&self, key: K) -> &'w Cell {
        match self.table.column(key) {
            Some(column) => self.row.cell(column.index),
            None => &EMPTY,
        }
    }

    fn is_blank(&self) -> bool {
        self.table
            .columns
            .iter()
            .all(|mapped| self.row.cell(mapped.column.index).is_empty())
    }

    /// Where the key's cell is, for a report.
    pub fn location(&self, key: K) -> Location {
        let column = self.table.column(key);
        Location {
            sheet: self.table.sheet.sheet_label().map(shown_name),
            row: self.row.number(),
            column_header: column.map_or_else(
                || self.table.label(key).to_owned(),
                |column| column.header.clone(),
            ),
            column_index: column.map(|column| column.index),
        }
    }

    /// A problem the caller found with a cell (an unknown category, a year
    /// in the future), placed like this crate's own.
    pub fn problem(&self, key: K, message: impl Into<String>) -> FieldError {
        FieldError {
            location: self.location(key),
            problem: FieldProblem::Rule(message.into()),
        }
    }

    /// The trimmed text under a key; `None` when empty.
    pub fn text(&self, key: K) -> Option<String> {
        self.cell(key).text()
    }

    pub fn integer(&self, key: K) -> Result<Option<i64>, FieldError> {
        self.read(key, Cell::integer)
    }

    pub fn decimal(&self, key: K) -> Result<Option<f64>, FieldError> {
        self.read(key, Cell::decimal)
    }

    pub fn boolean(&self, key: K) -> Result<Option<bool>, FieldError> {
        self.read(key, Cell::boolean)
    }

    pub fn date(&self, key: K) -> Result<Option<NaiveDate>, FieldError> {
        self.read(key, Cell::date)
    }

    pub fn datetime(&self, key: K) -> Result<Option<NaiveDateTime>, FieldError> {
        self.read(key, Cell::datetime)
    }

    fn read<T>(
        &self,
        key: K,
        reading: impl Fn(&Cell) -> Result<Option<T>, CellError>,
    ) -> Result<Option<T>, FieldError> {
        reading(self.cell(key)).map_err(|error| FieldError {
            location: self.location(key),
            problem: FieldProblem::Cell(error),
        })
    }
}

/// Where a cell is: its sheet (none for CSV), its row number, its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub sheet: Option<String>,
    pub row: u32,
    /// The column's header as the file writes it, or the expected column's
    /// label when the file lacks that (optional) column.
    pub column_header: String,
    /// The column's 0-based index; `None` when the file lacks the column.
    pub column_index: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, column '{}'",
            place(self.sheet.as_deref(), Some(self.row)),
            self.column_header
        )?;
        match self.column_index {
            Some(index) => write!(f, " ({})", column_letters(index)),
            None => Ok(()),
        }
    }
}

/// A cell that cannot be used, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {problem}")]
pub struct FieldError {
    pub location: Location,
    pub problem: FieldProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldProblem {
    /// The cell is not of the expected kind.
    #[error(transparent)]
    Cell(#[from] CellError),
    /// The caller's rule refused it.
    #[error("{0}")]
    Rule(String),
}
