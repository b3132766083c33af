//! hd_eye_bags: the groove a lower-lid bag casts along its lower edge.
//!
//! A bag is the lower lid's fat pad bulging forward. Lit from the front or from above, its
//! lower edge — where the lid meets the cheek (the lid–cheek junction and, medially, the tear
//! trough) — falls into shadow: a curved valley of L* running under the eye a centimetre or so
//! below the lashes. That groove is what a photo shows of a bag; the bulge's lit top is hard to
//! tell from skin that is merely lighter, and the darkness of the whole band is
//! hd_dark_circles' measure. The groove is a broad valley, like the nasolabial fold, so it is
//! read with the fold's filters, and like the fold its raw is a length: the share of the lid's
//! width under which the bag band holds a roughly horizontal valley.

use super::super::raster::Mask;
use super::super::regions::Regions;
use super::score::{r1, ui};
use super::wrinkles::{length_on_line, side_weights, Orientation, Responses};
use crate::vision::report::MetricScore;

/// Groove length (% of the lid's width) that scores 50: a groove under half the eye.
const HALF_PCT: f32 = 50.0;

/// The eye-bag score and the grooves behind it.
pub struct EyeBags {
    /// None when neither band holds skin (sunglasses, a hand, a face cut off below the eyes):
    /// no groove was looked for, so none is reported absent.
    pub score: Option<MetricScore>,
    /// The bands' valley floors of at least half a groove, on the sides that count, widened by
    /// a pixel (for the mask).
    pub grooves: Mask,
}

/// **Eye bags** — what: the groove under each lower lid that a bag's lower edge casts.
/// How: in each bag band (0.14–0.33 IOD below the lower lid, skin only: above it lie the lashes'
/// shadow and the crease a smile bunches under the lid) the valley detector at the fold's scales
/// (`fold`: nominal σ 3 and 6 crop px ≈ 1.6 and 3.2 mm), weighted towards horizontal
/// valleys (cos²θ: the nose's side and the cheek's vertical shading do not count); the band is
/// cut into 2-px slices along the eye (inner → outer corner) and each slice counts with its
/// strongest groove coverage on a valley's floor (a valley running just above the band does not
/// count by its flank). Raw: the mean over the slices seen, % of the lid's width with a
/// groove below; the two sides are pooled with the crow's feet's size weights (a turned head's
/// far side fades out). Score: `ui(pct, 50, 2)`.
/// Limits: a smile pushes the cheeks up into a crease under the eyes that reads as a groove;
/// light from below or flat light hides the shadow; glasses' lower rims inside the band count
/// unless their colour differs clearly from skin.
pub(super) fn eye_bags(fold: &Responses, regions: &Regions) -> EyeBags {
    let bands = [&regions.bag_right, &regions.bag_left];
    let [wr, wl] = side_weights(bands[0].count(), bands[1].count());
    // The floors of at least half a groove, on the sides that count, are kept for the mask as
    // the lengths read them (each band pixel's coverage is computed once).
    let mut floors = Mask::empty(bands[0].width, bands[0].height);
    let lengths = [(0, wr), (1, wl)].map(|(i, w)| {
        length_on_line(fold, bands[i], regions.bag_axes[i], |x, y| {
            let c = fold.floor_coverage(x, y, Orientation::Horizontal);
            if w > 0.0 && c >= 0.5 {
                floors.data[y * floors.width + x] = true;
            }
            c
        })
    });
    let weight = wr + wl;
    let pct = (weight > 0.0).then(|| (wr * lengths[0] + wl * lengths[1]) / weight);
    let grooves = floors.morph(1);
    EyeBags {
        score: pct.map(|pct| MetricScore {
            ui_score: ui(pct, HALF_PCT, 2.0),
            raw_score: r1(pct),
            unit: "% of lid width with a groove below".into(),
        }),
        grooves,
    }
}

#[cfg(test)]
mod tests {
    use super::super::wrinkles::wrinkles;
    use crate::vision::landmarks_idx::{
        LEFT_EYE_INNER, LEFT_EYE_OUTER, LEFT_LOWER_LID, RIGHT_EYE_INNER, RIGHT_EYE_OUTER,
        RIGHT_LOWER_LID,
    };
    use crate::vision::testutil::{fixture_face, repaint};

    /// The lid's height at column `x` (linear between its points), if the lid spans it.
    fn lid_y(lid: &[[f32; 2]], x: f32) -> Option<f32> {
        lid.windows(2).find_map(|s| {
            let (a, b) = if s[0][0] <= s[1][0] {
                (s[0], s[1])
            } else {
                (s[1], s[0])
            };
            (a[0]..=b[0]).contains(&x).then(|| {
                let t = (x - a[0]) / (b[0] - a[0]).max(1e-3);
                a[1] + t * (b[1] - a[1])
            })
        })
    }

    /// obama.jpg's landmarks and regions on skin of one colour, with a dark valley (Gaussian
    /// profile, σ `width` crop px, `depth` darker at its deepest) drawn `below` IODs under each
    /// lower lid, parallel to it, over the inner `share` of the lid's width. Returns the eye-bag
    /// score.
    fn with_groove(share: f32, below: f32, width: f32, depth: f32) -> super::MetricScore {
        let (mut face, regions) = fixture_face("obama.jpg");
        // Per side: the lid's points, and its inner and outer corner's columns.
        let sides: Vec<(Vec<[f32; 2]>, f32, f32)> = [
            (&RIGHT_LOWER_LID[..], RIGHT_EYE_INNER, RIGHT_EYE_OUTER),
            (&LEFT_LOWER_LID[..], LEFT_EYE_INNER, LEFT_EYE_OUTER),
        ]
        .iter()
        .map(|&(lid, inner, outer)| {
            let pts = lid.iter().map(|&i| face.pt(i)).collect();
            (pts, face.pt(inner)[0], face.pt(outer)[0])
        })
        .collect();
        let iod = face.iod;
        repaint(&mut face, |x, y, _| {
            let (x, y) = (x as f32, y as f32);
            let d = sides
                .iter()
                .filter_map(|(lid, inner, outer)| {
                    let t = (x - inner) / (outer - inner);
                    if !(0.0..=share).contains(&t) {
                        return None;
                    }
                    let g = lid_y(lid, x)? + below * iod;
                    Some(depth * (-(y - g).powi(2) / (2.0 * width * width)).exp())
                })
                .fold(0.0, f32::max);
            [200.0, 160.0, 140.0].map(|c: f32| (c * (1.0 - d)).round() as u8)
        });
        wrinkles(&face, &regions)
            .eye_bags
            .score
            .expect("obama.jpg's bands hold skin")
    }

    #[test]
    fn a_drawn_groove_under_the_eyes_lowers_hd_eye_bags_by_its_length_and_depth() {
        // A groove 0.2 IOD under the lids (≈ 12 mm; where a bag's lower edge lies), σ 3 crop
        // px (≈ 1.6 mm), 15 % darker at its deepest.
        let bare = with_groove(0.0, 0.2, 3.0, 0.15);
        let half = with_groove(0.5, 0.2, 3.0, 0.15);
        let full = with_groove(1.0, 0.2, 3.0, 0.15);
        let faint = with_groove(1.0, 0.2, 3.0, 0.05);
        eprintln!(
            "eye bags raw {} / {} / {} (faint {}), score {} / {} / {} (faint {})",
            bare.raw_score,
            half.raw_score,
            full.raw_score,
            faint.raw_score,
            bare.ui_score,
            half.ui_score,
            full.ui_score,
            faint.ui_score
        );
        assert!(bare.raw_score < 1.0 && bare.ui_score > 99.0, "{bare:?}");
        assert!((35.0..75.0).contains(&half.raw_score), "{half:?}");
        assert!(full.raw_score > 80.0, "{full:?}");
        assert!(bare.ui_score > half.ui_score && half.ui_score > full.ui_score);
        assert!(full.ui_score < 30.0, "{full:?}");
        // A shallower groove counts less along the same length.
        assert!(faint.ui_score > full.ui_score, "{faint:?}");
    }

    #[test]
    fn the_lash_line_and_a_smile_crease_under_the_lid_are_not_grooves() {
        // A dark line along the lid margin itself (the lashes' shadow, 40 % darker, σ 1.5 px),
        // and a crease 0.08 IOD under it (where a smile bunches the lower lid; 15 % darker,
        // σ 3 px): the band starts 0.14 IOD below the lid and counts a valley only where its
        // floor lies, so neither counts.
        let lashes = with_groove(1.0, 0.0, 1.5, 0.4);
        let crease = with_groove(1.0, 0.08, 3.0, 0.15);
        eprintln!(
            "lash line: raw {}, crease: raw {}",
            lashes.raw_score, crease.raw_score
        );
        assert!(lashes.raw_score < 5.0, "{lashes:?}");
        assert!(crease.raw_score < 5.0, "{crease:?}");
    }

    #[test]
    fn without_skin_under_the_eyes_no_score_is_reported() {
        // Bands with no skin (dark glasses, a hand): nothing was measured, so nothing is said.
        let (face, mut regions) = fixture_face("obama.jpg");
        for band in [&mut regions.bag_right, &mut regions.bag_left] {
            *band = crate::vision::raster::Mask::empty(band.width, band.height);
        }
        let bags = wrinkles(&face, &regions).eye_bags;
        assert!(bags.score.is_none());
        assert_eq!(bags.grooves.count(), 0);
    }
}
