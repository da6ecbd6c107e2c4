//! Strategies for `InputURL` (every form) and `CoverURL`.

use proptest::prelude::*;
use proptest::sample::select;

use super::chars::{self, ascii_string, exactly, label, Bits, Case, Kind, ALNUM_LOWER};
use super::media_id_string;
use crate::{CoverUrl, InputUrl};

/// An OSS bucket name as it is exposed by [`InputUrl::bucket`]: 3 to 63 characters of
/// `a-z 0-9 -`, a letter or digit first and last; biased towards 3 and 63 characters.
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// let bucket = ims_media::strategy::bucket().new_tree(&mut runner).unwrap().current();
/// let url: ims_media::InputUrl = format!("oss://{bucket}/a.mp4").parse().unwrap();
/// assert_eq!(url.bucket(), Some(bucket.as_str()));
/// ```
pub fn bucket() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => label(3usize),
        1 => label(63usize),
        3 => label(3..=63usize),
        1 => select(&["example-bucket", "b12", "media-2024", "0-0"][..]).prop_map(str::to_owned),
    ]
    .boxed()
}

/// A decoded OSS object key as [`InputUrl::object_key`] returns it: valid UTF-8 of 1 to
/// [`InputUrl::MAX_KEY_BYTES`] (1,023) bytes, no control character, not starting with `/` or
/// `\`. Holds the characters that must be percent-encoded in a URL (`%`, `?`, `#`), spaces,
/// `+`, `/`, `\` and multi-byte characters; biased towards keys of exactly 1,023 bytes and
/// short path-like keys.
pub fn object_key() -> impl Strategy<Value = String> {
    let path = (
        proptest::collection::vec(label(1..=12usize), 1..=4),
        select(&["mp4", "MOV", "png", "srt", "m3u8"][..]),
    )
        .prop_map(|(dirs, ext)| format!("{}.{ext}", dirs.join("/")));
    prop_oneof![
        2 => path,
        4 => chars::bounded(Kind::Line, InputUrl::MAX_KEY_BYTES),
    ]
    .prop_map(|key| {
        let mut out = String::with_capacity(key.len());
        for (i, c) in key.chars().enumerate() {
            let leading_slash = i == 0 && matches!(c, '/' | '\\');
            out.push(if leading_slash { 'k' } else { c });
        }
        out
    })
    .boxed()
}

/// A region as an endpoint names it: real ones, and made-up labels ending in a digit (the
/// region is not checked against a list). Never `accelerate`, `accelerate-overseas` or a
/// label ending in `-internal`.
fn region() -> impl Strategy<Value = String> {
    const REGIONS: &[&str] = &[
        "cn-hangzhou",
        "cn-shanghai",
        "cn-beijing",
        "cn-shenzhen",
        "cn-hongkong",
        "us-west-1",
        "ap-southeast-1",
        "eu-central-1",
        "rg-china-mainland",
        "cn-shanghai-finance-1",
        "cn-shenzhen-finance-1",
        "cn-north-2-gov-1",
    ];
    prop_oneof![
        3 => select(REGIONS).prop_map(str::to_owned),
        1 => (
            proptest::collection::vec(ascii_string(ALNUM_LOWER, 1..=8usize), 1..=3),
            1..=9u8,
        )
            .prop_map(|(words, n)| format!("{}-{n}", words.join("-"))),
    ]
    .boxed()
}

/// An OSS endpoint host without the bucket: public, internal, acceleration, dual-stack,
/// finance and gov forms.
fn endpoint() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => region().prop_map(|r| format!("oss-{r}.aliyuncs.com")),
        2 => region().prop_map(|r| format!("oss-{r}-internal.aliyuncs.com")),
        2 => region().prop_map(|r| format!("{r}.oss.aliyuncs.com")),
        1 => select(&crate::generate::FIXED_ENDPOINTS[..]).prop_map(str::to_owned),
    ]
    .boxed()
}

/// How the key of a URL is percent-encoded.
#[derive(Debug, Clone, Copy)]
enum Encoding {
    /// Only what must be (`%`, `?`, `#`).
    Minimal,
    /// Every byte.
    All,
    /// Every byte but `A-Z a-z 0-9 - _ . ~ /`, as SDKs write paths.
    Sdk,
    /// A pseudo-random choice per character.
    Random(u64),
}

fn encoding() -> impl Strategy<Value = (Encoding, Case)> {
    (
        prop_oneof![
            3 => Just(Encoding::Minimal),
            1 => Just(Encoding::All),
            2 => Just(Encoding::Sdk),
            2 => any::<u64>().prop_map(Encoding::Random),
        ],
        Case::strategy(),
    )
}

/// Writes `key` into a URL path, percent-encoding as `encoding` says, with hex digits in the
/// case `case` says; `web` (the `http(s)://` forms) escapes `\` too, which a browser would
/// read as `/`.
fn encode_key(key: &str, encoding: Encoding, case: Case, web: bool) -> String {
    const UPPER: &[u8; 16] = b"0123456789ABCDEF";
    let mut choose = match encoding {
        Encoding::Random(seed) => Some(Bits::new(seed)),
        _ => None,
    };
    let mut hex_case = match case {
        Case::Mixed(seed) => Some(Bits::new(seed)),
        _ => None,
    };
    let mut out = String::with_capacity(key.len() * 3);
    for c in key.chars() {
        let must = matches!(c, '%' | '?' | '#') || web && c == '\\';
        let unreserved = c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '/');
        let encode = must
            || match encoding {
                Encoding::Minimal => false,
                Encoding::All => true,
                Encoding::Sdk => !unreserved,
                Encoding::Random(_) => choose.as_mut().is_some_and(Bits::next),
            };
        if !encode {
            out.push(c);
            continue;
        }
        let mut buf = [0; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            let lower = match case {
                Case::Lower => true,
                Case::Upper => false,
                Case::Mixed(_) => hex_case.as_mut().is_some_and(Bits::next),
            };
            out.push('%');
            for nibble in [b >> 4, b & 0xF] {
                let d = char::from(UPPER[usize::from(nibble)]);
                out.push(if lower { d.to_ascii_lowercase() } else { d });
            }
        }
    }
    out
}

/// The URL of the OSS object `bucket`/`key` in one of its forms: `oss://`, or `http(s)://`
/// with an OSS endpoint, the scheme and host in any case, the key percent-encoded in any way.
fn render_oss(bucket: String, key: String) -> impl Strategy<Value = String> {
    let oss = (
        select(&["oss", "OSS", "Oss"][..]),
        Case::strategy(),
        encoding(),
    )
        .prop_map({
            let (bucket, key) = (bucket.clone(), key.clone());
            move |(scheme, case, (enc, hex))| {
                format!(
                    "{scheme}://{}/{}",
                    case.apply(&bucket),
                    encode_key(&key, enc, hex, false)
                )
            }
        });
    let http = (
        select(&["https", "http", "HTTPS", "HTTP", "Https", "hTTp"][..]),
        endpoint(),
        Case::strategy(),
        encoding(),
    )
        .prop_map(move |(scheme, endpoint, case, (enc, hex))| {
            let host = case.apply(&format!("{bucket}.{endpoint}"));
            format!("{scheme}://{host}/{}", encode_key(&key, enc, hex, true))
        });
    prop_oneof![oss, http].boxed()
}

fn parse_input_url(s: String) -> Option<InputUrl> {
    InputUrl::try_from(s).ok()
}

/// An OSS `InputURL` in any form: `oss://BUCKET/KEY` or `http(s)://BUCKET.ENDPOINT/KEY` with a
/// public, internal, acceleration, dual-stack, finance or gov endpoint; scheme and host in
/// lower, upper or mixed case; the key (see [`object_key`], up to 1,023 decoded bytes)
/// written raw where it may be, fully percent-encoded, encoded as SDKs do, or a mix, with hex
/// digits of either case.
pub fn oss_input_url() -> impl Strategy<Value = InputUrl> {
    (bucket(), object_key())
        .prop_flat_map(|(bucket, key)| render_oss(bucket, key))
        .prop_filter_map("a valid OSS InputURL", parse_input_url)
        .boxed()
}

/// A `vod://ID` `InputURL`, the scheme in any case, the ID following the `MediaId` rule.
pub fn vod_input_url() -> impl Strategy<Value = InputUrl> {
    (select(&["vod", "VOD", "Vod"][..]), media_id_string())
        .prop_map(|(scheme, id)| format!("{scheme}://{id}"))
        .prop_filter_map("a valid vod:// InputURL", parse_input_url)
        .boxed()
}

/// Any valid `InputURL`: mostly OSS ([`oss_input_url`]), sometimes VOD ([`vod_input_url`]).
pub fn input_url() -> impl Strategy<Value = InputUrl> {
    prop_oneof![4 => oss_input_url(), 1 => vod_input_url()].boxed()
}

/// Another way of writing the object `url` names: for OSS any form, endpoint, case and
/// percent-encoding of the same bucket and key, so that
/// [`InputUrl::same_object`] holds; for `vod://` the same ID with the scheme in any case.
///
/// ```
/// use ims_media::InputUrl;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let stored: InputUrl = "oss://example-bucket/intro.mp4".parse().unwrap();
/// let mut runner = TestRunner::deterministic();
/// let other = ims_media::strategy::same_object_as(&stored)
///     .new_tree(&mut runner)
///     .unwrap()
///     .current();
/// assert!(other.same_object(&stored));
/// ```
pub fn same_object_as(url: &InputUrl) -> BoxedStrategy<InputUrl> {
    match (url.bucket(), url.object_key(), url.vod_id()) {
        (Some(bucket), Some(key), _) => render_oss(bucket.to_owned(), key.to_owned())
            .prop_filter_map("a valid OSS InputURL", parse_input_url)
            .boxed(),
        (_, _, Some(id)) => {
            let id = id.to_owned();
            select(&["vod", "VOD", "Vod"][..])
                .prop_map(move |scheme| format!("{scheme}://{id}"))
                .prop_filter_map("a valid vod:// InputURL", parse_input_url)
                .boxed()
        }
        _ => Just(url.clone()).boxed(),
    }
}

/// A `CoverURL`: `http://` or `https://` (any case), a host (DNS name, IPv4, IPv6 literal,
/// an OSS host or an `xn--` name), an optional port from 1 to 65535, then a path, query and
/// fragment of any characters but white space and controls; biased towards exactly
/// [`CoverUrl::MAX_BYTES`] (128) bytes with multi-byte characters at the end.
pub fn cover_url() -> impl Strategy<Value = CoverUrl> {
    let scheme = select(&["http", "https", "HTTP", "HTTPS", "Https", "hTtP"][..]);
    let dns = (
        proptest::collection::vec(label(1..=10usize), 1..=3),
        Case::strategy(),
    )
        .prop_map(|(mut labels, case)| {
            // A host ending in a number is read as an IPv4 address: keep the last label a name.
            if let Some(last) = labels.last_mut() {
                if last.bytes().all(|b| b.is_ascii_digit()) {
                    last.insert(0, 'x');
                }
            }
            case.apply(&labels.join("."))
        });
    let host = prop_oneof![
        4 => dns,
        2 => select(&[
            "example-bucket.oss-cn-shanghai.aliyuncs.com",
            "127.0.0.1",
            "[::1]",
            "[2001:db8::7]",
            "xn--fsqu00a.xn--0zwm56d",
            "XN--R8JZ45G.jp",
            "localhost",
        ][..])
        .prop_map(str::to_owned),
    ];
    let port = proptest::option::of(1..=65535u32);
    let start = select(&["/", "?", "#"][..]);
    (
        scheme,
        host,
        port,
        start,
        select(crate::generate::COVER_QUERIES),
    )
        .prop_map(|(scheme, host, port, start, query)| {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            let start = if query.is_empty() { start } else { query };
            format!("{scheme}://{host}{port}{start}")
        })
        .prop_flat_map(|prefix| {
            let room = CoverUrl::MAX_BYTES - prefix.len();
            let rest = prop_oneof![
                1 => Just(String::new()),
                2 => proptest::collection::vec(chars::char_of(Kind::NoSpace), 0..=16)
                    .prop_map(move |c| chars::fit(&c, room)),
                2 => exactly(Kind::NoSpace, room),
            ];
            (Just(prefix), rest)
        })
        // A browser reads `\` before the query as `/`: it is refused, so it becomes `/`.
        .prop_map(|(prefix, rest)| prefix + &rest.replace('\\', "/"))
        .prop_filter_map("a valid CoverURL", |s| CoverUrl::try_from(s).ok())
        .boxed()
}
