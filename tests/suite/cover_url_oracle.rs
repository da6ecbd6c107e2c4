//! `CoverUrl`'s authority read as a browser reads it, checked against the `url` crate (an
//! implementation of the WHATWG URL Standard, the parser browsers follow): every cover URL the
//! crate accepts parses there too, with the same host.
#![cfg(feature = "proptest")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::net::Ipv6Addr;

use ims_media::strategy;
use ims_media::{CoverUrl, ParamErrorKind, UrlError};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    common::proptest_config("proptest-regressions/cover_url_oracle.txt")
}

/// The oracle: `url::Url::parse` succeeds, and its host is `CoverUrl::host()` (ASCII hosts
/// compared in lower case, as the standard serializes them; IPv6 literals compared as
/// addresses, since the standard writes them compressed).
fn agrees_with_the_standard(cover: &CoverUrl) -> Result<(), TestCaseError> {
    let parsed = url::Url::parse(cover.as_str());
    prop_assert!(parsed.is_ok(), "{cover} accepted, url says {parsed:?}");
    let parsed = parsed.unwrap();
    let host = cover.host();
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        let ours: Ipv6Addr = inner.parse().unwrap();
        prop_assert_eq!(parsed.host(), Some(url::Host::Ipv6(ours)));
    } else {
        // Every accepted host is ASCII: the host a browser contacts is the one written.
        prop_assert!(host.is_ascii(), "{cover}: host {host:?} is not ASCII");
        let lower = host.to_ascii_lowercase();
        prop_assert_eq!(parsed.host_str(), Some(lower.as_str()));
    }
    prop_assert_eq!(parsed.scheme(), cover.scheme().to_ascii_lowercase());
    Ok(())
}

/// Authorities built from the characters that make browsers and naive parsers disagree.
fn hostile_cover() -> impl Strategy<Value = String> {
    let authority = proptest::collection::vec(
        prop::sample::select(
            &[
                "a", "b", "7", "0", "255", "256", "0x7f", "-", ".", ":", "@", "\\", "<", ">", "^",
                "|", "%", "%41", "%zz", "[", "]", "::1", "_", "\"", "{", "`", "例", "80", "0",
            ][..],
        ),
        0..12,
    )
    .prop_map(|parts| parts.concat());
    let rest = prop::sample::select(&["", "/", "/a.png", "?x=\\", "#f", "\\x", "/a\\b"][..]);
    (
        prop::sample::select(&["http", "https", "HTTP"][..]),
        authority,
        rest,
    )
        .prop_map(|(scheme, authority, rest)| format!("{scheme}://{authority}{rest}"))
}

/// Characters that a WHATWG reader maps to others, drops, or refuses in a host: full-width
/// and ideographic dots and digits, circled and full-width letters, zero-width and combining
/// characters, look-alikes of the forbidden ASCII characters, and letters it keeps (Latin,
/// Greek, Cyrillic, CJK, kana, Hangul, Arabic, upper case that it folds).
const UNICODE_HOST_PIECES: &[&str] = &[
    "a",
    "b",
    "x",
    "1",
    "0",
    "-",
    ".",
    "。",
    "．",
    "｡",
    "０",
    "１",
    "７",
    "２５５",
    "ⓛ",
    "ⓞ",
    "ⓒ",
    "Ａ",
    "ｂ",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{AD}",
    "\u{301}",
    "\u{308}",
    "＜",
    "＠",
    "：",
    "／",
    "？",
    "＃",
    "＼",
    "é",
    "ü",
    "ß",
    "ς",
    "σ",
    "Ω",
    "ω",
    "д",
    "Д",
    "例",
    "え",
    "カ",
    "한",
    "ل",
    "ي",
    "ℌ",
    "ﬁ",
    "Ⅸ",
    "\u{E0041}",
    "\u{FE0F}",
    "\u{3164}",
    "ǅ",
    "xn--",
    "XN--",
];

/// Hosts of Unicode pieces, and hosts whose labels are `xn--` labels: random ones (mostly not
/// valid Punycode), and the ASCII form the standard itself gives a random Unicode label (valid
/// Punycode, in lower case, upper case, or with a character changed).
fn unicode_host() -> impl Strategy<Value = String> {
    let pieces = proptest::collection::vec(prop::sample::select(UNICODE_HOST_PIECES), 1..8)
        .prop_map(|parts| parts.concat());
    let random_xn = "[a-z0-9-]{0,12}".prop_map(|code| format!("xn--{code}"));
    let encoded_xn = (
        proptest::collection::vec(prop::sample::select(UNICODE_HOST_PIECES), 1..5),
        0..4u8,
    )
        .prop_filter_map("the standard refuses the label", |(parts, spelling)| {
            let label = parts.concat().replace(['.', '。', '．', '｡'], "");
            let host = url::Url::parse(&format!("http://{label}.example/"))
                .ok()?
                .host_str()?
                .strip_suffix(".example")?
                .to_owned();
            if !host.starts_with("xn--") {
                return None;
            }
            Some(match spelling {
                0 => host,
                1 => host.to_ascii_uppercase(),
                2 => format!("{host}a"),
                _ => host.replacen('-', "", 1).replacen("xn", "xn--", 1),
            })
        });
    let label = prop_oneof![pieces, random_xn, encoded_xn, Just("example".to_owned())];
    proptest::collection::vec(label, 1..4).prop_map(|labels| labels.join("."))
}

fn unicode_cover() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["http", "https"][..]),
        unicode_host(),
        prop::sample::select(&["", ":8080"][..]),
        prop::sample::select(&["/", "/a.png", "?v=1", "#f"][..]),
    )
        .prop_map(|(scheme, host, port, rest)| format!("{scheme}://{host}{port}{rest}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..config() })]

    /// Unicode and `xn--` hosts: every one accepted is read by the standard with the same
    /// host (the one contacted), and none holding a character outside ASCII is accepted.
    #[test]
    fn accepted_unicode_hosts_agree_with_the_url_standard(s in unicode_cover()) {
        match s.parse::<CoverUrl>() {
            Ok(cover) => agrees_with_the_standard(&cover)?,
            Err(e) => {
                let host_ascii = s.split("://").nth(1).is_some_and(|rest| {
                    rest.split(['/', '?', '#', ':']).next().is_some_and(str::is_ascii)
                });
                if !host_ascii {
                    prop_assert!(
                        matches!(e.kind(), ParamErrorKind::Url { reason: UrlError::NonAsciiHost { .. }, .. }),
                        "{s}: {e}"
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_covers_agree_with_the_url_standard(cover in strategy::cover_url()) {
        agrees_with_the_standard(&cover)?;
    }

    #[test]
    fn accepted_hostile_covers_agree_with_the_url_standard(s in hostile_cover()) {
        if let Ok(cover) = s.parse::<CoverUrl>() {
            agrees_with_the_standard(&cover)?;
        }
    }
}

#[track_caller]
fn refused_as(input: &str, want: impl Fn(&UrlError) -> bool) {
    let err = input.parse::<CoverUrl>().expect_err(input);
    let ParamErrorKind::Url { reason, .. } = err.kind() else {
        panic!("{input}: {err}");
    };
    assert!(want(reason), "{input}: {reason:?}");
}

/// Each hostile authority, what a browser would contact, and the crate's refusal.
#[test]
fn hostile_authorities_are_refused() {
    // A browser reads `\` as `/`: the host would be `evil.example`, not what the text says.
    let url = url::Url::parse("https://evil.example\\.trusted.com/a.png").unwrap();
    assert_eq!(url.host_str(), Some("evil.example"));
    refused_as("https://evil.example\\.trusted.com/a.png", |r| {
        matches!(r, UrlError::Backslash { at: 20, .. })
    });
    assert_eq!(
        "https://evil.example\\.trusted.com/a.png"
            .parse::<CoverUrl>()
            .unwrap_err()
            .to_string(),
        "invalid CoverURL: '\\' at byte 20, a browser reads it as '/' in \
         \"https://evil.example\\\\.trusted.com/a.png\""
    );
    refused_as("http://a.example/x\\y.png", |r| {
        matches!(r, UrlError::Backslash { .. })
    });
    // Numbers a browser reads as IPv4 addresses of another spelling.
    for (input, browser_host) in [
        ("http://127.1/x", "127.0.0.1"),
        ("http://0x7f.0.0.1/x", "127.0.0.1"),
        ("http://010.0.0.1/x", "8.0.0.1"),
        ("http://2130706433/x", "127.0.0.1"),
    ] {
        assert_eq!(
            url::Url::parse(input).unwrap().host_str(),
            Some(browser_host)
        );
        refused_as(input, |r| matches!(r, UrlError::InvalidHost { .. }));
    }
    // Hosts a browser refuses outright.
    for input in [
        "http://[::1/x",
        "http://[1:2]/x",
        "http://1.2.3.256/x",
        "http://foo.123/x",
    ] {
        assert!(url::Url::parse(input).is_err(), "{input}");
        refused_as(input, |r| matches!(r, UrlError::InvalidHost { .. }));
    }
    for (input, at) in [
        ("http://a<b>/x", 8),
        ("http://%zz/x", 7),
        ("http://a^b/x", 8),
        ("http://a|b/x", 8),
    ] {
        assert!(url::Url::parse(input).is_err(), "{input}");
        refused_as(
            input,
            move |r| matches!(r, UrlError::HostCharacter { at: a, .. } if *a == at),
        );
    }
    // `%41` decodes to `a` in a browser: the host would not be what is written.
    assert_eq!(
        url::Url::parse("http://%41.com/x").unwrap().host_str(),
        Some("a.com")
    );
    refused_as("http://%41.com/x", |r| {
        matches!(r, UrlError::HostCharacter { ch: '%', .. })
    });
    // Port 0 is no port a browser connects to.
    refused_as("http://a.example:0/x", |r| {
        matches!(r, UrlError::InvalidPort { .. })
    });
    // Labels: empty, too long, a hyphen at an end, an underscore.
    for input in [
        "http://a..b/x",
        "http://a./x",
        "http://-a.example/x",
        "http://a-.example/x",
        "http://a_b.example/x",
    ] {
        refused_as(input, |r| matches!(r, UrlError::InvalidHost { .. }));
    }
    let long = format!("http://{}.example/x", "a".repeat(64));
    refused_as(&long, |r| matches!(r, UrlError::InvalidHost { .. }));
}

#[test]
fn signed_and_ordinary_covers_keep_their_hosts() {
    for (input, host) in [
        ("http://127.0.0.1:8080/x", "127.0.0.1"),
        ("http://[2001:db8::7]/x", "[2001:db8::7]"),
        ("HTTPS://Example-Bucket.OSS-cn-shanghai.aliyuncs.com/a.png?Expires=1&Signature=a%2Fb\\c", "Example-Bucket.OSS-cn-shanghai.aliyuncs.com"),
    ] {
        let cover: CoverUrl = input.parse().unwrap();
        assert_eq!(cover.host(), host);
        agrees_with_the_standard(&cover).unwrap();
    }
}

/// The hosts hostile testing found accepted before hosts had to be ASCII: each is mapped by
/// the standard to another host (or refused by it), and each is refused here, saying to give
/// the ASCII form.
#[test]
fn unicode_hosts_a_browser_maps_to_others_are_refused() {
    for (input, browser_host) in [
        (
            "http://169.254.169.254。/latest/meta-data/",
            Some("169.254.169.254"),
        ),
        ("http://0x7f.０.０.１/", Some("127.0.0.1")),
        ("http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/", Some("localhost")),
        ("http://example．com/", Some("example.com")),
        ("http://a\u{200B}b.com/", Some("ab.com")),
        ("http://a＜b.com/", None),
        ("http://a＠b.com/", None),
        ("http://a：80/", None),
        ("http://\u{301}/", None),
        ("http://例え.jp/", Some("xn--r8jz45g.jp")),
    ] {
        let read = url::Url::parse(input).ok();
        assert_eq!(
            read.as_ref().and_then(|u| u.host_str()),
            browser_host,
            "{input}"
        );
        refused_as(input, |r| matches!(r, UrlError::NonAsciiHost { .. }));
    }
    let err = "http://169.254.169.254。/latest/meta-data/"
        .parse::<CoverUrl>()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid CoverURL: character '。' at byte 22 in the host is not ASCII, give the host in \
         its ASCII (xn--) form in \"http://169.254.169.254。/latest/meta-data/\""
    );
    // The same through a query string, percent-encoded.
    let err = ims_media::UpdateMediaInfoRequest::from_query(
        "MediaId=abc&CoverURL=http%3A%2F%2F169.254.169.254%E3%80%82%2Flatest%2Fmeta-data%2F",
    )
    .unwrap_err();
    assert_matches!(
        err.errors()[0].kind(),
        ParamErrorKind::Url {
            reason: UrlError::NonAsciiHost { ch: '。', .. },
            ..
        }
    );
    // `xn--a` is not Punycode of anything a browser reads: refused by both.
    assert!(url::Url::parse("http://xn--a/").is_err());
    refused_as("http://xn--a/", |r| {
        matches!(r, UrlError::InvalidHost { .. })
    });
}

/// Reach: a label of the characters the check vouches for, in the ASCII form the standard
/// gives it, is accepted (in any ASCII case) with that host.
#[test]
fn xn_labels_of_kept_characters_are_accepted() {
    let alphabets = [
        "bücherß",
        "αβγδ",
        "дежзий",
        "例え漢字",
        "カタカナひら",
        "한국어",
    ];
    for letters in alphabets {
        let chars: Vec<char> = letters.chars().collect();
        for len in 1..=chars.len() {
            for start in 0..=chars.len() - len {
                let label: String = chars[start..start + len].iter().collect();
                let ascii = url::Url::parse(&format!("http://{label}.example/"))
                    .unwrap()
                    .host_str()
                    .unwrap()
                    .to_owned();
                for host in [ascii.clone(), ascii.to_ascii_uppercase()] {
                    let cover: CoverUrl = format!("https://{host}/a.png")
                        .parse()
                        .unwrap_or_else(|e| panic!("{label} as {host}: {e}"));
                    agrees_with_the_standard(&cover).unwrap();
                }
            }
        }
    }
}
