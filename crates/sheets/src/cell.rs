//! A cell's value as the file holds it, and the typed readings callers need,
//! each refusing with the kind of value it expected and the cell it got.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};

use crate::date::{format_date, format_datetime, from_excel_serial, parse_date, parse_datetime};
use crate::number::{format_decimal, parse_decimal};
use crate::yes_no::{format_yes_no, parse_yes_no};

/// One cell. CSV files give only [`Cell::Text`] and [`Cell::Empty`]: CSV has
/// no types, and guessing them would turn references such as "0032" or
/// "12E3" into numbers. The typed readings ([`Cell::integer`],
/// [`Cell::decimal`], …) accept both the typed cells of a workbook and the
/// text of a CSV, so a caller reads every format the same way.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    /// Nothing, or only spaces.
    #[default]
    Empty,
    /// Text as the file holds it (not trimmed). Formula errors such as
    /// `#DIV/0!` arrive as their text.
    Text(String),
    /// A number without a date format.
    Number(f64),
    /// A true/false cell (Excel's VRAI/FAUX).
    Bool(bool),
    /// A cell with a date format and no time of day.
    Date(NaiveDate),
    /// A cell with a date format and a time of day (to the millisecond). A
    /// workbook's date-and-time at exactly midnight reads as a [`Cell::Date`]:
    /// the file stores the same number for both.
    DateTime(NaiveDateTime),
}

/// What a typed reading expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    WholeNumber,
    Decimal,
    YesNo,
    Date,
    DateTime,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::WholeNumber => "a whole number",
            Expected::Decimal => "a number (such as 12 or 1,5)",
            Expected::YesNo => "yes or no (oui, non, x, 1 or 0)",
            Expected::Date => "a date (dd/mm/yyyy)",
            Expected::DateTime => "a date and time (dd/mm/yyyy hh:mm)",
        })
    }
}

/// A cell that does not hold what a typed reading expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected}, got '{found}'")]
pub struct CellError {
    pub expected: Expected,
    /// The cell's text, shortened to [`CellError::SHOWN_CHARS`] characters
    /// so that a message never carries more than the one cell.
    pub found: String,
}

impl CellError {
    /// How much of the offending cell a message shows.
    pub const SHOWN_CHARS: usize = 60;

    fn new(expected: Expected, cell: &Cell) -> Self {
        let text = cell.to_text();
        let trimmed = text.trim();
        let found = if trimmed.chars().count() > Self::SHOWN_CHARS {
            let mut shortened: String = trimmed.chars().take(Self::SHOWN_CHARS).collect();
            shortened.push('…');
            shortened
        } else {
            trimmed.to_owned()
        };
        Self { expected, found }
    }
}

/// The largest f64 below 2⁶³: integers beyond it do not fit an i64.
const I64_LIMIT: f64 = 9_223_372_036_854_775_808.0;

impl Cell {
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell in the canonical text form this crate writes to CSV (not
    /// trimmed): numbers with a decimal comma and no thousands separator,
    /// booleans as "oui"/"non", dates as dd/mm/yyyy, date-times as
    /// "dd/mm/yyyy hh:mm:ss"; empty is "".
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(value) => format_decimal(*value),
            Cell::Bool(value) => format_yes_no(*value).to_owned(),
            Cell::Date(date) => format_date(*date),
            Cell::DateTime(datetime) => format_datetime(*datetime),
        }
    }

    /// The cell as trimmed text (a number as [`Cell::to_text`] writes it, so
    /// a reference typed as a number in Excel reads as "1234"); `None` when
    /// empty.
    pub fn text(&self) -> Option<String> {
        let text = self.to_text();
        let trimmed = text.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    /// A whole number: a number cell without a fraction, or text such as
    /// "12", "1 234" or "3,0".
    pub fn integer(&self) -> Result<Option<i64>, CellError> {
        let Some(value) = self.decimal_or(Expected::WholeNumber)? else {
            return Ok(None);
        };
        if value.fract() != 0.0 || value.abs() >= I64_LIMIT {
            return Err(CellError::new(Expected::WholeNumber, self));
        }
        Ok(Some(value as i64))
    }

    /// A number, from a number cell or text with a decimal comma or point
    /// and optional thousands separators ("1,5", "1 234,50", "1.234,5").
    pub fn decimal(&self) -> Result<Option<f64>, CellError> {
        self.decimal_or(Expected::Decimal)
    }

    fn decimal_or(&self, expected: Expected) -> Result<Option<f64>, CellError> {
        match self {
            Cell::Empty => Ok(None),
            Cell::Number(value) => Ok(Some(*value)),
            Cell::Text(text) => parse_decimal(text)
                .map(Some)
                .ok_or_else(|| CellError::new(expected, self)),
            Cell::Bool(_) | Cell::Date(_) | Cell::DateTime(_) => {
                Err(CellError::new(expected, self))
            }
        }
    }

    /// Yes or no, from a boolean cell, 1 or 0, or a word: "oui", "non", "x",
    /// "yes", "no", "vrai", "faux", "1", "0" (case and accents ignored).
    pub fn boolean(&self) -> Result<Option<bool>, CellError> {
        let read = match self {
            Cell::Empty => return Ok(None),
            Cell::Bool(value) => Some(*value),
            Cell::Number(value) if *value == 1.0 => Some(true),
            Cell::Number(value) if *value == 0.0 => Some(false),
            Cell::Text(text) => parse_yes_no(text),
            Cell::Number(_) | Cell::Date(_) | Cell::DateTime(_) => None,
        };
        read.map(Some)
            .ok_or_else(|| CellError::new(Expected::YesNo, self))
    }

    /// A date: a date cell, the date of a date-and-time cell, an Excel
    /// serial number (1900 date system), or day-first text ("15/03/2024",
    /// "15-03-24", "15.03.2024") or ISO text ("2024-03-15").
    pub fn date(&self) -> Result<Option<NaiveDate>, CellError> {
        let read = match self {
            Cell::Empty => return Ok(None),
            Cell::Date(date) => Some(*date),
            Cell::DateTime(datetime) => Some(datetime.date()),
            Cell::Number(serial) => {
                from_excel_serial(*serial, false).map(|datetime| datetime.date())
            }
            Cell::Text(text) => parse_date(text),
            Cell::Bool(_) => None,
        };
        read.map(Some)
            .ok_or_else(|| CellError::new(Expected::Date, self))
    }

    /// A date and time: a date-and-time cell, a date cell (at midnight), an
    /// Excel serial, or text such as "15/03/2024 14:30".
    pub fn datetime(&self) -> Result<Option<NaiveDateTime>, CellError> {
        let read = match self {
            Cell::Empty => return Ok(None),
            Cell::DateTime(datetime) => Some(*datetime),
            Cell::Date(date) => Some(date.and_time(chrono::NaiveTime::MIN)),
            Cell::Number(serial) => from_excel_serial(*serial, false),
            Cell::Text(text) => parse_datetime(text),
            Cell::Bool(_) => None,
        };
        read.map(Some)
            .ok_or_else(|| CellError::new(Expected::DateTime, self))
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::from(text.to_owned())
    }
}

impl From<String> for Cell {
    /// Text, or [`Cell::Empty`] when it holds only spaces.
    fn from(text: String) -> Self {
        if text.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Cell::Number(value)
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Self {
        Cell::Number(value as f64)
    }
}

impl From<bool> for Cell {
    fn from(value: bool) -> Self {
        Cell::Bool(value)
    }
}

impl From<NaiveDate> for Cell {
    fn from(value: NaiveDate) -> Self {
        Cell::Date(value)
    }
}

impl From<NaiveDateTime> for Cell {
    fn from(value: NaiveDateTime) -> Self {
        Cell::DateTime(value)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Empty, Into::into)
    }
}
