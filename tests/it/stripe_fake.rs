//! A local HTTP fake of the Stripe endpoints Dermis calls (`POST /v1/checkout/sessions`) plus a
//! stand-in for the hosted Checkout page, and webhook deliveries signed exactly like Stripe's
//! (`Stripe-Signature: t=…,v1=hex(HMAC-SHA256(secret, "{t}.{payload}"))`). The fake checks the
//! secret key and records every session it creates, so tests can assert what the app asked for.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use hmac::{Hmac, Mac};
use poem::http::StatusCode;
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::web::{Data, Form, Html, Path};
use poem::{get, handler, post, EndpointExt, IntoResponse, Request, Response, Route, Server};
use serde_json::{json, Value};
use sha2::Sha256;

pub const SECRET_KEY: &str = "sk_test_dermis_fake";
pub const WEBHOOK_SECRET: &str = "whsec_dermis_test_secret";

/// A Checkout Session as the app asked for it (form fields of the create request).
#[derive(Debug, Clone)]
pub struct CreatedSession {
    pub id: String,
    pub fields: HashMap<String, String>,
}

impl CreatedSession {
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

#[derive(Default)]
struct State {
    base: String,
    sessions: Vec<CreatedSession>,
}

type Shared = Arc<Mutex<State>>;

pub struct StripeFake {
    /// The API base to configure Dermis with (`http://127.0.0.1:port/`).
    pub api_base: String,
    state: Shared,
    _server: tokio::task::JoinHandle<()>,
}

impl StripeFake {
    pub async fn start() -> StripeFake {
        let state: Shared = Arc::default();
        let acceptor = TcpListener::bind("127.0.0.1:0")
            .into_acceptor()
            .await
            .expect("fake Stripe binds");
        let addr = acceptor.local_addr()[0]
            .as_socket_addr()
            .copied()
            .expect("an address");
        let base = format!("http://{addr}");
        state.lock().unwrap().base = base.clone();
        let app = Route::new()
            .at("/v1/checkout/sessions", post(create_session))
            .at("/c/pay/:id", get(checkout_page))
            .at("/c/pay/:id/complete", post(complete))
            .at("/c/pay/:id/cancel", post(cancel))
            .data(state.clone());
        let server = tokio::spawn(async move {
            let _ = Server::new_with_acceptor(acceptor).run(app).await;
        });
        StripeFake {
            api_base: format!("{base}/"),
            state,
            _server: server,
        }
    }

    pub fn sessions(&self) -> Vec<CreatedSession> {
        self.state.lock().unwrap().sessions.clone()
    }

    pub fn last_session(&self) -> CreatedSession {
        self.sessions()
            .last()
            .cloned()
            .expect("the app created a Checkout Session")
    }
}

#[handler]
fn create_session(
    req: &Request,
    state: Data<&Shared>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if auth != format!("Bearer {SECRET_KEY}") {
        return poem::web::Json(json!({"error": {"type": "invalid_request_error",
            "message": "Invalid API Key provided"}}))
        .with_status(StatusCode::UNAUTHORIZED)
        .into_response();
    }
    let fields: HashMap<String, String> = fields.into_iter().collect();
    let id = format!("cs_test_{}", uuid::Uuid::new_v4().simple());
    let mut st = state.lock().unwrap();
    let session = session_object(&id, &fields, &st.base, "open", "unpaid");
    st.sessions.push(CreatedSession { id, fields });
    poem::web::Json(session).into_response()
}

/// A Checkout Session object shaped like Stripe's (the fields async-stripe requires, and the
/// ones Dermis reads).
fn session_object(
    id: &str,
    fields: &HashMap<String, String>,
    base: &str,
    status: &str,
    payment_status: &str,
) -> Value {
    let get = |k: &str| fields.get(k).cloned();
    let mut metadata = serde_json::Map::new();
    for (k, v) in fields {
        if let Some(key) = k
            .strip_prefix("metadata[")
            .and_then(|k| k.strip_suffix(']'))
        {
            metadata.insert(key.to_string(), Value::String(v.clone()));
        }
    }
    let amount: i64 = get("line_items[0][price_data][unit_amount]")
        .and_then(|a| a.parse().ok())
        .unwrap_or(0);
    let now = now();
    json!({
        "id": id,
        "object": "checkout.session",
        "amount_subtotal": amount,
        "amount_total": amount,
        "automatic_tax": {"enabled": false, "liability": null, "provider": null, "status": null},
        "cancel_url": get("cancel_url"),
        "client_reference_id": get("client_reference_id"),
        "created": now,
        "currency": get("line_items[0][price_data][currency]"),
        "custom_fields": [],
        "custom_text": {"after_submit": null, "shipping_address": null, "submit": null,
                        "terms_of_service_acceptance": null},
        "customer_email": get("customer_email"),
        "expires_at": now + 86400,
        "livemode": false,
        "metadata": metadata,
        "mode": get("mode").unwrap_or_else(|| "payment".into()),
        "payment_method_types": ["card"],
        "payment_status": payment_status,
        "shipping_options": [],
        "status": status,
        "success_url": get("success_url"),
        "url": if status == "open" { Some(format!("{base}/c/pay/{id}")) } else { None },
    })
}

fn find(state: &Shared, id: &str) -> Option<CreatedSession> {
    state
        .lock()
        .unwrap()
        .sessions
        .iter()
        .find(|s| s.id == id)
        .cloned()
}

/// The stand-in for Stripe's hosted payment page: two buttons, no card form.
#[handler]
fn checkout_page(Path(id): Path<String>, state: Data<&Shared>) -> Response {
    let Some(s) = find(&state, &id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    Html(format!(
        r#"<!doctype html><html><head><meta name="viewport" content="width=device-width">
<title>Fake Stripe Checkout</title></head><body style="font-family:sans-serif;padding:30px">
<h1>Fake Stripe Checkout</h1><p id="amount">{} {} — {}</p>
<form method="post" action="/c/pay/{id}/complete"><button id="pay" type="submit">Pay</button></form>
<form method="post" action="/c/pay/{id}/cancel"><button id="cancel" type="submit">Cancel</button></form>
</body></html>"#,
        s.field("line_items[0][price_data][unit_amount]"),
        s.field("line_items[0][price_data][currency]"),
        s.field("line_items[0][price_data][product_data][name]"),
    ))
    .into_response()
}

fn redirect(to: &str) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header("location", to)
        .finish()
}

/// "Paying" only sends the browser back, like Stripe: the credits must come from the webhook.
#[handler]
fn complete(Path(id): Path<String>, state: Data<&Shared>) -> Response {
    match find(&state, &id) {
        Some(s) => redirect(&s.field("success_url").replace("{CHECKOUT_SESSION_ID}", &id)),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[handler]
fn cancel(Path(id): Path<String>, state: Data<&Shared>) -> Response {
    match find(&state, &id) {
        Some(s) => redirect(s.field("cancel_url")),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The `checkout.session.completed` event Stripe sends once the session is paid.
pub fn completed_event(session: &CreatedSession, payment_status: &str) -> String {
    let object = session_object(&session.id, &session.fields, "", "complete", payment_status);
    json!({
        "id": format!("evt_{}", uuid::Uuid::new_v4().simple()),
        "object": "event",
        "api_version": "2025-11-17.clover",
        "created": now(),
        "data": {"object": object},
        "livemode": false,
        "pending_webhooks": 1,
        "request": {"id": null, "idempotency_key": null},
        "type": "checkout.session.completed",
    })
    .to_string()
}

/// `Stripe-Signature` for `payload` signed with `secret` at Unix time `t`.
pub fn signature(payload: &str, secret: &str, t: i64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{payload}").as_bytes());
    format!("t={t},v1={}", hex_of(&mac.finalize().into_bytes()))
}

/// Unix seconds now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// POST a webhook to the app, as Stripe does.
pub async fn deliver(base: &str, payload: &str, signature: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base}/stripe/webhook"))
        .header("content-type", "application/json; charset=utf-8")
        .header("stripe-signature", signature)
        .body(payload.to_string())
        .send()
        .await
        .unwrap()
}

/// Deliver `payload` signed now with the right secret.
pub async fn deliver_signed(base: &str, payload: &str) -> reqwest::Response {
    let sig = signature(payload, WEBHOOK_SECRET, now());
    deliver(base, payload, &sig).await
}
