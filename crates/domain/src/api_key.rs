//! API keys of partner websites. A key identifies a site for quotas and
//! statistics; it never grants a right (authorisation is about accounts).

/// Database identifier of an API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ApiKeyId(pub i64);

/// The partner website a valid key identifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKeySite {
    pub id: ApiKeyId,
    /// Chosen by the administrator who created the key ("ecole-ath").
    pub label: String,
    /// Its own quota; `None`: the server's default.
    pub requests_per_minute: Option<u32>,
}

/// Longest label accepted.
pub const MAX_LABEL_CHARS: usize = 64;

/// Checks a label: 1 to 64 letters, digits, `-`, `_` or `.`, so that it is
/// safe as a metric label.
pub fn parse_label(raw: &str) -> Result<String, String> {
    let label = raw.trim();
    let valid = (1..=MAX_LABEL_CHARS).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if valid {
        Ok(label.to_owned())
    } else {
        Err(format!(
            "must be 1 to {MAX_LABEL_CHARS} letters, digits, '-', '_' or '.'"
        ))
    }
}
