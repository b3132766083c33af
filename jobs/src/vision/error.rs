//! Errors of the vision engine. Each carries what the user should do next.

/// Why an image could not be analysed.
#[derive(Debug, thiserror::Error)]
pub enum VisionError {
    /// The bytes are not a JPEG, PNG or WebP image we can decode.
    #[error("the image could not be decoded ({0}); send a JPEG, PNG or WebP photo")]
    UndecodableImage(String),
    /// The photo has more pixels than a worker decodes ([`super::decode::MAX_PIXELS`]), or
    /// needs more memory to decode than its pixels at 8 bits would.
    #[error("the image is {width}×{height} pixels; photos of up to {max_megapixels} megapixels at 8 bits per channel are analysed — send a smaller photo")]
    ImageTooLarge {
        width: u32,
        height: u32,
        max_megapixels: u32,
    },
    /// The detector found no face above its confidence threshold.
    #[error("no face was found; send a front-facing photo with the whole face visible")]
    NoFaceDetected,
    /// The face is too small for skin measurements.
    #[error("the face is {face_px} px wide; at least {min_px} px is needed — move closer or send a larger photo")]
    FaceTooSmall { face_px: u32, min_px: u32 },
    /// The eyes are closer together than the resolution every detail metric is measured at:
    /// lines, pores and spots that small are not in the photo, so their scores would read
    /// healthier than the skin is.
    #[error("the eyes are {iod_px} px apart in the photo; skin detail needs at least {min_iod_px} px — move closer or send a larger photo")]
    EyesTooClose { iod_px: u32, min_iod_px: u32 },
    /// The face region is too dark (mean CIELAB L* below the limit).
    #[error("the face is too dark (mean L* {mean_l:.1}, need at least {min_l:.1}); take the photo in better light")]
    TooDark { mean_l: f32, min_l: f32 },
    /// The photo has no colour (black and white, a monochrome filter, an infrared camera):
    /// the skin's mean chroma is below the limit.
    #[error("the photo has no colour (skin chroma {chroma:.1}, need at least {min_chroma:.1}); skin tone, redness and spots are read from colour — send a colour photo without a black-and-white filter")]
    NoColour { chroma: f32, min_chroma: f32 },
    /// The face region is too blurred (variance of the Laplacian below the limit).
    #[error("the photo is too blurred (sharpness {sharpness:.1}, need at least {min_sharpness:.1}); hold the camera still and focus on the face")]
    TooBlurry { sharpness: f32, min_sharpness: f32 },
    /// A model failed to load or run; this is a server fault, not the user's.
    #[error("model error: {0}")]
    Model(String),
}

impl VisionError {
    /// Stable machine-readable code for API error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            VisionError::UndecodableImage(_) => "undecodable_image",
            VisionError::ImageTooLarge { .. } => "image_too_large",
            VisionError::NoFaceDetected => "no_face_detected",
            VisionError::FaceTooSmall { .. } | VisionError::EyesTooClose { .. } => "face_too_small",
            VisionError::TooDark { .. } => "image_too_dark",
            VisionError::NoColour { .. } => "image_not_in_colour",
            VisionError::TooBlurry { .. } => "image_too_blurry",
            VisionError::Model(_) => "model_error",
        }
    }
}

impl From<candle_core::Error> for VisionError {
    fn from(e: candle_core::Error) -> Self {
        VisionError::Model(e.to_string())
    }
}
