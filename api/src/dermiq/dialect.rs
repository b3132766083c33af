use poem::http::{HeaderValue, Method, StatusCode};
use poem::{Request, Response};

use super::errors::error_json;
use crate::edge::{bearer, Dialect};
use crate::ratelimit::{Decision, Policy};
use crate::state::State;

/// Request bodies above this are refused with 413 while streaming (10 MB image + form overhead).
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;
const FORM_OVERHEAD: usize = 64 * 1024;

pub struct DermiqDialect;

impl Dialect for DermiqDialect {
    fn owns(&self, path: &str) -> bool {
        path.starts_with("/v1/")
    }

    fn key(&self, req: &Request) -> Option<String> {
        bearer(req)
    }

    /// Analysis requests count against the plan's per-minute rate; polling (GET) has its own
    /// budget ten times larger, so a client that polls every second never starves its POSTs.
    fn policy(
        &self,
        req: &Request,
        auth: &entities::KeyAuth,
        state: &State,
    ) -> Option<(String, Policy)> {
        let mut policy = state.limits.per_minute(auth.plan);
        if req.method() == Method::POST {
            Some(("dermiq".into(), policy))
        } else {
            policy.limit = policy.limit.saturating_mul(10);
            Some(("dermiq-read".into(), policy))
        }
    }

    fn body_limit(&self) -> usize {
        MAX_IMAGE_BYTES + FORM_OVERHEAD
    }

    fn error(&self, status: StatusCode, code: &str, message: &str) -> Response {
        Response::builder()
            .status(status)
            .content_type("application/json; charset=utf-8")
            .body(error_json(code, message).to_string())
    }

    fn rate_headers(&self, resp: &mut Response, d: &Decision) {
        let h = resp.headers_mut();
        h.insert("x-ratelimit-limit", HeaderValue::from(d.limit));
        h.insert("x-ratelimit-remaining", HeaderValue::from(d.remaining));
        // Unix seconds at which the budget is whole again.
        h.insert(
            "x-ratelimit-reset",
            HeaderValue::from((d.reset_at_unix_ms() / 1000) as u64),
        );
    }

    fn rate_limited(&self, d: &Decision) -> Response {
        let wait = d.reset_after.as_secs_f64().ceil().max(1.0);
        self.error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            &format!(
                "rate limit of {} requests per minute exceeded; retry in {wait:.0} s",
                d.limit
            ),
        )
    }
}
