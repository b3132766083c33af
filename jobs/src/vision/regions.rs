//! Face regions on the canonical crop, built from the 468 landmarks.
//!
//! Region shapes are either landmark contours (face oval, eyes, brows, lips) or constructions in
//! the face frame measured in IODs (e.g. the under-eye band is the lower lid shifted down by
//! 0.05–0.33 IOD), so they scale with the face. Every skin region is intersected with `skin`,
//! which excludes eyes, brows, lips, nostrils, hair and background.

use super::cores::join;
use super::face_frame::CanonicalFace;
use super::filters::{gaussian, Plane};
use super::iris::Iris;
use super::landmarks_idx::*;
use super::raster::{components, Mask};

/// All region masks of one face, in canonical-crop pixels.
#[derive(Clone)]
pub struct Regions {
    /// Inside the face silhouette and the photo.
    pub face: Mask,
    /// The share (0–1) of the face silhouette that lies inside the photo.
    pub face_in_photo: f32,
    /// Analysable skin: face minus eyes, brows, lips, nostrils, non-skin pixels (hair, frames
    /// of a colour clearly off skin) and, on a face wearing glasses, the spectacle zone
    /// (`CanonicalFace::spectacles`).
    pub skin: Mask,
    pub forehead: Mask,
    pub glabella: Mask,
    pub cheek_right: Mask,
    pub cheek_left: Mask,
    pub nose: Mask,
    pub chin: Mask,
    pub under_eye_right: Mask,
    pub under_eye_left: Mask,
    /// The under-eye bands' lower parts, where hd_eye_bags looks for a bag's groove.
    pub bag_right: Mask,
    pub bag_left: Mask,
    /// The eyes' axes (inner → outer corner), right then left, crop px: the bag bands are
    /// sliced along them.
    pub bag_axes: [[[f32; 2]; 2]; 2],
    pub crow_feet_right: Mask,
    pub crow_feet_left: Mask,
    pub nasolabial_right: Mask,
    pub nasolabial_left: Mask,
    /// The fold bands' axes (nose wing → beside the mouth corner), right then left, crop px.
    pub nasolabial_axes: [[[f32; 2]; 2]; 2],
    /// Lip surface (outer contour minus the mouth opening).
    pub lips: Mask,
    pub eyes: Mask,
    pub brows: Mask,
    /// Where hair may lie: around the face above the brows, outside its outline; on the person
    /// once the segmentation model has been asked (`Regions::keep_hair_on`).
    pub hair: Mask,
    /// The visible irises, where the eye colour is read: empty until the iris model has been
    /// asked (`Regions::keep_irises`).
    pub irises: Mask,
}

/// The part of the nasolabial axis (ala → mouth corner) the fold band covers. Its ends are left
/// out: the ala's own groove and the mouth corner are dark lines in every face, and with the
/// landmarks' jitter they slid in and out of a band that reached them.
pub(crate) const FOLD_FROM: f32 = 0.15;
pub(crate) const FOLD_TO: f32 = 0.9;

/// Where the bag bands begin below the lower lid, IOD. Above it lie the lashes' shadow and the
/// crease a smile bunches right under the lid: obama.jpg's, about 0.1 IOD down, sat on the edge
/// of a band that began at 0.10 and moved his eye-bag score by up to 14 points with the
/// landmarks (docs/metrics.md, "hd_eye_bags"). A bag's groove lies lower, along the lid–cheek
/// junction.
const BAG_FROM_IOD: f32 = 0.14;

/// The iris ring the eye colour is read from, in iris radii: outside the pupil (0.2–0.5 of the
/// iris by the light) and inside the dark limbal ring at its edge.
const IRIS_FROM: f32 = 0.45;
const IRIS_TO: f32 = 0.85;

/// Where the crow's-feet site starts beyond the eye's outer corner (IOD): past the corner's own
/// dark hollow, which on the fixtures reaches 0.07–0.14 IOD out (`eye_shadow`).
const CROW_FROM_IOD: f32 = 0.15;

fn pts(face: &CanonicalFace, idx: &[usize]) -> Vec<[f32; 2]> {
    idx.iter().map(|&i| face.pt(i)).collect()
}

fn shifted(p: &[[f32; 2]], dx: f32, dy: f32) -> Vec<[f32; 2]> {
    p.iter().map(|q| [q[0] + dx, q[1] + dy]).collect()
}

/// Distance from `p` to segment a–b.
fn seg_dist(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let (t, d) = along(p, a, b);
    let end = if t < 0.0 { a } else { b };
    if (0.0..=1.0).contains(&t) {
        d
    } else {
        ((p[0] - end[0]).powi(2) + (p[1] - end[1]).powi(2)).sqrt()
    }
}

/// Where `p` lies along the line a→b (`t`: 0 at a, 1 at b) and its distance from that line.
fn along(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> (f32, f32) {
    let (vx, vy) = (b[0] - a[0], b[1] - a[1]);
    let t = ((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / (vx * vx + vy * vy);
    let d = ((p[0] - a[0] - t * vx).powi(2) + (p[1] - a[1] - t * vy).powi(2)).sqrt();
    (t, d)
}

/// Median of a sample (copies; fine for the sizes used here).
pub fn median(mut v: Vec<f32>) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    let mid = v.len() / 2;
    let (_, m, _) = v.select_nth_unstable_by(mid, f32::total_cmp);
    Some(*m)
}

impl Regions {
    /// The regions of `face`. Built in three steps of two halves, one half on a second thread
    /// each time (the engine's other core is idle here: the age model has finished): the
    /// face's outline beside the features it excludes, then the skin beside the hair band
    /// (and, with glasses, the skin behind the lenses), then the regions cut from the skin.
    /// Each mask is made exactly as it would be on one thread.
    pub fn new(face: &CanonicalFace) -> Regions {
        let n = face.rgb.width() as usize;
        let iod = face.iod;
        let r = |k: f32| (k * iod).round() as i32;
        let poly = |idx: &[usize]| Mask::polygon(n, n, &pts(face, idx));
        let (ra, la, tip) = (face.pt(RIGHT_ALA), face.pt(LEFT_ALA), face.pt(NOSE_TIP));

        let ((eyes, brows, lips, excluded), (in_photo, face_m, face_in_photo, inner)) = join(
            || {
                let eyes = poly(&RIGHT_EYE).or(&poly(&LEFT_EYE));
                let brows = poly(&RIGHT_BROW).or(&poly(&LEFT_BROW));
                let lips = poly(&LIPS_OUTER).and_not(&poly(&LIPS_INNER));
                let mouth = poly(&LIPS_OUTER);
                // Nostrils: between the alae, from just above the nose tip down to halfway to
                // the lip.
                let lip_top = face.pt(0);
                let nostril_top = tip[1] - 0.02 * iod;
                let nostril_bottom = tip[1] + 0.6 * (lip_top[1] - tip[1]);
                let nostrils = Mask::from_fn_rows(n, n, nostril_top, nostril_bottom, |x, y| {
                    x > ra[0] && x < la[0] && y > nostril_top && y < nostril_bottom
                });
                let excluded = eyes
                    .morph(r(0.07))
                    .or(&brows.morph(r(0.05)))
                    .or(&mouth.morph(r(0.04)))
                    .or(&nostrils);
                (eyes, brows, lips, excluded)
            },
            || {
                // Only the part of the face inside the photo: a face cut off by the frame is
                // measured on what the photo shows, not on the edge pixels the crop repeats
                // beyond it.
                let in_photo = face.in_photo();
                let oval = poly(&FACE_OVAL);
                let face_m = oval.and(&in_photo);
                let face_in_photo = face_m.count() as f32 / oval.count().max(1) as f32;
                // Keep filters (support up to ~0.07 IOD) off the silhouette edge and the
                // background beyond.
                let inner = face_m.morph(-r(0.06));
                (in_photo, face_m, face_in_photo, inner)
            },
        );

        // Dilated so that hair-fringe and frame edges do not read as wrinkles or pores.
        let skin_of = |area: &Mask| area.and_not(&non_skin_pixels(face, area).morph(r(0.05)));
        let geometric_skin = inner.and_not(&excluded);
        // Glasses: their rims and the skin behind the lenses are not skin to measure, whatever
        // the frame's colour — but for the bags' grooves, shading that clear lenses pass (below).
        // `behind_lenses`: the skin before the lenses' zone was taken out, kept for the bags
        // (None without glasses: the skin itself).
        let ftop = face.pt(FOREHEAD_TOP)[1];
        let ((hair, behind_lenses), (skin, core)) = join(
            || {
                // Hair: where it may lie around the face — above the brows, over the head and
                // 0.4 IOD beyond the temples — outside the face's outline. Which of it is the
                // person and not the background, the segmentation model says
                // (`Regions::keep_hair_on`).
                let (tl, tr) = (face.pt(RIGHT_TEMPLE), face.pt(LEFT_TEMPLE));
                let (x0, x1) = (tl[0] - 0.4 * iod, tr[0] + 0.4 * iod);
                let brow_top = RIGHT_BROW
                    .iter()
                    .chain(&LEFT_BROW)
                    .map(|&i| face.pt(i)[1])
                    .fold(f32::MAX, f32::min);
                let hair = Mask::from_fn_rows(n, n, 0.0, brow_top, |x, y| {
                    x > x0 && x < x1 && y < brow_top
                })
                .and_not(&face_m.morph(r(0.05)))
                .and(&in_photo);
                let behind_lenses = face.spectacles.as_ref().map(|_| skin_of(&geometric_skin));
                (hair, behind_lenses)
            },
            || {
                let skin = match &face.spectacles {
                    Some(zone) => skin_of(&geometric_skin.and_not(zone)),
                    None => skin_of(&geometric_skin),
                };
                // The regions that detail filters read keep a further 0.07 IOD (≈ 2 σ of the
                // largest line and dot filters) inside the skin, so that the edges of hair,
                // the face outline, eyes and brows do not read as lines or pores. Without it,
                // the darkening at the face's silhouette was most of the "crow's feet" found,
                // and it moved with resolution.
                let core = skin.morph(-r(0.07));
                (skin, core)
            },
        );

        // Brow line: top edge of the brows (upper outline points), per side.
        let brow_top = |idx: &[usize]| {
            idx[..5]
                .iter()
                .map(|&i| face.pt(i)[1])
                .fold(f32::MAX, f32::min)
        };
        let brow_line = brow_top(&RIGHT_BROW).min(brow_top(&LEFT_BROW)) - 0.06 * iod;
        let bridge = face.pt(NOSE_BRIDGE);
        let mid_x = (face.pt(RIGHT_EYE_INNER)[0] + face.pt(LEFT_EYE_INNER)[0]) / 2.0;
        let top = ftop + 0.05 * iod;

        // The lower lid shifted down by `from`–`to` IOD, on `skin`.
        let below_lid = |lid: &[usize], from: f32, to: f32, skin: &Mask| {
            let lower = pts(face, lid);
            let mut band = shifted(&lower, 0.0, from * iod);
            band.extend(shifted(&lower, 0.0, to * iod).into_iter().rev());
            Mask::polygon(n, n, &band).and(skin)
        };
        let bag_axes = [
            [face.pt(RIGHT_EYE_INNER), face.pt(RIGHT_EYE_OUTER)],
            [face.pt(LEFT_EYE_INNER), face.pt(LEFT_EYE_OUTER)],
        ];

        // Crow's feet: lateral to the outer canthus, 0.15–0.5 IOD outward (the canthus itself is a
        // strong dark corner that would read as a line). Where the eye's shadow (`eye_shadow`)
        // reaches into that, the site keeps off it by as far as it reaches in, up to the core's
        // margin of 0.07 IOD: a shadow that stops short of the site leaves it whole, and one
        // that reaches a little in moves it a little.
        let crow = |corner: [f32; 2], outward: f32| {
            let (y0, y1) = (corner[1] - 0.2 * iod, corner[1] + 0.25 * iod);
            let site = core.within_rows(y0, y1, |x, y| {
                let d = (x - corner[0]) * outward;
                d > CROW_FROM_IOD * iod && d < 0.5 * iod && y > y0 && y < y1
            });
            let shadow = eye_shadow(face, &eyes, &skin, corner, outward);
            let reach = shadow
                .pixels_in((0, 0, n, n))
                .map(|(_, x, _)| (x as f32 - corner[0]) * outward / iod)
                .fold(0.0, f32::max);
            let keep_off = (reach - CROW_FROM_IOD).min(0.07);
            if keep_off > 0.0 {
                site.and_not(&shadow.morph(r(keep_off)))
            } else {
                site
            }
        };

        // Nasolabial fold: a band along the line from beside the nose wing to beside the mouth
        // corner.
        let fold_axis = |ala: [f32; 2], corner: [f32; 2], outward: f32| {
            [
                [ala[0] + outward * 0.06 * iod, ala[1] - 0.05 * iod],
                [corner[0] + outward * 0.06 * iod, corner[1] + 0.02 * iod],
            ]
        };
        let nasolabial_axes = [
            fold_axis(ra, face.pt(MOUTH_RIGHT), -1.0),
            fold_axis(la, face.pt(MOUTH_LEFT), 1.0),
        ];
        let fold = |[a, b]: [[f32; 2]; 2]| {
            core.within(|x, y| {
                let (t, d) = along([x, y], a, b);
                d < 0.08 * iod && (FOLD_FROM..=FOLD_TO).contains(&t)
            })
        };

        // Cheeks: below the under-eye band, down to 0.15 IOD below the mouth corners (a smile lifts
        // them), lateral to the nose wing and clear of the whole fold, its ends included.
        let cheek =
            |lid: usize, corner: [f32; 2], ala: [f32; 2], outward: f32, [a, b]: [[f32; 2]; 2]| {
                let (y0, y1) = (face.pt(lid)[1] + 0.38 * iod, corner[1] + 0.15 * iod);
                core.within_rows(y0, y1, |x, y| {
                    y > y0
                        && y < y1
                        && (x - ala[0]) * outward > 0.05 * iod
                        && seg_dist([x, y], a, b) >= 0.08 * iod
                })
            };

        let (upper, lower) = join(
            || {
                let glabella = core.within_rows(brow_line, bridge[1], |x, y| {
                    (x - mid_x).abs() < 0.2 * iod && y >= brow_line && y < bridge[1]
                });
                let forehead = core.within_rows(top, brow_line, |_, y| y < brow_line && y > top);
                let under_eye_right = below_lid(&RIGHT_LOWER_LID, 0.05, 0.33, &skin);
                let under_eye_left = below_lid(&LEFT_LOWER_LID, 0.05, 0.33, &skin);
                // Eye bags: the under-eye band's lower part, where a bag's lower edge casts its
                // groove. A groove is shading, which clear lenses pass, so it is read behind
                // them too (a lens's tint would change the under-eye's colour, which dark
                // circles read; its rims and reflections would be spots): grace_hopper.jpg's
                // bags read 27.3 through her glasses, within 1.3 under rotation, scaling and
                // JPEG, and her lower rims lie below the band.
                let bag_skin = behind_lenses.as_ref().unwrap_or(&skin);
                let bag_right = below_lid(&RIGHT_LOWER_LID, BAG_FROM_IOD, 0.33, bag_skin);
                let bag_left = below_lid(&LEFT_LOWER_LID, BAG_FROM_IOD, 0.33, bag_skin);
                let crow_feet_right = crow(face.pt(RIGHT_EYE_OUTER), -1.0);
                let crow_feet_left = crow(face.pt(LEFT_EYE_OUTER), 1.0);
                (
                    glabella,
                    forehead,
                    [under_eye_right, under_eye_left],
                    [bag_right, bag_left],
                    [crow_feet_right, crow_feet_left],
                )
            },
            || {
                let nasolabial_right = fold(nasolabial_axes[0]);
                let nasolabial_left = fold(nasolabial_axes[1]);
                let cheek_right = cheek(
                    RIGHT_EYE_LOWER,
                    face.pt(MOUTH_RIGHT),
                    ra,
                    -1.0,
                    nasolabial_axes[0],
                );
                let cheek_left = cheek(
                    LEFT_EYE_LOWER,
                    face.pt(MOUTH_LEFT),
                    la,
                    1.0,
                    nasolabial_axes[1],
                );
                let nose_poly = vec![
                    [bridge[0] - 0.1 * iod, bridge[1] + 0.1 * iod],
                    [bridge[0] + 0.1 * iod, bridge[1] + 0.1 * iod],
                    [la[0], la[1]],
                    [tip[0], tip[1] + 0.05 * iod],
                    [ra[0], ra[1]],
                ];
                let nose = Mask::polygon(n, n, &nose_poly).and(&core);
                let (lip_bottom, chin_pt) = (face.pt(LOWER_LIP_BOTTOM), face.pt(CHIN));
                let (mr, ml) = (face.pt(MOUTH_RIGHT)[0], face.pt(MOUTH_LEFT)[0]);
                let (y0, y1) = (lip_bottom[1] + 0.06 * iod, chin_pt[1] - 0.04 * iod);
                let chin = core.within_rows(y0, y1, |x, y| y > y0 && y < y1 && x > mr && x < ml);
                (
                    [nasolabial_right, nasolabial_left],
                    [cheek_right, cheek_left],
                    nose,
                    chin,
                )
            },
        );
        let (
            glabella,
            forehead,
            [under_eye_right, under_eye_left],
            [bag_right, bag_left],
            [crow_feet_right, crow_feet_left],
        ) = upper;
        let ([nasolabial_right, nasolabial_left], [cheek_right, cheek_left], nose, chin) = lower;

        Regions {
            face: face_m,
            face_in_photo,
            skin,
            forehead,
            glabella,
            cheek_right,
            cheek_left,
            nose,
            chin,
            under_eye_right,
            under_eye_left,
            bag_right,
            bag_left,
            bag_axes,
            crow_feet_right,
            crow_feet_left,
            nasolabial_right,
            nasolabial_left,
            nasolabial_axes,
            lips,
            irises: Mask::empty(n, n),
            eyes,
            brows,
            hair,
        }
    }

    /// Keeps of the hair's area only the crop pixels `on_person(x, y)` holds for
    /// (`person::PersonMap::in_crop`): the background beside or above a head is not hair,
    /// whatever its colour.
    pub fn keep_hair_on(&mut self, on_person: impl Fn(f32, f32) -> bool) {
        self.hair = self.hair.within(on_person);
    }

    /// Marks each iris's visible ring as the place to read the eye colour: from
    /// [`IRIS_FROM`] to [`IRIS_TO`] of its radius, inside the eye's opening (the lids cover the
    /// rest).
    pub fn keep_irises(&mut self, irises: &[Iris]) {
        self.irises = self.eyes.within(|x, y| {
            irises.iter().any(|i| {
                let d = (x - i.centre[0]).hypot(y - i.centre[1]);
                d >= IRIS_FROM * i.radius && d <= IRIS_TO * i.radius
            })
        });
    }

    /// Both cheeks.
    pub fn cheeks(&self) -> Mask {
        self.cheek_right.or(&self.cheek_left)
    }

    /// The broad, open skin of the cheeks, forehead and chin, away from the shading of the
    /// nose, eyes and folds: where texture and brown spots are read.
    pub fn open_skin(&self) -> Mask {
        self.cheeks().or(&self.forehead).or(&self.chin)
    }
}

/// Share of the skin's L* below which the skin beside an eye's outer corner is the eye's own
/// shadow (the hollow of the lateral canthus, a hooded lid's fold): 0.75 of the L* is about 0.4
/// of the luminance. obama2.jpg's near eye, in stage light, casts one 0.2 IOD long at 0.6 of
/// its temple's L*, ending in a flank that climbs to the temple's L* over ≈ 0.08 IOD; this
/// share cuts that flank, not the shadow's floor (docs/metrics.md, "hd_wrinkle").
const EYE_SHADOW: f32 = 0.75;

/// The scale (IOD) at which the eye's shadow is looked for: a shadow is broad, a crow's foot a
/// line a few pixels wide. Averaged over σ 0.03 IOD (≈ 2 mm), a line that leaves the corner
/// lightens towards the skin around it and drops out, while a shadow keeps its floor.
const EYE_SHADOW_SIGMA_IOD: f32 = 0.03;

/// The eye's shadow beside its outer `corner` (crop px; `outward` +1 towards the crop's right):
/// in the crow's-feet rows, from 0.1 IOD inside the corner to 0.5 IOD beyond it, where the L*
/// averaged at [`EYE_SHADOW_SIGMA_IOD`] is darker than [`EYE_SHADOW`] × the median L* of the
/// `skin` there, in areas connected to the `eyes`' contours (only this corner's eye lies in
/// that area).
///
/// Why: the crow's-feet site starts 0.15 IOD from the corner, past where most eyes' shadow
/// ends. Where a shadow reaches further, whether its end was skin hung on the colour gate's
/// darkness threshold (`non_skin_pixels`), on which the shadow's floor sat: obama2.jpg's
/// crow's-feet raw read 3.4 % or 13.9 % by the copy, the shadow's end read as a line.
fn eye_shadow(
    face: &CanonicalFace,
    eyes: &Mask,
    skin: &Mask,
    corner: [f32; 2],
    outward: f32,
) -> Mask {
    let (n, iod) = (eyes.width, face.iod);
    let (y0, y1) = (corner[1] - 0.2 * iod, corner[1] + 0.25 * iod);
    let area = Mask::from_fn_rows(n, n, y0, y1, |x, y| {
        let d = (x - corner[0]) * outward;
        d > -0.1 * iod && d < 0.5 * iod && y > y0 && y < y1
    });
    let sigma = EYE_SHADOW_SIGMA_IOD * iod;
    let (Some(window), Some(ml)) = (
        area.bbox((3.0 * sigma).ceil() as usize),
        median(
            area.and(skin)
                .pixels_in((0, 0, n, n))
                .map(|(i, _, _)| face.lab.l[i])
                .collect(),
        ),
    ) else {
        return Mask::empty(n, n);
    };
    let (x0, y0, _, _) = window;
    let lum = gaussian(&Plane::of_window(&face.lab.l, n, window), sigma);
    let mut dark = Mask::empty(n, n);
    for (i, x, y) in area.pixels_in(window) {
        dark.data[i] = lum.at(x - x0, y - y0) < EYE_SHADOW * ml;
    }
    let mut shadow = Mask::empty(n, n);
    for comp in components(&dark) {
        if comp.iter().any(|&i| eyes.data[i]) {
            for i in comp {
                shadow.data[i] = true;
            }
        }
    }
    shadow
}

/// Pixels inside the geometric skin area whose colour is clearly not skin: much darker than the
/// median skin (hair fringes, beard, deep shadow) or far from its chromaticity (glasses frames,
/// make-up, background showing through). Highlights are kept: they matter for oiliness.
fn non_skin_pixels(face: &CanonicalFace, area: &Mask) -> Mask {
    let lab = &face.lab;
    let idx: Vec<usize> = (0..area.data.len()).filter(|&i| area.data[i]).collect();
    let med = |v: &Vec<f32>| median(idx.iter().map(|&i| v[i]).collect()).unwrap_or(0.0);
    let (ml, ma, mb) = (med(&lab.l), med(&lab.a), med(&lab.b));
    let mut m = Mask::empty(area.width, area.height);
    for &i in &idx {
        let dab = ((lab.a[i] - ma).powi(2) + (lab.b[i] - mb).powi(2)).sqrt();
        m.data[i] = lab.l[i] < ml - 25.0 || (dab > 22.0 && lab.l[i] < ml + 10.0);
    }
    // Below the brows, deep folds and wrinkles are dark too, but thin, and are what the wrinkle
    // metric measures, while brows, frames, beards and background come in areas: there an
    // opening (erode, then dilate, by 0.035 IOD) keeps the areas and drops structures narrower
    // than ≈ 4 mm. Above the brows, thin dark strands are hair and stay excluded.
    let k = (0.035 * face.iod).round() as i32;
    let opened = m.morph(-k).morph(k);
    let brow_level =
        (face.pt(RIGHT_EYE_OUTER)[1] + face.pt(LEFT_EYE_OUTER)[1]) / 2.0 - 0.25 * face.iod;
    let mut out = opened;
    let rows = out
        .data
        .chunks_exact_mut(m.width)
        .zip(m.data.chunks_exact(m.width));
    for (y, (dst, src)) in rows.enumerate() {
        if (y as f32) < brow_level {
            dst.copy_from_slice(src);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_empty_samples() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![]), None);
    }

    #[test]
    fn a_face_cut_off_by_the_frame_is_measured_only_inside_the_photo() {
        use crate::vision::face_frame::CROP;
        use crate::vision::testutil::{fixture_photo, landmarks_of};
        // obama.jpg (decoded 820 × 1024) without its top 165 rows: the photo now ends across
        // his forehead, just above the brows.
        let img = fixture_photo("obama.jpg");
        let cut = image::imageops::crop_imm(&img, 0, 165, img.width(), img.height() - 165);
        let cut = cut.to_image();
        let face = CanonicalFace::new(&cut, &landmarks_of(&cut));
        let regions = Regions::new(&face);
        let inside = face.in_photo();
        // The photo's top edge runs across the crop, and the face's outline beyond it.
        assert!(inside.count() < CROP * CROP * 9 / 10, "{}", inside.count());
        let oval = Mask::polygon(CROP, CROP, &pts(&face, &FACE_OVAL));
        assert!(oval.and_not(&inside).count() > 1000);
        let r = &regions;
        for (name, m) in [
            ("face", &r.face),
            ("skin", &r.skin),
            ("forehead", &r.forehead),
            ("glabella", &r.glabella),
            ("crow's feet", &r.crow_feet_right),
            ("hair", &r.hair),
        ] {
            assert_eq!(
                m.and_not(&inside).count(),
                0,
                "{name} reaches beyond the photo"
            );
        }
        // The forehead's strip below the edge is all within the filters' reach of it (0.13 IOD
        // are kept clear), so no forehead is left; what the photo shows in full is measured.
        assert_eq!(r.forehead.count(), 0);
        assert!(r.cheek_left.count() > 1000 && r.glabella.count() > 100);
    }

    /// Below the brows a deep fold (thin and dark) stays skin while a dark area (a beard patch,
    /// a frame) is cut out; above the brows a thin dark strand (hair) is cut out too.
    #[test]
    fn thin_dark_folds_stay_skin_but_dark_areas_and_forehead_strands_do_not() {
        use crate::vision::testutil::{fixture_face, repaint};
        // obama.jpg: a bare forehead (the astronaut's fringe covers hers).
        let (mut face, before) = fixture_face("obama.jpg");
        let cheek = before.cheek_right.bbox(0).unwrap();
        let (cx, cy) = ((cheek.0 + cheek.2) / 2, (cheek.1 + cheek.3) / 2);
        let fh = before.forehead.bbox(0).unwrap();
        let (fx, fy) = ((fh.0 + fh.2) / 2, (fh.1 + fh.3) / 2);
        let dark = |p: [u8; 3]| p.map(|c| c / 4);
        repaint(&mut face, |x, y, p| {
            let (x, y) = (x as usize, y as usize);
            // A 4-px-wide fold down the cheek's middle, a 24-px dark square below it, and a
            // 4-px-wide strand across the forehead.
            let fold = x.abs_diff(cx) < 2 && y.abs_diff(cy) < 20;
            let patch = x.abs_diff(cx) < 12 && y > cy + 24 && y < cy + 48;
            let strand = y.abs_diff(fy) < 2 && x.abs_diff(fx) < 30;
            if fold || patch || strand {
                dark(p)
            } else {
                p
            }
        });
        let after = Regions::new(&face);
        assert!(after.skin.get(cx, cy), "the fold was cut out of the skin");
        assert!(!after.skin.get(cx, cy + 36), "the dark patch is still skin");
        assert!(!after.skin.get(fx, fy), "the forehead strand is still skin");
    }

    /// A shadow that runs from an eye's outer corner into its crow's-feet site (a hooded lid,
    /// light from above) moves the site's start past it; crow's feet — thin lines from the
    /// corner, darker than the shadow's threshold pixel by pixel — leave the site as it was,
    /// and so does a shadow that stops short of it. Drawn beside biden.jpg's right eye on
    /// skin of one colour (his own temple lies in the socket's shade, near the threshold).
    #[test]
    fn crow_feet_start_past_an_eye_shadow_that_reaches_into_them() {
        use crate::vision::face_frame::CROP as CROP_SIDE;
        use crate::vision::testutil::{fixture_face, repaint};
        let (clean, before) = fixture_face("biden.jpg");
        let (iod, corner) = (clean.iod, clean.pt(RIGHT_EYE_OUTER));
        // Distance outward from the corner and height below it, IOD.
        let at = |x: u32, y: u32| ((corner[0] - x as f32) / iod, (y as f32 - corner[1]) / iod);
        let flat = {
            let mut ch: [Vec<u8>; 3] = Default::default();
            for (_, x, y) in before.skin.pixels_in((0, 0, CROP_SIDE, CROP_SIDE)) {
                let p = clean.rgb.get_pixel(x as u32, y as u32).0;
                (0..3).for_each(|c| ch[c].push(p[c]));
            }
            ch.map(|mut v| {
                v.sort_unstable();
                v[v.len() / 2]
            })
        };
        let eyes = before.eyes.morph(2);
        // The face with the temple beside the corner in one colour and the pixels `inside`
        // (distance out, height) darkened: RGB × `k`.
        let painted = |inside: &dyn Fn(f32, f32) -> bool, k: f32| {
            let (mut face, _) = fixture_face("biden.jpg");
            repaint(&mut face, |x, y, p| {
                let (d, h) = at(x, y);
                let temple = (0.0..0.6).contains(&d) && (-0.3..0.35).contains(&h);
                if !temple || eyes.get(x as usize, y as usize) {
                    p
                } else if inside(d, h) {
                    flat.map(|c| (c as f32 * k) as u8)
                } else {
                    flat
                }
            });
            Regions::new(&face).crow_feet_right
        };
        let site = painted(&|_, _| false, 1.0);
        assert!(site.count() > 800, "{}", site.count());
        let moved = |m: &Mask| {
            m.data
                .iter()
                .zip(&site.data)
                .filter(|(a, b)| a != b)
                .count()
        };

        // A band 0.12 IOD tall along the eye's axis, to 0.25 IOD out, at about 0.6 of the skin's
        // L* (RGB × 0.5): into the site.
        let long = painted(&|d, h| d < 0.25 && h.abs() < 0.06, 0.5);
        let near = long
            .pixels_in((0, 0, CROP_SIDE, CROP_SIDE))
            .filter(|&(_, x, y)| {
                let (d, h) = at(x as u32, y as u32);
                d < 0.25 + 0.05 && h.abs() < 0.06 + 0.05
            })
            .count();
        assert_eq!(near, 0, "the site reaches the shadow");
        assert!(long.count() > site.count() / 4, "{}", long.count());
        assert!(long.count() < site.count() * 9 / 10, "{}", long.count());

        // The same band to 0.1 IOD: short of the site.
        let short = painted(&|d, h| d < 0.1 && h.abs() < 0.06, 0.5);
        assert_eq!(moved(&short), 0, "a shadow short of the site moved it");

        // Three lines 3 px wide, from the corner to 0.35 IOD, at −25°, 0° and +25°, at about 0.7
        // of the skin's L* (RGB × 0.6): connected to the eye and dark enough pixel by pixel
        // (read without the 0.03 IOD average, they cut 1026 px from the site).
        let lines = painted(
            &|d, h| {
                (0.0..0.35).contains(&d)
                    && [-25f32, 0.0, 25.0].iter().any(|a| {
                        let off = h - d * a.to_radians().tan();
                        (off * iod).abs() < 1.5
                    })
            },
            0.6,
        );
        assert_eq!(moved(&lines), 0, "crow's feet were taken for a shadow");
    }

    #[test]
    fn segment_distance_is_perpendicular_inside_and_to_ends_outside() {
        assert!((seg_dist([5.0, 3.0], [0.0, 0.0], [10.0, 0.0]) - 3.0).abs() < 1e-6);
        assert!((seg_dist([13.0, 4.0], [0.0, 0.0], [10.0, 0.0]) - 5.0).abs() < 1e-6);
    }

    #[test]
    fn along_gives_the_position_on_the_line_and_the_distance_from_it() {
        let (t, d) = along([5.0, 3.0], [0.0, 0.0], [10.0, 0.0]);
        assert!((t - 0.5).abs() < 1e-6 && (d - 3.0).abs() < 1e-6);
        let (t, d) = along([13.0, -4.0], [0.0, 0.0], [10.0, 0.0]);
        assert!((t - 1.3).abs() < 1e-6 && (d - 4.0).abs() < 1e-6);
    }
}
