//! Sessions: a signed JWT (HS256) in an HttpOnly, SameSite=Lax cookie, `Secure` when the
//! dashboard is served over https. The token names the account and a random session id that
//! CSRF tokens are bound to. Sessions are stateless: logging out deletes the cookie, and a
//! token expires after the configured lifetime.
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use poem::web::cookie::{Cookie, CookieJar, SameSite};
use poem::{FromRequest, Request, RequestBody};
use rand::distr::{Alphanumeric, SampleString};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::App;
use crate::error::DashError;

pub const SESSION_COOKIE: &str = "dermis_session";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    /// The account id.
    sub: String,
    /// Random per login; CSRF tokens are derived from it.
    sid: String,
    iat: i64,
    exp: i64,
}

pub struct SessionKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    /// Also the CSRF HMAC key (domain-separated by a prefix in `csrf`).
    pub secret: Vec<u8>,
    pub secure: bool,
    lifetime: Duration,
}

impl SessionKeys {
    pub fn new(secret: &[u8], secure: bool, lifetime: Duration) -> Self {
        SessionKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            secret: secret.to_vec(),
            secure,
            lifetime,
        }
    }

    /// A cookie with the dashboard's flags: HttpOnly, SameSite=Lax, path `/`, Secure on https.
    pub fn cookie(&self, name: &str, value: &str, max_age: Option<Duration>) -> Cookie {
        let mut c = Cookie::new_with_str(name, value);
        c.set_http_only(true);
        c.set_same_site(SameSite::Lax);
        c.set_path("/");
        c.set_secure(self.secure);
        if let Some(age) = max_age {
            c.set_max_age(age);
        }
        c
    }

    /// Start a session for `account_id`: a fresh session id, signed into the cookie.
    pub fn start(&self, jar: &CookieJar, account_id: Uuid) -> Result<(), DashError> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: account_id.to_string(),
            sid: Alphanumeric.sample_string(&mut rand::rng(), 32),
            iat: now,
            exp: now + self.lifetime.as_secs() as i64,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| DashError::internal(format!("signing the session: {e}")))?;
        jar.add(self.cookie(SESSION_COOKIE, &token, Some(self.lifetime)));
        Ok(())
    }

    pub fn end(&self, jar: &CookieJar) {
        jar.add(self.cookie(SESSION_COOKIE, "", Some(Duration::ZERO)));
    }

    /// The session in the request's cookie, if it is there, signed by us and not expired.
    pub fn read(&self, jar: &CookieJar) -> Option<(Uuid, String)> {
        let token = jar.get(SESSION_COOKIE)?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_required_spec_claims(&["exp", "sub"]);
        validation.leeway = 0;
        let data =
            jsonwebtoken::decode::<Claims>(token.value_str(), &self.decoding, &validation).ok()?;
        Some((Uuid::parse_str(&data.claims.sub).ok()?, data.claims.sid))
    }
}

/// A signed-in account. Extracting it from a request without a valid session sends the
/// browser to the login page (and back afterwards).
#[derive(Debug, Clone)]
pub struct Session {
    pub account_id: Uuid,
    pub email: String,
}

impl<'a> FromRequest<'a> for Session {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let app = app_of(req);
        let login = || DashError::LoginRequired(login_return_path(req));
        let (account_id, _sid) = app.keys.read(req.cookie()).ok_or_else(login)?;
        // The account must still exist: a token for an unknown id is no session.
        let (account, _) = app
            .domain
            .account(account_id)
            .await
            .map_err(DashError::from)?
            .ok_or_else(login)?;
        Ok(Session {
            account_id,
            email: account.email,
        })
    }
}

/// The session if there is one; pages reachable signed out use this.
pub struct MaybeSession(pub Option<Session>);

impl<'a> FromRequest<'a> for MaybeSession {
    async fn from_request(req: &'a Request, body: &mut RequestBody) -> poem::Result<Self> {
        Ok(MaybeSession(Session::from_request(req, body).await.ok()))
    }
}

pub fn app_of(req: &Request) -> &Arc<App> {
    req.data::<Arc<App>>()
        .expect("dashboard routes carry the App")
}

/// Where to come back to after logging in: the page asked for (GET only; a form post is not
/// replayed).
fn login_return_path(req: &Request) -> Option<String> {
    (req.method() == poem::http::Method::GET).then(|| {
        req.uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/dashboard".into())
    })
}
