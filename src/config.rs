//! One typed configuration, loaded once from an optional TOML file and `DERMIS_*` environment
//! variables (nested keys with `__`, e.g. `DERMIS_S3__BUCKET`), then validated with messages
//! that say what to change. No other code reads the environment.
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address the HTTP server listens on.
    pub bind: String,
    /// Public base URL (for the OpenAPI `servers` entry and dashboard snippets).
    pub base_url: Option<String>,
    /// Dashboard sessions and login throttling.
    pub dashboard: DashboardConfig,
    /// Stripe Checkout for credit packs; unset, the billing page says billing is not configured.
    pub stripe: Option<StripeConfig>,
    /// Where the embedded defaults keep their files (SQLite, queue, masks, outbox).
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; default: SQLite file in the data dir.
    pub database_url: Option<String>,
    /// When set, the queue and rate limits live in Redis (scaled setup).
    pub redis_url: Option<String>,
    /// Name of the analysis queue; deployments that share a Redis need distinct names.
    pub queue_name: String,
    pub s3: Option<S3Config>,
    pub workers: WorkerConfig,
    pub rate_limits: RateLimitConfig,
    /// Outgoing mail (SKINN patient reports). Unset: messages are written to `<data_dir>/outbox`.
    pub smtp: Option<SmtpConfig>,
    /// Fetching images by URL (SKINN `image_url`).
    pub fetch: FetchConfig,
    /// `text` or `json` log lines.
    pub log_format: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkerConfig {
    /// Analyses run at once per process (`serve` runs workers in-process unless 0).
    pub concurrency: usize,
    /// Seconds between worker heartbeats; a worker silent for two is presumed dead and its
    /// jobs are handed to another.
    pub heartbeat_secs: u64,
    /// An unfinished analysis untouched this long is failed with a refund.
    pub deadline_secs: u64,
    /// Seconds between sweeper passes.
    pub sweep_secs: u64,
    /// Artificial pause before each analysis, in ms: for failure drills only.
    pub stall_ms: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimitConfig {
    pub free_per_minute: u32,
    pub pack_per_minute: u32,
    pub enterprise_per_minute: u32,
    /// SKINN: requests per hour per key (its documented 60).
    pub skinn_per_hour: u32,
    /// Skin Shade: analyses per calendar month (UTC) per key on the Free plan (documented 100).
    pub shade_free_per_month: u32,
    /// Skin Shade: analyses per calendar month per key on paid plans.
    pub shade_paid_per_month: u32,
    /// Skin Shade: keys `GET /api/generatekey` hands out per client address per 30 days.
    pub generatekey_per_month: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://…:465` (TLS), or plain
    /// `smtp://host:25` for a local relay.
    pub url: String,
    /// Sender, e.g. `Dermis Reports <reports@example.com>`.
    pub from: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FetchConfig {
    /// Private/loopback networks (CIDR) that `image_url` may reach anyway. Empty in production:
    /// fetching is refused for every non-public address. Tests allow 127.0.0.1/32.
    pub allow_private: Vec<String>,
    pub timeout_secs: u64,
    pub max_redirects: usize,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            allow_private: vec![],
            timeout_secs: 15,
            max_redirects: 3,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Config {
    pub bucket: String,
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default = "default_region")]
    pub region: String,
    #[serde(default)]
    pub access_key_id: Option<String>,
    #[serde(default)]
    pub secret_access_key: Option<String>,
    #[serde(default = "yes")]
    pub path_style: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DashboardConfig {
    /// Key that signs session cookies and CSRF tokens (32+ characters). Unset: a random one is
    /// made once and kept in `<data_dir>/session_secret`; set it when several processes serve
    /// the dashboard.
    pub session_secret: Option<String>,
    /// Mark cookies `Secure`. Unset: yes exactly when `base_url` is https.
    pub secure_cookies: Option<bool>,
    /// How long a login lasts.
    pub session_hours: u64,
    /// Login attempts allowed per e-mail address per 15 minutes (burst), and per client IP.
    pub login_attempts_per_email: u32,
    pub login_attempts_per_ip: u32,
}

impl Default for DashboardConfig {
    fn default() -> Self {
        DashboardConfig {
            session_secret: None,
            secure_cookies: None,
            session_hours: 12,
            login_attempts_per_email: 5,
            login_attempts_per_ip: 30,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StripeConfig {
    /// `sk_live_…` or `sk_test_…` (or a restricted `rk_…` key allowed to create Checkout Sessions).
    pub secret_key: String,
    /// The webhook endpoint's signing secret, `whsec_…`.
    pub webhook_secret: String,
    /// Stripe's API base URL; only changed to point at a local fake in tests.
    #[serde(default = "default_stripe_api")]
    pub api_base: String,
    /// The Credit Pack: credits per pack, its price in the smallest currency unit, the currency.
    #[serde(default = "default_pack_credits")]
    pub pack_credits: i64,
    #[serde(default = "default_pack_price")]
    pub pack_price_cents: i64,
    #[serde(default = "default_currency")]
    pub currency: String,
}

fn default_stripe_api() -> String {
    "https://api.stripe.com/".into()
}
fn default_pack_credits() -> i64 {
    100
}
fn default_pack_price() -> i64 {
    500
}
fn default_currency() -> String {
    "usd".into()
}

fn default_region() -> String {
    "us-east-1".into()
}
fn yes() -> bool {
    true
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: "127.0.0.1:8080".into(),
            base_url: None,
            dashboard: DashboardConfig::default(),
            stripe: None,
            data_dir: PathBuf::from("./data"),
            database_url: None,
            redis_url: None,
            queue_name: jobs::queue::DEFAULT_QUEUE.into(),
            s3: None,
            workers: WorkerConfig::default(),
            rate_limits: RateLimitConfig::default(),
            smtp: None,
            fetch: FetchConfig::default(),
            log_format: "text".into(),
        }
    }
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            concurrency: 2,
            heartbeat_secs: 10,
            deadline_secs: 900,
            sweep_secs: 15,
            stall_ms: 0,
        }
    }
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        let d = api::PlanLimits::default();
        RateLimitConfig {
            free_per_minute: d.free_per_minute,
            pack_per_minute: d.pack_per_minute,
            enterprise_per_minute: d.enterprise_per_minute,
            skinn_per_hour: d.skinn_per_hour,
            shade_free_per_month: d.shade_free_per_month,
            shade_paid_per_month: d.shade_paid_per_month,
            generatekey_per_month: d.generatekey_per_month,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Load(#[from] Box<figment::Error>),
    #[error("configuration: {0}")]
    Invalid(String),
}

impl Config {
    /// Defaults, then the file (if given or `dermis.toml` exists), then `DERMIS_*` variables.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(f) if !f.exists() => {
                return Err(ConfigError::Invalid(format!(
                    "config file {} does not exist",
                    f.display()
                )))
            }
            Some(f) => fig = fig.merge(Toml::file(f)),
            None => fig = fig.merge(Toml::file("dermis.toml")),
        }
        let config: Config = fig
            // DERMIS_LOG is the log filter (telemetry.rs), read before the configuration.
            .merge(Env::prefixed("DERMIS_").split("__").ignore(&["log"]))
            .extract()
            .map_err(Box::new)?;
        config.validate()?;
        Ok(config)
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |m: String| Err(ConfigError::Invalid(m));
        if self.bind.parse::<SocketAddr>().is_err() {
            return bad(format!(
                "bind = {:?} is not an address like 127.0.0.1:8080 (set DERMIS_BIND)",
                self.bind
            ));
        }
        if let Some(url) = &self.database_url {
            if !(url.starts_with("sqlite:")
                || url.starts_with("postgres://")
                || url.starts_with("postgresql://"))
            {
                return bad(
                    "database_url must start with sqlite: or postgres:// (set DERMIS_DATABASE_URL)"
                        .into(),
                );
            }
        }
        if let Some(url) = &self.redis_url {
            if !(url.starts_with("redis://") || url.starts_with("rediss://")) {
                return bad("redis_url must start with redis:// (set DERMIS_REDIS_URL)".into());
            }
        }
        self.validate_dashboard()?;
        if let Some(s3) = &self.s3 {
            if s3.bucket.trim().is_empty() {
                return bad("s3.bucket is empty (set DERMIS_S3__BUCKET)".into());
            }
            if s3.access_key_id.is_some() != s3.secret_access_key.is_some() {
                return bad(
                    "set both s3.access_key_id and s3.secret_access_key, or neither".into(),
                );
            }
        }
        if self.workers.heartbeat_secs == 0
            || self.workers.deadline_secs <= self.workers.heartbeat_secs * 3
        {
            return bad("workers.deadline_secs must exceed three heartbeats, and heartbeat_secs must be positive".into());
        }
        let r = &self.rate_limits;
        if [
            r.free_per_minute,
            r.pack_per_minute,
            r.enterprise_per_minute,
            r.skinn_per_hour,
            r.shade_free_per_month,
            r.shade_paid_per_month,
            r.generatekey_per_month,
        ]
        .contains(&0)
        {
            return bad("rate limits must be positive".into());
        }
        if let Some(smtp) = &self.smtp {
            if !(smtp.url.starts_with("smtp://") || smtp.url.starts_with("smtps://")) {
                return bad(
                    "smtp.url must start with smtp:// or smtps:// (set DERMIS_SMTP__URL)".into(),
                );
            }
            if smtp.from.parse::<api::mailer::Mailbox>().is_err() {
                return bad(format!(
                    "smtp.from = {:?} is not a mailbox like Name <a@b.c> (set DERMIS_SMTP__FROM)",
                    smtp.from
                ));
            }
        }
        for net in &self.fetch.allow_private {
            if net.parse::<api::fetch::IpNet>().is_err() {
                return bad(format!(
                    "fetch.allow_private: {net:?} is not a network like 127.0.0.1/32"
                ));
            }
        }
        if !matches!(self.log_format.as_str(), "text" | "json") {
            return bad(format!(
                "log_format = {:?}; use text or json",
                self.log_format
            ));
        }
        Ok(())
    }

    fn validate_dashboard(&self) -> Result<(), ConfigError> {
        let bad = |m: &str| Err(ConfigError::Invalid(m.to_string()));
        let d = &self.dashboard;
        if d.session_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return bad("dashboard.session_secret must be at least 32 characters (set DERMIS_DASHBOARD__SESSION_SECRET)");
        }
        if d.session_hours == 0 || d.login_attempts_per_email == 0 || d.login_attempts_per_ip == 0 {
            return bad("dashboard.session_hours and the dashboard.login_attempts_* limits must be positive");
        }
        let Some(s) = &self.stripe else { return Ok(()) };
        if !["sk_", "rk_"].iter().any(|p| s.secret_key.starts_with(p)) {
            return bad("stripe.secret_key must be a Stripe secret key, sk_… (set DERMIS_STRIPE__SECRET_KEY)");
        }
        if !s.webhook_secret.starts_with("whsec_") {
            return bad("stripe.webhook_secret must be the endpoint's signing secret, whsec_… (set DERMIS_STRIPE__WEBHOOK_SECRET)");
        }
        if !(s.api_base.starts_with("https://") || s.api_base.starts_with("http://")) {
            return bad("stripe.api_base must be an http(s) URL (set DERMIS_STRIPE__API_BASE)");
        }
        if s.pack_credits <= 0 || s.pack_price_cents <= 0 {
            return bad("stripe.pack_credits and stripe.pack_price_cents must be positive");
        }
        if s.currency.len() != 3 {
            return bad("stripe.currency must be a three-letter ISO code such as usd");
        }
        Ok(())
    }

    /// Whether dashboard cookies carry `Secure`.
    pub fn secure_cookies(&self, base_url: &str) -> bool {
        self.dashboard
            .secure_cookies
            .unwrap_or_else(|| base_url.starts_with("https://"))
    }

    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("dermis.db").display()
            )
        })
    }

    pub fn queue_url(&self) -> String {
        format!(
            "sqlite://{}?mode=rwc",
            self.data_dir.join("queue.db").display()
        )
    }

    pub fn base_url(&self, bound: SocketAddr) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("http://{bound}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// README documents `DERMIS_LOG` as the log filter; read as a configuration key it made
    /// every command fail with "unknown field `log`".
    #[test]
    fn the_log_filter_variable_is_not_configuration() {
        std::env::set_var("DERMIS_LOG", "debug,apalis=trace");
        let loaded = Config::load(None);
        std::env::remove_var("DERMIS_LOG");
        loaded.unwrap();
    }

    #[test]
    fn defaults_are_the_embedded_setup_and_valid() {
        let c = Config::default();
        c.validate().unwrap();
        assert_eq!(c.bind, "127.0.0.1:8080");
        assert!(c.database_url().starts_with("sqlite://"));
    }

    #[test]
    fn stripe_settings_are_checked_with_the_variable_to_set() {
        let c = Config {
            stripe: Some(StripeConfig {
                secret_key: "sk_test_x".into(),
                webhook_secret: "wrong".into(),
                api_base: default_stripe_api(),
                pack_credits: 100,
                pack_price_cents: 500,
                currency: "usd".into(),
            }),
            ..Config::default()
        };
        let err = c.validate().unwrap_err().to_string();
        assert!(err.contains("DERMIS_STRIPE__WEBHOOK_SECRET"), "{err}");
        let short = Config {
            dashboard: DashboardConfig {
                session_secret: Some("short".into()),
                ..DashboardConfig::default()
            },
            ..Config::default()
        };
        let err = short.validate().unwrap_err().to_string();
        assert!(err.contains("DERMIS_DASHBOARD__SESSION_SECRET"), "{err}");
    }

    #[test]
    fn a_bad_bind_address_is_explained() {
        let c = Config {
            bind: "localhost".into(),
            ..Config::default()
        };
        let err = c.validate().unwrap_err().to_string();
        assert!(err.contains("DERMIS_BIND"), "{err}");
    }
}
