use poem::http::StatusCode;
use poem::{Request, Response};

use crate::dermiq::DermiqDialect;
use crate::edge::{x_api_key, Dialect};
use crate::ratelimit::{Decision, Policy};
use crate::state::State;

/// Largest accepted upload (Skin Shade's documented 5 MB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
const FORM_OVERHEAD: usize = 64 * 1024;

pub struct ShadeDialect;

impl Dialect for ShadeDialect {
    fn owns(&self, path: &str) -> bool {
        matches!(
            path,
            "/api/skinshade" | "/api/generatekey" | "/api/skinshade-health"
        )
    }

    fn is_public(&self, req: &Request) -> bool {
        req.uri().path() != "/api/skinshade"
    }

    fn key(&self, req: &Request) -> Option<String> {
        x_api_key(req)
    }

    /// Skin Shade meters a monthly quota per key (in the domain, see the handler), not a rate.
    fn policy(&self, _: &Request, _: &entities::KeyAuth, _: &State) -> Option<(String, Policy)> {
        None
    }

    fn body_limit(&self) -> usize {
        MAX_FILE_BYTES + FORM_OVERHEAD
    }

    /// `{error, message}`, like DermIQ. A request that is not multipart at all has "no file
    /// part": Skin Shade documents that as 400, not 415.
    fn error(&self, status: StatusCode, code: &str, message: &str) -> Response {
        if status == StatusCode::UNSUPPORTED_MEDIA_TYPE || status == StatusCode::BAD_REQUEST {
            return DermiqDialect.error(
                StatusCode::BAD_REQUEST,
                "no_file",
                &format!(
                    "no file part: send multipart/form-data with the image as 'file' ({message})"
                ),
            );
        }
        DermiqDialect.error(status, code, message)
    }

    /// Skin Shade documents 403 for a missing or invalid key.
    fn unauthorized(&self, missing: bool) -> Response {
        let message = if missing {
            "missing API key: send it in the x-api-key header (get one from GET /api/generatekey)"
        } else {
            "invalid or revoked API key"
        };
        self.error(StatusCode::FORBIDDEN, "forbidden", message)
    }

    fn rate_headers(&self, _: &mut Response, _: &Decision) {}

    fn rate_limited(&self, d: &Decision) -> Response {
        DermiqDialect.rate_limited(d)
    }
}
