//! The GraphQL schema: the query and mutation roots, merged from one
//! object per family of fields. Each family's module resolves its types'
//! fields and its root fields; the graph's object wrappers live apart in
//! `objects` so that families never import each other in a circle.

mod accounts;
mod audit;
mod connections;
mod contacts;
mod enums;
mod equipment;
mod inputs;
mod map;
mod node;
mod objects;
mod offers;
mod operators;
mod partners;
mod reference;
mod scalars;
mod transit;

use async_graphql::{EmptySubscription, MergedObject, Schema};

/// The schema served at `/graphql`.
pub(crate) type WapiSchema = Schema<Query, Mutation, EmptySubscription>;

/// Everything one may read: reference data, operators and published offers
/// for everyone, contact requests for their operators' partners.
#[derive(MergedObject, Debug, Default)]
#[graphql(name = "Query")]
pub(crate) struct Query(
    node::NodeQuery,
    audit::AuditQuery,
    accounts::AccountQuery,
    reference::ReferenceQuery,
    operators::OperatorQuery,
    offers::OfferQuery,
    equipment::EquipmentQuery,
    map::MapQuery,
    transit::TransitQuery,
    contacts::ContactQuery,
);

/// Every change to data. Mutations are only accepted with POST.
#[derive(MergedObject, Debug, Default)]
#[graphql(name = "Mutation")]
pub(crate) struct Mutation(
    accounts::AccountMutation,
    partners::operators::OperatorMutation,
    partners::sites::SiteMutation,
    partners::programmes::ProgrammeMutation,
    partners::offers::OfferMutation,
    partners::equipment::EquipmentMutation,
    partners::invitations::InvitationMutation,
    contacts::ContactMutation,
);

/// Builds the schema documents run on; the same function serves the server, the tests and
/// `schema.graphql`. The cost budget is async-graphql's complexity limit here, not an extension:
/// with any extension installed, async-graphql sends every field through a slower resolution
/// path (measured: +65 % on the partner query). [`build_metered_schema`] says what a document
/// costs, for the requests that ask and for the refusals.
pub(crate) fn build_schema() -> WapiSchema {
    limited().limit_complexity(crate::cost::BUDGET).finish()
}

/// The same schema with the cost extension: it refuses a document over the budget with its cost
/// and the budget, and reports the cost of what it ran to a request that asks.
pub(crate) fn build_metered_schema() -> WapiSchema {
    limited()
        .extension(crate::cost::CostBudget {
            budget: crate::cost::BUDGET,
        })
        .finish()
}

fn limited() -> async_graphql::SchemaBuilder<Query, Mutation, EmptySubscription> {
    use crate::limits::{MAX_DEPTH, MAX_DIRECTIVES, MAX_RECURSION};
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .limit_depth(MAX_DEPTH)
        .limit_recursive_depth(MAX_RECURSION)
        .limit_directives(MAX_DIRECTIVES)
}
