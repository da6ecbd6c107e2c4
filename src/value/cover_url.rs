//! `CoverUrl`: the URL of a media asset's cover image.

use std::borrow::Cow;
use std::ops::Range;

use crate::error::{Excerpt, ParamError, ParamErrorKind, Unit, UrlError};
use crate::value::text;
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
///   browser reads it as `/`); the host is ASCII, and is a DNS name (labels of 1 to 63
///   bytes of letters, digits and `-`, not starting or ending with `-`), a dotted-decimal
///   IPv4 address (a host ending in a number must be one: a browser would read `127.1` or
///   `0x7f.1` as an address), or a bracketed IPv6 literal; none of
///   `< > ^ | % [ ] \ " { } \``
///   stands in it;
/// * a host with a character outside ASCII is refused, with a message saying to give its
///   ASCII (`xn--`) form: a browser maps such hosts to others before contacting them
///   (`http://169.254.169.254。/` is the cloud metadata address, `０`, `ⓛ` and zero-width
///   characters are mapped or dropped), so the characters as written say nothing about the
///   host contacted;
/// * an `xn--` label must be the canonical Punycode (RFC 3492) of a non-empty label that a
///   browser keeps as it is; the check accepts the decoded characters it can vouch for
///   without the Unicode tables of IDNA (a-z 0-9 `-`, lower-case Latin-1, Greek and Cyrillic
///   letters, kana, CJK ideographs, Hangul syllables) and refuses the rest, so that every
///   cover accepted is read by a WHATWG parser (the `url` crate, browsers) with the same host,
///   in lower case;
/// * a URL signed by OSS (signature V1: `OSSAccessKeyId` and `Signature` in the query; V4:
///   `x-oss-signature-version`) is refused: the signature expires, and a stored document's
///   cover is read without it ([`CoverUrl::from_signed`]), so a signed cover would not be
///   read back as it was stored. Other query parameters, `Expires` of another CDN included,
///   are kept.
///
/// In a request an empty `CoverURL` clears the field ([rule 1](crate::rules)); that is decided by the
/// request parser, this type is never empty.
///
/// # Errors
///
/// Checked in this order, each reporting the first problem of its kind:
/// * the empty string ([`ParamErrorKind::Empty`]) and more than 128 bytes
///   ([`ParamErrorKind::TooLong`], checked before anything is read) — except that a longer
///   URL of at most 4 KiB signed by OSS is reported as signed ([`UrlError::Signed`]): its
///   signature is what makes it long, and the message says to give the unsigned URL;
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
/// * a character outside ASCII in the host ([`UrlError::NonAsciiHost`]);
/// * a character a browser forbids in a host ([`UrlError::HostCharacter`]), or a host that
///   is not a DNS name, dotted-decimal IPv4 address or IPv6 literal, or an `xn--` label that
///   is not accepted Punycode ([`UrlError::InvalidHost`]);
/// * an OSS signature in the query ([`UrlError::Signed`]).
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
        parse(s)
            .ok()
            .and_then(|p| s.get(p.scheme))
            .expect("a CoverUrl parses, and its scheme is a range of it")
    }

    /// The host as written, without user info (never present) and port; an IPv6 literal keeps
    /// its brackets.
    pub fn host(&self) -> &str {
        let s = self.as_str();
        parse(s)
            .ok()
            .and_then(|p| s.get(p.host))
            .expect("a CoverUrl parses, and its host is a range of it")
    }

    /// The OSS signature query parameters that [`CoverUrl::from_signed`] removes from a URL
    /// signed by OSS: those of signature V1, then those of signature V4.
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
    /// (`…/cover.png?Expires=…&OSSAccessKeyId=…&Signature=…`): when the URL is signed by OSS
    /// (signature V1: both `OSSAccessKeyId` and `Signature` in its query; signature V4:
    /// `x-oss-signature-version` in its query), the URL without the OSS signature query
    /// parameters ([`CoverUrl::SIGNATURE_PARAMETERS`], names matched exactly), the other query
    /// parameters kept in their order, no `?` when none remain. Only the query is read: a
    /// fragment (`#…`) is kept as it is, whatever it holds. A URL that is not signed by OSS is
    /// taken as it is, query included (`?Expires=…&Key-Pair-Id=…` of another CDN stays).
    ///
    /// A signature expires; the URL without it is the stable value an asset stores and an
    /// update sets. Since a [`CoverUrl`] never carries an OSS signature, what an update stores
    /// is read back unchanged.
    ///
    /// # Errors
    ///
    /// As [`CoverUrl`]'s, of the URL without its signature: a URL still longer than 128 bytes
    /// once the signature is removed is refused with its length after the removal. Nothing is
    /// copied before that length is known, so a huge input costs no allocation.
    ///
    /// ```
    /// use ims_media::CoverUrl;
    /// let signed = "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png\
    ///               ?Expires=1700000000&OSSAccessKeyId=LTAI0000&Signature=abc%3D\
    ///               &security-token=CAIS0000";
    /// let cover = CoverUrl::from_signed(signed)?;
    /// assert_eq!(cover.as_str(), "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png");
    ///
    /// let kept = CoverUrl::from_signed(
    ///     "https://example.com/a.png?x-oss-process=image/resize,w_100\
    ///      &x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-date=20241201T000000Z",
    /// )?;
    /// assert_eq!(kept.as_str(), "https://example.com/a.png?x-oss-process=image/resize,w_100");
    ///
    /// // Not signed by OSS: kept as it is.
    /// let other = CoverUrl::from_signed("https://cdn.example.com/c.png?Expires=1700000000&Key-Pair-Id=K1")?;
    /// assert_eq!(other.as_str(), "https://cdn.example.com/c.png?Expires=1700000000&Key-Pair-Id=K1");
    ///
    /// assert!(CoverUrl::from_signed("ftp://example.com/a.png?Signature=x").is_err());
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn from_signed(url: &str) -> Result<CoverUrl, ParamError> {
        let Some(query) = Query::of(url).filter(Query::is_oss_signed) else {
            return url.parse();
        };
        let len = query.unsigned_len();
        if len > CoverUrl::MAX_BYTES {
            return Err(ParamError::new(
                Param::CoverUrl,
                ParamErrorKind::TooLong {
                    max: CoverUrl::MAX_BYTES,
                    found: len,
                    unit: Unit::Bytes,
                },
            ));
        }
        let mut out = String::with_capacity(len);
        out.push_str(query.base);
        for (i, pair) in query.kept().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(pair);
        }
        out.push_str(query.fragment);
        debug_assert_eq!(out.len(), len, "unsigned_len counts what is written");
        CoverUrl::try_from(out)
    }
}

/// A URL split around its query: what precedes the `?`, the query, and the fragment with its
/// `#` (possibly empty). The query is what follows the first `?` that stands before any `#`.
struct Query<'a> {
    base: &'a str,
    query: &'a str,
    fragment: &'a str,
}

impl<'a> Query<'a> {
    /// `None` when the URL has no query.
    fn of(url: &'a str) -> Option<Self> {
        let (before, fragment) = url.split_at(url.find('#').unwrap_or(url.len()));
        let (base, query) = before.split_once('?')?;
        Some(Query {
            base,
            query,
            fragment,
        })
    }

    /// The name of a `name=value` pair (the whole pair when it has no `=`).
    fn name_of(pair: &str) -> &str {
        pair.split_once('=').map_or(pair, |(name, _)| name)
    }

    fn names(&self) -> impl Iterator<Item = &'a str> {
        self.query.split('&').map(Self::name_of)
    }

    /// Signed by OSS: V1 (`OSSAccessKeyId` and `Signature`) or V4 (`x-oss-signature-version`).
    fn is_oss_signed(&self) -> bool {
        let has = |wanted: &str| self.names().any(|name| name == wanted);
        has("x-oss-signature-version") || has("OSSAccessKeyId") && has("Signature")
    }

    /// The pairs that are not signature parameters, empty ones left out.
    fn kept(&self) -> impl Iterator<Item = &'a str> {
        self.query.split('&').filter(|pair| {
            !pair.is_empty() && !CoverUrl::SIGNATURE_PARAMETERS.contains(&Self::name_of(pair))
        })
    }

    /// The length of the URL without its signature parameters, as [`CoverUrl::from_signed`]
    /// writes it.
    fn unsigned_len(&self) -> usize {
        let pairs: usize = self.kept().map(|pair| pair.len() + 1).sum();
        self.base.len() + pairs + self.fragment.len()
    }
}

crate::value::string_newtype!(CoverUrl);

/// The longest value too long for a cover that is still read for an OSS signature.
const SIGNED_SCAN_BYTES: usize = 4096;

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
    let url_error = |reason| ParamErrorKind::Url {
        reason,
        value: Excerpt::new(s),
    };
    if s.len() > CoverUrl::MAX_BYTES {
        // A signed URL (a cover copied from GetMediaInfo) is long because of its signature:
        // say so, for what a signed URL can be (an STS token makes it about 1 KiB); past
        // that, the length alone, read in constant time.
        if s.len() <= SIGNED_SCAN_BYTES && Query::of(s).is_some_and(|q| q.is_oss_signed()) {
            return Err(url_error(UrlError::Signed));
        }
        return Err(ParamErrorKind::TooLong {
            max: CoverUrl::MAX_BYTES,
            found: s.len(),
            unit: Unit::Bytes,
        });
    }
    for (at, ch) in s.char_indices() {
        if ch.is_control() {
            return Err(url_error(UrlError::ControlCharacter { ch, at }));
        }
        if ch.is_whitespace() {
            return Err(url_error(UrlError::WhiteSpace { ch, at }));
        }
    }
    let Some((start, rest)) = text::scheme_of(s, &[("https://", ()), ("http://", ())])
        .and_then(|((), start)| Some((start, s.get(start..)?)))
    else {
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
    let host = authority
        .get(..host_len)
        .expect("host_len ends at an ASCII ':' or ']' or the end of the authority");
    if host.is_empty() || host == "[]" {
        return Err(url_error(UrlError::MissingHost));
    }
    if let Err(reason) = check_host(host, start) {
        return Err(url_error(reason));
    }
    // What an asset stores is read back as it is only when it carries no signature: a
    // stored document's signed cover has its signature removed when it is read.
    if Query::of(s).is_some_and(|q| q.is_oss_signed()) {
        return Err(url_error(UrlError::Signed));
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
    if let Some((at, ch)) = host.char_indices().find(|&(_, ch)| !ch.is_ascii()) {
        return Err(UrlError::NonAsciiHost {
            ch,
            at: offset + at,
        });
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
    let last = host
        .rsplit('.')
        .next()
        .expect("`rsplit` yields at least one piece");
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
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(UrlError::InvalidHost {
                reason: "a DNS label holds a character other than a-z A-Z 0-9 -",
            });
        }
        if let Some(code) = text::strip_prefix_ignore_case(label, "xn--") {
            check_punycode(code)?;
        }
    }
    Ok(())
}

/// An `xn--` label (`code` is what follows the prefix) is accepted when it is the canonical
/// Punycode (RFC 3492) of a label that a WHATWG reader keeps as it is: decoded, it is
/// non-empty, holds a character outside ASCII, and every character is one of
/// [`kept_in_a_label`]; encoded again, it is `code` (ASCII case ignored).
fn check_punycode(code: &str) -> Result<(), UrlError> {
    let lower = code.to_ascii_lowercase();
    let Some(decoded) = super::punycode::decode(&lower) else {
        return Err(UrlError::InvalidHost {
            reason: "an xn-- label is not valid Punycode (RFC 3492) of a non-empty label",
        });
    };
    if !decoded.iter().all(|&ch| kept_in_a_label(ch)) {
        return Err(UrlError::InvalidHost {
            reason: "an xn-- label decodes to a character a browser maps to another or refuses \
                     (accepted: a-z 0-9 - and lower-case Latin-1, Greek and Cyrillic letters, \
                     kana, CJK ideographs, Hangul syllables)",
        });
    }
    if super::punycode::encode(&decoded).as_deref() != Some(lower.as_str()) {
        return Err(UrlError::InvalidHost {
            reason: "an xn-- label is not the canonical Punycode (RFC 3492) of what it decodes to",
        });
    }
    Ok(())
}

/// The characters of a decoded `xn--` label that every WHATWG reader keeps as they are
/// (UTS #46 status "valid", no bidirectional or joining rule, no composition between
/// them): a-z 0-9 `-`, the lower-case letters of Latin-1, the lower-case Greek letters but the
/// final sigma (a deviation character), the lower-case Cyrillic letters `а`–`я`, hiragana,
/// katakana, the CJK ideographs U+4E00–U+9FA5 and the Hangul syllables. Other characters
/// may be valid too; they are refused because this check cannot tell, and a refused cover
/// is one the caller can still give in another form.
fn kept_in_a_label(ch: char) -> bool {
    matches!(ch,
        'a'..='z'
        | '0'..='9'
        | '-'
        | '\u{DF}'..='\u{F6}'
        | '\u{F8}'..='\u{FF}'
        | '\u{3B1}'..='\u{3C1}'
        | '\u{3C3}'..='\u{3C9}'
        | '\u{430}'..='\u{44F}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{4E00}'..='\u{9FA5}'
        | '\u{AC00}'..='\u{D7A3}'
    )
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
            "http://例え.jp/x",
            "http://xn--a/x",
            "http://xn--/x",
            "http://xn--abc-/x",
            "http://xn--bcher-kva-/x",
        ] {
            assert!(bad.parse::<CoverUrl>().is_err(), "{bad}");
        }
        for good in [
            "http://127.0.0.1/x",
            "http://0.0.0.0/x",
            "http://[::1]:8/x",
            "http://a-b.example/x?sig=a\\b",
            "http://xn--r8jz45g.jp/x",
            "http://XN--BCHER-KVA.example/x",
            "http://xn--Bcher-kva.example/x",
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
