//! Renders examples/sample_report.json as the SKINN AI analysis (JSON) and HTML report in every
//! language into out/. Run: `cargo run --example render_sample`.

use api::skinn::clinic::{clinic_analysis, render_report_html, Language, Report};
use chrono::TimeZone;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/out");
    let report: Report = serde_json::from_str(include_str!("sample_report.json"))?;
    let at = chrono::Utc
        .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .single()
        .ok_or("bad date")?;
    std::fs::create_dir_all(dir)?;
    for lang in Language::ALL {
        let a = clinic_analysis(&report, lang);
        std::fs::write(
            format!("{dir}/analysis_{}.json", lang.code()),
            serde_json::to_string_pretty(&a)?,
        )?;
        std::fs::write(
            format!("{dir}/report_{}.html", lang.code()),
            render_report_html(&a, &report, lang, Some("PAT-00142"), at),
        )?;
    }
    // A second case with GP red flags (many lesions) and a soft photo, to see the warning box.
    let mut flagged = report.clone();
    flagged.hd_acne.ui_score = 12.0;
    flagged.all.score = 60.8; // the composite falls with the acne score (weight 0.18)
    flagged.hd_acne.raw_score = 31.0;
    flagged.hd_acne.area_pct = 3.2;
    flagged.image_quality.blur = 3.1;
    for lang in [Language::En, Language::El] {
        let a = clinic_analysis(&flagged, lang);
        std::fs::write(
            format!("{dir}/report_flagged_{}.html", lang.code()),
            render_report_html(&a, &flagged, lang, None, at),
        )?;
    }
    println!("wrote {dir}/report_*.html and analysis_*.json");
    Ok(())
}
