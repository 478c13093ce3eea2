//! An ODS sheet counted before calamine expands it. ODS compresses inside
//! its own XML: `table:number-rows-repeated="200000"` turns one small row
//! into two hundred thousand, and calamine builds each sheet as a dense grid
//! while it opens the file. So `content.xml` is streamed once here,
//! counting the rows and columns that hold something as they would be
//! expanded, and a sheet over the limits is refused before any grid exists.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::ZipArchive;

use crate::detect::FileKind;
use crate::error::{ReadError, shown_name};
use crate::limits::ReadLimits;

/// The extent of one sheet's filled cells, in expanded rows and columns.
#[derive(Debug, Default)]
struct SheetExtent {
    name: String,
    next_row: u64,
    filled_rows: u64,
    first_filled_row: Option<u64>,
    last_filled_row: u64,
    first_filled_column: Option<u64>,
    filled_columns_end: u64,
}

/// The row being read: its repetition and the columns it fills.
#[derive(Debug, Default)]
struct RowExtent {
    repeated: u64,
    next_column: u64,
    first_filled_column: Option<u64>,
    filled_columns_end: u64,
}

/// Counts every sheet of the ODS file and refuses it when a sheet has too
/// many filled rows, fills a column past the limit, or when the grids
/// calamine would build hold too many cells together.
pub(crate) fn check_ods_extent(bytes: &[u8], limits: &ReadLimits) -> Result<(), ReadError> {
    let mut archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|error| unreadable(error.to_string()))?;
    let content = archive
        .by_name("content.xml")
        .map_err(|_| unreadable("content.xml is missing".to_owned()))?;
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut buffer = Vec::new();
    let mut sheet: Option<SheetExtent> = None;
    let mut row: Option<RowExtent> = None;
    let mut open_cell: Option<OpenCell> = None;
    let mut grid_cells = 0_u64;
    loop {
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|error| unreadable(error.to_string()))?;
        // Whatever a cell holds (paragraphs, even a nested table) only fills
        // it: calamine reads a cell's content as its value and skips the
        // rest, so nothing inside a cell counts as rows or columns.
        if let Some(cell) = open_cell.as_mut() {
            match event {
                Event::Start(_) => {
                    cell.depth += 1;
                    cell.filled = true;
                }
                Event::End(_) if cell.depth > 0 => cell.depth -= 1,
                Event::End(_) => {
                    if let Some(row) = row.as_mut() {
                        add_cells(row, cell.repeats, cell.filled);
                    }
                    open_cell = None;
                }
                Event::Empty(_) | Event::GeneralRef(_) => cell.filled = true,
                Event::Text(text) if !text.as_ref().trim().is_empty() => cell.filled = true,
                Event::Eof => return Ok(()),
                _ => {}
            }
            buffer.clear();
            continue;
        }
        match event {
            Event::Start(element) => match element.name().as_ref() {
                "table:table" if sheet.is_none() => {
                    sheet = Some(SheetExtent {
                        name: attribute(&element, "table:name").unwrap_or_default(),
                        ..SheetExtent::default()
                    });
                }
                "table:table-row" if sheet.is_some() => row = Some(start_row(&element)),
                "table:table-cell" | "table:covered-table-cell" if row.is_some() => {
                    open_cell = Some(OpenCell {
                        repeats: repeated(&element, "table:number-columns-repeated"),
                        filled: holds_value(&element),
                        depth: 0,
                    });
                }
                _ => {}
            },
            Event::Empty(element) => match element.name().as_ref() {
                "table:table-row" => {
                    if let Some(sheet) = sheet.as_mut() {
                        sheet.next_row = sheet
                            .next_row
                            .saturating_add(repeated(&element, "table:number-rows-repeated"));
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(row) = row.as_mut() {
                        let repeats = repeated(&element, "table:number-columns-repeated");
                        add_cells(row, repeats, holds_value(&element));
                    }
                }
                _ => {}
            },
            Event::End(element) => match element.name().as_ref() {
                "table:table-row" => {
                    if let (Some(sheet), Some(row)) = (sheet.as_mut(), row.take()) {
                        end_row(sheet, &row);
                        check_sheet(sheet, limits, false)?;
                    }
                }
                "table:table" => {
                    if let Some(sheet) = sheet.take() {
                        grid_cells = grid_cells.saturating_add(check_sheet(&sheet, limits, true)?);
                        if grid_cells > limits.max_cells as u64 {
                            return Err(ReadError::TooManyCells {
                                limit: limits.max_cells,
                            });
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
        buffer.clear();
    }
}

/// A cell opened and not yet closed.
#[derive(Debug)]
struct OpenCell {
    repeats: u64,
    /// Whether it holds something so far.
    filled: bool,
    /// How deep inside the cell the reader is.
    depth: usize,
}

fn start_row(element: &BytesStart<'_>) -> RowExtent {
    RowExtent {
        repeated: repeated(element, "table:number-rows-repeated"),
        ..RowExtent::default()
    }
}

fn add_cells(row: &mut RowExtent, repeats: u64, filled: bool) {
    if filled {
        row.first_filled_column.get_or_insert(row.next_column);
        row.filled_columns_end = row.next_column.saturating_add(repeats);
    }
    row.next_column = row.next_column.saturating_add(repeats);
}

fn end_row(sheet: &mut SheetExtent, row: &RowExtent) {
    if let Some(first_column) = row.first_filled_column {
        sheet.filled_rows = sheet.filled_rows.saturating_add(row.repeated);
        sheet.first_filled_row.get_or_insert(sheet.next_row);
        sheet.last_filled_row = sheet.next_row.saturating_add(row.repeated - 1);
        let first = sheet
            .first_filled_column
            .map_or(first_column, |known| known.min(first_column));
        sheet.first_filled_column = Some(first);
        sheet.filled_columns_end = sheet.filled_columns_end.max(row.filled_columns_end);
    }
    sheet.next_row = sheet.next_row.saturating_add(row.repeated);
}

/// Refuses a sheet over the row or column limit; once the sheet is
/// complete, returns the cells of the grid calamine will build for it.
fn check_sheet(sheet: &SheetExtent, limits: &ReadLimits, complete: bool) -> Result<u64, ReadError> {
    let name = Some(shown_name(&sheet.name));
    if sheet.filled_rows > limits.max_rows_per_sheet as u64 {
        return Err(ReadError::TooManyRows {
            sheet: name,
            limit: limits.max_rows_per_sheet,
        });
    }
    if sheet.filled_columns_end > limits.max_columns as u64 {
        return Err(ReadError::TooManyColumns {
            sheet: name,
            row: u32::try_from(sheet.last_filled_row + 1).unwrap_or(u32::MAX),
            column: crate::column_letters(
                usize::try_from(sheet.filled_columns_end - 1).unwrap_or(usize::MAX),
            ),
            limit: limits.max_columns,
        });
    }
    if !complete {
        return Ok(0);
    }
    let (Some(first_row), Some(first_column)) = (sheet.first_filled_row, sheet.first_filled_column)
    else {
        return Ok(0);
    };
    let rows = sheet.last_filled_row - first_row + 1;
    let columns = sheet.filled_columns_end - first_column;
    Ok(rows.saturating_mul(columns))
}

/// A cell holds something when it has a value type or a formula; content
/// inside it is caught as it is read.
fn holds_value(element: &BytesStart<'_>) -> bool {
    has_attribute(element, "office:value-type") || has_attribute(element, "table:formula")
}

fn repeated(element: &BytesStart<'_>, name: &str) -> u64 {
    attribute(element, name)
        .and_then(|value| value.parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

fn has_attribute(element: &BytesStart<'_>, name: &str) -> bool {
    matches!(element.try_get_attribute(name), Ok(Some(_)))
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    let attribute = element.try_get_attribute(name).ok()??;
    attribute
        .normalized_value(XmlVersion::Implicit1_0)
        .ok()
        .map(|value| value.into_owned())
}

fn unreadable(reason: String) -> ReadError {
    ReadError::Unreadable {
        kind: FileKind::Ods,
        reason: shown_name(&reason),
    }
}
