//! The canonical face crop every skin measurement runs on.
//!
//! Measurements must not depend on where the face sits in the photo, how large it is, or how the
//! head is rolled. So the face is resampled into a fixed 512×512 crop, rotated so the eyes are
//! horizontal, with the inter-ocular distance (IOD, between the eye centres) fixed at
//! 512 / [`SPAN_IOD`] ≈ 116 px. Filter scales are then constants in crop pixels. Downscaling is
//! supersampled (k×k bilinear taps per output pixel) so skin detail is averaged, not aliased.

use image::RgbImage;

use super::cores::join;
use super::edge_blur::edge_blur;
use super::facemesh::Landmarks;
use super::filters::Plane;
use super::glasses;
use super::head_pose::{head_pose, HeadPose};
use super::lab::{srgb_to_lab, LabImage};
use super::landmarks_idx::{LEFT_EYE, RIGHT_EYE};
use super::raster::Mask;
use super::warp::{floor, Roi};

/// Side of the canonical crop, pixels.
pub const CROP: usize = 512;
/// Crop side in IODs: wide enough for hair above the forehead and the chin below.
pub const SPAN_IOD: f32 = 4.4;
/// The crop centre lies this many IODs below the eye midpoint.
const CENTRE_BELOW_EYES: f32 = 0.55;
/// The common detail resolution, as an IOD in source pixels (≈ 2 mm per pixel): every detail
/// measurement (wrinkles, pores, texture, acne) sees the face as a photo with this IOD would show
/// it. A 1024-px selfie at arm's length has an IOD of 80–200 px, a webcam frame 40–60 px; fixing
/// the resolution below them makes a score depend on the skin, not on the camera, the distance or
/// the JPEG quality (see docs/metrics.md, "Common resolution").
pub const COMMON_IOD_PX: f32 = 32.0;
/// Blur (σ) of a photo's own pixel, in its pixels: optics, demosaicing and compression (≈ 0.6)
/// and the bilinear interpolation into the crop (triangle kernel, 1/√6 ≈ 0.41), in quadrature.
const PIXEL_BLUR: f32 = 0.73;

/// The face resampled into the canonical crop, with its landmarks and CIELAB planes.
pub struct CanonicalFace {
    /// Where the crop lies in the analysed image.
    pub roi: Roi,
    pub rgb: RgbImage,
    pub lab: LabImage,
    /// The 468 landmarks in crop pixels.
    pub lm: Vec<[f32; 2]>,
    /// Inter-ocular distance in crop pixels (constant by construction).
    pub iod: f32,
    /// IOD in the analysed image, pixels (resolution actually available).
    pub iod_image_px: f32,
    /// Width and height of the analysed image.
    pub photo: (u32, u32),
    /// Blur the crop already has, as a variance (σ², crop px²), measured on its facial edges:
    /// negative on a sharpened photo, whose edges read sharper than a sharp face's own
    /// ([`own_blur`]). The blur the detail filters add is reckoned from this; as a σ, floored,
    /// it is [`CanonicalFace::blur`].
    pub blur_sq: f32,
    /// On a face wearing glasses (`glasses::bridge`), the spectacle zone (`glasses::zone`): not
    /// skin (`regions`), and not where the blur is measured — a frame's rims are steps without
    /// an eyelid's own softness, so on a blurred face they read sharper than its features
    /// (obama.jpg's crop blurred by 2 px with black frames drawn first: 1.6 px instead of 2.3).
    pub spectacles: Option<Mask>,
    /// Which way the face points (the crop takes out roll only).
    pub pose: HeadPose,
}

fn centre(lm: &Landmarks, idx: &[usize]) -> [f32; 2] {
    let n = idx.len() as f32;
    let (sx, sy) = idx.iter().fold((0.0, 0.0), |(x, y), &i| {
        (x + lm.points[i][0], y + lm.points[i][1])
    });
    [sx / n, sy / n]
}

/// The crop's placement in the image for a given set of landmarks.
pub fn frame_for(lm: &Landmarks) -> (Roi, f32) {
    let (r, l) = (centre(lm, &RIGHT_EYE), centre(lm, &LEFT_EYE));
    let (dx, dy) = (l[0] - r[0], l[1] - r[1]);
    let iod = (dx * dx + dy * dy).sqrt();
    let angle = dy.atan2(dx);
    let (s, c) = angle.sin_cos();
    let mid = [(r[0] + l[0]) / 2.0, (r[1] + l[1]) / 2.0];
    let down = CENTRE_BELOW_EYES * iod;
    let roi = Roi {
        cx: mid[0] - s * down,
        cy: mid[1] + c * down,
        size: SPAN_IOD * iod,
        angle,
    };
    (roi, iod)
}

/// The image → crop map as an affine `[a, b, c, d, e, f]` (inverse of `Roi::affine_to_image`).
pub fn affine_to_crop(roi: &Roi) -> [f32; 6] {
    let (s, c) = roi.angle.sin_cos();
    let k = CROP as f32 / roi.size;
    let (u0, v0) = (CROP as f32 / 2.0, CROP as f32 / 2.0);
    [
        k * c,
        k * s,
        u0 - k * (c * roi.cx + s * roi.cy),
        -k * s,
        k * c,
        v0 - k * (-s * roi.cx + c * roi.cy),
    ]
}

/// Image pixel → crop pixel (inverse of `Roi::to_image`).
pub fn to_crop(roi: &Roi, x: f32, y: f32) -> [f32; 2] {
    let (s, c) = roi.angle.sin_cos();
    let (dx, dy) = (x - roi.cx, y - roi.cy);
    let n = CROP as f32;
    let a = dx * c + dy * s;
    let b = -dx * s + dy * c;
    [(a / roi.size + 0.5) * n, (b / roi.size + 0.5) * n]
}

fn bilinear(img: &RgbImage, x: f32, y: f32) -> [f32; 3] {
    let (w, h) = (img.width() as i32, img.height() as i32);
    let raw = img.as_raw();
    let (fx, fy) = (floor(x), floor(y));
    let (ax, ay) = (x - fx, y - fy);
    let (ix, iy) = (fx as i32, fy as i32);
    let (p00, p10, p01, p11) = if ix >= 0 && iy >= 0 && ix + 1 < w && iy + 1 < h {
        // Inside: no clamping (nearly every tap of the crop).
        let p00 = (iy as usize * w as usize + ix as usize) * 3;
        let below = w as usize * 3;
        (p00, p00 + 3, p00 + below, p00 + below + 3)
    } else {
        let (x0, y0) = (ix.clamp(0, w - 1) as usize, iy.clamp(0, h - 1) as usize);
        let (x1, y1) = (
            (ix + 1).clamp(0, w - 1) as usize,
            (iy + 1).clamp(0, h - 1) as usize,
        );
        let w = w as usize;
        (
            (y0 * w + x0) * 3,
            (y0 * w + x1) * 3,
            (y1 * w + x0) * 3,
            (y1 * w + x1) * 3,
        )
    };
    let mut acc = [0f32; 3];
    for (c, a) in acc.iter_mut().enumerate() {
        let top = raw[p00 + c] as f32 * (1.0 - ax) + raw[p10 + c] as f32 * ax;
        let bottom = raw[p01 + c] as f32 * (1.0 - ax) + raw[p11 + c] as f32 * ax;
        *a = top * (1.0 - ay) + bottom * ay;
    }
    acc
}

/// How the crop's pixels sample the image: each is the mean of k×k bilinear taps (k = the
/// image pixels per crop pixel, rounded up), so downscaling averages skin detail, not aliases it.
struct Sampler {
    /// Crop → image affine.
    m: [f32; 6],
    /// Sub-pixel offsets of the k×k taps, divided once rather than per tap.
    sub: Vec<f32>,
}

impl Sampler {
    fn new(roi: &Roi) -> Sampler {
        let n = CROP as f32;
        let k = (roi.size / n).ceil().max(1.0) as usize;
        Sampler {
            m: roi.affine_to_image(n),
            sub: (0..k).map(|i| (i as f32 + 0.5) / k as f32).collect(),
        }
    }

    /// Image positions of crop pixel (`u`, `v`)'s taps.
    fn taps(&self, u: usize, v: usize) -> impl Iterator<Item = [f32; 2]> + '_ {
        let m = self.m;
        self.sub.iter().flat_map(move |&dv| {
            self.sub.iter().map(move |&du| {
                let (uu, vv) = (u as f32 + du, v as f32 + dv);
                [m[0] * uu + m[1] * vv + m[2], m[3] * uu + m[4] * vv + m[5]]
            })
        })
    }

    /// Crop pixel (`u`, `v`) resampled from `img`.
    fn pixel(&self, img: &RgbImage, u: usize, v: usize) -> [u8; 3] {
        let mut acc = [0f32; 3];
        for [x, y] in self.taps(u, v) {
            let p = bilinear(img, x, y);
            for c in 0..3 {
                acc[c] += p[c];
            }
        }
        let d = (self.sub.len() * self.sub.len()) as f32;
        // acc ≥ 0, so +0.5 and the saturating cast round like `round()` without its libm call
        // (a tenth of the resampling's time).
        acc.map(|a| (a / d + 0.5) as u8)
    }
}

impl CanonicalFace {
    pub fn new(img: &RgbImage, lm: &Landmarks) -> CanonicalFace {
        let (roi, iod_image_px) = frame_for(lm);
        let n = CROP as f32;
        let sampler = Sampler::new(&roi);
        // Two halves of the rows on two threads: this resampling is the costliest single step.
        let mut raw = vec![0u8; CROP * CROP * 3];
        let fill = |rows: std::ops::Range<usize>, out: &mut [u8]| {
            for (j, v) in rows.enumerate() {
                for u in 0..CROP {
                    let o = (j * CROP + u) * 3;
                    out[o..o + 3].copy_from_slice(&sampler.pixel(img, u, v));
                }
            }
        };
        let (top, bottom) = raw.split_at_mut(CROP / 2 * CROP * 3);
        join(|| fill(CROP / 2..CROP, bottom), || fill(0..CROP / 2, top));
        let rgb = RgbImage::from_raw(CROP as u32, CROP as u32, raw).expect("crop buffer size");
        let lab = LabImage::from_rgb_parallel(&rgb);
        let lm_crop = lm
            .points
            .iter()
            .map(|p| to_crop(&roi, p[0], p[1]))
            .collect();
        let mut face = CanonicalFace {
            roi,
            rgb,
            lab,
            lm: lm_crop,
            iod: n / SPAN_IOD,
            iod_image_px,
            photo: img.dimensions(),
            blur_sq: 0.0,
            pose: head_pose(&lm.points),
            spectacles: None,
        };
        face.spectacles = face.spectacle_zone();
        face.blur_sq = own_blur(&face.lab, face.spectacles.as_ref());
        face
    }

    /// Blur (σ, crop px) the crop already has ([`CanonicalFace::blur_sq`]), at least
    /// [`MIN_BLUR`].
    pub fn blur(&self) -> f32 {
        self.blur_sq.max(MIN_BLUR * MIN_BLUR).sqrt()
    }

    /// The spectacle zone when the face wears glasses (`glasses::bridge`), else None.
    fn spectacle_zone(&self) -> Option<Mask> {
        let bridge = glasses::bridge(self);
        bridge.glasses().then(|| glasses::zone(self, bridge.row))
    }

    /// Looks for glasses again after the crop was painted on (tests draw frames on a face):
    /// the spectacle zone follows, and the blur is measured again where glasses are or were.
    #[cfg(test)]
    pub fn look_for_glasses(&mut self) {
        let zone = self.spectacle_zone();
        if zone.is_some() || self.spectacles.is_some() {
            self.blur_sq = own_blur(&self.lab, zone.as_ref());
        }
        self.spectacles = zone;
    }

    /// The crop pixels whose centre lies inside the photo. Beyond its edge the crop repeats
    /// the photo's edge pixels (the sampler clamps), streaks that are not skin: a face cut off
    /// by the frame is measured on the part the photo shows.
    pub fn in_photo(&self) -> Mask {
        let m = self.roi.affine_to_image(CROP as f32);
        let (w, h) = (self.photo.0 as f32 - 1.0, self.photo.1 as f32 - 1.0);
        Mask::from_fn(CROP, CROP, |u, v| {
            let (u, v) = (u + 0.5, v + 0.5);
            let (x, y) = (m[0] * u + m[1] * v + m[2], m[3] * u + m[4] * v + m[5]);
            (0.0..=w).contains(&x) && (0.0..=h).contains(&y)
        })
    }

    /// The crop pixels (row-major indices) whose taps read a pixel of the `width`×`height`
    /// photo that `changed` accepts: the only ones a change of those pixels can change.
    pub fn pixels_reading(
        &self,
        width: u32,
        height: u32,
        changed: impl Fn(u32, u32) -> bool,
    ) -> Vec<usize> {
        let sampler = Sampler::new(&self.roi);
        let (w, h) = (width as i64, height as i64);
        (0..CROP * CROP)
            .filter(|&i| {
                sampler.taps(i % CROP, i / CROP).any(|[x, y]| {
                    // A bilinear tap reads its 2×2 neighbourhood, clamped to the photo.
                    let (fx, fy) = (floor(x) as i64, floor(y) as i64);
                    [(0, 0), (1, 0), (0, 1), (1, 1)].iter().any(|&(dx, dy)| {
                        let px = (fx + dx).clamp(0, w - 1);
                        let py = (fy + dy).clamp(0, h - 1);
                        changed(px as u32, py as u32)
                    })
                })
            })
            .collect()
    }

    /// This face with the crop pixels listed in `pixels` resampled from `img` (and their
    /// CIELAB, and the blur, measured again): exactly what [`CanonicalFace::new`] makes of
    /// `img` with the same landmarks, if `img` differs from this face's photo only in image
    /// pixels those crop pixels read ([`CanonicalFace::pixels_reading`]). The JPEG spread's
    /// draws change only the skin's blocks, and resampling the whole crop for each was a third
    /// of a draw's time.
    pub fn redrawn(&self, img: &RgbImage, pixels: &[usize]) -> CanonicalFace {
        let sampler = Sampler::new(&self.roi);
        let mut rgb = self.rgb.clone();
        let mut lab = self.lab.clone();
        for &i in pixels {
            let (u, v) = (i % CROP, i / CROP);
            let p = sampler.pixel(img, u, v);
            rgb.put_pixel(u as u32, v as u32, image::Rgb(p));
            let [l, a, b] = srgb_to_lab(p);
            (lab.l[i], lab.a[i], lab.b[i]) = (l, a, b);
        }
        let blur_sq = own_blur(&lab, self.spectacles.as_ref());
        CanonicalFace {
            roi: self.roi,
            rgb,
            lab,
            lm: self.lm.clone(),
            iod: self.iod,
            iod_image_px: self.iod_image_px,
            photo: self.photo,
            blur_sq,
            pose: self.pose,
            spectacles: self.spectacles.clone(),
        }
    }

    pub fn pt(&self, i: usize) -> [f32; 2] {
        self.lm[i]
    }

    /// Blur (σ, crop px) of a photo at the common resolution, in this crop's pixels.
    fn common_blur(&self) -> f32 {
        PIXEL_BLUR * self.iod / COMMON_IOD_PX
    }

    /// σ (crop px) of a Gaussian filter of nominal scale `sigma` applied to this crop *at the
    /// common resolution*: the filter also adds the blur that brings the crop's own blur
    /// ([`CanonicalFace::blur_sq`]) to the common resolution's (Gaussians compose in
    /// quadrature, so this costs nothing extra), and is at least half a source pixel wide.
    pub fn common_sigma(&self, sigma: f32) -> f32 {
        let add = (self.common_blur().powi(2) - self.blur_sq).max(0.0);
        // Never finer than half a source pixel: below that a filter sees the kinks the
        // interpolation leaves between a small photo's pixels (each pixel a "pore"), not the face.
        let pixel = 0.5 * self.iod / self.iod_image_px;
        (sigma * sigma + add).sqrt().max(pixel)
    }

    /// The scale (σ, crop px) at which a filter of nominal scale `sigma` sees the face at the
    /// common resolution: its nominal σ and the common blur together. Scale-normalised responses
    /// (ridges, blobs) are normalised by this, not by the σ the filter runs with: the face at the
    /// common resolution is the same whatever share of its blur the photo brought, so its
    /// normalisation must be too. (With the filter's σ, a sharp photo — given more added blur —
    /// read up to twice as many lines as the same face at half the size.) A face below the
    /// common resolution keeps this normalisation, so its blurrier detail reads weaker.
    pub fn scene_sigma(&self, sigma: f32) -> f32 {
        (sigma * sigma + self.common_blur().powi(2)).sqrt()
    }

    /// True when the photo has less detail than the common resolution (a small or blurred
    /// face): detail scores are then measured on a blurrier face and read healthier than they
    /// are.
    pub fn resolution_limited(&self) -> bool {
        self.blur() > self.common_blur()
    }
}

/// How soft the facial edges the blur is measured on (eyelids, brows, nostrils, lips) are in a
/// sharp crop, σ in crop px: [`edge_blur`] reads this much on a face without blur, and it is
/// taken off in quadrature. Calibrated on the fixture photos, whose blur the pixel model
/// (`PIXEL_BLUR` magnified by the upsampling) predicts: obama.jpg 0.83, biden.jpg 0.71.
const EDGE_SOFTNESS: f32 = 0.75;
/// The least blur [`CanonicalFace::blur`] gives (a crop pixel's own footprint).
const MIN_BLUR: f32 = 0.5;

/// Blur (as σ², crop px²) the crop already has, measured on the edges of the central face
/// (eyes, brows, nose, mouth: a fixed box in the canonical frame, so the same features on every
/// photo of a face) rather than predicted from the resolution: resampling, compression and
/// focus add blur the resolution does not show. Edges inside `spectacles` (a face's glasses)
/// are left out.
///
/// It is the edges' measured σ² less a sharp face's own [`EDGE_SOFTNESS`]², and it goes below
/// zero where the edges read sharper than that: a sharpened photo (grace_hopper.jpg, a scan,
/// reads 0.61–0.67 px at her own size and above, against 0.75). Such a crop is given more
/// than the common blur, as much more as its edges are too sharp — at most
/// `EDGE_SOFTNESS`², for edges that read 0. Floored at [`MIN_BLUR`], as it was until
/// 2026-12-06, every copy of her at her size or larger was given the same 2.61 px whatever its
/// sharpening, and her half-size copy, which measures 1.18 px, read a third fewer frown lines
/// (glabella +8.2; +3.7 without the floor).
fn own_blur(lab: &LabImage, spectacles: Option<&Mask>) -> f32 {
    let n = lab.width;
    let iod = n as f32 / SPAN_IOD;
    let (cx, eyes_y) = (n as f32 / 2.0, n as f32 / 2.0 - CENTRE_BELOW_EYES * iod);
    let (x0, x1) = ((cx - iod) as usize, (cx + iod) as usize);
    let (y0, y1) = ((eyes_y - 0.5 * iod) as usize, (eyes_y + 1.5 * iod) as usize);
    let l = Plane::of_window(&lab.l, n, (x0, y0, x1, y1));
    let edge = edge_blur(&l, |x, y| {
        spectacles.is_some_and(|m| m.data[(y0 + y) * n + x0 + x])
    });
    edge * edge - EDGE_SOFTNESS * EDGE_SOFTNESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redrawn_face_is_the_face_of_the_changed_photo() {
        use crate::vision::testutil::{astronaut, astronaut_first_pass_landmarks};
        let (img, lm) = (astronaut(), astronaut_first_pass_landmarks());
        let face = CanonicalFace::new(&img, &lm);
        // A patch of her cheek darkened by half, as a JPEG-spread draw changes a few blocks.
        let patch = |x: u32, y: u32| (210..234).contains(&x) && (150..166).contains(&y);
        let mut changed = img.clone();
        for (x, y, p) in changed.enumerate_pixels_mut() {
            if patch(x, y) {
                p.0 = p.0.map(|c| c / 2);
            }
        }
        let touched = face.pixels_reading(img.width(), img.height(), patch);
        assert!(!touched.is_empty() && touched.len() < CROP * CROP / 20);
        let redrawn = face.redrawn(&changed, &touched);
        let full = CanonicalFace::new(&changed, &lm);
        assert!(redrawn.rgb == full.rgb, "crop pixels differ");
        assert!(redrawn.lab.l == full.lab.l && redrawn.lab.a == full.lab.a);
        assert!(redrawn.lab.b == full.lab.b);
        assert_eq!(redrawn.blur_sq, full.blur_sq);
        assert_ne!(redrawn.rgb, face.rgb, "the patch shows in the crop");
    }

    #[test]
    fn crop_mapping_round_trips() {
        let roi = Roi {
            cx: 300.0,
            cy: 200.0,
            size: 400.0,
            angle: 0.3,
        };
        let (x, y) = roi.to_image(100.0, 400.0, CROP as f32);
        let back = to_crop(&roi, x, y);
        assert!((back[0] - 100.0).abs() < 1e-3 && (back[1] - 400.0).abs() < 1e-3);
        let m = affine_to_crop(&roi);
        assert!((m[0] * x + m[1] * y + m[2] - 100.0).abs() < 1e-2);
        assert!((m[3] * x + m[4] * y + m[5] - 400.0).abs() < 1e-2);
    }
}
