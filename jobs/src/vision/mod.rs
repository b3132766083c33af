//! Dermis vision engine: pixels in, numbers and PNG masks out. No I/O.
//!
//! Flow: [`decode`] → [`blazeface`] (face boxes) → [`facemesh`] (468 landmarks) →
//! [`face_frame`] (canonical upright crop) → [`regions`] → [`quality`] gate → [`metrics`] →
//! [`report::Report`] and, for full analyses, [`masks`]. Models run on candle via
//! [`tflite_graph`]. See docs/models.md, docs/metrics.md and docs/masks.md.

pub mod age_crop;
pub mod age_gender;
pub mod blazeface;
mod cores;
pub mod decode;
mod draw;
mod edge_blur;
mod engine;
pub mod error;
pub mod face_frame;
pub mod facemesh;
pub mod filters;
pub mod glasses;
pub mod head_pose;
pub mod heic;
pub mod iris;
pub mod jpeg_quality;
pub mod jpeg_spread;
mod kernels;
pub mod lab;
pub mod landmarks_idx;
pub mod masks;
pub mod metrics;
pub mod person;
mod pipeline;
pub mod quality;
pub mod raster;
pub mod regions;
pub mod report;
pub mod tflite_graph;
pub mod warp;

#[cfg(test)]
mod testutil;

pub use engine::{
    Analysis, Engine, Gender, Mask, ModelVersion, ModelVersions, Options, Shade, StageTimings,
};
pub use error::VisionError;
pub use report::{json_of, Report, ReportJson};
