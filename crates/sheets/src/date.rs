//! Dates as spreadsheets store them (Excel serial numbers) and as people
//! type them (day first: "15/03/2024", "15-03-24", "15.03.2024", or ISO
//! "2024-03-15"), and the forms this crate writes.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

/// The last serial Excel shows as a date: 9999-12-31.
const LAST_SERIAL: f64 = 2_958_466.0;
/// Days between the 1900 and the 1904 date systems' day zero.
const DAYS_1900_TO_1904: f64 = 1462.0;
const MILLISECONDS_PER_DAY: f64 = 86_400_000.0;

/// Converts an Excel serial date (days since 1899-12-30, the fraction being
/// the time of day) to a date and time, to the millisecond. `None` for
/// serials outside Excel's dates and for 60, the 29 February 1900 that Excel
/// counts although it never existed.
pub(crate) fn from_excel_serial(serial: f64, is_1904: bool) -> Option<NaiveDateTime> {
    let serial = if is_1904 {
        serial + DAYS_1900_TO_1904
    } else {
        serial
    };
    if !(0.0..LAST_SERIAL).contains(&serial) || (60.0..61.0).contains(&serial) {
        return None;
    }
    // Excel believes 1900 was a leap year, so its serials before the
    // phantom 29 February are one day ahead of the calendar.
    let serial = if serial < 60.0 { serial + 1.0 } else { serial };
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let milliseconds = (serial * MILLISECONDS_PER_DAY).round() as i64;
    epoch.checked_add_signed(TimeDelta::milliseconds(milliseconds))
}

/// Reads a day-first date, optionally followed by a time (which is
/// dropped), or an ISO date.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let (date, _time) = split_date_time(text.trim())?;
    parse_date_part(date)
}

/// Reads a date with a time of day ("15/03/2024 14:30", "15/03/2024
/// 14:30:05", "2024-03-15T14:30:05.250"); a date alone is midnight.
pub(crate) fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = split_date_time(text.trim())?;
    let date = parse_date_part(date)?;
    let time = match time {
        Some(time) => parse_time(time)?,
        None => NaiveTime::MIN,
    };
    Some(date.and_time(time))
}

fn split_date_time(text: &str) -> Option<(&str, Option<&str>)> {
    if text.is_empty() {
        return None;
    }
    Some(match text.split_once([' ', 'T']) {
        Some((date, time)) => (date, Some(time.trim())),
        None => (text, None),
    })
}

fn parse_date_part(text: &str) -> Option<NaiveDate> {
    let separator = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = text.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    if ![first, second, third]
        .iter()
        .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if first.len() == 4 && separator == '-' {
        return NaiveDate::from_ymd_opt(
            first.parse().ok()?,
            second.parse().ok()?,
            third.parse().ok()?,
        );
    }
    if first.len() > 2 || second.len() > 2 {
        return None;
    }
    let year = match third.len() {
        4 => third.parse().ok()?,
        // Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99
        // are 1930–1999.
        2 => {
            let short: i32 = third.parse().ok()?;
            if short < 30 {
                2000 + short
            } else {
                1900 + short
            }
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, second.parse().ok()?, first.parse().ok()?)
}

/// Reads "14:30", "14:30:05" or "14:30:05.250" (a comma works as well).
fn parse_time(text: &str) -> Option<NaiveTime> {
    let (clock, fraction) = match text.split_once(['.', ',']) {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (text, None),
    };
    let mut parts = clock.split(':');
    let hour = parse_two_digits(parts.next()?)?;
    let minute = parse_two_digits(parts.next()?)?;
    let second = match parts.next() {
        Some(second) => parse_two_digits(second)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let milliseconds = match fraction {
        Some(digits)
            if !digits.is_empty()
                && digits.len() <= 3
                && digits.chars().all(|c| c.is_ascii_digit()) =>
        {
            format!("{digits:0<3}").parse().ok()?
        }
        Some(_) => return None,
        None => 0,
    };
    NaiveTime::from_hms_milli_opt(hour, minute, second, milliseconds)
}

fn parse_two_digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 2 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// "15/03/2024": what Excel and LibreOffice in Belgian and French locales
/// read as a date.
pub(crate) fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// "15/03/2024 14:30:05", with ",250" milliseconds only when there are
/// some, so that [`parse_datetime`] gives back the same instant.
pub(crate) fn format_datetime(datetime: NaiveDateTime) -> String {
    let time = datetime.time();
    let mut text = format!(
        "{} {:02}:{:02}:{:02}",
        format_date(datetime.date()),
        time.hour(),
        time.minute(),
        time.second()
    );
    let milliseconds = time.nanosecond() / 1_000_000;
    if milliseconds > 0 {
        text.push_str(&format!(",{milliseconds:03}"));
    }
    text
}

/// "14:30" or "14:30:05": a time of day with no date, which a cell formatted
/// as a time holds.
pub(crate) fn format_time_of_day(time: NaiveTime) -> String {
    if time.second() == 0 {
        format!("{:02}:{:02}", time.hour(), time.minute())
    } else {
        format!(
            "{:02}:{:02}:{:02}",
            time.hour(),
            time.minute(),
            time.second()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn excel_serials_follow_excel_including_its_1900_leap_year() {
        let at = |serial| from_excel_serial(serial, false).map(|d| d.date());
        assert_eq!(at(1.0), Some(date(1900, 1, 1)));
        assert_eq!(at(59.0), Some(date(1900, 2, 28)));
        assert_eq!(at(60.0), None);
        assert_eq!(at(61.0), Some(date(1900, 3, 1)));
        assert_eq!(at(45366.0), Some(date(2024, 3, 15)));
        assert_eq!(
            from_excel_serial(0.0, true).map(|d| d.date()),
            Some(date(1904, 1, 1))
        );
        assert_eq!(at(-1.0), None);
        assert_eq!(at(LAST_SERIAL), None);
        assert_eq!(
            from_excel_serial(45366.5, false),
            Some(date(2024, 3, 15).and_hms_opt(12, 0, 0).unwrap())
        );
    }

    #[test]
    fn typed_dates_are_day_first() {
        let cases = [
            ("15/03/2024", Some(date(2024, 3, 15))),
            ("5/3/2024", Some(date(2024, 3, 5))),
            ("15-03-24", Some(date(2024, 3, 15))),
            ("15.03.1998", Some(date(1998, 3, 15))),
            ("01/02/35", Some(date(1935, 2, 1))),
            ("2024-03-15", Some(date(2024, 3, 15))),
            ("15/03/2024 10:00", Some(date(2024, 3, 15))),
            ("31/02/2024", None),
            ("2024/03/15", None),
            ("15/03", None),
            ("hier", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), expected, "{text:?}");
        }
    }

    #[test]
    fn formatted_datetimes_read_back_to_the_millisecond() {
        let instant = date(2024, 3, 15).and_hms_milli_opt(14, 30, 5, 250).unwrap();
        assert_eq!(format_datetime(instant), "15/03/2024 14:30:05,250");
        assert_eq!(parse_datetime(&format_datetime(instant)), Some(instant));
        let whole = date(2024, 3, 15).and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(format_datetime(whole), "15/03/2024 09:05:00");
        assert_eq!(parse_datetime("2024-03-15T09:05"), Some(whole));
    }
}
