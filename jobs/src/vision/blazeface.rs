//! MediaPipe BlazeFace short-range face detector (`face_detection_short_range.tflite`).
//!
//! Input: the whole image letterboxed into 128×128 (keep aspect, black borders), RGB scaled to
//! [−1, 1]. Outputs: `regressors` [896, 16] and `classificators` [896, 1] for 896 SSD anchors
//! (16×16 grid × 2 at stride 8, 8×8 grid × 6 at stride 16). Decoding, score threshold 0.5 and
//! weighted NMS (IoU 0.3) follow MediaPipe's face_detection_short_range graph.

use image::RgbImage;

use super::error::VisionError;
use super::tflite_graph::Graph;
use super::warp::{crop_to_tensor, Border, Roi};

const INPUT: usize = 128;
const MIN_SCORE: f32 = 0.5;
const NMS_IOU: f32 = 0.3;

/// One detected face, in image pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    /// Sigmoid confidence, 0–1.
    pub score: f32,
    /// `[x, y, w, h]`.
    pub bbox: [f32; 4],
    /// Right eye, left eye, nose tip, mouth centre, right ear tragion, left ear tragion
    /// ("right" = the subject's right, on the image's left).
    pub keypoints: [[f32; 2]; 6],
}

/// Anchor centres in [0, 1] (MediaPipe SsdAnchorsCalculator with fixed_anchor_size: all anchors
/// have w = h = 1, so only centres matter).
fn anchors() -> Vec<[f32; 2]> {
    // strides [8, 16, 16, 16]; each layer has 2 anchors (aspect 1 + interpolated scale), and the
    // three stride-16 layers share one grid.
    let mut a = Vec::with_capacity(896);
    for (stride, per_cell) in [(8usize, 2usize), (16, 6)] {
        let n = INPUT / stride;
        for y in 0..n {
            for x in 0..n {
                for _ in 0..per_cell {
                    a.push([(x as f32 + 0.5) / n as f32, (y as f32 + 0.5) / n as f32]);
                }
            }
        }
    }
    a
}

/// The loaded detector.
pub struct FaceDetector {
    graph: Graph,
    anchors: Vec<[f32; 2]>,
}

fn iou(a: &[f32; 4], b: &[f32; 4]) -> f32 {
    let ix = (a[0] + a[2]).min(b[0] + b[2]) - a[0].max(b[0]);
    let iy = (a[1] + a[3]).min(b[1] + b[3]) - a[1].max(b[1]);
    if ix <= 0.0 || iy <= 0.0 {
        return 0.0;
    }
    let inter = ix * iy;
    inter / (a[2] * a[3] + b[2] * b[3] - inter)
}

/// MediaPipe's weighted NMS: each kept detection is the score-weighted mean of the detections it
/// suppresses (IoU > threshold), with the top score.
fn weighted_nms(mut dets: Vec<Detection>) -> Vec<Detection> {
    dets.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut out = Vec::new();
    while !dets.is_empty() {
        let top = dets[0].clone();
        let (group, rest): (Vec<_>, Vec<_>) = dets
            .into_iter()
            .partition(|d| iou(&top.bbox, &d.bbox) > NMS_IOU);
        dets = rest;
        let total: f32 = group.iter().map(|d| d.score).sum();
        let mut merged = Detection {
            score: top.score,
            bbox: [0.0; 4],
            keypoints: [[0.0; 2]; 6],
        };
        for d in &group {
            let wgt = d.score / total;
            for i in 0..4 {
                merged.bbox[i] += d.bbox[i] * wgt;
            }
            for k in 0..6 {
                merged.keypoints[k][0] += d.keypoints[k][0] * wgt;
                merged.keypoints[k][1] += d.keypoints[k][1] * wgt;
            }
        }
        out.push(merged);
    }
    out
}

impl FaceDetector {
    pub fn load() -> Result<FaceDetector, VisionError> {
        let graph = Graph::load(
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/models/face_detection_short_range.graph.json"
            )),
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/models/face_detection_short_range.safetensors"
            )),
        )?;
        Ok(FaceDetector {
            graph,
            anchors: anchors(),
        })
    }

    /// Raw model outputs (regressors 896×16, scores 896 as logits) for a prepared NHWC input.
    pub fn raw(&self, input: Vec<f32>) -> Result<(Vec<f32>, Vec<f32>), VisionError> {
        let mut o = self.graph.run(input)?;
        let scores = o
            .pop()
            .ok_or_else(|| VisionError::Model("detector output missing".into()))?;
        let regs = o
            .pop()
            .ok_or_else(|| VisionError::Model("detector output missing".into()))?;
        Ok((regs, scores))
    }

    /// Detects faces; sorted by score, best first.
    pub fn detect(&self, img: &RgbImage) -> Result<Vec<Detection>, VisionError> {
        let (w, h) = (img.width() as f32, img.height() as f32);
        let roi = Roi {
            cx: w / 2.0,
            cy: h / 2.0,
            size: w.max(h),
            angle: 0.0,
        };
        let input = crop_to_tensor(img, &roi, INPUT, Border::Zero, (-1.0, 1.0));
        let (regs, scores) = self.raw(input)?;
        let n = INPUT as f32;
        // Model coordinates are in 128-px input units relative to the anchor centre.
        let to_img = |x: f32, y: f32| roi.to_image(x * n, y * n, n);
        let mut dets = Vec::new();
        for (i, a) in self.anchors.iter().enumerate() {
            let score = 1.0 / (1.0 + (-scores[i].clamp(-100.0, 100.0)).exp());
            if score < MIN_SCORE {
                continue;
            }
            let r = &regs[i * 16..(i + 1) * 16];
            let (cx, cy) = (r[0] / n + a[0], r[1] / n + a[1]);
            let (bw, bh) = (r[2] / n, r[3] / n);
            let (x0, y0) = to_img(cx - bw / 2.0, cy - bh / 2.0);
            let (x1, y1) = to_img(cx + bw / 2.0, cy + bh / 2.0);
            let mut keypoints = [[0f32; 2]; 6];
            for (k, kp) in keypoints.iter_mut().enumerate() {
                let (x, y) = to_img(r[4 + 2 * k] / n + a[0], r[5 + 2 * k] / n + a[1]);
                *kp = [x, y];
            }
            dets.push(Detection {
                score,
                bbox: [x0, y0, x1 - x0, y1 - y0],
                keypoints,
            });
        }
        Ok(weighted_nms(dets))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut, reference};

    #[test]
    fn anchor_grid_has_896_centres_in_unit_square() {
        let a = anchors();
        assert_eq!(a.len(), 896);
        assert_eq!(a[0], [1.0 / 32.0, 1.0 / 32.0]);
        assert_eq!(a[895], [15.0 / 16.0, 15.0 / 16.0]);
    }

    #[test]
    fn weighted_nms_merges_overlapping_boxes_by_score() {
        let d = |s: f32, x: f32| Detection {
            score: s,
            bbox: [x, 0.0, 10.0, 10.0],
            keypoints: [[x, 0.0]; 6],
        };
        let out = weighted_nms(vec![d(0.6, 2.0), d(0.9, 0.0), d(0.8, 50.0)]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].score, 0.9);
        assert!((out[0].bbox[0] - 0.8).abs() < 1e-5); // (0.9·0 + 0.6·2) / 1.5
    }

    /// The port reproduces the original TFLite runtime's raw tensors on the same input.
    #[test]
    fn raw_outputs_match_tflite_runtime() {
        let det = FaceDetector::load().unwrap();
        let img = astronaut();
        // Same input as reference_outputs.py: astronaut[2::4, 2::4] scaled to [-1, 1].
        let mut input = Vec::with_capacity(128 * 128 * 3);
        for y in 0..128 {
            for x in 0..128 {
                let p = img.get_pixel(2 + 4 * x, 2 + 4 * y);
                input.extend(p.0.iter().map(|&v| v as f32 / 127.5 - 1.0));
            }
        }
        let (regs, scores) = det.raw(input).unwrap();
        let r = &reference()["raw_detector"];
        for (j, a) in r["top_anchors"].as_array().unwrap().iter().enumerate() {
            let a = a.as_u64().unwrap() as usize;
            let logit = r["scores"][j].as_f64().unwrap() as f32;
            assert!(
                (scores[a] - logit).abs() < 1e-3,
                "anchor {a}: {} vs {logit}",
                scores[a]
            );
            for k in 0..16 {
                let want = r["regressors"][j][k].as_f64().unwrap() as f32;
                assert!(
                    (regs[a * 16 + k] - want).abs() < 2e-3,
                    "anchor {a} reg {k}: {} vs {want}",
                    regs[a * 16 + k]
                );
            }
        }
    }

    /// End to end against mp.solutions.face_detection: box and keypoints within 0.05 px.
    #[test]
    fn astronaut_detection_matches_mediapipe() {
        let det = FaceDetector::load().unwrap();
        let found = det.detect(&astronaut()).unwrap();
        assert_eq!(found.len(), 1);
        let r = &reference()["detection"][0];
        eprintln!("detection: {:?} vs {r}", found[0]);
        assert!((found[0].score - r["score"].as_f64().unwrap() as f32).abs() < 0.001);
        for i in 0..4 {
            let want = r["box_xywh"][i].as_f64().unwrap() as f32;
            assert!(
                (found[0].bbox[i] - want).abs() < 0.05,
                "box[{i}] {} vs {want}",
                found[0].bbox[i]
            );
        }
        for k in 0..6 {
            for c in 0..2 {
                let want = r["keypoints"][k][c].as_f64().unwrap() as f32;
                assert!((found[0].keypoints[k][c] - want).abs() < 0.05);
            }
        }
    }
}
