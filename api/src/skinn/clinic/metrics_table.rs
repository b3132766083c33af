//! The "measured metrics" table of the HTML report: each vision metric with its score and raw
//! measurement, labels and units translated.

use super::areas::clamp_score;
use super::i18n::{format_number, t, ta, Arg};
use super::language::Language;
use super::{MetricScore, Report, SpotScore};

/// One row of the table, ready for the template.
#[derive(Debug, Clone)]
pub struct MetricRow {
    /// The metric's message id ("metric-dark-circles").
    id: &'static str,
    pub name: String,
    /// 0–100, rounded (bar width and colour band).
    pub score: u32,
    pub score_text: String,
    /// Raw value and unit, e.g. "5,8 Poren pro cm²".
    pub measurement: String,
    /// A wrinkle sub-region (indented under the overall wrinkle row).
    pub sub: bool,
    /// False when the photo did not let the engine measure it (`image_quality.not_measured`:
    /// a site under a fringe or behind glasses): its score, 100 by the engine's convention, is
    /// then shown as "not measured", without a bar, so that it does not read as healthy skin.
    pub measured: bool,
}

/// The vision engine's unit strings this report knows how to translate. An unknown unit (the
/// engine may change one) is shown verbatim rather than mistranslated.
const UNITS: [(&str, &str); 12] = [
    ("lesions", "unit-lesions"),
    ("spots", "unit-spots"),
    ("% of region on lines", "unit-lines"),
    // The whole face's: the regions' pooled share, the same measure.
    ("% of regions on lines", "unit-lines"),
    ("% of fold length on a line", "unit-fold"),
    ("pores per cm²", "unit-pores"),
    ("mean a* excess over 12", "unit-redness"),
    ("% of skin specular", "unit-shine"),
    ("RMS L* detail", "unit-texture"),
    ("ΔL* cheek − under-eye", "unit-dark-circles"),
    ("% of lid width with a groove below", "unit-eye-bags"),
    ("sag index (% IOD)", "unit-firmness"),
];

/// The value with its unit, ordered as the language writes it ("5,8 Poren pro cm²", "%4,6 …").
fn measurement(raw: f32, unit: &str, lang: Language) -> String {
    match UNITS.iter().find(|(u, _)| *u == unit) {
        Some((_, id)) => ta(lang, id, &[("value", Arg::Num(raw as f64))]),
        None => format!("{} {unit}", format_number(lang, raw as f64)),
    }
}

fn row(id: &'static str, ui: f32, raw: f32, unit: &str, sub: bool, lang: Language) -> MetricRow {
    let score = clamp_score(ui).round();
    MetricRow {
        id,
        name: t(lang, id),
        score: score as u32,
        score_text: format_number(lang, score as f64),
        measurement: measurement(raw, unit, lang),
        sub,
        measured: true,
    }
}

fn metric(id: &'static str, m: &MetricScore, sub: bool, lang: Language) -> MetricRow {
    row(id, m.ui_score, m.raw_score, &m.unit, sub, lang)
}

/// The report's name (`image_quality.not_measured`) of the metric a row shows.
const REPORT_KEYS: [(&str, &str); 6] = [
    ("metric-wrinkles-forehead", "hd_wrinkle.forehead"),
    ("metric-wrinkles-crow-feet", "hd_wrinkle.crow_feet"),
    ("metric-wrinkles-nasolabial", "hd_wrinkle.nasolabial"),
    ("metric-wrinkles-glabella", "hd_wrinkle.glabella"),
    ("metric-dark-circles", "hd_dark_circles"),
    ("metric-eye-bags", "hd_eye_bags"),
];

/// Rows in a fixed order: acne, pigmentation, wrinkles (overall then the four regions), then the
/// others, eye bags after dark circles (pigmentation and eye bags are absent from reports
/// stored before they existed).
pub fn metric_rows(r: &Report, lang: Language) -> Vec<MetricRow> {
    let mut rows = measured_rows(r, lang);
    for row in &mut rows {
        let unmeasured = REPORT_KEYS
            .iter()
            .any(|&(id, key)| id == row.id && !r.image_quality.measured(key));
        if unmeasured {
            row.measured = false;
            row.score_text = "—".into();
            row.measurement = t(lang, "html-not-measured");
        }
    }
    rows
}

fn measured_rows(r: &Report, lang: Language) -> Vec<MetricRow> {
    let w = &r.hd_wrinkle;
    let spots =
        |id: &'static str, s: &SpotScore| row(id, s.ui_score, s.raw_score, &s.unit, false, lang);
    let mut rows = vec![spots("metric-acne", &r.hd_acne)];
    rows.extend(
        r.hd_pigmentation
            .as_ref()
            .map(|p| spots("metric-pigmentation", p)),
    );
    rows.extend([
        metric("metric-wrinkles", &w.whole, false, lang),
        metric("metric-wrinkles-forehead", &w.forehead, true, lang),
        metric("metric-wrinkles-crow-feet", &w.crow_feet, true, lang),
        metric("metric-wrinkles-nasolabial", &w.nasolabial, true, lang),
        metric("metric-wrinkles-glabella", &w.glabella, true, lang),
        metric("metric-redness", &r.hd_redness, false, lang),
        metric("metric-texture", &r.hd_texture, false, lang),
        metric("metric-pores", &r.hd_pore, false, lang),
        metric("metric-dark-circles", &r.hd_dark_circles, false, lang),
    ]);
    rows.extend(
        r.hd_eye_bags
            .as_ref()
            .map(|b| metric("metric-eye-bags", b, false, lang)),
    );
    rows.extend([
        metric("metric-oiliness", &r.hd_oiliness, false, lang),
        metric("metric-firmness", &r.hd_firmness, false, lang),
    ]);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skinn::clinic::testutil::{healthy, report_with};

    #[test]
    fn a_metric_the_photo_did_not_measure_says_so_in_every_language() {
        let r = report_with(|r| {
            r.image_quality.not_measured =
                vec!["hd_wrinkle.crow_feet".into(), "hd_dark_circles".into()];
        });
        for lang in Language::ALL {
            let rows = metric_rows(&r, lang);
            let unmeasured: Vec<&str> = rows
                .iter()
                .filter(|row| !row.measured)
                .map(|row| row.name.as_str())
                .collect();
            assert_eq!(
                unmeasured,
                [
                    t(lang, "metric-wrinkles-crow-feet"),
                    t(lang, "metric-dark-circles")
                ],
                "{}",
                lang.code()
            );
            for row in rows.iter().filter(|row| !row.measured) {
                assert_eq!(row.measurement, t(lang, "html-not-measured"));
                assert_eq!(row.score_text, "—");
            }
        }
        assert!(metric_rows(&healthy(), Language::En)
            .iter()
            .all(|row| row.measured));
    }

    #[test]
    fn known_units_are_translated_and_unknown_units_kept() {
        let rows = metric_rows(&healthy(), Language::De);
        assert_eq!(rows.len(), 14);
        assert_eq!(rows[1].measurement, "4,2 Flecken");
        // The whole face's, the fold's and the eye bags' own units (German sets the per cent
        // sign off with a no-break space).
        let text = |i: usize| rows[i].measurement.replace('\u{a0}', " ");
        assert_eq!(text(2), "3,4 % der Fläche mit Linien");
        assert_eq!(text(5), "21 % der Faltenlänge mit Linie");
        assert_eq!(rows[11].name, "Tränensäcke");
        assert_eq!(text(11), "25 % der Lidbreite mit Furche darunter");
        let stored_before = report_with(|r| {
            r.hd_pigmentation = None;
            r.hd_eye_bags = None;
        });
        assert_eq!(metric_rows(&stored_before, Language::De).len(), 12);
        assert!(
            !rows[0].measurement.contains("lesions"),
            "{}",
            rows[0].measurement
        );
        let r = report_with(|r| r.hd_pore.unit = "pores per mm²".into());
        let rows = metric_rows(&r, Language::De);
        assert!(rows
            .iter()
            .any(|row| row.measurement.ends_with("pores per mm²")));
    }

    /// A unit message that drops its `$value` shows a bare unit ("% de la zona…") in the report.
    #[test]
    fn every_unit_in_every_language_shows_its_value() {
        for lang in Language::ALL {
            for (unit, _) in UNITS {
                let m = measurement(7.25, unit, lang);
                assert!(
                    ["7", "٧"].iter().any(|d| m.contains(d)),
                    "{lang:?} {unit}: {m}"
                );
            }
        }
    }
}
