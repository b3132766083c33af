//! Rotated square crops → model input tensors, as MediaPipe's ImageToTensorCalculator does.
//!
//! A region of interest (ROI) is a square of side `size` pixels centred on (`cx`, `cy`) and rotated
//! by `angle` radians. Output pixel (u, v) of an n×n tensor samples the image at
//! `centre + R(angle) · ((u/n − ½)·size, (v/n − ½)·size)` with bilinear interpolation (pixel
//! centres at integer coordinates, as cv2.warpAffine). This convention reproduces MediaPipe's
//! face-mesh landmarks to < 0.02 px on astronaut.png (see models/convert).

use image::RgbImage;

/// A rotated square region of the image, in pixels and radians.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Roi {
    pub cx: f32,
    pub cy: f32,
    pub size: f32,
    pub angle: f32,
}

/// What to sample outside the image.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Border {
    /// Black (value 0 before normalisation), for letterboxing the detector input.
    Zero,
    /// Nearest edge pixel, for the landmark crop.
    Replicate,
}

impl Roi {
    /// The crop → image map as an affine `[a, b, c, d, e, f]`: x = a·u + b·v + c,
    /// y = d·u + e·v + f, for an n×n crop. Lets loops avoid a sin/cos per pixel.
    pub fn affine_to_image(&self, n: f32) -> [f32; 6] {
        let (s, c) = self.angle.sin_cos();
        let k = self.size / n;
        let (x0, y0) = self.to_image(0.0, 0.0, n);
        [k * c, -k * s, x0, k * s, k * c, y0]
    }

    /// Maps a point of an n×n crop (crop pixel units) back to image pixels.
    pub fn to_image(&self, u: f32, v: f32, n: f32) -> (f32, f32) {
        let (s, c) = self.angle.sin_cos();
        let a = (u / n - 0.5) * self.size;
        let b = (v / n - 0.5) * self.size;
        (self.cx + a * c - b * s, self.cy + a * s + b * c)
    }
}

/// `x.floor()` for |x| < 2³¹ without the libm call that the baseline x86-64 target makes of it
/// (no SSE4.1 `roundps`); the sampling loops call it twice per output pixel.
pub(super) fn floor(x: f32) -> f32 {
    let t = x as i32 as f32;
    if t > x {
        t - 1.0
    } else {
        t
    }
}

/// Samples `roi` into an n×n NHWC float tensor with values mapped from [0, 255] to `range`.
pub fn crop_to_tensor(
    img: &RgbImage,
    roi: &Roi,
    n: usize,
    border: Border,
    range: (f32, f32),
) -> Vec<f32> {
    let (w, h) = (img.width() as i32, img.height() as i32);
    let raw = img.as_raw();
    let scale = (range.1 - range.0) / 255.0;
    let mut out = Vec::with_capacity(n * n * 3);
    let nf = n as f32;
    let (x0, y0) = roi.to_image(0.0, 0.0, nf);
    let (x1, y1) = roi.to_image(1.0, 0.0, nf);
    let (x2, y2) = roi.to_image(0.0, 1.0, nf);
    let (dxu, dyu, dxv, dyv) = (x1 - x0, y1 - y0, x2 - x0, y2 - y0);
    let px = |x: i32, y: i32| -> Option<[f32; 3]> {
        let (x, y) = match border {
            Border::Replicate => (x.clamp(0, w - 1), y.clamp(0, h - 1)),
            Border::Zero if x < 0 || y < 0 || x >= w || y >= h => return None,
            Border::Zero => (x, y),
        };
        let i = (y as usize * w as usize + x as usize) * 3;
        Some([raw[i] as f32, raw[i + 1] as f32, raw[i + 2] as f32])
    };
    for v in 0..n {
        for u in 0..n {
            let sx = x0 + dxu * u as f32 + dxv * v as f32;
            let sy = y0 + dyu * u as f32 + dyv * v as f32;
            let (fx, fy) = (floor(sx), floor(sy));
            let (ax, ay) = (sx - fx, sy - fy);
            let (ix, iy) = (fx as i32, fy as i32);
            let taps = [
                (0, 0, (1.0 - ax) * (1.0 - ay)),
                (1, 0, ax * (1.0 - ay)),
                (0, 1, (1.0 - ax) * ay),
                (1, 1, ax * ay),
            ];
            let mut acc = [0f32; 3];
            if ix >= 0 && iy >= 0 && ix + 1 < w && iy + 1 < h {
                // All four taps inside: no border rule to apply (most of the crop).
                let i = (iy as usize * w as usize + ix as usize) * 3;
                for (dx, dy, wgt) in taps {
                    let p = &raw[i + (dy as usize * w as usize + dx as usize) * 3..][..3];
                    for c in 0..3 {
                        acc[c] += wgt * p[c] as f32;
                    }
                }
            } else {
                for (dx, dy, wgt) in taps {
                    if let Some(p) = px(ix + dx, iy + dy) {
                        for c in 0..3 {
                            acc[c] += wgt * p[c];
                        }
                    }
                }
            }
            out.extend(acc.iter().map(|a| a * scale + range.0));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unrotated_crop_of_whole_image_samples_pixel_grid() {
        let img = RgbImage::from_fn(8, 8, |x, y| image::Rgb([(x * 30) as u8, (y * 30) as u8, 7]));
        // 8-pixel crop of an 8x8 image: output (u, v) samples pixel (u, v) exactly.
        let roi = Roi {
            cx: 4.0,
            cy: 4.0,
            size: 8.0,
            angle: 0.0,
        };
        let t = crop_to_tensor(&img, &roi, 8, Border::Zero, (0.0, 255.0));
        let at = |u: usize, v: usize, c: usize| t[(v * 8 + u) * 3 + c];
        assert!((at(3, 5, 0) - 90.0).abs() < 1e-3);
        assert!((at(3, 5, 1) - 150.0).abs() < 1e-3);
        assert!((at(7, 0, 2) - 7.0).abs() < 1e-3);
    }

    #[test]
    fn affine_form_equals_point_mapping() {
        let roi = Roi {
            cx: 50.0,
            cy: 70.0,
            size: 33.0,
            angle: 0.4,
        };
        let m = roi.affine_to_image(192.0);
        let (x, y) = roi.to_image(17.0, 150.0, 192.0);
        assert!((m[0] * 17.0 + m[1] * 150.0 + m[2] - x).abs() < 1e-3);
        assert!((m[3] * 17.0 + m[4] * 150.0 + m[5] - y).abs() < 1e-3);
    }

    #[test]
    fn rotation_maps_crop_axes_to_rotated_image_axes() {
        let roi = Roi {
            cx: 10.0,
            cy: 10.0,
            size: 4.0,
            angle: std::f32::consts::FRAC_PI_2,
        };
        let (x, y) = roi.to_image(4.0, 2.0, 4.0); // right edge, middle
        assert!((x - 10.0).abs() < 1e-4 && (y - 12.0).abs() < 1e-4);
    }
}
