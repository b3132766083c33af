//! The DermIQ dialect (`/v1/*`): asynchronous analysis with polling, exactly as DermIQ's
//! clients expect (paths, fields, status codes, `{"error","message"}` bodies).
mod dialect;
mod errors;
mod handlers;
mod schemas;

pub use dialect::DermiqDialect;
pub use errors::ErrorBody;
pub use handlers::DermiqApi;
