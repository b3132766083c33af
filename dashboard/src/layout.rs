//! What every signed-in page shares (the header with the account and the log-out form), and
//! turning a template into a response.
use askama::Template;
use poem::http::{header, StatusCode};
use poem::web::Html;
use poem::{IntoResponse, Response};

use crate::error::{DashError, PageResult};
use crate::session::Session;

/// The page frame: who is signed in, the CSRF token for the log-out form, the current section.
pub struct Layout {
    pub email: Option<String>,
    pub csrf: String,
    pub nav: &'static str,
}

impl Layout {
    pub fn new(session: &Session, csrf: &str, nav: &'static str) -> Self {
        Layout {
            email: Some(session.email.clone()),
            csrf: csrf.to_string(),
            nav,
        }
    }

    /// For the signed-out pages (landing, sign-up, login).
    pub fn public(csrf: &str) -> Self {
        Layout {
            email: None,
            csrf: csrf.to_string(),
            nav: "",
        }
    }

    /// `aria-current` for the nav link of `section`.
    pub fn current(&self, section: &str) -> &'static str {
        if self.nav == section {
            "page"
        } else {
            "false"
        }
    }
}

/// Render a page. Pages are personal, so no cache keeps them.
pub fn render(page: &impl Template) -> PageResult {
    render_with(page, StatusCode::OK)
}

pub fn render_with(page: &impl Template, status: StatusCode) -> PageResult {
    let html = page.render().map_err(DashError::from)?;
    Ok(Html(html)
        .with_status(status)
        .with_header(header::CACHE_CONTROL, "no-store")
        .into_response())
}

/// 303 See Other: where a successful form post sends the browser.
pub fn see_other(to: &str) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, to)
        .finish()
}
