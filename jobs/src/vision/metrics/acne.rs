//! hd_acne: raised red spots (papules/pustules) as compact local a* maxima.

use super::super::face_frame::CanonicalFace;
use super::super::filters::{gaussian, Plane};
use super::super::raster::{components, Mask};
use super::super::regions::Regions;
use super::score::{r1, ramp, ui};
use crate::vision::report::AcneScore;

/// A detected lesion in canonical-crop pixels.
#[derive(Clone, Debug)]
pub struct Lesion {
    pub x: f32,
    pub y: f32,
    pub radius: f32,
}

pub struct Acne {
    pub score: AcneScore,
    pub lesions: Vec<Lesion>,
}

/// a* above the local background (Gaussian σ = 0.12 IOD), CIELAB units: pixels above
/// `EXCESS_A` form candidate spots; a spot counts 0 when its peak excess is `PEAK_LO`, rising to
/// a whole lesion at `PEAK_HI`. Weighting by contrast instead of counting above one threshold
/// keeps faint spots (and compression blocks) from switching the count by whole lesions.
const EXCESS_A: f32 = 3.0;
const PEAK_LO: f32 = 4.0;
const PEAK_HI: f32 = 8.0;
/// Nominal a* smoothing, crop px, applied at the common resolution (see
/// [`CanonicalFace::common_sigma`]); chroma is coarser than luminance in JPEG, so a* is measured
/// one more pixel coarse than L*.
const SIGMA_A: f32 = 1.5;
/// Lesion count giving ui_score 50.
const HALF_COUNT: f32 = 10.0;

/// **Acne** — what: red lesions on the skin.
/// How: a* smoothed at the common resolution, minus its Gaussian background (σ = 0.12 IOD);
/// pixels with excess > 3 form 4-connected spots; spots of 0.02–0.12 IOD radius that fill ≥ 30 %
/// of their bounding box are lesions, each weighted by its peak excess (0 at 4, 1 from 8). Raw:
/// weighted lesion count (also area % of the lesions weighing ≥ ½). Score: `ui(count, 10, 2)`
/// (one or two spots barely matter; ten give 50).
/// Limits: flat pigmented marks are not counted (no a* excess); diffuse redness is hd_redness;
/// lesions smaller than the common resolution (≈ 2 mm per pixel) are missed or weighted low.
pub fn acne(face: &CanonicalFace, regions: &Regions) -> Acne {
    let n = face.lab.width;
    let a = Plane::new(n, n, face.lab.a.clone());
    let skin = &regions.skin;
    let sigma = 0.12 * face.iod;
    let win = skin.bbox((3.0 * sigma) as usize).unwrap_or((0, 0, n, n));
    let bg = a.windowed(win, |w| gaussian(w, sigma));
    let fine = a.windowed(win, |w| gaussian(w, face.common_sigma(SIGMA_A)));
    let excess: Vec<f32> = (0..n * n).map(|i| fine.data[i] - bg.data[i]).collect();
    let cand = Mask {
        width: n,
        height: n,
        data: (0..n * n)
            .map(|i| skin.data[i] && excess[i] > EXCESS_A)
            .collect(),
    };
    let (rmin, rmax) = (0.02 * face.iod, 0.12 * face.iod);
    let mut lesions = Vec::new();
    let (mut count, mut area) = (0.0f32, 0usize);
    for c in components(&cand) {
        let r = (c.len() as f32 / std::f32::consts::PI).sqrt();
        if r < rmin || r > rmax {
            continue;
        }
        let (mut x0, mut x1, mut y0, mut y1) = (n, 0, n, 0);
        let (mut sx, mut sy, mut peak) = (0.0, 0.0, 0.0f32);
        for &i in &c {
            let (x, y) = (i % n, i / n);
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
            sx += x as f32;
            sy += y as f32;
            peak = peak.max(excess[i]);
        }
        let fill = c.len() as f32 / ((x1 - x0 + 1) * (y1 - y0 + 1)) as f32;
        let weight = ramp(peak, PEAK_LO, PEAK_HI);
        if fill < 0.3 || weight == 0.0 {
            continue;
        }
        count += weight;
        if weight >= 0.5 {
            area += c.len();
            lesions.push(Lesion {
                x: sx / c.len() as f32,
                y: sy / c.len() as f32,
                radius: r,
            });
        }
    }
    let area_pct = 100.0 * area as f32 / skin.count().max(1) as f32;
    Acne {
        score: AcneScore {
            ui_score: ui(count, HALF_COUNT, 2.0),
            raw_score: r1(count),
            unit: "lesions".into(),
            area_pct: r1(area_pct),
        },
        lesions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut_face, points_in, repaint};

    /// Paints `k` red papules (radius 4 crop px ≈ 2 mm) spread over the cheeks.
    fn with_spots(k: usize) -> f32 {
        let (mut face, regions) = astronaut_face();
        let cheeks = regions.cheeks();
        let all = points_in(&cheeks, 1);
        let centres: Vec<(f32, f32)> = all
            .iter()
            .step_by(all.len() / (k + 1))
            .skip(1)
            .take(k)
            .copied()
            .collect();
        repaint(&mut face, |x, y, p| {
            let near = centres
                .iter()
                .any(|&(cx, cy)| (x as f32 - cx).powi(2) + (y as f32 - cy).powi(2) <= 16.0);
            if near {
                [
                    p[0].saturating_add(10),
                    (p[1] as f32 * 0.7) as u8,
                    (p[2] as f32 * 0.75) as u8,
                ]
            } else {
                p
            }
        });
        let a = acne(&face, &regions);
        eprintln!(
            "{k} spots -> {} lesions, ui {}",
            a.lesions.len(),
            a.score.ui_score
        );
        a.score.ui_score
    }

    #[test]
    fn more_red_spots_lower_hd_acne_monotonically() {
        let scores: Vec<f32> = [0, 3, 6, 12].iter().map(|&k| with_spots(k)).collect();
        assert!(scores.windows(2).all(|w| w[1] < w[0]), "{scores:?}");
    }
}
