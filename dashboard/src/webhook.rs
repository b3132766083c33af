//! `POST /stripe/webhook`: the only way purchased credits arrive. The `Stripe-Signature`
//! header (`t=…,v1=hex(HMAC-SHA256(secret, "{t}.{body}"))`) is verified by async-stripe's
//! `Webhook::construct_event`, which also refuses timestamps more than 5 minutes away. A paid
//! `checkout.session.completed` (or a later `checkout.session.async_payment_succeeded`)
//! credits the pack with the Checkout Session id as the reference, so a redelivered or replayed
//! event adds nothing.
use std::sync::Arc;

use entities::events::Metadata;
use poem::http::StatusCode;
use poem::web::{Data, Json};
use poem::{handler, Body, IntoResponse, Request, Response};
use serde_json::json;
use stripe_checkout::{CheckoutSession, CheckoutSessionPaymentStatus};
use stripe_webhook::{EventObject, Webhook};
use tokio::io::AsyncReadExt;
use uuid::Uuid;

use crate::app::App;

/// Stripe events are a few kB; anything far larger is not one.
const MAX_BODY: u64 = 512 * 1024;

fn reply(status: StatusCode, message: &str) -> Response {
    Json(json!({ "received": status.is_success(), "message": message }))
        .with_status(status)
        .into_response()
}

#[handler]
pub async fn receive(app: Data<&Arc<App>>, req: &Request, body: Body) -> Response {
    let Some(stripe) = &app.stripe else {
        return reply(StatusCode::NOT_FOUND, "billing is not configured");
    };
    let mut raw = Vec::new();
    if Box::pin(body.into_async_read())
        .take(MAX_BODY + 1)
        .read_to_end(&mut raw)
        .await
        .is_err()
        || raw.len() as u64 > MAX_BODY
    {
        return reply(StatusCode::PAYLOAD_TOO_LARGE, "body too large");
    }
    let Ok(payload) = String::from_utf8(raw) else {
        return reply(StatusCode::BAD_REQUEST, "body is not UTF-8");
    };
    let signature = req
        .headers()
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let event = match Webhook::construct_event(&payload, signature, &stripe.settings.webhook_secret)
    {
        Ok(e) => e,
        Err(e) => {
            tracing::warn!(error = %e, "Stripe webhook refused");
            return reply(StatusCode::BAD_REQUEST, &format!("refused: {e}"));
        }
    };
    let session = match event.data.object {
        EventObject::CheckoutSessionCompleted(s) if paid(&s) => s,
        EventObject::CheckoutSessionAsyncPaymentSucceeded(s) => s,
        // Unpaid completions (a bank debit still pending) and every other event: nothing to do.
        _ => return reply(StatusCode::OK, "ignored"),
    };
    let meta = Metadata {
        request_id: Some(event.id.to_string()),
        ..Metadata::actor("stripe")
    };
    credit(&app, &session, stripe.settings.pack_credits, &meta).await
}

fn paid(s: &CheckoutSession) -> bool {
    s.payment_status == CheckoutSessionPaymentStatus::Paid
}

async fn credit(app: &App, s: &CheckoutSession, pack_credits: i64, meta: &Metadata) -> Response {
    let Some(account_id) = s
        .client_reference_id
        .as_deref()
        .and_then(|r| Uuid::parse_str(r).ok())
    else {
        return reply(
            StatusCode::OK,
            "not a Dermis checkout (no account reference)",
        );
    };
    match app.domain.account(account_id).await {
        Ok(Some(_)) => {}
        Ok(None) => {
            tracing::error!(%account_id, session = %s.id, "paid checkout for an unknown account");
            return reply(StatusCode::UNPROCESSABLE_ENTITY, "unknown account");
        }
        Err(e) => {
            tracing::error!(error = %e, "webhook could not read the account");
            return reply(StatusCode::INTERNAL_SERVER_ERROR, "try again");
        }
    }
    // What the session was created for; the pack size only if the metadata is missing.
    let credits = s
        .metadata
        .as_ref()
        .and_then(|m| m.get("credits"))
        .and_then(|c| c.parse::<i64>().ok())
        .filter(|c| *c > 0)
        .unwrap_or(pack_credits);
    match app
        .domain
        .purchase_credits(account_id, credits, s.id.as_str(), meta)
        .await
    {
        Ok(true) => {
            tracing::info!(%account_id, credits, session = %s.id, "credit pack purchased");
            reply(StatusCode::OK, "credited")
        }
        Ok(false) => reply(StatusCode::OK, "already credited"),
        Err(e) => {
            // A non-2xx answer makes Stripe deliver the event again later.
            tracing::error!(error = %e, "crediting a purchase failed");
            reply(StatusCode::INTERNAL_SERVER_ERROR, "try again")
        }
    }
}
