//! The landing page (signed out) and the overview: plan, balance, rate limit, recent analyses
//! and a getting-started snippet with this server's base URL.
use std::sync::Arc;

use askama::Template;
use entities::events::Plan;
use poem::handler;
use poem::web::Data;

use super::analyses::Row;
use crate::app::App;
use crate::csrf::CsrfToken;
use crate::error::{DashError, PageResult};
use crate::layout::{render, see_other, Layout};
use crate::session::{MaybeSession, Session};

#[derive(Template)]
#[template(path = "dashboard/landing.html")]
struct Landing<'a> {
    layout: Layout,
    base_url: &'a str,
}

#[handler]
pub fn landing(app: Data<&Arc<App>>, session: MaybeSession, csrf: CsrfToken) -> PageResult {
    if session.0.is_some() {
        return Ok(see_other("/dashboard"));
    }
    render(&Landing {
        layout: Layout::public(&csrf.0),
        base_url: &app.base_url,
    })
}

#[derive(Template)]
#[template(path = "dashboard/overview.html")]
struct Overview<'a> {
    layout: Layout,
    base_url: &'a str,
    plan: &'static str,
    balance: i64,
    reserved: i64,
    per_minute: u32,
    has_keys: bool,
    recent: Vec<Row>,
}

#[handler]
pub async fn overview(app: Data<&Arc<App>>, session: Session, csrf: CsrfToken) -> PageResult {
    let (account, balance) = app
        .domain
        .account(session.account_id)
        .await?
        .ok_or(DashError::NotFound("account"))?;
    let plan = Plan::parse(&account.plan).unwrap_or(Plan::Free);
    let keys = app.domain.keys_of(session.account_id).await?;
    let recent = app.domain.analyses_of(session.account_id, 0, 5).await?;
    render(&Overview {
        layout: Layout::new(&session, &csrf.0, "overview"),
        base_url: &app.base_url,
        plan: plan_name(plan),
        balance: balance.balance,
        reserved: balance.reserved,
        per_minute: app.rates.of(plan),
        has_keys: keys.iter().any(|k| k.revoked_at.is_none()),
        recent: recent.iter().map(Row::from).collect(),
    })
}

pub fn plan_name(plan: Plan) -> &'static str {
    match plan {
        Plan::Free => "Free",
        Plan::Pack => "Credit Pack",
        Plan::Enterprise => "Enterprise",
    }
}
