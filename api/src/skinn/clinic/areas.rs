//! The nine skin areas the clinic report reasons about, and their 0–100 scores from the Report.
//!
//! Eight areas are the vision engine's `hd_*` metrics; the ninth, hydration, is this module's
//! estimate (see [`super::classify::hydration_pct`]). Every area score is 0–100, higher = healthier,
//! so "the worst areas" are simply the lowest scores.

use super::Report;

/// A skin area. The declaration order is the tie-break priority when two areas score the same:
/// it follows the vision composite's weights (most visible first), hydration last.
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
    Hydration,
}

impl Area {
    pub const ALL: [Area; 9] = [
        Area::Acne,
        Area::Wrinkles,
        Area::Redness,
        Area::Texture,
        Area::Pores,
        Area::DarkCircles,
        Area::Oiliness,
        Area::Firmness,
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
            Area::Hydration => "hydration",
        }
    }

    /// Weight of the area in the vision engine's composite `all.score`. This mirrors
    /// `vision::metrics::score::WEIGHTS` (not importable here: the report module is the only
    /// interface). Hydration is not part of the composite, so improving it moves no score.
    pub fn composite_weight(self) -> f32 {
        match self {
            Area::Acne | Area::Wrinkles => 0.18,
            Area::Redness => 0.14,
            Area::Texture | Area::Pores => 0.12,
            Area::DarkCircles => 0.10,
            Area::Oiliness | Area::Firmness => 0.08,
            Area::Hydration => 0.0,
        }
    }
}

/// The nine area scores of one report, 0–100 each (clamped; NaN counts as 0 so a broken
/// measurement is treated as a problem to look at, not silently as perfect).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaScores {
    scores: [f32; 9],
}

impl AreaScores {
    /// Reads the eight metric scores from the report; `hydration` is supplied by the caller.
    pub fn from_report(r: &Report, hydration: f32) -> Self {
        let mut scores = [0.0; 9];
        for a in Area::ALL {
            let v = match a {
                Area::Acne => r.hd_acne.ui_score,
                Area::Wrinkles => r.hd_wrinkle.whole.ui_score,
                Area::Redness => r.hd_redness.ui_score,
                Area::Texture => r.hd_texture.ui_score,
                Area::Pores => r.hd_pore.ui_score,
                Area::DarkCircles => r.hd_dark_circles.ui_score,
                Area::Oiliness => r.hd_oiliness.ui_score,
                Area::Firmness => r.hd_firmness.ui_score,
                Area::Hydration => hydration,
            };
            scores[a as usize] = clamp_score(v);
        }
        AreaScores { scores }
    }

    pub fn get(&self, a: Area) -> f32 {
        self.scores[a as usize]
    }

    /// All areas from worst (lowest score) to best; ties keep [`Area`] declaration order.
    pub fn worst_first(&self) -> [Area; 9] {
        let mut areas = Area::ALL;
        areas.sort_by(|a, b| self.get(*a).total_cmp(&self.get(*b)).then(a.cmp(b)));
        areas
    }

    /// The three priority concerns: the three lowest-scoring areas, worst first.
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
    fn severity_bands_have_documented_edges() {
        assert_eq!(Severity::from_score(70.0), None);
        assert_eq!(Severity::from_score(69.9), Some(Severity::Mild));
        assert_eq!(Severity::from_score(55.0), Some(Severity::Mild));
        assert_eq!(Severity::from_score(54.9), Some(Severity::Moderate));
        assert_eq!(Severity::from_score(34.9), Some(Severity::Marked));
        assert_eq!(Severity::from_score(f32::NAN), Some(Severity::Marked));
    }
}
