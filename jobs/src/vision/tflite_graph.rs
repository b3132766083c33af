//! Executes a converted TFLite graph (op list + safetensors weights) with candle on the CPU.
//!
//! `models/convert/convert_mediapipe.py` writes each model as `<name>.graph.json` (operators in
//! execution order with strides, padding and fused activations) and `<name>.safetensors`
//! (constants in TFLite layout, float16 for the MediaPipe models). At load we transpose the
//! weights once into candle's layout; `run` then walks the op list.
//!
//! Layout: activations stay in TFLite's NHWC layout (batch 1), contiguous, so RESHAPE,
//! CONCATENATION and PAD keep their TFLite meaning. Convolutions, depthwise convolutions and the
//! per-channel work run in the kernels of `kernels.rs`; a RELU or PRELU whose input feeds nothing
//! else is fused at load into the convolution or addition that produces it.

use std::collections::HashMap;

use candle_core::{DType, Device, Tensor};
use serde::Deserialize;

use super::error::VisionError;
use super::kernels::{Activation, AddAct, BiasAct, Conv, Depthwise, Im2Col, MaxPool};

type Result<T> = std::result::Result<T, VisionError>;

#[derive(Deserialize)]
struct RawGraph {
    inputs: Vec<usize>,
    outputs: Vec<usize>,
    shapes: HashMap<String, Vec<i64>>,
    ops: Vec<RawOp>,
}

#[derive(Deserialize)]
struct RawOp {
    op: String,
    #[serde(rename = "in")]
    inputs: Vec<i64>,
    out: Vec<usize>,
    stride: Option<[usize; 2]>,
    padding: Option<String>,
    act: Option<String>,
    filter: Option<[usize; 2]>,
    axis: Option<i64>,
    paddings: Option<Vec<[usize; 2]>>,
    shape: Option<Vec<i64>>,
    dilation: Option<[usize; 2]>,
}

/// Explicit zero padding (top, bottom, left, right) computed from TF 'SAME'/'VALID' rules.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Pad2 {
    pub top: usize,
    pub bottom: usize,
    pub left: usize,
    pub right: usize,
}

enum Op {
    Conv {
        x: usize,
        out: usize,
        conv: Conv,
    },
    Depthwise {
        x: usize,
        out: usize,
        conv: Depthwise,
    },
    Add {
        a: usize,
        b: usize,
        out: usize,
        act: AddAct,
    },
    /// RELU, PRELU, HARD_SWISH and LOGISTIC.
    Act {
        x: usize,
        out: usize,
        act: BiasAct,
    },
    Pad {
        x: usize,
        out: usize,
        nhwc: [[usize; 2]; 4],
    },
    MaxPool {
        x: usize,
        out: usize,
        pool: MaxPool,
    },
    Reshape {
        x: usize,
        out: usize,
        shape: Vec<usize>,
    },
    Concat {
        xs: Vec<usize>,
        out: usize,
        axis: i64,
    },
    /// AVERAGE_POOL_2D over the whole plane (the squeeze of a squeeze-and-excite block).
    GlobalMean {
        x: usize,
        out: usize,
    },
    /// MUL of an activation by a per-channel scale [1, 1, 1, C] (the excite).
    Scale {
        x: usize,
        by: usize,
        out: usize,
    },
    /// RESIZE_BILINEAR with half-pixel centres.
    Resize {
        x: usize,
        out: usize,
        hw: (usize, usize),
    },
    /// MediaPipe's Convolution2DTransposeBias whose kernel equals its stride: each input pixel
    /// paints its own k×k output block.
    Unpool {
        x: usize,
        out: usize,
        /// [O, k, k, I], TFLite layout.
        weight: Vec<f32>,
        bias: Vec<f32>,
        k: usize,
    },
}

/// A loaded graph, ready to run. Immutable, so one instance serves all threads.
pub struct Graph {
    ops: Vec<Op>,
    input: usize,
    input_hw: (usize, usize),
    outputs: Vec<usize>,
    n_tensors: usize,
}

/// TF padding for one spatial dimension: (before, after).
pub(super) fn tf_same_pad(input: usize, k: usize, stride: usize) -> (usize, usize) {
    let out = input.div_ceil(stride);
    let total = ((out - 1) * stride + k).saturating_sub(input);
    (total / 2, total - total / 2)
}

fn model_err(msg: impl Into<String>) -> VisionError {
    VisionError::Model(msg.into())
}

impl Graph {
    /// Loads a graph from its JSON op list and safetensors bytes.
    pub fn load(graph_json: &str, weights: &[u8]) -> Result<Graph> {
        let raw: RawGraph =
            serde_json::from_str(graph_json).map_err(|e| model_err(e.to_string()))?;
        let consts = candle_core::safetensors::load_buffer(weights, &Device::Cpu)?;
        let get = |i: i64| -> Result<Tensor> {
            consts
                .get(&format!("t{i}"))
                .ok_or_else(|| model_err(format!("missing constant t{i}")))?
                .to_dtype(DType::F32)
                .map_err(Into::into)
        };
        let vec = |i: i64| -> Result<Vec<f32>> { Ok(get(i)?.flatten_all()?.to_vec1()?) };
        let shape = |i: usize| -> Result<Vec<usize>> {
            raw.shapes
                .get(&i.to_string())
                .map(|s| s.iter().map(|&d| d.max(1) as usize).collect())
                .ok_or_else(|| model_err(format!("missing shape {i}")))
        };
        let fused = |o: &RawOp| match o.act.as_deref() {
            Some("RELU") => Ok(Activation::Relu),
            Some("NONE") | None => Ok(Activation::None),
            Some(a) => Err(model_err(format!("unsupported fused activation {a}"))),
        };
        let mut ops = Vec::with_capacity(raw.ops.len());
        for o in &raw.ops {
            let x = o.inputs[0] as usize;
            let out = o.out[0];
            let activation = |act| Op::Act {
                x,
                out,
                act: BiasAct { bias: vec![], act },
            };
            let op = match o.op.as_str() {
                "CONV_2D" | "DEPTHWISE_CONV_2D" => {
                    let in_shape = shape(x)?; // NHWC
                    let w = get(o.inputs[1])?; // [O,H,W,I] or [1,H,W,C]
                    let (kh, kw) = (w.dims()[1], w.dims()[2]);
                    let stride = o.stride.ok_or_else(|| model_err("conv without stride"))?;
                    if stride[0] != stride[1] || o.dilation.is_some_and(|d| d != [1, 1]) {
                        return Err(model_err("unsupported conv stride/dilation"));
                    }
                    let pad = match o.padding.as_deref() {
                        Some("SAME") => {
                            let (top, bottom) = tf_same_pad(in_shape[1], kh, stride[0]);
                            let (left, right) = tf_same_pad(in_shape[2], kw, stride[1]);
                            Pad2 {
                                top,
                                bottom,
                                left,
                                right,
                            }
                        }
                        _ => Pad2::default(),
                    };
                    let bias = vec(o.inputs[2])?;
                    if o.op == "CONV_2D" {
                        let (cout, cin) = (w.dims()[0], w.dims()[3]);
                        let pointwise = kh == 1 && kw == 1 && stride[0] == 1;
                        Op::Conv {
                            x,
                            out,
                            conv: Conv {
                                weight: w
                                    .reshape((cout, kh * kw * cin))?
                                    .t()?
                                    .flatten_all()?
                                    .to_vec1()?,
                                n: cout,
                                bias,
                                act: fused(o)?,
                                patches: (!pointwise).then_some(Im2Col {
                                    kh,
                                    kw,
                                    stride: stride[0],
                                    pad,
                                }),
                            },
                        }
                    } else {
                        Op::Depthwise {
                            x,
                            out,
                            conv: Depthwise {
                                weight: w.flatten_all()?.to_vec1()?,
                                bias,
                                kh,
                                kw,
                                stride: stride[0],
                                pad,
                                act: fused(o)?,
                            },
                        }
                    }
                }
                "ADD" => Op::Add {
                    a: x,
                    b: o.inputs[1] as usize,
                    out,
                    act: AddAct(fused(o)?),
                },
                "RELU" => activation(Activation::Relu),
                "PRELU" => activation(Activation::Prelu(vec(o.inputs[1])?)),
                "HARD_SWISH" => activation(Activation::HardSwish),
                "LOGISTIC" => activation(Activation::Sigmoid),
                "PAD" => {
                    let p = o
                        .paddings
                        .as_ref()
                        .ok_or_else(|| model_err("PAD without paddings"))?;
                    Op::Pad {
                        x,
                        out,
                        nhwc: [p[0], p[1], p[2], p[3]],
                    }
                }
                "MAX_POOL_2D" => {
                    let f = o.filter.ok_or_else(|| model_err("pool without filter"))?;
                    let s = o.stride.ok_or_else(|| model_err("pool without stride"))?;
                    let in_shape = shape(x)?;
                    if f != s || f[0] != f[1] || in_shape[1] % f[0] != 0 || in_shape[2] % f[0] != 0
                    {
                        return Err(model_err("unsupported MAX_POOL_2D geometry"));
                    }
                    Op::MaxPool {
                        x,
                        out,
                        pool: MaxPool(f[0]),
                    }
                }
                "RESHAPE" => {
                    let s = o
                        .shape
                        .as_ref()
                        .ok_or_else(|| model_err("RESHAPE without shape"))?;
                    Op::Reshape {
                        x,
                        out,
                        shape: s.iter().map(|&d| d as usize).collect(),
                    }
                }
                "CONCATENATION" => Op::Concat {
                    xs: o.inputs.iter().map(|&i| i as usize).collect(),
                    out,
                    axis: o.axis.unwrap_or(0),
                },
                "AVERAGE_POOL_2D" => {
                    let in_shape = shape(x)?;
                    if o.filter != Some([in_shape[1], in_shape[2]]) {
                        return Err(model_err("only global AVERAGE_POOL_2D is supported"));
                    }
                    Op::GlobalMean { x, out }
                }
                "MUL" => {
                    let by = o.inputs[1] as usize;
                    let c = *shape(x)?.last().unwrap_or(&0);
                    if shape(by)? != [1, 1, 1, c] || !matches!(fused(o)?, Activation::None) {
                        return Err(model_err("only MUL by a per-channel scale is supported"));
                    }
                    Op::Scale { x, by, out }
                }
                "RESIZE_BILINEAR" => {
                    let s = o
                        .shape
                        .as_ref()
                        .ok_or_else(|| model_err("RESIZE_BILINEAR without size"))?;
                    Op::Resize {
                        x,
                        out,
                        hw: (s[0] as usize, s[1] as usize),
                    }
                }
                "Convolution2DTransposeBias" => {
                    let w = get(o.inputs[1])?; // [O, H, W, I]
                    let k = w.dims()[1];
                    if o.stride != Some([k, k]) || w.dims()[2] != k {
                        return Err(model_err(
                            "transposed convolution: kernel must equal stride",
                        ));
                    }
                    Op::Unpool {
                        x,
                        out,
                        weight: w.flatten_all()?.to_vec1()?,
                        bias: vec(o.inputs[2])?,
                        k,
                    }
                }
                other => return Err(model_err(format!("unsupported TFLite op {other}"))),
            };
            ops.push(op);
        }
        let ops = fuse_activations(ops, &raw);
        let input = raw.inputs[0];
        let in_shape = shape(input)?;
        let n_tensors = raw.shapes.len();
        Ok(Graph {
            ops,
            input,
            input_hw: (in_shape[1], in_shape[2]),
            outputs: raw.outputs,
            n_tensors,
        })
    }

    /// Input height and width expected by the model.
    pub fn input_hw(&self) -> (usize, usize) {
        self.input_hw
    }

    /// Runs the graph on an NHWC float input (batch 1) and returns every output flattened in
    /// TFLite (NHWC) order.
    pub fn run(&self, input_nhwc: Vec<f32>) -> Result<Vec<Vec<f32>>> {
        let (h, w) = self.input_hw;
        let c = input_nhwc.len() / (h * w);
        let mut vals: Vec<Option<Tensor>> = vec![None; self.n_tensors];
        vals[self.input] = Some(Tensor::from_vec(input_nhwc, (1, h, w, c), &Device::Cpu)?);
        let val = |vals: &Vec<Option<Tensor>>, i: usize| -> Result<Tensor> {
            vals[i]
                .clone()
                .ok_or_else(|| model_err(format!("tensor {i} used before it was computed")))
        };
        for op in &self.ops {
            let (out, t) = match op {
                Op::Conv { x, out, conv } => (*out, val(&vals, *x)?.apply_op1_no_bwd(conv)?),
                Op::Depthwise { x, out, conv } => (*out, val(&vals, *x)?.apply_op1_no_bwd(conv)?),
                Op::Add { a, b, out, act } => (
                    *out,
                    val(&vals, *a)?.apply_op2_no_bwd(&val(&vals, *b)?, act)?,
                ),
                Op::Act { x, out, act } => (*out, val(&vals, *x)?.apply_op1_no_bwd(act)?),
                Op::Pad { x, out, nhwc } => {
                    let mut v = val(&vals, *x)?;
                    for (axis, p) in nhwc.iter().enumerate().skip(1) {
                        if *p != [0, 0] {
                            v = v.pad_with_zeros(axis, p[0], p[1])?;
                        }
                    }
                    (*out, v.contiguous()?)
                }
                Op::MaxPool { x, out, pool } => (*out, val(&vals, *x)?.apply_op1_no_bwd(pool)?),
                Op::Reshape { x, out, shape } => (*out, val(&vals, *x)?.reshape(shape.as_slice())?),
                Op::Concat { xs, out, axis } => {
                    let ts = xs
                        .iter()
                        .map(|&i| val(&vals, i))
                        .collect::<Result<Vec<_>>>()?;
                    let rank = ts[0].rank() as i64;
                    let a = if *axis < 0 { axis + rank } else { *axis } as usize;
                    (*out, Tensor::cat(&ts, a)?)
                }
                Op::GlobalMean { x, out } => (*out, global_mean(&val(&vals, *x)?)?),
                Op::Scale { x, by, out } => {
                    (*out, scale_channels(&val(&vals, *x)?, &val(&vals, *by)?)?)
                }
                Op::Resize { x, out, hw } => (*out, resize_bilinear(&val(&vals, *x)?, *hw)?),
                Op::Unpool {
                    x,
                    out,
                    weight,
                    bias,
                    k,
                } => (*out, unpool(&val(&vals, *x)?, weight, bias, *k)?),
            };
            vals[out] = Some(t);
        }
        self.outputs
            .iter()
            .map(|&o| Ok(val(&vals, o)?.flatten_all()?.to_vec1::<f32>()?))
            .collect()
    }
}

/// The mean of each channel of an NHWC tensor over its plane, as [1, 1, 1, C].
fn global_mean(x: &Tensor) -> Result<Tensor> {
    let (_, h, w, c) = x.dims4()?;
    let mut sum = vec![0f32; c];
    for row in x.flatten_all()?.to_vec1::<f32>()?.chunks_exact(c) {
        sum.iter_mut().zip(row).for_each(|(s, v)| *s += v);
    }
    let n = (h * w) as f32;
    sum.iter_mut().for_each(|s| *s /= n);
    Ok(Tensor::from_vec(sum, (1, 1, 1, c), &Device::Cpu)?)
}

/// Each channel of an NHWC tensor times its own factor (`by`: [1, 1, 1, C]). candle's
/// broadcast multiplication walks the strided broadcast per element, 1–2 ms here.
fn scale_channels(x: &Tensor, by: &Tensor) -> Result<Tensor> {
    let by = by.flatten_all()?.to_vec1::<f32>()?;
    let mut v = x.flatten_all()?.to_vec1::<f32>()?;
    for row in v.chunks_exact_mut(by.len()) {
        row.iter_mut().zip(&by).for_each(|(a, b)| *a *= b);
    }
    Ok(Tensor::from_vec(v, x.shape(), &Device::Cpu)?)
}

/// TFLite's RESIZE_BILINEAR with half-pixel centres (align_corners off) on an NHWC tensor:
/// output pixel `o` samples the input at `(o + ½)·in/out − ½`, clamped to the edge pixels.
fn resize_bilinear(x: &Tensor, (oh, ow): (usize, usize)) -> Result<Tensor> {
    let (_, h, w, c) = x.dims4()?;
    let src = x.flatten_all()?.to_vec1::<f32>()?;
    let taps = |o: usize, n_in: usize, n_out: usize| {
        let f = ((o as f32 + 0.5) * n_in as f32 / n_out as f32 - 0.5).max(0.0);
        let lo = (f.floor() as usize).min(n_in - 1);
        (lo, (lo + 1).min(n_in - 1), f - f.floor())
    };
    let cols: Vec<_> = (0..ow).map(|ox| taps(ox, w, ow)).collect();
    let mut dst = vec![0f32; oh * ow * c];
    for oy in 0..oh {
        let (y0, y1, fy) = taps(oy, h, oh);
        for (ox, &(x0, x1, fx)) in cols.iter().enumerate() {
            let px = |y: usize, x: usize| &src[(y * w + x) * c..][..c];
            let (a, b, d, e) = (px(y0, x0), px(y0, x1), px(y1, x0), px(y1, x1));
            let o = &mut dst[(oy * ow + ox) * c..][..c];
            for ch in 0..c {
                let top = a[ch] + (b[ch] - a[ch]) * fx;
                let bottom = d[ch] + (e[ch] - d[ch]) * fx;
                o[ch] = top + (bottom - top) * fy;
            }
        }
    }
    Ok(Tensor::from_vec(dst, (1, oh, ow, c), &Device::Cpu)?)
}

/// A transposed convolution whose k×k kernel equals its stride: input pixel (y, x) writes the
/// output block at (k·y, k·x), channel o of sub-pixel (dy, dx) being bias[o] + Σᵢ x[i]·w[o, dy, dx, i].
fn unpool(x: &Tensor, weight: &[f32], bias: &[f32], k: usize) -> Result<Tensor> {
    let (_, h, w, ci) = x.dims4()?;
    let co = bias.len();
    let src = x.flatten_all()?.to_vec1::<f32>()?;
    let (oh, ow) = (h * k, w * k);
    let mut dst = vec![0f32; oh * ow * co];
    for y in 0..h {
        for x in 0..w {
            let inp = &src[(y * w + x) * ci..][..ci];
            for dy in 0..k {
                for dx in 0..k {
                    let o = &mut dst[((k * y + dy) * ow + k * x + dx) * co..][..co];
                    for (oc, v) in o.iter_mut().enumerate() {
                        let wt = &weight[((oc * k + dy) * k + dx) * ci..][..ci];
                        *v = bias[oc] + inp.iter().zip(wt).map(|(a, b)| a * b).sum::<f32>();
                    }
                }
            }
        }
    }
    Ok(Tensor::from_vec(dst, (1, oh, ow, co), &Device::Cpu)?)
}

/// Folds each activation (RELU, PRELU, HARD_SWISH, LOGISTIC) into the CONV_2D,
/// DEPTHWISE_CONV_2D or ADD that produces its input when nothing else reads that tensor (most
/// activations in the MediaPipe graphs): one pass over memory instead of two.
/// Exact: the activation is applied to the same values, after the bias or the sum.
fn fuse_activations(ops: Vec<Op>, raw: &RawGraph) -> Vec<Op> {
    let mut readers: HashMap<usize, usize> = HashMap::new();
    for o in &raw.ops {
        for &i in &o.inputs {
            if i >= 0 {
                *readers.entry(i as usize).or_default() += 1;
            }
        }
    }
    for &o in &raw.outputs {
        *readers.entry(o).or_default() += 1;
    }
    let mut fused: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops {
        if let Op::Act { x, out, act } = &op {
            let producer = fused.iter_mut().rev().find_map(|p| match p {
                Op::Conv { out: o, conv, .. } if *o == *x => Some((o, &mut conv.act)),
                Op::Depthwise { out: o, conv, .. } if *o == *x => Some((o, &mut conv.act)),
                Op::Add { out: o, act, .. } if *o == *x => Some((o, &mut act.0)),
                _ => None,
            });
            if let Some((p_out, p_act)) = producer {
                if readers.get(x) == Some(&1) && matches!(p_act, Activation::None) {
                    *p_act = act.act.clone();
                    *p_out = *out;
                    continue;
                }
            }
        }
        fused.push(op);
    }
    fused
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilinear_resize_uses_half_pixel_centres() {
        // 1×2 → 1×4: samples at −0.25, 0.25, 0.75, 1.25 in input pixels, clamped to the edges.
        let x = Tensor::from_vec(vec![0f32, 4.0], (1, 1, 2, 1), &Device::Cpu).unwrap();
        let y = resize_bilinear(&x, (1, 4)).unwrap();
        assert_eq!(
            y.flatten_all().unwrap().to_vec1::<f32>().unwrap(),
            [0.0, 1.0, 3.0, 4.0]
        );
    }

    #[test]
    fn same_padding_matches_tensorflow_rules() {
        // stride 2 on an even input pads only bottom/right.
        assert_eq!(tf_same_pad(128, 3, 2), (0, 1));
        assert_eq!(tf_same_pad(128, 5, 2), (1, 2));
        assert_eq!(tf_same_pad(64, 3, 1), (1, 1));
        assert_eq!(tf_same_pad(64, 1, 1), (0, 0));
    }
}
