//! Opening the database: SQLite (embedded default) or PostgreSQL, chosen by the URL.
use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let sqlite = url.starts_with("sqlite:");
    open(url, if sqlite { 8 } else { 20 }).await
}

/// One connection, for schema migrations. An SQLite connection compiles DDL against the schema
/// it last read and re-reads it only for some errors: `ADD COLUMN` on a pooled connection that
/// sat idle through another connection's `DROP COLUMN` fails with "duplicate column name"
/// (seen in a test that migrated down and up on the pool). On one connection every statement
/// sees the ones before it.
pub async fn connect_for_migrations(url: &str) -> Result<DatabaseConnection, DbErr> {
    open(url, 1).await
}

async fn open(url: &str, connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.max_connections(connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false)
        // Per connection: WAL lets readers run beside the single writer; the busy timeout
        // makes concurrent writers queue instead of failing.
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(30))
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
        });
    let db = Database::connect(opts).await?;
    Ok(db)
}
