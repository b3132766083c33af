//! Timing of quick and full analyses on a 1024×1024 JPEG made from astronaut.png (upscaled 2×,
//! quality 90). Prints p50/p95 per stage (`jobs::bench`) and the process CPU time per analysis;
//! docs/performance.md records the results.
//!
//! cargo run --release --example bench -- [runs]

use std::time::Instant;

use jobs::bench::{fixture_jpeg_1024, time_stages, STAGES};
use jobs::vision::{Engine, Options};

/// CPU time (user + system) of this process so far, ms, from /proc (Linux); 0 elsewhere.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the ")" of the command name: state (not a number), then ppid …; utime and stime
    // are fields 14 and 15 of the line, i.e. the 11th and 12th numbers here.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = rest
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    if f.len() < 12 {
        return 0.0;
    }
    (f[10] + f[11]) * 10.0 // clock ticks of 10 ms
}

fn main() {
    jobs::allocator::keep_freed_memory();
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let jpeg = fixture_jpeg_1024();
    let t = Instant::now();
    let engine = Engine::load().unwrap();
    println!("load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    for (label, with_masks) in [("quick", false), ("full", true)] {
        let opts = Options {
            with_masks,
            ..Default::default()
        };
        let cpu0 = cpu_ms();
        let rows = time_stages(&engine, &jpeg, &opts, runs).unwrap();
        // One warm-up run precedes the timed ones.
        let cpu = (cpu_ms() - cpu0) / (runs + 1) as f64;
        let cells: Vec<String> = STAGES
            .iter()
            .zip(rows)
            .map(|(name, (p50, p95))| format!("{name} {p50:.1}/{p95:.1}"))
            .collect();
        println!(
            "{label}: CPU {cpu:.0} ms/analysis | p50/p95 ms: {}",
            cells.join(", ")
        );
    }
}
