//! Opening the database: SQLite (embedded default) or PostgreSQL, chosen by the URL.
use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let sqlite = url.starts_with("sqlite:");
    let mut opts = ConnectOptions::new(url.to_string());
    opts.max_connections(if sqlite { 8 } else { 20 })
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
