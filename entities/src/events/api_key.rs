use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Rejection;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum ApiKeyEvent {
    /// `secret_hash` is the hex SHA-256 of the secret; the secret itself is never stored.
    ApiKeyCreated {
        account_id: Uuid,
        name: String,
        prefix: String,
        secret_hash: String,
    },
    ApiKeyRevoked,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApiKey {
    pub exists: bool,
    pub revoked: bool,
}

impl ApiKey {
    pub fn apply(mut self, event: &ApiKeyEvent) -> Self {
        match event {
            ApiKeyEvent::ApiKeyCreated { .. } => self.exists = true,
            ApiKeyEvent::ApiKeyRevoked => self.revoked = true,
        }
        self
    }

    pub fn revoke(&self) -> Result<Vec<ApiKeyEvent>, Rejection> {
        match (self.exists, self.revoked) {
            (false, _) => Err(Rejection::Invalid("no such key".into())),
            (true, true) => Ok(vec![]),
            (true, false) => Ok(vec![ApiKeyEvent::ApiKeyRevoked]),
        }
    }
}
