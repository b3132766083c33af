//! MediaPipe selfie segmentation (`selfie_segmentation.tflite`, the square 256×256 model): which
//! pixels of the canonical crop belong to the person and which to the background.
//!
//! Why: hair is told from skin by colour, but from the background only by knowing where the
//! person ends. Without it the hair colour had to be read in a thin band just above the
//! forehead, which holds bare skin on a receding hairline (biden.jpg's white hair lay above it)
//! and background above a short haircut. Input: RGB scaled to **[0, 1]** (the runtime's own
//! preprocessing: `models/reference/astronaut.json`, "selfie"). Output: a probability per pixel.

use super::error::VisionError;
use super::face_frame::{CanonicalFace, CROP};
use super::tflite_graph::Graph;

/// The model's input and output side.
const SIDE: usize = 256;
/// Crop pixels per model pixel, each way.
const K: usize = CROP / SIDE;
/// Probability from which a pixel is the person's (MediaPipe's own threshold).
const PERSON_P: f32 = 0.5;

/// The loaded segmentation model.
pub struct PersonSegmenter {
    graph: Graph,
}

/// The person's probabilities over the canonical crop, one per K × K crop pixels.
pub struct PersonMap {
    /// SIDE × SIDE, row-major: the model's output.
    p: Vec<f32>,
}

impl PersonSegmenter {
    pub fn load() -> Result<PersonSegmenter, VisionError> {
        let graph = Graph::load(
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/models/selfie_segmentation.graph.json"
            )),
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/models/selfie_segmentation.safetensors"
            )),
        )?;
        Ok(PersonSegmenter { graph })
    }

    /// Person probabilities (SIDE × SIDE, row-major) for an NHWC input of SIDE × SIDE RGB in
    /// [0, 1].
    pub fn probabilities(&self, input: Vec<f32>) -> Result<Vec<f32>, VisionError> {
        let mut o = self.graph.run(input)?;
        match o.pop() {
            Some(p) if p.len() == SIDE * SIDE && o.is_empty() => Ok(p),
            _ => Err(VisionError::Model("unexpected segmentation outputs".into())),
        }
    }

    /// Segments the canonical crop, averaged K × K into the model's input (≈ 5 ms;
    /// docs/performance.md).
    pub fn segment(&self, face: &CanonicalFace) -> Result<PersonMap, VisionError> {
        let raw = face.rgb.as_raw();
        let mut input = Vec::with_capacity(SIDE * SIDE * 3);
        for y in 0..SIDE {
            for x in 0..SIDE {
                for c in 0..3 {
                    let mut s = 0u32;
                    for dy in 0..K {
                        for dx in 0..K {
                            s += raw[((K * y + dy) * CROP + K * x + dx) * 3 + c] as u32;
                        }
                    }
                    input.push(s as f32 / (255 * K * K) as f32);
                }
            }
        }
        Ok(PersonMap {
            p: self.probabilities(input)?,
        })
    }
}

impl PersonMap {
    /// Whether crop pixel (x, y) lies on the person: the probability there, bilinear between
    /// the model's pixels (model pixel u averages crop pixels K·u … K·u + K − 1, so its centre
    /// is crop K·u + (K − 1)/2), edges held, is at least 0.5.
    pub fn in_crop(&self) -> impl Fn(f32, f32) -> bool + '_ {
        let last = (SIDE - 1) as f32;
        let model = move |c: f32| ((c - (K - 1) as f32 / 2.0) / K as f32).clamp(0.0, last);
        move |x, y| {
            let (u, v) = (model(x), model(y));
            let (u0, v0) = (u as usize, v as usize);
            let (u1, v1) = ((u0 + 1).min(SIDE - 1), (v0 + 1).min(SIDE - 1));
            let (fu, fv) = (u - u0 as f32, v - v0 as f32);
            let p = |u: usize, v: usize| self.p[v * SIDE + u];
            let top = p(u0, v0) + (p(u1, v0) - p(u0, v0)) * fu;
            let bottom = p(u0, v1) + (p(u1, v1) - p(u0, v1)) * fu;
            top + (bottom - top) * fv >= PERSON_P
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{astronaut, floats, reference};

    /// The candle port against the original runtime on astronaut.png taken at every 2nd pixel
    /// (256×256, the model's own size): every 4th output pixel compared.
    #[test]
    fn person_probabilities_match_the_mediapipe_runtime() {
        let img = astronaut();
        let mut input = Vec::with_capacity(SIDE * SIDE * 3);
        for y in 0..SIDE {
            for x in 0..SIDE {
                let p = img.get_pixel(2 * x as u32, 2 * y as u32);
                input.extend(p.0.iter().map(|&v| v as f32 / 255.0));
            }
        }
        let p = PersonSegmenter::load()
            .unwrap()
            .probabilities(input)
            .unwrap();
        let want = floats(&reference()["selfie"]);
        assert_eq!(want.len(), 64 * 64);
        let (mut worst, mut flips) = (0f32, 0);
        for (i, &w) in want.iter().enumerate() {
            let got = p[(i / 64 * 4) * SIDE + (i % 64) * 4];
            worst = worst.max((got - w).abs());
            flips += usize::from((got >= PERSON_P) != (w >= PERSON_P));
        }
        assert!(worst < 0.01, "largest difference {worst}");
        assert_eq!(flips, 0);
    }
}
