//! The developer dashboard, rendered on the server with askama (templates in
//! `/templates/dashboard`): sign-up and login, API keys, Stripe credit packs, usage charts,
//! analyses with a mask viewer, the account's activity and a try-it upload.
//!
//! Invariants: every change goes through an `entities::Domain` command (actor `dashboard`, or
//! `stripe` for the webhook); every read is scoped to the signed-in account, so another
//! tenant's id reads as "not found"; every form carries a CSRF token bound to the session;
//! every core flow works without JavaScript.
mod app;
mod assets;
mod auth;
mod billing;
mod chart;
mod csrf;
mod error;
mod layout;
mod pages;
mod password;
mod session;
mod stripe_api;
mod throttle;
mod webhook;

use std::sync::Arc;

use poem::middleware::{CookieJarManager, SetHeader};
use poem::{get, post, Endpoint, EndpointExt, Route};

pub use app::{Rates, Settings, StripeSettings};

use app::App;

/// Every dashboard route, to be nested at `/` beside the APIs (which own `/v1`, `/api`,
/// `/openapi.json`, `/docs`, `/metrics` and `/healthz`).
pub fn routes(settings: Settings) -> anyhow::Result<impl Endpoint> {
    let app = Arc::new(App::new(settings)?);
    let pages = Route::new()
        .at("/", get(pages::overview::landing))
        .at("/signup", get(auth::signup_form).post(auth::signup))
        .at("/login", get(auth::login_form).post(auth::login))
        .at("/logout", post(auth::logout))
        .at("/dashboard", get(pages::overview::overview))
        .at(
            "/dashboard/keys",
            get(pages::keys::list).post(pages::keys::create),
        )
        .at(
            "/dashboard/keys/:id/revoke",
            get(pages::keys::confirm_revoke).post(pages::keys::revoke),
        )
        .at("/dashboard/billing", get(billing::page))
        .at("/dashboard/billing/checkout", post(billing::checkout))
        .at("/dashboard/billing/success", get(billing::success))
        .at("/dashboard/billing/cancel", get(billing::cancel))
        .at("/dashboard/usage", get(pages::usage::page))
        .at("/dashboard/usage.csv", get(pages::usage::csv))
        .at("/dashboard/analyses", get(pages::analyses::list))
        .at("/dashboard/analyses/:id", get(pages::analyses::detail))
        .at(
            "/dashboard/analyses/:id/status",
            get(pages::analyses::status),
        )
        .at("/dashboard/analyses/:id/photo", get(pages::analyses::photo))
        .at(
            "/dashboard/analyses/:id/masks/:name",
            get(pages::analyses::mask),
        )
        .at("/dashboard/activity", get(pages::activity::page))
        .at(
            "/dashboard/try",
            get(pages::try_it::form).post(pages::try_it::upload),
        )
        .at("/static/dashboard.css", get(assets::css))
        .at("/static/dashboard.js", get(assets::js))
        .with(CookieJarManager::new())
        .with(security_headers());
    // The webhook is called by Stripe, not a browser: no cookies, no CSRF, its own signature.
    Ok(Route::new()
        .at("/stripe/webhook", post(webhook::receive))
        .nest("/", pages)
        .data(app))
}

/// Pages only load their own CSS, JS and images, and may not be framed.
fn security_headers() -> SetHeader {
    SetHeader::new()
        .overriding(
            "content-security-policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             script-src 'self'; frame-ancestors 'none'; base-uri 'none'",
        )
        .overriding("x-content-type-options", "nosniff")
        .overriding("referrer-policy", "same-origin")
        .overriding("x-frame-options", "DENY")
}

/// 64 random alphanumerics (≈380 bits), for a session secret made on first start.
pub fn random_secret() -> Vec<u8> {
    use rand::distr::{Alphanumeric, SampleString};
    Alphanumeric
        .sample_string(&mut rand::rng(), 64)
        .into_bytes()
}
