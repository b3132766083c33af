//! The analysis report, serialised as DermIQ's `result_json`.
//!
//! Field names follow the DermIQ documentation where it speaks (`all.score`, `skin_age`,
//! `skin_tone`, `hd_*`, `faceshape`, `eye_color`, `lip_color`, `hair_color`); Dermis adds
//! `faces_detected`, `image_quality`, `age_source`, `gender_source`, `age_gender_model` and raw
//! measurements with units. Every score is 0–100 with higher = healthier. Absent values are
//! omitted, never invented.

use std::borrow::Cow;
use std::collections::BTreeMap;

use poem_openapi::registry::{MetaSchemaRef, Registry};
use poem_openapi::types::{ParseFromJSON, ParseResult, ToJSON, Type};
use poem_openapi::Object;
use serde::{Deserialize, Serialize};

/// Overall skin health.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct OverallScore {
    /// Weighted mean of the hd_* ui_scores (weights in docs/metrics.md), 0–100, higher = healthier.
    pub score: f32,
}

/// A metric score with its raw measurement.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct MetricScore {
    /// 0–100, higher = healthier.
    pub ui_score: f32,
    /// The underlying measurement; its unit is given in `unit`.
    pub raw_score: f32,
    /// Unit of `raw_score` (e.g. "lesions", "% of area", "ΔL*").
    pub unit: String,
}

/// A spot count: acne (red lesions) or pigmentation (brown spots).
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct SpotScore {
    /// 0–100, higher = fewer and fainter spots.
    pub ui_score: f32,
    /// Spots found on the analysed skin, each weighted by its contrast (a faint spot counts
    /// less than one).
    pub raw_score: f32,
    /// Unit of `raw_score`: "lesions" (acne) or "spots" (pigmentation).
    pub unit: String,
    /// Share of the analysed skin (acne) or of the cheeks, forehead and chin (pigmentation)
    /// covered by the spots weighing at least one half, percent.
    pub area_pct: f32,
}

/// Wrinkle scores per region.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct WrinkleScores {
    /// The whole face: score = mean of the four site scores (each site counting by its visible
    /// size), raw = pooled line coverage of the four regions.
    pub whole: MetricScore,
    /// Horizontal forehead lines.
    pub forehead: MetricScore,
    /// Lines lateral to the outer eye corners (both sides; a side that a turned head's silhouette
    /// cuts to a sliver counts less or not at all).
    pub crow_feet: MetricScore,
    /// Nasolabial folds (both sides).
    pub nasolabial: MetricScore,
    /// Vertical frown lines between the brows.
    pub glabella: MetricScore,
}

/// Skin tone classification.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct SkinTone {
    /// Fitzpatrick-like type "I"–"VI" from the ITA angle (Del Bino et al. ITA classes).
    pub fitzpatrick: String,
    /// Monk Skin Tone "01"–"10": nearest of the 10 Monk reference colours in CIELAB.
    pub monk: String,
    /// Individual Typology Angle in degrees, atan((L*−50)/b*).
    pub ita_angle: f32,
    /// Representative skin colour "#rrggbb": the mean of three sites' colours (forehead and
    /// both cheeks, each the mean of its middle 60 % by lightness, without highlights).
    pub hex: String,
    /// "warm", "neutral" or "cool" from the CIELAB hue angle.
    pub undertone: String,
    /// Tone range name for the ITA class ("very_light" … "dark").
    pub tone_range: String,
}

/// A colour with a name.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct NamedColor {
    /// "#rrggbb".
    pub hex: String,
    /// Colour name (eyes: Brown, Hazel, Green, Blue, Gray, Dark Brown; hair: Black, Dark Brown,
    /// Brown, Light Brown, Blonde, Red, Gray/White).
    pub name: String,
}

/// A colour without a name.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct Color {
    /// "#rrggbb".
    pub hex: String,
}

/// Photo quality measured on the face.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct ImageQuality {
    /// Sharpness: variance of the Laplacian of L* on the face at a fixed face scale (IOD ≈ 39 px).
    /// Below 2 the image is rejected as too blurred.
    pub blur: f32,
    /// Mean L* of the face skin (0–100). Below 18 the image is rejected as too dark.
    pub exposure: f32,
    /// Share of face skin pixels that are clipped bright (any channel ≥ 250), percent.
    pub overexposed_pct: f32,
    /// Side light: the L* (0–100) of the cheek on the photo's right (the subject's left) minus
    /// that of the cheek on the photo's left, each cheek's skin read as for the skin tone. 0
    /// under even frontal light; positive when the photo's right side of the face is the
    /// brighter. The scores read the face as it is lit (the skin tone averages its sites).
    /// Absent when a cheek does not show fully (a turned head, hair, the photo's edge), and in
    /// reports stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub light_balance_l: Option<f32>,
    /// Inter-ocular distance in the analysed image, pixels (resolution available for detail;
    /// at least 32, or the photo is rejected as `face_too_small`).
    pub face_resolution_px: f32,
    /// True when the face holds less detail than the common resolution every detail score is
    /// measured at (its measured blur exceeds that of a sharp face with eyes 32 px apart): a
    /// soft or slightly blurred photo. Wrinkles, pores, texture and acne then read healthier
    /// than they are. (Faces whose eyes are closer than 32 px are rejected as
    /// `face_too_small`. Absent in reports stored before it existed; read as false.)
    #[serde(default)]
    pub resolution_limited: bool,
    /// True when the face wears glasses, found by the bar their bridge lays across the nose.
    /// Their rims and the skin behind the lenses (tinted, reflected and magnified) are then left
    /// out of the skin measurements — dark circles and the crow's feet are usually not measured
    /// (`not_measured`) — except the eye bags' grooves, shading that clear lenses pass. Rimless
    /// glasses are not found. (Absent in reports stored
    /// before it existed; read as false.)
    #[serde(default)]
    pub glasses: bool,
    /// Estimated libjpeg quality (1–100) of a JPEG upload, read from its quantisation table;
    /// absent for other formats. On a small face in a strongly compressed file a faint fine line
    /// can be rounded away or deepened by the compression, and its wrinkle score moves with it;
    /// a full analysis says by how much in `jpeg_spread` (docs/metrics.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub jpeg_quality: Option<u8>,
    /// Share of the face's outline (the mesh's silhouette) inside the photo, percent: below
    /// 100 the frame cuts the face off, and the scores are measured on the part it shows.
    /// (Absent in reports stored before it existed.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub face_in_photo_pct: Option<f32>,
    /// The scores this photo did not let the engine measure, e.g. `"hd_wrinkle.forehead"`
    /// under a fringe or beyond the photo's frame (a wrinkle site with too little skin in
    /// view: its score reads 100, no lines found, and `hd_wrinkle.whole` leaves it out), or
    /// `"hd_eye_bags"` (no skin under the eyes; the score is then absent), or
    /// `"hd_dark_circles"` (no side shows both under-eye and cheek skin; the score reads 100).
    /// Absent when every score was measured.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[oai(skip_serializing_if_is_empty)]
    pub not_measured: Vec<String>,
    /// Head roll in degrees (eye line vs horizontal).
    pub roll_deg: f32,
    /// Head yaw in degrees: 0 when the face looks into the lens, positive when it is turned
    /// toward the photo's right (the subject's left). From MediaPipe's canonical face fitted
    /// to the mesh (docs/metrics.md). (Absent in reports stored before it existed.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub yaw_deg: Option<f32>,
    /// Head pitch in degrees: positive when the face is tilted up (chin raised), negative when
    /// it looks down. (Absent in reports stored before it existed.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub pitch_deg: Option<f32>,
    /// Detector confidence of the analysed face, 0–1.
    pub detection_score: f32,
}

impl ImageQuality {
    /// Whether the photo let the engine measure `score` (a name as in `not_measured`:
    /// `"hd_dark_circles"`, `"hd_wrinkle.crow_feet"`…).
    pub fn measured(&self, score: &str) -> bool {
        !self.not_measured.iter().any(|k| k == score)
    }
}

/// The age/gender model's output (face-api's network, see docs/models.md).
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct AgeGenderEstimate {
    /// Apparent age in years, one decimal. Apparent, not chronological: see the known biases in
    /// docs/models.md.
    pub age: f32,
    /// "male" or "female", the more probable class.
    pub gender: String,
    /// Probability of `gender`, 0.5–1.
    pub gender_probability: f32,
}

/// How far a JPEG upload's own compression may have moved each score: the analysed image is
/// compressed again at the file's quality on grids moved off the file's own, measured again
/// with the same landmarks, and each score's moves are summarised (docs/metrics.md,
/// "jpeg_spread"). A faint line about one quantisation step deep is rounded up or away by where
/// the grid falls, so its score can sit this far from what the uncompressed photo would read.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct JpegSpread {
    /// The file's JPEG quality the re-compressions used (as `image_quality.jpeg_quality`).
    pub quality: u8,
    /// Re-compressions measured.
    pub draws: u32,
    /// Root mean square move of each score over the draws, in its own points, keyed by the
    /// score's path in this report ("all", "hd_acne", "hd_wrinkle.glabella", …).
    pub scores: BTreeMap<String, f32>,
}

/// DermIQ `result_json`.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct Report {
    /// Composite skin health score.
    pub all: OverallScore,
    /// Age in years: `age_override` when given, otherwise the age/gender model's apparent age,
    /// rounded (docs/metrics.md; see `age_source`).
    pub skin_age: u32,
    /// "override" or "model".
    pub age_source: String,
    /// "male"/"female": `gender_override` when given, otherwise the model's estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub gender: Option<String>,
    /// "override" or "model".
    pub gender_source: String,
    /// What the age/gender model estimated, whatever the overrides.
    pub age_gender_model: AgeGenderEstimate,
    /// Skin colour, ITA angle, Fitzpatrick and Monk classes.
    pub skin_tone: SkinTone,
    /// Red lesions (papules/pustules); raw = lesion count.
    pub hd_acne: SpotScore,
    /// Brown spots (freckles, sun and age spots, flat moles) on the cheeks, forehead and chin;
    /// raw = spot count. (Absent in reports stored before it existed.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub hd_pigmentation: Option<SpotScore>,
    /// Lines per region; raw = % of the region covered by lines.
    pub hd_wrinkle: WrinkleScores,
    /// Visible pores on cheeks and nose; raw = pores per cm².
    pub hd_pore: MetricScore,
    /// Diffuse redness; raw = mean a* excess over 12 (CIELAB units).
    pub hd_redness: MetricScore,
    /// Shine; raw = % of skin that is specular.
    pub hd_oiliness: MetricScore,
    /// Surface roughness; raw = RMS of 1–3 mm L* detail.
    pub hd_texture: MetricScore,
    /// Under-eye darkening; raw = ΔL* between cheek and under-eye.
    pub hd_dark_circles: MetricScore,
    /// Eye bags: the groove a lower-lid bag casts along its lower edge; raw = % of the lids'
    /// width with a groove below. Absent when no skin shows under the eyes (dark glasses), and
    /// in reports stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub hd_eye_bags: Option<MetricScore>,
    /// Lower-face sagging proxy (geometry + nasolabial folds); raw = sag index, % IOD.
    pub hd_firmness: MetricScore,
    /// Oval, Round, Square, Heart, Oblong or Diamond, from landmark proportions.
    pub faceshape: String,
    /// Iris colour: the median of each iris's ring (found by an iris model), read at the common
    /// resolution; absent when the eyes are closed or the irises are not visible.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub eye_color: Option<NamedColor>,
    /// Lip colour; absent when the lips are not visible.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub lip_color: Option<Color>,
    /// Hair colour, read on the person (a segmentation model tells them from the background)
    /// above the brows, around the face's outline; absent when under 30 % of that area differs
    /// from the skin (bald). Gray/White is hair of low saturation. A hat is read as hair.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub hair_color: Option<NamedColor>,
    /// Number of faces found; the largest one is analysed.
    pub faces_detected: u32,
    /// Photo quality measured on the face.
    pub image_quality: ImageQuality,
    /// Full analyses of JPEG uploads analysed at their own size: how far the file's compression
    /// may have moved each score. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[oai(skip_serializing_if_is_none)]
    pub jpeg_spread: Option<JpegSpread>,
}

impl Report {
    /// Every 0–100 score with its path in the report, in report order.
    pub fn scores(&self) -> Vec<(&'static str, f32)> {
        score_list(
            self.all.score,
            &self.hd_acne,
            self.hd_pigmentation.as_ref(),
            &self.hd_wrinkle,
            [
                &self.hd_pore,
                &self.hd_redness,
                &self.hd_oiliness,
                &self.hd_texture,
                &self.hd_dark_circles,
            ],
            self.hd_eye_bags.as_ref(),
            &self.hd_firmness,
        )
    }
}

/// The scores by name, in one order for the report ([`Report::scores`]) and for the metric
/// passes that build no report (the JPEG spread's draws): `all`, acne, pigmentation, the five
/// wrinkle scores, pores, redness, oiliness, texture, dark circles (`plain`), eye bags, firmness.
pub fn score_list(
    all: f32,
    acne: &SpotScore,
    pigmentation: Option<&SpotScore>,
    w: &WrinkleScores,
    plain: [&MetricScore; 5],
    eye_bags: Option<&MetricScore>,
    firmness: &MetricScore,
) -> Vec<(&'static str, f32)> {
    let mut out = vec![("all", all), ("hd_acne", acne.ui_score)];
    if let Some(p) = pigmentation {
        out.push(("hd_pigmentation", p.ui_score));
    }
    out.extend([
        ("hd_wrinkle.whole", w.whole.ui_score),
        ("hd_wrinkle.forehead", w.forehead.ui_score),
        ("hd_wrinkle.crow_feet", w.crow_feet.ui_score),
        ("hd_wrinkle.nasolabial", w.nasolabial.ui_score),
        ("hd_wrinkle.glabella", w.glabella.ui_score),
    ]);
    let names = [
        "hd_pore",
        "hd_redness",
        "hd_oiliness",
        "hd_texture",
        "hd_dark_circles",
    ];
    out.extend(names.into_iter().zip(plain.map(|m| m.ui_score)));
    if let Some(b) = eye_bags {
        out.push(("hd_eye_bags", b.ui_score));
    }
    out.push(("hd_firmness", firmness.ui_score));
    out
}

/// `value` as JSON with every number as written: the JSON text serde writes holds each f32 in
/// its shortest form (93.7), where `serde_json::to_value` — and poem-openapi's writer — widen it
/// to the nearest f64 (93.69999694824219).
pub fn json_of(value: &impl Serialize) -> serde_json::Value {
    let text = serde_json::to_string(value).expect("reports serialize");
    serde_json::from_str(&text).expect("serde_json reads its own output")
}

/// A [`Report`] as the API sends it: serde's JSON of it ([`json_of`]: 93.7, not poem-openapi's
/// 93.69999694824219), documented in OpenAPI as the `Report` schema.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportJson(serde_json::Value);

impl From<&Report> for ReportJson {
    fn from(r: &Report) -> Self {
        ReportJson(json_of(r))
    }
}

impl Type for ReportJson {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> Cow<'static, str> {
        Report::name()
    }

    fn schema_ref() -> MetaSchemaRef {
        Report::schema_ref()
    }

    fn register(registry: &mut Registry) {
        Report::register(registry)
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        Some(self)
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        Box::new(self.as_raw_value().into_iter())
    }
}

impl ToJSON for ReportJson {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(self.0.clone())
    }
}

impl ParseFromJSON for ReportJson {
    /// Reads a report (as a client of the API's own types would): it must be a [`Report`].
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        let report = Report::parse_from_json(value).map_err(|e| e.propagate())?;
        Ok(ReportJson::from(&report))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Scores {
        ui_score: f32,
        raw_score: f32,
    }

    #[test]
    fn json_of_keeps_the_engines_numbers_as_written() {
        let json = json_of(&Scores {
            ui_score: 93.7,
            raw_score: 1.6,
        });
        assert_eq!(
            serde_json::to_string(&json).unwrap(),
            r#"{"raw_score":1.6,"ui_score":93.7}"#
        );
        // What `to_value` would have stored.
        assert_ne!(serde_json::to_value(93.7f32).unwrap().to_string(), "93.7");
    }
    use poem_openapi::registry::Registry;
    use poem_openapi::types::Type;

    #[test]
    fn report_registers_an_openapi_schema_with_documented_fields() {
        let mut registry = Registry::new();
        Report::register(&mut registry);
        let report = registry.schemas.get("Report").expect("Report schema");
        for field in [
            "all",
            "skin_age",
            "skin_tone",
            "hd_acne",
            "hd_wrinkle",
            "faceshape",
            "eye_color",
            "faces_detected",
        ] {
            assert!(
                report.properties.iter().any(|(name, _)| *name == field),
                "missing {field}"
            );
        }
        // Optional fields are not required; measured ones are.
        assert!(report.required.contains(&"hd_pore") && !report.required.contains(&"eye_color"));
        assert!(
            registry.schemas.contains_key("WrinkleScores")
                && registry.schemas.contains_key("MetricScore")
        );
    }
}
