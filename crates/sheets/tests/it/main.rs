//! The sheets crate's integration tests, in one binary.

mod cells;
mod csv_files;
mod formats;
mod headers;
mod hostile_files;
mod round_trip;
mod support;
mod workbooks;
