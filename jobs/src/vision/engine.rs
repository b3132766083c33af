//! The public entry point: [`Engine`] loads the models once and analyses images.

use std::time::Instant;

use image::RgbImage;
use serde::{Deserialize, Serialize};

use super::age_gender::AgeGenderNet;
use super::blazeface::FaceDetector;
use super::cores::join;
use super::decode::{at_own_size, decode};
use super::error::VisionError;
use super::facemesh::FaceMesh;
use super::iris::IrisModel;
use super::jpeg_quality;
use super::masks;
use super::metrics::{oiliness, tone};
use super::person::PersonSegmenter;
use super::pipeline::{
    check_detail_resolution, check_size, jpeg_spread, largest, measure, prepare,
};
use super::report::Report;

/// Models, loaded once. `Send + Sync`: share one `Engine` (e.g. in an `Arc`) across workers.
pub struct Engine {
    detector: FaceDetector,
    mesh: FaceMesh,
    age_gender: AgeGenderNet,
    person: PersonSegmenter,
    iris: IrisModel,
}

/// Gender, given by the caller or estimated by the age/gender model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

/// Per-request options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Render the 26 mask PNGs (full analysis); `false` = quick analysis, scores only.
    pub with_masks: bool,
    /// Reported as `skin_age` instead of the model's estimate.
    pub age_override: Option<u32>,
    /// Reported as `gender` instead of the model's estimate.
    pub gender_override: Option<Gender>,
}

/// One mask PNG.
#[derive(Debug, Clone)]
pub struct Mask {
    /// File name, ending in ".png".
    pub name: String,
    pub png: Vec<u8>,
}

/// Wall-clock time of each stage, milliseconds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StageTimings {
    pub decode_ms: f64,
    pub detect_ms: f64,
    pub landmarks_ms: f64,
    /// The age/gender model (crop + two network passes). It runs alongside the first part of
    /// `metrics_ms` (canonical crop, CIELAB, regions), so the stages overlap and do not add up
    /// to the total.
    pub age_ms: f64,
    pub metrics_ms: f64,
    /// The JPEG spread: its drawn photos and their metric passes (0 when not measured).
    pub spread_ms: f64,
    pub masks_ms: f64,
}

/// Result of one analysis.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub result: Report,
    /// 26 masks for a full analysis, none for a quick one.
    pub masks: Vec<Mask>,
    pub timings: StageTimings,
}

/// Skin shade (for the Skin Shade API).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Shade {
    /// Representative skin colour "#rrggbb".
    pub hex: String,
    /// ITA class: "very_light" (> 55°), "light" (41–55°), "intermediate" (28–41°), "tan"
    /// (10–28°), "brown" (−30–10°), "dark" (< −30°).
    pub tone_range: String,
    /// Individual Typology Angle, degrees.
    pub ita: f32,
    /// "I"–"VI".
    pub fitzpatrick: String,
    /// Monk Skin Tone "01"–"10".
    pub monk: String,
    /// "warm", "neutral" or "cool".
    pub undertone: String,
    /// CIELAB of the representative colour.
    pub lab: [f32; 3],
}

/// Name and version of a model.
#[derive(Debug, Clone, Serialize)]
pub struct ModelVersion {
    pub name: String,
    pub version: String,
    pub source: String,
}

/// Versions for a status endpoint.
#[derive(Debug, Clone, Serialize)]
pub struct ModelVersions {
    pub engine: String,
    pub models: Vec<ModelVersion>,
}

fn ms(t: Instant) -> f64 {
    (t.elapsed().as_secs_f64() * 1e4).round() / 10.0
}

impl Engine {
    /// Loads the embedded models (≈ 30 ms).
    pub fn load() -> Result<Engine, VisionError> {
        Ok(Engine {
            detector: FaceDetector::load()?,
            mesh: FaceMesh::load()?,
            age_gender: AgeGenderNet::load()?,
            person: PersonSegmenter::load()?,
            iris: IrisModel::load()?,
        })
    }

    /// Decodes JPEG/PNG/WebP bytes (EXIF orientation applied, longest side ≤ 1024) and analyses.
    ///
    /// A full analysis of a JPEG that was not reduced also measures how far the file's
    /// compression may have moved each score (`Report::jpeg_spread`): it needs the file's own
    /// pixels and quality, which only the bytes give.
    pub fn analyze_bytes(&self, bytes: &[u8], opts: &Options) -> Result<Analysis, VisionError> {
        let t = Instant::now();
        let img = decode(bytes)?;
        let decode_ms = ms(t);
        let steps = jpeg_quality::luma_steps(bytes);
        let jpeg_quality = steps.as_ref().map(jpeg_quality::quality_of);
        // A reduced image's blocks were shrunk with it, so its pixels no longer hold the file's
        // 8×8 blocks. Quick analyses skip the spread: it costs eight metric passes.
        let spread_steps = steps.filter(|_| opts.with_masks && at_own_size(bytes));
        let mut a = self.analyze(&img, opts, spread_steps.as_ref())?;
        a.timings.decode_ms = decode_ms;
        a.result.image_quality.jpeg_quality = jpeg_quality;
        Ok(a)
    }

    /// Analyses an upright RGB image. Masks are aligned with `img`.
    pub fn analyze_image(&self, img: &RgbImage, opts: &Options) -> Result<Analysis, VisionError> {
        self.analyze(img, opts, None)
    }

    /// Analyses `img`; with the file's JPEG luminance `steps` also measures the JPEG spread.
    fn analyze(
        &self,
        img: &RgbImage,
        opts: &Options,
        steps: Option<&[f32; 64]>,
    ) -> Result<Analysis, VisionError> {
        let mut timings = StageTimings::default();
        let t = Instant::now();
        let dets = self.detector.detect(img)?;
        let det = largest(&dets).ok_or(VisionError::NoFaceDetected)?;
        check_size(det)?;
        timings.detect_ms = ms(t);
        let t = Instant::now();
        let lm = self.mesh.landmarks(img, det)?;
        if lm.presence < 0.5 {
            return Err(VisionError::NoFaceDetected);
        }
        timings.landmarks_ms = ms(t);
        // The age/gender model needs only a face box, which the first mesh pass gives well
        // enough; the refinement passes ([`FaceMesh::refine`]) and the canonical crop + CIELAB
        // + regions (with the quality gate) need the refined landmarks. Running the model beside
        // them takes it off the critical path on two cores. A photo the gate rejects wastes the
        // age pass, which is rare. The model runs even when both overrides are given: the report
        // always carries its own estimate.
        let ((age_gender, age_ms), (prepared, refine_ms, prepare_ms)) = join(
            || {
                let t = Instant::now();
                (self.age_gender.estimate(img, &lm), ms(t))
            },
            || {
                let t = Instant::now();
                let refined = self.mesh.refine(img, lm.clone());
                let refine_ms = ms(t);
                let t = Instant::now();
                let prepared = refined.and_then(|lm| prepare(img, &lm));
                (prepared, refine_ms, ms(t))
            },
        );
        timings.landmarks_ms += refine_ms;
        let (face, mut regions, q) = prepared?;
        check_detail_resolution(&face)?;
        let age_gender = age_gender?;
        timings.age_ms = age_ms;
        let t = Instant::now();
        // The person's outline bounds the hair (≈ 5 ms; docs/performance.md: beside the first
        // mesh pass, from the detector's eyes, it saved nothing measurable on two vCPUs), and
        // the eye colour is read from the irises (iris.rs, ≈ 7 ms): side by side, as nothing
        // else runs on the second core here.
        let (person, irises) = join(
            || self.person.segment(&face),
            || self.iris.irises(&face.rgb, |i| face.pt(i)),
        );
        regions.keep_hair_on(person?.in_crop());
        regions.keep_irises(&irises?);
        let mut findings = measure(face, regions, q, det, dets.len(), age_gender, opts);
        timings.metrics_ms = prepare_ms + ms(t);
        if let Some(steps) = steps {
            let t = Instant::now();
            findings.report.jpeg_spread = Some(jpeg_spread(img, &findings, steps));
            timings.spread_ms = ms(t);
        }
        let t = Instant::now();
        let masks = if opts.with_masks {
            masks::render(&findings, img.width() as usize, img.height() as usize)
        } else {
            Vec::new()
        };
        timings.masks_ms = ms(t);
        Ok(Analysis {
            result: findings.report,
            masks,
            timings,
        })
    }

    /// Representative skin colour of the largest face.
    pub fn skin_shade(&self, img: &RgbImage) -> Result<Shade, VisionError> {
        let dets = self.detector.detect(img)?;
        let det = largest(&dets).ok_or(VisionError::NoFaceDetected)?;
        check_size(det)?;
        let lm = self.mesh.face_landmarks(img, det)?;
        let (face, regions, _) = prepare(img, &lm)?;
        let shine = oiliness::shine_mask(&face, &regions);
        let lab = tone::skin_lab(&face, &regions, &shine).ok_or(VisionError::NoFaceDetected)?;
        let t = tone::classify(lab);
        Ok(Shade {
            hex: t.hex,
            tone_range: t.tone_range,
            ita: t.ita_angle,
            fitzpatrick: t.fitzpatrick,
            monk: t.monk,
            undertone: t.undertone,
            lab: lab.map(|v| (v * 100.0).round() / 100.0),
        })
    }

    /// Engine and model versions.
    pub fn versions() -> ModelVersions {
        let mp = "mediapipe 0.10.18 (PyPI wheel), Apache-2.0";
        ModelVersions {
            engine: format!("dermis-vision {}", env!("CARGO_PKG_VERSION")),
            models: vec![
                ModelVersion {
                    name: "face_detection_short_range".into(),
                    version: "blazeface-short-range@mediapipe-0.10.18".into(),
                    source: mp.into(),
                },
                ModelVersion {
                    name: "face_landmark".into(),
                    version: "face-mesh-468@mediapipe-0.10.18".into(),
                    source: mp.into(),
                },
                ModelVersion {
                    name: "selfie_segmentation".into(),
                    version: "selfie-segmentation-256@mediapipe-0.10.18".into(),
                    source: mp.into(),
                },
                ModelVersion {
                    name: "iris_landmark".into(),
                    version: "iris-landmark-64@mediapipe-0.10.18".into(),
                    source: mp.into(),
                },
                ModelVersion {
                    name: "face_geometry".into(),
                    version: "canonical-face-model@mediapipe-face_mesh-0.4.1657299874".into(),
                    source: "@mediapipe/face_mesh 0.4.1657299874 (npm), Apache-2.0".into(),
                },
                ModelVersion {
                    name: "age_gender".into(),
                    version: "age-gender-tinyxception@face-api-1.7.15".into(),
                    source: "@vladmandic/face-api 1.7.15 (npm), MIT".into(),
                },
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::lab::{delta_e, srgb_to_lab};
    use crate::vision::masks::hex_rgb;
    use crate::vision::metrics::colors::{eye_name, hair_name};
    use crate::vision::report::NamedColor;
    use crate::vision::testutil::{astronaut, jpeg, jpeg_bytes, rotate, shift};
    use image::imageops::{resize, FilterType};
    use std::collections::BTreeSet;
    use std::sync::OnceLock;

    fn engine() -> &'static Engine {
        static E: OnceLock<Engine> = OnceLock::new();
        E.get_or_init(|| Engine::load().unwrap())
    }

    /// Options of a full analysis (26 masks; for JPEG uploads, the spread).
    fn full() -> Options {
        Options {
            with_masks: true,
            ..Default::default()
        }
    }

    /// Every score of the report, and the model's unrounded apparent age (years, not points).
    fn scores(r: &Report) -> Vec<(&'static str, f32)> {
        let mut v = r.scores();
        v.push(("age_model", r.age_gender_model.age));
        v
    }

    /// What copies of a photo must agree on: [`scores`] and the side light (L*, infinite
    /// when absent, so that a copy which loses the reading counts as moved).
    fn held(r: &Report) -> Vec<(&'static str, f32)> {
        let mut v = scores(r);
        let light = r.image_quality.light_balance_l;
        v.push(("light_balance_l", light.unwrap_or(f32::INFINITY)));
        v
    }

    #[test]
    fn full_analysis_returns_26_named_masks_aligned_with_the_image() {
        let img = astronaut();
        let a = engine().analyze_image(&img, &full()).unwrap();
        assert_eq!(a.masks.len(), 26);
        for name in [
            "hd_acne_output.png",
            "hd_wrinkle_output_all.png",
            "hd_pore_output.png",
            "hd_redness_output.png",
        ] {
            assert!(a.masks.iter().any(|m| m.name == name), "missing {name}");
        }
        for m in &a.masks {
            assert!(m.name.ends_with(".png"));
            let decoded = image::load_from_memory(&m.png).unwrap();
            assert_eq!(
                (decoded.width(), decoded.height()),
                img.dimensions(),
                "{}",
                m.name
            );
        }
        assert_eq!(a.result.faces_detected, 1);
    }

    #[test]
    fn quick_analysis_has_no_masks_and_reports_overrides() {
        let opts = Options {
            with_masks: false,
            age_override: Some(41),
            gender_override: Some(Gender::Female),
        };
        let a = engine().analyze_image(&astronaut(), &opts).unwrap();
        assert!(a.masks.is_empty());
        assert_eq!(a.result.skin_age, 41);
        assert_eq!(a.result.age_source, "override");
        assert_eq!(a.result.gender.as_deref(), Some("female"));
        assert_eq!(a.result.gender_source, "override");
        let json = serde_json::to_value(&a.result).unwrap();
        for key in [
            "all",
            "skin_age",
            "skin_tone",
            "hd_acne",
            "hd_pigmentation",
            "hd_wrinkle",
            "hd_pore",
            "hd_redness",
            "hd_oiliness",
            "hd_texture",
            "hd_dark_circles",
            "hd_eye_bags",
            "hd_firmness",
            "faceshape",
            "lip_color",
        ] {
            assert!(json.get(key).is_some(), "missing {key}");
        }
        assert!(json["hd_wrinkle"]["nasolabial"]["ui_score"].is_number());
    }

    #[test]
    fn without_overrides_age_and_gender_come_from_the_model() {
        let a = engine()
            .analyze_image(&astronaut(), &Options::default())
            .unwrap();
        let r = &a.result;
        assert_eq!(
            (r.age_source.as_str(), r.gender_source.as_str()),
            ("model", "model")
        );
        assert_eq!(r.skin_age, r.age_gender_model.age.round() as u32);
        assert_eq!(
            r.gender.as_deref(),
            Some(r.age_gender_model.gender.as_str())
        );
        assert_eq!(r.gender.as_deref(), Some("female"));
        assert!((0.5..=1.0).contains(&r.age_gender_model.gender_probability));
        let json = serde_json::to_value(r).unwrap();
        assert!(json["age_gender_model"]["age"].is_number());
        assert!(a.timings.age_ms > 0.0);
    }

    #[test]
    fn analyze_bytes_decodes_the_fixture_and_times_every_stage() {
        let bytes = include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/astronaut.png"
        ));
        let a = engine().analyze_bytes(bytes, &Options::default()).unwrap();
        assert_eq!(a.result.faces_detected, 1);
        assert_eq!(a.result.image_quality.jpeg_quality, None, "a PNG");
        let t = &a.timings;
        assert!(
            t.decode_ms > 0.0 && t.detect_ms > 0.0 && t.landmarks_ms > 0.0 && t.metrics_ms > 0.0
        );
        let err = engine()
            .analyze_bytes(b"GIF89a....", &Options::default())
            .unwrap_err();
        assert_eq!(err.code(), "undecodable_image");
    }

    #[test]
    fn sites_the_photo_does_not_show_are_listed_as_not_measured() {
        let quick = Options {
            with_masks: false,
            ..Options::default()
        };
        let quality = |img: &RgbImage| {
            let a = engine().analyze_image(img, &quick).unwrap();
            a.result.image_quality
        };
        // Her fringe covers her forehead, and her hair and the silhouette leave a sliver of
        // crow's feet (190 px, below `SITE_NONE_IOD2`); her whole face is in the photo.
        let her = quality(&astronaut());
        assert_eq!(
            her.not_measured,
            ["hd_wrinkle.forehead", "hd_wrinkle.crow_feet"]
        );
        assert_eq!(her.face_in_photo_pct, Some(100.0));
        // obama.jpg shows every site; cut off above the brows, the frame takes his forehead
        // and, kept clear of the edge, the glabella, and a quarter of his face's outline.
        let img = crate::vision::testutil::fixture_photo("obama.jpg");
        let whole = quality(&img);
        assert!(whole.not_measured.is_empty());
        assert_eq!(whole.face_in_photo_pct, Some(100.0));
        let cut = image::imageops::crop_imm(&img, 0, 185, img.width(), img.height() - 185);
        let cut = quality(&cut.to_image());
        assert_eq!(
            cut.not_measured,
            ["hd_wrinkle.forehead", "hd_wrinkle.glabella"]
        );
        let pct = cut.face_in_photo_pct.unwrap();
        assert!((60.0..85.0).contains(&pct), "{pct}");
    }

    #[test]
    fn image_without_a_face_is_no_face_detected() {
        let img = RgbImage::from_fn(300, 300, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let err = engine()
            .analyze_image(&img, &Options::default())
            .unwrap_err();
        assert_eq!(err.code(), "no_face_detected");
    }

    #[test]
    fn dark_grey_and_blurred_photos_are_rejected_with_their_codes() {
        let img = astronaut();
        let dark = RgbImage::from_fn(512, 512, |x, y| {
            image::Rgb(img.get_pixel(x, y).0.map(|c| c / 6))
        });
        match engine().analyze_image(&dark, &Options::default()) {
            Err(e) => assert_eq!(e.code(), "image_too_dark", "{e}"),
            Ok(_) => panic!("a very dark photo was analysed"),
        }
        // Black and white: every pixel its own luma.
        let grey = RgbImage::from_fn(512, 512, |x, y| {
            let [r, g, b] = img.get_pixel(x, y).0.map(f32::from);
            image::Rgb([(0.299 * r + 0.587 * g + 0.114 * b).round() as u8; 3])
        });
        match engine().analyze_image(&grey, &Options::default()) {
            Err(e) => assert_eq!(e.code(), "image_not_in_colour", "{e}"),
            Ok(_) => panic!("a black-and-white photo was analysed"),
        }
        let blurred = image::imageops::blur(&img, 3.0);
        match engine().analyze_image(&blurred, &Options::default()) {
            Err(e) => assert_eq!(e.code(), "image_too_blurry", "{e}"),
            Ok(_) => panic!("a blurred photo was analysed"),
        }
    }

    #[test]
    fn tiny_face_is_face_too_small() {
        // At 200×200 the astronaut's face box is ≈ 37 px wide, under the 40 px minimum.
        let small = resize(&astronaut(), 200, 200, FilterType::Triangle);
        let err = engine()
            .analyze_image(&small, &Options::default())
            .unwrap_err();
        assert_eq!(err.code(), "face_too_small", "{err}");
    }

    #[test]
    fn skin_shade_of_astronaut_is_light() {
        let s = engine().skin_shade(&astronaut()).unwrap();
        assert!(s.hex.starts_with('#') && s.hex.len() == 7);
        assert!(
            ["light", "intermediate", "very_light"].contains(&s.tone_range.as_str()),
            "{}",
            s.tone_range
        );
        assert!(s.ita > 28.0);
    }

    #[test]
    fn engine_can_be_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
    }

    #[test]
    fn two_faces_are_counted_and_the_larger_one_is_analysed() {
        let img = astronaut();
        let face = image::imageops::crop_imm(&img, 130, 40, 192, 192).to_image();
        let small = resize(&face, 150, 150, FilterType::Triangle);
        let mut canvas = RgbImage::from_pixel(384, 192, image::Rgb([200, 200, 205]));
        image::imageops::replace(&mut canvas, &small, 10, 20);
        image::imageops::replace(&mut canvas, &face, 192, 0);
        let a = engine()
            .analyze_image(&canvas, &Options::default())
            .unwrap();
        assert_eq!(a.result.faces_detected, 2);
        // The full-size copy has the astronaut's IOD (≈ 43 px); the small one ≈ 34 px.
        assert!(
            a.result.image_quality.face_resolution_px > 40.0,
            "{}",
            a.result.image_quality.face_resolution_px
        );
    }

    #[test]
    fn versions_name_every_model_with_its_package_version() {
        let v = Engine::versions();
        let names: Vec<&str> = v.models.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "face_detection_short_range",
                "face_landmark",
                "selfie_segmentation",
                "iris_landmark",
                "face_geometry",
                "age_gender"
            ]
        );
        assert!(v.models[..4].iter().all(|m| m.version.contains("0.10.18")));
        assert!(v.models[4].version.contains("face_mesh-0.4.1657299874"));
        assert!(v.models[5].version.contains("face-api-1.7.15"));
    }

    /// The raw measurements behind the detail scores, for reading a stability run.
    fn raws(r: &Report) -> String {
        let w = &r.hd_wrinkle;
        format!(
            "acne {} pigment {:?} pore {} wrinkle {}/{}/{}/{}/{} texture {} oil {} bags {:?}",
            r.hd_acne.raw_score,
            r.hd_pigmentation.as_ref().map(|p| p.raw_score),
            r.hd_pore.raw_score,
            w.whole.raw_score,
            w.forehead.raw_score,
            w.crow_feet.raw_score,
            w.nasolabial.raw_score,
            w.glabella.raw_score,
            r.hd_texture.raw_score,
            r.hd_oiliness.raw_score,
            r.hd_eye_bags.as_ref().map(|b| b.raw_score),
        )
    }

    /// Gender probability from which the stability tests hold the estimate to the original's.
    const SURE_GENDER: f32 = 0.6;

    /// The analysis of `img` the stability tests compare its copies with.
    fn base_of(img: &RgbImage) -> Report {
        let base = engine()
            .analyze_image(img, &Options::default())
            .unwrap()
            .result;
        eprintln!("{:>10} raw: {}", "base", raws(&base));
        base
    }

    /// How far a copy may move the ITA angle, degrees: the known-answer bar for a
    /// uniform patch (docs/metrics.md, "Classes and colours under the same copies").
    const ITA_DEG: f32 = 1.0;

    /// The report's classes — skin tone and face shape — as (field, value). A client reads
    /// them as facts about the face, so no copy of a photo may change them.
    fn classes(r: &Report) -> [(&'static str, String); 5] {
        let t = &r.skin_tone;
        [
            ("skin_tone.fitzpatrick", t.fitzpatrick.clone()),
            ("skin_tone.monk", t.monk.clone()),
            ("skin_tone.undertone", t.undertone.clone()),
            ("skin_tone.tone_range", t.tone_range.clone()),
            ("faceshape", r.faceshape.clone()),
        ]
    }

    /// How far a copy may move the hair colour and the eye colour (ΔE*ab between the reported
    /// hexes). Measured on the stability tests' copies: hair ≤ 1.0, eyes ≤ 2.8 (astronaut.png
    /// at JPEG 60: her irises are 7–8 px across, and JPEG keeps their chroma at half that
    /// resolution; every other copy ≤ 1.5, read from the irises at the common resolution).
    const HAIR_DE: f32 = 1.5;
    const EYE_DE: f32 = 3.5;

    /// Every name `name` gives to a colour within `de` of `lab` (a grid of steps of a quarter
    /// of it). A colour that lies nearer a naming boundary than it can move may be named either
    /// way by a copy; anywhere else its name is fixed.
    fn names_near(
        lab: [f32; 3],
        de: f32,
        name: fn([f32; 3]) -> &'static str,
    ) -> BTreeSet<&'static str> {
        let k = (-4..=4).map(|i| i as f32 * de / 4.0);
        let mut out = BTreeSet::new();
        for dl in k.clone() {
            for da in k.clone() {
                for db in k.clone() {
                    if (dl * dl + da * da + db * db).sqrt() <= de {
                        out.insert(name([lab[0] + dl, lab[1] + da, lab[2] + db]));
                    }
                }
            }
        }
        out
    }

    /// How a copy `r` changed the eye and hair colours of `base`: present or absent, moved by
    /// more than [`EYE_DE`] / [`HAIR_DE`], or named outside [`names_near`] the original.
    fn colour_changes(base: &Report, r: &Report) -> Vec<(&'static str, String)> {
        let lab = |c: &NamedColor| srgb_to_lab(hex_rgb(&c.hex));
        let colours = [
            ("eye_color", &base.eye_color, &r.eye_color, EYE_DE),
            ("hair_color", &base.hair_color, &r.hair_color, HAIR_DE),
        ];
        let mut out = Vec::new();
        for (field, a, b, bound) in colours {
            let namer = if field == "eye_color" {
                eye_name
            } else {
                hair_name
            };
            match (a, b) {
                (Some(a), Some(b)) => {
                    let de = delta_e(lab(a), lab(b));
                    eprintln!(
                        "{field} {} {} -> {} {} (ΔE {de:.2})",
                        a.hex, a.name, b.hex, b.name
                    );
                    if de > bound {
                        out.push((field, format!("{} -> {} (ΔE {de:.1})", a.hex, b.hex)));
                    }
                    if !names_near(lab(a), bound, namer).contains(b.name.as_str()) {
                        out.push((field, format!("{} -> {}", a.name, b.name)));
                    }
                }
                (None, None) => {}
                _ => out.push((
                    field,
                    format!("present: {} -> {}", a.is_some(), b.is_some()),
                )),
            }
        }
        out
    }

    /// The classes `r`, a copy of `base`'s photo, changed, its colours' changes
    /// ([`colour_changes`]), and its ITA angle if it moved more than [`ITA_DEG`], as (copy,
    /// field, "before -> after").
    fn class_changes(
        label: &str,
        base: &Report,
        r: &Report,
    ) -> Vec<(String, &'static str, String)> {
        let mut out: Vec<_> = classes(base)
            .into_iter()
            .zip(classes(r))
            .filter(|((_, a), (_, b))| a != b)
            .map(|((field, a), (_, b))| (label.to_string(), field, format!("{a} -> {b}")))
            .collect();
        out.extend(
            colour_changes(base, r)
                .into_iter()
                .map(|(field, change)| (label.to_string(), field, change)),
        );
        let (a, b) = (base.skin_tone.ita_angle, r.skin_tone.ita_angle);
        eprintln!("{label:>10} ita_angle {a:>5} -> {b:>5}");
        if (a - b).abs() > ITA_DEG {
            out.push((
                label.to_string(),
                "skin_tone.ita_angle",
                format!("{a} -> {b}"),
            ));
        }
        out
    }

    /// Every score's change from `base` per variant, as (copy, score, move); see
    /// docs/metrics.md ("Stability"). The classes a variant changed go to `changed`
    /// ([`class_changes`]).
    fn deltas_from(
        base: &Report,
        variants: &[(&str, RgbImage)],
        changed: &mut Vec<(String, &'static str, String)>,
    ) -> Vec<(String, &'static str, f32)> {
        let mut out = Vec::new();
        for (label, v) in variants {
            let r = engine()
                .analyze_image(v, &Options::default())
                .unwrap()
                .result;
            changed.extend(class_changes(label, base, &r));
            // Where the model is sure of the gender, no copy may change it; at a coin toss
            // (grace_hopper.jpg reads male at 0.51) it is no finding either way.
            if base.age_gender_model.gender_probability >= SURE_GENDER {
                assert_eq!(r.gender, base.gender, "{label}: estimated gender changed");
            }
            eprintln!("{label:>10} raw: {}", raws(&r));
            for ((name, a), (_, b)) in held(base).into_iter().zip(held(&r)) {
                eprintln!("{label:>10} {name:<20} {a:>5} -> {b:>5}");
                out.push((label.to_string(), name, (a - b).abs()));
            }
        }
        out
    }

    /// A full analysis of `img` uploaded as a JPEG file at `quality` (so with its
    /// `jpeg_spread`).
    fn full_jpeg(img: &RgbImage, quality: u8) -> Report {
        engine()
            .analyze_bytes(&jpeg_bytes(img, quality), &full())
            .unwrap()
            .result
    }

    /// How many of its own spreads a JPEG copy's score may lie from the original's beyond the
    /// issue's 3 points. The spread is a root mean square (about one standard deviation) from
    /// eight draws; over astronaut.png's 16 grid placements at JPEG 60 it runs about a quarter
    /// below the scatter it estimates, and the largest move is 3.0 of its file's spreads
    /// (docs/metrics.md, "jpeg_spread").
    const SPREADS: f32 = 3.0;

    /// Scores of a JPEG copy (`jpeg`) further from the original's (`base`) than 3 points and
    /// than [`SPREADS`] × the spread the copy's own report gives them (age: 3 years), as
    /// (copy, score, move). The classes the copy changed go to `changed` ([`class_changes`]):
    /// the spread is a score's, and a class has none.
    fn beyond_spread(
        label: &str,
        base: &Report,
        jpeg: &Report,
        changed: &mut Vec<(String, &'static str, String)>,
    ) -> Vec<(String, &'static str, f32)> {
        changed.extend(class_changes(label, base, jpeg));
        let spread = jpeg
            .jpeg_spread
            .as_ref()
            .expect("JPEG upload at its own size");
        eprintln!("{label:>10} raw: {}", raws(jpeg));
        held(base)
            .into_iter()
            .zip(held(jpeg))
            .filter_map(|((name, a), (_, b))| {
                let s = spread.scores.get(name).copied().unwrap_or(0.0);
                eprintln!("{label:>10} {name:<22} {a:>5} -> {b:>5}  spread {s}");
                let allowed = (SPREADS * s).max(3.0);
                ((a - b).abs() > allowed).then(|| (label.to_string(), name, (a - b).abs()))
            })
            .collect()
    }

    /// The bar on astronaut.png (IOD 45 px): every score within 3 points (the model
    /// age within 3 years, the side light within 3 L*: [`held`]) under rotation ±10° and 2×
    /// upscaling; under JPEG 60 and 95 within 3 points or within [`SPREADS`] × the spread the
    /// JPEG file's own report gives that score, whichever is larger. Her glabella's one "line" is a faint shading about one JPEG
    /// quantisation step deep, which this copy's JPEG 60 deepens (raw 3.7 → 6.2 %) and other
    /// placements of the 8×8 grid round away
    /// (`jpeg_grid_phase_scatters_the_astronauts_glabella_without_bias`): the file cannot tell,
    /// and its report says how far its score may be off. Her face at half size is below the
    /// common resolution and rejected (`half_size_astronaut_is_too_small_for_skin_detail`).
    /// No copy may change a class, nor move the ITA angle by more than 1° ([`class_changes`]).
    #[test]
    fn scores_are_stable_under_rotation_upscaling_and_jpeg() {
        let img = astronaut();
        let variants = [
            ("rotate -10", rotate(&img, -10.0)),
            ("rotate +10", rotate(&img, 10.0)),
            ("scale 2", resize(&img, 1024, 1024, FilterType::CatmullRom)),
        ];
        let base = base_of(&img);
        let mut changed = Vec::new();
        let mut bad: Vec<String> = deltas_from(&base, &variants, &mut changed)
            .into_iter()
            .filter(|(_, _, d)| *d > 3.0)
            .map(|(l, n, d)| format!("{l}: {n} moved {d:.1}"))
            .collect();
        for q in [60, 95] {
            let copy = full_jpeg(&img, q);
            bad.extend(
                beyond_spread(&format!("jpeg {q}"), &base, &copy, &mut changed)
                    .into_iter()
                    .map(|(l, n, d)| format!("{l}: {n} moved {d:.1} (beyond its spread)")),
            );
        }
        bad.extend(changed.into_iter().map(|(l, n, c)| format!("{l}: {n} {c}")));
        assert!(
            bad.is_empty(),
            "unstable scores or classes:\n{}",
            bad.join("\n")
        );
    }

    /// JPEG codes a photo in 8×8 blocks counted from its top-left corner, so where that grid
    /// falls on a face is chance. Moving astronaut.png by 0–6 px before JPEG 60 compression
    /// shows what that chance does to her glabella, whose one faint mark is about a quantisation
    /// step deep at her IOD of 45 px (docs/metrics.md, "astronaut.png's glabella under JPEG
    /// 60"): without JPEG the moves change nothing (the measurement does not depend on the
    /// grid), and over the grid's phases JPEG 60 leaves the score where it was (the compression
    /// adds no bias the engine passes on), but each phase alone scatters it by many points —
    /// noise the file carries, which no reading of one file can remove. What each file's report
    /// can do is say so: its `jpeg_spread`, measured from that file alone, must cover the move
    /// of every score ([`SPREADS`] × spread, at least 3 points) at 15 of the 16 phases, and the
    /// glabella's must not be small where its move is large.
    #[test]
    fn jpeg_grid_phase_scatters_the_astronauts_glabella_without_bias() {
        let img = astronaut();
        let glabella = |r: &Report| r.hd_wrinkle.glabella.ui_score;
        let base = engine()
            .analyze_image(&img, &Options::default())
            .unwrap()
            .result;
        let (mut moved, mut compressed, mut spreads) = (Vec::new(), Vec::new(), Vec::new());
        let mut uncovered: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
        let mut changed = Vec::new();
        for dy in [0, 2, 4, 6] {
            for dx in [0, 2, 4, 6] {
                let s = shift(&img, dx, dy);
                let plain = engine()
                    .analyze_image(&s, &Options::default())
                    .unwrap()
                    .result;
                let coded = full_jpeg(&s, 60);
                changed.extend(class_changes(&format!("({dx},{dy})"), &plain, &coded));
                let spread = coded.jpeg_spread.clone().expect("JPEG upload");
                for ((name, a), (_, b)) in plain.scores().into_iter().zip(coded.scores()) {
                    let sp = spread.scores[name];
                    if (a - b).abs() > (SPREADS * sp).max(3.0) {
                        uncovered
                            .entry(name)
                            .or_default()
                            .push(format!("({dx},{dy}) {a} -> {b} spread {sp}"));
                    }
                }
                moved.push(glabella(&plain));
                compressed.push(glabella(&coded));
                spreads.push(spread.scores["hd_wrinkle.glabella"]);
            }
        }
        let base = glabella(&base);
        eprintln!("base {base}\nmoved {moved:?}\nJPEG 60 {compressed:?}\nspread {spreads:?}");
        eprintln!("not covered: {uncovered:#?}");
        // The classes are no score with a spread: every placement keeps them. The ITA angle,
        // held within 1° like the stability tests' copies, may miss at one placement as a score
        // may: JPEG 60 moves it −0.6° to +1.1° over the sixteen (docs/metrics.md, "Classes and
        // colours…"; −0.9° to +1.2°, two misses, while the skin was pooled).
        let (ita, classes): (Vec<_>, Vec<_>) = changed
            .into_iter()
            .partition(|(_, field, _)| *field == "skin_tone.ita_angle");
        assert!(classes.is_empty(), "JPEG 60 changed classes: {classes:?}");
        assert!(ita.len() <= 1, "JPEG 60 moved the ITA: {ita:?}");
        for (i, v) in moved.iter().enumerate() {
            assert!(
                (v - base).abs() <= 3.0,
                "phase {i}: moved {v} against {base}"
            );
        }
        let mean = compressed.iter().sum::<f32>() / compressed.len() as f32;
        assert!(
            (mean - base).abs() <= 3.0,
            "JPEG 60 mean {mean} against {base}"
        );
        let (lo, hi) = compressed
            .iter()
            .fold((f32::MAX, f32::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        // If the scatter ever falls within the 3 points either way, the spread is no
        // longer needed to state the bar on this photo.
        assert!(
            hi - lo > 6.0,
            "JPEG 60 scatter {lo}–{hi}: the bar holds without the spread"
        );
        for (name, misses) in &uncovered {
            assert!(misses.len() <= 1, "{name}: {misses:#?}");
        }
        // The spread is an estimate of this scatter, not a licence: its RMS over the phases is
        // of the scatter's size (within a factor of two either way).
        let rms = |v: &[f32], c: f32| {
            (v.iter().map(|x| (x - c).powi(2)).sum::<f32>() / v.len() as f32).sqrt()
        };
        let (scatter, typical) = (rms(&compressed, base), rms(&spreads, 0.0));
        assert!(
            (0.5..=2.0).contains(&(typical / scatter)),
            "spread {typical:.1} against the phases' scatter {scatter:.1}"
        );
    }

    /// Every committed photo is analysed as one face with plausible results, and the hair
    /// colour a person would name.
    #[test]
    fn every_fixture_photo_is_one_analysable_face() {
        // Wide age bands: apparent age of a model with a ± 6-year error, not identity checks.
        for (file, age, gender, hair) in [
            // Grace Hopper (short hair, uniform, aged ≈ 80) is estimated "male": a known bias of
            // face-api's model (docs/models.md), so her gender is not asserted. Her navy cap
            // covers her hair and is read as it (docs/metrics.md, "hair_color").
            ("grace_hopper.jpg", 45.0..95.0, None, "Black"),
            // Salt-and-pepper.
            ("obama.jpg", 35.0..75.0, Some("male"), "Gray/White"),
            // Turned about 15° to the photo's left (head_pose_follows_the_face_not_the_frame).
            ("obama2.jpg", 35.0..75.0, Some("male"), "Dark Brown"),
            // White, above a receding hairline, in warm light.
            ("biden.jpg", 45.0..85.0, Some("male"), "Gray/White"),
        ] {
            let path = format!("{}/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
            let a = engine()
                .analyze_bytes(&std::fs::read(path).unwrap(), &Options::default())
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            let r = a.result;
            eprintln!("{file}: {:?}", scores(&r));
            assert_eq!(r.faces_detected, 1, "{file}");
            let q = r.image_quality.jpeg_quality;
            eprintln!("{file}: JPEG quality {q:?}");
            assert!(q.is_some_and(|q| (1..=100).contains(&q)), "{file}: {q:?}");
            let model = &r.age_gender_model;
            assert!(age.contains(&model.age), "{file}: age {}", model.age);
            if let Some(g) = gender {
                assert_eq!(model.gender, g, "{file}");
            }
            let h = r.hair_color.as_ref().map(|h| h.name.as_str());
            assert_eq!(h, Some(hair), "{file}: hair {:?}", r.hair_color);
            for (name, v) in scores(&r) {
                assert!(
                    v.is_finite() && (0.0..=100.0).contains(&v),
                    "{file}: {name} = {v}"
                );
            }
        }
    }

    /// A fixture photo decoded like an upload (EXIF, longest side ≤ 1024), cut to the largest
    /// square centred on its face so that `rotate` keeps the face whole.
    fn square_face_photo(file: &str) -> RgbImage {
        let img = crate::vision::testutil::fixture_photo(file);
        let dets = engine().detector.detect(&img).unwrap();
        let [x, y, w, h] = largest(&dets).expect("fixture has a face").bbox;
        let side = img.width().min(img.height());
        let left = ((x + w / 2.0) as u32)
            .saturating_sub(side / 2)
            .min(img.width() - side);
        let top = ((y + h / 2.0) as u32)
            .saturating_sub(side / 2)
            .min(img.height() - side);
        image::imageops::crop_imm(&img, left, top, side, side).to_image()
    }

    /// A phone-sized JPEG is decoded at a reduced DCT scale (decode.rs); the analysis reads
    /// within the 3 points of the same file decoded in full and resampled (measured:
    /// obama.jpg ≤ 1.1, biden.jpg ≤ 2.1, pigmentation; grace_hopper.jpg at ×3, ×5 and ×7 ≤ 2.1,
    /// glabella at ×7), on the photos the scaling bar holds, with the same classes and the ITA
    /// within 1° ([`class_changes`]; measured within 0.1°).
    #[test]
    fn a_phone_sized_jpeg_reads_as_its_full_decode() {
        for (file, k) in [
            ("obama.jpg", 3),
            ("obama.jpg", 5),
            ("obama.jpg", 7),
            ("biden.jpg", 4),
            ("biden.jpg", 7),
            ("grace_hopper.jpg", 5),
        ] {
            // k× the fixture (up to 4347 × 7168, 31 MP), as a camera's JPEG at quality 92.
            let photo = crate::vision::testutil::fixture_photo(file);
            let (w, h) = photo.dimensions();
            let big = resize(&photo, w * k, h * k, FilterType::CatmullRom);
            let bytes = jpeg_bytes(&big, 92);
            let full = crate::vision::testutil::decoded_in_full(&bytes);
            let a = engine().analyze_bytes(&bytes, &Options::default()).unwrap();
            let b = engine().analyze_image(&full, &Options::default()).unwrap();
            for ((name, x), (_, y)) in held(&a.result).into_iter().zip(held(&b.result)) {
                assert!((x - y).abs() <= 3.0, "{file} ×{k} {name}: {x} vs {y}");
            }
            let changed = class_changes(&format!("{file} ×{k}"), &b.result, &a.result);
            assert!(changed.is_empty(), "{changed:?}");
        }
    }

    /// The head pose of a photo (yaw, pitch), as the report gives it.
    fn pose_of(img: &RgbImage) -> (f32, f32) {
        let q = engine()
            .analyze_image(img, &Options::default())
            .unwrap()
            .result
            .image_quality;
        (q.yaw_deg.unwrap(), q.pitch_deg.unwrap())
    }

    /// Yaw from the photo's x positions alone, as a second opinion that does not use the mesh's
    /// depth: where the nose tip (landmark 4) lies between the cheek contour points 234 and
    /// 454. On the canonical face (nose tip 7.59 cm in front of the contour points, which are
    /// 15.33 cm apart and 2.44 cm behind the origin) a yaw θ puts it at 0.5 + 0.655·tan θ of
    /// the way from 234 to 454.
    fn nose_yaw(img: &RgbImage) -> f32 {
        let lm = engine()
            .mesh
            .refine(img, crate::vision::testutil::landmarks_of(img))
            .unwrap();
        let (nose, right, left) = (lm.points[4], lm.points[234], lm.points[454]);
        let at = (nose[0] - right[0]) / (left[0] - right[0]);
        ((at - 0.5) / 0.655).atan().to_degrees()
    }

    /// Head pose on real photos, where there is no ground truth: the frontal portraits read
    /// near 0, the turned one (obama2.jpg, looking to the photo's left) a clear turn, and the
    /// nose's place between the cheeks gives the same yaw without the mesh's depth; mirroring
    /// a photo reverses its yaw and keeps its pitch; turning it in the image plane (roll)
    /// keeps both. Values in docs/metrics.md.
    #[test]
    fn head_pose_follows_the_face_not_the_frame() {
        for (file, yaws) in [
            ("astronaut.png", -5.0..5.0),
            ("obama.jpg", -5.0..5.0),
            ("grace_hopper.jpg", -5.0..5.0),
            ("biden.jpg", 5.0..15.0),
            ("obama2.jpg", -25.0..-10.0),
        ] {
            let img = square_face_photo(file);
            let (yaw, pitch) = pose_of(&img);
            let second = nose_yaw(&img);
            let mirrored = pose_of(&image::imageops::flip_horizontal(&img));
            let rolled = [pose_of(&rotate(&img, -10.0)), pose_of(&rotate(&img, 10.0))];
            eprintln!(
                "{file}: yaw {yaw} (nose {second:.1}) pitch {pitch}; mirrored {mirrored:?}; \
                 rolled ±10° {rolled:?}"
            );
            assert!(yaws.contains(&yaw), "{file}: yaw {yaw}");
            assert!(pitch.abs() < 12.0, "{file}: pitch {pitch}");
            assert!((yaw - second).abs() < 3.5, "{file}: {yaw} vs {second}");
            assert!(
                (yaw + mirrored.0).abs() < 2.5 && (pitch - mirrored.1).abs() < 3.0,
                "{file} mirrored: {mirrored:?}"
            );
            for r in rolled {
                assert!(
                    (yaw - r.0).abs() < 3.0 && (pitch - r.1).abs() < 3.0,
                    "{file} rolled: {r:?}"
                );
            }
        }
    }

    /// grace_hopper.jpg's glasses and her face's outline leave her crow's-feet sites 65–213 px
    /// of skin, by how the photo was resampled; graded, they read 20.6–42.1 as it was resized.
    /// Now below `SITE_NONE_IOD2` in every variant (and, since her glasses are found, behind
    /// their zone): not measured, and the whole wrinkle score, the mean of the sites she
    /// shows, within the issue's 3 points (docs/metrics.md, "grace_hopper.jpg under
    /// resampling").
    #[test]
    fn crows_feet_beside_glasses_are_not_graded_at_any_scale() {
        let img = square_face_photo("grace_hopper.jpg");
        let n = img.width();
        let base = engine()
            .analyze_image(&img, &Options::default())
            .unwrap()
            .result;
        for (label, v) in [
            ("own size", img.clone()),
            ("rotate -10", rotate(&img, -10.0)),
            ("rotate +10", rotate(&img, 10.0)),
            (
                "scale 0.8",
                resize(&img, n * 4 / 5, n * 4 / 5, FilterType::Triangle),
            ),
            (
                "scale 1.2",
                resize(&img, n * 6 / 5, n * 6 / 5, FilterType::CatmullRom),
            ),
            (
                "scale 2",
                resize(&img, 2 * n, 2 * n, FilterType::CatmullRom),
            ),
            ("jpeg 60", jpeg(&img, 60)),
        ] {
            let r = engine()
                .analyze_image(&v, &Options::default())
                .unwrap()
                .result;
            let w = &r.hd_wrinkle;
            eprintln!(
                "{label}: whole {} crow's feet {}",
                w.whole.ui_score, w.crow_feet.ui_score
            );
            assert!(
                r.image_quality
                    .not_measured
                    .contains(&"hd_wrinkle.crow_feet".to_string()),
                "{label}: {:?}",
                r.image_quality.not_measured
            );
            assert_eq!(w.crow_feet.ui_score, 100.0, "{label}");
            // Her glasses are found: the skin's colour around the eyes is not read, the bags'
            // grooves are, through the lenses.
            let q = &r.image_quality;
            assert!(q.glasses, "{label}");
            assert!(
                q.not_measured.contains(&"hd_dark_circles".to_string()),
                "{label}"
            );
            let bags = r
                .hd_eye_bags
                .as_ref()
                .expect("bags read through the lenses");
            assert!(bags.ui_score < 50.0, "{label}: {}", bags.ui_score);
            let moved = (w.whole.ui_score - base.hd_wrinkle.whole.ui_score).abs();
            assert!(moved <= 3.0, "{label}: whole moved {moved}");
        }
    }

    /// The bar, on the photos whose faces stay above the common resolution at half size
    /// (IOD 47, 38, 52 and 45 px): every score within 3 points (age within 3 years, the side
    /// light within 3 L*: [`held`]) under rotation ±10° and scaling 0.5–2×, and under JPEG
    /// 60–95 within 3 points or [`SPREADS`] × the spread the JPEG file's own report gives that
    /// score, whichever is larger — the rule
    /// `scores_are_stable_under_rotation_upscaling_and_jpeg` holds astronaut.png to
    /// (docs/decisions.md, "The JPEG stability bar…"). No copy may change a class, nor move the
    /// ITA angle by more than 1° ([`class_changes`]). Table in docs/metrics.md; `cargo nextest
    /// run --workspace -E 'test(large_faces)' --no-capture` prints every delta.
    #[test]
    fn scores_of_large_faces_move_at_most_3_points() {
        let mut bad = Vec::new();
        // Scores and classes not held to the bar, as (field, copy), each explained in
        // docs/metrics.md ("Stability on larger faces"): grace_hopper.jpg's glabella holds
        // frown lines as faint as astronaut.png's, in a sharpened scan, and reads fewer of them
        // on her smaller copies, whose added blur the edge measure under-reads.
        let faint = "hd_wrinkle.glabella";
        for (file, not_held) in [
            ("obama.jpg", &[][..]),
            ("biden.jpg", &[]),
            ("obama2.jpg", &[]),
            (
                "grace_hopper.jpg",
                &[(faint, "scale 0.5"), (faint, "scale 0.75")],
            ),
        ] {
            let img = square_face_photo(file);
            let n = img.width();
            let variants = [
                ("rotate -10", rotate(&img, -10.0)),
                ("rotate +10", rotate(&img, 10.0)),
                (
                    "scale 0.5",
                    resize(&img, n / 2, n / 2, FilterType::Triangle),
                ),
                (
                    "scale 2",
                    resize(&img, 2 * n, 2 * n, FilterType::CatmullRom),
                ),
                (
                    "scale 0.75",
                    resize(&img, n * 3 / 4, n * 3 / 4, FilterType::Triangle),
                ),
                (
                    "scale 1.4",
                    resize(&img, n * 7 / 5, n * 7 / 5, FilterType::CatmullRom),
                ),
            ];
            let base = base_of(&img);
            let mut changed = Vec::new();
            let mut moved: Vec<_> = deltas_from(&base, &variants, &mut changed)
                .into_iter()
                .filter(|(_, _, d)| *d > 3.0)
                .collect();
            for q in [60, 95, 75, 85] {
                let label = format!("jpeg {q}");
                moved.extend(beyond_spread(
                    &label,
                    &base,
                    &full_jpeg(&img, q),
                    &mut changed,
                ));
            }
            let held =
                |copy: &str, name: &str| !not_held.iter().any(|(n, c)| *n == name && *c == copy);
            bad.extend(
                moved
                    .into_iter()
                    .filter(|(copy, name, _)| held(copy, name))
                    .map(|(l, n, d)| format!("{file} {l}: {n} moved {d:.1}")),
            );
            bad.extend(
                changed
                    .into_iter()
                    .filter(|(copy, name, _)| held(copy, name))
                    .map(|(l, n, c)| format!("{file} {l}: {n} {c}")),
            );
        }
        assert!(
            bad.is_empty(),
            "unstable scores or classes:\n{}",
            bad.join("\n")
        );
    }

    /// Where a file holds the face well the spread says so: on the larger faces' JPEG 60
    /// copies (IOD 94 and 77 px) every spread is small — at most 1 point on obama.jpg, whose
    /// scores move at most 2 at every grid phase tried; at most 4 on biden.jpg, whose faint
    /// forehead and glabella lines do scatter with the grid, and which it says (at least 1).
    #[test]
    fn jpeg_spread_is_small_where_the_file_holds_the_face_well() {
        let spread = |file: &str| {
            let r = full_jpeg(&square_face_photo(file), 60);
            let s = r.jpeg_spread.expect("JPEG upload at its own size").scores;
            eprintln!("{file}: {s:?}");
            s
        };
        let obama = spread("obama.jpg");
        assert!(obama.values().all(|&v| v <= 1.0), "{obama:?}");
        let biden = spread("biden.jpg");
        assert!(biden.values().all(|&v| v <= 4.0), "{biden:?}");
        for site in ["hd_wrinkle.forehead", "hd_wrinkle.glabella"] {
            assert!(biden[site] >= 1.0, "{site}: {biden:?}");
        }
    }

    /// A phone stores a portrait photo sideways with an EXIF orientation, and decoding turns it
    /// upright, which moves the file's 8×8 grid: here, a 509 × 507 photo stored turned a quarter
    /// left (orientation 6) has its grid at column phase 509 mod 8 = 5 once upright. The spread
    /// finds the grid in the pixels, so its draws stay within the file's own steps.
    #[test]
    fn jpeg_spread_finds_the_grid_of_an_exif_rotated_file() {
        use crate::vision::jpeg_spread::{footprint, grid_phase};
        use crate::vision::testutil::with_orientation;
        let upright = image::imageops::crop_imm(&astronaut(), 0, 0, 509, 507).to_image();
        let stored = image::imageops::rotate270(&upright);
        let bytes = with_orientation(&jpeg_bytes(&stored, 60), 6);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.dimensions(), (509, 507));
        let a = engine().analyze_bytes(&bytes, &full()).unwrap();
        let spread = a.result.jpeg_spread.expect("a JPEG at its own size");
        let dets = engine().detector.detect(&decoded).unwrap();
        let lm = engine().mesh.face_landmarks(&decoded, &dets[0]).unwrap();
        let roi = crate::vision::face_frame::CanonicalFace::new(&decoded, &lm).roi;
        let rect = footprint(&roi, 509, 507);
        assert_eq!(grid_phase(&decoded, rect), (5, 0));
        eprintln!("{:?}", spread.scores);
        assert!(
            spread.scores["hd_wrinkle.glabella"] > 1.0,
            "{:?}",
            spread.scores
        );
    }

    /// Half size leaves the astronaut's face with an IOD of 22 px, below the common resolution
    /// (32 px) every detail metric is measured at: a skin analysis rejects it as too small
    /// (before this rule her glabella read 11.7 points healthier there, the detail gone), while
    /// the Skin Shade reading, colour only, still takes it. obama.jpg's and biden.jpg's faces
    /// stay above it at half size (`scores_of_large_faces_move_at_most_3_points`).
    #[test]
    fn half_size_astronaut_is_too_small_for_skin_detail() {
        let small = resize(&astronaut(), 256, 256, FilterType::Triangle);
        let err = engine()
            .analyze_image(&small, &Options::default())
            .unwrap_err();
        assert_eq!(err.code(), "face_too_small", "{err}");
        assert!(err.to_string().contains("px apart"), "{err}");
        assert!(engine().skin_shade(&small).is_ok());
    }

    /// A face above the common resolution but blurred is analysed and flagged: its detail
    /// scores read healthier than the skin.
    #[test]
    fn blurred_face_is_resolution_limited() {
        let img = astronaut();
        let soft = image::imageops::blur(&img, 1.2);
        let r = engine()
            .analyze_image(&soft, &Options::default())
            .unwrap()
            .result;
        let sharp = engine()
            .analyze_image(&img, &Options::default())
            .unwrap()
            .result;
        assert!(r.image_quality.resolution_limited && !sharp.image_quality.resolution_limited);
    }

    /// The spread is measured only where it means what it says: full analyses of JPEG files
    /// analysed at their own size.
    #[test]
    fn jpeg_spread_only_for_full_analyses_of_jpegs_at_their_own_size() {
        let img = astronaut();
        let full = full();
        let mut png = Vec::new();
        img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let of = |bytes: &[u8], opts: &Options| {
            engine()
                .analyze_bytes(bytes, opts)
                .unwrap()
                .result
                .jpeg_spread
        };
        let jpeg = jpeg_bytes(&img, 80);
        let spread = of(&jpeg, &full).expect("full analysis of a JPEG");
        assert_eq!((spread.quality, spread.draws), (80, 8));
        let names: Vec<&str> = spread.scores.keys().map(String::as_str).collect();
        let mut expected: Vec<&str> = full_jpeg(&img, 80).scores().iter().map(|s| s.0).collect();
        expected.sort();
        assert_eq!(names, expected);
        assert!(of(&jpeg, &Options::default()).is_none(), "quick analysis");
        assert!(of(&png, &full).is_none(), "PNG");
        let big = resize(&img, 1536, 1536, FilterType::CatmullRom);
        assert!(
            of(&jpeg_bytes(&big, 80), &full).is_none(),
            "reduced by decode"
        );
    }

    /// `img` with the light on one side of the face scaled: every pixel right of the face's
    /// midline (the nose tip's column) when `right`, else left of it, multiplied by `m` in
    /// linear light, as a lamp on that side would.
    fn side_lit(img: &RgbImage, right: bool, m: f32) -> RgbImage {
        use crate::vision::landmarks_idx::NOSE_TIP;
        let split = crate::vision::testutil::landmarks_of(img).points[NOSE_TIP][0];
        let mut out = img.clone();
        for (x, _, p) in out.enumerate_pixels_mut() {
            if (x as f32 > split) == right {
                let [r, g, b] = p.0.map(|c| (crate::vision::lab::linear(c) * m).min(1.0));
                let lit: palette::Srgb<u8> =
                    palette::Srgb::from_linear(palette::LinSrgb::new(r, g, b));
                p.0 = [lit.red, lit.green, lit.blue];
            }
        }
        out
    }

    /// Side light (`image_quality.light_balance_l`, docs/metrics.md) on known answers. A
    /// lamp that multiplies one half of obama.jpg's face by m in linear light moves that
    /// cheek's L* from L to m^⅓·(L + 16) − 16 (CIELAB's cube root; the cheek's reading is a
    /// mean of L* values, so it moves the same way): the reading follows within 1 L* when the
    /// lamp lights the darker side or shades either. Lighting the brighter side further leaves
    /// the other cheek's darkest skin darker than the skin gate keeps (25 L* below the face's
    /// median, `regions::non_skin_pixels`), and the reading then understates the difference
    /// (docs/metrics.md): it must still move the right way. A mirrored photo reads the
    /// opposite sign. Of the fixtures, obama2.jpg, lit from the photo's left, reads the
    /// largest difference, and on the photo's left.
    #[test]
    fn side_light_reads_which_cheek_is_lit_and_by_how_much() {
        let balance = |img: &RgbImage| {
            engine()
                .analyze_image(img, &Options::default())
                .unwrap()
                .result
                .image_quality
                .light_balance_l
                .expect("both cheeks show")
        };
        // The two cheeks' L* as the analysis reads them: (photo's left, photo's right).
        let cheeks = |img: &RgbImage| {
            let (face, regions, _) =
                prepare(img, &crate::vision::testutil::landmarks_of(img)).unwrap();
            let shine = oiliness::shine_mask(&face, &regions);
            let [_, right, left] = tone::sites(&face, &regions, &shine);
            (right.unwrap().0[0], left.unwrap().0[0])
        };
        let img = square_face_photo("obama.jpg");
        let base = balance(&img);
        let mirrored = balance(&image::imageops::flip_horizontal(&img));
        assert!(
            (base + mirrored).abs() < 1.0,
            "{base} vs mirrored {mirrored}"
        );
        let (photo_left, photo_right) = cheeks(&img);
        let lit = |l: f32, m: f32| m.cbrt() * (l + 16.0) - 16.0;
        // The photo's right cheek is the darker one (base < 0).
        for (right, m) in [(true, 1.4), (true, 1.0 / 1.4), (false, 0.6)] {
            let want = if right {
                lit(photo_right, m) - photo_left
            } else {
                photo_right - lit(photo_left, m)
            };
            let got = balance(&side_lit(&img, right, m));
            eprintln!(
                "lamp on the {} ×{m}: {got}, answer {want:.1}",
                ["left", "right"][right as usize]
            );
            assert!(
                (got - want).abs() < 1.0,
                "right {right} ×{m}: {got} vs {want}"
            );
        }
        let brighter = balance(&side_lit(&img, false, 1.4));
        eprintln!(
            "lamp on the left ×1.4: {brighter}, answer {:.1}",
            photo_right - lit(photo_left, 1.4)
        );
        assert!(brighter < base - 3.0, "{brighter} vs {base}");
        let fixtures = [
            "astronaut.png",
            "obama.jpg",
            "biden.jpg",
            "grace_hopper.jpg",
        ];
        let side_lit_photo = balance(&square_face_photo("obama2.jpg"));
        for f in fixtures {
            let b = balance(&square_face_photo(f));
            eprintln!("{f}: {b}");
            assert!(b.abs() < side_lit_photo.abs() - 5.0, "{f} {b}");
        }
        eprintln!("obama2.jpg: {side_lit_photo}");
        assert!(side_lit_photo < 0.0);
    }
}
