//! The `dermis` command line: `serve`, `worker`, `migrate`, and admin commands that go through
//! the same domain commands (and so the same events) as the API.
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use entities::events::{Metadata, Plan};
use uuid::Uuid;

use crate::config::Config;
use crate::startup::{services, Application};

#[derive(Parser)]
#[command(
    name = "dermis",
    version,
    about = "Self-hostable skin analysis: DermIQ-compatible API, workers and dashboard"
)]
pub struct Cli {
    /// TOML configuration file (default: ./dermis.toml if present). DERMIS_* variables override it.
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the API, dashboard and in-process workers.
    Serve {
        /// Listen address (default 127.0.0.1:8080).
        #[arg(long)]
        bind: Option<String>,
        /// Data directory for the embedded defaults (default ./data).
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Run analysis workers only (scaled setup: point at the same database, Redis and S3).
    Worker {
        #[arg(long)]
        concurrency: Option<usize>,
    },
    /// Apply database migrations.
    Migrate,
    /// Manage API keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Manage credits.
    Credits {
        #[command(subcommand)]
        command: CreditsCommand,
    },
    /// Time the vision engine (p50/p95 per stage) on a 1024×1024 JPEG.
    Bench {
        #[arg(long, default_value_t = 30)]
        runs: usize,
    },
    /// Inspect the event store.
    Events {
        #[command(subcommand)]
        command: EventsCommand,
    },
}

#[derive(Subcommand)]
pub enum KeysCommand {
    /// Create a key (and the account, if new). The secret is printed alone on the last line.
    Create {
        #[arg(long)]
        email: String,
        /// free, pack or enterprise. Changes the plan of an existing account.
        #[arg(long)]
        plan: Option<String>,
        #[arg(long, default_value = "default")]
        name: String,
    },
    /// Revoke a key by its id.
    Revoke { key_id: Uuid },
}

#[derive(Subcommand)]
pub enum CreditsCommand {
    /// Grant credits to an account.
    Grant {
        #[arg(long)]
        email: String,
        #[arg(long)]
        amount: i64,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand)]
pub enum EventsCommand {
    /// Replay every event into fresh projections and compare with the stored ones.
    Verify,
}

fn cli_meta() -> Metadata {
    Metadata::actor("cli")
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Bench { runs } = cli.command {
        return crate::bench::run(runs.max(1));
    }
    let mut config = Config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Bench { .. } => unreachable!("handled above: needs no configuration"),
        Command::Serve { bind, data_dir } => {
            if let Some(b) = bind {
                config.bind = b;
            }
            if let Some(d) = data_dir {
                config.data_dir = d;
            }
            config.validate()?;
            let app = Application::build(config).await?;
            println!(
                "Dermis listening on http://{} (API docs at /docs)",
                app.addr
            );
            app.run_until_stopped().await
        }
        Command::Worker { concurrency } => {
            if let Some(c) = concurrency {
                config.workers.concurrency = c;
            }
            crate::startup::run_worker_process(config).await
        }
        Command::Migrate => {
            crate::startup::migrate(&config).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Keys { command } => keys(config, command).await,
        Command::Credits {
            command:
                CreditsCommand::Grant {
                    email,
                    amount,
                    reason,
                },
        } => {
            let s = services(&config).await?;
            let acct = s
                .domain
                .account_by_email(&email)
                .await?
                .with_context(|| format!("no account with e-mail {email}"))?;
            s.domain
                .grant_credits(acct.id, amount, &reason, &cli_meta())
                .await?;
            let (_, bal) = s
                .domain
                .account(acct.id)
                .await?
                .context("account vanished")?;
            println!(
                "granted {amount} credits to {email}; balance {}",
                bal.balance
            );
            Ok(())
        }
        Command::Events {
            command: EventsCommand::Verify,
        } => {
            let s = services(&config).await?;
            let report = entities::projection::verify::verify(&s.domain.db).await?;
            for d in &report.differences {
                println!("DIFFERENCE {d}");
            }
            if report.is_consistent() {
                println!("replayed {} events: projections match", report.events);
                Ok(())
            } else {
                bail!(
                    "replayed {} events: {} differences",
                    report.events,
                    report.differences.len()
                )
            }
        }
    }
}

async fn keys(config: Config, command: KeysCommand) -> anyhow::Result<()> {
    let s = services(&config).await?;
    match command {
        KeysCommand::Create { email, plan, name } => {
            let plan = match plan.as_deref() {
                None => None,
                Some(p) => Some(
                    Plan::parse(p)
                        .with_context(|| format!("plan {p:?}: use free, pack or enterprise"))?,
                ),
            };
            let account_id = match s.domain.account_by_email(&email).await? {
                Some(acct) => {
                    if let Some(p) = plan {
                        s.domain.change_plan(acct.id, p, &cli_meta()).await?;
                    }
                    acct.id
                }
                None => {
                    let id = s
                        .domain
                        .register_account(&email, plan.unwrap_or(Plan::Free), &cli_meta())
                        .await?;
                    println!("created account {id} for {email}");
                    id
                }
            };
            let (key_id, secret) = s.domain.create_key(account_id, &name, &cli_meta()).await?;
            println!("key id {key_id} (the secret below is shown once)");
            println!("{secret}");
            Ok(())
        }
        KeysCommand::Revoke { key_id } => {
            s.domain.revoke_key(key_id, None, &cli_meta()).await?;
            println!("revoked key {key_id}");
            Ok(())
        }
    }
}
