//! CPU kernels (candle custom ops) for NHWC inference.
//!
//! The converted graphs run in TFLite's NHWC layout: then 1×1 convolutions are plain matrix
//! products, k×k convolutions are an im2col gather plus a matrix product, and per-channel work
//! (bias, PReLU, depthwise) runs over the contiguous channel axis. candle's own `conv2d` is NCHW
//! and splits grouped convolutions into one convolution per channel, which was 5× slower on these
//! small graphs.
//!
//! [`Conv`] calls `gemm` (the crate candle's CPU matmul is built on) itself, single-threaded, and
//! adds the bias and applies the activation in place. Through
//! `Tensor::matmul` each of the ≈ 45 products per mesh pass re-read the thread count from the
//! environment and /proc, fanned out to a rayon pool that cost more than it saved on matrices this
//! small (one pass ran 20 % faster with `RAYON_NUM_THREADS=1`), and was followed by a copy for the
//! bias and activation.

use candle_core::{CpuStorage, CustomOp1, CustomOp2, Layout, Shape};

use super::tflite_graph::Pad2;

fn f32_slice<'a>(s: &'a CpuStorage, l: &Layout) -> candle_core::Result<&'a [f32]> {
    let v = match s {
        CpuStorage::F32(v) => v,
        _ => candle_core::bail!("kernel expects f32"),
    };
    let (a, b) = l
        .contiguous_offsets()
        .ok_or_else(|| candle_core::Error::Msg("kernel expects a contiguous input".into()))?;
    Ok(&v[a..b])
}

fn out_size(input: usize, k: usize, stride: usize, before: usize, after: usize) -> usize {
    (input + before + after - k) / stride + 1
}

/// Per-channel activation after a convolution or addition.
#[derive(Clone, Debug)]
pub enum Activation {
    None,
    Relu,
    /// Per-channel negative slope.
    Prelu(Vec<f32>),
    /// `x · relu6(x + 3) / 6` (MobileNetV3's hard swish).
    HardSwish,
    /// The logistic function.
    Sigmoid,
}

impl Activation {
    /// Applies the activation in place to rows of `c` channels.
    fn apply(&self, y: &mut [f32], c: usize) {
        match self {
            Activation::None => {}
            Activation::Relu => y.iter_mut().for_each(|v| *v = v.max(0.0)),
            // A select rather than a conditional store, so that it vectorises.
            Activation::Prelu(a) => y.chunks_exact_mut(c).for_each(|row| {
                row.iter_mut()
                    .zip(a)
                    .for_each(|(v, a)| *v = if *v < 0.0 { *v * a } else { *v })
            }),
            Activation::HardSwish => y
                .iter_mut()
                .for_each(|v| *v *= (*v + 3.0).clamp(0.0, 6.0) / 6.0),
            Activation::Sigmoid => y.iter_mut().for_each(|v| *v = 1.0 / (1.0 + (-*v).exp())),
        }
    }
}

/// Adds `bias` (one value per channel) to every row of channels of `y`.
fn add_bias(y: &mut [f32], bias: &[f32]) {
    for row in y.chunks_exact_mut(bias.len()) {
        row.iter_mut().zip(bias).for_each(|(v, b)| *v += b);
    }
}

/// `y = act(x + bias)` with the channel as the last axis. `bias` may be empty.
pub struct BiasAct {
    pub bias: Vec<f32>,
    pub act: Activation,
}

impl CustomOp1 for BiasAct {
    fn name(&self) -> &'static str {
        "bias-act"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = f32_slice(s, l)?;
        let c = *l.shape().dims().last().unwrap_or(&1);
        let mut y = x.to_vec();
        if !self.bias.is_empty() {
            add_bias(&mut y, &self.bias);
        }
        self.act.apply(&mut y, c);
        Ok((CpuStorage::F32(y), l.shape().clone()))
    }
}

/// Element-wise `act(a + b)` for two tensors of the same shape.
pub struct AddAct(pub Activation);

impl CustomOp2 for AddAct {
    fn name(&self) -> &'static str {
        "add-act"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let (a, b) = (f32_slice(s1, l1)?, f32_slice(s2, l2)?);
        if l1.shape() != l2.shape() {
            candle_core::bail!("add-act shape mismatch {:?} {:?}", l1.shape(), l2.shape());
        }
        let mut y: Vec<f32> = a.iter().zip(b).map(|(x, y)| x + y).collect();
        self.0
            .apply(&mut y, *l1.shape().dims().last().unwrap_or(&1));
        Ok((CpuStorage::F32(y), l1.shape().clone()))
    }
}

/// Gathers k×k patches of an NHWC tensor (batch 1) into rows `[oh·ow, kh·kw·c]`, zero-padded,
/// in (ky, kx, c) order to match TFLite's `[O, kh, kw, I]` weights ([`Conv`]'s first step).
pub struct Im2Col {
    pub kh: usize,
    pub kw: usize,
    pub stride: usize,
    pub pad: Pad2,
}

impl Im2Col {
    /// The patch rows of an `h × w × c` input and the output's height and width.
    fn gather(&self, x: &[f32], h: usize, w: usize, c: usize) -> (Vec<f32>, usize, usize) {
        let oh = out_size(h, self.kh, self.stride, self.pad.top, self.pad.bottom);
        let ow = out_size(w, self.kw, self.stride, self.pad.left, self.pad.right);
        let row = self.kh * self.kw * c;
        let mut out = vec![0f32; oh * ow * row];
        for oy in 0..oh {
            for ox in 0..ow {
                let dst = &mut out[(oy * ow + ox) * row..(oy * ow + ox + 1) * row];
                for ky in 0..self.kh {
                    let iy = (oy * self.stride + ky) as isize - self.pad.top as isize;
                    if iy < 0 || iy >= h as isize {
                        continue;
                    }
                    for kx in 0..self.kw {
                        let ix = (ox * self.stride + kx) as isize - self.pad.left as isize;
                        if ix < 0 || ix >= w as isize {
                            continue;
                        }
                        let src = (iy as usize * w + ix as usize) * c;
                        let d = (ky * self.kw + kx) * c;
                        dst[d..d + c].copy_from_slice(&x[src..src + c]);
                    }
                }
            }
        }
        (out, oh, ow)
    }
}

/// A convolution on NHWC (batch 1) as one matrix product: the patch rows (or, for a 1×1 stride-1
/// convolution, the input itself) times `[k, n]` weights, plus the bias, then the activation.
pub struct Conv {
    /// `[kh·kw·cin, n]`, row-major, rows in im2col's (ky, kx, c) order.
    pub weight: Vec<f32>,
    /// Output channels.
    pub n: usize,
    /// `n` values (zeros for a layer without bias).
    pub bias: Vec<f32>,
    pub act: Activation,
    /// `None` for a 1×1 stride-1 convolution.
    pub patches: Option<Im2Col>,
}

impl CustomOp1 for Conv {
    fn name(&self) -> &'static str {
        "conv-nhwc"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = f32_slice(s, l)?;
        let (_, h, w, c) = l.shape().dims4()?;
        let gathered;
        let (lhs, oh, ow) = match &self.patches {
            Some(p) => {
                gathered = p.gather(x, h, w, c);
                (gathered.0.as_slice(), gathered.1, gathered.2)
            }
            None => (x, h, w),
        };
        let (m, n) = (oh * ow, self.n);
        let k = lhs.len() / m;
        if self.weight.len() != k * n || self.bias.len() != n {
            candle_core::bail!("conv: {m}×{k} input against {} weights", self.weight.len());
        }
        let mut out = vec![0f32; m * n];
        // SAFETY: `out` is m×n, `lhs` m×k and `weight` k×n, all row-major and contiguous, as the
        // strides passed say; the lengths were checked above.
        unsafe {
            gemm::gemm(
                m,
                n,
                k,
                out.as_mut_ptr(),
                1,
                n as isize,
                false,
                lhs.as_ptr(),
                1,
                k as isize,
                self.weight.as_ptr(),
                1,
                n as isize,
                0.0,
                1.0,
                false,
                false,
                false,
                gemm::Parallelism::None,
            );
        }
        // The bias is added after the product, not used as its starting value: gemm sums long
        // rows in blocks, and starting from the bias would round differently.
        add_bias(&mut out, &self.bias);
        self.act.apply(&mut out, n);
        Ok((CpuStorage::F32(out), Shape::from((1, oh, ow, n))))
    }
}

/// Depthwise k×k convolution on NHWC (batch 1) with bias and activation.
pub struct Depthwise {
    /// `[kh][kw][c]`, TFLite order.
    pub weight: Vec<f32>,
    pub bias: Vec<f32>,
    pub kh: usize,
    pub kw: usize,
    pub stride: usize,
    pub pad: Pad2,
    pub act: Activation,
}

impl CustomOp1 for Depthwise {
    fn name(&self) -> &'static str {
        "depthwise-nhwc"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = f32_slice(s, l)?;
        let (_, h, w, c) = l.shape().dims4()?;
        #[cfg(target_arch = "x86_64")]
        let (out, oh, ow) = if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked on the line above.
            unsafe { self.run_avx2(x, h, w, c) }
        } else {
            self.run(x, h, w, c)
        };
        #[cfg(not(target_arch = "x86_64"))]
        let (out, oh, ow) = self.run(x, h, w, c);
        Ok((CpuStorage::F32(out), Shape::from((1, oh, ow, c))))
    }
}

impl Depthwise {
    /// [`Depthwise::run`] compiled for AVX2: the channel loops run 8 lanes wide instead of the
    /// baseline target's 4. Multiplies and adds stay separate (no FMA), so the result is the
    /// same to the bit.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn run_avx2(&self, x: &[f32], h: usize, w: usize, c: usize) -> (Vec<f32>, usize, usize) {
        self.run(x, h, w, c)
    }

    /// The output (`oh × ow × c`) and its height and width.
    #[inline(always)]
    fn run(&self, x: &[f32], h: usize, w: usize, c: usize) -> (Vec<f32>, usize, usize) {
        let oh = out_size(h, self.kh, self.stride, self.pad.top, self.pad.bottom);
        let ow = out_size(w, self.kw, self.stride, self.pad.left, self.pad.right);
        let mut out = Vec::with_capacity(oh * ow * c);
        for _ in 0..oh * ow {
            out.extend_from_slice(&self.bias);
        }
        // Tap by tap over whole output rows rather than pixel by pixel: the inner loops then run
        // over contiguous channels without a bounds test per tap. Each pixel still sums its
        // taps in (ky, kx) order after the bias, so the result is the same to the bit.
        for (oy, dst_row) in out.chunks_exact_mut(ow * c).enumerate() {
            for ky in 0..self.kh {
                let iy = match (oy * self.stride + ky).checked_sub(self.pad.top) {
                    Some(iy) if iy < h => iy,
                    _ => continue,
                };
                let src_row = &x[iy * w * c..][..w * c];
                for kx in 0..self.kw {
                    let wk = &self.weight[(ky * self.kw + kx) * c..][..c];
                    // Output columns whose input column ox·stride + kx − left is in the row.
                    let first = self.pad.left.saturating_sub(kx).div_ceil(self.stride);
                    let end = (w + self.pad.left)
                        .saturating_sub(kx)
                        .div_ceil(self.stride)
                        .min(ow);
                    if first >= end {
                        continue;
                    }
                    let ix0 = first * self.stride + kx - self.pad.left;
                    let src = src_row[ix0 * c..].chunks_exact(c).step_by(self.stride);
                    for (d, s) in dst_row[first * c..end * c].chunks_exact_mut(c).zip(src) {
                        for ((d, s), k) in d.iter_mut().zip(s).zip(wk) {
                            *d += s * k;
                        }
                    }
                }
            }
        }
        self.act.apply(&mut out, c);
        (out, oh, ow)
    }
}

/// k×k max-pool with stride k on NHWC (batch 1); inputs divisible by k (checked at load).
pub struct MaxPool(pub usize);

impl CustomOp1 for MaxPool {
    fn name(&self) -> &'static str {
        "maxpool-nhwc"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = f32_slice(s, l)?;
        let (_, h, w, c) = l.shape().dims4()?;
        let k = self.0;
        let (oh, ow) = (h / k, w / k);
        let mut out = vec![f32::MIN; oh * ow * c];
        for oy in 0..oh {
            for ox in 0..ow {
                let dst = &mut out[(oy * ow + ox) * c..][..c];
                for dy in 0..k {
                    for dx in 0..k {
                        let src = &x[((oy * k + dy) * w + ox * k + dx) * c..][..c];
                        dst.iter_mut().zip(src).for_each(|(d, s)| *d = d.max(*s));
                    }
                }
            }
        }
        Ok((CpuStorage::F32(out), Shape::from((1, oh, ow, c))))
    }
}

/// k×k max-pool with any stride and explicit padding on NHWC (batch 1). Padded cells are
/// ignored (not zeros), as TF's 'SAME' max-pool does.
pub struct MaxPoolPadded {
    pub k: usize,
    pub stride: usize,
    pub pad: Pad2,
}

impl CustomOp1 for MaxPoolPadded {
    fn name(&self) -> &'static str {
        "maxpool-padded-nhwc"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = f32_slice(s, l)?;
        let (_, h, w, c) = l.shape().dims4()?;
        let oh = out_size(h, self.k, self.stride, self.pad.top, self.pad.bottom);
        let ow = out_size(w, self.k, self.stride, self.pad.left, self.pad.right);
        let mut out = vec![f32::NEG_INFINITY; oh * ow * c];
        for oy in 0..oh {
            let y0 = (oy * self.stride).saturating_sub(self.pad.top);
            let y1 = (oy * self.stride + self.k - self.pad.top).min(h);
            for ox in 0..ow {
                let x0 = (ox * self.stride).saturating_sub(self.pad.left);
                let x1 = (ox * self.stride + self.k - self.pad.left).min(w);
                let dst = &mut out[(oy * ow + ox) * c..][..c];
                for iy in y0..y1 {
                    for ix in x0..x1 {
                        let src = &x[(iy * w + ix) * c..][..c];
                        dst.iter_mut().zip(src).for_each(|(d, s)| *d = d.max(*s));
                    }
                }
            }
        }
        Ok((CpuStorage::F32(out), Shape::from((1, oh, ow, c))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::{Device, Tensor};

    fn pad(top: usize, bottom: usize, left: usize, right: usize) -> Pad2 {
        Pad2 {
            top,
            bottom,
            left,
            right,
        }
    }

    /// Test data: a deterministic spread of positive and negative values.
    fn values(n: usize, mul: usize, modulo: usize) -> Vec<f32> {
        (0..n)
            .map(|i| ((i * mul % modulo) as f32 - (modulo / 2) as f32) / 3.0)
            .collect()
    }

    /// The definition: each output pixel is its bias plus, in (ky, kx) order, every tap that
    /// falls inside the input.
    #[allow(clippy::too_many_arguments)]
    fn depthwise_by_definition(
        x: &[f32],
        (h, w, c): (usize, usize, usize),
        k: &[f32],
        bias: &[f32],
        (kh, kw): (usize, usize),
        stride: usize,
        p: Pad2,
    ) -> Vec<f32> {
        let oh = out_size(h, kh, stride, p.top, p.bottom);
        let ow = out_size(w, kw, stride, p.left, p.right);
        let mut out = Vec::new();
        for oy in 0..oh {
            for ox in 0..ow {
                for ch in 0..c {
                    let mut v = bias[ch];
                    for ky in 0..kh {
                        for kx in 0..kw {
                            let iy = (oy * stride + ky) as isize - p.top as isize;
                            let ix = (ox * stride + kx) as isize - p.left as isize;
                            if iy >= 0 && ix >= 0 && (iy as usize) < h && (ix as usize) < w {
                                let i = (iy as usize * w + ix as usize) * c + ch;
                                v += x[i] * k[(ky * kw + kx) * c + ch];
                            }
                        }
                    }
                    out.push(v);
                }
            }
        }
        out
    }

    /// Bit for bit the definition, for every geometry the graphs use: 3×3 and 5×5, strides 1
    /// and 2, symmetric and TF 'SAME' (bottom/right-heavy) padding, odd and SIMD-wide channels.
    #[test]
    fn depthwise_equals_its_definition_exactly() {
        let (h, w) = (9usize, 8usize);
        for c in [3usize, 8, 28] {
            let x = values(h * w * c, 37, 11);
            let bias = values(c, 5, 7);
            for (kk, stride, p) in [
                (3, 1, pad(1, 1, 1, 1)),
                (3, 2, pad(1, 1, 1, 1)),
                (3, 2, pad(0, 1, 0, 1)),
                (5, 1, pad(2, 2, 2, 2)),
                (5, 2, pad(1, 2, 1, 2)),
                (3, 1, Pad2::default()),
            ] {
                let k = values(kk * kk * c, 13, 7);
                let op = Depthwise {
                    weight: k.clone(),
                    bias: bias.clone(),
                    kh: kk,
                    kw: kk,
                    stride,
                    pad: p,
                    act: Activation::None,
                };
                let xt = Tensor::from_vec(x.clone(), (1, h, w, c), &Device::Cpu).unwrap();
                let got = xt.apply_op1_no_bwd(&op).unwrap();
                let want = depthwise_by_definition(&x, (h, w, c), &k, &bias, (kk, kk), stride, p);
                assert_eq!(
                    got.flatten_all().unwrap().to_vec1::<f32>().unwrap(),
                    want,
                    "c {c}, {kk}×{kk}, stride {stride}, {p:?}"
                );
            }
        }
    }

    /// The fused convolution (patches, product, bias, PReLU) against candle's conv2d followed by
    /// the same bias and PReLU written with candle's tensor ops.
    #[test]
    fn conv_matches_candle_conv2d_with_bias_and_prelu() {
        let dev = Device::Cpu;
        let (h, w, ci, co) = (9usize, 8usize, 5usize, 12usize);
        let x = values(h * w * ci, 37, 11);
        let xt = Tensor::from_vec(x, (1, h, w, ci), &dev).unwrap();
        let bias = values(co, 5, 7);
        let slopes: Vec<f32> = (0..co).map(|i| 0.1 * i as f32).collect();
        for (kk, stride) in [(3usize, 1usize), (3, 2), (1, 1), (1, 2)] {
            let k = values(co * kk * kk * ci, 13, 7);
            let kt = Tensor::from_vec(k, (co, kk, kk, ci), &dev).unwrap(); // TFLite [O,H,W,I]
            let p = kk / 2;
            let op = Conv {
                weight: kt
                    .reshape((co, kk * kk * ci))
                    .unwrap()
                    .t()
                    .unwrap()
                    .flatten_all()
                    .unwrap()
                    .to_vec1()
                    .unwrap(),
                n: co,
                bias: bias.clone(),
                act: Activation::Prelu(slopes.clone()),
                patches: (kk > 1 || stride > 1).then_some(Im2Col {
                    kh: kk,
                    kw: kk,
                    stride,
                    pad: pad(p, p, p, p),
                }),
            };
            let got = xt.apply_op1_no_bwd(&op).unwrap().flatten_all().unwrap();
            let conv = xt
                .permute((0, 3, 1, 2))
                .unwrap()
                .conv2d(
                    &kt.permute((0, 3, 1, 2)).unwrap().contiguous().unwrap(),
                    p,
                    stride,
                    1,
                    1,
                )
                .unwrap()
                .permute((0, 2, 3, 1))
                .unwrap()
                .broadcast_add(&Tensor::new(bias.as_slice(), &dev).unwrap())
                .unwrap();
            let a = Tensor::new(slopes.as_slice(), &dev).unwrap();
            let want = (conv.relu().unwrap()
                - conv
                    .neg()
                    .unwrap()
                    .relu()
                    .unwrap()
                    .broadcast_mul(&a)
                    .unwrap())
            .unwrap()
            .flatten_all()
            .unwrap();
            let diff = (got - want)
                .unwrap()
                .abs()
                .unwrap()
                .max_all()
                .unwrap()
                .to_scalar::<f32>()
                .unwrap();
            assert!(diff < 1e-4, "{kk}×{kk} stride {stride}: diff {diff}");
        }
    }

    #[test]
    fn prelu_scales_only_negative_values_per_channel() {
        let t =
            Tensor::from_vec(vec![-2.0f32, -2.0, 3.0, 3.0], (1, 1, 2, 2), &Device::Cpu).unwrap();
        let y = t
            .apply_op1_no_bwd(&BiasAct {
                bias: vec![],
                act: Activation::Prelu(vec![0.5, 0.25]),
            })
            .unwrap();
        assert_eq!(
            y.flatten_all().unwrap().to_vec1::<f32>().unwrap(),
            vec![-1.0, -0.5, 3.0, 3.0]
        );
    }

    #[test]
    fn padded_max_pool_ignores_the_padding() {
        // 4×4 single channel, all negative: a zero padding would wrongly win the border windows.
        let x: Vec<f32> = (0..16).map(|i| -(i as f32) - 1.0).collect();
        let t = Tensor::from_vec(x, (1, 4, 4, 1), &Device::Cpu).unwrap();
        let pool = MaxPoolPadded {
            k: 3,
            stride: 2,
            pad: Pad2 {
                top: 0,
                bottom: 1,
                left: 0,
                right: 1,
            },
        };
        let y = t.apply_op1_no_bwd(&pool).unwrap();
        assert_eq!(y.dims(), &[1, 2, 2, 1]);
        // Windows: rows/cols {0,1,2} and {2,3}; the max is the top-left value of each.
        assert_eq!(
            y.flatten_all().unwrap().to_vec1::<f32>().unwrap(),
            vec![-1.0, -3.0, -9.0, -11.0]
        );
    }
}
