//! Read models derived from events. They can be dropped and rebuilt from the log.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum Accounts {
    Table,
    Id,
    Email,
    Plan,
    CreatedAt,
}

#[derive(Iden)]
enum ApiKeys {
    Table,
    Id,
    AccountId,
    Name,
    Prefix,
    SecretHash,
    CreatedAt,
    RevokedAt,
    LastUsedAt,
}

#[derive(Iden)]
enum Balances {
    Table,
    AccountId,
    Balance,
    Reserved,
    GrantedTotal,
    PurchasedTotal,
    ConsumedTotal,
    RefundedTotal,
}

#[derive(Iden)]
enum Analyses {
    Table,
    Id,
    AccountId,
    KeyId,
    Kind,
    Endpoint,
    Status,
    IdempotencyKey,
    InputKey,
    Options,
    ResultJson,
    MaskFilenames,
    OverallScore,
    SkinAge,
    ProcessingTimeMs,
    ErrorCode,
    ErrorMessage,
    Attempts,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden)]
enum DailyUsage {
    Table,
    AccountId,
    Day,
    KeyId,
    Endpoint,
    Requests,
    Completed,
    Failed,
    CreditsUsed,
}

fn big(c: impl IntoIden) -> ColumnDef {
    ColumnDef::new(c).big_integer().not_null().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Accounts::Table)
                .if_not_exists()
                .col(ColumnDef::new(Accounts::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(Accounts::Email).string().not_null().unique_key())
                .col(ColumnDef::new(Accounts::Plan).string().not_null())
                .col(ColumnDef::new(Accounts::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ApiKeys::Table)
                .if_not_exists()
                .col(ColumnDef::new(ApiKeys::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(ApiKeys::AccountId).uuid().not_null())
                .col(ColumnDef::new(ApiKeys::Name).string().not_null())
                .col(ColumnDef::new(ApiKeys::Prefix).string().not_null())
                .col(ColumnDef::new(ApiKeys::SecretHash).string().not_null().unique_key())
                .col(ColumnDef::new(ApiKeys::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(ApiKeys::RevokedAt).timestamp_with_time_zone().null())
                .col(ColumnDef::new(ApiKeys::LastUsedAt).timestamp_with_time_zone().null())
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("api_keys_account").table(ApiKeys::Table).col(ApiKeys::AccountId).to_owned()).await?;
        m.create_table(
            Table::create()
                .table(Balances::Table)
                .if_not_exists()
                .col(ColumnDef::new(Balances::AccountId).uuid().not_null().primary_key())
                .col(big(Balances::Balance))
                .col(big(Balances::Reserved))
                .col(big(Balances::GrantedTotal))
                .col(big(Balances::PurchasedTotal))
                .col(big(Balances::ConsumedTotal))
                .col(big(Balances::RefundedTotal))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Analyses::Table)
                .if_not_exists()
                .col(ColumnDef::new(Analyses::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(Analyses::AccountId).uuid().not_null())
                .col(ColumnDef::new(Analyses::KeyId).uuid().null())
                .col(ColumnDef::new(Analyses::Kind).string().not_null())
                .col(ColumnDef::new(Analyses::Endpoint).string().not_null())
                .col(ColumnDef::new(Analyses::Status).string().not_null())
                .col(ColumnDef::new(Analyses::IdempotencyKey).string().null())
                .col(ColumnDef::new(Analyses::InputKey).string().not_null())
                .col(ColumnDef::new(Analyses::Options).json_binary().not_null())
                .col(ColumnDef::new(Analyses::ResultJson).json_binary().null())
                .col(ColumnDef::new(Analyses::MaskFilenames).json_binary().not_null())
                .col(ColumnDef::new(Analyses::OverallScore).double().null())
                .col(ColumnDef::new(Analyses::SkinAge).integer().null())
                .col(ColumnDef::new(Analyses::ProcessingTimeMs).big_integer().null())
                .col(ColumnDef::new(Analyses::ErrorCode).string().null())
                .col(ColumnDef::new(Analyses::ErrorMessage).text().null())
                .col(ColumnDef::new(Analyses::Attempts).integer().not_null())
                .col(ColumnDef::new(Analyses::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Analyses::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("analyses_account").table(Analyses::Table).col(Analyses::AccountId).col(Analyses::CreatedAt).to_owned()).await?;
        m.create_index(Index::create().name("analyses_status").table(Analyses::Table).col(Analyses::Status).col(Analyses::UpdatedAt).to_owned()).await?;
        // One analysis per idempotency key and account (NULL keys do not collide).
        m.create_index(
            Index::create()
                .name("analyses_idempotency")
                .table(Analyses::Table)
                .col(Analyses::AccountId)
                .col(Analyses::IdempotencyKey)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DailyUsage::Table)
                .if_not_exists()
                .col(ColumnDef::new(DailyUsage::AccountId).uuid().not_null())
                .col(ColumnDef::new(DailyUsage::Day).date().not_null())
                .col(ColumnDef::new(DailyUsage::KeyId).string().not_null())
                .col(ColumnDef::new(DailyUsage::Endpoint).string().not_null())
                .col(big(DailyUsage::Requests))
                .col(big(DailyUsage::Completed))
                .col(big(DailyUsage::Failed))
                .col(big(DailyUsage::CreditsUsed))
                .primary_key(
                    Index::create()
                        .col(DailyUsage::AccountId)
                        .col(DailyUsage::Day)
                        .col(DailyUsage::KeyId)
                        .col(DailyUsage::Endpoint),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["daily_usage", "analyses", "balances", "api_keys", "accounts"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
