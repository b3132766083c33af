//! hd_texture: fine-scale roughness of the skin surface.

use super::super::face_frame::CanonicalFace;
use super::super::filters::{gaussian, Plane};
use super::super::regions::Regions;
use super::score::ui;
use crate::vision::report::MetricScore;

/// Band-pass (difference of Gaussians, nominal crop px at the common resolution): detail between
/// ≈ 1.5 and 3 mm. Finer detail is below the common resolution (and full of JPEG noise).
const SIGMA_FINE: f32 = 1.5;
const SIGMA_COARSE: f32 = 5.0;
const HALF_RMS: f32 = 3.0;

/// **Texture** — what: unevenness of the skin surface (bumps, roughness, fine scars).
/// How: difference of Gaussians of L* (nominal σ 1.5 − σ 5 crop px at the common resolution,
/// ≈ 1.5–3 mm) gives the surface detail; the raw value is the RMS of that detail over cheeks, forehead and chin, in L* units, after clipping each pixel to
/// ±8 so single spots (acne, pores) do not dominate. Score: `ui(rms, 3, 2)`.
/// Limits: sensor noise and JPEG artefacts add roughness in dark or heavily compressed photos;
/// make-up and beauty filters smooth it away. Returns the detail plane for the mask.
pub fn texture(face: &CanonicalFace, regions: &Regions) -> (MetricScore, Plane) {
    let n = face.lab.width;
    let l = Plane::new(n, n, face.lab.l.clone());
    let region = regions.open_skin();
    let (fine, coarse) = (
        face.common_sigma(SIGMA_FINE),
        face.common_sigma(SIGMA_COARSE),
    );
    let win = region.bbox((3.0 * coarse) as usize).unwrap_or((0, 0, n, n));
    let detail = l.windowed(win, |w| gaussian(w, fine).sub(&gaussian(w, coarse)));
    let (mut sum, mut cnt) = (0.0f64, 0usize);
    for (i, &m) in region.data.iter().enumerate() {
        if m {
            let d = detail.data[i].clamp(-8.0, 8.0) as f64;
            sum += d * d;
            cnt += 1;
        }
    }
    let rms = (sum / cnt.max(1) as f64).sqrt() as f32;
    (
        MetricScore {
            ui_score: ui(rms, HALF_RMS, 2.0),
            raw_score: (rms * 100.0).round() / 100.0,
            unit: "RMS L* detail".into(),
        },
        detail,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut_face, repaint};

    #[test]
    fn fine_bumps_lower_hd_texture() {
        let (mut face, regions) = astronaut_face();
        let (before, _) = texture(&face, &regions);
        // A deterministic ±24-level checker of 8-px cells (≈ 4 mm bumps): rough, not noisy, and
        // coarse enough to survive the common resolution.
        repaint(&mut face, |x, y, p| {
            let d: i16 = if (x / 8 + y / 8) % 2 == 0 { 24 } else { -24 };
            p.map(|c| (c as i16 + d).clamp(0, 255) as u8)
        });
        let (after, _) = texture(&face, &regions);
        eprintln!("texture {} -> {}", before.ui_score, after.ui_score);
        assert!(after.ui_score < before.ui_score - 20.0);
    }
}
