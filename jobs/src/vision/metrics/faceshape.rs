//! faceshape: Oval, Round, Square, Heart, Oblong or Diamond from landmark proportions.

use super::super::face_frame::CanonicalFace;
use super::super::landmarks_idx::*;

/// Face widths and length, in IODs.
#[derive(Debug, Clone, Copy)]
pub struct Proportions {
    /// Top of the mesh (landmark 10, upper forehead) to chin (152).
    pub length: f32,
    /// Temple to temple (54–284).
    pub forehead: f32,
    /// Cheekbone to cheekbone (234–454), the widest line.
    pub cheekbones: f32,
    /// Jaw angle to jaw angle (172–397).
    pub jaw: f32,
}

pub fn proportions(face: &CanonicalFace) -> Proportions {
    let d = |a: usize, b: usize| {
        let (p, q) = (face.pt(a), face.pt(b));
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt() / face.iod
    };
    Proportions {
        length: d(FOREHEAD_TOP, CHIN),
        forehead: d(RIGHT_TEMPLE, LEFT_TEMPLE),
        cheekbones: d(RIGHT_CHEEKBONE, LEFT_CHEEKBONE),
        jaw: d(RIGHT_JAW, LEFT_JAW),
    }
}

/// **Face shape** — rules on ratios (length/cheekbones `r`, forehead/cheekbones `f`,
/// jaw/cheekbones `j`), checked in order: `r ≥ 1.42` Oblong; `f < 0.84 && j < 0.80` Diamond;
/// `f ≥ 0.90 && j < 0.76` Heart; `r < 1.18`: Square if `j ≥ 0.86` else Round; `j ≥ 0.90` Square;
/// otherwise Oval. The mesh's top point sits below the hairline, so `r` is smaller than a
/// hairline-to-chin ratio. Limits: hair covering the temples, head yaw and pitch change widths;
/// thresholds are heuristic, not validated against expert labels.
pub fn classify(p: Proportions) -> &'static str {
    let (r, f, j) = (
        p.length / p.cheekbones,
        p.forehead / p.cheekbones,
        p.jaw / p.cheekbones,
    );
    if r >= 1.42 {
        "Oblong"
    } else if f < 0.84 && j < 0.80 {
        "Diamond"
    } else if f >= 0.90 && j < 0.76 {
        "Heart"
    } else if r < 1.18 {
        if j >= 0.86 {
            "Square"
        } else {
            "Round"
        }
    } else if j >= 0.90 {
        "Square"
    } else {
        "Oval"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(length: f32, forehead: f32, jaw: f32) -> Proportions {
        Proportions {
            length,
            forehead,
            cheekbones: 1.0,
            jaw,
        }
    }

    #[test]
    fn proportions_map_to_the_documented_shapes() {
        assert_eq!(classify(p(1.5, 0.9, 0.8)), "Oblong");
        assert_eq!(classify(p(1.3, 0.8, 0.7)), "Diamond");
        assert_eq!(classify(p(1.3, 0.95, 0.7)), "Heart");
        assert_eq!(classify(p(1.1, 0.9, 0.8)), "Round");
        assert_eq!(classify(p(1.1, 0.9, 0.9)), "Square");
        assert_eq!(classify(p(1.3, 0.9, 0.82)), "Oval");
    }
}
