//! Submitting an analysis: the one use case every entry point shares (DermIQ, SKINN, Skin
//! Shade, the dashboard's try-it page). The upload is stored under the analysis id first, then
//! the request is recorded (charging a credit when it costs one), then the job is queued, so a
//! crash between steps never charges for an analysis that cannot run.
use entities::events::analysis::AnalysisOptions;
use entities::events::{AnalysisKind, Metadata};
use entities::{Accepted, Domain, DomainError, NewAnalysis, Quota};
use uuid::Uuid;

use crate::queue::Queue;
use crate::storage::{analysis_key, ObjectStore};

/// An accepted upload, already validated by the caller's dialect.
pub struct Upload {
    pub bytes: Vec<u8>,
    /// File extension for the stored input (`jpg`, `png`, `webp`, `heic`).
    pub extension: &'static str,
    pub mime: &'static str,
}

/// What to analyse, for whom, and how it is paid for.
pub struct Request {
    pub account_id: Uuid,
    pub key_id: Option<Uuid>,
    pub kind: AnalysisKind,
    /// Where the request came from, for usage statistics (`dermiq.full`, `skinn.analyze`…).
    pub endpoint: String,
    pub options: AnalysisOptions,
    pub idempotency_key: Option<String>,
    pub charge: bool,
    pub quota: Option<Quota>,
}

/// Whether the analysis goes to the queue, or the caller runs it in-line (SKINN is synchronous).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dispatch {
    Queue,
    Inline,
}

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("storage: {0}")]
    Storage(String),
}

/// Store the upload, record the request, and (for [`Dispatch::Queue`]) enqueue the job.
pub async fn submit(
    domain: &Domain,
    storage: &ObjectStore,
    queue: &Queue,
    upload: Upload,
    request: Request,
    dispatch: Dispatch,
    meta: &Metadata,
) -> Result<Accepted, SubmitError> {
    let analysis_id = Uuid::new_v4();
    let input_key = analysis_key(analysis_id, &format!("input.{}", upload.extension));
    storage
        .put(&input_key, upload.bytes, upload.mime)
        .await
        .map_err(|e| SubmitError::Storage(e.to_string()))?;
    let new = NewAnalysis {
        analysis_id,
        account_id: request.account_id,
        key_id: request.key_id,
        kind: request.kind,
        endpoint: request.endpoint,
        input_key: input_key.clone(),
        options: request.options,
        idempotency_key: request.idempotency_key,
        charge: request.charge,
        quota: request.quota,
    };
    let accepted = match domain.request_analysis(&new, meta).await {
        Ok(a) => a,
        Err(e) => {
            discard(storage, &input_key).await;
            return Err(e.into());
        }
    };
    if accepted.replayed {
        discard(storage, &input_key).await;
    } else if dispatch == Dispatch::Queue {
        if let Err(e) = queue.enqueue(accepted.analysis_id).await {
            // The analysis is recorded; the sweeper enqueues it again shortly.
            tracing::error!(analysis_id = %accepted.analysis_id, error = %e, "enqueue failed");
        }
    }
    Ok(accepted)
}

async fn discard(storage: &ObjectStore, key: &str) {
    if let Err(e) = storage.delete(key).await {
        tracing::warn!(key, error = %e, "could not delete an unused upload");
    }
}
