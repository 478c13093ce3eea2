//! The transit crate's integration tests, in one binary.

mod demo;
mod feasibility;
mod gtfs_folder;
mod import;
mod network;
mod property;
mod queries;
mod reference;
mod support;
