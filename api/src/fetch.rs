//! Fetching a caller's image by URL without letting the caller reach our own network (SSRF).
//!
//! Every hop is checked before connecting: http/https only, no credentials in the URL, and
//! every address the host resolves to must be public (no loopback, private, link-local —
//! including the cloud metadata address 169.254.169.254 — carrier-grade NAT, multicast or
//! reserved ranges), unless an operator allowed a network explicitly. The connection is then
//! pinned to the checked addresses, so a DNS answer cannot change between check and connect
//! (DNS rebinding). Redirects are followed by hand, re-checked, and limited; the body is
//! streamed with a byte cap and an overall timeout, and must be a JPEG or PNG.
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::{Duration, Instant};

use futures::StreamExt;
pub use ipnet::IpNet;
use reqwest::header;
use url::{Host, Url};

#[derive(Debug, Clone)]
pub struct FetchPolicy {
    /// Networks reachable although not public (tests; an operator's own image host).
    pub allow: Vec<IpNet>,
    pub max_bytes: usize,
    pub max_redirects: usize,
    pub timeout: Duration,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FetchError {
    #[error("image_url is not a valid absolute URL: {0}")]
    BadUrl(String),
    #[error("image_url must use http or https")]
    Scheme,
    #[error("image_url must not contain a user name or password")]
    Credentials,
    #[error("{host} resolves to {ip}, which is not a public address")]
    Forbidden { host: String, ip: IpAddr },
    #[error("cannot resolve or reach {0}")]
    Unreachable(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("the image server answered HTTP {0}")]
    Status(u16),
    #[error("the image is larger than {0} bytes")]
    TooLarge(usize),
    #[error("the URL does not point to a JPEG or PNG image (content type {0:?})")]
    NotAnImage(String),
    #[error("fetching the image took longer than {0} s")]
    Timeout(u64),
}

/// Whether `ip` is an ordinary public unicast address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn in_v4(ip: Ipv4Addr, net: [u8; 4], prefix: u32) -> bool {
    let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
    u32::from(ip) & mask == u32::from(Ipv4Addr::from(net)) & mask
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || in_v4(ip, [0, 0, 0, 0], 8)
        || in_v4(ip, [100, 64, 0, 0], 10) // carrier-grade NAT
        || in_v4(ip, [192, 0, 0, 0], 24) // IETF protocol assignments
        || in_v4(ip, [198, 18, 0, 0], 15) // benchmarking
        || in_v4(ip, [240, 0, 0, 0], 4)) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    // NAT64 (64:ff9b::/96) embeds an IPv4 address: judge that one.
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        let v4 = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
        return is_public_v4(v4);
    }
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (s[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || ip.to_ipv4().is_some()) // deprecated IPv4-compatible ::a.b.c.d
}

/// A fetched image.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: String,
}

impl FetchPolicy {
    fn allowed(&self, ip: IpAddr) -> bool {
        is_public(ip) || self.allow.iter().any(|n| n.contains(&ip))
    }

    /// Check `url` and return the addresses to connect to.
    async fn vet(&self, url: &Url) -> Result<Vec<SocketAddr>, FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Scheme);
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(FetchError::Credentials);
        }
        let port = url
            .port_or_known_default()
            .ok_or_else(|| FetchError::BadUrl(url.to_string()))?;
        let host = url
            .host()
            .ok_or_else(|| FetchError::BadUrl(url.to_string()))?;
        let addrs: Vec<SocketAddr> = match host {
            Host::Ipv4(ip) => vec![SocketAddr::new(ip.into(), port)],
            Host::Ipv6(ip) => vec![SocketAddr::new(ip.into(), port)],
            Host::Domain(name) => {
                let lookup = tokio::net::lookup_host((name, port));
                tokio::time::timeout(Duration::from_secs(5), lookup)
                    .await
                    .map_err(|_| FetchError::Unreachable(name.to_string()))?
                    .map_err(|_| FetchError::Unreachable(name.to_string()))?
                    .collect()
            }
        };
        if addrs.is_empty() {
            return Err(FetchError::Unreachable(host.to_string()));
        }
        // Every answer must pass: otherwise a round-robin record could mix in a private one.
        if let Some(bad) = addrs.iter().find(|a| !self.allowed(a.ip())) {
            return Err(FetchError::Forbidden {
                host: host.to_string(),
                ip: bad.ip(),
            });
        }
        Ok(addrs)
    }

    /// Fetch a JPEG or PNG from `raw`, following up to `max_redirects` vetted redirects.
    pub async fn fetch_image(&self, raw: &str) -> Result<Fetched, FetchError> {
        let deadline = Instant::now() + self.timeout;
        let timeout = || FetchError::Timeout(self.timeout.as_secs());
        let mut url = Url::parse(raw.trim()).map_err(|e| FetchError::BadUrl(e.to_string()))?;
        for _ in 0..=self.max_redirects {
            let addrs = self.vet(&url).await?;
            let mut builder = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .no_proxy()
                .connect_timeout(Duration::from_secs(5))
                .user_agent(concat!("Dermis/", env!("CARGO_PKG_VERSION")));
            if let Some(Host::Domain(name)) = url.host() {
                builder = builder.resolve_to_addrs(name, &addrs);
            }
            let client = builder
                .build()
                .map_err(|e| FetchError::Unreachable(e.to_string()))?;
            let remaining = deadline.saturating_duration_since(Instant::now());
            let send = client
                .get(url.clone())
                .header(header::ACCEPT, "image/jpeg, image/png")
                .send();
            let resp = tokio::time::timeout(remaining, send)
                .await
                .map_err(|_| timeout())?
                .map_err(|e| FetchError::Unreachable(without_url(e)))?;
            if resp.status().is_redirection() {
                let location = resp
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or(FetchError::Status(resp.status().as_u16()))?;
                url = url
                    .join(location)
                    .map_err(|e| FetchError::BadUrl(e.to_string()))?;
                continue;
            }
            if !resp.status().is_success() {
                return Err(FetchError::Status(resp.status().as_u16()));
            }
            let content_type = resp
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_ascii_lowercase();
            let essence = content_type.split(';').next().unwrap_or("").trim();
            if !matches!(essence, "image/jpeg" | "image/jpg" | "image/png") {
                return Err(FetchError::NotAnImage(content_type));
            }
            if resp
                .content_length()
                .is_some_and(|n| n as usize > self.max_bytes)
            {
                return Err(FetchError::TooLarge(self.max_bytes));
            }
            let mut bytes = Vec::new();
            let mut body = resp.bytes_stream();
            loop {
                let remaining = deadline.saturating_duration_since(Instant::now());
                let next = tokio::time::timeout(remaining, body.next())
                    .await
                    .map_err(|_| timeout())?;
                let Some(chunk) = next else { break };
                let chunk = chunk.map_err(|e| FetchError::Unreachable(without_url(e)))?;
                if bytes.len() + chunk.len() > self.max_bytes {
                    return Err(FetchError::TooLarge(self.max_bytes));
                }
                bytes.extend_from_slice(&chunk);
            }
            return Ok(Fetched {
                bytes,
                content_type: essence.to_string(),
            });
        }
        Err(FetchError::TooManyRedirects(self.max_redirects))
    }
}

/// reqwest errors name the URL; the caller already knows it, and logs should not repeat
/// query strings that may carry tokens.
fn without_url(e: reqwest::Error) -> String {
    e.without_url().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_are_not_public() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "198.18.0.1",
            "240.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::10.0.0.1",
            "ff02::1",
        ] {
            assert!(!is_public(ip(a)), "{a} should not be public");
        }
    }

    #[test]
    fn ordinary_internet_addresses_are_public() {
        for a in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "64:ff9b::8.8.8.8",
        ] {
            assert!(is_public(ip(a)), "{a} should be public");
        }
    }

    fn policy(allow: &[&str]) -> FetchPolicy {
        FetchPolicy {
            allow: allow.iter().map(|n| n.parse().unwrap()).collect(),
            max_bytes: 1024,
            max_redirects: 2,
            timeout: Duration::from_secs(2),
        }
    }

    #[tokio::test]
    async fn urls_are_vetted_before_any_connection() {
        let p = policy(&[]);
        let err = |u: &'static str| {
            let p = p.clone();
            async move { p.fetch_image(u).await.unwrap_err() }
        };
        assert_eq!(err("ftp://example.com/a.jpg").await, FetchError::Scheme);
        assert_eq!(err("file:///etc/passwd").await, FetchError::Scheme);
        assert_eq!(
            err("http://user:pw@example.com/a.jpg").await,
            FetchError::Credentials
        );
        assert!(matches!(err("not a url").await, FetchError::BadUrl(_)));
        assert!(matches!(
            err("http://169.254.169.254/latest/meta-data").await,
            FetchError::Forbidden { .. }
        ));
        assert!(matches!(
            err("http://localhost:1/a.jpg").await,
            FetchError::Forbidden { .. }
        ));
        assert!(matches!(
            err("http://[::ffff:10.0.0.1]/a.jpg").await,
            FetchError::Forbidden { .. }
        ));
    }

    #[test]
    fn an_allowed_network_is_reachable_and_only_that_one() {
        let p = policy(&["127.0.0.1/32"]);
        assert!(p.allowed(ip("127.0.0.1")));
        assert!(!p.allowed(ip("127.0.0.2")));
        assert!(!p.allowed(ip("10.0.0.1")));
    }
}
