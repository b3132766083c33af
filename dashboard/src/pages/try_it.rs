//! Try it: upload a photo from the browser. It goes through the same submit use case as the
//! API (one credit, the queue, the worker) with no key (`daily_usage` key `-`) and endpoint
//! `dashboard.try`, then the browser is sent to the analysis page, which refreshes itself until
//! the analysis is completed or failed.
use std::sync::Arc;

use askama::Template;
use entities::events::analysis::AnalysisOptions;
use entities::events::{AnalysisKind, Rejection};
use entities::DomainError;
use jobs::submit::{submit, Dispatch, Request as Submission, SubmitError, Upload};
use poem::http::StatusCode;
use poem::web::cookie::CookieJar;
use poem::web::{Data, Multipart};
use poem::{handler, Request};
use tokio::io::AsyncReadExt;

use crate::app::App;
use crate::auth::metadata;
use crate::csrf::{self, CsrfToken};
use crate::error::{DashError, PageResult};
use crate::layout::{render_with, see_other, Layout};
use crate::session::Session;

/// The DermIQ API's limit, so the page accepts what the API accepts.
const MAX_BYTES: usize = 10 * 1024 * 1024;

#[derive(Template)]
#[template(path = "dashboard/try.html")]
struct TryPage {
    layout: Layout,
    balance: i64,
    error: Option<String>,
}

async fn try_page(
    app: &App,
    session: &Session,
    csrf: &str,
    error: Option<String>,
    status: StatusCode,
) -> PageResult {
    let balance = app.balance(session.account_id).await?;
    render_with(
        &TryPage {
            layout: Layout::new(session, csrf, "try"),
            balance,
            error,
        },
        status,
    )
}

#[handler]
pub async fn form(app: Data<&Arc<App>>, session: Session, csrf: CsrfToken) -> PageResult {
    try_page(&app, &session, &csrf.0, None, StatusCode::OK).await
}

/// Format by magic bytes: (extension, mime), as the API's upload check does.
fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("jpg", "image/jpeg"))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("png", "image/png"))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("webp", "image/webp"))
    } else if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && matches!(&bytes[8..12], b"heic" | b"heix" | b"mif1" | b"msf1")
    {
        Some(("heic", "image/heic"))
    } else {
        None
    }
}

#[handler]
pub async fn upload(
    app: Data<&Arc<App>>,
    session: Session,
    req: &Request,
    jar: &CookieJar,
    mut multipart: Multipart,
) -> PageResult {
    let mut token = String::new();
    let mut file: Option<Vec<u8>> = None;
    while let Some(field) = multipart.next_field().await? {
        match field.name() {
            Some("csrf") => token = field.text().await?,
            Some("file") => {
                // Read at most one byte past the limit: enough to know it is too big.
                let mut buf = Vec::new();
                Box::pin(field.into_async_read())
                    .take(MAX_BYTES as u64 + 1)
                    .read_to_end(&mut buf)
                    .await
                    .map_err(DashError::internal)?;
                file = Some(buf);
            }
            _ => {}
        }
    }
    csrf::verify(&app.keys, jar, &token)?;
    let refuse = |msg: String| try_page(&app, &session, &token, Some(msg), StatusCode::BAD_REQUEST);
    let bytes = match file {
        Some(b) if !b.is_empty() => b,
        _ => return refuse("Choose a photo to upload.".into()).await,
    };
    if bytes.len() > MAX_BYTES {
        return refuse("The photo is larger than 10 MB; use a smaller one.".into()).await;
    }
    let Some((extension, mime)) = sniff(&bytes) else {
        return refuse("That file is not a JPEG, PNG, WebP or HEIC photo.".into()).await;
    };
    let accepted = submit(
        &app.domain,
        &app.storage,
        &app.queue,
        Upload {
            bytes,
            extension,
            mime,
        },
        Submission {
            account_id: session.account_id,
            key_id: None,
            kind: AnalysisKind::Full,
            endpoint: "dashboard.try".into(),
            options: AnalysisOptions::default(),
            idempotency_key: None,
            charge: true,
            quota: None,
        },
        Dispatch::Queue,
        &metadata(&app, req),
    )
    .await;
    match accepted {
        Ok(a) => Ok(see_other(&format!("/dashboard/analyses/{}", a.analysis_id))),
        Err(SubmitError::Domain(DomainError::Rejected(Rejection::NoCredits))) => {
            refuse("You have no credits left. Buy a Credit Pack on the Billing page.".into()).await
        }
        Err(SubmitError::Domain(e)) => Err(e.into()),
        Err(e) => Err(DashError::internal(e)),
    }
}
