//! The objects of the catalogue's graph, as GraphQL sees them: thin
//! wrappers around domain values. Their fields are resolved in the module
//! of their family (`reference`, `operators`, `offers`); the wrappers live
//! here, apart, because the graph runs both ways (an offer has an operator,
//! an operator has offers) while modules must not import each other in a
//! circle.

use async_graphql::SimpleObject;
use domain::codes::NisCode;

/// A WGS84 point. Latitude and longitude are always named.
#[derive(SimpleObject, Debug, Clone, Copy)]
pub struct GeoPoint {
    /// Degrees north, WGS84.
    pub lat: f64,
    /// Degrees east, WGS84.
    pub lon: f64,
}

impl From<domain::location::Point> for GeoPoint {
    fn from(point: domain::location::Point) -> Self {
        GeoPoint {
            lat: point.lat(),
            lon: point.lon(),
        }
    }
}

/// A commune (municipality) of Wallonie picarde.
#[derive(Debug, Clone)]
pub struct Commune {
    pub nis: NisCode,
}

/// A pole of synergies of the IBEFE Wallonie picarde.
#[derive(Debug, Clone)]
pub struct Pole(pub domain::pole::Pole);

/// A trade (métier).
#[derive(Debug, Clone)]
pub struct Trade(pub domain::trade::Trade);

/// An organisation that publishes offers: a school, a training centre, a company…
#[derive(Debug, Clone)]
pub struct Operator(pub domain::operator::Operator);

/// A place where an operator receives people.
#[derive(Debug, Clone)]
pub struct Site(pub domain::operator::Site);

/// A training session, internship place, job or trade-discovery activity.
#[derive(Debug, Clone)]
pub struct Offer(pub domain::offer::Offer);

/// When and how a training session runs.
#[derive(Debug, Clone)]
pub struct TrainingSession(pub domain::offer::TrainingSession);

/// A training programme (LHEO's "formation").
#[derive(Debug, Clone)]
pub struct TrainingProgramme(pub domain::offer::TrainingProgramme);

/// A piece of equipment at an operator's site.
#[derive(Debug, Clone)]
pub struct EquipmentItem(pub domain::equipment::EquipmentItem);

/// A category of the equipment vocabulary.
#[derive(Debug, Clone)]
pub struct EquipmentCategory(pub domain::equipment::EquipmentCategory);

/// The global id of an object, as GraphQL hands it out.
pub(crate) fn node_id(node: app::ids::NodeType, key: impl std::fmt::Display) -> async_graphql::ID {
    async_graphql::ID(app::ids::global_id(node, key))
}
