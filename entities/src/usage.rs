//! Dashboard reads over analyses and daily usage, scoped by account id.
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::commands::{Domain, DomainError};
use crate::models::{analysis, daily_usage};

impl Domain {
    /// The account's `daily_usage` rows from `since` (a UTC day) on, oldest first.
    pub async fn usage_of(
        &self,
        account_id: Uuid,
        since: NaiveDate,
    ) -> Result<Vec<daily_usage::Model>, DomainError> {
        Ok(daily_usage::Entity::find()
            .filter(daily_usage::Column::AccountId.eq(account_id))
            .filter(daily_usage::Column::Day.gte(since))
            .order_by_asc(daily_usage::Column::Day)
            .all(&self.db)
            .await?)
    }

    /// The account's analyses, newest first: `limit` from `offset`.
    pub async fn analyses_of(
        &self,
        account_id: Uuid,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<analysis::Model>, DomainError> {
        Ok(analysis::Entity::find()
            .filter(analysis::Column::AccountId.eq(account_id))
            .order_by_desc(analysis::Column::CreatedAt)
            .order_by_desc(analysis::Column::Id)
            .offset(offset)
            .limit(limit)
            .all(&self.db)
            .await?)
    }
}
