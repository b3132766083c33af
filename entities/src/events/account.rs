use serde::{Deserialize, Serialize};

use super::Rejection;

/// Plans and what they allow. Rates are per API key (DermIQ: requests per minute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Plan {
    Free,
    Pack,
    Enterprise,
}

impl Plan {
    pub fn as_str(self) -> &'static str {
        match self {
            Plan::Free => "free",
            Plan::Pack => "pack",
            Plan::Enterprise => "enterprise",
        }
    }
    pub fn parse(s: &str) -> Option<Plan> {
        match s {
            "free" => Some(Plan::Free),
            "pack" => Some(Plan::Pack),
            "enterprise" => Some(Plan::Enterprise),
            _ => None,
        }
    }
    /// DermIQ rate limit: Free and Credit Pack 30/min, Enterprise 120/min.
    pub fn requests_per_minute(self) -> u32 {
        match self {
            Plan::Enterprise => 120,
            _ => 30,
        }
    }
    /// Credits a new account of this plan starts with.
    pub fn signup_credits(self) -> i64 {
        match self {
            Plan::Free => 10,
            _ => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum AccountEvent {
    AccountRegistered {
        email: String,
        plan: Plan,
    },
    PlanChanged {
        plan: Plan,
    },
    /// The dashboard password, as an argon2 PHC string (salted, slow); never the password.
    CredentialsSet {
        password_hash: String,
    },
}

/// Folded state of an account stream.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Account {
    pub email: Option<String>,
    pub plan: Option<Plan>,
    pub has_password: bool,
}

impl Account {
    pub fn apply(mut self, event: &AccountEvent) -> Self {
        match event {
            AccountEvent::AccountRegistered { email, plan } => {
                self.email = Some(email.clone());
                self.plan = Some(*plan);
            }
            AccountEvent::PlanChanged { plan } => self.plan = Some(*plan),
            AccountEvent::CredentialsSet { .. } => self.has_password = true,
        }
        self
    }

    pub fn change_plan(&self, plan: Plan) -> Vec<AccountEvent> {
        if self.plan == Some(plan) {
            vec![]
        } else {
            vec![AccountEvent::PlanChanged { plan }]
        }
    }

    /// Set (or replace) the password hash. Only a PHC string is accepted, so a plain password
    /// can never reach the log by mistake.
    pub fn set_credentials(&self, password_hash: &str) -> Result<Vec<AccountEvent>, Rejection> {
        if self.email.is_none() {
            return Err(Rejection::Invalid("no such account".into()));
        }
        if !password_hash.starts_with("$argon2") {
            return Err(Rejection::Invalid(
                "credentials must be an argon2 PHC hash".into(),
            ));
        }
        Ok(vec![AccountEvent::CredentialsSet {
            password_hash: password_hash.to_string(),
        }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_need_an_account_and_a_phc_hash() {
        let none = Account::default();
        assert!(none
            .set_credentials("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")
            .is_err());
        let acct = none.apply(&AccountEvent::AccountRegistered {
            email: "a@b.c".into(),
            plan: Plan::Free,
        });
        assert!(acct.set_credentials("hunter2").is_err());
        let events = acct
            .set_credentials("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")
            .unwrap();
        assert!(events.iter().fold(acct, Account::apply).has_password);
    }
}
