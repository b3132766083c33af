//! hd_acne: raised red spots (papules/pustules) as compact local a* maxima.

use super::super::face_frame::CanonicalFace;
use super::super::filters::{gaussian, Plane};
use super::super::raster::{components, Mask};
use super::super::regions::Regions;
use super::score::{r1, ui};
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

/// a* above the local background (Gaussian σ = 0.12 IOD) that marks a lesion, CIELAB units.
const EXCESS_A: f32 = 5.0;
/// Lesion count giving ui_score 50.
const HALF_COUNT: f32 = 10.0;

/// **Acne** — what: red lesions on the skin.
/// How: a* minus its Gaussian-smoothed background (σ = 0.12 IOD); pixels with excess > 5 form
/// 4-connected components; components of 0.02–0.12 IOD radius that fill ≥ 30 % of their bounding
/// box count as lesions. Raw: lesion count (also area %). Score: `ui(count, 10, 2)` (one or two spots barely matter; ten give 50).
/// Limits: flat pigmented marks are not counted (no a* excess); diffuse redness is hd_redness;
/// lesions below the photo's resolution are missed.
pub fn acne(face: &CanonicalFace, regions: &Regions) -> Acne {
    let n = face.lab.width;
    let a = Plane::new(n, n, face.lab.a.clone());
    let skin = &regions.skin;
    let sigma = 0.12 * face.iod;
    let bg = a.windowed(
        skin.bbox((3.0 * sigma) as usize).unwrap_or((0, 0, n, n)),
        |w| gaussian(w, sigma),
    );
    let cand = Mask {
        width: n,
        height: n,
        data: (0..n * n)
            .map(|i| skin.data[i] && a.data[i] - bg.data[i] > EXCESS_A)
            .collect(),
    };
    let (rmin, rmax) = (0.02 * face.iod, 0.12 * face.iod);
    let mut lesions = Vec::new();
    let mut area = 0usize;
    for c in components(&cand) {
        let r = (c.len() as f32 / std::f32::consts::PI).sqrt();
        if r < rmin || r > rmax {
            continue;
        }
        let (mut x0, mut x1, mut y0, mut y1) = (n, 0, n, 0);
        let (mut sx, mut sy) = (0.0, 0.0);
        for &i in &c {
            let (x, y) = (i % n, i / n);
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
            sx += x as f32;
            sy += y as f32;
        }
        let fill = c.len() as f32 / ((x1 - x0 + 1) * (y1 - y0 + 1)) as f32;
        if fill < 0.3 {
            continue;
        }
        area += c.len();
        lesions.push(Lesion {
            x: sx / c.len() as f32,
            y: sy / c.len() as f32,
            radius: r,
        });
    }
    let count = lesions.len() as f32;
    let area_pct = 100.0 * area as f32 / skin.count().max(1) as f32;
    Acne {
        score: AcneScore {
            ui_score: ui(count, HALF_COUNT, 2.0),
            raw_score: count,
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
