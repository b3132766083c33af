//! Compact spots that stand out from the skin around them: the detector behind hd_acne (red
//! lesions, a* above its background) and hd_pigmentation (brown spots, ITA below its background).

use super::super::filters::{gaussian, Plane};
use super::super::raster::{components, Mask};
use super::score::{r1, ramp, ui};
use crate::vision::report::SpotScore;

/// A detected spot in canonical-crop pixels.
#[derive(Clone, Debug)]
pub struct Spot {
    pub x: f32,
    pub y: f32,
    pub radius: f32,
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
    /// Smallest and largest equivalent radius (area as a disc), in IOD.
    pub radius_iod: [f32; 2],
}

/// What [`find`] found.
pub struct Found {
    /// Contrast-weighted spot count.
    pub count: f32,
    /// Spots weighing at least ½ (the ones a mask shows).
    pub spots: Vec<Spot>,
    /// Pixels of the spots in `spots`.
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

/// Spots of `excess` (one value per crop pixel) inside `region`: 4-connected pixels above
/// `c.excess`, of equivalent radius within `c.radius_iod` (× `iod`), filling ≥ 30 % of their
/// bounding box (lines and rims are not spots), each weighted by its peak excess. `keep` sees a
/// candidate's pixel indices and may refuse it (pigmentation leaves red spots to acne).
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
    let [rmin, rmax] = c.radius_iod.map(|r| r * iod);
    let mut found = Found {
        count: 0.0,
        spots: Vec::new(),
        area: 0,
    };
    for comp in components(&cand) {
        let r = (comp.len() as f32 / std::f32::consts::PI).sqrt();
        if r < rmin || r > rmax {
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
        let weight = ramp(peak, c.peak_lo, c.peak_hi);
        if fill < 0.3 || weight == 0.0 || !keep(&comp) {
            continue;
        }
        found.count += weight;
        if weight >= 0.5 {
            found.area += comp.len();
            found.spots.push(Spot {
                x: sx / comp.len() as f32,
                y: sy / comp.len() as f32,
                radius: r,
            });
        }
    }
    found
}
