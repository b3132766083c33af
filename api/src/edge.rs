//! The dialect edge: one middleware that, for each public API dialect (chosen by path prefix),
//! authenticates the key, applies the rate limit, enforces the body-size limit while the body
//! streams, and turns every error into that dialect's own JSON shape and status code.
//! Invariant: handlers behind the edge can rely on a `KeyAuth` in the request extensions.
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use entities::KeyAuth;
use futures::StreamExt;
use poem::http::{header, HeaderValue, StatusCode};
use poem::{Body, Endpoint, IntoResponse, Middleware, Request, Response};

use crate::ratelimit::{Decision, Policy};
use crate::state::State;

/// What differs between dialects.
pub trait Dialect: Send + Sync + 'static {
    /// Paths this dialect answers.
    fn owns(&self, path: &str) -> bool;
    /// Paths that need no key (status pages, key generation).
    fn is_public(&self, _req: &Request) -> bool {
        false
    }
    /// The secret the caller sent, if any.
    fn key(&self, req: &Request) -> Option<String>;
    /// The limit this request counts against; `None` = not limited here.
    fn policy(&self, req: &Request, auth: &KeyAuth, state: &State) -> Option<(String, Policy)>;
    /// Largest accepted request body.
    fn body_limit(&self) -> usize;
    /// The dialect's error response.
    fn error(&self, status: StatusCode, code: &str, message: &str) -> Response;
    /// Rate-limit headers the dialect puts on every response.
    fn rate_headers(&self, resp: &mut Response, d: &Decision);
    /// The body of a 429.
    fn rate_limited(&self, d: &Decision) -> Response;
    /// The answer to a request without a usable key (`missing`: none was sent at all).
    fn unauthorized(&self, missing: bool) -> Response {
        let message = if missing {
            "missing API key: send it as 'Authorization: Bearer <key>'"
        } else {
            "invalid or revoked API key; create a new one in the dashboard"
        };
        self.error(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }
    /// The answer to a request body over [`Dialect::body_limit`].
    fn too_large(&self, limit: usize) -> Response {
        self.error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "file_too_large",
            &too_large_message(limit),
        )
    }
}

pub fn bearer(req: &Request) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

pub fn x_api_key(req: &Request) -> Option<String> {
    Some(
        req.headers()
            .get("x-api-key")?
            .to_str()
            .ok()?
            .trim()
            .to_string(),
    )
}

pub struct Edge {
    pub state: State,
    pub dialects: Vec<Arc<dyn Dialect>>,
}

impl<E: Endpoint> Middleware<E> for Edge {
    type Output = EdgeEndpoint<E>;
    fn transform(&self, ep: E) -> Self::Output {
        EdgeEndpoint {
            inner: ep,
            state: self.state.clone(),
            dialects: self.dialects.clone(),
        }
    }
}

pub struct EdgeEndpoint<E> {
    inner: E,
    state: State,
    dialects: Vec<Arc<dyn Dialect>>,
}

/// Set when a streaming body went past its limit, so the parse error becomes a 413.
#[derive(Clone, Default)]
struct Overflow(Arc<AtomicBool>);

pub fn too_large_message(limit: usize) -> String {
    format!(
        "the request is larger than {:.0} MB; send a smaller image",
        limit as f64 / 1_048_576.0
    )
}

impl<E: Endpoint> Endpoint for EdgeEndpoint<E> {
    type Output = Response;

    async fn call(&self, mut req: Request) -> poem::Result<Response> {
        let Some(dialect) = self
            .dialects
            .iter()
            .find(|d| d.owns(req.uri().path()))
            .cloned()
        else {
            return self.inner.call(req).await.map(IntoResponse::into_response);
        };
        let limit = dialect.body_limit();
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if declared.is_some_and(|n| n > limit) {
            return Ok(dialect.too_large(limit));
        }
        let overflow = Overflow::default();
        limit_body(&mut req, limit, overflow.clone());

        let mut decision = None;
        if !dialect.is_public(&req) {
            let Some(secret) = dialect.key(&req).filter(|k| !k.is_empty()) else {
                return Ok(dialect.unauthorized(true));
            };
            let auth = match self.state.domain.authenticate(&secret).await {
                Ok(Some(auth)) => auth,
                Ok(None) => return Ok(dialect.unauthorized(false)),
                Err(e) => {
                    tracing::error!(error = %e, "authentication failed");
                    return Ok(dialect.error(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "internal_error",
                        "the server could not check the key; retry shortly",
                    ));
                }
            };
            if let Some((bucket, policy)) = dialect.policy(&req, &auth, &self.state) {
                match self
                    .state
                    .limiter
                    .hit(&format!("{bucket}:{}", auth.key_id), policy)
                    .await
                {
                    Ok(d) if !d.allowed => {
                        let mut resp = dialect.rate_limited(&d);
                        dialect.rate_headers(&mut resp, &d);
                        let secs = d.reset_after.as_secs_f64().ceil().max(1.0) as u64;
                        resp.headers_mut()
                            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
                        return Ok(resp);
                    }
                    Ok(d) => decision = Some(d),
                    // Failing open: a rate-limiter outage must not take the API down.
                    Err(e) => {
                        tracing::warn!(error = %e, "rate limiter unavailable; request allowed")
                    }
                }
            }
            req.extensions_mut().insert(auth);
        }

        let mut resp = match self.inner.call(req).await {
            Ok(r) => r.into_response(),
            Err(e) => reshape(&*dialect, e),
        };
        if overflow.0.load(Ordering::SeqCst) {
            resp = dialect.too_large(limit);
        } else if !is_json(&resp)
            && (resp.status().is_client_error() || resp.status().is_server_error())
        {
            let status = resp.status();
            let text = resp.take_body().into_string().await.unwrap_or_default();
            resp = dialect.error(status, &code_for(status), &text);
        }
        if let Some(d) = decision {
            dialect.rate_headers(&mut resp, &d);
        }
        Ok(resp)
    }
}

fn is_json(resp: &Response) -> bool {
    resp.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

fn reshape(dialect: &dyn Dialect, e: poem::Error) -> Response {
    let status = e.status();
    let message = e.to_string();
    let resp = e.into_response();
    if is_json(&resp) {
        return resp;
    }
    if status.is_server_error() {
        tracing::error!(error = %message, "request failed");
        return dialect.error(
            status,
            "internal_error",
            "an unexpected error occurred; retry shortly",
        );
    }
    dialect.error(status, &code_for(status), &message)
}

fn code_for(status: StatusCode) -> String {
    match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "file_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::TOO_MANY_REQUESTS => "rate_limited",
        s if s.is_server_error() => "internal_error",
        _ => "error",
    }
    .to_string()
}

/// Count body bytes as they arrive; past `limit` the stream fails and `overflow` is set.
fn limit_body(req: &mut Request, limit: usize, overflow: Overflow) {
    let seen = Arc::new(AtomicUsize::new(0));
    let stream = req.take_body().into_bytes_stream().map(move |chunk| {
        let chunk = chunk?;
        if seen.fetch_add(chunk.len(), Ordering::SeqCst) + chunk.len() > limit {
            overflow.0.store(true, Ordering::SeqCst);
            return Err(std::io::Error::other("request body too large"));
        }
        Ok(chunk)
    });
    req.set_body(Body::from_bytes_stream(stream));
}
