//! hd_firmness: a geometric sagging proxy from the landmarks and the nasolabial folds.

use super::super::face_frame::CanonicalFace;
use super::super::landmarks_idx::{MOUTH_LEFT, MOUTH_LEFT_INNER, MOUTH_RIGHT, MOUTH_RIGHT_INNER};
use super::score::ui;
use crate::vision::report::MetricScore;

const HALF: f32 = 10.0;

/// **Firmness** — what: signs of sagging in the lower face (not elasticity, which a photo cannot
/// measure).
/// How: raw = mouth-corner droop + fold term, where droop = how far the mouth corners (mean of the
/// outer and inner commissures, landmarks 61/291/78/308) sit below the lip centre line (mean of
/// landmarks 13/14), in % of IOD, floored at 0; fold term = 0.04 ×
/// the nasolabial wrinkle raw (% of fold length on a line, so at most 4). Score: `ui(raw, 10, 2)`.
/// Limits: expression dominates (a smile lifts the corners; a frown drops them); head pitch
/// changes the droop; this is a proxy, not a measurement of skin elasticity.
pub fn firmness(face: &CanonicalFace, nasolabial_pct: f32) -> MetricScore {
    let centre = (face.pt(13)[1] + face.pt(14)[1]) / 2.0;
    // Outer and inner commissures together: one landmark pair moves by a pixel with the head's
    // rotation or the photo's scale, four average that jitter down.
    let corners = [MOUTH_RIGHT, MOUTH_LEFT, MOUTH_RIGHT_INNER, MOUTH_LEFT_INNER]
        .iter()
        .map(|&i| face.pt(i)[1])
        .sum::<f32>()
        / 4.0;
    let droop = (100.0 * (corners - centre) / face.iod).max(0.0);
    let raw = droop + 0.04 * nasolabial_pct;
    MetricScore {
        ui_score: ui(raw, HALF, 2.0),
        raw_score: (raw * 100.0).round() / 100.0,
        unit: "sag index (% IOD)".into(),
    }
}
