//! `CoverUrl`: the URL of a media asset's cover image.

use std::borrow::Cow;
use std::ops::Range;

use crate::error::{Excerpt, ParamError, ParamErrorKind, Unit, UrlError};
use crate::text;
use crate::Param;

/// The URL of a media asset's cover image (`CoverURL`): 1 to 128 bytes, an absolute `http://`
/// or `https://` URL with a non-empty host, no white space and no control character.
///
/// The value is kept verbatim: no trimming, no case folding, no normalisation ([rule 2](crate::rules)).
/// The scheme is matched ASCII case-insensitively (`HTTPS://Example.com/a.png` is accepted and
/// kept as written).
///
/// Decisions where the documentation is silent:
/// * a query and a fragment are allowed: covers are often served through signed URLs;
/// * a port is allowed (`http://host:8080/a.png`) and must be 1 to 5 digits up to 65535;
/// * user info (`user:password@`) is refused: a cover URL is shown to people, a credential
///   in it would leak, and RFC 3986 §3.2.1 deprecates it;
/// * the host is the authority (what follows `//` up to the first `/`, `?` or `#`) without
///   its `:port`; an IPv6 literal keeps its brackets (`[::1]`);
/// * the authority is read as a browser reads it (the WHATWG URL Standard), so that
///   [`CoverUrl::host`] is the host a browser contacts: a `\` before the query is refused (a
///   browser reads it as `/`); the host is a DNS name (labels of 1 to 63 bytes, not starting
///   or ending with `-`; ASCII labels of letters, digits and `-`, Unicode labels taken as
///   given), a dotted-decimal IPv4 address (a host ending in a number must be one: a browser
///   would read `127.1` or `0x7f.1` as an address), or a bracketed IPv6 literal; none of
///   `< > ^ | % [ ] \ " { } \``
///   stands in it.
///
/// In a request an empty `CoverURL` clears the field ([rule 1](crate::rules)); that is decided by the
/// request parser, this type is never empty.
///
/// # Errors
///
/// Checked in this order, each reporting the first problem of its kind:
/// * the empty string ([`ParamErrorKind::Empty`]) and more than 128 bytes
///   ([`ParamErrorKind::TooLong`], checked before anything is read);
/// * a control character (Unicode general category Cc, TAB and LF included) or any Unicode
///   White_Space character, such as a space or U+3000 ([`UrlError::ControlCharacter`],
///   [`UrlError::WhiteSpace`]);
/// * a scheme other than `http://` or `https://`, including a scheme-relative `//host/x`
///   ([`UrlError::Scheme`]);
/// * a `\` before the query or fragment ([`UrlError::Backslash`]);
/// * user info ([`UrlError::UserInfo`]);
/// * a port that is not a number from 1 to 65535 ([`UrlError::InvalidPort`]);
/// * no host, as in `http://`, `http:///x`, `http://:80/` or `http://[]/`
///   ([`UrlError::MissingHost`]);
/// * a character a browser forbids in a host ([`UrlError::HostCharacter`]), or a host that
///   is not a DNS name, dotted-decimal IPv4 address or IPv6 literal
///   ([`UrlError::InvalidHost`]).
///
/// URL errors come as [`ParamErrorKind::Url`] with the value quoted.
///
/// ```
/// use ims_media::CoverUrl;
/// let url: CoverUrl = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/a.png".parse()?;
/// assert_eq!(url.host(), "example-bucket.oss-cn-shanghai.aliyuncs.com");
///
/// assert_eq!(
///     "ftp://example.com/a.png".parse::<CoverUrl>().unwrap_err().to_string(),
///     "invalid CoverURL: scheme not allowed, only http:// or https:// in \"ftp://example.com/a.png\""
/// );
/// assert_eq!(
///     "http://example.com/a b.png".parse::<CoverUrl>().unwrap_err().to_string(),
///     "invalid CoverURL: white space ' ' at byte 20 in \"http://example.com/a b.png\""
/// );
/// # Ok::<(), ims_media::ParamError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CoverUrl(Cow<'static, str>);

impl CoverUrl {
    /// The most UTF-8 bytes.
    pub const MAX_BYTES: usize = 128;

    fn validate(s: &str) -> Result<(), ParamError> {
        parse(s)
            .map(|_| ())
            .map_err(|kind| ParamError::new(Param::CoverUrl, kind))
    }

    /// The scheme as written, without `://`: `http` or `https` in any case.
    pub fn scheme(&self) -> &str {
        let s = self.as_str();
        let scheme = parse(s).ok().and_then(|p| s.get(p.scheme));
        debug_assert!(scheme.is_some(), "a CoverUrl parses");
        scheme.unwrap_or_default()
    }

    /// The host as written, without user info (never present) and port; an IPv6 literal keeps
    /// its brackets.
    pub fn host(&self) -> &str {
        let s = self.as_str();
        let host = parse(s).ok().and_then(|p| s.get(p.host));
        debug_assert!(host.is_some(), "a CoverUrl parses");
        host.unwrap_or_default()
    }

    /// The OSS signature query parameters that [`CoverUrl::from_signed`] removes: those of
    /// signature V1, then those of signature V4.
    pub const SIGNATURE_PARAMETERS: [&'static str; 11] = [
        "Expires",
        "OSSAccessKeyId",
        "Signature",
        "security-token",
        "x-oss-signature-version",
        "x-oss-credential",
        "x-oss-date",
        "x-oss-expires",
        "x-oss-signature",
        "x-oss-additional-headers",
        "x-oss-security-token",
    ];

    /// The cover of a URL signed for reading, as GetMediaInfo returns `CoverURL`
    /// (`…/cover.png?Expires=…&OSSAccessKeyId=…&Signature=…`): the URL without the OSS
    /// signature query parameters ([`CoverUrl::SIGNATURE_PARAMETERS`], names matched exactly),
    /// the other query parameters kept in their order, no `?` when none remain. An unsigned
    /// URL is taken as it is.
    ///
    /// A signature expires; the URL without it is the stable value an asset stores and an
    /// update sets.
    ///
    /// # Errors
    ///
    /// As [`CoverUrl`]'s, of the URL without its signature: a URL still longer than 128 bytes
    /// once the signature is removed is refused with its length after the removal.
    ///
    /// ```
    /// use ims_media::CoverUrl;
    /// let signed = "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png\
    ///               ?Expires=1700000000&OSSAccessKeyId=LTAI0000&Signature=abc%3D\
    ///               &security-token=CAIS0000";
    /// let cover = CoverUrl::from_signed(signed)?;
    /// assert_eq!(cover.as_str(), "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png");
    ///
    /// let kept = CoverUrl::from_signed("https://example.com/a.png?x-oss-process=image/resize,w_100&x-oss-date=20241201T000000Z")?;
    /// assert_eq!(kept.as_str(), "https://example.com/a.png?x-oss-process=image/resize,w_100");
    ///
    /// assert!(CoverUrl::from_signed("ftp://example.com/a.png?Signature=x").is_err());
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn from_signed(url: &str) -> Result<CoverUrl, ParamError> {
        CoverUrl::try_from(without_signature(url).into_owned())
    }
}

/// `url` without the OSS signature query parameters; borrowed when it has none.
fn without_signature(url: &str) -> Cow<'_, str> {
    let Some((base, rest)) = url.split_once('?') else {
        return Cow::Borrowed(url);
    };
    let (query, fragment) = match rest.find('#') {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let is_signature = |pair: &str| {
        let name = pair.split_once('=').map_or(pair, |(name, _)| name);
        CoverUrl::SIGNATURE_PARAMETERS.contains(&name)
    };
    if !query.split('&').any(is_signature) {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len());
    out.push_str(base);
    for pair in query
        .split('&')
        .filter(|p| !p.is_empty() && !is_signature(p))
    {
        out.push(if out.len() == base.len() { '?' } else { '&' });
        out.push_str(pair);
    }
    out.push_str(fragment);
    Cow::Owned(out)
}

crate::value::string_newtype!(CoverUrl);

/// Where the parts of a valid cover URL are.
struct Parts {
    scheme: Range<usize>,
    host: Range<usize>,
}

/// The whole rule; the value is at most 128 bytes once past the length check, so everything
/// after it is bounded work.
fn parse(s: &str) -> Result<Parts, ParamErrorKind> {
    if s.is_empty() {
        return Err(ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Bytes,
        });
    }
    if s.len() > CoverUrl::MAX_BYTES {
        return Err(ParamErrorKind::TooLong {
            max: CoverUrl::MAX_BYTES,
            found: s.len(),
            unit: Unit::Bytes,
        });
    }
    let url_error = |reason| ParamErrorKind::Url {
        reason,
        value: Excerpt::new(s),
    };
    for (at, ch) in s.char_indices() {
        if ch.is_control() {
            return Err(url_error(UrlError::ControlCharacter { ch, at }));
        }
        if ch.is_whitespace() {
            return Err(url_error(UrlError::WhiteSpace { ch, at }));
        }
    }
    let Some((start, rest)) = ["https://", "http://"].into_iter().find_map(|prefix| {
        text::strip_prefix_ignore_case(s, prefix).map(|rest| (prefix.len(), rest))
    }) else {
        return Err(url_error(UrlError::Scheme {
            allowed: "http:// or https://",
        }));
    };
    // Without its "://".
    let scheme_len = start - 3;
    // A browser ends the authority at `\` too and reads it as `/`: the URL would not say
    // what it means, so a `\` anywhere before the query or fragment is refused.
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    if let Some(at) = rest.get(..path_end).and_then(|p| p.find('\\')) {
        return Err(url_error(UrlError::Backslash { at: start + at }));
    }
    let authority = rest
        .find(['/', '?', '#'])
        .and_then(|end| rest.get(..end))
        .unwrap_or(rest);
    if authority.contains('@') {
        return Err(url_error(UrlError::UserInfo));
    }
    let host_len = host_len(authority);
    if let Some(port) = authority.get(host_len..).and_then(|p| p.strip_prefix(':')) {
        if !is_port(port) {
            return Err(url_error(UrlError::InvalidPort {
                at: start + host_len,
            }));
        }
    }
    let host = authority.get(..host_len);
    debug_assert!(
        host.is_some(),
        "host_len ends on a character boundary of the authority"
    );
    let host = host.unwrap_or_default();
    if host.is_empty() || host == "[]" {
        return Err(url_error(UrlError::MissingHost));
    }
    if let Err(reason) = check_host(host, start) {
        return Err(url_error(reason));
    }
    Ok(Parts {
        scheme: 0..scheme_len,
        host: start..start + host_len,
    })
}

/// The host as a browser reads it (the WHATWG URL Standard): a bracketed IPv6 literal, a
/// dotted-decimal IPv4 address, or a DNS name. `offset` is the host's byte offset in the URL.
fn check_host(host: &str, offset: usize) -> Result<(), UrlError> {
    if let Some(inner) = host.strip_prefix('[') {
        let literal = inner.strip_suffix(']').unwrap_or(inner);
        return match (inner.ends_with(']'), literal.parse::<std::net::Ipv6Addr>()) {
            (true, Ok(_)) => Ok(()),
            _ => Err(UrlError::InvalidHost {
                reason: "not an IPv6 address between '[' and ']'",
            }),
        };
    }
    if let Some((at, ch)) = host.char_indices().find(|&(_, ch)| forbidden_in_host(ch)) {
        return Err(UrlError::HostCharacter {
            ch,
            at: offset + at,
        });
    }
    // A browser reads a host whose last label is a number as an IPv4 address (in decimal,
    // octal or hex, with one to four parts): only the plain dotted-decimal form means what
    // it says.
    // `rsplit` yields at least one piece, so the fallback is never taken.
    let last = host.rsplit('.').next().unwrap_or_default();
    let numeric = !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())
        || last.len() >= 2 && last.as_bytes()[..2].eq_ignore_ascii_case(b"0x");
    if numeric {
        let decimal = |p: &str| {
            (1..=3).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        };
        if host.split('.').count() == 4 && host.split('.').all(decimal) {
            return Ok(());
        }
        return Err(UrlError::InvalidHost {
            reason: "ends in a number but is not a dotted-decimal IPv4 address (four numbers 0 to 255 without leading zeros)",
        });
    }
    for label in host.split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err(UrlError::InvalidHost {
                reason: "a DNS label is empty or longer than 63 bytes",
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(UrlError::InvalidHost {
                reason: "a DNS label starts or ends with '-'",
            });
        }
        if label.is_ascii()
            && !label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(UrlError::InvalidHost {
                reason: "an ASCII DNS label holds a character other than a-z A-Z 0-9 -",
            });
        }
    }
    Ok(())
}

/// The WHATWG forbidden domain code points that can reach a host here (control characters
/// and white space are refused earlier), and `:` `@` `/` `?` `#` which cannot.
fn forbidden_in_host(ch: char) -> bool {
    matches!(
        ch,
        '<' | '>' | '^' | '|' | '%' | '[' | ']' | '\\' | '"' | '{' | '}' | '`'
    )
}

/// The length of the host at the start of an authority without user info: up to the first
/// `:`, or for a bracketed IPv6 literal up to its `]` when a `:` or nothing follows it.
fn host_len(authority: &str) -> usize {
    if authority.starts_with('[') {
        if let Some(close) = authority.find(']') {
            let end = close + 1;
            if authority
                .get(end..)
                .is_some_and(|r| r.is_empty() || r.starts_with(':'))
            {
                return end;
            }
        }
        return authority.len();
    }
    authority.find(':').unwrap_or(authority.len())
}

/// 1 to 5 ASCII digits with a value from 1 to 65535.
fn is_port(port: &str) -> bool {
    (1..=5).contains(&port.len())
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn host_and_port_split() {
        let host = |s: &str| s.parse::<CoverUrl>().map(|u| u.host().to_owned());
        assert_eq!(host("http://a.example:8080/x").unwrap(), "a.example");
        assert_eq!(host("http://[::1]:8080/x").unwrap(), "[::1]");
        assert_eq!(host("http://[::1]").unwrap(), "[::1]");
        assert_eq!(host("http://h?q=1").unwrap(), "h");
        assert_eq!(host("http://h#top").unwrap(), "h");
        assert!(host("http://h:65535/").is_ok());
        assert!(host("http://h:65536/").is_err());
        assert!(host("http://h:/").is_err());
        assert!(host("http://h:123456/").is_err());
        assert!(host("http://h:8a/").is_err());
        assert!(host("http://h:0/").is_err());
    }

    #[test]
    fn hosts_a_browser_reads_otherwise_are_refused() {
        for bad in [
            "https://evil.example\\.trusted.com/a.png",
            "https://evil.example/a\\b.png",
            "http://[::1/x",
            "http://a<b>/x",
            "http://%zz/x",
            "http://%41.com/x",
            "http://a^b/x",
            "http://a|b/x",
            "http://127.1/x",
            "http://0x7f.0.0.1/x",
            "http://1.2.3.256/x",
            "http://010.0.0.1/x",
            "http://foo.123/x",
            "http://a..b/x",
            "http://a./x",
            "http://-a.com/x",
            "http://a-.com/x",
            "http://a_b.com/x",
            "http://[1:2]/x",
        ] {
            assert!(bad.parse::<CoverUrl>().is_err(), "{bad}");
        }
        for good in [
            "http://127.0.0.1/x",
            "http://0.0.0.0/x",
            "http://[::1]:8/x",
            "http://a-b.example/x?sig=a\\b",
            "http://例え.jp/x",
            "http://x1.example.com/a.png#f",
        ] {
            assert!(good.parse::<CoverUrl>().is_ok(), "{good}");
        }
    }

    #[test]
    fn scheme_is_as_written() {
        let url: CoverUrl = "HTTPS://Example.com/a.png".parse().unwrap();
        assert_eq!(url.scheme(), "HTTPS");
        assert_eq!(url.host(), "Example.com");
    }
}
