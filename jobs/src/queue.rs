//! The analysis queue on apalis: SQLite (embedded default, a file beside the database) or
//! Redis (scaled). A job carries only the analysis id; everything else is in the domain.
use std::time::Duration;

use apalis::prelude::*;
use apalis_redis::RedisStorage;
use apalis_sqlite::{SqlitePool, SqliteStorage};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisJob {
    pub analysis_id: Uuid,
}

/// Which backend, and how quickly a dead worker's jobs are taken back.
#[derive(Debug, Clone)]
pub enum QueueSettings {
    Sqlite {
        url: String,
        name: String,
        heartbeat: Duration,
    },
    Redis {
        url: String,
        name: String,
        heartbeat: Duration,
    },
}

#[derive(Clone)]
pub enum Queue {
    Sqlite(SqliteStorage<AnalysisJob>),
    Redis(RedisStorage<AnalysisJob>),
}

#[derive(Debug, thiserror::Error)]
#[error("job queue: {0}")]
pub struct QueueError(pub String);

/// The default queue name; deployments sharing one Redis give each its own.
pub const DEFAULT_QUEUE: &str = "dermis::analysis";
/// A job is tried at most this often by apalis; the worker also stops after this many starts.
pub const MAX_ATTEMPTS: usize = 3;

impl Queue {
    pub async fn connect(settings: &QueueSettings) -> Result<Queue, QueueError> {
        match settings {
            QueueSettings::Sqlite {
                url,
                name,
                heartbeat,
            } => {
                let pool = SqlitePool::connect(url)
                    .await
                    .map_err(|e| QueueError(format!("{url}: {e}")))?;
                SqliteStorage::setup(&pool)
                    .await
                    .map_err(|e| QueueError(e.to_string()))?;
                let config = apalis_sqlite::Config::default()
                    .queue(name)
                    .heartbeat_interval(*heartbeat)
                    .missed_heartbeats(2)
                    .batch_size(4);
                Ok(Queue::Sqlite(SqliteStorage::new(&pool).with_config(config)))
            }
            QueueSettings::Redis {
                url,
                name,
                heartbeat,
            } => {
                let conn = apalis_redis::connect(url.as_str())
                    .await
                    .map_err(|e| QueueError(format!("{url}: {e}")))?;
                let config = apalis_redis::Config::default()
                    .queue(name)
                    .heartbeat_interval(*heartbeat)
                    .missed_heartbeats(2)
                    .batch_size(4);
                Ok(Queue::Redis(RedisStorage::new(conn).with_config(config)))
            }
        }
    }

    /// Enqueue an analysis. The analysis id is the idempotency key: pushing twice is harmless.
    pub async fn enqueue(&self, analysis_id: Uuid) -> Result<(), QueueError> {
        let task = TaskBuilder::new(AnalysisJob { analysis_id })
            .max_attempts(MAX_ATTEMPTS)
            .idempotency_key(analysis_id.to_string())
            .build();
        let res = match self.clone() {
            Queue::Sqlite(mut s) => s.push_task(task).await.map_err(|e| e.to_string()),
            Queue::Redis(mut s) => s.push_task(task).await.map_err(|e| e.to_string()),
        };
        res.map_err(QueueError)
    }
}
