//! XLSX workbooks, read sheet by sheet through calamine's streaming cell
//! reader: a sheet becomes sparse rows as its XML is read, never the dense
//! grid calamine's ranges would allocate (one cell in XFD1048576 would make
//! that grid seventeen billion cells).

use std::io::Cursor;

use calamine::{Reader, SheetType, Xlsx, XlsxError};

use crate::detect::{FileKind, Format};
use crate::error::{ReadError, shown_name};
use crate::limits::ReadLimits;
use crate::sheet::{SheetBuilder, Workbook};
use crate::workbook_cells::from_data_ref;

/// Reads every worksheet (chart and macro sheets hold no rows).
pub(crate) fn read_xlsx(bytes: &[u8], limits: &ReadLimits) -> Result<Workbook, ReadError> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(refusal)?;
    let is_1904 = workbook.has_1904_epoch();
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .map(|sheet| sheet.name.clone())
        .collect();
    let mut sheets = Vec::with_capacity(names.len());
    let mut cells_kept = 0_usize;
    for (index, name) in names.into_iter().enumerate() {
        let mut cells = workbook.worksheet_cells_reader(&name).map_err(refusal)?;
        let mut builder = SheetBuilder::new(name, index, false, limits);
        while let Some(cell) = cells.next_cell().map_err(refusal)? {
            let (row, column) = cell.get_position();
            let value = from_data_ref(cell.get_value().clone(), is_1904);
            builder.put(
                row.saturating_add(1),
                column as usize,
                value,
                &mut cells_kept,
            )?;
        }
        sheets.push(builder.finish()?);
    }
    Ok(Workbook {
        format: Format::Xlsx,
        sheets,
        csv: None,
    })
}

fn refusal(error: XlsxError) -> ReadError {
    match error {
        XlsxError::Password => ReadError::PasswordProtected,
        other => ReadError::Unreadable {
            kind: FileKind::Xlsx,
            reason: shown_name(&other.to_string()),
        },
    }
}
