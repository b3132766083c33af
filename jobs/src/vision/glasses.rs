//! Glasses on the face: found by the bar their bridge lays across the nose, and answered by
//! leaving the spectacle zone (rims and the skin seen through the lenses) out of the skin — but
//! for the eye bags' bands, whose grooves are shading that clear lenses pass (`regions`).
//!
//! Why: frames whose colour is close to skin (translucent, tortoiseshell, gold) pass the colour
//! gate in `regions`, and their rims and bridge then read as lines and red spots, while the skin
//! behind the lenses is tinted, reflected and magnified by them. On grace_hopper.jpg four of six
//! acne lesions lay on the glasses, and her crow's-feet sites were slivers between the rims.
//!
//! How: between the inner eye corners, from above the nose bridge landmark to below the corners,
//! the rows' median CIELAB colour over the nose's middle (± 0.1 IOD) makes a vertical profile.
//! Bare skin there changes slowly (the fixtures without glasses, at 0.8–1.3×: at most 6.3 ΔE); a
//! bridge is a bar of another colour or lightness across it (grace_hopper.jpg: 34–36). The
//! largest contrast — a step across 0.06 IOD, or a bar against both its sides 0.04 IOD away —
//! above [`BRIDGE_DELTA_E`] means glasses.
//! Limits: rimless glasses and a bridge hidden by hair or a hand are missed; a thin bridge of a
//! colour close to skin may be. The zone is a typical lens's size around each eye, not the
//! frame's traced outline: a much larger frame's outer rim can stay in the skin.

use super::face_frame::CanonicalFace;
use super::lab::delta_e;
use super::landmarks_idx::{
    LEFT_EYE_INNER, LEFT_EYE_OUTER, NOSE_BRIDGE, RIGHT_EYE_INNER, RIGHT_EYE_OUTER,
};
use super::raster::Mask;
use super::regions::median;

/// Bridge contrast (CIELAB ΔE) above which the face wears glasses: between the fixtures without
/// glasses (≤ 6.3) and the frames drawn in the tests (the faintest, a thin gold wire, 22.8).
pub const BRIDGE_DELTA_E: f32 = 12.0;

/// The spectacle zone around each eye: an ellipse of these semi-axes (IOD), centred on the
/// eye's corners' midpoint moved down by `LENS_DROP_IOD`. A typical lens is 48–55 mm wide and
/// 30–45 mm tall, with the pupil a little above its middle; eyes are ≈ 63 mm apart.
const LENS_HALF_WIDTH_IOD: f32 = 0.48;
const LENS_HALF_HEIGHT_IOD: f32 = 0.36;
const LENS_DROP_IOD: f32 = 0.05;
/// Half-height of the band left out across the nose, IOD. A bridge is 3–8 mm tall (≈ 0.05–0.13
/// IOD) and the row found may be either of its edges (a step) or its middle (a bar), so the band
/// reaches a tall bridge's height either side. (At ± 0.06, the upper half of grace_hopper.jpg's
/// peach bridge stayed in the skin and read as an acne lesion.)
const BRIDGE_BAND_IOD: f32 = 0.13;

/// What was measured across the nose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bridge {
    /// The largest contrast in the profile, ΔE.
    pub delta_e: f32,
    /// The crop row where it lies.
    pub row: f32,
}

impl Bridge {
    pub fn glasses(&self) -> bool {
        self.delta_e > BRIDGE_DELTA_E
    }
}

/// The contrast across the nose between the eyes (see the module's doc).
pub fn bridge(face: &CanonicalFace) -> Bridge {
    let (iod, n) = (face.iod, face.lab.width);
    let (ri, li) = (face.pt(RIGHT_EYE_INNER), face.pt(LEFT_EYE_INNER));
    let mid = (ri[0] + li[0]) / 2.0;
    let clamp = |v: f32| (v.max(0.0) as usize).min(n - 1);
    let (x0, x1) = (clamp(mid - 0.1 * iod), clamp(mid + 0.1 * iod) + 1);
    let (y0, y1) = (
        clamp(face.pt(NOSE_BRIDGE)[1] - 0.15 * iod),
        clamp((ri[1] + li[1]) / 2.0 + 0.1 * iod) + 1,
    );
    let lab = &face.lab;
    let profile: Vec<[f32; 3]> = (y0..y1)
        .map(|y| {
            [&lab.l, &lab.a, &lab.b]
                .map(|c| median((x0..x1).map(|x| c[y * n + x]).collect()).unwrap_or(0.0))
        })
        .collect();
    let (step, bar) = (
        (0.03 * iod).round().max(1.0) as usize,
        (0.04 * iod).round().max(1.0) as usize,
    );
    let mut best = Bridge {
        delta_e: 0.0,
        row: y0 as f32,
    };
    for i in 0..profile.len() {
        let at = |k: isize| profile.get(i.checked_add_signed(k)?).copied();
        let mut e = 0.0f32;
        if let (Some(a), Some(b)) = (at(-(step as isize)), at(step as isize)) {
            e = e.max(delta_e(a, b));
        }
        if let (Some(a), Some(b)) = (at(-(bar as isize)), at(bar as isize)) {
            e = e.max(delta_e(profile[i], a).min(delta_e(profile[i], b)));
        }
        if e > best.delta_e {
            best = Bridge {
                delta_e: e,
                row: (y0 + i) as f32,
            };
        }
    }
    best
}

/// The spectacle zone of a face wearing glasses: a lens-sized ellipse around each eye and the
/// band between them across the nose where the bridge lies (`bridge_row` ± [`BRIDGE_BAND_IOD`]).
pub fn zone(face: &CanonicalFace, bridge_row: f32) -> Mask {
    let iod = face.iod;
    let n = face.lab.width;
    let centre = |inner: usize, outer: usize| {
        let (a, b) = (face.pt(inner), face.pt(outer));
        [
            (a[0] + b[0]) / 2.0,
            (a[1] + b[1]) / 2.0 + LENS_DROP_IOD * iod,
        ]
    };
    let lenses = [
        centre(RIGHT_EYE_INNER, RIGHT_EYE_OUTER),
        centre(LEFT_EYE_INNER, LEFT_EYE_OUTER),
    ];
    let (ax, ay) = (LENS_HALF_WIDTH_IOD * iod, LENS_HALF_HEIGHT_IOD * iod);
    let (left, right) = (
        lenses[0][0].min(lenses[1][0]),
        lenses[0][0].max(lenses[1][0]),
    );
    Mask::from_fn(n, n, |x, y| {
        let in_lens = lenses
            .iter()
            .any(|c| ((x - c[0]) / ax).powi(2) + ((y - c[1]) / ay).powi(2) <= 1.0);
        let on_bridge = x > left && x < right && (y - bridge_row).abs() <= BRIDGE_BAND_IOD * iod;
        in_lens || on_bridge
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{fixture_face, fixture_photo, landmarks_of, repaint};
    use image::imageops::FilterType;

    /// Black-or-coloured frames as a test draws them, around eye centres `rc`, `lc` (eye
    /// corners' midpoints) of a face with eyes `iod` apart: elliptical rims (0.42 × 0.3 IOD
    /// semi-axes) `thick` IOD wide, and a bridge `tall` IOD high 0.06 IOD above the inner
    /// corners' midline `inner_y`. True on the frame's pixels.
    fn frames(
        rc: [f32; 2],
        lc: [f32; 2],
        inner_y: f32,
        iod: f32,
        thick: f32,
        tall: f32,
    ) -> impl Fn(f32, f32) -> bool {
        let (ax, ay, t) = (0.42 * iod, 0.3 * iod, thick * iod);
        let bridge_y = inner_y - 0.06 * iod;
        move |x, y| {
            let rim = [rc, lc].iter().any(|c| {
                let r = (((x - c[0]) / ax).powi(2) + ((y - c[1]) / ay).powi(2)).sqrt();
                (r - 1.0).abs() * ax.min(ay) < t / 2.0
            });
            let bridge = x > rc[0] + 0.9 * ax
                && x < lc[0] - 0.9 * ax
                && (y - bridge_y).abs() < tall * iod / 2.0;
            rim || bridge
        }
    }

    /// Bare faces read a gentle bridge; grace_hopper.jpg's glasses a bar, at three sizes.
    #[test]
    fn the_bridge_of_glasses_is_found_and_bare_noses_are_not() {
        for (file, glasses) in [
            ("astronaut.png", false),
            ("obama.jpg", false),
            ("obama2.jpg", false),
            ("biden.jpg", false),
            ("grace_hopper.jpg", true),
        ] {
            let img = fixture_photo(file);
            let (w, h) = img.dimensions();
            for s in [0.8f32, 1.0, 1.3] {
                let (sw, sh) = ((w as f32 * s) as u32, (h as f32 * s) as u32);
                let img = image::imageops::resize(&img, sw, sh, FilterType::CatmullRom);
                let face = CanonicalFace::new(&img, &landmarks_of(&img));
                let b = bridge(&face);
                eprintln!("{file} ×{s}: {b:?}");
                assert_eq!(b.glasses(), glasses, "{file} ×{s}: {b:?}");
                let margin = if glasses { 2.0 } else { 0.6 } * BRIDGE_DELTA_E;
                assert!(
                    if glasses {
                        b.delta_e > margin
                    } else {
                        b.delta_e < margin
                    },
                    "{file} ×{s}: {b:?} too close to the threshold"
                );
            }
        }
    }

    /// Frames drawn on obama.jpg's canonical face — thick black, tortoiseshell, a thin gold
    /// wire, and peach acetate with a tall bridge (grace_hopper.jpg's kind: 0.12 IOD, ≈ 7.5 mm)
    /// — are found, and their rims and bridge leave the skin.
    #[test]
    fn drawn_frames_are_found_and_leave_the_skin() {
        use crate::vision::regions::Regions;
        // (name, colour, rim thickness, bridge height), IOD.
        for (name, colour, thick, tall) in [
            ("black", [25u8, 22, 20], 0.06f32, 0.06f32),
            ("tortoiseshell", [120, 72, 40], 0.05, 0.05),
            ("gold wire", [170, 140, 70], 0.025, 0.025),
            ("peach, tall bridge", [210, 130, 75], 0.04, 0.12),
        ] {
            let (mut face, bare) = fixture_face("obama.jpg");
            let iod = face.iod;
            let c = |i: usize, o: usize| {
                let (a, b) = (face.pt(i), face.pt(o));
                [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0 + 0.03 * iod]
            };
            let (rc, lc) = (
                c(RIGHT_EYE_INNER, RIGHT_EYE_OUTER),
                c(LEFT_EYE_INNER, LEFT_EYE_OUTER),
            );
            let inner_y = (face.pt(RIGHT_EYE_INNER)[1] + face.pt(LEFT_EYE_INNER)[1]) / 2.0;
            let on_frame = frames(rc, lc, inner_y, iod, thick, tall);
            repaint(&mut face, |x, y, p| {
                if on_frame(x as f32, y as f32) {
                    colour
                } else {
                    p
                }
            });
            let b = bridge(&face);
            eprintln!("{name}: {b:?}");
            assert!(b.glasses(), "{name}: {b:?}");
            assert!(face.spectacles.is_some(), "{name}");
            let regions = Regions::new(&face);
            // The rims' and the bridge's pixels are no longer skin.
            let rim_skin = Mask::from_fn(face.lab.width, face.lab.width, &on_frame)
                .and(&regions.skin)
                .count();
            let before = bare.skin.count();
            eprintln!(
                "{name}: rim pixels left in the skin {rim_skin}, skin {before} → {}",
                regions.skin.count()
            );
            assert_eq!(rim_skin, 0, "{name}");
        }
    }

    /// A blurred face reads as blurred with glasses on: the frames' rims are steps without an
    /// eyelid's softness, and measured with the features they read sharper (obama.jpg's crop
    /// blurred by 2 px with black frames drawn first: 1.6 px against 2.3 bare; 2.1 with the
    /// zone left out). The blur is measured outside the spectacle zone.
    #[test]
    fn frames_do_not_make_a_blurred_face_read_sharp() {
        let (face, _) = fixture_face("obama.jpg");
        let photo = face.rgb.clone();
        let lm = landmarks_of(&photo);
        let p = |i: usize| [lm.points[i][0], lm.points[i][1]];
        let mid = |a: [f32; 2], b: [f32; 2]| [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
        let (rc, lc) = (
            mid(p(RIGHT_EYE_INNER), p(RIGHT_EYE_OUTER)),
            mid(p(LEFT_EYE_INNER), p(LEFT_EYE_OUTER)),
        );
        let iod = (lc[0] - rc[0]).hypot(lc[1] - rc[1]);
        let inner_y = mid(p(RIGHT_EYE_INNER), p(LEFT_EYE_INNER))[1];
        let on_frame = frames(rc, lc, inner_y, iod, 0.06, 0.12);
        let mut framed = photo.clone();
        for (x, y, px) in framed.enumerate_pixels_mut() {
            if on_frame(x as f32, y as f32) {
                px.0 = [25, 22, 20];
            }
        }
        for sigma in [2.0f32, 3.0] {
            let bare = image::imageops::blur(&photo, sigma);
            let lm = landmarks_of(&bare);
            let bare = CanonicalFace::new(&bare, &lm);
            let glasses = CanonicalFace::new(&image::imageops::blur(&framed, sigma), &lm);
            eprintln!(
                "σ {sigma}: bare {:.2}, glasses {:.2}",
                bare.blur(),
                glasses.blur()
            );
            assert!(bare.spectacles.is_none() && glasses.spectacles.is_some());
            assert!((glasses.blur() - bare.blur()).abs() <= 0.25, "σ {sigma}");
        }
    }
}
