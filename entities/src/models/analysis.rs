use sea_orm::entity::prelude::*;

/// Projection: the current state of every analysis, as the result endpoints return it.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "analyses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    pub key_id: Option<Uuid>,
    pub kind: String,
    pub endpoint: String,
    pub status: String,
    pub idempotency_key: Option<String>,
    pub input_key: String,
    pub options: Json,
    pub result_json: Option<Json>,
    pub mask_filenames: Json,
    pub overall_score: Option<f64>,
    pub skin_age: Option<i32>,
    pub processing_time_ms: Option<i64>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    pub attempts: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
