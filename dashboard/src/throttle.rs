//! Login throttling (governor, in memory, per process): every attempt spends one token for its
//! e-mail address and one for its client IP. The e-mail budget stops password guessing against
//! one account; the IP budget stops one client spraying many accounts. Buckets refill over 15
//! minutes. Behind a reverse proxy the IP is the proxy's, so the per-IP budget is generous.
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Forget idle buckets once this many are held, so the maps cannot grow without bound.
const MAX_TRACKED: usize = 100_000;

pub struct LoginThrottle {
    by_email: DefaultKeyedRateLimiter<String>,
    by_ip: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
}

fn quota(per_window: u32) -> Quota {
    let n = NonZeroU32::new(per_window.max(1)).expect("positive");
    Quota::with_period(WINDOW / n.get())
        .expect("non-zero period")
        .allow_burst(n)
}

impl LoginThrottle {
    pub fn new(per_email: u32, per_ip: u32) -> Self {
        LoginThrottle {
            by_email: RateLimiter::keyed(quota(per_email)),
            by_ip: RateLimiter::keyed(quota(per_ip)),
            clock: DefaultClock::default(),
        }
    }

    /// Spend an attempt; `Err(wait)` when the e-mail or the IP has none left.
    pub fn attempt(&self, email: &str, ip: Option<IpAddr>) -> Result<(), Duration> {
        if self.by_email.len() > MAX_TRACKED {
            self.by_email.retain_recent();
        }
        if self.by_ip.len() > MAX_TRACKED {
            self.by_ip.retain_recent();
        }
        let now = self.clock.now();
        if let Some(ip) = ip {
            self.by_ip
                .check_key(&ip)
                .map_err(|not_until| not_until.wait_time_from(now))?;
        }
        self.by_email
            .check_key(&email.trim().to_lowercase())
            .map_err(|not_until| not_until.wait_time_from(now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_refused_after_its_budget_and_others_are_not() {
        let t = LoginThrottle::new(3, 100);
        let ip = Some("127.0.0.1".parse().unwrap());
        for _ in 0..3 {
            t.attempt("a@example.com", ip).unwrap();
        }
        let wait = t.attempt("A@example.com ", ip).unwrap_err();
        assert!(wait > Duration::from_secs(60), "{wait:?}");
        t.attempt("b@example.com", ip).unwrap();
    }

    #[test]
    fn an_ip_is_refused_after_its_budget() {
        let t = LoginThrottle::new(100, 2);
        let ip = Some("10.0.0.1".parse().unwrap());
        t.attempt("a@x.y", ip).unwrap();
        t.attempt("b@x.y", ip).unwrap();
        assert!(t.attempt("c@x.y", ip).is_err());
        t.attempt("c@x.y", Some("10.0.0.2".parse().unwrap()))
            .unwrap();
    }
}
