//! What the dashboard is built from ([`Settings`], filled in by the binary's startup from its
//! config) and the shared state every handler reads ([`App`]).
use std::time::Duration;

use entities::events::Plan;
use entities::Domain;
use jobs::queue::Queue;
use jobs::storage::ObjectStore;

use crate::session::SessionKeys;
use crate::stripe_api::Stripe;
use crate::throttle::LoginThrottle;

/// Per-minute DermIQ rates by plan, as configured (shown on the overview).
#[derive(Debug, Clone, Copy)]
pub struct Rates {
    pub free: u32,
    pub pack: u32,
    pub enterprise: u32,
}

impl Rates {
    pub fn of(&self, plan: Plan) -> u32 {
        match plan {
            Plan::Free => self.free,
            Plan::Pack => self.pack,
            Plan::Enterprise => self.enterprise,
        }
    }
}

/// Stripe Checkout settings for the Credit Pack.
#[derive(Debug, Clone)]
pub struct StripeSettings {
    pub secret_key: String,
    pub webhook_secret: String,
    /// Stripe's API base URL (a local fake in tests).
    pub api_base: String,
    pub pack_credits: i64,
    pub pack_price_cents: i64,
    pub currency: String,
}

pub struct Settings {
    pub domain: Domain,
    pub storage: ObjectStore,
    pub queue: Queue,
    /// Public base URL: shown in snippets, and the origin of Stripe's return URLs.
    pub base_url: String,
    /// Signs session JWTs and CSRF tokens.
    pub session_secret: Vec<u8>,
    pub secure_cookies: bool,
    pub session_lifetime: Duration,
    pub login_attempts_per_email: u32,
    pub login_attempts_per_ip: u32,
    pub rates: Rates,
    pub stripe: Option<StripeSettings>,
    /// The id the HTTP edge gave the request (recorded in event metadata); the edge lives in
    /// another crate, so the binary passes the lookup in.
    pub request_id: fn(&poem::Request) -> Option<String>,
}

pub struct App {
    pub domain: Domain,
    pub storage: ObjectStore,
    pub queue: Queue,
    pub base_url: String,
    pub keys: SessionKeys,
    pub throttle: LoginThrottle,
    pub rates: Rates,
    pub stripe: Option<Stripe>,
    pub request_id: fn(&poem::Request) -> Option<String>,
}

impl App {
    pub fn new(s: Settings) -> anyhow::Result<App> {
        // This binary links rustls with both of its crypto back-ends (ring via async-stripe,
        // aws-lc-rs via other crates), so rustls cannot pick a process default by itself and
        // async-stripe's HTTPS connector needs one. An error only means one is installed.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let stripe = s.stripe.map(Stripe::new).transpose()?;
        Ok(App {
            domain: s.domain,
            storage: s.storage,
            queue: s.queue,
            base_url: s.base_url.trim_end_matches('/').to_string(),
            keys: SessionKeys::new(&s.session_secret, s.secure_cookies, s.session_lifetime),
            throttle: LoginThrottle::new(s.login_attempts_per_email, s.login_attempts_per_ip),
            rates: s.rates,
            stripe,
            request_id: s.request_id,
        })
    }

    /// The account's spendable credits (0 for an account the projections do not know yet).
    pub async fn balance(&self, account_id: uuid::Uuid) -> Result<i64, entities::DomainError> {
        let row = self.domain.account(account_id).await?;
        Ok(row.map(|(_, b)| b.balance).unwrap_or(0))
    }
}
