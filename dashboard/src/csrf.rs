//! CSRF protection, signed double-submit: the browser holds a random nonce in an HttpOnly
//! cookie, and every form carries `HMAC(secret, nonce + session id)`. A cross-site page can
//! neither read the cookie nor compute the HMAC, and a token stops working when the session
//! changes (login, logout). SameSite=Lax cookies are the second layer.
use hmac::{Hmac, Mac};
use poem::web::cookie::CookieJar;
use poem::{FromRequest, Request, RequestBody};
use rand::distr::{Alphanumeric, SampleString};
use sha2::Sha256;

use crate::error::DashError;
use crate::session::{app_of, SessionKeys};

const NONCE_COOKIE: &str = "dermis_csrf";

fn mac(keys: &SessionKeys, nonce: &str, sid: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(&keys.secret).expect("HMAC takes any key");
    mac.update(b"dermis-csrf\0");
    mac.update(nonce.as_bytes());
    mac.update(b"\0");
    mac.update(sid.as_bytes());
    mac
}

fn sid_of(keys: &SessionKeys, jar: &CookieJar) -> String {
    keys.read(jar).map(|(_, sid)| sid).unwrap_or_default()
}

/// The token for this browser and session, for the page's forms. Sets the nonce cookie when
/// the browser has none yet.
pub struct CsrfToken(pub String);

impl CsrfToken {
    /// The token for the browser's nonce (made and set now if it has none) and session.
    pub fn from_jar(keys: &SessionKeys, jar: &CookieJar) -> String {
        let nonce = match jar.get(NONCE_COOKIE) {
            Some(c) if !c.value_str().is_empty() => c.value_str().to_string(),
            _ => {
                let fresh = Alphanumeric.sample_string(&mut rand::rng(), 32);
                jar.add(keys.cookie(NONCE_COOKIE, &fresh, None));
                fresh
            }
        };
        hex::encode(
            mac(keys, &nonce, &sid_of(keys, jar))
                .finalize()
                .into_bytes(),
        )
    }
}

impl<'a> FromRequest<'a> for CsrfToken {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        Ok(CsrfToken(Self::from_jar(&app_of(req).keys, req.cookie())))
    }
}

/// Check a submitted token against this browser's nonce and current session.
pub fn verify(keys: &SessionKeys, jar: &CookieJar, token: &str) -> Result<(), DashError> {
    let nonce = jar
        .get(NONCE_COOKIE)
        .map(|c| c.value_str().to_string())
        .ok_or(DashError::Csrf)?;
    let given = hex::decode(token.trim()).map_err(|_| DashError::Csrf)?;
    mac(keys, &nonce, &sid_of(keys, jar))
        .verify_slice(&given)
        .map_err(|_| DashError::Csrf)
}
