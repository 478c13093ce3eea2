//! Searching published offers: filters, orders and keyset pagination.

use chrono::{Datelike, NaiveDate};

use super::{Catalog, IndexedOffer};
use crate::audience::Audience;
use crate::codes::{CodeError, NisCode, PoleCode, TradeCode};
use crate::offer::{Offer, OfferId, OfferKind};
use crate::page::{Page, PageSize};
use crate::text::{TextQuery, TextQueryError};

/// An offer filter as it arrives from outside: codes not yet checked.
/// Within one field the values are alternatives (OR); fields combine (AND).
/// An empty list filters nothing, like an absent one.
#[derive(Debug, Clone, Default)]
pub struct OfferFilterInput {
    pub kinds: Vec<OfferKind>,
    pub trade_codes: Vec<String>,
    pub pole_codes: Vec<String>,
    pub audiences: Vec<Audience>,
    pub commune_nis: Vec<String>,
    pub text: Option<String>,
    pub starts_after: Option<NaiveDate>,
    pub starts_before: Option<NaiveDate>,
}

/// Why a filter was refused. [`FilterError::field`] names the input field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("unknown trade code {0:?}; the `trades` query lists them")]
    UnknownTrade(String),
    #[error("unknown pole code {0:?}; the `poles` query lists them")]
    UnknownPole(String),
    #[error("{0}")]
    MalformedNis(CodeError),
    #[error(
        "{0} is not the NIS code of a commune of Wallonie picarde; the `communes` query lists them"
    )]
    UnknownCommune(String),
    #[error("{0}")]
    Text(TextQueryError),
    #[error("startsAfter ({after}) must not be later than startsBefore ({before})")]
    EmptyDateWindow { after: NaiveDate, before: NaiveDate },
}

impl FilterError {
    /// The filter field at fault, as the API names it.
    pub fn field(&self) -> &'static str {
        match self {
            FilterError::UnknownTrade(_) => "tradeCodes",
            FilterError::UnknownPole(_) => "poleCodes",
            FilterError::MalformedNis(_) | FilterError::UnknownCommune(_) => "communeNis",
            FilterError::Text(_) => "text",
            FilterError::EmptyDateWindow { .. } => "startsAfter",
        }
    }
}

/// A checked offer filter: every code names something that exists.
#[derive(Debug, Clone, Default)]
pub struct OfferQuery {
    kinds: Vec<OfferKind>,
    trade_codes: Vec<TradeCode>,
    pole_codes: Vec<PoleCode>,
    audiences: Vec<Audience>,
    commune_nis: Vec<NisCode>,
    text: Option<TextQuery>,
    starts_after: Option<NaiveDate>,
    starts_before: Option<NaiveDate>,
}

impl OfferQuery {
    fn matches(&self, indexed: &IndexedOffer) -> bool {
        let offer = &indexed.offer;
        let any_or_empty = |wanted: bool, empty: bool| empty || wanted;
        offer.is_published()
            && any_or_empty(self.kinds.contains(&offer.kind()), self.kinds.is_empty())
            && any_or_empty(
                offer
                    .trade_codes
                    .iter()
                    .any(|t| self.trade_codes.contains(t)),
                self.trade_codes.is_empty(),
            )
            && any_or_empty(
                indexed
                    .pole_codes
                    .iter()
                    .any(|p| self.pole_codes.contains(p)),
                self.pole_codes.is_empty(),
            )
            && any_or_empty(
                offer.audiences.iter().any(|a| self.audiences.contains(a)),
                self.audiences.is_empty(),
            )
            && any_or_empty(
                self.commune_nis.contains(&indexed.commune_nis),
                self.commune_nis.is_empty(),
            )
            && self.starts_in_window(offer)
            && self.text.as_ref().is_none_or(|q| indexed.text.matches(q))
    }

    /// An offer without a start date cannot be said to start in a window, so
    /// it is left out as soon as a bound is set.
    fn starts_in_window(&self, offer: &Offer) -> bool {
        if self.starts_after.is_none() && self.starts_before.is_none() {
            return true;
        }
        offer.start_date.is_some_and(|start| {
            self.starts_after.is_none_or(|after| start >= after)
                && self.starts_before.is_none_or(|before| start <= before)
        })
    }
}

/// How offers are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfferOrder {
    /// Soonest start first; offers without a start date last.
    StartDate,
    /// Most recently updated first.
    UpdatedAt,
}

/// Where an offer stands in an order: what a cursor remembers. Ordering is
/// by `key` then `id`, both ascending, so positions are total and stable
/// across catalogue rebuilds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct OfferPosition {
    pub key: i64,
    pub id: OfferId,
}

impl OfferOrder {
    pub(super) fn sort_key(self, offer: &Offer) -> OfferPosition {
        let key = match self {
            OfferOrder::StartDate => offer
                .start_date
                .map_or(i64::MAX, |d| i64::from(d.num_days_from_ce())),
            OfferOrder::UpdatedAt => -offer.updated_at.timestamp_millis(),
        };
        OfferPosition { key, id: offer.id }
    }
}

/// A page of offers.
pub type OfferPage<'a> = Page<&'a Offer, OfferPosition>;

impl Catalog {
    /// Checks a filter against the reference data.
    pub fn parse_offer_filter(&self, input: OfferFilterInput) -> Result<OfferQuery, FilterError> {
        let trade_codes = input
            .trade_codes
            .iter()
            .map(|raw| {
                TradeCode::parse(raw)
                    .ok()
                    .filter(|code| self.trade(code).is_some())
                    .ok_or_else(|| FilterError::UnknownTrade(raw.clone()))
            })
            .collect::<Result<_, _>>()?;
        let pole_codes = input
            .pole_codes
            .iter()
            .map(|raw| {
                PoleCode::parse(raw)
                    .ok()
                    .filter(|code| self.pole(code).is_some())
                    .ok_or_else(|| FilterError::UnknownPole(raw.clone()))
            })
            .collect::<Result<_, _>>()?;
        let commune_nis = self.parse_commune_codes(&input.commune_nis)?;
        let text = match &input.text {
            Some(raw) => TextQuery::parse(raw).map_err(FilterError::Text)?,
            None => None,
        };
        if let (Some(after), Some(before)) = (input.starts_after, input.starts_before)
            && after > before
        {
            return Err(FilterError::EmptyDateWindow { after, before });
        }
        Ok(OfferQuery {
            kinds: input.kinds,
            trade_codes,
            pole_codes,
            audiences: input.audiences,
            commune_nis,
            text,
            starts_after: input.starts_after,
            starts_before: input.starts_before,
        })
    }

    pub(super) fn parse_commune_codes(
        &self,
        raw_codes: &[String],
    ) -> Result<Vec<NisCode>, FilterError> {
        raw_codes
            .iter()
            .map(|raw| {
                let nis = NisCode::parse(raw).map_err(FilterError::MalformedNis)?;
                match self.commune(&nis) {
                    Some(_) => Ok(nis),
                    None => Err(FilterError::UnknownCommune(raw.clone())),
                }
            })
            .collect()
    }

    /// The published offers matching the query, in order, one page at a time.
    pub fn search_offers(
        &self,
        query: &OfferQuery,
        order: OfferOrder,
        size: PageSize,
        after: Option<&OfferPosition>,
    ) -> OfferPage<'_> {
        let mut matching: Vec<(&Offer, OfferPosition)> = self
            .offers
            .iter()
            .filter(|indexed| query.matches(indexed))
            .map(|indexed| (&indexed.offer, order.sort_key(&indexed.offer)))
            .collect();
        matching.sort_unstable_by_key(|(_, position)| *position);
        Page::cut(matching, size, after, |position, cursor| position > cursor)
    }
}
