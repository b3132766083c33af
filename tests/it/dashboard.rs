//! The dashboard over HTTP (no browser): sessions and their cookie flags, CSRF, login errors
//! and throttling, Stripe Checkout and its signed webhook (forged, stale, replayed), billing
//! without Stripe, usage CSV, and tenant isolation. Browser flows are in `browser.rs`.
use std::time::Duration;

use entities::events::Plan;
use serde_json::Value;

use crate::stripe_fake::{self, StripeFake};
use crate::support::*;
use crate::web_client::WebClient;

const PASSWORD: &str = "correct horse battery";
const WAIT: Duration = Duration::from_secs(90);

fn new_email() -> String {
    format!("{}@example.test", uuid::Uuid::new_v4().simple())
}

async fn signed_in(app: &TestApp) -> (WebClient, String) {
    let mut web = WebClient::new(&app.base);
    let email = new_email();
    web.sign_up(&email, PASSWORD).await;
    (web, email)
}

async fn account_id(app: &TestApp, email: &str) -> uuid::Uuid {
    app.domain()
        .account_by_email(email)
        .await
        .unwrap()
        .expect("account exists")
        .id
}

fn no_workers() -> Options {
    Options {
        workers: Some(0),
        ..Options::default()
    }
}

#[tokio::test]
async fn dashboard_signup_opens_a_free_account_with_ten_credits_and_a_locked_down_session() {
    let app = TestApp::spawn(no_workers()).await;
    let (mut web, email) = signed_in(&app).await;
    let session = web
        .set_cookie_headers
        .iter()
        .find(|h| h.starts_with("dermis_session="))
        .expect("a session cookie")
        .to_ascii_lowercase();
    assert!(session.contains("httponly"), "{session}");
    assert!(session.contains("samesite=lax"), "{session}");
    assert!(session.contains("path=/"), "{session}");
    assert!(
        !session.contains("secure"),
        "plain http: no Secure flag: {session}"
    );
    let overview = web.get("/dashboard").await;
    assert_eq!(overview.status, 200);
    overview.assert_contains(r#"id="plan">Free<"#);
    overview.assert_contains(r#"id="balance">10<"#);
    overview.assert_contains(&format!("curl -X POST {}/v1/analyze", app.base));
    overview.assert_contains(r#"href="/docs""#);
    let csp = overview.headers["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert_eq!(overview.headers["cache-control"], "no-store");
    // The password is stored as an argon2 PHC string, through an event.
    let account = app
        .domain()
        .account_by_email(&email)
        .await
        .unwrap()
        .unwrap();
    assert!(account.password_hash.unwrap().starts_with("$argon2id$"));
    // Each event records who caused it and through which request.
    let events = app.domain().events_of(account.id, None, 10).await.unwrap();
    assert!(!events.is_empty());
    for e in &events {
        assert_eq!(e.metadata.actor, "dashboard");
        assert!(e.metadata.request_id.is_some(), "{:?}", e.metadata);
    }
    assert_eq!(app.balance(account.id).await, 10);
    // Same e-mail again: a clear error, no second account.
    let mut other = WebClient::new(&app.base);
    let again = other
        .submit(
            "/signup",
            "/signup",
            &[("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(again.status, 409);
    again.assert_contains("already exists");
    let short = other
        .submit(
            "/signup",
            "/signup",
            &[("email", "x@example.test"), ("password", "short")],
        )
        .await;
    assert_eq!(short.status, 400);
    short.assert_contains("at least 10 characters");
    // Logging out ends the session: dashboard pages send the browser to the login page.
    let token = web.get("/dashboard").await.csrf();
    let out = web.post("/logout", &[("csrf", &token)]).await;
    assert_eq!(out.status, 303);
    let after = web.get("/dashboard/keys").await;
    assert_eq!(after.status, 303);
    assert_eq!(
        after.location.as_deref(),
        Some("/login?next=/dashboard/keys")
    );
    let back = web.log_in(&email, PASSWORD).await;
    assert_eq!(back.status, 303);
    app.verify_events().await;
}

#[tokio::test]
async fn dashboard_cookies_are_secure_when_served_over_https() {
    let app = TestApp::spawn(Options {
        base_url: Some("https://dermis.example".into()),
        ..no_workers()
    })
    .await;
    let (web, _) = signed_in(&app).await;
    for name in ["dermis_session=", "dermis_csrf="] {
        let h = web
            .set_cookie_headers
            .iter()
            .find(|h| h.starts_with(name))
            .unwrap()
            .to_ascii_lowercase();
        assert!(h.contains("secure") && h.contains("httponly"), "{h}");
    }
}

#[tokio::test]
async fn dashboard_refuses_forms_without_a_valid_csrf_token() {
    let app = TestApp::spawn(no_workers()).await;
    let (mut web, email) = signed_in(&app).await;
    let id = account_id(&app, &email).await;
    let missing = web.post("/dashboard/keys", &[("name", "x")]).await;
    assert_eq!(missing.status, 403);
    missing.assert_contains("form has expired");
    let forged = web
        .post(
            "/dashboard/keys",
            &[("name", "x"), ("csrf", &"ab".repeat(32))],
        )
        .await;
    assert_eq!(forged.status, 403);
    // A token from another browser (another nonce and session) does not work here.
    let (mut other, _) = signed_in(&app).await;
    let foreign = other.get("/dashboard/keys").await.csrf();
    let cross = web
        .post("/dashboard/keys", &[("name", "x"), ("csrf", &foreign)])
        .await;
    assert_eq!(cross.status, 403);
    // A token from before login stops working once the session changes.
    let mut fresh = WebClient::new(&app.base);
    let before_login = fresh.get("/login").await.csrf();
    let email2 = new_email();
    fresh.sign_up(&email2, PASSWORD).await;
    let stale = fresh
        .post("/dashboard/keys", &[("name", "x"), ("csrf", &before_login)])
        .await;
    assert_eq!(stale.status, 403);
    assert!(
        app.domain().keys_of(id).await.unwrap().is_empty(),
        "no key was created"
    );
    let logout = web.post("/logout", &[]).await;
    assert_eq!(logout.status, 403, "logging out needs the token too");
    let login = WebClient::new(&app.base)
        .post("/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(login.status, 403, "login without a token is refused");
}

#[tokio::test]
async fn dashboard_login_says_the_same_for_a_wrong_password_and_an_unknown_email() {
    let app = TestApp::spawn(no_workers()).await;
    let (_, email) = signed_in(&app).await;
    let mut web = WebClient::new(&app.base);
    let wrong = web.log_in(&email, "not the password").await;
    assert_eq!(wrong.status, 401);
    wrong.assert_contains("The e-mail or the password is wrong.");
    wrong.assert_contains(&format!(r#"value="{email}""#));
    let unknown = web.log_in("nobody@example.test", PASSWORD).await;
    assert_eq!(unknown.status, 401);
    unknown.assert_contains("The e-mail or the password is wrong.");
    assert!(!web.cookies.contains_key("dermis_session"));
    // An account made by the CLI has no password: it cannot be logged into (or taken over).
    let (cli_account, _) = app.account_with_key(Plan::Free).await;
    let cli_email = app
        .domain()
        .account(cli_account)
        .await
        .unwrap()
        .unwrap()
        .0
        .email;
    assert_eq!(web.log_in(&cli_email, "").await.status, 401);
    let ok = web.log_in(&email, PASSWORD).await;
    assert_eq!(ok.status, 303);
    assert!(web.cookies.contains_key("dermis_session"));
}

#[tokio::test]
async fn dashboard_login_is_throttled_per_email_then_per_ip() {
    let app = TestApp::spawn(no_workers()).await;
    let (_, email) = signed_in(&app).await;
    let mut web = WebClient::new(&app.base);
    for _ in 0..5 {
        assert_eq!(web.log_in(&email, "guess guess guess").await.status, 401);
    }
    // The budget is spent: even the right password waits.
    let throttled = web.log_in(&email, PASSWORD).await;
    assert_eq!(throttled.status, 429);
    throttled.assert_contains("Too many login attempts");
    assert!(!web.cookies.contains_key("dermis_session"));
    // Other addresses from the same client still get their own budget, until the per-IP
    // budget (30 per 15 minutes) runs out too.
    let mut statuses = vec![];
    for i in 0..30 {
        statuses.push(
            web.log_in(&format!("spray{i}@example.test"), "x")
                .await
                .status,
        );
    }
    assert!(statuses.iter().take(20).all(|s| *s == 401), "{statuses:?}");
    assert_eq!(*statuses.last().unwrap(), 429, "{statuses:?}");
}

#[tokio::test]
async fn dashboard_billing_without_stripe_says_it_is_not_configured() {
    let app = TestApp::spawn(no_workers()).await;
    let (mut web, _) = signed_in(&app).await;
    let page = web.get("/dashboard/billing").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Billing is not configured");
    let token = page.csrf();
    let buy = web
        .post("/dashboard/billing/checkout", &[("csrf", &token)])
        .await;
    assert_eq!(buy.status, 400);
    let hook = stripe_fake::deliver(&app.base, "{}", "t=1,v1=00").await;
    assert_eq!(hook.status(), 404);
}

/// Start a checkout from the billing page; returns the session the fake recorded.
async fn checkout(stripe: &StripeFake, web: &mut WebClient) -> stripe_fake::CreatedSession {
    let token = web.get("/dashboard/billing").await.csrf();
    let go = web
        .post("/dashboard/billing/checkout", &[("csrf", &token)])
        .await;
    assert_eq!(go.status, 303, "{}", go.body);
    let session = stripe.last_session();
    assert_eq!(
        go.location.as_deref(),
        Some(format!("{}c/pay/{}", stripe.api_base, session.id).as_str())
    );
    session
}

#[tokio::test]
async fn dashboard_checkout_asks_stripe_for_one_pack_and_credits_only_from_the_signed_webhook() {
    checkout_and_webhooks(no_workers()).await;
}

#[tokio::test]
async fn dashboard_checkout_and_webhooks_on_postgres() {
    checkout_and_webhooks(Options {
        postgres: true,
        ..no_workers()
    })
    .await;
}

async fn checkout_and_webhooks(opts: Options) {
    let stripe = StripeFake::start().await;
    let app = TestApp::spawn(Options {
        stripe_api: Some(stripe.api_base.clone()),
        ..opts
    })
    .await;
    let (mut web, email) = signed_in(&app).await;
    let id = account_id(&app, &email).await;
    web.get("/dashboard/billing")
        .await
        .assert_contains("100 credits for $5.00");
    let session = checkout(&stripe, &mut web).await;
    assert_eq!(session.field("mode"), "payment");
    assert_eq!(session.field("client_reference_id"), id.to_string());
    assert_eq!(session.field("customer_email"), email);
    assert_eq!(session.field("metadata[credits]"), "100");
    assert_eq!(session.field("line_items[0][quantity]"), "1");
    assert_eq!(
        session.field("line_items[0][price_data][unit_amount]"),
        "500"
    );
    assert_eq!(session.field("line_items[0][price_data][currency]"), "usd");
    assert_eq!(
        session.field("success_url"),
        format!(
            "{}/dashboard/billing/success?session_id={{CHECKOUT_SESSION_ID}}",
            app.base
        )
    );
    // Coming back from Stripe adds nothing by itself, however often the page is loaded.
    let success = format!("/dashboard/billing/success?session_id={}", session.id);
    for _ in 0..2 {
        web.get(&success)
            .await
            .assert_contains("Waiting for Stripe");
    }
    assert_eq!(app.balance(id).await, 10);

    let payload = stripe_fake::completed_event(&session, "paid");
    // Forged: signed with another secret. Stale: right secret, ten minutes old.
    let forged = stripe_fake::signature(&payload, "whsec_not_the_secret", stripe_fake::now());
    assert_eq!(
        stripe_fake::deliver(&app.base, &payload, &forged)
            .await
            .status(),
        400
    );
    let stale = stripe_fake::signature(
        &payload,
        stripe_fake::WEBHOOK_SECRET,
        stripe_fake::now() - 600,
    );
    assert_eq!(
        stripe_fake::deliver(&app.base, &payload, &stale)
            .await
            .status(),
        400
    );
    let tampered = payload.replace("\"100\"", "\"100000\"");
    let sig = stripe_fake::signature(&payload, stripe_fake::WEBHOOK_SECRET, stripe_fake::now());
    assert_eq!(
        stripe_fake::deliver(&app.base, &tampered, &sig)
            .await
            .status(),
        400
    );
    assert_eq!(
        stripe_fake::deliver(&app.base, &payload, "").await.status(),
        400
    );
    assert_eq!(app.balance(id).await, 10, "refused webhooks credit nothing");

    let ok = stripe_fake::deliver_signed(&app.base, &payload).await;
    assert_eq!(ok.status(), 200);
    let body: Value = ok.json().await.unwrap();
    assert_eq!(body["message"], "credited");
    assert_eq!(app.balance(id).await, 110);
    // Stripe redelivers; an attacker replays within the tolerance: nothing more.
    for _ in 0..2 {
        let again = stripe_fake::deliver_signed(&app.base, &payload).await;
        assert_eq!(again.status(), 200);
    }
    assert_eq!(app.balance(id).await, 110);
    web.get(&success)
        .await
        .assert_contains("100 credits were added");
    let billing = web.get("/dashboard/billing").await;
    billing.assert_contains(&session.id);
    assert_eq!(billing.body.matches(&session.id).count(), 1, "one purchase");
    web.get("/dashboard/activity")
        .await
        .assert_contains(&format!("100 credits purchased (payment {})", session.id));
    app.verify_events().await;
}

#[tokio::test]
async fn dashboard_webhook_waits_for_unpaid_checkouts_and_ignores_other_events() {
    let stripe = StripeFake::start().await;
    let app = TestApp::spawn(Options {
        stripe_api: Some(stripe.api_base.clone()),
        ..no_workers()
    })
    .await;
    let (mut web, email) = signed_in(&app).await;
    let id = account_id(&app, &email).await;
    let session = checkout(&stripe, &mut web).await;
    let unpaid = stripe_fake::completed_event(&session, "unpaid");
    let resp = stripe_fake::deliver_signed(&app.base, &unpaid).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        app.balance(id).await,
        10,
        "a pending bank debit credits nothing yet"
    );
    let later = unpaid
        .replace(
            "checkout.session.completed",
            "checkout.session.async_payment_succeeded",
        )
        .replace("\"unpaid\"", "\"paid\"");
    assert_eq!(
        stripe_fake::deliver_signed(&app.base, &later)
            .await
            .status(),
        200
    );
    assert_eq!(app.balance(id).await, 110);
}

#[tokio::test]
async fn dashboard_usage_and_csv_count_analyses_and_credits_per_key() {
    let app = TestApp::spawn(Options::default()).await;
    let (mut web, email) = signed_in(&app).await;
    let key = web.create_key("ci").await;
    let id = app.submit(&key, "/v1/analyze", face_jpeg()).await;
    let r = app.wait_finished(&key, &id, WAIT).await;
    assert_eq!(r["status"], "completed", "{r}");
    let usage = web.get("/dashboard/usage").await;
    usage.assert_contains(r#"id="total-analyses">1<"#);
    usage.assert_contains(r#"id="total-credits">1<"#);
    usage.assert_contains("<svg class=\"chart\"");
    usage.assert_contains("dermiq.full");
    let account = account_id(&app, &email).await;
    let key_id = app.domain().keys_of(account).await.unwrap()[0].id;
    let filtered = web
        .get(&format!(
            "/dashboard/usage?key={key_id}&endpoint=dermiq.quick"
        ))
        .await;
    filtered.assert_contains(r#"id="total-analyses">0<"#);
    let csv = web
        .get(&format!("/dashboard/usage.csv?key={key_id}&endpoint="))
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "day,analyses_requested,completed,failed,credits_used"
    );
    assert_eq!(lines.len(), 31);
    assert!(lines[30].ends_with(",1,1,0,1"), "today: {}", lines[30]);
    // The analysis page: score cards, the photo and a mask through the session.
    let detail = web.get(&format!("/dashboard/analyses/{id}")).await;
    detail.assert_contains("score-card");
    // A full analysis of a JPEG: the wrinkle card shows its spread (docs/metrics.md).
    let spread = r["result_json"]["jpeg_spread"]["scores"]["hd_wrinkle.whole"]
        .as_f64()
        .unwrap();
    assert!(spread >= 1.0, "{spread}");
    detail.assert_contains(r#"class="spread""#);
    detail.assert_contains(&format!("± {spread:.0}"));
    detail.assert_contains("hd_acne_output.png");
    let photo = web.get(&format!("/dashboard/analyses/{id}/photo")).await;
    assert_eq!(photo.status, 200);
    assert_eq!(photo.headers["content-type"], "image/jpeg");
    let mask = web
        .get(&format!(
            "/dashboard/analyses/{id}/masks/hd_acne_output.png"
        ))
        .await;
    assert_eq!(mask.status, 200);
    let not_a_mask = web
        .get(&format!("/dashboard/analyses/{id}/masks/input.jpg"))
        .await;
    assert_eq!(
        not_a_mask.status, 404,
        "only the analysis' own masks are served"
    );
}

#[tokio::test]
async fn dashboard_never_shows_one_tenant_anothers_keys_analyses_purchases_or_events() {
    let stripe = StripeFake::start().await;
    let app = TestApp::spawn(Options {
        stripe_api: Some(stripe.api_base.clone()),
        ..Options::default()
    })
    .await;
    let (mut alice, alice_email) = signed_in(&app).await;
    let key = alice.create_key("alice-prod").await;
    let analysis = app.submit(&key, "/v1/analyze", face_jpeg()).await;
    app.wait_finished(&key, &analysis, WAIT).await;
    let session = checkout(&stripe, &mut alice).await;
    let payload = stripe_fake::completed_event(&session, "paid");
    assert_eq!(
        stripe_fake::deliver_signed(&app.base, &payload)
            .await
            .status(),
        200
    );
    let alice_id = account_id(&app, &alice_email).await;
    let alice_key = app.domain().keys_of(alice_id).await.unwrap()[0].id;

    let (mut mallory, _) = signed_in(&app).await;
    for page in [
        "/dashboard",
        "/dashboard/keys",
        "/dashboard/analyses",
        "/dashboard/billing",
        "/dashboard/activity",
        "/dashboard/usage",
    ] {
        let p = mallory.get(page).await;
        assert_eq!(p.status, 200, "{page}");
        for secret in [
            alice_email.as_str(),
            "alice-prod",
            &analysis[..8],
            session.id.as_str(),
            &alice_key.to_string(),
        ] {
            assert!(!p.body.contains(secret), "{page} shows {secret:?}");
        }
    }
    // By URL: another tenant's analysis, its photo, masks and status read as not found.
    for path in [
        format!("/dashboard/analyses/{analysis}"),
        format!("/dashboard/analyses/{analysis}/photo"),
        format!("/dashboard/analyses/{analysis}/status"),
        format!("/dashboard/analyses/{analysis}/masks/hd_acne_output.png"),
        format!("/dashboard/keys/{alice_key}/revoke"),
    ] {
        assert_eq!(mallory.get(&path).await.status, 404, "{path}");
    }
    let token = mallory.get("/dashboard/keys").await.csrf();
    let revoke = mallory
        .post(
            &format!("/dashboard/keys/{alice_key}/revoke"),
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(revoke.status, 404);
    // The key still works: `account_of` asserts 200.
    app.account_of(&key).await;
    // Alice's payment reference on Mallory's success page shows nothing credited.
    mallory
        .get(&format!(
            "/dashboard/billing/success?session_id={}",
            session.id
        ))
        .await
        .assert_contains("Waiting for Stripe");
    let csv = mallory.get("/dashboard/usage.csv").await;
    assert!(
        csv.body.lines().skip(1).all(|l| l.ends_with(",0,0,0,0")),
        "{}",
        csv.body
    );
    // Alice still sees all of it.
    alice
        .get("/dashboard/activity")
        .await
        .assert_contains("alice-prod");
    app.verify_events().await;
}

#[tokio::test]
async fn dashboard_try_it_refuses_non_photos_and_uploads_without_a_token() {
    let app = TestApp::spawn(no_workers()).await;
    let (mut web, email) = signed_in(&app).await;
    let id = account_id(&app, &email).await;
    let form = |token: Option<String>, bytes: Vec<u8>| {
        let mut f = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name("x.jpg"),
        );
        if let Some(t) = token {
            f = f.text("csrf", t);
        }
        f
    };
    let no_token = web
        .post_multipart("/dashboard/try", form(None, face_jpeg()))
        .await;
    assert_eq!(no_token.status, 403);
    let token = web.get("/dashboard/try").await.csrf();
    let text = web
        .post_multipart(
            "/dashboard/try",
            form(Some(token.clone()), b"hello".to_vec()),
        )
        .await;
    assert_eq!(text.status, 400);
    text.assert_contains("not a JPEG, PNG, WebP or HEIC photo");
    assert_eq!(app.balance(id).await, 10, "refused uploads cost nothing");
    let ok = web
        .post_multipart("/dashboard/try", form(Some(token), face_jpeg()))
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let to = ok.location.unwrap();
    assert!(to.starts_with("/dashboard/analyses/"), "{to}");
    assert_eq!(app.balance(id).await, 9, "one credit reserved");
    let page = web.get(&to).await;
    page.assert_contains("dashboard.try");
    page.assert_contains(r#"<meta http-equiv="refresh""#);
    app.verify_events().await;
}

/// A database that existed before the dashboard migration gets `stream_owners` filled from its
/// log, so the activity page and `events verify` agree afterwards.
async fn migration_backfills_stream_owners(app: &TestApp) {
    use migration::{Migrator, MigratorTrait};
    let (account, key) = app.account_with_key(Plan::Free).await;
    app.submit(&key, "/v1/analyze", face_jpeg()).await;
    // On a connection of its own, as the app migrates (`entities::db::connect_for_migrations`):
    // on the app's pool, `ADD COLUMN` failed now and then with "duplicate column name".
    let db = entities::db::connect_for_migrations(&app.config.database_url())
        .await
        .unwrap();
    // Back to before the dashboard migration (drops stream_owners and the password column)…
    Migrator::down(&db, Some(1)).await.unwrap();
    // …and forward again: the backfill has to rebuild what the projector wrote.
    Migrator::up(&db, None).await.unwrap();
    db.close().await.unwrap();
    app.verify_events().await;
    let events = app.domain().events_of(account, None, 100).await.unwrap();
    let kinds: Vec<String> = events.iter().map(|e| e.event.event_type()).collect();
    for kind in [
        "AccountRegistered",
        "CreditsGranted",
        "ApiKeyCreated",
        "CreditReserved",
        "AnalysisRequested",
    ] {
        assert!(
            kinds.contains(&kind.to_string()),
            "{kind} missing: {kinds:?}"
        );
    }
}

#[tokio::test]
async fn dashboard_migration_backfills_stream_owners_on_sqlite() {
    let app = TestApp::spawn(no_workers()).await;
    migration_backfills_stream_owners(&app).await;
}

#[tokio::test]
async fn dashboard_migration_backfills_stream_owners_on_postgres() {
    let app = TestApp::spawn(Options {
        postgres: true,
        ..no_workers()
    })
    .await;
    migration_backfills_stream_owners(&app).await;
}

#[tokio::test]
async fn dashboard_activity_pages_through_the_accounts_events_newest_first() {
    let app = TestApp::spawn(no_workers()).await;
    let (mut web, _) = signed_in(&app).await;
    // 3 sign-up events + 30 key creations = 33 events: two pages of 25 and 8.
    for i in 0..30 {
        web.create_key(&format!("key-{i:02}")).await;
    }
    let first = web.get("/dashboard/activity").await;
    let rows = |body: &str| body.matches("<tr><td>").count();
    assert_eq!(rows(&first.body), 25);
    let newest = first.body.find("key-29").expect("newest first");
    assert!(newest < first.body.find("key-28").unwrap());
    assert!(
        !first.body.contains("key-04"),
        "older keys are on the next page"
    );
    let marker = r#"href="/dashboard/activity?before="#;
    let start = first.body.find(marker).expect("an Older link") + marker.len();
    let before: String = first.body[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let second = web
        .get(&format!("/dashboard/activity?before={before}"))
        .await;
    assert_eq!(rows(&second.body), 8);
    second.assert_contains("key-00");
    second.assert_contains("AccountRegistered");
    // No event on both pages.
    for i in 0..30 {
        let name = format!("“key-{i:02}”");
        assert!(
            first.body.contains(&name) != second.body.contains(&name),
            "{name}"
        );
    }
    assert!(!second.body.contains(r#"id="older""#), "nothing older");
}

#[tokio::test]
async fn dashboard_checkout_reports_stripe_being_unreachable_and_charges_nothing() {
    // Nothing listens on port 9: every call to "Stripe" fails.
    let app = TestApp::spawn(Options {
        stripe_api: Some("http://127.0.0.1:9/".into()),
        ..no_workers()
    })
    .await;
    let (mut web, email) = signed_in(&app).await;
    let token = web.get("/dashboard/billing").await.csrf();
    let go = web
        .post("/dashboard/billing/checkout", &[("csrf", &token)])
        .await;
    assert_eq!(go.status, 502);
    go.assert_contains("Stripe could not start the payment");
    assert_eq!(app.balance(account_id(&app, &email).await).await, 10);
}

#[tokio::test]
async fn dashboard_webhook_for_an_unknown_account_is_refused_for_stripe_to_retry() {
    let stripe = StripeFake::start().await;
    let app = TestApp::spawn(Options {
        stripe_api: Some(stripe.api_base.clone()),
        ..no_workers()
    })
    .await;
    let (mut web, _) = signed_in(&app).await;
    let mut session = checkout(&stripe, &mut web).await;
    let stranger = uuid::Uuid::new_v4();
    session
        .fields
        .insert("client_reference_id".into(), stranger.to_string());
    let payload = stripe_fake::completed_event(&session, "paid");
    let resp = stripe_fake::deliver_signed(&app.base, &payload).await;
    assert_eq!(resp.status(), 422);
    assert!(app.domain().account(stranger).await.unwrap().is_none());
    app.verify_events().await;
}
