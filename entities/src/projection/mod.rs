//! Projections: read models derived only from events. [`apply`] is the one projector; it reads
//! and writes rows through [`Rows`], which is either the live transaction ([`DbRows`], used on
//! every append) or plain maps ([`MemRows`], used by `events verify` to rebuild from zero).
mod db_rows;
mod mem_rows;
pub mod verify;

pub use db_rows::DbRows;
pub use mem_rows::MemRows;

use chrono::NaiveDate;
use sea_orm::DbErr;
use uuid::Uuid;

use crate::events::{AccountEvent, AnalysisEvent, ApiKeyEvent, CreditsEvent, DomainEvent, Stream};
use crate::models::{account, analysis, api_key, balance, daily_usage, stream_owner};
use crate::store::Recorded;

/// Key of a `daily_usage` row: account, UTC day, key id (or `-`), endpoint.
pub type UsageKey = (Uuid, NaiveDate, String, String);

/// Row access for the projector. Missing rows read as `None`.
#[allow(async_fn_in_trait)]
pub trait Rows {
    async fn account(&mut self, id: Uuid) -> Result<Option<account::Model>, DbErr>;
    async fn put_account(&mut self, row: account::Model) -> Result<(), DbErr>;
    async fn api_key(&mut self, id: Uuid) -> Result<Option<api_key::Model>, DbErr>;
    async fn put_api_key(&mut self, row: api_key::Model) -> Result<(), DbErr>;
    async fn balance(&mut self, account_id: Uuid) -> Result<Option<balance::Model>, DbErr>;
    async fn put_balance(&mut self, row: balance::Model) -> Result<(), DbErr>;
    async fn analysis(&mut self, id: Uuid) -> Result<Option<analysis::Model>, DbErr>;
    async fn put_analysis(&mut self, row: analysis::Model) -> Result<(), DbErr>;
    async fn usage(&mut self, key: &UsageKey) -> Result<Option<daily_usage::Model>, DbErr>;
    async fn put_usage(&mut self, row: daily_usage::Model) -> Result<(), DbErr>;
    async fn put_stream_owner(&mut self, row: stream_owner::Model) -> Result<(), DbErr>;
}

/// Record that `stream` belongs to `account_id` (the activity page reads through this).
async fn own(rows: &mut impl Rows, stream: String, account_id: Uuid) -> Result<(), DbErr> {
    rows.put_stream_owner(stream_owner::Model {
        stream_id: stream,
        account_id: account_id.to_string(),
    })
    .await
}

fn corrupt(what: &str, stream: &str) -> DbErr {
    DbErr::Custom(format!("projection: {what} for {stream} is missing"))
}

/// Project one recorded event into every read model it feeds.
pub async fn apply(rows: &mut impl Rows, rec: &Recorded) -> Result<(), DbErr> {
    let id = Stream::id_of(&rec.stream_id).ok_or_else(|| corrupt("id", &rec.stream_id))?;
    let at = rec.recorded_at;
    match &rec.event {
        DomainEvent::Account(AccountEvent::AccountRegistered { email, plan }) => {
            rows.put_account(account::Model {
                id,
                email: email.clone(),
                plan: plan.as_str().into(),
                created_at: at,
                password_hash: None,
            })
            .await?;
            if rows.balance(id).await?.is_none() {
                rows.put_balance(empty_balance(id)).await?;
            }
            own(rows, Stream::account(id), id).await?;
            own(rows, Stream::credits(id), id).await?;
        }
        DomainEvent::Account(AccountEvent::CredentialsSet { password_hash }) => {
            let mut row = rows
                .account(id)
                .await?
                .ok_or_else(|| corrupt("account", &rec.stream_id))?;
            row.password_hash = Some(password_hash.clone());
            rows.put_account(row).await?;
        }
        DomainEvent::Account(AccountEvent::PlanChanged { plan }) => {
            let mut row = rows
                .account(id)
                .await?
                .ok_or_else(|| corrupt("account", &rec.stream_id))?;
            row.plan = plan.as_str().into();
            rows.put_account(row).await?;
        }
        DomainEvent::ApiKey(ApiKeyEvent::ApiKeyCreated {
            account_id,
            name,
            prefix,
            secret_hash,
        }) => {
            rows.put_api_key(api_key::Model {
                id,
                account_id: *account_id,
                name: name.clone(),
                prefix: prefix.clone(),
                secret_hash: secret_hash.clone(),
                created_at: at,
                revoked_at: None,
                last_used_at: None,
            })
            .await?;
            own(rows, Stream::api_key(id), *account_id).await?;
        }
        DomainEvent::ApiKey(ApiKeyEvent::ApiKeyRevoked) => {
            let mut row = rows
                .api_key(id)
                .await?
                .ok_or_else(|| corrupt("key", &rec.stream_id))?;
            row.revoked_at = Some(at);
            rows.put_api_key(row).await?;
        }
        DomainEvent::Credits(event) => project_credits(rows, id, event, rec).await?,
        DomainEvent::Analysis(event) => project_analysis(rows, id, event, rec).await?,
    }
    Ok(())
}

fn empty_balance(account_id: Uuid) -> balance::Model {
    balance::Model {
        account_id,
        balance: 0,
        reserved: 0,
        granted_total: 0,
        purchased_total: 0,
        consumed_total: 0,
        refunded_total: 0,
    }
}

async fn project_credits(
    rows: &mut impl Rows,
    account_id: Uuid,
    event: &CreditsEvent,
    rec: &Recorded,
) -> Result<(), DbErr> {
    let mut b = rows
        .balance(account_id)
        .await?
        .unwrap_or_else(|| empty_balance(account_id));
    match event {
        CreditsEvent::CreditsGranted { amount, .. } => {
            b.balance += amount;
            b.granted_total += amount;
        }
        CreditsEvent::CreditsPurchased { amount, .. } => {
            b.balance += amount;
            b.purchased_total += amount;
        }
        CreditsEvent::CreditReserved { .. } => {
            b.balance -= 1;
            b.reserved += 1;
        }
        CreditsEvent::CreditConsumed { analysis_id } => {
            b.reserved -= 1;
            b.consumed_total += 1;
            bump_usage(rows, *analysis_id, rec, |u| u.credits_used += 1).await?;
        }
        CreditsEvent::CreditRefunded { .. } => {
            b.reserved -= 1;
            b.balance += 1;
            b.refunded_total += 1;
        }
    }
    rows.put_balance(b).await
}

async fn project_analysis(
    rows: &mut impl Rows,
    id: Uuid,
    event: &AnalysisEvent,
    rec: &Recorded,
) -> Result<(), DbErr> {
    let at = rec.recorded_at;
    if let AnalysisEvent::AnalysisRequested {
        account_id,
        key_id,
        kind,
        endpoint,
        input_key,
        options,
        idempotency_key,
    } = event
    {
        rows.put_analysis(analysis::Model {
            id,
            account_id: *account_id,
            key_id: *key_id,
            kind: kind.as_str().into(),
            endpoint: endpoint.clone(),
            status: "pending".into(),
            idempotency_key: idempotency_key.clone(),
            input_key: input_key.clone(),
            options: serde_json::to_value(options).unwrap_or_default(),
            result_json: None,
            mask_filenames: serde_json::json!([]),
            overall_score: None,
            skin_age: None,
            processing_time_ms: None,
            error_code: None,
            error_message: None,
            attempts: 0,
            created_at: at,
            updated_at: at,
        })
        .await?;
        own(rows, Stream::analysis(id), *account_id).await?;
        return bump_usage(rows, id, rec, |u| u.requests += 1).await;
    }
    let mut row = rows
        .analysis(id)
        .await?
        .ok_or_else(|| corrupt("analysis", &rec.stream_id))?;
    row.updated_at = at;
    match event {
        AnalysisEvent::AnalysisRequested { .. } => unreachable!("handled above"),
        AnalysisEvent::AnalysisStarted { attempt } => {
            row.status = "processing".into();
            row.attempts = *attempt;
        }
        AnalysisEvent::AnalysisCompleted {
            result,
            mask_filenames,
            overall_score,
            skin_age,
            processing_time_ms,
        } => {
            row.status = "completed".into();
            row.result_json = Some(result.clone());
            row.mask_filenames = serde_json::to_value(mask_filenames).unwrap_or_default();
            row.overall_score = *overall_score;
            row.skin_age = *skin_age;
            row.processing_time_ms = Some(*processing_time_ms);
        }
        AnalysisEvent::AnalysisFailed { code, message } => {
            row.status = "failed".into();
            row.error_code = Some(code.clone());
            row.error_message = Some(message.clone());
        }
    }
    let finished = match event {
        AnalysisEvent::AnalysisCompleted { .. } => Some(true),
        AnalysisEvent::AnalysisFailed { .. } => Some(false),
        _ => None,
    };
    rows.put_analysis(row).await?;
    match finished {
        Some(true) => bump_usage(rows, id, rec, |u| u.completed += 1).await,
        Some(false) => bump_usage(rows, id, rec, |u| u.failed += 1).await,
        None => Ok(()),
    }
}

/// Usage is attributed to the day and key/endpoint of the analysis' request.
async fn bump_usage(
    rows: &mut impl Rows,
    analysis_id: Uuid,
    rec: &Recorded,
    change: impl FnOnce(&mut daily_usage::Model),
) -> Result<(), DbErr> {
    let a = rows
        .analysis(analysis_id)
        .await?
        .ok_or_else(|| corrupt("analysis", &rec.stream_id))?;
    let key: UsageKey = (
        a.account_id,
        a.created_at.date_naive(),
        a.key_id
            .map(|k| k.to_string())
            .unwrap_or_else(|| "-".into()),
        a.endpoint.clone(),
    );
    let mut u = rows.usage(&key).await?.unwrap_or(daily_usage::Model {
        account_id: key.0,
        day: key.1,
        key_id: key.2.clone(),
        endpoint: key.3.clone(),
        requests: 0,
        completed: 0,
        failed: 0,
        credits_used: 0,
    });
    change(&mut u);
    rows.put_usage(u).await
}
