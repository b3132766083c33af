//! The branded, print-friendly HTML report (`report_html` of the SKINN AI POST response).
//!
//! One self-contained document: inline CSS only, no scripts, fonts, images or links to other
//! hosts, so it can be e-mailed, stored in an EHR or printed to PDF as is. Askama escapes every
//! value; the only value placed in a `style` attribute besides numbers is the skin-tone colour,
//! which is checked to be `#rrggbb` first.

use super::analysis::ClinicAnalysis;
use super::classify::head_turn;
use super::i18n::{format_number, t, ta, Arg};
use super::language::Language;
use super::metrics_table::{metric_rows, MetricRow};
use super::Report;
use askama::Template;

#[derive(Template)]
#[template(path = "skinn_report.html")]
struct ReportPage<'a> {
    lang: Language,
    a: &'a ClinicAnalysis,
    patient_ref: Option<&'a str>,
    generated: String,
    skin_type_name: String,
    uv_name: String,
    skin_age_text: String,
    hydration_text: String,
    metrics: Vec<MetricRow>,
    fitzpatrick: String,
    ita_text: String,
    monk: String,
    undertone: String,
    swatch: Option<String>,
    sharpness: String,
    exposure: String,
    /// How much of the face the photo shows, when the frame cuts it off ("73 %").
    face_in_photo: Option<String>,
    /// How far the head is turned from the camera, when it is noticeably ("24°").
    head_turn: Option<String>,
    /// Glasses were found: the skin around the eyes was left out (said here whatever the
    /// summary's caveat, which a GP note or another photo issue may take).
    glasses: bool,
    /// "100" in the report language's digits, for the "/100" after scores.
    hundred: String,
}

/// The head turn from which the photo quality shows it. Portraits taken as frontal read up to
/// 9° (astronaut.png's pitch, docs/metrics.md): below 10° a row would only report that.
const SHOWN_TURN_DEG: f32 = 10.0;

impl ReportPage<'_> {
    /// A translated label (used by the template).
    fn t(&self, id: &str) -> String {
        t(self.lang, id)
    }

    /// A whole number in the report language's digits (askama passes fields by reference).
    fn num(&self, v: &u32) -> String {
        format_number(self.lang, *v as f64)
    }

    fn dir(&self) -> &'static str {
        if self.lang.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Colour class of a 0–100 score bar: the severity bands of the conditions.
    fn band(&self, score: &u32) -> &'static str {
        match *score {
            70.. => "good",
            50..=69 => "fair",
            _ => "poor",
        }
    }
}

/// Renders the report. `patient_ref` is shown only when given; `generated_at` is printed as
/// ISO date and time in UTC (unambiguous in every language).
pub fn render_report_html(
    analysis: &ClinicAnalysis,
    report: &Report,
    lang: Language,
    patient_ref: Option<&str>,
    generated_at: chrono::DateTime<chrono::Utc>,
) -> String {
    let tone = &report.skin_tone;
    let page = ReportPage {
        lang,
        a: analysis,
        patient_ref: patient_ref.map(str::trim).filter(|s| !s.is_empty()),
        generated: generated_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        skin_type_name: ta(
            lang,
            "skin-type-name",
            &[("type", analysis.skin_type.as_str().into())],
        ),
        uv_name: ta(
            lang,
            "uv-name",
            &[("level", analysis.uv_damage.as_str().into())],
        ),
        skin_age_text: ta(
            lang,
            "html-skin-age-value",
            &[("age", analysis.skin_age.into())],
        ),
        hydration_text: hydration_text(analysis, lang),
        metrics: metric_rows(report, lang),
        fitzpatrick: tone.fitzpatrick.clone(),
        ita_text: format!("{}°", format_number(lang, tone.ita_angle as f64)),
        monk: tone.monk.clone(),
        undertone: ta(lang, "undertone", &[("u", tone.undertone.as_str().into())]),
        swatch: is_hex_colour(&tone.hex).then(|| tone.hex.clone()),
        sharpness: format_number(lang, report.image_quality.blur as f64),
        exposure: format_number(lang, report.image_quality.exposure as f64),
        glasses: report.image_quality.glasses,
        head_turn: head_turn(report)
            .filter(|deg| *deg >= SHOWN_TURN_DEG)
            .map(|deg| format!("{}°", format_number(lang, deg.round() as f64))),
        face_in_photo: report
            .image_quality
            .face_in_photo_pct
            .filter(|pct| *pct < 100.0)
            .map(|pct| {
                ta(
                    lang,
                    "html-percent",
                    &[("pct", Arg::Num(pct.round() as f64))],
                )
            }),
        hundred: format_number(lang, 100.0),
    };
    page.render().unwrap_or_else(|e| {
        // Rendering only fails on a formatter error; keep the response an HTML document.
        format!(
            "<!DOCTYPE html><html><body><p>report rendering failed: {}</p></body></html>",
            e.to_string().replace('<', "&lt;")
        )
    })
}

/// The hydration percentage in the report language's style ("72%", "%72", "72 %", "٧٢٪").
fn hydration_text(a: &ClinicAnalysis, lang: Language) -> String {
    let pct: f64 = a.hydration.trim_end_matches('%').parse().unwrap_or(0.0);
    ta(lang, "html-percent", &[("pct", Arg::Num(pct))])
}

/// `#rrggbb` and nothing else (the value goes into a style attribute).
fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skinn::clinic::analysis::clinic_analysis;
    use crate::skinn::clinic::testutil::{report_with, sample, variety};
    use chrono::TimeZone;

    fn render(r: &Report, lang: Language, patient: Option<&str>) -> String {
        let at = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
            .unwrap();
        render_report_html(&clinic_analysis(r, lang), r, lang, patient, at)
    }

    #[test]
    fn arabic_report_is_right_to_left_and_others_left_to_right() {
        let html = render(&sample(), Language::Ar, None);
        assert!(
            html.contains(r#"<html lang="ar" dir="rtl">"#),
            "{}",
            &html[..200]
        );
        let html = render(&sample(), Language::De, None);
        assert!(html.contains(r#"<html lang="de" dir="ltr">"#));
    }

    #[test]
    fn report_has_no_external_references_or_scripts() {
        for r in variety() {
            for lang in Language::ALL {
                let html = render(&r, lang, Some("PAT-1"));
                let lower = html.to_lowercase();
                for bad in [
                    "http://", "https://", "<script", "<link", "@import", "url(", "src=",
                ] {
                    assert!(!lower.contains(bad), "{} contains {bad}", lang.code());
                }
            }
        }
    }

    #[test]
    fn every_section_and_value_is_present_in_every_language() {
        let r = sample();
        for lang in Language::ALL {
            let a = clinic_analysis(&r, lang);
            let html = render(&r, lang, Some("PAT-00142"));
            assert!(html.starts_with("<!DOCTYPE html>"));
            assert!(html.contains("PAT-00142"));
            assert!(html.contains("2026-11-23 09:30 UTC"));
            assert!(html.contains(&t(lang, "html-disclaimer-title")));
            for s in a
                .routine
                .morning
                .iter()
                .chain(&a.routine.evening)
                .chain(&a.nutrition)
                .chain(&a.concerns)
            {
                assert!(html.contains(&escape(s)), "{}: {s}", lang.code());
            }
            assert!(html.contains(&escape(&a.summary)));
        }
    }

    #[test]
    fn patient_reference_and_tone_colour_are_escaped_or_dropped() {
        let r = report_with(|r| r.skin_tone.hex = "red;background:url(x)".into());
        let html = render(&r, Language::En, Some("<b>x</b>"));
        assert!(!html.contains("<b>x</b>"));
        assert!(
            html.contains("&#60;b&#62;x") || html.contains("&lt;b&gt;x"),
            "escaped ref"
        );
        assert!(!html.contains("red;background"));
    }

    #[test]
    fn a_face_cut_off_by_the_frame_is_said_in_the_photo_quality() {
        let whole = render(&sample(), Language::En, None);
        assert!(!whole.contains(&t(Language::En, "html-face-in-photo")));
        let cut = report_with(|r| r.image_quality.face_in_photo_pct = Some(72.7));
        for lang in Language::ALL {
            let html = render(&cut, lang, None);
            assert!(
                html.contains(&t(lang, "html-face-in-photo")),
                "{}",
                lang.code()
            );
            let pct = ta(lang, "html-percent", &[("pct", Arg::Num(73.0))]);
            assert!(html.contains(&pct), "{}: {pct}", lang.code());
        }
    }

    #[test]
    fn a_head_turned_from_the_camera_is_said_in_the_photo_quality() {
        // The sample's head is turned 3°: within the estimate's scatter, not shown.
        let frontal = render(&sample(), Language::En, None);
        assert!(!frontal.contains(&t(Language::En, "html-head-turn")));
        let turned = report_with(|r| {
            r.image_quality.yaw_deg = Some(-14.5);
            r.image_quality.pitch_deg = Some(4.0);
        });
        for lang in Language::ALL {
            let html = render(&turned, lang, None);
            let label = escape(&t(lang, "html-head-turn"));
            assert!(html.contains(&label), "{}: {label}", lang.code());
            let deg = format!("{}°", format_number(lang, 15.0));
            assert!(html.contains(&deg), "{}: {deg}", lang.code());
        }
    }

    #[test]
    fn glasses_are_said_in_the_photo_quality() {
        let bare = render(&sample(), Language::En, None);
        assert!(!bare.contains(&t(Language::En, "html-glasses-effect")));
        let glasses = report_with(|r| r.image_quality.glasses = true);
        for lang in Language::ALL {
            let html = render(&glasses, lang, None);
            for id in ["html-glasses", "html-glasses-effect"] {
                let text = escape(&t(lang, id));
                assert!(html.contains(&text), "{}: {text}", lang.code());
            }
        }
    }

    /// Askama's HTML escaping of the characters our texts can contain.
    fn escape(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '&' => out.push_str("&#38;"),
                '<' => out.push_str("&#60;"),
                '>' => out.push_str("&#62;"),
                '"' => out.push_str("&#34;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }
}
