//! Public website addresses of operators.

/// Why a text was refused as a website address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "must be an http:// or https:// address of at most {MAX_CHARS} characters, such as https://www.ecole.be"
)]
pub struct InvalidWebsite;

/// Longest website address accepted.
const MAX_CHARS: usize = 300;

/// An absolute http(s) address with a host that has a dot, without spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebsiteUrl(String);

impl WebsiteUrl {
    pub fn parse(raw: &str) -> Result<Self, InvalidWebsite> {
        let website = raw.trim();
        let chars = website.chars().count();
        let valid = chars > 0
            && chars <= MAX_CHARS
            && (website.starts_with("https://") || website.starts_with("http://"))
            && website.split_once("://").is_some_and(|(_, rest)| {
                rest.split('/')
                    .next()
                    .is_some_and(|host| host.contains('.'))
            })
            && !website.chars().any(|c| c.is_whitespace() || c.is_control());
        if valid {
            Ok(Self(website.to_owned()))
        } else {
            Err(InvalidWebsite)
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
    fn websites_must_be_absolute_http_addresses() {
        assert_eq!(
            WebsiteUrl::parse(" https://www.ecole.be/stages ")
                .unwrap()
                .as_str(),
            "https://www.ecole.be/stages"
        );
        for invalid in [
            "www.ecole.be",
            "ftp://ecole.be",
            "https://localhost",
            "https://a b.be",
            "https://ecole.be/\u{0}",
        ] {
            assert_eq!(WebsiteUrl::parse(invalid), Err(InvalidWebsite), "{invalid}");
        }
    }
}
