//! Two pieces of work on the engine's two cores.

/// Runs `aside` on a second thread while `here` runs on this one, and returns both results
/// (`aside`'s first). A panic in `aside` is resumed here with its own payload, so the message
/// and location a failure reports are the ones where it happened.
pub(crate) fn join<A: Send, B>(
    aside: impl FnOnce() -> A + Send,
    here: impl FnOnce() -> B,
) -> (A, B) {
    std::thread::scope(|s| {
        let other = s.spawn(aside);
        let mine = here();
        let theirs = other
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (theirs, mine)
    })
}
