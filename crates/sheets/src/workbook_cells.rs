//! calamine's cell values turned into [`Cell`]s.

use calamine::{Data, DataRef, ExcelDateTime};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::cell::Cell;
use crate::date::{format_time_of_day, from_excel_serial};

pub(crate) fn from_data_ref(value: DataRef<'_>, is_1904: bool) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::String(text) => Cell::from(text),
        DataRef::SharedString(text) => Cell::from(text),
        DataRef::Float(value) => Cell::Number(value),
        DataRef::Int(value) => Cell::Number(value as f64),
        DataRef::Bool(value) => Cell::Bool(value),
        DataRef::DateTime(datetime) => from_excel_datetime(datetime, is_1904),
        DataRef::DateTimeIso(text) => from_iso(text),
        DataRef::DurationIso(text) => Cell::from(text),
        DataRef::Error(error) => Cell::Text(error.to_string()),
    }
}

pub(crate) fn from_data(value: Data) -> Cell {
    match value {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::from(text),
        Data::Float(value) => Cell::Number(value),
        Data::Int(value) => Cell::Number(value as f64),
        Data::Bool(value) => Cell::Bool(value),
        // ODS stores dates as ISO text, so this arm serves other formats.
        Data::DateTime(datetime) => from_excel_datetime(datetime, false),
        Data::DateTimeIso(text) => from_iso(text),
        Data::DurationIso(text) => Cell::from(text),
        Data::Error(error) => Cell::Text(error.to_string()),
    }
}

/// A number with a date format: a date when it has no time of day, a time
/// of day (as text: this crate has no time-only cell) when it has no date,
/// a duration as its number of days.
fn from_excel_datetime(datetime: ExcelDateTime, is_1904: bool) -> Cell {
    let serial = datetime.as_f64();
    if datetime.is_duration() {
        return Cell::Number(serial);
    }
    if (0.0..1.0).contains(&serial) && !is_1904 {
        return match from_excel_serial(serial + 1.0, false) {
            Some(instant) => Cell::Text(format_time_of_day(instant.time())),
            None => Cell::Number(serial),
        };
    }
    match from_excel_serial(serial, is_1904) {
        Some(instant) if instant.time() == NaiveTime::MIN => Cell::Date(instant.date()),
        Some(instant) => Cell::DateTime(instant),
        None => Cell::Number(serial),
    }
}

/// ODS dates: "2024-03-15" or "2024-03-15T14:30:05[.250]".
fn from_iso(text: String) -> Cell {
    if let Ok(date) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return Cell::Date(date);
    }
    match NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S%.f") {
        Ok(instant) if instant.time() == NaiveTime::MIN => Cell::Date(instant.date()),
        Ok(instant) => Cell::DateTime(instant),
        Err(_) => Cell::from(text),
    }
}
