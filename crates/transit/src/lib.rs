//! Public transport for Wapi Synergies: GTFS feeds in, an immutable
//! in-memory [`Timetable`] out, and a router on it (Connection Scan
//! Algorithm) answering depart-after and arrive-by journeys, departures at a
//! stop, and travel times from one place to many points.
//!
//! This crate owns GTFS import and journey planning. It must not know offers,
//! operators or the database: no dependency on `domain`, `storage`, `sea_orm`
//! or `async-graphql`. It has its own [`Coordinate`] (WGS84, named and
//! range-checked latitude and longitude).
//!
//! # Public API
//!
//! ```text
//! Timetable::load(&[FeedSource], &RouterSettings) -> Result<(Timetable, ImportReport), ImportError>
//! Timetable::feeds(&self) -> &[FeedSummary]                 // name, agencies, time zone, validity, bounding box
//! Timetable::covers(&self, Coordinate) -> bool               // within 5 km of some feed's stops' box
//! Timetable::stop(&self, &str) -> Option<StopInfo>           // stop, platform or station
//! Timetable::stops_near(&self, Coordinate, radius_meters: f64, limit: usize) -> Vec<(StopInfo, f64)>
//! Timetable::departures(&self, stop_id: &str, from: DateTime<FixedOffset>, limit: usize)
//!     -> Result<Vec<Departure>, QueryError>
//! Timetable::journeys(&self, &JourneyQuery) -> Result<JourneyOutcome, QueryError>
//! Timetable::travel_times(&self, &OneToManyQuery) -> Result<Vec<Option<TimeDelta>>, QueryError>
//! ```
//!
//! Times given to queries are instants (`DateTime<FixedOffset>`, any
//! offset). Times given back carry the UTC offset of the first feed's time
//! zone (Europe/Brussels) at that instant. [`QueryError`]s are the caller's
//! mistakes, each with a precise message; an import that finds any problem
//! returns an [`ImportError`] listing them all (file, line, reason) and no
//! timetable.
//!
//! ```no_run
//! use transit::{FeedSource, JourneyQuery, Place, RouterSettings, TimeConstraint, Timetable};
//! let feeds = [FeedSource::Path("seeds/gtfs/demo-wapi".into())];
//! let (timetable, report) = Timetable::load(&feeds, &RouterSettings::default())?;
//! let outcome = timetable.journeys(&JourneyQuery {
//!     from: Place::Point(transit::Coordinate::new(50.7135, 3.4540)?),
//!     to: Place::Stop("sncb-8885001".into()),
//!     time: TimeConstraint::DepartAfter(chrono::DateTime::parse_from_rfc3339("2027-03-09T07:00:00+01:00")?),
//!     max_journeys: 3,
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Import
//!
//! Each feed is read from a folder, a zip file, zip bytes or text files in
//! memory ([`FeedSource`]) and checked on its own; then all are merged. Ids
//! that several feeds use (stops, routes, trips) become `feed:id` in each.
//!
//! The rows are gtfs-structures' types (`Stop`, `Route`, `RawTrip`,
//! `RawStopTime`, `Calendar`, `CalendarDate`, `RawFrequency`, `Agency`):
//! they parse times past 24:00, route and location types and calendar
//! exceptions, which we would otherwise write again. Its *reader* is not
//! used: it stops at the first bad row of a file, and we report every bad
//! row with its line; it cannot read files held in memory; its `Gtfs` form
//! neither interpolates nor expands frequencies. So files are read here row
//! by row with `csv` into those types. `transfers.txt` has its own row type
//! (gtfs-structures' lacks the route and trip columns).
//!
//! What real feeds need, and what is done:
//! - services defined by `calendar.txt`, by `calendar_dates.txt` alone, or
//!   both (dates added and removed);
//! - times past 24:00 belong to their service day: 25:10 is 01:10 the next
//!   calendar day;
//! - every time counts from its service day's "noon minus 12 h" in the
//!   agency's time zone (GTFS's definition), computed with `chrono-tz`: 08:00
//!   is 08:00 on the clock on the days clocks change;
//! - parent stations and platforms: vehicles call at platforms; a station as
//!   origin or destination means any of its platforms; `transfers.txt` rules
//!   on a station apply to each of its platforms;
//! - `transfers.txt`: type 2 sets the time to change at a stop (same stop)
//!   or the walk between two stops; type 3 forbids either; types 0 and 1
//!   declare a walk between two stops; rules for particular routes or trips,
//!   and in-seat transfers (4, 5), are skipped with a warning;
//! - `frequencies.txt`: a headway-based trip becomes one trip per departure
//!   (`start_time` included, `end_time` excluded), sharing its trip id;
//! - missing intermediate times are interpolated in proportion to the
//!   straight-line distance along the stops between the timed stops around
//!   them (the report counts them);
//! - `pickup_type`/`drop_off_type` 1 forbid boarding or alighting there;
//! - problems (missing required files, unreadable rows, unknown ids, times
//!   going backwards, stops without coordinates…) stop the import; skipped
//!   rows and renamed ids are warnings in the [`ImportReport`].
//!
//! # The model
//!
//! - A journey is a walk from the origin, vehicles, walks or changes between
//!   them, and a walk to the destination. At most **one walk** separates two
//!   vehicles (footpaths are not chained), as in the reference router the
//!   tests compare with.
//! - Changing vehicles at one stop takes the stop's time (`transfers.txt`
//!   type 2, else [`RouterSettings::min_transfer_seconds`]); staying aboard
//!   takes none.
//! - Walks: straight-line (haversine) distance × detour factor, at the
//!   walking speed, rounded up to the second. Between stops: footpaths of at
//!   most [`RouterSettings::footpath_max_meters`], computed once at import
//!   across all feeds (so SNCB and TEC connect), replaced or removed by
//!   `transfers.txt`. From or to a point: stops within
//!   [`RouterSettings::max_walk_meters`], or where there is none the
//!   nearest ones within [`RouterSettings::max_fallback_walk_meters`] (the
//!   walk leg says how far). A walk straight from origin to
//!   destination is a journey of its own when it is within that limit
//!   (between two stops: when they are joined by a footpath).
//! - At most [`RouterSettings::max_transfers`] changes.
//! - No journey comes with a [`NoJourney`] reason of its kind: no stop
//!   within reach, no service that day, an arrive-by before the first
//!   arrival, or no connection.
//!
//! # The router: Connection Scan
//!
//! Every pair of consecutive calls of a trip is a *connection*. Connections
//! are stored once per time zone, in seconds of their service day, sorted by
//! departure (and, as indexes, by arrival for the reverse scan). A query
//! merges the few service days it spans (the day before, for times past
//! 24:00) on the fly, shifting each by the day's start instant, and skips
//! the connections whose trip does not run that day (a bit per service and
//! day). So the timetable stays the size of the feed whatever its validity,
//! and times past 24:00 and DST need no special case in the scans.
//!
//! Why CSA rather than RAPTOR: it is one loop over one sorted array,
//! friendly to caches and simple enough to get right and to check; it needs
//! no route patterns (real feeds make many); and one-to-many is natural, as
//! a single forward scan labels every stop. RAPTOR would win on very large
//! networks with long queries, which a region is not.
//!
//! Labels are kept per number of vehicles (at most `max_transfers + 1`), so
//! one scan gives the earliest arrival with 1, 2, … vehicles. Journeys are
//! the Pareto set over earlier arrival, fewer changes and later departure:
//! a forward scan gives each number of vehicles that arrives strictly
//! earlier than fewer (and than walking); a reverse scan from that arrival
//! gives the latest departure that still makes it; a forward scan from that
//! departure rebuilds the journey leg by leg; the search then goes on just
//! after the earliest departure found until `max_journeys` are found.
//! Arrive-by is the mirror image. Alternatives with fewer changes are looked
//! for up to an hour (or the fastest journey's duration, when longer) after
//! the earliest arrival. Journeys leave within 24 hours after a depart-after
//! time, and arrive within 24 hours before an arrive-by time.
//!
//! Travel times to many points: depart-after is one forward scan, then for
//! each point the best arrival over the stops within walking distance.
//! Arrive-by needs the latest departure towards each point: a reverse scan
//! answers that for many origins and *one* destination, not the reverse, so
//! forward scans run from each departure the origin offers, latest first,
//! keeping labels between scans (leaving earlier never hurts, as in
//! rRAPTOR); a point's latest departure is that of the first scan reaching
//! it in time.
//!
//! The tests check the router against an independent Dijkstra over a
//! time-expanded graph on random networks (earliest arrivals, latest
//! departures, each journey optimal for its departure and vehicles, none
//! dominated), and check every journey leg by leg against the GTFS files
//! read again independently.

mod coordinate;
mod departures;
mod error;
mod import;
mod model;
mod router;
mod settings;
mod source;
mod spatial;
mod timetable;

pub use coordinate::{BoundingBox, Coordinate, CoordinateError};
pub use departures::{Departure, MAX_DEPARTURES};
pub use error::{ImportError, ImportIssue, QueryError};
pub use import::{FeedReport, ImportReport};
pub use model::{Mode, StopKind};
pub use router::{
    Journey, JourneyOutcome, JourneyQuery, Leg, MAX_JOURNEYS, MAX_TARGETS, NoJourney,
    NoJourneyKind, OneToManyQuery, Place, TimeConstraint,
};
pub use settings::RouterSettings;
pub use source::FeedSource;
pub use timetable::{COVERAGE_MARGIN_METERS, FeedSummary, StopInfo, Timetable};

// A timetable is built once and shared between requests behind an `Arc`.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Timetable>();
};
