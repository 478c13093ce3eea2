//! A spatial index of points for radius, bounding-box and nearest-neighbour
//! queries, with exact great-circle distances.
//!
//! Radius and nearest queries run on points placed on a sphere in 3-D
//! (x, y, z): the straight-line (chord) distance between two points on a
//! sphere grows with their great-circle distance, so an R-tree over those
//! points answers "within R metres" and "nearest first" exactly, near the
//! poles as at the equator. Bounding boxes are in degrees, so they use a
//! second R-tree over (lon, lat).

use rstar::RTree;
use rstar::primitives::GeomWithData;

use crate::location::{BoundingBox, Point};

/// The Earth radius `geo::Haversine` uses (mean radius, metres). Chords must
/// use the same one for the index to agree with [`Point::distance_meters`].
const EARTH_RADIUS_METERS: f64 = 6_371_008.8;

type SpherePoint<Id> = GeomWithData<[f64; 3], (Id, Point)>;
type PlanePoint<Id> = GeomWithData<[f64; 2], Id>;

/// Points with an id each, indexed for spatial queries. Immutable once built.
#[derive(Debug)]
pub struct SpatialIndex<Id: Copy + PartialEq + std::fmt::Debug> {
    on_sphere: RTree<SpherePoint<Id>>,
    on_plane: RTree<PlanePoint<Id>>,
}

fn on_sphere(point: Point) -> [f64; 3] {
    let (lat, lon) = (point.lat().to_radians(), point.lon().to_radians());
    [
        EARTH_RADIUS_METERS * lat.cos() * lon.cos(),
        EARTH_RADIUS_METERS * lat.cos() * lon.sin(),
        EARTH_RADIUS_METERS * lat.sin(),
    ]
}

/// The chord length between two points `meters` apart along the surface.
fn chord_for(meters: f64) -> f64 {
    let angle = (meters / EARTH_RADIUS_METERS).min(std::f64::consts::PI);
    2.0 * EARTH_RADIUS_METERS * (angle / 2.0).sin()
}

impl<Id: Copy + PartialEq + std::fmt::Debug> SpatialIndex<Id> {
    /// Bulk-loads the index (faster and better balanced than inserting one by one).
    pub fn new(points: impl IntoIterator<Item = (Id, Point)>) -> Self {
        let (sphere, plane): (Vec<_>, Vec<_>) = points
            .into_iter()
            .map(|(id, point)| {
                (
                    GeomWithData::new(on_sphere(point), (id, point)),
                    GeomWithData::new([point.lon(), point.lat()], id),
                )
            })
            .unzip();
        Self {
            on_sphere: RTree::bulk_load(sphere),
            on_plane: RTree::bulk_load(plane),
        }
    }

    pub fn len(&self) -> usize {
        self.on_plane.size()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every point within `radius_meters` of `center` (great-circle), with its
    /// distance in metres, in no particular order.
    pub fn within_radius(&self, center: Point, radius_meters: f64) -> Vec<(Id, f64)> {
        // A hair of slack on the chord; the exact Haversine test below decides.
        let chord = chord_for(radius_meters) * (1.0 + 1e-9) + 1e-6;
        self.on_sphere
            .locate_within_distance(on_sphere(center), chord * chord)
            .filter_map(|entry| {
                let (id, point) = entry.data;
                let meters = center.distance_meters(point);
                (meters <= radius_meters).then_some((id, meters))
            })
            .collect()
    }

    /// Every point inside the box, in no particular order.
    pub fn in_bbox(&self, bbox: &BoundingBox) -> Vec<Id> {
        let envelope = rstar::AABB::from_corners(
            [bbox.min_lon.degrees(), bbox.min_lat.degrees()],
            [bbox.max_lon.degrees(), bbox.max_lat.degrees()],
        );
        self.on_plane
            .locate_in_envelope(&envelope)
            .map(|entry| entry.data)
            .collect()
    }

    /// Points from the nearest outwards, with their distance in metres.
    pub fn nearest(&self, center: Point) -> impl Iterator<Item = (Id, f64)> + '_ {
        self.on_sphere
            .nearest_neighbor_iter(&on_sphere(center))
            .map(move |entry| {
                let (id, point) = entry.data;
                (id, center.distance_meters(point))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic points around Wallonie picarde.
    fn scattered(n: usize) -> Vec<(usize, Point)> {
        let mut random = crate::synthetic::Xorshift::new(0x9E37_79B9_7F4A_7C15);
        (0..n)
            .map(|i| (i, random.point_in_wallonie_picarde()))
            .collect()
    }

    #[test]
    fn radius_search_finds_exactly_what_brute_force_finds() {
        let points = scattered(5_000);
        let index = SpatialIndex::new(points.iter().copied());
        let center = Point::parse(50.6071, 3.3893).unwrap();
        for radius in [0.0, 500.0, 5_000.0, 12_345.0, 80_000.0] {
            let mut found: Vec<usize> = index
                .within_radius(center, radius)
                .into_iter()
                .map(|(i, _)| i)
                .collect();
            found.sort_unstable();
            let expected: Vec<usize> = points
                .iter()
                .filter(|(_, p)| center.distance_meters(*p) <= radius)
                .map(|(i, _)| *i)
                .collect();
            assert_eq!(found, expected, "radius {radius}");
        }
    }

    #[test]
    fn nearest_comes_in_increasing_distance_and_matches_brute_force() {
        let points = scattered(2_000);
        let index = SpatialIndex::new(points.iter().copied());
        let center = Point::parse(50.7, 3.6).unwrap();
        let nearest: Vec<(usize, f64)> = index.nearest(center).take(25).collect();
        assert!(nearest.windows(2).all(|w| w[0].1 <= w[1].1));
        let mut brute: Vec<f64> = points
            .iter()
            .map(|(_, p)| center.distance_meters(*p))
            .collect();
        brute.sort_by(f64::total_cmp);
        let distances: Vec<f64> = nearest.iter().map(|(_, d)| *d).collect();
        for (found, expected) in distances.iter().zip(&brute) {
            assert!((found - expected).abs() < 1e-6, "{found} vs {expected}");
        }
    }

    #[test]
    fn bbox_search_finds_exactly_the_points_inside() {
        let points = scattered(3_000);
        let index = SpatialIndex::new(points.iter().copied());
        let bbox = BoundingBox::parse(3.3, 50.5, 3.5, 50.65).unwrap();
        let mut found = index.in_bbox(&bbox);
        found.sort_unstable();
        let expected: Vec<usize> = points
            .iter()
            .filter(|(_, p)| bbox.contains(*p))
            .map(|(i, _)| *i)
            .collect();
        assert_eq!(found, expected);
    }
}
