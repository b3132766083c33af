//! CPU kernels (candle custom ops) for NHWC inference.
//!
//! The converted graphs run in TFLite's NHWC layout: then 1×1 convolutions are plain matrix
//! products (candle's gemm), k×k convolutions are an im2col gather plus a matrix product, and
//! per-channel work (bias, PReLU, depthwise) runs over the contiguous channel axis. candle's own
//! `conv2d` is NCHW and splits grouped convolutions into one convolution per channel, which was
//! 5× slower on these small graphs.

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
        for row in y.chunks_mut(c) {
            if !self.bias.is_empty() {
                row.iter_mut().zip(&self.bias).for_each(|(v, b)| *v += b);
            }
            match &self.act {
                Activation::None => {}
                Activation::Relu => row.iter_mut().for_each(|v| *v = v.max(0.0)),
                Activation::Prelu(a) => row.iter_mut().zip(a).for_each(|(v, a)| {
                    if *v < 0.0 {
                        *v *= a
                    }
                }),
            }
        }
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
        let c = *l1.shape().dims().last().unwrap_or(&1);
        match &self.0 {
            Activation::None => {}
            Activation::Relu => y.iter_mut().for_each(|v| *v = v.max(0.0)),
            Activation::Prelu(al) => y.chunks_mut(c).for_each(|r| {
                r.iter_mut().zip(al).for_each(|(v, a)| {
                    if *v < 0.0 {
                        *v *= a
                    }
                })
            }),
        }
        Ok((CpuStorage::F32(y), l1.shape().clone()))
    }
}

/// Gathers k×k patches of an NHWC tensor (batch 1) into rows `[oh·ow, kh·kw·c]`, zero-padded,
/// in (ky, kx, c) order to match TFLite's `[O, kh, kw, I]` weights.
pub struct Im2Col {
    pub kh: usize,
    pub kw: usize,
    pub stride: usize,
    pub pad: Pad2,
}

impl CustomOp1 for Im2Col {
    fn name(&self) -> &'static str {
        "im2col-nhwc"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let x = f32_slice(s, l)?;
        let (_, h, w, c) = l.shape().dims4()?;
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
        Ok((CpuStorage::F32(out), Shape::from((oh * ow, row))))
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
        let oh = out_size(h, self.kh, self.stride, self.pad.top, self.pad.bottom);
        let ow = out_size(w, self.kw, self.stride, self.pad.left, self.pad.right);
        let mut out = vec![0f32; oh * ow * c];
        for oy in 0..oh {
            for ox in 0..ow {
                let dst = &mut out[(oy * ow + ox) * c..(oy * ow + ox + 1) * c];
                dst.copy_from_slice(&self.bias);
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
                        let src = &x[(iy as usize * w + ix as usize) * c..][..c];
                        let wk = &self.weight[(ky * self.kw + kx) * c..][..c];
                        for ((d, s), k) in dst.iter_mut().zip(src).zip(wk) {
                            *d += s * k;
                        }
                    }
                }
                match &self.act {
                    Activation::None => {}
                    Activation::Relu => dst.iter_mut().for_each(|v| *v = v.max(0.0)),
                    Activation::Prelu(a) => dst.iter_mut().zip(a).for_each(|(v, a)| {
                        if *v < 0.0 {
                            *v *= a
                        }
                    }),
                }
            }
        }
        Ok((CpuStorage::F32(out), Shape::from((1, oh, ow, c))))
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

    /// Conv via im2col + matmul equals candle's reference conv2d (NCHW) on the same data.
    #[test]
    fn im2col_matmul_matches_candle_conv2d() {
        let dev = Device::Cpu;
        let (h, w, ci, co) = (7usize, 6usize, 3usize, 4usize);
        let x: Vec<f32> = (0..h * w * ci)
            .map(|i| ((i * 37 % 11) as f32 - 5.0) / 3.0)
            .collect();
        let k: Vec<f32> = (0..co * 9 * ci)
            .map(|i| ((i * 13 % 7) as f32 - 3.0) / 4.0)
            .collect();
        let xt = Tensor::from_vec(x, (1, h, w, ci), &dev).unwrap();
        let kt = Tensor::from_vec(k, (co, 3, 3, ci), &dev).unwrap(); // TFLite [O,H,W,I]
        for stride in [1, 2] {
            let pad = Pad2 {
                top: 1,
                bottom: 1,
                left: 1,
                right: 1,
            };
            let cols = xt
                .apply_op1_no_bwd(&Im2Col {
                    kh: 3,
                    kw: 3,
                    stride,
                    pad,
                })
                .unwrap();
            let got = cols
                .matmul(&kt.reshape((co, 9 * ci)).unwrap().t().unwrap())
                .unwrap();
            let want = xt
                .permute((0, 3, 1, 2))
                .unwrap()
                .conv2d(
                    &kt.permute((0, 3, 1, 2)).unwrap().contiguous().unwrap(),
                    1,
                    stride,
                    1,
                    1,
                )
                .unwrap()
                .permute((0, 2, 3, 1))
                .unwrap()
                .flatten_all()
                .unwrap();
            let diff = (got.flatten_all().unwrap() - want)
                .unwrap()
                .abs()
                .unwrap()
                .max_all()
                .unwrap();
            assert!(diff.to_scalar::<f32>().unwrap() < 1e-4, "stride {stride}");
        }
    }

    #[test]
    fn depthwise_matches_grouped_conv2d() {
        let dev = Device::Cpu;
        let (h, w, c) = (7usize, 8usize, 3usize);
        let x: Vec<f32> = (0..h * w * c)
            .map(|i| ((i * 37 % 11) as f32 - 5.0) / 3.0)
            .collect();
        let k: Vec<f32> = (0..9 * c)
            .map(|i| ((i * 13 % 7) as f32 - 3.0) / 4.0)
            .collect();
        let xt = Tensor::from_vec(x, (1, h, w, c), &dev).unwrap();
        let kt = Tensor::from_vec(k.clone(), (3, 3, c), &dev).unwrap();
        for stride in [1, 2] {
            let op = Depthwise {
                weight: k.clone(),
                bias: vec![0.0; c],
                kh: 3,
                kw: 3,
                stride,
                pad: Pad2 {
                    top: 1,
                    bottom: 1,
                    left: 1,
                    right: 1,
                },
                act: Activation::None,
            };
            let got = xt
                .apply_op1_no_bwd(&op)
                .unwrap()
                .permute((0, 3, 1, 2))
                .unwrap();
            let kn = kt
                .permute((2, 0, 1))
                .unwrap()
                .reshape((c, 1, 3, 3))
                .unwrap();
            let want = xt
                .permute((0, 3, 1, 2))
                .unwrap()
                .conv2d(&kn, 1, stride, 1, c)
                .unwrap();
            let diff = (got - want)
                .unwrap()
                .abs()
                .unwrap()
                .max_all()
                .unwrap()
                .to_scalar::<f32>()
                .unwrap();
            assert!(diff < 1e-5, "stride {stride}: diff {diff}");
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
