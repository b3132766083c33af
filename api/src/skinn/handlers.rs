use base64::Engine as _;
use entities::events::analysis::AnalysisOptions;
use entities::events::AnalysisKind;
use entities::KeyAuth;
use jobs::submit::Request;
use jobs::vision::{Engine, Report};
use poem::web::Data;
use poem_openapi::auth::{ApiKey, Bearer};
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{OpenApi, SecurityScheme};

use super::clinic::{clinic_analysis, render_report_html, Language};
use super::dialect::{iso_millis, MAX_IMAGE_BYTES};
use super::errors::{Form, SkinnError};
use super::schemas::*;
use crate::inline::analyze_inline;
use crate::mailer::{parse_address, Mail};
use crate::observe::RequestId;
use crate::state::State;
use crate::upload::ImageFormat;
use crate::ApiTags;

/// `Authorization: Bearer <key>`.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", bearer_format = "sk_live_…")]
pub struct SkinnBearer(#[allow(dead_code)] Bearer);

/// `X-API-Key: <key>`.
#[derive(SecurityScheme)]
#[oai(ty = "api_key", key_name = "X-API-Key", key_in = "header")]
pub struct SkinnApiKey(#[allow(dead_code)] ApiKey);

/// SKINN accepts either header.
#[derive(SecurityScheme)]
#[allow(dead_code)]
pub enum SkinnKey {
    Bearer(SkinnBearer),
    ApiKey(SkinnApiKey),
}

type Result<T> = std::result::Result<T, SkinnError>;

pub struct SkinnApi {
    /// Public URL of the API documentation (Swagger UI).
    pub docs: String,
}

const SUPPORTED: &str = "en, tr, ar, fr, de, es, it, el";

fn language(form: Form, code: Option<&str>) -> Result<Language> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(Language::En),
        Some(c) => Language::parse(c).ok_or_else(|| {
            SkinnError::bad_request(
                form,
                format!("Unsupported language '{c}'. Supported: {SUPPORTED}"),
            )
        }),
    }
}

/// JPEG or PNG by content, as SKINN accepts; anything else is a 400.
fn image_format(form: Form, bytes: &[u8], what: &str) -> Result<ImageFormat> {
    if bytes.is_empty() {
        return Err(SkinnError::bad_request(form, format!("{what} is empty")));
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(SkinnError::bad_request(
            form,
            "Image too large: the maximum decoded size is 8MB",
        ));
    }
    match ImageFormat::sniff(bytes) {
        Some(f @ (ImageFormat::Jpeg | ImageFormat::Png)) => Ok(f),
        _ => Err(SkinnError::bad_request(
            form,
            format!("Invalid image format: {what} must be a JPEG or PNG image"),
        )),
    }
}

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Skinn")]
impl SkinnApi {
    /// API status
    ///
    /// Status, version, the analysis model and the endpoints. No API key needed; suitable for
    /// health checks.
    #[oai(path = "/status", method = "get")]
    async fn status(&self) -> Json<Status> {
        let v = Engine::versions();
        let models: Vec<String> = v.models.iter().map(|m| m.version.clone()).collect();
        Json(Status {
            status: "operational".into(),
            version: "v1".into(),
            model: format!("{} ({})", v.engine, models.join(", ")),
            endpoints: vec![
                "GET /api/v1/status".into(),
                "GET /api/v1/analyze?image_url=<url>[&language=en]".into(),
                "POST /api/v1/analyze".into(),
            ],
            docs: self.docs.clone(),
            timestamp: iso_millis(chrono::Utc::now()),
        })
    }

    /// Analyse an image by URL
    ///
    /// The server fetches the image (http/https, public addresses only, JPEG or PNG, max 8 MB,
    /// redirects re-checked), analyses it and returns the clinic report. 1 credit (refunded if
    /// the analysis fails). 60 requests/hour per key. Not a medical device.
    #[oai(path = "/analyze", method = "get")]
    async fn analyze_url(
        &self,
        _key: SkinnKey,
        state: Data<&State>,
        auth: Data<&KeyAuth>,
        rid: Data<&RequestId>,
        /// Publicly accessible URL of a JPG or PNG facial image. Max 8MB.
        image_url: Query<Option<String>>,
        /// Response language: en (default), tr, ar, fr, de, es, it, el.
        language: Query<Option<String>>,
    ) -> Result<Json<AnalyzeResult>> {
        let form = Form::Query;
        let lang = self::language(form, language.0.as_deref())?;
        let url = image_url
            .0
            .filter(|u| !u.trim().is_empty())
            .ok_or_else(|| {
                SkinnError::bad_request(form, "Missing required parameter: image_url")
            })?;
        let fetched = state.fetch.fetch_image(&url).await.map_err(|e| {
            SkinnError::bad_request(form, format!("Could not fetch image_url: {e}"))
        })?;
        let format = image_format(form, &fetched.bytes, "the image at image_url")?;
        let run = Run {
            form,
            lang,
            email: None,
            patient_ref: None,
            with_html: false,
        };
        self.run(&state, &auth, rid.0, fetched.bytes, format, run)
            .await
            .map(Json)
    }

    /// Analyse a base64 image
    ///
    /// Send the image as base64 JSON; optionally a patient e-mail (the HTML report is mailed)
    /// and your patient reference. Returns the analysis and the complete HTML report. 1 credit
    /// (refunded if the analysis fails). 60 requests/hour per key. Not a medical device.
    #[oai(path = "/analyze", method = "post")]
    async fn analyze_base64(
        &self,
        _key: SkinnKey,
        state: Data<&State>,
        auth: Data<&KeyAuth>,
        rid: Data<&RequestId>,
        body: Json<AnalyzeBody>,
    ) -> Result<Json<AnalyzeResult>> {
        let form = Form::Body;
        let body = body.0;
        let lang = self::language(form, body.language.as_deref())?;
        if let Some(m) = body.mime_type.as_deref() {
            if !matches!(m.trim(), "image/jpeg" | "image/jpg" | "image/png") {
                return Err(SkinnError::bad_request(
                    form,
                    format!("Unsupported mime_type '{m}'. Accepted: image/jpeg, image/png"),
                ));
            }
        }
        let encoded = strip_data_url(&body.image_base64);
        if encoded.is_empty() {
            return Err(SkinnError::bad_request(
                form,
                "Missing required field: image_base64",
            ));
        }
        if encoded.len() / 4 * 3 > MAX_IMAGE_BYTES + 3 {
            return Err(SkinnError::bad_request(
                form,
                "Image too large: the maximum decoded size is 8MB",
            ));
        }
        let compact: String = encoded.split_ascii_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(compact.as_bytes())
            .map_err(|_| SkinnError::bad_request(form, "image_base64 is not valid base64 data"))?;
        let format = image_format(form, &bytes, "image_base64")?;
        let email = match body
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            None => None,
            Some(e) => {
                parse_address(e).map_err(|err| SkinnError::bad_request(form, err.to_string()))?;
                Some(e.to_string())
            }
        };
        let patient_ref = body
            .patient_ref
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        if patient_ref
            .as_ref()
            .is_some_and(|p| p.chars().count() > 128)
        {
            return Err(SkinnError::bad_request(
                form,
                "patient_ref is longer than 128 characters",
            ));
        }
        let run = Run {
            form,
            lang,
            email,
            patient_ref,
            with_html: true,
        };
        self.run(&state, &auth, rid.0, bytes, format, run)
            .await
            .map(Json)
    }
}

/// What one analyze request asked for, beyond the image.
struct Run {
    form: Form,
    lang: Language,
    email: Option<String>,
    patient_ref: Option<String>,
    with_html: bool,
}

/// Browsers' `FileReader.readAsDataURL` gives `data:image/jpeg;base64,...`; take what follows.
fn strip_data_url(s: &str) -> &str {
    let s = s.trim();
    match (s.starts_with("data:"), s.find(";base64,")) {
        (true, Some(i)) => &s[i + ";base64,".len()..],
        _ => s,
    }
}

impl SkinnApi {
    async fn run(
        &self,
        state: &State,
        auth: &KeyAuth,
        rid: &RequestId,
        bytes: Vec<u8>,
        format: ImageFormat,
        run: Run,
    ) -> Result<AnalyzeResult> {
        let meta = rid.metadata(auth);
        let request = Request {
            account_id: auth.account_id,
            key_id: Some(auth.key_id),
            kind: AnalysisKind::Clinic,
            endpoint: "skinn.analyze".into(),
            options: AnalysisOptions::default(),
            idempotency_key: None,
            charge: true,
            quota: None,
        };
        let row = analyze_inline(state, format.upload(bytes), request, &meta).await?;
        if row.status != "completed" {
            let code = row.error_code.unwrap_or_default();
            let message = row.error_message.unwrap_or_default();
            return Err(match code.as_str() {
                "worker_gave_up" | "timed_out" => SkinnError::internal(message),
                _ => {
                    SkinnError::bad_request(run.form, format!("{message} (no credit was charged)"))
                }
            });
        }
        let report: Report = row
            .result_json
            .and_then(|v| serde_json::from_value(v).ok())
            .ok_or_else(|| SkinnError::internal("completed analysis without a report"))?;
        let now = chrono::Utc::now();
        let analysis = clinic_analysis(&report, run.lang);
        let html = (run.with_html || run.email.is_some()).then(|| {
            render_report_html(
                &analysis,
                &report,
                run.lang,
                run.patient_ref.as_deref(),
                now,
            )
        });
        let email_sent = match (&run.email, &html) {
            (Some(to), Some(html)) => {
                let mail = Mail {
                    to,
                    subject: &super::clinic::i18n::t(run.lang, "html-title"),
                    text: analysis.summary.clone(),
                    html: html.clone(),
                };
                match state.mailer.send(mail).await {
                    Ok(()) => Some(true),
                    Err(e) => {
                        tracing::warn!(analysis_id = %row.id, error = %e, "report e-mail not sent");
                        Some(false)
                    }
                }
            }
            _ => None,
        };
        Ok(AnalyzeResult {
            success: true,
            request_id: row.id.to_string(),
            timestamp: iso_millis(now),
            patient_ref: run.patient_ref,
            email_sent,
            analysis,
            report_html: html.filter(|_| run.with_html),
        })
    }
}
