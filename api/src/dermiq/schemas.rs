use jobs::vision::ReportJson;
use poem_openapi::types::multipart::Upload;
use poem_openapi::{Enum, Multipart, Object};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename_all = "lowercase")]
pub enum GenderOverride {
    Male,
    Female,
}

/// Multipart form of `POST /v1/analyze` and `POST /v1/analyze/quick`.
#[derive(Debug, Multipart)]
pub struct AnalyzeForm {
    /// Face image (JPEG/PNG, max 10 MB).
    pub file: Upload,
    /// Optional. Override the detected age (years, 1–120).
    #[oai(validator(minimum(value = "1"), maximum(value = "120")))]
    pub age_override: Option<u32>,
    /// Optional. "male" or "female".
    pub gender_override: Option<GenderOverride>,
}

/// 202 Accepted: the analysis is queued; poll `GET /v1/results/{analysis_id}`.
#[derive(Debug, Object)]
pub struct Queued {
    pub analysis_id: Uuid,
    /// Always `pending` here.
    pub status: String,
    pub message: String,
}

/// Why an analysis failed (its credit is refunded).
#[derive(Debug, Object)]
pub struct FailureInfo {
    /// e.g. `no_face_detected`, `undecodable_image`, `image_too_dark`, `worker_gave_up`, `timed_out`.
    pub code: String,
    pub message: String,
}

/// An analysis as `GET /v1/results/{id}` returns it.
#[derive(Debug, Object)]
pub struct AnalysisResult {
    pub id: Uuid,
    /// pending, processing, completed or failed.
    pub status: String,
    /// `full` (metrics + 26 masks) or `quick` (metrics only).
    pub analysis_type: String,
    /// All skin metrics; present when completed. A metric the engine could not compute is absent.
    pub result_json: Option<ReportJson>,
    /// Mask PNGs, fetched with `GET /v1/results/{id}/masks/{name}` (26 for full, none for quick).
    pub mask_filenames: Vec<String>,
    /// Overall skin health score, 0–100 (higher = healthier).
    pub overall_score: Option<f64>,
    /// Estimated skin age in years.
    pub skin_age: Option<i32>,
    /// Processing time in milliseconds.
    pub processing_time_ms: Option<i64>,
    /// Present when the analysis failed.
    #[oai(skip_serializing_if_is_none)]
    pub error: Option<FailureInfo>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Object)]
pub struct CreditInfo {
    /// Credits that can still be spent.
    pub balance: i64,
    /// Credits held by analyses in progress.
    pub reserved: i64,
}

#[derive(Debug, Object)]
pub struct RateLimitInfo {
    /// Analysis requests per minute per key.
    pub requests_per_minute: u32,
}

/// `GET /v1/account`.
#[derive(Debug, Object)]
pub struct AccountInfo {
    pub account_id: Uuid,
    pub email: String,
    /// free, pack or enterprise.
    pub plan: String,
    pub credits: CreditInfo,
    pub rate_limit: RateLimitInfo,
}
