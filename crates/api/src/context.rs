//! What a request reads from: the application, one snapshot of the
//! catalogue and the timetable for the whole request (so every field of a
//! response agrees with every other), who asks and from where.

use std::sync::{Arc, OnceLock};

use app::{App, Client, Snapshot, Viewer};
use async_graphql::Context;
use domain::catalog::Catalog;

/// Attached to every executed request.
#[derive(Debug)]
pub(crate) struct RequestContext {
    pub(crate) app: App,
    pub(crate) snapshot: Snapshot,
    pub(crate) viewer: Viewer,
    pub(crate) client: Client,
    /// The catalogue as refreshed by this request's first write: what the
    /// write's answer and everything after it in the request read.
    refreshed: OnceLock<Arc<Catalog>>,
}

impl RequestContext {
    pub(crate) fn new(app: App, viewer: Viewer, client: Client) -> Self {
        Self {
            snapshot: app.snapshot(),
            app,
            viewer,
            client,
            refreshed: OnceLock::new(),
        }
    }

    /// After a write (which refreshed the application's catalogue), the rest
    /// of this request reads the refreshed catalogue.
    pub(crate) fn saw_write(&self) {
        let _ = self.refreshed.set(self.app.catalog());
    }
}

pub(crate) fn request<'a>(ctx: &Context<'a>) -> &'a RequestContext {
    // `execution::execute` attaches the context to every request; the schema
    // is never executed any other way.
    ctx.data_unchecked::<RequestContext>()
}

/// The catalogue this request reads.
pub(crate) fn catalog<'a>(ctx: &Context<'a>) -> &'a Catalog {
    let context = request(ctx);
    context.refreshed.get().unwrap_or(&context.snapshot.catalog)
}

/// The snapshot this request reads (for searches).
pub(crate) fn snapshot<'a>(ctx: &Context<'a>) -> &'a Snapshot {
    &request(ctx).snapshot
}
