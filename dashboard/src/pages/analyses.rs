//! Analyses: the list, and a detail page with score cards and a mask viewer. The viewer is a
//! plain GET form (mask + opacity) that works without JavaScript; the script only applies
//! changes live. Photos and masks are served through the session, never by public URL.
use std::sync::Arc;

use askama::Template;
use entities::models::analysis;
use jobs::storage::analysis_key;
use poem::http::header;
use poem::web::{Data, Json, Path, Query};
use poem::{handler, IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use super::when;
use crate::app::App;
use crate::csrf::CsrfToken;
use crate::error::{DashError, PageResult};
use crate::layout::{render, Layout};
use crate::session::Session;

const PAGE: u64 = 20;

/// One analysis in a table.
pub struct Row {
    pub id: Uuid,
    pub short: String,
    pub kind: String,
    pub endpoint: String,
    pub status: String,
    pub created: String,
    pub score: String,
}

impl From<&analysis::Model> for Row {
    fn from(a: &analysis::Model) -> Self {
        Row {
            id: a.id,
            short: a.id.to_string()[..8].to_string(),
            kind: a.kind.clone(),
            endpoint: a.endpoint.clone(),
            status: a.status.clone(),
            created: when(&a.created_at),
            score: a
                .overall_score
                .map(|s| format!("{s:.0}"))
                .unwrap_or_else(|| "—".into()),
        }
    }
}

#[derive(Template)]
#[template(path = "dashboard/analyses.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<Row>,
    page: u64,
    more: bool,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<u64>,
}

#[handler]
pub async fn list(
    app: Data<&Arc<App>>,
    session: Session,
    csrf: CsrfToken,
    Query(q): Query<PageQuery>,
) -> PageResult {
    let page = q.page.unwrap_or(1).max(1);
    // One more than a page tells whether there is a next page.
    let mut rows = app
        .domain
        .analyses_of(session.account_id, (page - 1) * PAGE, PAGE + 1)
        .await?;
    let more = rows.len() as u64 > PAGE;
    rows.truncate(PAGE as usize);
    render(&ListPage {
        layout: Layout::new(&session, &csrf.0, "analyses"),
        rows: rows.iter().map(Row::from).collect(),
        page,
        more,
    })
}

/// A score card: a 0–100 score (higher = healthier) and what it was measured from.
pub struct Card {
    pub label: String,
    pub score: f64,
    /// How far a JPEG upload's compression may have moved the score (`jpeg_spread`), when it
    /// reaches a point.
    pub spread: Option<f64>,
    pub detail: String,
}

/// Cards from DermIQ's `result_json`: every `hd_*` metric with a `ui_score` (wrinkles use
/// their `whole` score), alphabetically, with its JPEG spread where the report has one.
fn cards(result: &Value) -> Vec<Card> {
    let Some(obj) = result.as_object() else {
        return vec![];
    };
    let spreads = &result["jpeg_spread"]["scores"];
    obj.iter()
        .filter(|(k, _)| k.starts_with("hd_"))
        .filter_map(|(k, v)| {
            let (m, path) = if v.get("ui_score").is_some() {
                (v, k.clone())
            } else {
                (v.get("whole")?, format!("{k}.whole"))
            };
            let score = m.get("ui_score")?.as_f64()?;
            let measured = match (m.get("raw_score").and_then(Value::as_f64), m.get("unit")) {
                (Some(raw), Some(Value::String(unit))) => format!("{raw:.1} {unit}"),
                _ => String::new(),
            };
            Some(Card {
                label: label_of(k),
                score,
                spread: spreads[&path].as_f64().filter(|s| *s >= 1.0),
                detail: measured,
            })
        })
        .collect()
}

fn label_of(key: &str) -> String {
    let words = key.trim_start_matches("hd_").replace('_', " ");
    let mut c = words.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Mask names for the picker: a readable label beside the file name.
pub struct MaskOption {
    pub name: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "dashboard/analysis.html")]
struct DetailPage {
    layout: Layout,
    a: Row,
    finished: bool,
    error: Option<String>,
    overall: Option<f64>,
    skin_age: Option<i32>,
    processing_ms: Option<i64>,
    cards: Vec<Card>,
    masks: Vec<MaskOption>,
    mask: Option<String>,
    opacity: u32,
}

impl DetailPage {
    /// Opacity as a CSS value (0–1).
    fn opacity_css(&self) -> String {
        format!("{:.2}", f64::from(self.opacity) / 100.0)
    }

    /// Region masks are grey (255 inside, 0 outside): drawn with `screen` blending, so outside
    /// stays the photo and inside lightens, instead of a black veil over everything.
    fn overlay_class(&self) -> &'static str {
        match &self.mask {
            Some(m) if m == "skin_mask.png" || m.starts_with("mask_") => "overlay region",
            _ => "overlay",
        }
    }
}

#[derive(Deserialize)]
pub struct ViewQuery {
    mask: Option<String>,
    opacity: Option<u32>,
}

async fn own(app: &App, session: &Session, id: Uuid) -> Result<analysis::Model, DashError> {
    app.domain
        .analysis_of(session.account_id, id)
        .await?
        .ok_or(DashError::NotFound("analysis"))
}

fn mask_names(a: &analysis::Model) -> Vec<String> {
    serde_json::from_value(a.mask_filenames.clone()).unwrap_or_default()
}

#[handler]
pub async fn detail(
    app: Data<&Arc<App>>,
    session: Session,
    csrf: CsrfToken,
    Path(id): Path<Uuid>,
    Query(q): Query<ViewQuery>,
) -> PageResult {
    let a = own(&app, &session, id).await?;
    let names = mask_names(&a);
    let shown = q
        .mask
        .filter(|m| names.contains(m))
        .or_else(|| names.first().cloned());
    let result = a.result_json.clone().unwrap_or(Value::Null);
    render(&DetailPage {
        layout: Layout::new(&session, &csrf.0, "analyses"),
        finished: a.status == "completed" || a.status == "failed",
        error: a.error_message.clone().map(|m| match &a.error_code {
            Some(code) => format!("{m} ({code})"),
            None => m,
        }),
        overall: a.overall_score,
        skin_age: a.skin_age,
        processing_ms: a.processing_time_ms,
        cards: cards(&result),
        masks: names
            .iter()
            .map(|n| MaskOption {
                name: n.clone(),
                label: n.trim_end_matches(".png").replace('_', " "),
                selected: shown.as_ref() == Some(n),
            })
            .collect(),
        mask: shown,
        opacity: q.opacity.unwrap_or(70).min(100),
        a: Row::from(&a),
    })
}

/// `{"status": …}` for the try-it page's polling script.
#[handler]
pub async fn status(
    app: Data<&Arc<App>>,
    session: Session,
    Path(id): Path<Uuid>,
) -> Result<Json<Value>, DashError> {
    let a = own(&app, &session, id).await?;
    Ok(Json(serde_json::json!({ "status": a.status })))
}

/// The analysed photo, as the engine saw it (EXIF orientation applied, at most 1024 px), so
/// the masks line up with it pixel for pixel whatever the upload's format.
#[handler]
pub async fn photo(
    app: Data<&Arc<App>>,
    session: Session,
    Path(id): Path<Uuid>,
) -> Result<Response, DashError> {
    let a = own(&app, &session, id).await?;
    let bytes = app
        .storage
        .get(&a.input_key)
        .await
        .map_err(DashError::internal)?
        .ok_or(DashError::NotFound("photo"))?;
    let jpeg = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, String> {
        let img = jobs::vision::decode::decode(&bytes).map_err(|e| e.to_string())?;
        let mut out = std::io::Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(img)
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .map_err(|e| e.to_string())?;
        Ok(out.into_inner())
    })
    .await
    .map_err(DashError::internal)?
    .map_err(|_| DashError::NotFound("displayable photo"))?;
    Ok(image_response(jpeg, "image/jpeg"))
}

#[handler]
pub async fn mask(
    app: Data<&Arc<App>>,
    session: Session,
    Path((id, name)): Path<(Uuid, String)>,
) -> Result<Response, DashError> {
    let a = own(&app, &session, id).await?;
    // Only names the analysis recorded: nothing else of the bucket is reachable from here.
    if !mask_names(&a).contains(&name) {
        return Err(DashError::NotFound("mask"));
    }
    let png = app
        .storage
        .get(&analysis_key(id, &name))
        .await
        .map_err(DashError::internal)?
        .ok_or(DashError::NotFound("mask"))?;
    Ok(image_response(png, "image/png"))
}

/// Results never change once written; the browser may keep them (privately).
fn image_response(bytes: Vec<u8>, mime: &'static str) -> Response {
    bytes
        .with_content_type(mime)
        .with_header(header::CACHE_CONTROL, "private, max-age=86400")
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_come_from_hd_metrics_in_order() {
        let r = serde_json::json!({
            "all": {"score": 71.0},
            "hd_acne": {"ui_score": 80.0, "raw_score": 3.0, "unit": "lesions", "area_pct": 0.1},
            "hd_wrinkle": {"whole": {"ui_score": 60.0, "raw_score": 1.5, "unit": "% of area"},
                            "forehead": {"ui_score": 50.0, "raw_score": 1.0, "unit": "% of area"}},
            "skin_age": 33,
            "jpeg_spread": {"quality": 60, "draws": 8,
                            "scores": {"hd_acne": 0.4, "hd_wrinkle.whole": 2.8}}
        });
        let c = cards(&r);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].label.as_str(), c[0].score), ("Acne", 80.0));
        assert_eq!(c[0].detail, "3.0 lesions");
        assert_eq!((c[1].label.as_str(), c[1].score), ("Wrinkle", 60.0));
        // Spreads under a point are not shown; the wrinkle card takes the whole's.
        assert_eq!((c[0].spread, c[1].spread), (None, Some(2.8)));
    }
}
