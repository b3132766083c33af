//! Passwords: argon2id with the crate's default (OWASP) parameters and a random salt, stored as
//! a PHC string. Hashing is deliberately slow, so it runs on the blocking pool.
use std::sync::LazyLock;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

use crate::error::DashError;

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 256;

/// Why a new password is refused, in words for the form.
pub fn check_new(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_LEN {
        return Err(format!(
            "Use at least {MIN_LEN} characters for the password (this one has {n})."
        ));
    }
    if n > MAX_LEN {
        return Err(format!(
            "Use at most {MAX_LEN} characters for the password."
        ));
    }
    Ok(())
}

pub async fn hash(password: &str) -> Result<String, DashError> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| DashError::internal(format!("hashing a password: {e}")))
    })
    .await
    .map_err(DashError::internal)?
}

/// A hash of a random string, verified against when the e-mail is unknown, so a login takes
/// as long for a missing account as for a wrong password (no account enumeration by timing).
static DUMMY: LazyLock<String> = LazyLock::new(|| {
    Argon2::default()
        .hash_password(uuid::Uuid::new_v4().as_bytes())
        .map(|h| h.to_string())
        .expect("argon2 hashes")
});

/// Whether `password` matches `stored`; `None` (no account, or no password set) never matches.
pub async fn verify(password: &str, stored: Option<String>) -> bool {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let phc = stored.unwrap_or_else(|| DUMMY.clone());
        let Ok(parsed) = PasswordHash::new(&phc) else {
            return false;
        };
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        ok && known
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let h = hash("correct horse battery").await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", Some(h.clone())).await);
        assert!(!verify("correct horse batterY", Some(h)).await);
        assert!(!verify("anything at all", None).await);
    }

    #[test]
    fn short_passwords_are_refused_with_the_rule() {
        assert!(check_new("short").unwrap_err().contains("at least 10"));
        assert!(check_new("long enough pw").is_ok());
    }
}
