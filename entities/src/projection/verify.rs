//! `events verify`: replay every event from position zero into fresh in-memory projections and
//! compare them, row by row, with the stored ones.
use sea_orm::{DatabaseConnection, EntityTrait};

use super::{apply, MemRows};
use crate::models::{account, analysis, api_key, balance, daily_usage, stream_owner};
use crate::store::{read_all, StoreError};

/// What a replay found: the number of events replayed and every difference, described.
#[derive(Debug, Default)]
pub struct Report {
    pub events: u64,
    pub differences: Vec<String>,
}

impl Report {
    pub fn is_consistent(&self) -> bool {
        self.differences.is_empty()
    }
}

/// Fold the whole log into fresh projections; also returns how many events were read.
pub async fn replay(db: &DatabaseConnection) -> Result<(MemRows, u64), StoreError> {
    let mut rows = MemRows::default();
    let mut count = 0;
    let mut after = 0;
    loop {
        let page = read_all(db, after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for rec in &page {
            apply(&mut rows, rec).await?;
            count += 1;
        }
    }
    Ok((rows, count))
}

pub async fn verify(db: &DatabaseConnection) -> Result<Report, StoreError> {
    let (replayed, events) = replay(db).await?;
    let mut stored = MemRows::default();
    for r in account::Entity::find().all(db).await? {
        stored.accounts.insert(r.id, r);
    }
    for mut r in api_key::Entity::find().all(db).await? {
        r.last_used_at = None; // telemetry, not derived from events
        stored.api_keys.insert(r.id, r);
    }
    for r in balance::Entity::find().all(db).await? {
        stored.balances.insert(r.account_id, r);
    }
    for r in analysis::Entity::find().all(db).await? {
        stored.analyses.insert(r.id, r);
    }
    for r in daily_usage::Entity::find().all(db).await? {
        stored.usage.insert(
            (r.account_id, r.day, r.key_id.clone(), r.endpoint.clone()),
            r,
        );
    }
    for r in stream_owner::Entity::find().all(db).await? {
        stored.stream_owners.insert(r.stream_id.clone(), r);
    }
    let mut report = Report {
        events,
        differences: vec![],
    };
    diff(
        "accounts",
        &replayed.accounts,
        &stored.accounts,
        &mut report.differences,
    );
    diff(
        "api_keys",
        &replayed.api_keys,
        &stored.api_keys,
        &mut report.differences,
    );
    diff(
        "balances",
        &replayed.balances,
        &stored.balances,
        &mut report.differences,
    );
    diff(
        "analyses",
        &replayed.analyses,
        &stored.analyses,
        &mut report.differences,
    );
    diff(
        "daily_usage",
        &replayed.usage,
        &stored.usage,
        &mut report.differences,
    );
    diff(
        "stream_owners",
        &replayed.stream_owners,
        &stored.stream_owners,
        &mut report.differences,
    );
    Ok(report)
}

fn diff<K: Ord + std::fmt::Debug, V: PartialEq + std::fmt::Debug>(
    table: &str,
    replayed: &std::collections::BTreeMap<K, V>,
    stored: &std::collections::BTreeMap<K, V>,
    out: &mut Vec<String>,
) {
    for (k, v) in replayed {
        match stored.get(k) {
            None => out.push(format!("{table} {k:?}: missing from the stored projection")),
            Some(s) if s != v => out.push(format!(
                "{table} {k:?}: stored {s:?} but replay gives {v:?}"
            )),
            _ => {}
        }
    }
    for k in stored.keys().filter(|k| !replayed.contains_key(k)) {
        out.push(format!("{table} {k:?}: stored but no event produces it"));
    }
}
