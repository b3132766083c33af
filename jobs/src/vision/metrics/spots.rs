//! Compact spots that stand out from the skin around them: the detector behind hd_acne (red
//! lesions, a* above its background) and hd_pigmentation (brown spots, melanin density above its
//! background).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::super::filters::{gaussian, Plane};
use super::super::raster::{components, Mask};
use super::score::{r1, ramp, ui};
use crate::vision::report::SpotScore;

/// The skin mask's own Gaussians (σ, over a window) that skin-only means divide by
/// ([`excess_over_skin`]), kept for one set of regions: they do not depend on the pixels, and
/// the JPEG spread measures eight drawn photos on the same regions (a seventh of each of those
/// passes went to the two background σ's, whose windows and σ never change). Belongs to one
/// skin mask: a caller passes the same mask with it every time.
#[derive(Default)]
pub struct SkinWeights(Mutex<HashMap<WeightKey, Arc<Plane>>>);

/// What a skin mask's Gaussian depends on besides the mask: the window `(x0, y0, x1, y1)` and
/// σ (its bits).
type WeightKey = ((usize, usize, usize, usize), u32);

impl SkinWeights {
    /// `skin` (as 0/1 weights) smoothed at `sigma` over `win`, computed once per window and σ.
    fn smoothed(&self, skin: &Plane, win: (usize, usize, usize, usize), sigma: f32) -> Arc<Plane> {
        // Held while computing: a second thread asking for the same plane would compute the
        // same thing, so it may as well wait for it.
        let mut known = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        known
            .entry((win, sigma.to_bits()))
            .or_insert_with(|| Arc::new(smooth(skin, win, sigma)))
            .clone()
    }
}

/// A detected spot in canonical-crop pixels.
#[derive(Clone, Debug)]
pub struct Spot {
    pub x: f32,
    pub y: f32,
    pub radius: f32,
    /// Its share of a whole spot in the count (0–1]: the mask draws it this opaque, so a mark
    /// counted in part shows as such instead of not at all.
    pub weight: f32,
}

/// What makes one kind of spot: its contrast, in the unit of its excess plane, and its size.
pub struct SpotKind {
    /// Pixels above this excess form candidate spots.
    pub excess: f32,
    /// A spot whose peak excess is `peak_lo` counts 0, rising to a whole spot at `peak_hi`.
    /// Weighting by contrast instead of counting above one threshold keeps faint spots (and
    /// compression blocks) from switching the count by whole spots.
    pub peak_lo: f32,
    pub peak_hi: f32,
    /// Smallest and largest equivalent radius (area as a disc), in IOD. A spot counts fully
    /// between them, fading to nothing from the smallest down to half of it and from the
    /// largest up to a quarter more ([`size_weight`]).
    pub radius_iod: [f32; 2],
}

/// A candidate's share of a whole spot by its equivalent radius `r` (same unit as `[rmin,
/// rmax]`): 1 between the limits, ramping to 0 at ½ `rmin` and at 1¼ `rmax`.
/// Why ramps: a spot's area above the candidate threshold moves with resampling and JPEG, so a
/// spot sitting at a hard limit came and went by a whole spot — obama.jpg's brown mark on the
/// cheek (0.058–0.064 IOD against a limit of 0.06) and a small dark mark on grace_hopper.jpg's
/// chin (0.016–0.027 IOD against 0.02) moved pigmentation by 3.6 and 4.3 points under rotation
/// and JPEG 60. The lower ramp is wide because below ≈ 0.03 IOD (one pixel at the common
/// resolution) a spot's measured size is mostly the blur's, not its own.
fn size_weight(r: f32, [rmin, rmax]: [f32; 2]) -> f32 {
    ramp(r, 0.5 * rmin, rmin) * (1.0 - ramp(r, rmax, 1.25 * rmax))
}

/// A candidate's share of a whole spot by how much of its bounding box it fills: 0 up to 20 %
/// (a line, a rim, a crease's edge), whole from 30 %.
fn fill_weight(fill: f32) -> f32 {
    ramp(fill, 0.2, 0.3)
}

/// What [`find`] found.
pub struct Found {
    /// Contrast-weighted spot count.
    pub count: f32,
    /// Every spot in the count (weight above 0), with its weight.
    pub spots: Vec<Spot>,
    /// Pixels of the spots weighing at least ½ (`area_pct`).
    pub area: usize,
}

impl Found {
    /// The report's score: `ui(count, half, 2)`, raw = the weighted count in `unit`, and the
    /// spots' share of the `over` pixels they were sought in.
    pub fn score(&self, half: f32, unit: &str, over: &Mask) -> SpotScore {
        SpotScore {
            ui_score: ui(self.count, half, 2.0),
            raw_score: r1(self.count),
            unit: unit.into(),
            area_pct: r1(100.0 * self.area as f32 / over.count().max(1) as f32),
        }
    }
}

/// Smooths `plane` at `sigma` over the window around `region` only (0 elsewhere).
pub fn smooth(plane: &Plane, win: (usize, usize, usize, usize), sigma: f32) -> Plane {
    plane.windowed(win, |w| gaussian(w, sigma))
}

/// `v` (one value per crop pixel) above the skin around it: its skin-only mean at `fine` (the
/// spot's own scale) minus its skin-only mean at `background` (the skin around), both Gaussian
/// σ in crop px over `win`. Skin-only means (the Gaussian of `v` over skin divided by that of
/// the skin mask): hair, brows, lips, nostrils, the background and glasses are not skin, and a
/// plain Gaussian spreads them into the skin along its edges — lips raised the skin beside them
/// and lowered their own surround, grey hair and a cap lowered the a* around the face's outline
/// so that its edge read as red spots (grace_hopper.jpg, where such edge spots came and went
/// with rotation and scaling). 0 outside the skin. `weights` holds the skin mask's Gaussians for
/// `skin`.
pub fn excess_over_skin(
    v: &[f32],
    skin: &Mask,
    weights: &SkinWeights,
    win: (usize, usize, usize, usize),
    fine: f32,
    background: f32,
) -> Vec<f32> {
    let n = skin.width;
    let w: Vec<f32> = skin.data.iter().map(|&s| f32::from(u8::from(s))).collect();
    let vw: Vec<f32> = v.iter().zip(&w).map(|(a, b)| a * b).collect();
    let (vw, w) = (Plane::new(n, n, vw), Plane::new(n, n, w));
    let mean = |sigma: f32| {
        let (num, den) = (smooth(&vw, win, sigma), weights.smoothed(&w, win, sigma));
        move |i: usize| num.data[i] / den.data[i].max(1e-3)
    };
    let (f, b) = (mean(fine), mean(background));
    (0..v.len())
        .map(|i| if skin.data[i] { f(i) - b(i) } else { 0.0 })
        .collect()
}

/// Spots of `excess` (one value per crop pixel) inside `region`: 4-connected pixels above
/// `c.excess`, each weighted by its peak excess, by its equivalent radius against
/// `c.radius_iod` (× `iod`; [`size_weight`]) and by how much of its bounding box it fills
/// (lines and rims are not spots; [`fill_weight`]). `keep` sees a candidate's pixel indices and
/// may refuse it (pigmentation leaves red spots to acne).
pub fn find(
    excess: &[f32],
    region: &Mask,
    iod: f32,
    c: &SpotKind,
    keep: impl Fn(&[usize]) -> bool,
) -> Found {
    let n = region.width;
    let cand = Mask {
        width: n,
        height: region.height,
        data: (0..excess.len())
            .map(|i| region.data[i] && excess[i] > c.excess)
            .collect(),
    };
    let limits = c.radius_iod.map(|r| r * iod);
    let mut found = Found {
        count: 0.0,
        spots: Vec::new(),
        area: 0,
    };
    for comp in components(&cand) {
        let r = (comp.len() as f32 / std::f32::consts::PI).sqrt();
        let size = size_weight(r, limits);
        if size == 0.0 {
            continue;
        }
        let (mut x0, mut x1, mut y0, mut y1) = (n, 0, usize::MAX, 0);
        let (mut sx, mut sy, mut peak) = (0.0, 0.0, 0.0f32);
        for &i in &comp {
            let (x, y) = (i % n, i / n);
            (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
            sx += x as f32;
            sy += y as f32;
            peak = peak.max(excess[i]);
        }
        let fill = comp.len() as f32 / ((x1 - x0 + 1) * (y1 - y0 + 1)) as f32;
        let weight = ramp(peak, c.peak_lo, c.peak_hi) * size * fill_weight(fill);
        if weight == 0.0 || !keep(&comp) {
            continue;
        }
        found.count += weight;
        if weight >= 0.5 {
            found.area += comp.len();
        }
        found.spots.push(Spot {
            x: sx / comp.len() as f32,
            y: sy / comp.len() as f32,
            radius: r,
            weight,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const N: usize = 120;
    const WHOLE: (usize, usize, usize, usize) = (0, 0, N, N);

    /// Beside skin lies something of another value (lips redder, grey hair or a cap less red):
    /// measured over skin only, the skin along the edge stands out from nothing. A plain
    /// Gaussian puts it over 3 units off a few pixels inside, an acne spot's threshold.
    #[test]
    fn what_lies_beside_the_skin_is_not_a_spot_on_it() {
        let skin = Mask::from_fn(N, N, |x, _| x < 60.0);
        let v: Vec<f32> = (0..N * N)
            .map(|i| if i % N < 60 { 10.0 } else { 0.0 })
            .collect();
        let excess = excess_over_skin(&v, &skin, &SkinWeights::default(), WHOLE, 2.0, 14.0);
        let worst = excess.iter().fold(0.0f32, |m, e| m.max(e.abs()));
        assert!(worst < 1e-3, "{worst}");
        let plain = smooth(&Plane::new(N, N, v.clone()), WHOLE, 2.0).sub(&smooth(
            &Plane::new(N, N, v),
            WHOLE,
            14.0,
        ));
        let edge = (0..60).fold(0.0f32, |m, x| m.max(plain.data[60 * N + x]));
        assert!(edge > 3.0, "{edge}");
    }

    /// A disc growing through the largest spot size, and one shrinking through the smallest,
    /// fade out of the count: no step of 0.5 px in radius moves it by more than a third of a
    /// spot (with hard limits, one step took a whole spot away).
    #[test]
    fn a_spot_at_a_size_limit_fades_out_of_the_count() {
        let kind = SpotKind {
            excess: 1.0,
            peak_lo: 2.0,
            peak_hi: 4.0,
            radius_iod: [0.1, 0.3],
        };
        let iod = 100.0;
        let region = Mask::from_fn(N, N, |_, _| true);
        let count = |radius: f32| {
            let disc: Vec<f32> = (0..N * N)
                .map(|i| {
                    let (x, y) = ((i % N) as f32 - 60.0, (i / N) as f32 - 60.0);
                    if x.hypot(y) <= radius {
                        5.0
                    } else {
                        0.0
                    }
                })
                .collect();
            find(&disc, &region, iod, &kind, |_| true).count
        };
        let radii: Vec<f32> = (6..=80).map(|k| k as f32 * 0.5).collect();
        let counts: Vec<f32> = radii.iter().map(|&r| count(r)).collect();
        for (w, r) in counts.windows(2).zip(&radii) {
            assert!((w[1] - w[0]).abs() <= 0.34, "at radius {r}: {w:?}");
        }
        let at = |r: f32| counts[radii.iter().position(|&x| x == r).unwrap()];
        assert_eq!(at(4.5), 0.0, "below half the smallest");
        assert_eq!(at(20.0), 1.0, "inside the limits");
        assert_eq!(at(38.0), 0.0, "beyond 1¼ × the largest");
    }
}
