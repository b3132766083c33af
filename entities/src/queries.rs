//! Reads from the projections. Every read that serves a tenant is scoped by account id.
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::commands::{Domain, DomainError};
use crate::events::Plan;
use crate::models::{account, analysis, api_key, balance};
use crate::secrets;

/// Who a valid API key speaks for.
#[derive(Debug, Clone)]
pub struct KeyAuth {
    pub key_id: Uuid,
    pub account_id: Uuid,
    pub plan: Plan,
}

impl Domain {
    /// Resolve a secret to its account; revoked and unknown keys give `None`.
    pub async fn authenticate(&self, secret: &str) -> Result<Option<KeyAuth>, DomainError> {
        let hash = secrets::hash(secret.trim());
        let Some(key) = api_key::Entity::find()
            .filter(api_key::Column::SecretHash.eq(hash))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if key.revoked_at.is_some() {
            return Ok(None);
        }
        let Some(acct) = account::Entity::find_by_id(key.account_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        // Last use is telemetry; refreshing it at most once a minute keeps hot keys cheap.
        let stale = key
            .last_used_at
            .is_none_or(|t| Utc::now() - t > Duration::seconds(60));
        let auth = KeyAuth {
            key_id: key.id,
            account_id: key.account_id,
            plan: Plan::parse(&acct.plan).unwrap_or(Plan::Free),
        };
        if stale {
            let mut am = key.into_active_model();
            am.last_used_at = Set(Some(Utc::now()));
            if let Err(e) = am.update(&self.db).await {
                tracing::warn!(error = %e, "could not record key last use");
            }
        }
        Ok(Some(auth))
    }

    /// An analysis, only if it belongs to `account_id` (another tenant's id reads as absent).
    pub async fn analysis_of(
        &self,
        account_id: Uuid,
        id: Uuid,
    ) -> Result<Option<analysis::Model>, DomainError> {
        Ok(analysis::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .filter(|a| a.account_id == account_id))
    }

    pub async fn analysis(&self, id: Uuid) -> Result<Option<analysis::Model>, DomainError> {
        Ok(analysis::Entity::find_by_id(id).one(&self.db).await?)
    }

    pub async fn account(
        &self,
        id: Uuid,
    ) -> Result<Option<(account::Model, balance::Model)>, DomainError> {
        let Some(acct) = account::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(None);
        };
        let bal = balance::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound("balance"))?;
        Ok(Some((acct, bal)))
    }

    pub async fn keys_of(&self, account_id: Uuid) -> Result<Vec<api_key::Model>, DomainError> {
        Ok(api_key::Entity::find()
            .filter(api_key::Column::AccountId.eq(account_id))
            .order_by_desc(api_key::Column::CreatedAt)
            .all(&self.db)
            .await?)
    }

    /// Analyses still unfinished and last touched before `cutoff`: the sweeper's work list.
    pub async fn unfinished_before(
        &self,
        cutoff: chrono::DateTime<Utc>,
    ) -> Result<Vec<analysis::Model>, DomainError> {
        Ok(analysis::Entity::find()
            .filter(analysis::Column::Status.is_in(["pending", "processing"]))
            .filter(analysis::Column::UpdatedAt.lt(cutoff))
            .all(&self.db)
            .await?)
    }

    /// Whether the database answers within `within` (health checks). A pool whose server went
    /// away would otherwise wait for its own acquire timeout.
    pub async fn ping(&self, within: std::time::Duration) -> Result<(), String> {
        match tokio::time::timeout(within, self.db.ping()).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err(format!("no answer within {} s", within.as_secs())),
        }
    }
}
