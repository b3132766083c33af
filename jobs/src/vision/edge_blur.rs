//! How blurred a photo is, measured on its own strongest edges.
//!
//! The detail metrics compare faces at one common resolution, which means adding whatever blur
//! brings each photo there — so they need the blur the photo already has. Predicting it from the
//! resolution alone misses what resampling, compression and focus add: a photo rotated by 10°
//! (bilinear resampling) carried ≈ 10 % more blur than the model said, and its faint lines read
//! 30 % weaker. Measuring it is the re-blur method (Elder & Zucker 1998; Zhuo & Sim 2011): at an
//! edge blurred by σ, the gradient after a further Gaussian of σ₀ is ∝ 1/√(σ² + σ₀²), so the ratio
//! of the gradients at two known σ₀ gives σ.

use super::cores::join;
use super::filters::{gaussian, Plane};

/// The two measuring scales (px): fine enough to resolve a sharp edge, far enough apart for a
/// stable ratio.
const S0: f32 = 1.0;
const S1: f32 = 3.162; // √(1 + 3²): S0 plus a re-blur of 3 px
/// Edges measured: the strongest gradients (top 5 %) that are local maxima across the edge.
const TOP_SHARE: f32 = 0.05;
/// Border (px) left out so that the filters' clamped borders do not count.
const BORDER: usize = 8;

/// Blur σ (px) at the strongest edges of `l`, leaving out the pixels `ignore(x, y)` names: the
/// median over edge pixels of the re-blur estimate. It includes the edges' own softness (an
/// eyelid is not a step), so it reads about 0.8 px on a sharp face crop; callers subtract that.
pub fn edge_blur(l: &Plane, ignore: impl Fn(usize, usize) -> bool) -> f32 {
    // The two scales on two cores: this runs inside the canonical crop, on the analysis's
    // critical path, while the other core has nothing to do.
    let (b, a) = join(|| gaussian(l, S1), || gaussian(l, S0));
    let (w, h) = (l.width, l.height);
    if w <= 2 * BORDER || h <= 2 * BORDER {
        return 0.0;
    }
    let grad = |p: &Plane, x: usize, y: usize| {
        let gx = (p.at(x + 1, y) - p.at(x - 1, y)) / 2.0;
        let gy = (p.at(x, y + 1) - p.at(x, y - 1)) / 2.0;
        (gx, gy)
    };
    let mut g0 = vec![0f32; w * h];
    for y in BORDER..h - BORDER {
        for x in BORDER..w - BORDER {
            if ignore(x, y) {
                continue;
            }
            let (gx, gy) = grad(&a, x, y);
            g0[y * w + x] = (gx * gx + gy * gy).sqrt();
        }
    }
    let mut strong: Vec<f32> = g0.iter().copied().filter(|&v| v > 0.0).collect();
    if strong.is_empty() {
        return 0.0;
    }
    let k = ((strong.len() as f32 * (1.0 - TOP_SHARE)) as usize).min(strong.len() - 1);
    let threshold = *strong.select_nth_unstable_by(k, f32::total_cmp).1;
    let mut ratios = Vec::new();
    for y in BORDER..h - BORDER {
        for x in BORDER..w - BORDER {
            let g = g0[y * w + x];
            if g < threshold || g <= 0.0 {
                continue;
            }
            // Only the ridge of the gradient across the edge: its flanks see a wider profile.
            let (gx, gy) = grad(&a, x, y);
            let (ux, uy) = (gx / g, gy / g);
            let at = |sx: f32, sy: f32| {
                let xx = (x as f32 + sx).round() as usize;
                let yy = (y as f32 + sy).round() as usize;
                g0[yy * w + xx]
            };
            if at(ux, uy) > g || at(-ux, -uy) > g {
                continue;
            }
            let (hx, hy) = grad(&b, x, y);
            let g1 = (hx * hx + hy * hy).sqrt();
            if g1 > 0.0 {
                ratios.push(g / g1);
            }
        }
    }
    if ratios.is_empty() {
        return 0.0;
    }
    let mid = ratios.len() / 2;
    let r = *ratios.select_nth_unstable_by(mid, f32::total_cmp).1;
    // g(S0)/g(S1) = √(σ² + S1²) / √(σ² + S0²)  ⇒  σ² = (S1² − r²·S0²) / (r² − 1).
    let r2 = r * r;
    ((S1 * S1 - r2 * S0 * S0) / (r2 - 1.0).max(1e-3))
        .max(0.0)
        .sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A disc of radius 20 px (edges in every direction) blurred by `sigma`.
    fn blurred_disc(sigma: f32) -> Plane {
        let n = 96;
        let data = (0..n * n)
            .map(|i| {
                let (x, y) = ((i % n) as f32 - 48.0, (i / n) as f32 - 48.0);
                // 4×4 supersampled, so the unblurred edge is as sharp as a pixel grid allows.
                let mut v = 0.0;
                for sy in 0..4 {
                    for sx in 0..4 {
                        let (px, py) = (x + (sx as f32 + 0.5) / 4.0, y + (sy as f32 + 0.5) / 4.0);
                        v += if px * px + py * py < 400.0 {
                            20.0
                        } else {
                            70.0
                        };
                    }
                }
                v / 16.0
            })
            .collect();
        gaussian(&Plane::new(n, n, data), sigma)
    }

    #[test]
    fn measures_the_blur_of_known_edges() {
        for sigma in [1.0f32, 2.0, 3.0, 4.0] {
            let got = edge_blur(&blurred_disc(sigma), |_, _| false);
            // A pixel-sharp edge itself reads ≈ 0.4 px; they add in quadrature.
            let want = (sigma * sigma + 0.4 * 0.4).sqrt();
            assert!(
                (got - want).abs() < 0.12 * want,
                "blur {sigma}: measured {got:.2}, expected ≈ {want:.2}"
            );
        }
    }

    #[test]
    fn does_not_depend_on_the_edges_contrast() {
        let a = blurred_disc(2.0);
        let b = Plane::new(a.width, a.height, a.data.iter().map(|v| 0.3 * v).collect());
        assert!((edge_blur(&a, |_, _| false) - edge_blur(&b, |_, _| false)).abs() < 0.02);
    }
}
