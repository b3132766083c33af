//! The SKINN AI clinic dialect (`/api/v1/*`). So far: the clinic report content — rules from the
//! engine's measurements to SKINN's `analysis` object in 8 languages, and the HTML report
//! (docs/clinic-rules.md). The endpoints themselves are the next step of issue 5.
pub mod clinic;
