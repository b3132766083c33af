//! The dashboard's one stylesheet and one small script, compiled into the binary (no CDN: the
//! server may have no internet, and neither may its users' browsers).
use poem::http::header;
use poem::{handler, IntoResponse, Response};

const CSS: &str = include_str!("../assets/dashboard.css");
const JS: &str = include_str!("../assets/dashboard.js");

fn asset(body: &'static str, mime: &'static str) -> Response {
    body.with_content_type(mime)
        .with_header(header::CACHE_CONTROL, "public, max-age=3600")
        .into_response()
}

#[handler]
pub fn css() -> Response {
    asset(CSS, "text/css; charset=utf-8")
}

#[handler]
pub fn js() -> Response {
    asset(JS, "text/javascript; charset=utf-8")
}
