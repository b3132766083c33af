//! MediaPipe iris landmarks (`iris_landmark.tflite`): where each iris is and how large, so that
//! the eye colour is read from the iris itself.
//!
//! Why: the face mesh has no iris points, and the eye colour used to be a percentile band of the
//! whole eye contour — sclera, lids, lashes and iris together. What share of the contour the iris
//! fills changes with the gaze and the lids, and so did the band: obama2.jpg (eyes to the side)
//! read ΔE 6.7 apart rotated by 10° (docs/metrics.md, "eye_color").
//!
//! ROI: a square of 2.3 × the distance between the eye's corners, centred between them and
//! turned to the line through them, sampled to 64 × 64 with replicated borders, RGB in
//! **[0, 1]** as the face mesh. The model was trained on one eye: the eye on the image's right
//! (the subject's left) is mirrored in and its points mirrored back. Checked against MediaPipe's
//! own iris (the attention mesh, `refine_landmarks=True`) on the five fixtures: centres within
//! 0.13–1.7 px, radii within 0.06–0.95 px (docs/models.md). Outputs: 71 eye-contour and brow
//! points (unused) and 5 iris points — its centre, then four on its edge — in crop pixels.

use image::RgbImage;

use super::error::VisionError;
use super::landmarks_idx::{LEFT_EYE_INNER, LEFT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_EYE_OUTER};
use super::tflite_graph::Graph;
use super::warp::{crop_to_tensor, Border, Roi};

/// The model's input side.
const INPUT: usize = 64;
/// The eye crop's side, in corner-to-corner distances.
const ROI_SCALE: f32 = 2.3;

/// One iris, in the pixels of the image it was found in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Iris {
    pub centre: [f32; 2],
    /// Mean distance of the four edge points from the centre.
    pub radius: f32,
}

/// The loaded iris model.
pub struct IrisModel {
    graph: Graph,
}

impl IrisModel {
    pub fn load() -> Result<IrisModel, VisionError> {
        let graph = Graph::load(
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/models/iris_landmark.graph.json"
            )),
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/models/iris_landmark.safetensors"
            )),
        )?;
        Ok(IrisModel { graph })
    }

    /// The 5 iris points (x, y, z; crop pixels) for an NHWC input of 64 × 64 RGB in [0, 1].
    pub fn raw(&self, input: Vec<f32>) -> Result<Vec<f32>, VisionError> {
        let o = self.graph.run(input)?;
        match o.as_slice() {
            [contours, iris] if contours.len() == 213 && iris.len() == 15 => Ok(iris.clone()),
            _ => Err(VisionError::Model("unexpected iris outputs".into())),
        }
    }

    /// The irises of the eyes whose corners (landmark indices) the mesh put at `pt`: the
    /// image's left eye (the subject's right), then its right.
    pub fn irises(
        &self,
        img: &RgbImage,
        pt: impl Fn(usize) -> [f32; 2],
    ) -> Result<[Iris; 2], VisionError> {
        let right = self.iris(img, pt(RIGHT_EYE_OUTER), pt(RIGHT_EYE_INNER), false)?;
        let left = self.iris(img, pt(LEFT_EYE_INNER), pt(LEFT_EYE_OUTER), true)?;
        Ok([right, left])
    }

    /// The iris of the eye whose corners are `a` (image-left) and `b`, its crop mirrored when
    /// `mirror`.
    fn iris(
        &self,
        img: &RgbImage,
        a: [f32; 2],
        b: [f32; 2],
        mirror: bool,
    ) -> Result<Iris, VisionError> {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let roi = Roi {
            cx: (a[0] + b[0]) / 2.0,
            cy: (a[1] + b[1]) / 2.0,
            size: ROI_SCALE * dx.hypot(dy),
            angle: dy.atan2(dx),
        };
        let mut input = crop_to_tensor(img, &roi, INPUT, Border::Replicate, (0.0, 1.0));
        if mirror {
            for row in input.chunks_exact_mut(INPUT * 3) {
                for u in 0..INPUT / 2 {
                    for c in 0..3 {
                        row.swap(u * 3 + c, (INPUT - 1 - u) * 3 + c);
                    }
                }
            }
        }
        let raw = self.raw(input)?;
        let n = INPUT as f32;
        let pts: Vec<[f32; 2]> = raw
            .chunks_exact(3)
            .map(|p| {
                let x = if mirror { n - p[0] } else { p[0] };
                let (x, y) = roi.to_image(x, p[1], n);
                [x, y]
            })
            .collect();
        let centre = pts[0];
        let radius = pts[1..]
            .iter()
            .map(|p| (p[0] - centre[0]).hypot(p[1] - centre[1]))
            .sum::<f32>()
            / 4.0;
        Ok(Iris { centre, radius })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut, floats, largest_difference, reference};

    /// Raw tensor against tflite-runtime on the same input: the eye crop committed as
    /// `models/reference/astronaut_eye.png` (the eye on the image's left, as the reference
    /// script cut it), scaled to [0, 1].
    #[test]
    fn raw_iris_matches_tflite_runtime() {
        let model = IrisModel::load().unwrap();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/models/reference/astronaut_eye.png"
        );
        let eye = image::open(path).unwrap().to_rgb8();
        assert_eq!(eye.dimensions(), (64, 64));
        let input = eye.as_raw().iter().map(|&v| v as f32 / 255.0).collect();
        let got = model.raw(input).unwrap();
        let want = floats(&reference()["iris"]["raw"]);
        let max = largest_difference(&got, &want);
        eprintln!("iris: max |Δ| {max} crop px");
        assert_eq!(got.len(), want.len());
        assert!(max < 0.005, "max iris difference {max} crop px");
    }

    /// On astronaut.png (eyes 43 px apart) the irises lie where MediaPipe's own iris model puts
    /// them (the attention mesh, points 468 and 473), within 0.5 px, with radii within 0.5 px.
    #[test]
    fn astronaut_irises_match_mediapipe() {
        let img = astronaut();
        let lm = crate::vision::testutil::astronaut_first_pass_landmarks();
        let irises = IrisModel::load()
            .unwrap()
            .irises(&img, |i| lm.xy(i))
            .unwrap();
        let r = &reference()["iris"]["mediapipe"];
        for (iris, want) in irises.iter().zip(r.as_array().unwrap()) {
            let w = floats(want);
            let off = (iris.centre[0] - w[0]).hypot(iris.centre[1] - w[1]);
            eprintln!("iris {iris:?} against {w:?}: centre off {off} px");
            assert!(off < 0.5, "centre off by {off} px");
            assert!(
                (iris.radius - w[2]).abs() < 0.5,
                "radius {} against {}",
                iris.radius,
                w[2]
            );
        }
    }
}
