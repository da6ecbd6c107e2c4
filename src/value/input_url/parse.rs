//! The grammar of `InputURL` ([rule 16](crate::rules)): one pass per check over at most
//! [`MAX_BYTES`] bytes, and nothing allocated before the length is known to be within it.
//!
//! # Design note
//!
//! Four things keep a typical URL cheap, each at some cost in reading: the authority is kept
//! as a range of the URL when it is written in lower case ([`Authority::Raw`], no copy); its
//! `@`, `:` and upper-case tests are one pass sixteen bytes at a time ([`authority_flags`]);
//! a key without escapes is not scanned for control characters again (the whole URL's scan
//! covered it); and the URL is split at `/` and `.` by a plain loop ([`split_at_byte`]), not
//! by `str::split_once`, whose word-at-a-time search costs more than it saves on parts this
//! short. The first three took `InputUrl::from_str` from 161 ns to 124 ns for
//! `https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4` and from 97 ns to
//! 65 ns for `oss://example-bucket/videos/intro.mp4`; the plain loop, on another machine,
//! 84 ns → 78 ns and 51 ns → 50 ns (`benches/values.rs`, `InputURL/from_str`; the URLs with
//! a 4 KiB escaped key did not get slower). A scan of the whole URL sixteen bytes at a time
//! for `?`, `#`, `\`, `%` and non-ASCII bytes, to skip the searches for them, was tried and
//! measured slower (84 ns → 97 ns): it is not here.

use crate::error::{Excerpt, ParamErrorKind, Unit, UrlError};
use crate::value::text::{self, Controls};
use crate::wire::percent::{self, Plus};

/// The most bytes an `InputURL` may have.
pub(super) const MAX_BYTES: usize = 4096;
/// The most bytes the decoded object key may have.
pub(super) const MAX_KEY_BYTES: usize = 1023;

/// `vod://`, whose length is where the VOD ID starts.
pub(super) const VOD_PREFIX: &str = "vod://";

/// The schemes, as the message of [`UrlError::Scheme`] lists them.
const ALLOWED_SCHEMES: &str = "oss://, http://, https:// or vod://";

/// A byte range in a string of at most [`MAX_BYTES`] bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    start: u16,
    end: u16,
}

impl Span {
    fn new(start: usize, end: usize) -> Span {
        let at = |n: usize| u16::try_from(n).expect("an offset is at most MAX_BYTES < u16::MAX");
        Span {
            start: at(start),
            end: at(end),
        }
    }

    /// The part of `s` this span covers.
    pub(super) fn get(self, s: &str) -> Option<&str> {
        s.get(usize::from(self.start)..usize::from(self.end))
    }
}

/// Which of the three OSS forms a URL is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OssScheme {
    /// `oss://BUCKET/KEY`
    Oss,
    /// `http://BUCKET.ENDPOINT/KEY`
    Http,
    /// `https://BUCKET.ENDPOINT/KEY`
    Https,
}

/// The decoded object key: a range of the URL when it holds no escape, otherwise owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Key {
    /// The key is the URL from this byte to its end, as written.
    Raw(u16),
    /// The percent-decoded key.
    Decoded(Box<str>),
}

/// The bucket (`oss://`) or the whole host (`http(s)://`), in lower case: a range of the URL
/// when it is written in lower case (the common case, which then costs no copy), otherwise
/// owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Authority {
    /// The authority is this range of the URL, as written.
    Raw(Span),
    /// The authority in lower case.
    Lowered(Box<str>),
}

impl Authority {
    /// The authority in lower case, given the URL it was read from.
    pub(super) fn get<'a>(&'a self, url: &'a str) -> &'a str {
        match self {
            Authority::Raw(span) => span
                .get(url)
                .expect("the span was taken from this URL at character boundaries"),
            Authority::Lowered(lower) => lower,
        }
    }
}

/// The parts of an OSS URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Oss {
    pub(super) scheme: OssScheme,
    /// The bucket or the host, in lower case.
    pub(super) authority: Authority,
    /// The bucket is `authority[..bucket_end]`.
    pub(super) bucket_end: u8,
    /// The region, a range of `authority`.
    pub(super) region: Option<Span>,
    pub(super) key: Key,
}

/// What an `InputURL` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Parsed {
    /// An OSS object.
    Oss(Oss),
    /// A VOD media asset; the ID is the URL after [`VOD_PREFIX`].
    Vod,
}

#[derive(Clone, Copy)]
enum Scheme {
    Oss(OssScheme),
    Vod,
}

/// Parses `url` by [rule 16](crate::rules). Checks run in this order: empty, length (O(1)), scheme,
/// control characters, query and fragment, user info, port, host (or bucket, or VOD ID),
/// object key.
pub(super) fn parse(url: &str) -> Result<Parsed, ParamErrorKind> {
    if url.is_empty() {
        return Err(ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Bytes,
        });
    }
    if url.len() > MAX_BYTES {
        return Err(ParamErrorKind::TooLong {
            max: MAX_BYTES,
            found: url.len(),
            unit: Unit::Bytes,
        });
    }
    let fail = |reason: UrlError| ParamErrorKind::Url {
        reason,
        value: Excerpt::new(url),
    };

    let (scheme, rest_at) = scheme(url).ok_or_else(|| {
        fail(UrlError::Scheme {
            allowed: ALLOWED_SCHEMES,
        })
    })?;
    if let Some((at, ch)) = text::find_control(url, Controls::Reject) {
        return Err(fail(UrlError::ControlCharacter { ch, at }));
    }
    match find_query_or_fragment(url.as_bytes()) {
        Some((at, b'?')) => return Err(fail(UrlError::Query { at })),
        Some((at, _)) => return Err(fail(UrlError::Fragment { at })),
        None => {}
    }

    let rest = url
        .get(rest_at..)
        .expect("the scheme is ASCII, so it ends on a character boundary");
    let (authority, path) = match split_at_byte(rest, b'/') {
        Some((authority, path)) => (authority, Some(path)),
        None => (rest, None),
    };
    let holds = authority_flags(authority.as_bytes());
    let (at_sign, colon, upper) = (holds & AT_SIGN != 0, holds & COLON != 0, holds & UPPER != 0);
    if at_sign {
        return Err(fail(UrlError::UserInfo));
    }
    if colon && !authority.starts_with('[') {
        return Err(fail(UrlError::Port));
    }
    // The key starts after the authority and its '/'.
    let key_at = rest_at + authority.len() + 1;

    let scheme = match scheme {
        Scheme::Vod => {
            // The ID follows the MediaId rule: the one check lives in `MediaId`.
            return if path.is_none() && authority.parse::<crate::MediaId>().is_ok() {
                Ok(Parsed::Vod)
            } else {
                Err(fail(UrlError::VodId))
            };
        }
        Scheme::Oss(scheme) => scheme,
    };
    if authority.is_empty() {
        return Err(fail(UrlError::MissingHost));
    }
    let lowered = upper.then(|| authority.to_ascii_lowercase());
    let lower = lowered.as_deref().unwrap_or(authority);
    let (bucket, region) = match scheme {
        OssScheme::Oss => (lower, None),
        OssScheme::Http | OssScheme::Https => {
            let not_oss = || {
                fail(UrlError::NotOssHost {
                    host: Excerpt::new(authority).as_str().to_owned(),
                })
            };
            let (bucket, endpoint) = split_at_byte(lower, b'.').ok_or_else(not_oss)?;
            let region = endpoint_region(endpoint).ok_or_else(not_oss)?;
            // The region is a range of the endpoint; shift it past "BUCKET.".
            let shift = bucket.len() + 1;
            let region = region.map(|(start, end)| Span::new(shift + start, shift + end));
            (bucket, region)
        }
    };
    if !is_bucket(bucket) {
        let found = authority.get(..bucket.len()).unwrap_or(authority);
        return Err(fail(UrlError::Bucket {
            bucket: Excerpt::new(found).as_str().to_owned(),
        }));
    }
    let bucket_end = u8::try_from(bucket.len()).expect("a valid bucket has at most 63 bytes");

    let path = path.unwrap_or_default();
    if scheme != OssScheme::Oss {
        // A WHATWG reader turns `\` into `/` in an http(s) path: the URL would name another
        // object than its text says. `oss://` is no web URL: its key is taken as written.
        if let Some(i) = path.bytes().position(|b| b == b'\\') {
            return Err(fail(UrlError::KeyBackslash { at: key_at + i }));
        }
    }
    let key = object_key(path, key_at).map_err(fail)?;
    let authority = match lowered {
        Some(lower) => Authority::Lowered(lower.into_boxed_str()),
        None => Authority::Raw(Span::new(rest_at, rest_at + authority.len())),
    };
    Ok(Parsed::Oss(Oss {
        scheme,
        authority,
        bucket_end,
        region,
        key,
    }))
}

/// `s` split around its first `byte` (ASCII), found by a plain loop: the parts of a URL are
/// short, and `str::split_once` sets up a word-at-a-time search that costs more than it
/// saves on them.
fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    debug_assert!(byte.is_ascii());
    let at = s.bytes().position(|b| b == byte)?;
    // An ASCII byte is a character on its own: both sides end on character boundaries.
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `@` found in an authority.
const AT_SIGN: u8 = 1;
/// `:` found in an authority.
const COLON: u8 = 2;
/// An upper-case ASCII letter found in an authority.
const UPPER: u8 = 4;

/// What `authority` holds, as [`AT_SIGN`], [`COLON`] and [`UPPER`] flags: one pass without
/// branches, sixteen bytes at a time (which the compiler runs on vector registers), then the
/// rest byte by byte.
fn authority_flags(authority: &[u8]) -> u8 {
    let flags = |b: u8| {
        (u8::from(b == b'@') * AT_SIGN)
            | (u8::from(b == b':') * COLON)
            | (u8::from(b.is_ascii_uppercase()) * UPPER)
    };
    let chunks = authority.chunks_exact(16);
    let rest = chunks.remainder();
    let mut holds = 0u8;
    for chunk in chunks {
        let chunk = chunk
            .first_chunk::<16>()
            .expect("chunks_exact gives 16 bytes");
        holds |= chunk.iter().fold(0, |holds, &b| holds | flags(b));
    }
    rest.iter().fold(holds, |holds, &b| holds | flags(b))
}

/// The first `?` or `#` and its offset. Sixteen bytes are tested at once with a test without
/// branches (which the compiler runs on vector registers), byte by byte only from the first
/// block that holds one.
fn find_query_or_fragment(url: &[u8]) -> Option<(usize, u8)> {
    let mut start = 0;
    for block in url.chunks_exact(16) {
        let hit = block.iter().fold(0u8, |hit, &b| {
            hit | u8::from(b == b'?') | u8::from(b == b'#')
        });
        if hit != 0 {
            break;
        }
        start += 16;
    }
    let rest = url.get(start..)?;
    let at = rest.iter().position(|&b| b == b'?' || b == b'#')?;
    Some((start + at, *rest.get(at)?))
}

/// The scheme, ASCII case-insensitive, and the byte offset just past its `://`.
fn scheme(url: &str) -> Option<(Scheme, usize)> {
    const SCHEMES: [(&str, Scheme); 4] = [
        ("oss://", Scheme::Oss(OssScheme::Oss)),
        ("http://", Scheme::Oss(OssScheme::Http)),
        ("https://", Scheme::Oss(OssScheme::Https)),
        (VOD_PREFIX, Scheme::Vod),
    ];
    text::scheme_of(url, &SCHEMES)
}

/// The decoded object key from `raw`, the URL after the host's `/`, which starts at byte
/// `at` of the URL. Sizes are checked before anything is decoded.
fn object_key(raw: &str, at: usize) -> Result<Key, UrlError> {
    let escape = |i: usize| UrlError::PercentEscape { at: at + i };
    let found = percent::decoded_len(raw).map_err(escape)?;
    if found == 0 {
        return Err(UrlError::MissingKey);
    }
    if found > MAX_KEY_BYTES {
        return Err(UrlError::KeyTooLong { found });
    }
    if found == raw.len() {
        // No escape: the key is the URL's own text, whose control characters were refused
        // with the whole URL's.
        if let Some(c @ ('/' | '\\')) = raw.chars().next() {
            return Err(UrlError::KeyLeadingSlash(c));
        }
        return Ok(Key::Raw(
            u16::try_from(at).expect("an offset is at most MAX_BYTES < u16::MAX"),
        ));
    }
    // An escape is there, so the decoded key is a new string.
    let bytes = percent::decode(raw, Plus::Literal).map_err(escape)?;
    let key = String::from_utf8(bytes.into_owned()).map_err(|_| UrlError::KeyNotUtf8)?;
    if let Some(c @ ('/' | '\\')) = key.chars().next() {
        return Err(UrlError::KeyLeadingSlash(c));
    }
    if let Some((at, ch)) = text::find_control(&key, Controls::Reject) {
        return Err(UrlError::KeyControlCharacter { ch, at });
    }
    Ok(Key::Decoded(key.into_boxed_str()))
}

/// The region of a lower-case OSS endpoint, as a byte range of it: `Some(None)` for an OSS
/// endpoint without a region (acceleration), `None` for a host that is not an OSS endpoint.
///
/// Accepted: `oss-NAME.aliyuncs.com` and `oss-NAME-internal.aliyuncs.com` (region `NAME`,
/// none for `accelerate` and `accelerate-overseas`), and the dual-stack
/// `REGION.oss.aliyuncs.com` (none for `accelerate.oss.aliyuncs.com` and
/// `accelerate-overseas.oss.aliyuncs.com`). `NAME`, `REGION` and the endpoint's first label are DNS labels
/// of `a-z 0-9 -` (1 to 63 characters, no `-` first or last).
fn endpoint_region(endpoint: &str) -> Option<Option<(usize, usize)>> {
    if let Some(region) = endpoint.strip_suffix(".oss.aliyuncs.com") {
        // `BUCKET.accelerate.oss.aliyuncs.com` is the dual-stack acceleration endpoint.
        if matches!(region, "accelerate" | "accelerate-overseas") {
            return Some(None);
        }
        return is_label(region).then_some(Some((0, region.len())));
    }
    let label = endpoint.strip_suffix(".aliyuncs.com")?;
    let name = label.strip_prefix("oss-")?;
    let region = name.strip_suffix("-internal").unwrap_or(name);
    if !is_label(label) || !is_label(region) || region == "internal" {
        return None;
    }
    if matches!(region, "accelerate" | "accelerate-overseas") {
        return Some(None);
    }
    Some(Some(("oss-".len(), "oss-".len() + region.len())))
}

/// A DNS label of `a-z 0-9 -`: 1 to 63 characters, starting and ending with a letter or digit.
fn is_label(s: &str) -> bool {
    let alnum = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    (1..=63).contains(&s.len())
        && s.bytes().all(|b| alnum(&b) || b == b'-')
        && s.as_bytes().first().is_some_and(alnum)
        && s.as_bytes().last().is_some_and(alnum)
}

/// An OSS bucket name (already in lower case): 3 to 63 characters of `a-z 0-9 -`, starting
/// and ending with a letter or digit.
fn is_bucket(s: &str) -> bool {
    s.len() >= 3 && is_label(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert!(is_label("a"));
        assert!(is_label("cn-hangzhou"));
        assert!(is_label(&"a".repeat(63)));
        assert!(!is_label(&"a".repeat(64)));
        assert!(!is_label(""));
        assert!(!is_label("-a"));
        assert!(!is_label("a-"));
        assert!(!is_label("A"));
        assert!(!is_label("a.b"));
        assert!(!is_label("a_b"));
    }

    #[test]
    fn endpoints() {
        assert_eq!(
            endpoint_region("oss-cn-shanghai.aliyuncs.com"),
            Some(Some((4, 15)))
        );
        assert_eq!(
            endpoint_region("oss-cn-shanghai-internal.aliyuncs.com"),
            Some(Some((4, 15)))
        );
        assert_eq!(
            endpoint_region("cn-shanghai.oss.aliyuncs.com"),
            Some(Some((0, 11)))
        );
        assert_eq!(endpoint_region("oss-accelerate.aliyuncs.com"), Some(None));
        assert_eq!(
            endpoint_region("oss-accelerate-overseas.aliyuncs.com"),
            Some(None)
        );
        assert_eq!(endpoint_region("accelerate.oss.aliyuncs.com"), Some(None));
        assert_eq!(
            endpoint_region("accelerate-overseas.oss.aliyuncs.com"),
            Some(None)
        );
        assert_eq!(endpoint_region("oss-internal.aliyuncs.com"), None);
        assert_eq!(endpoint_region("oss--internal.aliyuncs.com"), None);
        assert_eq!(endpoint_region("oss-.aliyuncs.com"), None);
        assert_eq!(endpoint_region("oss.aliyuncs.com"), None);
        assert_eq!(endpoint_region("oss-cn-hangzhou.evil.aliyuncs.com"), None);
        assert_eq!(endpoint_region("aliyuncs.com"), None);
    }

    #[test]
    fn query_and_fragment_found_at_every_offset() {
        for len in [0, 1, 15, 16, 17, 40] {
            for at in 0..len {
                for c in [b'?', b'#'] {
                    let mut url = vec![b'a'; len];
                    url[at] = c;
                    if at + 1 < len {
                        url[len - 1] = b'?';
                    }
                    assert_eq!(find_query_or_fragment(&url), Some((at, c)), "{len} {at}");
                }
            }
            assert_eq!(find_query_or_fragment(&vec![b'a'; len]), None);
        }
    }
}
