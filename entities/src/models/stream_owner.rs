use sea_orm::entity::prelude::*;

/// Projection: which account each stream belongs to (`account-`, `credits-`, `apikey-` and
/// `analysis-` streams), so an account's own events can be read without scanning the log.
/// `account_id` is the hyphenated UUID as text, which lets the migration backfill it in SQL.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stream_owners")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub stream_id: String,
    pub account_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
