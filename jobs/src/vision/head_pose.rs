//! Head pose from the face mesh: which way the face points, as yaw and pitch.
//!
//! The method is MediaPipe's face geometry pipeline's: its canonical face model (a 3-D face in
//! centimetres, `models/face_geometry.safetensors`, docs/models.md) is fitted to the mesh's 3-D
//! landmarks by weighted orthogonal Procrustes on the 33 landmarks and weights MediaPipe chose
//! (rigid parts: eye corners, nose, forehead, cheekbones, jaw; not the lips or brows, which move
//! with expression). MediaPipe fits in a metric space built from a perspective camera of assumed
//! field of view; the mesh here already gives depth in the image's pixel scale, so the fit is
//! made there: a weak-perspective camera, right while the face's depth is small against its
//! distance from the lens.
//!
//! Yaw and pitch are read off where the fitted face's front points, so they do not depend on an
//! Euler-angle order; roll stays the eye line's (`ImageQuality::roll_deg`).

use std::sync::LazyLock;

use candle_core::{safetensors::load_buffer, Device, Tensor};
use nalgebra::{Matrix3, Vector3};

use super::error::VisionError;

/// Which way the face points, degrees; 0 and 0 for a face looking straight into the lens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeadPose {
    /// Positive when the face turns toward the photo's right (the subject's left).
    pub yaw_deg: f32,
    /// Positive when the face tilts up (chin raised).
    pub pitch_deg: f32,
}

/// The canonical model's Procrustes landmarks: mesh index, position in image axes, weight.
pub struct Canonical {
    basis: Vec<(usize, Vector3<f64>, f64)>,
}

static CANONICAL: LazyLock<Canonical> = LazyLock::new(|| {
    Canonical::parse(include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/face_geometry.safetensors"
    )))
    .expect("the embedded canonical face model parses (tested)")
});

fn vec_of<T: candle_core::WithDType>(
    t: &std::collections::HashMap<String, Tensor>,
    name: &str,
) -> Result<Vec<T>, VisionError> {
    t.get(name)
        .ok_or_else(|| VisionError::Model(format!("face geometry: no {name}")))?
        .flatten_all()
        .and_then(|v| v.to_vec1())
        .map_err(|e| VisionError::Model(format!("face geometry {name}: {e}")))
}

impl Canonical {
    /// Reads `face_geometry.safetensors` (written by models/convert/convert_face_geometry.py).
    pub fn parse(bytes: &[u8]) -> Result<Canonical, VisionError> {
        let t = load_buffer(bytes, &Device::Cpu)
            .map_err(|e| VisionError::Model(format!("face geometry: {e}")))?;
        let vertices: Vec<f32> = vec_of(&t, "canonical_vertices")?;
        let ids: Vec<u32> = vec_of(&t, "procrustes_landmarks")?;
        let weights: Vec<f32> = vec_of(&t, "procrustes_weights")?;
        if vertices.len() != 468 * 3 || ids.len() != weights.len() {
            return Err(VisionError::Model(
                "face geometry: unexpected shapes".into(),
            ));
        }
        let basis = ids
            .iter()
            .zip(&weights)
            .map(|(&id, &w)| {
                let v = &vertices[3 * id as usize..3 * id as usize + 3];
                // The model's axes are +y up, +z out of the face; the image's are y down and
                // depth growing away from the lens: a half turn about x, a proper rotation.
                let image_axes = Vector3::new(v[0], -v[1], -v[2]).cast::<f64>();
                (id as usize, image_axes, f64::from(w))
            })
            .collect();
        Ok(Canonical { basis })
    }

    /// The rotation taking the canonical face to `points` (the mesh's 468 landmarks, x and y in
    /// image pixels, z depth in the same scale): weighted orthogonal Procrustes (Kabsch).
    pub fn rotation(&self, points: &[[f32; 3]]) -> Matrix3<f64> {
        let total: f64 = self.basis.iter().map(|b| b.2).sum();
        let mesh = |i: usize| Vector3::from(points[i]).cast::<f64>();
        let (mut c0, mut p0) = (Vector3::zeros(), Vector3::zeros());
        for &(i, c, w) in &self.basis {
            c0 += c * w;
            p0 += mesh(i) * w;
        }
        (c0, p0) = (c0 / total, p0 / total);
        let mut h = Matrix3::zeros();
        for &(i, c, w) in &self.basis {
            h += (c - c0) * (mesh(i) - p0).transpose() * w;
        }
        let svd = h.svd(true, true);
        let (u, v_t) = (svd.u.expect("u requested"), svd.v_t.expect("v requested"));
        // A reflection fits a mirrored face better than any rotation only for degenerate input;
        // the determinant's sign keeps the answer a rotation.
        let d = (v_t.transpose() * u.transpose()).determinant().signum();
        v_t.transpose() * Matrix3::from_diagonal(&Vector3::new(1.0, 1.0, d)) * u.transpose()
    }

    /// Head pose of a face with these mesh landmarks.
    pub fn pose(&self, points: &[[f32; 3]]) -> HeadPose {
        // The face's front is the model's +z, which is −z (toward the lens) in image axes.
        let front = self.rotation(points) * Vector3::new(0.0, 0.0, -1.0);
        let level = front.x.hypot(front.z);
        HeadPose {
            yaw_deg: front.x.atan2(-front.z).to_degrees() as f32,
            pitch_deg: (-front.y).atan2(level).to_degrees() as f32,
        }
    }
}

/// Head pose of a face with these mesh landmarks, against MediaPipe's canonical face.
pub fn head_pose(points: &[[f32; 3]]) -> HeadPose {
    CANONICAL.pose(points)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nalgebra::Rotation3;

    /// The canonical face's 468 vertices in image axes, posed by `rot`, scaled to pixels and
    /// placed in a photo: what a perfect mesh would return for that pose (weak perspective).
    fn posed_face(rot: Rotation3<f64>) -> Vec<[f32; 3]> {
        let t = load_buffer(
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/models/face_geometry.safetensors"
            )),
            &Device::Cpu,
        )
        .unwrap();
        let v: Vec<f32> = vec_of(&t, "canonical_vertices").unwrap();
        v.chunks(3)
            .map(|c| {
                let p = rot * Vector3::new(c[0], -c[1], -c[2]).cast::<f64>() * 9.0
                    + Vector3::new(400.0, 300.0, 0.0);
                [p.x as f32, p.y as f32, p.z as f32]
            })
            .collect()
    }

    /// A pose as a rotation in image axes: turn about the vertical (yaw; toward the photo's
    /// right is positive), then tilt (pitch; chin up is positive), then roll in the image plane.
    fn rotation(yaw: f64, pitch: f64, roll: f64) -> Rotation3<f64> {
        let (yaw, pitch, roll) = (yaw.to_radians(), pitch.to_radians(), roll.to_radians());
        // In image axes (y down, z away from the lens) turning the front (−z) toward +x is a
        // negative turn about y, and raising it toward −y a negative turn about x.
        Rotation3::from_axis_angle(&Vector3::z_axis(), roll)
            * Rotation3::from_axis_angle(&Vector3::x_axis(), -pitch)
            * Rotation3::from_axis_angle(&Vector3::y_axis(), -yaw)
    }

    #[test]
    fn the_canonical_model_is_embedded_with_its_33_procrustes_landmarks() {
        assert_eq!(CANONICAL.basis.len(), 33);
        assert!(CANONICAL.basis.iter().all(|b| b.0 < 468 && b.2 > 0.0));
    }

    #[test]
    fn a_frontal_face_has_no_yaw_or_pitch_whatever_its_roll() {
        for roll in [0.0, 12.0, -30.0] {
            let p = head_pose(&posed_face(rotation(0.0, 0.0, roll)));
            assert!(
                p.yaw_deg.abs() < 0.01 && p.pitch_deg.abs() < 0.01,
                "{roll}: {p:?}"
            );
        }
    }

    #[test]
    fn known_poses_are_recovered() {
        for (yaw, pitch, roll) in [
            (25.0, 0.0, 0.0),
            (-40.0, 0.0, 0.0),
            (0.0, 15.0, 0.0),
            (0.0, -20.0, 0.0),
            (30.0, -10.0, 8.0),
            (-15.0, 12.0, -20.0),
        ] {
            let p = head_pose(&posed_face(rotation(yaw, pitch, roll)));
            let front = rotation(yaw, pitch, roll) * Vector3::new(0.0, 0.0, -1.0);
            // The pose's own definition: where the front points.
            let want_yaw = front.x.atan2(-front.z).to_degrees();
            let want_pitch = (-front.y).atan2(front.x.hypot(front.z)).to_degrees();
            assert!(
                (f64::from(p.yaw_deg) - want_yaw).abs() < 0.01
                    && (f64::from(p.pitch_deg) - want_pitch).abs() < 0.01,
                "{yaw}/{pitch}/{roll}: {p:?}"
            );
            // Without roll the turns are the ones applied.
            if roll == 0.0 && (yaw == 0.0 || pitch == 0.0) {
                assert!((f64::from(p.yaw_deg) - yaw).abs() < 0.01, "{p:?}");
                assert!((f64::from(p.pitch_deg) - pitch).abs() < 0.01, "{p:?}");
            }
        }
    }

    #[test]
    fn landmark_noise_moves_the_pose_little() {
        // ±1 px of independent noise on a face 9 px/cm (eyes ≈ 80 px apart), as a mesh's error.
        let mut face = posed_face(rotation(20.0, -8.0, 0.0));
        let mut state = 12345u32;
        for p in &mut face {
            for v in p.iter_mut() {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                *v += (state >> 8) as f32 / (1u32 << 24) as f32 * 2.0 - 1.0;
            }
        }
        let p = head_pose(&face);
        assert!(
            (p.yaw_deg - 20.0).abs() < 1.5 && (p.pitch_deg + 8.0).abs() < 1.5,
            "{p:?}"
        );
    }
}
