//! Activity: the account's own domain events, newest first, a page at a time (keyset on the
//! log position, so new events never shift a page). Each event is described in words; secrets
//! and hashes are never shown.
use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use entities::events::{
    AccountEvent, AnalysisEvent, ApiKeyEvent, CreditsEvent, DomainEvent, Stream,
};
use entities::store::Recorded;
use poem::handler;
use poem::web::{Data, Query};
use serde::Deserialize;
use uuid::Uuid;

use super::when;
use crate::app::App;
use crate::csrf::CsrfToken;
use crate::error::PageResult;
use crate::layout::{render, Layout};
use crate::session::Session;

const PAGE: u64 = 25;

pub struct Entry {
    pub at: String,
    pub kind: String,
    pub text: String,
    pub actor: String,
    /// The analysis page, for analysis and credit events about one.
    pub link: Option<String>,
}

fn short(id: Uuid) -> String {
    id.to_string()[..8].to_string()
}

fn describe(rec: &Recorded, key_names: &HashMap<Uuid, String>) -> (String, Option<Uuid>) {
    let stream_id = Stream::id_of(&rec.stream_id);
    match &rec.event {
        DomainEvent::Account(e) => match e {
            AccountEvent::AccountRegistered { email, plan } => (
                format!("Account {email} registered on the {} plan", plan.as_str()),
                None,
            ),
            AccountEvent::PlanChanged { plan } => {
                (format!("Plan changed to {}", plan.as_str()), None)
            }
            AccountEvent::CredentialsSet { .. } => ("Password set".into(), None),
        },
        DomainEvent::ApiKey(e) => {
            let name = stream_id
                .and_then(|id| key_names.get(&id).cloned())
                .unwrap_or_default();
            match e {
                ApiKeyEvent::ApiKeyCreated { name, prefix, .. } => {
                    (format!("API key “{name}” created ({prefix}…)"), None)
                }
                ApiKeyEvent::ApiKeyRevoked => (format!("API key “{name}” revoked"), None),
            }
        }
        DomainEvent::Credits(e) => match e {
            CreditsEvent::CreditsGranted { amount, reason } => {
                (format!("{amount} credits granted ({reason})"), None)
            }
            CreditsEvent::CreditsPurchased { amount, reference } => (
                format!("{amount} credits purchased (payment {reference})"),
                None,
            ),
            CreditsEvent::CreditReserved { analysis_id } => (
                format!("1 credit reserved for analysis {}", short(*analysis_id)),
                Some(*analysis_id),
            ),
            CreditsEvent::CreditConsumed { analysis_id } => (
                format!("1 credit spent on analysis {}", short(*analysis_id)),
                Some(*analysis_id),
            ),
            CreditsEvent::CreditRefunded {
                analysis_id,
                reason,
            } => (
                format!(
                    "1 credit refunded for analysis {} ({reason})",
                    short(*analysis_id)
                ),
                Some(*analysis_id),
            ),
        },
        DomainEvent::Analysis(e) => {
            let id = stream_id.map(short).unwrap_or_default();
            let text = match e {
                AnalysisEvent::AnalysisRequested { kind, endpoint, .. } => {
                    format!("Analysis {id} requested ({} via {endpoint})", kind.as_str())
                }
                AnalysisEvent::AnalysisStarted { attempt } => {
                    format!("Analysis {id} started (attempt {attempt})")
                }
                AnalysisEvent::AnalysisCompleted { overall_score, .. } => match overall_score {
                    Some(s) => format!("Analysis {id} completed, overall score {s:.0}"),
                    None => format!("Analysis {id} completed"),
                },
                AnalysisEvent::AnalysisFailed { code, message } => {
                    format!("Analysis {id} failed: {message} ({code})")
                }
            };
            (text, stream_id)
        }
    }
}

#[derive(Template)]
#[template(path = "dashboard/activity.html")]
struct ActivityPage {
    layout: Layout,
    entries: Vec<Entry>,
    older: Option<i64>,
    first_page: bool,
}

#[derive(Deserialize)]
pub struct Before {
    before: Option<i64>,
}

#[handler]
pub async fn page(
    app: Data<&Arc<App>>,
    session: Session,
    csrf: CsrfToken,
    Query(q): Query<Before>,
) -> PageResult {
    let mut events = app
        .domain
        .events_of(session.account_id, q.before, PAGE + 1)
        .await?;
    let more = events.len() as u64 > PAGE;
    events.truncate(PAGE as usize);
    let key_names: HashMap<Uuid, String> = app
        .domain
        .keys_of(session.account_id)
        .await?
        .into_iter()
        .map(|k| (k.id, k.name))
        .collect();
    let entries = events
        .iter()
        .map(|rec| {
            let (text, analysis) = describe(rec, &key_names);
            Entry {
                at: when(&rec.recorded_at),
                kind: rec.event.event_type(),
                text,
                actor: rec.metadata.actor.clone(),
                link: analysis.map(|id| format!("/dashboard/analyses/{id}")),
            }
        })
        .collect();
    render(&ActivityPage {
        layout: Layout::new(&session, &csrf.0, "activity"),
        entries,
        older: if more {
            events.last().map(|e| e.position)
        } else {
            None
        },
        first_page: q.before.is_none(),
    })
}
