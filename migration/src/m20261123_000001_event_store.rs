//! The append-only event log and the per-stream version table.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum Events {
    Table,
    Position,
    StreamId,
    StreamVersion,
    EventType,
    SchemaVersion,
    Payload,
    Metadata,
    RecordedAt,
}

#[derive(Iden)]
enum Streams {
    Table,
    StreamId,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Events::Table)
                .if_not_exists()
                .col(
                    ColumnDef::new(Events::Position)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(ColumnDef::new(Events::StreamId).string().not_null())
                .col(
                    ColumnDef::new(Events::StreamVersion)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(Events::EventType).string().not_null())
                .col(ColumnDef::new(Events::SchemaVersion).integer().not_null())
                .col(ColumnDef::new(Events::Payload).json_binary().not_null())
                .col(ColumnDef::new(Events::Metadata).json_binary().not_null())
                .col(
                    ColumnDef::new(Events::RecordedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .to_owned(),
        )
        .await?;
        // The optimistic-concurrency guarantee: one event per (stream, version).
        m.create_index(
            Index::create()
                .name("events_stream_version")
                .table(Events::Table)
                .col(Events::StreamId)
                .col(Events::StreamVersion)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Streams::Table)
                .if_not_exists()
                .col(
                    ColumnDef::new(Streams::StreamId)
                        .string()
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(Streams::Version).big_integer().not_null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Streams::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Events::Table).to_owned())
            .await
    }
}
