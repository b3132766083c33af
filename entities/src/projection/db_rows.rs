use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel,
};
use uuid::Uuid;

use super::{Rows, UsageKey};
use crate::models::{account, analysis, api_key, balance, daily_usage, stream_owner};

/// Rows read and written inside the append's transaction.
pub struct DbRows<'a>(pub &'a DatabaseTransaction);

/// Update the row, or insert it when there is none yet.
async fn upsert<A>(tx: &DatabaseTransaction, model: A) -> Result<(), DbErr>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send + Clone,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let model = model.reset_all();
    match model.clone().update(tx).await {
        Ok(_) => Ok(()),
        Err(DbErr::RecordNotUpdated) => model.insert(tx).await.map(|_| ()),
        Err(e) => Err(e),
    }
}

impl Rows for DbRows<'_> {
    async fn account(&mut self, id: Uuid) -> Result<Option<account::Model>, DbErr> {
        account::Entity::find_by_id(id).one(self.0).await
    }
    async fn put_account(&mut self, row: account::Model) -> Result<(), DbErr> {
        upsert(self.0, row.into_active_model()).await
    }
    async fn api_key(&mut self, id: Uuid) -> Result<Option<api_key::Model>, DbErr> {
        api_key::Entity::find_by_id(id).one(self.0).await
    }
    async fn put_api_key(&mut self, row: api_key::Model) -> Result<(), DbErr> {
        upsert(self.0, row.into_active_model()).await
    }
    async fn balance(&mut self, account_id: Uuid) -> Result<Option<balance::Model>, DbErr> {
        balance::Entity::find_by_id(account_id).one(self.0).await
    }
    async fn put_balance(&mut self, row: balance::Model) -> Result<(), DbErr> {
        upsert(self.0, row.into_active_model()).await
    }
    async fn analysis(&mut self, id: Uuid) -> Result<Option<analysis::Model>, DbErr> {
        analysis::Entity::find_by_id(id).one(self.0).await
    }
    async fn put_analysis(&mut self, row: analysis::Model) -> Result<(), DbErr> {
        upsert(self.0, row.into_active_model()).await
    }
    async fn usage(&mut self, key: &UsageKey) -> Result<Option<daily_usage::Model>, DbErr> {
        daily_usage::Entity::find_by_id(key.clone())
            .one(self.0)
            .await
    }
    async fn put_usage(&mut self, row: daily_usage::Model) -> Result<(), DbErr> {
        upsert(self.0, row.into_active_model()).await
    }
    async fn put_stream_owner(&mut self, row: stream_owner::Model) -> Result<(), DbErr> {
        upsert(self.0, row.into_active_model()).await
    }
}
