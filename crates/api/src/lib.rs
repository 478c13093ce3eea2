//! The GraphQL schema of Wapi Synergies, and the execution of documents.
//!
//! This crate owns: the GraphQL types (mirrors of domain values, documented
//! for partner developers), resolvers that read the request's context,
//! parse arguments into domain values, call one `app` function and map the
//! result; the mapping of every application error to its `extensions.code`
//! and argument path; the document limits; and the execution of a request
//! ([`Executor`]), which the HTTP transport calls without knowing
//! async-graphql.
//!
//! It must not know: HTTP or axum (the `web` crate), SQL or sea-orm, the
//! rules of the domain or the steps of a use case (`app`).

mod context;
mod cost;
mod engine_errors;
mod error;
mod execution;
mod limits;
mod schema;

pub use execution::{
    ExecutionLimits, Executor, GraphqlRequest, OperationKind, Outcome, Prepared, Refusal,
};
pub use limits::MAX_BODY_BYTES;

/// The schema as SDL, as `schema.graphql` holds it.
pub fn sdl() -> String {
    schema::build_schema().sdl()
}
