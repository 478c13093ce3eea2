//! GraphiQL, the in-browser editor people get when they open `/graphql`:
//! the schema's documentation, completion, and the README's example query
//! ready to run. GraphiQL and React are vendored from the npm registry at
//! pinned versions (`assets/vendor/graphiql/VERSION`, their MIT licences
//! beside them), so the editor works without internet.
//!
//! - `GET /graphql` without a query: the page (served by `graphql_http`);
//! - `GET /graphiql/graphiql.js`, `/graphiql/graphiql.css`: its own start-up
//!   script and style;
//! - `GET /graphiql/vendor/…`: GraphiQL 3.8.3, React and ReactDOM 18.3.1.

use axum::Router;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;

use crate::WebState;
use crate::assets::{Asset, CSS, HTML, JAVASCRIPT, OWN_FILES, TEXT, file, vendored};

/// The vendored files, by their path under `/graphiql/vendor/`.
const VENDORED: &[(&str, Asset)] = &[
    (
        "graphiql.min.js",
        Asset {
            body: include_bytes!("../assets/vendor/graphiql/graphiql.min.js"),
            content_type: JAVASCRIPT,
        },
    ),
    (
        "graphiql.min.css",
        Asset {
            body: include_bytes!("../assets/vendor/graphiql/graphiql.min.css"),
            content_type: CSS,
        },
    ),
    (
        "react.production.min.js",
        Asset {
            body: include_bytes!("../assets/vendor/graphiql/react.production.min.js"),
            content_type: JAVASCRIPT,
        },
    ),
    (
        "react-dom.production.min.js",
        Asset {
            body: include_bytes!("../assets/vendor/graphiql/react-dom.production.min.js"),
            content_type: JAVASCRIPT,
        },
    ),
    (
        "LICENSE-graphiql",
        Asset {
            body: include_bytes!("../assets/vendor/graphiql/LICENSE-graphiql"),
            content_type: TEXT,
        },
    ),
    (
        "LICENSE-react",
        Asset {
            body: include_bytes!("../assets/vendor/graphiql/LICENSE-react"),
            content_type: TEXT,
        },
    ),
    (
        "VERSION",
        Asset {
            body: include_bytes!("../assets/vendor/graphiql/VERSION"),
            content_type: TEXT,
        },
    ),
];

/// GraphiQL's routes but the page itself; [`crate::router`] merges them.
pub(crate) fn routes() -> Router<WebState> {
    Router::new()
        .route("/graphiql/graphiql.js", get(script))
        .route("/graphiql/graphiql.css", get(style))
        .route("/graphiql/vendor/{*path}", get(vendor))
}

/// The page, for `GET /graphql` without a query.
pub(crate) fn page() -> Response {
    file(
        include_bytes!("../assets/graphiql/index.html"),
        HTML,
        OWN_FILES,
    )
}

async fn script() -> Response {
    file(
        include_bytes!("../assets/graphiql/graphiql.js"),
        JAVASCRIPT,
        OWN_FILES,
    )
}

async fn style() -> Response {
    file(
        include_bytes!("../assets/graphiql/graphiql.css"),
        CSS,
        OWN_FILES,
    )
}

async fn vendor(Path(path): Path<String>) -> Response {
    vendored(VENDORED, &path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::text_of;

    #[test]
    fn the_page_loads_only_files_this_module_serves() {
        let page = std::str::from_utf8(include_bytes!("../assets/graphiql/index.html")).unwrap();
        for reference in page.split(['"', '\'']).filter(|s| s.starts_with('/')) {
            let served = match reference.strip_prefix("/graphiql/vendor/") {
                Some(name) => VENDORED.iter().any(|(file, _)| *file == name),
                None => matches!(
                    reference,
                    "/graphiql/graphiql.js" | "/graphiql/graphiql.css" | "/graphql"
                ),
            };
            assert!(served, "the page loads {reference}, which nothing serves");
        }
        assert!(!page.contains("http://") && !page.contains("https://"));
    }

    #[test]
    fn the_pinned_versions_are_the_ones_embedded() {
        assert!(text_of(VENDORED, "VERSION").starts_with("graphiql 3.8.3, react 18.3.1"));
        assert!(text_of(VENDORED, "react.production.min.js").contains("18.3.1"));
        assert!(text_of(VENDORED, "LICENSE-graphiql").contains("MIT"));
        assert!(text_of(VENDORED, "LICENSE-react").contains("MIT"));
    }
}
