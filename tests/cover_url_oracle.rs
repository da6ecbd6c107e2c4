//! `CoverUrl`'s authority read as a browser reads it, checked against the `url` crate (an
//! implementation of the WHATWG URL Standard, the parser browsers follow): every cover URL the
//! crate accepts parses there too, with the same host.
#![cfg(feature = "proptest")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

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
    } else if host.is_ascii() {
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
