use sea_orm::entity::prelude::*;

/// Projection: per account, UTC day, key and endpoint — requests accepted, completed, failed
/// and credits spent (consumed, i.e. not refunded).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "daily_usage")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub key_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub endpoint: String,
    pub requests: i64,
    pub completed: i64,
    pub failed: i64,
    pub credits_used: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
