//! One analysis: detect → landmarks → canonical crop → regions → quality gate → age/gender →
//! metrics.

use image::RgbImage;

use super::age_gender::AgeGender;
use super::blazeface::Detection;
use super::cores::join;
use super::error::VisionError;
use super::face_frame::{to_crop, CanonicalFace, COMMON_IOD_PX, CROP};
use super::facemesh::Landmarks;
use super::filters::Plane;
use super::jpeg_quality::quality_of;
use super::jpeg_spread::{footprint, grid_phase, rms_moves, Posterior, DRAWS};
use super::metrics::acne::{acne, Acne};
use super::metrics::pigmentation::{pigmentation, Pigmentation};
use super::metrics::spots::SkinWeights;
use super::metrics::wrinkles::{wrinkles, Wrinkles};
use super::metrics::{
    age, colors, dark_circles, faceshape, firmness, oiliness, pores, redness, score, texture, tone,
};
use super::quality::{self, MIN_MEAN_L, MIN_SHARPNESS};
use super::raster::Mask as Bitmap;
use super::regions::Regions;
use super::report::{score_list, ImageQuality, JpegSpread, MetricScore, OverallScore, Report};
use super::Options;

/// Faces narrower than this (detector box, image pixels) are rejected.
pub const MIN_FACE_PX: u32 = 40;

/// Everything measured on one face; the masks are drawn from it.
pub struct Findings {
    pub face: CanonicalFace,
    pub regions: Regions,
    pub scored: Scored,
    pub report: Report,
    /// The pixels the iris, lip and hair colours were read from.
    pub samples: ColorSamples,
}

/// The pixels each of the report's feature colours was read from ([`colors::Sample`]).
pub struct ColorSamples {
    pub eyes: Bitmap,
    pub lips: Bitmap,
    pub hair: Bitmap,
}

/// Picks the face to analyse: the largest box.
pub fn largest(dets: &[Detection]) -> Option<&Detection> {
    dets.iter()
        .max_by(|a, b| (a.bbox[2] * a.bbox[3]).total_cmp(&(b.bbox[2] * b.bbox[3])))
}

/// Rejects faces that are too small, before the costly steps.
pub fn check_size(det: &Detection) -> Result<(), VisionError> {
    let px = det.bbox[2].max(det.bbox[3]).round().max(0.0) as u32;
    if px < MIN_FACE_PX {
        return Err(VisionError::FaceTooSmall {
            face_px: px,
            min_px: MIN_FACE_PX,
        });
    }
    Ok(())
}

/// Smallest eye distance (IOD, analysed image px) a skin analysis accepts: the common
/// resolution every detail metric is measured at. Below it the photo lacks the detail those
/// metrics read (at 32 px a pixel is about 2 mm of skin), so lines, pores and spots vanish and
/// their scores read healthier than the skin — astronaut.png at half size (IOD 22 px) read her
/// glabella 11.7 points healthier. A clear rejection instead of numbers biased that way. The
/// Skin Shade endpoint, which reads only colour, keeps the detector's [`MIN_FACE_PX`].
pub const MIN_IOD_PX: f32 = COMMON_IOD_PX;

/// Rejects a face whose eyes are closer than [`MIN_IOD_PX`] (after the landmarks).
pub fn check_detail_resolution(face: &CanonicalFace) -> Result<(), VisionError> {
    if face.iod_image_px < MIN_IOD_PX {
        return Err(VisionError::EyesTooClose {
            iod_px: face.iod_image_px.round() as u32,
            min_iod_px: MIN_IOD_PX as u32,
        });
    }
    Ok(())
}

/// The canonical crop and regions, after the darkness, colour and blur gate.
pub fn prepare(
    img: &RgbImage,
    lm: &Landmarks,
) -> Result<(CanonicalFace, Regions, quality::Quality), VisionError> {
    let face = CanonicalFace::new(img, lm);
    let regions = Regions::new(&face);
    let q = quality::measure(&face, &regions);
    if q.mean_l < MIN_MEAN_L {
        return Err(VisionError::TooDark {
            mean_l: q.mean_l,
            min_l: MIN_MEAN_L,
        });
    }
    if q.chroma < quality::MIN_CHROMA {
        return Err(VisionError::NoColour {
            chroma: q.chroma,
            min_chroma: quality::MIN_CHROMA,
        });
    }
    if q.sharpness < MIN_SHARPNESS {
        return Err(VisionError::TooBlurry {
            sharpness: q.sharpness,
            min_sharpness: MIN_SHARPNESS,
        });
    }
    Ok((face, regions, q))
}

/// The scores the photo did not let the engine measure (`ImageQuality::not_measured`).
fn not_measured(wrinkles: &Wrinkles, dark_refs: [Option<f32>; 2]) -> Vec<String> {
    let sites = wrinkles
        .unseen
        .iter()
        .map(|site| format!("hd_wrinkle.{site}"));
    let eye_bags = wrinkles.eye_bags.score.is_none().then_some("hd_eye_bags");
    let dark_circles = (dark_refs == [None, None]).then_some("hd_dark_circles");
    sites
        .chain(eye_bags.into_iter().chain(dark_circles).map(String::from))
        .collect()
}

/// The scored metrics of one face (everything [`Report::scores`] reads) and what their masks
/// are drawn from.
pub struct Scored {
    pub acne: Acne,
    pub pigmentation: Pigmentation,
    pub wrinkles: Wrinkles,
    pub hd_texture: MetricScore,
    pub texture_detail: Plane,
    pub hd_pore: MetricScore,
    pub pores: Vec<(f32, f32)>,
    pub hd_redness: MetricScore,
    pub hd_oiliness: MetricScore,
    pub shine: Bitmap,
    pub hd_dark_circles: MetricScore,
    pub dark_refs: [Option<f32>; 2],
    pub hd_firmness: MetricScore,
    /// The composite `all.score`.
    pub all: f32,
}

impl Scored {
    /// The scores as [`Report::scores`] lists them.
    pub fn scores(&self) -> Vec<(&'static str, f32)> {
        score_list(
            self.all,
            &self.acne.score,
            Some(&self.pigmentation.score),
            &self.wrinkles.scores,
            [
                &self.hd_pore,
                &self.hd_redness,
                &self.hd_oiliness,
                &self.hd_texture,
                &self.hd_dark_circles,
            ],
            self.wrinkles.eye_bags.score.as_ref(),
            &self.hd_firmness,
        )
    }
}

/// Every scored metric of a prepared face, with `weights` the skin mask's Gaussians for
/// `regions.skin` ([`SkinWeights`]). The JPEG spread's draws need only these, not the colours,
/// tone and shape [`measure`] adds (a tenth of a pass).
pub fn scored(face: &CanonicalFace, regions: &Regions, weights: &SkinWeights) -> Scored {
    // Two halves of about equal cost (by instruction count: the line filters, texture, pores
    // and dark circles against the two spot finders, redness and shine), one on each core.
    let (
        (wrinkles, (hd_texture, texture_detail), (hd_pore, pores), (hd_dark_circles, dark_refs)),
        ((acne, pigmentation), hd_redness, (hd_oiliness, shine)),
    ) = join(
        || {
            (
                wrinkles(face, regions),
                texture::texture(face, regions),
                pores::pores(face, regions),
                dark_circles::dark_circles(face, regions),
            )
        },
        || {
            let a = acne(face, regions, weights);
            let p = pigmentation(face, regions, &a.a_excess, weights);
            let r = redness::redness(face, regions);
            let o = oiliness::oiliness(face, regions);
            ((a, p), r, o)
        },
    );
    let hd_firmness = firmness::firmness(face, wrinkles.scores.nasolabial.raw_score);
    let all = score::composite([
        acne.score.ui_score,
        wrinkles.scores.whole.ui_score,
        hd_redness.ui_score,
        hd_texture.ui_score,
        hd_pore.ui_score,
        hd_dark_circles.ui_score,
        hd_oiliness.ui_score,
        hd_firmness.ui_score,
    ]);
    Scored {
        acne,
        pigmentation,
        wrinkles,
        hd_texture,
        texture_detail,
        hd_pore,
        pores,
        hd_redness,
        hd_oiliness,
        shine,
        hd_dark_circles,
        dark_refs,
        hd_firmness,
        all,
    }
}

/// Measures every metric on a prepared face; `age_gender` is the model's estimate.
pub fn measure(
    face: CanonicalFace,
    regions: Regions,
    q: quality::Quality,
    det: &Detection,
    faces: usize,
    age_gender: AgeGender,
    opts: &Options,
) -> Findings {
    let m = scored(&face, &regions, &SkinWeights::default());
    // The skin sample can only be empty if regions are degenerate; fall back to all skin.
    let readings = tone::sites(&face, &regions, &m.shine);
    let skin = tone::pooled(&readings)
        .or_else(|| {
            tone::skin_lab(
                &face,
                &regions,
                &Bitmap::empty(m.shine.width, m.shine.height),
            )
        })
        .unwrap_or([q.mean_l, 0.0, 0.0]);
    let (eyes, lips, hair) = (
        colors::eye_color(&face, &regions),
        colors::lip_color(&face, &regions),
        colors::hair_color(&face, &regions, skin),
    );
    let ag = age::resolve(age_gender, opts.age_override, opts.gender_override);
    let roll = face.roi.angle.to_degrees();
    let report = Report {
        all: OverallScore { score: m.all },
        skin_age: ag.skin_age,
        age_source: ag.age_source.into(),
        gender: Some(age::gender_name(ag.gender).into()),
        gender_source: ag.gender_source.into(),
        age_gender_model: ag.model,
        skin_tone: tone::classify(skin),
        hd_acne: m.acne.score.clone(),
        hd_pigmentation: Some(m.pigmentation.score.clone()),
        hd_wrinkle: m.wrinkles.scores.clone(),
        hd_pore: m.hd_pore.clone(),
        hd_redness: m.hd_redness.clone(),
        hd_oiliness: m.hd_oiliness.clone(),
        hd_texture: m.hd_texture.clone(),
        hd_dark_circles: m.hd_dark_circles.clone(),
        hd_eye_bags: m.wrinkles.eye_bags.score.clone(),
        hd_firmness: m.hd_firmness.clone(),
        faceshape: faceshape::classify(faceshape::proportions(&face)).into(),
        eye_color: eyes.color,
        lip_color: lips.color,
        hair_color: hair.color,
        faces_detected: faces as u32,
        image_quality: ImageQuality {
            blur: score::r1(q.sharpness),
            exposure: score::r1(q.mean_l),
            overexposed_pct: score::r1(q.overexposed_pct),
            light_balance_l: tone::light_balance(&readings).map(score::r1),
            face_resolution_px: score::r1(face.iod_image_px),
            resolution_limited: face.resolution_limited(),
            glasses: face.spectacles.is_some(),
            // Only the file says; `Engine::analyze_bytes` fills it in.
            jpeg_quality: None,
            face_in_photo_pct: Some(score::r1(100.0 * regions.face_in_photo)),
            not_measured: not_measured(&m.wrinkles, m.dark_refs),
            roll_deg: score::r1(roll),
            yaw_deg: Some(score::r1(face.pose.yaw_deg)),
            pitch_deg: Some(score::r1(face.pose.pitch_deg)),
            detection_score: (det.score * 1000.0).round() / 1000.0,
        },
        // Only the file says; `Engine::analyze_bytes` fills it in.
        jpeg_spread: None,
    };
    Findings {
        face,
        regions,
        scored: m,
        report,
        samples: ColorSamples {
            eyes: eyes.pixels,
            lips: lips.pixels,
            hair: hair.pixels,
        },
    }
}

/// How far the file's JPEG compression (its luminance `steps`, natural order) may have moved
/// each score of `findings`: the scores again on [`DRAWS`] photos the file could have come from
/// ([`Posterior`]: the skin's blocks with every frequency moved within its step), with the same
/// landmarks and regions (so only the pixels differ), as the root mean square of the moves
/// (docs/metrics.md, "jpeg_spread").
pub fn jpeg_spread(img: &RgbImage, findings: &Findings, steps: &[f32; 64]) -> JpegSpread {
    let roi = &findings.face.roi;
    let rect = footprint(roi, img.width(), img.height());
    let grid = grid_phase(img, rect);
    // Skin blocks only, for the fit as for the draws: hair, eyes and the background hold far
    // more fine detail than skin, and a Laplacian fitted over them would fill the skin with
    // detail no camera recorded (the pores read it). The scores read skin.
    let skin = &findings.regions.skin;
    let on_skin = |x: u32, y: u32| {
        let [cx, cy] = to_crop(roi, x as f32 + 4.0, y as f32 + 4.0);
        let inside = (0.0..CROP as f32).contains(&cx) && (0.0..CROP as f32).contains(&cy);
        inside && skin.get(cx as usize, cy as usize)
    };
    let posterior = Posterior::new(img, rect, steps, grid, on_skin);
    // A draw changes only the kept blocks, so only the crop pixels reading them are resampled.
    let touched = findings
        .face
        .pixels_reading(img.width(), img.height(), |x, y| posterior.covers(x, y));
    // The draws share the regions, and so the skin mask's Gaussians.
    let weights = SkinWeights::default();
    let draw = |seed: u64| -> Vec<f32> {
        let drawn = posterior.draw(seed);
        let face = findings.face.redrawn(&drawn, &touched);
        let pass = scored(&face, &findings.regions, &weights);
        pass.scores().into_iter().map(|(_, v)| v).collect()
    };
    // Half the draws on a second thread: each metric pass keeps only part of a second core busy.
    let half = DRAWS / 2;
    let (second, mut draws): (Vec<Vec<f32>>, Vec<Vec<f32>>) = join(
        || (half..DRAWS).map(draw).collect(),
        || (0..half).map(draw).collect(),
    );
    draws.extend(second);
    let file = findings.report.scores();
    let values: Vec<f32> = file.iter().map(|(_, v)| *v).collect();
    let moves = rms_moves(&values, &draws);
    JpegSpread {
        quality: quality_of(steps),
        draws: draws.len() as u32,
        scores: file
            .iter()
            .zip(moves)
            .map(|((name, _), m)| (name.to_string(), score::r1(m)))
            .collect(),
    }
}
