//! hd_oiliness: specular shine on the skin.

use super::super::face_frame::CanonicalFace;
use super::super::raster::Mask;
use super::super::regions::{median, Regions};
use super::score::{r1, ramp, ui};
use crate::vision::report::MetricScore;

/// Weighted specular share giving 50 (the weights count a highlight's soft rim, which the old
/// two-threshold mask did not, so the share is about twice the thresholded one).
const HALF_PCT: f32 = 8.0;

/// How specular each skin pixel is, 0–1: much brighter than the median skin (L* + 12) and less
/// saturated (chroma < 0.75 × median) gives ½ — sebum reflects the light's colour, not the
/// skin's — rising to 1 at L* + 17 and chroma < 0.55 × median. Ramps instead of two thresholds, so
/// that a highlight's edge moving by a pixel changes the shine a little, not by its whole rim.
pub fn shine_weights(face: &CanonicalFace, regions: &Regions) -> Vec<f32> {
    let lab = &face.lab;
    let skin = &regions.skin;
    let chroma = |i: usize| (lab.a[i] * lab.a[i] + lab.b[i] * lab.b[i]).sqrt();
    let idx: Vec<usize> = (0..skin.data.len()).filter(|&i| skin.data[i]).collect();
    let ml = median(idx.iter().map(|&i| lab.l[i]).collect()).unwrap_or(0.0);
    let mc = median(idx.iter().map(|&i| chroma(i)).collect()).unwrap_or(0.0);
    let mut w = vec![0f32; skin.data.len()];
    for &i in &idx {
        // 0.5 exactly at L* + 12 and chroma 0.75 × median; the ramps are 10 L* and 0.4 wide.
        let by_l = ramp(lab.l[i] - ml, 7.0, 17.0);
        let by_c = 1.0 - ramp(chroma(i) / mc.max(1e-3), 0.55, 0.95);
        w[i] = by_l.min(by_c);
    }
    w
}

/// The specular pixels: those weighing at least ½ (shown in the mask, left out of skin tone).
pub fn shine_mask(face: &CanonicalFace, regions: &Regions) -> Mask {
    half_or_more(&shine_weights(face, regions), &regions.skin)
}

fn half_or_more(w: &[f32], skin: &Mask) -> Mask {
    Mask {
        width: skin.width,
        height: skin.height,
        data: w.iter().map(|&v| v >= 0.5).collect(),
    }
}

/// **Oiliness** — what: visible shine from sebum.
/// How: share (%) of the analysed skin that is specular, each pixel counting by its weight (see
/// [`shine_weights`]); the mask shows the pixels weighing ≥ ½. Score:
/// `ui(pct, 8, 1.5)`. Limits: flash and direct sunlight create highlights on dry skin too;
/// matte make-up hides shine; this measures shine in this photo, not sebum production.
pub fn oiliness(face: &CanonicalFace, regions: &Regions) -> (MetricScore, Mask) {
    let w = shine_weights(face, regions);
    let pct = 100.0 * w.iter().sum::<f32>() / regions.skin.count().max(1) as f32;
    let m = half_or_more(&w, &regions.skin);
    (
        MetricScore {
            ui_score: ui(pct, HALF_PCT, 1.5),
            raw_score: r1(pct),
            unit: "% of skin specular".into(),
        },
        m,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut_face, points_in, repaint};

    #[test]
    fn specular_highlights_lower_hd_oiliness() {
        let (mut face, regions) = astronaut_face();
        let (before, _) = oiliness(&face, &regions);
        // Highlights of radius 5 px (≈ 2.7 mm), as a shiny T-zone and cheeks show them.
        let spots = points_in(&regions.cheeks().or(&regions.forehead), 400);
        repaint(&mut face, |x, y, p| {
            let hit = spots
                .iter()
                .any(|&(cx, cy)| (x as f32 - cx).powi(2) + (y as f32 - cy).powi(2) <= 25.0);
            if hit {
                [250, 248, 245]
            } else {
                p
            }
        });
        let (after, _) = oiliness(&face, &regions);
        eprintln!("oiliness {} -> {}", before.ui_score, after.ui_score);
        assert!(after.raw_score > before.raw_score);
        assert!(after.ui_score < before.ui_score - 5.0);
    }
}
