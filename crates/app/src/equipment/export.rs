//! Inventories written back as spreadsheets (CSV for Excel in Belgium,
//! XLSX), with the headers and words the import reads: an export edited
//! and imported again changes only what was edited.

use chrono::NaiveDateTime;
use domain::catalog::Catalog;
use domain::equipment::{EquipmentItem, EquipmentStatus, Sharing};
use domain::operator::OperatorId;
use sheets::{Cell, SheetToWrite};

use super::columns::{InventoryColumn, condition_label};
use crate::viewer::Viewer;
use crate::{AppError, AppResult};

/// A spreadsheet format to export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// Which columns an export writes: an operator's own export writes every
/// column, the public inventory leaves out what is the owner's business
/// (its inventory reference, its private notes) and adds who owns each item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportAudience {
    Owner,
    Public,
}

/// The header of the public export's extra columns.
const OPERATOR_HEADER: &str = "Opérateur";
const COMMUNE_HEADER: &str = "Commune";

fn columns(audience: ExportAudience) -> Vec<InventoryColumn> {
    InventoryColumn::ALL
        .into_iter()
        .filter(|c| {
            audience == ExportAudience::Owner
                || !matches!(c, InventoryColumn::Reference | InventoryColumn::Notes)
        })
        .collect()
}

fn yes_no(value: bool) -> Cell {
    Cell::Text(if value { "oui" } else { "non" }.to_owned())
}

fn text(value: Option<&str>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::Text(v.to_owned()))
}

/// One item's cell under a column.
fn cell(catalog: &Catalog, item: &EquipmentItem, column: InventoryColumn) -> Cell {
    let terms = item.sharing.terms();
    let number = |n: u32| Cell::Number(f64::from(n));
    match column {
        InventoryColumn::Reference => text(item.inventory_reference.as_deref()),
        InventoryColumn::Name => Cell::Text(item.name.clone()),
        InventoryColumn::Category => Cell::Text(
            catalog
                .equipment_vocabulary()
                .get(&item.category)
                .map_or_else(|| item.category.to_string(), |c| c.label.clone()),
        ),
        InventoryColumn::Brand => text(item.brand.as_deref()),
        InventoryColumn::Model => text(item.model.as_deref()),
        InventoryColumn::Quantity => number(item.quantity),
        InventoryColumn::Condition => Cell::Text(condition_label(item.condition).to_owned()),
        InventoryColumn::YearAcquired => item
            .year_acquired
            .map_or(Cell::Empty, |y| Cell::Number(f64::from(y))),
        InventoryColumn::Site => text(catalog.site(item.site_id).map(|s| s.name.as_str())),
        InventoryColumn::Trades => Cell::Text(
            item.trade_codes
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        InventoryColumn::Competences => {
            if item.competence_codes.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(
                    item.competence_codes
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            }
        }
        InventoryColumn::Refrigerant => text(item.refrigerant.as_ref().map(|r| r.as_str())),
        InventoryColumn::Shareable => yes_no(matches!(item.sharing, Sharing::Shared(_))),
        InventoryColumn::SupervisionRequired => {
            terms.map_or(Cell::Empty, |t| yes_no(t.supervision_required))
        }
        InventoryColumn::Prerequisite => text(terms.and_then(|t| t.prerequisite.as_deref())),
        InventoryColumn::MaxGroupSize => terms
            .and_then(|t| t.max_group_size)
            .map_or(Cell::Empty, number),
        InventoryColumn::CostPerHalfDay => terms.map_or(Cell::Empty, |t| {
            Cell::Number(f64::from(t.cost_per_half_day_cents) / 100.0)
        }),
        InventoryColumn::NoticeDays => terms.map_or(Cell::Empty, |t| number(t.notice_days)),
        InventoryColumn::Public => yes_no(item.is_public),
        InventoryColumn::Notes => text(item.notes.as_deref()),
    }
}

/// The sheet of an export.
pub fn sheet(
    catalog: &Catalog,
    items: &[&EquipmentItem],
    audience: ExportAudience,
) -> SheetToWrite {
    let columns = columns(audience);
    let mut header: Vec<String> = columns.iter().map(|c| c.header().to_owned()).collect();
    if audience == ExportAudience::Public {
        header.extend([OPERATOR_HEADER.to_owned(), COMMUNE_HEADER.to_owned()]);
    }
    let rows = items
        .iter()
        .map(|item| {
            let mut row: Vec<Cell> = columns.iter().map(|&c| cell(catalog, item, c)).collect();
            if audience == ExportAudience::Public {
                row.push(text(
                    catalog.operator(item.operator_id).map(|o| o.name.as_str()),
                ));
                row.push(text(
                    catalog
                        .site(item.site_id)
                        .and_then(|s| catalog.commune(&s.commune_nis))
                        .map(|c| c.name_fr.as_str()),
                ));
            }
            row
        })
        .collect();
    SheetToWrite {
        name: "Inventaire".to_owned(),
        header,
        rows,
    }
}

/// Writes a sheet in a format; `created` is the XLSX file's creation date.
fn write(sheet: &SheetToWrite, format: ExportFormat, created: NaiveDateTime) -> AppResult<Vec<u8>> {
    match format {
        ExportFormat::Csv => sheets::write_csv(sheet),
        ExportFormat::Xlsx => sheets::write_xlsx(sheet, created),
    }
    .map_err(AppError::internal)
}

/// These items as a file. The XLSX file is dated when the newest of them
/// changed, so the same inventory always gives the same bytes.
pub fn items_file(
    catalog: &Catalog,
    items: &[&EquipmentItem],
    audience: ExportAudience,
    format: ExportFormat,
) -> AppResult<Vec<u8>> {
    let created = items
        .iter()
        .map(|item| item.updated_at)
        .max()
        .unwrap_or(chrono::DateTime::UNIX_EPOCH)
        .naive_utc();
    write(&sheet(catalog, items, audience), format, created)
}

/// An operator's inventory, every active item with every column, private
/// ones included, ready to edit and import again. For the command line,
/// which runs on the server; partners go through [`operator_inventory`].
pub fn inventory_of(
    catalog: &Catalog,
    operator: OperatorId,
    format: ExportFormat,
) -> AppResult<Vec<u8>> {
    if catalog.operator(operator).is_none() {
        return Err(AppError::NotFound("operator does not exist".to_owned()));
    }
    let items: Vec<&EquipmentItem> = catalog
        .equipment_of_operator(operator, true)
        .into_iter()
        .filter(|item| item.status == EquipmentStatus::Active)
        .collect();
    items_file(catalog, &items, ExportAudience::Owner, format)
}

/// [`inventory_of`], for the operator's partners and admins.
pub fn operator_inventory(
    catalog: &Catalog,
    viewer: &Viewer,
    operator: OperatorId,
    format: ExportFormat,
) -> AppResult<Vec<u8>> {
    crate::policy::allow(viewer, crate::policy::Action::ReadUnpublished(operator))?;
    inventory_of(catalog, operator, format)
}
