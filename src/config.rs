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
            data_dir: PathBuf::from("./data"),
            database_url: None,
            redis_url: None,
            queue_name: jobs::queue::DEFAULT_QUEUE.into(),
            s3: None,
            workers: WorkerConfig::default(),
            rate_limits: RateLimitConfig::default(),
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
            .merge(Env::prefixed("DERMIS_").split("__"))
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
        if r.free_per_minute == 0 || r.pack_per_minute == 0 || r.enterprise_per_minute == 0 {
            return bad("rate limits must be positive".into());
        }
        if !matches!(self.log_format.as_str(), "text" | "json") {
            return bad(format!(
                "log_format = {:?}; use text or json",
                self.log_format
            ));
        }
        Ok(())
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

    #[test]
    fn defaults_are_the_embedded_setup_and_valid() {
        let c = Config::default();
        c.validate().unwrap();
        assert_eq!(c.bind, "127.0.0.1:8080");
        assert!(c.database_url().starts_with("sqlite://"));
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
