//! sea-orm models of the tables: the append-only `events` log, the `streams` version table and
//! the projections derived from events (accounts, api_keys, balances, analyses, daily_usage, stream_owners).
//! Invariant: projection rows are written only by `crate::projection`, never by handlers.
pub mod account;
pub mod analysis;
pub mod api_key;
pub mod balance;
pub mod daily_usage;
pub mod event;
pub mod stream;
pub mod stream_owner;
