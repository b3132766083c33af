//! Masks in S3-compatible storage (a real moto server), and the whole scaled setup together:
//! PostgreSQL + Redis queue and rate limits + S3.
use std::time::Duration;

use entities::events::Plan;

use crate::support::*;

async fn s3_keys(app: &TestApp, prefix: &str) -> Vec<String> {
    let s3 = app.config.s3.as_ref().unwrap();
    let creds = aws_sdk_s3::config::Credentials::new("testing", "testing", None, None, "test");
    let conf = aws_sdk_s3::config::Builder::new()
        .behavior_version(aws_sdk_s3::config::BehaviorVersion::latest())
        .region(aws_sdk_s3::config::Region::new("us-east-1"))
        .credentials_provider(creds)
        .endpoint_url(s3.endpoint.clone().unwrap())
        .force_path_style(true)
        .build();
    let client = aws_sdk_s3::Client::from_conf(conf);
    let out = client
        .list_objects_v2()
        .bucket(&s3.bucket)
        .prefix(prefix)
        .send()
        .await
        .unwrap();
    out.contents()
        .iter()
        .filter_map(|o| o.key().map(str::to_string))
        .collect()
}

async fn masks_land_in_s3(app: TestApp) {
    let (account, key) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&key, "/v1/analyze", face_jpeg()).await;
    let r = app.wait_finished(&key, &id, Duration::from_secs(60)).await;
    assert_eq!(r["status"], "completed", "{r}");
    let keys = s3_keys(&app, &format!("analyses/{id}/")).await;
    assert!(
        keys.contains(&format!("analyses/{id}/hd_acne_output.png")),
        "{keys:?}"
    );
    let masks = keys.iter().filter(|k| !k.contains("/input.")).count();
    assert_eq!(masks, 26, "{keys:?}");
    let resp = app
        .get(
            &key,
            &format!("/v1/results/{id}/masks/hd_redness_output.png"),
        )
        .await;
    assert_eq!(resp.status(), 200);
    assert!(resp.bytes().await.unwrap().starts_with(b"\x89PNG"));
    assert_eq!(app.balance(account).await, 9);
    app.verify_events().await;
}

#[tokio::test]
async fn masks_are_written_to_s3_when_configured() {
    masks_land_in_s3(
        TestApp::spawn(Options {
            s3: true,
            ..Options::default()
        })
        .await,
    )
    .await;
}

#[tokio::test]
async fn the_scaled_setup_runs_on_postgres_redis_and_s3() {
    masks_land_in_s3(
        TestApp::spawn(Options {
            s3: true,
            postgres: true,
            redis: true,
            ..Options::default()
        })
        .await,
    )
    .await;
}

#[tokio::test]
async fn redis_rate_limits_are_shared_and_enforced() {
    let app = TestApp::spawn(Options {
        redis: true,
        workers: Some(0),
        per_minute: Some(2),
        ..Options::default()
    })
    .await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    assert_eq!(
        app.analyze(&key, "/v1/analyze", face_jpeg(), "f.jpg")
            .await
            .status(),
        202
    );
    assert_eq!(
        app.analyze(&key, "/v1/analyze", face_jpeg(), "f.jpg")
            .await
            .status(),
        202
    );
    let resp = app.analyze(&key, "/v1/analyze", face_jpeg(), "f.jpg").await;
    assert_eq!(resp.status(), 429);
    assert!(resp.headers().contains_key("retry-after"));
}
