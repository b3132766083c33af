//! The append-only event store. A [`UnitOfWork`] is one database transaction: it locks the
//! streams it will write (always in sorted order, so two units never deadlock), loads and folds
//! their events, appends new ones at the expected version and updates every projection before
//! the commit — so the log and the projections can never disagree.
use std::collections::BTreeMap;

use chrono::{SubsecRound, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, QueryOrder, Set, Statement, TransactionTrait,
};

use crate::events::{DomainEvent, Metadata, SCHEMA_VERSION};
use crate::models::event;
use crate::projection::{self, DbRows};

/// A stored event, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub position: i64,
    pub stream_id: String,
    pub stream_version: i64,
    pub event: DomainEvent,
    pub metadata: Metadata,
    pub recorded_at: chrono::DateTime<Utc>,
}

impl Recorded {
    pub fn from_row(row: event::Model) -> Result<Self, StoreError> {
        Ok(Recorded {
            event: DomainEvent::decode(&row.stream_id, row.payload)
                .map_err(|e| StoreError::Corrupt(format!("event {}: {e}", row.position)))?,
            metadata: serde_json::from_value(row.metadata).unwrap_or_default(),
            position: row.position,
            stream_id: row.stream_id,
            stream_version: row.stream_version,
            recorded_at: row.recorded_at,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    /// Another writer appended to the stream first; the command can be retried.
    #[error("concurrent write to stream {0}")]
    Conflict(String),
    #[error("stored event is unreadable: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Unique-index violations and SQLite lock timeouts mean "someone else won": retry.
    pub fn is_retryable(&self) -> bool {
        match self {
            StoreError::Conflict(_) => true,
            StoreError::Db(e) => {
                let msg = e.to_string().to_lowercase();
                msg.contains("unique")
                    || msg.contains("duplicate")
                    || msg.contains("locked")
                    || msg.contains("deadlock")
                    || msg.contains("busy")
            }
            StoreError::Corrupt(_) => false,
        }
    }
}

pub struct UnitOfWork {
    tx: DatabaseTransaction,
    versions: BTreeMap<String, i64>,
    appended: Vec<Recorded>,
}

impl UnitOfWork {
    /// Begin a transaction and lock `streams` (created at version 0 when new).
    pub async fn begin(db: &DatabaseConnection, streams: &[String]) -> Result<Self, StoreError> {
        let tx = db.begin().await?;
        let backend = tx.get_database_backend();
        let mut sorted: Vec<&String> = streams.iter().collect();
        sorted.sort();
        sorted.dedup();
        let mut versions = BTreeMap::new();
        for stream in sorted {
            // Writing first takes SQLite's write lock before any read (no stale snapshot) and
            // locks the row on PostgreSQL until commit.
            tx.execute_raw(Statement::from_sql_and_values(
                backend,
                "INSERT INTO streams (stream_id, version) VALUES ($1, 0) ON CONFLICT (stream_id) DO NOTHING",
                [stream.clone().into()],
            ))
            .await?;
            tx.execute_raw(Statement::from_sql_and_values(
                backend,
                "UPDATE streams SET version = version WHERE stream_id = $1",
                [stream.clone().into()],
            ))
            .await?;
            let row = tx
                .query_one_raw(Statement::from_sql_and_values(
                    backend,
                    "SELECT version FROM streams WHERE stream_id = $1",
                    [stream.clone().into()],
                ))
                .await?
                .ok_or_else(|| StoreError::Conflict(stream.clone()))?;
            versions.insert(stream.clone(), row.try_get::<i64>("", "version")?);
        }
        Ok(UnitOfWork {
            tx,
            versions,
            appended: vec![],
        })
    }

    pub fn version(&self, stream: &str) -> i64 {
        self.versions.get(stream).copied().unwrap_or(0)
    }

    pub fn connection(&self) -> &DatabaseTransaction {
        &self.tx
    }

    /// All events of a stream, oldest first.
    pub async fn load(&self, stream: &str) -> Result<Vec<DomainEvent>, StoreError> {
        let rows = event::Entity::find()
            .filter(event::Column::StreamId.eq(stream))
            .order_by_asc(event::Column::StreamVersion)
            .all(&self.tx)
            .await?;
        rows.into_iter()
            .map(|r| Recorded::from_row(r).map(|r| r.event))
            .collect()
    }

    /// Append at the locked version and project each event in this same transaction.
    pub async fn append(
        &mut self,
        stream: &str,
        events: Vec<DomainEvent>,
        metadata: &Metadata,
    ) -> Result<(), StoreError> {
        let Some(mut version) = self.versions.get(stream).copied() else {
            return Err(StoreError::Conflict(format!(
                "{stream} was not locked by this unit"
            )));
        };
        if events.is_empty() {
            return Ok(());
        }
        // Microseconds: what PostgreSQL keeps, so replayed rows compare equal to stored ones.
        let now = Utc::now().trunc_subsecs(6);
        for domain_event in events {
            version += 1;
            let row = event::ActiveModel {
                stream_id: Set(stream.to_string()),
                stream_version: Set(version),
                event_type: Set(domain_event.event_type()),
                schema_version: Set(SCHEMA_VERSION),
                payload: Set(serde_json::to_value(&domain_event).expect("events serialize")),
                metadata: Set(serde_json::to_value(metadata).expect("metadata serializes")),
                recorded_at: Set(now),
                ..Default::default()
            }
            .insert(&self.tx)
            .await?;
            let recorded = Recorded {
                position: row.position,
                stream_id: stream.to_string(),
                stream_version: version,
                event: domain_event,
                metadata: metadata.clone(),
                recorded_at: now,
            };
            projection::apply(&mut DbRows(&self.tx), &recorded).await?;
            self.appended.push(recorded);
        }
        let backend = self.tx.get_database_backend();
        let updated = self
            .tx
            .execute_raw(Statement::from_sql_and_values(
                backend,
                "UPDATE streams SET version = $1 WHERE stream_id = $2 AND version = $3",
                [version.into(), stream.into(), self.versions[stream].into()],
            ))
            .await?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Conflict(stream.to_string()));
        }
        self.versions.insert(stream.to_string(), version);
        Ok(())
    }

    pub async fn commit(self) -> Result<Vec<Recorded>, StoreError> {
        self.tx.commit().await?;
        Ok(self.appended)
    }
}

/// Every event from `after` on, in global order, a page at a time.
pub async fn read_all(
    db: &impl ConnectionTrait,
    after: i64,
    limit: u64,
) -> Result<Vec<Recorded>, StoreError> {
    use sea_orm::QuerySelect;
    let rows = event::Entity::find()
        .filter(event::Column::Position.gt(after))
        .order_by_asc(event::Column::Position)
        .limit(limit)
        .all(db)
        .await?;
    rows.into_iter().map(Recorded::from_row).collect()
}
