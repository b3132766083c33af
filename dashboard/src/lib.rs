//! The developer dashboard, rendered on the server with askama (templates in `/templates`).
//! For now: the home page that points to the API docs; sign-up, keys, billing and usage follow.
use askama::Template;
use poem::web::Html;
use poem::{get, handler, Route};

#[derive(Template)]
#[template(path = "home.html")]
struct Home<'a> {
    base_url: &'a str,
}

#[handler]
fn home(base: poem::web::Data<&BaseUrl>) -> poem::Result<Html<String>> {
    let page = Home {
        base_url: &base.0 .0,
    }
    .render()
    .map_err(poem::error::InternalServerError)?;
    Ok(Html(page))
}

#[derive(Clone)]
struct BaseUrl(String);

pub fn routes(base_url: &str) -> impl poem::Endpoint {
    use poem::EndpointExt;
    Route::new()
        .at("/", get(home))
        .data(BaseUrl(base_url.to_string()))
}
