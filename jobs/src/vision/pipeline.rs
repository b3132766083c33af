//! One analysis: detect → landmarks → canonical crop → regions → quality gate → age/gender →
//! metrics.

use image::RgbImage;

use super::age_gender::AgeGender;
use super::blazeface::Detection;
use super::error::VisionError;
use super::face_frame::CanonicalFace;
use super::facemesh::Landmarks;
use super::filters::Plane;
use super::metrics::acne::{acne, Acne};
use super::metrics::pigmentation::{pigmentation, Pigmentation};
use super::metrics::wrinkles::{wrinkles, Wrinkles};
use super::metrics::{
    age, colors, dark_circles, faceshape, firmness, oiliness, pores, redness, score, texture, tone,
};
use super::quality::{self, MIN_MEAN_L, MIN_SHARPNESS};
use super::raster::Mask as Bitmap;
use super::regions::Regions;
use super::report::{ImageQuality, OverallScore, Report};
use super::Options;

/// Faces narrower than this (detector box, image pixels) are rejected.
pub const MIN_FACE_PX: u32 = 40;

/// Everything measured on one face; the masks are drawn from it.
pub struct Findings {
    pub face: CanonicalFace,
    pub regions: Regions,
    pub acne: Acne,
    pub pigmentation: Pigmentation,
    pub wrinkles: Wrinkles,
    pub pores: Vec<(f32, f32)>,
    pub shine: Bitmap,
    pub texture_detail: Plane,
    pub dark_refs: [f32; 2],
    pub report: Report,
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

/// The canonical crop and regions, after the darkness and blur gate.
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
    if q.sharpness < MIN_SHARPNESS {
        return Err(VisionError::TooBlurry {
            sharpness: q.sharpness,
            min_sharpness: MIN_SHARPNESS,
        });
    }
    Ok((face, regions, q))
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
    // The filter-heavy metrics run on the second core while the rest run here.
    let (
        (wrinkles, (hd_texture, texture_detail), (hd_pore, pores)),
        (acne, pigmentation),
        hd_redness,
        (hd_oiliness, shine),
    ) = std::thread::scope(|s| {
        let heavy = s.spawn(|| {
            (
                wrinkles(&face, &regions),
                texture::texture(&face, &regions),
                pores::pores(&face, &regions),
            )
        });
        let a = acne(&face, &regions);
        let p = pigmentation(&face, &regions, &a.a_excess);
        let r = redness::redness(&face, &regions);
        let o = oiliness::oiliness(&face, &regions);
        (heavy.join().expect("metric thread"), (a, p), r, o)
    });
    let (hd_dark_circles, dark_refs) = dark_circles::dark_circles(&face, &regions);
    let hd_firmness = firmness::firmness(&face, wrinkles.scores.nasolabial.raw_score);
    // The skin sample can only be empty if regions are degenerate; fall back to all skin.
    let skin = tone::skin_lab(&face, &regions, &shine)
        .or_else(|| tone::skin_lab(&face, &regions, &Bitmap::empty(shine.width, shine.height)))
        .unwrap_or([q.mean_l, 0.0, 0.0]);
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
    let ag = age::resolve(age_gender, opts.age_override, opts.gender_override);
    let roll = face.roi.angle.to_degrees();
    let report = Report {
        all: OverallScore { score: all },
        skin_age: ag.skin_age,
        age_source: ag.age_source.into(),
        gender: Some(age::gender_name(ag.gender).into()),
        gender_source: ag.gender_source.into(),
        age_gender_model: ag.model,
        skin_tone: tone::classify(skin),
        hd_acne: acne.score.clone(),
        hd_pigmentation: Some(pigmentation.score.clone()),
        hd_wrinkle: wrinkles.scores.clone(),
        hd_pore,
        hd_redness,
        hd_oiliness,
        hd_texture,
        hd_dark_circles,
        hd_firmness,
        faceshape: faceshape::classify(faceshape::proportions(&face)).into(),
        eye_color: colors::eye_color(&face, &regions),
        lip_color: colors::lip_color(&face, &regions),
        hair_color: colors::hair_color(&face, &regions, skin),
        faces_detected: faces as u32,
        image_quality: ImageQuality {
            blur: score::r1(q.sharpness),
            exposure: score::r1(q.mean_l),
            overexposed_pct: score::r1(q.overexposed_pct),
            face_resolution_px: score::r1(face.iod_image_px),
            resolution_limited: face.resolution_limited(),
            // Only the file says; `Engine::analyze_bytes` fills it in.
            jpeg_quality: None,
            roll_deg: score::r1(roll),
            detection_score: (det.score * 1000.0).round() / 1000.0,
        },
    };
    Findings {
        face,
        regions,
        acne,
        pigmentation,
        wrinkles,
        pores,
        shine,
        texture_detail,
        dark_refs,
        report,
    }
}
