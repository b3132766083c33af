use std::time::Duration;

use chrono::{Datelike, TimeZone, Utc};
use entities::events::analysis::AnalysisOptions;
use entities::events::{AnalysisKind, Metadata, Plan, Rejection};
use entities::{DomainError, KeyAuth, Quota};
use jobs::submit::{Request, SubmitError};
use jobs::vision::{Engine, Shade};
use poem::web::Data;
use poem_openapi::auth::ApiKey;
use poem_openapi::payload::Json;
use poem_openapi::types::multipart::Upload as FormFile;
use poem_openapi::{ApiResponse, Multipart, Object, OpenApi, SecurityScheme};

use super::dialect::MAX_FILE_BYTES;
use crate::dermiq::ErrorBody;
use crate::inline::{analyze_inline, InlineError};
use crate::observe::RequestId;
use crate::ratelimit::Policy;
use crate::state::State;
use crate::upload::ImageFormat;
use crate::ApiTags;

/// `x-api-key: <key>` (from `GET /api/generatekey`, the dashboard, or the admin CLI).
#[derive(SecurityScheme)]
#[oai(ty = "api_key", key_name = "x-api-key", key_in = "header")]
pub struct ShadeKey(#[allow(dead_code)] ApiKey);

#[derive(Debug, Multipart)]
pub struct ShadeForm {
    /// The face photo: png, jpg, jpeg or heic, max 5 MB.
    pub file: FormFile,
}

/// The detected shade.
#[derive(Debug, Object)]
#[oai(rename_all = "camelCase")]
pub struct ShadeResult {
    /// Representative skin colour of the cheeks and forehead, `#rrggbb` (sRGB).
    pub skin_shade: String,
    /// Tone range by Individual Typology Angle: `very_light` (> 55°), `light` (41–55°),
    /// `intermediate` (28–41°), `tan` (10–28°), `brown` (−30–10°), `dark` (< −30°).
    pub tone_range: String,
}

#[derive(Debug, Object)]
pub struct GeneratedKey {
    /// The new API key: shown once, stored only as a hash. Send it as `x-api-key`.
    #[oai(rename = "roboKey")]
    pub robo_key: String,
}

#[derive(Debug, Object)]
pub struct HealthDetails {
    pub app: String,
    pub model: String,
    pub database: String,
}

#[derive(Debug, Object)]
pub struct Health {
    /// `healthy` or `unhealthy`.
    pub status: String,
    pub details: HealthDetails,
}

#[derive(ApiResponse)]
pub enum HealthResponse {
    /// Every component works.
    #[oai(status = 200)]
    Healthy(Json<Health>),
    /// At least one component fails; `details` says which.
    #[oai(status = 503)]
    Unhealthy(Json<Health>),
}

/// Errors of the Skin Shade endpoints, in `{error, message}` form.
#[derive(Debug, ApiResponse)]
pub enum ShadeError {
    /// No file part, an empty file, a type other than png/jpg/jpeg/heic, or no face in it.
    #[oai(status = 400)]
    BadRequest(Json<ErrorBody>),
    /// Missing or invalid API key.
    #[oai(status = 403)]
    Forbidden(Json<ErrorBody>),
    /// The file is larger than 5 MB.
    #[oai(status = 413)]
    TooLarge(Json<ErrorBody>),
    /// The key's monthly quota (or the client's key generation limit) is used up.
    #[oai(status = 429)]
    TooMany(Json<ErrorBody>),
    /// Unexpected server error.
    #[oai(status = 500)]
    Internal(Json<ErrorBody>),
}

impl ShadeError {
    fn bad(code: &str, message: impl Into<String>) -> Self {
        ShadeError::BadRequest(ErrorBody::json(code, message))
    }
    fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        ShadeError::Internal(ErrorBody::json(
            "internal_error",
            "an unexpected error occurred; retry shortly",
        ))
    }
}

type Result<T> = std::result::Result<T, ShadeError>;

/// Start of the current calendar month, UTC: when monthly quotas reset.
fn month_start() -> chrono::DateTime<Utc> {
    let now = Utc::now();
    Utc.with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .expect("the first of a month exists")
}

const EXTENSIONS: [&str; 4] = ["png", "jpg", "jpeg", "heic"];

/// The file must be named like and actually be one of png/jpg/jpeg/heic.
fn check_file(name: Option<&str>, bytes: &[u8]) -> Result<ImageFormat> {
    let ext = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    if let Some(ext) = &ext {
        if !EXTENSIONS.contains(&ext.as_str()) {
            return Err(ShadeError::bad(
                "invalid_file_type",
                format!("'.{ext}' files are not accepted; send png, jpg, jpeg or heic"),
            ));
        }
    }
    match ImageFormat::sniff(bytes) {
        Some(f @ (ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::Heic)) => Ok(f),
        _ => Err(ShadeError::bad(
            "invalid_file_type",
            "the file is not a png, jpg, jpeg or heic image",
        )),
    }
}

pub struct ShadeApi;

#[OpenApi(prefix_path = "/api", tag = "ApiTags::SkinShade")]
impl ShadeApi {
    /// Generate a key
    ///
    /// Creates a Free account and an API key for Skin Shade (usable on every Dermis dialect).
    /// One key per client address per 30 days; the key is shown once.
    #[oai(path = "/generatekey", method = "get")]
    async fn generate_key(
        &self,
        state: Data<&State>,
        rid: Data<&RequestId>,
        req: &poem::Request,
    ) -> Result<Json<GeneratedKey>> {
        let client = client_address(req);
        let policy = Policy {
            limit: state.limits.generatekey_per_month,
            window: Duration::from_secs(30 * 24 * 3600),
        };
        match state.limiter.hit(&format!("generatekey:{client}"), policy).await {
            Ok(d) if !d.allowed => {
                return Err(ShadeError::TooMany(ErrorBody::json(
                    "rate_limited",
                    format!(
                        "this client already generated {} key(s) in the last 30 days; reuse it, or retry in {} days",
                        d.limit,
                        d.reset_after.as_secs().div_ceil(86_400)
                    ),
                )))
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "rate limiter unavailable; key generation allowed"),
        }
        let meta = Metadata {
            request_id: Some(rid.0 .0.clone()),
            actor: format!("generatekey:{client}"),
            key_id: None,
        };
        // Generated accounts have no mailbox; `.invalid` is reserved and never delivers.
        let email = format!(
            "robokey-{}@keys.dermis.invalid",
            uuid::Uuid::new_v4().simple()
        );
        let account = state
            .domain
            .register_account(&email, Plan::Free, &meta)
            .await
            .map_err(ShadeError::internal)?;
        let (_, secret) = state
            .domain
            .create_key(account, "roboKey", &meta)
            .await
            .map_err(ShadeError::internal)?;
        Ok(Json(GeneratedKey { robo_key: secret }))
    }

    /// Detect the skin shade
    ///
    /// Upload a face photo (png, jpg, jpeg or heic, max 5 MB) as multipart `file`. Returns the
    /// representative skin colour and its tone range. Free keys: 100 requests per calendar
    /// month (UTC). Not a medical device.
    #[oai(path = "/skinshade", method = "post")]
    async fn skinshade(
        &self,
        _key: ShadeKey,
        state: Data<&State>,
        auth: Data<&KeyAuth>,
        rid: Data<&RequestId>,
        form: ShadeForm,
    ) -> Result<Json<ShadeResult>> {
        let size = form.file.size();
        if size > MAX_FILE_BYTES {
            return Err(ShadeError::TooLarge(ErrorBody::json(
                "file_too_large",
                "the file is larger than 5 MB",
            )));
        }
        let name = form.file.file_name().map(str::to_string);
        if size == 0 {
            let what = if name.as_deref().unwrap_or("").is_empty() {
                "no selected file"
            } else {
                "the file is empty"
            };
            return Err(ShadeError::bad("empty_file", what));
        }
        let bytes = form.file.into_vec().await.map_err(ShadeError::internal)?;
        let format = check_file(name.as_deref(), &bytes)?;
        let limit = state.limits.shade_per_month(auth.plan);
        let request = Request {
            account_id: auth.account_id,
            key_id: Some(auth.key_id),
            kind: AnalysisKind::Shade,
            endpoint: "skinshade".into(),
            options: AnalysisOptions::default(),
            idempotency_key: None,
            charge: false,
            quota: Some(Quota {
                limit: u64::from(limit),
                since: month_start(),
            }),
        };
        let meta = rid.metadata(&auth);
        let row = match analyze_inline(&state, format.upload(bytes), request, &meta).await {
            Ok(row) => row,
            Err(InlineError::Submit(SubmitError::Domain(DomainError::Rejected(
                Rejection::QuotaExceeded { limit },
            )))) => {
                return Err(ShadeError::TooMany(ErrorBody::json(
                    "quota_exceeded",
                    format!("this key has used its {limit} requests for this month; the quota resets on the 1st (UTC)"),
                )))
            }
            Err(e) => return Err(ShadeError::internal(e)),
        };
        if row.status != "completed" {
            let code = row.error_code.unwrap_or_default();
            let message = row.error_message.unwrap_or_default();
            return Err(match code.as_str() {
                "worker_gave_up" | "timed_out" => ShadeError::internal(message),
                _ => ShadeError::bad(&code, message),
            });
        }
        let shade: Shade = row
            .result_json
            .and_then(|v| serde_json::from_value(v).ok())
            .ok_or_else(|| ShadeError::internal("completed shade analysis without a result"))?;
        Ok(Json(ShadeResult {
            skin_shade: shade.hex,
            tone_range: shade.tone_range,
        }))
    }

    /// Health check
    ///
    /// The app, the vision models and the database: 200 `healthy`, or 503 `unhealthy` naming
    /// the failing component.
    #[oai(path = "/skinshade-health", method = "get")]
    async fn health(&self, state: Data<&State>) -> HealthResponse {
        let models = Engine::versions();
        let model = format!(
            "AI model is loaded ({}: {})",
            models.engine,
            models
                .models
                .iter()
                .map(|m| m.version.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let database = state.domain.ping(Duration::from_secs(3)).await;
        let healthy = database.is_ok();
        let health = Health {
            status: if healthy { "healthy" } else { "unhealthy" }.into(),
            details: HealthDetails {
                app: "App is running".into(),
                model,
                database: match database {
                    Ok(()) => "Database is connected".into(),
                    Err(e) => {
                        tracing::warn!(error = %e, "health check: database unreachable");
                        "Database is unreachable".into()
                    }
                },
            },
        };
        if healthy {
            HealthResponse::Healthy(Json(health))
        } else {
            HealthResponse::Unhealthy(Json(health))
        }
    }
}

/// The client's address: the TCP peer. (Behind a reverse proxy every client shares the proxy's
/// address; put the limit in the proxy then, or run Dermis where it sees clients.)
fn client_address(req: &poem::Request) -> String {
    match req.remote_addr().as_socket_addr() {
        Some(a) => a.ip().to_string(),
        None => req.remote_addr().to_string(),
    }
}
