//! Builds the whole application from a [`Config`]: database (migrated), storage, queue, rate
//! limiter, vision engine, HTTP server, in-process workers and the sweeper. Tests spawn exactly
//! this on port 0.
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use entities::Domain;
use jobs::queue::{Queue, QueueSettings};
use jobs::storage::{ObjectStore, S3Settings};
use jobs::sweeper::{run_sweeper, SweepSettings};
use jobs::vision::Engine;
use jobs::worker::{run_workers, WorkerContext};
use migration::{Migrator, MigratorTrait};
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::{EndpointExt, Route, Server};
use tokio::sync::watch;

use crate::config::Config;

/// The services every process needs.
#[derive(Clone)]
pub struct Services {
    pub domain: Domain,
    pub storage: ObjectStore,
    pub queue: Queue,
}

pub async fn services(config: &Config) -> anyhow::Result<Services> {
    migrate(config).await?;
    let db = entities::db::connect(&config.database_url())
        .await
        .context("cannot open the database")?;
    let storage = match &config.s3 {
        Some(s3) => ObjectStore::s3(&S3Settings {
            endpoint: s3.endpoint.clone(),
            region: s3.region.clone(),
            bucket: s3.bucket.clone(),
            access_key_id: s3.access_key_id.clone(),
            secret_access_key: s3.secret_access_key.clone(),
            path_style: s3.path_style,
        })
        .await
        .context("cannot reach S3")?,
        None => ObjectStore::local(config.data_dir.join("objects")),
    };
    let heartbeat = Duration::from_secs(config.workers.heartbeat_secs);
    let queue_settings = match &config.redis_url {
        Some(url) => QueueSettings::Redis {
            url: url.clone(),
            name: config.queue_name.clone(),
            heartbeat,
        },
        None => QueueSettings::Sqlite {
            url: config.queue_url(),
            name: config.queue_name.clone(),
            heartbeat,
        },
    };
    let queue = Queue::connect(&queue_settings)
        .await
        .context("cannot open the job queue")?;
    Ok(Services {
        domain: Domain::new(db),
        storage,
        queue,
    })
}

/// Creates the data dir and applies pending migrations on a connection of their own, closed
/// before the pool opens.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("cannot create the data dir {}", config.data_dir.display()))?;
    let db = entities::db::connect_for_migrations(&config.database_url())
        .await
        .context("cannot open the database")?;
    Migrator::up(&db, None)
        .await
        .context("database migration failed")?;
    db.close()
        .await
        .context("cannot close the migration connection")?;
    Ok(())
}

fn sweep_settings(config: &Config) -> SweepSettings {
    SweepSettings {
        every: Duration::from_secs(config.workers.sweep_secs.max(1)),
        requeue_after: Duration::from_secs(config.workers.heartbeat_secs * 3),
        deadline: Duration::from_secs(config.workers.deadline_secs),
    }
}

/// Start `concurrency` in-process workers and the sweeper; they stop when `stop` flips.
pub fn spawn_workers(
    config: &Config,
    s: &Services,
    engine: Arc<Engine>,
    stop: watch::Receiver<bool>,
) {
    tokio::spawn(run_sweeper(
        s.domain.clone(),
        s.queue.clone(),
        sweep_settings(config),
    ));
    if config.workers.concurrency == 0 {
        return;
    }
    let ctx = Arc::new(WorkerContext {
        domain: s.domain.clone(),
        storage: s.storage.clone(),
        engine,
        stall: Duration::from_millis(config.workers.stall_ms),
    });
    let queue = s.queue.clone();
    let concurrency = config.workers.concurrency;
    tokio::spawn(async move {
        let mut stop = stop;
        let signal = async move {
            let _ = stop.wait_for(|s| *s).await;
        };
        if let Err(e) = run_workers(queue, ctx, concurrency, signal).await {
            tracing::error!(error = %e, "workers stopped with an error");
        }
    });
}

fn mailer(config: &Config) -> anyhow::Result<api::mailer::Mailer> {
    Ok(match &config.smtp {
        Some(smtp) => {
            api::mailer::Mailer::smtp(&smtp.url, &smtp.from).context("cannot configure SMTP")?
        }
        None => api::mailer::Mailer::outbox(config.data_dir.join("outbox")),
    })
}

fn fetch_policy(config: &Config) -> api::fetch::FetchPolicy {
    api::fetch::FetchPolicy {
        // Validated with the configuration.
        allow: config
            .fetch
            .allow_private
            .iter()
            .filter_map(|n| n.parse().ok())
            .collect(),
        max_bytes: 8 * 1024 * 1024,
        max_redirects: config.fetch.max_redirects,
        timeout: Duration::from_secs(config.fetch.timeout_secs.max(1)),
    }
}

/// A running server: its address, and a handle to stop it.
pub struct Application {
    pub addr: SocketAddr,
    pub services: Services,
    stop: watch::Sender<bool>,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let services = services(&config).await?;
        let engine = Arc::new(Engine::load().context("cannot load the vision models")?);
        let limiter = match &config.redis_url {
            Some(url) => api::ratelimit::Limiter::redis(url)
                .await
                .context("cannot reach Redis for rate limits")?,
            None => api::ratelimit::Limiter::memory(),
        };
        let acceptor = TcpListener::bind(config.bind.clone())
            .into_acceptor()
            .await
            .with_context(|| format!("cannot listen on {}", config.bind))?;
        let addr = acceptor
            .local_addr()
            .first()
            .and_then(|a| a.as_socket_addr().copied())
            .context("listener has no address")?;
        let base_url = config.base_url(addr);
        let r = &config.rate_limits;
        let state = Arc::new(api::ApiState {
            domain: services.domain.clone(),
            storage: services.storage.clone(),
            queue: services.queue.clone(),
            limiter,
            limits: api::PlanLimits {
                free_per_minute: r.free_per_minute,
                pack_per_minute: r.pack_per_minute,
                enterprise_per_minute: r.enterprise_per_minute,
                skinn_per_hour: r.skinn_per_hour,
                shade_free_per_month: r.shade_free_per_month,
                shade_paid_per_month: r.shade_paid_per_month,
                generatekey_per_month: r.generatekey_per_month,
            },
            inline: Arc::new(WorkerContext {
                domain: services.domain.clone(),
                storage: services.storage.clone(),
                engine: engine.clone(),
                stall: Duration::ZERO,
            }),
            inline_slots: Arc::new(tokio::sync::Semaphore::new(
                config.workers.concurrency.max(1),
            )),
            mailer: mailer(&config)?,
            fetch: fetch_policy(&config),
        });
        let dashboard = dashboard::routes(dashboard_settings(&config, &services, &base_url)?)?;
        let routes = api::mount(Route::new(), state, &base_url).nest("/", dashboard);
        let app = routes
            .with(poem::middleware::Tracing)
            .with(api::observe::Observe)
            .map_to_response();
        let (stop, stopped) = watch::channel(false);
        spawn_workers(&config, &services, engine, stopped.clone());
        let mut server_stop = stopped;
        let server = tokio::spawn(
            Server::new_with_acceptor(acceptor).run_with_graceful_shutdown(
                app,
                async move {
                    let _ = server_stop.wait_for(|s| *s).await;
                },
                Some(Duration::from_secs(10)),
            ),
        );
        tracing::info!(%addr, storage = %services.storage.describe(), "dermis is listening");
        Ok(Application {
            addr,
            services,
            stop,
            server,
        })
    }

    /// Serve until Ctrl-C / SIGTERM, then drain.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        shutdown_signal().await;
        self.stop.send(true).ok();
        self.server.await??;
        Ok(())
    }

    pub fn stop(&self) {
        self.stop.send(true).ok();
    }
}

pub async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("signal handler");
        tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
    }
    #[cfg(not(unix))]
    ctrl_c.await.ok();
}

/// `dermis worker`: workers and sweeper only, until a signal.
pub async fn run_worker_process(config: Config) -> anyhow::Result<()> {
    let services = services(&config).await?;
    let engine = Arc::new(Engine::load().context("cannot load the vision models")?);
    let (stop, stopped) = watch::channel(false);
    let config = Config {
        workers: crate::config::WorkerConfig {
            concurrency: config.workers.concurrency.max(1),
            ..config.workers.clone()
        },
        ..config
    };
    spawn_workers(&config, &services, engine, stopped);
    tracing::info!(
        concurrency = config.workers.concurrency,
        "dermis worker running"
    );
    shutdown_signal().await;
    stop.send(true).ok();
    tokio::time::sleep(Duration::from_millis(200)).await;
    Ok(())
}

/// The dashboard's settings from the configuration. Without a configured session secret, one
/// is made on first start and kept in the data dir, so logins survive restarts.
fn dashboard_settings(
    config: &Config,
    services: &Services,
    base_url: &str,
) -> anyhow::Result<dashboard::Settings> {
    let d = &config.dashboard;
    let session_secret = match &d.session_secret {
        Some(s) => s.as_bytes().to_vec(),
        None => stored_session_secret(&config.data_dir.join("session_secret"))?,
    };
    let r = &config.rate_limits;
    Ok(dashboard::Settings {
        domain: services.domain.clone(),
        storage: services.storage.clone(),
        queue: services.queue.clone(),
        base_url: base_url.to_string(),
        session_secret,
        secure_cookies: config.secure_cookies(base_url),
        session_lifetime: Duration::from_secs(d.session_hours * 3600),
        login_attempts_per_email: d.login_attempts_per_email,
        login_attempts_per_ip: d.login_attempts_per_ip,
        rates: dashboard::Rates {
            free: r.free_per_minute,
            pack: r.pack_per_minute,
            enterprise: r.enterprise_per_minute,
        },
        stripe: config.stripe.as_ref().map(|s| dashboard::StripeSettings {
            secret_key: s.secret_key.clone(),
            webhook_secret: s.webhook_secret.clone(),
            api_base: s.api_base.clone(),
            pack_credits: s.pack_credits,
            pack_price_cents: s.pack_price_cents,
            currency: s.currency.clone(),
        }),
        request_id: |req| {
            req.extensions()
                .get::<api::observe::RequestId>()
                .map(|id| id.0.clone())
        },
    })
}

fn stored_session_secret(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    if let Ok(existing) = std::fs::read(path) {
        if existing.len() >= 32 {
            return Ok(existing);
        }
    }
    let fresh = dashboard::random_secret();
    std::fs::write(path, &fresh)
        .with_context(|| format!("cannot write the session secret to {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).ok();
    }
    Ok(fresh)
}
