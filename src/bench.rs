//! `dermis bench`: times the vision engine on a 1024×1024 JPEG made from the committed fixture
//! photo and prints p50/p95 per stage, for quick and full analyses, plus the process RSS.
use std::time::Instant;

use anyhow::Context;
use jobs::vision::{Engine, Options};

const FIXTURE: &[u8] = include_bytes!("../jobs/fixtures/astronaut.png");

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

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
    let photo = image::load_from_memory(FIXTURE)?.to_rgb8();
    let big = image::imageops::resize(&photo, 1024, 1024, image::imageops::FilterType::CatmullRom);
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&big)?;
    let started = Instant::now();
    let engine = Engine::load().context("loading the models")?;
    println!(
        "model load: {:.1} ms; input: 1024×1024 JPEG (q90), {runs} runs after one warm-up",
        started.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "{:<6} {:>8} | {:>15} {:>15} {:>15} {:>15} {:>15} {:>15}",
        "kind", "", "total", "decode", "detect", "landmarks", "metrics", "masks+encode"
    );
    for (label, with_masks) in [("quick", false), ("full", true)] {
        let opts = Options {
            with_masks,
            ..Default::default()
        };
        engine.analyze_bytes(&jpeg, &opts)?;
        let mut rows: Vec<[f64; 6]> = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            let a = engine.analyze_bytes(&jpeg, &opts)?;
            let s = &a.timings;
            rows.push([
                t.elapsed().as_secs_f64() * 1e3,
                s.decode_ms,
                s.detect_ms,
                s.landmarks_ms,
                s.metrics_ms,
                s.masks_ms,
            ]);
        }
        let col = |i: usize, p: f64| percentile(rows.iter().map(|r| r[i]).collect(), p);
        let cells: Vec<String> = (0..6)
            .map(|i| format!("{:>6.1} / {:>6.1}", col(i, 0.5), col(i, 0.95)))
            .collect();
        println!("{label:<6} {:>8} | {}", "p50/p95", cells.join(" "));
    }
    if let Some(mb) = rss_mb() {
        println!("process RSS after the runs: {mb:.0} MB");
    }
    Ok(())
}
