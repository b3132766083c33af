use poem::http::{HeaderValue, StatusCode};
use poem::{IntoResponse, Request, Response};
use poem_openapi::payload::Json;
use std::time::Duration;

use super::errors::{Form, PlainError, RateLimitedBody, SkinnError};
use crate::edge::{bearer, x_api_key, Dialect};
use crate::ratelimit::{Decision, Policy};
use crate::state::State;

/// Largest decoded image SKINN accepts (its documented 8 MB).
pub const MAX_IMAGE_BYTES: usize = 8 * 1024 * 1024;
/// The JSON body carries the image as base64 (4 characters per 3 bytes) plus a few fields.
const MAX_BODY_BYTES: usize = MAX_IMAGE_BYTES / 3 * 4 + 64 * 1024;

pub struct SkinnDialect {
    /// Where the 401 body's `docs` points.
    pub docs: String,
}

impl Dialect for SkinnDialect {
    fn owns(&self, path: &str) -> bool {
        path.starts_with("/api/v1/")
    }

    fn is_public(&self, req: &Request) -> bool {
        req.uri().path() == "/api/v1/status"
    }

    /// Either header works, as SKINN documents; Bearer wins when both are sent.
    fn key(&self, req: &Request) -> Option<String> {
        bearer(req).or_else(|| x_api_key(req))
    }

    fn policy(
        &self,
        _req: &Request,
        _auth: &entities::KeyAuth,
        state: &State,
    ) -> Option<(String, Policy)> {
        Some((
            "skinn".into(),
            Policy {
                limit: state.limits.skinn_per_hour,
                window: Duration::from_secs(3600),
            },
        ))
    }

    fn body_limit(&self) -> usize {
        MAX_BODY_BYTES
    }

    fn error(&self, status: StatusCode, _code: &str, message: &str) -> Response {
        match status {
            StatusCode::BAD_REQUEST | StatusCode::PAYLOAD_TOO_LARGE => {
                SkinnError::bad_request(Form::Body, body_problem(message)).into_response()
            }
            StatusCode::UNAUTHORIZED => {
                SkinnError::unauthorized(message, &self.docs).into_response()
            }
            s if s.is_server_error() => SkinnError::internal(message).into_response(),
            s => {
                let mut resp = Json(PlainError {
                    error: s.canonical_reason().unwrap_or("Error").into(),
                    message: message.into(),
                })
                .into_response();
                resp.set_status(s);
                resp
            }
        }
    }

    fn unauthorized(&self, _missing: bool) -> Response {
        SkinnError::unauthorized(
            "Provide a valid API key via X-API-Key header or Authorization: Bearer <key>",
            &self.docs,
        )
        .into_response()
    }

    /// SKINN answers an oversized image with 400, like every other bad input.
    fn too_large(&self, _limit: usize) -> Response {
        SkinnError::bad_request(
            Form::Body,
            "Image too large: the maximum decoded size is 8MB",
        )
        .into_response()
    }

    fn rate_headers(&self, resp: &mut Response, d: &Decision) {
        let h = resp.headers_mut();
        h.insert("x-ratelimit-limit", HeaderValue::from(d.limit));
        h.insert("x-ratelimit-remaining", HeaderValue::from(d.remaining));
        // SKINN documents Unix milliseconds here.
        h.insert(
            "x-ratelimit-reset",
            HeaderValue::from(d.reset_at_unix_ms() as u64),
        );
    }

    fn rate_limited(&self, d: &Decision) -> Response {
        let reset =
            chrono::DateTime::<chrono::Utc>::from_timestamp_millis(d.reset_at_unix_ms() as i64)
                .unwrap_or_else(chrono::Utc::now);
        SkinnError::RateLimited(Json(RateLimitedBody {
            error: "Rate limit exceeded".into(),
            message: format!("{} requests/hour per API key", d.limit),
            reset_at: iso_millis(reset),
        }))
        .into_response()
    }
}

/// poem-openapi's words for a JSON body it could not read, in SKINN's terms. The body has one
/// required field, so a `null` where a string belongs is that field missing.
fn body_problem(message: &str) -> String {
    let detail = message
        .strip_prefix("parse request payload error: ")
        .unwrap_or(message);
    if detail.contains("found null") {
        "Missing required field: image_base64".into()
    } else if detail.contains("AnalyzeBody") || detail.contains("Expected input type") {
        format!("Invalid field type: {detail}")
    } else if message.starts_with("parse request payload error") {
        format!("Invalid JSON body: {detail}")
    } else {
        message.to_string()
    }
}

/// `2026-06-05T14:00:00.000Z`, the timestamp form of SKINN's examples.
pub fn iso_millis(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}
