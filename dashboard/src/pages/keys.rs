//! API keys: create (the secret is shown once, on the response to the form), list, and revoke
//! after a confirmation page. Revoking another account's key reads as "not found".
use std::sync::Arc;

use askama::Template;
use entities::models::api_key;
use poem::web::cookie::CookieJar;
use poem::web::{Data, Form, Path};
use poem::{handler, Request};
use serde::Deserialize;
use uuid::Uuid;

use super::when;
use crate::app::App;
use crate::auth::metadata;
use crate::csrf::{self, CsrfToken};
use crate::error::{DashError, PageResult};
use crate::layout::{render, see_other, Layout};
use crate::session::Session;

pub struct KeyRow {
    pub id: Uuid,
    pub name: String,
    pub prefix: String,
    pub created: String,
    pub last_used: String,
    pub active: bool,
}

impl From<&api_key::Model> for KeyRow {
    fn from(k: &api_key::Model) -> Self {
        KeyRow {
            id: k.id,
            name: k.name.clone(),
            prefix: k.prefix.clone(),
            created: when(&k.created_at),
            last_used: k
                .last_used_at
                .as_ref()
                .map(when)
                .unwrap_or_else(|| "never".into()),
            active: k.revoked_at.is_none(),
        }
    }
}

#[derive(Template)]
#[template(path = "dashboard/keys.html")]
struct KeysPage<'a> {
    layout: Layout,
    keys: Vec<KeyRow>,
    /// The secret of the key just created: shown on this one response only.
    created: Option<(String, String)>,
    base_url: &'a str,
}

async fn keys_page(
    app: &App,
    session: &Session,
    csrf: &str,
    created: Option<(String, String)>,
) -> PageResult {
    let keys = app.domain.keys_of(session.account_id).await?;
    render(&KeysPage {
        layout: Layout::new(session, csrf, "keys"),
        keys: keys.iter().map(KeyRow::from).collect(),
        created,
        base_url: &app.base_url,
    })
}

#[handler]
pub async fn list(app: Data<&Arc<App>>, session: Session, csrf: CsrfToken) -> PageResult {
    keys_page(&app, &session, &csrf.0, None).await
}

#[derive(Deserialize)]
pub struct NewKey {
    #[serde(default)]
    name: String,
    #[serde(default)]
    csrf: String,
}

#[handler]
pub async fn create(
    app: Data<&Arc<App>>,
    session: Session,
    req: &Request,
    jar: &CookieJar,
    Form(form): Form<NewKey>,
) -> PageResult {
    csrf::verify(&app.keys, jar, &form.csrf)?;
    let name = form.name.trim();
    if name.chars().count() > 100 {
        return Err(DashError::BadRequest(
            "Key names are at most 100 characters.".into(),
        ));
    }
    let (_, secret) = app
        .domain
        .create_key(session.account_id, name, &metadata(&app, req))
        .await?;
    let shown = if name.is_empty() { "default" } else { name };
    // Rendered directly (not a redirect) so the secret is never in a URL or a later page.
    keys_page(
        &app,
        &session,
        &form.csrf,
        Some((shown.to_string(), secret)),
    )
    .await
}

#[derive(Template)]
#[template(path = "dashboard/key_revoke.html")]
struct ConfirmRevoke {
    layout: Layout,
    key: KeyRow,
}

async fn own_key(app: &App, session: &Session, id: Uuid) -> Result<api_key::Model, DashError> {
    app.domain
        .keys_of(session.account_id)
        .await?
        .into_iter()
        .find(|k| k.id == id)
        .ok_or(DashError::NotFound("key"))
}

#[handler]
pub async fn confirm_revoke(
    app: Data<&Arc<App>>,
    session: Session,
    csrf: CsrfToken,
    Path(id): Path<Uuid>,
) -> PageResult {
    let key = own_key(&app, &session, id).await?;
    render(&ConfirmRevoke {
        layout: Layout::new(&session, &csrf.0, "keys"),
        key: KeyRow::from(&key),
    })
}

#[derive(Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    csrf: String,
}

#[handler]
pub async fn revoke(
    app: Data<&Arc<App>>,
    session: Session,
    req: &Request,
    jar: &CookieJar,
    Path(id): Path<Uuid>,
    Form(form): Form<RevokeForm>,
) -> PageResult {
    csrf::verify(&app.keys, jar, &form.csrf)?;
    app.domain
        .revoke_key(id, Some(session.account_id), &metadata(&app, req))
        .await?;
    Ok(see_other("/dashboard/keys"))
}
