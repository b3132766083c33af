//! hd_pore: enlarged pores as small dark blobs on the cheeks and nose.

use super::super::face_frame::CanonicalFace;
use super::super::filters::{dark_blobs, Plane};
use super::super::regions::Regions;
use super::score::{r1, ramp, ui};
use crate::vision::report::MetricScore;

/// Nominal LoG scale in crop pixels, applied at the common resolution (σ ≈ 2.8 crop px there,
/// so dots of ≈ 2–4 mm).
const SIGMA: f32 = 1.0;
/// Scale-normalised LoG response (L* units) of a dot: a local maximum counts 0 at `RESPONSE_LO`,
/// fully from `RESPONSE_HI`, linearly between (a ramp, not a threshold, so that noise and
/// resampling near the threshold move the count a little, not by whole dots).
const RESPONSE_LO: f32 = 0.8;
const RESPONSE_HI: f32 = 1.6;
/// Average adult inter-ocular distance, cm, to express densities per cm².
pub const IOD_CM: f32 = 6.3;
const HALF_DENSITY: f32 = 6.0;

/// **Pores** — what: visible enlarged pores and blackheads on cheeks and nose, as dark dots.
/// How: scale-normalised Laplacian of Gaussian on L* (nominal σ = 1 crop px at the common
/// resolution); each 3×3 local maximum counts by its response, 0 at 0.8 rising to 1 at 1.6.
/// Raw: pores (dots) per cm² of cheek+nose skin, converting pixels with the average adult IOD
/// of 6.3 cm. Score: `ui(density, 6, 2)` (a dot or two per cm² is what any skin shows at this
/// resolution). Limits: at the common resolution (≈ 2 mm per pixel) single normal pores (0.1–0.5 mm) are invisible; what is counted are enlarged pores, clusters and
/// blackheads large or dark enough to show in an ordinary photo. Small dark freckles count too.
pub fn pores(face: &CanonicalFace, regions: &Regions) -> (MetricScore, Vec<(f32, f32)>) {
    let n = face.lab.width;
    let l = Plane::new(n, n, face.lab.l.clone());
    let region = regions.cheeks().or(&regions.nose);
    let sigma = face.common_sigma(SIGMA);
    let r = l.windowed(
        region
            .bbox(6 + (3.0 * sigma) as usize)
            .unwrap_or((0, 0, n, n)),
        |w| dark_blobs(w, sigma, face.scene_sigma(SIGMA)),
    );
    let mut found = Vec::new();
    let mut weight = 0.0;
    for y in 1..n - 1 {
        for x in 1..n - 1 {
            let i = y * n + x;
            let v = r.data[i];
            if !region.data[i] || v <= RESPONSE_LO {
                continue;
            }
            let is_max = (-1..=1).all(|dy: isize| {
                (-1..=1).all(|dx: isize| {
                    r.at((x as isize + dx) as usize, (y as isize + dy) as usize) <= v
                })
            });
            if is_max {
                let w = ramp(v, RESPONSE_LO, RESPONSE_HI);
                weight += w;
                if w >= 0.5 {
                    found.push((x as f32, y as f32));
                }
            }
        }
    }
    let cm_per_px = IOD_CM / face.iod;
    let area_cm2 = region.count() as f32 * cm_per_px * cm_per_px;
    let density = weight / area_cm2.max(1e-3);
    (
        MetricScore {
            ui_score: ui(density, HALF_DENSITY, 2.0),
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
    fn a_grid_of_enlarged_dark_pores_lowers_hd_pore() {
        let (mut face, regions) = astronaut_face();
        let (before, _) = pores(&face, &regions);
        let region = regions.cheeks().or(&regions.nose);
        repaint(&mut face, |x, y, p| {
            // 3×3-px dots (≈ 1.6 mm) every 10 px: enlarged pores, visible at the common
            // resolution.
            if region.get(x as usize, y as usize) && x % 10 < 3 && y % 10 < 3 {
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
