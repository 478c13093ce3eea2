//! Slow clients are cut off: half-sent headers, a body shorter than its
//! `Content-Length`, or more connections than the limit never hold the
//! server, and other clients are served meanwhile.

use std::time::Duration;

use e2e::{Settings, TestApp};
use serde_json::json;
use storage::on_both_databases;
use storage::testing::TestDatabase;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn impatient() -> Settings {
    Settings {
        connections: web::ConnectionLimits {
            header_read_timeout: Duration::from_secs(1),
            body_read_timeout: Duration::from_secs(1),
            max_connections: 6,
        },
        ..Settings::default()
    }
}

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .expect("connect")
}

/// Reads until the server closes the connection. The timeouts under test
/// are one second; ten means the server held the client.
async fn until_closed(stream: &mut TcpStream) {
    let mut buffer = [0u8; 1024];
    let read_all = async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(10), read_all)
        .await
        .expect("the server closes the connection");
}

on_both_databases!(
    a_client_sending_half_its_headers_is_cut_off_while_others_are_served,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_with(db, impatient()).await;
        let mut slow = connect(&app).await;
        slow.write_all(b"POST /graphql HTTP/1.1\r\nHost: wapi\r\nContent-")
            .await
            .unwrap();
        // Meanwhile, another client is served.
        let data = app.data("{ poles { code } }", json!({})).await;
        assert_eq!(data["poles"].as_array().unwrap().len(), 5);
        until_closed(&mut slow).await;
    }
);

on_both_databases!(
    a_body_shorter_than_its_length_is_cut_off,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_with(db, impatient()).await;
        let mut slow = connect(&app).await;
        slow.write_all(
            b"POST /graphql HTTP/1.1\r\nHost: wapi\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"query\": \"{",
        )
        .await
        .unwrap();
        until_closed(&mut slow).await;
        let data = app.data("{ poles { code } }", json!({})).await;
        assert_eq!(data["poles"].as_array().unwrap().len(), 5);
    }
);

on_both_databases!(
    connections_over_the_limit_are_closed_at_once_and_served_again_when_slots_free,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_with(db, impatient()).await;
        let mut idle = Vec::new();
        for _ in 0..6 {
            idle.push(connect(&app).await);
        }
        // Let the server accept them all before the next one comes.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let mut refused = connect(&app).await;
        until_closed(&mut refused).await;
        // Closed at once, not at the header timeout: the six admitted
        // before it are still open.
        let mut probe = [0u8; 1];
        assert!(
            matches!(idle[0].try_read(&mut probe), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
            "the admitted connections are still open when the extra one is closed"
        );
        // The idle ones time out, and a client is served again.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let data = app.data("{ poles { code } }", json!({})).await;
        assert_eq!(data["poles"].as_array().unwrap().len(), 5);
        drop(idle);
    }
);
