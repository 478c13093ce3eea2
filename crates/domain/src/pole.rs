//! The IBEFE's poles of synergies (2020–2022).

use crate::codes::PoleCode;

/// Whether a pole gathers one sector or works across sectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PoleKind {
    /// Built around a sector, a professional field or a trade.
    Sectoral,
    /// Works across sectors (promotion of trades, insertion).
    Transversal,
}

/// A pole of synergies and the challenges ("enjeux") it set itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Pole {
    pub code: PoleCode,
    pub name: String,
    pub kind: PoleKind,
    /// In the order the source document lists them.
    pub challenges: Vec<String>,
}
