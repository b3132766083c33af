//! Timing of quick and full analyses on a 1024×1024 JPEG made from astronaut.png (upscaled 2×,
//! quality 90). Prints p50/p90 per stage; docs/performance.md records the results.
//!
//! cargo run --release --example bench -- [runs]

use std::time::Instant;

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

fn pct(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let src = image::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/astronaut.png"
    ))
    .unwrap()
    .to_rgb8();
    let big = image::imageops::resize(&src, 1024, 1024, image::imageops::FilterType::CatmullRom);
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&big)
        .unwrap();
    let t = Instant::now();
    let engine = Engine::load().unwrap();
    println!("load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    for (label, with_masks) in [("quick", false), ("full", true)] {
        let opts = Options {
            with_masks,
            ..Default::default()
        };
        engine.analyze_bytes(&jpeg, &opts).unwrap(); // warm-up
        let mut total = Vec::new();
        let mut stages: Vec<[f64; 5]> = Vec::new();
        let cpu0 = cpu_ms();
        for _ in 0..runs {
            let t = Instant::now();
            let a = engine.analyze_bytes(&jpeg, &opts).unwrap();
            total.push(t.elapsed().as_secs_f64() * 1e3);
            let s = &a.timings;
            stages.push([
                s.decode_ms,
                s.detect_ms,
                s.landmarks_ms,
                s.metrics_ms,
                s.masks_ms,
            ]);
        }
        let cpu = (cpu_ms() - cpu0) / runs as f64;
        let col = |i: usize| pct(stages.iter().map(|s| s[i]).collect(), 0.5);
        println!(
            "{label}: p50 {:.1} ms, p90 {:.1} ms, CPU {cpu:.0} ms/analysis | p50 decode {:.1}, detect {:.1}, landmarks {:.1}, metrics {:.1}, masks {:.1}",
            pct(total.clone(), 0.5),
            pct(total, 0.9),
            col(0),
            col(1),
            col(2),
            col(3),
            col(4)
        );
    }
}
