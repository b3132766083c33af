//! The Skin Shade dialect (`/api/skinshade`, `/api/generatekey`, `/api/skinshade-health`):
//! skin shade hex and tone range of a face photo (PNG, JPEG or HEIC, max 5 MB), free keys
//! (one per client per 30 days) with a monthly quota, and a health check.
mod dialect;
mod handlers;

pub use dialect::ShadeDialect;
pub use handlers::ShadeApi;
