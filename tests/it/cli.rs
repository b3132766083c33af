//! The admin command line, run as a real process against the same data the server uses.
use std::process::{Command, Output};

use crate::support::*;

fn dermis(app: &TestApp, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dermis"))
        .args(args)
        .env("DERMIS_DATA_DIR", &app.config.data_dir)
        .env("DERMIS_DATABASE_URL", app.config.database_url())
        .output()
        .expect("run dermis")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "dermis failed: {}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[tokio::test]
async fn admin_commands_create_keys_grant_credits_revoke_and_verify() {
    let app = TestApp::without_workers().await;
    let out = stdout(&dermis(
        &app,
        &[
            "keys",
            "create",
            "--email",
            "ada@example.test",
            "--name",
            "laptop",
        ],
    ));
    let secret = out.lines().last().unwrap().to_string();
    assert!(
        secret.starts_with("sk_live_") && !secret.contains(' '),
        "last line is the secret alone: {out}"
    );

    let account = app.account_of(&secret).await;
    assert_eq!(account["plan"], "free");
    assert_eq!(
        account["credits"]["balance"], 10,
        "a new free account gets 10 credits"
    );

    stdout(&dermis(
        &app,
        &[
            "credits",
            "grant",
            "--email",
            "ada@example.test",
            "--amount",
            "25",
            "--reason",
            "support ticket 7",
        ],
    ));
    let account = app.account_of(&secret).await;
    assert_eq!(account["credits"]["balance"], 35);

    // A second key for the same e-mail upgrades the plan and reuses the account.
    let out = stdout(&dermis(
        &app,
        &[
            "keys",
            "create",
            "--email",
            "ada@example.test",
            "--plan",
            "enterprise",
        ],
    ));
    let second = out.lines().last().unwrap().to_string();
    let account2 = app.account_of(&second).await;
    assert_eq!(account2["account_id"], account["account_id"]);
    assert_eq!(account2["plan"], "enterprise");

    let key_id = out
        .lines()
        .find_map(|l| l.strip_prefix("key id "))
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    stdout(&dermis(&app, &["keys", "revoke", &key_id]));
    let refused = app.get(&second, "/v1/account").await;
    assert_eq!(refused.status(), 401);

    let verify = stdout(&dermis(&app, &["events", "verify"]));
    assert!(verify.contains("projections match"), "{verify}");
}

#[tokio::test]
async fn events_verify_exits_non_zero_when_projections_disagree() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::without_workers().await;
    stdout(&dermis(
        &app,
        &["keys", "create", "--email", "eve@example.test"],
    ));
    app.domain()
        .db
        .execute_unprepared("UPDATE accounts SET plan = 'enterprise'")
        .await
        .unwrap();
    let out = dermis(&app, &["events", "verify"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("DIFFERENCE accounts"));
}

#[tokio::test]
async fn bad_configuration_is_refused_with_a_clear_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_dermis"))
        .args(["migrate"])
        .env("DERMIS_BIND", "nonsense")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("DERMIS_BIND"));
    let out = Command::new(env!("CARGO_BIN_EXE_dermis"))
        .args(["keys", "create", "--email", "x@y.z", "--plan", "gold"])
        .env(
            "DERMIS_DATA_DIR",
            std::env::temp_dir().join(uuid::Uuid::new_v4().to_string()),
        )
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("free, pack or enterprise"));
}

#[test]
fn bench_prints_a_per_stage_table_for_quick_and_full() {
    let out = Command::new(env!("CARGO_BIN_EXE_dermis"))
        .args(["bench", "--runs", "2"])
        .output()
        .unwrap();
    let text = stdout(&out);
    for needle in [
        "p50/p95",
        "quick",
        "full",
        "decode",
        "detect",
        "landmarks",
        "masks+encode",
        "model load",
    ] {
        assert!(text.contains(needle), "{needle} missing from:\n{text}");
    }
}
