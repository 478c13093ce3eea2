//! What a document costs, computed before it runs, like the budgets public
//! GraphQL APIs publish: every field costs one, and a list field costs its
//! size times what it selects in each element, the size being its page size
//! (`first`) or the bound the list keeps (`Operator.offers` gives at most
//! 100, the communes are 23). Nested lists multiply. A document over the
//! budget is refused before any resolver runs, with `QUERY_TOO_COSTLY`, its
//! cost and the budget; a client that asks (`"extensions": {"cost": true}`
//! in the request) gets the cost of what it ran in `extensions.cost`.
//!
//! async-graphql computes the cost during validation from the expressions
//! on the fields (`#[graphql(complexity = "cost::page(first, …)")]`); this
//! module supplies those expressions and the extension that reports the
//! cost. Documents run on a schema whose complexity limit is the budget and
//! which has no extension (extensions slow every field down); a request that
//! asks for its cost, and a document that limit refused, go through the
//! metered schema with the extension (`execution.rs`). Every cost is capped at [`CEILING`], so that sums over a document
//! (at most a few thousand fields, see `limits::MAX_TOKENS`) can never wrap.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use app::ErrorCode;
use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextPrepareRequest, NextValidation,
};
use async_graphql::{Request, Response, ServerError, ServerResult, ValidationResult, Value};

/// The most a document may cost: about as many fields as it may answer.
/// The partner query of a hundred offers with their operator, site and
/// trades costs about 5,000, a hundred operators with their sites about
/// 60,000 (each operator priced at its hundred sites at most); a hundred
/// offers of each of a hundred operators, a million, is refused, and the
/// seven-level fan-out that once took the server down costs more than
/// anything a client could read.
pub(crate) const BUDGET: usize = 100_000;

/// No field costs more than this, so the sums stay far from overflowing.
pub(crate) const CEILING: usize = 1 << 40;

// The bounds of the lists that have no page size. Reference data is ours
// (23 communes, at most 30 postal localities in one, five poles, some
// twenty trades); the others are kept by a rule where they are made.

/// `communes`: the 23 communes of Wallonie picarde.
pub(crate) const COMMUNES: usize = 25;
/// `Commune.localities`: Tournai has 30.
pub(crate) const LOCALITIES_PER_COMMUNE: usize = 40;
/// `poles`, `Trade.poles`.
pub(crate) const POLES: usize = 10;
/// `trades`, `Pole.trades`.
pub(crate) const TRADES: usize = 60;
/// `Offer.trades`: `domain::offer::MAX_TRADES_PER_OFFER`.
pub(crate) const TRADES_PER_OFFER: usize = domain::offer::MAX_TRADES_PER_OFFER;
/// `Trade.offerCounts`: one per kind of offer.
pub(crate) const OFFER_KINDS: usize = 4;
/// Trades one equipment item or category names, at most.
pub(crate) const TRADES_PER_ITEM: usize = domain::equipment::MAX_TRADES_PER_ITEM;
/// Categories of the equipment vocabulary, with room to grow.
pub(crate) const EQUIPMENT_CATEGORIES: usize = 100;
/// `AccountInfo.operators`: `domain::account::MAX_OPERATORS_PER_PARTNER`.
pub(crate) const OPERATORS_PER_ACCOUNT: usize = domain::account::MAX_OPERATORS_PER_PARTNER;
/// `Journey.legs`: a walk, then a ride and a walk for each vehicle (the
/// router allows at most 8 changes, so 9 vehicles).
pub(crate) const LEGS_PER_JOURNEY: usize = 20;
/// `offerClusters`: `app::search::MAX_MARKERS`.
pub(crate) const MARKERS: usize = app::search::MAX_MARKERS;
/// `ContactCounts.perOffer`: `app::contacts::MAX_OFFERS_COUNTED`.
pub(crate) const COUNTED_OFFERS: usize = app::contacts::MAX_OFFERS_COUNTED;
/// `offersGeoJson`: a whole layer, priced like a page of a thousand offers
/// of a few fields.
pub(crate) const GEOJSON_LAYER: usize = 5_000;

/// The size of a page (`first`), as the cost counts it: the default when
/// absent, never more than the largest page.
pub(crate) fn page_size(first: Option<i32>, default: usize, max: usize) -> usize {
    first.map_or(default, |n| usize::try_from(n).unwrap_or(0).min(max))
}

/// A list of at most `size` elements, each costing `child`.
pub(crate) fn list(size: usize, child: usize) -> usize {
    size.saturating_mul(child).saturating_add(1).min(CEILING)
}

/// A page asked with `first`.
pub(crate) fn page(first: Option<i32>, default: usize, max: usize, child: usize) -> usize {
    list(page_size(first, default, max), child)
}

/// Enforces the budget on every request, and reports the cost when asked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CostBudget {
    pub(crate) budget: usize,
}

impl ExtensionFactory for CostBudget {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CostOfOneRequest {
            budget: self.budget,
            cost: AtomicUsize::new(0),
            report: AtomicBool::new(false),
        })
    }
}

/// The budget's watch over one request.
struct CostOfOneRequest {
    budget: usize,
    cost: AtomicUsize,
    report: AtomicBool,
}

/// Whether the request asks for its cost: `"extensions": {"cost": true}`.
pub(crate) fn asks_for_cost(request: &Request) -> bool {
    matches!(request.extensions.get("cost"), Some(Value::Boolean(true)))
}

#[async_trait::async_trait]
impl Extension for CostOfOneRequest {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        self.report
            .store(asks_for_cost(&request), Ordering::Relaxed);
        next.run(ctx, request).await
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        if result.complexity > self.budget {
            return Err(vec![too_costly(result.complexity, self.budget)]);
        }
        self.cost.store(result.complexity, Ordering::Relaxed);
        Ok(result)
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        let response = next.run(ctx, operation_name).await;
        if !self.report.load(Ordering::Relaxed) {
            return response;
        }
        let cost = async_graphql::value!({
            "requested": self.cost.load(Ordering::Relaxed),
            "budget": self.budget,
        });
        response.extension("cost", cost)
    }
}

/// The refusal of a document over the budget.
fn too_costly(cost: usize, budget: usize) -> ServerError {
    let mut error = ServerError::new(
        format!(
            "the document would cost {cost}, over the budget of {budget}: ask for smaller pages (`first`) or fewer nested lists"
        ),
        None,
    );
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", ErrorCode::QueryTooCostly.as_str());
    extensions.set("cost", cost);
    extensions.set("budget", budget);
    error.extensions = Some(extensions);
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_their_size_and_never_overflow() {
        assert_eq!(page_size(None, 20, 100), 20);
        assert_eq!(page_size(Some(5), 20, 100), 5);
        assert_eq!(page_size(Some(1_000_000), 20, 100), 100);
        assert_eq!(page_size(Some(-3), 20, 100), 0);
        assert_eq!(list(100, 3), 301);
        assert_eq!(list(usize::MAX, usize::MAX), CEILING);
        let mut nested = 1;
        for _ in 0..16 {
            nested = list(100, nested);
        }
        assert_eq!(nested, CEILING);
        assert!(nested.checked_mul(4_000).is_some(), "sums cannot wrap");
    }
}
