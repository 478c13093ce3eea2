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

/// The label of a website's key, chosen by the administrator who created
/// it ("ecole-ath"): 1 to 64 letters, digits, `-`, `_` or `.`, so that it is
/// safe as a metric label and in file names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApiKeyLabel(String);

/// Why a label was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("must be 1 to {MAX_LABEL_CHARS} letters, digits, '-', '_' or '.'")]
pub struct LabelError;

impl ApiKeyLabel {
    pub fn parse(raw: &str) -> Result<Self, LabelError> {
        let label = raw.trim();
        let valid = (1..=MAX_LABEL_CHARS).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if valid {
            Ok(Self(label.to_owned()))
        } else {
            Err(LabelError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_metric_safe() {
        assert_eq!(
            ApiKeyLabel::parse(" ecole-ath ").unwrap().as_str(),
            "ecole-ath"
        );
        for bad in ["", "école", "a b", "a\u{0}", &"x".repeat(65)] {
            assert_eq!(ApiKeyLabel::parse(bad), Err(LabelError), "{bad:?}");
        }
    }
}
