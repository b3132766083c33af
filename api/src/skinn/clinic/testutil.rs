//! Hand-built Reports for the rule tests.

use super::vision_report::{
    AgeGenderEstimate, ImageQuality, MetricScore, OverallScore, Report, SkinTone, SpotScore,
    WrinkleScores,
};

fn m(ui_score: f32, raw_score: f32, unit: &str) -> MetricScore {
    MetricScore {
        ui_score,
        raw_score,
        unit: unit.into(),
    }
}

/// A healthy, evenly lit, Normal-type face: every score 85 (oiliness 75: a slight sheen), good
/// photo quality, ITA 30° (type III). Rule tests change one thing at a time from here.
pub fn healthy() -> Report {
    let w = || m(85.0, 3.4, "% of region on lines");
    Report {
        all: OverallScore { score: 84.2 },
        skin_age: 27,
        age_source: "model".into(),
        gender: Some("female".into()),
        gender_source: "model".into(),
        age_gender_model: AgeGenderEstimate {
            age: 27.2,
            gender: "female".into(),
            gender_probability: 0.86,
        },
        skin_tone: SkinTone {
            fitzpatrick: "III".into(),
            monk: "04".into(),
            ita_angle: 30.0,
            hex: "#d9b08c".into(),
            undertone: "neutral".into(),
            tone_range: "intermediate".into(),
        },
        hd_acne: SpotScore {
            ui_score: 85.0,
            raw_score: 2.0,
            unit: "lesions".into(),
            area_pct: 0.1,
        },
        hd_pigmentation: Some(SpotScore {
            ui_score: 85.0,
            raw_score: 4.2,
            unit: "spots".into(),
            area_pct: 0.4,
        }),
        hd_wrinkle: WrinkleScores {
            whole: m(85.0, 3.4, "% of regions on lines"),
            forehead: w(),
            crow_feet: w(),
            nasolabial: m(85.0, 21.0, "% of fold length on a line"),
            glabella: w(),
        },
        hd_pore: m(85.0, 1.9, "pores per cm²"),
        hd_redness: m(85.0, 2.1, "mean a* excess over 12"),
        hd_oiliness: m(75.0, 2.2, "% of skin specular"),
        hd_texture: m(85.0, 1.3, "RMS L* detail"),
        hd_dark_circles: m(85.0, 3.4, "ΔL* cheek − under-eye"),
        hd_eye_bags: Some(m(80.0, 25.0, "% of lid width with a groove below")),
        hd_firmness: m(85.0, 4.2, "sag index (% IOD)"),
        faceshape: "Oval".into(),
        eye_color: None,
        lip_color: None,
        hair_color: None,
        faces_detected: 1,
        image_quality: ImageQuality {
            blur: 12.0,
            exposure: 62.0,
            overexposed_pct: 0.4,
            light_balance_l: Some(1.2),
            face_resolution_px: 180.0,
            resolution_limited: false,
            glasses: false,
            jpeg_quality: Some(90),
            face_in_photo_pct: Some(100.0),
            not_measured: vec![],
            roll_deg: 1.5,
            yaw_deg: Some(2.0),
            pitch_deg: Some(-3.0),
            detection_score: 0.97,
        },
        jpeg_spread: None,
    }
}

/// [`healthy`] changed by `f`.
pub fn report_with(f: impl FnOnce(&mut Report)) -> Report {
    let mut r = healthy();
    f(&mut r);
    r
}

/// The committed sample report (combination skin, several findings) used by the example renderer.
/// It predates `hd_pigmentation` and `hd_eye_bags`, so it also stands for the reports stored
/// before them: every test that reads it checks that such a report still gives a whole analysis.
pub fn sample() -> Report {
    serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/sample_report.json"
    )))
    .expect("examples/sample_report.json matches the Report schema")
}

/// A set of contrasting reports covering every skin type, UV level and GP flag.
pub fn variety() -> Vec<Report> {
    vec![
        healthy(),
        sample(),
        report_with(|r| r.hd_oiliness.ui_score = 30.0),
        report_with(|r| {
            r.hd_redness.ui_score = 15.0;
            r.hd_redness.raw_score = 12.0;
            r.hd_wrinkle.whole.ui_score = 60.0;
        }),
        report_with(|r| {
            r.hd_oiliness.ui_score = 95.0;
            r.hd_texture.ui_score = 40.0;
            r.hd_wrinkle.whole.ui_score = 30.0;
            r.hd_wrinkle.crow_feet.ui_score = 25.0;
            r.hd_firmness.ui_score = 45.0;
            r.skin_tone.ita_angle = 50.0;
            r.image_quality.blur = 3.5;
        }),
        report_with(|r| {
            r.hd_acne.ui_score = 10.0;
            r.hd_acne.raw_score = 31.0;
            r.hd_pore.ui_score = 40.0;
            r.hd_dark_circles.ui_score = 30.0;
            r.image_quality.exposure = 30.0;
        }),
        report_with(|r| {
            r.hd_firmness.ui_score = 20.0;
            r.hd_dark_circles.ui_score = 45.0;
            r.hd_texture.ui_score = 10.0;
            r.hd_wrinkle.forehead.ui_score = 10.0;
            r.skin_tone.ita_angle = -45.0;
            r.image_quality.overexposed_pct = 8.0;
        }),
        report_with(|r| {
            r.hd_eye_bags.as_mut().unwrap().ui_score = 25.0;
            r.hd_dark_circles.ui_score = 50.0;
            r.hd_wrinkle.whole.ui_score = 55.0;
        }),
    ]
}
