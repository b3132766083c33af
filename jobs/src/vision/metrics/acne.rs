//! hd_acne: raised red spots (papules/pustules) as compact local a* maxima.

use super::super::face_frame::CanonicalFace;
use super::super::regions::Regions;
use super::spots::{excess_over_skin, find, SkinWeights, Spot, SpotKind};
use crate::vision::report::SpotScore;

/// A detected lesion in canonical-crop pixels.
pub type Lesion = Spot;

pub struct Acne {
    pub score: SpotScore,
    pub lesions: Vec<Lesion>,
    /// a* above its local background, per crop pixel: hd_pigmentation reads it to leave red
    /// spots to acne.
    pub a_excess: Vec<f32>,
}

/// a* above the local background (Gaussian σ = 0.12 IOD), CIELAB units: pixels above 3 form
/// candidate spots; a spot counts 0 when its peak excess is 4, rising to a whole lesion at 8.
/// Lesions of 0.02–0.12 IOD equivalent radius (≈ 1.3–8 mm).
pub const RED: SpotKind = SpotKind {
    excess: 3.0,
    peak_lo: 4.0,
    peak_hi: 8.0,
    radius_iod: [0.02, 0.12],
};
/// Nominal a* smoothing, crop px, applied at the common resolution (see
/// [`CanonicalFace::common_sigma`]); chroma is coarser than luminance in JPEG, so a* is measured
/// one more pixel coarse than L*.
pub const SIGMA_A: f32 = 1.5;
/// Local background, in IOD: wide enough that a lesion of up to 0.12 IOD radius barely raises
/// it, narrow enough to follow shading across the face.
const BACKGROUND_IOD: f32 = 0.12;
/// Lesion count giving ui_score 50.
const HALF_COUNT: f32 = 10.0;

/// a* above the skin around it, per crop pixel (0 outside the skin): its skin-only mean at the
/// common resolution minus its skin-only mean over 0.12 IOD ([`excess_over_skin`]).
fn a_excess(face: &CanonicalFace, regions: &Regions, weights: &SkinWeights) -> Vec<f32> {
    let n = face.lab.width;
    let sigma = BACKGROUND_IOD * face.iod;
    let win = regions
        .skin
        .bbox((3.0 * sigma) as usize)
        .unwrap_or((0, 0, n, n));
    excess_over_skin(
        &face.lab.a,
        &regions.skin,
        weights,
        win,
        face.common_sigma(SIGMA_A),
        sigma,
    )
}

/// **Acne** — what: red lesions on the skin.
/// How: a* smoothed over skin at the common resolution, minus its skin-only background (σ = 0.12
/// IOD); pixels with excess > 3 form 4-connected spots; spots of 0.02–0.12 IOD radius that fill
/// ≥ 30 % of their bounding box are lesions (fading out past those limits), each weighted by its
/// peak excess (0 at 4, 1 from 8). Raw:
/// weighted lesion count (also area % of the lesions weighing ≥ ½). Score: `ui(count, 10, 2)`
/// (one or two spots barely matter; ten give 50).
/// Limits: flat pigmented marks are not counted (no a* excess: they are hd_pigmentation);
/// diffuse redness is hd_redness; lesions smaller than the common resolution (≈ 2 mm per pixel)
/// are missed or weighted low.
/// `weights`: the skin mask's Gaussians for `regions.skin` ([`SkinWeights`]).
pub fn acne(face: &CanonicalFace, regions: &Regions, weights: &SkinWeights) -> Acne {
    let excess = a_excess(face, regions, weights);
    let skin = &regions.skin;
    let found = find(&excess, skin, face.iod, &RED, |_| true);
    Acne {
        score: found.score(HALF_COUNT, "lesions", skin),
        lesions: found.spots,
        a_excess: excess,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut_face, paint_discs, papule, spread_in};

    /// Paints `k` red papules (radius 4 crop px ≈ 2 mm) spread over the cheeks.
    fn with_spots(k: usize) -> f32 {
        let (mut face, regions) = astronaut_face();
        paint_discs(&mut face, &spread_in(&regions.cheeks(), k), 4.0, papule);
        let a = acne(&face, &regions, &SkinWeights::default());
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
