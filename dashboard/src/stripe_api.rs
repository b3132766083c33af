//! The Stripe calls the dashboard makes (async-stripe 1.x): creating a Checkout Session for one
//! Credit Pack. The session carries the account id (`client_reference_id`) and the credits it
//! buys (`metadata.credits`), which the signed webhook reads back; its id is the purchase
//! reference, so a payment is credited once.
use std::collections::HashMap;

use stripe::{Client, ClientBuilder};
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionLineItemsPriceData,
    ProductData,
};
use stripe_checkout::CheckoutSessionMode;
use uuid::Uuid;

use crate::app::StripeSettings;

pub struct Stripe {
    client: Client,
    pub settings: StripeSettings,
}

/// A Checkout Session to send the browser to.
pub struct Checkout {
    pub id: String,
    pub url: String,
}

impl Stripe {
    pub fn new(settings: StripeSettings) -> anyhow::Result<Stripe> {
        // async-stripe appends `v1/…` to the base, so it must end with a slash.
        let base = format!("{}/", settings.api_base.trim_end_matches('/'));
        let client = ClientBuilder::new(settings.secret_key.clone())
            .url(base)
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(|e| anyhow::anyhow!("Stripe client: {e}"))?;
        Ok(Stripe { client, settings })
    }

    /// The pack's price for people: "$5.00" for 500 US cents, "5.00 EUR" otherwise.
    pub fn price_text(&self) -> String {
        let s = &self.settings;
        let amount = format!(
            "{}.{:02}",
            s.pack_price_cents / 100,
            s.pack_price_cents % 100
        );
        if s.currency.eq_ignore_ascii_case("usd") {
            format!("${amount}")
        } else {
            format!("{amount} {}", s.currency.to_uppercase())
        }
    }

    pub async fn create_checkout(
        &self,
        account_id: Uuid,
        email: &str,
        base_url: &str,
    ) -> Result<Checkout, String> {
        let s = &self.settings;
        let currency = s
            .currency
            .to_lowercase()
            .parse::<stripe_types::Currency>()
            .expect("parsing a currency is infallible");
        let mut price = CreateCheckoutSessionLineItemsPriceData::new(currency);
        price.unit_amount = Some(s.pack_price_cents);
        price.product_data = Some(ProductData::new(format!(
            "Dermis Credit Pack ({} credits)",
            s.pack_credits
        )));
        let mut item = CreateCheckoutSessionLineItems::new();
        item.price_data = Some(price);
        item.quantity = Some(1);
        let metadata = HashMap::from([("credits".to_string(), s.pack_credits.to_string())]);
        let session = CreateCheckoutSession::new()
            .mode(CheckoutSessionMode::Payment)
            .line_items(vec![item])
            .client_reference_id(account_id.to_string())
            .customer_email(email)
            .metadata(metadata)
            .success_url(format!(
                "{base_url}/dashboard/billing/success?session_id={{CHECKOUT_SESSION_ID}}"
            ))
            .cancel_url(format!("{base_url}/dashboard/billing/cancel"))
            .send(&self.client)
            .await
            .map_err(|e| e.to_string())?;
        let url = session
            .url
            .ok_or_else(|| "Stripe returned a Checkout Session without a URL".to_string())?;
        Ok(Checkout {
            id: session.id.to_string(),
            url,
        })
    }
}
