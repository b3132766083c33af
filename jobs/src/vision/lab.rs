//! sRGB (D65) → CIELAB, per pixel and per image, plus the Individual Typology Angle.
//!
//! The image path uses a 256-entry linearisation table and is checked against `palette` in the
//! tests (ΔE < 0.05).

use std::sync::OnceLock;

use image::RgbImage;

use super::cores::join;

/// A CIELAB image as three planes (L* 0–100, a*, b*), row-major.
#[derive(Clone, Debug)]
pub struct LabImage {
    pub width: usize,
    pub height: usize,
    pub l: Vec<f32>,
    pub a: Vec<f32>,
    pub b: Vec<f32>,
}

fn linear_table() -> &'static [f32; 256] {
    static T: OnceLock<[f32; 256]> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = [0f32; 256];
        for (i, v) in t.iter_mut().enumerate() {
            let c = i as f32 / 255.0;
            *v = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
        }
        t
    })
}

/// Linear-light value (0–1) of an sRGB channel value.
pub fn linear(c: u8) -> f32 {
    linear_table()[c as usize]
}

/// CIELAB's companding function f(t) (cube root above (6/29)³, linear below).
fn f_exact(t: f32) -> f32 {
    const D: f32 = 6.0 / 29.0;
    if t > D * D * D {
        t.cbrt()
    } else {
        t / (3.0 * D * D) + 4.0 / 29.0
    }
}

/// Table size and range for [`f`]: X/Xn, Y/Yn, Z/Zn of sRGB colours lie in [0, 1.0001].
const F_STEPS: usize = 4096;
const F_MAX: f32 = 1.001;

/// f(t) by linear interpolation in a 4097-entry table: a cube root per channel was the largest
/// cost of converting the face crop. Accuracy is checked against `palette` (ΔE < 0.05).
fn f(t: f32) -> f32 {
    static T: OnceLock<Vec<f32>> = OnceLock::new();
    let table = T.get_or_init(|| {
        (0..=F_STEPS)
            .map(|i| f_exact(i as f32 * F_MAX / F_STEPS as f32))
            .collect()
    });
    let x = (t.clamp(0.0, F_MAX) / F_MAX) * F_STEPS as f32;
    let i = (x as usize).min(F_STEPS - 1);
    let a = x - i as f32;
    table[i] * (1.0 - a) + table[i + 1] * a
}

/// One sRGB pixel → (L*, a*, b*).
pub fn srgb_to_lab(rgb: [u8; 3]) -> [f32; 3] {
    let t = linear_table();
    let (r, g, b) = (t[rgb[0] as usize], t[rgb[1] as usize], t[rgb[2] as usize]);
    // sRGB → XYZ (D65), normalised by the D65 white point.
    let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    let z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// (L*, a*, b*) → sRGB, clamped to the gamut.
pub fn lab_to_srgb(lab: [f32; 3]) -> [u8; 3] {
    use palette::{IntoColor, Lab, Srgb};
    let rgb: Srgb = Lab::new(lab[0], lab[1], lab[2]).into_color();
    let c = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    [c(rgb.red), c(rgb.green), c(rgb.blue)]
}

/// "#rrggbb" of an sRGB colour.
pub fn hex(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// CIE 1976 colour difference ΔE*ab: the Euclidean distance between two CIELAB colours.
pub fn delta_e(p: [f32; 3], q: [f32; 3]) -> f32 {
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

/// Individual Typology Angle in degrees: ITA = atan((L* − 50) / b*) · 180/π
/// (Chardon et al. 1991). Higher = lighter skin. Uses atan2 so b* ≤ 0 stays defined.
pub fn ita_degrees(l: f32, b: f32) -> f32 {
    (l - 50.0).atan2(b).to_degrees()
}

impl LabImage {
    /// The CIELAB colour of pixel `i` (row-major index).
    pub fn at(&self, i: usize) -> [f32; 3] {
        [self.l[i], self.a[i], self.b[i]]
    }

    pub fn from_rgb(img: &RgbImage) -> LabImage {
        let (w, h) = (img.width() as usize, img.height() as usize);
        let (l, a, b) = planes(img.as_raw());
        LabImage {
            width: w,
            height: h,
            l,
            a,
            b,
        }
    }

    /// Same as [`LabImage::from_rgb`], converting the two halves on two threads.
    pub fn from_rgb_parallel(img: &RgbImage) -> LabImage {
        let (w, h) = (img.width() as usize, img.height() as usize);
        let raw = img.as_raw();
        let (top, bottom) = raw.split_at(h / 2 * w * 3);
        let ((l2, a2, b2), (mut l, mut a, mut b)) = join(|| planes(bottom), || planes(top));
        l.extend(l2);
        a.extend(a2);
        b.extend(b2);
        LabImage {
            width: w,
            height: h,
            l,
            a,
            b,
        }
    }
}

/// Packed RGB bytes → (L*, a*, b*) planes.
fn planes(raw: &[u8]) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let n = raw.len() / 3;
    let (mut l, mut a, mut b) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for p in raw.chunks_exact(3) {
        let v = srgb_to_lab([p[0], p[1], p[2]]);
        l.push(v[0]);
        a.push(v[1]);
        b.push(v[2]);
    }
    (l, a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use palette::{IntoColor, Lab, Srgb};

    #[test]
    fn conversion_matches_palette() {
        for rgb in [
            [0u8, 0, 0],
            [255, 255, 255],
            [200, 150, 120],
            [90, 60, 40],
            [12, 200, 33],
        ] {
            let want: Lab = Srgb::new(rgb[0], rgb[1], rgb[2])
                .into_format::<f32>()
                .into_linear()
                .into_color();
            let got = srgb_to_lab(rgb);
            let de =
                ((got[0] - want.l).powi(2) + (got[1] - want.a).powi(2) + (got[2] - want.b).powi(2))
                    .sqrt();
            assert!(de < 0.05, "{rgb:?}: {got:?} vs {want:?}");
        }
    }

    #[test]
    fn table_companding_is_close_to_the_exact_function() {
        for i in 0..=1000 {
            let t = i as f32 / 1000.0;
            assert!((f(t) - f_exact(t)).abs() < 2e-4, "t {t}");
        }
    }

    #[test]
    fn lab_round_trip_is_within_one_level() {
        let rgb = [198, 134, 101];
        let back = lab_to_srgb(srgb_to_lab(rgb));
        for c in 0..3 {
            assert!((back[c] as i32 - rgb[c] as i32).abs() <= 1);
        }
    }

    #[test]
    fn parallel_conversion_equals_sequential() {
        let img = RgbImage::from_fn(31, 17, |x, y| {
            image::Rgb([(x * 8) as u8, (y * 15) as u8, 90])
        });
        let (s, p) = (LabImage::from_rgb(&img), LabImage::from_rgb_parallel(&img));
        assert_eq!((s.l, s.a, s.b), (p.l, p.a, p.b));
    }

    #[test]
    fn ita_of_known_values() {
        assert!((ita_degrees(70.0, 20.0) - 45.0).abs() < 1e-4);
        assert!((ita_degrees(50.0, 15.0)).abs() < 1e-4);
        assert!(ita_degrees(30.0, 20.0) < -30.0);
    }
}
