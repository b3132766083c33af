//! The `dermis` binary's library: configuration, start-up and the command line. The crates do
//! the work: `entities` (domain), `jobs` (queue, workers, vision), `api`, `dashboard`.
pub mod bench;
pub mod cli;
pub mod config;
pub mod startup;
pub mod telemetry;
