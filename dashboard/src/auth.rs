//! Sign up, log in, log out. Sign-up records the account and its argon2 hash in one command
//! (a new account gets the Free plan and its 10 credits); login checks the hash under the
//! throttle and starts a session.
use std::sync::Arc;

use askama::Template;
use entities::events::Metadata;
use entities::DomainError;
use poem::http::StatusCode;
use poem::web::cookie::CookieJar;
use poem::web::{Data, Form, Query, RemoteAddr};
use poem::{handler, Request};
use serde::Deserialize;

use crate::app::App;
use crate::csrf::{self, CsrfToken};
use crate::error::PageResult;
use crate::layout::{render, render_with, see_other, Layout};
use crate::password;
use crate::session::MaybeSession;

#[derive(Template)]
#[template(path = "dashboard/signup.html")]
struct SignupPage {
    layout: Layout,
    email: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "dashboard/login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// Metadata for events the dashboard causes: actor `dashboard` and the request's id (as the
/// HTTP edge assigned it, so logs and events can be joined).
pub fn metadata(app: &App, req: &Request) -> Metadata {
    Metadata {
        request_id: (app.request_id)(req),
        ..Metadata::actor("dashboard")
    }
}

/// Only local paths are followed after login (no open redirect to another site).
fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next
    } else {
        "/dashboard"
    }
}

#[handler]
pub fn signup_form(session: MaybeSession, csrf: CsrfToken) -> PageResult {
    if session.0.is_some() {
        return Ok(see_other("/dashboard"));
    }
    render(&SignupPage {
        layout: Layout::public(&csrf.0),
        email: String::new(),
        error: None,
    })
}

#[handler]
pub async fn signup(
    app: Data<&Arc<App>>,
    req: &Request,
    jar: &CookieJar,
    Form(form): Form<Credentials>,
) -> PageResult {
    csrf::verify(&app.keys, jar, &form.csrf)?;
    let email = form.email.trim().to_lowercase();
    let again = |error: String, status| {
        let token = CsrfToken::from_jar(&app.keys, jar);
        render_with(
            &SignupPage {
                layout: Layout::public(&token),
                email: email.clone(),
                error: Some(error),
            },
            status,
        )
    };
    if !looks_like_email(&email) {
        return again(
            "Enter an e-mail address like you@example.com.".into(),
            StatusCode::BAD_REQUEST,
        );
    }
    if let Err(rule) = password::check_new(&form.password) {
        return again(rule, StatusCode::BAD_REQUEST);
    }
    let hash = password::hash(&form.password).await?;
    match app
        .domain
        .sign_up(&email, &hash, &metadata(&app, req))
        .await
    {
        Ok(account_id) => {
            app.keys.start(jar, account_id)?;
            Ok(see_other("/dashboard"))
        }
        Err(DomainError::EmailTaken(_)) => again(
            "An account with this e-mail already exists. Log in instead.".into(),
            StatusCode::CONFLICT,
        ),
        Err(e) => Err(e.into()),
    }
}

fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && email.len() <= 254
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[handler]
pub fn login_form(session: MaybeSession, csrf: CsrfToken, Query(q): Query<Next>) -> PageResult {
    let next = q.next.unwrap_or_default();
    if session.0.is_some() {
        return Ok(see_other(safe_next(&next)));
    }
    render(&LoginPage {
        layout: Layout::public(&csrf.0),
        email: String::new(),
        next,
        error: None,
    })
}

#[handler]
pub async fn login(
    app: Data<&Arc<App>>,
    jar: &CookieJar,
    remote: &RemoteAddr,
    Form(form): Form<Credentials>,
) -> PageResult {
    csrf::verify(&app.keys, jar, &form.csrf)?;
    let email = form.email.trim().to_lowercase();
    let again = |error: String, status| {
        let token = CsrfToken::from_jar(&app.keys, jar);
        render_with(
            &LoginPage {
                layout: Layout::public(&token),
                email: email.clone(),
                next: form.next.clone(),
                error: Some(error),
            },
            status,
        )
    };
    let ip = remote.as_socket_addr().map(|a| a.ip());
    if let Err(wait) = app.throttle.attempt(&email, ip) {
        let minutes = wait.as_secs().div_ceil(60).max(1);
        return again(
            format!("Too many login attempts. Wait {minutes} minute(s) and try again."),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let account = app.domain.account_by_email(&email).await?;
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    // Always one argon2 verification (against a dummy hash when there is no account or no
    // password), and the same message either way: nothing tells which e-mails exist.
    let matches = password::verify(&form.password, stored).await;
    match account {
        Some(a) if matches => {
            app.keys.start(jar, a.id)?;
            Ok(see_other(safe_next(&form.next)))
        }
        _ => again(
            "The e-mail or the password is wrong.".into(),
            StatusCode::UNAUTHORIZED,
        ),
    }
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

#[handler]
pub fn logout(app: Data<&Arc<App>>, jar: &CookieJar, Form(form): Form<CsrfOnly>) -> PageResult {
    csrf::verify(&app.keys, jar, &form.csrf)?;
    app.keys.end(jar);
    Ok(see_other("/login?signed_out=1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next("/dashboard/keys"), "/dashboard/keys");
        assert_eq!(safe_next("//evil.example"), "/dashboard");
        assert_eq!(safe_next("https://evil.example"), "/dashboard");
        assert_eq!(safe_next("/\\evil.example"), "/dashboard");
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("a@b.co"));
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("@b.co"));
        assert!(!looks_like_email("a b@c.de"));
    }
}
