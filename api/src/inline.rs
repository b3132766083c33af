//! Analyses that answer in the same request (SKINN, Skin Shade): the same submission, events,
//! engine and refund rules as the queued DermIQ analyses, run here instead of by a worker.
use entities::events::Metadata;
use entities::models::analysis;
use jobs::queue::MAX_ATTEMPTS;
use jobs::submit::{submit, Dispatch, Request, SubmitError, Upload};

use crate::state::State;

#[derive(Debug, thiserror::Error)]
pub enum InlineError {
    #[error(transparent)]
    Submit(#[from] SubmitError),
    #[error(transparent)]
    Domain(#[from] entities::DomainError),
    #[error("analysis {0} did not finish")]
    Unfinished(uuid::Uuid),
    #[error("the analysis task crashed: {0}")]
    Crashed(String),
}

/// Submit `upload` and run it to its end; returns the finished (completed or failed) analysis.
///
/// The work runs on its own task: a client that hangs up mid-analysis does not leave it
/// half-done (it completes, or fails with a refund, either way recorded).
pub async fn analyze_inline(
    state: &State,
    upload: Upload,
    request: Request,
    meta: &Metadata,
) -> Result<analysis::Model, InlineError> {
    let state = state.clone();
    let meta = meta.clone();
    tokio::spawn(async move {
        let _slot = state
            .inline_slots
            .acquire()
            .await
            .expect("the slot semaphore is never closed");
        let accepted = submit(
            &state.domain,
            &state.storage,
            &state.queue,
            upload,
            request,
            Dispatch::Inline,
            &meta,
        )
        .await?;
        let id = accepted.analysis_id;
        // Transient failures are retried like a queued job; the last attempt refunds.
        for _ in 0..MAX_ATTEMPTS {
            match jobs::worker::process(&state.inline, id).await {
                Ok(()) => break,
                Err(e) => tracing::warn!(analysis_id = %id, error = %e, "inline attempt failed"),
            }
        }
        let row = state
            .domain
            .analysis(id)
            .await?
            .ok_or(InlineError::Unfinished(id))?;
        if row.status == "completed" || row.status == "failed" {
            Ok(row)
        } else {
            Err(InlineError::Unfinished(id))
        }
    })
    .await
    .map_err(|e| InlineError::Crashed(e.to_string()))?
}
