//! Server-rendered SVG bar charts: one bar per day, no script, no external assets. The numbers
//! are also in a table beside the chart, which is what screen readers are pointed to.
use std::fmt::Write;

use chrono::NaiveDate;

const W: f64 = 720.0;
const H: f64 = 200.0;
const LEFT: f64 = 36.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 10.0;

/// A bar chart of `values` (one per day, oldest first). `class` picks the bar colour in CSS.
pub fn bars(title: &str, days: &[NaiveDate], values: &[i64], class: &str) -> String {
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    // A round top for the axis: 1, 2, 5, 10, 20, 50…
    let top = nice_ceiling(max);
    let plot_w = W - LEFT - 4.0;
    let plot_h = H - BOTTOM - TOP;
    let slot = plot_w / values.len().max(1) as f64;
    let total: i64 = values.iter().sum();
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{title}: {total} in the last {n} days">"#,
        n = values.len()
    );
    let mut ticks = vec![0, top / 2, top];
    ticks.dedup();
    for tick in ticks {
        let y = TOP + plot_h - plot_h * tick as f64 / top as f64;
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" y1="{y:.1}" x2="{W}" y2="{y:.1}"/><text class="tick" x="{x:.1}" y="{ty:.1}" text-anchor="end">{tick}</text>"#,
            x = LEFT - 6.0,
            ty = y + 4.0
        );
    }
    for (i, (day, v)) in days.iter().zip(values).enumerate() {
        let h = plot_h * *v as f64 / top as f64;
        let x = LEFT + slot * i as f64 + slot * 0.15;
        let y = TOP + plot_h - h;
        let _ = write!(
            svg,
            r#"<rect class="{class}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}"><title>{day}: {v}</title></rect>"#,
            w = slot * 0.7
        );
        // Label every fifth day (and the last) so labels never overlap.
        if i % 5 == 0 || i + 1 == days.len() {
            let _ = write!(
                svg,
                r#"<text class="tick" x="{cx:.1}" y="{ly}" text-anchor="middle">{label}</text>"#,
                cx = x + slot * 0.35,
                ly = H - 6.0,
                label = day.format("%m-%d")
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn nice_ceiling(max: i64) -> i64 {
    let mut base = 1;
    loop {
        for m in [1, 2, 5] {
            if base * m >= max {
                return base * m;
            }
        }
        base *= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_day_scaled_to_a_round_top() {
        let days: Vec<NaiveDate> = (1..=3)
            .map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
            .collect();
        let svg = bars("Analyses", &days, &[0, 3, 7], "a");
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("2026-11-03: 7"));
        assert!(svg.contains(">10</text>"), "top tick is 10: {svg}");
        assert!(svg.contains("Analyses: 10 in the last 3 days"));
        assert_eq!(nice_ceiling(1), 1);
        assert_eq!(nice_ceiling(11), 20);
        assert_eq!(nice_ceiling(101), 200);
    }
}
