use poem_openapi::Object;

use super::clinic::ClinicAnalysis;

/// `POST /api/v1/analyze` body.
#[derive(Debug, Object)]
#[oai(example)]
pub struct AnalyzeBody {
    /// Base64-encoded JPEG or PNG (max 8 MB decoded). A `data:image/...;base64,` prefix is
    /// accepted and ignored.
    pub image_base64: String,
    /// `image/jpeg` (default) or `image/png`. The image bytes decide the format; this field
    /// only has to name one of the two.
    pub mime_type: Option<String>,
    /// Patient e-mail: the branded HTML report is sent there (SMTP, or the server's outbox).
    pub email: Option<String>,
    /// Report language: en (default), tr, ar, fr, de, es, it, el.
    pub language: Option<String>,
    /// Your patient reference, echoed back and printed on the report.
    pub patient_ref: Option<String>,
}

impl poem_openapi::types::Example for AnalyzeBody {
    fn example() -> Self {
        AnalyzeBody {
            image_base64: "/9j/4AAQSkZJRgABAQ...".into(),
            mime_type: Some("image/jpeg".into()),
            email: Some("patient@example.com".into()),
            language: Some("en".into()),
            patient_ref: Some("PAT-00142".into()),
        }
    }
}

/// A finished clinic analysis.
#[derive(Debug, Object)]
pub struct AnalyzeResult {
    /// Always true on 200.
    pub success: bool,
    /// The analysis id (also visible in the dashboard and the event log).
    pub request_id: String,
    /// ISO 8601, UTC, milliseconds.
    pub timestamp: String,
    /// Echo of the request's `patient_ref`.
    #[oai(skip_serializing_if_is_none)]
    pub patient_ref: Option<String>,
    /// Present when `email` was given: true only when the mail transport accepted the report.
    #[oai(skip_serializing_if_is_none)]
    pub email_sent: Option<bool>,
    pub analysis: ClinicAnalysis,
    /// The complete report as a standalone HTML page (inline CSS, no external assets); POST only.
    #[oai(skip_serializing_if_is_none)]
    pub report_html: Option<String>,
}

/// `GET /api/v1/status`.
#[derive(Debug, Object)]
pub struct Status {
    /// `operational`.
    pub status: String,
    /// `v1`.
    pub version: String,
    /// The analysis engine and the face models it runs.
    pub model: String,
    pub endpoints: Vec<String>,
    pub docs: String,
    /// ISO 8601, UTC, milliseconds.
    pub timestamp: String,
}
