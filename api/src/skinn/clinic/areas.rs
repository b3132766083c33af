//! The ten skin areas the clinic report reasons about, and their 0–100 scores from the Report.
//!
//! Nine areas are the vision engine's `hd_*` metrics; the tenth, hydration, is this module's
//! estimate (see [`super::classify::hydration_pct`]). Every area score is 0–100, higher = healthier,
//! so "the worst areas" are simply the lowest scores. Eye bags may be unmeasured (no skin under
//! the eyes, or a report stored before the metric existed): such an area is never a finding.

use super::Report;

/// A skin area. The declaration order is the tie-break priority when two areas score the same:
/// it follows the vision composite's weights (most visible first), then eye bags and hydration,
/// which the composite leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    Acne,
    Wrinkles,
    Redness,
    Texture,
    Pores,
    DarkCircles,
    Oiliness,
    Firmness,
    EyeBags,
    Hydration,
}

impl Area {
    pub const ALL: [Area; 10] = [
        Area::Acne,
        Area::Wrinkles,
        Area::Redness,
        Area::Texture,
        Area::Pores,
        Area::DarkCircles,
        Area::Oiliness,
        Area::Firmness,
        Area::EyeBags,
        Area::Hydration,
    ];

    /// Kebab-case key used in Fluent message ids (`area-dark-circles`, `reason-acne`, …).
    pub fn key(self) -> &'static str {
        match self {
            Area::Acne => "acne",
            Area::Wrinkles => "wrinkles",
            Area::Redness => "redness",
            Area::Texture => "texture",
            Area::Pores => "pores",
            Area::DarkCircles => "dark-circles",
            Area::Oiliness => "oiliness",
            Area::Firmness => "firmness",
            Area::EyeBags => "eye-bags",
            Area::Hydration => "hydration",
        }
    }

    /// Weight of the area in the vision engine's composite `all.score`. This mirrors
    /// `vision::metrics::score::WEIGHTS` (not importable here: the report module is the only
    /// interface). Eye bags and hydration are not part of the composite, so improving them moves
    /// no score.
    pub fn composite_weight(self) -> f32 {
        match self {
            Area::Acne | Area::Wrinkles => 0.18,
            Area::Redness => 0.14,
            Area::Texture | Area::Pores => 0.12,
            Area::DarkCircles => 0.10,
            Area::Oiliness | Area::Firmness => 0.08,
            Area::EyeBags | Area::Hydration => 0.0,
        }
    }
}

/// The area scores of one report, 0–100 each (clamped; NaN counts as 0 so a broken
/// measurement is treated as a problem to look at, not silently as perfect). `None` marks an
/// area the report did not measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaScores {
    scores: [Option<f32>; 10],
}

impl AreaScores {
    /// Reads the nine metric scores from the report; `hydration` is supplied by the caller.
    pub fn from_report(r: &Report, hydration: f32) -> Self {
        let scores = Area::ALL.map(|a| {
            match a {
                Area::Acne => Some(r.hd_acne.ui_score),
                Area::Wrinkles => Some(r.hd_wrinkle.whole.ui_score),
                Area::Redness => Some(r.hd_redness.ui_score),
                Area::Texture => Some(r.hd_texture.ui_score),
                Area::Pores => Some(r.hd_pore.ui_score),
                // Behind glasses or with no under-eye skin in view the engine reads 100 and
                // says it did not measure: nothing to rank or to improve.
                Area::DarkCircles => r
                    .image_quality
                    .measured("hd_dark_circles")
                    .then_some(r.hd_dark_circles.ui_score),
                Area::Oiliness => Some(r.hd_oiliness.ui_score),
                Area::Firmness => Some(r.hd_firmness.ui_score),
                Area::EyeBags => r.hd_eye_bags.as_ref().map(|m| m.ui_score),
                Area::Hydration => Some(hydration),
            }
            .map(clamp_score)
        });
        AreaScores { scores }
    }

    /// The area's score, `None` when the report did not measure it.
    pub fn measured(&self, a: Area) -> Option<f32> {
        self.scores[a as usize]
    }

    /// The score of an area that [`Self::worst_first`] or [`Self::top3`] returned (those are
    /// measured); an unmeasured area reads 100, nothing to improve.
    pub fn get(&self, a: Area) -> f32 {
        self.measured(a).unwrap_or(100.0)
    }

    /// The measured areas from worst (lowest score) to best; ties keep [`Area`] declaration
    /// order.
    pub fn worst_first(&self) -> Vec<Area> {
        let mut areas: Vec<Area> = Area::ALL
            .into_iter()
            .filter(|a| self.measured(*a).is_some())
            .collect();
        areas.sort_by(|a, b| self.get(*a).total_cmp(&self.get(*b)).then(a.cmp(b)));
        areas
    }

    /// The three priority concerns: the three lowest-scoring areas, worst first. Nine areas are
    /// always measured, so there are always three.
    pub fn top3(&self) -> [Area; 3] {
        let w = self.worst_first();
        [w[0], w[1], w[2]]
    }
}

/// Clamps a score to 0–100; NaN becomes 0.
pub fn clamp_score(v: f32) -> f32 {
    if v.is_nan() {
        0.0
    } else {
        v.clamp(0.0, 100.0)
    }
}

/// How strong a finding is, from its 0–100 score. `None` means nothing worth listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Mild,
    Moderate,
    Marked,
}

impl Severity {
    /// Bands on a 0–100 health score: ≥ 70 nothing; 55–70 mild; 35–55 moderate; < 35 marked.
    /// 50 is where a metric's raw value reaches its "half" reference (see the vision docs), so
    /// moderate is centred on it.
    pub fn from_score(score: f32) -> Option<Severity> {
        match clamp_score(score) {
            s if s >= 70.0 => None,
            s if s >= 55.0 => Some(Severity::Mild),
            s if s >= 35.0 => Some(Severity::Moderate),
            _ => Some(Severity::Marked),
        }
    }

    /// Selector key used by the Fluent messages.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Mild => "mild",
            Severity::Moderate => "moderate",
            Severity::Marked => "marked",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composite_weights_sum_to_one_like_the_vision_engine() {
        let s: f32 = Area::ALL.iter().map(|a| a.composite_weight()).sum();
        assert!((s - 1.0).abs() < 1e-6);
    }

    #[test]
    fn unmeasured_eye_bags_are_never_a_concern_and_measured_ones_can_be() {
        let mut r = crate::skinn::clinic::testutil::healthy();
        r.hd_eye_bags = None;
        let s = AreaScores::from_report(&r, 0.0);
        assert_eq!(s.measured(Area::EyeBags), None);
        assert_eq!(s.worst_first().len(), 9);
        assert!(!s.worst_first().contains(&Area::EyeBags));

        r.hd_eye_bags = crate::skinn::clinic::testutil::healthy().hd_eye_bags;
        r.hd_eye_bags.as_mut().unwrap().ui_score = 20.0;
        let s = AreaScores::from_report(&r, 90.0);
        assert_eq!(s.top3()[0], Area::EyeBags);
    }

    #[test]
    fn dark_circles_the_photo_did_not_measure_are_not_an_area() {
        let mut r = crate::skinn::clinic::testutil::healthy();
        r.hd_dark_circles.ui_score = 20.0;
        let s = AreaScores::from_report(&r, 90.0);
        assert_eq!(s.top3()[0], Area::DarkCircles);
        r.image_quality.not_measured = vec!["hd_dark_circles".into()];
        r.hd_dark_circles.ui_score = 100.0;
        let s = AreaScores::from_report(&r, 90.0);
        assert_eq!(s.measured(Area::DarkCircles), None);
        assert!(!s.worst_first().contains(&Area::DarkCircles));
    }

    #[test]
    fn severity_bands_have_documented_edges() {
        assert_eq!(Severity::from_score(70.0), None);
        assert_eq!(Severity::from_score(69.9), Some(Severity::Mild));
        assert_eq!(Severity::from_score(55.0), Some(Severity::Mild));
        assert_eq!(Severity::from_score(54.9), Some(Severity::Moderate));
        assert_eq!(Severity::from_score(34.9), Some(Severity::Marked));
        assert_eq!(Severity::from_score(f32::NAN), Some(Severity::Marked));
    }
}
