//! SKINN AI clinic report content: the `analysis` object in eight languages and the branded HTML
//! report, built by deterministic rules from the vision engine's Report.
//!
//! Map:
//! - [`language`] — the eight languages; [`i18n`] — Fluent bundles and locale numbers.
//! - [`areas`] — the nine scored areas and severity bands; [`classify`] — skin type, UV damage,
//!   hydration estimate, GP red flags, photo caveats; [`conditions`] — listed findings.
//! - [`regimen`] — routine/products/nutrition rule tables; [`projection`] — 3-month model.
//! - [`analysis`] — `ClinicAnalysis` and `clinic_analysis`; [`html`] + [`metrics_table`] —
//!   `render_report_html`.
//!
//! Invariant: everything here is a pure function of (Report, Language) — no I/O, clock or
//! randomness — except the `generated_at` the caller passes to the HTML renderer.

// The one import of the vision engine's types, re-exported (`pub use`) so submodules and tests reach them through `super::`.
pub use jobs::vision::report::{self as vision_report, MetricScore, Report, SpotScore};

pub mod analysis;
pub mod areas;
pub mod classify;
pub mod conditions;
pub mod html;
pub mod i18n;
pub mod language;
pub mod metrics_table;
pub mod projection;
pub mod regimen;

#[cfg(test)]
mod analysis_tests;
#[cfg(test)]
mod testutil;

pub use analysis::{clinic_analysis, ClinicAnalysis, SkinnProduct, SkinnRoutine};
pub use classify::{SkinType, UvDamage};
pub use html::render_report_html;
pub use language::Language;
