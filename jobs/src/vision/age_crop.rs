//! The face crop the age/gender model sees, built from the 468-point mesh.
//!
//! face-api crops its `alignedRect`: the bounding box of its 68 landmarks, grown by 20 % in each
//! dimension (`FaceLandmarks.alignMinBbox(0.2)`), cut axis-aligned from the photo. We have no
//! 68-point model, so the box is taken over the mesh points that stand in for the 68 points able
//! to bound the face (jaw line and brows; on astronaut.png the box lands within ~3 px of
//! face-api's). Two deliberate differences, both for stability: the box is taken in the face's
//! upright frame (eye line level) and sampled rotated, so head roll does not change what the
//! network sees; and large faces are area-averaged down to ≤ 112 px instead of point-sampled by
//! face-api's bilinear resize, so the result does not depend on the photo's resolution.

use image::RgbImage;

use super::age_gender::INPUT;
use super::face_frame::frame_for;
use super::facemesh::Landmarks;
use super::warp::floor;

/// Mesh points for the 68-point jaw line (0–16) and brows (17–26), in 68-point order. The inner
/// 68 points (nose, eyes, mouth) never reach the bounding box, so they are not needed.
pub const JAW_AND_BROWS_68: [usize; 27] = [
    127, 234, 93, 58, 172, 136, 149, 148, 152, 377, 378, 365, 397, 288, 323, 454, 356, 70, 63, 105,
    66, 107, 336, 296, 334, 293, 300,
];
/// Growth of the box's width and height. face-api grows its 68-point box by 20 %
/// (`minBoxPadding`); the mesh's jaw silhouette lies 1–3 px inside the 68-point jaw and its chin
/// higher, so the mesh box needs a little more to frame the face as face-api does (fitted on
/// the fixture: 114.3 × 109.4 px there).
const PADDING: [f32; 2] = [0.23, 0.25];

/// A box in the face's upright frame: centre in image pixels, size in image pixels, and the
/// face roll (radians) by which it is rotated in the image.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FaceBox {
    pub cx: f32,
    pub cy: f32,
    pub width: f32,
    pub height: f32,
    pub angle: f32,
}

/// face-api's aligned face box, from the mesh.
pub fn face_box(lm: &Landmarks) -> FaceBox {
    let angle = frame_for(lm).0.angle;
    let (s, c) = angle.sin_cos();
    // Upright-frame coordinates: the image rotated by −angle.
    let (mut u0, mut u1, mut v0, mut v1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for &i in &JAW_AND_BROWS_68 {
        let [x, y] = lm.xy(i);
        let (u, v) = (c * x + s * y, -s * x + c * y);
        (u0, u1, v0, v1) = (u0.min(u), u1.max(u), v0.min(v), v1.max(v));
    }
    let (uc, vc) = ((u0 + u1) / 2.0, (v0 + v1) / 2.0);
    FaceBox {
        cx: c * uc - s * vc,
        cy: s * uc + c * vc,
        width: (u1 - u0) * (1.0 + PADDING[0]),
        height: (v1 - v0) * (1.0 + PADDING[1]),
        angle,
    }
}

/// Samples `b` upright, at most [`INPUT`] px on its long side: pixel (i, j) of a full-size crop
/// samples `centre + R(angle)·(i − width/2, j − height/2)` (pixel centres at integers, so an
/// unrotated box at integer coordinates is copied exactly); when shrinking, each output pixel
/// averages ss×ss bilinear taps (ss = ⌈1/scale⌉). Outside the image is black, as face-api pads.
pub fn face_crop(img: &RgbImage, b: &FaceBox) -> RgbImage {
    let k = (INPUT as f32 / b.width.max(b.height)).min(1.0);
    let (w, h) = (
        (b.width * k).round().max(1.0) as u32,
        (b.height * k).round().max(1.0) as u32,
    );
    let ss = (1.0 / k).ceil() as usize;
    let (s, c) = b.angle.sin_cos();
    let (x0, y0) = (b.width / 2.0, b.height / 2.0);
    let (iw, ih) = (img.width() as i64, img.height() as i64);
    let raw = img.as_raw();
    let px = |x: i64, y: i64| -> [f32; 3] {
        if x < 0 || y < 0 || x >= iw || y >= ih {
            return [0.0; 3];
        }
        let i = (y * iw + x) as usize * 3;
        [raw[i] as f32, raw[i + 1] as f32, raw[i + 2] as f32]
    };
    let bilinear = |x: f32, y: f32| -> [f32; 3] {
        let (fx, fy) = (floor(x), floor(y));
        let (ax, ay) = (x - fx, y - fy);
        let (ix, iy) = (fx as i64, fy as i64);
        let taps = [
            (0, 0, (1.0 - ax) * (1.0 - ay)),
            (1, 0, ax * (1.0 - ay)),
            (0, 1, (1.0 - ax) * ay),
            (1, 1, ax * ay),
        ];
        let mut acc = [0f32; 3];
        if ix >= 0 && iy >= 0 && ix + 1 < iw && iy + 1 < ih {
            // All four taps inside the image (the usual case): index directly. A zero-weight
            // tap adds exactly zero, so it need not be skipped here.
            let i = (iy * iw + ix) as usize * 3;
            for (dx, dy, wgt) in taps {
                let p = &raw[i + (dy * iw + dx) as usize * 3..][..3];
                acc.iter_mut()
                    .zip(p)
                    .for_each(|(a, &p)| *a += wgt * p as f32);
            }
        } else {
            for (dx, dy, wgt) in taps {
                if wgt > 0.0 {
                    let p = px(ix + dx, iy + dy);
                    acc.iter_mut().zip(p).for_each(|(a, p)| *a += wgt * p);
                }
            }
        }
        acc
    };
    let n = (ss * ss) as f32;
    // Upright-frame offsets of the taps from the box's top-left corner, in image pixels: those
    // across depend only on (i, tx), those down only on (j, ty), so they are computed once.
    let offsets = |len: u32, half: f32| -> Vec<f32> {
        (0..len as usize * ss)
            .map(|t| ((t / ss) as f32 + ((t % ss) as f32 + 0.5) / ss as f32) / k - 0.5 - half)
            .collect()
    };
    let (across, down) = (offsets(w, x0), offsets(h, y0));
    RgbImage::from_fn(w, h, |i, j| {
        let mut acc = [0f32; 3];
        for &bb in &down[j as usize * ss..][..ss] {
            for &a in &across[i as usize * ss..][..ss] {
                let p = bilinear(b.cx + c * a - s * bb, b.cy + s * a + c * bb);
                acc.iter_mut().zip(p).for_each(|(a, p)| *a += p);
            }
        }
        image::Rgb(acc.map(|v| (v / n).round().clamp(0.0, 255.0) as u8))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{
        age_gender_reference, astronaut, astronaut_first_pass_landmarks,
    };

    #[test]
    fn unrotated_box_at_integer_position_is_copied_exactly() {
        let img = RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 5, y as u8 * 7, 9]));
        let b = FaceBox {
            cx: 15.0,
            cy: 12.0,
            width: 10.0,
            height: 8.0,
            angle: 0.0,
        };
        let crop = face_crop(&img, &b);
        assert_eq!(crop.dimensions(), (10, 8));
        assert_eq!(
            crop,
            image::imageops::crop_imm(&img, 10, 8, 10, 8).to_image()
        );
    }

    #[test]
    fn large_boxes_are_shrunk_to_the_network_size_by_averaging() {
        // A 1-px checkerboard averages to grey instead of aliasing to black or white.
        let img = RgbImage::from_fn(600, 600, |x, y| {
            image::Rgb([if (x + y) % 2 == 0 { 255 } else { 0 }; 3])
        });
        let b = FaceBox {
            cx: 300.0,
            cy: 300.0,
            width: 448.0,
            height: 224.0,
            angle: 0.0,
        };
        let crop = face_crop(&img, &b);
        assert_eq!(crop.dimensions(), (112, 56));
        assert!(crop.pixels().all(|p| (p.0[0] as i32 - 128).abs() <= 1));
    }

    #[test]
    fn rotated_box_samples_along_the_face_axes() {
        // Quarter turn: the crop's x axis runs down the image.
        let img = RgbImage::from_fn(50, 50, |x, y| image::Rgb([x as u8, y as u8, 0]));
        let b = FaceBox {
            cx: 25.0,
            cy: 25.0,
            width: 10.0,
            height: 10.0,
            angle: std::f32::consts::FRAC_PI_2,
        };
        let crop = face_crop(&img, &b);
        // Crop (i, j) ↦ image (25 − (j − 5), 25 + (i − 5)).
        assert_eq!(crop.get_pixel(0, 0).0, [30, 20, 0]);
        assert_eq!(crop.get_pixel(9, 0).0, [30, 29, 0]);
    }

    /// Our mesh-based box against face-api's own alignedRect (68-point model) on the fixture.
    #[test]
    fn astronaut_box_is_close_to_face_apis_aligned_box() {
        let b = face_box(&astronaut_first_pass_landmarks());
        let r = &age_gender_reference()["pipeline"]["aligned_box_xywh"];
        let f: Vec<f32> = (0..4).map(|i| r[i].as_f64().unwrap() as f32).collect();
        let want = [f[0] + f[2] / 2.0, f[1] + f[3] / 2.0, f[2], f[3]];
        let got = [b.cx, b.cy, b.width, b.height];
        eprintln!("box (cx, cy, w, h): ours {got:?}, face-api {want:?}");
        for (g, w) in got.iter().zip(want) {
            // 2 % of the face width ≈ 2.3 px here.
            assert!((g - w).abs() < 0.02 * f[2], "{got:?} vs {want:?}");
        }
        assert!(b.angle.abs() < 0.1);
        let crop = face_crop(&astronaut(), &b);
        // The 114-px box is shrunk to the network's 112.
        assert_eq!(crop.width().max(crop.height()), INPUT as u32);
    }
}
