//! `projectedScore` and `projection3month`: a bounded, documented improvement model.
//!
//! Model: with the routine followed for 3 months, an area closes a fixed share of its gap to 100.
//! The share is the area's [`responsiveness`] (how fast such signs respond to topical care —
//! planning assumptions from typical cosmetic-trial magnitudes, not a prediction for this person)
//! times how directly the routine targets it: concern 1 (serum + evening active) × 1, concern 2
//! (support serum) × 0.6, concern 3 (nutrition only) × 0.3. The overall gain is the gain of each
//! area weighted as in the composite score, capped at [`MAX_GAIN`] points; hydration has no
//! composite weight, so it never moves the score.

use super::areas::{clamp_score, Area, AreaScores};
use super::i18n::{ta, Arg};
use super::language::Language;

/// Largest overall gain the projection ever claims, in score points.
pub const MAX_GAIN: f32 = 15.0;

/// How directly the routine targets concerns 1, 2 and 3.
const TARGETING: [f32; 3] = [1.0, 0.6, 0.3];

/// Share of the gap to 100 an area closes in 3 months when fully targeted.
pub fn responsiveness(a: Area) -> f32 {
    match a {
        Area::Hydration => 0.40,
        Area::Acne => 0.35,
        Area::Oiliness | Area::Texture => 0.30,
        Area::Redness => 0.25,
        Area::Pores => 0.15,
        Area::Wrinkles | Area::DarkCircles => 0.10,
        // The lower lid's groove is anatomy (fat pad, ligament, bone); creams change it little.
        Area::Firmness | Area::EyeBags => 0.05,
    }
}

/// One concern's expected change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaProjection {
    pub area: Area,
    pub from: f32,
    pub to: f32,
}

/// The projection, language-neutral.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub areas: [AreaProjection; 3],
    /// Whole score points, ≥ the current skin score and ≤ 100.
    pub projected_score: f32,
}

/// Applies the model to the current overall score and the three concerns (worst first).
pub fn project(overall: f32, concerns: [Area; 3], scores: &AreaScores) -> Projection {
    let overall = clamp_score(overall);
    let areas = std::array::from_fn(|i| {
        let a = concerns[i];
        let from = scores.get(a);
        let to = from + responsiveness(a) * TARGETING[i] * (100.0 - from);
        AreaProjection { area: a, from, to }
    });
    let gain: f32 = areas
        .iter()
        .map(|p: &AreaProjection| p.area.composite_weight() * (p.to - p.from))
        .sum();
    let projected_score = (overall + gain.clamp(0.0, MAX_GAIN)).min(100.0).round();
    Projection {
        areas,
        projected_score,
    }
}

impl Projection {
    /// Two concern sentences (concerns 1 and 2) and the overall sentence.
    pub fn text(&self, lang: Language) -> String {
        let mut parts: Vec<String> = self.areas[..2]
            .iter()
            .map(|p| {
                let args = [
                    ("from", Arg::from(p.from.round())),
                    ("to", Arg::from(p.to.round())),
                ];
                ta(lang, &format!("proj-{}", p.area.key()), &args)
            })
            .collect();
        parts.push(ta(
            lang,
            "proj-overall",
            &[("projected", self.projected_score.into())],
        ));
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skinn::clinic::testutil::report_with;

    fn scores(acne: f32) -> AreaScores {
        AreaScores::from_report(&report_with(|r| r.hd_acne.ui_score = acne), 80.0)
    }

    #[test]
    fn projected_score_is_never_below_the_current_score_nor_above_100() {
        for overall in [0.0, 12.3, 50.0, 71.6, 99.4, 100.0] {
            for acne in [0.0, 40.0, 100.0] {
                let p = project(
                    overall,
                    [Area::Acne, Area::Redness, Area::Hydration],
                    &scores(acne),
                );
                assert!(
                    p.projected_score >= overall.round(),
                    "{overall} {acne} -> {}",
                    p.projected_score
                );
                assert!(p.projected_score <= 100.0);
            }
        }
    }

    #[test]
    fn gain_is_capped_and_worse_acne_leaves_more_room_to_improve() {
        let low = project(
            50.0,
            [Area::Acne, Area::Redness, Area::Texture],
            &scores(10.0),
        );
        let high = project(
            50.0,
            [Area::Acne, Area::Redness, Area::Texture],
            &scores(80.0),
        );
        assert!(low.projected_score > high.projected_score);
        assert!(low.projected_score <= 50.0 + MAX_GAIN);
        assert!(low.areas[0].to > low.areas[0].from);
    }

    #[test]
    fn improving_only_hydration_does_not_move_the_score() {
        let s = AreaScores::from_report(&report_with(|_| {}), 40.0);
        let p = project(
            70.0,
            [Area::Hydration, Area::Hydration, Area::Hydration],
            &s,
        );
        assert_eq!(p.projected_score, 70.0);
    }
}
