//! The Skin Shade dialect: key generation, shade detection (PNG/JPEG/HEIC), its errors and
//! monthly quota, and a health check that notices a database it cannot reach.
use entities::events::Plan;
use serde_json::Value;

use crate::support::*;

async fn shade(app: &TestApp, key: Option<&str>, file: Option<(&str, Vec<u8>)>) -> (u16, Value) {
    let mut form = reqwest::multipart::Form::new();
    if let Some((name, bytes)) = file {
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    }
    let mut req = app.http.post(app.url("/api/skinshade")).multipart(form);
    if let Some(k) = key {
        req = req.header("x-api-key", k);
    }
    let resp = req.send().await.unwrap();
    (resp.status().as_u16(), resp.json().await.unwrap())
}

fn hex_rgb(hex: &str) -> [i32; 3] {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
    [
        (v >> 16) as i32 & 255,
        (v >> 8) as i32 & 255,
        v as i32 & 255,
    ]
}

const RANGES: [&str; 6] = [
    "very_light",
    "light",
    "intermediate",
    "tan",
    "brown",
    "dark",
];

#[tokio::test]
async fn a_generated_key_detects_the_shade_of_png_jpeg_and_heic_photos() {
    let app = TestApp::with_config(|_| {}).await;
    let resp = app
        .http
        .get(app.url("/api/generatekey"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let key = resp.json::<Value>().await.unwrap()["roboKey"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(key.starts_with("sk_live_"));
    // One key per client per month.
    let resp = app
        .http
        .get(app.url("/api/generatekey"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    let body: Value = resp.json().await.unwrap();
    assert!(body["error"].is_string() && body["message"].is_string());

    let mut shades = vec![];
    for (name, bytes) in [
        ("face.png", fixture("astronaut.png")),
        ("face.JPG", face_jpeg()),
        ("face.jpeg", face_jpeg()),
        ("IMG_0001.HEIC", fixture("astronaut.heic")),
    ] {
        let (status, body) = shade(&app, Some(&key), Some((name, bytes))).await;
        assert_eq!(status, 200, "{name}: {body}");
        let hex = body["skinShade"].as_str().unwrap();
        assert!(hex.len() == 7 && hex.starts_with('#'), "{hex}");
        assert!(
            RANGES.contains(&body["toneRange"].as_str().unwrap()),
            "{body}"
        );
        shades.push(hex_rgb(hex));
    }
    // The same face in four encodings: the same shade, within codec noise.
    for s in &shades[1..] {
        for c in 0..3 {
            assert!((s[c] - shades[0][c]).abs() <= 6, "{shades:?}");
        }
    }
    // The key belongs to a real account whose credits Skin Shade does not touch.
    let account = app.account_of(&key).await;
    assert_eq!(account["credits"]["balance"], 10);
    app.verify_events().await;
}

#[tokio::test]
async fn bad_requests_get_skin_shade_errors() {
    let app = TestApp::with_config(|_| {}).await;
    let (_, key) = app.account_with_key(Plan::Free).await;
    let error_shape = |body: &Value| {
        assert!(
            body["error"].is_string() && body["message"].is_string(),
            "{body}"
        );
    };
    for key in [None, Some("sk_live_not_a_key")] {
        let (status, body) = shade(&app, key, Some(("face.jpg", face_jpeg()))).await;
        assert_eq!(status, 403);
        error_shape(&body);
    }
    type File = Option<(&'static str, Vec<u8>)>;
    let cases: Vec<(File, &str)> = vec![
        (None, "file"),
        (Some(("face.jpg", vec![])), "empty"),
        (Some(("", vec![])), "no selected file"),
        (Some(("face.gif", b"GIF89a....".to_vec())), "gif"),
        (
            Some(("face.png", b"plain text, not an image".to_vec())),
            "not a png",
        ),
        (Some(("blank.png", blank_png())), "face"),
        (Some(("huge.png", huge_png())), "50 megapixels"),
        (Some(("grey.jpg", grey_face_jpeg())), "no colour"),
    ];
    for (file, hint) in cases {
        let (status, body) = shade(&app, Some(&key), file).await;
        assert_eq!(status, 400, "{hint}: {body}");
        error_shape(&body);
        assert!(
            body["message"].as_str().unwrap().contains(hint),
            "{hint}: {body}"
        );
    }
    // Not multipart at all: no file part.
    let resp = app
        .http
        .post(app.url("/api/skinshade"))
        .header("x-api-key", &key)
        .json(&serde_json::json!({"file": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    error_shape(&resp.json().await.unwrap());
    // Over 5 MB.
    let mut big = face_jpeg();
    big.resize(5 * 1024 * 1024 + 100_000, 0);
    let (status, body) = shade(&app, Some(&key), Some(("big.jpg", big))).await;
    assert_eq!(status, 413);
    error_shape(&body);
}

#[tokio::test]
async fn the_monthly_quota_is_per_key_and_enforced_under_concurrency() {
    let app = TestApp::with_config(|c| c.rate_limits.shade_free_per_month = 3).await;
    let (account, key) = app.account_with_key(Plan::Free).await;
    let requests = (0..6).map(|_| shade(&app, Some(&key), Some(("face.jpg", face_jpeg()))));
    let results = futures::future::join_all(requests).await;
    let ok = results.iter().filter(|(s, _)| *s == 200).count();
    let limited: Vec<_> = results.iter().filter(|(s, _)| *s == 429).collect();
    assert_eq!((ok, limited.len()), (3, 3), "{results:?}");
    assert!(limited[0].1["message"].as_str().unwrap().contains("month"));
    assert_eq!(
        app.balance(account).await,
        10,
        "Skin Shade is metered, not charged"
    );
    let (_, other) = app.account_with_key(Plan::Free).await;
    assert_eq!(
        shade(&app, Some(&other), Some(("face.jpg", face_jpeg())))
            .await
            .0,
        200
    );
    app.verify_events().await;
}

#[tokio::test]
async fn health_turns_unhealthy_when_the_database_is_unreachable() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn(Options {
        workers: Some(0),
        postgres: true,
        ..Options::default()
    })
    .await;
    let health = || async {
        let resp = app
            .http
            .get(app.url("/api/skinshade-health"))
            .send()
            .await
            .unwrap();
        (resp.status().as_u16(), resp.json::<Value>().await.unwrap())
    };
    let (status, body) = health().await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "healthy");
    assert_eq!(body["details"]["app"], "App is running");
    assert!(body["details"]["model"]
        .as_str()
        .unwrap()
        .contains("loaded"));
    assert_eq!(body["details"]["database"], "Database is connected");

    // Cut the app off its database: refuse new connections and end the open ones.
    let db = app.config.database_url.clone().unwrap();
    let name = db.rsplit('/').next().unwrap().to_string();
    let admin = sea_orm::Database::connect(POSTGRES_ADMIN_URL)
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        ))
        .await
        .unwrap();
    let (status, body) = health().await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["status"], "unhealthy");
    assert_eq!(body["details"]["database"], "Database is unreachable");
    assert_eq!(body["details"]["app"], "App is running");

    // Access restored: healthy again without a restart.
    admin
        .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        .await
        .unwrap();
    let started = std::time::Instant::now();
    loop {
        let (status, _) = health().await;
        if status == 200 {
            break;
        }
        assert!(started.elapsed().as_secs() < 20, "still unhealthy");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}
