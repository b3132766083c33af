//! A minimal browser for HTTP-level dashboard tests: keeps cookies (name → value, honouring
//! `Max-Age=0` deletions), never follows redirects (tests assert them), and reads the CSRF
//! token out of the page it last fetched.
use std::collections::BTreeMap;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::{redirect, Response, StatusCode};

pub struct WebClient {
    pub base: String,
    http: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
    /// Raw `Set-Cookie` headers seen, for flag assertions.
    pub set_cookie_headers: Vec<String>,
}

/// What a request returned, with the body already read.
pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Page {
    /// The value of the first `<input name="csrf">` on the page.
    pub fn csrf(&self) -> String {
        let marker = r#"name="csrf" value=""#;
        let start = self
            .body
            .find(marker)
            .unwrap_or_else(|| panic!("no CSRF field on the page:\n{}", self.body))
            + marker.len();
        let end = self.body[start..].find('"').unwrap() + start;
        self.body[start..end].to_string()
    }

    pub fn assert_contains(&self, text: &str) {
        assert!(
            self.body.contains(text),
            "page (status {}) lacks {text:?}:\n{}",
            self.status,
            self.body
        );
    }
}

impl WebClient {
    pub fn new(base: &str) -> Self {
        WebClient {
            base: base.to_string(),
            http: reqwest::Client::builder()
                .redirect(redirect::Policy::none())
                .build()
                .unwrap(),
            cookies: BTreeMap::new(),
            set_cookie_headers: vec![],
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn read(&mut self, resp: Response) -> Page {
        for h in resp.headers().get_all(SET_COOKIE) {
            let raw = h.to_str().unwrap().to_string();
            let pair = raw.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            let deleted = raw.to_ascii_lowercase().contains("max-age=0");
            if deleted || value.is_empty() {
                self.cookies.remove(name.trim());
            } else {
                self.cookies
                    .insert(name.trim().to_string(), value.trim().to_string());
            }
            self.set_cookie_headers.push(raw);
        }
        let status = resp.status();
        let location = resp
            .headers()
            .get(LOCATION)
            .map(|l| l.to_str().unwrap().to_string());
        let headers = resp.headers().clone();
        let body = resp.text().await.unwrap();
        Page {
            status,
            location,
            body,
            headers,
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let resp = self
            .http
            .get(format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        self.read(resp).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let resp = self
            .http
            .post(format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .form(form)
            .send()
            .await
            .unwrap();
        self.read(resp).await
    }

    pub async fn post_multipart(&mut self, path: &str, form: reqwest::multipart::Form) -> Page {
        let resp = self
            .http
            .post(format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .multipart(form)
            .send()
            .await
            .unwrap();
        self.read(resp).await
    }

    /// GET `form_page`, then POST `fields` plus its CSRF token to `action`.
    pub async fn submit(&mut self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.get(form_page).await.csrf();
        let mut all = fields.to_vec();
        all.push(("csrf", &token));
        self.post(action, &all).await
    }

    /// Sign up a new account; asserts the redirect to the dashboard.
    pub async fn sign_up(&mut self, email: &str, password: &str) {
        let page = self
            .submit(
                "/signup",
                "/signup",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(page.status, 303, "sign-up failed:\n{}", page.body);
        assert_eq!(page.location.as_deref(), Some("/dashboard"));
    }

    pub async fn log_in(&mut self, email: &str, password: &str) -> Page {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// Create a key through the keys page; returns its secret (shown once).
    pub async fn create_key(&mut self, name: &str) -> String {
        let page = self
            .submit("/dashboard/keys", "/dashboard/keys", &[("name", name)])
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
        let start = page.body.find("sk_live_").expect("the secret is shown");
        page.body[start..start + 48].to_string()
    }
}
