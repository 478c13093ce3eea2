//! Storage behaviour on real databases: SQLite always, PostgreSQL when
//! `TEST_DATABASE_URL` is set. One test binary keeps link time down.

mod seeding;
mod transit_feeds;
