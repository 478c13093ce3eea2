//! Random small transit networks: stops scattered over a few square
//! kilometres (so some are within walking distance of each other), trips
//! with random paths and times (some past midnight), some stops where one
//! may not board or alight, and some `transfers.txt` rules. Each is written
//! out as a GTFS feed for the crate, and kept as plain data for the
//! reference router and the feasibility checker.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use transit::{Coordinate, FeedSource, RouterSettings};

use super::feasibility::Schedule;
use super::support::service_day_start;

/// Every trip runs every day from `FIRST_DAY` to `LAST_DAY`.
pub const FIRST_DAY: &str = "20270320";
pub const LAST_DAY: &str = "20270405";

#[derive(Debug, Clone)]
pub struct Call {
    pub stop: usize,
    pub arrival: i64,
    pub departure: i64,
    pub pickup: bool,
    pub drop_off: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    MinSeconds(u32),
    Impossible,
}

#[derive(Debug, Clone)]
pub struct Network {
    pub stops: Vec<Coordinate>,
    pub trips: Vec<Vec<Call>>,
    pub rules: Vec<(usize, usize, Rule)>,
}

fn trip(stops: usize) -> impl Strategy<Value = Vec<Call>> {
    // First departures bunch in the morning and around midnight, so that
    // trips meet; seconds after the service day starts. Times to the second
    // make every second of a change or a walk count.
    let start = prop_oneof![6 * 3600u32..10 * 3600, 23 * 3600u32..26 * 3600];
    (
        start,
        prop::collection::vec((0..stops, 60u32..1200, 0u32..180, 0u8..12), 2..5),
    )
        .prop_map(move |(start, legs)| {
            let mut calls: Vec<Call> = Vec::new();
            let mut time = i64::from(start);
            for (stop, ride, dwell, flags) in legs {
                if calls.last().is_some_and(|c| c.stop == stop) {
                    continue;
                }
                if let Some(last) = calls.last() {
                    time = last.departure + i64::from(ride);
                }
                calls.push(Call {
                    stop,
                    arrival: time,
                    departure: time + i64::from(dwell),
                    pickup: flags != 0,
                    drop_off: flags != 1,
                });
            }
            if calls.len() < 2 {
                let last = calls[0].clone();
                calls.push(Call {
                    stop: (last.stop + 1) % stops,
                    arrival: last.departure + 300,
                    departure: last.departure + 300,
                    pickup: true,
                    drop_off: true,
                });
            }
            calls
        })
}

pub fn network() -> impl Strategy<Value = Network> {
    (3usize..14).prop_flat_map(|stops| {
        let places = prop::collection::vec((0u32..2500, 0u32..3500), stops);
        let trips = prop::collection::vec((trip(stops), any::<Option<Meeting>>()), 1..40);
        let rule = prop_oneof![
            (0u32..600).prop_map(Rule::MinSeconds),
            Just(Rule::Impossible)
        ];
        let rules = prop::collection::vec((0..stops, 0..stops, rule), 0..5);
        (places, trips, rules).prop_map(|(places, trips, rules)| {
            let trips = meet(trips);
            let stops = places
                .into_iter()
                .map(|(lat, lon)| {
                    Coordinate::new(50.60 + f64::from(lat) * 1e-5, 3.40 + f64::from(lon) * 1e-5)
                        .unwrap()
                })
                .collect();
            let mut seen = HashSet::new();
            let rules = rules
                .into_iter()
                .filter(|(a, b, _)| seen.insert((*a, *b)))
                .collect();
            Network {
                stops,
                trips,
                rules,
            }
        })
    })
}

/// Which earlier trip a trip meets, at which of its stops, how many seconds
/// later (modulo 400).
type Meeting = (prop::sample::Index, prop::sample::Index, u16);

/// Makes many trips start where and a little after an earlier trip
/// arrives, so that changes of vehicle are often tight: the time to change
/// and the walks then decide, to the second, which vehicle one catches.
fn meet(trips: Vec<(Vec<Call>, Option<Meeting>)>) -> Vec<Vec<Call>> {
    let mut met: Vec<Vec<Call>> = Vec::new();
    for (mut calls, link) in trips {
        if let (Some((trip, call, delay)), false) = (link, met.is_empty()) {
            let feeder = &met[trip.index(met.len())];
            let arrival = &feeder[1 + call.index(feeder.len() - 1)];
            if calls[1].stop != arrival.stop {
                let shift = arrival.arrival + i64::from(delay % 400) - calls[0].departure;
                calls[0].stop = arrival.stop;
                for c in &mut calls {
                    c.arrival += shift;
                    c.departure += shift;
                }
            }
        }
        met.push(calls);
    }
    met
}

fn clock(seconds: i64) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

impl Network {
    pub fn feed(&self) -> FeedSource {
        let mut stops = String::from("stop_id,stop_name,stop_lat,stop_lon\n");
        for (i, c) in self.stops.iter().enumerate() {
            stops += &format!("S{i},Stop {i},{},{}\n", c.lat(), c.lon());
        }
        let mut trips = String::from("route_id,service_id,trip_id\n");
        let mut times = String::from(
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type\n",
        );
        for (t, calls) in self.trips.iter().enumerate() {
            trips += &format!("R,ALL,T{t}\n");
            for (i, c) in calls.iter().enumerate() {
                times += &format!(
                    "T{t},{},{},S{},{},{},{}\n",
                    clock(c.arrival),
                    clock(c.departure),
                    c.stop,
                    i * 10,
                    u8::from(!c.pickup),
                    u8::from(!c.drop_off)
                );
            }
        }
        let mut transfers =
            String::from("from_stop_id,to_stop_id,transfer_type,min_transfer_time\n");
        for (from, to, rule) in &self.rules {
            transfers += &match rule {
                Rule::MinSeconds(s) => format!("S{from},S{to},2,{s}\n"),
                Rule::Impossible => format!("S{from},S{to},3,\n"),
            };
        }
        let files = [
            ("agency.txt", "agency_name,agency_url,agency_timezone\nRandom,https://example.org,Europe/Brussels\n".to_owned()),
            ("routes.txt", "route_id,route_short_name,route_type\nR,R,3\n".to_owned()),
            (
                "calendar.txt",
                format!("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nALL,1,1,1,1,1,1,1,{FIRST_DAY},{LAST_DAY}\n"),
            ),
            ("stops.txt", stops),
            ("trips.txt", trips),
            ("stop_times.txt", times),
            ("transfers.txt", transfers),
        ];
        FeedSource::Files {
            name: "random".into(),
            files: files
                .into_iter()
                .map(|(n, c)| (n.to_owned(), c.into_bytes()))
                .collect(),
        }
    }

    /// Footpaths as the crate documents them: walking distance (straight
    /// line times the detour factor) within the limit, then `transfers.txt`
    /// rules between two stops replacing or removing them.
    pub fn footpaths(&self, settings: &RouterSettings) -> Vec<Vec<(usize, i64)>> {
        let n = self.stops.len();
        let mut paths: Vec<Vec<Option<i64>>> = vec![vec![None; n]; n];
        for (a, row) in paths.iter_mut().enumerate() {
            for (b, path) in row.iter_mut().enumerate() {
                let meters = settings.walking_meters(self.stops[a].distance_meters(self.stops[b]));
                if a != b && meters <= settings.footpath_max_meters {
                    *path = Some(i64::from(settings.walking_seconds(meters)));
                }
            }
        }
        for &(a, b, rule) in &self.rules {
            if a != b {
                paths[a][b] = match rule {
                    Rule::MinSeconds(s) => Some(i64::from(s)),
                    Rule::Impossible => None,
                };
            }
        }
        paths
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .enumerate()
                    .filter_map(|(b, s)| Some((b, s?)))
                    .collect()
            })
            .collect()
    }

    /// Seconds to change vehicles at each stop; `None` where impossible.
    pub fn transfers(&self, settings: &RouterSettings) -> Vec<Option<i64>> {
        let mut seconds = vec![Some(i64::from(settings.min_transfer_seconds)); self.stops.len()];
        for &(a, b, rule) in &self.rules {
            if a == b {
                seconds[a] = match rule {
                    Rule::MinSeconds(s) => Some(i64::from(s)),
                    Rule::Impossible => None,
                };
            }
        }
        seconds
    }

    /// Service dates whose trips may run around `date`.
    pub fn dates_around(date: NaiveDate) -> Vec<NaiveDate> {
        let first = NaiveDate::parse_from_str(FIRST_DAY, "%Y%m%d").unwrap();
        let last = NaiveDate::parse_from_str(LAST_DAY, "%Y%m%d").unwrap();
        (0..5)
            .filter_map(|i| (date - Days::new(2)).checked_add_days(Days::new(i)))
            .filter(|d| (first..=last).contains(d))
            .collect()
    }
}

/// The checker's view of a random network, for the settings it was built with.
pub struct NetworkSchedule<'a> {
    pub network: &'a Network,
    pub footpaths: Vec<Vec<(usize, i64)>>,
    pub transfers: Vec<Option<i64>>,
}

fn stop_index(id: &str) -> usize {
    id.trim_start_matches('S').parse().unwrap()
}

impl Schedule for NetworkSchedule<'_> {
    fn ride_exists(
        &self,
        trip_id: &str,
        from: &str,
        departure: i64,
        to: &str,
        arrival: i64,
    ) -> bool {
        let calls = &self.network.trips[trip_id.trim_start_matches('T').parse::<usize>().unwrap()];
        let (from, to) = (stop_index(from), stop_index(to));
        let first = NaiveDate::parse_from_str(FIRST_DAY, "%Y%m%d").unwrap();
        let last = NaiveDate::parse_from_str(LAST_DAY, "%Y%m%d").unwrap();
        first.iter_days().take_while(|d| *d <= last).any(|date| {
            let start = service_day_start(date);
            calls.iter().enumerate().any(|(i, c)| {
                c.stop == from
                    && c.pickup
                    && start + c.departure == departure
                    && calls[i + 1..]
                        .iter()
                        .any(|d| d.stop == to && d.drop_off && start + d.arrival == arrival)
            })
        })
    }

    fn transfer_seconds(&self, stop: &str) -> Option<u32> {
        self.transfers[stop_index(stop)].map(|s| s as u32)
    }

    fn footpath_seconds(&self, from: &str, to: &str) -> Option<u32> {
        let to = stop_index(to);
        self.footpaths[stop_index(from)]
            .iter()
            .find(|(b, _)| *b == to)
            .map(|(_, s)| *s as u32)
    }
}
