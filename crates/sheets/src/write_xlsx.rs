//! XLSX with typed cells (numbers, text, booleans, dates), a bold header
//! row that stays in view when scrolling, and columns wide enough for what
//! they hold. The creation time in the file's properties is the caller's,
//! not the clock's, so the same rows and time give the same bytes.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::cell::Cell;
use crate::write::{SheetToWrite, WriteError};

/// Column widths, in characters: never narrower than a date, never so wide
/// that one long description hides the rest.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;
const DATE_FORMAT: &str = "dd/mm/yyyy";
const DATETIME_FORMAT: &str = "dd/mm/yyyy hh:mm:ss";

/// Writes the sheet as XLSX: typed cells (numbers, text, booleans, dates
/// formatted dd/mm/yyyy), a bold header row frozen in view, columns as
/// wide as their content (8 to 60 characters). The file's properties say
/// it was created at `created` (UTC); this crate reads no clock, and the
/// same rows and time give the same bytes. Read back, it gives the same
/// cells, except that a date-and-time at exactly midnight reads as a date.
pub fn write_xlsx(sheet: &SheetToWrite, created: NaiveDateTime) -> Result<Vec<u8>, WriteError> {
    sheet.check()?;
    let mut workbook = Workbook::new();
    let created = excel_datetime(created).ok_or_else(|| {
        WriteError::Xlsx(format!(
            "the creation time {created} is outside the years 1900 to 9999"
        ))
    })?;
    let properties = DocProperties::new().set_creation_datetime(&created);
    workbook.set_properties(&properties);
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(&sheet.name).map_err(failed)?;
    write_header(worksheet, &sheet.header)?;
    let date = Format::new().set_num_format(DATE_FORMAT);
    let datetime = Format::new().set_num_format(DATETIME_FORMAT);
    for (row_index, row) in sheet.rows.iter().enumerate() {
        let excel_row = u32::try_from(row_index + 1)
            .map_err(|_| WriteError::Xlsx("too many rows".to_owned()))?;
        for (column_index, cell) in row.iter().enumerate() {
            let column = excel_column(column_index)?;
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    worksheet
                        .write_string(excel_row, column, text)
                        .map_err(failed)?;
                }
                Cell::Number(value) => {
                    worksheet
                        .write_number(excel_row, column, *value)
                        .map_err(failed)?;
                }
                Cell::Bool(value) => {
                    worksheet
                        .write_boolean(excel_row, column, *value)
                        .map_err(failed)?;
                }
                Cell::Date(value) => {
                    let value = excel_date(*value)
                        .ok_or_else(|| out_of_range(row_index, column_index, value))?;
                    worksheet
                        .write_datetime_with_format(excel_row, column, &value, &date)
                        .map_err(failed)?;
                }
                Cell::DateTime(value) => {
                    let value = excel_datetime(*value)
                        .ok_or_else(|| out_of_range(row_index, column_index, value))?;
                    worksheet
                        .write_datetime_with_format(excel_row, column, &value, &datetime)
                        .map_err(failed)?;
                }
            }
        }
    }
    for (column_index, width) in column_widths(sheet).into_iter().enumerate() {
        worksheet
            .set_column_width(excel_column(column_index)?, width as f64)
            .map_err(failed)?;
    }
    workbook.save_to_buffer().map_err(failed)
}

fn write_header(worksheet: &mut Worksheet, header: &[String]) -> Result<(), WriteError> {
    let bold = Format::new().set_bold();
    for (column_index, name) in header.iter().enumerate() {
        worksheet
            .write_string_with_format(0, excel_column(column_index)?, name, &bold)
            .map_err(failed)?;
    }
    worksheet.set_freeze_panes(1, 0).map_err(failed)?;
    Ok(())
}

/// Each column as wide as its longest header or value as written to CSV
/// (a fair measure of what Excel displays), within bounds.
fn column_widths(sheet: &SheetToWrite) -> Vec<usize> {
    let mut widths: Vec<usize> = sheet
        .header
        .iter()
        .map(|name| name.chars().count())
        .collect();
    for row in &sheet.rows {
        for (column, cell) in row.iter().enumerate() {
            let shown = match cell {
                Cell::Text(text) => text
                    .lines()
                    .map(|line| line.chars().count())
                    .max()
                    .unwrap_or(0),
                Cell::Date(_) => DATE_FORMAT.len(),
                Cell::DateTime(_) => DATETIME_FORMAT.len(),
                other => other.to_text().chars().count(),
            };
            widths[column] = widths[column].max(shown);
        }
    }
    widths
        .into_iter()
        .map(|width| (width + 2).clamp(MIN_WIDTH, MAX_WIDTH))
        .collect()
}

fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// To the millisecond, Excel's precision (a leap second's nanoseconds are
/// capped at the last millisecond of the second).
fn excel_datetime(instant: NaiveDateTime) -> Option<ExcelDateTime> {
    let time = instant.time();
    excel_date(instant.date())?
        .and_hms_milli(
            time.hour() as u16,
            time.minute() as u8,
            time.second() as u8,
            (time.nanosecond() / 1_000_000).min(999) as u16,
        )
        .ok()
}

fn out_of_range(row: usize, column: usize, value: &impl std::fmt::Display) -> WriteError {
    WriteError::DateOutOfRange {
        row: row + 1,
        column: column + 1,
        date: value.to_string(),
    }
}

fn excel_column(index: usize) -> Result<u16, WriteError> {
    u16::try_from(index)
        .map_err(|_| WriteError::Xlsx(format!("column {} is past Excel's last column", index + 1)))
}

fn failed(error: XlsxError) -> WriteError {
    WriteError::Xlsx(error.to_string())
}
