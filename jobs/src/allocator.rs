//! Allocator settings for the processes that run analyses (server, worker, benchmarks).

/// Keeps the engine's large, short-lived buffers (the decoded photo, the crops' planes, model
/// activations: up to a few MB each, allocated and freed every analysis) in the heap instead
/// of mapping fresh pages for them each time.
///
/// Why: glibc serves blocks above its mmap threshold from new mappings and hands freed heap
/// above its trim threshold back to the kernel, and it moves both thresholds at run time, so
/// whether a buffer comes back warm or as fresh zero pages depends on the order of earlier
/// frees, which differs from process to process. Measured with the `bench` example (30 quick
/// analyses per process, same binary, docs/performance.md): by default some processes decoded
/// in 6.0 ms and others in 9.0 ms (quick p50 49–57 ms); with these settings every process
/// decoded in 6.0 ms (p50 49.5–49.9 ms) and used less CPU. Cost: the heap keeps its peak size
/// between analyses (tens of MB per concurrent analysis) instead of shrinking.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets glibc allocator parameters, under the allocator's own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
    }
}
