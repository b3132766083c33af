//! The SKINN AI clinic dialect (`/api/v1/*`): synchronous analysis by image URL or base64,
//! returning SKINN's `analysis` object (rules from the engine's measurements, 8 languages, see
//! docs/clinic-rules.md), a standalone HTML report, and an optional e-mail to the patient.
pub mod clinic;
mod dialect;
mod errors;
mod handlers;
mod schemas;

pub use dialect::{iso_millis, SkinnDialect};
pub use handlers::SkinnApi;
