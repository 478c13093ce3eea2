//! Importing an inventory spreadsheet as members keep it: the file is read
//! by `sheets` (hostile until parsed), its table found under French headers
//! in any order (`columns`), each row turned into an item with every
//! problem reported at its cell, then compared with the operator's stored
//! items by their natural key (the inventory reference, or site, name,
//! brand and model): new lines are created, changed ones updated, items of
//! the file's scope that the file no longer lists are retired, and lines
//! naming a retired item restore it. Nothing is written unless every row
//! is right, and then everything is written in one transaction.

use std::collections::HashMap;
use std::sync::Arc;

use domain::catalog::Catalog;
use domain::codes::{CompetenceCode, TradeCode};
use domain::equipment::{
    EquipmentCondition, EquipmentDraft, EquipmentError, EquipmentItem, EquipmentStatus, NaturalKey,
    NewEquipment, Refrigerant, Sharing, SharingTerms,
};
use domain::operator::{OperatorId, Site, SiteId};
use domain::revision::{AuditAction, AuditedObject, changes};
use domain::text::fold;
use domain::vocabulary::{Vocabulary, VocabularyMatch};
use sheets::{CellError, FieldError, FieldProblem, Location, ReadLimits, TableRow};
use storage::InventoryChange;

use super::columns::{CONDITION_EXPECTED, InventoryColumn, header_spec, read_condition};
use super::{DEFAULT_NOTICE_DAYS, this_year, written_category};
use crate::partners::{actor, authorise_edit};
use crate::viewer::Viewer;
use crate::{App, AppError, AppResult};

/// A file to import for an operator.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub operator: OperatorId,
    /// The site (its reference, name or locality) of rows that name none;
    /// it also bounds what the file is the inventory of.
    pub site: Option<String>,
    /// The sheet to read, when the file has several.
    pub sheet: Option<String>,
    /// The name the file came with: its extension must match its content.
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
    /// Report what would change without writing.
    pub dry_run: bool,
}

/// Where a problem is and what was expected there. Nothing of the file is
/// quoted but the one cell at fault, shortened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// `None` for a CSV file.
    pub sheet: Option<String>,
    pub row: u32,
    /// The column's header as the file writes it.
    pub column: String,
    /// Its letters (`C`); `None` when the file lacks the column.
    pub column_letters: Option<String>,
    pub message: String,
    pub expected: Option<String>,
    /// The cell as written, shortened.
    pub found: Option<String>,
}

/// What an import did, or would do.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// The sheet read (the CSV file's name for a CSV file).
    pub sheet: String,
    pub header_row: u32,
    /// Each column recognised: what it was read as, and its header in the file.
    pub columns: Vec<(InventoryColumn, String)>,
    /// Headers the import does not read (their cells are ignored).
    pub ignored_columns: Vec<String>,
    /// The data rows read.
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub retired: usize,
    /// Retired items a line brought back.
    pub restored: usize,
    /// Every problem, row by row; with any, nothing was written.
    pub problems: Vec<ImportProblem>,
    /// What was read generously (close spellings), to check.
    pub notes: Vec<ImportProblem>,
    pub dry_run: bool,
    /// Whether the changes were written.
    pub applied: bool,
}

/// The file's table, each row read into a draft or problems.
struct ReadInventory {
    report: ImportReport,
    lines: Vec<(u32, NewEquipment)>,
    /// The sites the file is the inventory of.
    scope: Vec<SiteId>,
}

/// Imports an operator's inventory file, for a partner of the operator or
/// an admin.
pub async fn import_equipment(
    app: &App,
    viewer: &Viewer,
    request: ImportRequest,
) -> AppResult<ImportReport> {
    authorise_edit(app, viewer, AuditedObject::Operator, request.operator.0).await?;
    run_import(app, &actor(viewer), request).await
}

/// Imports an inventory file from the command line (`wapi import-equipment`),
/// whoever runs it on the server: the audit trail names the command.
pub async fn import_equipment_from_command_line(
    app: &App,
    operator_code: &str,
    mut request_without_operator: ImportRequest,
) -> AppResult<ImportReport> {
    let code = domain::codes::OperatorCode::parse(operator_code)
        .map_err(|e| AppError::bad_input("operator", e))?;
    let operator = app
        .store()
        .operator_id_by_code(&code)
        .await?
        .ok_or_else(|| AppError::bad_input("operator", "no operator has this code"))?;
    request_without_operator.operator = operator;
    let actor = storage::Actor {
        account_id: None,
        name: "wapi import-equipment".to_owned(),
    };
    run_import(app, &actor, request_without_operator).await
}

async fn run_import(
    app: &App,
    actor: &storage::Actor,
    request: ImportRequest,
) -> AppResult<ImportReport> {
    let catalog = app.catalog();
    let limits = app.settings().import_limits.clone();
    let year = this_year(app);
    let source = request
        .file_name
        .clone()
        .map(|name| shown_file_name(&name))
        .unwrap_or_else(|| "spreadsheet".to_owned());
    let dry_run = request.dry_run;
    let operator = request.operator;
    // Reading and checking a large file is CPU work: off the async threads.
    let (mut report, plan) = tokio::task::spawn_blocking(move || {
        let read = read_inventory(&catalog, &request, &limits, year)?;
        Ok::<_, AppError>(plan_changes(&catalog, operator, read))
    })
    .await
    .map_err(AppError::internal)??;
    report.dry_run = dry_run;
    if !report.problems.is_empty() || dry_run || plan.is_empty() {
        return Ok(report);
    }
    app.store()
        .apply_inventory(actor, operator, &source, plan)
        .await?;
    app.after_write().await;
    report.applied = true;
    Ok(report)
}

/// The file's own name, without its folders, as the audit trail names it.
fn shown_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.chars().filter(|c| !c.is_control()).take(120).collect()
}

fn read_inventory(
    catalog: &Catalog,
    request: &ImportRequest,
    limits: &ReadLimits,
    year: i32,
) -> AppResult<ReadInventory> {
    let workbook = sheets::read_workbook(&request.bytes, request.file_name.as_deref(), limits)
        .map_err(|e| AppError::bad_input("file", e))?;
    let mut spec = header_spec();
    if let Some(sheet) = &request.sheet {
        spec = spec.in_sheet(sheet.clone());
    }
    let table = workbook
        .find_table(&spec)
        .map_err(|e| AppError::bad_input("file", e))?;
    let sites = catalog.sites_of(request.operator);
    let default_site = match &request.site {
        Some(written) => Some(
            find_site(&sites, written).map_err(|message| AppError::bad_input("site", message))?,
        ),
        None => None,
    };
    let scope = match default_site {
        Some(site) => vec![site],
        None => sites.iter().map(|s| s.id).collect(),
    };
    let mut reader = RowReader {
        catalog,
        operator: request.operator,
        sites,
        default_site,
        trades: trade_vocabulary(catalog),
        year,
        problems: Vec::new(),
        notes: Vec::new(),
    };
    let mut lines = Vec::new();
    let mut rows = 0;
    for row in table.rows() {
        rows += 1;
        if let Some(draft) = reader.read(&row) {
            lines.push((row.number(), draft));
        }
    }
    let report = ImportReport {
        sheet: table.sheet_name().to_owned(),
        header_row: table.header_row(),
        columns: table
            .columns()
            .iter()
            .map(|mapped| (mapped.key, mapped.column.header.clone()))
            .collect(),
        ignored_columns: table
            .unknown_columns()
            .iter()
            .map(ToString::to_string)
            .collect(),
        rows,
        problems: reader.problems,
        notes: reader.notes,
        ..ImportReport::default()
    };
    Ok(ReadInventory {
        report,
        lines,
        scope,
    })
}

/// Trades as files write them: code or name, or close spellings of those.
fn trade_vocabulary(catalog: &Catalog) -> Vocabulary<TradeCode> {
    let mut vocabulary = Vocabulary::new();
    for trade in catalog.trades() {
        vocabulary.add(
            trade.code.clone(),
            trade.code.as_str(),
            [trade.name.as_str()],
        );
    }
    vocabulary
}

/// A site of the operator as a file or a command names it: its reference,
/// its name or its locality, when only one site answers to it.
fn find_site(sites: &[&Site], written: &str) -> Result<SiteId, String> {
    let folded = fold(written.trim());
    let known = || {
        sites
            .iter()
            .map(|s| format!("'{}' ({})", s.name, s.address.locality))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for matches in [
        |s: &Site, w: &str| fold(&s.name) == w,
        |s: &Site, w: &str| fold(&s.address.locality) == w,
    ] {
        let found: Vec<&&Site> = sites.iter().filter(|s| matches(s, &folded)).collect();
        match found.as_slice() {
            [one] => return Ok(one.id),
            [] => {}
            _ => {
                return Err(format!(
                    "names several sites of the operator; give the site's name (one of {})",
                    known()
                ));
            }
        }
    }
    Err(format!(
        "is not a site of the operator (its sites: {})",
        known()
    ))
}

/// Reads rows into drafts, collecting problems.
struct RowReader<'c> {
    catalog: &'c Catalog,
    operator: OperatorId,
    sites: Vec<&'c Site>,
    default_site: Option<SiteId>,
    trades: Vocabulary<TradeCode>,
    year: i32,
    problems: Vec<ImportProblem>,
    notes: Vec<ImportProblem>,
}

type Row<'t, 'w> = TableRow<'t, 'w, InventoryColumn>;

fn problem_at(location: Location, message: impl Into<String>) -> ImportProblem {
    ImportProblem {
        sheet: location.sheet,
        row: location.row,
        column: location.column_header,
        column_letters: location.column_index.map(sheets::column_letters),
        message: message.into(),
        expected: None,
        found: None,
    }
}

/// A cell shortened as the `sheets` crate shortens it.
fn shown(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() > CellError::SHOWN_CHARS {
        let mut shortened: String = text.chars().take(CellError::SHOWN_CHARS).collect();
        shortened.push('…');
        shortened
    } else {
        text.to_owned()
    }
}

impl RowReader<'_> {
    fn report(
        &mut self,
        row: &Row<'_, '_>,
        column: InventoryColumn,
        message: &str,
        expected: &str,
    ) {
        let mut problem = problem_at(row.location(column), message);
        problem.expected = Some(expected.to_owned());
        problem.found = row.text(column).map(|t| shown(&t));
        self.problems.push(problem);
    }

    fn field_error(&mut self, error: FieldError) {
        let message = error.problem.to_string();
        let mut problem = problem_at(error.location, message);
        if let FieldProblem::Cell(cell) = &error.problem {
            problem.message = format!("is not {}", cell.expected);
            problem.expected = Some(cell.expected.to_string());
            problem.found = Some(cell.found.clone());
        }
        self.problems.push(problem);
    }

    fn note(&mut self, row: &Row<'_, '_>, column: InventoryColumn, message: String) {
        let mut note = problem_at(row.location(column), message);
        note.found = row.text(column).map(|t| shown(&t));
        self.notes.push(note);
    }

    fn cell<T>(&mut self, read: Result<Option<T>, FieldError>) -> Option<T> {
        match read {
            Ok(value) => value,
            Err(error) => {
                self.field_error(error);
                None
            }
        }
    }

    /// One row into an item; `None` when a problem was reported.
    fn read(&mut self, row: &Row<'_, '_>) -> Option<NewEquipment> {
        use InventoryColumn as C;
        let before = self.problems.len();
        let name = row.text(C::Name);
        if name.is_none() {
            self.report(row, C::Name, "is empty", "the item's name (Désignation)");
        }
        let category = match row.text(C::Category) {
            None => {
                self.report(
                    row,
                    C::Category,
                    "is empty",
                    "a category of the vocabulary (its code or label)",
                );
                None
            }
            Some(written) => match written_category(self.catalog, &written) {
                Ok((code, read_as)) => {
                    if let Some(read_as) = read_as {
                        self.note(row, C::Category, read_as);
                    }
                    Some(code)
                }
                Err(message) => {
                    self.report(row, C::Category, &message, "a category of the vocabulary");
                    None
                }
            },
        };
        let quantity = self.cell(row.integer(C::Quantity));
        let quantity = match quantity {
            Some(q) if q < 0 => {
                self.report(row, C::Quantity, "is negative", "a whole number from 1");
                None
            }
            Some(q) => Some(q.unsigned_abs()),
            None => Some(1),
        };
        let condition = match row.text(C::Condition) {
            None => EquipmentCondition::Good,
            Some(written) => read_condition(&written).unwrap_or_else(|| {
                self.report(row, C::Condition, "is not a condition", CONDITION_EXPECTED);
                EquipmentCondition::Good
            }),
        };
        let year = self.year_acquired(row);
        let site = self.site(row);
        let trade_codes = self.trades(row, category.as_ref());
        let competence_codes = self.competences(row);
        let refrigerant = row.text(C::Refrigerant).and_then(|written| {
            Refrigerant::parse(&written)
                .map_err(|e| {
                    self.report(
                        row,
                        C::Refrigerant,
                        &e.to_string(),
                        "R-32, R-410A, R-1234yf…",
                    )
                })
                .ok()
        });
        let sharing = self.sharing(row);
        let is_public = self.cell(row.boolean(C::Public)).unwrap_or(true);
        if self.problems.len() > before {
            return None;
        }
        let draft = EquipmentDraft {
            operator_id: self.operator,
            site_id: site?,
            inventory_reference: row.text(C::Reference),
            name: name?,
            category: category?,
            brand: row.text(C::Brand),
            model: row.text(C::Model),
            quantity: quantity?,
            condition,
            year_acquired: year,
            trade_codes,
            competence_codes,
            refrigerant,
            notes: row.text(C::Notes),
            sharing,
            is_public,
        };
        // The domain's own rules, reported at the column they are about.
        match NewEquipment::parse(draft, self.catalog.equipment_vocabulary(), self.year) {
            Ok(new) => Some(new),
            Err(error) => {
                let column = column_of(&error);
                let mut problem = problem_at(row.location(column), error.to_string());
                problem.found = row.text(column).map(|t| shown(&t));
                self.problems.push(problem);
                None
            }
        }
    }

    fn year_acquired(&mut self, row: &Row<'_, '_>) -> Option<i64> {
        use chrono::Datelike;
        match row.integer(InventoryColumn::YearAcquired) {
            Ok(year) => year,
            // A date of acquisition gives its year.
            Err(error) => match row.date(InventoryColumn::YearAcquired) {
                Ok(date) => date.map(|d| i64::from(d.year())),
                Err(_) => {
                    self.field_error(error);
                    self.problems.last_mut().expect("just reported").expected =
                        Some("a year (2019) or a date (12/03/2019)".to_owned());
                    None
                }
            },
        }
    }

    fn site(&mut self, row: &Row<'_, '_>) -> Option<SiteId> {
        match row.text(InventoryColumn::Site) {
            Some(written) => match find_site(&self.sites, &written) {
                Ok(site) if self.default_site.is_some_and(|d| d != site) => {
                    self.report(
                        row,
                        InventoryColumn::Site,
                        "is not the site this import is for",
                        "the site given to the import, or no site",
                    );
                    None
                }
                Ok(site) => Some(site),
                Err(message) => {
                    self.report(
                        row,
                        InventoryColumn::Site,
                        &message,
                        "a site of the operator",
                    );
                    None
                }
            },
            None => match (self.default_site, self.sites.as_slice()) {
                (Some(site), _) => Some(site),
                (None, [only]) => Some(only.id),
                (None, _) => {
                    self.report(
                        row,
                        InventoryColumn::Site,
                        "is empty, and the operator has several sites",
                        "the site's name, or a site given to the whole import",
                    );
                    None
                }
            },
        }
    }

    fn trades(
        &mut self,
        row: &Row<'_, '_>,
        category: Option<&domain::equipment::EquipmentCategoryCode>,
    ) -> Vec<TradeCode> {
        let Some(written) = row.text(InventoryColumn::Trades) else {
            // Without trades, those its category serves.
            return category
                .and_then(|c| self.catalog.equipment_vocabulary().get(c))
                .map(|c| c.trade_codes.clone())
                .unwrap_or_default();
        };
        let mut codes: Vec<TradeCode> = Vec::new();
        for part in split_list(&written) {
            match self.trades.find(part) {
                VocabularyMatch::Exact(code) => codes.push(code),
                VocabularyMatch::Close { key, name } => {
                    self.note(
                        row,
                        InventoryColumn::Trades,
                        format!("'{}' read as the trade '{name}' ({key})", shown(part)),
                    );
                    codes.push(key);
                }
                VocabularyMatch::Ambiguous(keys) => self.report(
                    row,
                    InventoryColumn::Trades,
                    &format!(
                        "'{}' could be any of {}",
                        shown(part),
                        keys.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    "trade codes or names, separated by commas",
                ),
                VocabularyMatch::Unknown => self.report(
                    row,
                    InventoryColumn::Trades,
                    &format!("'{}' is not a trade", shown(part)),
                    "trade codes or names (the `trades` query lists them), separated by commas",
                ),
            }
        }
        codes.sort();
        codes.dedup();
        codes
    }

    fn competences(&mut self, row: &Row<'_, '_>) -> Vec<CompetenceCode> {
        let Some(written) = row.text(InventoryColumn::Competences) else {
            return Vec::new();
        };
        let mut codes = Vec::new();
        for part in split_list(&written) {
            match CompetenceCode::parse(part) {
                Ok(code) => codes.push(code),
                Err(e) => self.report(
                    row,
                    InventoryColumn::Competences,
                    &format!("'{}': {e}", shown(part)),
                    "competence codes separated by commas",
                ),
            }
        }
        codes.sort();
        codes.dedup();
        codes
    }

    fn sharing(&mut self, row: &Row<'_, '_>) -> Sharing {
        use InventoryColumn as C;
        if !self.cell(row.boolean(C::Shareable)).unwrap_or(false) {
            return Sharing::NotShared;
        }
        let supervision_required = self
            .cell(row.boolean(C::SupervisionRequired))
            .unwrap_or(true);
        let max_group_size = self.cell(row.integer(C::MaxGroupSize)).and_then(|size| {
            u32::try_from(size)
                .map_err(|_| {
                    self.report(
                        row,
                        C::MaxGroupSize,
                        "is out of range",
                        "a whole number from 1",
                    )
                })
                .ok()
        });
        let cost = self.cost(row);
        let notice_days = self
            .cell(row.integer(C::NoticeDays))
            .map_or(Some(DEFAULT_NOTICE_DAYS), |days| {
                u32::try_from(days)
                    .map_err(|_| {
                        self.report(
                            row,
                            C::NoticeDays,
                            "is out of range",
                            "a number of days from 0",
                        )
                    })
                    .ok()
            })
            .unwrap_or(DEFAULT_NOTICE_DAYS);
        Sharing::Shared(SharingTerms {
            supervision_required,
            prerequisite: row.text(C::Prerequisite),
            max_group_size,
            cost_per_half_day_cents: cost,
            notice_days,
        })
    }

    /// Euros per half-day ("25", "12,50", "gratuit"), in cents.
    fn cost(&mut self, row: &Row<'_, '_>) -> u32 {
        let column = InventoryColumn::CostPerHalfDay;
        if let Some(text) = row.text(column)
            && matches!(fold(&text).trim(), "gratuit" | "gratuite" | "free" | "-")
        {
            return 0;
        }
        match row.decimal(column) {
            Ok(None) => 0,
            Ok(Some(euros)) if (0.0..=100_000.0).contains(&euros) => (euros * 100.0).round() as u32,
            Ok(Some(_)) => {
                self.report(
                    row,
                    column,
                    "is out of range",
                    "an amount in euros from 0 to 100000, or 'gratuit'",
                );
                0
            }
            Err(error) => {
                self.field_error(error);
                0
            }
        }
    }
}

/// "a, b; c / d" → ["a", "b", "c", "d"].
fn split_list(written: &str) -> impl Iterator<Item = &str> {
    written
        .split([',', ';', '/', '\n', '|'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

/// The column an item rule is about.
fn column_of(error: &EquipmentError) -> InventoryColumn {
    match error.field() {
        "quantity" => InventoryColumn::Quantity,
        "yearAcquired" => InventoryColumn::YearAcquired,
        "inventoryReference" => InventoryColumn::Reference,
        "brand" => InventoryColumn::Brand,
        "model" => InventoryColumn::Model,
        "notes" => InventoryColumn::Notes,
        "refrigerant" => InventoryColumn::Refrigerant,
        "category" => InventoryColumn::Category,
        "tradeCodes" => InventoryColumn::Trades,
        "competenceCodes" => InventoryColumn::Competences,
        "sharing.maxGroupSize" => InventoryColumn::MaxGroupSize,
        "sharing.costPerHalfDayCents" => InventoryColumn::CostPerHalfDay,
        "sharing.noticeDays" => InventoryColumn::NoticeDays,
        "sharing.prerequisite" => InventoryColumn::Prerequisite,
        _ => InventoryColumn::Name,
    }
}

/// Compares the file's lines with the stored items and decides each write.
fn plan_changes(
    catalog: &Arc<Catalog>,
    operator: OperatorId,
    read: ReadInventory,
) -> (ImportReport, Vec<InventoryChange>) {
    let ReadInventory {
        mut report,
        lines,
        scope,
    } = read;
    let stored = catalog.equipment_of_operator(operator, true);
    let by_key: HashMap<NaturalKey, &EquipmentItem> = stored
        .iter()
        .map(|item| (item.natural_key(), *item))
        .collect();
    let mut seen: HashMap<NaturalKey, u32> = HashMap::new();
    let mut plan = Vec::new();
    for (row, new) in lines {
        let key = new.item().natural_key();
        if let Some(first) = seen.insert(key.clone(), row) {
            report.problems.push(ImportProblem {
                sheet: None,
                row,
                column: InventoryColumn::Reference.header().to_owned(),
                column_letters: None,
                message: format!(
                    "is the same item as row {first} (same inventory reference, or same site, name, brand and model without one); sum the quantities or give each its own reference"
                ),
                expected: Some("one line per item".to_owned()),
                found: None,
            });
            continue;
        }
        match by_key.get(&key) {
            None => {
                report.created += 1;
                plan.push(InventoryChange::Create(Box::new(new)));
            }
            Some(existing) => {
                let mut after = new.into_item();
                after.id = existing.id;
                after.is_demo = existing.is_demo;
                after.status = EquipmentStatus::Active;
                let restoring = existing.status == EquipmentStatus::Retired;
                if changes(Some(*existing), &after).is_empty() {
                    report.unchanged += 1;
                    continue;
                }
                if restoring {
                    report.restored += 1;
                } else {
                    report.updated += 1;
                }
                plan.push(InventoryChange::Update {
                    before: Box::new((*existing).clone()),
                    after: Box::new(after),
                    action: if restoring {
                        AuditAction::Restore
                    } else {
                        AuditAction::Update
                    },
                });
            }
        }
    }
    // What the file no longer lists, in its scope, leaves the inventory.
    for item in stored {
        if item.status == EquipmentStatus::Active
            && scope.contains(&item.site_id)
            && !seen.contains_key(&item.natural_key())
        {
            let mut retired = item.clone();
            retired.status = EquipmentStatus::Retired;
            report.retired += 1;
            plan.push(InventoryChange::Update {
                before: Box::new(item.clone()),
                after: Box::new(retired),
                action: AuditAction::Retire,
            });
        }
    }
    (report, plan)
}
