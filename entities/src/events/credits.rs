use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Rejection;

/// The credit ledger of one account (stream `credits-<account id>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum CreditsEvent {
    CreditsGranted {
        amount: i64,
        reason: String,
    },
    /// `reference` is the payment's id (e.g. a Stripe Checkout Session): one purchase each.
    CreditsPurchased {
        amount: i64,
        reference: String,
    },
    CreditReserved {
        analysis_id: Uuid,
    },
    CreditConsumed {
        analysis_id: Uuid,
    },
    CreditRefunded {
        analysis_id: Uuid,
        reason: String,
    },
}

/// Folded ledger. `open` holds the analyses whose credit is reserved and not yet settled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Credits {
    pub balance: i64,
    pub open: HashSet<Uuid>,
    pub purchases: HashSet<String>,
}

impl Credits {
    pub fn apply(mut self, event: &CreditsEvent) -> Self {
        match event {
            CreditsEvent::CreditsGranted { amount, .. } => self.balance += amount,
            CreditsEvent::CreditsPurchased { amount, reference } => {
                self.balance += amount;
                self.purchases.insert(reference.clone());
            }
            CreditsEvent::CreditReserved { analysis_id } => {
                self.balance -= 1;
                self.open.insert(*analysis_id);
            }
            CreditsEvent::CreditConsumed { analysis_id } => {
                self.open.remove(analysis_id);
            }
            CreditsEvent::CreditRefunded { analysis_id, .. } => {
                self.balance += 1;
                self.open.remove(analysis_id);
            }
        }
        self
    }

    pub fn grant(&self, amount: i64, reason: &str) -> Result<Vec<CreditsEvent>, Rejection> {
        if amount <= 0 {
            return Err(Rejection::Invalid(format!(
                "amount must be positive, got {amount}"
            )));
        }
        Ok(vec![CreditsEvent::CreditsGranted {
            amount,
            reason: reason.to_string(),
        }])
    }

    /// A purchase is credited once per payment reference, however often it is reported.
    pub fn purchase(&self, amount: i64, reference: &str) -> Vec<CreditsEvent> {
        if self.purchases.contains(reference) {
            return vec![];
        }
        vec![CreditsEvent::CreditsPurchased {
            amount,
            reference: reference.to_string(),
        }]
    }

    pub fn reserve(&self, analysis_id: Uuid) -> Result<Vec<CreditsEvent>, Rejection> {
        if self.balance < 1 {
            return Err(Rejection::NoCredits);
        }
        Ok(vec![CreditsEvent::CreditReserved { analysis_id }])
    }

    /// Settle a reservation: consumed on success, refunded on failure. Settling twice is a no-op.
    pub fn settle(&self, analysis_id: Uuid, refund: Option<&str>) -> Vec<CreditsEvent> {
        if !self.open.contains(&analysis_id) {
            return vec![];
        }
        vec![match refund {
            None => CreditsEvent::CreditConsumed { analysis_id },
            Some(reason) => CreditsEvent::CreditRefunded {
                analysis_id,
                reason: reason.to_string(),
            },
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(events: &[CreditsEvent]) -> Credits {
        events.iter().fold(Credits::default(), Credits::apply)
    }

    #[test]
    fn reserving_without_balance_is_refused() {
        let state = fold(&[CreditsEvent::CreditsGranted {
            amount: 1,
            reason: "t".into(),
        }]);
        let id = Uuid::new_v4();
        let events = state.reserve(id).unwrap();
        let state = events.iter().fold(state, Credits::apply);
        assert_eq!(state.balance, 0);
        assert_eq!(state.reserve(Uuid::new_v4()), Err(Rejection::NoCredits));
    }

    #[test]
    fn a_refund_returns_the_credit_once() {
        let id = Uuid::new_v4();
        let state = fold(&[
            CreditsEvent::CreditsGranted {
                amount: 1,
                reason: "t".into(),
            },
            CreditsEvent::CreditReserved { analysis_id: id },
        ]);
        let refund = state.settle(id, Some("no_face_detected"));
        let state = refund.iter().fold(state, Credits::apply);
        assert_eq!(state.balance, 1);
        assert!(state.settle(id, Some("again")).is_empty());
        assert!(state.settle(id, None).is_empty());
    }

    #[test]
    fn a_purchase_reference_is_credited_once() {
        let state = fold(&[CreditsEvent::CreditsPurchased {
            amount: 100,
            reference: "cs_1".into(),
        }]);
        assert_eq!(state.balance, 100);
        assert!(state.purchase(100, "cs_1").is_empty());
    }
}
