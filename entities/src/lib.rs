//! The domain of Dermis: event enums and aggregates (`events`), the append-only store
//! (`store`), projections and their replay (`projection`), commands and queries over them, and
//! the sea-orm models of every table (`models`).
pub mod commands;
pub mod db;
pub mod events;
pub mod history;
pub mod models;
pub mod projection;
pub mod queries;
pub mod secrets;
pub mod store;
pub mod usage;

pub use commands::{Accepted, Domain, DomainError, NewAnalysis, Outcome, Quota};
pub use queries::KeyAuth;
