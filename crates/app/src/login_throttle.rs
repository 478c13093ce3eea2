//! Slows password guessing: after [`MAX_FAILURES`] failed sign-ins for one
//! address within [`WINDOW`], further attempts for it are refused with
//! RATE_LIMITED until the window has passed, before any password is checked
//! (so a flood does not burn CPU on Argon2 either). Addresses are kept as
//! their SHA-256, never in clear.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// Failed attempts tolerated per address and window.
pub(crate) const MAX_FAILURES: usize = 5;
/// How long failures are remembered.
pub(crate) const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Addresses tracked at most; beyond that the oldest records are dropped.
const MAX_TRACKED: usize = 10_000;

#[derive(Debug, Default)]
pub(crate) struct LoginThrottle {
    failures: Mutex<HashMap<[u8; 32], Vec<Instant>>>,
}

fn key(email: &str) -> [u8; 32] {
    Sha256::digest(email.trim().to_lowercase().as_bytes()).into()
}

impl LoginThrottle {
    /// `Err(seconds to wait)` when the address has failed too often lately.
    pub(crate) fn check(&self, email: &str, now: Instant) -> Result<(), u64> {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let Some(times) = failures.get_mut(&key(email)) else {
            return Ok(());
        };
        times.retain(|t| now.duration_since(*t) < WINDOW);
        if times.len() < MAX_FAILURES {
            return Ok(());
        }
        let oldest = times.iter().min().copied().unwrap_or(now);
        Err((WINDOW.saturating_sub(now.duration_since(oldest)))
            .as_secs()
            .max(1))
    }

    /// Records a failed attempt.
    pub(crate) fn failed(&self, email: &str, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() >= MAX_TRACKED {
            failures.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < WINDOW));
        }
        if failures.len() < MAX_TRACKED {
            failures.entry(key(email)).or_default().push(now);
        }
    }

    /// Forgets the failures of an address that signed in.
    pub(crate) fn succeeded(&self, email: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&key(email));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_blocked_after_repeated_failures_until_the_window_passes() {
        let throttle = LoginThrottle::default();
        let start = Instant::now();
        for _ in 0..MAX_FAILURES {
            assert_eq!(throttle.check("Marie@ecole.example", start), Ok(()));
            throttle.failed("marie@ecole.example ", start);
        }
        let wait = throttle.check("marie@ecole.example", start).unwrap_err();
        assert_eq!(wait, WINDOW.as_secs());
        assert_eq!(
            throttle.check("autre@ecole.example", start),
            Ok(()),
            "other addresses are unaffected"
        );
        assert_eq!(
            throttle.check("marie@ecole.example", start + WINDOW),
            Ok(())
        );
    }

    #[test]
    fn a_successful_sign_in_forgets_the_failures() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..MAX_FAILURES {
            throttle.failed("marie@ecole.example", now);
        }
        throttle.succeeded("marie@ecole.example");
        assert_eq!(throttle.check("marie@ecole.example", now), Ok(()));
    }
}
