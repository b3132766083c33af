//! Commands: the only way state changes. Each one runs in a [`UnitOfWork`]: lock streams, fold
//! their events, let the aggregate decide, append (which projects), commit. Lock conflicts and
//! SQLite busy errors are retried with a short jittered back-off.
use std::future::Future;
use std::time::Duration;

use rand::Rng;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::events::account::Account;
use crate::events::analysis::{Analysis, AnalysisOptions};
use crate::events::api_key::ApiKey;
use crate::events::credits::Credits;
use crate::events::{
    AccountEvent, AnalysisEvent, AnalysisKind, ApiKeyEvent, DomainEvent, Metadata, Plan, Rejection,
    Stream,
};
use crate::models::{account, analysis};
use crate::secrets;
use crate::store::{StoreError, UnitOfWork};

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error(transparent)]
    Rejected(#[from] Rejection),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("an account with e-mail {0} already exists")]
    EmailTaken(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for DomainError {
    fn from(e: sea_orm::DbErr) -> Self {
        DomainError::Store(StoreError::Db(e))
    }
}

/// Run `attempt` until it succeeds or fails for a reason other than a lost race.
pub(crate) async fn retrying<T, F, Fut>(mut attempt: F) -> Result<T, DomainError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, DomainError>>,
{
    let mut tries = 0;
    loop {
        match attempt().await {
            Err(DomainError::Store(e)) if e.is_retryable() && tries < 50 => {
                tries += 1;
                let ms = rand::rng().random_range(1..=10 * tries.min(10));
                tokio::time::sleep(Duration::from_millis(ms)).await;
            }
            other => return other,
        }
    }
}

fn fold<S: Default, E>(
    events: Vec<DomainEvent>,
    pick: impl Fn(DomainEvent) -> Option<E>,
    apply: impl Fn(S, &E) -> S,
) -> S {
    events
        .into_iter()
        .filter_map(pick)
        .fold(S::default(), |s, e| apply(s, &e))
}

async fn credits(uow: &UnitOfWork, account_id: Uuid) -> Result<Credits, StoreError> {
    let events = uow.load(&Stream::credits(account_id)).await?;
    Ok(fold(
        events,
        |e| match e {
            DomainEvent::Credits(c) => Some(c),
            _ => None,
        },
        Credits::apply,
    ))
}

async fn analysis_state(uow: &UnitOfWork, id: Uuid) -> Result<Analysis, StoreError> {
    let events = uow.load(&Stream::analysis(id)).await?;
    Ok(fold(
        events,
        |e| match e {
            DomainEvent::Analysis(a) => Some(a),
            _ => None,
        },
        Analysis::apply,
    ))
}

fn wrap<E>(events: Vec<E>, f: fn(E) -> DomainEvent) -> Vec<DomainEvent> {
    events.into_iter().map(f).collect()
}

/// What a new analysis needs.
#[derive(Debug, Clone)]
pub struct NewAnalysis {
    /// Chosen by the caller, so the upload can be stored under it before the request commits.
    pub analysis_id: Uuid,
    pub account_id: Uuid,
    pub key_id: Option<Uuid>,
    pub kind: AnalysisKind,
    pub endpoint: String,
    pub input_key: String,
    pub options: AnalysisOptions,
    pub idempotency_key: Option<String>,
    /// Whether the request costs a credit (Skin Shade requests are metered by a monthly quota
    /// instead). Uncharged analyses record the same events, minus the credit ones.
    pub charge: bool,
    /// A cap on how many analyses of this kind the key may request since a moment (Skin
    /// Shade's monthly quota). Counted under the account's lock, so concurrent requests cannot
    /// overshoot it.
    pub quota: Option<Quota>,
}

#[derive(Debug, Clone, Copy)]
pub struct Quota {
    pub limit: u64,
    pub since: chrono::DateTime<chrono::Utc>,
}

/// The outcome of a request: a new analysis, or the one an earlier request with the same
/// idempotency key created (not charged again).
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub analysis_id: Uuid,
    pub replayed: bool,
}

/// How an analysis ended, as the worker reports it.
#[derive(Debug, Clone)]
pub enum Outcome {
    Completed {
        result: serde_json::Value,
        mask_filenames: Vec<String>,
        overall_score: Option<f64>,
        skin_age: Option<i32>,
        processing_time_ms: i64,
    },
    Failed {
        code: String,
        message: String,
    },
}

#[derive(Clone)]
pub struct Domain {
    pub db: DatabaseConnection,
}

impl Domain {
    pub fn new(db: DatabaseConnection) -> Self {
        Domain { db }
    }

    pub async fn register_account(
        &self,
        email: &str,
        plan: Plan,
        meta: &Metadata,
    ) -> Result<Uuid, DomainError> {
        self.register(email, plan, None, meta).await
    }

    /// Dashboard sign-up: a Free account and its password hash (argon2 PHC), in one
    /// transaction, so an account never exists half signed-up.
    pub async fn sign_up(
        &self,
        email: &str,
        password_hash: &str,
        meta: &Metadata,
    ) -> Result<Uuid, DomainError> {
        self.register(email, Plan::Free, Some(password_hash), meta)
            .await
    }

    async fn register(
        &self,
        email: &str,
        plan: Plan,
        password_hash: Option<&str>,
        meta: &Metadata,
    ) -> Result<Uuid, DomainError> {
        let email = email.trim().to_lowercase();
        if !email.contains('@') || email.len() > 254 {
            return Err(Rejection::Invalid(format!("'{email}' is not an e-mail address")).into());
        }
        if self.account_by_email(&email).await?.is_some() {
            return Err(DomainError::EmailTaken(email));
        }
        let id = Uuid::new_v4();
        let registered = AccountEvent::AccountRegistered {
            email: email.clone(),
            plan,
        };
        let mut account_events = vec![registered.clone()];
        if let Some(hash) = password_hash {
            let state = Account::default().apply(&registered);
            account_events.extend(state.set_credentials(hash)?);
        }
        retrying(|| async {
            let mut uow =
                UnitOfWork::begin(&self.db, &[Stream::account(id), Stream::credits(id)]).await?;
            uow.append(
                &Stream::account(id),
                wrap(account_events.clone(), DomainEvent::Account),
                meta,
            )
            .await?;
            let grant = Credits::default().grant(
                plan.signup_credits(),
                &format!("{} plan sign-up", plan.as_str()),
            );
            if let Ok(events) = grant {
                uow.append(
                    &Stream::credits(id),
                    wrap(events, DomainEvent::Credits),
                    meta,
                )
                .await?;
            }
            uow.commit().await?;
            Ok(id)
        })
        .await
        .map_err(|e| match e {
            // The unique e-mail index caught a concurrent registration of the same address.
            DomainError::Store(s) if s.to_string().to_lowercase().contains("email") => {
                DomainError::EmailTaken(email.clone())
            }
            other => other,
        })
    }

    pub async fn account_by_email(
        &self,
        email: &str,
    ) -> Result<Option<account::Model>, DomainError> {
        Ok(account::Entity::find()
            .filter(account::Column::Email.eq(email.trim().to_lowercase()))
            .one(&self.db)
            .await?)
    }

    pub async fn change_plan(
        &self,
        account_id: Uuid,
        plan: Plan,
        meta: &Metadata,
    ) -> Result<(), DomainError> {
        retrying(|| async {
            let mut uow = UnitOfWork::begin(&self.db, &[Stream::account(account_id)]).await?;
            let events = uow.load(&Stream::account(account_id)).await?;
            let state = fold(
                events,
                |e| match e {
                    DomainEvent::Account(a) => Some(a),
                    _ => None,
                },
                Account::apply,
            );
            if state.email.is_none() {
                return Err(DomainError::NotFound("account"));
            }
            uow.append(
                &Stream::account(account_id),
                wrap(state.change_plan(plan), DomainEvent::Account),
                meta,
            )
            .await?;
            uow.commit().await?;
            Ok(())
        })
        .await
    }

    /// Create a key; the secret is returned here once and never stored.
    pub async fn create_key(
        &self,
        account_id: Uuid,
        name: &str,
        meta: &Metadata,
    ) -> Result<(Uuid, String), DomainError> {
        if account::Entity::find_by_id(account_id)
            .one(&self.db)
            .await?
            .is_none()
        {
            return Err(DomainError::NotFound("account"));
        }
        let key_id = Uuid::new_v4();
        let secret = secrets::generate();
        let name = if name.trim().is_empty() {
            "default".to_string()
        } else {
            name.trim().chars().take(100).collect()
        };
        retrying(|| async {
            let mut uow = UnitOfWork::begin(&self.db, &[Stream::api_key(key_id)]).await?;
            let event = ApiKeyEvent::ApiKeyCreated {
                account_id,
                name: name.clone(),
                prefix: secret.prefix.clone(),
                secret_hash: secret.hash.clone(),
            };
            uow.append(
                &Stream::api_key(key_id),
                vec![DomainEvent::ApiKey(event)],
                meta,
            )
            .await?;
            uow.commit().await?;
            Ok(())
        })
        .await?;
        Ok((key_id, secret.secret))
    }

    /// Revoke a key. With `owner`, only that account's key can be revoked (others read as absent).
    pub async fn revoke_key(
        &self,
        key_id: Uuid,
        owner: Option<Uuid>,
        meta: &Metadata,
    ) -> Result<(), DomainError> {
        let row = crate::models::api_key::Entity::find_by_id(key_id)
            .one(&self.db)
            .await?;
        match row {
            Some(r) if owner.is_none_or(|o| o == r.account_id) => {}
            _ => return Err(DomainError::NotFound("key")),
        }
        retrying(|| async {
            let mut uow = UnitOfWork::begin(&self.db, &[Stream::api_key(key_id)]).await?;
            let events = uow.load(&Stream::api_key(key_id)).await?;
            let state = fold(
                events,
                |e| match e {
                    DomainEvent::ApiKey(k) => Some(k),
                    _ => None,
                },
                ApiKey::apply,
            );
            uow.append(
                &Stream::api_key(key_id),
                wrap(state.revoke()?, DomainEvent::ApiKey),
                meta,
            )
            .await?;
            uow.commit().await?;
            Ok(())
        })
        .await
    }

    pub async fn grant_credits(
        &self,
        account_id: Uuid,
        amount: i64,
        reason: &str,
        meta: &Metadata,
    ) -> Result<(), DomainError> {
        if account::Entity::find_by_id(account_id)
            .one(&self.db)
            .await?
            .is_none()
        {
            return Err(DomainError::NotFound("account"));
        }
        retrying(|| async {
            let mut uow = UnitOfWork::begin(&self.db, &[Stream::credits(account_id)]).await?;
            let state = credits(&uow, account_id).await?;
            uow.append(
                &Stream::credits(account_id),
                wrap(state.grant(amount, reason)?, DomainEvent::Credits),
                meta,
            )
            .await?;
            uow.commit().await?;
            Ok(())
        })
        .await
    }

    /// Credit a payment once per `reference`; returns whether credits were added now.
    pub async fn purchase_credits(
        &self,
        account_id: Uuid,
        amount: i64,
        reference: &str,
        meta: &Metadata,
    ) -> Result<bool, DomainError> {
        retrying(|| async {
            let mut uow = UnitOfWork::begin(&self.db, &[Stream::credits(account_id)]).await?;
            let state = credits(&uow, account_id).await?;
            let events = state.purchase(amount, reference);
            let added = !events.is_empty();
            uow.append(
                &Stream::credits(account_id),
                wrap(events, DomainEvent::Credits),
                meta,
            )
            .await?;
            uow.commit().await?;
            Ok(added)
        })
        .await
    }

    /// Reserve a credit and record the request, atomically. Same idempotency key → same analysis.
    pub async fn request_analysis(
        &self,
        req: &NewAnalysis,
        meta: &Metadata,
    ) -> Result<Accepted, DomainError> {
        let analysis_id = req.analysis_id;
        let credits_stream = Stream::credits(req.account_id);
        let analysis_stream = Stream::analysis(analysis_id);
        retrying(|| async {
            let mut uow =
                UnitOfWork::begin(&self.db, &[credits_stream.clone(), analysis_stream.clone()])
                    .await?;
            // Checked under the account's credits lock, so two retries cannot both miss it.
            if let Some(key) = &req.idempotency_key {
                let existing = analysis::Entity::find()
                    .filter(analysis::Column::AccountId.eq(req.account_id))
                    .filter(analysis::Column::IdempotencyKey.eq(key.clone()))
                    .one(uow.connection())
                    .await?;
                if let Some(row) = existing {
                    return Ok(Accepted {
                        analysis_id: row.id,
                        replayed: true,
                    });
                }
            }
            if let (Some(quota), Some(key_id)) = (req.quota, req.key_id) {
                let used = analysis::Entity::find()
                    .filter(analysis::Column::KeyId.eq(key_id))
                    .filter(analysis::Column::Kind.eq(req.kind.as_str()))
                    .filter(analysis::Column::CreatedAt.gte(quota.since))
                    .count(uow.connection())
                    .await?;
                if used >= quota.limit {
                    return Err(Rejection::QuotaExceeded { limit: quota.limit }.into());
                }
            }
            if req.charge {
                let state = credits(&uow, req.account_id).await?;
                let reserve = state.reserve(analysis_id)?;
                uow.append(&credits_stream, wrap(reserve, DomainEvent::Credits), meta)
                    .await?;
            }
            let requested = AnalysisEvent::AnalysisRequested {
                account_id: req.account_id,
                key_id: req.key_id,
                kind: req.kind,
                endpoint: req.endpoint.clone(),
                input_key: req.input_key.clone(),
                options: req.options.clone(),
                idempotency_key: req.idempotency_key.clone(),
            };
            uow.append(
                &analysis_stream,
                vec![DomainEvent::Analysis(requested)],
                meta,
            )
            .await?;
            uow.commit().await?;
            Ok(Accepted {
                analysis_id,
                replayed: false,
            })
        })
        .await
    }

    /// Mark an analysis as being processed (attempt n). Refused once it has finished.
    pub async fn start_analysis(
        &self,
        id: Uuid,
        attempt: i32,
        meta: &Metadata,
    ) -> Result<(), DomainError> {
        retrying(|| async {
            let mut uow = UnitOfWork::begin(&self.db, &[Stream::analysis(id)]).await?;
            let state = analysis_state(&uow, id).await?;
            uow.append(
                &Stream::analysis(id),
                wrap(state.start(attempt)?, DomainEvent::Analysis),
                meta,
            )
            .await?;
            uow.commit().await?;
            Ok(())
        })
        .await
    }

    /// Record how an analysis ended and settle its credit: consumed on success, refunded on
    /// failure — in one transaction, so a credit is never both or neither.
    pub async fn finish_analysis(
        &self,
        id: Uuid,
        outcome: Outcome,
        meta: &Metadata,
    ) -> Result<(), DomainError> {
        let row = analysis::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound("analysis"))?;
        let account_id = row.account_id;
        retrying(|| async {
            let streams = [Stream::credits(account_id), Stream::analysis(id)];
            let mut uow = UnitOfWork::begin(&self.db, &streams).await?;
            let state = analysis_state(&uow, id).await?;
            let (event, refund) = match outcome.clone() {
                Outcome::Completed {
                    result,
                    mask_filenames,
                    overall_score,
                    skin_age,
                    processing_time_ms,
                } => (
                    AnalysisEvent::AnalysisCompleted {
                        result,
                        mask_filenames,
                        overall_score,
                        skin_age,
                        processing_time_ms,
                    },
                    None,
                ),
                Outcome::Failed { code, message } => (
                    AnalysisEvent::AnalysisFailed {
                        code: code.clone(),
                        message,
                    },
                    Some(code),
                ),
            };
            uow.append(
                &streams[1],
                wrap(state.finish(event)?, DomainEvent::Analysis),
                meta,
            )
            .await?;
            let ledger = credits(&uow, account_id).await?;
            uow.append(
                &streams[0],
                wrap(ledger.settle(id, refund.as_deref()), DomainEvent::Credits),
                meta,
            )
            .await?;
            uow.commit().await?;
            Ok(())
        })
        .await
    }
}
