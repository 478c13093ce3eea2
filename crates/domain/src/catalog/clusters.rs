//! Marker clusters of the offers matching a query, for maps showing
//! thousands of markers: a [`ClusterIndex`] over the offers' sites, whose
//! single points map back to offers.

use super::{Catalog, OfferQuery};
use crate::cluster::{ClusterIndex, ClusterItem, ClusterOptions};
use crate::location::{BoundingBox, Point};
use crate::offer::OfferId;

/// The clusters of one set of offers, built once and queried per viewport.
#[derive(Debug)]
pub struct OfferClusters {
    index: ClusterIndex,
    /// The offer behind each input point of the index, in offer-id order.
    offers: Vec<OfferId>,
}

/// What a map draws at one zoom: a cluster marker or one offer's marker.
#[derive(Debug, Clone, PartialEq)]
pub enum OfferMarker {
    Cluster {
        id: u64,
        location: Point,
        count: usize,
        /// The zoom at which it breaks apart.
        expansion_zoom: u8,
    },
    Offer {
        id: OfferId,
        location: Point,
    },
}

impl OfferClusters {
    /// The markers inside `bbox` at `zoom`.
    pub fn markers(&self, bbox: &BoundingBox, zoom: u8) -> Vec<OfferMarker> {
        self.index
            .clusters(bbox, zoom)
            .into_iter()
            .filter_map(|item| match item {
                ClusterItem::Cluster {
                    id,
                    location,
                    count,
                    expansion_zoom,
                } => Some(OfferMarker::Cluster {
                    id,
                    location,
                    count,
                    expansion_zoom,
                }),
                ClusterItem::Single { index, location } => self
                    .offers
                    .get(index)
                    .map(|&id| OfferMarker::Offer { id, location }),
            })
            .collect()
    }

    /// How many offers were clustered.
    pub fn len(&self) -> usize {
        self.offers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.offers.is_empty()
    }

    /// The highest zoom at which markers may still be clustered.
    pub fn max_zoom(&self) -> u8 {
        ClusterOptions::default().max_zoom
    }
}

impl Catalog {
    /// Clusters the published offers matching the query, each at its site.
    pub fn cluster_offers(&self, query: &OfferQuery) -> OfferClusters {
        let mut hits = self.matching_offers(query);
        // A stable input order gives stable cluster ids across requests.
        hits.sort_by_key(|hit| hit.offer.id);
        let (offers, points): (Vec<OfferId>, Vec<Point>) = hits
            .iter()
            .filter_map(|hit| {
                self.site(hit.offer.site_id)
                    .map(|site| (hit.offer.id, site.location))
            })
            .unzip();
        OfferClusters {
            index: ClusterIndex::build(&points, ClusterOptions::default()),
            offers,
        }
    }
}
