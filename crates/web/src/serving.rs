//! Serving connections, guarded against slow clients: a client that sends
//! its headers a byte at a time, or a body shorter than its
//! `Content-Length`, is cut off after a timeout instead of holding a
//! connection for ever; and the number of open connections is bounded, so
//! that many such clients cannot exhaust the process's file descriptors.
//! A connection over the limit is closed at once: the client can retry,
//! while a queue of waiting connections would only hide the overload.
//!
//! axum's own `serve` offers none of these, so connections are accepted
//! here and handed to hyper with its header timer set.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// How long clients may take, and how many may be connected at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// From the start of a request (or of an idle kept-alive connection) to
    /// the end of its headers.
    pub header_read_timeout: Duration,
    /// From the end of the headers to the end of the body.
    pub body_read_timeout: Duration,
    /// Open connections at most.
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            max_connections: 1_024,
        }
    }
}

/// Accepts connections on `listener` and serves `router` on each until
/// `shutdown` completes; then stops accepting and waits for the requests
/// under way.
pub(crate) async fn serve_connections(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let open_slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a little, as
                // the limit above should make this rare.
                Err(error) => {
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = Arc::clone(&open_slots).try_acquire_owned() else {
            tracing::warn!(
                max_connections = limits.max_connections,
                "too many open connections; closing a new one"
            );
            drop(stream);
            continue;
        };
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            // What axum's `ConnectInfo` extractor reads: the peer, for the
            // per-address rate limits.
            request.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(request.map(axum::body::Body::new))
        });
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client hanging up or timing out is no server error.
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection ended");
            }
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
