use sea_orm::entity::prelude::*;

/// One row of the append-only event log. `position` is the global order used by replays;
/// `(stream_id, stream_version)` is unique, which is what makes appends optimistic.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub position: i64,
    pub stream_id: String,
    pub stream_version: i64,
    pub event_type: String,
    pub schema_version: i32,
    pub payload: Json,
    pub metadata: Json,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
