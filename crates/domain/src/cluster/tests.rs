//! Behaviour of [`ClusterIndex`] on small named fixtures and on pseudo-random
//! points spread over Wallonie picarde.

use std::collections::HashSet;

use super::*;

/// Deterministic points over Wallonie picarde, so that every run sees the
/// same input.
fn wallonie_picarde(n: usize, seed: u64) -> Vec<Point> {
    let mut random = crate::synthetic::Xorshift::new(seed);
    (0..n).map(|_| random.point_in_wallonie_picarde()).collect()
}

fn everywhere() -> BoundingBox {
    BoundingBox::parse(-180.0, -90.0, 180.0, 90.0).unwrap()
}

fn tournai() -> Point {
    Point::parse(50.6071, 3.3893).unwrap()
}

/// The clustering radius at `zoom` with the default options, in degrees of
/// longitude (a unit-square `x` distance times 360).
fn radius_in_degrees_of_longitude(zoom: u8) -> f64 {
    let options = ClusterOptions::default();
    options.radius_px / (options.tile_size_px * 2f64.powi(i32::from(zoom))) * 360.0
}

/// The input indices a marker stands for.
fn leaves_of(index: &ClusterIndex, item: &ClusterItem) -> Vec<usize> {
    match item {
        ClusterItem::Cluster { id, .. } => index.leaves(*id).expect("a queried cluster is known"),
        ClusterItem::Single { index, .. } => vec![*index],
    }
}

fn count_of(item: &ClusterItem) -> usize {
    match item {
        ClusterItem::Cluster { count, .. } => *count,
        ClusterItem::Single { .. } => 1,
    }
}

/// For each input point, the position in `items` of the marker holding it;
/// panics unless the markers' leaves partition the input.
fn owner_of_each_point(index: &ClusterIndex, items: &[ClusterItem]) -> Vec<usize> {
    let mut owner = vec![usize::MAX; index.len()];
    for (position, item) in items.iter().enumerate() {
        for leaf in leaves_of(index, item) {
            assert_eq!(owner[leaf], usize::MAX, "point {leaf} is in two markers");
            owner[leaf] = position;
        }
    }
    assert!(!owner.contains(&usize::MAX), "some point is in no marker");
    owner
}

#[test]
fn every_point_is_single_above_max_zoom() {
    let points = wallonie_picarde(2_000, 7);
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    for zoom in [17, 30, u8::MAX] {
        let items = index.clusters(&everywhere(), zoom);
        assert_eq!(items.len(), points.len());
        for item in items {
            let ClusterItem::Single { index, location } = item else {
                panic!("a cluster above max_zoom: {item:?}");
            };
            assert_eq!(location, points[index]);
        }
    }
}

#[test]
fn wallonie_picarde_collapses_to_one_cluster_at_min_zoom() {
    let points = wallonie_picarde(2_000, 7);
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let items = index.clusters(&everywhere(), 0);
    let [
        ClusterItem::Cluster {
            count, location, ..
        },
    ] = items[..]
    else {
        panic!("one cluster expected, got {} markers", items.len());
    };
    assert_eq!(count, points.len());
    assert!((50.45..50.8).contains(&location.lat()), "{location}");
    assert!((3.1..4.1).contains(&location.lon()), "{location}");
    let at_zoom_8 = index.clusters(&everywhere(), 8).len();
    assert!(
        (2..=10).contains(&at_zoom_8),
        "{at_zoom_8} markers at zoom 8"
    );
}

#[test]
fn counts_add_up_to_the_number_of_points_at_every_zoom() {
    let points = wallonie_picarde(3_000, 11);
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    for zoom in 0..=17 {
        let items = index.clusters(&everywhere(), zoom);
        let total: usize = items.iter().map(count_of).sum();
        assert_eq!(total, points.len(), "zoom {zoom}");
        for item in &items {
            assert_eq!(
                count_of(item),
                leaves_of(&index, item).len(),
                "zoom {zoom}: {item:?}"
            );
        }
    }
}

#[test]
fn each_zoom_partitions_the_points_and_nests_inside_the_zoom_below() {
    let points = wallonie_picarde(3_000, 13);
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let mut coarser = index.clusters(&everywhere(), 0);
    let mut coarser_owner = owner_of_each_point(&index, &coarser);
    for zoom in 1..=17 {
        let finer = index.clusters(&everywhere(), zoom);
        let finer_owner = owner_of_each_point(&index, &finer);
        // Every marker at this zoom lies within exactly one marker of the zoom
        // below; with both zooms partitioning the input, each coarser cluster
        // is then the union of the finer markers inside it.
        for item in &finer {
            let parents: HashSet<usize> = leaves_of(&index, item)
                .into_iter()
                .map(|leaf| coarser_owner[leaf])
                .collect();
            assert_eq!(
                parents.len(),
                1,
                "zoom {zoom}: {item:?} straddles {parents:?}"
            );
        }
        // A marker that does not split keeps its identity (and so its id).
        for (position, item) in finer.iter().enumerate() {
            let leaves = leaves_of(&index, item);
            let parent = &coarser[coarser_owner[leaves[0]]];
            if count_of(parent) == leaves.len() {
                assert_eq!(parent, item, "zoom {zoom}, marker {position}");
            }
        }
        (coarser, coarser_owner) = (finer, finer_owner);
    }
}

#[test]
fn expansion_zoom_is_the_first_zoom_that_shows_the_cluster_split() {
    let points = wallonie_picarde(2_000, 17);
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let owners: Vec<Vec<usize>> = (0..=17)
        .map(|zoom| owner_of_each_point(&index, &index.clusters(&everywhere(), zoom)))
        .collect();
    let mut checked = 0;
    for zoom in 0..=16u8 {
        for item in index.clusters(&everywhere(), zoom) {
            let ClusterItem::Cluster {
                id, expansion_zoom, ..
            } = item
            else {
                continue;
            };
            assert_eq!(index.expansion_zoom(id), Some(expansion_zoom));
            assert!(expansion_zoom > zoom && expansion_zoom <= 17);
            let leaves = index.leaves(id).unwrap();
            let markers_at = |zoom: u8| -> usize {
                let owner = &owners[usize::from(zoom)];
                leaves
                    .iter()
                    .map(|&leaf| owner[leaf])
                    .collect::<HashSet<_>>()
                    .len()
            };
            for whole in zoom..expansion_zoom {
                assert_eq!(
                    markers_at(whole),
                    1,
                    "cluster {id} already split at {whole}"
                );
            }
            assert!(
                markers_at(expansion_zoom) > 1,
                "cluster {id} not split at {expansion_zoom}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} clusters checked");
}

#[test]
fn only_markers_inside_the_bbox_come_back() {
    let points = wallonie_picarde(3_000, 19);
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let around_tournai = BoundingBox::parse(3.30, 50.55, 3.50, 50.65).unwrap();
    for zoom in [6, 10, 12, 14, 17] {
        let inside = index.clusters(&around_tournai, zoom);
        let expected: Vec<ClusterItem> = index
            .clusters(&everywhere(), zoom)
            .into_iter()
            .filter(|item| match item {
                ClusterItem::Cluster { location, .. } | ClusterItem::Single { location, .. } => {
                    around_tournai.contains(*location)
                }
            })
            .collect();
        assert_eq!(inside, expected, "zoom {zoom}");
    }
    assert!(!index.clusters(&around_tournai, 14).is_empty());
    let mid_atlantic = BoundingBox::parse(-40.0, 10.0, -30.0, 20.0).unwrap();
    assert!(index.clusters(&mid_atlantic, 10).is_empty());
}

#[test]
fn a_point_on_the_edge_of_the_bbox_is_inside() {
    let points = [tournai()];
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let edge = BoundingBox::parse(3.3893, 50.6071, 3.5, 50.7).unwrap();
    assert_eq!(index.clusters(&edge, 17).len(), 1);
}

#[test]
fn two_points_closer_than_the_radius_merge_and_far_apart_points_do_not() {
    let zoom = 10;
    let gap = radius_in_degrees_of_longitude(zoom) / 2.0;
    let near = [
        tournai(),
        Point::parse(tournai().lat(), tournai().lon() + gap).unwrap(),
    ];
    let index = ClusterIndex::build(&near, ClusterOptions::default());
    let merged = index.clusters(&everywhere(), zoom);
    assert!(
        matches!(merged[..], [ClusterItem::Cluster { count: 2, .. }]),
        "{merged:?}"
    );
    // Two zooms in, the radius is half the gap.
    assert_eq!(index.clusters(&everywhere(), zoom + 2).len(), 2);

    let gap = radius_in_degrees_of_longitude(zoom) * 10.0;
    let far = [
        tournai(),
        Point::parse(tournai().lat(), tournai().lon() + gap).unwrap(),
    ];
    let index = ClusterIndex::build(&far, ClusterOptions::default());
    let apart = index.clusters(&everywhere(), zoom);
    assert!(
        apart
            .iter()
            .all(|item| matches!(item, ClusterItem::Single { .. })),
        "{apart:?}"
    );
}

#[test]
fn identical_points_stay_clustered_up_to_max_zoom_and_split_above_it() {
    let points = [tournai(); 3];
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    for zoom in 0..=16 {
        let items = index.clusters(&everywhere(), zoom);
        let [
            ClusterItem::Cluster {
                id,
                count: 3,
                expansion_zoom: 17,
                location,
            },
        ] = items[..]
        else {
            panic!("zoom {zoom}: {items:?}");
        };
        assert_eq!(index.leaves(id), Some(vec![0, 1, 2]));
        assert!(location.distance_meters(tournai()) < 0.01, "{location}");
    }
    assert_eq!(
        index.clusters(&everywhere(), 17),
        vec![
            ClusterItem::Single {
                index: 0,
                location: tournai()
            },
            ClusterItem::Single {
                index: 1,
                location: tournai()
            },
            ClusterItem::Single {
                index: 2,
                location: tournai()
            },
        ]
    );
}

#[test]
fn a_cluster_sits_at_the_count_weighted_centroid_of_its_points() {
    // Same latitude, so the Mercator centroid is the plain weighted mean of
    // the longitudes and the latitude is untouched.
    let (lat, west, east) = (50.6, 3.30, 3.33);
    let points = [
        Point::parse(lat, west).unwrap(),
        Point::parse(lat, west).unwrap(),
        Point::parse(lat, east).unwrap(),
    ];
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let items = index.clusters(&everywhere(), 5);
    let [
        ClusterItem::Cluster {
            location, count: 3, ..
        },
    ] = items[..]
    else {
        panic!("{items:?}");
    };
    assert!(
        (location.lon() - (2.0 * west + east) / 3.0).abs() < 1e-9,
        "{location}"
    );
    assert!((location.lat() - lat).abs() < 1e-9, "{location}");
}

#[test]
fn min_points_keeps_smaller_groups_as_single_points() {
    let options = ClusterOptions {
        min_points: 3,
        ..ClusterOptions::default()
    };
    let pair = [tournai(), tournai()];
    let index = ClusterIndex::build(&pair, options);
    assert_eq!(index.clusters(&everywhere(), 0).len(), 2);

    let trio = [tournai(), tournai(), tournai()];
    let index = ClusterIndex::build(&trio, options);
    assert!(matches!(
        index.clusters(&everywhere(), 0)[..],
        [ClusterItem::Cluster { count: 3, .. }]
    ));
}

#[test]
fn neighbours_too_few_for_one_seed_stay_free_for_the_next() {
    let options = ClusterOptions {
        min_points: 3,
        ..ClusterOptions::default()
    };
    let zoom = 10;
    let radius = radius_in_degrees_of_longitude(zoom);
    // Along one parallel: a and b are within the radius of each other, b also
    // reaches c and d, but a reaches neither.
    let along = |radii: f64| Point::parse(50.6, 3.3 + radii * radius).unwrap();
    let points = [along(0.0), along(0.9), along(1.5), along(1.7)];
    let index = ClusterIndex::build(&points, options);
    let items = index.clusters(&everywhere(), zoom);
    let [
        ClusterItem::Single { index: 0, .. },
        ClusterItem::Cluster { id, count: 3, .. },
    ] = items[..]
    else {
        panic!("{items:?}");
    };
    assert_eq!(index.leaves(id), Some(vec![1, 2, 3]));
}

#[test]
fn queried_zooms_are_clamped_to_the_levels_built() {
    let points = wallonie_picarde(500, 23);
    let options = ClusterOptions {
        min_zoom: 4,
        max_zoom: 12,
        ..ClusterOptions::default()
    };
    let index = ClusterIndex::build(&points, options);
    assert_eq!(
        index.clusters(&everywhere(), 0),
        index.clusters(&everywhere(), 4)
    );
    assert_eq!(index.clusters(&everywhere(), 13).len(), points.len());
    assert_eq!(
        index.clusters(&everywhere(), 200),
        index.clusters(&everywhere(), 13)
    );
}

#[test]
fn cluster_ids_are_stable_for_the_same_input() {
    let points = wallonie_picarde(1_000, 29);
    let first = ClusterIndex::build(&points, ClusterOptions::default());
    let second = ClusterIndex::build(&points, ClusterOptions::default());
    for zoom in 0..=17 {
        assert_eq!(
            first.clusters(&everywhere(), zoom),
            second.clusters(&everywhere(), zoom)
        );
    }
}

#[test]
fn unknown_cluster_ids_are_rejected() {
    let points = [tournai(), tournai()];
    let index = ClusterIndex::build(&points, ClusterOptions::default());
    let made_at_16 = 16;
    assert_eq!(index.leaves(made_at_16), Some(vec![0, 1]));
    assert_eq!(index.expansion_zoom(made_at_16), Some(17));
    for unknown in [15, 17, 31, (1 << ZOOM_BITS) | 16, u64::MAX] {
        assert_eq!(index.leaves(unknown), None, "{unknown}");
        assert_eq!(index.expansion_zoom(unknown), None, "{unknown}");
    }
}

#[test]
fn an_empty_input_yields_no_markers() {
    let index = ClusterIndex::build(&[], ClusterOptions::default());
    assert!(index.is_empty());
    assert_eq!(index.len(), 0);
    for zoom in 0..=17 {
        assert!(index.clusters(&everywhere(), zoom).is_empty());
    }
    assert_eq!(index.leaves(0), None);
    assert_eq!(index.expansion_zoom(16), None);
}

#[test]
fn out_of_range_zoom_options_are_brought_into_range() {
    let points = [tournai(), tournai()];
    let options = ClusterOptions {
        min_zoom: 40,
        max_zoom: 40,
        ..ClusterOptions::default()
    };
    let index = ClusterIndex::build(&points, options);
    let items = index.clusters(&everywhere(), 30);
    let [
        ClusterItem::Cluster {
            id,
            expansion_zoom: 31,
            ..
        },
    ] = items[..]
    else {
        panic!("{items:?}");
    };
    assert_eq!(index.leaves(id), Some(vec![0, 1]));
    assert_eq!(index.clusters(&everywhere(), 31).len(), 2);
}
