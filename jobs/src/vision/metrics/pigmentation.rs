//! hd_pigmentation: brown spots (freckles, sun and age spots, flat moles) as compact local maxima
//! of the blue-over-red optical density.

use super::super::face_frame::CanonicalFace;
use super::super::lab::linear;
use super::super::regions::Regions;
use super::acne::{RED, SIGMA_A};
use super::spots::{excess_over_skin, find, SkinWeights, Spot, SpotKind};
use crate::vision::report::SpotScore;

pub struct Pigmentation {
    pub score: SpotScore,
    pub spots: Vec<Spot>,
}

/// Melanin contrast: ln(R/B) of linear RGB above the skin around it (see [`melanin_density`]).
/// Pixels more than 0.04 above form candidate spots; a spot counts 0 at a peak of 0.06, rising
/// to a whole spot at 0.2: a painted sun spot on fair skin (R × 0.85, B × 0.66, 2 mm in radius)
/// peaks at 0.19–0.25 after the common resolution's blur, measured against the skin-only
/// background (`tests::more_brown_spots_lower_hd_pigmentation_monotonically_and_not_acne`).
/// The top was 0.15, below that peak: faint marks then counted as most of a spot, and a
/// compression that weakened several at once moved the count by most of one (biden.jpg at JPEG
/// 75: +4.2 points; docs/metrics.md). Spots of 0.02–0.06 IOD equivalent radius (≈ 2.5–7.5 mm
/// across: freckles and most sun spots): wider warm patches are the shading of a smiling cheek's
/// apple (its colour deepens in its own shadow; astronaut.png reads two, ≈ 11 mm across) or
/// diffuse pigmentation, not spots.
const BROWN: SpotKind = SpotKind {
    excess: 0.04,
    peak_lo: 0.06,
    peak_hi: 0.2,
    radius_iod: [0.02, 0.06],
};
/// The skin around a spot, σ in IOD (≈ 3.7 mm): a band-pass at the spots' own size, so that a
/// wide warm patch, which a spot on it would join, is background.
const SPOT_BACKGROUND_IOD: f32 = 0.05;
/// Spot count giving ui_score 50.
const HALF_COUNT: f32 = 10.0;

/// Blue-over-red optical density, ln(R/B) of linear RGB (−ln B − (−ln R)), per crop pixel.
/// Melanin absorbs blue light far more than red, so a brown spot raises it; shading dims all
/// three channels alike and cancels in the ratio — ITA or L*, which fall in every shadow, read
/// the shading beside a smiling cheek as a brown patch.
/// As ln R − ln B, from a 256-entry table of ln(linear(c)): a logarithm per pixel was most of
/// this metric's cost.
fn melanin_density(face: &CanonicalFace) -> Vec<f32> {
    let ln: [f32; 256] = std::array::from_fn(|c| linear(c as u8).max(1e-3).ln());
    face.rgb
        .pixels()
        .map(|p| ln[p[0] as usize] - ln[p[2] as usize])
        .collect()
}

/// **Pigmentation** — what: brown spots on the cheeks, forehead and chin.
/// How: the blue-over-red density ln(R/B) ([`melanin_density`]) smoothed at the common
/// resolution over skin (nominal σ 1.5 crop px, as acne's a*), minus its skin-only Gaussian
/// background (σ = 0.05 IOD; [`excess_over_skin`]); pixels more than 0.04 above it form 4-connected spots;
/// spots of 0.02–0.06 IOD radius that fill ≥ 30 % of their bounding box count, each weighted by
/// its peak excess (0 at 0.06, 1 from 0.2), unless their mean a* excess is acne's (> 3: a red
/// lesion, counted by hd_acne). Raw: weighted spot count (also area % of the spots weighing
/// ≥ ½). Score: `ui(count, 10, 2)`.
/// Limits: spots smaller than the common resolution (≈ 2 mm) are missed or weighted low;
/// diffuse pigmentation (melasma over a whole cheek) is wider than the background and not
/// counted; skin inside deep creases looks warmer and can read as a spot; stubble and make-up
/// change what reads as skin.
/// `weights`: the skin mask's Gaussians for `regions.skin` ([`SkinWeights`]).
pub fn pigmentation(
    face: &CanonicalFace,
    regions: &Regions,
    a_excess: &[f32],
    weights: &SkinWeights,
) -> Pigmentation {
    let n = face.lab.width;
    // The nose (nostril rims, alar grooves), under-eyes (dark circles) and fold bands hold
    // shading that would read as brown patches.
    let area = regions.open_skin();
    let sigma = SPOT_BACKGROUND_IOD * face.iod;
    let win = area.bbox((3.0 * sigma) as usize).unwrap_or((0, 0, n, n));
    let excess = excess_over_skin(
        &melanin_density(face),
        &regions.skin,
        weights,
        win,
        face.common_sigma(SIGMA_A),
        sigma,
    );
    let brown = |c: &[usize]| {
        let mean_a = c.iter().map(|&i| a_excess[i]).sum::<f32>() / c.len() as f32;
        mean_a <= RED.excess
    };
    let found = find(&excess, &area, face.iod, &BROWN, brown);
    Pigmentation {
        score: found.score(HALF_COUNT, "spots", &area),
        spots: found.spots,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::metrics::acne::acne;
    use crate::vision::testutil::{astronaut_face, paint_discs, papule, spread_in};

    /// A brown spot's colour over skin `p`: darker, blue most (more melanin: lower L*, higher
    /// b*), as a sun spot on fair skin.
    fn brown(p: [u8; 3]) -> [u8; 3] {
        [
            (p[0] as f32 * 0.85) as u8,
            (p[1] as f32 * 0.76) as u8,
            (p[2] as f32 * 0.66) as u8,
        ]
    }

    /// (pigmentation, acne) scores of astronaut.png with `k` spots of radius 4 crop px
    /// (≈ 2 mm) painted over her cheeks in `colour`.
    fn with_spots(k: usize, colour: fn([u8; 3]) -> [u8; 3]) -> (f32, f32) {
        let (mut face, regions) = astronaut_face();
        paint_discs(&mut face, &spread_in(&regions.open_skin(), k), 4.0, colour);
        let a = acne(&face, &regions, &SkinWeights::default());
        let p = pigmentation(&face, &regions, &a.a_excess, &SkinWeights::default());
        eprintln!(
            "{k} spots -> {} brown found, raw {}, ui {}; acne ui {}",
            p.spots.len(),
            p.score.raw_score,
            p.score.ui_score,
            a.score.ui_score
        );
        (p.score.ui_score, a.score.ui_score)
    }

    #[test]
    fn more_brown_spots_lower_hd_pigmentation_monotonically_and_not_acne() {
        let runs: Vec<(f32, f32)> = [0, 3, 6, 12]
            .iter()
            .map(|&k| with_spots(k, brown))
            .collect();
        assert!(runs.windows(2).all(|w| w[1].0 < w[0].0), "{runs:?}");
        // Twelve painted spots cost more than 20 points (where two fall close together or on a
        // region's edge they merge or are cut, as acne's lesions do in its test).
        assert!(runs[3].0 < runs[0].0 - 20.0, "{runs:?}");
        // Brown spots are not red lesions.
        assert!(
            runs.iter().all(|r| (r.1 - runs[0].1).abs() <= 1.0),
            "{runs:?}"
        );
    }

    /// A spot of half a sun spot's optical density (ln R/B raised half as much).
    fn faint_brown(p: [u8; 3]) -> [u8; 3] {
        [
            (p[0] as f32 * 0.92) as u8,
            (p[1] as f32 * 0.87) as u8,
            (p[2] as f32 * 0.81) as u8,
        ]
    }

    /// A painted sun spot counts as a whole spot and one of half its density in part: the
    /// contrast ramp tops out at a sun spot's peak, not below it, where a faint mark counted as
    /// most of a spot and compression moved the count by whole spots (docs/metrics.md, "Why
    /// the contrast ramp tops out at 0.2"). Each painted disc's weight is that of the spots
    /// found on it.
    #[test]
    fn a_sun_spot_counts_whole_and_a_faint_one_in_part() {
        let weights = |colour: fn([u8; 3]) -> [u8; 3]| {
            let (mut face, regions) = astronaut_face();
            let at = spread_in(&regions.open_skin(), 6);
            paint_discs(&mut face, &at, 4.0, colour);
            let a = acne(&face, &regions, &SkinWeights::default());
            let p = pigmentation(&face, &regions, &a.a_excess, &SkinWeights::default());
            let mut w: Vec<f32> = at
                .iter()
                .map(|&(x, y)| {
                    let on = p.spots.iter().filter(|s| (s.x - x).hypot(s.y - y) < 4.0);
                    on.map(|s| s.weight).sum::<f32>()
                })
                .collect();
            w.sort_by(f32::total_cmp);
            eprintln!("{w:?}");
            w
        };
        let whole = weights(brown);
        assert!(whole.iter().all(|&w| w >= 0.9), "{whole:?}");
        let faint = weights(faint_brown);
        let median = faint[faint.len() / 2];
        assert!((0.1..=0.6).contains(&median), "{faint:?}");
    }

    #[test]
    fn red_papules_are_acne_not_pigmentation() {
        let (clear, clear_acne) = with_spots(0, papule);
        let (red, red_acne) = with_spots(12, papule);
        assert!(
            red_acne < clear_acne - 20.0,
            "acne {clear_acne} -> {red_acne}"
        );
        assert!((red - clear).abs() <= 1.0, "pigmentation {clear} -> {red}");
    }
}
