//! hd_oiliness: specular shine on the skin.

use super::super::face_frame::CanonicalFace;
use super::super::filters::{gaussian, Plane};
use super::super::raster::Mask;
use super::super::regions::{median, Regions};
use super::score::{r1, ui};
use crate::vision::report::MetricScore;

const HALF_PCT: f32 = 4.0;

/// Specular pixels: much brighter than the median skin (L* + 12) and less saturated
/// (chroma < 0.75 × median): sebum reflects the light's colour, not the skin's.
///
/// Both planes are read at the common resolution, so that a highlight's area does not depend on
/// how sharply the photo renders its edge.
pub fn shine_mask(face: &CanonicalFace, regions: &Regions) -> Mask {
    let lab = &face.lab;
    let skin = &regions.skin;
    let n = lab.width;
    let sigma = face.common_sigma(0.0);
    let win = skin
        .bbox((3.0 * sigma) as usize + 1)
        .unwrap_or((0, 0, n, n));
    let l = Plane::new(n, n, lab.l.clone()).windowed(win, |w| gaussian(w, sigma));
    let chroma: Vec<f32> = lab.a.iter().zip(&lab.b).map(|(a, b)| a.hypot(*b)).collect();
    let chroma = Plane::new(n, n, chroma).windowed(win, |w| gaussian(w, sigma));
    let idx: Vec<usize> = (0..skin.data.len()).filter(|&i| skin.data[i]).collect();
    let ml = median(idx.iter().map(|&i| l.data[i]).collect()).unwrap_or(0.0);
    let mc = median(idx.iter().map(|&i| chroma.data[i]).collect()).unwrap_or(0.0);
    let mut m = Mask::empty(skin.width, skin.height);
    for &i in &idx {
        m.data[i] = l.data[i] > ml + 12.0 && chroma.data[i] < 0.75 * mc;
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
