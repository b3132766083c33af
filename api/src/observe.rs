//! Observability at the HTTP edge: a request id on every request (taken from `X-Request-Id` or
//! made up), a tracing span carrying it, and Prometheus metrics served at `/metrics`.
use std::sync::LazyLock;
use std::time::Instant;

use poem::http::HeaderValue;
use poem::{handler, Endpoint, IntoResponse, Middleware, Request, Response};
use prometheus::{Encoder, HistogramVec, IntCounterVec, TextEncoder};
use tracing::Instrument;

/// The id of the request being served; stored in event metadata too.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

impl RequestId {
    /// Event metadata for a change made through the API with `auth`'s key in this request.
    pub fn metadata(&self, auth: &entities::KeyAuth) -> entities::events::Metadata {
        entities::events::Metadata {
            request_id: Some(self.0.clone()),
            actor: "api".into(),
            key_id: Some(auth.key_id),
        }
    }
}

static REQUESTS: LazyLock<IntCounterVec> = LazyLock::new(|| {
    prometheus::register_int_counter_vec!(
        "dermis_http_requests_total",
        "HTTP requests by route and status",
        &["method", "route", "status"]
    )
    .expect("metric registers")
});
static LATENCY: LazyLock<HistogramVec> = LazyLock::new(|| {
    prometheus::register_histogram_vec!(
        "dermis_http_request_duration_seconds",
        "HTTP request latency",
        &["method", "route"]
    )
    .expect("metric registers")
});

/// The route with ids replaced, so metrics do not get one series per analysis.
fn route_of(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if uuid::Uuid::parse_str(seg).is_ok() || seg.ends_with(".png") {
                ":id"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub struct Observe;

impl<E: Endpoint> Middleware<E> for Observe {
    type Output = ObserveEndpoint<E>;
    fn transform(&self, ep: E) -> Self::Output {
        ObserveEndpoint(ep)
    }
}

pub struct ObserveEndpoint<E>(E);

impl<E: Endpoint> Endpoint for ObserveEndpoint<E> {
    type Output = Response;

    async fn call(&self, mut req: Request) -> poem::Result<Response> {
        let id = req
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .filter(|v| !v.is_empty() && v.len() <= 128)
            .map(str::to_string)
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        req.extensions_mut().insert(RequestId(id.clone()));
        let method = req.method().to_string();
        let route = route_of(req.uri().path());
        let span =
            tracing::info_span!("request", request_id = %id, %method, path = %req.uri().path());
        let started = Instant::now();
        let result = self.0.call(req).instrument(span.clone()).await;
        let mut resp = match result {
            Ok(r) => r.into_response(),
            Err(e) => e.into_response(),
        };
        let status = resp.status().as_u16();
        let elapsed = started.elapsed();
        REQUESTS
            .with_label_values(&[&method, &route, &status.to_string()])
            .inc();
        LATENCY
            .with_label_values(&[&method, &route])
            .observe(elapsed.as_secs_f64());
        span.in_scope(|| tracing::info!(status, elapsed_ms = elapsed.as_millis() as u64, "served"));
        if let Ok(v) = HeaderValue::from_str(&id) {
            resp.headers_mut().insert("x-request-id", v);
        }
        Ok(resp)
    }
}

/// Prometheus text exposition of every registered metric.
#[handler]
pub fn metrics() -> impl IntoResponse {
    let mut buf = Vec::new();
    let encoder = TextEncoder::new();
    encoder.encode(&prometheus::gather(), &mut buf).ok();
    Response::builder()
        .content_type(encoder.format_type())
        .body(buf)
}
