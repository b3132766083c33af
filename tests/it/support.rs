//! Test harness: spawns the real application on port 0 with a throw-away data dir and, when
//! asked, a fresh PostgreSQL database, a Redis queue of its own and a real S3-compatible server
//! (moto). A service that is missing fails the test loudly; nothing is skipped.
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dermis::config::{Config, S3Config};
use dermis::startup::Application;
use entities::events::{Metadata, Plan};
use serde_json::Value;
use uuid::Uuid;

pub const POSTGRES_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";
pub const REDIS_URL: &str = "redis://127.0.0.1:6379";

/// A change to the test app's configuration.
pub type Tweak = std::sync::Arc<dyn Fn(&mut Config) + Send + Sync>;

#[derive(Default, Clone)]
pub struct Options {
    /// Configure Stripe billing against this API base (the tests' fake Stripe).
    pub stripe_api: Option<String>,
    /// The public base URL the app believes it has (e.g. https, for the cookie flags).
    pub base_url: Option<String>,
    pub postgres: bool,
    pub redis: bool,
    pub s3: bool,
    /// In-process workers (0 = API only).
    pub workers: Option<usize>,
    pub per_minute: Option<u32>,
    pub heartbeat_secs: Option<u64>,
    pub deadline_secs: Option<u64>,
    pub sweep_secs: Option<u64>,
    /// Any other setting, applied last.
    pub tweak: Option<Tweak>,
}

pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    pub config: Config,
    pub app: Application,
    pub _dir: tempfile::TempDir,
    _s3: Option<S3Server>,
}

/// A moto S3 server on a free port, stopped with the test.
pub struct S3Server {
    pub endpoint: String,
    child: Child,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A TCP port nobody listens on right now, for a server the test starts.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn start_s3() -> S3Server {
    let port = free_port();
    let child = Command::new("moto_server")
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("moto_server (pip install 'moto[server]') is needed for the S3 tests");
    let endpoint = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "moto_server did not start on {endpoint}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    S3Server { endpoint, child }
}

/// A fresh PostgreSQL database for one test.
pub async fn fresh_postgres() -> String {
    use sea_orm::ConnectionTrait;
    let admin = sea_orm::Database::connect(POSTGRES_ADMIN_URL)
        .await
        .expect("PostgreSQL must run on 127.0.0.1:5432 (user postgres, database test)");
    let name = format!("dermis_t_{}", Uuid::new_v4().simple());
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create test database");
    format!("postgres://postgres@127.0.0.1:5432/{name}")
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("jobs/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// A face photo as JPEG (astronaut.png, public domain).
pub fn face_jpeg() -> Vec<u8> {
    astronaut_jpeg(|img| img.into_rgb8().into())
}

/// The face photo in black and white (an 8-bit greyscale JPEG).
pub fn grey_face_jpeg() -> Vec<u8> {
    astronaut_jpeg(|img| img.into_luma8().into())
}

/// astronaut.png converted by `convert`, as JPEG.
fn astronaut_jpeg(convert: impl FnOnce(image::DynamicImage) -> image::DynamicImage) -> Vec<u8> {
    let img = convert(image::load_from_memory(&fixture("astronaut.png")).unwrap());
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A plain grey PNG: decodable, but no face in it.
pub fn blank_png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(256, 256, image::Rgb([128, 128, 128]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A real PNG of 9000 × 6000 pixels of one colour: 54 megapixels, over the engine's 50, in a
/// file of a few hundred KB that would decode to 162 MB.
pub fn huge_png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(9000, 6000, image::Rgb([180, 140, 120]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A PNG whose header is valid but whose pixel data is garbage.
pub fn corrupt_png() -> Vec<u8> {
    let mut bytes = blank_png();
    let n = bytes.len();
    for b in &mut bytes[60..n - 20] {
        *b = 0x5A;
    }
    bytes
}

impl TestApp {
    pub async fn spawn(opts: Options) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let s3 = opts.s3.then(start_s3);
        let mut config = Config {
            bind: "127.0.0.1:0".into(),
            data_dir: dir.path().to_path_buf(),
            ..Config::default()
        };
        if opts.postgres {
            config.database_url = Some(fresh_postgres().await);
        }
        if opts.redis {
            config.redis_url = Some(REDIS_URL.into());
            config.queue_name = format!("dermis-test-{}", Uuid::new_v4().simple());
        }
        if let Some(api_base) = &opts.stripe_api {
            config.stripe = Some(dermis::config::StripeConfig {
                secret_key: crate::stripe_fake::SECRET_KEY.into(),
                webhook_secret: crate::stripe_fake::WEBHOOK_SECRET.into(),
                api_base: api_base.clone(),
                pack_credits: 100,
                pack_price_cents: 500,
                currency: "usd".into(),
            });
        }
        config.base_url = opts.base_url.clone();
        if let Some(s3) = &s3 {
            config.s3 = Some(S3Config {
                bucket: format!("dermis-{}", Uuid::new_v4().simple()),
                endpoint: Some(s3.endpoint.clone()),
                region: "us-east-1".into(),
                access_key_id: Some("testing".into()),
                secret_access_key: Some("testing".into()),
                path_style: true,
            });
        }
        if let Some(w) = opts.workers {
            config.workers.concurrency = w;
        }
        if let Some(n) = opts.per_minute {
            config.rate_limits.free_per_minute = n;
            config.rate_limits.pack_per_minute = n;
            config.rate_limits.enterprise_per_minute = n;
        }
        config.workers.heartbeat_secs = opts.heartbeat_secs.unwrap_or(1);
        config.workers.deadline_secs = opts.deadline_secs.unwrap_or(120);
        config.workers.sweep_secs = opts.sweep_secs.unwrap_or(1);
        if let Some(tweak) = &opts.tweak {
            tweak(&mut config);
        }
        config.validate().expect("test config is valid");
        let app = Application::build(config.clone())
            .await
            .expect("app starts");
        let base = format!("http://{}", app.addr);
        TestApp {
            base,
            http: reqwest::Client::new(),
            config,
            app,
            _dir: dir,
            _s3: s3,
        }
    }

    /// An API-only app (no workers) on the embedded setup: submissions stay queued.
    pub async fn without_workers() -> TestApp {
        TestApp::spawn(Options {
            workers: Some(0),
            ..Options::default()
        })
        .await
    }

    /// An API-only app (no workers) on the embedded setup, with `tweak` applied to its config.
    pub async fn with_config(tweak: impl Fn(&mut Config) + Send + Sync + 'static) -> TestApp {
        TestApp::spawn(Options {
            workers: Some(0),
            tweak: Some(std::sync::Arc::new(tweak)),
            ..Options::default()
        })
        .await
    }

    pub fn domain(&self) -> &entities::Domain {
        &self.app.services.domain
    }

    /// A new account of `plan` with a key; returns (account id, secret).
    pub async fn account_with_key(&self, plan: Plan) -> (Uuid, String) {
        let email = format!("{}@example.test", Uuid::new_v4().simple());
        let meta = Metadata::actor("test");
        let id = self
            .domain()
            .register_account(&email, plan, &meta)
            .await
            .unwrap();
        let (_, secret) = self.domain().create_key(id, "test", &meta).await.unwrap();
        (id, secret)
    }

    pub async fn grant(&self, account: Uuid, amount: i64) {
        self.domain()
            .grant_credits(account, amount, "test", &Metadata::actor("test"))
            .await
            .unwrap();
    }

    pub async fn balance(&self, account: Uuid) -> i64 {
        self.domain()
            .account(account)
            .await
            .unwrap()
            .unwrap()
            .1
            .balance
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn analyze(
        &self,
        key: &str,
        path: &str,
        bytes: Vec<u8>,
        file_name: &str,
    ) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string());
        let form = reqwest::multipart::Form::new().part("file", part);
        self.http
            .post(self.url(path))
            .bearer_auth(key)
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    /// Submit and return the analysis id (asserting 202).
    pub async fn submit(&self, key: &str, path: &str, bytes: Vec<u8>) -> String {
        let resp = self.analyze(key, path, bytes, "face.jpg").await;
        let status = resp.status();
        let body: Value = resp.json().await.unwrap();
        assert_eq!(status, 202, "{body}");
        body["analysis_id"].as_str().unwrap().to_string()
    }

    /// An authenticated GET.
    pub async fn get(&self, key: &str, path: impl AsRef<str>) -> reqwest::Response {
        self.http
            .get(self.url(path.as_ref()))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
    }

    /// `GET /v1/account` as JSON (asserting 200).
    pub async fn account_of(&self, key: &str) -> Value {
        let resp = self
            .http
            .get(self.url("/v1/account"))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        resp.json().await.unwrap()
    }

    pub async fn result(&self, key: &str, id: &str) -> Value {
        let resp = self
            .http
            .get(self.url(&format!("/v1/results/{id}")))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        resp.json().await.unwrap()
    }

    /// Poll until the analysis is completed or failed.
    pub async fn wait_finished(&self, key: &str, id: &str, within: Duration) -> Value {
        let started = Instant::now();
        loop {
            let r = self.result(key, id).await;
            if r["status"] == "completed" || r["status"] == "failed" {
                return r;
            }
            assert!(
                started.elapsed() < within,
                "analysis {id} still {} after {within:?}",
                r["status"]
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    pub async fn verify_events(&self) {
        let report = entities::projection::verify::verify(&self.domain().db)
            .await
            .unwrap();
        assert!(
            report.is_consistent(),
            "replay differs: {:#?}",
            report.differences
        );
        assert!(report.events > 0);
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.app.stop();
    }
}
