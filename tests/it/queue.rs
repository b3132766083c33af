//! Jobs survive their workers: a worker killed with SIGKILL mid-analysis loses nothing, a job
//! that keeps dying ends failed with a refund, and nothing stays unfinished past the deadline.
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use entities::events::Plan;

use crate::support::*;

/// A `dermis worker` process sharing the test app's database, queue and storage.
fn spawn_worker(app: &TestApp, stall_ms: u64) -> Child {
    let c = &app.config;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dermis"));
    cmd.arg("worker")
        .env("DERMIS_DATA_DIR", &c.data_dir)
        .env("DERMIS_DATABASE_URL", c.database_url())
        .env("DERMIS_QUEUE_NAME", &c.queue_name)
        .env(
            "DERMIS_WORKERS__HEARTBEAT_SECS",
            c.workers.heartbeat_secs.to_string(),
        )
        .env("DERMIS_WORKERS__STALL_MS", stall_ms.to_string())
        .env("DERMIS_WORKERS__CONCURRENCY", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(url) = &c.redis_url {
        cmd.env("DERMIS_REDIS_URL", url);
    }
    cmd.spawn().expect("spawn dermis worker")
}

async fn wait_status(app: &TestApp, key: &str, id: &str, status: &str, within: Duration) {
    let started = Instant::now();
    while app.result(key, id).await["status"] != status {
        assert!(
            started.elapsed() < within,
            "analysis never reached {status}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn killed_worker_job_is_retried_and_completes(app: TestApp) {
    let (account, key) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&key, "/v1/analyze/quick", face_jpeg()).await;
    let mut doomed = spawn_worker(&app, 60_000);
    wait_status(&app, &key, &id, "processing", Duration::from_secs(60)).await;
    doomed.kill().unwrap(); // SIGKILL: no chance to hand the job back
    doomed.wait().unwrap();
    let mut rescuer = spawn_worker(&app, 0);
    let r = app.wait_finished(&key, &id, Duration::from_secs(90)).await;
    rescuer.kill().ok();
    rescuer.wait().ok();
    assert_eq!(r["status"], "completed", "{r}");
    assert_eq!(app.balance(account).await, 9, "charged exactly once");
    app.verify_events().await;
}

#[tokio::test]
async fn a_worker_killed_mid_job_does_not_lose_the_analysis_on_sqlite() {
    let app = TestApp::without_workers().await;
    killed_worker_job_is_retried_and_completes(app).await;
}

#[tokio::test]
async fn a_worker_killed_mid_job_does_not_lose_the_analysis_on_postgres_and_redis() {
    let app = TestApp::spawn(Options {
        workers: Some(0),
        postgres: true,
        redis: true,
        ..Options::default()
    })
    .await;
    killed_worker_job_is_retried_and_completes(app).await;
}

#[tokio::test]
async fn a_job_that_keeps_killing_its_worker_ends_failed_with_a_refund() {
    let app = TestApp::without_workers().await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&key, "/v1/analyze/quick", face_jpeg()).await;
    for attempt in 1..=jobs::queue::MAX_ATTEMPTS {
        let mut w = spawn_worker(&app, 60_000);
        let started = Instant::now();
        while app
            .domain()
            .analysis(id.parse().unwrap())
            .await
            .unwrap()
            .unwrap()
            .attempts
            < attempt as i32
        {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "attempt {attempt} never started"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        w.kill().unwrap();
        w.wait().unwrap();
    }
    let mut last = spawn_worker(&app, 0);
    let r = app.wait_finished(&key, &id, Duration::from_secs(90)).await;
    last.kill().ok();
    last.wait().ok();
    assert_eq!(r["status"], "failed", "{r}");
    assert_eq!(r["error"]["code"], "worker_gave_up");
    assert_eq!(app.balance(account).await, 10, "refunded");
    app.verify_events().await;
}

#[tokio::test]
async fn an_analysis_no_worker_picks_up_times_out_with_a_refund() {
    let app = TestApp::spawn(Options {
        workers: Some(0),
        heartbeat_secs: Some(1),
        deadline_secs: Some(4),
        ..Options::default()
    })
    .await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&key, "/v1/analyze", face_jpeg()).await;
    assert_eq!(app.balance(account).await, 9);
    let r = app.wait_finished(&key, &id, Duration::from_secs(30)).await;
    assert_eq!(r["status"], "failed");
    assert_eq!(r["error"]["code"], "timed_out");
    assert_eq!(app.balance(account).await, 10);
    app.verify_events().await;
}
