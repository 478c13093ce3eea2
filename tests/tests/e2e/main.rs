//! End-to-end behaviour over HTTP, each test on SQLite and on PostgreSQL
//! (when `TEST_DATABASE_URL` is set), each on a fresh database.

mod accounts;
mod bad_input;
mod catalogue;
mod clusters;
mod contacts;
mod contacts_abuse;
mod equipment;
mod geojson;
mod hardening;
mod helpers;
mod hostile;
mod http;
mod map_page;
mod mobility;
mod nodes;
mod pagination;
mod partner_writes;
mod personal_data;
mod round_trips;
mod slow_clients;
mod spatial;
mod text_inputs;
mod transit;
