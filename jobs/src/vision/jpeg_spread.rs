//! How far a JPEG upload's own compression may have moved its scores.
//!
//! JPEG keeps each 8×8 block's frequencies only to within a quantisation step: the file says
//! that a frequency lay somewhere in `[n − ½, n + ½] × step`, and the decoder puts it at
//! `n × step`. A faint line about one step deep is rounded up or away depending on where the
//! grid happens to fall on the face: astronaut.png's glabella reads anywhere from 54 to 91 over
//! the grid's placements at quality 60, around an unmoved mean (docs/metrics.md, "JPEG's grid
//! phase"), and nothing in one file tells the rounding from the skin.
//!
//! What one file does tell is the set of photos it could have come from. [`Posterior`] draws
//! photos from that set — every frequency of the chosen blocks (the engine chooses the skin's)
//! put at a random point of its step, drawn from a Laplacian fitted to those blocks' own
//! frequencies (most of the fine-detail frequencies of skin are near zero; a uniform draw
//! would fill the face with noise no camera recorded) — and the engine measures each draw with
//! the same landmarks; the root mean square of the scores' moves is the spread the report
//! gives. Luma only: the chroma is subsampled and coded coarser, but the detail scores read
//! lightness. The draws treat frequencies independently, while a placement of the grid moves a
//! mark's few frequencies together, so the spread runs about a quarter below the scatter over
//! placements (docs/metrics.md, "jpeg_spread").

use image::RgbImage;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::warp::Roi;

/// Photos drawn per analysis. Each is a pass of the scored metrics (≈ 10 ms of the full analysis
/// each in release on two cores, docs/performance.md); eight put the spread's own sampling error at about a quarter of it
/// (four, at a third, gave astronaut.png's Pillow JPEG 60 glabella a spread of 4.6 that 16
/// draws put at 6.3).
pub const DRAWS: u64 = 8;

/// The part of the image the canonical crop reads (its rotated square's bounding box, in image
/// pixels), as `[x0, y0, x1, y1)` clamped to the image.
pub fn footprint(roi: &Roi, width: u32, height: u32) -> [u32; 4] {
    let (s, c) = roi.angle.sin_cos();
    let half = 0.5 * roi.size * (s.abs() + c.abs()) + 2.0;
    let clamp = |v: f32, max: u32| v.round().clamp(0.0, max as f32) as u32;
    [
        clamp(roi.cx - half, width),
        clamp(roi.cy - half, height),
        clamp(roi.cx + half, width),
        clamp(roi.cy + half, height),
    ]
}

/// JFIF luma of a pixel (the Y a JPEG encoder codes).
fn luma(p: [u8; 3]) -> f32 {
    0.299 * p[0] as f32 + 0.587 * p[1] as f32 + 0.114 * p[2] as f32
}

/// Where the file's 8×8 grid falls in `rect`: the column and row phase (0–7) whose pixel
/// boundaries carry the largest summed luma step. Rounding changes from one block to the next,
/// so JPEG's steps are largest at block boundaries; the image's own edges fall on every phase
/// alike. (An image whose EXIF orientation was applied has its grid at another phase than 0.)
pub fn grid_phase(img: &RgbImage, rect: [u32; 4]) -> (u32, u32) {
    let [x0, y0, x1, y1] = rect;
    let at = |x: u32, y: u32| luma(img.get_pixel(x, y).0);
    let (mut cols, mut rows) = ([0f32; 8], [0f32; 8]);
    for y in y0..y1 {
        for x in x0..x1 {
            let v = at(x, y);
            if x > x0 {
                cols[(x % 8) as usize] += (v - at(x - 1, y)).abs();
            }
            if y > y0 {
                rows[(y % 8) as usize] += (v - at(x, y - 1)).abs();
            }
        }
    }
    // Each residue class holds the same number of boundaries up to one row or column.
    let argmax = |v: [f32; 8]| (0..8).max_by(|&a, &b| v[a].total_cmp(&v[b])).unwrap_or(0) as u32;
    (argmax(cols), argmax(rows))
}

/// The orthonormal 8-point DCT basis, `[k][x] = α(k) cos((2x + 1)kπ/16)`: JPEG's 2-D DCT is
/// exactly this basis applied along rows and columns.
fn basis() -> [[f32; 8]; 8] {
    std::array::from_fn(|k| {
        let a = if k == 0 { (1.0f32 / 8.0).sqrt() } else { 0.5 };
        std::array::from_fn(|x| {
            a * ((2 * x + 1) as f32 * k as f32 * std::f32::consts::PI / 16.0).cos()
        })
    })
}

/// The whole blocks of the file's grid inside `rect`: their top-left corners.
fn blocks(rect: [u32; 4], grid: (u32, u32)) -> Vec<(u32, u32)> {
    let [x0, y0, x1, y1] = rect;
    let first = |from: u32, phase: u32| from + (phase + 8 - from % 8) % 8;
    let (bx, by) = (first(x0, grid.0), first(y0, grid.1));
    (by..)
        .step_by(8)
        .take_while(|y| y + 8 <= y1)
        .flat_map(|y| {
            (bx..)
                .step_by(8)
                .take_while(move |x| x + 8 <= x1)
                .map(move |x| (x, y))
        })
        .collect()
}

/// The level-shifted luma block at `(bx, by)` in the DCT domain, natural order.
fn forward(img: &RgbImage, (bx, by): (u32, u32), b: &[[f32; 8]; 8]) -> [f32; 64] {
    let px: [[f32; 8]; 8] = std::array::from_fn(|y| {
        std::array::from_fn(|x| luma(img.get_pixel(bx + x as u32, by + y as u32).0) - 128.0)
    });
    std::array::from_fn(|i| {
        let (v, u) = (i / 8, i % 8);
        let mut sum = 0.0;
        for (y, row) in px.iter().enumerate() {
            for (x, &p) in row.iter().enumerate() {
                sum += b[v][y] * b[u][x] * p;
            }
        }
        sum
    })
}

/// Per frequency, the scale of the Laplacian the file's blocks fit: a Laplacian of scale `s`
/// puts a share `1 − exp(−step / 2s)` of its values in the zero step, so the share of blocks
/// whose index is 0 gives `s`. `None`: keep the frequency as decoded (no block has it, as for
/// the fine detail of a strongly compressed face); infinite: a flat draw (no block is zero at
/// it, as for the mean of each block).
fn laplace_scales(coeffs: &[[f32; 64]], steps: &[f32; 64]) -> [Option<f32>; 64] {
    std::array::from_fn(|i| {
        if i == 0 {
            return Some(f32::INFINITY);
        }
        let zero = coeffs
            .iter()
            .filter(|c| (c[i] / steps[i]).round() == 0.0)
            .count() as f32
            / coeffs.len().max(1) as f32;
        match zero {
            z if z >= 0.999 => None,
            z if z <= 0.001 => Some(f32::INFINITY),
            z => Some(-steps[i] / (2.0 * (1.0 - z).ln())),
        }
    })
}

/// A random point of the step around `index × step`, drawn from a Laplacian of `scale` about
/// zero restricted to that step; returned as the offset from the step's centre.
fn draw_in_step(index: f32, step: f32, scale: f32, rng: &mut StdRng) -> f32 {
    let u: f32 = rng.random();
    if !scale.is_finite() {
        return (u - 0.5) * step;
    }
    // Distance t from the step's edge nearer zero, with density ∝ exp(−t / scale) over `width`.
    let truncated = |width: f32, u: f32| -scale * (1.0 - u * (1.0 - (-width / scale).exp())).ln();
    if index == 0.0 {
        let t = truncated(0.5 * step, u);
        if rng.random::<bool>() {
            t
        } else {
            -t
        }
    } else {
        let t = truncated(step, u) - 0.5 * step;
        // Towards zero is more likely: t runs outwards from the nearer edge.
        t * index.signum()
    }
}

/// The photos a file could have come from, over some of its blocks: each block's decoded
/// frequencies, and per frequency the Laplacian the blocks fit.
pub struct Posterior<'a> {
    img: &'a RgbImage,
    steps: [f32; 64],
    basis: [[f32; 8]; 8],
    corners: Vec<(u32, u32)>,
    /// Per image pixel (row-major), whether a kept block holds it.
    covered: Vec<bool>,
    coeffs: Vec<[f32; 64]>,
    scales: [Option<f32>; 64],
}

impl<'a> Posterior<'a> {
    /// The whole blocks of the file's grid (at phase `grid`) inside `rect` that `keep` accepts
    /// (by their top-left corner), with the file's luminance `steps` (natural order).
    pub fn new(
        img: &'a RgbImage,
        rect: [u32; 4],
        steps: &[f32; 64],
        grid: (u32, u32),
        keep: impl Fn(u32, u32) -> bool,
    ) -> Posterior<'a> {
        let basis = basis();
        let corners: Vec<(u32, u32)> = blocks(rect, grid)
            .into_iter()
            .filter(|&(x, y)| keep(x, y))
            .collect();
        let coeffs: Vec<[f32; 64]> = corners.iter().map(|&c| forward(img, c, &basis)).collect();
        let scales = laplace_scales(&coeffs, steps);
        let width = img.width() as usize;
        let mut covered = vec![false; width * img.height() as usize];
        for &(bx, by) in &corners {
            for y in by as usize..by as usize + 8 {
                covered[y * width + bx as usize..][..8].fill(true);
            }
        }
        Posterior {
            img,
            steps: *steps,
            basis,
            covered,
            corners,
            coeffs,
            scales,
        }
    }

    /// Whether image pixel (`x`, `y`) lies in one of the kept blocks: the only pixels a draw
    /// changes.
    pub fn covers(&self, x: u32, y: u32) -> bool {
        let (w, h) = self.img.dimensions();
        x < w && y < h && self.covered[y as usize * w as usize + x as usize]
    }

    /// One photo the file could have come from: every kept block's frequencies moved to a
    /// random point of their steps, drawn from the fitted Laplacians. The same `seed` gives the
    /// same photo.
    pub fn draw(&self, seed: u64) -> RgbImage {
        let (b, steps) = (&self.basis, &self.steps);
        let mut rng = StdRng::seed_from_u64(seed);
        let mut out = self.img.clone();
        for (&(bx, by), c) in self.corners.iter().zip(&self.coeffs) {
            let offsets: [f32; 64] = std::array::from_fn(|i| match self.scales[i] {
                Some(scale) if steps[i] > 0.0 => {
                    draw_in_step((c[i] / steps[i]).round(), steps[i], scale, &mut rng)
                }
                _ => 0.0,
            });
            for y in 0..8 {
                for x in 0..8 {
                    let mut dy = 0.0;
                    for (i, &o) in offsets.iter().enumerate() {
                        if o != 0.0 {
                            dy += o * b[i / 8][y] * b[i % 8][x];
                        }
                    }
                    // At fixed chroma a change of Y is the same change of R, G and B.
                    let p = out.get_pixel_mut(bx + x as u32, by + y as u32);
                    for ch in p.0.iter_mut() {
                        *ch = (*ch as f32 + dy).round().clamp(0.0, 255.0) as u8;
                    }
                }
            }
        }
        out
    }
}

/// Root mean square of `draws[k][i] − file[i]` over the draws, per score `i`.
pub fn rms_moves(file: &[f32], draws: &[Vec<f32>]) -> Vec<f32> {
    (0..file.len())
        .map(|i| {
            let sum: f32 = draws.iter().map(|d| (d[i] - file[i]).powi(2)).sum();
            (sum / draws.len().max(1) as f32).sqrt()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::jpeg_quality::luma_steps;

    fn textured(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            let v = 120.0 + 40.0 * ((x as f32 * 0.37).sin() * (y as f32 * 0.23).cos());
            image::Rgb([v as u8, (v * 0.8) as u8, (v * 0.7) as u8])
        })
    }

    /// `img` as a JPEG file at `quality` whose grid sits at phase `(8 − dx) % 8, (8 − dy) % 8`
    /// of the returned image (compressed `dx`, `dy` pixels wider, then cut), and its steps.
    fn coded_at_offset(img: &RgbImage, quality: u8, dx: u32, dy: u32) -> (RgbImage, [f32; 64]) {
        let (w, h) = img.dimensions();
        let big = RgbImage::from_fn(w + dx, h + dy, |x, y| {
            *img.get_pixel(x.saturating_sub(dx), y.saturating_sub(dy))
        });
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality)
            .encode_image(&big)
            .unwrap();
        let back = image::load_from_memory(&bytes).unwrap().to_rgb8();
        let cut = image::imageops::crop_imm(&back, dx, dy, w, h).to_image();
        (cut, luma_steps(&bytes).unwrap())
    }

    #[test]
    fn the_grid_is_found_where_the_file_put_it() {
        let img = textured(160, 120);
        for (dx, dy) in [(0, 0), (3, 5), (7, 1)] {
            let (coded, _) = coded_at_offset(&img, 50, dx, dy);
            let found = grid_phase(&coded, [0, 0, 160, 120]);
            assert_eq!(found, ((8 - dx) % 8, (8 - dy) % 8), "offset ({dx}, {dy})");
        }
    }

    #[test]
    fn the_dct_basis_is_orthonormal() {
        let b = basis();
        for i in 0..8 {
            for j in 0..8 {
                let dot: f32 = (0..8).map(|x| b[i][x] * b[j][x]).sum();
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((dot - want).abs() < 1e-5, "{i}·{j} = {dot}");
            }
        }
    }

    /// Every drawn photo is consistent with the file: coded again on the file's grid at its
    /// steps, each block gives the file's indices back (the luma's rounding to whole grey
    /// levels aside), while the pixels did move.
    #[test]
    fn a_drawn_photo_lies_within_the_files_steps() {
        let (coded, steps) = coded_at_offset(&textured(160, 120), 60, 3, 5);
        let grid = grid_phase(&coded, [0, 0, 160, 120]);
        let rect = [0, 0, 160, 120];
        let posterior = Posterior::new(&coded, rect, &steps, grid, |_, _| true);
        let drawn = posterior.draw(7);
        let b = basis();
        let (mut same, mut all, mut moved) = (0, 0, 0.0f32);
        for c in blocks(rect, grid) {
            let (f, d) = (forward(&coded, c, &b), forward(&drawn, c, &b));
            for i in 0..64 {
                all += 1;
                same += ((f[i] / steps[i]).round() == (d[i] / steps[i]).round()) as usize;
                moved += (f[i] - d[i]).abs();
            }
        }
        assert!(
            same as f32 >= 0.97 * all as f32,
            "{same} of {all} indices kept"
        );
        assert!(moved / all as f32 > 0.3, "mean move {}", moved / all as f32);
        // The pixels outside whole blocks (the first 5 columns and 3 rows here) are untouched.
        assert_eq!(drawn.get_pixel(2, 60), coded.get_pixel(2, 60));
        assert_eq!(drawn, posterior.draw(7), "seeded");
    }

    /// Where every block's frequency is zero, the Laplacian fitted to the file keeps it there; a
    /// flat draw would put a random pattern up to half a step into each block.
    #[test]
    fn frequencies_no_block_uses_are_not_invented() {
        let flat = RgbImage::from_pixel(64, 64, image::Rgb([150, 120, 100]));
        let (coded, steps) = coded_at_offset(&flat, 60, 0, 0);
        let drawn = Posterior::new(&coded, [0, 0, 64, 64], &steps, (0, 0), |_, _| true).draw(1);
        let spread = drawn
            .pixels()
            .map(|p| (luma(p.0) - luma(drawn.get_pixel(0, 0).0)).abs())
            .fold(0.0f32, f32::max);
        // Only each block's mean may move (within its step of 10 ÷ 8 grey levels).
        assert!(spread < 2.5, "luma varies by {spread} inside a flat photo");
    }

    #[test]
    fn only_the_kept_blocks_move_and_covers_names_them() {
        let (coded, steps) = coded_at_offset(&textured(160, 120), 60, 0, 0);
        let left = |x: u32, _: u32| x < 80;
        // Blocks at phase (3, 5) (not the file's: a draw follows the grid it is given), in a
        // footprint that starts inside a block.
        let posterior = Posterior::new(&coded, [1, 2, 160, 120], &steps, (3, 5), left);
        let drawn = posterior.draw(2);
        let moved = |x0: u32, x1: u32| {
            (x0..x1)
                .flat_map(|x| (0..120).map(move |y| (x, y)))
                .filter(|&(x, y)| drawn.get_pixel(x, y) != coded.get_pixel(x, y))
                .count()
        };
        // Blocks whose corner lies left of x = 80 reach x = 82.
        assert!(moved(0, 83) > 2000 && moved(83, 160) == 0);
        // Every moved pixel is covered; covered pixels are the kept blocks' 64 each.
        let pixels = (0..160).flat_map(|x| (0..120).map(move |y| (x, y)));
        let covered: Vec<(u32, u32)> = pixels.filter(|&(x, y)| posterior.covers(x, y)).collect();
        assert_eq!(covered.len(), 64 * posterior.corners.len());
        assert!(covered.iter().all(|&(x, y)| x >= 3 && y >= 5 && x < 83));
        let pixels = (0..160).flat_map(|x| (0..120).map(move |y| (x, y)));
        assert!(pixels
            .filter(|&(x, y)| drawn.get_pixel(x, y) != coded.get_pixel(x, y))
            .all(|(x, y)| posterior.covers(x, y)));
    }

    #[test]
    fn a_step_is_drawn_towards_zero() {
        let mut rng = StdRng::seed_from_u64(3);
        let draws: Vec<f32> = (0..4000)
            .map(|_| draw_in_step(1.0, 10.0, 4.0, &mut rng))
            .collect();
        assert!(draws.iter().all(|d| (-5.0..=5.0).contains(d)));
        let mean = draws.iter().sum::<f32>() / draws.len() as f32;
        assert!(mean < -0.5, "mean offset {mean}: not pulled towards zero");
        let zero: Vec<f32> = (0..4000)
            .map(|_| draw_in_step(0.0, 10.0, 1.0, &mut rng))
            .collect();
        let mean_abs = zero.iter().map(|d| d.abs()).sum::<f32>() / zero.len() as f32;
        assert!(mean_abs < 1.2, "mean |offset| {mean_abs} in the zero step");
    }

    #[test]
    fn rms_of_moves_per_score() {
        let m = rms_moves(&[50.0, 10.0], &[vec![53.0, 10.0], vec![46.0, 10.0]]);
        assert!((m[0] - 12.5f32.sqrt()).abs() < 1e-5 && m[1] == 0.0, "{m:?}");
    }
}
