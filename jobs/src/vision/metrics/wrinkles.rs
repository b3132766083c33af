//! hd_wrinkle: line-like dark valleys in L*, per region, with the lines' expected orientation.
//! The same valley filters, at the fold's scales, serve hd_eye_bags (a bag's groove is a fold
//! of its own), so they run once for both.

use super::super::face_frame::CanonicalFace;
use super::super::filters::{dark_ridges, Plane};
use super::super::landmarks_idx::{LEFT_EYE_OUTER, RIGHT_EYE_OUTER};
use super::super::raster::Mask;
use super::super::regions::Regions;
use super::eye_bags::{eye_bags, EyeBags};
use super::score::{r1, ramp, ui};
use crate::vision::report::{MetricScore, WrinkleScores};

/// Ridge strength (σ²·λ, L* units) ramp: below `RIDGE_LO` no line, above `RIDGE_HI` a full line.
/// A soft ramp instead of one threshold keeps the score from jumping with noise and resampling.
const RIDGE_LO: f32 = 1.0;
const RIDGE_HI: f32 = 2.2;
/// Nominal ridge scales in crop pixels (IOD ≈ 116 px, so ≈ 0.8 and 1.6 mm), applied at the
/// common resolution ([`CanonicalFace::common_sigma`]), so scores do not depend on the photo's
/// resolution: the scales of lines (forehead, glabella, crow's feet).
const LINE_SIGMAS: [f32; 2] = [1.5, 3.0];
/// The scales of the nasolabial fold (≈ 1.6 and 3.2 mm): a fold is a broad valley of shading
/// between cheek and lip, several millimetres wide, not a crease. Seen only at the line scales,
/// its edges' fine detail decided how much of it read as a line, and that detail is what a
/// smaller photo loses first: biden.jpg's fold read 3.9 points healthier at half size (1.3 at
/// most with these scales, docs/metrics.md).
const FOLD_SIGMAS: [f32; 2] = [3.0, 6.0];

/// Expected line direction of a region, which suppresses hair, brows and shading edges that run
/// the other way.
#[derive(Clone, Copy)]
pub(super) enum Orientation {
    Horizontal,
    Vertical,
    /// Fanning out from a point (crow's feet from the eye's outer corner): the face's silhouette
    /// and the hairline at the temple, which run across that fan, do not count.
    Radial([f32; 2]),
    Any,
}

impl Orientation {
    /// Weight (0–1) of a line running at `angle` through crop pixel (`x`, `y`).
    fn weight(self, angle: f32, x: usize, y: usize) -> f32 {
        match self {
            Orientation::Horizontal => angle.cos().powi(2),
            Orientation::Vertical => angle.sin().powi(2),
            Orientation::Radial([cx, cy]) => {
                let outward = (y as f32 - cy).atan2(x as f32 - cx);
                (angle - outward).cos().powi(2)
            }
            Orientation::Any => 1.0,
        }
    }
}

pub struct Wrinkles {
    pub scores: WrinkleScores,
    /// Pixels that are at least half a line (for the masks), per region:
    pub forehead: Mask,
    pub crow_feet: Mask,
    pub nasolabial: Mask,
    pub glabella: Mask,
    /// The grooves under the lower lids, read with the fold's filters.
    pub eye_bags: EyeBags,
    /// The sites with too little skin in view to grade ("forehead", "crow_feet", "nasolabial",
    /// "glabella": under a fringe, beyond the photo's frame, behind the silhouette or glasses):
    /// they count nowhere in `whole`, their own score is that of a site without lines, and
    /// their mask is empty.
    pub unseen: Vec<&'static str>,
}

/// Ridge strength and direction at one scale.
type Ridges = (Plane, Vec<f32>);

/// Ridge responses at some scales, computed on the sub-window `(x0, y0, w, h)` of the crop.
pub(super) struct Responses<'a> {
    x0: usize,
    y0: usize,
    w: usize,
    h: usize,
    scales: Vec<&'a Ridges>,
}

impl Responses<'_> {
    /// The filtered window `(x0, y0, x1, y1)` in crop pixels (exclusive ends).
    pub(super) fn window(&self) -> (usize, usize, usize, usize) {
        (self.x0, self.y0, self.x0 + self.w, self.y0 + self.h)
    }

    /// Line coverage (0–1) of crop pixel (`x`, `y`), which the window must hold: the strongest
    /// response over the scales, weighted by the expected direction `o`, on the ramp from
    /// `RIDGE_LO` to `RIDGE_HI`.
    fn coverage(&self, x: usize, y: usize, o: Orientation) -> f32 {
        let j = (y - self.y0) * self.w + (x - self.x0);
        ramp(self.strongest(j, x, y, o).1, RIDGE_LO, RIDGE_HI)
    }

    /// The scale with the strongest response at window index `j` (crop pixel (`x`, `y`)),
    /// weighted by the expected direction `o`, and that response (at least 0).
    fn strongest(&self, j: usize, x: usize, y: usize, o: Orientation) -> (Option<&Ridges>, f32) {
        self.scales
            .iter()
            .map(|r| (*r, r.0.data[j] * o.weight(r.1[j], x, y)))
            .fold(
                (None, 0.0),
                |best, (r, s)| if s > best.1 { (Some(r), s) } else { best },
            )
    }

    /// [`Self::coverage`], but only on a valley's floor: where the strongest scale's response is
    /// at least its response one pixel to either side across the valley (0 elsewhere, and on
    /// the window's edge). A band then counts a valley whose floor lies inside it, not the
    /// flank of one that runs beside it.
    pub(super) fn floor_coverage(&self, x: usize, y: usize, o: Orientation) -> f32 {
        let inner = |v: usize, lo: usize, len: usize| v > lo && v + 1 < lo + len;
        if !inner(x, self.x0, self.w) || !inner(y, self.y0, self.h) {
            return 0.0;
        }
        let j = (y - self.y0) * self.w + (x - self.x0);
        let (Some((s, dir)), strength) = self.strongest(j, x, y, o) else {
            // No scale responds: no valley here.
            return 0.0;
        };
        // The line runs along `dir`; its neighbours across it, rounded to the pixel grid.
        let (dx, dy) = (
            -dir[j].sin().round() as isize,
            dir[j].cos().round() as isize,
        );
        let at = |k: isize| s.data[(j as isize + k * (dy * self.w as isize + dx)) as usize];
        if at(0) < at(1) || at(0) < at(-1) {
            return 0.0;
        }
        ramp(strength, RIDGE_LO, RIDGE_HI)
    }
}

/// Line coverage of one region: per-pixel ramp of the strongest oriented ridge response.
/// Returns (coverage sum, pixel count, pixels with coverage ≥ ½).
fn region_lines(r: &Responses, region: &Mask, o: Orientation) -> (f32, usize, Mask) {
    let mut m = Mask::empty(region.width, region.height);
    let (mut sum, mut n) = (0.0, 0);
    for (i, x, y) in region.pixels_in(r.window()) {
        let c = r.coverage(x, y, o);
        sum += c;
        n += 1;
        m.data[i] = c >= 0.5;
    }
    (sum, n, m)
}

/// A crow's-feet side counts fully while its region holds at least `SIDE_FULL` of the other
/// side's pixels, not at all below `SIDE_NONE`, on a ramp between (see [`side_weights`]).
const SIDE_NONE: f32 = 0.2;
const SIDE_FULL: f32 = 0.5;

/// Weights of the right and left crow's-feet regions, from their pixel counts.
///
/// Why: on a turned head the far side's crow's feet are seen at a grazing angle, foreshortened
/// and cut by the silhouette (and by hair at the temple) down to a sliver along the face's
/// outline; what reads as lines there is mostly the outline's shading, and a sliver's share of
/// lines swings with every pixel its edges gain or lose (biden.jpg: a 121-px left region against
/// a 1068-px right one held two thirds of the lines found and moved the score 3.5 points under
/// JPEG re-compression). The weight ramps with the size ratio, so a face turning away fades a
/// side out instead of switching it off.
pub(super) fn side_weights(right: usize, left: usize) -> [f32; 2] {
    let larger = right.max(left).max(1) as f32;
    [right, left].map(|n| ramp(n as f32 / larger, SIDE_NONE, SIDE_FULL))
}

/// A wrinkle site is graded not at all below `SITE_NONE_IOD2` of skin in view (≈ 244 crop px,
/// a square of ≈ 0.13 IOD, 8.5 mm, 18 pixels at the common resolution where the lines are read)
/// and fully from `SITE_FULL_IOD2` (≈ 352 px, 10 mm), on a ramp between ([`site_weight`]).
///
/// Why that size: a share of lines needs a patch a few line spacings across, and at the common
/// resolution a crease is 1–2 pixels wide. Smaller sites are slivers between hair, glasses and
/// the silhouette, whose share swings with every pixel their edges gain or lose: grace_hopper.jpg's
/// crow's feet (65–213 px beside her glasses' rims, by how the photo was resampled) read
/// 20.6–42.1 as it was resized 0.8–1.3×, and astronaut.png's (190 px between hair and
/// silhouette) shrank to 117 px under JPEG 60. Every site of the fixtures that is not such a
/// sliver holds at least 376 px (grace_hopper.jpg's glabella between her brows, at half size),
/// so the ramp lies between the two groups. (It was 270–400 px, and faded her glabella — a
/// real site whose brows' edges give it 376–487 px by copy — by up to a fifth at half size.)
const SITE_NONE_IOD2: f32 = 0.018;
const SITE_FULL_IOD2: f32 = 0.026;

/// How fully a wrinkle site with `area` IOD² of skin in view is graded (0–1).
fn site_weight(area: f32) -> f32 {
    ramp(area, SITE_NONE_IOD2, SITE_FULL_IOD2)
}

/// Fold length on a line giving nasolabial 50.
const FOLD_HALF_PCT: f32 = 50.0;

/// Share (%) of a band's length along which the band holds a line: the band is cut into 2-px
/// slices across its `axis` and each slice counts with the strongest `coverage` (0–1, of a crop
/// pixel inside `r`'s window) among its pixels. A fold (or a bag's groove) is one line whose exact place in its band varies with
/// the landmarks, so its length is measured, not the band's area it covers (which moves with
/// where the band's edges fall).
pub(super) fn length_on_line(
    r: &Responses,
    band: &Mask,
    [a, b]: [[f32; 2]; 2],
    mut coverage: impl FnMut(usize, usize) -> f32,
) -> f32 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = (dx * dx + dy * dy).max(1.0);
    let slices = (len2.sqrt() / 2.0).ceil().max(1.0) as usize;
    let mut best = vec![None::<f32>; slices];
    for (_, x, y) in band.pixels_in(r.window()) {
        let t = ((x as f32 - a[0]) * dx + (y as f32 - a[1]) * dy) / len2;
        let k = ((t * slices as f32) as isize).clamp(0, slices as isize - 1) as usize;
        let c = coverage(x, y);
        best[k] = Some(best[k].map_or(c, |v: f32| v.max(c)));
    }
    let seen: Vec<f32> = best.into_iter().flatten().collect();
    100.0 * seen.iter().sum::<f32>() / seen.len().max(1) as f32
}

/// Line coverage sum over `n` pixels as a percentage.
fn pct(sum: f32, n: f32) -> f32 {
    100.0 * sum / n.max(1.0)
}

fn score(pct: f32, half: f32) -> MetricScore {
    MetricScore {
        ui_score: ui(pct, half, 1.5),
        raw_score: pct,
        unit: "% of region on lines".into(),
    }
}

/// A site's grade at weight `w` ([`site_weight`]): the score blended linearly with 100 (a site
/// without lines seen) and the raw scaled by `w`, then rounded. Linear in the score, not the
/// raw: the score curve is steep at a few per cent of lines, so fading the raw made the grade
/// jump 16 points for the last 10 pixels of a lined site.
fn faded(s: MetricScore, w: f32) -> MetricScore {
    MetricScore {
        ui_score: r1(w * s.ui_score + (1.0 - w) * 100.0),
        raw_score: r1(w * s.raw_score),
        unit: s.unit,
    }
}

/// **Wrinkles** — what: lines and folds per region (forehead, crow's feet, nasolabial, glabella)
/// and all together (`whole`).
/// How: Hessian valley detector on L* at nominal σ = 1.5 and 3 crop px at the common resolution
/// (Frangi-like: largest eigenvalue, blob-penalised, σ²-normalised), weighted by the region's
/// expected line direction (forehead horizontal, glabella vertical, others any); each pixel's
/// line coverage ramps from 0 at strength 1.0 to 1 at 2.2 (L* units). Raw: mean coverage of the
/// region's skin, % (the share of the region covered by lines); score `ui(pct, half, 1.5)` with
/// half 8 %. The nasolabial fold is one broad valley, seen at σ = 3 and 6 crop px
/// ([`FOLD_SIGMAS`]), so its raw is the share of the fold's length that holds a line
/// ([`length_on_line`]); score `ui(pct, 50, 2)`. Crow's feet weigh each side
/// by its size against the other ([`side_weights`]); `whole` is the mean of the four site
/// scores, each fading in with its size.
/// Limits: expression lines (smiling, frowning) count; strong side light exaggerates and flat
/// light hides lines; lines finer than ≈ 1 mm are not resolved at the canonical scale.
pub fn wrinkles(face: &CanonicalFace, regions: &Regions) -> Wrinkles {
    let n = face.lab.width;
    let l = Plane::new(n, n, face.lab.l.clone());
    let crow_r = regions.crow_feet_right.or(&regions.crow_feet_left);
    let naso_r = regions.nasolabial_right.or(&regions.nasolabial_left);
    // Filter only the window holding the regions (plus the filters' support), not the crop.
    let all = regions
        .forehead
        .or(&crow_r)
        .or(&naso_r)
        .or(&regions.glabella)
        .or(&regions.bag_right)
        .or(&regions.bag_left);
    // Every scale once (the 3.0 serves lines and the fold), largest last.
    let mut nominals: Vec<f32> = LINE_SIGMAS.iter().chain(&FOLD_SIGMAS).copied().collect();
    nominals.sort_by(f32::total_cmp);
    nominals.dedup();
    let widest = face.common_sigma(*nominals.last().expect("scales"));
    let margin = (3.0 * widest).ceil() as usize + 2;
    let (x0, y0, x1, y1) = all.bbox(margin).unwrap_or((0, 0, n, n));
    let window = l.crop(x0, y0, x1 - x0, y1 - y0);
    let ridges: Vec<(f32, Ridges)> = nominals
        .iter()
        .map(|&s| {
            let r = dark_ridges(&window, face.common_sigma(s), face.scene_sigma(s));
            (s, r)
        })
        .collect();
    let at_scales = |wanted: &[f32]| Responses {
        x0,
        y0,
        w: x1 - x0,
        h: y1 - y0,
        scales: ridges
            .iter()
            .filter(|(s, _)| wanted.contains(s))
            .map(|(_, r)| r)
            .collect(),
    };
    let strength = at_scales(&LINE_SIGMAS);
    let fold = at_scales(&FOLD_SIGMAS);
    let (fs, fn_, forehead) = region_lines(&strength, &regions.forehead, Orientation::Horizontal);
    let crow_side = |region: &Mask, corner: usize| {
        region_lines(&strength, region, Orientation::Radial(face.pt(corner)))
    };
    let (crs, crn, crow_right) = crow_side(&regions.crow_feet_right, RIGHT_EYE_OUTER);
    let (cls, cln, crow_left) = crow_side(&regions.crow_feet_left, LEFT_EYE_OUTER);
    let [wr, wl] = side_weights(crn, cln);
    let (cs, cn) = (wr * crs + wl * cls, wr * crn as f32 + wl * cln as f32);
    // The mask shows the sides that count.
    let crow_feet = match (wr > 0.0, wl > 0.0) {
        (true, false) => crow_right,
        (false, true) => crow_left,
        _ => crow_right.or(&crow_left),
    };
    let (ns, nn, nasolabial) = region_lines(&fold, &naso_r, Orientation::Any);
    let (gs, gn, glabella) = region_lines(&strength, &regions.glabella, Orientation::Vertical);
    let fold_pct = regions
        .nasolabial_axes
        .iter()
        .zip([&regions.nasolabial_right, &regions.nasolabial_left])
        .map(|(&axis, band)| {
            length_on_line(&fold, band, axis, |x, y| {
                fold.coverage(x, y, Orientation::Any)
            })
        })
        .sum::<f32>()
        / 2.0;
    // A site is graded in proportion to how much of it the photo shows (`site_weight`): a
    // sliver's share of lines is noise, so its grade fades to that of a site without lines
    // seen, and its weight in `whole` to nothing, continuously.
    let iod2 = face.iod * face.iod;
    let [wf, wc, wn, wg] = [fn_ as f32, cn, nn as f32, gn as f32].map(|n| site_weight(n / iod2));
    let forehead_score = faded(score(pct(fs, fn_ as f32), 8.0), wf);
    let crow_score = faded(score(pct(cs, cn), 8.0), wc);
    let fold_score = faded(
        MetricScore {
            ui_score: ui(fold_pct, FOLD_HALF_PCT, 2.0),
            raw_score: fold_pct,
            unit: "% of fold length on a line".into(),
        },
        wn,
    );
    let glabella_score = faded(score(pct(gs, gn as f32), 8.0), wg);
    // The whole face's score grades each site and averages the grades, as clinical wrinkle
    // scales do (one grade per site, then their sum), over the sites the photo shows: pooling
    // the sites' pixels instead let the largest region decide (a smile's folds gave a young face
    // 19) and amplified its noise.
    let (mut total, mut weight, mut unseen) = (0.0, 0.0, Vec::new());
    for (site, w, s) in [
        ("forehead", wf, &forehead_score),
        ("crow_feet", wc, &crow_score),
        ("nasolabial", wn, &fold_score),
        ("glabella", wg, &glabella_score),
    ] {
        if w == 0.0 {
            unseen.push(site);
        }
        total += w * s.ui_score;
        weight += w;
    }
    let pooled = pct(
        wf * fs + wc * cs + wn * ns + wg * gs,
        wf * fn_ as f32 + wc * cn + wn * nn as f32 + wg * gn as f32,
    );
    let scores = WrinkleScores {
        whole: MetricScore {
            ui_score: if weight > 0.0 {
                r1(total / weight)
            } else {
                100.0
            },
            raw_score: r1(pooled),
            unit: "% of regions on lines".into(),
        },
        forehead: forehead_score,
        crow_feet: crow_score,
        nasolabial: fold_score,
        glabella: glabella_score,
    };
    // The masks show the lines of the sites that are graded.
    let shown = |m: Mask, w: f32| {
        if w > 0.0 {
            m
        } else {
            Mask::empty(m.width, m.height)
        }
    };
    Wrinkles {
        scores,
        forehead: shown(forehead, wf),
        crow_feet: shown(crow_feet, wc),
        nasolabial: shown(nasolabial, wn),
        glabella: shown(glabella, wg),
        eye_bags: eye_bags(&fold, regions),
        unseen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::{fixture_face, repaint};

    #[test]
    fn a_crow_feet_sliver_fades_out_against_the_other_side() {
        // Both sides well seen (obama.jpg: 580 and 310 px): both count fully.
        assert_eq!(side_weights(580, 310), [1.0, 1.0]);
        // A turned head's far side cut to a sliver (biden.jpg: 1068 and 121 px): it does not.
        assert_eq!(side_weights(1068, 121), [1.0, 0.0]);
        // Between, the weight ramps (no jump as the head turns), symmetric in the sides.
        let [r, l] = side_weights(1000, 350);
        assert!((l - 0.5).abs() < 1e-6 && r == 1.0);
        assert_eq!(side_weights(350, 1000), [l, r]);
        assert_eq!(side_weights(0, 0), [0.0, 0.0]);
    }

    /// A site cut down to a sliver fades out of the grade without a jump: obama.jpg's crow's
    /// feet (923 px, smile lines, 12.8) kept to their first `k` pixels read as measured down to
    /// `SITE_FULL_IOD2`, rise towards 100 on the ramp, and from `SITE_NONE_IOD2` down are not
    /// graded (100, listed unseen, an empty mask).
    #[test]
    fn a_site_cut_to_a_sliver_fades_out_of_the_grade() {
        let (face, regions) = fixture_face("obama.jpg");
        let iod2 = face.iod * face.iod;
        let (none, full) = (SITE_NONE_IOD2 * iod2, SITE_FULL_IOD2 * iod2);
        let first = |m: &Mask, k: usize| {
            let mut out = Mask::empty(m.width, m.height);
            for i in (0..m.data.len()).filter(|&i| m.data[i]).take(k) {
                out.data[i] = true;
            }
            out
        };
        let (right, left) = (&regions.crow_feet_right, &regions.crow_feet_left);
        let total = right.count() + left.count();
        assert!(total as f32 > 2.0 * full, "{total} px");
        let mut last: Option<(usize, f32)> = None;
        for k in (0..=total).rev().step_by(10) {
            // Both sides shrink alike, so neither fades against the other.
            let kr = k * right.count() / total;
            let mut cut = regions.clone();
            cut.crow_feet_right = first(right, kr);
            cut.crow_feet_left = first(left, k - kr);
            let w = wrinkles(&face, &cut);
            let score = w.scores.crow_feet.ui_score;
            let px = k as f32;
            if px >= full {
                assert!(score < 40.0, "{k} px: {score}");
            }
            if px <= none {
                assert_eq!(score, 100.0, "{k} px");
                assert!(w.unseen.contains(&"crow_feet"), "{k} px");
                assert_eq!(w.crow_feet.count(), 0, "{k} px");
            } else {
                assert!(!w.unseen.contains(&"crow_feet"), "{k} px");
            }
            if let Some((k0, s0)) = last {
                assert!((score - s0).abs() < 15.0, "{k0} → {k} px: {s0} → {score}");
            }
            last = Some((k, score));
        }
    }

    #[test]
    fn a_drawn_fold_lowers_the_nasolabial_score_by_its_length() {
        use crate::vision::regions::{FOLD_FROM, FOLD_TO};
        // obama.jpg's landmarks and regions on skin of one colour: no line anywhere.
        let (mut face, regions) = fixture_face("obama.jpg");
        let axes = regions.nasolabial_axes;
        // A fold along each axis from the ala, over `share` of the band's length (1: the whole
        // axis, past the band's ends): a valley with a Gaussian profile (σ 3 crop px ≈ 1.6 mm),
        // 15 % darker at its deepest.
        let mut with_fold = |share: f32| {
            let end = match share {
                0.0 => -1.0,
                1.0 => 1.0,
                _ => FOLD_FROM + share * (FOLD_TO - FOLD_FROM),
            };
            repaint(&mut face, |x, y, _| {
                let depth = axes
                    .iter()
                    .map(|&[a, b]| {
                        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
                        let len = (dx * dx + dy * dy).sqrt();
                        let (px, py) = (x as f32 - a[0], y as f32 - a[1]);
                        let t = (px * dx + py * dy) / (len * len);
                        let d = (px * dy - py * dx) / len;
                        if (0.0..=end).contains(&t) {
                            0.15 * (-d * d / 18.0).exp()
                        } else {
                            0.0
                        }
                    })
                    .fold(0.0, f32::max);
                [200.0, 160.0, 140.0].map(|c: f32| (c * (1.0 - depth)).round() as u8)
            });
            wrinkles(&face, &regions).scores.nasolabial
        };
        let (bare, half, full) = (with_fold(0.0), with_fold(0.5), with_fold(1.0));
        eprintln!(
            "fold raw {} / {} / {}, score {} / {} / {}",
            bare.raw_score,
            half.raw_score,
            full.raw_score,
            bare.ui_score,
            half.ui_score,
            full.ui_score
        );
        // The raw is the share of the band's length that holds a line. Not 100 for the whole
        // fold: on this face the band's last slices at the mouth (and one at the left ala) hold
        // only skin 4–9 px beside the axis — the mouth's and the nose wing's margins are not
        // fold skin — where the drawn valley has turned flat. For the same reason the half
        // fold covers more than half of the slices seen (64 %).
        assert!(bare.raw_score < 1.0 && bare.ui_score > 99.0);
        assert!((50.0..80.0).contains(&half.raw_score), "{}", half.raw_score);
        assert!(full.raw_score > 80.0, "{}", full.raw_score);
        assert!((30.0..70.0).contains(&half.ui_score), "{}", half.ui_score);
        assert!(full.ui_score < 30.0, "{}", full.ui_score);
        assert!(bare.ui_score > half.ui_score && half.ui_score > full.ui_score);
    }

    #[test]
    fn fine_dark_lines_on_forehead_lower_forehead_score() {
        // obama.jpg: a bare, smooth forehead (the astronaut's fringe covers hers).
        let (mut face, regions) = fixture_face("obama.jpg");
        assert!(
            regions.forehead.count() > 2000,
            "too little forehead to test"
        );
        let before = wrinkles(&face, &regions).scores;
        // Horizontal 3-px lines (≈ 1.6 mm, about the finest the common resolution shows), 25 %
        // darker, every 12 rows (≈ 6.5 mm, like real forehead lines) across the forehead region.
        let rows: Vec<usize> = (0..face.lab.height)
            .filter(|y| (0..face.lab.width).any(|x| regions.forehead.get(x, *y)))
            .collect();
        let fh = regions.forehead.clone();
        repaint(&mut face, |x, y, p| {
            if fh.get(x as usize, y as usize) && (y as usize - rows[0]) % 12 < 3 {
                p.map(|c| (c as f32 * 0.75) as u8)
            } else {
                p
            }
        });
        let after = wrinkles(&face, &regions).scores;
        eprintln!(
            "forehead {} -> {}",
            before.forehead.ui_score, after.forehead.ui_score
        );
        assert!(after.forehead.ui_score < before.forehead.ui_score - 10.0);
        assert!(after.whole.ui_score < before.whole.ui_score);
        // The whole is a mean of the site scores: between the lowest and the highest.
        for s in [&before, &after] {
            let sites = [&s.forehead, &s.crow_feet, &s.nasolabial, &s.glabella].map(|m| m.ui_score);
            let (lo, hi) = (
                sites.iter().copied().fold(100.0, f32::min),
                sites.iter().copied().fold(0.0, f32::max),
            );
            assert!(
                (lo..=hi).contains(&s.whole.ui_score),
                "{sites:?} -> {}",
                s.whole.ui_score
            );
        }
        // Other regions are untouched.
        assert_eq!(after.crow_feet.ui_score, before.crow_feet.ui_score);
    }
}
