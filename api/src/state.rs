//! What every handler shares: the domain (commands and queries), storage, the queue, the rate
//! limiter and the configured limits.
use std::sync::Arc;
use std::time::Duration;

use entities::events::Plan;
use entities::Domain;
use jobs::queue::Queue;
use jobs::storage::ObjectStore;

use crate::ratelimit::{Limiter, Policy};

/// Requests per minute per key, by plan (DermIQ: 30 / 30 / 120). Configurable for self-hosters.
#[derive(Debug, Clone, Copy)]
pub struct PlanLimits {
    pub free_per_minute: u32,
    pub pack_per_minute: u32,
    pub enterprise_per_minute: u32,
}

impl Default for PlanLimits {
    fn default() -> Self {
        PlanLimits {
            free_per_minute: Plan::Free.requests_per_minute(),
            pack_per_minute: Plan::Pack.requests_per_minute(),
            enterprise_per_minute: Plan::Enterprise.requests_per_minute(),
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
}

pub struct ApiState {
    pub domain: Domain,
    pub storage: ObjectStore,
    pub queue: Queue,
    pub limiter: Limiter,
    pub limits: PlanLimits,
}

pub type State = Arc<ApiState>;
