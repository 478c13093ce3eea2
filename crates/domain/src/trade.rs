//! Trades (métiers) the poles work on.

use crate::codes::{PoleCode, TradeCode};

/// A trade, with the codes other classifications give it side by side so
/// partners can map their own data: ROME (France Travail, the classification
/// the source document's trade names follow) and ESCO (the European one).
#[derive(Debug, Clone, PartialEq)]
pub struct Trade {
    pub code: TradeCode,
    pub name: String,
    pub description: String,
    pub pole_codes: Vec<PoleCode>,
    pub rome_codes: Vec<String>,
    pub esco_codes: Vec<String>,
    /// Other words people search this trade by ("menuisier", "aide-soignant").
    pub keywords: Vec<String>,
}

impl Trade {
    pub fn belongs_to(&self, pole: &PoleCode) -> bool {
        self.pole_codes.contains(pole)
    }
}
