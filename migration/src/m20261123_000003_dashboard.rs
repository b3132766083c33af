//! For the dashboard: the account's password hash (from `CredentialsSet`) and `stream_owners`,
//! which maps every stream to its account so the activity page reads an account's own events
//! with one indexed join instead of scanning the log.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum Accounts {
    Table,
    PasswordHash,
}

#[derive(Iden)]
enum StreamOwners {
    Table,
    StreamId,
    AccountId,
}

/// Owners of the streams already in the log (a database that existed before this migration):
/// the same rows the projector writes for `AccountRegistered`, `ApiKeyCreated` and
/// `AnalysisRequested`, so `events verify` agrees afterwards.
fn backfill(backend: DatabaseBackend) -> Vec<String> {
    let account_of_payload = match backend {
        DatabaseBackend::Postgres => "payload->>'account_id'",
        _ => "json_extract(payload, '$.account_id')",
    };
    let skip = "ON CONFLICT (stream_id) DO NOTHING";
    vec![
        format!(
            "INSERT INTO stream_owners (stream_id, account_id) \
             SELECT stream_id, substr(stream_id, 9) FROM events \
             WHERE event_type = 'AccountRegistered' {skip}"
        ),
        format!(
            "INSERT INTO stream_owners (stream_id, account_id) \
             SELECT 'credits-' || substr(stream_id, 9), substr(stream_id, 9) FROM events \
             WHERE event_type = 'AccountRegistered' {skip}"
        ),
        format!(
            "INSERT INTO stream_owners (stream_id, account_id) \
             SELECT stream_id, {account_of_payload} FROM events \
             WHERE event_type IN ('ApiKeyCreated', 'AnalysisRequested') {skip}"
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .add_column(ColumnDef::new(Accounts::PasswordHash).string().null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StreamOwners::Table)
                .if_not_exists()
                .col(
                    ColumnDef::new(StreamOwners::StreamId)
                        .string()
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(StreamOwners::AccountId).string().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("stream_owners_account")
                .table(StreamOwners::Table)
                .col(StreamOwners::AccountId)
                .col(StreamOwners::StreamId)
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        for sql in backfill(db.get_database_backend()) {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(StreamOwners::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .drop_column(Accounts::PasswordHash)
                .to_owned(),
        )
        .await
    }
}
