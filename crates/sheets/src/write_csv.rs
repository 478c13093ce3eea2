//! CSV for Excel and LibreOffice in Belgium and France: UTF-8 with a
//! byte-order mark (without it Excel reads UTF-8 as Windows-1252 and
//! "Qté" turns into "QtÃ©"), ';' between fields (Excel in these locales
//! splits on ';', as the comma is their decimal separator), CRLF line ends,
//! numbers with a decimal comma, dates as dd/mm/yyyy, booleans as oui/non.
//! Every value is written as [`Cell::to_text`] gives it, and text that
//! would start a formula is escaped (see [`crate::csv_escape`]).
//!
//! The same rows always give the same bytes.

use crate::cell::Cell;
use crate::csv_escape::escape_formula;
use crate::write::{SheetToWrite, WriteError};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the header and the rows as CSV that Excel and LibreOffice in
/// Belgium and France open correctly by a double click: UTF-8 with a
/// byte-order mark (without it Excel takes UTF-8 for Windows-1252), ';'
/// between fields (these locales use the comma as decimal separator, and
/// Excel splits on ';'), CRLF line ends. Numbers have a decimal comma and
/// the shortest digits that read back as exactly the same `f64` (so
/// [`Cell::decimal`] gives back the written value bit for bit), dates are
/// dd/mm/yyyy, booleans oui/non; text that would start a formula gets a
/// leading apostrophe, which this crate's reader removes again. Rows
/// shorter than the header are padded, so that every line has the same
/// number of fields. The same rows always give the same bytes.
pub fn write_csv(sheet: &SheetToWrite) -> Result<Vec<u8>, WriteError> {
    sheet.check()?;
    let mut output = UTF8_BOM.to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut output);
        let failed = |error: csv::Error| WriteError::Csv(error.to_string());
        writer
            .write_record(
                sheet
                    .header
                    .iter()
                    .map(|name| escape_formula(name).into_owned()),
            )
            .map_err(failed)?;
        let mut fields: Vec<String> = Vec::with_capacity(sheet.header.len());
        for row in &sheet.rows {
            fields.clear();
            fields.extend(row.iter().map(csv_field));
            fields.resize(sheet.header.len(), String::new());
            writer.write_record(&fields).map_err(failed)?;
        }
        writer
            .flush()
            .map_err(|error| WriteError::Csv(error.to_string()))?;
    }
    Ok(output)
}

fn csv_field(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => escape_formula(text).into_owned(),
        // Typed values never start a formula: a negative number is a number.
        other => other.to_text(),
    }
}
