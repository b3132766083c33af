use serde::{Deserialize, Serialize};

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
    AccountRegistered { email: String, plan: Plan },
    PlanChanged { plan: Plan },
}

/// Folded state of an account stream.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Account {
    pub email: Option<String>,
    pub plan: Option<Plan>,
}

impl Account {
    pub fn apply(mut self, event: &AccountEvent) -> Self {
        match event {
            AccountEvent::AccountRegistered { email, plan } => {
                self.email = Some(email.clone());
                self.plan = Some(*plan);
            }
            AccountEvent::PlanChanged { plan } => self.plan = Some(*plan),
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
}
