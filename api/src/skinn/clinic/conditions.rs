//! `conditions`: the findings above threshold, worst first, as short clinical phrases.

use super::areas::{clamp_score, Area, AreaScores, Severity};
use super::i18n::{ta, Arg};
use super::language::Language;
use super::Report;

/// A wrinkle region of the Report, named in the condition text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRegion {
    Forehead,
    CrowFeet,
    Nasolabial,
    Glabella,
}

impl LineRegion {
    fn key(self) -> &'static str {
        match self {
            LineRegion::Forehead => "forehead",
            LineRegion::CrowFeet => "crow-feet",
            LineRegion::Nasolabial => "nasolabial",
            LineRegion::Glabella => "glabella",
        }
    }
}

/// One listed finding, language-neutral.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Condition {
    pub area: Area,
    pub severity: Severity,
    /// The score that decided the severity (for ordering).
    pub score: f32,
    /// Acne: the lesion count; wrinkles: the worst region.
    pub lesions: Option<f32>,
    pub region: Option<LineRegion>,
}

/// Hydration is a percentage estimate, not a 0–100 health score with the metric bands, so it
/// has its own: < 45 % marked, < 55 % moderate, < 65 % mild dehydration.
fn hydration_severity(pct: f32) -> Option<Severity> {
    match pct {
        p if p < 45.0 => Some(Severity::Marked),
        p if p < 55.0 => Some(Severity::Moderate),
        p if p < 65.0 => Some(Severity::Mild),
        _ => None,
    }
}

/// Findings from the area scores with [`Severity::from_score`] bands, worst first.
/// Wrinkles are judged on the worst single region (a deep crow's-feet area matters even when the
/// face-wide score is fine) and name that region.
pub fn conditions(r: &Report, scores: &AreaScores) -> Vec<Condition> {
    let mut out = Vec::new();
    for area in Area::ALL {
        let c = match area {
            Area::Wrinkles => {
                let w = &r.hd_wrinkle;
                let regions = [
                    (LineRegion::Forehead, w.forehead.ui_score),
                    (LineRegion::CrowFeet, w.crow_feet.ui_score),
                    (LineRegion::Nasolabial, w.nasolabial.ui_score),
                    (LineRegion::Glabella, w.glabella.ui_score),
                ];
                let (region, s) = regions
                    .into_iter()
                    .map(|(reg, s)| (reg, clamp_score(s)))
                    .fold((LineRegion::Forehead, f32::INFINITY), |acc, x| {
                        if x.1 < acc.1 {
                            x
                        } else {
                            acc
                        }
                    });
                Severity::from_score(s).map(|severity| Condition {
                    area,
                    severity,
                    score: s,
                    lesions: None,
                    region: Some(region),
                })
            }
            Area::Hydration => {
                let pct = scores.get(area);
                hydration_severity(pct).map(|severity| Condition {
                    area,
                    severity,
                    score: pct,
                    lesions: None,
                    region: None,
                })
            }
            // An unmeasured area (eye bags without skin under the eyes) is no finding.
            _ => scores.measured(area).and_then(|s| {
                let lesions = (area == Area::Acne).then_some(r.hd_acne.raw_score.max(0.0).round());
                Severity::from_score(s).map(|severity| Condition {
                    area,
                    severity,
                    score: s,
                    lesions,
                    region: None,
                })
            }),
        };
        out.extend(c);
    }
    out.sort_by(|a, b| a.score.total_cmp(&b.score).then(a.area.cmp(&b.area)));
    out
}

impl Condition {
    /// The condition phrase, e.g. "Moderate acne activity (visible lesions: 12)".
    pub fn text(&self, lang: Language) -> String {
        let mut args: Vec<(&str, Arg)> = vec![("severity", self.severity.key().into())];
        if let Some(n) = self.lesions {
            args.push(("count", n.into()));
        }
        if let Some(reg) = self.region {
            args.push(("region", reg.key().into()));
        }
        ta(lang, &format!("cond-{}", self.area.key()), &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skinn::clinic::classify::hydration_pct;
    use crate::skinn::clinic::testutil::report_with;

    fn conds(r: &Report) -> Vec<Condition> {
        conditions(r, &AreaScores::from_report(r, hydration_pct(r)))
    }

    #[test]
    fn healthy_skin_lists_no_condition() {
        assert!(conds(&report_with(|_| {})).is_empty());
    }

    #[test]
    fn high_redness_is_listed_with_its_severity() {
        let c = conds(&report_with(|r| r.hd_redness.ui_score = 30.0));
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].area, c[0].severity),
            (Area::Redness, Severity::Marked)
        );
        assert!(c[0].text(Language::En).to_lowercase().contains("redness"));
    }

    #[test]
    fn conditions_are_ordered_worst_first_and_wrinkles_name_the_worst_region() {
        let c = conds(&report_with(|r| {
            r.hd_acne.ui_score = 60.0;
            r.hd_acne.raw_score = 7.0;
            r.hd_wrinkle.crow_feet.ui_score = 40.0;
        }));
        assert_eq!(
            c.iter().map(|c| c.area).collect::<Vec<_>>(),
            vec![Area::Wrinkles, Area::Acne]
        );
        assert_eq!(c[0].region, Some(LineRegion::CrowFeet));
        assert!(c[0].text(Language::En).contains("crow"));
        assert!(c[1].text(Language::En).contains('7'));
    }

    #[test]
    fn deep_lower_lid_grooves_are_listed_as_eye_bags_in_every_language() {
        let c = conds(&report_with(|r| {
            r.hd_eye_bags.as_mut().unwrap().ui_score = 40.0;
        }));
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].area, c[0].severity),
            (Area::EyeBags, Severity::Moderate)
        );
        assert_eq!(c[0].text(Language::En), "Moderate under-eye bags");
        for lang in Language::ALL {
            assert!(!c[0].text(lang).is_empty());
        }
    }

    #[test]
    fn low_hydration_estimate_is_listed_as_dehydration() {
        let c = conds(&report_with(|r| {
            r.hd_texture.ui_score = 60.0;
            r.hd_wrinkle.forehead.ui_score = 40.0;
            r.hd_wrinkle.crow_feet.ui_score = 40.0;
            r.hd_oiliness.ui_score = 100.0;
        }));
        assert!(c.iter().any(|c| c.area == Area::Hydration), "{c:?}");
    }
}
