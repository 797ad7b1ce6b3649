//! One page over HTTP: a blocking client (ureq with rustls, no async runtime) with the
//! limits `dossier fetch` promises: a time-out on connecting and on every read, at most
//! [`MAX_REDIRECTS`] redirects, a size limit, `http`/`https` only, HTML only, and a
//! User-Agent naming the tool. Each way a page can fail is one [`Failure`], shown as the
//! one line the user sees for that address.

use std::fmt;
use std::time::Duration;
use ureq::ResponseExt as _;

/// Redirects followed before giving up: browsers allow about 20, curl 50 with `-L`;
/// news sites need two or three (http → https → the canonical host), so 10 leaves room
/// while a loop ends quickly.
pub const MAX_REDIRECTS: u32 = 10;

/// The User-Agent: the tool and its version, so a site's operators can tell what asked.
pub const USER_AGENT: &str = concat!("dossier/", env!("CARGO_PKG_VERSION"));

/// A downloaded page.
#[derive(Debug)]
pub struct Page {
    /// Where the page was in the end, after redirects.
    pub url: String,
    /// The body as sent (decompressed).
    pub bytes: Vec<u8>,
    /// The charset the server's `Content-Type` names, if any.
    pub charset: Option<String>,
}

/// Why an address gave no page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Not an `http`/`https` address.
    NotWeb,
    /// The server answered with an error status.
    Status(u16),
    /// Connecting or a read took longer than the time-out.
    TimedOut(Duration),
    /// The page is something else (the content type it was sent as).
    NotHtml(String),
    /// The body is larger than the limit.
    TooLarge(u64),
    /// More redirects than [`MAX_REDIRECTS`].
    Redirects,
    /// The host name does not resolve.
    NoHost,
    /// Anything else the transport reported (connection refused, TLS, protocol).
    Other(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::NotWeb => write!(f, "not an http(s) address"),
            Failure::Status(code) => {
                let reason = ureq::http::StatusCode::from_u16(*code)
                    .ok()
                    .and_then(|s| s.canonical_reason());
                match reason {
                    Some(r) => write!(f, "HTTP {code} {r}"),
                    None => write!(f, "HTTP {code}"),
                }
            }
            Failure::TimedOut(t) => write!(
                f,
                "timed out after {} s (--timeout allows longer)",
                t.as_secs_f64()
            ),
            Failure::NotHtml(t) => write!(f, "not HTML (the server sent {t})"),
            Failure::TooLarge(max) => {
                write!(f, "too large (over {max} bytes; --max-bytes allows more)")
            }
            Failure::Redirects => write!(f, "more than {MAX_REDIRECTS} redirects"),
            Failure::NoHost => write!(f, "host not found"),
            Failure::Other(why) => write!(f, "{why}"),
        }
    }
}

/// A client shared by the download threads.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    timeout: Duration,
    max_bytes: u64,
}

impl Client {
    /// A client giving up after `timeout` on connecting or any read, reading at most
    /// `max_bytes` of a body.
    pub fn new(timeout: Duration, max_bytes: u64) -> Self {
        let t = Some(timeout);
        let agent = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
            .max_redirects(MAX_REDIRECTS)
            .timeout_resolve(t)
            .timeout_connect(t)
            .timeout_send_request(t)
            .timeout_recv_response(t)
            .timeout_per_read(t)
            .build()
            .new_agent();
        Client {
            agent,
            timeout,
            max_bytes,
        }
    }

    /// Download `url`, an `http`/`https` page of HTML within the limits.
    pub fn get(&self, url: &str) -> Result<Page, Failure> {
        if !crate::model::load::manifest::is_web_url(url) {
            return Err(Failure::NotWeb);
        }
        let mut resp = self.agent.get(url).call().map_err(|e| self.failure(e))?;
        let end = resp.get_uri().to_string();
        let body = resp.body();
        let mime = body.mime_type().map(str::to_ascii_lowercase);
        let charset = body.charset().map(str::to_string);
        if let Some(m) = &mime {
            if !is_html_type(m) {
                return Err(Failure::NotHtml(crate::model::sanitize::shown(m)));
            }
        }
        let declared_len = resp
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if declared_len.is_some_and(|n| n > self.max_bytes) {
            return Err(Failure::TooLarge(self.max_bytes));
        }
        let bytes = resp
            .body_mut()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
            .map_err(|e| self.failure(e))?;
        // A page sent without a content type counts as HTML only when it looks like it.
        if mime.is_none() && !crate::model::load::html::looks_like_html(&bytes) {
            return Err(Failure::NotHtml("no content type, and no HTML".into()));
        }
        let url = if crate::model::load::manifest::is_web_url(&end) {
            end
        } else {
            url.to_string()
        };
        Ok(Page {
            url,
            bytes,
            charset,
        })
    }

    /// The failure a transport error stands for.
    fn failure(&self, e: ureq::Error) -> Failure {
        match e {
            ureq::Error::StatusCode(code) => Failure::Status(code),
            ureq::Error::Timeout(_) => Failure::TimedOut(self.timeout),
            ureq::Error::Io(io)
                if matches!(
                    io.kind(),
                    std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
                ) =>
            {
                Failure::TimedOut(self.timeout)
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                Failure::Other("connection refused".into())
            }
            ureq::Error::Io(io) => Failure::Other(crate::model::sanitize::shown(&io.to_string())),
            ureq::Error::BodyExceedsLimit(_) => Failure::TooLarge(self.max_bytes),
            ureq::Error::TooManyRedirects => Failure::Redirects,
            ureq::Error::HostNotFound => Failure::NoHost,
            ureq::Error::ConnectionFailed => Failure::Other("cannot connect".into()),
            other => Failure::Other(crate::model::sanitize::shown(&other.to_string())),
        }
    }
}

/// A content type a page of HTML is sent as.
fn is_html_type(mime: &str) -> bool {
    matches!(mime.trim(), "text/html" | "application/xhtml+xml")
}
