//! CSV files read into one sheet whose rows keep the line each record
//! starts on. Fields are text: CSV carries no types (see [`crate::Cell`]).

use crate::cell::Cell;
use crate::csv_escape::unescape_formula;
use crate::detect::Format;
use crate::error::ReadError;
use crate::limits::ReadLimits;
use crate::separator::detect_separator;
use crate::sheet::{CsvDialect, SheetBuilder, Workbook};
use crate::text_encoding::DecodedText;

/// Reads decoded CSV text. The sheet is named `sheet_name`.
pub(crate) fn read_csv(
    decoded: &DecodedText,
    sheet_name: String,
    limits: &ReadLimits,
) -> Result<Workbook, ReadError> {
    let separator = detect_separator(&decoded.text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator.byte)
        .from_reader(decoded.text.as_bytes());
    let mut builder = SheetBuilder::new(sheet_name, 0, true, limits);
    let mut cells_kept = 0_usize;
    let mut record = csv::StringRecord::new();
    let mut skip_first_record = separator.declared_on_first_line;
    let mut lines = LineCounter::new(&decoded.text);
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|error| ReadError::Unreadable {
                kind: Format::Csv.kind(),
                reason: error.to_string(),
            })?;
        if !more {
            break;
        }
        if std::mem::take(&mut skip_first_record) {
            continue;
        }
        let start = record.position().map_or(0, |position| position.byte());
        let line = lines.line_at(usize::try_from(start).unwrap_or(usize::MAX));
        for (column, field) in record.iter().enumerate() {
            builder.put(
                line,
                column,
                Cell::from(unescape_formula(field)),
                &mut cells_kept,
            )?;
        }
    }
    Ok(Workbook {
        format: Format::Csv,
        sheets: vec![builder.finish()?],
        csv: Some(CsvDialect {
            encoding: decoded.encoding,
            separator: separator.byte as char,
        }),
    })
}

/// Line numbers from byte offsets. The csv crate's own line count skips
/// blank lines and ignores lone carriage returns (old Mac files), and the
/// offset it gives for a record is where it resumed reading, before the
/// blank lines and the "\n" of a "\r\n" that precede the record. So lines
/// are counted here, up to the record's first byte that is no line break:
/// "\r\n", "\n" and a lone "\r" each end one line, as in every editor.
#[derive(Debug)]
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u32,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the record the csv crate reports at `offset`; offsets
    /// must not decrease. A record never starts with a line break (blank
    /// lines are no records, and a field starting with one is quoted).
    fn line_at(&mut self, offset: usize) -> u32 {
        let mut end = offset.min(self.text.len());
        while matches!(self.text.get(end), Some(b'\r' | b'\n')) {
            end += 1;
        }
        while self.offset < end {
            match self.text[self.offset] {
                b'\n' => self.line = self.line.saturating_add(1),
                b'\r' if self.text.get(self.offset + 1) != Some(&b'\n') => {
                    self.line = self.line.saturating_add(1);
                }
                _ => {}
            }
            self.offset += 1;
        }
        self.line
    }
}
