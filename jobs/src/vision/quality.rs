//! Photo quality on the face: sharpness, exposure, clipping — and the rejection thresholds.

use super::cores::join;
use super::face_frame::CanonicalFace;
use super::regions::Regions;

/// Sharpness below this (variance of the Laplacian of L* at IOD ≈ 39 px) is too blurred.
pub const MIN_SHARPNESS: f32 = 2.0;
/// Mean skin L* below this is too dark to measure colour or detail.
pub const MIN_MEAN_L: f32 = 18.0;
/// Mean skin chroma (C*ab = √(a*² + b*²)) below this is a photo without colour: black and
/// white, a monochrome filter, an infrared camera. Skin of every tone has colour — the Monk
/// scale's palest swatch (#f6ede4) has C* ≈ 5.6, its darkest (#292420) ≈ 3.8, and the fixture
/// photos 21–42 — while a grey photo's decode leaves C* < 1 (rounding only). Without colour,
/// tone, redness, acne, spots and dark circles would read "perfect" (ITA 90°: Fitzpatrick I).
pub const MIN_CHROMA: f32 = 2.0;

#[derive(Clone, Copy, Debug)]
pub struct Quality {
    pub sharpness: f32,
    pub mean_l: f32,
    pub overexposed_pct: f32,
    /// Mean C*ab of the skin.
    pub chroma: f32,
}

/// Measures the face's photo quality.
///
/// Sharpness is computed after a 3× box reduction of the canonical crop (IOD ≈ 39 px, about the
/// smallest face accepted): the Laplacian then sees the same facial detail whatever the photo's
/// resolution, so small or upscaled faces are not mistaken for blur, while defocus and motion
/// blur that survive at that scale are caught.
pub fn measure(face: &CanonicalFace, regions: &Regions) -> Quality {
    // Sharpness on the second core beside the skin's exposure and colour: both lie on the
    // analysis's critical path, and neither needs the other.
    let (sharpness, (mean_l, overexposed_pct, chroma)) =
        join(|| sharpness(face, regions), || exposure(face, regions));
    Quality {
        sharpness,
        mean_l,
        overexposed_pct,
        chroma,
    }
}

/// Variance of the Laplacian of L* over the skin, after the 3× box reduction.
fn sharpness(face: &CanonicalFace, regions: &Regions) -> f32 {
    const F: usize = 3;
    let n = face.lab.width;
    let h = n / F;
    let l = &face.lab.l;
    let small: Vec<f32> = (0..h * h)
        .map(|i| {
            let (x, y) = (F * (i % h), F * (i / h));
            let mut s = 0.0;
            for dy in 0..F {
                for dx in 0..F {
                    s += l[(y + dy) * n + x + dx];
                }
            }
            s / (F * F) as f32
        })
        .collect();
    let skin = regions.skin.morph(-(F as i32));
    let mut laps = Vec::new();
    for y in 1..h - 1 {
        for x in 1..h - 1 {
            if skin.get(F * x + 1, F * y + 1) {
                let c = small[y * h + x];
                laps.push(
                    small[y * h + x - 1]
                        + small[y * h + x + 1]
                        + small[(y - 1) * h + x]
                        + small[(y + 1) * h + x]
                        - 4.0 * c,
                );
            }
        }
    }
    let mean = laps.iter().sum::<f32>() / laps.len().max(1) as f32;
    laps.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / laps.len().max(1) as f32
}

/// The skin's mean L*, its share of clipped pixels (%) and its mean C*ab.
fn exposure(face: &CanonicalFace, regions: &Regions) -> (f32, f32, f32) {
    let (mut sum_l, mut sum_c, mut cnt, mut clipped) = (0.0f32, 0.0f32, 0usize, 0usize);
    let (l, a, b) = (&face.lab.l, &face.lab.a, &face.lab.b);
    for (i, &m) in regions.skin.data.iter().enumerate() {
        if m {
            sum_l += l[i];
            sum_c += a[i].hypot(b[i]);
            cnt += 1;
            let p = face.rgb.as_raw();
            if p[3 * i] >= 250 || p[3 * i + 1] >= 250 || p[3 * i + 2] >= 250 {
                clipped += 1;
            }
        }
    }
    (
        sum_l / cnt.max(1) as f32,
        100.0 * clipped as f32 / cnt.max(1) as f32,
        sum_c / cnt.max(1) as f32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::blazeface::FaceDetector;
    use crate::vision::facemesh::FaceMesh;
    use crate::vision::testutil::astronaut;
    use image::imageops::{blur, resize, FilterType};

    fn sharpness(img: &image::RgbImage) -> f32 {
        let det = FaceDetector::load().unwrap().detect(img).unwrap().remove(0);
        let lm = FaceMesh::load().unwrap().face_landmarks(img, &det).unwrap();
        let face = CanonicalFace::new(img, &lm);
        measure(&face, &Regions::new(&face)).sharpness
    }

    #[test]
    fn sharp_photo_passes_at_any_scale_and_blurred_photo_fails() {
        let img = astronaut();
        let s1 = sharpness(&img);
        let s2 = sharpness(&resize(&img, 1024, 1024, FilterType::CatmullRom));
        let blurred = sharpness(&blur(&img, 3.0));
        eprintln!("sharpness: native {s1}, 2x {s2}, blurred {blurred}");
        assert!(s1 > 2.0 * MIN_SHARPNESS && s2 > 2.0 * MIN_SHARPNESS);
        assert!(blurred < MIN_SHARPNESS);
    }
}
