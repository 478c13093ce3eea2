//! sea-orm entities: one module per table, plain storage types. They never
//! leave this crate; the loader turns them into domain values.

pub(crate) mod access_token;
pub(crate) mod account;
pub(crate) mod account_operator;
pub(crate) mod api_key;
pub(crate) mod audit_entry;
pub(crate) mod commune;
pub(crate) mod contact_request;
pub(crate) mod data_version;
pub(crate) mod equipment_category;
pub(crate) mod equipment_item;
pub(crate) mod equipment_item_trade;
pub(crate) mod invitation;
pub(crate) mod offer;
pub(crate) mod offer_audience;
pub(crate) mod offer_trade;
pub(crate) mod operator;
pub(crate) mod outbox_mail;
pub(crate) mod pole;
pub(crate) mod pole_challenge;
pub(crate) mod postal_locality;
pub(crate) mod seed_run;
pub(crate) mod site;
pub(crate) mod trade;
pub(crate) mod trade_classification_code;
pub(crate) mod trade_keyword;
pub(crate) mod trade_pole;
pub(crate) mod training_programme;
pub(crate) mod transit_feed;
