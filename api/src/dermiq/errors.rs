use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object};

/// Every DermIQ error body.
#[derive(Debug, Clone, Object)]
#[oai(example)]
pub struct ErrorBody {
    /// Machine-readable code, e.g. `no_credits`.
    pub error: String,
    /// What happened and what to do about it.
    pub message: String,
}

impl poem_openapi::types::Example for ErrorBody {
    fn example() -> Self {
        ErrorBody {
            error: "no_credits".into(),
            message: "no credits remaining; buy a Credit Pack in the dashboard".into(),
        }
    }
}

/// Errors of the DermIQ endpoints, with their documented status codes.
#[derive(Debug, ApiResponse)]
pub enum DermiqError {
    /// Bad fields, or the file is not a readable image.
    #[oai(status = 400)]
    BadRequest(Json<ErrorBody>),
    /// Invalid or missing API key.
    #[oai(status = 401)]
    Unauthorized(Json<ErrorBody>),
    /// No credits remaining.
    #[oai(status = 403)]
    NoCredits(Json<ErrorBody>),
    /// Analysis (or mask) not found.
    #[oai(status = 404)]
    NotFound(Json<ErrorBody>),
    /// Image too large: over 10 MB (`file_too_large`), or over 50 megapixels (`image_too_large`).
    #[oai(status = 413)]
    TooLarge(Json<ErrorBody>),
    /// The file is not a JPEG or PNG image.
    #[oai(status = 415)]
    Unsupported(Json<ErrorBody>),
    /// Rate limit exceeded; see `Retry-After`.
    #[oai(status = 429)]
    RateLimited(Json<ErrorBody>),
    /// Unexpected server error; retry with back-off.
    #[oai(status = 500)]
    Internal(Json<ErrorBody>),
}

impl ErrorBody {
    /// `{error: code, message}` as a JSON payload (Skin Shade uses the same shape).
    pub fn json(code: &str, message: impl Into<String>) -> Json<ErrorBody> {
        Json(ErrorBody {
            error: code.into(),
            message: message.into(),
        })
    }
}

impl DermiqError {
    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        DermiqError::BadRequest(ErrorBody::json(code, message))
    }
    pub fn not_found(what: &str) -> Self {
        DermiqError::NotFound(ErrorBody::json(
            "not_found",
            format!("{what} not found; check the id"),
        ))
    }
    pub fn no_credits() -> Self {
        DermiqError::NoCredits(ErrorBody::json(
            "no_credits",
            "no credits remaining; buy a Credit Pack in the dashboard",
        ))
    }
    pub fn too_large(size: usize, limit: usize) -> Self {
        let mb = |n: usize| n as f64 / 1_048_576.0;
        DermiqError::TooLarge(ErrorBody::json(
            "file_too_large",
            format!(
                "the file is {:.1} MB; the limit is {:.0} MB",
                mb(size),
                mb(limit)
            ),
        ))
    }
    /// A photo with more pixels than the engine decodes: too large, like a file over the
    /// byte limit (413), with the engine's own code and message.
    pub fn too_many_pixels(e: jobs::vision::VisionError) -> Self {
        DermiqError::TooLarge(ErrorBody::json(e.code(), e.to_string()))
    }
    pub fn unsupported(message: impl Into<String>) -> Self {
        DermiqError::Unsupported(ErrorBody::json("unsupported_media_type", message))
    }
    /// Logs the cause; the client only learns that it was our fault.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        DermiqError::Internal(ErrorBody::json(
            "internal_error",
            "an unexpected error occurred; retry with back-off",
        ))
    }
}

impl From<entities::DomainError> for DermiqError {
    fn from(e: entities::DomainError) -> Self {
        use entities::events::Rejection;
        match e {
            entities::DomainError::Rejected(Rejection::NoCredits) => DermiqError::no_credits(),
            entities::DomainError::Rejected(Rejection::Invalid(m)) => {
                DermiqError::bad_request("bad_request", m)
            }
            entities::DomainError::NotFound(what) => DermiqError::not_found(what),
            other => DermiqError::internal(other),
        }
    }
}

/// The JSON bytes of an error body, for responses built outside poem-openapi (the edge).
pub fn error_json(code: &str, message: &str) -> serde_json::Value {
    serde_json::json!({ "error": code, "message": message })
}

impl From<jobs::submit::SubmitError> for DermiqError {
    fn from(e: jobs::submit::SubmitError) -> Self {
        match e {
            jobs::submit::SubmitError::Domain(d) => d.into(),
            other => DermiqError::internal(other),
        }
    }
}
