//! eye_color, lip_color, hair_color: robust medians of the right pixels, named by CIELAB rules.

use super::super::face_frame::CanonicalFace;
use super::super::filters::{gaussian, Plane};
use super::super::lab::{delta_e, hex, lab_to_srgb};
use super::super::raster::Mask;
use super::super::regions::{median, Regions};
use crate::vision::report::{Color, NamedColor};

/// Forehead skin (crop px) below which its colour is not taken as a reference for the hair area:
/// a fringe hiding the forehead (astronaut.png) leaves too little of it, shaded by the hair.
const MIN_FOREHEAD_PX: usize = 200;

fn median_lab(face: &CanonicalFace, idx: &[usize]) -> Option<[f32; 3]> {
    let lab = &face.lab;
    let m = |v: &Vec<f32>| median(idx.iter().map(|&i| v[i]).collect());
    Some([m(&lab.l)?, m(&lab.a)?, m(&lab.b)?])
}

fn pixels(m: &Mask) -> Vec<usize> {
    (0..m.data.len()).filter(|&i| m.data[i]).collect()
}

/// A colour and the crop pixels it was read from, which `color_samples_output.png` fills with
/// it: a person can then see what was taken for iris, lip or hair (docs/masks.md).
pub struct Sample<C> {
    /// Absent when the photo does not show enough of the feature.
    pub color: Option<C>,
    /// The pixels the colour is the median of; empty when it is absent.
    pub pixels: Mask,
}

impl<C> Sample<C> {
    fn none(face: &CanonicalFace) -> Sample<C> {
        Sample {
            color: None,
            pixels: Mask::empty(face.lab.width, face.lab.height),
        }
    }

    /// The median colour of `idx`, made into a `C` by `make`.
    fn of(face: &CanonicalFace, idx: &[usize], make: impl Fn([f32; 3]) -> C) -> Sample<C> {
        Sample::read(face, idx, median_lab(face, idx), make)
    }

    /// The colour `lab` read from `idx` (absent if `None`), made into a `C` by `make`.
    fn read(
        face: &CanonicalFace,
        idx: &[usize],
        lab: Option<[f32; 3]>,
        make: impl Fn([f32; 3]) -> C,
    ) -> Sample<C> {
        let Some(lab) = lab else {
            return Sample::none(face);
        };
        let mut pixels = Mask::empty(face.lab.width, face.lab.height);
        idx.iter().for_each(|&i| pixels.data[i] = true);
        Sample {
            color: Some(make(lab)),
            pixels,
        }
    }
}

fn named(lab: [f32; 3], name: fn([f32; 3]) -> &'static str) -> NamedColor {
    NamedColor {
        hex: hex(lab_to_srgb(lab)),
        name: name(lab).into(),
    }
}

fn chroma_hue(lab: [f32; 3]) -> (f32, f32) {
    (
        (lab[1] * lab[1] + lab[2] * lab[2]).sqrt(),
        lab[2].atan2(lab[1]).to_degrees().rem_euclid(360.0),
    )
}

/// Names an iris colour. Rules on L*, chroma and hue angle; brown dominates at low L*.
pub fn eye_name(lab: [f32; 3]) -> &'static str {
    let (c, h) = chroma_hue(lab);
    if lab[0] < 25.0 {
        "Dark Brown"
    } else if lab[2] < 0.0 || (150.0..300.0).contains(&h) {
        "Blue"
    } else if c < 7.0 {
        "Gray"
    } else if lab[1] < 0.0 {
        "Green"
    } else if h > 65.0 && lab[0] > 38.0 {
        "Hazel"
    } else {
        "Brown"
    }
}

/// Saturation (C*ab / L*) below which hair lighter than [`GREY_FROM_L`] is grey: hair greys as
/// white, unpigmented hairs mix with pigmented ones, which lowers its saturation whatever its
/// lightness (one person's greying hair, matched to Munsell chips, went from 7.5YR 3/4,
/// s ≈ 0.55, to 5/2, s ≈ 0.18: docs/metrics.md).
/// The fixtures' pigmented hair reads 0.36–0.53, obama.jpg's salt-and-pepper 0.10 and biden.jpg's
/// white hair in warm light 0.14.
const GREY_SATURATION: f32 = 0.2;
/// Below this L* hair is too dark to read its saturation: near black, every hair is grey-ish.
const GREY_FROM_L: f32 = 35.0;

/// Names a hair colour.
pub fn hair_name(lab: [f32; 3]) -> &'static str {
    let (c, h) = chroma_hue(lab);
    if lab[0] < 20.0 {
        "Black"
    } else if lab[0] >= GREY_FROM_L && c < GREY_SATURATION * lab[0] {
        "Gray/White"
    } else if h < 55.0 && c > 25.0 {
        "Red"
    } else if lab[0] < 32.0 {
        "Dark Brown"
    } else if lab[0] > 62.0 {
        "Blonde"
    } else if lab[0] > 47.0 {
        "Light Brown"
    } else {
        "Brown"
    }
}

/// Fewest iris-ring pixels (both eyes, crop px) the eye colour is read from: below, the lids
/// cover the irises (closed or nearly closed eyes). An open eye's ring holds 300–900 at the
/// crop's IOD of 116 px.
const MIN_IRIS_PX: usize = 60;

/// Iris colour: the irises' visible rings (`Regions::irises`, found by the iris model) without
/// their brightest 15 % (the light's reflection, sclera at the ring's edge) and darkest 10 %
/// (lashes over it, the pupil's rim): the median of the rest. Absent when the lids leave fewer
/// than [`MIN_IRIS_PX`] of the rings.
pub fn eye_color(face: &CanonicalFace, regions: &Regions) -> Sample<NamedColor> {
    let idx = pixels(&regions.irises);
    if idx.len() < MIN_IRIS_PX {
        return Sample::none(face);
    }
    let sigma = face.common_sigma(0.0);
    let n = face.lab.width;
    let Some(window) = regions.irises.bbox((3.0 * sigma).ceil() as usize) else {
        return Sample::none(face);
    };
    let (x0, y0, _, _) = window;
    let at = |v: &Vec<f32>| {
        let p = gaussian(&Plane::of_window(v, n, window), sigma);
        move |i: usize| p.at(i % n - x0, i / n - y0)
    };
    let (l, a, b) = (at(&face.lab.l), at(&face.lab.a), at(&face.lab.b));
    let iris = within_l_percentiles(idx, &l, 10, 85);
    let m = |f: &dyn Fn(usize) -> f32| median(iris.iter().map(|&i| f(i)).collect());
    let lab = (|| Some([m(&l)?, m(&a)?, m(&b)?]))();
    Sample::read(face, &iris, lab, |lab| named(lab, eye_name))
}

/// The pixels of `idx` (not empty) whose L* (`l`) lies between its `lo`th and `hi`th
/// percentiles, ties kept: without the highlights a colour is not (and, with `lo` above 0, the
/// shadows). The skin tone's sites keep an exact share instead (`tone::site_lab`).
fn within_l_percentiles(
    idx: Vec<usize>,
    l: impl Fn(usize) -> f32,
    lo: usize,
    hi: usize,
) -> Vec<usize> {
    let mut ls: Vec<f32> = idx.iter().map(|&i| l(i)).collect();
    ls.sort_by(f32::total_cmp);
    let (lo, hi) = (ls[ls.len() * lo / 100], ls[ls.len() * hi / 100]);
    idx.into_iter()
        .filter(|&i| (lo..=hi).contains(&l(i)))
        .collect()
}

/// Lip colour: lip-surface pixels without highlights (L* below its 85th percentile).
pub fn lip_color(face: &CanonicalFace, regions: &Regions) -> Sample<Color> {
    let idx = pixels(&regions.lips);
    if idx.len() < 50 {
        return Sample::none(face);
    }
    let keep = within_l_percentiles(idx, |i| face.lab.l[i], 0, 85);
    Sample::of(face, &keep, |lab| Color {
        hex: hex(lab_to_srgb(lab)),
    })
}

/// Hair colour: pixels of the hair area (`Regions::hair`: above the brows, around the face's
/// outline, on the person once the segmentation has been asked) that differ (ΔE*ab > 12) both
/// from the skin colour and from the forehead's own skin. Absent when fewer than 30 % of the
/// area qualify (bald). A hat is the person's and reads as hair.
///
/// Why the forehead too: the area's lower rows are forehead skin wherever the hairline sits
/// high, and a forehead lit brighter or darker than the cheeks lies more than 12 from the skin's
/// median. Against that median alone, biden.jpg's band (the area before 2026-12-07, on his
/// receding forehead) held 29 % "hair" and its JPEG 60 copy 30 %, named "Red" — his lit
/// forehead — and obama2.jpg's hair read Brown, from #6a4b3d to #825b49 by copy, half of it
/// forehead.
pub fn hair_color(face: &CanonicalFace, regions: &Regions, skin: [f32; 3]) -> Sample<NamedColor> {
    let idx = pixels(&regions.hair);
    if idx.is_empty() {
        return Sample::none(face);
    }
    let de = |i: usize, from: [f32; 3]| delta_e(face.lab.at(i), from);
    let forehead = pixels(&regions.forehead);
    let forehead = (forehead.len() >= MIN_FOREHEAD_PX)
        .then(|| median_lab(face, &forehead))
        .flatten();
    let hair: Vec<usize> = idx
        .iter()
        .copied()
        .filter(|&i| de(i, skin) > 12.0 && forehead.is_none_or(|f| de(i, f) > 12.0))
        .collect();
    if (hair.len() as f32) < 0.3 * idx.len() as f32 {
        return Sample::none(face);
    }
    Sample::of(face, &hair, |lab| named(lab, hair_name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::lab::srgb_to_lab;
    use crate::vision::masks::hex_rgb;

    /// Where the hairline lies high (biden.jpg's receding forehead) the hair area holds
    /// bare forehead, which may differ from the skin's median (the cheeks in another light) by
    /// more than the threshold: that is not hair. Dark hair in the same band is.
    #[test]
    fn a_band_of_forehead_skin_is_not_hair() {
        use crate::vision::testutil::{fixture_face, repaint};
        let (mut face, regions) = fixture_face("obama.jpg");
        let forehead = median_lab(&face, &pixels(&regions.forehead)).unwrap();
        let n = face.lab.width;
        let band = regions.hair.clone();
        let in_band = |x: u32, y: u32| band.data[y as usize * n + x as usize];
        let bare = lab_to_srgb(forehead);
        repaint(&mut face, |x, y, p| if in_band(x, y) { bare } else { p });
        // The skin's median 15 L* darker than the forehead: the band lies 15 from it.
        let skin = [forehead[0] - 15.0, forehead[1], forehead[2]];
        assert!(hair_color(&face, &regions, skin).color.is_none());
        repaint(
            &mut face,
            |x, y, p| if in_band(x, y) { [30, 22, 20] } else { p },
        );
        let hair = hair_color(&face, &regions, skin);
        assert_eq!(hair.color.expect("dark hair in the band").name, "Black");
        // The sample is the painted band, less what lies within 12 of the skin (none of it).
        assert_eq!(hair.pixels, band);
    }

    /// The hair's area reaches beyond the head (above the brows, 0.4 IOD beyond the temples),
    /// so background lies in it; only the person's pixels are read. Repainting the background
    /// there a saturated blue leaves the hair colour where it was, the segmentation being run
    /// again on the repainted crop; read over the whole area, the blue moves it far.
    #[test]
    fn background_beside_the_head_is_not_hair() {
        use crate::vision::person::{PersonMap, PersonSegmenter};
        use crate::vision::testutil::{fixture_face, repaint};
        let seg = PersonSegmenter::load().unwrap();
        // Background is 25–42 % of these photos' hair areas (biden.jpg 10 %, astronaut.png 4 %).
        for file in ["obama.jpg", "obama2.jpg", "grace_hopper.jpg"] {
            let (mut face, regions) = fixture_face(file);
            let skin = median_lab(&face, &pixels(&regions.skin)).unwrap();
            let read = |face: &CanonicalFace, person: Option<&PersonMap>| {
                let mut r = regions.clone();
                if let Some(p) = person {
                    r.keep_hair_on(p.in_crop());
                }
                hair_color(face, &r, skin).color.expect("hair")
            };
            let person = seg.segment(&face).unwrap();
            let before = read(&face, Some(&person));
            // The background inside the hair's area, all of it: a band of the old background
            // left around the head would read as part of the person.
            let on_person = person.in_crop();
            let background = regions.hair.within(|x, y| !on_person(x, y));

            let n = background.width;
            repaint(&mut face, |x, y, p| {
                if background.data[y as usize * n + x as usize] {
                    [40, 90, 220]
                } else {
                    p
                }
            });
            let after = read(&face, Some(&seg.segment(&face).unwrap()));
            let lab = |c: &NamedColor| srgb_to_lab(hex_rgb(&c.hex));
            let moved = delta_e(lab(&before), lab(&after));
            assert!(
                moved <= 1.5,
                "{file}: {} -> {} (ΔE {moved})",
                before.hex,
                after.hex
            );
            assert_eq!(before.name, after.name, "{file}");
            let unsegmented = delta_e(lab(&before), lab(&read(&face, None)));
            assert!(
                unsegmented > 5.0,
                "{file}: the area alone moved only {unsegmented}"
            );
        }
    }

    /// The eye colour is the iris's, found by the iris model: obama.jpg's irises painted blue
    /// read Blue, within ΔE 8 of the paint (measured 6.6, the same tenth of the eye around the
    /// iris mixed in), while painting the rest of the eye — the sclera and
    /// lids that the contour's percentiles read before — a saturated red moves it by at most
    /// an eighth of the paint's distance (measured 0.10: read at the common resolution, the
    /// ring takes in that much of what lies beyond the iris).
    #[test]
    fn the_eye_colour_is_read_from_the_irises() {
        use crate::vision::iris::IrisModel;
        use crate::vision::lab::srgb_to_lab;
        use crate::vision::testutil::{fixture_face, repaint};
        let (mut face, mut regions) = fixture_face("obama.jpg");
        let irises = IrisModel::load()
            .unwrap()
            .irises(&face.rgb, |i| face.pt(i))
            .unwrap();
        regions.keep_irises(&irises);
        let lab = |c: &NamedColor| srgb_to_lab(hex_rgb(&c.hex));
        let before = eye_color(&face, &regions).color.expect("open eyes");
        let in_iris = |x: u32, y: u32| {
            irises
                .iter()
                .any(|i| (x as f32 - i.centre[0]).hypot(y as f32 - i.centre[1]) <= 0.95 * i.radius)
        };
        let eyes = regions.eyes.clone();
        let n = eyes.width;
        repaint(&mut face, |x, y, p| {
            if eyes.data[y as usize * n + x as usize] && !in_iris(x, y) {
                [230, 60, 60]
            } else {
                p
            }
        });
        let around = eye_color(&face, &regions).color.unwrap();
        let moved = delta_e(lab(&before), lab(&around));
        let share = moved / delta_e(lab(&before), srgb_to_lab([230, 60, 60]));
        eprintln!(
            "{} -> {} (ΔE {moved}, {share:.2} of the paint's)",
            before.hex, around.hex
        );
        assert!(
            share <= 0.125,
            "{} -> {} (ΔE {moved})",
            before.hex,
            around.hex
        );
        let blue = [70, 110, 170];
        let (mut face, _) = fixture_face("obama.jpg");
        repaint(&mut face, |x, y, p| if in_iris(x, y) { blue } else { p });
        let painted = eye_color(&face, &regions).color.unwrap();
        let off = delta_e(lab(&painted), srgb_to_lab(blue));
        assert_eq!(painted.name, "Blue", "{}", painted.hex);
        assert!(off <= 8.0, "{} against the paint (ΔE {off})", painted.hex);
    }

    #[test]
    fn colour_names_follow_lightness_and_hue() {
        assert_eq!(hair_name([12.0, 1.0, 2.0]), "Black");
        assert_eq!(hair_name([70.0, 3.0, 25.0]), "Blonde");
        assert_eq!(hair_name([40.0, 30.0, 25.0]), "Red");
        // Grey by saturation, at any lightness from GREY_FROM_L: salt-and-pepper (obama.jpg),
        // white in warm light (biden.jpg); dark brown stays brown, light brown too.
        assert_eq!(hair_name([49.1, 2.1, 4.3]), "Gray/White");
        assert_eq!(hair_name([72.2, 5.4, 8.4]), "Gray/White");
        assert_eq!(hair_name([25.0, 6.0, 6.6]), "Dark Brown");
        assert_eq!(hair_name([47.0, 2.7, 24.9]), "Brown");
        assert_eq!(eye_name([45.0, -3.0, -12.0]), "Blue");
        assert_eq!(eye_name([30.0, 8.0, 14.0]), "Brown");
    }
}
