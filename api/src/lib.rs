//! The public HTTP APIs: the DermIQ (`/v1`), SKINN AI (`/api/v1`) and Skin Shade (`/api/...`)
//! dialects, documented with poem-openapi (spec at
//! `/openapi.json`, Swagger UI at `/docs`), behind the dialect edge (auth, limits, error shapes)
//! and the observability middleware. Invariant: handlers parse, call a domain command or
//! query, and map the result; they never touch the database directly.
pub mod dermiq;
pub mod edge;
pub mod fetch;
pub mod inline;
pub mod mailer;
pub mod observe;
pub mod ratelimit;
pub mod shade;
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
    /// SKINN AI-compatible synchronous clinic report (`/api/v1`).
    #[oai(rename = "SKINN AI")]
    Skinn,
    /// Skin Shade-compatible shade detection (`/api/skinshade`, `/api/generatekey`).
    #[oai(rename = "Skin Shade")]
    SkinShade,
}

pub const DESCRIPTION: &str = "Dermis: self-hostable skin analysis speaking the DermIQ, SKINN AI \
and Skin Shade dialects on the same accounts and credits. \
Scores are computed from the image by documented image-analysis methods and face models; they \
describe the photo, not a diagnosis. Dermis is not a medical device.";

type Apis = (dermiq::DermiqApi, skinn::SkinnApi, shade::ShadeApi);

pub fn openapi(base_url: &str) -> OpenApiService<Apis, ()> {
    let apis = (
        dermiq::DermiqApi,
        skinn::SkinnApi {
            docs: format!("{base_url}/docs"),
        },
        shade::ShadeApi,
    );
    OpenApiService::new(apis, "Dermis API", env!("CARGO_PKG_VERSION"))
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
    let edge = edge::Edge {
        state: state.clone(),
        dialects: vec![
            Arc::new(dermiq::DermiqDialect),
            Arc::new(skinn::SkinnDialect {
                docs: format!("{base_url}/docs"),
            }),
            Arc::new(shade::ShadeDialect),
        ],
    };
    // The service knows its full paths (`/v1/...`, `/api/...`), so it is mounted without
    // stripping, under both prefixes; everything else belongs to the dashboard.
    let apis = Arc::new(api.with(edge).data(state.clone()));
    route
        .nest_no_strip("/v1", apis.clone())
        .nest_no_strip("/api", apis)
        .at("/openapi.json", spec)
        .nest("/docs", docs)
        .at("/metrics", get(observe::metrics))
        .at("/healthz", get(poem::endpoint::make_sync(|_| "ok")))
}
