//! skin_tone and the Skin Shade endpoint: representative skin colour, ITA, Fitzpatrick, Monk.

use super::super::face_frame::CanonicalFace;
use super::super::lab::{delta_e, hex, ita_degrees, lab_to_srgb, srgb_to_lab};
use super::super::raster::Mask;
use super::super::regions::{median, Regions};
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

/// **Skin tone** — what: the face's constitutive skin colour.
/// How: cheek and forehead skin minus specular pixels; keep pixels between the 20th and 80th
/// L* percentiles (drops shadows and highlights); the median L*, a*, b* is the colour, then
/// ITA = atan((L* − 50)/b*) → Fitzpatrick class, nearest Monk colour (ΔE*ab), hue → undertone.
/// Limits: photo white balance and exposure shift L* and b* directly (a warm cast raises b* and
/// lowers ITA); Fitzpatrick proper is about sun reactivity, which a photo cannot observe.
pub fn skin_lab(face: &CanonicalFace, regions: &Regions, shine: &Mask) -> Option<[f32; 3]> {
    let area = sample_area(regions, shine);
    let lab = &face.lab;
    let idx: Vec<usize> = (0..area.data.len()).filter(|&i| area.data[i]).collect();
    if idx.len() < 50 {
        return None;
    }
    let mut ls: Vec<f32> = idx.iter().map(|&i| lab.l[i]).collect();
    ls.sort_by(f32::total_cmp);
    let (lo, hi) = (ls[ls.len() / 5], ls[ls.len() * 4 / 5]);
    let keep: Vec<usize> = idx
        .into_iter()
        .filter(|&i| lab.l[i] >= lo && lab.l[i] <= hi)
        .collect();
    let med = |v: &Vec<f32>| median(keep.iter().map(|&i| v[i]).collect());
    Some([med(&lab.l)?, med(&lab.a)?, med(&lab.b)?])
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

    #[test]
    fn monk_references_classify_as_themselves() {
        for (i, m) in MONK.iter().enumerate() {
            assert_eq!(classify(srgb_to_lab(*m)).monk, format!("{:02}", i + 1));
        }
    }
}
