use sea_orm::entity::prelude::*;

/// Projection: credit balance per account. `balance` is what can still be reserved;
/// `reserved` counts credits held by analyses that have not finished yet.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "balances")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: Uuid,
    pub balance: i64,
    pub reserved: i64,
    pub granted_total: i64,
    pub purchased_total: i64,
    pub consumed_total: i64,
    pub refunded_total: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
