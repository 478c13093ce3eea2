//! Rate limits, in memory: token buckets per client IP address and per API
//! key for the GraphQL endpoint as a whole (generous), and per IP address
//! for contact requests (strict). A bucket holds up to `capacity` tokens and
//! refills at `capacity` per `period`; a request takes one. Refusals say how
//! many seconds to wait.
//!
//! Memory is bounded: at most [`MAX_TRACKED`] buckets per family. When full,
//! buckets that have refilled completely (equivalent to no bucket) are
//! dropped, then the least recently used ones. Several instances each keep
//! their own buckets: the limits hold per instance.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use domain::api_key::ApiKeyId;

/// Buckets tracked at most per family.
pub(crate) const MAX_TRACKED: usize = 50_000;

/// How many requests per period; a capacity of zero turns the limit off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub capacity: u32,
    pub period: Duration,
}

impl Rate {
    pub const fn per_minute(capacity: u32) -> Self {
        Self {
            capacity,
            period: Duration::from_secs(60),
        }
    }

    pub const fn per_hour(capacity: u32) -> Self {
        Self {
            capacity,
            period: Duration::from_secs(3600),
        }
    }

    fn is_off(self) -> bool {
        self.capacity == 0 || self.period.is_zero()
    }

    /// Tokens gained per second.
    fn refill_per_second(self) -> f64 {
        f64::from(self.capacity) / self.period.as_secs_f64()
    }
}

/// The configurable limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// GraphQL requests per client IP address.
    pub graphql_per_ip: Rate,
    /// GraphQL requests per API key, unless the key has its own quota.
    pub graphql_per_api_key: Rate,
    /// Contact requests per client IP address.
    pub contacts_per_ip: Rate,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            graphql_per_ip: Rate::per_minute(600),
            graphql_per_api_key: Rate::per_minute(3_000),
            contacts_per_ip: Rate::per_hour(5),
        }
    }
}

impl RateLimits {
    /// Every limit off (for measuring their cost).
    pub const OFF: RateLimits = RateLimits {
        graphql_per_ip: Rate::per_minute(0),
        graphql_per_api_key: Rate::per_minute(0),
        contacts_per_ip: Rate::per_hour(0),
    };
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// Token buckets for one family of keys.
#[derive(Debug)]
pub(crate) struct TokenBuckets<K> {
    buckets: Mutex<HashMap<K, Bucket>>,
}

impl<K> Default for TokenBuckets<K> {
    fn default() -> Self {
        Self {
            buckets: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Hash + Eq + Clone> TokenBuckets<K> {
    /// Takes a token for `key`, or says how many seconds until one is there.
    pub(crate) fn take(&self, key: &K, rate: Rate, now: Instant) -> Result<(), u64> {
        if rate.is_off() {
            return Ok(());
        }
        let capacity = f64::from(rate.capacity);
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if !buckets.contains_key(key) && buckets.len() >= MAX_TRACKED {
            evict(&mut buckets, rate, now);
        }
        let bucket = buckets.entry(key.clone()).or_insert(Bucket {
            tokens: capacity,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate.refill_per_second()).min(capacity);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - bucket.tokens) / rate.refill_per_second();
            Err((wait.ceil() as u64).max(1))
        }
    }

    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.buckets.lock().map(|b| b.len()).unwrap_or_default()
    }
}

/// Drops full buckets, then the least recently used half if that was not enough.
fn evict<K: Hash + Eq + Clone>(buckets: &mut HashMap<K, Bucket>, rate: Rate, now: Instant) {
    let capacity = f64::from(rate.capacity);
    buckets.retain(|_, b| {
        let elapsed = now.saturating_duration_since(b.updated).as_secs_f64();
        b.tokens + elapsed * rate.refill_per_second() < capacity
    });
    if buckets.len() >= MAX_TRACKED {
        let mut ages: Vec<Instant> = buckets.values().map(|b| b.updated).collect();
        ages.sort_unstable();
        let cutoff = ages[ages.len() / 2];
        buckets.retain(|_, b| b.updated > cutoff);
    }
}

/// Every bucket of the service.
#[derive(Debug, Default)]
pub struct RateLimiter {
    pub(crate) limits: RateLimits,
    graphql_by_ip: TokenBuckets<IpAddr>,
    graphql_by_key: TokenBuckets<ApiKeyId>,
    contacts_by_ip: TokenBuckets<IpAddr>,
}

/// The address requests count under when the peer's is unknown (the app
/// served without connection info): they share one bucket.
const UNKNOWN_PEER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED);

impl RateLimiter {
    pub fn new(limits: RateLimits) -> Self {
        Self {
            limits,
            ..Self::default()
        }
    }

    pub fn admit_graphql_from(&self, ip: Option<IpAddr>, now: Instant) -> Result<(), u64> {
        self.graphql_by_ip
            .take(&ip.unwrap_or(UNKNOWN_PEER), self.limits.graphql_per_ip, now)
    }

    pub fn admit_graphql_for_key(
        &self,
        key: &domain::api_key::ApiKeySite,
        now: Instant,
    ) -> Result<(), u64> {
        let rate = key
            .requests_per_minute
            .map_or(self.limits.graphql_per_api_key, Rate::per_minute);
        self.graphql_by_key.take(&key.id, rate, now)
    }

    pub fn admit_contact_from(&self, ip: Option<IpAddr>, now: Instant) -> Result<(), u64> {
        self.contacts_by_ip.take(
            &ip.unwrap_or(UNKNOWN_PEER),
            self.limits.contacts_per_ip,
            now,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_refuses_when_empty_and_says_when_to_come_back() {
        let buckets = TokenBuckets::<u8>::default();
        let rate = Rate::per_hour(5);
        let start = Instant::now();
        for _ in 0..5 {
            assert_eq!(buckets.take(&1, rate, start), Ok(()));
        }
        assert_eq!(
            buckets.take(&1, rate, start),
            Err(720),
            "one token every 12 minutes"
        );
        assert_eq!(
            buckets.take(&2, rate, start),
            Ok(()),
            "other keys are unaffected"
        );
        let later = start + Duration::from_secs(720);
        assert_eq!(buckets.take(&1, rate, later), Ok(()));
        assert!(buckets.take(&1, rate, later).is_err());
    }

    #[test]
    fn a_zero_capacity_turns_the_limit_off() {
        let buckets = TokenBuckets::<u8>::default();
        let now = Instant::now();
        for _ in 0..1000 {
            assert_eq!(buckets.take(&1, Rate::per_minute(0), now), Ok(()));
        }
        assert_eq!(buckets.tracked(), 0);
    }

    #[test]
    fn memory_stays_bounded_under_a_flood_of_addresses() {
        let buckets = TokenBuckets::<u32>::default();
        let rate = Rate::per_minute(10);
        let now = Instant::now();
        for key in 0..(MAX_TRACKED as u32 * 2) {
            let _ = buckets.take(&key, rate, now);
        }
        assert!(buckets.tracked() <= MAX_TRACKED, "{}", buckets.tracked());
    }
}
