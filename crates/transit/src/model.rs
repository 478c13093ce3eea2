//! The timetable's internal, index-based representation, built once by the
//! import and read by every query.

use chrono::NaiveDate;

use crate::coordinate::Coordinate;

/// Index of a stop in [`crate::Timetable`]'s stop list.
pub(crate) type StopIdx = u32;
/// Index of a trip (a frequency-expanded trip is one trip per departure).
pub(crate) type TripIdx = u32;

/// Seconds since the start of a service day ("noon minus 12 h" in the
/// agency's time zone, as GTFS defines it); may exceed 24 h.
pub(crate) type DaySeconds = u32;

/// Seconds since the Unix epoch: every query works on absolute instants.
pub(crate) type Instant = i64;

/// Whether a stop is where vehicles call, or a station grouping such stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// A stop or a platform (`location_type` 0): vehicles call here.
    Stop,
    /// A station (`location_type` 1): a group of platforms.
    Station,
}

#[derive(Debug, Clone)]
pub(crate) struct StopRecord {
    pub id: String,
    pub name: String,
    pub location: Coordinate,
    pub kind: StopKind,
    pub parent: Option<StopIdx>,
    pub platform_code: Option<String>,
    /// The platforms of a station; empty for a stop.
    pub children: Vec<StopIdx>,
}

/// How a route is travelled, from GTFS `route_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Walk,
    Bus,
    Train,
    Tram,
    Metro,
    /// Ferries, cable cars, funiculars and any type we do not name.
    Other,
}

#[derive(Debug, Clone)]
pub(crate) struct RouteRecord {
    pub id: String,
    pub short_name: Option<String>,
    pub long_name: Option<String>,
    pub mode: Mode,
}

impl RouteRecord {
    /// What a traveller reads on the vehicle: the short name, else the long one.
    pub fn display_name(&self) -> Option<String> {
        self.short_name.clone().or_else(|| self.long_name.clone())
    }
}

#[derive(Debug, Clone)]
pub(crate) struct TripRecord {
    pub id: String,
    pub route: u32,
    pub service: u32,
    pub headsign: Option<String>,
    /// `stop_headsign` overrides, by position of the stop in the trip.
    pub stop_headsigns: Vec<(u16, String)>,
    /// When the trip reaches its last stop.
    pub last_arrival: DaySeconds,
}

impl TripRecord {
    pub fn headsign_at(&self, position: u16) -> Option<String> {
        self.stop_headsigns
            .iter()
            .find(|(p, _)| *p == position)
            .map(|(_, h)| h.clone())
            .or_else(|| self.headsign.clone())
    }
}

pub(crate) const PICKUP: u8 = 1;
pub(crate) const DROP_OFF: u8 = 2;

/// A vehicle going from one stop to the next without stopping: the unit the
/// Connection Scan Algorithm scans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Connection {
    pub departure: DaySeconds,
    pub arrival: DaySeconds,
    pub from: StopIdx,
    pub to: StopIdx,
    pub trip: TripIdx,
    /// Position of `from` in the trip's stop sequence.
    pub position: u16,
    /// [`PICKUP`] when one may board at `from`, [`DROP_OFF`] when one may
    /// alight at `to`.
    pub flags: u8,
}

impl Connection {
    pub fn can_board(&self) -> bool {
        self.flags & PICKUP != 0
    }

    pub fn can_alight(&self) -> bool {
        self.flags & DROP_OFF != 0
    }
}

/// All connections of the feeds sharing one time zone, with their service
/// days. Feeds of one region share one group.
#[derive(Debug)]
pub(crate) struct TimeZoneGroup {
    /// The instant each service day starts, for days `epoch..epoch + days`.
    pub day_starts: Vec<Instant>,
    /// Sorted by departure, then arrival, trip and position.
    pub connections: Vec<Connection>,
    /// Indexes into `connections`, sorted by arrival, then departure, trip
    /// and position: the order of the reverse scan.
    pub by_arrival: Vec<u32>,
    /// For each stop, indexes into `connections` leaving it, by departure.
    pub departures_by_stop: Vec<Vec<u32>>,
    pub earliest_departure: DaySeconds,
    pub latest_arrival: DaySeconds,
}

/// On which days each service runs, as one bit per (service, day).
#[derive(Debug)]
pub(crate) struct ServiceDays {
    pub epoch: NaiveDate,
    pub days: usize,
    words_per_service: usize,
    bits: Vec<u64>,
}

impl ServiceDays {
    pub fn new(epoch: NaiveDate, days: usize) -> Self {
        Self {
            epoch,
            days,
            words_per_service: days.div_ceil(64),
            bits: Vec::new(),
        }
    }

    /// Adds a service running on the given days; returns its index.
    pub fn push(&mut self, dates: impl IntoIterator<Item = NaiveDate>) -> u32 {
        let index = self.bits.len() / self.words_per_service.max(1);
        self.bits
            .extend(std::iter::repeat_n(0, self.words_per_service.max(1)));
        let base = index * self.words_per_service.max(1);
        for date in dates {
            if let Some(day) = self.day_index(date) {
                self.bits[base + day / 64] |= 1 << (day % 64);
            }
        }
        index as u32
    }

    pub fn day_index(&self, date: NaiveDate) -> Option<usize> {
        let day = (date - self.epoch).num_days();
        (0..self.days as i64).contains(&day).then_some(day as usize)
    }

    pub fn date(&self, day: usize) -> NaiveDate {
        self.epoch + chrono::Days::new(day as u64)
    }

    #[inline]
    pub fn runs(&self, service: u32, day: usize) -> bool {
        let word = service as usize * self.words_per_service + day / 64;
        self.bits[word] & (1 << (day % 64)) != 0
    }
}

/// A walk between two stops, used to change vehicles.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Footpath {
    pub stop: StopIdx,
    pub seconds: u32,
    pub meters: f32,
}

/// Footpaths of every stop, stored contiguously (compressed sparse rows).
#[derive(Debug, Default)]
pub(crate) struct Footpaths {
    starts: Vec<u32>,
    paths: Vec<Footpath>,
}

impl Footpaths {
    /// `by_stop[s]` holds the footpaths of stop `s`.
    pub fn new(by_stop: Vec<Vec<Footpath>>) -> Self {
        let mut starts = Vec::with_capacity(by_stop.len() + 1);
        let mut paths = Vec::new();
        starts.push(0);
        for mut list in by_stop {
            list.sort_by_key(|f| (f.seconds, f.stop));
            paths.extend(list);
            starts.push(paths.len() as u32);
        }
        Self { starts, paths }
    }

    #[inline]
    pub fn of(&self, stop: StopIdx) -> &[Footpath] {
        let s = stop as usize;
        &self.paths[self.starts[s] as usize..self.starts[s + 1] as usize]
    }

    pub fn len(&self) -> usize {
        self.paths.len()
    }
}

/// Changing vehicles at a stop is impossible (`transfers.txt` type 3).
pub(crate) const NO_TRANSFER: u32 = u32::MAX;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_days_are_one_bit_per_service_and_day() {
        let epoch = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let mut days = ServiceDays::new(epoch, 100);
        let day = |n| epoch + chrono::Days::new(n);
        let weekly = days.push([day(0), day(63), day(64), day(99), day(150)]);
        let never = days.push([]);
        assert_eq!((weekly, never), (0, 1));
        assert!(
            days.runs(weekly, 0)
                && days.runs(weekly, 63)
                && days.runs(weekly, 64)
                && days.runs(weekly, 99)
        );
        assert!(!days.runs(weekly, 1) && !days.runs(weekly, 65));
        assert!((0..100).all(|d| !days.runs(never, d)));
        assert_eq!(days.day_index(day(150)), None);
        assert_eq!(days.date(64), day(64));
    }

    #[test]
    fn footpaths_are_listed_by_stop_quickest_first() {
        let path = |stop, seconds| Footpath {
            stop,
            seconds,
            meters: 0.0,
        };
        let paths = Footpaths::new(vec![
            vec![path(2, 90), path(1, 30)],
            vec![],
            vec![path(0, 90)],
        ]);
        let stops: Vec<StopIdx> = paths.of(0).iter().map(|p| p.stop).collect();
        assert_eq!(stops, [1, 2]);
        assert!(paths.of(1).is_empty());
        assert_eq!(paths.len(), 3);
    }
}
