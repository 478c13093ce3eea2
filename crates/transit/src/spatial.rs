//! An R-tree over the stops vehicles call at, for radius and nearest
//! queries. Stops are indexed as points on a sphere in Cartesian metres, so
//! the straight chord between two points orders them exactly as their
//! great-circle distance does, without a map projection.

use rstar::RTree;
use rstar::primitives::GeomWithData;

use crate::coordinate::{Coordinate, chord_squared};
use crate::model::{StopIdx, StopKind, StopRecord};

type Entry = GeomWithData<[f64; 3], StopIdx>;

#[derive(Debug)]
pub(crate) struct StopTree {
    tree: RTree<Entry>,
}

impl StopTree {
    /// Indexes the stops and platforms (not the stations).
    pub fn new(stops: &[StopRecord]) -> Self {
        let entries = stops
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == StopKind::Stop)
            .map(|(i, s)| Entry::new(s.location.to_cartesian(), i as StopIdx))
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
        }
    }

    /// Stops within `radius_meters` (great-circle) of the point, in no order.
    pub fn within(
        &self,
        point: Coordinate,
        radius_meters: f64,
    ) -> impl Iterator<Item = StopIdx> + '_ {
        // A hair of slack so that rounding never drops a stop exactly at
        // the radius; callers measure exact distances anyway.
        let limit = chord_squared(radius_meters) * (1.0 + 1e-9) + 1e-6;
        self.tree
            .locate_within_distance(point.to_cartesian(), limit)
            .map(|entry| entry.data)
    }

    /// Stops from the nearest on.
    pub fn nearest(&self, point: Coordinate) -> impl Iterator<Item = StopIdx> + '_ {
        self.tree
            .nearest_neighbor_iter(&point.to_cartesian())
            .map(|entry| entry.data)
    }
}
