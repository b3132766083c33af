//! face-api's age and gender network (`@vladmandic/face-api` 1.7.15, MIT), ported to candle.
//!
//! Architecture (face-api `src/xception/TinyXception.ts` with 2 main blocks +
//! `src/ageGenderNet/AgeGenderNet.ts`), NHWC, batch 1:
//! - input 112×112×3: RGB minus the mean [122.782, 117.001, 104.298], divided by 255
//!   ([`face_api_input`] builds it from a face crop exactly as face-api does);
//! - `conv_in` 3×3 stride 2 + ReLU → 56×56×32;
//! - reduction blocks (ReLU on the input except the first; separable conv, ReLU, separable conv,
//!   3×3 stride-2 max-pool; plus a 1×1 stride-2 "expansion" conv of the un-activated input)
//!   → 28×28×64 → 14×14×128;
//! - two main blocks (3 × [ReLU, separable conv], residual add) at 14×14×128;
//! - exit reduction block → 7×7×256, separable conv + ReLU → 7×7×512;
//! - 7×7 average pool → 512 features; `fc/age` → age in years (linear), `fc/gender` → softmax
//!   [male, female].
//!
//! Separable conv = depthwise 3×3 (no bias) + pointwise 1×1 + bias, TF 'SAME' padding (stride 2
//! on even inputs pads bottom/right only). Weights: `models/age_gender.safetensors`, float32 in
//! TF layout, written by `models/convert/convert_face_api_age_gender.js`.

use candle_core::{Device, Tensor};
use image::RgbImage;

use super::age_crop::{face_box, face_crop};
use super::error::VisionError;
use super::facemesh::Landmarks;
use super::kernels::{Activation, AddAct, BiasAct, Conv, Depthwise, Im2Col, MaxPoolPadded};
use super::tflite_graph::{tf_same_pad, Pad2};

type Result<T> = std::result::Result<T, VisionError>;

/// Side of the square network input, pixels.
pub const INPUT: usize = 112;
/// face-api's per-channel mean, subtracted before dividing by 255.
const MEAN_RGB: [f32; 3] = [122.782, 117.001, 104.298];

/// What the network says about one face crop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AgeGender {
    /// Apparent age in years (the network's linear regression output, unclamped).
    pub age: f32,
    /// Softmax probability that the face is female (1 − p(male)).
    pub female: f32,
}

/// Depthwise 3×3 (stride 1, 'SAME') + pointwise 1×1 + bias + activation.
struct SeparableConv {
    depthwise: Depthwise,
    pointwise: Conv,
}

struct ReductionBlock {
    activate_input: bool,
    sep0: SeparableConv,
    sep1: SeparableConv,
    /// 1×1 stride-2 convolution of the block input.
    expansion: Conv,
}

struct MainBlock {
    sep: [SeparableConv; 3],
}

/// The loaded network. Immutable: one instance serves all threads.
pub struct AgeGenderNet {
    /// 3×3 stride 2, 3 → 32 channels, + ReLU.
    conv_in: Conv,
    entry: [ReductionBlock; 2],
    middle: [MainBlock; 2],
    exit: ReductionBlock,
    exit_sep: SeparableConv,
    /// `[512, 1]` and `[512, 2]`.
    fc_age: Tensor,
    fc_age_bias: f32,
    fc_gender: Tensor,
    fc_gender_bias: [f32; 2],
}

fn relu() -> BiasAct {
    BiasAct {
        bias: vec![],
        act: Activation::Relu,
    }
}

impl SeparableConv {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        Ok(x.apply_op1_no_bwd(&self.depthwise)?
            .apply_op1_no_bwd(&self.pointwise)?)
    }
}

impl ReductionBlock {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let input = if self.activate_input {
            x.apply_op1_no_bwd(&relu())?
        } else {
            x.clone()
        };
        // sep0's ReLU is fused: its output only feeds sep1.
        let y = self.sep1.forward(&self.sep0.forward(&input)?)?;
        let (_, h, w, _) = y.dims4()?;
        let (top, bottom) = tf_same_pad(h, 3, 2);
        let (left, right) = tf_same_pad(w, 3, 2);
        let pooled = y.apply_op1_no_bwd(&MaxPoolPadded {
            k: 3,
            stride: 2,
            pad: Pad2 {
                top,
                bottom,
                left,
                right,
            },
        })?;
        let expanded = x.apply_op1_no_bwd(&self.expansion)?;
        Ok(pooled.apply_op2_no_bwd(&expanded, &AddAct(Activation::None))?)
    }
}

impl MainBlock {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let mut y = x.apply_op1_no_bwd(&relu())?;
        for sep in &self.sep {
            y = sep.forward(&y)?;
        }
        Ok(y.apply_op2_no_bwd(x, &AddAct(Activation::None))?)
    }
}

/// Reads the converted weights by their tfjs names.
struct Weights(std::collections::HashMap<String, Tensor>);

impl Weights {
    fn get(&self, name: &str) -> Result<&Tensor> {
        self.0
            .get(name)
            .ok_or_else(|| VisionError::Model(format!("age_gender: missing weight {name}")))
    }

    fn vec(&self, name: &str) -> Result<Vec<f32>> {
        Ok(self.get(name)?.flatten_all()?.to_vec1()?)
    }

    /// `[1, 1, cin, cout]` (or `[cin, cout]`) → `[cin, cout]`.
    fn matrix(&self, name: &str) -> Result<Tensor> {
        let t = self.get(name)?;
        let d = t.dims();
        Ok(t.reshape((d[..d.len() - 1].iter().product::<usize>(), d[d.len() - 1]))?)
    }

    /// A convolution from TF `[kh, kw, cin, cout]` filters (which, flattened, are already the
    /// `[kh·kw·cin, cout]` matrix in im2col's order) and its bias.
    fn conv(
        &self,
        filters: &str,
        bias: &str,
        act: Activation,
        patches: Option<Im2Col>,
    ) -> Result<Conv> {
        let filters = self.get(filters)?;
        Ok(Conv {
            n: *filters.dims().last().unwrap_or(&1),
            weight: filters.flatten_all()?.to_vec1()?,
            bias: self.vec(bias)?,
            act,
            patches,
        })
    }

    fn separable(&self, prefix: &str, act: Activation) -> Result<SeparableConv> {
        let dw = self.vec(&format!("{prefix}/depthwise_filter"))?;
        let channels = dw.len() / 9;
        Ok(SeparableConv {
            depthwise: Depthwise {
                // [3, 3, c, 1] flattened is the kernel's [ky][kx][c] order.
                weight: dw,
                bias: vec![0.0; channels],
                kh: 3,
                kw: 3,
                stride: 1,
                pad: Pad2 {
                    top: 1,
                    bottom: 1,
                    left: 1,
                    right: 1,
                },
                act: Activation::None,
            },
            pointwise: self.conv(
                &format!("{prefix}/pointwise_filter"),
                &format!("{prefix}/bias"),
                act,
                None,
            )?,
        })
    }

    fn reduction(&self, prefix: &str, activate_input: bool) -> Result<ReductionBlock> {
        Ok(ReductionBlock {
            activate_input,
            sep0: self.separable(&format!("{prefix}/separable_conv0"), Activation::Relu)?,
            sep1: self.separable(&format!("{prefix}/separable_conv1"), Activation::None)?,
            // A 1×1 stride-2 'SAME' conv on an even input needs no padding: every other pixel.
            expansion: self.conv(
                &format!("{prefix}/expansion_conv/filters"),
                &format!("{prefix}/expansion_conv/bias"),
                Activation::None,
                Some(Im2Col {
                    kh: 1,
                    kw: 1,
                    stride: 2,
                    pad: Pad2::default(),
                }),
            )?,
        })
    }

    fn main_block(&self, prefix: &str) -> Result<MainBlock> {
        // The ReLU before sep1 and sep2 is fused into the previous separable conv.
        Ok(MainBlock {
            sep: [
                self.separable(&format!("{prefix}/separable_conv0"), Activation::Relu)?,
                self.separable(&format!("{prefix}/separable_conv1"), Activation::Relu)?,
                self.separable(&format!("{prefix}/separable_conv2"), Activation::None)?,
            ],
        })
    }
}

impl AgeGenderNet {
    /// Loads the embedded weights (1.7 MB of float32).
    pub fn load() -> Result<AgeGenderNet> {
        let bytes = include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/models/age_gender.safetensors"
        ));
        let w = Weights(candle_core::safetensors::load_buffer(bytes, &Device::Cpu)?);
        let fc_gender_bias = w.vec("fc/gender/bias")?;
        Ok(AgeGenderNet {
            conv_in: w.conv(
                "entry_flow/conv_in/filters",
                "entry_flow/conv_in/bias",
                Activation::Relu,
                Some(Im2Col {
                    kh: 3,
                    kw: 3,
                    stride: 2,
                    pad: {
                        let (top, bottom) = tf_same_pad(INPUT, 3, 2);
                        Pad2 {
                            top,
                            bottom,
                            left: top,
                            right: bottom,
                        }
                    },
                }),
            )?,
            entry: [
                w.reduction("entry_flow/reduction_block_0", false)?,
                w.reduction("entry_flow/reduction_block_1", true)?,
            ],
            middle: [
                w.main_block("middle_flow/main_block_0")?,
                w.main_block("middle_flow/main_block_1")?,
            ],
            exit: w.reduction("exit_flow/reduction_block", true)?,
            exit_sep: w.separable("exit_flow/separable_conv", Activation::Relu)?,
            fc_age: w.matrix("fc/age/weights")?,
            fc_age_bias: w.vec("fc/age/bias")?[0],
            fc_gender: w.matrix("fc/gender/weights")?,
            fc_gender_bias: [fc_gender_bias[0], fc_gender_bias[1]],
        })
    }

    /// The 512 pooled features of a prepared 112×112×3 NHWC input.
    pub fn features(&self, input: Vec<f32>) -> Result<Tensor> {
        if input.len() != INPUT * INPUT * 3 {
            return Err(VisionError::Model(
                "age_gender: input must be 112×112×3".into(),
            ));
        }
        let mut x = Tensor::from_vec(input, (1, INPUT, INPUT, 3), &Device::Cpu)?
            .apply_op1_no_bwd(&self.conv_in)?;
        for block in &self.entry {
            x = block.forward(&x)?;
        }
        for block in &self.middle {
            x = block.forward(&x)?;
        }
        let x = self.exit_sep.forward(&self.exit.forward(&x)?)?;
        // 7×7 average pool, stride 2, 'VALID', on a 7×7 map = the spatial mean.
        let (_, h, w, c) = x.dims4()?;
        Ok(x.reshape((h * w, c))?.mean_keepdim(0)?)
    }

    /// Age and gender for a prepared input (see [`face_api_input`]).
    pub fn predict(&self, input: Vec<f32>) -> Result<AgeGender> {
        let f = self.features(input)?;
        let age = f.matmul(&self.fc_age)?.flatten_all()?.to_vec1::<f32>()?[0] + self.fc_age_bias;
        let g = f.matmul(&self.fc_gender)?.flatten_all()?.to_vec1::<f32>()?;
        let (male, female) = (g[0] + self.fc_gender_bias[0], g[1] + self.fc_gender_bias[1]);
        // Softmax of two logits: p(female) = 1 / (1 + e^(male − female)).
        Ok(AgeGender {
            age,
            female: 1.0 / (1.0 + (male - female).exp()),
        })
    }
}

impl AgeGenderNet {
    /// Apparent age and gender of the face in `img`: the network on face-api's aligned crop
    /// (from the mesh, see [`super::age_crop`]) and on its mirror image, averaged. The mirror
    /// pass narrows the spread under rotation, rescaling and JPEG (max age change on
    /// the fixture 3.0 → 1.9 years) for one more pass (~9 ms).
    pub fn estimate(&self, img: &RgbImage, lm: &Landmarks) -> Result<AgeGender> {
        let mut crop = face_crop(img, &face_box(lm));
        let a = self.predict(face_api_input(&crop))?;
        image::imageops::flip_horizontal_in_place(&mut crop);
        let b = self.predict(face_api_input(&crop))?;
        Ok(AgeGender {
            age: (a.age + b.age) / 2.0,
            female: (a.female + b.female) / 2.0,
        })
    }
}

/// face-api's input for a face crop (`NetInput.toBatchTensor(112, true)` + TinyXception's
/// normalisation): the crop is zero-padded to a square, centred (the larger half of an odd
/// difference goes after, as `padToSquare` rounds), resized with TF's legacy bilinear resize
/// (`alignCorners = false`, `halfPixelCenters = false`: source = dst · in/out, no smoothing),
/// then `(v − mean) / 255`. Returns 112×112×3 NHWC.
pub fn face_api_input(crop: &RgbImage) -> Vec<f32> {
    let (w, h) = (crop.width() as usize, crop.height() as usize);
    let side = w.max(h);
    let diff = side - w.min(h);
    let before = diff - diff.div_ceil(2);
    let (ox, oy) = if w < h { (before, 0) } else { (0, before) };
    let raw = crop.as_raw();
    // The padded square, as face-api builds it before resizing.
    let padded = |x: usize, y: usize, c: usize| -> f64 {
        match (x.checked_sub(ox), y.checked_sub(oy)) {
            (Some(cx), Some(cy)) if cx < w && cy < h => raw[(cy * w + cx) * 3 + c] as f64,
            _ => 0.0,
        }
    };
    let ratio = side as f64 / INPUT as f64;
    let taps = |i: usize| {
        let s = ratio * i as f64;
        let lo = s.floor();
        (lo as usize, (s.ceil() as usize).min(side - 1), s - lo)
    };
    let mut out = Vec::with_capacity(INPUT * INPUT * 3);
    for r in 0..INPUT {
        let (y0, y1, fy) = taps(r);
        for col in 0..INPUT {
            let (x0, x1, fx) = taps(col);
            for (c, mean) in MEAN_RGB.iter().enumerate() {
                let top = padded(x0, y0, c) + (padded(x1, y0, c) - padded(x0, y0, c)) * fx;
                let bottom = padded(x0, y1, c) + (padded(x1, y1, c) - padded(x0, y1, c)) * fx;
                let v = (top + (bottom - top) * fy) as f32;
                out.push((v - mean) / 255.0);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{
        age_gender_reference, astronaut, astronaut_first_pass_landmarks, floats, largest_difference,
    };

    fn crop(img: &RgbImage, x: u32, y: u32, w: u32, h: u32) -> RgbImage {
        image::imageops::crop_imm(img, x, y, w, h).to_image()
    }

    /// The network alone on a 112×112 crop (face-api neither pads nor resizes it), against
    /// face-api 1.7.15 on tfjs 4.22 (cpu backend): 512 pooled features, age and p(female).
    #[test]
    fn raw_outputs_match_face_api() {
        let r = &age_gender_reference()["raw"];
        let (x, y) = (
            r["x"].as_u64().unwrap() as u32,
            r["y"].as_u64().unwrap() as u32,
        );
        let net = AgeGenderNet::load().unwrap();
        let input = face_api_input(&crop(&astronaut(), x, y, 112, 112));
        let features = net
            .features(input.clone())
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap();
        let max = largest_difference(&features, &floats(&r["features"]));
        let got = net.predict(input).unwrap();
        let (age, female) = (
            r["age"].as_f64().unwrap() as f32,
            floats(&r["gender_probs"])[1],
        );
        eprintln!(
            "raw: features max |Δ| {max}; age {} vs {age}; p(female) {} vs {female}",
            got.age, got.female
        );
        assert_eq!(features.len(), 512);
        assert!(max < 1e-3, "features differ by {max}");
        assert!((got.age - age).abs() < 0.01, "age {} vs {age}", got.age);
        assert!((got.female - female).abs() < 1e-4);
    }

    /// face-api's own face crop (114×109, so padded to a square and resized to 112): checks
    /// [`face_api_input`] against `toBatchTensor` + the network end to end.
    #[test]
    fn padded_and_resized_crop_matches_face_api() {
        let r = &age_gender_reference()["crop"];
        let dim = |k: &str| r[k].as_u64().unwrap() as u32;
        let face = crop(
            &astronaut(),
            dim("x"),
            dim("y"),
            dim("width"),
            dim("height"),
        );
        assert_ne!(
            face.width(),
            face.height(),
            "the case must exercise padding"
        );
        let got = AgeGenderNet::load()
            .unwrap()
            .predict(face_api_input(&face))
            .unwrap();
        let (age, female) = (
            r["age"].as_f64().unwrap() as f32,
            floats(&r["gender_probs"])[1],
        );
        eprintln!(
            "crop: age {} vs {age}; p(female) {} vs {female}",
            got.age, got.female
        );
        assert!((got.age - age).abs() < 0.01, "age {} vs {age}", got.age);
        assert!((got.female - female).abs() < 1e-4);
    }

    #[test]
    fn odd_padding_puts_the_larger_half_after_the_crop() {
        // 1 wide × 4 tall: 3 columns of padding, 1 before and 2 after (Math.round(1.5) = 2).
        let img = RgbImage::from_pixel(1, 4, image::Rgb([255, 255, 255]));
        let t = face_api_input(&img);
        // Input column i samples padded column floor(i · 4/112); column 1 is the crop.
        let at = |col: usize| t[(50 * INPUT + col) * 3] * 255.0 + MEAN_RGB[0];
        assert!(at(0).abs() < 1e-3, "{}", at(0));
        assert!((at(28) - 255.0).abs() < 1e-3, "{}", at(28));
        assert!(at(56).abs() < 1e-3 && at(111).abs() < 1e-3);
    }

    /// End to end on the fixture (our detector + mesh + crop + mirror average). Our crop is not
    /// face-api's to the pixel, and face-api itself gives 26.0–32.1 years for crops within
    /// ±2 px / ±4 px of its own box (reference "crop_jitter"), so the age must fall in that
    /// spread (±1 year) and the gender agree.
    #[test]
    fn astronaut_estimate_falls_within_face_apis_framing_spread() {
        let jitter = age_gender_reference()["crop_jitter"]
            .as_array()
            .unwrap()
            .clone();
        let ages: Vec<f32> = jitter
            .iter()
            .map(|j| j["age"].as_f64().unwrap() as f32)
            .collect();
        let lo = ages.iter().copied().fold(f32::MAX, f32::min);
        let hi = ages.iter().copied().fold(f32::MIN, f32::max);
        let got = AgeGenderNet::load()
            .unwrap()
            .estimate(&astronaut(), &astronaut_first_pass_landmarks())
            .unwrap();
        eprintln!("astronaut: {got:?}; face-api over its framing jitter {lo}–{hi}");
        assert!(
            (lo - 1.0..=hi + 1.0).contains(&got.age),
            "age {} outside {lo}–{hi}",
            got.age
        );
        assert!(got.female > 0.6, "p(female) {}", got.female);
    }
}
