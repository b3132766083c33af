use std::collections::BTreeMap;

use sea_orm::DbErr;
use uuid::Uuid;

use super::{Rows, UsageKey};
use crate::models::{account, analysis, api_key, balance, daily_usage, stream_owner};

/// Projections held in memory, for replays.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MemRows {
    pub accounts: BTreeMap<Uuid, account::Model>,
    pub api_keys: BTreeMap<Uuid, api_key::Model>,
    pub balances: BTreeMap<Uuid, balance::Model>,
    pub analyses: BTreeMap<Uuid, analysis::Model>,
    pub usage: BTreeMap<UsageKey, daily_usage::Model>,
    pub stream_owners: BTreeMap<String, stream_owner::Model>,
}

impl Rows for MemRows {
    async fn account(&mut self, id: Uuid) -> Result<Option<account::Model>, DbErr> {
        Ok(self.accounts.get(&id).cloned())
    }
    async fn put_account(&mut self, row: account::Model) -> Result<(), DbErr> {
        self.accounts.insert(row.id, row);
        Ok(())
    }
    async fn api_key(&mut self, id: Uuid) -> Result<Option<api_key::Model>, DbErr> {
        Ok(self.api_keys.get(&id).cloned())
    }
    async fn put_api_key(&mut self, row: api_key::Model) -> Result<(), DbErr> {
        self.api_keys.insert(row.id, row);
        Ok(())
    }
    async fn balance(&mut self, account_id: Uuid) -> Result<Option<balance::Model>, DbErr> {
        Ok(self.balances.get(&account_id).cloned())
    }
    async fn put_balance(&mut self, row: balance::Model) -> Result<(), DbErr> {
        self.balances.insert(row.account_id, row);
        Ok(())
    }
    async fn analysis(&mut self, id: Uuid) -> Result<Option<analysis::Model>, DbErr> {
        Ok(self.analyses.get(&id).cloned())
    }
    async fn put_analysis(&mut self, row: analysis::Model) -> Result<(), DbErr> {
        self.analyses.insert(row.id, row);
        Ok(())
    }
    async fn usage(&mut self, key: &UsageKey) -> Result<Option<daily_usage::Model>, DbErr> {
        Ok(self.usage.get(key).cloned())
    }
    async fn put_usage(&mut self, row: daily_usage::Model) -> Result<(), DbErr> {
        let key = (
            row.account_id,
            row.day,
            row.key_id.clone(),
            row.endpoint.clone(),
        );
        self.usage.insert(key, row);
        Ok(())
    }
    async fn put_stream_owner(&mut self, row: stream_owner::Model) -> Result<(), DbErr> {
        self.stream_owners.insert(row.stream_id.clone(), row);
        Ok(())
    }
}
