//! The next departures at a stop, or at every platform of a station.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::error::QueryError;
use crate::model::{Instant, Mode};
use crate::router::streams::streams_between;
use crate::timetable::{StopInfo, Timetable};

/// The most departures one query may ask for.
pub const MAX_DEPARTURES: usize = 200;

/// Departures are looked for up to this long after the asked time.
const DEPARTURES_HORIZON_SECONDS: Instant = 24 * 3600;

/// A vehicle leaving a stop.
#[derive(Debug, Clone, PartialEq)]
pub struct Departure {
    pub time: DateTime<FixedOffset>,
    /// The stop or platform it leaves from.
    pub stop: StopInfo,
    pub mode: Mode,
    pub route_id: String,
    pub route_short_name: Option<String>,
    pub route_long_name: Option<String>,
    pub headsign: Option<String>,
    pub trip_id: String,
    /// The service day the trip belongs to (the day before, for a time past
    /// midnight of a trip that started the evening before).
    pub service_date: NaiveDate,
}

impl Timetable {
    /// The next `limit` departures at or after `from` at a stop, or at every
    /// platform of a station, within 24 hours, by time. The last stop of a
    /// trip and stops where boarding is not allowed are no departures.
    pub fn departures(
        &self,
        stop_id: &str,
        from: DateTime<FixedOffset>,
        limit: usize,
    ) -> Result<Vec<Departure>, QueryError> {
        if !(1..=MAX_DEPARTURES).contains(&limit) {
            return Err(QueryError::InvalidLimit {
                what: "the number of departures",
                requested: limit,
                max: MAX_DEPARTURES,
            });
        }
        let platforms = self.platforms_of(stop_id)?;
        let start = from.timestamp();
        self.check_date(start)?;
        let end = start + DEPARTURES_HORIZON_SECONDS;
        let streams = streams_between(self, start, end);
        let mut found: Vec<(Instant, usize, u32)> = Vec::new();
        for (s, stream) in streams.iter().enumerate() {
            let group = &self.groups[stream.group];
            for &platform in &platforms {
                let leaving = &group.departures_by_stop[platform as usize];
                let first = leaving.partition_point(|&i| {
                    stream.offset + Instant::from(group.connections[i as usize].departure) < start
                });
                let mut taken = 0;
                for &index in &leaving[first..] {
                    let c = &group.connections[index as usize];
                    let time = stream.offset + Instant::from(c.departure);
                    if time > end || taken == limit {
                        break;
                    }
                    let service = self.trips[c.trip as usize].service;
                    if c.can_board() && self.services.runs(service, stream.day) {
                        found.push((time, s, index));
                        taken += 1;
                    }
                }
            }
        }
        found.sort_unstable();
        found.truncate(limit);
        Ok(found
            .into_iter()
            .map(|(time, s, index)| {
                let stream = &streams[s];
                let c = &self.groups[stream.group].connections[index as usize];
                let trip = &self.trips[c.trip as usize];
                let route = &self.routes[trip.route as usize];
                Departure {
                    time: self.local(time),
                    stop: self.stop_info(c.from),
                    mode: route.mode,
                    route_id: route.id.clone(),
                    route_short_name: route.short_name.clone(),
                    route_long_name: route.long_name.clone(),
                    headsign: trip.headsign_at(c.position),
                    trip_id: trip.id.clone(),
                    service_date: self.services.date(stream.day),
                }
            })
            .collect())
    }
}
