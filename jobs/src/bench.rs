//! Per-stage timing of the vision engine on a fixed input, shared by `dermis bench`, the
//! `bench` example and the criterion benchmark (benches/analysis.rs), so all three time the
//! same thing the same way. docs/performance.md records the results.

use std::time::Instant;

use crate::vision::{Engine, Options, StageTimings, VisionError};

/// The committed fixture photo (scikit-image's astronaut, 512×512).
const FIXTURE: &[u8] = include_bytes!("../fixtures/astronaut.png");

/// Stage names, in pipeline order, as the table prints them.
pub const STAGES: [&str; 8] = [
    "total",
    "decode",
    "detect",
    "landmarks",
    "age",
    "metrics",
    "jpeg spread",
    "masks+encode",
];

/// The benchmark input: the fixture upscaled to 1024×1024 (Catmull-Rom) as a quality-90 JPEG.
pub fn fixture_jpeg_1024() -> Vec<u8> {
    let photo = image::load_from_memory(FIXTURE)
        .expect("the fixture decodes")
        .to_rgb8();
    let big = image::imageops::resize(&photo, 1024, 1024, image::imageops::FilterType::CatmullRom);
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&big)
        .expect("JPEG encoding to memory");
    jpeg
}

/// Milliseconds of each of [`STAGES`] for one analysis; `total` is the wall time of the call.
pub fn stage_ms(total_ms: f64, t: &StageTimings) -> [f64; 8] {
    [
        total_ms,
        t.decode_ms,
        t.detect_ms,
        t.landmarks_ms,
        t.age_ms,
        t.metrics_ms,
        t.spread_ms,
        t.masks_ms,
    ]
}

/// The `p`-quantile (0–1) of `v`, nearest rank.
pub fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

/// Times `runs` analyses of `jpeg` (after one warm-up) and returns one row per stage:
/// (p50, p95) in milliseconds.
pub fn time_stages(
    engine: &Engine,
    jpeg: &[u8],
    opts: &Options,
    runs: usize,
) -> Result<[(f64, f64); 8], VisionError> {
    engine.analyze_bytes(jpeg, opts)?;
    let mut rows = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let a = engine.analyze_bytes(jpeg, opts)?;
        rows.push(stage_ms(t.elapsed().as_secs_f64() * 1e3, &a.timings));
    }
    Ok(std::array::from_fn(|i| {
        let col: Vec<f64> = rows.iter().map(|r| r[i]).collect();
        (percentile(col.clone(), 0.5), percentile(col, 0.95))
    }))
}

/// The quick and full rows of the benchmark table (markdown), `runs` analyses each.
pub fn stage_table(engine: &Engine, jpeg: &[u8], runs: usize) -> Result<String, VisionError> {
    let mut out = format!("| analysis | {} |\n", STAGES.join(" | "));
    out += &format!("| --- |{}\n", " ---: |".repeat(STAGES.len()));
    for (label, with_masks) in [("quick", false), ("full", true)] {
        let opts = Options {
            with_masks,
            ..Default::default()
        };
        let cells: Vec<String> = time_stages(engine, jpeg, &opts, runs)?
            .iter()
            .map(|(p50, p95)| format!("{p50:.1} / {p95:.1}"))
            .collect();
        out += &format!("| {label} (p50 / p95 ms) | {} |\n", cells.join(" | "));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_picks_the_nearest_rank() {
        let v: Vec<f64> = (1..=21).map(f64::from).collect();
        assert_eq!(percentile(v.clone(), 0.5), 11.0);
        assert_eq!(percentile(v.clone(), 0.95), 20.0);
        assert_eq!(percentile(vec![3.0], 0.95), 3.0);
    }

    #[test]
    fn table_has_a_row_per_kind_and_a_column_per_stage() {
        let engine = Engine::load().unwrap();
        let jpeg = fixture_jpeg_1024();
        let table = stage_table(&engine, &jpeg, 1).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 4, "{table}");
        assert!(lines[2].starts_with("| quick") && lines[3].starts_with("| full"));
        assert!(lines
            .iter()
            .all(|l| l.matches('|').count() == STAGES.len() + 2));
    }
}
