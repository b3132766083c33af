//! TEMPORARY stand-in with the engine's public API, until the real engine lands.
//! It decodes the image and refuses to analyse it: no numbers are invented.
use poem_openapi::Object;
use serde::{Deserialize, Serialize};

pub struct Engine;

pub struct Options {
    pub with_masks: bool,
    pub age_override: Option<u32>,
    pub gender_override: Option<Gender>,
}

pub enum Gender {
    Male,
    Female,
}

/// DermIQ `result_json`.
#[derive(Debug, Clone, Serialize, Deserialize, Object)]
pub struct Report {
    /// Faces found in the photo.
    pub faces_detected: u32,
}

impl Report {
    pub fn overall_score(&self) -> Option<f64> {
        None
    }
    pub fn skin_age(&self) -> Option<i32> {
        None
    }
}

pub struct Mask {
    pub name: String,
    pub png: Vec<u8>,
}

pub struct Analysis {
    pub result: Report,
    pub masks: Vec<Mask>,
}

#[derive(Debug, thiserror::Error)]
pub enum VisionError {
    #[error("the file is not a decodable JPEG, PNG or WebP image: {0}")]
    UndecodableImage(String),
    #[error("no face was detected in the photo")]
    NoFaceDetected,
}

impl VisionError {
    pub fn code(&self) -> &'static str {
        match self {
            VisionError::UndecodableImage(_) => "undecodable_image",
            VisionError::NoFaceDetected => "no_face_detected",
        }
    }
}

impl Engine {
    pub fn load() -> Result<Engine, VisionError> {
        Ok(Engine)
    }
    pub fn analyze_bytes(&self, bytes: &[u8], _opts: &Options) -> Result<Analysis, VisionError> {
        image::load_from_memory(bytes).map_err(|e| VisionError::UndecodableImage(e.to_string()))?;
        Err(VisionError::NoFaceDetected)
    }
}
