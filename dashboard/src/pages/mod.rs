//! One module per page group. Handlers are thin: session → domain query or command → page.
pub mod activity;
pub mod analyses;
pub mod keys;
pub mod overview;
pub mod try_it;
pub mod usage;

use chrono::{DateTime, Utc};

/// How times are shown: UTC, to the minute (the same everywhere, whatever the browser).
pub fn when(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}
