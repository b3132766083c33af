//! `dermis bench`: times the vision engine on a 1024×1024 JPEG made from the committed fixture
//! photo and prints p50/p95 per stage, for quick and full analyses (`jobs::bench`), plus the
//! process RSS.
use std::time::Instant;

use anyhow::Context;
use jobs::vision::Engine;

/// Resident set size of this process in MB (Linux), if known.
fn rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

pub fn run(runs: usize) -> anyhow::Result<()> {
    let jpeg = jobs::bench::fixture_jpeg_1024();
    let started = Instant::now();
    let engine = Engine::load().context("loading the models")?;
    println!(
        "model load: {:.1} ms; input: 1024×1024 JPEG (q90), {runs} runs after one warm-up; \
         p50/p95 ms per stage",
        started.elapsed().as_secs_f64() * 1e3
    );
    print!("{}", jobs::bench::stage_table(&engine, &jpeg, runs)?);
    if let Some(mb) = rss_mb() {
        println!("process RSS after the runs: {mb:.0} MB");
    }
    Ok(())
}
