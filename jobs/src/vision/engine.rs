//! The public entry point: [`Engine`] loads the models once and analyses images.

use std::time::Instant;

use image::RgbImage;
use serde::{Deserialize, Serialize};

use super::age_gender::AgeGenderNet;
use super::blazeface::FaceDetector;
use super::decode::decode;
use super::error::VisionError;
use super::facemesh::FaceMesh;
use super::jpeg_quality;
use super::masks;
use super::metrics::{oiliness, tone};
use super::pipeline::{check_size, largest, measure, prepare};
use super::report::Report;

/// Models, loaded once. `Send + Sync`: share one `Engine` (e.g. in an `Arc`) across workers.
pub struct Engine {
    detector: FaceDetector,
    mesh: FaceMesh,
    age_gender: AgeGenderNet,
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
        })
    }

    /// Decodes JPEG/PNG/WebP bytes (EXIF orientation applied, longest side ≤ 1024) and analyses.
    pub fn analyze_bytes(&self, bytes: &[u8], opts: &Options) -> Result<Analysis, VisionError> {
        let t = Instant::now();
        let img = decode(bytes)?;
        let decode_ms = ms(t);
        let mut a = self.analyze_image(&img, opts)?;
        a.timings.decode_ms = decode_ms;
        a.result.image_quality.jpeg_quality = jpeg_quality::estimate(bytes);
        Ok(a)
    }

    /// Analyses an upright RGB image. Masks are aligned with `img`.
    pub fn analyze_image(&self, img: &RgbImage, opts: &Options) -> Result<Analysis, VisionError> {
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
        let ((prepared, refine_ms, prepare_ms), (age_gender, age_ms)) = std::thread::scope(|s| {
            let age = s.spawn(|| {
                let t = Instant::now();
                (self.age_gender.estimate(img, &lm), ms(t))
            });
            let t = Instant::now();
            let refined = self.mesh.refine(img, lm.clone());
            let refine_ms = ms(t);
            let t = Instant::now();
            let prepared = refined.and_then(|lm| prepare(img, &lm));
            let prepare_ms = ms(t);
            let age = age
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            ((prepared, refine_ms, prepare_ms), age)
        });
        timings.landmarks_ms += refine_ms;
        let (face, regions, q) = prepared?;
        let age_gender = age_gender?;
        timings.age_ms = age_ms;
        let t = Instant::now();
        let findings = measure(face, regions, q, det, dets.len(), age_gender, opts);
        timings.metrics_ms = prepare_ms + ms(t);
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
    use crate::vision::testutil::{astronaut, jpeg, rotate, shift};
    use image::imageops::{resize, FilterType};
    use std::sync::OnceLock;

    fn engine() -> &'static Engine {
        static E: OnceLock<Engine> = OnceLock::new();
        E.get_or_init(|| Engine::load().unwrap())
    }

    fn scores(r: &Report) -> Vec<(&'static str, f32)> {
        vec![
            ("all", r.all.score),
            ("acne", r.hd_acne.ui_score),
            (
                "pigmentation",
                r.hd_pigmentation.as_ref().expect("measured").ui_score,
            ),
            ("wrinkle.whole", r.hd_wrinkle.whole.ui_score),
            ("wrinkle.forehead", r.hd_wrinkle.forehead.ui_score),
            ("wrinkle.crow_feet", r.hd_wrinkle.crow_feet.ui_score),
            ("wrinkle.nasolabial", r.hd_wrinkle.nasolabial.ui_score),
            ("wrinkle.glabella", r.hd_wrinkle.glabella.ui_score),
            ("pore", r.hd_pore.ui_score),
            ("redness", r.hd_redness.ui_score),
            ("oiliness", r.hd_oiliness.ui_score),
            ("texture", r.hd_texture.ui_score),
            ("dark_circles", r.hd_dark_circles.ui_score),
            ("firmness", r.hd_firmness.ui_score),
            // Years, not points: the model's unrounded apparent age.
            ("age_model", r.age_gender_model.age),
        ]
    }

    #[test]
    fn full_analysis_returns_26_named_masks_aligned_with_the_image() {
        let img = astronaut();
        let a = engine()
            .analyze_image(
                &img,
                &Options {
                    with_masks: true,
                    ..Default::default()
                },
            )
            .unwrap();
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
    fn dark_and_blurred_photos_are_rejected_with_their_codes() {
        let img = astronaut();
        let dark = RgbImage::from_fn(512, 512, |x, y| {
            image::Rgb(img.get_pixel(x, y).0.map(|c| c / 6))
        });
        match engine().analyze_image(&dark, &Options::default()) {
            Err(e) => assert_eq!(e.code(), "image_too_dark", "{e}"),
            Ok(_) => panic!("a very dark photo was analysed"),
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
            ["face_detection_short_range", "face_landmark", "age_gender"]
        );
        assert!(v.models[..2].iter().all(|m| m.version.contains("0.10.18")));
        assert!(v.models[2].version.contains("face-api-1.7.15"));
    }

    /// The raw measurements behind the detail scores, for reading a stability run.
    fn raws(r: &Report) -> String {
        let w = &r.hd_wrinkle;
        format!(
            "acne {} pigment {:?} pore {} wrinkle {}/{}/{}/{}/{} texture {} oil {}",
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
        )
    }

    /// Largest score change per variant; see docs/metrics.md ("Stability").
    fn max_deltas(variants: &[(&str, RgbImage)]) -> Vec<(String, &'static str, f32)> {
        max_deltas_from(&astronaut(), variants)
    }

    fn max_deltas_from(
        original: &RgbImage,
        variants: &[(&str, RgbImage)],
    ) -> Vec<(String, &'static str, f32)> {
        let base = engine()
            .analyze_image(original, &Options::default())
            .unwrap()
            .result;
        eprintln!("{:>10} raw: {}", "base", raws(&base));
        let mut out = Vec::new();
        for (label, v) in variants {
            let r = engine()
                .analyze_image(v, &Options::default())
                .unwrap()
                .result;
            assert_eq!(r.gender, base.gender, "{label}: estimated gender changed");
            eprintln!("{label:>10} raw: {}", raws(&r));
            for ((name, a), (_, b)) in scores(&base).into_iter().zip(scores(&r)) {
                eprintln!("{label:>10} {name:<20} {a:>5} -> {b:>5}");
                out.push((label.to_string(), name, (a - b).abs()));
            }
        }
        out
    }

    /// Tolerance per score on astronaut.png (IOD 45 px): the 3 points (3 years for the
    /// model age), except the glabella — 17: its only "line" is a faint shading 3–4 source pixels
    /// wide in a 900-px region, about one JPEG quantisation step deep, which this copy's JPEG 60
    /// deepens and narrows (raw 3.7 → 6.2 %; docs/metrics.md, "Stability"); other placements of
    /// the 8×8 grid read it anywhere from 54 to 91 around an unmoved mean
    /// (`jpeg_grid_phase_scatters_the_astronauts_glabella_without_bias`) — and the whole wrinkle
    /// score, 6, which averages the glabella with two other sites (the forehead is under the
    /// fringe) and so carries a third of that move (5.4).
    fn tolerance(name: &str) -> f32 {
        match name {
            "wrinkle.glabella" => 17.0,
            "wrinkle.whole" => 6.0,
            _ => 3.0,
        }
    }

    #[test]
    fn scores_are_stable_under_rotation_upscaling_and_jpeg() {
        let img = astronaut();
        let variants = [
            ("rotate -10", rotate(&img, -10.0)),
            ("rotate +10", rotate(&img, 10.0)),
            ("scale 2", resize(&img, 1024, 1024, FilterType::CatmullRom)),
            ("jpeg 60", jpeg(&img, 60)),
            ("jpeg 95", jpeg(&img, 95)),
        ];
        let bad: Vec<String> = max_deltas(&variants)
            .into_iter()
            .filter(|(_, name, d)| *d > tolerance(name))
            .map(|(l, n, d)| format!("{l}: {n} moved {d:.1}"))
            .collect();
        assert!(bad.is_empty(), "unstable scores:\n{}", bad.join("\n"));
    }

    /// JPEG codes a photo in 8×8 blocks counted from its top-left corner, so where that grid
    /// falls on a face is chance. Moving astronaut.png by 0–6 px before JPEG 60 re-compression
    /// shows what that chance does to her glabella, whose one faint mark is about a quantisation
    /// step deep at her IOD of 45 px (docs/metrics.md, "astronaut.png's glabella under JPEG
    /// 60"): without JPEG the moves change nothing (the measurement does not depend on the
    /// grid), and over the grid's phases JPEG 60 leaves the score where it was (the compression
    /// adds no bias the engine passes on), but each phase alone scatters it by many points —
    /// noise the file carries, which no reading of one file can remove. This is why
    /// `tolerance` allows the glabella 17 on one JPEG 60 copy.
    #[test]
    fn jpeg_grid_phase_scatters_the_astronauts_glabella_without_bias() {
        let img = astronaut();
        let glabella = |img: &RgbImage| {
            engine()
                .analyze_image(img, &Options::default())
                .unwrap()
                .result
                .hd_wrinkle
                .glabella
                .ui_score
        };
        let base = glabella(&img);
        let (mut moved, mut compressed) = (Vec::new(), Vec::new());
        for dy in [0, 2, 4, 6] {
            for dx in [0, 2, 4, 6] {
                let s = shift(&img, dx, dy);
                moved.push(glabella(&s));
                compressed.push(glabella(&jpeg(&s, 60)));
            }
        }
        eprintln!("base {base}\nmoved {moved:?}\nJPEG 60 {compressed:?}");
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
        // If the scatter ever falls within the 3 points either way, the glabella's
        // tolerance can fall to 3.
        assert!(
            hi - lo > 6.0,
            "JPEG 60 scatter {lo}–{hi}: tighten `tolerance` to 3"
        );
    }

    /// Every committed photo is analysed as one face with plausible results.
    #[test]
    fn every_fixture_photo_is_one_analysable_face() {
        // Wide age bands: apparent age of a model with a ± 6-year error, not identity checks.
        for (file, age, gender) in [
            // Grace Hopper (short hair, uniform, aged ≈ 80) is estimated "male": a known bias of
            // face-api's model (docs/models.md), so her gender is not asserted.
            ("grace_hopper.jpg", 45.0..95.0, None),
            ("obama.jpg", 35.0..75.0, Some("male")),
            ("biden.jpg", 45.0..85.0, Some("male")),
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
        let path = format!("{}/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
        let img = decode(&std::fs::read(path).unwrap()).unwrap();
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

    /// The bar, on the photos whose faces stay above the common resolution at half size
    /// (IOD 47 and 38 px): every score within 3 points (age within 3 years) under rotation ±10°,
    /// scaling 0.5–2× and JPEG 60–95 (table in docs/metrics.md). `cargo nextest run --workspace
    /// -E 'test(large_faces)' --no-capture` prints every delta.
    #[test]
    fn scores_of_large_faces_move_at_most_3_points() {
        let mut bad = Vec::new();
        for file in ["obama.jpg", "biden.jpg"] {
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
                ("jpeg 60", jpeg(&img, 60)),
                ("jpeg 95", jpeg(&img, 95)),
            ];
            bad.extend(
                max_deltas_from(&img, &variants)
                    .into_iter()
                    .filter(|(_, _, d)| *d > 3.0)
                    .map(|(l, n, d)| format!("{file} {l}: {n} moved {d:.1}")),
            );
        }
        assert!(bad.is_empty(), "unstable scores:\n{}", bad.join("\n"));
    }

    /// Half size leaves the astronaut's face with an IOD of 22 px, below the common resolution
    /// (32 px): the report says so (`resolution_limited`), detail below ≈ 3 mm is gone and detail
    /// scores rise (look healthier) — most of all the glabella, whose one faint mark fades
    /// (+11.7, so the whole, their mean, +3.8; the rest ≤ 2.2, docs/metrics.md). Bounded, not ≤ 3:
    /// a resolution limit.
    #[test]
    fn half_size_face_is_resolution_limited_and_within_18_points() {
        let img = astronaut();
        let small = resize(&img, 256, 256, FilterType::Triangle);
        let r = engine()
            .analyze_image(&small, &Options::default())
            .unwrap()
            .result;
        assert!(r.image_quality.resolution_limited);
        let full = engine()
            .analyze_image(&img, &Options::default())
            .unwrap()
            .result;
        assert!(!full.image_quality.resolution_limited);
        let bad: Vec<String> = max_deltas(&[("scale 0.5", small)])
            .into_iter()
            .filter(|(_, _, d)| *d > 18.0)
            .map(|(l, n, d)| format!("{l}: {n} moved {d:.1}"))
            .collect();
        assert!(bad.is_empty(), "unstable scores:\n{}", bad.join("\n"));
    }
}
