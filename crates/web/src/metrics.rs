//! Prometheus metrics at `/metrics`: HTTP requests by route, and GraphQL
//! operations by name with their latency and errors by `extensions.code`.
//!
//! Labels never carry personal data or unbounded values: routes are the
//! router's templates, operation names are kept only when they look like
//! names (and only the first [`MAX_OPERATION_NAMES`] distinct ones).

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// Distinct operation names tracked; later new names count as "other".
const MAX_OPERATION_NAMES: usize = 200;
/// Distinct API keys tracked; later new keys count as "other". Keys are
/// created by administrators, so this is far more than there will be.
const MAX_API_KEYS: usize = 1_000;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ApiKeyLabels {
    /// The key's database id and the label an administrator gave it, never the key.
    key_id: String,
    site: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LimitLabels {
    limit: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HttpLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OperationLabels {
    operation: String,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OperationNameLabels {
    operation: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ErrorLabels {
    operation: String,
    code: String,
}

fn latency_histogram() -> Histogram {
    // 0.1 ms to ~3 s.
    Histogram::new(exponential_buckets(0.000_1, 2.5, 12))
}

/// The service's metrics.
#[derive(Debug)]
pub(crate) struct Metrics {
    registry: Registry,
    http_requests: Family<HttpLabels, Counter>,
    http_duration: Family<RouteLabels, Histogram, fn() -> Histogram>,
    operations: Family<OperationLabels, Counter>,
    operation_duration: Family<OperationNameLabels, Histogram, fn() -> Histogram>,
    errors: Family<ErrorLabels, Counter>,
    api_key_requests: Family<ApiKeyLabels, Counter>,
    rate_limited: Family<LimitLabels, Counter>,
    seen_operations: Mutex<HashSet<String>>,
    seen_api_keys: Mutex<HashSet<i64>>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("wapi");
        let http_requests = Family::<HttpLabels, Counter>::default();
        let http_duration =
            Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
                latency_histogram,
            );
        let operations = Family::<OperationLabels, Counter>::default();
        let operation_duration =
            Family::<OperationNameLabels, Histogram, fn() -> Histogram>::new_with_constructor(
                latency_histogram,
            );
        let errors = Family::<ErrorLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests by route template, method and status",
            http_requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "HTTP request latency by route template",
            http_duration.clone(),
        );
        registry.register(
            "graphql_operations",
            "GraphQL operations by name and outcome",
            operations.clone(),
        );
        registry.register(
            "graphql_operation_duration_seconds",
            "GraphQL execution latency by operation name",
            operation_duration.clone(),
        );
        registry.register(
            "graphql_errors",
            "GraphQL errors by operation name and extensions.code",
            errors.clone(),
        );
        let api_key_requests = Family::<ApiKeyLabels, Counter>::default();
        registry.register(
            "api_key_requests",
            "GraphQL requests by partner website (API key id and label)",
            api_key_requests.clone(),
        );
        let rate_limited = Family::<LimitLabels, Counter>::default();
        registry.register(
            "rate_limited",
            "Requests refused by a rate limit, by limit",
            rate_limited.clone(),
        );
        Self {
            registry,
            http_requests,
            http_duration,
            operations,
            operation_duration,
            errors,
            api_key_requests,
            rate_limited,
            seen_operations: Mutex::default(),
            seen_api_keys: Mutex::default(),
        }
    }
}

impl Metrics {
    pub(crate) fn record_http(&self, route: &str, method: &str, status: u16, elapsed: Duration) {
        let route = route.to_owned();
        self.http_requests
            .get_or_create(&HttpLabels {
                route: route.clone(),
                method: method.to_owned(),
                status,
            })
            .inc();
        self.http_duration
            .get_or_create(&RouteLabels { route })
            .observe(elapsed.as_secs_f64());
    }

    /// Records one executed operation and its errors' codes.
    pub(crate) fn record_operation<'a>(
        &self,
        operation_name: Option<&str>,
        error_codes: impl IntoIterator<Item = &'a str>,
        elapsed: Duration,
    ) {
        let operation = self.operation_label(operation_name);
        let mut failed = false;
        for code in error_codes {
            failed = true;
            self.errors
                .get_or_create(&ErrorLabels {
                    operation: operation.clone(),
                    code: code.to_owned(),
                })
                .inc();
        }
        let outcome = if failed { "error" } else { "ok" };
        self.operations
            .get_or_create(&OperationLabels {
                operation: operation.clone(),
                outcome,
            })
            .inc();
        self.operation_duration
            .get_or_create(&OperationNameLabels { operation })
            .observe(elapsed.as_secs_f64());
    }

    /// Counts a request from a partner website, by its key's id and label.
    pub(crate) fn record_api_key(&self, site: &domain::api_key::ApiKeySite) {
        let mut seen = self.seen_api_keys.lock().unwrap_or_else(|e| e.into_inner());
        let known =
            seen.contains(&site.id.0) || (seen.len() < MAX_API_KEYS && seen.insert(site.id.0));
        drop(seen);
        let labels = if known {
            ApiKeyLabels {
                key_id: site.id.0.to_string(),
                site: site.label.clone(),
            }
        } else {
            ApiKeyLabels {
                key_id: "other".to_owned(),
                site: "other".to_owned(),
            }
        };
        self.api_key_requests.get_or_create(&labels).inc();
    }

    /// Counts a refusal by a rate limit ("graphql_ip", "graphql_api_key", "contact_ip").
    pub(crate) fn record_rate_limited(&self, limit: &'static str) {
        self.rate_limited
            .get_or_create(&LimitLabels { limit })
            .inc();
    }

    fn operation_label(&self, name: Option<&str>) -> String {
        let Some(name) = name else {
            return "anonymous".to_owned();
        };
        let looks_like_a_name = (1..=64).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !name.as_bytes()[0].is_ascii_digit();
        if !looks_like_a_name {
            return "other".to_owned();
        }
        let mut seen = self
            .seen_operations
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if seen.contains(name) || (seen.len() < MAX_OPERATION_NAMES && seen.insert(name.to_owned()))
        {
            name.to_owned()
        } else {
            "other".to_owned()
        }
    }

    /// The metrics in Prometheus' text format.
    pub(crate) fn render(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut text, &self.registry);
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_names_are_bounded_and_sanitised() {
        let metrics = Metrics::default();
        assert_eq!(
            metrics.operation_label(Some("PartnerOffers")),
            "PartnerOffers"
        );
        assert_eq!(metrics.operation_label(None), "anonymous");
        assert_eq!(
            metrics.operation_label(Some("jean.dupont@example.org")),
            "other"
        );
        for i in 0..MAX_OPERATION_NAMES {
            metrics.operation_label(Some(&format!("Op{i}")));
        }
        assert_eq!(metrics.operation_label(Some("OneTooMany")), "other");
        assert_eq!(
            metrics.operation_label(Some("PartnerOffers")),
            "PartnerOffers"
        );
    }

    #[test]
    fn errors_are_counted_by_code() {
        let metrics = Metrics::default();
        metrics.record_operation(Some("Search"), ["BAD_USER_INPUT"], Duration::from_millis(2));
        metrics.record_operation(Some("Search"), [], Duration::from_millis(1));
        let text = metrics.render();
        assert!(
            text.contains(
                r#"wapi_graphql_errors_total{operation="Search",code="BAD_USER_INPUT"} 1"#
            ),
            "{text}"
        );
        assert!(
            text.contains(r#"wapi_graphql_operations_total{operation="Search",outcome="ok"} 1"#),
            "{text}"
        );
    }
}
