//! Wapi Synergies' domain: the things the service talks about and the rules
//! they obey, as plain Rust values.
//!
//! This crate owns:
//! - validated values parsed once at the edge ([`location::Point`],
//!   [`codes::NisCode`], [`codes::TradeCode`], …): a function that receives
//!   one never re-checks it;
//! - the reference data (communes with their real boundaries, poles, trades,
//!   audiences) and the partners' data (operators, sites, offers);
//! - the [`catalog::Catalog`], the immutable read model every public read is
//!   answered from, and its search.
//!
//! It must not know: databases (no `sea_orm`), HTTP or GraphQL, the clock, the
//! file system. Everything here is deterministic and testable without IO.

pub mod account;
pub mod api_key;
pub mod audience;
pub mod catalog;
pub mod cluster;
pub mod coded_enum;
pub mod codes;
pub mod contact;
pub mod email;
pub mod equipment;
pub mod geocode;
pub mod location;
pub mod offer;
pub mod operator;
pub mod page;
pub mod phone;
pub mod plain_text;
pub mod pole;
pub mod rejection;
pub mod revision;
pub mod sets;
pub mod spatial;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod territory;
pub mod text;
pub mod trade;
pub mod vocabulary;
pub mod website;
pub mod weekdays;
