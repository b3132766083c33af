//! hd_oiliness: specular shine on the skin.

use super::super::face_frame::CanonicalFace;
use super::super::raster::Mask;
use super::super::regions::{median, Regions};
use super::score::{r1, ui};
use crate::vision::report::MetricScore;

const HALF_PCT: f32 = 4.0;

/// Specular pixels: much brighter than the median skin (L* + 12) and less saturated
/// (chroma < 0.75 × median): sebum reflects the light's colour, not the skin's.
pub fn shine_mask(face: &CanonicalFace, regions: &Regions) -> Mask {
    let lab = &face.lab;
    let skin = &regions.skin;
    let idx: Vec<usize> = (0..skin.data.len()).filter(|&i| skin.data[i]).collect();
    let chroma = |i: usize| (lab.a[i] * lab.a[i] + lab.b[i] * lab.b[i]).sqrt();
    let ml = median(idx.iter().map(|&i| lab.l[i]).collect()).unwrap_or(0.0);
    let mc = median(idx.iter().map(|&i| chroma(i)).collect()).unwrap_or(0.0);
    let mut m = Mask::empty(skin.width, skin.height);
    for &i in &idx {
        m.data[i] = lab.l[i] > ml + 12.0 && chroma(i) < 0.75 * mc;
    }
    m
}

/// **Oiliness** — what: visible shine from sebum.
/// How: share (%) of the analysed skin that is specular (see [`shine_mask`]). Score:
/// `ui(pct, 4, 1.5)`. Limits: flash and direct sunlight create highlights on dry skin too;
/// matte make-up hides shine; this measures shine in this photo, not sebum production.
pub fn oiliness(face: &CanonicalFace, regions: &Regions) -> (MetricScore, Mask) {
    let m = shine_mask(face, regions);
    let pct = 100.0 * m.count() as f32 / regions.skin.count().max(1) as f32;
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
        let spots = points_in(&regions.cheeks().or(&regions.forehead), 400);
        repaint(&mut face, |x, y, p| {
            let hit = spots
                .iter()
                .any(|&(cx, cy)| (x as f32 - cx).powi(2) + (y as f32 - cy).powi(2) <= 9.0);
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
