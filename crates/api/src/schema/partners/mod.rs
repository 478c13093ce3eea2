//! What partners and admins write: operators, sites, programmes, offers
//! and invitations. Resolvers parse their input into domain values (the
//! edge), call one use case of `app::partners` or `app::accounts` (policy,
//! one audited and versioned transaction, the catalogue refreshed before
//! the answer) and map the result. Field errors of a use case are named
//! under the `input` argument.

pub(super) mod equipment;
pub(super) mod invitations;
pub(super) mod offers;
pub(super) mod operators;
pub(super) mod programmes;
pub(super) mod sites;

use async_graphql::MaybeUndefined;

use crate::error::bad_input;

/// An optional text: blank is none.
fn optional_text(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// A patch of an optional text: left out, cleared (`null` or blank), or set.
fn maybe_text(value: MaybeUndefined<String>) -> Option<Option<String>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(optional_text(Some(v))),
    }
}

/// A patch of an optional value: left out, cleared, or set.
fn maybe<T>(value: MaybeUndefined<T>) -> Option<Option<T>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

/// A count, which must not be negative.
fn count(argument: &str, value: Option<i32>) -> Result<Option<u32>, async_graphql::Error> {
    value
        .map(|v| {
            u32::try_from(v)
                .map_err(|_| bad_input(argument, format!("must not be negative, got {v}")))
        })
        .transpose()
}
