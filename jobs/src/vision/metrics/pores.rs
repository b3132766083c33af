//! hd_pore: enlarged pores as small dark blobs on the cheeks and nose.

use super::super::face_frame::CanonicalFace;
use super::super::filters::{dark_blobs, Plane};
use super::super::regions::Regions;
use super::score::{r1, ui};
use crate::vision::report::MetricScore;

/// LoG scale in crop pixels (≈ 0.5 mm at the average IOD of 63 mm).
const SIGMA: f32 = 1.0;
/// Scale-normalised LoG response (L* units) of a visible pore.
const RESPONSE_T: f32 = 1.5;
/// Average adult inter-ocular distance, cm, to express densities per cm².
pub const IOD_CM: f32 = 6.3;
const HALF_DENSITY: f32 = 6.0;

/// **Pores** — what: visible (enlarged) pores on cheeks and nose.
/// How: scale-normalised Laplacian of Gaussian on L* (σ = 1 crop px); local maxima (3×3) above
/// 1.5 are pores. Raw: pores per cm² of cheek+nose skin, converting pixels with the average adult
/// IOD of 6.3 cm. Score: `ui(density, 6, 1.5)`. Limits: needs ≥ ~0.5 mm per image pixel (IOD ≥
/// 120 px); at lower resolution pores are invisible and the score is optimistic. Blackheads and
/// small dark freckles count too.
pub fn pores(face: &CanonicalFace, regions: &Regions) -> (MetricScore, Vec<(f32, f32)>) {
    let n = face.lab.width;
    let l = Plane::new(n, n, face.lab.l.clone());
    let region = regions.cheeks().or(&regions.nose);
    let r = l.windowed(region.bbox(6).unwrap_or((0, 0, n, n)), |w| {
        dark_blobs(w, SIGMA)
    });
    let mut found = Vec::new();
    for y in 1..n - 1 {
        for x in 1..n - 1 {
            let i = y * n + x;
            let v = r.data[i];
            if !region.data[i] || v < RESPONSE_T {
                continue;
            }
            let is_max = (-1..=1).all(|dy: isize| {
                (-1..=1).all(|dx: isize| {
                    r.at((x as isize + dx) as usize, (y as isize + dy) as usize) <= v
                })
            });
            if is_max {
                found.push((x as f32, y as f32));
            }
        }
    }
    let cm_per_px = IOD_CM / face.iod;
    let area_cm2 = region.count() as f32 * cm_per_px * cm_per_px;
    let density = found.len() as f32 / area_cm2.max(1e-3);
    (
        MetricScore {
            ui_score: ui(density, HALF_DENSITY, 1.5),
            raw_score: r1(density),
            unit: "pores per cm²".into(),
        },
        found,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut_face, repaint};

    #[test]
    fn a_grid_of_small_dark_dots_lowers_hd_pore() {
        let (mut face, regions) = astronaut_face();
        let (before, _) = pores(&face, &regions);
        let region = regions.cheeks().or(&regions.nose);
        repaint(&mut face, |x, y, p| {
            if region.get(x as usize, y as usize) && x % 7 == 3 && y % 7 == 3 {
                p.map(|c| (c as f32 * 0.8) as u8)
            } else {
                p
            }
        });
        let (after, found) = pores(&face, &regions);
        eprintln!(
            "pores {} -> {} ({} found)",
            before.ui_score,
            after.ui_score,
            found.len()
        );
        assert!(after.raw_score > before.raw_score * 2.0 + 1.0);
        assert!(after.ui_score < before.ui_score - 20.0);
    }
}
