//! Credentials: Argon2id password hashes (OWASP's parameters), random
//! bearer tokens and API keys, stored as their SHA-256 so that a leaked
//! table opens nothing.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use domain::account::Password;
use sha2::{Digest, Sha256};

/// Argon2id with OWASP's recommended parameters: 19 MiB, 2 passes, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string (salt and parameters included).
pub fn hash_password(password: &Password) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| e.to_string())
}

/// Whether the password matches the stored hash.
pub fn verify_password(password: &Password, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash).is_ok_and(|hash| {
        argon2()
            .verify_password(password.expose().as_bytes(), &hash)
            .is_ok()
    })
}

/// A hash no password matches, verified when the e-mail address is unknown
/// so that both failures take the same time.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        let password =
            Password::parse("decoy password never given").unwrap_or_else(|_| unreachable!());
        hash_password(&password).unwrap_or_default()
    })
}

/// Prefix of every token, so that a leaked one is recognisable in code scans.
const TOKEN_PREFIX: &str = "wapi_";

/// A new random token (256 bits) and its SHA-256, which is what is stored.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
    let digest = token_sha256(&token);
    (token, digest)
}

/// Prefix of every API key, so keys and bearer tokens are told apart.
const API_KEY_PREFIX: &str = "wapikey_";

/// A new random API key for a partner website (256 bits) and its SHA-256,
/// which is what is stored.
pub fn new_api_key() -> (String, String) {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let key = format!("{API_KEY_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
    let digest = token_sha256(&key);
    (key, digest)
}

/// The SHA-256 of a token, in hexadecimal.
pub fn token_sha256(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Hashes a password on a blocking thread: Argon2id is slow on purpose and
/// must not hold up the tasks serving other requests.
pub async fn hash_password_off_thread(password: Password) -> crate::AppResult<String> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(crate::AppError::internal)?
        .map_err(|message| crate::AppError::Internal(message.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_against_their_hash_only() {
        let password = Password::parse("a long enough secret").unwrap();
        let hash = hash_password(&password).unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password(&password, &hash));
        assert!(!verify_password(
            &Password::parse("another long secret").unwrap(),
            &hash
        ));
        assert!(!verify_password(&password, decoy_hash()));
        assert!(!verify_password(&password, "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_stored_as_their_digest() {
        let (first, first_digest) = new_token();
        let (second, _) = new_token();
        assert_ne!(first, second);
        assert!(first.starts_with("wapi_") && first.len() > 40);
        assert_eq!(first_digest, token_sha256(&first));
        assert_eq!(first_digest.len(), 64);
        assert!(!first_digest.contains(&first));
    }
}
