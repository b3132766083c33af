//! Contract and behaviour tests of `clinic_analysis` across languages and reports.

use super::analysis::clinic_analysis;
use super::classify::{SkinType, UvDamage};
use super::language::Language;
use super::testutil::{healthy, report_with, sample, variety};
use super::vision_report::Report;

const SKIN_TYPES: [&str; 5] = ["Normal", "Dry", "Oily", "Combination", "Sensitive"];
const UV_LEVELS: [&str; 4] = ["None", "Mild", "Moderate", "Severe"];

/// All text fields of an analysis, with a name for failure messages.
fn texts(a: &super::ClinicAnalysis) -> Vec<(String, String)> {
    let mut v = vec![
        ("projection3month".to_string(), a.projection_3month.clone()),
        ("summary".into(), a.summary.clone()),
    ];
    let lists = [
        ("concerns", &a.concerns),
        ("morning", &a.routine.morning),
        ("evening", &a.routine.evening),
        ("nutrition", &a.nutrition),
        ("conditions", &a.conditions),
    ];
    for (name, list) in lists {
        v.extend(list.iter().map(|s| (name.to_string(), s.clone())));
    }
    for p in &a.products {
        v.extend([
            ("product.type".into(), p.kind.clone()),
            ("product.ingredient".into(), p.ingredient.clone()),
            ("product.reason".into(), p.reason.clone()),
        ]);
    }
    v
}

#[test]
fn every_text_field_is_translated_and_non_empty_in_every_language() {
    for r in variety() {
        for lang in Language::ALL {
            let a = clinic_analysis(&r, lang);
            for (field, s) in texts(&a) {
                assert!(!s.trim().is_empty(), "{}: empty {field}", lang.code());
                // A missing message would come back as its id, e.g. "step-spf" or "area-acne".
                let id_like = s.split_whitespace().any(|w| {
                    [
                        "area-", "cond-", "step-", "ptype-", "ingr-", "reason-", "nut-", "proj-",
                        "summary-", "html-",
                    ]
                    .iter()
                    .any(|p| w.starts_with(p))
                });
                assert!(
                    !id_like,
                    "{}: {field} looks like a message id: {s}",
                    lang.code()
                );
                assert!(
                    !s.contains('{') && !s.contains('}'),
                    "{}: unresolved placeable in {field}: {s}",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn non_english_texts_differ_from_english() {
    let r = sample();
    let en = clinic_analysis(&r, Language::En);
    for lang in Language::ALL.into_iter().filter(|l| *l != Language::En) {
        let a = clinic_analysis(&r, lang);
        assert_ne!(a.summary, en.summary, "{}", lang.code());
        assert_ne!(a.routine.morning, en.routine.morning, "{}", lang.code());
        assert_ne!(a.concerns, en.concerns, "{}", lang.code());
    }
}

#[test]
fn counts_and_allowed_values_follow_the_contract() {
    for r in variety() {
        for lang in Language::ALL {
            let a = clinic_analysis(&r, lang);
            assert_eq!(a.concerns.len(), 3);
            assert_eq!(a.routine.morning.len(), 4);
            assert_eq!(a.routine.evening.len(), 4);
            assert_eq!(a.products.len(), 4);
            assert_eq!(a.nutrition.len(), 4);
            assert!(a.skin_score <= 100 && a.projected_score <= 100);
            assert!(a.projected_score >= a.skin_score);
            let json = serde_json::to_value(&a).unwrap();
            assert!(SKIN_TYPES.contains(&json["skinType"].as_str().unwrap()));
            assert!(UV_LEVELS.contains(&json["uvDamage"].as_str().unwrap()));
            let h = json["hydration"].as_str().unwrap();
            let pct: u32 = h
                .strip_suffix('%')
                .expect("ends with %")
                .parse()
                .expect("whole percent");
            assert!((25..=95).contains(&pct), "{h}");
            let sentences = a.summary.matches(['.', '。', '؟']).count();
            assert!(
                (2..=4).contains(&sentences),
                "{}: {}",
                lang.code(),
                a.summary
            );
        }
    }
}

#[test]
fn json_uses_the_exact_skinn_field_names() {
    let json = serde_json::to_value(clinic_analysis(&sample(), Language::En)).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "skinScore",
        "skinAge",
        "skinType",
        "conditions",
        "uvDamage",
        "hydration",
        "concerns",
        "routine",
        "products",
        "nutrition",
        "projection3month",
        "projectedScore",
        "gpNote",
        "summary",
    ];
    let mut keys_sorted = keys.clone();
    keys_sorted.sort();
    expected.sort();
    assert_eq!(keys_sorted, expected);
    assert!(json["routine"]["morning"].is_array() && json["routine"]["evening"].is_array());
    let p = &json["products"][0];
    assert!(p["type"].is_string() && p["ingredient"].is_string() && p["reason"].is_string());
    assert!(
        json["gpNote"].is_boolean()
            && json["skinScore"].is_number()
            && json["projectedScore"].is_number()
    );
    let back: super::ClinicAnalysis = serde_json::from_value(json).unwrap();
    assert_eq!(back, clinic_analysis(&sample(), Language::En));
}

#[test]
fn same_input_gives_the_same_output() {
    for r in variety() {
        for lang in Language::ALL {
            assert_eq!(clinic_analysis(&r, lang), clinic_analysis(&r.clone(), lang));
        }
    }
}

#[test]
fn structure_does_not_depend_on_the_language() {
    for r in variety() {
        let en = clinic_analysis(&r, Language::En);
        for lang in Language::ALL {
            let a = clinic_analysis(&r, lang);
            assert_eq!(
                (a.skin_score, a.skin_age, a.skin_type, a.uv_damage),
                (en.skin_score, en.skin_age, en.skin_type, en.uv_damage)
            );
            assert_eq!(
                (a.projected_score, a.gp_note, &a.hydration),
                (en.projected_score, en.gp_note, &en.hydration)
            );
            assert_eq!(a.conditions.len(), en.conditions.len());
        }
    }
}

#[test]
fn better_scores_give_a_higher_skin_score_and_known_types() {
    let worse = report_with(|r| r.all.score = 55.0);
    let better = report_with(|r| r.all.score = 82.0);
    assert!(
        clinic_analysis(&better, Language::En).skin_score
            > clinic_analysis(&worse, Language::En).skin_score
    );
    assert_eq!(
        clinic_analysis(
            &report_with(|r| r.hd_oiliness.ui_score = 25.0),
            Language::En
        )
        .skin_type,
        SkinType::Oily
    );
    let red = clinic_analysis(&report_with(|r| r.hd_redness.ui_score = 20.0), Language::En);
    assert_eq!(red.skin_type, SkinType::Sensitive);
    assert!(red.conditions.iter().any(|c| c.contains("redness")));
    assert_eq!(red.concerns[0], "Redness and sensitivity");
    let smooth = report_with(|r| {
        r.hd_wrinkle.whole.ui_score = 95.0;
        r.hd_texture.ui_score = 95.0;
        r.hd_firmness.ui_score = 95.0;
    });
    assert_eq!(
        clinic_analysis(&smooth, Language::En).uv_damage,
        UvDamage::None
    );
}

#[test]
fn concerns_are_the_three_lowest_scores_in_order() {
    let r = report_with(|r| {
        r.hd_pore.ui_score = 40.0;
        r.hd_acne.ui_score = 55.0;
        r.hd_dark_circles.ui_score = 60.0;
    });
    let a = clinic_analysis(&r, Language::En);
    assert_eq!(
        a.concerns,
        vec!["Pore management", "Breakout control", "Dark circles"]
    );
}

#[test]
fn gp_note_is_set_only_by_the_red_flags_and_explained_in_the_summary() {
    assert!(!clinic_analysis(&healthy(), Language::En).gp_note);
    let a = clinic_analysis(&report_with(|r| r.hd_acne.raw_score = 40.0), Language::En);
    assert!(a.gp_note);
    assert!(a.summary.contains("GP"), "{}", a.summary);
}

#[test]
fn summary_carries_the_numbers_in_locale_digits() {
    let r = sample();
    let en = clinic_analysis(&r, Language::En);
    assert!(
        en.summary.contains("72/100") && en.summary.contains("34"),
        "{}",
        en.summary
    );
    let ar = clinic_analysis(&r, Language::Ar);
    assert!(
        ar.summary.contains("٧٢") && ar.summary.contains("٣٤"),
        "{}",
        ar.summary
    );
}

/// A face cut off by the frame, a head turned from the camera and glasses each make the
/// summary's photo caveat in its own words, in every language: not the selector's default (a
/// small face), not another issue's, not a summary without a caveat.
#[test]
fn each_photo_caveat_has_its_own_words_in_every_language() {
    let cases = [
        (
            report_with(|r| r.image_quality.face_in_photo_pct = Some(72.7)),
            "part of the face is outside the frame",
        ),
        (
            report_with(|r| r.image_quality.yaw_deg = Some(-26.0)),
            "the face is turned away from the camera",
        ),
        (
            report_with(|r| r.image_quality.glasses = true),
            "glasses cover the skin around the eyes",
        ),
    ];
    let small = report_with(|r| r.image_quality.face_resolution_px = 40.0);
    for lang in Language::ALL {
        let summary = |r: &Report| clinic_analysis(r, lang).summary;
        let others = [summary(&small), summary(&healthy())];
        let caveats: Vec<String> = cases.iter().map(|(r, _)| summary(r)).collect();
        for (i, c) in caveats.iter().enumerate() {
            assert!(!others.contains(c), "{}: {c}", lang.code());
            assert!(
                caveats.iter().enumerate().all(|(j, d)| i == j || c != d),
                "{}: {c}",
                lang.code()
            );
        }
    }
    for (r, words) in &cases {
        let en = clinic_analysis(r, Language::En).summary;
        assert!(en.contains(words), "{en}");
    }
}
