//! API key secrets: `sk_live_` + 40 random alphanumerics (≈238 bits). Keys are high-entropy,
//! so a plain SHA-256 is the right lookup hash (argon2 is for low-entropy passwords).
use rand::distr::{Alphanumeric, SampleString};
use sha2::{Digest, Sha256};

pub const KEY_PREFIX: &str = "sk_live_";
/// How much of the secret is shown in listings (`sk_live_` + 4).
const DISPLAY_LEN: usize = 12;

pub struct NewSecret {
    pub secret: String,
    pub prefix: String,
    pub hash: String,
}

pub fn generate() -> NewSecret {
    let secret = format!(
        "{KEY_PREFIX}{}",
        Alphanumeric.sample_string(&mut rand::rng(), 40)
    );
    NewSecret {
        prefix: secret[..DISPLAY_LEN].to_string(),
        hash: hash(&secret),
        secret,
    }
}

pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_are_unique_and_hash_stably() {
        let a = super::generate();
        let b = super::generate();
        assert_ne!(a.secret, b.secret);
        assert!(a.secret.starts_with("sk_live_") && a.secret.len() == 48);
        assert_eq!(super::hash(&a.secret), a.hash);
        assert!(a.secret.starts_with(&a.prefix));
    }
}
