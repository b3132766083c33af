use entities::events::analysis::AnalysisOptions;
use entities::events::AnalysisKind;
use entities::models::analysis;
use entities::KeyAuth;
use jobs::storage::analysis_key;
use jobs::submit::{submit, Dispatch, Request};
use poem::web::Data;
use poem_openapi::auth::Bearer;
use poem_openapi::param::{Header, Path};
use poem_openapi::payload::{Binary, Json};
use poem_openapi::{ApiResponse, OpenApi, SecurityScheme};
use uuid::Uuid;

use super::dialect::MAX_IMAGE_BYTES;
use super::errors::DermiqError;
use super::schemas::*;
use crate::observe::RequestId;
use crate::state::State;
use crate::upload::{dimensions, ImageFormat};
use crate::ApiTags;

/// DermIQ API key: `Authorization: Bearer sk_live_…`.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", bearer_format = "sk_live_…")]
pub struct DermiqKey(#[allow(dead_code)] Bearer);

#[derive(ApiResponse)]
pub enum AnalyzeResponse {
    /// Queued; poll the result.
    #[oai(status = 202)]
    Accepted(Json<Queued>),
}

#[derive(ApiResponse)]
pub enum MaskResponse {
    /// The mask PNG.
    #[oai(status = 200, content_type = "image/png")]
    Png(Binary<Vec<u8>>),
}

pub struct DermiqApi;

type Result<T> = std::result::Result<T, DermiqError>;

#[OpenApi(prefix_path = "/v1", tag = "ApiTags::DermIq")]
impl DermiqApi {
    /// Full analysis
    ///
    /// Upload a face image for full skin analysis: 15+ metrics and 26 mask visualizations.
    /// Returns an analysis id to poll. Consumes 1 credit (refunded if the analysis fails).
    /// Send an `Idempotency-Key` header to make retries safe: the same key returns the same
    /// analysis and is not charged again. Not a medical device.
    #[oai(path = "/analyze", method = "post")]
    async fn analyze(
        &self,
        _key: DermiqKey,
        state: Data<&State>,
        auth: Data<&KeyAuth>,
        rid: Data<&RequestId>,
        /// Makes retries safe: same key, same analysis, charged once.
        #[oai(name = "Idempotency-Key")]
        idempotency_key: Header<Option<String>>,
        form: AnalyzeForm,
    ) -> Result<AnalyzeResponse> {
        accept(
            &state,
            &auth,
            &rid,
            idempotency_key.0,
            form,
            AnalysisKind::Full,
        )
        .await
    }

    /// Quick analysis
    ///
    /// Scores only, no mask visualizations (`analysis_type: "quick"`). Same input and polling
    /// as the full analysis. Consumes 1 credit.
    #[oai(path = "/analyze/quick", method = "post")]
    async fn analyze_quick(
        &self,
        _key: DermiqKey,
        state: Data<&State>,
        auth: Data<&KeyAuth>,
        rid: Data<&RequestId>,
        /// Makes retries safe: same key, same analysis, charged once.
        #[oai(name = "Idempotency-Key")]
        idempotency_key: Header<Option<String>>,
        form: AnalyzeForm,
    ) -> Result<AnalyzeResponse> {
        accept(
            &state,
            &auth,
            &rid,
            idempotency_key.0,
            form,
            AnalysisKind::Quick,
        )
        .await
    }

    /// Poll a result
    ///
    /// Status progresses pending → processing → completed (or failed, with `error` and a refund).
    #[oai(path = "/results/:id", method = "get")]
    async fn result(
        &self,
        _key: DermiqKey,
        state: Data<&State>,
        auth: Data<&KeyAuth>,
        id: Path<String>,
    ) -> Result<Json<AnalysisResult>> {
        let row = owned(&state, &auth, &id.0).await?;
        Ok(Json(to_result(row)))
    }

    /// Download a mask
    ///
    /// One of the analysis' `mask_filenames`, as a PNG aligned with the uploaded photo.
    #[oai(path = "/results/:id/masks/:name", method = "get")]
    async fn mask(
        &self,
        _key: DermiqKey,
        state: Data<&State>,
        auth: Data<&KeyAuth>,
        id: Path<String>,
        name: Path<String>,
    ) -> Result<MaskResponse> {
        let row = owned(&state, &auth, &id.0).await?;
        let names: Vec<String> = serde_json::from_value(row.mask_filenames).unwrap_or_default();
        if !names.contains(&name.0) {
            return Err(DermiqError::not_found("mask"));
        }
        let png = state
            .storage
            .get(&analysis_key(row.id, &name.0))
            .await
            .map_err(DermiqError::internal)?
            .ok_or_else(|| DermiqError::not_found("mask"))?;
        Ok(MaskResponse::Png(Binary(png)))
    }

    /// Account
    ///
    /// Plan, credit balance and rate limit of the key's account.
    #[oai(path = "/account", method = "get")]
    async fn account(
        &self,
        _key: DermiqKey,
        state: Data<&State>,
        auth: Data<&KeyAuth>,
    ) -> Result<Json<AccountInfo>> {
        let (acct, bal) = state
            .domain
            .account(auth.account_id)
            .await?
            .ok_or_else(|| DermiqError::not_found("account"))?;
        Ok(Json(AccountInfo {
            account_id: acct.id,
            email: acct.email,
            plan: acct.plan,
            credits: CreditInfo {
                balance: bal.balance,
                reserved: bal.reserved,
            },
            rate_limit: RateLimitInfo {
                requests_per_minute: state.limits.per_minute(auth.plan).limit,
            },
        }))
    }
}

/// Another account's analysis reads as "not found": existence never leaks.
async fn owned(state: &State, auth: &KeyAuth, id: &str) -> Result<analysis::Model> {
    let id = Uuid::parse_str(id).map_err(|_| DermiqError::not_found("analysis"))?;
    state
        .domain
        .analysis_of(auth.account_id, id)
        .await?
        .ok_or_else(|| DermiqError::not_found("analysis"))
}

async fn accept(
    state: &State,
    auth: &KeyAuth,
    rid: &RequestId,
    idempotency_key: Option<String>,
    form: AnalyzeForm,
    kind: AnalysisKind,
) -> Result<AnalyzeResponse> {
    if let Some(k) = &idempotency_key {
        if k.is_empty() || k.len() > 255 {
            return Err(DermiqError::bad_request(
                "bad_idempotency_key",
                "Idempotency-Key must be 1–255 characters",
            ));
        }
    }
    let size = form.file.size();
    if size > MAX_IMAGE_BYTES {
        return Err(DermiqError::too_large(size, MAX_IMAGE_BYTES));
    }
    if size == 0 {
        return Err(DermiqError::bad_request(
            "empty_file",
            "the file is empty; attach a JPEG or PNG face photo as 'file'",
        ));
    }
    let bytes = form.file.into_vec().await.map_err(DermiqError::internal)?;
    let format = match ImageFormat::sniff(&bytes) {
        Some(f @ (ImageFormat::Jpeg | ImageFormat::Png)) => f,
        _ => {
            return Err(DermiqError::unsupported(
                "the file must be a JPEG or PNG image",
            ))
        }
    };
    let Some((width, height)) = dimensions(&bytes) else {
        return Err(DermiqError::bad_request(
            "invalid_image",
            "the image header cannot be read; the file may be truncated or corrupt",
        ));
    };
    // Refused here, uncharged, rather than failing in the worker: the header says it all.
    jobs::vision::decode::check_pixels(width, height).map_err(DermiqError::too_many_pixels)?;
    let request = Request {
        account_id: auth.account_id,
        key_id: Some(auth.key_id),
        kind,
        endpoint: format!("dermiq.{}", kind.as_str()),
        options: AnalysisOptions {
            age_override: form.age_override,
            gender_override: form.gender_override.map(|g| match g {
                GenderOverride::Male => "male".into(),
                GenderOverride::Female => "female".into(),
            }),
        },
        idempotency_key,
        charge: true,
        quota: None,
    };
    let upload = format.upload(bytes);
    let accepted = submit(
        &state.domain,
        &state.storage,
        &state.queue,
        upload,
        request,
        Dispatch::Queue,
        &rid.metadata(auth),
    )
    .await?;
    Ok(AnalyzeResponse::Accepted(Json(Queued {
        analysis_id: accepted.analysis_id,
        status: "pending".into(),
        message: "Analysis queued for processing".into(),
    })))
}

fn to_result(row: analysis::Model) -> AnalysisResult {
    let error = (row.status == "failed").then(|| FailureInfo {
        code: row.error_code.clone().unwrap_or_default(),
        message: row.error_message.clone().unwrap_or_default(),
    });
    AnalysisResult {
        id: row.id,
        status: row.status,
        analysis_type: row.kind,
        result_json: row
            .result_json
            .and_then(|v| serde_json::from_value::<jobs::vision::Report>(v).ok())
            .map(|r| (&r).into()),
        mask_filenames: serde_json::from_value(row.mask_filenames).unwrap_or_default(),
        overall_score: row.overall_score,
        skin_age: row.skin_age,
        processing_time_ms: row.processing_time_ms,
        error,
        created_at: row.created_at,
    }
}
