//! SKINN AI's error bodies, exactly as its document shows them: 400 `{error, message,
//! required_fields, optional_fields}`, 401 `{error, message, docs}`, 429 `{error, message,
//! reset_at}`, and `{error, message}` otherwise. The 500 body never carries internals.
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object};

/// Which request an error is about, for the field lists of a 400.
#[derive(Debug, Clone, Copy)]
pub enum Form {
    /// `GET /api/v1/analyze?image_url=…`
    Query,
    /// `POST /api/v1/analyze` with a JSON body.
    Body,
}

impl Form {
    fn required(self) -> Vec<String> {
        match self {
            Form::Query => vec!["image_url".into()],
            Form::Body => vec!["image_base64".into()],
        }
    }
    fn optional(self) -> Vec<String> {
        let names: &[&str] = match self {
            Form::Query => &["language"],
            Form::Body => &["mime_type", "email", "language", "patient_ref"],
        };
        names.iter().map(|s| s.to_string()).collect()
    }
}

#[derive(Debug, Clone, Object)]
pub struct BadRequestBody {
    /// Always `Bad Request`.
    pub error: String,
    /// What is wrong and how to fix it.
    pub message: String,
    pub required_fields: Vec<String>,
    pub optional_fields: Vec<String>,
}

#[derive(Debug, Clone, Object)]
pub struct UnauthorizedBody {
    /// Always `Unauthorized`.
    pub error: String,
    pub message: String,
    /// Where authentication is documented.
    pub docs: String,
}

#[derive(Debug, Clone, Object)]
pub struct RateLimitedBody {
    /// Always `Rate limit exceeded`.
    pub error: String,
    pub message: String,
    /// When the window resets (ISO 8601, UTC, milliseconds).
    pub reset_at: String,
}

#[derive(Debug, Clone, Object)]
pub struct PlainError {
    pub error: String,
    pub message: String,
}

/// Errors of the SKINN endpoints.
#[derive(Debug, ApiResponse)]
pub enum SkinnError {
    /// Missing or invalid parameters, bad JSON or base64, not a JPEG/PNG, over 8 MB, an image
    /// that could not be fetched, or a photo without an analysable face.
    #[oai(status = 400)]
    BadRequest(Json<BadRequestBody>),
    /// API key missing or invalid.
    #[oai(status = 401)]
    Unauthorized(Json<UnauthorizedBody>),
    /// The account has no credits left (a Dermis addition: SKINN keys are prepaid here).
    #[oai(status = 402)]
    PaymentRequired(Json<PlainError>),
    /// More than 60 requests this hour from this key.
    #[oai(status = 429)]
    RateLimited(Json<RateLimitedBody>),
    /// Unexpected server error; retry with exponential back-off.
    #[oai(status = 500)]
    Internal(Json<PlainError>),
}

impl SkinnError {
    pub fn bad_request(form: Form, message: impl Into<String>) -> Self {
        SkinnError::BadRequest(Json(BadRequestBody {
            error: "Bad Request".into(),
            message: message.into(),
            required_fields: form.required(),
            optional_fields: form.optional(),
        }))
    }

    pub fn unauthorized(message: impl Into<String>, docs: &str) -> Self {
        SkinnError::Unauthorized(Json(UnauthorizedBody {
            error: "Unauthorized".into(),
            message: message.into(),
            docs: docs.into(),
        }))
    }

    pub fn no_credits() -> Self {
        SkinnError::PaymentRequired(Json(PlainError {
            error: "Payment Required".into(),
            message: "no credits remaining; buy a Credit Pack in the dashboard".into(),
        }))
    }

    /// Logs the cause; the client only learns that it was our fault.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        SkinnError::Internal(Json(PlainError {
            error: "Internal Server Error".into(),
            message: "An unexpected error occurred. Retry with exponential backoff.".into(),
        }))
    }
}

impl From<crate::inline::InlineError> for SkinnError {
    fn from(e: crate::inline::InlineError) -> Self {
        use crate::inline::InlineError;
        use entities::events::Rejection;
        use entities::DomainError;
        use jobs::submit::SubmitError;
        match e {
            InlineError::Submit(SubmitError::Domain(DomainError::Rejected(
                Rejection::NoCredits,
            ))) => SkinnError::no_credits(),
            other => SkinnError::internal(other),
        }
    }
}
