//! Billing: the balance, the Credit Pack offer, purchase history (from `CreditsPurchased`
//! events), and the Stripe Checkout round trip. The success page only *reads*: credits come
//! from the signed webhook alone, so reloading it (or forging its URL) adds nothing.
use std::sync::Arc;

use askama::Template;
use entities::events::Plan;
use entities::history::Purchase;
use poem::handler;
use poem::http::StatusCode;
use poem::web::cookie::CookieJar;
use poem::web::{Data, Form, Query};
use serde::Deserialize;

use crate::app::App;
use crate::csrf::{self, CsrfToken};
use crate::error::{DashError, PageResult};
use crate::layout::{render, render_with, see_other, Layout};
use crate::pages::overview::plan_name;
use crate::pages::when;
use crate::session::Session;

pub struct PurchaseRow {
    pub at: String,
    pub credits: i64,
    pub reference: String,
}

impl From<&Purchase> for PurchaseRow {
    fn from(p: &Purchase) -> Self {
        PurchaseRow {
            at: when(&p.recorded_at),
            credits: p.amount,
            reference: p.reference.clone(),
        }
    }
}

/// The pack on offer, when Stripe is configured.
pub struct Offer {
    pub credits: i64,
    pub price: String,
}

#[derive(Template)]
#[template(path = "dashboard/billing.html")]
struct BillingPage {
    layout: Layout,
    plan: &'static str,
    balance: i64,
    offer: Option<Offer>,
    purchases: Vec<PurchaseRow>,
    error: Option<String>,
    enterprise_rate: u32,
}

async fn billing_page(
    app: &App,
    session: &Session,
    csrf: &str,
    error: Option<String>,
    status: StatusCode,
) -> PageResult {
    let (account, balance) = app
        .domain
        .account(session.account_id)
        .await?
        .ok_or(DashError::NotFound("account"))?;
    let purchases = app.domain.purchases_of(session.account_id).await?;
    render_with(
        &BillingPage {
            layout: Layout::new(session, csrf, "billing"),
            plan: plan_name(Plan::parse(&account.plan).unwrap_or(Plan::Free)),
            balance: balance.balance,
            offer: app.stripe.as_ref().map(|s| Offer {
                credits: s.settings.pack_credits,
                price: s.price_text(),
            }),
            purchases: purchases.iter().map(PurchaseRow::from).collect(),
            error,
            enterprise_rate: app.rates.enterprise,
        },
        status,
    )
}

#[handler]
pub async fn page(app: Data<&Arc<App>>, session: Session, csrf: CsrfToken) -> PageResult {
    billing_page(&app, &session, &csrf.0, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// Create a Checkout Session and send the browser to Stripe's payment page.
#[handler]
pub async fn checkout(
    app: Data<&Arc<App>>,
    session: Session,
    jar: &CookieJar,
    Form(form): Form<CsrfForm>,
) -> PageResult {
    csrf::verify(&app.keys, jar, &form.csrf)?;
    let Some(stripe) = &app.stripe else {
        return Err(DashError::BadRequest(
            "Billing is not configured on this server.".into(),
        ));
    };
    match stripe
        .create_checkout(session.account_id, &session.email, &app.base_url)
        .await
    {
        Ok(c) => {
            tracing::info!(account_id = %session.account_id, checkout = %c.id, "checkout started");
            Ok(see_other(&c.url))
        }
        Err(e) => {
            tracing::error!(error = %e, "creating a Checkout Session failed");
            billing_page(
                &app,
                &session,
                &form.csrf,
                Some("Stripe could not start the payment. Nothing was charged; try again in a moment.".into()),
                StatusCode::BAD_GATEWAY,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "dashboard/billing_result.html")]
struct ResultPage {
    layout: Layout,
    cancelled: bool,
    credited: Option<i64>,
    balance: i64,
}

#[derive(Deserialize)]
pub struct SuccessQuery {
    #[serde(default)]
    session_id: String,
}

#[handler]
pub async fn success(
    app: Data<&Arc<App>>,
    session: Session,
    csrf: CsrfToken,
    Query(q): Query<SuccessQuery>,
) -> PageResult {
    // Only this account's own purchases are looked at: another account's session id shows
    // as "not confirmed yet", never as someone else's payment.
    let credited = app
        .domain
        .purchases_of(session.account_id)
        .await?
        .into_iter()
        .find(|p| !q.session_id.is_empty() && p.reference == q.session_id)
        .map(|p| p.amount);
    result_page(&app, &session, &csrf.0, false, credited).await
}

#[handler]
pub async fn cancel(app: Data<&Arc<App>>, session: Session, csrf: CsrfToken) -> PageResult {
    result_page(&app, &session, &csrf.0, true, None).await
}

async fn result_page(
    app: &App,
    session: &Session,
    csrf: &str,
    cancelled: bool,
    credited: Option<i64>,
) -> PageResult {
    let balance = app.balance(session.account_id).await?;
    render(&ResultPage {
        layout: Layout::new(session, csrf, "billing"),
        cancelled,
        credited,
        balance,
    })
}
