//! The sweeper guarantees that no analysis stays unfinished: it re-enqueues pending analyses
//! whose job may have been lost (enqueueing is idempotent), and fails with a refund any
//! analysis that has not moved for longer than the deadline.
use std::time::Duration;

use chrono::Utc;
use entities::events::Metadata;
use entities::{Domain, DomainError, Outcome};

use crate::queue::Queue;

#[derive(Debug, Clone)]
pub struct SweepSettings {
    /// How often to look.
    pub every: Duration,
    /// Pending this long → enqueue again.
    pub requeue_after: Duration,
    /// Untouched this long → failed with `timed_out` and refunded.
    pub deadline: Duration,
}

/// One pass; returns (re-enqueued, timed out).
pub async fn sweep_once(
    domain: &Domain,
    queue: &Queue,
    s: &SweepSettings,
) -> Result<(usize, usize), DomainError> {
    let now = Utc::now();
    let mut timed_out = 0;
    let deadline = now - chrono::Duration::from_std(s.deadline).unwrap_or_default();
    for a in domain.unfinished_before(deadline).await? {
        let outcome = Outcome::Failed {
            code: "timed_out".into(),
            message: format!(
                "no worker finished the analysis within {} s; your credit was refunded",
                s.deadline.as_secs()
            ),
        };
        match domain
            .finish_analysis(a.id, outcome, &Metadata::actor("sweeper"))
            .await
        {
            Ok(()) => timed_out += 1,
            Err(DomainError::Rejected(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let mut requeued = 0;
    let stale = now - chrono::Duration::from_std(s.requeue_after).unwrap_or_default();
    for a in domain
        .unfinished_before(stale)
        .await?
        .into_iter()
        .filter(|a| a.status == "pending")
    {
        if queue.enqueue(a.id).await.is_ok() {
            requeued += 1;
        }
    }
    Ok((requeued, timed_out))
}

pub async fn run_sweeper(domain: Domain, queue: Queue, s: SweepSettings) {
    let mut tick = tokio::time::interval(s.every);
    loop {
        tick.tick().await;
        match sweep_once(&domain, &queue, &s).await {
            Ok((0, 0)) => {}
            Ok((requeued, timed_out)) => tracing::info!(requeued, timed_out, "sweeper pass"),
            Err(e) => tracing::warn!(error = %e, "sweeper pass failed"),
        }
    }
}
