//! A write refused by a rule, naming the input field at fault so that the
//! API can point a partner developer at it.

use crate::offer::OfferError;
use crate::operator::DetailsError;
use crate::territory::SitePlacementError;

/// A rule a write breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct Rejection {
    /// The input field at fault, as the GraphQL API spells it (`title`, `location`).
    pub field: &'static str,
    pub message: String,
}

impl Rejection {
    pub fn new(field: &'static str, message: impl ToString) -> Self {
        Self {
            field,
            message: message.to_string(),
        }
    }
}

impl From<OfferError> for Rejection {
    fn from(error: OfferError) -> Self {
        let field = match &error {
            OfferError::Title => "title",
            OfferError::Description => "description",
            OfferError::NoTrade => "tradeCodes",
            OfferError::NoAudience => "audiences",
            OfferError::EndBeforeStart { .. } => "endDate",
            OfferError::NoPlaces => "places",
            OfferError::DailyEndBeforeStart { .. } => "details",
            OfferError::NoCapacity => "details",
            OfferError::Reference => "reference",
            OfferError::KindChange { .. } => "details",
        };
        Rejection::new(field, error)
    }
}

impl From<DetailsError> for Rejection {
    fn from(error: DetailsError) -> Self {
        let field = match &error {
            DetailsError::Name => "name",
            DetailsError::Description => "description",
            DetailsError::Website => "website",
            DetailsError::Email => "email",
            DetailsError::Phone => "phone",
            DetailsError::Street => "street",
            DetailsError::Locality => "locality",
        };
        Rejection::new(field, error)
    }
}

impl From<SitePlacementError> for Rejection {
    fn from(error: SitePlacementError) -> Self {
        Rejection::new("location", error)
    }
}
