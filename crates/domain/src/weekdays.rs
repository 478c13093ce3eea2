//! The days of the week a training session meets ("du lundi au jeudi"): a
//! set, so a day given twice is refused rather than kept twice.

use chrono::{Datelike, NaiveDate, Weekday};

/// A non-empty set of days of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekdays(u8);

/// Why a list of days is no set of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WeekdaysError {
    #[error("give at least one day of the week")]
    Empty,
    #[error("{0} is named twice")]
    Repeated(Weekday),
}

fn bit(day: Weekday) -> u8 {
    1 << day.num_days_from_monday()
}

impl Weekdays {
    /// Monday to Friday, the school week.
    pub const SCHOOL_WEEK: Weekdays = Weekdays(0b0001_1111);

    /// The days as a client lists them; a repeat is refused, naming its
    /// position in the error's caller.
    pub fn parse(days: &[Weekday]) -> Result<Self, (usize, WeekdaysError)> {
        if days.is_empty() {
            return Err((0, WeekdaysError::Empty));
        }
        let mut bits = 0u8;
        for (i, day) in days.iter().enumerate() {
            if bits & bit(*day) != 0 {
                return Err((i, WeekdaysError::Repeated(*day)));
            }
            bits |= bit(*day);
        }
        Ok(Self(bits))
    }

    /// The days as stored (bit 0 is Monday); `None` for no day or unknown bits.
    pub fn from_bits(bits: i16) -> Option<Self> {
        u8::try_from(bits)
            .ok()
            .filter(|b| *b != 0 && *b < 0b1000_0000)
            .map(Self)
    }

    pub fn bits(self) -> i16 {
        i16::from(self.0)
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & bit(day) != 0
    }

    /// Monday first.
    pub fn days(self) -> Vec<Weekday> {
        let mut day = Weekday::Mon;
        let mut days = Vec::new();
        for _ in 0..7 {
            if self.contains(day) {
                days.push(day);
            }
            day = day.succ();
        }
        days
    }

    /// The first date on or after `date` that is one of the days.
    pub fn on_or_after(self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        for _ in 0..7 {
            if self.contains(day.weekday()) {
                return day;
            }
            day = day.succ_opt().unwrap_or(day);
        }
        date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_of_days_refuses_repeats_and_finds_its_next_day() {
        let tue_thu = Weekdays::parse(&[Weekday::Tue, Weekday::Thu]).unwrap();
        assert_eq!(tue_thu.days(), vec![Weekday::Tue, Weekday::Thu]);
        assert_eq!(Weekdays::from_bits(tue_thu.bits()), Some(tue_thu));
        assert_eq!(
            Weekdays::parse(&[Weekday::Mon, Weekday::Mon]),
            Err((1, WeekdaysError::Repeated(Weekday::Mon)))
        );
        assert_eq!(Weekdays::parse(&[]), Err((0, WeekdaysError::Empty)));
        assert_eq!(Weekdays::from_bits(0), None);
        // Monday 8 March 2027: the next Tuesday or Thursday is the 9th.
        let monday = NaiveDate::from_ymd_opt(2027, 3, 8).unwrap();
        assert_eq!(
            tue_thu.on_or_after(monday),
            NaiveDate::from_ymd_opt(2027, 3, 9).unwrap()
        );
        let friday = NaiveDate::from_ymd_opt(2027, 3, 12).unwrap();
        assert_eq!(
            tue_thu.on_or_after(friday),
            NaiveDate::from_ymd_opt(2027, 3, 16).unwrap()
        );
        assert!(Weekdays::SCHOOL_WEEK.contains(Weekday::Fri));
        assert!(!Weekdays::SCHOOL_WEEK.contains(Weekday::Sat));
    }
}
