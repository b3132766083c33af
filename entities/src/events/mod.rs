//! Domain events: one serde-tagged enum per aggregate, each with a pure `apply` fold and
//! command functions that validate against the folded state and return new events.
//! Stream naming: `<category>-<uuid>` (`account-…`, `apikey-…`, `credits-<account id>`, `analysis-…`).
pub mod account;
pub mod analysis;
pub mod api_key;
pub mod credits;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use account::{AccountEvent, Plan};
pub use analysis::{AnalysisEvent, AnalysisKind, AnalysisStatus};
pub use api_key::ApiKeyEvent;
pub use credits::CreditsEvent;

/// Bumped when a payload changes shape; stored beside each event so old ones stay readable.
pub const SCHEMA_VERSION: i32 = 1;

/// Any event of any aggregate, as it is appended and replayed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DomainEvent {
    Account(AccountEvent),
    ApiKey(ApiKeyEvent),
    Credits(CreditsEvent),
    Analysis(AnalysisEvent),
}

impl DomainEvent {
    /// The variant name, stored in the `event_type` column (e.g. `CreditReserved`).
    pub fn event_type(&self) -> String {
        let value = serde_json::to_value(self).expect("events serialize");
        value["type"].as_str().unwrap_or("Unknown").to_string()
    }

    /// Decode a stored payload; the stream category says which aggregate it belongs to.
    pub fn decode(stream_id: &str, payload: serde_json::Value) -> Result<Self, serde_json::Error> {
        Ok(match Stream::category_of(stream_id) {
            "account" => DomainEvent::Account(serde_json::from_value(payload)?),
            "apikey" => DomainEvent::ApiKey(serde_json::from_value(payload)?),
            "credits" => DomainEvent::Credits(serde_json::from_value(payload)?),
            _ => DomainEvent::Analysis(serde_json::from_value(payload)?),
        })
    }
}

/// Stream ids of the aggregates.
pub struct Stream;

impl Stream {
    pub fn account(id: Uuid) -> String {
        format!("account-{id}")
    }
    pub fn api_key(id: Uuid) -> String {
        format!("apikey-{id}")
    }
    pub fn credits(account_id: Uuid) -> String {
        format!("credits-{account_id}")
    }
    pub fn analysis(id: Uuid) -> String {
        format!("analysis-{id}")
    }
    pub fn category_of(stream_id: &str) -> &str {
        stream_id.split('-').next().unwrap_or_default()
    }
    /// The aggregate id, i.e. everything after the category.
    pub fn id_of(stream_id: &str) -> Option<Uuid> {
        stream_id
            .split_once('-')
            .and_then(|(_, id)| Uuid::parse_str(id).ok())
    }
}

/// Who caused an event and through which request: stored with every event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// `cli`, `api`, `worker`, `dashboard`, `stripe`, `sweeper`…
    pub actor: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_id: Option<Uuid>,
}

impl Metadata {
    pub fn actor(actor: &str) -> Self {
        Metadata {
            actor: actor.to_string(),
            ..Default::default()
        }
    }
}

/// Why a command was refused by an aggregate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Rejection {
    #[error("no credits remaining")]
    NoCredits,
    #[error("{0}")]
    Invalid(String),
    #[error("the key's quota of {limit} requests for this period is used up")]
    QuotaExceeded { limit: u64 },
}
