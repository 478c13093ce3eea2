//! What the writers take: one sheet, a header row and rows of [`Cell`]s.

use crate::cell::Cell;

/// A sheet to write: its name (used by XLSX), its header and its rows.
/// Rows may be shorter than the header (the rest is empty), not longer.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetToWrite {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Why a sheet could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("row {row} has {cells} cells but the header only {columns} columns")]
    RowWiderThanHeader {
        row: usize,
        cells: usize,
        columns: usize,
    },

    #[error("row {row}, column {column}: {value} is not a number a spreadsheet can hold")]
    NotFinite {
        row: usize,
        column: usize,
        value: String,
    },

    #[error(
        "row {row}, column {column}: the date {date} is outside the years 1900 to 9999 an XLSX file can hold"
    )]
    DateOutOfRange {
        row: usize,
        column: usize,
        date: String,
    },

    #[error("the XLSX file could not be written: {0}")]
    Xlsx(String),

    #[error("the CSV file could not be written: {0}")]
    Csv(String),
}

impl SheetToWrite {
    /// Checks what both formats refuse; `row` in errors counts data rows
    /// from 1, columns from 1.
    pub(crate) fn check(&self) -> Result<(), WriteError> {
        for (row_index, row) in self.rows.iter().enumerate() {
            if row.len() > self.header.len() {
                return Err(WriteError::RowWiderThanHeader {
                    row: row_index + 1,
                    cells: row.len(),
                    columns: self.header.len(),
                });
            }
            for (column_index, cell) in row.iter().enumerate() {
                if let Cell::Number(value) = cell
                    && !value.is_finite()
                {
                    return Err(WriteError::NotFinite {
                        row: row_index + 1,
                        column: column_index + 1,
                        value: value.to_string(),
                    });
                }
            }
        }
        Ok(())
    }
}
