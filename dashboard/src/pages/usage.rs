//! Usage for the last 30 UTC days from the `daily_usage` projection: analyses requested and
//! credits spent per day as SVG charts, the same numbers in a table, filters per key and per
//! endpoint (a GET form), and a CSV export of exactly what is shown.
use std::collections::BTreeSet;
use std::sync::Arc;

use askama::Template;
use chrono::{Duration, NaiveDate, Utc};
use entities::models::daily_usage;
use poem::http::header;
use poem::web::{Data, Query};
use poem::{handler, IntoResponse, Response};
use serde::Deserialize;

use crate::app::App;
use crate::chart;
use crate::csrf::CsrfToken;
use crate::error::{DashError, PageResult};
use crate::layout::{render, Layout};
use crate::session::Session;

pub const DAYS: i64 = 30;
/// The `daily_usage.key_id` of analyses made without a key (the dashboard's try-it page).
const NO_KEY: &str = "-";

#[derive(Deserialize, Default)]
pub struct Filter {
    #[serde(default)]
    key: String,
    #[serde(default)]
    endpoint: String,
}

pub struct Day {
    pub day: NaiveDate,
    pub requests: i64,
    pub completed: i64,
    pub failed: i64,
    pub credits: i64,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The last 30 days (oldest first) of the rows that pass the filter, zero-filled.
fn per_day(rows: &[daily_usage::Model], f: &Filter, today: NaiveDate) -> Vec<Day> {
    (0..DAYS)
        .rev()
        .map(|back| {
            let day = today - Duration::days(back);
            let mut d = Day {
                day,
                requests: 0,
                completed: 0,
                failed: 0,
                credits: 0,
            };
            for r in rows.iter().filter(|r| {
                r.day == day
                    && (f.key.is_empty() || r.key_id == f.key)
                    && (f.endpoint.is_empty() || r.endpoint == f.endpoint)
            }) {
                d.requests += r.requests;
                d.completed += r.completed;
                d.failed += r.failed;
                d.credits += r.credits_used;
            }
            d
        })
        .collect()
}

async fn load(
    app: &App,
    session: &Session,
) -> Result<(Vec<daily_usage::Model>, NaiveDate), DashError> {
    let today = Utc::now().date_naive();
    let rows = app
        .domain
        .usage_of(session.account_id, today - Duration::days(DAYS - 1))
        .await?;
    Ok((rows, today))
}

#[derive(Template)]
#[template(path = "dashboard/usage.html")]
struct UsagePage {
    layout: Layout,
    keys: Vec<Choice>,
    endpoints: Vec<Choice>,
    analyses_chart: String,
    credits_chart: String,
    days: Vec<Day>,
    totals: Day,
    csv_query: String,
}

#[handler]
pub async fn page(
    app: Data<&Arc<App>>,
    session: Session,
    csrf: CsrfToken,
    Query(f): Query<Filter>,
) -> PageResult {
    let (rows, today) = load(&app, &session).await?;
    let days = per_day(&rows, &f, today);
    let dates: Vec<NaiveDate> = days.iter().map(|d| d.day).collect();
    let requests: Vec<i64> = days.iter().map(|d| d.requests).collect();
    let credits: Vec<i64> = days.iter().map(|d| d.credits).collect();
    let mut keys = vec![Choice {
        value: String::new(),
        label: "All keys".into(),
        selected: f.key.is_empty(),
    }];
    for k in app.domain.keys_of(session.account_id).await? {
        let value = k.id.to_string();
        keys.push(Choice {
            label: format!("{} ({}…)", k.name, k.prefix),
            selected: f.key == value,
            value,
        });
    }
    keys.push(Choice {
        value: NO_KEY.into(),
        label: "Dashboard try-it (no key)".into(),
        selected: f.key == NO_KEY,
    });
    let mut endpoints = vec![Choice {
        value: String::new(),
        label: "All endpoints".into(),
        selected: f.endpoint.is_empty(),
    }];
    let seen: BTreeSet<&str> = rows.iter().map(|r| r.endpoint.as_str()).collect();
    for e in seen {
        endpoints.push(Choice {
            value: e.to_string(),
            label: e.to_string(),
            selected: f.endpoint == e,
        });
    }
    let totals = Day {
        day: today,
        requests: requests.iter().sum(),
        completed: days.iter().map(|d| d.completed).sum(),
        failed: days.iter().map(|d| d.failed).sum(),
        credits: credits.iter().sum(),
    };
    let mut table = days;
    table.reverse();
    render(&UsagePage {
        layout: Layout::new(&session, &csrf.0, "usage"),
        keys,
        endpoints,
        analyses_chart: chart::bars("Analyses per day", &dates, &requests, "bar-a"),
        credits_chart: chart::bars("Credits per day", &dates, &credits, "bar-c"),
        days: table,
        totals,
        csv_query: format!(
            "key={}&endpoint={}",
            crate::error::encode_component(&f.key),
            crate::error::encode_component(&f.endpoint)
        ),
    })
}

#[handler]
pub async fn csv(
    app: Data<&Arc<App>>,
    session: Session,
    Query(f): Query<Filter>,
) -> Result<Response, DashError> {
    let (rows, today) = load(&app, &session).await?;
    let mut out = String::from("day,analyses_requested,completed,failed,credits_used\n");
    for d in per_day(&rows, &f, today) {
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            d.day, d.requests, d.completed, d.failed, d.credits
        ));
    }
    Ok(out
        .with_content_type("text/csv; charset=utf-8")
        .with_header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"dermis-usage-{today}.csv\""),
        )
        .with_header(header::CACHE_CONTROL, "no-store")
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn row(day: NaiveDate, key: &str, endpoint: &str, n: i64) -> daily_usage::Model {
        daily_usage::Model {
            account_id: Uuid::nil(),
            day,
            key_id: key.into(),
            endpoint: endpoint.into(),
            requests: n,
            completed: n,
            failed: 0,
            credits_used: n,
        }
    }

    #[test]
    fn thirty_zero_filled_days_filtered_by_key_and_endpoint() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let rows = vec![
            row(today, "k1", "dermiq.full", 2),
            row(today, "k2", "dermiq.quick", 3),
            row(today - Duration::days(29), "k1", "dermiq.full", 1),
            row(today - Duration::days(30), "k1", "dermiq.full", 100),
        ];
        let all = per_day(&rows, &Filter::default(), today);
        assert_eq!(all.len(), 30);
        assert_eq!(all[29].requests, 5);
        assert_eq!(
            all[0].requests, 1,
            "the 30th day back is included, the 31st not"
        );
        let k1 = Filter {
            key: "k1".into(),
            endpoint: String::new(),
        };
        assert_eq!(per_day(&rows, &k1, today)[29].requests, 2);
        let quick = Filter {
            key: String::new(),
            endpoint: "dermiq.quick".into(),
        };
        assert_eq!(per_day(&rows, &quick, today)[29].credits, 3);
    }
}
