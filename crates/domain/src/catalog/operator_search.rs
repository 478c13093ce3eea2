//! Searching operators: by kind, commune, trade taught or offered, and text.

use super::offer_search::{BBoxInput, FilterError, Near, NearInput, parse_spatial};
use super::{Catalog, IndexedOperator};
use crate::codes::{NisCode, TradeCode};
use crate::location::{BoundingBox, ServiceArea};
use crate::operator::{Operator, OperatorId, OperatorKind};
use crate::page::{Page, PageSize};
use crate::text::TextQuery;

/// An operator filter as it arrives from outside. Within one field the
/// values are alternatives (OR); fields combine (AND).
#[derive(Debug, Clone, Default)]
pub struct OperatorFilterInput {
    pub kinds: Vec<OperatorKind>,
    /// Operators with at least one site in one of these communes.
    pub commune_nis: Vec<String>,
    /// Operators with at least one published offer in one of these trades.
    pub trade_codes: Vec<String>,
    pub text: Option<String>,
    /// Operators with at least one site within a radius of a point.
    pub near: Option<NearInput>,
    /// Operators with at least one site inside a box.
    pub bbox: Option<BBoxInput>,
}

/// A checked operator filter.
#[derive(Debug, Clone, Default)]
pub struct OperatorQuery {
    kinds: Vec<OperatorKind>,
    commune_nis: Vec<NisCode>,
    trade_codes: Vec<TradeCode>,
    text: Option<TextQuery>,
    near: Option<Near>,
    bbox: Option<BoundingBox>,
}

/// Where an operator stands in the alphabetical order: what a cursor
/// remembers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OperatorPosition {
    /// The folded name (no accents, lowercase).
    pub sort_name: String,
    pub id: OperatorId,
}

/// A page of operators.
pub type OperatorPage<'a> = Page<&'a Operator, OperatorPosition>;

impl Catalog {
    /// Checks an operator filter against the reference data.
    pub fn parse_operator_filter(
        &self,
        input: OperatorFilterInput,
        area: &ServiceArea,
    ) -> Result<OperatorQuery, FilterError> {
        let trade_codes = self.parse_trade_codes(&input.trade_codes)?;
        let text = match &input.text {
            Some(raw) => TextQuery::parse(raw).map_err(FilterError::Text)?,
            None => None,
        };
        let (near, bbox) = parse_spatial(input.near, input.bbox, area)?;
        Ok(OperatorQuery {
            near,
            bbox,
            kinds: input.kinds,
            commune_nis: self.parse_commune_codes(&input.commune_nis)?,
            trade_codes,
            text,
        })
    }

    /// Operators matching the query, alphabetically, one page at a time.
    pub fn search_operators(
        &self,
        query: &OperatorQuery,
        size: PageSize,
        after: Option<&OperatorPosition>,
    ) -> OperatorPage<'_> {
        let spatial_sites: Option<std::collections::HashSet<_>> = self
            .sites_in_spatial_filter(query.near, query.bbox)
            .map(|sites| sites.into_iter().map(|(id, _)| id).collect());
        let matching: Vec<(&Operator, OperatorPosition)> = self
            .operators
            .iter()
            .filter(|indexed| {
                spatial_sites
                    .as_ref()
                    .is_none_or(|sites| indexed.site_ids.iter().any(|id| sites.contains(id)))
            })
            .filter(|indexed| self.operator_matches(query, indexed))
            .map(|indexed| {
                let position = OperatorPosition {
                    sort_name: indexed.sort_name.clone(),
                    id: indexed.operator.id,
                };
                (&indexed.operator, position)
            })
            .collect();
        Page::cut(matching, size, after, |position, cursor| position > cursor)
    }

    fn operator_matches(&self, query: &OperatorQuery, indexed: &IndexedOperator) -> bool {
        let operator = &indexed.operator;
        (query.kinds.is_empty() || query.kinds.contains(&operator.kind))
            && (query.commune_nis.is_empty()
                || indexed
                    .commune_nis
                    .iter()
                    .any(|n| query.commune_nis.contains(n)))
            && (query.trade_codes.is_empty()
                || self.offers_at_sites(&indexed.site_ids).any(|o| {
                    o.offer.is_published()
                        && o.offer
                            .trade_codes
                            .iter()
                            .any(|t| query.trade_codes.contains(t))
                }))
            && query.text.as_ref().is_none_or(|q| indexed.text.matches(q))
    }
}
