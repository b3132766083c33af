//! The dashboard's errors, each rendered once as a page that says what to do next.
use askama::Template;
use entities::DomainError;
use poem::error::ResponseError;
use poem::http::{header, StatusCode};
use poem::{IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum DashError {
    /// No valid session: go to the login page, then back to this path.
    #[error("please log in")]
    LoginRequired(Option<String>),
    #[error("This form has expired or did not come from this site. Go back, reload the page and try again.")]
    Csrf,
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0}")]
    BadRequest(String),
    #[error("something went wrong on our side; try again in a moment")]
    Internal(String),
}

impl DashError {
    pub fn internal(e: impl std::fmt::Display) -> Self {
        DashError::Internal(e.to_string())
    }
}

impl From<DomainError> for DashError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::NotFound(what) => DashError::NotFound(what),
            DomainError::Rejected(r) => DashError::BadRequest(r.to_string()),
            DomainError::EmailTaken(_) => DashError::BadRequest(e.to_string()),
            DomainError::Store(s) => DashError::Internal(s.to_string()),
        }
    }
}

impl From<poem::error::ParseMultipartError> for DashError {
    fn from(e: poem::error::ParseMultipartError) -> Self {
        DashError::BadRequest(format!("the upload could not be read: {e}"))
    }
}

impl From<askama::Error> for DashError {
    fn from(e: askama::Error) -> Self {
        DashError::Internal(format!("template: {e}"))
    }
}

#[derive(Template)]
#[template(path = "dashboard/error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: String,
}

impl ResponseError for DashError {
    fn status(&self) -> StatusCode {
        match self {
            DashError::LoginRequired(_) => StatusCode::SEE_OTHER,
            DashError::Csrf => StatusCode::FORBIDDEN,
            DashError::NotFound(_) => StatusCode::NOT_FOUND,
            DashError::BadRequest(_) => StatusCode::BAD_REQUEST,
            DashError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn as_response(&self) -> Response {
        if let DashError::LoginRequired(next) = self {
            let to = match next {
                Some(path) => format!("/login?next={}", encode_component(path)),
                None => "/login".into(),
            };
            return Response::builder()
                .status(StatusCode::SEE_OTHER)
                .header(header::LOCATION, to)
                .finish();
        }
        if let DashError::Internal(detail) = self {
            tracing::error!(error = %detail, "dashboard error");
        }
        let title = match self {
            DashError::Csrf => "Form expired",
            DashError::NotFound(_) => "Not found",
            DashError::BadRequest(_) => "Cannot do that",
            _ => "Something went wrong",
        };
        let page = ErrorPage {
            title,
            message: self.to_string(),
        };
        match page.render() {
            Ok(html) => poem::web::Html(html)
                .with_status(self.status())
                .into_response(),
            Err(_) => self.to_string().with_status(self.status()).into_response(),
        }
    }
}

/// Percent-encode everything but unreserved characters (for a query parameter value).
pub fn encode_component(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub type PageResult = Result<Response, DashError>;
