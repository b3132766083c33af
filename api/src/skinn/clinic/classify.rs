//! Skin type, UV-damage level, hydration estimate, GP red flags and photo caveats: the
//! categorical parts of the SKINN AI `analysis`, each a small documented rule on the Report.
//!
//! None of these is a measurement of the named property itself (a photo cannot measure sebum
//! production, stratum-corneum water or UV dose); they are rules on what the photo does show.
//! docs/clinic-rules.md states every threshold and its limits.

use super::areas::clamp_score;
use super::Report;
use poem_openapi::Enum;
use serde::{Deserialize, Serialize};

/// SKINN AI `skinType`. The values are the contract's English words in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Enum)]
#[oai(rename = "SkinnSkinType")]
pub enum SkinType {
    Normal,
    Dry,
    Oily,
    Combination,
    Sensitive,
}

/// SKINN AI `uvDamage`. The values are the contract's English words in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Enum)]
#[oai(rename = "SkinnUvDamage")]
pub enum UvDamage {
    None,
    Mild,
    Moderate,
    Severe,
}

impl SkinType {
    /// The contract value, also the Fluent selector key.
    pub fn as_str(self) -> &'static str {
        match self {
            SkinType::Normal => "Normal",
            SkinType::Dry => "Dry",
            SkinType::Oily => "Oily",
            SkinType::Combination => "Combination",
            SkinType::Sensitive => "Sensitive",
        }
    }
}

impl UvDamage {
    /// The contract value, also the Fluent selector key.
    pub fn as_str(self) -> &'static str {
        match self {
            UvDamage::None => "None",
            UvDamage::Mild => "Mild",
            UvDamage::Moderate => "Moderate",
            UvDamage::Severe => "Severe",
        }
    }
}

/// Skin type, first matching rule wins (scores 0–100, higher = healthier):
/// 1. redness < 40 → Sensitive (marked diffuse redness is the only reactivity sign a photo shows);
/// 2. oiliness < 45 → Oily (more than a weighted ≈ 9 % of the skin is specular shine);
/// 3. oiliness < 65, or pores < 50 → Combination (some shine, or visible pores without overall
///    shine: the engine reports one oiliness value for the whole face, so zones cannot be compared);
/// 4. oiliness ≥ 80 and (texture < 60 or hydration estimate < 60 %) → Dry (matte and rough);
/// 5. otherwise Normal.
pub fn skin_type(r: &Report, hydration_pct: f32) -> SkinType {
    let oil = clamp_score(r.hd_oiliness.ui_score);
    if clamp_score(r.hd_redness.ui_score) < 40.0 {
        SkinType::Sensitive
    } else if oil < 45.0 {
        SkinType::Oily
    } else if oil < 65.0 || clamp_score(r.hd_pore.ui_score) < 50.0 {
        SkinType::Combination
    } else if oil >= 80.0 && (clamp_score(r.hd_texture.ui_score) < 60.0 || hydration_pct < 60.0) {
        SkinType::Dry
    } else {
        SkinType::Normal
    }
}

/// Estimated hydration, percent (integer, 25–95). **An estimate, not a corneometer reading**:
/// `30 + 0.35·texture + 0.20·fine_lines + 0.10·sheen`, where fine_lines is the mean of the
/// forehead and crow's-feet wrinkle scores and sheen = min(100, 4·(100 − oiliness)) credits a
/// little surface lipid (a fully matte face gets 0, a slight sheen already 100). Smooth,
/// line-free skin with a light sheen reads ≈ 90 %; rough, matte, lined skin ≈ 40 %.
pub fn hydration_pct(r: &Report) -> f32 {
    let tex = clamp_score(r.hd_texture.ui_score);
    let fine = (clamp_score(r.hd_wrinkle.forehead.ui_score)
        + clamp_score(r.hd_wrinkle.crow_feet.ui_score))
        / 2.0;
    let sheen = (4.0 * (100.0 - clamp_score(r.hd_oiliness.ui_score))).min(100.0);
    (30.0 + 0.35 * tex + 0.20 * fine + 0.10 * sheen)
        .round()
        .clamp(25.0, 95.0)
}

/// Photo-ageing index 0–100 behind [`uv_damage`]: `(0.4·(100 − pigmentation) + 0.3·(100 −
/// wrinkles) + 0.2·(100 − texture) + 0.1·(100 − firmness)) × k`, with k = 1.15 for ITA > 41°
/// (Fitzpatrick I–II, burn easily), 0.85 for ITA < −30° (type VI), else 1. Brown spots (sun
/// spots, freckles) weigh most: they are the sign of sun exposure, while lines, roughness and
/// laxity come with age and expression too. A report stored before hd_pigmentation existed uses
/// `0.5·(100 − wrinkles) + 0.3·(100 − texture) + 0.2·(100 − firmness)`.
pub fn photoageing_index(r: &Report) -> f32 {
    let deficit = |s: f32| 100.0 - clamp_score(s);
    let lines = deficit(r.hd_wrinkle.whole.ui_score);
    let rough = deficit(r.hd_texture.ui_score);
    let lax = deficit(r.hd_firmness.ui_score);
    let base = match &r.hd_pigmentation {
        Some(spots) => 0.4 * deficit(spots.ui_score) + 0.3 * lines + 0.2 * rough + 0.1 * lax,
        None => 0.5 * lines + 0.3 * rough + 0.2 * lax,
    };
    let ita = r.skin_tone.ita_angle;
    let k = if ita > 41.0 {
        1.15
    } else if ita < -30.0 {
        0.85
    } else {
        1.0
    };
    (base * k).clamp(0.0, 100.0)
}

/// UV damage level from [`photoageing_index`]: < 15 None, < 30 Mild, < 45 Moderate, else Severe.
/// Limits: spots are counted, not told apart (a freckle, a sun spot and a flat mole weigh
/// alike), and lines, roughness and laxity also come with intrinsic ageing and expression.
pub fn uv_damage(r: &Report) -> UvDamage {
    match photoageing_index(r) {
        p if p < 15.0 => UvDamage::None,
        p if p < 30.0 => UvDamage::Mild,
        p if p < 45.0 => UvDamage::Moderate,
        _ => UvDamage::Severe,
    }
}

/// A measured finding that warrants a GP or dermatologist (sets `gpNote`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GpReason {
    /// ≥ 25 red lesions: inflammatory acne at a level where prescription treatment is usually
    /// discussed.
    Acne,
    /// Mean a* excess ≥ 10 over the whole face: marked diffuse redness (possible rosacea or
    /// dermatitis).
    Redness,
    /// Both of the above.
    Both,
}

/// Lesion count from which `gpNote` is set.
pub const GP_ACNE_LESIONS: f32 = 25.0;
/// Mean a* excess (over 12) from which `gpNote` is set.
pub const GP_REDNESS_A_EXCESS: f32 = 10.0;

/// GP red flags measurable in the Report. The engine does not examine moles or single lesions
/// (no asymmetry/border/colour analysis), so `gpNote = false` never rules out a suspicious lesion.
pub fn gp_reason(r: &Report) -> Option<GpReason> {
    let acne = r.hd_acne.raw_score >= GP_ACNE_LESIONS;
    let red = r.hd_redness.raw_score >= GP_REDNESS_A_EXCESS;
    match (acne, red) {
        (true, true) => Some(GpReason::Both),
        (true, false) => Some(GpReason::Acne),
        (false, true) => Some(GpReason::Redness),
        (false, false) => None,
    }
}

impl GpReason {
    pub fn key(self) -> &'static str {
        match self {
            GpReason::Acne => "acne",
            GpReason::Redness => "redness",
            GpReason::Both => "both",
        }
    }
}

/// The first photo-quality problem that limits the measurements, if any. The engine already
/// rejects unusable photos (sharpness < 2, very dark); these are the softer limits below which
/// the report says its numbers are less reliable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoIssue {
    /// Sharpness (`image_quality.blur`) < 5: fine lines, pores and texture are under-read.
    Blur,
    /// Mean skin L* < 35: colour and detail measurements are noisy.
    Dark,
    /// > 5 % of skin pixels clipped: shine (oiliness) and tone are distorted.
    Overexposed,
    /// Inter-ocular distance < 60 px: little resolution for pores and fine lines.
    SmallFace,
    /// Less than 90 % of the face's outline inside the photo: the scores describe the part
    /// the frame shows.
    CutOff,
    /// The head turned more than [`TURNED_DEG`] from the camera (yaw or pitch): the far side
    /// of the face is foreshortened and partly hidden.
    Turned,
    /// Glasses found on the face (`image_quality.glasses`): the skin around the eyes was left
    /// out of the measurements (the bags' grooves are still read through the lenses).
    Glasses,
}

/// The head turn (the larger of |yaw| and |pitch|) beyond which the report names it as the
/// photo's limit. A heuristic, as photo guides for skin analysis ask for a face "looking
/// straight at the camera": at 20° the far cheek's skin is seen at a grazing angle and the
/// far crow's feet and nasolabial fold are half hidden (docs/clinic-rules.md).
pub const TURNED_DEG: f32 = 20.0;

impl PhotoIssue {
    pub fn key(self) -> &'static str {
        match self {
            PhotoIssue::Blur => "blur",
            PhotoIssue::Dark => "dark",
            PhotoIssue::Overexposed => "overexposed",
            PhotoIssue::SmallFace => "small",
            PhotoIssue::CutOff => "cut-off",
            PhotoIssue::Turned => "turned",
            PhotoIssue::Glasses => "glasses",
        }
    }
}

/// How far the head is turned from the camera, degrees: the larger of |yaw| and |pitch|
/// (absent in reports stored before the engine measured them).
pub fn head_turn(r: &Report) -> Option<f32> {
    let q = &r.image_quality;
    Some(q.yaw_deg?.abs().max(q.pitch_deg?.abs()))
}

pub fn photo_issue(r: &Report) -> Option<PhotoIssue> {
    let q = &r.image_quality;
    if q.blur < 5.0 {
        Some(PhotoIssue::Blur)
    } else if q.exposure < 35.0 {
        Some(PhotoIssue::Dark)
    } else if q.overexposed_pct > 5.0 {
        Some(PhotoIssue::Overexposed)
    } else if q.face_resolution_px < 60.0 {
        Some(PhotoIssue::SmallFace)
    } else if q.face_in_photo_pct.is_some_and(|pct| pct < 90.0) {
        Some(PhotoIssue::CutOff)
    } else if head_turn(r).is_some_and(|deg| deg > TURNED_DEG) {
        Some(PhotoIssue::Turned)
    } else if q.glasses {
        Some(PhotoIssue::Glasses)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skinn::clinic::testutil::report_with;

    #[test]
    fn strong_shine_makes_oily_skin() {
        let r = report_with(|r| r.hd_oiliness.ui_score = 30.0);
        assert_eq!(skin_type(&r, hydration_pct(&r)), SkinType::Oily);
    }

    #[test]
    fn marked_redness_makes_sensitive_skin_even_when_oily() {
        let r = report_with(|r| {
            r.hd_redness.ui_score = 30.0;
            r.hd_oiliness.ui_score = 30.0;
        });
        assert_eq!(skin_type(&r, hydration_pct(&r)), SkinType::Sensitive);
    }

    #[test]
    fn moderate_shine_or_visible_pores_make_combination_skin() {
        let r = report_with(|r| r.hd_oiliness.ui_score = 55.0);
        assert_eq!(skin_type(&r, hydration_pct(&r)), SkinType::Combination);
        let r = report_with(|r| r.hd_pore.ui_score = 40.0);
        assert_eq!(skin_type(&r, hydration_pct(&r)), SkinType::Combination);
    }

    #[test]
    fn matte_rough_skin_is_dry_and_healthy_matte_skin_is_normal() {
        let r = report_with(|r| {
            r.hd_oiliness.ui_score = 95.0;
            r.hd_texture.ui_score = 45.0;
        });
        assert_eq!(skin_type(&r, hydration_pct(&r)), SkinType::Dry);
        let r = report_with(|_| {});
        assert_eq!(skin_type(&r, hydration_pct(&r)), SkinType::Normal);
    }

    #[test]
    fn hydration_estimate_is_bounded_and_rises_with_smoother_skin() {
        let rough = report_with(|r| r.hd_texture.ui_score = 20.0);
        let smooth = report_with(|r| r.hd_texture.ui_score = 95.0);
        assert!(hydration_pct(&smooth) > hydration_pct(&rough));
        let worst = report_with(|r| {
            r.hd_texture.ui_score = 0.0;
            r.hd_wrinkle.forehead.ui_score = 0.0;
            r.hd_wrinkle.crow_feet.ui_score = 0.0;
            r.hd_oiliness.ui_score = 100.0;
        });
        assert_eq!(hydration_pct(&worst), 30.0);
        let best = report_with(|r| {
            r.hd_texture.ui_score = 100.0;
            r.hd_wrinkle.forehead.ui_score = 100.0;
            r.hd_wrinkle.crow_feet.ui_score = 100.0;
            r.hd_oiliness.ui_score = 70.0;
        });
        assert_eq!(hydration_pct(&best), 95.0);
    }

    #[test]
    fn more_lines_and_lighter_phototype_raise_uv_damage() {
        let smooth = report_with(|r| {
            r.hd_wrinkle.whole.ui_score = 95.0;
            r.hd_texture.ui_score = 95.0;
            r.hd_firmness.ui_score = 95.0;
        });
        assert_eq!(uv_damage(&smooth), UvDamage::None);
        let lined = report_with(|r| {
            r.hd_wrinkle.whole.ui_score = 30.0;
            r.hd_texture.ui_score = 40.0;
            r.hd_firmness.ui_score = 50.0;
        });
        assert_eq!(uv_damage(&lined), UvDamage::Moderate);
        let lined_and_spotted = report_with(|r| {
            r.hd_wrinkle.whole.ui_score = 30.0;
            r.hd_texture.ui_score = 40.0;
            r.hd_firmness.ui_score = 50.0;
            r.hd_pigmentation.as_mut().unwrap().ui_score = 40.0;
        });
        assert_eq!(uv_damage(&lined_and_spotted), UvDamage::Severe);
        let mid = |ita: f32| {
            report_with(|r| {
                r.hd_wrinkle.whole.ui_score = 60.0;
                r.hd_texture.ui_score = 70.0;
                r.hd_firmness.ui_score = 80.0;
                r.skin_tone.ita_angle = ita;
            })
        };
        assert!(photoageing_index(&mid(50.0)) > photoageing_index(&mid(20.0)));
        assert!(photoageing_index(&mid(20.0)) > photoageing_index(&mid(-40.0)));
    }

    #[test]
    fn sun_spots_weigh_most_and_old_reports_keep_the_lines_formula() {
        let spotted = report_with(|r| r.hd_pigmentation.as_mut().unwrap().ui_score = 30.0);
        // 0.4 × 70 + 0.6 × 15 = 37.
        assert!((photoageing_index(&spotted) - 37.0).abs() < 1e-3);
        assert_eq!(uv_damage(&spotted), UvDamage::Moderate);
        let lined = report_with(|r| r.hd_wrinkle.whole.ui_score = 30.0);
        assert!(photoageing_index(&spotted) > photoageing_index(&lined));
        // Stored before hd_pigmentation: 0.5 × 70 + 0.5 × 15 = 42.5.
        let old = report_with(|r| {
            r.hd_wrinkle.whole.ui_score = 30.0;
            r.hd_pigmentation = None;
        });
        assert!((photoageing_index(&old) - 42.5).abs() < 1e-3);
    }

    #[test]
    fn gp_note_only_on_many_lesions_or_marked_redness() {
        assert_eq!(gp_reason(&report_with(|_| {})), None);
        assert_eq!(
            gp_reason(&report_with(|r| r.hd_acne.raw_score = 30.0)),
            Some(GpReason::Acne)
        );
        assert_eq!(
            gp_reason(&report_with(|r| r.hd_redness.raw_score = 11.0)),
            Some(GpReason::Redness)
        );
        let both = report_with(|r| {
            r.hd_acne.raw_score = 25.0;
            r.hd_redness.raw_score = 10.0;
        });
        assert_eq!(gp_reason(&both), Some(GpReason::Both));
    }

    #[test]
    fn photo_issues_follow_the_documented_order() {
        assert_eq!(photo_issue(&report_with(|_| {})), None);
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.blur = 3.0)),
            Some(PhotoIssue::Blur)
        );
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.exposure = 30.0)),
            Some(PhotoIssue::Dark)
        );
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.overexposed_pct = 9.0)),
            Some(PhotoIssue::Overexposed)
        );
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.face_resolution_px = 40.0)),
            Some(PhotoIssue::SmallFace)
        );
        assert_eq!(
            photo_issue(&report_with(
                |r| r.image_quality.face_in_photo_pct = Some(72.7)
            )),
            Some(PhotoIssue::CutOff)
        );
        // Reports stored before the field existed have none: not cut off.
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.face_in_photo_pct = None)),
            None
        );
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.yaw_deg = Some(-24.0))),
            Some(PhotoIssue::Turned)
        );
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.pitch_deg = Some(21.0))),
            Some(PhotoIssue::Turned)
        );
        // A face turned less than that (obama2.jpg: yaw −14.5°) is not a photo issue, and
        // reports stored before the pose existed have none.
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.yaw_deg = Some(-14.5))),
            None
        );
        assert_eq!(
            photo_issue(&report_with(|r| {
                r.image_quality.yaw_deg = None;
                r.image_quality.pitch_deg = None;
            })),
            None
        );
        assert_eq!(
            photo_issue(&report_with(|r| r.image_quality.glasses = true)),
            Some(PhotoIssue::Glasses)
        );
        // A turned head comes before glasses: it hides more of the face.
        assert_eq!(
            photo_issue(&report_with(|r| {
                r.image_quality.glasses = true;
                r.image_quality.yaw_deg = Some(30.0);
            })),
            Some(PhotoIssue::Turned)
        );
        // Cut off comes first: it says more about what was measured.
        assert_eq!(
            photo_issue(&report_with(|r| {
                r.image_quality.face_in_photo_pct = Some(72.7);
                r.image_quality.yaw_deg = Some(30.0);
            })),
            Some(PhotoIssue::CutOff)
        );
    }
}
