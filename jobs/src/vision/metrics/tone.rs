//! skin_tone and the Skin Shade endpoint: representative skin colour, ITA, Fitzpatrick, Monk.

use super::super::face_frame::CanonicalFace;
use super::super::lab::{delta_e, hex, ita_degrees, lab_to_srgb, srgb_to_lab};
use super::super::raster::Mask;
use super::super::regions::Regions;
use crate::vision::report::SkinTone;

/// ITA class bounds (degrees, lower bound inclusive) with Fitzpatrick type and tone range name,
/// after Del Bino et al. (2006): > 55 very light, 41–55 light, 28–41 intermediate, 10–28 tan,
/// −30–10 brown, < −30 dark.
pub const ITA_CLASSES: [(f32, &str, &str); 6] = [
    (55.0, "I", "very_light"),
    (41.0, "II", "light"),
    (28.0, "III", "intermediate"),
    (10.0, "IV", "tan"),
    (-30.0, "V", "brown"),
    (f32::NEG_INFINITY, "VI", "dark"),
];

/// Monk Skin Tone scale reference colours MST-01 … MST-10 (Google, CC-BY-4.0).
pub const MONK: [[u8; 3]; 10] = [
    [0xf6, 0xed, 0xe4],
    [0xf3, 0xe7, 0xdb],
    [0xf7, 0xea, 0xd0],
    [0xea, 0xda, 0xba],
    [0xd7, 0xbd, 0x96],
    [0xa0, 0x7e, 0x56],
    [0x82, 0x5c, 0x43],
    [0x60, 0x41, 0x34],
    [0x3a, 0x31, 0x2a],
    [0x29, 0x24, 0x20],
];

/// Classifies a representative skin colour given in CIELAB.
pub fn classify(lab: [f32; 3]) -> SkinTone {
    let ita = ita_degrees(lab[0], lab[2]);
    let (_, fitz, range) = ITA_CLASSES
        .iter()
        .find(|(lo, _, _)| ita >= *lo)
        .copied()
        .unwrap_or(ITA_CLASSES[5]);
    let de = |m: [u8; 3]| delta_e(srgb_to_lab(m), lab);
    let monk = (0..10)
        .min_by(|&i, &j| de(MONK[i]).total_cmp(&de(MONK[j])))
        .unwrap_or(0)
        + 1;
    // Hue angle h_ab: skin lies around 45–65°; yellower (higher) reads warm, pinker cool.
    let hue = lab[2].atan2(lab[1]).to_degrees();
    let undertone = if hue >= 60.0 {
        "warm"
    } else if hue <= 50.0 {
        "cool"
    } else {
        "neutral"
    };
    SkinTone {
        fitzpatrick: fitz.into(),
        monk: format!("{monk:02}"),
        ita_angle: (ita * 10.0).round() / 10.0,
        hex: hex(lab_to_srgb(lab)),
        undertone: undertone.into(),
        tone_range: range.into(),
    }
}

/// The skin sampled for the tone: cheeks and forehead without their specular pixels.
pub fn sample_area(regions: &Regions, shine: &Mask) -> Mask {
    regions.cheeks().or(&regions.forehead).and_not(shine)
}

/// Pixels (crop px) from which a site's colour starts to count, and from which it counts
/// fully: between the two its weight rises linearly, so a site that a fringe, a cap or a turn
/// of the head hides in part fades out of the mean instead of dropping out of it at once.
const SITE_FROM_PX: f32 = 50.0;
const SITE_FULL_PX: f32 = 150.0;

/// One site's colour: the mean L*, a*, b* of its pixels between the 20th and 80th L*
/// percentiles, and the site's weight (by how many pixels it shows).
fn site_lab(face: &CanonicalFace, site: &Mask, shine: &Mask) -> SiteReading {
    let lab = &face.lab;
    let mut idx: Vec<usize> = (0..site.data.len())
        .filter(|&i| site.data[i] && !shine.data[i])
        .collect();
    let weight =
        ((idx.len() as f32 - SITE_FROM_PX) / (SITE_FULL_PX - SITE_FROM_PX)).clamp(0.0, 1.0);
    if weight == 0.0 {
        return None;
    }
    idx.sort_by(|&i, &j| lab.l[i].total_cmp(&lab.l[j]));
    let kept = &idx[idx.len() / 5..idx.len() * 4 / 5];
    let mean = |v: &Vec<f32>| kept.iter().map(|&i| v[i]).sum::<f32>() / kept.len() as f32;
    Some(([mean(&lab.l), mean(&lab.a), mean(&lab.b)], weight))
}

/// **Skin tone** — what: the face's constitutive skin colour.
/// How: as a colourimeter is read at a few sites and the readings averaged, each of three
/// sites — forehead, right cheek, left cheek — without its specular pixels is read as the mean
/// L*, a*, b* of its pixels between the 20th and 80th L* percentiles (drops shadows and
/// highlights), and the sites' colours are averaged, each weighted by how much of it shows
/// ([`SITE_FROM_PX`] to [`SITE_FULL_PX`]); then ITA = atan((L* − 50)/b*) → Fitzpatrick class,
/// nearest Monk colour (ΔE*ab), hue → undertone.
/// Why per site: a face lit from one side (obama2.jpg: forehead L* 75, shaded cheek L* 47) pools
/// into two lobes, and a pooled median lies in the gap between them, where it moves with every
/// few pixels that change sides: its ITA moved 1.7° under JPEG 60, the sites' mean 0.4°.
/// Limits: photo white balance and exposure shift L* and b* directly (a warm cast raises b* and
/// lowers ITA); Fitzpatrick proper is about sun reactivity, which a photo cannot observe.
pub fn skin_lab(face: &CanonicalFace, regions: &Regions, shine: &Mask) -> Option<[f32; 3]> {
    pooled(&sites(face, regions, shine))
}

/// A site's colour (L*, a*, b*) and its weight ([`site_lab`]), None where too little of the
/// site shows.
pub type SiteReading = Option<([f32; 3], f32)>;

/// One reading per skin-tone site: forehead, right cheek, left cheek (the subject's sides).
pub type SiteReadings = [SiteReading; 3];

/// The skin-tone sites read one by one, without their specular pixels.
pub fn sites(face: &CanonicalFace, regions: &Regions, shine: &Mask) -> SiteReadings {
    [&regions.forehead, &regions.cheek_right, &regions.cheek_left].map(|s| site_lab(face, s, shine))
}

/// The sites' colours averaged, each weighted by how much of it shows.
pub fn pooled(sites: &SiteReadings) -> Option<[f32; 3]> {
    let (mut sum, mut total) = ([0.0f32; 3], 0.0);
    for (lab, w) in sites.iter().flatten() {
        (0..3).for_each(|c| sum[c] += w * lab[c]);
        total += w;
    }
    (total > 0.0).then(|| sum.map(|v| v / total))
}

/// **Side light** (`image_quality.light_balance_l`) — what: how much more light one side of
/// the face gets than the other, as the L* of the cheek on the photo's right (the subject's
/// left) minus the L* of the cheek on the photo's left: 0 under even frontal light, positive
/// when the photo's right side of the face is the brighter.
/// How: each cheek's skin-tone reading ([`site_lab`]: the mean L* between its 20th and 80th
/// L* percentiles, specular pixels left out), from both cheeks only when each shows fully
/// ([`SITE_FULL_PX`]); otherwise None.
/// Why: photo guides for skin analysis ask for even, frontal light, and a side light is what
/// the per-site readings average over rather than undo: the skin tone pools its sites through
/// it, and redness reads a*, which the light scales with L* (obama2.jpg, lit from the photo's
/// left).
/// Limits: the shaded cheek's darkest skin leaves the skin mask when it falls 25 L* below the
/// face's median (`regions::non_skin_pixels`), so a strong side light is understated
/// (docs/metrics.md: obama.jpg with its brighter side ×1.4 reads −9.8 where −16.1 is the
/// answer); cheeks of different colour (a birthmark, make-up, a flush on one side) read as
/// light; a head turned from the camera shows one cheek more obliquely, which under frontal
/// light darkens it too; light from above or below is not seen (the cheeks are level).
pub fn light_balance(sites: &SiteReadings) -> Option<f32> {
    let full = |s: &SiteReading| s.filter(|(_, w)| *w >= 1.0).map(|(lab, _)| lab[0]);
    let [_, right, left] = sites;
    Some(full(left)? - full(right)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_light_patch_is_type_ii_and_light_monk() {
        // L* 70, b* 20 → ITA 45°: class II "light".
        let t = classify([70.0, 10.0, 20.0]);
        assert!((t.ita_angle - 45.0).abs() < 1.0);
        assert_eq!(t.fitzpatrick, "II");
        assert_eq!(t.tone_range, "light");
        assert!(
            ["02", "03", "04", "05"].contains(&t.monk.as_str()),
            "monk {}",
            t.monk
        );
    }

    #[test]
    fn dark_patch_is_type_vi_and_dark_monk() {
        // L* 28, b* 12 → ITA −61°.
        let t = classify([28.0, 8.0, 12.0]);
        assert_eq!(t.fitzpatrick, "VI");
        assert!(
            ["08", "09", "10"].contains(&t.monk.as_str()),
            "monk {}",
            t.monk
        );
    }

    #[test]
    fn uniform_lab_patch_gives_ita_within_one_degree() {
        use crate::vision::lab::lab_to_srgb;
        use crate::vision::raster::Mask;
        use crate::vision::testutil::{astronaut_face, repaint};
        let (mut face, regions) = astronaut_face();
        // L* 65, a* 12, b* 18 → ITA = atan(15/18) = 39.8°: class III, intermediate.
        let rgb = lab_to_srgb([65.0, 12.0, 18.0]);
        repaint(&mut face, |_, _, _| rgb);
        let lab = skin_lab(&face, &regions, &Mask::empty(512, 512)).unwrap();
        let t = classify(lab);
        assert!((t.ita_angle - 39.8).abs() < 1.0, "ita {}", t.ita_angle);
        assert_eq!(t.fitzpatrick, "III");
        assert_eq!(t.tone_range, "intermediate");
        assert!(
            ["04", "05", "06"].contains(&t.monk.as_str()),
            "monk {}",
            t.monk
        );
    }

    /// A face lit from one side: forehead bright, cheeks shaded. Each site counts once, not by
    /// how many pixels it shows (a pooled median reads the cheeks, which hold most pixels); a
    /// shadow over a sixth of every site is trimmed away; a site hidden down to 100 pixels
    /// counts half, and below 50 not at all.
    #[test]
    fn each_site_counts_once_and_a_hidden_one_fades_out() {
        use crate::vision::lab::{delta_e, lab_to_srgb};
        use crate::vision::testutil::{fixture_face, repaint};
        let (mut face, regions) = fixture_face("obama.jpg");
        let n = face.lab.width;
        let (fh, cheek) = ([75.0, 14.0, 26.0], [47.0, 16.0, 30.0]);
        let (fh_rgb, cheek_rgb) = (lab_to_srgb(fh), lab_to_srgb(cheek));
        let shade = lab_to_srgb([30.0, 14.0, 20.0]);
        let at = |m: &Mask, x: u32, y: u32| m.data[y as usize * n + x as usize];
        let paint = |face: &mut CanonicalFace, shadow: bool| {
            repaint(face, |x, y, p| {
                let i = y as usize * n + x as usize;
                if shadow && i.is_multiple_of(6) {
                    shade
                } else if at(&regions.forehead, x, y) {
                    fh_rgb
                } else if at(&regions.cheek_right, x, y) || at(&regions.cheek_left, x, y) {
                    cheek_rgb
                } else {
                    p
                }
            })
        };
        let none = Mask::empty(n, face.lab.height);
        let mean = |w: f32| {
            let t = w + 2.0;
            [0, 1, 2].map(|c| (w * fh[c] + 2.0 * cheek[c]) / t)
        };
        paint(&mut face, false);
        let even = skin_lab(&face, &regions, &none).unwrap();
        assert!(delta_e(even, mean(1.0)) < 0.4, "{even:?}");
        paint(&mut face, true);
        let shaded = skin_lab(&face, &regions, &none).unwrap();
        assert!(delta_e(shaded, even) < 0.2, "{shaded:?} against {even:?}");
        // Hide all of the forehead but its first `keep` pixels, as a cap's brim would.
        let hide = |keep: usize| {
            let mut m = regions.forehead.clone();
            let first: Vec<usize> = (0..m.data.len())
                .filter(|&i| m.data[i])
                .take(keep)
                .collect();
            first.into_iter().for_each(|i| m.data[i] = false);
            m
        };
        paint(&mut face, false);
        let half = skin_lab(&face, &regions, &hide(100)).unwrap();
        assert!(delta_e(half, mean(0.5)) < 0.4, "{half:?}");
        let gone = skin_lab(&face, &regions, &hide(40)).unwrap();
        assert!(delta_e(gone, cheek) < 0.4, "{gone:?}");
    }

    #[test]
    fn monk_references_classify_as_themselves() {
        for (i, m) in MONK.iter().enumerate() {
            assert_eq!(classify(srgb_to_lab(*m)).monk, format!("{:02}", i + 1));
        }
    }
}
