//! hd_dark_circles: how much darker the under-eye skin is than the cheek below it.

use super::super::face_frame::CanonicalFace;
use super::super::raster::Mask;
use super::super::regions::{median, Regions};
use super::score::ui;
use crate::vision::report::MetricScore;

const HALF_DL: f32 = 8.0;

fn median_l(face: &CanonicalFace, m: &Mask) -> Option<f32> {
    median(
        m.data
            .iter()
            .enumerate()
            .filter(|(_, &v)| v)
            .map(|(i, _)| face.lab.l[i])
            .collect(),
    )
}

/// **Dark circles** — what: periorbital darkening.
/// How: per side, ΔL* = median L*(cheek) − median L*(under-eye band, 0.05–0.33 IOD below the
/// lower lid); raw = mean of both sides, floored at 0 (CIELAB L* units). Score: `ui(ΔL*, 8, 2)`.
/// Limits: shadows from deep-set eyes or top lighting look like dark circles; concealer hides
/// them. Returns the per-side reference (cheek) L* for the mask, `None` for a side without
/// under-eye or cheek skin in view: with neither side, nothing was measured and the score
/// reads 100 (`image_quality.not_measured` says so).
pub fn dark_circles(face: &CanonicalFace, regions: &Regions) -> (MetricScore, [Option<f32>; 2]) {
    let side = |eye: &Mask, cheek: &Mask| -> Option<(f32, f32)> {
        let c = median_l(face, cheek)?;
        Some(((c - median_l(face, eye)?).max(0.0), c))
    };
    let sides = [
        side(&regions.under_eye_right, &regions.cheek_right),
        side(&regions.under_eye_left, &regions.cheek_left),
    ];
    let vals: Vec<(f32, f32)> = sides.iter().flatten().copied().collect();
    let raw = if vals.is_empty() {
        0.0
    } else {
        vals.iter().map(|v| v.0).sum::<f32>() / vals.len() as f32
    };
    let refs = sides.map(|side| side.map(|v| v.1));
    (
        MetricScore {
            ui_score: ui(raw, HALF_DL, 2.0),
            raw_score: (raw * 100.0).round() / 100.0,
            unit: "ΔL* cheek − under-eye".into(),
        },
        refs,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut_face, repaint};

    #[test]
    fn darker_under_eyes_lower_hd_dark_circles() {
        let (mut face, regions) = astronaut_face();
        let (before, _) = dark_circles(&face, &regions);
        let band = regions.under_eye_right.or(&regions.under_eye_left);
        repaint(&mut face, |x, y, p| {
            if band.get(x as usize, y as usize) {
                p.map(|c| (c as f32 * 0.75) as u8)
            } else {
                p
            }
        });
        let (after, _) = dark_circles(&face, &regions);
        eprintln!(
            "dark circles {} ({}) -> {} ({})",
            before.ui_score, before.raw_score, after.ui_score, after.raw_score
        );
        assert!(after.raw_score > before.raw_score + 5.0);
        assert!(after.ui_score < before.ui_score - 20.0);
    }

    #[test]
    fn without_under_eye_skin_in_view_a_side_is_not_measured() {
        // Dark glasses over the right eye: no under-eye skin on that side.
        let (face, mut regions) = astronaut_face();
        let (_, refs) = dark_circles(&face, &regions);
        assert!(refs[0].is_some() && refs[1].is_some());
        regions.under_eye_right = Mask::empty(regions.face.width, regions.face.height);
        let (_, refs) = dark_circles(&face, &regions);
        assert!(refs[0].is_none() && refs[1].is_some());
        regions.under_eye_left = regions.under_eye_right.clone();
        let (score, refs) = dark_circles(&face, &regions);
        assert_eq!(refs, [None, None]);
        assert_eq!(score.ui_score, 100.0);
    }
}
