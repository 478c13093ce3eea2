//! ODS workbooks, read through calamine once [`crate::ods_guard`] has
//! counted what its grids will hold.

use std::io::Cursor;

use calamine::{Ods, OdsError, Reader};

use crate::detect::{FileKind, Format};
use crate::error::{ReadError, shown_name};
use crate::limits::ReadLimits;
use crate::ods_guard::check_ods_extent;
use crate::sheet::{SheetBuilder, Workbook};
use crate::workbook_cells::from_data;

pub(crate) fn read_ods(bytes: &[u8], limits: &ReadLimits) -> Result<Workbook, ReadError> {
    check_ods_extent(bytes, limits)?;
    let mut workbook: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(refusal)?;
    let names = workbook.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    let mut cells_kept = 0_usize;
    for (index, name) in names.into_iter().enumerate() {
        let range = workbook.worksheet_range(&name).map_err(refusal)?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let mut builder = SheetBuilder::new(name, index, false, limits);
        // Ranges start at the first filled cell; positions are made
        // absolute again so that rows and columns are the ones people see.
        for (offset, cells) in range.rows().enumerate() {
            let row = first_row.saturating_add(offset as u32).saturating_add(1);
            for (column_offset, value) in cells.iter().enumerate() {
                let column = first_column as usize + column_offset;
                builder.put(row, column, from_data(value.clone()), &mut cells_kept)?;
            }
        }
        sheets.push(builder.finish()?);
    }
    Ok(Workbook {
        format: Format::Ods,
        sheets,
        csv: None,
    })
}

fn refusal(error: OdsError) -> ReadError {
    match error {
        OdsError::Password => ReadError::PasswordProtected,
        other => ReadError::Unreadable {
            kind: FileKind::Ods,
            reason: shown_name(&other.to_string()),
        },
    }
}
