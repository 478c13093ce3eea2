//! Types for maps: marker clusters and geocoding candidates.

use async_graphql::{Enum, SimpleObject};

use super::offer::Offer;
use super::reference::{Commune, GeoPoint};

/// A marker to draw at one zoom: a cluster of offers, or a single offer.
#[derive(SimpleObject, Debug)]
pub struct OfferCluster {
    /// Identifies the cluster (stable for the same filter and data); null for a single offer.
    pub id: Option<String>,
    /// Where to draw it: the offers' weighted centre, or the offer's site.
    pub location: GeoPoint,
    /// How many offers it stands for (1 for a single offer).
    pub count: i32,
    /// The zoom at which the cluster breaks apart; zoom there when it is clicked. Null for a single offer.
    pub expansion_zoom: Option<i32>,
    /// The offer, when the marker is a single offer.
    pub offer: Option<Offer>,
}

/// What a geocoding candidate is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::geocode::PlaceKind")]
pub enum PlaceKind {
    /// A whole commune, located at a point inside it.
    Commune,
    /// A postal locality (a section of a commune).
    Locality,
}

/// A place matching a geocoding query.
#[derive(SimpleObject, Debug)]
pub struct GeocodeCandidate {
    /// What to show: "Froyennes (7503 Tournai)", "Péruwelz (commune)".
    pub label: String,
    /// Commune or postal locality.
    pub kind: PlaceKind,
    /// The place's name.
    pub name: String,
    /// Where it is (WGS84); use it as `near.point` or a journey's origin.
    pub location: GeoPoint,
    /// The commune it lies in.
    pub commune: Commune,
    /// The postcode, for a locality.
    pub postcode: Option<String>,
    /// How well it matches, from 0 to 1; candidates come best first.
    pub score: f64,
}
