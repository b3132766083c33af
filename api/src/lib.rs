//! The public HTTP APIs: the DermIQ dialect (`/v1`), documented with poem-openapi (spec at
//! `/openapi.json`, Swagger UI at `/docs`), behind the dialect edge (auth, limits, error shapes)
//! and the observability middleware. Invariant: handlers parse, call a domain command or
//! query, and map the result; they never touch the database directly.
pub mod dermiq;
pub mod edge;
pub mod observe;
pub mod ratelimit;
pub mod skinn;
pub mod state;
pub mod upload;

use std::sync::Arc;

use poem::{get, EndpointExt, Route};
use poem_openapi::{OpenApiService, Tags};

pub use state::{ApiState, PlanLimits, State};

#[derive(Tags)]
pub enum ApiTags {
    /// DermIQ-compatible asynchronous skin analysis (`/v1`).
    #[oai(rename = "DermIQ")]
    DermIq,
}

pub const DESCRIPTION: &str = "Dermis: self-hostable skin analysis speaking the DermIQ dialect. \
Scores are computed from the image by documented image-analysis methods and face models; they \
describe the photo, not a diagnosis. Dermis is not a medical device.";

pub fn openapi(base_url: &str) -> OpenApiService<dermiq::DermiqApi, ()> {
    OpenApiService::new(dermiq::DermiqApi, "Dermis API", env!("CARGO_PKG_VERSION"))
        .description(DESCRIPTION)
        .server(base_url)
}

/// Mount every public API route on `route`: the dialects (behind the edge), the OpenAPI document,
/// Swagger UI, metrics and a liveness probe. The caller adds `observe::Observe` around the whole
/// application so every page gets a request id and metrics.
pub fn mount(route: Route, state: State, base_url: &str) -> Route {
    let api = openapi(base_url);
    let spec = api.spec_endpoint();
    let docs = api.swagger_ui();
    let edge = || edge::Edge {
        state: state.clone(),
        dialects: vec![Arc::new(dermiq::DermiqDialect)],
    };
    // The service knows its full paths (`/v1/...`), so it is mounted without stripping.
    route
        .nest_no_strip("/v1", api.with(edge()).data(state.clone()))
        .at("/openapi.json", spec)
        .nest("/docs", docs)
        .at("/metrics", get(observe::metrics))
        .at("/healthz", get(poem::endpoint::make_sync(|_| "ok")))
}
