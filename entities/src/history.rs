//! Reads of an account's own history: its events (through the `stream_owners` projection) and
//! its purchases. Like every tenant read, scoped by account id.
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::commands::{Domain, DomainError};
use crate::events::{CreditsEvent, DomainEvent, Stream};
use crate::models::{event, stream_owner};
use crate::store::Recorded;

/// A paid credit pack, as recorded by `CreditsPurchased`.
#[derive(Debug, Clone, PartialEq)]
pub struct Purchase {
    pub amount: i64,
    pub reference: String,
    pub recorded_at: chrono::DateTime<chrono::Utc>,
}

impl Domain {
    /// The account's events, newest first: `limit` of them with a position below `before`.
    pub async fn events_of(
        &self,
        account_id: Uuid,
        before: Option<i64>,
        limit: u64,
    ) -> Result<Vec<Recorded>, DomainError> {
        let owned = Query::select()
            .column(stream_owner::Column::StreamId)
            .from(stream_owner::Entity)
            .and_where(stream_owner::Column::AccountId.eq(account_id.to_string()))
            .to_owned();
        let mut find = event::Entity::find().filter(event::Column::StreamId.in_subquery(owned));
        if let Some(before) = before {
            find = find.filter(event::Column::Position.lt(before));
        }
        let rows = find
            .order_by_desc(event::Column::Position)
            .limit(limit)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(Recorded::from_row)
            .collect::<Result<_, _>>()?)
    }

    /// Every purchase credited to the account, newest first.
    pub async fn purchases_of(&self, account_id: Uuid) -> Result<Vec<Purchase>, DomainError> {
        let rows = event::Entity::find()
            .filter(event::Column::StreamId.eq(Stream::credits(account_id)))
            .filter(event::Column::EventType.eq("CreditsPurchased"))
            .order_by_desc(event::Column::Position)
            .all(&self.db)
            .await?;
        let mut out = vec![];
        for row in rows {
            let rec = Recorded::from_row(row)?;
            if let DomainEvent::Credits(CreditsEvent::CreditsPurchased { amount, reference }) =
                rec.event
            {
                out.push(Purchase {
                    amount,
                    reference,
                    recorded_at: rec.recorded_at,
                });
            }
        }
        Ok(out)
    }
}
