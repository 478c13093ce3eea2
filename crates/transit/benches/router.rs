//! Router benchmarks on the demo feed (`seeds/gtfs/demo-wapi`, SNCB and TEC
//! around Tournai) and on a synthetic grid of bus lines, larger than a
//! region's network.
//!
//! `cargo bench -p transit --bench router`

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, TimeDelta};
use criterion::{Criterion, criterion_group, criterion_main};
use transit::{
    Coordinate, FeedSource, JourneyQuery, OneToManyQuery, Place, RouterSettings, TimeConstraint,
    Timetable,
};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Points spread evenly over a box, as offers' sites would be.
fn points(count: usize, south_west: (f64, f64), north_east: (f64, f64)) -> Vec<Coordinate> {
    let side = (count as f64).sqrt().ceil() as usize;
    (0..count)
        .map(|i| {
            let (row, column) = ((i / side) as f64, (i % side) as f64);
            let lat = south_west.0 + (north_east.0 - south_west.0) * (row + 0.5) / side as f64;
            let lon = south_west.1 + (north_east.1 - south_west.1) * (column + 0.5) / side as f64;
            Coordinate::new(lat, lon).unwrap()
        })
        .collect()
}

fn demo(c: &mut Criterion) {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gtfs/demo-wapi");
    if !folder.is_dir() {
        eprintln!("no demo feed at {}; skipped", folder.display());
        return;
    }
    let source = FeedSource::Path(folder);
    c.bench_function("demo/load", |b| {
        b.iter(|| {
            Timetable::load(
                black_box(std::slice::from_ref(&source)),
                &RouterSettings::default(),
            )
            .unwrap()
        })
    });
    let (tt, _) = Timetable::load(&[source], &RouterSettings::default()).unwrap();
    let celles = Place::Point(Coordinate::new(50.7135, 3.4540).unwrap());
    let tournai = Place::Stop("sncb-8885001".into());
    let monday_morning = at("2027-03-08T07:00:00+01:00");
    let mut query = JourneyQuery {
        from: celles.clone(),
        to: tournai.clone(),
        time: TimeConstraint::DepartAfter(monday_morning),
        max_journeys: 1,
    };
    c.bench_function("demo/journeys celles→tournai depart-after, 1", |b| {
        b.iter(|| tt.journeys(black_box(&query)).unwrap())
    });
    query.max_journeys = 3;
    c.bench_function("demo/journeys celles→tournai depart-after, 3", |b| {
        b.iter(|| tt.journeys(black_box(&query)).unwrap())
    });
    query.time = TimeConstraint::ArriveBy(at("2027-03-08T09:00:00+01:00"));
    c.bench_function("demo/journeys celles→tournai arrive-by, 3", |b| {
        b.iter(|| tt.journeys(black_box(&query)).unwrap())
    });
    let far = JourneyQuery {
        from: Place::Point(Coordinate::new(50.7450, 3.2150).unwrap()), // Mouscron
        to: Place::Point(Coordinate::new(50.4540, 3.9420).unwrap()),   // Mons
        time: TimeConstraint::DepartAfter(monday_morning),
        max_journeys: 3,
    };
    c.bench_function("demo/journeys mouscron→mons depart-after, 3", |b| {
        b.iter(|| tt.journeys(black_box(&far)).unwrap())
    });

    // 1,000 sites over Wallonie picarde.
    let sites = points(1_000, (50.45, 3.20), (50.80, 4.00));
    let mut many = OneToManyQuery {
        from: celles,
        targets: sites,
        time: TimeConstraint::DepartAfter(monday_morning),
        max_travel: TimeDelta::minutes(90),
    };
    c.bench_function("demo/travel_times 1000 points depart-after", |b| {
        b.iter(|| tt.travel_times(black_box(&many)).unwrap())
    });
    many.time = TimeConstraint::ArriveBy(at("2027-03-08T09:00:00+01:00"));
    c.bench_function("demo/travel_times 1000 points arrive-by", |b| {
        b.iter(|| tt.travel_times(black_box(&many)).unwrap())
    });
}

/// The 23 communes' main localities (the locality bearing the commune's
/// name, where a journey "from Ath" starts), from the reference data.
fn commune_towns(seeds: &std::path::Path) -> Vec<(String, Coordinate)> {
    let fold = |s: &str| s.to_lowercase().replace(['-', ' ', '\''], "");
    let mut reader = csv::Reader::from_path(seeds.join("postal-localities.csv")).unwrap();
    let mut towns: Vec<(String, Coordinate)> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| fold(&r[1]) == fold(&r[3]))
        .map(|r| {
            (
                r[3].to_owned(),
                Coordinate::new(r[4].parse().unwrap(), r[5].parse().unwrap()).unwrap(),
            )
        })
        .collect();
    towns.sort_by(|a, b| a.0.cmp(&b.0));
    towns.dedup_by(|a, b| a.0 == b.0);
    towns
}

/// Every site of the demo data set.
fn demo_sites(seeds: &std::path::Path) -> Vec<Coordinate> {
    let text = std::fs::read_to_string(seeds.join("demo.json")).unwrap();
    let demo: serde_json::Value = serde_json::from_str(&text).unwrap();
    demo["operators"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["sites"].as_array().unwrap().iter())
        .map(|s| Coordinate::new(s["lat"].as_f64().unwrap(), s["lon"].as_f64().unwrap()).unwrap())
        .collect()
}

/// What a `reachable` filter costs from each commune: one one-to-many
/// search from its main locality to every demo site, arriving by 08:30.
fn from_every_commune(c: &mut Criterion) {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let folder = seeds.join("gtfs/demo-wapi");
    if !folder.is_dir() {
        eprintln!("no demo feed at {}; skipped", folder.display());
        return;
    }
    let (tt, _) = Timetable::load(&[FeedSource::Path(folder)], &RouterSettings::default()).unwrap();
    let towns = commune_towns(&seeds);
    assert_eq!(towns.len(), 23, "{towns:?}");
    let sites = demo_sites(&seeds);
    let deadline = at("2027-03-09T08:30:00+01:00");
    c.bench_function(
        &format!(
            "demo/travel_times each of 23 communes to {} sites, arrive-by",
            sites.len()
        ),
        |b| {
            b.iter(|| {
                for (_, town) in &towns {
                    let query = OneToManyQuery {
                        from: Place::Point(*town),
                        targets: sites.clone(),
                        time: TimeConstraint::ArriveBy(deadline),
                        max_travel: TimeDelta::minutes(60),
                    };
                    black_box(tt.travel_times(&query).unwrap());
                }
            })
        },
    );
}

/// A square grid of `side`² stops 600 m apart; a bus line along every row
/// and column, both ways, every 10 minutes from 06:00 to 22:00, 2 minutes
/// between stops, every day of March 2027.
fn grid(side: usize) -> FeedSource {
    let spacing = 600.0 / 111_195.0;
    let (lat0, lon0): (f64, f64) = (50.40, 3.20);
    let lon_step = spacing / lat0.to_radians().cos();
    let mut stops = String::from("stop_id,stop_name,stop_lat,stop_lon\n");
    for row in 0..side {
        for column in 0..side {
            let (lat, lon) = (lat0 + row as f64 * spacing, lon0 + column as f64 * lon_step);
            stops += &format!("g{row}_{column},Grid {row} {column},{lat:.6},{lon:.6}\n");
        }
    }
    let mut routes = String::from("route_id,route_short_name,route_type\n");
    let mut trips = String::from("route_id,service_id,trip_id\n");
    let mut times = String::from("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
    for line in 0..side {
        for (kind, reversed) in [("row", false), ("row", true), ("col", false), ("col", true)] {
            let route = format!("{kind}{line}{}", if reversed { "r" } else { "" });
            routes += &format!("{route},{route},3\n");
            for start in (6 * 60..22 * 60).step_by(10) {
                let trip = format!("{route}-{start}");
                trips += &format!("{route},DAILY,{trip}\n");
                for i in 0..side {
                    let position = if reversed { side - 1 - i } else { i };
                    let stop = if kind == "row" {
                        format!("g{line}_{position}")
                    } else {
                        format!("g{position}_{line}")
                    };
                    let minute = start + 2 * i;
                    let time = format!("{:02}:{:02}:00", minute / 60, minute % 60);
                    times += &format!("{trip},{time},{time},{stop},{i}\n");
                }
            }
        }
    }
    let files = [
        ("agency.txt", "agency_name,agency_url,agency_timezone\nGrid,https://example.org,Europe/Brussels\n".to_owned()),
        (
            "calendar.txt",
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nDAILY,1,1,1,1,1,1,1,20270301,20270331\n".to_owned(),
        ),
        ("stops.txt", stops),
        ("routes.txt", routes),
        ("trips.txt", trips),
        ("stop_times.txt", times),
    ];
    FeedSource::Files {
        name: "grid".into(),
        files: files
            .into_iter()
            .map(|(n, c)| (n.to_owned(), c.into_bytes()))
            .collect(),
    }
}

fn synthetic(c: &mut Criterion) {
    let side = 30;
    let (tt, report) = Timetable::load(&[grid(side)], &RouterSettings::default()).unwrap();
    eprintln!(
        "grid: {} stops, {} trips, {} connections a day",
        report.feeds[0].stops, report.feeds[0].trips, report.feeds[0].connections
    );
    let morning = at("2027-03-10T08:00:00+01:00");
    let corner = tt.stop("g0_0").unwrap().location;
    let far_corner = tt.stop(&format!("g{0}_{0}", side - 1)).unwrap().location;
    let centre = tt.stop(&format!("g{0}_{0}", side / 2)).unwrap().location;
    let mut query = JourneyQuery {
        from: Place::Point(corner),
        to: Place::Point(centre),
        time: TimeConstraint::DepartAfter(morning),
        max_journeys: 1,
    };
    c.bench_function("grid/journeys corner→centre depart-after, 1", |b| {
        b.iter(|| tt.journeys(black_box(&query)).unwrap())
    });
    query.to = Place::Point(far_corner);
    c.bench_function("grid/journeys corner→far corner depart-after, 1", |b| {
        b.iter(|| tt.journeys(black_box(&query)).unwrap())
    });
    query.max_journeys = 3;
    c.bench_function("grid/journeys corner→far corner depart-after, 3", |b| {
        b.iter(|| tt.journeys(black_box(&query)).unwrap())
    });
    let sites = points(
        1_000,
        (corner.lat(), corner.lon()),
        (far_corner.lat(), far_corner.lon()),
    );
    let mut many = OneToManyQuery {
        from: Place::Point(centre),
        targets: sites,
        time: TimeConstraint::DepartAfter(morning),
        max_travel: TimeDelta::minutes(60),
    };
    c.bench_function("grid/travel_times 1000 points depart-after", |b| {
        b.iter(|| tt.travel_times(black_box(&many)).unwrap())
    });
    many.time = TimeConstraint::ArriveBy(at("2027-03-10T09:00:00+01:00"));
    c.bench_function("grid/travel_times 1000 points arrive-by", |b| {
        b.iter(|| tt.travel_times(black_box(&many)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = demo, from_every_commune, synthetic
}
criterion_main!(benches);
