//! Storage behaviour on real databases: SQLite always, PostgreSQL when
//! `TEST_DATABASE_URL` is set. One test binary keeps link time down.

mod audit_trail;
mod data_versions;
mod inventories;
mod quiet_start;
mod seeding;
mod support;
mod transit_feeds;
mod unique_keys;
mod versions;
mod write_gate;
