//! The SKINN AI dialect (`/api/v1`): status, synchronous analysis by base64 and by URL, its
//! error shapes, rate limit headers, languages, report HTML and e-mail.
use base64::Engine as _;
use entities::events::Plan;
use serde_json::{json, Value};

use crate::peers::{image_host, smtp_sink};
use crate::support::*;

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

async fn post(app: &TestApp, key: &str, body: Value) -> (u16, Value, reqwest::header::HeaderMap) {
    let resp = app
        .http
        .post(app.url("/api/v1/analyze"))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    (status, resp.json().await.unwrap(), headers)
}

/// Every documented field, with its type and allowed values.
fn assert_analysis_shape(a: &Value) {
    let score = a["skinScore"].as_u64().expect("skinScore");
    assert!(score <= 100);
    assert!(a["skinAge"].as_u64().is_some());
    assert!(["Normal", "Dry", "Oily", "Combination", "Sensitive"]
        .contains(&a["skinType"].as_str().unwrap()));
    assert!(a["conditions"].is_array());
    assert!(["None", "Mild", "Moderate", "Severe"].contains(&a["uvDamage"].as_str().unwrap()));
    let hydration = a["hydration"].as_str().unwrap();
    assert!(
        hydration.ends_with('%') && hydration[..hydration.len() - 1].parse::<u32>().is_ok(),
        "{hydration}"
    );
    assert_eq!(a["concerns"].as_array().unwrap().len(), 3);
    assert_eq!(a["routine"]["morning"].as_array().unwrap().len(), 4);
    assert_eq!(a["routine"]["evening"].as_array().unwrap().len(), 4);
    let products = a["products"].as_array().unwrap();
    assert_eq!(products.len(), 4);
    for p in products {
        for f in ["type", "ingredient", "reason"] {
            assert!(!p[f].as_str().unwrap().is_empty(), "product {f}");
        }
    }
    assert_eq!(a["nutrition"].as_array().unwrap().len(), 4);
    assert!(!a["projection3month"].as_str().unwrap().is_empty());
    let projected = a["projectedScore"].as_u64().unwrap();
    assert!(projected >= score && projected <= 100);
    assert!(a["gpNote"].is_boolean());
    assert!(!a["summary"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn status_is_public_and_names_the_engine() {
    let app = TestApp::with_config(|_| {}).await;
    let resp = app
        .http
        .get(app.url("/api/v1/status"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let s: Value = resp.json().await.unwrap();
    assert_eq!(s["status"], "operational");
    assert_eq!(s["version"], "v1");
    assert!(s["model"].as_str().unwrap().contains("dermis-vision"));
    assert!(s["endpoints"]
        .as_array()
        .unwrap()
        .contains(&json!("POST /api/v1/analyze")));
    assert!(s["docs"].as_str().unwrap().ends_with("/docs"));
    let ts = s["timestamp"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(ts).is_ok() && ts.ends_with('Z'),
        "{ts}"
    );
}

#[tokio::test]
async fn base64_analysis_returns_the_full_report_and_costs_one_credit() {
    let app = TestApp::with_config(|_| {}).await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let before = app.balance(account).await;
    let (status, body, headers) = post(
        &app,
        &key,
        json!({"image_base64": b64(&face_jpeg()), "mime_type": "image/jpeg", "patient_ref": "PAT-00142"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["success"], true);
    assert_eq!(body["patient_ref"], "PAT-00142");
    assert!(body.get("email_sent").is_none(), "no e-mail was asked for");
    assert!(uuid::Uuid::parse_str(body["request_id"].as_str().unwrap()).is_ok());
    assert_analysis_shape(&body["analysis"]);
    let html = body["report_html"].as_str().unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("PAT-00142"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external assets"
    );
    assert_eq!(app.balance(account).await, before - 1);
    // Rate limit headers: remaining of 60, reset in Unix milliseconds.
    assert_eq!(headers["x-ratelimit-remaining"], "59");
    let reset: i64 = headers["x-ratelimit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let now = chrono::Utc::now().timestamp_millis();
    assert!(
        reset > now && reset <= now + 3_600_000 + 1000,
        "{reset} vs {now}"
    );
    // The same photo gives the same report (deterministic rules).
    let (_, again, _) = post(&app, &key, json!({"image_base64": b64(&face_jpeg())})).await;
    assert_eq!(again["analysis"], body["analysis"]);
    app.verify_events().await;
}

#[tokio::test]
async fn x_api_key_works_and_languages_change_every_text() {
    let app = TestApp::with_config(|_| {}).await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    let send = |lang: &'static str| {
        let app = &app;
        let key = key.clone();
        async move {
            let resp = app
                .http
                .post(app.url("/api/v1/analyze"))
                .header("X-API-Key", key)
                .json(&json!({"image_base64": b64(&face_jpeg()), "language": lang}))
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 200);
            resp.json::<Value>().await.unwrap()
        }
    };
    let en = send("en").await;
    let ar = send("ar").await;
    assert_analysis_shape(&ar["analysis"]);
    assert_eq!(en["analysis"]["skinScore"], ar["analysis"]["skinScore"]);
    assert_ne!(en["analysis"]["summary"], ar["analysis"]["summary"]);
    assert_ne!(en["analysis"]["routine"], ar["analysis"]["routine"]);
    // Contract values stay English in every language.
    assert_eq!(en["analysis"]["skinType"], ar["analysis"]["skinType"]);
    let html = ar["report_html"].as_str().unwrap();
    assert!(html.contains(r#"lang="ar""#) && html.contains(r#"dir="rtl""#));
    // Every measured value's unit is translated: none of the units the engine writes (in
    // English) is left in the Arabic report's metrics table.
    for english in [
        "on lines",
        "on a line",
        "groove below",
        "pores per",
        "specular",
        "lesions",
        "spots",
    ] {
        assert!(
            !html.contains(english),
            "untranslated {english:?} in:\n{html}"
        );
    }

    let resp = app
        .http
        .post(app.url("/api/v1/analyze"))
        .header("X-API-Key", &key)
        .json(&json!({"image_base64": b64(&face_jpeg()), "language": "xx"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let body: Value = resp.json().await.unwrap();
    let message = body["message"].as_str().unwrap();
    for code in ["en", "tr", "ar", "fr", "de", "es", "it", "el"] {
        assert!(message.contains(code), "{message}");
    }
}

#[tokio::test]
async fn errors_come_in_skinn_shapes_and_charge_nothing() {
    let app = TestApp::with_config(|_| {}).await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let before = app.balance(account).await;

    let resp = app
        .http
        .post(app.url("/api/v1/analyze"))
        .json(&json!({"image_base64": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "Unauthorized");
    assert_eq!(
        body["message"],
        "Provide a valid API key via X-API-Key header or Authorization: Bearer <key>"
    );
    assert!(body["docs"].as_str().unwrap().contains("/docs"));
    let resp = app
        .http
        .get(app.url("/api/v1/analyze?image_url=x"))
        .header("X-API-Key", "sk_live_wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);

    let bad_request = |body: &Value, required: &str| {
        assert_eq!(body["error"], "Bad Request", "{body}");
        assert!(!body["message"].as_str().unwrap().is_empty());
        assert_eq!(body["required_fields"], json!([required]));
        assert!(body["optional_fields"].is_array());
    };
    // Bad JSON.
    let resp = app
        .http
        .post(app.url("/api/v1/analyze"))
        .bearer_auth(&key)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    bad_request(&resp.json().await.unwrap(), "image_base64");
    let pdf = b"%PDF-1.4 not an image".to_vec();
    let huge = {
        let mut v = face_jpeg();
        v.resize(8 * 1024 * 1024 + 10, 0);
        v
    };
    for (body, hint) in [
        (json!({}), "image_base64"),
        (json!({"image_base64": ""}), "image_base64"),
        (json!({"image_base64": 42}), "image_base64"),
        (json!({"image_base64": ["x"]}), "Invalid field type"),
        (json!({"image_base64": "@@not base64@@"}), "base64"),
        (json!({"image_base64": b64(&pdf)}), "JPEG or PNG"),
        (
            json!({"image_base64": b64(&face_jpeg()), "mime_type": "image/gif"}),
            "mime_type",
        ),
        (
            json!({"image_base64": b64(&face_jpeg()), "email": "not-an-address"}),
            "e-mail",
        ),
        (json!({"image_base64": b64(&huge)}), "8MB"),
        (json!({"image_base64": b64(&huge_png())}), "50 megapixels"),
    ] {
        let (status, resp, _) = post(&app, &key, body.clone()).await;
        assert_eq!(status, 400, "{body:.80}: {resp}");
        bad_request(&resp, "image_base64");
        assert!(
            resp["message"].as_str().unwrap().contains(hint),
            "{hint}: {resp}"
        );
    }
    // A photo without a face, or without colour: a clear 400, and the credit comes back.
    for (photo, hint) in [(blank_png(), "face"), (grey_face_jpeg(), "no colour")] {
        let (status, resp, _) = post(&app, &key, json!({"image_base64": b64(&photo)})).await;
        assert_eq!(status, 400, "{resp}");
        assert!(resp["message"].as_str().unwrap().contains(hint), "{resp}");
    }
    // GET without image_url names the query parameter.
    let resp = app.get(&key, "/api/v1/analyze").await;
    assert_eq!(resp.status(), 400);
    bad_request(&resp.json().await.unwrap(), "image_url");
    assert_eq!(app.balance(account).await, before);
    app.verify_events().await;
}

#[tokio::test]
async fn the_hourly_limit_answers_429_with_reset_at() {
    let app = TestApp::with_config(|c| c.rate_limits.skinn_per_hour = 2).await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    for remaining in ["1", "0"] {
        let resp = app.get(&key, "/api/v1/analyze?language=xx").await;
        assert_eq!(resp.status(), 400);
        assert_eq!(resp.headers()["x-ratelimit-remaining"], remaining);
    }
    let resp = app.get(&key, "/api/v1/analyze?language=xx").await;
    assert_eq!(resp.status(), 429);
    assert_eq!(resp.headers()["x-ratelimit-remaining"], "0");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "Rate limit exceeded");
    assert_eq!(body["message"], "2 requests/hour per API key");
    let reset = chrono::DateTime::parse_from_rfc3339(body["reset_at"].as_str().unwrap()).unwrap();
    assert!(reset > chrono::Utc::now());
    // Another key has its own budget.
    let (_, other) = app.account_with_key(Plan::Free).await;
    assert_eq!(
        app.get(&other, "/api/v1/analyze?language=xx")
            .await
            .status(),
        400
    );
}

#[tokio::test]
async fn image_urls_are_fetched_safely() {
    let host = image_host().await;
    let app = TestApp::with_config(|c| c.fetch.allow_private = vec!["127.0.0.1/32".into()]).await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let before = app.balance(account).await;
    let url = |path: &str| {
        format!(
            "/api/v1/analyze?language=fr&image_url={}",
            urlencode(&format!("{host}{path}"))
        )
    };
    let resp = app.get(&key, url("/face.jpg")).await;
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_analysis_shape(&body["analysis"]);
    assert!(
        body.get("report_html").is_none(),
        "GET answers without the HTML"
    );
    // A redirect to the image is followed.
    assert_eq!(app.get(&key, url("/redirect")).await.status(), 200);
    assert_eq!(app.balance(account).await, before - 2);
    for (path, hint) in [
        ("/metadata", "not a public address"),
        ("/page.html", "JPEG or PNG"),
        ("/huge.jpg", "larger"),
        ("/missing.jpg", "404"),
        ("/loop", "redirects"),
    ] {
        let resp = app.get(&key, url(path)).await;
        assert_eq!(resp.status(), 400, "{path}");
        let body: Value = resp.json().await.unwrap();
        assert!(
            body["message"].as_str().unwrap().contains(hint),
            "{path}: {body}"
        );
    }
    for bad in [
        "ftp://example.com/a.jpg",
        "file:///etc/passwd",
        "http://[::1]/a.jpg",
    ] {
        let resp = app
            .get(
                &key,
                format!("/api/v1/analyze?image_url={}", urlencode(bad)),
            )
            .await;
        assert_eq!(resp.status(), 400, "{bad}");
    }
    assert_eq!(
        app.balance(account).await,
        before - 2,
        "refused fetches cost nothing"
    );

    // Without the explicit allowance, the loopback host itself is refused.
    let strict = TestApp::with_config(|_| {}).await;
    let (_, key) = strict.account_with_key(Plan::Free).await;
    let resp = strict
        .get(
            &key,
            format!(
                "/api/v1/analyze?image_url={}",
                urlencode(&format!("{host}/face.jpg"))
            ),
        )
        .await;
    assert_eq!(resp.status(), 400);
    let body: Value = resp.json().await.unwrap();
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("not a public address"),
        "{body}"
    );
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn the_report_is_written_to_the_outbox_by_default() {
    let app = TestApp::with_config(|_| {}).await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    let (status, body, _) = post(
        &app,
        &key,
        json!({"image_base64": b64(&face_jpeg()), "email": "patient@example.com", "language": "de"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["email_sent"], true);
    let outbox = app.config.data_dir.join("outbox");
    let files: Vec<_> = std::fs::read_dir(&outbox).unwrap().collect();
    assert_eq!(files.len(), 1);
    let mail = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
    assert!(mail.contains("To: patient@example.com"), "{mail:.400}");
    assert!(mail.contains("text/html"));
}

#[tokio::test]
async fn smtp_delivery_is_reported_truthfully() {
    let (addr, inbox) = smtp_sink().await;
    let app = TestApp::with_config(move |c| {
        c.smtp = Some(dermis::config::SmtpConfig {
            url: format!("smtp://{addr}"),
            from: "Clinic <reports@clinic.test>".into(),
        })
    })
    .await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    let (status, body, _) = post(
        &app,
        &key,
        json!({"image_base64": b64(&face_jpeg()), "email": "patient@example.com", "patient_ref": "PAT-7"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["email_sent"], true);
    let messages = inbox.lock().unwrap().clone();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("To: patient@example.com"));
    assert!(messages[0].contains("From: Clinic <reports@clinic.test>"));

    // A mail server that is down: the analysis is still returned, email_sent is false.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let app = TestApp::with_config(move |c| {
        c.smtp = Some(dermis::config::SmtpConfig {
            url: format!("smtp://{closed}"),
            from: "reports@clinic.test".into(),
        })
    })
    .await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    let (status, body, _) = post(
        &app,
        &key,
        json!({"image_base64": b64(&face_jpeg()), "email": "patient@example.com"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["email_sent"], false);
}

/// Headless Chromium renders `html` to a PNG under the test target dir; returns its path.
pub fn render_in_chromium(html: &str, name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join(format!("{name}.html"));
    let shot = dir.join(format!("{name}.png"));
    std::fs::write(&page, html).unwrap();
    let _ = std::fs::remove_file(&shot);
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=900,2600",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("Debian chromium is needed (tests/run.sh installs it)");
    assert!(
        shot.exists(),
        "chromium made no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    shot
}

#[tokio::test]
async fn the_html_report_renders_in_chromium_left_to_right_and_right_to_left() {
    let app = TestApp::with_config(|_| {}).await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    for lang in ["en", "ar"] {
        let (status, body, _) = post(
            &app,
            &key,
            json!({"image_base64": b64(&face_jpeg()), "language": lang, "patient_ref": "PAT-00142"}),
        )
        .await;
        assert_eq!(status, 200);
        let html = body["report_html"].as_str().unwrap().to_string();
        let shot = tokio::task::spawn_blocking(move || {
            render_in_chromium(&html, &format!("skinn-report-{lang}"))
        })
        .await
        .unwrap();
        // A rendered report, not a blank page: a good share of the pixels carry ink.
        let img = image::open(&shot).unwrap().to_rgb8();
        let inked = img
            .pixels()
            .filter(|p| p.0.iter().any(|&c| c < 200))
            .count();
        let share = inked as f64 / (img.width() * img.height()) as f64;
        assert!(share > 0.02, "{lang}: only {share:.3} of the page is drawn");
    }
}
