//! Files compiled into the binary and served as they are — the pages' own
//! scripts and styles, and the libraries vendored from the npm registry —
//! so the server needs no asset folder, works from any working directory,
//! and its pages load nothing from another host.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub(crate) const HTML: &str = "text/html; charset=utf-8";
pub(crate) const JAVASCRIPT: &str = "text/javascript; charset=utf-8";
pub(crate) const CSS: &str = "text/css; charset=utf-8";
pub(crate) const PNG: &str = "image/png";
pub(crate) const TEXT: &str = "text/plain; charset=utf-8";

/// The pages' own files change with the server: browsers revalidate them.
pub(crate) const OWN_FILES: &str = "no-cache";
/// Vendored files change only when the pinned version does.
pub(crate) const VENDORED_FILES: &str = "public, max-age=3600";

/// One embedded file: its bytes and content type.
pub(crate) struct Asset {
    pub(crate) body: &'static [u8],
    pub(crate) content_type: &'static str,
}

/// A file as a response, with its type, its cache policy and no sniffing.
pub(crate) fn file(
    body: &'static [u8],
    content_type: &'static str,
    cache_control: &'static str,
) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        body,
    )
        .into_response()
}

/// The vendored file at `path` among `files`, or 404.
pub(crate) fn vendored(files: &[(&str, Asset)], path: &str) -> Response {
    match files.iter().find(|(name, _)| *name == path) {
        Some((_, asset)) => file(asset.body, asset.content_type, VENDORED_FILES),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The text of the vendored file named `name` (tests of the vendored sets).
#[cfg(test)]
pub(crate) fn text_of<'a>(files: &'a [(&str, Asset)], name: &str) -> &'a str {
    files
        .iter()
        .find(|(file, _)| *file == name)
        .and_then(|(_, asset)| std::str::from_utf8(asset.body).ok())
        .unwrap_or_default()
}
