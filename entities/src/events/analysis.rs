use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Rejection;

/// What was asked for; decides whether masks are made and which dialect reads the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnalysisKind {
    /// DermIQ full analysis: metrics and 26 masks.
    Full,
    /// DermIQ quick analysis: metrics only.
    Quick,
    /// SKINN clinic report (synchronous, metrics only).
    Clinic,
    /// Skin Shade: skin colour and tone range only.
    Shade,
}

impl AnalysisKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AnalysisKind::Full => "full",
            AnalysisKind::Quick => "quick",
            AnalysisKind::Clinic => "clinic",
            AnalysisKind::Shade => "shade",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalysisStatus {
    #[default]
    New,
    Pending,
    Processing,
    Completed,
    Failed,
}

impl AnalysisStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnalysisStatus::New => "new",
            AnalysisStatus::Pending => "pending",
            AnalysisStatus::Processing => "processing",
            AnalysisStatus::Completed => "completed",
            AnalysisStatus::Failed => "failed",
        }
    }
    pub fn is_terminal(self) -> bool {
        matches!(self, AnalysisStatus::Completed | AnalysisStatus::Failed)
    }
}

/// Caller's hints for the engine (DermIQ `age_override` / `gender_override`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnalysisOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_override: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender_override: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum AnalysisEvent {
    AnalysisRequested {
        account_id: Uuid,
        key_id: Option<Uuid>,
        kind: AnalysisKind,
        /// Which public endpoint accepted it, e.g. `dermiq.analyze` (usage is split by it).
        endpoint: String,
        /// Object-storage key of the uploaded image.
        input_key: String,
        options: AnalysisOptions,
        idempotency_key: Option<String>,
    },
    AnalysisStarted {
        attempt: i32,
    },
    AnalysisCompleted {
        result: serde_json::Value,
        mask_filenames: Vec<String>,
        overall_score: Option<f64>,
        skin_age: Option<i32>,
        processing_time_ms: i64,
    },
    AnalysisFailed {
        code: String,
        message: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub status: AnalysisStatus,
    pub account_id: Option<Uuid>,
    pub attempts: i32,
}

impl Analysis {
    pub fn apply(mut self, event: &AnalysisEvent) -> Self {
        match event {
            AnalysisEvent::AnalysisRequested { account_id, .. } => {
                self.status = AnalysisStatus::Pending;
                self.account_id = Some(*account_id);
            }
            AnalysisEvent::AnalysisStarted { attempt } => {
                self.status = AnalysisStatus::Processing;
                self.attempts = *attempt;
            }
            AnalysisEvent::AnalysisCompleted { .. } => self.status = AnalysisStatus::Completed,
            AnalysisEvent::AnalysisFailed { .. } => self.status = AnalysisStatus::Failed,
        }
        self
    }

    pub fn start(&self, attempt: i32) -> Result<Vec<AnalysisEvent>, Rejection> {
        match self.status {
            AnalysisStatus::Pending | AnalysisStatus::Processing => {
                Ok(vec![AnalysisEvent::AnalysisStarted { attempt }])
            }
            other => Err(Rejection::Invalid(format!(
                "analysis is {}",
                other.as_str()
            ))),
        }
    }

    /// Completing or failing a finished analysis is refused: the first outcome stands.
    pub fn finish(&self, outcome: AnalysisEvent) -> Result<Vec<AnalysisEvent>, Rejection> {
        if self.status == AnalysisStatus::New {
            return Err(Rejection::Invalid("no such analysis".into()));
        }
        if self.status.is_terminal() {
            return Err(Rejection::Invalid(format!(
                "analysis is already {}",
                self.status.as_str()
            )));
        }
        Ok(vec![outcome])
    }
}
