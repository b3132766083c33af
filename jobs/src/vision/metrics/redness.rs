//! hd_redness: diffuse redness (erythema) from CIELAB a*.

use super::super::face_frame::CanonicalFace;
use super::super::regions::Regions;
use super::score::ui;
use crate::vision::report::MetricScore;

/// a* of non-inflamed skin under D65 is typically below this; only the excess counts.
pub const BASELINE_A: f32 = 12.0;
const HALF: f32 = 5.0;

/// **Redness** — what: how red the skin is overall (rosacea, flushing, irritation).
/// How: mean over the analysed skin of `max(0, a* − 12)`, CIELAB a* units. Score:
/// `ui(raw, 5, 2)`. Limits: a* depends on white balance and lighting; a strong colour cast shifts
/// it. Make-up hides it. The per-pixel excess is the redness mask.
pub fn redness(face: &CanonicalFace, regions: &Regions) -> MetricScore {
    let (mut sum, mut n) = (0.0f32, 0usize);
    for (i, &m) in regions.skin.data.iter().enumerate() {
        if m {
            sum += (face.lab.a[i] - BASELINE_A).max(0.0);
            n += 1;
        }
    }
    let raw = sum / n.max(1) as f32;
    MetricScore {
        ui_score: ui(raw, HALF, 2.0),
        raw_score: (raw * 100.0).round() / 100.0,
        unit: "mean a* excess over 12".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut_face, repaint};

    #[test]
    fn redder_skin_lowers_hd_redness() {
        let (mut face, regions) = astronaut_face();
        let before = redness(&face, &regions);
        repaint(&mut face, |_, _, p| {
            [
                p[0].saturating_add(25),
                (p[1] as f32 * 0.85) as u8,
                (p[2] as f32 * 0.9) as u8,
            ]
        });
        let after = redness(&face, &regions);
        eprintln!("redness {} -> {}", before.ui_score, after.ui_score);
        assert!(after.raw_score > before.raw_score + 3.0);
        assert!(after.ui_score < before.ui_score - 20.0);
    }
}
