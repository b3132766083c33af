//! The analysis worker: takes a job, runs the vision engine on the stored upload, writes the
//! masks, and records the outcome. Deterministic failures (no face, bad image) end the
//! analysis at once with a refund; transient ones (storage, database) are retried by apalis,
//! and the last attempt gives up with a refund. Nothing is charged unless a result is stored.
use std::sync::Arc;
use std::time::{Duration, Instant};

use apalis::prelude::*;
use entities::events::analysis::AnalysisOptions;
use entities::events::Metadata;
use entities::{Domain, Outcome};
use futures::future::try_join_all;
use uuid::Uuid;

use crate::poll_interval::{EveryInterval, POLL_INTERVAL};
use crate::queue::{AnalysisJob, Queue, MAX_ATTEMPTS};
use crate::storage::{analysis_key, ObjectStore};
use crate::vision::{json_of, Engine, Gender, Options};

/// Everything a worker needs, shared by all its jobs (the engine's models load once).
pub struct WorkerContext {
    pub domain: Domain,
    pub storage: ObjectStore,
    pub engine: Arc<Engine>,
    /// An artificial pause before analysing, for failure drills (kill a worker mid-job).
    pub stall: Duration,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Transient(String);

fn meta() -> Metadata {
    Metadata::actor("worker")
}

/// Process one analysis; `Err` means "try again later".
pub async fn process(ctx: &WorkerContext, analysis_id: Uuid) -> Result<(), BoxDynError> {
    let Some(row) = ctx.domain.analysis(analysis_id).await? else {
        tracing::warn!(%analysis_id, "job for an unknown analysis; dropped");
        return Ok(());
    };
    if row.status == "completed" || row.status == "failed" {
        return Ok(());
    }
    let attempt = row.attempts + 1;
    if attempt as usize > MAX_ATTEMPTS {
        let message = format!(
            "the analysis was started {} times without finishing",
            row.attempts
        );
        return finish(
            ctx,
            analysis_id,
            Outcome::Failed {
                code: "worker_gave_up".into(),
                message,
            },
        )
        .await;
    }
    ctx.domain
        .start_analysis(analysis_id, attempt, &meta())
        .await?;
    tracing::info!(%analysis_id, attempt, kind = %row.kind, "analysis started");
    if !ctx.stall.is_zero() {
        tokio::time::sleep(ctx.stall).await;
    }
    match run(ctx, analysis_id, &row).await {
        Ok(outcome) => finish(ctx, analysis_id, outcome).await,
        Err(e) if attempt as usize >= MAX_ATTEMPTS => {
            tracing::error!(%analysis_id, error = %e, "last attempt failed; refunding");
            let message =
                "the analysis could not be completed; your credit was refunded".to_string();
            finish(
                ctx,
                analysis_id,
                Outcome::Failed {
                    code: "worker_gave_up".into(),
                    message,
                },
            )
            .await
        }
        Err(e) => {
            tracing::warn!(%analysis_id, attempt, error = %e, "attempt failed; will retry");
            Err(e.into())
        }
    }
}

async fn finish(ctx: &WorkerContext, id: Uuid, outcome: Outcome) -> Result<(), BoxDynError> {
    match &outcome {
        Outcome::Completed {
            processing_time_ms, ..
        } => tracing::info!(analysis_id = %id, processing_time_ms, "analysis completed"),
        Outcome::Failed { code, .. } => {
            tracing::info!(analysis_id = %id, code = %code, "analysis failed; credit refunded")
        }
    }
    match ctx.domain.finish_analysis(id, outcome, &meta()).await {
        // Someone (the sweeper, another attempt) finished it first: that outcome stands.
        Err(entities::DomainError::Rejected(r)) => {
            tracing::info!(analysis_id = %id, reason = %r, "outcome not recorded");
            Ok(())
        }
        other => other.map_err(Into::into),
    }
}

/// Run the engine and store masks. Engine refusals become a failed outcome, not an error.
async fn run(
    ctx: &WorkerContext,
    id: Uuid,
    row: &entities::models::analysis::Model,
) -> Result<Outcome, Transient> {
    let started = Instant::now();
    let bytes = ctx
        .storage
        .get(&row.input_key)
        .await
        .map_err(|e| Transient(e.to_string()))?
        .ok_or_else(|| Transient(format!("upload {} is missing from storage", row.input_key)))?;
    let options: AnalysisOptions = serde_json::from_value(row.options.clone()).unwrap_or_default();
    let opts = Options {
        with_masks: row.kind == "full",
        age_override: options.age_override,
        gender_override: options.gender_override.as_deref().and_then(|g| match g {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }),
    };
    let engine = ctx.engine.clone();
    let shade = row.kind == "shade";
    let analysed = tokio::task::spawn_blocking(move || {
        if shade {
            let img = crate::vision::decode::decode(&bytes)?;
            let shade = engine.skin_shade(&img)?;
            Ok(shade_parts(&shade))
        } else {
            engine.analyze_bytes(&bytes, &opts).map(analysis_parts)
        }
    })
    .await
    .map_err(|e| Transient(format!("engine task panicked: {e}")))?;
    let (result, masks, overall_score, skin_age) = match analysed {
        Ok(parts) => parts,
        Err(e) => {
            return Ok(Outcome::Failed {
                code: e.code().to_string(),
                message: e.to_string(),
            })
        }
    };
    let names: Vec<String> = masks.iter().map(|m| m.name.clone()).collect();
    try_join_all(masks.into_iter().map(|m| {
        let key = analysis_key(id, &m.name);
        async move { ctx.storage.put(&key, m.png, "image/png").await }
    }))
    .await
    .map_err(|e| Transient(e.to_string()))?;
    Ok(Outcome::Completed {
        overall_score,
        skin_age,
        result,
        mask_filenames: names,
        processing_time_ms: started.elapsed().as_millis() as i64,
    })
}

/// What a finished analysis stores: result JSON, masks, and the two headline numbers.
type Parts = (
    serde_json::Value,
    Vec<crate::vision::Mask>,
    Option<f64>,
    Option<i32>,
);

fn analysis_parts(a: crate::vision::Analysis) -> Parts {
    let result = json_of(&a.result);
    // The headline score is the stored report's own number, so the two never disagree.
    let score = result["all"]["score"].as_f64();
    let age = Some(a.result.skin_age as i32);
    (result, a.masks, score, age)
}

fn shade_parts(s: &crate::vision::Shade) -> Parts {
    (json_of(s), vec![], None, None)
}

async fn handle(job: AnalysisJob, ctx: Data<Arc<WorkerContext>>) -> Result<(), BoxDynError> {
    process(&ctx, job.analysis_id).await
}

/// Run `concurrency` analyses at a time from `queue` until `shutdown` completes.
pub async fn run_workers(
    queue: Queue,
    ctx: Arc<WorkerContext>,
    concurrency: usize,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), BoxDynError> {
    let name = format!("dermis-worker-{}", Uuid::new_v4());
    let signal = async move {
        shutdown.await;
        Ok::<(), std::io::Error>(())
    };
    match queue {
        Queue::Sqlite(backend) => {
            WorkerBuilder::new(name.as_str())
                .backend(backend.poll_with_strategy(EveryInterval::new(POLL_INTERVAL)))
                .data(ctx)
                .concurrency(concurrency)
                .build(handle)
                .run_until(signal)
                .await?
        }
        Queue::Redis(backend) => {
            WorkerBuilder::new(name.as_str())
                .backend(backend.poll_with_strategy(EveryInterval::new(POLL_INTERVAL)))
                .data(ctx)
                .concurrency(concurrency)
                .build(handle)
                .run_until(signal)
                .await?
        }
    }
    Ok(())
}
