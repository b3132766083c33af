//! The 26 mask PNGs of a full analysis, aligned with the analysed (oriented) image.
//!
//! Overlays are drawn on the canonical crop, then mapped back to image pixels through the crop's
//! rotation and scale; everything outside the face footprint is transparent. Metric overlays are
//! RGBA (draw them over the photo); region masks are 8-bit grey (255 = inside). docs/masks.md
//! lists them.

use std::sync::atomic::{AtomicUsize, Ordering};

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};

use super::cores::join;
use super::draw::{heat, Canvas};
use super::face_frame::{affine_to_crop, CanonicalFace, CROP};
use super::landmarks_idx::*;
use super::metrics::redness::BASELINE_A;
use super::metrics::spots::Spot;
use super::metrics::tone;
use super::pipeline::Findings;
use super::raster::Mask as Bitmap;
use super::Mask;

/// Names of all masks, in output order.
pub const NAMES: [&str; 26] = [
    "hd_acne_output.png",
    "hd_wrinkle_output_all.png",
    "hd_wrinkle_output_forehead.png",
    "hd_wrinkle_output_crow_feet.png",
    "hd_wrinkle_output_nasolabial.png",
    "hd_wrinkle_output_glabella.png",
    "hd_pore_output.png",
    "hd_redness_output.png",
    "hd_oiliness_output.png",
    "hd_texture_output.png",
    "hd_dark_circles_output.png",
    "hd_firmness_output.png",
    "hd_pigmentation_output.png",
    "face_landmarks_output.png",
    "face_regions_output.png",
    "face_shape_output.png",
    "color_samples_output.png",
    "skin_mask.png",
    "mask_forehead.png",
    "mask_glabella.png",
    "mask_cheeks.png",
    "mask_nose.png",
    "mask_chin.png",
    "mask_under_eyes.png",
    "mask_crow_feet.png",
    "mask_nasolabial.png",
];

const FOREHEAD_C: [u8; 4] = [255, 140, 0, 235];
const CROW_C: [u8; 4] = [0, 200, 255, 235];
const NASO_C: [u8; 4] = [255, 0, 200, 235];
const GLABELLA_C: [u8; 4] = [120, 255, 0, 235];

enum Layer {
    Rgba(Canvas),
    Grey(Bitmap),
}

/// Image pixel → canonical-crop pixel lookup, computed once per analysis.
struct BackMap {
    width: usize,
    height: usize,
    /// Crop index of each image pixel, or `u32::MAX` outside the crop.
    idx: Vec<u32>,
    /// Crop pixels per image pixel, rounded up: overlays are max-pooled over k×k so thin lines
    /// survive when the crop is finer than the image.
    k: usize,
    /// Image rows and columns that can map into the crop (its footprint's bounding box).
    rows: std::ops::Range<usize>,
    cols: std::ops::Range<usize>,
}

impl BackMap {
    fn new(face: &CanonicalFace, width: usize, height: usize) -> BackMap {
        let n = CROP as f32;
        let k = (n / face.roi.size).ceil().max(1.0) as usize;
        let mut idx = vec![u32::MAX; width * height];
        // Only pixels inside the crop's footprint (its bounding box in the image).
        let r = face.roi.size * std::f32::consts::FRAC_1_SQRT_2;
        let (x0, x1) = (
            ((face.roi.cx - r).floor().max(0.0)) as usize,
            ((face.roi.cx + r).ceil() as usize).min(width),
        );
        let (y0, y1) = (
            ((face.roi.cy - r).floor().max(0.0)) as usize,
            ((face.roi.cy + r).ceil() as usize).min(height),
        );
        let m = affine_to_crop(&face.roi);
        for y in y0..y1 {
            for x in x0..x1 {
                let (xf, yf) = (x as f32, y as f32);
                let c = [m[0] * xf + m[1] * yf + m[2], m[3] * xf + m[4] * yf + m[5]];
                if c[0] >= 0.0 && c[1] >= 0.0 && c[0] < n && c[1] < n {
                    idx[y * width + x] = (c[1] as usize * CROP + c[0] as usize) as u32;
                }
            }
        }
        BackMap {
            width,
            height,
            idx,
            k,
            rows: y0..y1.max(y0),
            cols: x0..x1.max(x0),
        }
    }

    fn rgba(&self, c: &Canvas) -> Vec<u8> {
        let mut out = vec![0u8; self.width * self.height * 4];
        let h = self.k / 2;
        let pooled = (h > 0).then(|| Pooled::new(c, h));
        for y in self.rows.clone() {
            for x in self.cols.clone() {
                let p = y * self.width + x;
                let i = self.idx[p];
                if i == u32::MAX {
                    continue;
                }
                let px = match &pooled {
                    None => c.px[i as usize],
                    Some(pooled) => pooled.at(i as usize),
                };
                out[4 * p..4 * p + 4].copy_from_slice(&px);
            }
        }
        out
    }

    fn grey(&self, m: &Bitmap) -> Vec<u8> {
        let mut out = vec![0u8; self.width * self.height];
        for y in self.rows.clone() {
            for x in self.cols.clone() {
                let p = y * self.width + x;
                let i = self.idx[p];
                if i != u32::MAX && m.data[i as usize] {
                    out[p] = 255;
                }
            }
        }
        out
    }
}

/// A canvas max-pooled over (2h+1)² blocks: per crop pixel, the most opaque canvas pixel of the
/// block around it (clamped to the crop), the first in raster order among equals, or fully
/// transparent where no pixel of the block has any opacity. Overlays are pooled so thin lines
/// survive when the image is coarser than the crop.
struct Pooled {
    /// The part of the crop where a block can hold an opaque pixel: the bounding box of the
    /// canvas's opaque pixels grown by h, `(x0, y0, x1, y1)` with exclusive ends.
    win: (usize, usize, usize, usize),
    px: Vec<[u8; 4]>,
}

impl Pooled {
    /// Pools by rows, then columns: the first most opaque pixel of each row's span, then of
    /// those the topmost — the block's first in raster order. Only inside `win`: the overlays
    /// cover part of the face, and pooling every image pixel's block (h = 1: nine reads each)
    /// was the masks' largest cost.
    fn new(c: &Canvas, h: usize) -> Pooled {
        let n = CROP;
        let opaque = Bitmap {
            width: n,
            height: n,
            data: c.px.iter().map(|p| p[3] > 0).collect(),
        };
        let Some(win) = opaque.bbox(h) else {
            return Pooled {
                win: (0, 0, 0, 0),
                px: Vec::new(),
            };
        };
        let (x0, y0, x1, y1) = win;
        let first_most_opaque = |best: [u8; 4], p: [u8; 4]| if p[3] > best[3] { p } else { best };
        // Rows outside the window hold no opaque pixel, so a column's span stops at its edge.
        let span =
            |i: usize, lo: usize, hi: usize| i.saturating_sub(h).max(lo)..(i + h + 1).min(hi);
        let bw = x1 - x0;
        let mut rows = vec![[0u8; 4]; bw * (y1 - y0)];
        for (dst, y) in rows.chunks_exact_mut(bw).zip(y0..y1) {
            let src = &c.px[y * n..][..n];
            for (d, x) in dst.iter_mut().zip(x0..x1) {
                *d = src[span(x, 0, n)]
                    .iter()
                    .copied()
                    .fold([0; 4], first_most_opaque);
            }
        }
        let mut px = vec![[0u8; 4]; rows.len()];
        for (dst, y) in px.chunks_exact_mut(bw).zip(y0..y1) {
            for (j, d) in dst.iter_mut().enumerate() {
                *d = span(y, y0, y1)
                    .map(|yy| rows[(yy - y0) * bw + j])
                    .fold([0; 4], first_most_opaque);
            }
        }
        Pooled { win, px }
    }

    /// The pooled pixel at crop index `i`.
    fn at(&self, i: usize) -> [u8; 4] {
        let (x, y) = (i % CROP, i / CROP);
        let (x0, y0, x1, y1) = self.win;
        if x < x0 || x >= x1 || y < y0 || y >= y1 {
            return [0; 4];
        }
        self.px[(y - y0) * (x1 - x0) + x - x0]
    }
}

fn encode(data: &[u8], w: usize, h: usize, color: ExtendedColorType) -> Vec<u8> {
    let mut out = Vec::new();
    let enc = PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::NoFilter);
    // Writing to a Vec with matching dimensions cannot fail.
    enc.write_image(data, w as u32, h as u32, color)
        .expect("PNG encoding into memory");
    out
}

/// "#rrggbb" → RGB (black if it does not parse).
pub(crate) fn hex_rgb(hex: &str) -> [u8; 3] {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

fn with_alpha(rgb: [u8; 3], a: u8) -> [u8; 4] {
    [rgb[0], rgb[1], rgb[2], a]
}

fn canvas_of(masks: &[(&Bitmap, [u8; 4])]) -> Canvas {
    let mut c = Canvas::new(CROP, CROP);
    for (m, col) in masks {
        c.fill_mask(m, *col);
    }
    c
}

/// A ring in `rgb` around each spot, as opaque as the spot's weight in its count (at least a
/// fifth): the count is a sum of partial spots, and a mask that drew only the spots weighing ½ or
/// more showed none on a face whose count was two (biden.jpg's faint marks, docs/metrics.md).
/// The weightier spots are drawn last, so a faint ring never covers a strong one.
fn rings(spots: &[Spot], [r, g, b]: [u8; 3]) -> Canvas {
    let mut c = Canvas::new(CROP, CROP);
    let mut by_weight: Vec<&Spot> = spots.iter().collect();
    by_weight.sort_by(|a, b| a.weight.total_cmp(&b.weight));
    for s in by_weight {
        let alpha = (255.0 * s.weight.clamp(0.2, 1.0)).round() as u8;
        c.ring(s.x, s.y, s.radius + 2.0, 2.0, [r, g, b, alpha]);
    }
    c
}

fn layers(f: &Findings) -> Vec<Layer> {
    let face = &f.face;
    let rg = &f.regions;
    let lab = &face.lab;
    let pts = |idx: &[usize]| idx.iter().map(|&i| face.pt(i)).collect::<Vec<_>>();
    let w = &f.scored.wrinkles;

    let acne = rings(&f.scored.acne.lesions, [255, 40, 40]);
    let pigment = rings(&f.scored.pigmentation.spots, [255, 170, 0]);
    let mut pores = Canvas::new(CROP, CROP);
    for &(x, y) in &f.scored.pores {
        pores.disc(x, y, 1.5, [30, 80, 255, 230]);
    }
    let mut redness = Canvas::new(CROP, CROP);
    let mut texture = Canvas::new(CROP, CROP);
    let tex_region = rg.open_skin();
    for i in 0..CROP * CROP {
        if rg.skin.data[i] {
            let e = lab.a[i] - BASELINE_A;
            if e > 2.0 {
                redness.px[i] = heat((e - 2.0) / 10.0);
            }
        }
        if tex_region.data[i] {
            let d = f.scored.texture_detail.data[i].abs();
            if d > 2.0 {
                texture.px[i] = heat((d - 2.0) / 6.0);
            }
        }
    }
    let mut dark = Canvas::new(CROP, CROP);
    for (m, reference) in [
        (&rg.under_eye_right, f.scored.dark_refs[0]),
        (&rg.under_eye_left, f.scored.dark_refs[1]),
    ] {
        // A side not measured (no cheek or under-eye skin in view) is not drawn.
        let Some(reference) = reference else {
            continue;
        };
        for (i, &inside) in m.data.iter().enumerate() {
            if inside {
                let d = (reference - lab.l[i]).max(0.0);
                dark.px[i] = [110, 40, 160, (40.0 + 200.0 * (d / 15.0).min(1.0)) as u8];
            }
        }
    }
    // The grooves hd_eye_bags counts, over the bands.
    dark.fill_mask(&w.eye_bags.grooves, [255, 220, 80, 230]);
    let mut firm = canvas_of(&[
        (&rg.nasolabial_right, [255, 0, 200, 90]),
        (&rg.nasolabial_left, [255, 0, 200, 90]),
    ]);
    let jaw = pts(&[
        454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58,
        132, 93, 234,
    ]);
    for s in jaw.windows(2) {
        firm.line(s[0], s[1], 1.5, [0, 230, 255, 230]);
    }
    let lip_mid = [
        (face.pt(13)[0] + face.pt(14)[0]) / 2.0,
        (face.pt(13)[1] + face.pt(14)[1]) / 2.0,
    ];
    firm.line(face.pt(MOUTH_RIGHT), lip_mid, 1.5, [255, 255, 0, 230]);
    firm.line(lip_mid, face.pt(MOUTH_LEFT), 1.5, [255, 255, 0, 230]);

    let mut marks = Canvas::new(CROP, CROP);
    for p in &face.lm {
        marks.disc(p[0], p[1], 1.2, [0, 255, 90, 255]);
    }
    let regions = canvas_of(&[
        (&rg.forehead, [255, 140, 0, 120]),
        (&rg.glabella, [120, 255, 0, 120]),
        (&rg.cheek_right, [255, 60, 60, 120]),
        (&rg.cheek_left, [255, 60, 60, 120]),
        (&rg.nose, [60, 120, 255, 120]),
        (&rg.chin, [160, 90, 255, 120]),
        (&rg.under_eye_right, [110, 40, 160, 140]),
        (&rg.under_eye_left, [110, 40, 160, 140]),
        (&rg.crow_feet_right, [0, 200, 255, 120]),
        (&rg.crow_feet_left, [0, 200, 255, 120]),
        (&rg.nasolabial_right, [255, 0, 200, 120]),
        (&rg.nasolabial_left, [255, 0, 200, 120]),
        (&rg.lips, [255, 0, 90, 140]),
        (&rg.eyes, [255, 255, 255, 150]),
        (&rg.brows, [90, 60, 30, 150]),
        (&rg.hair, [200, 160, 60, 120]),
    ]);
    let mut shape = Canvas::new(CROP, CROP);
    shape.polyline(&pts(&FACE_OVAL), 1.5, [255, 255, 255, 230]);
    for (a, b, c) in [
        (RIGHT_TEMPLE, LEFT_TEMPLE, [255, 140, 0, 230]),
        (RIGHT_CHEEKBONE, LEFT_CHEEKBONE, [0, 200, 255, 230]),
        (RIGHT_JAW, LEFT_JAW, [255, 0, 200, 230]),
        (FOREHEAD_TOP, CHIN, [120, 255, 0, 230]),
    ] {
        shape.line(face.pt(a), face.pt(b), 1.5, c);
    }
    // The pixels each colour was read from — the skin sampled for skin_tone, the iris, lip and
    // hair samples — filled with that colour: the whole hair band would show forehead painted
    // as hair wherever the hairline lies high.
    let mut colors = canvas_of(&[(
        &tone::sample_area(rg, &f.scored.shine),
        with_alpha(hex_rgb(&f.report.skin_tone.hex), 230),
    )]);
    let samples = &f.samples;
    if let Some(e) = &f.report.eye_color {
        colors.fill_mask(&samples.eyes, with_alpha(hex_rgb(&e.hex), 240));
    }
    if let Some(l) = &f.report.lip_color {
        colors.fill_mask(&samples.lips, with_alpha(hex_rgb(&l.hex), 240));
    }
    if let Some(h) = &f.report.hair_color {
        colors.fill_mask(&samples.hair, with_alpha(hex_rgb(&h.hex), 240));
    }

    let all = canvas_of(&[
        (&w.forehead, FOREHEAD_C),
        (&w.crow_feet, CROW_C),
        (&w.nasolabial, NASO_C),
        (&w.glabella, GLABELLA_C),
    ]);
    vec![
        Layer::Rgba(acne),
        Layer::Rgba(all),
        Layer::Rgba(canvas_of(&[(&w.forehead, FOREHEAD_C)])),
        Layer::Rgba(canvas_of(&[(&w.crow_feet, CROW_C)])),
        Layer::Rgba(canvas_of(&[(&w.nasolabial, NASO_C)])),
        Layer::Rgba(canvas_of(&[(&w.glabella, GLABELLA_C)])),
        Layer::Rgba(pores),
        Layer::Rgba(redness),
        Layer::Rgba(canvas_of(&[(&f.scored.shine, [0, 220, 255, 200])])),
        Layer::Rgba(texture),
        Layer::Rgba(dark),
        Layer::Rgba(firm),
        Layer::Rgba(pigment),
        Layer::Rgba(marks),
        Layer::Rgba(regions),
        Layer::Rgba(shape),
        Layer::Rgba(colors),
        Layer::Grey(rg.skin.clone()),
        Layer::Grey(rg.forehead.clone()),
        Layer::Grey(rg.glabella.clone()),
        Layer::Grey(rg.cheeks()),
        Layer::Grey(rg.nose.clone()),
        Layer::Grey(rg.chin.clone()),
        Layer::Grey(rg.under_eye_right.or(&rg.under_eye_left)),
        Layer::Grey(rg.crow_feet_right.or(&rg.crow_feet_left)),
        Layer::Grey(rg.nasolabial_right.or(&rg.nasolabial_left)),
    ]
}

/// Renders and encodes all 26 masks for an image of `width`×`height`, on two threads.
pub fn render(f: &Findings, width: usize, height: usize) -> Vec<Mask> {
    let layers = layers(f);
    let back = BackMap::new(&f.face, width, height);
    let encode_one = |layer: &Layer| match layer {
        Layer::Rgba(c) => encode(&back.rgba(c), width, height, ExtendedColorType::Rgba8),
        Layer::Grey(m) => encode(&back.grey(m), width, height, ExtendedColorType::L8),
    };
    // Each thread takes the next layer not yet taken: layers differ several-fold in cost (a
    // filled overlay against an empty one), so a fixed half each left one thread idle.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(layer) = layers.get(i) else {
                return done;
            };
            done.push((i, encode_one(layer)));
        }
    };
    let (b, mut a) = join(work, work);
    a.extend(b);
    a.sort_unstable_by_key(|(i, _)| *i);
    NAMES
        .iter()
        .zip(a)
        .map(|(n, (_, png))| Mask {
            name: (*n).to_string(),
            png,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pooled canvas is, at every crop pixel, what reading its whole (2h+1)² block gives:
    /// the first most opaque pixel in raster order (ties of opacity in other colours included),
    /// transparent where the block holds no opacity — at the crop's edges as well.
    #[test]
    fn pooling_once_reads_what_each_block_holds() {
        let mut c = Canvas::new(CROP, CROP);
        let mut seed = 7u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as usize
        };
        // Sparse marks in the middle and along the edges, opacity from a few levels so that
        // blocks hold ties; one transparent pixel with a colour, which must not show.
        for _ in 0..3000 {
            let (x, y) = (next() % 200 + 150, next() % 200 + 150);
            let alpha = [0u8, 80, 80, 200, 255][next() % 5];
            c.px[y * CROP + x] = [(next() % 256) as u8, (next() % 256) as u8, 9, alpha];
        }
        for i in [
            0,
            CROP - 1,
            CROP * CROP - 1,
            CROP * (CROP - 1),
            5 * CROP + 3,
        ] {
            c.px[i] = [1, 2, 3, 120];
        }
        c.px[100 * CROP + 100] = [50, 60, 70, 0];
        for h in [1usize, 2] {
            let pooled = Pooled::new(&c, h);
            for i in 0..CROP * CROP {
                let (x, y) = (i % CROP, i / CROP);
                let mut best = [0u8; 4];
                for yy in y.saturating_sub(h)..=(y + h).min(CROP - 1) {
                    for xx in x.saturating_sub(h)..=(x + h).min(CROP - 1) {
                        let p = c.px[yy * CROP + xx];
                        if p[3] > best[3] {
                            best = p;
                        }
                    }
                }
                assert_eq!(pooled.at(i), best, "h {h}, pixel ({x}, {y})");
            }
        }
        assert_eq!(Pooled::new(&Canvas::new(CROP, CROP), 1).at(0), [0; 4]);
    }

    /// A spot counted in part is drawn, fainter than a whole one, and where two rings overlap
    /// the whole spot's stays on top.
    #[test]
    fn rings_are_as_opaque_as_their_spots_weigh() {
        let spot = |x: f32, weight: f32| Spot {
            x,
            y: 100.0,
            radius: 6.0,
            weight,
        };
        let spots = [
            spot(100.0, 1.0),
            spot(100.0, 0.3),
            spot(200.0, 0.3),
            spot(300.0, 0.05),
        ];
        let c = rings(&spots, [9; 3]);
        // The rings cross row 100 at 8–10 px either side of their centres.
        let alpha_at = |x: usize| c.px[100 * CROP + x][3];
        assert_eq!(alpha_at(91), 255, "the whole spot's ring stays on top");
        assert_eq!(alpha_at(191), 77, "a spot counted 0.3 shows at 0.3");
        assert_eq!(alpha_at(291), 51, "a faint spot shows at a fifth");
    }
}
