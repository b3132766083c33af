//! The SKINN AI `analysis` object and the function that builds it from a vision Report.

use super::areas::{clamp_score, Area, AreaScores};
use super::classify::{
    gp_reason, hydration_pct, photo_issue, skin_type, uv_damage, SkinType, UvDamage,
};
use super::conditions::conditions;
use super::i18n::{t, ta, Arg};
use super::language::Language;
use super::projection::project;
use super::regimen::regimen;
use super::Report;
use poem_openapi::Object;
use serde::{Deserialize, Serialize};

/// SKINN AI `analysis`: the clinic report for one photo, texts in the requested language.
///
/// Built by deterministic rules from the Dermis measurements (docs/clinic-rules.md); the same
/// Report and language always give the same object. Not a medical device, not a diagnosis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Object)]
#[serde(rename_all = "camelCase")]
#[oai(rename_all = "camelCase")]
pub struct ClinicAnalysis {
    /// Overall skin health score, 0–100 (whole number; higher = healthier). The Dermis composite
    /// of the measured metrics (`all.score` of the DermIQ result).
    pub skin_score: u32,
    /// Estimated age in years (whole number): the apparent age the face model reads from the
    /// photo (face-api's age network, docs/models.md), not a biological age test.
    pub skin_age: u32,
    /// One of `Normal`, `Dry`, `Oily`, `Combination`, `Sensitive`. These values are the contract's
    /// English words in every language (they are values, not text); the summary and the HTML
    /// report use the translated name.
    pub skin_type: SkinType,
    /// Detected conditions above the report thresholds, worst first, as short phrases in the
    /// requested language (e.g. "Moderately enlarged pores"). Empty when nothing is above
    /// threshold.
    pub conditions: Vec<String>,
    /// UV damage level: `None`, `Mild`, `Moderate` or `Severe` (English values in every language).
    /// Read from photo-ageing signs (lines, roughness, laxity) weighted by phototype; the engine
    /// has no sun-spot measurement, so this is an indicator, not a UV history.
    pub uv_damage: UvDamage,
    /// Estimated hydration as a percentage string such as "72%" (always this form, in every
    /// language, so clients can parse it). An estimate from texture, fine lines and surface
    /// sheen, not a corneometer measurement.
    pub hydration: String,
    /// Top 3 concerns in priority order (the three lowest-scoring areas), in the requested
    /// language.
    pub concerns: Vec<String>,
    /// Morning and evening routine, 4 steps each, in the requested language.
    pub routine: SkinnRoutine,
    /// Exactly 4 recommended product types with key ingredient and reason, in the requested
    /// language; each appears in the routine.
    pub products: Vec<SkinnProduct>,
    /// 4 nutritional recommendations for skin health, in the requested language.
    pub nutrition: Vec<String>,
    /// Expected 3-month change for the two main concerns and the overall score, in the
    /// requested language. A model with stated assumptions, not a promise.
    #[oai(rename = "projection3month")]
    #[serde(rename = "projection3month")]
    pub projection_3month: String,
    /// Projected skin score after 3 months of the routine: whole number, at least `skinScore`,
    /// at most 100 and at most 15 points above it.
    pub projected_score: u32,
    /// True when a measured finding warrants a GP or dermatologist (≥ 25 inflammatory lesions,
    /// or marked diffuse redness). Moles and single lesions are not examined: false does not
    /// rule out a suspicious lesion.
    pub gp_note: bool,
    /// 2–3 sentence professional summary in the requested language.
    pub summary: String,
}

/// SKINN AI `routine`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Object)]
pub struct SkinnRoutine {
    /// 4 morning steps in order: cleanse, treat, moisturise, protect (sunscreen).
    pub morning: Vec<String>,
    /// 4 evening steps in order: cleanse, active treatment, support serum, night cream.
    pub evening: Vec<String>,
}

/// SKINN AI product recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Object)]
pub struct SkinnProduct {
    /// Product type, e.g. "Sunscreen", "Serum" (translated).
    #[oai(rename = "type")]
    #[serde(rename = "type")]
    pub kind: String,
    /// Key ingredient, e.g. "Zinc oxide" (translated common name; concentrations are typical
    /// over-the-counter strengths).
    pub ingredient: String,
    /// Why it is recommended, with the measured score it addresses (translated).
    pub reason: String,
}

/// Builds the SKINN AI `analysis` from a vision Report, texts in `lang`.
///
/// Deterministic: no randomness, no clock, no per-request text. Every rule is in
/// docs/clinic-rules.md and in the doc comment of the function that applies it.
pub fn clinic_analysis(report: &Report, lang: Language) -> ClinicAnalysis {
    let hydration = hydration_pct(report);
    let scores = AreaScores::from_report(report, hydration);
    let skin = skin_type(report, hydration);
    let uv = uv_damage(report);
    let concerns = scores.top3();
    let plan = regimen(skin, uv, concerns, &scores);
    let projection = project(report.all.score, concerns, &scores);
    let gp = gp_reason(report);
    let skin_score = clamp_score(report.all.score).round();

    ClinicAnalysis {
        skin_score: skin_score as u32,
        skin_age: report.skin_age,
        skin_type: skin,
        conditions: conditions(report, &scores)
            .iter()
            .map(|c| c.text(lang))
            .collect(),
        uv_damage: uv,
        hydration: format!("{hydration:.0}%"),
        concerns: concerns.iter().map(|a| area_label(*a, lang)).collect(),
        routine: SkinnRoutine {
            morning: plan.morning.iter().map(|m| m.text(lang)).collect(),
            evening: plan.evening.iter().map(|m| m.text(lang)).collect(),
        },
        products: plan
            .products
            .iter()
            .map(|p| SkinnProduct {
                kind: t(lang, p.kind),
                ingredient: t(lang, p.ingredient),
                reason: p.reason.text(lang),
            })
            .collect(),
        nutrition: plan.nutrition.iter().map(|id| t(lang, id)).collect(),
        projection_3month: projection.text(lang),
        projected_score: projection.projected_score.max(skin_score) as u32,
        gp_note: gp.is_some(),
        summary: summary(
            report,
            lang,
            skin,
            uv,
            skin_score,
            concerns,
            gp.map(|g| g.key()),
        ),
    }
}

/// The translated label of a concern area.
pub fn area_label(a: Area, lang: Language) -> String {
    t(lang, &format!("area-{}", a.key()))
}

/// Summary: (1) score, skin type and skin age; (2) the three priorities; (3) one of, in this
/// order: the GP recommendation, the photo-quality caveat, the UV-damage advice.
fn summary(
    report: &Report,
    lang: Language,
    skin: SkinType,
    uv: UvDamage,
    score: f32,
    concerns: [Area; 3],
    gp: Option<&'static str>,
) -> String {
    let profile = ta(
        lang,
        "summary-profile",
        &[
            ("score", score.into()),
            ("type", skin.as_str().into()),
            ("age", report.skin_age.into()),
        ],
    );
    let [c1, c2, c3] = concerns.map(|a| Arg::from(area_label(a, lang)));
    let priorities = ta(
        lang,
        "summary-priorities",
        &[("c1", c1), ("c2", c2), ("c3", c3)],
    );
    let third = if let Some(reason) = gp {
        ta(lang, "summary-gp", &[("reason", reason.into())])
    } else if let Some(issue) = photo_issue(report) {
        ta(lang, "summary-quality", &[("issue", issue.key().into())])
    } else {
        ta(lang, "summary-uv", &[("level", uv.as_str().into())])
    };
    format!("{profile} {priorities} {third}")
}
