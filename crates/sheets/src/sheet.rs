//! What reading gives: a workbook of sheets of rows, each row keeping its
//! number in the original file so that a report can point at it. Rows that
//! hold nothing are left out; trailing empty cells are dropped.

use crate::cell::Cell;
use crate::column::column_letters;
use crate::detect::Format;
use crate::error::{ReadError, shown_name};
use crate::limits::ReadLimits;
use crate::text_encoding::TextEncoding;

/// A file read whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    pub(crate) format: Format,
    pub(crate) sheets: Vec<Sheet>,
    pub(crate) csv: Option<CsvDialect>,
}

/// How a CSV file was written, as found from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvDialect {
    pub encoding: TextEncoding,
    pub separator: char,
}

impl Workbook {
    pub fn format(&self) -> Format {
        self.format
    }

    /// The sheets in the workbook's order (one for a CSV file).
    pub fn sheets(&self) -> &[Sheet] {
        &self.sheets
    }

    /// The sheet of that exact name.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|sheet| sheet.name == name)
    }

    /// The encoding and separator found, for a CSV file.
    pub fn csv_dialect(&self) -> Option<CsvDialect> {
        self.csv
    }
}

/// One sheet. A CSV file's only sheet is named after the file (without its
/// extension), or "CSV" when no name was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub(crate) name: String,
    pub(crate) index: usize,
    pub(crate) rows: Vec<Row>,
    /// Whether rows are CSV lines rather than a workbook's rows, which
    /// changes how places are named ("line 14" or "sheet 'X', row 14").
    pub(crate) is_csv: bool,
}

impl Sheet {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The 0-based position of the sheet in its workbook.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The rows that hold something, in file order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub(crate) fn sheet_label(&self) -> Option<&str> {
        (!self.is_csv).then_some(self.name.as_str())
    }
}

/// The cell of every position past the end of a row.
pub(crate) static EMPTY: Cell = Cell::Empty;

/// One row that holds something.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub(crate) number: u32,
    pub(crate) cells: Vec<Cell>,
}

impl Row {
    /// The row's number in the file, from 1: the spreadsheet's row number,
    /// or for CSV the line the record starts on.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// The cells from column A to the last filled one.
    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    /// The cell at a 0-based column, empty past the end of the row.
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&EMPTY)
    }
}

/// Builds a sheet from cells in any order, enforcing the limits as they
/// arrive, so that a sheet over them is refused while it is read rather
/// than after it filled memory.
#[derive(Debug)]
pub(crate) struct SheetBuilder<'l> {
    sheet: Sheet,
    limits: &'l ReadLimits,
    current: Option<Row>,
}

impl<'l> SheetBuilder<'l> {
    pub(crate) fn new(name: String, index: usize, is_csv: bool, limits: &'l ReadLimits) -> Self {
        Self {
            sheet: Sheet {
                name,
                index,
                rows: Vec::new(),
                is_csv,
            },
            limits,
            current: None,
        }
    }

    /// Puts a cell at a 1-based row number and a 0-based column. `cells_kept`
    /// counts the cells of the whole file, across sheets.
    pub(crate) fn put(
        &mut self,
        row: u32,
        column: usize,
        cell: Cell,
        cells_kept: &mut usize,
    ) -> Result<(), ReadError> {
        if cell.is_empty() {
            return Ok(());
        }
        self.check_cell(row, column, &cell)?;
        if self
            .current
            .as_ref()
            .is_some_and(|current| current.number != row)
        {
            self.finish_row()?;
        }
        let current = self.current.get_or_insert_with(|| Row {
            number: row,
            cells: Vec::new(),
        });
        if column >= current.cells.len() {
            let added = column + 1 - current.cells.len();
            *cells_kept += added;
            if *cells_kept > self.limits.max_cells {
                return Err(ReadError::TooManyCells {
                    limit: self.limits.max_cells,
                });
            }
            current.cells.resize(column + 1, Cell::Empty);
        }
        current.cells[column] = cell;
        Ok(())
    }

    fn check_cell(&self, row: u32, column: usize, cell: &Cell) -> Result<(), ReadError> {
        // The sheet's name is copied only for a refusal: this runs per cell.
        let sheet = || self.sheet.sheet_label().map(shown_name);
        if column >= self.limits.max_columns {
            return Err(ReadError::TooManyColumns {
                sheet: sheet(),
                row,
                column: column_letters(column),
                limit: self.limits.max_columns,
            });
        }
        if let Cell::Text(text) = cell {
            // Bytes bound characters from above: count only when it matters.
            if text.len() > self.limits.max_cell_chars {
                let chars = text.chars().count();
                if chars > self.limits.max_cell_chars {
                    return Err(ReadError::CellTooLong {
                        sheet: sheet(),
                        row,
                        column: column_letters(column),
                        chars,
                        limit: self.limits.max_cell_chars,
                    });
                }
            }
        }
        Ok(())
    }

    fn finish_row(&mut self) -> Result<(), ReadError> {
        if let Some(row) = self.current.take() {
            if self.sheet.rows.len() == self.limits.max_rows_per_sheet {
                return Err(ReadError::TooManyRows {
                    sheet: self.sheet.sheet_label().map(shown_name),
                    limit: self.limits.max_rows_per_sheet,
                });
            }
            self.sheet.rows.push(row);
        }
        Ok(())
    }

    /// The sheet, its rows in number order (workbooks may list rows out of
    /// order; rows given twice are merged, later cells winning).
    pub(crate) fn finish(mut self) -> Result<Sheet, ReadError> {
        self.finish_row()?;
        let rows = &mut self.sheet.rows;
        if !rows.is_sorted_by_key(|row| row.number)
            || rows.windows(2).any(|pair| pair[0].number == pair[1].number)
        {
            rows.sort_by_key(|row| row.number);
            let mut merged: Vec<Row> = Vec::with_capacity(rows.len());
            for row in rows.drain(..) {
                match merged.last_mut() {
                    Some(last) if last.number == row.number => merge_into(last, row),
                    _ => merged.push(row),
                }
            }
            *rows = merged;
        }
        Ok(self.sheet)
    }
}

fn merge_into(target: &mut Row, row: Row) {
    if target.cells.len() < row.cells.len() {
        target.cells.resize(row.cells.len(), Cell::Empty);
    }
    for (column, cell) in row.cells.into_iter().enumerate() {
        if !cell.is_empty() {
            target.cells[column] = cell;
        }
    }
}
