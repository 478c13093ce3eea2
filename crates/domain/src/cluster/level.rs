//! One zoom level of the cluster hierarchy, and the greedy step that derives a
//! level from the one just above it.

use std::ops::Range;

use rstar::primitives::GeomWithData;
use rstar::{AABB, RTree};

use super::mercator::{Projected, project, unproject};
use crate::location::Point;

/// Where a cluster was made: its zoom and its rank among the clusters made at
/// that zoom. A cluster that survives unchanged to lower zooms keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ClusterRef {
    pub zoom: u8,
    pub index: usize,
}

/// What a marker of a level stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Member {
    /// An input point, by its index in the input slice.
    Point(usize),
    Cluster(ClusterRef),
}

/// One marker at a zoom level.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    pub position: Projected,
    /// `position` back in WGS84, kept so that queries neither unproject again
    /// nor return an input point other than exactly as it was given.
    pub location: Point,
    /// How many input points the marker stands for.
    pub count: usize,
    pub member: Member,
}

/// The markers of one zoom, indexed by position, and the clusters first made
/// at this zoom with the items of the level above (zoom + 1) they merged.
pub(super) struct Level {
    pub items: Vec<Item>,
    /// Positions of `items`, each with its index in `items`.
    tree: RTree<GeomWithData<[f64; 2], usize>>,
    /// For each cluster made here, its range in `children`.
    made: Vec<Range<usize>>,
    /// Indices into the items of the level above.
    children: Vec<usize>,
}

impl Level {
    /// The level above the highest zoom: every input point on its own.
    pub fn of_points(points: &[Point]) -> Self {
        let items = points
            .iter()
            .enumerate()
            .map(|(index, &point)| Item {
                position: project(point),
                location: point,
                count: 1,
                member: Member::Point(index),
            })
            .collect();
        Self::new(items, Vec::new(), Vec::new())
    }

    /// The level at `zoom`, made from `above` (the level at `zoom + 1`).
    ///
    /// Items of `above` are visited in their order. A seed not yet taken
    /// gathers every item not yet taken within `radius` (unit-square units).
    /// If it found some and they count at least `min_points` points together,
    /// they become one cluster at their count-weighted centroid; otherwise the
    /// seed alone moves down unchanged and the neighbours stay free, so that a
    /// later seed may still gather enough of them. A cluster is therefore only
    /// ever made of two items or more.
    pub fn below(above: &Level, zoom: u8, radius: f64, min_points: usize) -> Self {
        let mut taken = vec![false; above.items.len()];
        let mut items = Vec::new();
        let mut made = Vec::new();
        let mut children = Vec::new();
        let mut neighbours = Vec::new();

        for (seed_index, seed) in above.items.iter().enumerate() {
            if taken[seed_index] {
                continue;
            }
            taken[seed_index] = true;

            neighbours.clear();
            let center = [seed.position.x, seed.position.y];
            neighbours.extend(
                above
                    .tree
                    .locate_within_distance(center, radius * radius)
                    .map(|entry| entry.data)
                    .filter(|&index| !taken[index]),
            );
            let count = seed.count
                + neighbours
                    .iter()
                    .map(|&index| above.items[index].count)
                    .sum::<usize>();
            if neighbours.is_empty() || count < min_points {
                items.push(*seed);
                continue;
            }

            // The R-tree yields neighbours in its own order; sorting makes the
            // children (and the centroid's rounding) follow the input order.
            neighbours.sort_unstable();
            let first_child = children.len();
            children.push(seed_index);
            children.extend_from_slice(&neighbours);
            let (mut x, mut y) = (0.0, 0.0);
            for &child in &children[first_child..] {
                taken[child] = true;
                let item = &above.items[child];
                x += item.position.x * item.count as f64;
                y += item.position.y * item.count as f64;
            }
            let position = Projected {
                x: x / count as f64,
                y: y / count as f64,
            };
            items.push(Item {
                position,
                location: unproject(position),
                count,
                member: Member::Cluster(ClusterRef {
                    zoom,
                    index: made.len(),
                }),
            });
            made.push(first_child..children.len());
        }
        Self::new(items, made, children)
    }

    fn new(items: Vec<Item>, made: Vec<Range<usize>>, children: Vec<usize>) -> Self {
        let entries = items
            .iter()
            .enumerate()
            .map(|(index, item)| GeomWithData::new([item.position.x, item.position.y], index))
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
            items,
            made,
            children,
        }
    }

    /// Indices of the items whose position lies in `envelope`, in level order.
    pub fn items_in(&self, envelope: &AABB<[f64; 2]>) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .tree
            .locate_in_envelope(envelope)
            .map(|entry| entry.data)
            .collect();
        found.sort_unstable();
        found
    }

    /// How many clusters were made at this zoom.
    pub fn made_count(&self) -> usize {
        self.made.len()
    }

    /// The items of the level above that the `index`-th cluster made here merged.
    pub fn children_of(&self, index: usize) -> &[usize] {
        &self.children[self.made[index].clone()]
    }
}
