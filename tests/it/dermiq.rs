//! The DermIQ dialect, end to end over HTTP on the embedded default (SQLite, local storage).
use std::time::Duration;

use entities::events::Plan;
use serde_json::Value;

use crate::support::*;

const WAIT: Duration = Duration::from_secs(60);

async fn error_of(resp: reqwest::Response, status: u16) -> Value {
    assert_eq!(resp.status().as_u16(), status);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let body: Value = resp.json().await.unwrap();
    assert!(
        body["error"].is_string() && body["message"].is_string(),
        "DermIQ error shape: {body}"
    );
    body
}

#[tokio::test]
async fn full_analysis_completes_with_metrics_masks_and_one_credit_spent() {
    let app = TestApp::spawn(Options::default()).await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    assert_eq!(app.balance(account).await, 10);
    let id = app.submit(&key, "/v1/analyze", face_jpeg()).await;
    let r = app.wait_finished(&key, &id, WAIT).await;
    assert_eq!(r["status"], "completed", "{r}");
    assert_eq!(r["analysis_type"], "full");
    let score = r["overall_score"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&score));
    assert_eq!(r["result_json"]["all"]["score"].as_f64().unwrap(), score);
    // Numbers as the engine wrote them (93.7), not an f32 widened to f64 (93.69999694824219):
    // no value of the report on the wire carries more than 4 decimals.
    let wire = format!("{} {}", r["result_json"], r["overall_score"]);
    let long = wire
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .find(|n| n.split_once('.').is_some_and(|(_, frac)| frac.len() > 4));
    assert_eq!(long, None, "{wire}");
    assert!(r["skin_age"].as_i64().unwrap() > 0);
    assert!(r["processing_time_ms"].as_i64().unwrap() >= 0);
    for metric in [
        "hd_acne",
        "hd_pore",
        "hd_redness",
        "hd_oiliness",
        "hd_texture",
        "hd_dark_circles",
        "hd_firmness",
    ] {
        let s = r["result_json"][metric]["ui_score"]
            .as_f64()
            .unwrap_or_else(|| panic!("{metric} missing: {r}"));
        assert!((0.0..=100.0).contains(&s), "{metric} = {s}");
    }
    // A JPEG upload at its own size: the report says how far its compression may have moved
    // each score.
    let spread = &r["result_json"]["jpeg_spread"];
    assert_eq!(spread["draws"], 8, "{r}");
    assert_eq!(
        spread["quality"],
        r["result_json"]["image_quality"]["jpeg_quality"]
    );
    assert!(spread["scores"]["hd_wrinkle.glabella"].as_f64().unwrap() >= 0.0);
    let masks: Vec<String> = serde_json::from_value(r["mask_filenames"].clone()).unwrap();
    assert_eq!(masks.len(), 26);
    for name in [
        "hd_acne_output.png",
        "hd_wrinkle_output_all.png",
        "hd_pore_output.png",
        "hd_redness_output.png",
    ] {
        assert!(
            masks.contains(&name.to_string()),
            "{name} missing from {masks:?}"
        );
    }
    let resp = app
        .get(&key, &format!("/v1/results/{id}/masks/hd_acne_output.png"))
        .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "image/png");
    let png = resp.bytes().await.unwrap();
    let mask = image::load_from_memory(&png).unwrap();
    assert_eq!(
        (mask.width(), mask.height()),
        (512, 512),
        "masks align with the photo"
    );
    let missing = app
        .get(&key, &format!("/v1/results/{id}/masks/nope.png"))
        .await;
    error_of(missing, 404).await;
    assert_eq!(app.balance(account).await, 9);
    app.verify_events().await;
}

#[tokio::test]
async fn quick_analysis_returns_scores_without_masks() {
    let app = TestApp::spawn(Options::default()).await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&key, "/v1/analyze/quick", face_jpeg()).await;
    let r = app.wait_finished(&key, &id, WAIT).await;
    assert_eq!(r["status"], "completed", "{r}");
    assert_eq!(r["analysis_type"], "quick");
    assert!(r["overall_score"].is_number());
    assert_eq!(r["mask_filenames"].as_array().unwrap().len(), 0);
    assert!(r["result_json"].get("jpeg_spread").is_none(), "{r}");
}

#[tokio::test]
async fn missing_invalid_and_revoked_keys_get_401() {
    let app = TestApp::spawn(Options::default()).await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    let no_key = app.http.get(app.url("/v1/account")).send().await.unwrap();
    error_of(no_key, 401).await;
    let wrong = app.get("sk_live_not_a_real_key", "/v1/account").await;
    error_of(wrong, 401).await;
    let ok = app.get(&key, "/v1/account").await;
    assert_eq!(ok.status(), 200);
    let keys = app
        .domain()
        .keys_of(
            app.domain()
                .authenticate(&key)
                .await
                .unwrap()
                .unwrap()
                .account_id,
        )
        .await
        .unwrap();
    app.domain()
        .revoke_key(keys[0].id, None, &entities::events::Metadata::actor("test"))
        .await
        .unwrap();
    let revoked = app
        .analyze(&key, "/v1/analyze", face_jpeg(), "face.jpg")
        .await;
    error_of(revoked, 401).await;
}

#[tokio::test]
async fn account_reports_plan_balance_and_rate_limit() {
    let app = TestApp::spawn(Options::default()).await;
    let (account, key) = app.account_with_key(Plan::Enterprise).await;
    app.grant(account, 500).await;
    let body: Value = app.get(&key, "/v1/account").await.json().await.unwrap();
    assert_eq!(body["plan"], "enterprise");
    assert_eq!(body["credits"]["balance"], 500);
    assert_eq!(body["rate_limit"]["requests_per_minute"], 120);
}

#[tokio::test]
async fn no_credits_left_gets_403_and_nothing_is_recorded() {
    let app = TestApp::without_workers().await;
    let (account, key) = app.account_with_key(Plan::Pack).await; // a pack account starts empty
    let resp = app
        .analyze(&key, "/v1/analyze", face_jpeg(), "face.jpg")
        .await;
    let body = error_of(resp, 403).await;
    assert_eq!(body["error"], "no_credits");
    assert_eq!(app.balance(account).await, 0);
    app.verify_events().await;
}

#[tokio::test]
async fn unknown_malformed_and_foreign_ids_all_read_as_404() {
    let app = TestApp::without_workers().await;
    let (_, alice) = app.account_with_key(Plan::Free).await;
    let (_, mallory) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&alice, "/v1/analyze", face_jpeg()).await;
    for (key, path) in [
        (&mallory, format!("/v1/results/{id}")),
        (
            &mallory,
            format!("/v1/results/{id}/masks/hd_acne_output.png"),
        ),
        (&alice, format!("/v1/results/{}", uuid::Uuid::new_v4())),
        (&alice, "/v1/results/not-a-uuid".to_string()),
    ] {
        let resp = app.get(key, &path).await;
        error_of(resp, 404).await;
    }
}

#[tokio::test]
async fn bad_uploads_get_clear_400_and_415_errors_and_cost_nothing() {
    let app = TestApp::without_workers().await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let gif = app
        .analyze(
            &key,
            "/v1/analyze",
            b"GIF89a\x01\x00\x01\x00".to_vec(),
            "x.gif",
        )
        .await;
    error_of(gif, 415).await;
    let text = app
        .analyze(&key, "/v1/analyze", b"hello".to_vec(), "x.txt")
        .await;
    error_of(text, 415).await;
    let empty = app.analyze(&key, "/v1/analyze", vec![], "x.jpg").await;
    error_of(empty, 400).await;
    let truncated = app
        .analyze(&key, "/v1/analyze", face_jpeg()[..10].to_vec(), "x.jpg")
        .await;
    error_of(truncated, 400).await;
    let no_file = app
        .http
        .post(app.url("/v1/analyze"))
        .bearer_auth(&key)
        .multipart(reqwest::multipart::Form::new().text("age_override", "30"))
        .send()
        .await
        .unwrap();
    error_of(no_file, 400).await;
    for (field, value) in [
        ("age_override", "abc"),
        ("age_override", "500"),
        ("gender_override", "robot"),
    ] {
        let form = reqwest::multipart::Form::new()
            .part(
                "file",
                reqwest::multipart::Part::bytes(face_jpeg()).file_name("f.jpg"),
            )
            .text(field, value);
        let resp = app
            .http
            .post(app.url("/v1/analyze"))
            .bearer_auth(&key)
            .multipart(form)
            .send()
            .await
            .unwrap();
        error_of(resp, 400).await;
    }
    assert_eq!(app.balance(account).await, 10);
}

#[tokio::test]
async fn uploads_over_10_mb_get_413_whether_declared_or_streamed() {
    let app = TestApp::without_workers().await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let big = vec![0xFFu8; 11 * 1024 * 1024];
    let declared = app
        .analyze(&key, "/v1/analyze", big.clone(), "big.jpg")
        .await;
    error_of(declared, 413).await;
    // Chunked: no Content-Length, so the limit must trip while the body streams.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        big.chunks(64 * 1024).map(|c| Ok(c.to_vec())).collect();
    let part =
        reqwest::multipart::Part::stream(reqwest::Body::wrap_stream(futures::stream::iter(chunks)))
            .file_name("big.jpg");
    let streamed = app
        .http
        .post(app.url("/v1/analyze"))
        .bearer_auth(&key)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    error_of(streamed, 413).await;
    assert_eq!(app.balance(account).await, 10);
}

#[tokio::test]
async fn photos_over_fifty_megapixels_get_413_from_their_header_and_cost_nothing() {
    let app = TestApp::without_workers().await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let huge = huge_png();
    assert!(
        huge.len() < 1024 * 1024,
        "a small file: {} bytes",
        huge.len()
    );
    for path in ["/v1/analyze", "/v1/analyze/quick"] {
        let resp = app.analyze(&key, path, huge.clone(), "huge.png").await;
        let body = error_of(resp, 413).await;
        assert_eq!(body["error"], "image_too_large", "{body}");
        assert!(
            body["message"].as_str().unwrap().contains("9000×6000"),
            "{body}"
        );
    }
    assert_eq!(app.balance(account).await, 10);
}

#[tokio::test]
async fn over_the_rate_limit_gets_429_with_retry_after_and_headers() {
    let app = TestApp::spawn(Options {
        workers: Some(0),
        per_minute: Some(3),
        ..Options::default()
    })
    .await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    for remaining in [2, 1, 0] {
        let resp = app.analyze(&key, "/v1/analyze", face_jpeg(), "f.jpg").await;
        assert_eq!(resp.status(), 202);
        assert_eq!(resp.headers()["x-ratelimit-limit"], "3");
        assert_eq!(
            resp.headers()["x-ratelimit-remaining"],
            remaining.to_string().as_str()
        );
        assert!(resp.headers().contains_key("x-ratelimit-reset"));
    }
    let resp = app.analyze(&key, "/v1/analyze", face_jpeg(), "f.jpg").await;
    let retry: u64 = resp.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(resp.headers()["x-ratelimit-remaining"], "0");
    let body = error_of(resp, 429).await;
    assert_eq!(body["error"], "rate_limited");
    assert_eq!(
        app.balance(account).await,
        7,
        "the refused request was not charged"
    );
    // Polling has its own budget and still works.
    let poll = app.get(&key, "/v1/account").await;
    assert_eq!(poll.status(), 200);
}

#[tokio::test]
async fn an_idempotent_retry_returns_the_same_analysis_and_charges_once() {
    let app = TestApp::without_workers().await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let mut ids = vec![];
    for _ in 0..3 {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(face_jpeg()).file_name("f.jpg"),
        );
        let resp = app
            .http
            .post(app.url("/v1/analyze"))
            .bearer_auth(&key)
            .header("Idempotency-Key", "order-42")
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 202);
        let body: Value = resp.json().await.unwrap();
        ids.push(body["analysis_id"].as_str().unwrap().to_string());
    }
    assert!(ids.iter().all(|id| id == &ids[0]), "{ids:?}");
    assert_eq!(app.balance(account).await, 9);
    let other = app.submit(&key, "/v1/analyze", face_jpeg()).await;
    assert_ne!(other, ids[0]);
    assert_eq!(app.balance(account).await, 8);
    app.verify_events().await;
}

#[tokio::test]
async fn analysis_refunds_credit_when_no_face_is_found() {
    let app = TestApp::spawn(Options::default()).await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&key, "/v1/analyze", blank_png()).await;
    let r = app.wait_finished(&key, &id, WAIT).await;
    assert_eq!(r["status"], "failed");
    assert_eq!(r["error"]["code"], "no_face_detected", "{r}");
    assert!(r["result_json"].is_null());
    assert_eq!(app.balance(account).await, 10);
    app.verify_events().await;
}

#[tokio::test]
async fn analysis_refunds_credit_when_the_image_cannot_be_decoded() {
    let app = TestApp::spawn(Options::default()).await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let id = app.submit(&key, "/v1/analyze", corrupt_png()).await;
    let r = app.wait_finished(&key, &id, WAIT).await;
    assert_eq!(r["status"], "failed");
    assert_eq!(r["error"]["code"], "undecodable_image", "{r}");
    assert_eq!(app.balance(account).await, 10);
}

#[tokio::test]
async fn responses_carry_a_request_id() {
    let app = TestApp::without_workers().await;
    let resp = app
        .http
        .get(app.url("/v1/account"))
        .header("x-request-id", "trace-me-1")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "trace-me-1");
    let resp = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert!(resp.headers().contains_key("x-request-id"));
    let metrics = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("dermis_http_requests_total"), "{metrics}");
}
