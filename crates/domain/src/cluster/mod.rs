//! Marker clustering for map views, consistent across zoom levels.
//!
//! The approach is the one of Mapbox's supercluster, written anew here. Every
//! point is projected to the Web Mercator unit square (`x` is the longitude,
//! `y` grows southwards), where a radius in screen pixels is the same distance
//! everywhere at a given zoom. The level above `max_zoom` holds the points
//! themselves; each zoom from `max_zoom` down to `min_zoom` is made only from
//! the items of the zoom just above it, by greedily merging the items that lie
//! within `radius_px / (tile_size_px · 2^zoom)` of each other (the rules are
//! on `Level::below` in `level.rs`). Because of that, a cluster at zoom z is
//! exactly the union of some items at zoom z + 1: zooming in only ever splits
//! clusters, it never moves a point from one cluster into another, and the
//! counts always add up.
//!
//! # Cluster ids
//!
//! A cluster is named after the zoom where it was made and its rank among the
//! clusters made at that zoom: `id = rank << 5 | zoom`. It keeps that id at
//! every lower zoom it survives to unchanged, so a client can tell "the same
//! cluster" across zooms, and [`ClusterIndex::leaves`] and
//! [`ClusterIndex::expansion_zoom`] find it from the id alone. Ids are stable
//! for a given input and options. Five bits hold the zoom, which is why
//! `max_zoom` is capped at 30 (query zooms then go up to 31).

mod level;
mod mercator;
#[cfg(test)]
mod tests;

use std::fmt;

use rstar::AABB;

use self::level::{ClusterRef, Item, Level, Member};
use self::mercator::project;
use crate::location::{BoundingBox, Point};

/// How many low bits of a cluster id hold the zoom where it was made.
const ZOOM_BITS: u32 = 5;
/// The highest `max_zoom` ids can encode, leaving room for `max_zoom + 1`.
/// Web Mercator pixels at zoom 30 are already under a millimetre wide.
const HIGHEST_MAX_ZOOM: u8 = (1 << ZOOM_BITS) - 2;

/// Options of a [`ClusterIndex`]; the defaults are supercluster's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterOptions {
    /// The clustering radius, in screen pixels (expected positive and finite).
    pub radius_px: f64,
    /// The width of a map tile in pixels: together with `radius_px` it sets
    /// the radius as a fraction of the world's width at each zoom.
    pub tile_size_px: f64,
    /// The lowest zoom that has its own level; lower queries use this one.
    /// Raised to `max_zoom` if above it.
    pub min_zoom: u8,
    /// The highest zoom at which points are clustered; above it every point
    /// is single. Capped at 30.
    pub max_zoom: u8,
    /// The fewest points a cluster may hold. Values below 2 act as 2: a
    /// marker alone is never wrapped into a cluster of one.
    pub min_points: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        Self {
            radius_px: 60.0,
            tile_size_px: 256.0,
            min_zoom: 0,
            max_zoom: 16,
            min_points: 2,
        }
    }
}

/// A marker to draw at some zoom: a cluster of points or a single point.
#[derive(Debug, Clone, PartialEq)]
pub enum ClusterItem {
    Cluster {
        /// Stable across zooms as long as the cluster does not change.
        id: u64,
        /// The count-weighted centroid of its points, taken in Web Mercator.
        location: Point,
        /// How many input points it holds (all levels down).
        count: usize,
        /// The zoom at which it splits into several markers.
        expansion_zoom: u8,
    },
    Single {
        /// The point's index in the slice given to [`ClusterIndex::build`].
        index: usize,
        /// The point exactly as given.
        location: Point,
    },
}

/// The cluster hierarchy of a set of points, built once and then queried per
/// viewport and zoom. Points are identified by their index in the input.
///
/// ```
/// use domain::cluster::{ClusterIndex, ClusterItem, ClusterOptions};
/// use domain::location::{BoundingBox, Point};
///
/// let points = [
///     Point::parse(50.6071, 3.3893).unwrap(), // Tournai
///     Point::parse(50.6080, 3.3900).unwrap(), // a hundred metres away
///     Point::parse(50.7411, 3.2213).unwrap(), // Mouscron
/// ];
/// let index = ClusterIndex::build(&points, ClusterOptions::default());
/// let everywhere = BoundingBox::parse(-180.0, -90.0, 180.0, 90.0).unwrap();
///
/// // Zoomed out, the whole region is one cluster that splits at zoom 9.
/// let [ClusterItem::Cluster { id, count: 3, expansion_zoom: 9, .. }] =
///     index.clusters(&everywhere, 5)[..]
/// else {
///     panic!("one cluster expected");
/// };
/// assert_eq!(index.leaves(id), Some(vec![0, 1, 2]));
///
/// // Zoomed in on Tournai, its two points are still together; Mouscron is alone.
/// let items = index.clusters(&everywhere, 12);
/// assert_eq!(items.len(), 2);
/// assert!(items.contains(&ClusterItem::Single { index: 2, location: points[2] }));
///
/// // Above max_zoom (16) every point is single.
/// assert_eq!(index.clusters(&everywhere, 17).len(), 3);
/// ```
pub struct ClusterIndex {
    options: ClusterOptions,
    len: usize,
    /// `levels[z - min_zoom]` holds the markers at zoom `z`, for `z` in
    /// `min_zoom..=max_zoom + 1`; the last level is the input points.
    levels: Vec<Level>,
}

impl ClusterIndex {
    /// Builds the hierarchy, in about O(n log n) per zoom level.
    pub fn build(points: &[Point], options: ClusterOptions) -> Self {
        let max_zoom = options.max_zoom.min(HIGHEST_MAX_ZOOM);
        let options = ClusterOptions {
            max_zoom,
            min_zoom: options.min_zoom.min(max_zoom),
            ..options
        };
        let mut levels = vec![Level::of_points(points)];
        for zoom in (options.min_zoom..=options.max_zoom).rev() {
            let radius = options.radius_px / (options.tile_size_px * 2f64.powi(i32::from(zoom)));
            let above = levels.last().expect("the level of points is always there");
            let level = Level::below(above, zoom, radius, options.min_points);
            levels.push(level);
        }
        levels.reverse();
        Self {
            options,
            len: points.len(),
            levels,
        }
    }

    /// Clusters and single points whose position lies inside `bbox` at the
    /// integer `zoom`, clamped to `[min_zoom, max_zoom + 1]` (above
    /// `max_zoom` every point is single). "Inside" is decided by
    /// [`BoundingBox::contains`] on each marker's `location`.
    pub fn clusters(&self, bbox: &BoundingBox, zoom: u8) -> Vec<ClusterItem> {
        let zoom = zoom.clamp(self.options.min_zoom, self.options.max_zoom + 1);
        let level = self.level(zoom);
        let north_west = project(Point {
            latitude: bbox.max_lat,
            longitude: bbox.min_lon,
        });
        let south_east = project(Point {
            latitude: bbox.min_lat,
            longitude: bbox.max_lon,
        });
        // The envelope is widened by a hair and the exact test is made in
        // degrees, so that a marker on the edge of the box is in or out just
        // as `BoundingBox::contains` says, whatever the projection rounds to.
        const MARGIN: f64 = 1e-9;
        let envelope = AABB::from_corners(
            [north_west.x - MARGIN, north_west.y - MARGIN],
            [south_east.x + MARGIN, south_east.y + MARGIN],
        );
        level
            .items_in(&envelope)
            .into_iter()
            .map(|index| &level.items[index])
            .filter(|item| bbox.contains(item.location))
            .map(public_item)
            .collect()
    }

    /// The zoom at which the cluster with this id splits into several items;
    /// `None` for an unknown id.
    pub fn expansion_zoom(&self, cluster_id: u64) -> Option<u8> {
        self.find(cluster_id).map(expansion_zoom)
    }

    /// The input indices of every point inside the cluster (all levels down),
    /// in ascending order; `None` for an unknown id.
    pub fn leaves(&self, cluster_id: u64) -> Option<Vec<usize>> {
        let cluster = self.find(cluster_id)?;
        let mut leaves = Vec::new();
        // An explicit stack rather than recursion: a hierarchy is up to 31
        // levels deep and wide clusters have many children.
        let mut pending = vec![cluster];
        while let Some(cluster) = pending.pop() {
            let above = self.level(cluster.zoom + 1);
            for &child in self.level(cluster.zoom).children_of(cluster.index) {
                match above.items[child].member {
                    Member::Point(index) => leaves.push(index),
                    Member::Cluster(nested) => pending.push(nested),
                }
            }
        }
        leaves.sort_unstable();
        Some(leaves)
    }

    /// How many points the index was built from.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn level(&self, zoom: u8) -> &Level {
        &self.levels[usize::from(zoom - self.options.min_zoom)]
    }

    /// The cluster an id names, if it was made by this index.
    fn find(&self, cluster_id: u64) -> Option<ClusterRef> {
        let zoom = u8::try_from(cluster_id & ((1 << ZOOM_BITS) - 1)).ok()?;
        let index = usize::try_from(cluster_id >> ZOOM_BITS).ok()?;
        let known = (self.options.min_zoom..=self.options.max_zoom).contains(&zoom)
            && index < self.level(zoom).made_count();
        known.then_some(ClusterRef { zoom, index })
    }
}

fn cluster_id(cluster: ClusterRef) -> u64 {
    (cluster.index as u64) << ZOOM_BITS | u64::from(cluster.zoom)
}

/// A cluster is only ever made of two items or more of the zoom above (see
/// [`Level::below`]), so it splits at the very next zoom; until then, at the
/// lower zooms it survives to unchanged, it is one marker.
fn expansion_zoom(cluster: ClusterRef) -> u8 {
    cluster.zoom + 1
}

fn public_item(item: &Item) -> ClusterItem {
    match item.member {
        Member::Point(index) => ClusterItem::Single {
            index,
            location: item.location,
        },
        Member::Cluster(cluster) => ClusterItem::Cluster {
            id: cluster_id(cluster),
            location: item.location,
            count: item.count,
            expansion_zoom: expansion_zoom(cluster),
        },
    }
}

impl fmt::Debug for ClusterIndex {
    /// A summary: the markers themselves would drown any log line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let markers_per_zoom: Vec<usize> =
            self.levels.iter().map(|level| level.items.len()).collect();
        f.debug_struct("ClusterIndex")
            .field("len", &self.len)
            .field("options", &self.options)
            .field("markers_per_zoom", &markers_per_zoom)
            .finish()
    }
}
