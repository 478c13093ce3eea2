//! Connections in time order across service days.
//!
//! A connection is stored once, in seconds of its service day. A query runs
//! over a few service days (times past 24:00 belong to the day before) of
//! each time-zone group; each (group, day) is a *stream* whose connections
//! are the stored ones shifted by the day's start. The scans merge the
//! streams on the fly, skipping connections whose trip does not run that day.

use crate::model::{Connection, Instant, TripIdx};
use crate::timetable::Timetable;

/// One service day of one time-zone group.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stream {
    pub group: usize,
    pub day: usize,
    /// The instant the service day starts.
    pub offset: Instant,
}

/// A connection of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ConnRef {
    pub stream: u16,
    pub index: u32,
}

/// The streams whose connections may run between `start` and `end`.
pub(crate) fn streams_between(tt: &Timetable, start: Instant, end: Instant) -> Vec<Stream> {
    let mut streams = Vec::new();
    for (group_index, group) in tt.groups.iter().enumerate() {
        if group.connections.is_empty() {
            continue;
        }
        for (day, &offset) in group.day_starts.iter().enumerate() {
            let first = offset + Instant::from(group.earliest_departure);
            let last = offset + Instant::from(group.latest_arrival);
            if last >= start && first <= end {
                streams.push(Stream {
                    group: group_index,
                    day,
                    offset,
                });
            }
        }
    }
    streams
}

impl Timetable {
    #[inline]
    pub(crate) fn connection(&self, streams: &[Stream], at: ConnRef) -> &Connection {
        &self.groups[streams[at.stream as usize].group].connections[at.index as usize]
    }

    /// Departure and arrival instants of a connection of a stream.
    #[inline]
    pub(crate) fn instants(&self, streams: &[Stream], at: ConnRef) -> (Instant, Instant) {
        let c = self.connection(streams, at);
        let offset = streams[at.stream as usize].offset;
        (
            offset + Instant::from(c.departure),
            offset + Instant::from(c.arrival),
        )
    }

    #[inline]
    fn runs(&self, stream: &Stream, trip: TripIdx) -> bool {
        let service = self.trips[trip as usize].service;
        self.services.runs(service, stream.day)
    }
}

/// Running connections departing at or after `start`, by departure instant.
pub(crate) struct ByDeparture<'a> {
    tt: &'a Timetable,
    streams: &'a [Stream],
    cursors: Vec<usize>,
}

impl<'a> ByDeparture<'a> {
    pub fn new(tt: &'a Timetable, streams: &'a [Stream], start: Instant) -> Self {
        let cursors = streams
            .iter()
            .map(|s| {
                let connections = &tt.groups[s.group].connections;
                connections.partition_point(|c| s.offset + Instant::from(c.departure) < start)
            })
            .collect();
        Self {
            tt,
            streams,
            cursors,
        }
    }
}

impl<'a> Iterator for ByDeparture<'a> {
    /// The connection, where it is, its departure and arrival instants.
    type Item = (&'a Connection, ConnRef, Instant, Instant);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mut best: Option<(usize, Instant)> = None;
            for (i, stream) in self.streams.iter().enumerate() {
                let connections = &self.tt.groups[stream.group].connections;
                if let Some(c) = connections.get(self.cursors[i]) {
                    let departure = stream.offset + Instant::from(c.departure);
                    if best.is_none_or(|(_, b)| departure < b) {
                        best = Some((i, departure));
                    }
                }
            }
            let (i, departure) = best?;
            let stream = &self.streams[i];
            let index = self.cursors[i];
            self.cursors[i] += 1;
            let tt: &'a Timetable = self.tt;
            let c = &tt.groups[stream.group].connections[index];
            if tt.runs(stream, c.trip) {
                let at = ConnRef {
                    stream: i as u16,
                    index: index as u32,
                };
                return Some((c, at, departure, stream.offset + Instant::from(c.arrival)));
            }
        }
    }
}

/// Running connections arriving at or before `end`, latest arrival first.
pub(crate) struct ByArrivalDescending<'a> {
    tt: &'a Timetable,
    streams: &'a [Stream],
    /// One past the next position in each group's `by_arrival`.
    cursors: Vec<usize>,
}

impl<'a> ByArrivalDescending<'a> {
    pub fn new(tt: &'a Timetable, streams: &'a [Stream], end: Instant) -> Self {
        let cursors = streams
            .iter()
            .map(|s| {
                let group = &tt.groups[s.group];
                group.by_arrival.partition_point(|&i| {
                    s.offset + Instant::from(group.connections[i as usize].arrival) <= end
                })
            })
            .collect();
        Self {
            tt,
            streams,
            cursors,
        }
    }
}

impl<'a> Iterator for ByArrivalDescending<'a> {
    type Item = (&'a Connection, ConnRef, Instant, Instant);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mut best: Option<(usize, Instant)> = None;
            for (i, stream) in self.streams.iter().enumerate() {
                if self.cursors[i] == 0 {
                    continue;
                }
                let group = &self.tt.groups[stream.group];
                let c = &group.connections[group.by_arrival[self.cursors[i] - 1] as usize];
                let arrival = stream.offset + Instant::from(c.arrival);
                if best.is_none_or(|(_, b)| arrival > b) {
                    best = Some((i, arrival));
                }
            }
            let (i, arrival) = best?;
            let stream = &self.streams[i];
            self.cursors[i] -= 1;
            let tt: &'a Timetable = self.tt;
            let group = &tt.groups[stream.group];
            let index = group.by_arrival[self.cursors[i]];
            let c = &group.connections[index as usize];
            if tt.runs(stream, c.trip) {
                let at = ConnRef {
                    stream: i as u16,
                    index,
                };
                return Some((c, at, stream.offset + Instant::from(c.departure), arrival));
            }
        }
    }
}
