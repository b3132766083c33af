//! What every handler shares: the domain (commands and queries), storage, the queue, the rate
//! limiter and the configured limits.
use std::sync::Arc;
use std::time::Duration;

use entities::events::Plan;
use entities::Domain;
use jobs::queue::Queue;
use jobs::storage::ObjectStore;

use jobs::worker::WorkerContext;
use tokio::sync::Semaphore;

use crate::fetch::FetchPolicy;
use crate::mailer::Mailer;
use crate::ratelimit::{Limiter, Policy};

/// Request limits per key. DermIQ: per minute by plan (30 / 30 / 120); SKINN: 60 per hour;
/// Skin Shade: 100 analyses per calendar month on Free, and one generated key per client per
/// 30 days. Configurable for self-hosters.
#[derive(Debug, Clone, Copy)]
pub struct PlanLimits {
    pub free_per_minute: u32,
    pub pack_per_minute: u32,
    pub enterprise_per_minute: u32,
    pub skinn_per_hour: u32,
    pub shade_free_per_month: u32,
    pub shade_paid_per_month: u32,
    pub generatekey_per_month: u32,
}

impl Default for PlanLimits {
    fn default() -> Self {
        PlanLimits {
            free_per_minute: Plan::Free.requests_per_minute(),
            pack_per_minute: Plan::Pack.requests_per_minute(),
            enterprise_per_minute: Plan::Enterprise.requests_per_minute(),
            skinn_per_hour: 60,
            shade_free_per_month: 100,
            shade_paid_per_month: 10_000,
            generatekey_per_month: 1,
        }
    }
}

impl PlanLimits {
    pub fn per_minute(&self, plan: Plan) -> Policy {
        let limit = match plan {
            Plan::Free => self.free_per_minute,
            Plan::Pack => self.pack_per_minute,
            Plan::Enterprise => self.enterprise_per_minute,
        };
        Policy {
            limit,
            window: Duration::from_secs(60),
        }
    }

    pub fn shade_per_month(&self, plan: Plan) -> u32 {
        match plan {
            Plan::Free => self.shade_free_per_month,
            Plan::Pack | Plan::Enterprise => self.shade_paid_per_month,
        }
    }
}

pub struct ApiState {
    pub domain: Domain,
    pub storage: ObjectStore,
    pub queue: Queue,
    pub limiter: Limiter,
    pub limits: PlanLimits,
    /// Runs the synchronous dialects' analyses (SKINN, Skin Shade) in the request, with the
    /// same events, refunds and engine as the queued workers.
    pub inline: Arc<WorkerContext>,
    /// Bounds how many synchronous analyses run at once, so a burst queues for the CPU
    /// instead of thrashing it.
    pub inline_slots: Arc<Semaphore>,
    pub mailer: Mailer,
    pub fetch: FetchPolicy,
}

pub type State = Arc<ApiState>;
