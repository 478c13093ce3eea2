//! Finding a table's header in the caller's vocabulary. The caller names
//! its columns and the words people use for them; this module finds the
//! sheet and the row where those words appear (past title rows and merged
//! cells above the header), and maps each of the caller's keys to a column.
//!
//! Headers are compared folded (accents, case, punctuation and spaces
//! ignored), first whole, then without their remarks in brackets, so
//! "Quantité (pièces)" still finds a column named "Quantité".

use std::fmt;

use crate::error::shown_name;
use crate::normalise::{fold_label, without_remarks};
use crate::sheet::{Row, Sheet, Workbook};
use crate::table::{ColumnRef, MappedColumn, Table};

/// One column the caller expects, under its key and the names people give
/// it. The first name is the one messages use.
#[derive(Debug, Clone)]
pub struct ExpectedColumn<K> {
    key: K,
    names: Vec<String>,
    folded_names: Vec<String>,
    /// The names folded once their bracketed remarks are set aside.
    bare_names: Vec<String>,
    required: bool,
}

impl<K> ExpectedColumn<K> {
    /// An optional column. `names` must not be empty.
    pub fn new(key: K, names: &[&str]) -> Self {
        Self {
            key,
            names: names.iter().map(|name| (*name).to_owned()).collect(),
            folded_names: names.iter().map(|name| fold_label(name)).collect(),
            bare_names: names
                .iter()
                .map(|name| fold_label(&without_remarks(name)))
                .collect(),
            required: false,
        }
    }

    /// A column without which the table cannot be read.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// The name messages use for the column.
    pub fn label(&self) -> &str {
        self.names.first().map_or("", String::as_str)
    }
}

/// What to look for: the expected columns, and where.
#[derive(Debug, Clone)]
pub struct HeaderSpec<K> {
    columns: Vec<ExpectedColumn<K>>,
    rows_scanned: usize,
    sheet: Option<String>,
    min_matches: usize,
}

impl<K: Copy + PartialEq + fmt::Debug> HeaderSpec<K> {
    /// By default the header is looked for in the first 20 rows of every
    /// sheet, and a row is a header when it names at least two expected
    /// columns (one when only one is expected).
    pub fn new(columns: Vec<ExpectedColumn<K>>) -> Self {
        let min_matches = columns.len().min(2);
        Self {
            columns,
            rows_scanned: 20,
            sheet: None,
            min_matches,
        }
    }

    /// How many rows that hold something are scanned from the top of each sheet.
    pub fn rows_scanned(mut self, rows: usize) -> Self {
        self.rows_scanned = rows;
        self
    }

    /// Reads this sheet only (its name compared folded, so "inventaire"
    /// finds "Inventaire").
    pub fn in_sheet(mut self, name: impl Into<String>) -> Self {
        self.sheet = Some(name.into());
        self
    }

    /// How many expected columns a row must name to be taken for the header.
    pub fn min_matches(mut self, matches: usize) -> Self {
        self.min_matches = matches.max(1);
        self
    }

    pub fn columns(&self) -> &[ExpectedColumn<K>] {
        &self.columns
    }

    pub(crate) fn label_of(&self, key: K) -> &str {
        self.columns
            .iter()
            .find(|column| column.key == key)
            .map_or("", ExpectedColumn::label)
    }

    /// The keys whose names a header matches: whole names first, then names
    /// without their bracketed remarks.
    fn keys_for(&self, header: &str) -> Vec<K> {
        let whole = fold_label(header);
        if whole.is_empty() {
            return Vec::new();
        }
        let found = self.keys_with_folded(&whole, false);
        if !found.is_empty() {
            return found;
        }
        let bare = fold_label(&without_remarks(header));
        if bare.is_empty() {
            return Vec::new();
        }
        self.keys_with_folded(&bare, true)
    }

    fn keys_with_folded(&self, folded: &str, names_without_remarks: bool) -> Vec<K> {
        self.columns
            .iter()
            .filter(|column| {
                let names = if names_without_remarks {
                    &column.bare_names
                } else {
                    &column.folded_names
                };
                names.iter().any(|name| name == folded)
            })
            .map(|column| column.key)
            .collect()
    }

    /// How many distinct expected columns a row names.
    fn score(&self, row: &Row) -> usize {
        let mut seen: Vec<K> = Vec::new();
        for cell in row.cells() {
            if let Some(header) = cell.text() {
                for key in self.keys_for(&header) {
                    if !seen.contains(&key) {
                        seen.push(key);
                    }
                }
            }
        }
        seen.len()
    }
}

/// Why no table could be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    #[error(
        "there is no sheet named '{requested}'; the file has {}",
        quoted(available)
    )]
    SheetNotFound {
        requested: String,
        available: Vec<String>,
    },

    #[error(
        "no header row was found in the first {rows_scanned} rows of {}: a header names at least {min_matches} of the columns {}",
        quoted(sheets),
        quoted(expected)
    )]
    NoHeader {
        sheets: Vec<String>,
        rows_scanned: usize,
        min_matches: usize,
        expected: Vec<String>,
    },

    #[error("{}: {}", crate::error::place(sheet.as_deref(), Some(*row)), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Columns {
        /// `None` for a CSV file.
        sheet: Option<String>,
        /// The header's row number.
        row: u32,
        problems: Vec<ColumnProblem>,
    },
}

/// A problem with the header's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnProblem {
    /// A required column is absent.
    Missing { label: String },
    /// Several columns of the file name the same expected column.
    Duplicate {
        label: String,
        columns: Vec<ColumnRef>,
    },
    /// One column of the file matches several expected columns (the
    /// caller's names overlap).
    Ambiguous {
        column: ColumnRef,
        labels: Vec<String>,
    },
}

impl fmt::Display for ColumnProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnProblem::Missing { label } => write!(f, "the column '{label}' is missing"),
            ColumnProblem::Duplicate { label, columns } => {
                let columns: Vec<String> = columns.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "several columns are '{label}': {}; keep one",
                    columns.join(", ")
                )
            }
            ColumnProblem::Ambiguous { column, labels } => {
                write!(
                    f,
                    "the column {column} could be {}; rename it",
                    quoted(labels)
                )
            }
        }
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("'{name}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Workbook {
    /// Finds the table the spec describes: in the sheet it names, or in the
    /// sheet whose best row names the most expected columns (the first such
    /// sheet on a tie); in that sheet, the first row naming the most.
    pub fn find_table<K: Copy + PartialEq + fmt::Debug>(
        &self,
        spec: &HeaderSpec<K>,
    ) -> Result<Table<'_, K>, HeaderError> {
        let candidates = self.candidate_sheets(spec)?;
        let mut best: Option<(&Sheet, usize, usize)> = None;
        for sheet in &candidates {
            for (position, row) in sheet.rows().iter().take(spec.rows_scanned).enumerate() {
                let score = spec.score(row);
                if score >= spec.min_matches
                    && best.is_none_or(|(_, _, best_score)| score > best_score)
                {
                    best = Some((sheet, position, score));
                }
            }
        }
        let Some((sheet, position, _)) = best else {
            return Err(HeaderError::NoHeader {
                sheets: candidates
                    .iter()
                    .map(|sheet| shown_name(sheet.name()))
                    .collect(),
                rows_scanned: spec.rows_scanned,
                min_matches: spec.min_matches,
                expected: spec
                    .columns
                    .iter()
                    .map(|column| column.label().to_owned())
                    .collect(),
            });
        };
        map_columns(sheet, position, spec)
    }

    fn candidate_sheets<K: Copy + PartialEq + fmt::Debug>(
        &self,
        spec: &HeaderSpec<K>,
    ) -> Result<Vec<&Sheet>, HeaderError> {
        let Some(requested) = &spec.sheet else {
            return Ok(self.sheets().iter().collect());
        };
        let folded = fold_label(requested);
        let exact = self.sheets().iter().find(|sheet| sheet.name() == requested);
        match exact.or_else(|| {
            self.sheets()
                .iter()
                .find(|sheet| fold_label(sheet.name()) == folded)
        }) {
            Some(sheet) => Ok(vec![sheet]),
            None => Err(HeaderError::SheetNotFound {
                requested: shown_name(requested),
                available: self
                    .sheets()
                    .iter()
                    .map(|sheet| shown_name(sheet.name()))
                    .collect(),
            }),
        }
    }
}

/// Maps the header row's columns to the spec's keys, or lists every
/// problem found.
fn map_columns<'w, K: Copy + PartialEq + fmt::Debug>(
    sheet: &'w Sheet,
    position: usize,
    spec: &HeaderSpec<K>,
) -> Result<Table<'w, K>, HeaderError> {
    let header = &sheet.rows()[position];
    let mut mapped: Vec<MappedColumn<K>> = Vec::new();
    let mut unknown = Vec::new();
    let mut problems = Vec::new();
    for (index, cell) in header.cells().iter().enumerate() {
        let Some(text) = cell.text() else {
            continue;
        };
        let column = ColumnRef::new(index, &text);
        match spec.keys_for(&text).as_slice() {
            [] => unknown.push(column),
            [key] => mapped.push(MappedColumn { key: *key, column }),
            several => problems.push(ColumnProblem::Ambiguous {
                column,
                labels: several
                    .iter()
                    .map(|key| spec.label_of(*key).to_owned())
                    .collect(),
            }),
        }
    }
    for expected in &spec.columns {
        let columns: Vec<ColumnRef> = mapped
            .iter()
            .filter(|candidate| candidate.key == expected.key)
            .map(|candidate| candidate.column.clone())
            .collect();
        if columns.len() > 1 {
            problems.push(ColumnProblem::Duplicate {
                label: expected.label().to_owned(),
                columns,
            });
        } else if columns.is_empty() && expected.required {
            problems.push(ColumnProblem::Missing {
                label: expected.label().to_owned(),
            });
        }
    }
    if !problems.is_empty() {
        return Err(HeaderError::Columns {
            sheet: sheet.sheet_label().map(shown_name),
            row: header.number(),
            problems,
        });
    }
    let labels = spec
        .columns
        .iter()
        .map(|column| (column.key, column.label().to_owned()))
        .collect();
    Ok(Table::new(sheet, position, mapped, unknown, labels))
}
