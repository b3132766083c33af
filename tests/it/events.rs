//! The event store under load: credits never oversell, and a replay reproduces every projection.
use entities::events::Plan;
use futures::future::join_all;
use sea_orm::ConnectionTrait;

use crate::support::*;

/// 200 concurrent requests against 100 credits: exactly 100 accepted, 100 refused with 403.
async fn two_hundred_requests_against_one_hundred_credits(app: &TestApp) {
    let (account, key) = app.account_with_key(Plan::Pack).await;
    app.grant(account, 100).await;
    let image = face_jpeg();
    let requests = (0..200).map(|_| app.analyze(&key, "/v1/analyze", image.clone(), "f.jpg"));
    let statuses: Vec<u16> = join_all(requests)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    let accepted = statuses.iter().filter(|s| **s == 202).count();
    let refused = statuses.iter().filter(|s| **s == 403).count();
    assert_eq!((accepted, refused), (100, 100), "statuses: {statuses:?}");
    assert_eq!(app.balance(account).await, 0);
    app.verify_events().await;
}

fn load_options() -> Options {
    Options {
        workers: Some(0),
        per_minute: Some(10_000),
        ..Options::default()
    }
}

#[tokio::test]
async fn concurrent_requests_never_oversell_credits_on_sqlite() {
    let app = TestApp::spawn(load_options()).await;
    two_hundred_requests_against_one_hundred_credits(&app).await;
}

#[tokio::test]
async fn concurrent_requests_never_oversell_credits_on_postgres() {
    let app = TestApp::spawn(Options {
        postgres: true,
        redis: true,
        ..load_options()
    })
    .await;
    two_hundred_requests_against_one_hundred_credits(&app).await;
}

#[tokio::test]
async fn verify_detects_a_projection_that_disagrees_with_the_log() {
    let app = TestApp::without_workers().await;
    app.account_with_key(Plan::Free).await;
    app.verify_events().await;
    app.domain()
        .db
        .execute_unprepared("UPDATE balances SET balance = 999")
        .await
        .unwrap();
    let report = entities::projection::verify::verify(&app.domain().db)
        .await
        .unwrap();
    assert!(!report.is_consistent());
    assert!(
        report.differences.iter().any(|d| d.contains("balances")),
        "{:?}",
        report.differences
    );
}

#[tokio::test]
async fn every_change_is_an_event_with_metadata() {
    let app = TestApp::spawn(Options::default()).await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&key, "/v1/analyze", blank_png()).await;
    app.wait_finished(&key, &id, std::time::Duration::from_secs(60))
        .await;
    let events = entities::store::read_all(&app.domain().db, 0, 1000)
        .await
        .unwrap();
    let types: Vec<String> = events.iter().map(|e| e.event.event_type()).collect();
    for expected in [
        "AccountRegistered",
        "CreditsGranted",
        "ApiKeyCreated",
        "CreditReserved",
        "AnalysisRequested",
        "AnalysisStarted",
        "AnalysisFailed",
        "CreditRefunded",
    ] {
        assert!(
            types.iter().any(|t| t == expected),
            "{expected} missing from {types:?}"
        );
    }
    let requested = events
        .iter()
        .find(|e| e.event.event_type() == "AnalysisRequested")
        .unwrap();
    assert_eq!(requested.metadata.actor, "api");
    assert!(requested.metadata.request_id.is_some());
    assert!(requested.metadata.key_id.is_some());
    let refunded = events
        .iter()
        .find(|e| e.event.event_type() == "CreditRefunded")
        .unwrap();
    assert_eq!(refunded.stream_id, format!("credits-{account}"));
    assert_eq!(refunded.metadata.actor, "worker");
}
