//! Per-key rate limits. In memory (governor's GCRA, embedded default) or in Redis (the same GCRA
//! as a Lua script, shared by every server process, scaled setup). Both answer with what the
//! response headers need: the limit, what remains, and when the budget is whole again.
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::{Quota, RateLimiter};
use redis::aio::ConnectionManager;

/// A limit: `limit` requests per `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Policy {
    pub limit: u32,
    pub window: Duration,
}

/// The outcome of counting one request.
#[derive(Debug, Clone, Copy)]
pub struct Decision {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// When the caller may retry (blocked) or the budget is whole again (allowed).
    pub reset_after: Duration,
}

impl Decision {
    pub fn reset_at_unix_ms(&self) -> u128 {
        (SystemTime::now() + self.reset_after)
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis()
    }
}

type Keyed = RateLimiter<
    String,
    governor::state::keyed::DefaultKeyedStateStore<String>,
    DefaultClock,
    StateInformationMiddleware,
>;

#[derive(Clone)]
pub enum Limiter {
    Memory(Arc<Mutex<HashMap<Policy, Arc<Keyed>>>>),
    Redis(ConnectionManager),
}

impl Limiter {
    pub fn memory() -> Self {
        Limiter::Memory(Arc::default())
    }

    pub async fn redis(url: &str) -> Result<Self, redis::RedisError> {
        let client = redis::Client::open(url)?;
        Ok(Limiter::Redis(ConnectionManager::new(client).await?))
    }

    /// Count one request of `key` (already namespaced by the caller) against `policy`.
    pub async fn hit(&self, key: &str, policy: Policy) -> Result<Decision, redis::RedisError> {
        match self {
            Limiter::Memory(limiters) => Ok(memory_hit(limiters, key, policy)),
            Limiter::Redis(conn) => redis_hit(conn.clone(), key, policy).await,
        }
    }
}

fn memory_hit(limiters: &Mutex<HashMap<Policy, Arc<Keyed>>>, key: &str, p: Policy) -> Decision {
    let limiter = {
        let mut map = limiters.lock().expect("rate-limit map poisoned");
        map.entry(p)
            .or_insert_with(|| {
                let limit = NonZeroU32::new(p.limit.max(1)).expect("non-zero");
                let per_cell = p.window / limit.get();
                let quota = Quota::with_period(per_cell)
                    .expect("positive period")
                    .allow_burst(limit);
                Arc::new(RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>())
            })
            .clone()
    };
    let per_cell = p.window / p.limit.max(1);
    match limiter.check_key(&key.to_string()) {
        Ok(snapshot) => {
            let remaining = snapshot.remaining_burst_capacity();
            Decision {
                allowed: true,
                limit: p.limit,
                remaining,
                reset_after: per_cell * (p.limit - remaining),
            }
        }
        Err(not_until) => Decision {
            allowed: false,
            limit: p.limit,
            remaining: 0,
            reset_after: not_until.wait_time_from(DefaultClock::default().now()),
        },
    }
}

/// GCRA in one atomic script, so both modes behave alike: `limit` requests may come at once, then
/// one per `window / limit`. A fixed window would let 2 × `limit` through around its boundary.
/// The clock is Redis's own (`TIME`), so server processes with skewed clocks agree. The key holds
/// the theoretical arrival time (ms) and expires when the budget is whole again. Built once: the
/// script's SHA-1 (for EVALSHA) is computed when it is created.
static GCRA: LazyLock<redis::Script> = LazyLock::new(|| {
    redis::Script::new(
        r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local period = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local ahead = tat + period - now
if ahead > window then
  return {0, 0, ahead - window}
end
redis.call('SET', KEYS[1], tat + period, 'PX', ahead)
return {1, math.floor((window - ahead) / period), ahead}
",
    )
});

async fn redis_hit(
    mut conn: ConnectionManager,
    key: &str,
    p: Policy,
) -> Result<Decision, redis::RedisError> {
    let limit = p.limit.max(1);
    let window_ms = p.window.as_millis().max(1) as u64;
    let period_ms = (window_ms / limit as u64).max(1);
    let redis_key = format!("dermis:rl:{key}:{limit}:{window_ms}");
    let (allowed, remaining, after_ms): (u8, u32, u64) = GCRA
        .key(&redis_key)
        .arg(period_ms)
        .arg(period_ms * limit as u64)
        .invoke_async(&mut conn)
        .await?;
    Ok(Decision {
        allowed: allowed == 1,
        limit: p.limit,
        remaining,
        reset_after: Duration::from_millis(after_ms),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both limiters answer alike: the whole budget at once, then one request per window / limit.
    async fn allows_the_limit_then_blocks_with_a_retry_time(l: Limiter, k: &str) {
        let p = Policy {
            limit: 3,
            window: Duration::from_secs(60),
        };
        for expected_remaining in [2, 1, 0] {
            let d = l.hit(k, p).await.unwrap();
            assert!(d.allowed);
            assert_eq!(d.remaining, expected_remaining);
        }
        let d = l.hit(k, p).await.unwrap();
        assert!(!d.allowed);
        assert!(
            d.reset_after > Duration::from_secs(15) && d.reset_after <= Duration::from_secs(20),
            "{:?}",
            d.reset_after
        );
        assert!(
            l.hit(&format!("{k}-other"), p).await.unwrap().allowed,
            "keys are independent"
        );
    }

    #[tokio::test]
    async fn memory_limiter_allows_the_limit_then_blocks_with_a_retry_time() {
        allows_the_limit_then_blocks_with_a_retry_time(Limiter::memory(), "k").await;
    }

    /// Needs the Redis server of the test machine (127.0.0.1:6379); fails loudly without it.
    #[tokio::test]
    async fn redis_limiter_allows_the_limit_then_blocks_with_a_retry_time() {
        let l = Limiter::redis("redis://127.0.0.1:6379")
            .await
            .expect("Redis must run on 127.0.0.1:6379 for the tests");
        let k = format!("unit-{}", uuid::Uuid::new_v4());
        allows_the_limit_then_blocks_with_a_retry_time(l, &k).await;
    }
}
