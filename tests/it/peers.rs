//! Small real network peers the SKINN tests talk to: an image host (for `image_url`, with
//! redirects and bad answers) and an SMTP server that records what it is sent.
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use poem::http::StatusCode;
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::web::Redirect;
use poem::{get, handler, Response, Route, Server};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::support::face_jpeg;

#[handler]
fn face() -> Response {
    Response::builder()
        .content_type("image/jpeg")
        .body(face_jpeg())
}

#[handler]
fn html() -> Response {
    Response::builder()
        .content_type("text/html")
        .body("<html>not an image</html>")
}

#[handler]
fn huge() -> Response {
    let mut body = face_jpeg();
    body.resize(9 * 1024 * 1024, 0);
    Response::builder().content_type("image/jpeg").body(body)
}

#[handler]
fn missing() -> StatusCode {
    StatusCode::NOT_FOUND
}

#[handler]
fn to_face() -> Redirect {
    Redirect::temporary("/face.jpg")
}

#[handler]
fn to_metadata() -> Redirect {
    Redirect::temporary("http://169.254.169.254/latest/meta-data/")
}

#[handler]
fn loop_() -> Redirect {
    Redirect::temporary("/loop")
}

/// An HTTP image host on 127.0.0.1; returns its base URL. Runs until the test ends.
pub async fn image_host() -> String {
    let app = Route::new()
        .at("/face.jpg", get(face))
        .at("/page.html", get(html))
        .at("/huge.jpg", get(huge))
        .at("/missing.jpg", get(missing))
        .at("/redirect", get(to_face))
        .at("/metadata", get(to_metadata))
        .at("/loop", get(loop_));
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .unwrap();
    let addr = acceptor.local_addr()[0].as_socket_addr().copied().unwrap();
    tokio::spawn(Server::new_with_acceptor(acceptor).run(app));
    format!("http://{addr}")
}

/// What the SMTP sink received: one string per message (the DATA section).
pub type Inbox = Arc<Mutex<Vec<String>>>;

/// A minimal SMTP server (RFC 5321 commands a client needs for one message, no TLS).
pub async fn smtp_sink() -> (SocketAddr, Inbox) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let inbox: Inbox = Arc::default();
    let messages = inbox.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let messages = messages.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.ok();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            messages.lock().unwrap().push(data.take().unwrap());
                            write.write_all(b"250 queued\r\n").await.ok();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split(' ').next().unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.ok();
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.ok();
                }
            });
        }
    });
    (addr, inbox)
}
