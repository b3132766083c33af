//! End-to-end in headless Chromium (Debian `chromium` + `chromium-driver`, driven with
//! fantoccini): the journeys of issue 4, with a screenshot of every page saved to
//! `$CARGO_TARGET_DIR/screenshots/` (default `target/screenshots/`). One run with JavaScript,
//! one without it (the core flows must work either way).
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::stripe_fake::{self, StripeFake};
use crate::support::*;

const WAIT: Duration = Duration::from_secs(90);
const PASSWORD: &str = "correct horse battery";

/// chromedriver on a free port with its own throw-away Chromium profile; stopped on drop.
struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
    shots: PathBuf,
    prefix: &'static str,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// `$CARGO_TARGET_DIR/screenshots`, or `target/screenshots` beside the test binary.
fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            // …/target/debug/deps/it-<hash>
            let exe = std::env::current_exe().unwrap();
            exe.ancestors().nth(3).unwrap().to_path_buf()
        });
    let dir = target.join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Browser {
    async fn start(javascript: bool, prefix: &'static str) -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian chromium-driver, tests/apt-packages.txt) is needed");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--window-size=1280,1000".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        if !javascript {
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args },
        });
        // rustls' process-wide crypto provider is installed by the app (dashboard::App::new),
        // which every test here spawns first.
        let client = ClientBuilder::rustls()
            .unwrap()
            .capabilities(caps.as_object().unwrap().clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("chromedriver starts Chromium");
        Browser {
            client,
            driver,
            _profile: profile,
            shots: screenshot_dir(),
            prefix,
        }
    }

    /// Ends the WebDriver session, which makes chromedriver quit its Chromium; dropping the
    /// `Browser` then stops chromedriver. (Stopping chromedriver alone leaves Chromium running.)
    async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    async fn text(&self, css: &str) -> String {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} not found: {e}"))
            .text()
            .await
            .unwrap()
    }

    /// The element, waiting for it to appear (the previous click may still be navigating).
    async fn element(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} not found: {e}"))
    }

    async fn click(&self, css: &str) {
        self.element(css).await.click().await.unwrap();
    }

    /// Click `css` and wait until the browser shows the page that click loads. For a form whose
    /// script has already updated the URL and the view, nothing on the page tells the old
    /// document from the new one, and a `goto` issued before the submission's navigation starts
    /// is overtaken by it (seen in CI: the next page showed the old opacity). So the old
    /// document is marked, and the wait is for a document without the mark.
    async fn click_and_wait_for_new_page(&self, css: &str) {
        self.client
            .execute("window.dermisOldPage = true; return null;", vec![])
            .await
            .unwrap();
        self.click(css).await;
        let started = Instant::now();
        loop {
            let fresh = self
                .client
                .execute(
                    "return window.dermisOldPage === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await;
            // Errors are expected while the navigation is under way.
            if matches!(fresh, Ok(serde_json::Value::Bool(true))) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "clicking {css} never loaded a new page"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn fill(&self, css: &str, value: &str) {
        let el = self.element(css).await;
        el.clear().await.unwrap();
        el.send_keys(value).await.unwrap();
    }

    async fn source(&self) -> String {
        self.client.source().await.unwrap()
    }

    async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    /// Save a screenshot of the page at `width`, tall enough for the whole page (the window
    /// is the viewport plus the browser's own frame, hence measuring both).
    async fn shot(&self, name: &str, width: u32) {
        self.client.set_window_size(width, 1000).await.unwrap();
        let measure = "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight]";
        let height = match self.client.execute(measure, vec![]).await {
            Ok(v) => {
                let page = v[0].as_u64().unwrap_or(1000);
                let frame = v[1].as_u64().unwrap_or(0);
                (page + frame).clamp(600, 5000) as u32
            }
            Err(_) => 1400, // scripts disabled: a generous fixed height
        };
        self.client.set_window_size(width, height).await.unwrap();
        let png = self.client.screenshot().await.unwrap();
        let path = self.shots.join(format!("{}-{name}.png", self.prefix));
        std::fs::write(&path, png).unwrap();
    }

    async fn sign_up(&self, base: &str, email: &str) {
        self.goto(&format!("{base}/signup")).await;
        self.fill("#email", email).await;
        self.fill("#password", PASSWORD).await;
        self.shot("02-signup", 1280).await;
        self.click("form.stack button[type=submit]").await;
        self.wait_for_path("/dashboard").await;
    }

    async fn create_key(&self, base: &str, name: &str) -> String {
        self.goto(&format!("{base}/dashboard/keys")).await;
        self.fill("#name", name).await;
        self.click("form.inline button[type=submit]").await;
        let secret = self.text("#new-secret").await.trim().to_string();
        assert!(secret.starts_with("sk_live_"), "{secret}");
        secret
    }

    /// Wait until the browser is on a page whose path (with query) starts with `prefix`, or
    /// contains it when it does not start with `/` (a form post may still be in flight when
    /// `click` returns).
    async fn wait_for_path(&self, prefix: &str) {
        let started = Instant::now();
        loop {
            let path = self.path().await;
            let there = if prefix.starts_with('/') {
                path.starts_with(prefix)
            } else {
                path.contains(prefix)
            };
            if there {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "still on {}, not {prefix}…:\n{}",
                self.path().await,
                self.source().await
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Wait until `css`'s `attr` contains `wanted` (tolerating the page being replaced).
    async fn wait_for_attr(&self, css: &str, attr: &str, wanted: &str) {
        let started = Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if let Ok(Some(v)) = el.attr(attr).await {
                    if v.contains(wanted) {
                        return;
                    }
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{css} never had {attr} containing {wanted:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    async fn wait_for_text(&self, css: &str, wanted: &str, within: Duration) {
        let started = Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if el.text().await.unwrap_or_default().contains(wanted) {
                    return;
                }
            }
            assert!(
                started.elapsed() < within,
                "{css} never showed {wanted:?}; page:\n{}",
                self.source().await
            );
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
}

/// A JPEG of the face fixture on disk, for the file input.
fn face_file(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("face.jpg");
    std::fs::write(&path, face_jpeg()).unwrap();
    path.display().to_string()
}

/// The browser is no wider than the viewport: nothing scrolls sideways on a phone.
async fn assert_fits(b: &Browser, width: u32) {
    let w = b
        .client
        .execute("return document.documentElement.scrollWidth", vec![])
        .await
        .unwrap();
    assert!(
        w.as_u64().unwrap() <= width as u64,
        "{} is {w} px wide at {width} px",
        b.path().await
    );
}

#[tokio::test]
async fn browser_dashboard_journey_keys_api_usage_billing_webhook_try_it_and_revoke() {
    let stripe = StripeFake::start().await;
    let app = TestApp::spawn(Options {
        stripe_api: Some(stripe.api_base.clone()),
        ..Options::default()
    })
    .await;
    let base = app.base.clone();
    let b = Browser::start(true, "js").await;

    // Landing → sign up → overview with the Free plan's 10 credits.
    b.goto(&format!("{base}/")).await;
    b.shot("01-landing", 1280).await;
    let email = format!("{}@example.test", uuid::Uuid::new_v4().simple());
    b.sign_up(&base, &email).await;
    assert_eq!(b.text("#plan").await, "Free");
    assert_eq!(b.text("#balance").await, "10");
    b.shot("03-overview", 1280).await;

    // A key, shown once, that the API accepts.
    let key = b.create_key(&base, "ci").await;
    b.shot("04-key-created", 1280).await;
    b.goto(&format!("{base}/dashboard/keys")).await;
    assert!(
        !b.source().await.contains(&key),
        "the secret is shown only once"
    );
    let id = app.submit(&key, "/v1/analyze", face_jpeg()).await;
    let r = app.wait_finished(&key, &id, WAIT).await;
    assert_eq!(r["status"], "completed", "{r}");

    // The analysis in the dashboard: list, score cards, mask viewer.
    b.goto(&format!("{base}/dashboard/analyses")).await;
    b.shot("05-analyses", 1280).await;
    b.click(&format!("a[href='/dashboard/analyses/{id}']"))
        .await;
    assert_eq!(b.text("#status").await, "completed");
    let cards = b
        .client
        .find_all(Locator::Css(".score-card"))
        .await
        .unwrap();
    assert!(cards.len() >= 7, "{} score cards", cards.len());
    let loaded = b
        .client
        .execute(
            "return [document.getElementById('photo').naturalWidth, document.getElementById('overlay').naturalWidth]",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        loaded[0].as_u64().unwrap() > 0 && loaded[0] == loaded[1],
        "photo and mask load at the same size: {loaded}"
    );
    b.shot("06-analysis", 1280).await;
    // The viewer's form: pick a mask and show it (a plain GET, like without JS).
    b.client
        .find(Locator::Css("#mask"))
        .await
        .unwrap()
        .select_by_value("hd_wrinkle_output_all.png")
        .await
        .unwrap();
    // With scripts the overlay switches at once (and the URL follows); the button then loads
    // the same view from the server.
    b.wait_for_attr("#overlay", "src", "/masks/hd_wrinkle_output_all.png")
        .await;
    b.click_and_wait_for_new_page("#mask-form button[type=submit]")
        .await;
    b.wait_for_path("mask=hd_wrinkle_output_all.png").await;
    b.wait_for_attr("#overlay", "src", "/masks/hd_wrinkle_output_all.png")
        .await;
    b.goto(&format!(
        "{base}/dashboard/analyses/{id}?mask=face_regions_output.png&opacity=40"
    ))
    .await;
    let style = b
        .client
        .find(Locator::Css("#overlay"))
        .await
        .unwrap()
        .attr("style")
        .await
        .unwrap()
        .unwrap();
    assert!(style.contains("0.40"), "{style}");
    b.shot("07-analysis-regions-40", 1280).await;

    // Usage: one analysis, one credit, for this key and endpoint.
    b.goto(&format!("{base}/dashboard/usage")).await;
    assert_eq!(b.text("#total-analyses").await, "1");
    assert_eq!(b.text("#total-credits").await, "1");
    b.shot("08-usage", 1280).await;

    // Buy a pack: Checkout at the fake Stripe, back to the success page, then the webhook.
    b.goto(&format!("{base}/dashboard/billing")).await;
    assert_eq!(b.text("#balance").await, "9");
    b.shot("09-billing", 1280).await;
    b.click("#buy").await;
    assert!(b.text("#amount").await.contains("500 usd"));
    b.shot("10-fake-stripe-checkout", 1280).await;
    b.click("#pay").await;
    b.wait_for_path("/dashboard/billing/success").await;
    b.text("#pending").await;
    b.shot("11-billing-pending", 1280).await;
    let session = stripe.last_session();
    let payload = stripe_fake::completed_event(&session, "paid");
    assert_eq!(
        stripe_fake::deliver_signed(&base, &payload).await.status(),
        200
    );
    // The page reloads itself until the credits are there.
    b.wait_for_text(
        "#credited",
        "100 credits were added",
        Duration::from_secs(20),
    )
    .await;
    assert_eq!(b.text("#balance").await, "109");
    b.shot("12-billing-credited", 1280).await;
    // Stripe delivers the same event again: nothing changes.
    assert_eq!(
        stripe_fake::deliver_signed(&base, &payload).await.status(),
        200
    );
    b.goto(&format!("{base}/dashboard/billing")).await;
    assert_eq!(b.text("#balance").await, "109");
    let purchases = b
        .client
        .find_all(Locator::Css("#purchases tbody tr"))
        .await
        .unwrap();
    assert_eq!(purchases.len(), 1);
    b.shot("13-billing-history", 1280).await;

    // Activity: the account's own events, newest first.
    b.goto(&format!("{base}/dashboard/activity")).await;
    let first = b.text("#activity tbody tr:first-child").await;
    assert!(first.contains("CreditsPurchased"), "newest first: {first}");
    b.shot("14-activity", 1280).await;

    // Try it: upload from the browser and watch it finish.
    let dir = tempfile::tempdir().unwrap();
    b.goto(&format!("{base}/dashboard/try")).await;
    b.shot("15-try", 1280).await;
    b.client
        .find(Locator::Css("#file"))
        .await
        .unwrap()
        .send_keys(&face_file(&dir))
        .await
        .unwrap();
    b.click("form.stack button[type=submit]").await;
    b.wait_for_path("/dashboard/analyses/").await;
    b.wait_for_text("#status", "completed", WAIT).await;
    b.text("#overall").await;
    b.shot("16-try-completed", 1280).await;

    // Phone width: the main pages fit 375 px.
    b.client.set_window_size(375, 800).await.unwrap();
    for (page, name) in [
        ("/dashboard", "17-mobile-overview"),
        ("/dashboard/keys", "18-mobile-keys"),
        ("/dashboard/usage", "19-mobile-usage"),
        (
            &format!("/dashboard/analyses/{id}") as &str,
            "20-mobile-analysis",
        ),
        ("/dashboard/billing", "21-mobile-billing"),
    ] {
        b.goto(&format!("{base}{page}")).await;
        b.shot(name, 375).await;
        assert_fits(&b, 375).await;
    }
    b.client.set_window_size(1280, 1000).await.unwrap();

    // Revoke the key (with a confirmation page): the API refuses it from then on.
    b.goto(&format!("{base}/dashboard/keys")).await;
    b.click("a.danger-link").await;
    b.shot("22-revoke-confirm", 1280).await;
    b.click("button.danger").await;
    b.wait_for_text("#keys tbody", "revoked", Duration::from_secs(20))
        .await;
    b.shot("23-key-revoked", 1280).await;
    let refused = app.get(&key, "/v1/account").await;
    assert_eq!(refused.status(), 401);

    // Someone else's (or no) analysis: a plain 404 page.
    b.goto(&format!(
        "{base}/dashboard/analyses/{}",
        uuid::Uuid::new_v4()
    ))
    .await;
    assert!(b.source().await.contains("analysis not found"));
    b.shot("25-not-found", 1280).await;
    b.goto(&format!("{base}/dashboard")).await;

    // Log out, then a wrong password shows the form error.
    b.click(".logout button").await;
    b.wait_for_path("/login").await;
    b.fill("#email", &email).await;
    b.fill("#password", "wrong password!").await;
    b.click("form.stack button[type=submit]").await;
    assert!(b.text("#form-error").await.contains("wrong"));
    b.shot("24-login-error", 1280).await;
    app.verify_events().await;
    b.close().await;
}

#[tokio::test]
async fn browser_core_flows_work_without_javascript() {
    let app = TestApp::spawn(Options::default()).await;
    let base = app.base.clone();
    let b = Browser::start(false, "nojs").await;
    let email = format!("{}@example.test", uuid::Uuid::new_v4().simple());
    b.sign_up(&base, &email).await;
    let key = b.create_key(&base, "no-js").await;
    assert_eq!(app.get(&key, "/v1/account").await.status(), 200);
    // The copy button needs script, so without it the button stays hidden.
    let copy = b.client.find(Locator::Css("button.copy")).await.unwrap();
    assert!(!copy.is_displayed().await.unwrap());
    b.shot("01-key-created", 1280).await;

    // Try it: the analysis page refreshes itself (<noscript> meta refresh) until done.
    let dir = tempfile::tempdir().unwrap();
    b.goto(&format!("{base}/dashboard/try")).await;
    b.client
        .find(Locator::Css("#file"))
        .await
        .unwrap()
        .send_keys(&face_file(&dir))
        .await
        .unwrap();
    b.click("form.stack button[type=submit]").await;
    b.wait_for_text("#status", "completed", WAIT).await;
    // The mask viewer's form works as a plain GET.
    b.client
        .find(Locator::Css("#mask"))
        .await
        .unwrap()
        .select_by_value("skin_mask.png")
        .await
        .unwrap();
    b.click("#mask-form button[type=submit]").await;
    b.wait_for_path("mask=skin_mask.png").await;
    b.shot("02-analysis", 1280).await;

    // Revoke through the confirmation page.
    b.goto(&format!("{base}/dashboard/keys")).await;
    b.click("a.danger-link").await;
    b.click("button.danger").await;
    b.wait_for_text("#keys tbody", "revoked", Duration::from_secs(20))
        .await;
    assert_eq!(app.get(&key, "/v1/account").await.status(), 401);
    b.shot("03-key-revoked", 1280).await;

    // This server has no Stripe keys: billing says so instead of failing.
    b.goto(&format!("{base}/dashboard/billing")).await;
    assert!(b.text("#billing-off").await.contains("not configured"));
    b.shot("04-billing-not-configured", 1280).await;

    // Log out and back in.
    b.click(".logout button").await;
    b.wait_for_path("/login").await;
    b.fill("#email", &email).await;
    b.fill("#password", PASSWORD).await;
    b.click("form.stack button[type=submit]").await;
    b.wait_for_path("/dashboard").await;
    b.close().await;
}
