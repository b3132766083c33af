//! How an idle worker is woken to look for work: a timer that stays armed.
//!
//! Left to themselves, apalis's SQLite and Redis backends fetch again only when the heartbeat
//! timer (`workers.heartbeat_secs`, 10 s by default) wakes the worker: a full analysis (0.2 s of
//! work) took 6.6–8.9 s from upload to `completed`. apalis's `poll_with_interval` was meant to
//! fix that but left 2–6 of 14 pick-ups waiting for a heartbeat (4.8–9.4 s), because its
//! `IntervalStrategy` replaces a delay that has fired with a new one *without polling it*: when
//! the fire is seen in the same poll as an empty fetch, no timer holds the worker's waker and
//! the worker sleeps until the next heartbeat. This strategy polls its timer until it is
//! pending, so every poll leaves the next tick armed.
use std::task::{Context, Poll};
use std::time::Duration;

use apalis::prelude::{PollSnapshot, PollStrategy};
use tokio::time::{Interval, MissedTickBehavior};

/// How often an idle worker asks the queue for work. Cost: one indexed query (SQLite) or script
/// call (Redis) per idle worker per interval (≈ 1 % of a core).
pub const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// Wakes the worker every `period`, whatever else woke it in between.
#[derive(Debug)]
pub struct EveryInterval {
    period: Duration,
    // Made on first use: a tokio timer needs the runtime, which the worker runs on.
    timer: Option<Interval>,
}

impl EveryInterval {
    pub fn new(period: Duration) -> EveryInterval {
        EveryInterval {
            period,
            timer: None,
        }
    }

    /// Ready when at least one tick has passed since the last call; always returns with the
    /// caller's waker registered for the next tick.
    pub fn poll_tick(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let period = self.period;
        let timer = self.timer.get_or_insert_with(|| {
            let mut t = tokio::time::interval(period);
            t.set_missed_tick_behavior(MissedTickBehavior::Delay);
            t
        });
        let mut fired = false;
        // With `Delay`, a tick that fired sets the next one a period ahead, so this ends.
        while timer.poll_tick(cx).is_ready() {
            fired = true;
        }
        if fired {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

impl PollStrategy for EveryInterval {
    fn poll_drive(&mut self, cx: &mut Context<'_>, _: &PollSnapshot) -> Poll<Option<()>> {
        self.poll_tick(cx).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::Wake;

    struct CountingWaker(AtomicUsize);
    impl Wake for CountingWaker {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// The case apalis's strategy misses: the tick is seen as fired, nothing else wakes the
    /// task, and yet the next tick must wake it. (Real time: waits are generous lower bounds.)
    #[tokio::test]
    async fn a_fired_tick_leaves_the_next_one_armed() {
        let counter = Arc::new(CountingWaker(AtomicUsize::new(0)));
        let waker = std::task::Waker::from(counter.clone());
        let mut cx = Context::from_waker(&waker);
        let mut every = EveryInterval::new(Duration::from_millis(200));
        // Arms the timer. Its first tick is due at once, but the timer wheel may round that up
        // by a millisecond: either it is ready now and the next tick is armed, or it is armed.
        let _ = every.poll_tick(&mut cx);
        for n in 1..=3 {
            // Nobody polls meanwhile: only the armed timer can wake the task, once.
            tokio::time::sleep(Duration::from_millis(500)).await;
            assert_eq!(counter.0.load(Ordering::SeqCst), n);
            assert!(every.poll_tick(&mut cx).is_ready());
        }
        // Polled again at once: the next tick is a period away.
        assert!(every.poll_tick(&mut cx).is_pending());
    }
}
