//! Mapping raw measurements to 0–100 scores, and the composite score.

/// 0–100 score from a "problem amount" `raw` ≥ 0: `100 / (1 + (raw / half)^power)`.
///
/// `raw = 0` gives 100, `raw = half` gives 50, and the score falls smoothly towards 0. `power`
/// sets how flat the healthy end is (higher = small amounts barely matter). Rounded to 0.1.
pub fn ui(raw: f32, half: f32, power: f32) -> f32 {
    let s = 100.0 / (1.0 + (raw.max(0.0) / half).powf(power));
    (s * 10.0).round() / 10.0
}

/// 0 at `lo`, 1 from `hi`, linear between: how the detail metrics weigh a measurement near
/// their limit instead of switching it on at one threshold (which resampling and noise flip).
pub fn ramp(x: f32, lo: f32, hi: f32) -> f32 {
    ((x - lo) / (hi - lo)).clamp(0.0, 1.0)
}

/// Rounds to one decimal for the report.
pub fn r1(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// Weights of the composite `all.score` (sum 1). Acne, wrinkles and redness are weighted most
/// because they are the most visible to people; firmness least because it is a geometric proxy.
pub const WEIGHTS: [(&str, f32); 8] = [
    ("hd_acne", 0.18),
    ("hd_wrinkle", 0.18),
    ("hd_redness", 0.14),
    ("hd_texture", 0.12),
    ("hd_pore", 0.12),
    ("hd_dark_circles", 0.10),
    ("hd_oiliness", 0.08),
    ("hd_firmness", 0.08),
];

/// Weighted mean of the metric ui_scores in [`WEIGHTS`] order.
pub fn composite(scores: [f32; 8]) -> f32 {
    r1(WEIGHTS.iter().zip(scores).map(|((_, w), s)| w * s).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ui_is_100_at_zero_50_at_half_and_decreasing() {
        assert_eq!(ui(0.0, 5.0, 2.0), 100.0);
        assert_eq!(ui(5.0, 5.0, 2.0), 50.0);
        assert!(ui(6.0, 5.0, 2.0) < ui(5.9, 5.0, 2.0));
    }

    #[test]
    fn weights_sum_to_one() {
        let s: f32 = WEIGHTS.iter().map(|(_, w)| w).sum();
        assert!((s - 1.0).abs() < 1e-6);
        assert_eq!(composite([80.0; 8]), 80.0);
    }
}
