//! `InputUrl`: the InputURL grammar (rule 16 of `ims_media::rules`) and `same_object` (rule 10).

// Tests may unwrap and panic: a failure is the point.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::time::{Duration, Instant};

use ims_media::{ErrorCode, Excerpt, InputUrl, Param, ParamErrorKind, Unit, UrlError};

#[track_caller]
fn ok(s: &str) -> InputUrl {
    let url = match s.parse::<InputUrl>() {
        Ok(url) => url,
        Err(e) => panic!("{s:?} refused: {e}"),
    };
    assert_eq!(url.as_str(), s);
    assert_eq!(InputUrl::try_from(s).as_ref(), Ok(&url));
    assert_eq!(InputUrl::try_from(s.to_owned()).as_ref(), Ok(&url));
    url
}

/// An accepted OSS URL and its parts: bucket, region, host, decoded key.
#[track_caller]
fn oss(s: &str, bucket: &str, region: Option<&str>, host: Option<&str>, key: &str) -> InputUrl {
    let url = ok(s);
    assert!(url.is_oss() && !url.is_vod());
    assert_eq!(url.bucket(), Some(bucket), "bucket");
    assert_eq!(url.region(), region, "region");
    assert_eq!(url.host(), host, "host");
    assert_eq!(url.object_key(), Some(key), "key");
    assert_eq!(url.vod_id(), None);
    url
}

/// An accepted `http(s)://` URL whose host is `BUCKET.ENDPOINT` in lower case.
#[track_caller]
fn http(s: &str, bucket: &str, region: Option<&str>, key: &str) -> InputUrl {
    let start = s.find("://").map_or(0, |i| i + 3);
    let host = s[start..]
        .split('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    oss(s, bucket, region, Some(&host), key)
}

#[track_caller]
fn vod(s: &str, id: &str) {
    let url = ok(s);
    assert!(url.is_vod() && !url.is_oss());
    assert_eq!(url.scheme(), "vod");
    assert_eq!(url.vod_id(), Some(id));
    assert_eq!(
        (url.bucket(), url.object_key(), url.region(), url.host()),
        (None, None, None, None)
    );
}

/// A refused value: the exact message, and the error's kind returned for further checks.
#[track_caller]
fn refused(s: &str, message: &str) -> ParamErrorKind {
    let err = s.parse::<InputUrl>().unwrap_err();
    assert_eq!(err.to_string(), message);
    assert_eq!(err.param(), "InputURL");
    assert_eq!(err.known_param(), Some(Param::InputUrl));
    assert_eq!(err.code(), ErrorCode::InvalidParameter);
    assert_eq!(InputUrl::try_from(s.to_owned()), Err(err.clone()));
    assert_eq!(InputUrl::try_from(s), Err(err.clone()));
    err.kind().clone()
}

/// A refused value breaking the grammar: the exact message, and a reason matching the `UrlError`
/// pattern (and its guard, if any).
macro_rules! bad {
    ($s:expr, $reason:pat $(if $guard:expr)?, $message:expr $(,)?) => {
        match $s {
            s => {
                let s: &str = s;
                let kind = refused(s, $message);
                assert_url_error!(kind, s, $reason $(if $guard)?);
            }
        }
    };
}

/// As [`bad!`] for values too long to write out: `reason_text` is the part before ` in "…"`.
macro_rules! bad_long {
    ($s:expr, $reason:pat $(if $guard:expr)?, $reason_text:expr $(,)?) => {
        match $s {
            s => {
                let s: &str = s;
                let message = format!("invalid InputURL: {} in {}", $reason_text, Excerpt::new(s));
                bad!(s, $reason $(if $guard)?, &message);
            }
        }
    };
}

const SCHEMES: &str = "scheme not allowed, only oss://, http://, https:// or vod://";

/// The schemes `UrlError::Scheme` names for an InputURL.
const ALLOWED: &str = "oss://, http://, https:// or vod://";

fn same(a: &str, b: &str) -> bool {
    let (a, b) = (ok(a), ok(b));
    assert_eq!(a.same_object(&b), b.same_object(&a), "symmetric");
    assert!(a.same_object(&a) && b.same_object(&b), "reflexive");
    a.same_object(&b)
}

fn hash(url: &InputUrl) -> u64 {
    let mut h = DefaultHasher::new();
    url.hash(&mut h);
    h.finish()
}

// ---------------------------------------------------------------- accepted forms

#[test]
fn documented_examples() {
    let url = http(
        "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.mp4",
        "example-bucket",
        Some("cn-shanghai"),
        "example.mp4",
    );
    assert_eq!(url.scheme(), "http");
    assert_eq!(
        url.host(),
        Some("example-bucket.oss-cn-shanghai.aliyuncs.com")
    );
    let url = http(
        "https://example-bucket.oss-cn-shanghai.aliyuncs.com/example.mp4",
        "example-bucket",
        Some("cn-shanghai"),
        "example.mp4",
    );
    assert_eq!(url.scheme(), "https");
    let url = oss(
        "oss://example-bucket/example.mp4",
        "example-bucket",
        None,
        None,
        "example.mp4",
    );
    assert_eq!(url.scheme(), "oss");
}

#[test]
fn schemes_and_hosts_are_case_insensitive_and_exposed_in_lower_case() {
    let url = oss(
        "OSS://Example-Bucket/Example.MP4",
        "example-bucket",
        None,
        None,
        "Example.MP4",
    );
    assert_eq!(url.scheme(), "oss");
    assert_eq!(url.as_str(), "OSS://Example-Bucket/Example.MP4");
    oss("Oss://EXAMPLE-BUCKET/a", "example-bucket", None, None, "a");
    let url = oss(
        "HTTPS://Example-Bucket.OSS-CN-Shanghai.ALIYUNCS.com/Dir/A.mp4",
        "example-bucket",
        Some("cn-shanghai"),
        Some("example-bucket.oss-cn-shanghai.aliyuncs.com"),
        "Dir/A.mp4",
    );
    assert_eq!(url.scheme(), "https");
    assert_eq!(
        url.to_string(),
        "HTTPS://Example-Bucket.OSS-CN-Shanghai.ALIYUNCS.com/Dir/A.mp4"
    );
    assert_eq!(
        ok("hTTp://b12.oss-cn-hangzhou.aliyuncs.com/k").scheme(),
        "http"
    );
    vod("VOD://AbC-1_2", "AbC-1_2");
    vod("Vod://x", "x");
}

#[test]
fn every_endpoint_form() {
    http(
        "https://b12.oss-cn-shanghai-internal.aliyuncs.com/k",
        "b12",
        Some("cn-shanghai"),
        "k",
    );
    http(
        "https://b12.oss-accelerate.aliyuncs.com/k",
        "b12",
        None,
        "k",
    );
    http(
        "https://b12.oss-accelerate-overseas.aliyuncs.com/k",
        "b12",
        None,
        "k",
    );
    http(
        "https://b12.oss-accelerate-internal.aliyuncs.com/k",
        "b12",
        None,
        "k",
    );
    http(
        "https://b12.oss-rg-china-mainland.aliyuncs.com/k",
        "b12",
        Some("rg-china-mainland"),
        "k",
    );
    http(
        "https://b12.oss-cn-shanghai-finance-1.aliyuncs.com/k",
        "b12",
        Some("cn-shanghai-finance-1"),
        "k",
    );
    http(
        "http://b12.oss-cn-shanghai-finance-1-internal.aliyuncs.com/k",
        "b12",
        Some("cn-shanghai-finance-1"),
        "k",
    );
    http(
        "https://b12.oss-cn-north-2-gov-1.aliyuncs.com/k",
        "b12",
        Some("cn-north-2-gov-1"),
        "k",
    );
    http(
        "https://b12.oss-cn-north-2-gov-1-internal.aliyuncs.com/k",
        "b12",
        Some("cn-north-2-gov-1"),
        "k",
    );
    http(
        "https://b12.oss-ap-southeast-1.aliyuncs.com/k",
        "b12",
        Some("ap-southeast-1"),
        "k",
    );
    http(
        "https://b12.oss-us-west-1.aliyuncs.com/k",
        "b12",
        Some("us-west-1"),
        "k",
    );
    // Dual-stack.
    http(
        "https://b12.cn-hangzhou.oss.aliyuncs.com/k",
        "b12",
        Some("cn-hangzhou"),
        "k",
    );
    http(
        "http://B12.CN-Hangzhou.OSS.aliyuncs.com/k",
        "b12",
        Some("cn-hangzhou"),
        "k",
    );
    // The region is not checked against a list.
    http(
        "https://b12.oss-xx-nowhere-9.aliyuncs.com/k",
        "b12",
        Some("xx-nowhere-9"),
        "k",
    );
}

#[test]
fn vod_ids_follow_the_media_id_rule() {
    vod(
        "vod://2b36bd19c13f4145b094c0cad80dbce5",
        "2b36bd19c13f4145b094c0cad80dbce5",
    );
    vod("vod://a", "a");
    vod(
        &format!("vod://{}", "Az09-_".repeat(10) + "abcd"),
        &("Az09-_".repeat(10) + "abcd"),
    );
    vod(
        "vod://icepublic-2b36bd19c13f4145b094c0cad80dbce5",
        "icepublic-2b36bd19c13f4145b094c0cad80dbce5",
    );
}

#[test]
fn buckets_at_their_limits() {
    oss("oss://abc/k", "abc", None, None, "k");
    oss("oss://123/k", "123", None, None, "k");
    oss("oss://a-b/k", "a-b", None, None, "k");
    oss("oss://a--b/k", "a--b", None, None, "k");
    let b63 = "b".repeat(63);
    oss(&format!("oss://{b63}/k"), &b63, None, None, "k");
    http(
        &format!("https://{b63}.oss-cn-hangzhou.aliyuncs.com/k"),
        &b63,
        Some("cn-hangzhou"),
        "k",
    );
    let upper = "B".repeat(63);
    oss(&format!("oss://{upper}/k"), &b63, None, None, "k");
}

#[test]
fn keys_are_percent_decoded_in_every_form() {
    oss(
        "oss://b12/a%41%2fb%2F%20c.mp4",
        "b12",
        None,
        None,
        "aA/b/ c.mp4",
    );
    http(
        "https://b12.oss-cn-hangzhou.aliyuncs.com/%e7%95%8C.mp4",
        "b12",
        Some("cn-hangzhou"),
        "界.mp4",
    );
    // '+' is itself; escaped '?', '#', '%' are ordinary key characters.
    oss(
        "oss://b12/a+b%2B%3F%23%25.mp4",
        "b12",
        None,
        None,
        "a+b+?#%.mp4",
    );
    // Raw spaces and non-ASCII as they are; ':' and '@' after the host belong to the key.
    oss(
        "oss://b12/my video/视频 1.mp4",
        "b12",
        None,
        None,
        "my video/视频 1.mp4",
    );
    oss("oss://b12/user@x:1.mp4", "b12", None, None, "user@x:1.mp4");
    // A backslash or slash after the first character, a trailing slash, white space that is
    // not a control character.
    oss("oss://b12/a\\b//c/", "b12", None, None, "a\\b//c/");
    oss(
        "oss://b12/a\u{a0}b\u{2028}",
        "b12",
        None,
        None,
        "a\u{a0}b\u{2028}",
    );
    oss("oss://b12/%E2%80%A8", "b12", None, None, "\u{2028}");
    // Dot segments are not resolved.
    oss("oss://b12/a/../b/./c", "b12", None, None, "a/../b/./c");
    oss("oss://b12/%2e%2E/b", "b12", None, None, "../b");
}

#[test]
fn key_of_1023_bytes_is_accepted() {
    assert_eq!(InputUrl::MAX_KEY_BYTES, 1023);
    let key = "k".repeat(1023);
    oss(&format!("oss://b12/{key}"), "b12", None, None, &key);
    // Each %XX counts as one byte.
    let key = "A".repeat(1023);
    oss(
        &format!("oss://b12/{}", "%41".repeat(1023)),
        "b12",
        None,
        None,
        &key,
    );
    // Multi-byte characters, raw and escaped.
    let key = "界".repeat(341);
    assert_eq!(key.len(), 1023);
    oss(&format!("oss://b12/{key}"), "b12", None, None, &key);
    oss(
        &format!("oss://b12/{}", "%E7%95%8C".repeat(341)),
        "b12",
        None,
        None,
        &key,
    );
}

// ---------------------------------------------------------------- refused forms

#[test]
fn empty_is_its_own_kind() {
    let kind = refused("", "invalid InputURL: empty, at least 1 byte required");
    assert_matches!(
        kind,
        ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Bytes,
            ..
        }
    );
}

#[test]
fn whole_url_of_4096_bytes_is_checked_and_4097_refused_by_length() {
    assert_eq!(InputUrl::MAX_BYTES, 4096);
    // No valid URL reaches 4,096 bytes (the key limit binds first), so at the limit the
    // grammar is what refuses.
    let at_limit = format!("oss://b12/{}", "k".repeat(4086));
    assert_eq!(at_limit.len(), 4096);
    bad_long!(
        &at_limit,
        UrlError::KeyTooLong { found: 4086, .. },
        "object key 4086 bytes after decoding, at most 1023 allowed",
    );
    let over = format!("oss://b12/{}", "k".repeat(4087));
    let kind = refused(&over, "invalid InputURL: 4097 bytes, at most 4096 allowed");
    assert_matches!(
        kind,
        ParamErrorKind::TooLong {
            max: 4096,
            found: 4097,
            unit: Unit::Bytes,
            ..
        }
    );
    // Length is checked before anything else, even the scheme.
    refused(
        &"x".repeat(4097),
        "invalid InputURL: 4097 bytes, at most 4096 allowed",
    );
}

#[test]
fn ten_mebibytes_are_refused_cheaply() {
    let huge = format!("oss://b12/{}", "%".repeat(10 << 20));
    let start = Instant::now();
    for _ in 0..1000 {
        let err = huge.parse::<InputUrl>().unwrap_err();
        assert_matches!(
            err.kind(),
            ParamErrorKind::TooLong {
                max: 4096,
                found,
                unit: Unit::Bytes,
                ..
            } if *found == (10 << 20) + 10
        );
    }
    // A thousand refusals that scanned or copied 10 MiB would take seconds.
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    let owned = huge.clone();
    assert!(InputUrl::try_from(owned).is_err());
}

#[test]
fn other_schemes_and_no_scheme() {
    bad!(
        "ftp://example.com/a.mp4",
        UrlError::Scheme {
            allowed: ALLOWED,
            ..
        },
        &format!("invalid InputURL: {SCHEMES} in \"ftp://example.com/a.mp4\""),
    );
    bad!(
        "example-bucket/example.mp4",
        UrlError::Scheme {
            allowed: ALLOWED,
            ..
        },
        &format!("invalid InputURL: {SCHEMES} in \"example-bucket/example.mp4\""),
    );
    bad!(
        "s3://b12/k",
        UrlError::Scheme {
            allowed: ALLOWED,
            ..
        },
        &format!("invalid InputURL: {SCHEMES} in \"s3://b12/k\""),
    );
    bad!(
        "http:/b12.oss-cn-hangzhou.aliyuncs.com/k",
        UrlError::Scheme {
            allowed: ALLOWED,
            ..
        },
        &format!("invalid InputURL: {SCHEMES} in \"http:/b12.oss-cn-hangzhou.aliyuncs.com/k\""),
    );
    bad!(
        "oss:b12/k",
        UrlError::Scheme {
            allowed: ALLOWED,
            ..
        },
        &format!("invalid InputURL: {SCHEMES} in \"oss:b12/k\""),
    );
    bad!(
        " oss://b12/k",
        UrlError::Scheme {
            allowed: ALLOWED,
            ..
        },
        &format!("invalid InputURL: {SCHEMES} in \" oss://b12/k\""),
    );
    bad!(
        "httpss://b12/k",
        UrlError::Scheme {
            allowed: ALLOWED,
            ..
        },
        &format!("invalid InputURL: {SCHEMES} in \"httpss://b12/k\""),
    );
    bad!(
        "界://b12/k",
        UrlError::Scheme {
            allowed: ALLOWED,
            ..
        },
        &format!("invalid InputURL: {SCHEMES} in \"界://b12/k\""),
    );
}

#[test]
fn user_info_is_refused_in_every_form() {
    bad!(
        "https://user@b12.oss-cn-hangzhou.aliyuncs.com/k",
        UrlError::UserInfo,
        "invalid InputURL: user info not allowed in \"https://user@b12.oss-cn-hangzhou.aliyuncs.com/k\"",
    );
    bad!(
        "http://user:secret@b12.oss-cn-hangzhou.aliyuncs.com/k",
        UrlError::UserInfo,
        "invalid InputURL: user info not allowed in \"http://user:secret@b12.oss-cn-hangzhou.aliyuncs.com/k\"",
    );
    bad!(
        "oss://user@b12/k",
        UrlError::UserInfo,
        "invalid InputURL: user info not allowed in \"oss://user@b12/k\"",
    );
    bad!(
        "vod://user@abc",
        UrlError::UserInfo,
        "invalid InputURL: user info not allowed in \"vod://user@abc\"",
    );
}

#[test]
fn port_is_refused_in_every_form() {
    bad!(
        "https://b12.oss-cn-hangzhou.aliyuncs.com:443/k",
        UrlError::Port,
        "invalid InputURL: port not allowed in \"https://b12.oss-cn-hangzhou.aliyuncs.com:443/k\"",
    );
    bad!(
        "http://b12.oss-cn-hangzhou.aliyuncs.com:/k",
        UrlError::Port,
        "invalid InputURL: port not allowed in \"http://b12.oss-cn-hangzhou.aliyuncs.com:/k\"",
    );
    bad!(
        "oss://b12:80/k",
        UrlError::Port,
        "invalid InputURL: port not allowed in \"oss://b12:80/k\"",
    );
    bad!(
        "vod://abc:1",
        UrlError::Port,
        "invalid InputURL: port not allowed in \"vod://abc:1\"",
    );
}

#[test]
fn query_is_refused_with_the_advice_to_drop_it() {
    bad!(
        "oss://b12/a.mp4?x=1",
        UrlError::Query { at: 15, .. },
        "invalid InputURL: query not allowed at byte 15, drop the '?' and what follows \
         (a signed URL is not an input URL) in \"oss://b12/a.mp4?x=1\"",
    );
    bad!(
        "https://b12.oss-cn-hangzhou.aliyuncs.com/a.mp4?Expires=1&Signature=x",
        UrlError::Query { at: 46, .. },
        "invalid InputURL: query not allowed at byte 46, drop the '?' and what follows \
         (a signed URL is not an input URL) in \
         \"https://b12.oss-cn-hangzhou.aliyuncs.com/a.mp4?Expires=1&Signatu\"…",
    );
    // Before the path, and an empty query.
    bad!(
        "https://b12.oss-cn-hangzhou.aliyuncs.com?",
        UrlError::Query { at: 40, .. },
        "invalid InputURL: query not allowed at byte 40, drop the '?' and what follows \
         (a signed URL is not an input URL) in \"https://b12.oss-cn-hangzhou.aliyuncs.com?\"",
    );
    bad!(
        "vod://abc?x",
        UrlError::Query { at: 9, .. },
        "invalid InputURL: query not allowed at byte 9, drop the '?' and what follows \
         (a signed URL is not an input URL) in \"vod://abc?x\"",
    );
    // The first of '?' and '#' is reported.
    bad!(
        "oss://b12/a?b#c",
        UrlError::Query { at: 11, .. },
        "invalid InputURL: query not allowed at byte 11, drop the '?' and what follows \
         (a signed URL is not an input URL) in \"oss://b12/a?b#c\"",
    );
}

#[test]
fn fragment_is_refused_in_every_form() {
    bad!(
        "oss://b12/a#b",
        UrlError::Fragment { at: 11, .. },
        "invalid InputURL: fragment not allowed at byte 11 in \"oss://b12/a#b\"",
    );
    bad!(
        "oss://b12/a#b?c",
        UrlError::Fragment { at: 11, .. },
        "invalid InputURL: fragment not allowed at byte 11 in \"oss://b12/a#b?c\"",
    );
    bad!(
        "http://b12.oss-cn-hangzhou.aliyuncs.com/k#",
        UrlError::Fragment { at: 41, .. },
        "invalid InputURL: fragment not allowed at byte 41 in \"http://b12.oss-cn-hangzhou.aliyuncs.com/k#\"",
    );
    bad!(
        "vod://abc#x",
        UrlError::Fragment { at: 9, .. },
        "invalid InputURL: fragment not allowed at byte 9 in \"vod://abc#x\"",
    );
}

const BUCKET_RULE: &str =
    "invalid, 3 to 63 characters of a-z 0-9 - allowed, starting and ending with a letter or digit";

#[test]
fn bad_buckets() {
    bad!(
        "oss://ab/k",
        UrlError::Bucket { bucket, .. } if bucket == "ab",
        &format!("invalid InputURL: bucket \"ab\" {BUCKET_RULE} in \"oss://ab/k\""),
    );
    bad!(
        "oss://-abc/k",
        UrlError::Bucket { bucket, .. } if bucket == "-abc",
        &format!("invalid InputURL: bucket \"-abc\" {BUCKET_RULE} in \"oss://-abc/k\""),
    );
    bad!(
        "oss://abc-/k",
        UrlError::Bucket { bucket, .. } if bucket == "abc-",
        &format!("invalid InputURL: bucket \"abc-\" {BUCKET_RULE} in \"oss://abc-/k\""),
    );
    bad!(
        "oss://Ex_ample/k",
        UrlError::Bucket { bucket, .. } if bucket == "Ex_ample",
        &format!("invalid InputURL: bucket \"Ex_ample\" {BUCKET_RULE} in \"oss://Ex_ample/k\""),
    );
    bad!(
        "oss://a.b.c/k",
        UrlError::Bucket { bucket, .. } if bucket == "a.b.c",
        &format!("invalid InputURL: bucket \"a.b.c\" {BUCKET_RULE} in \"oss://a.b.c/k\""),
    );
    bad!(
        "oss://b 12/k",
        UrlError::Bucket { bucket, .. } if bucket == "b 12",
        &format!("invalid InputURL: bucket \"b 12\" {BUCKET_RULE} in \"oss://b 12/k\""),
    );
    bad!(
        "oss://b%31%32/k",
        UrlError::Bucket { bucket, .. } if bucket == "b%31%32",
        &format!("invalid InputURL: bucket \"b%31%32\" {BUCKET_RULE} in \"oss://b%31%32/k\""),
    );
    bad!(
        "oss://bü2/k",
        UrlError::Bucket { bucket, .. } if bucket == "bü2",
        &format!("invalid InputURL: bucket \"bü2\" {BUCKET_RULE} in \"oss://bü2/k\""),
    );
    let b64 = "b".repeat(64);
    bad_long!(
        &format!("oss://{b64}/k"),
        UrlError::Bucket { bucket, .. } if *bucket == b64,
        &format!("bucket \"{b64}\" {BUCKET_RULE}"),
    );
    bad_long!(
        &format!("https://{b64}.oss-cn-hangzhou.aliyuncs.com/k"),
        UrlError::Bucket { bucket, .. } if *bucket == b64,
        &format!("bucket \"{b64}\" {BUCKET_RULE}"),
    );
    // The bucket of the http(s) form, quoted as written.
    bad!(
        "https://AB.oss-cn-hangzhou.aliyuncs.com/k",
        UrlError::Bucket { bucket, .. } if bucket == "AB",
        &format!("invalid InputURL: bucket \"AB\" {BUCKET_RULE} in \"https://AB.oss-cn-hangzhou.aliyuncs.com/k\""),
    );
    bad!(
        "https://-abc.oss-cn-hangzhou.aliyuncs.com/k",
        UrlError::Bucket { bucket, .. } if bucket == "-abc",
        &format!("invalid InputURL: bucket \"-abc\" {BUCKET_RULE} in \"https://-abc.oss-cn-hangzhou.aliyuncs.com/k\""),
    );
    bad!(
        "https://ex_ample.oss-cn-hangzhou.aliyuncs.com/k",
        UrlError::Bucket { bucket, .. } if bucket == "ex_ample",
        &format!("invalid InputURL: bucket \"ex_ample\" {BUCKET_RULE} in \"https://ex_ample.oss-cn-hangzhou.aliyuncs.com/k\""),
    );
}

#[test]
fn no_host() {
    bad!(
        "oss:///k",
        UrlError::MissingHost,
        "invalid InputURL: no host in \"oss:///k\"",
    );
    bad!(
        "oss://",
        UrlError::MissingHost,
        "invalid InputURL: no host in \"oss://\"",
    );
    bad!(
        "https:///k",
        UrlError::MissingHost,
        "invalid InputURL: no host in \"https:///k\"",
    );
}

#[test]
fn hosts_that_are_not_oss_endpoints() {
    const RULE: &str =
        "is not an OSS endpoint (BUCKET.oss-REGION.aliyuncs.com or BUCKET.REGION.oss.aliyuncs.com)";
    for (url, host) in [
        ("https://example.com/a.mp4", "example.com"),
        ("https://bucket.aliyuncs.com/a.mp4", "bucket.aliyuncs.com"),
        ("https://bucket/a.mp4", "bucket"),
        (
            "https://bucket.oss-cn-hangzhou.evil.aliyuncs.com/a",
            "bucket.oss-cn-hangzhou.evil.aliyuncs.com",
        ),
        (
            "https://oss-cn-hangzhou.aliyuncs.com/bucket/a",
            "oss-cn-hangzhou.aliyuncs.com",
        ),
        (
            "https://bucket.oss.aliyuncs.com/a",
            "bucket.oss.aliyuncs.com",
        ),
        (
            "https://bucket.oss-.aliyuncs.com/a",
            "bucket.oss-.aliyuncs.com",
        ),
        (
            "https://bucket.oss-internal.aliyuncs.com/a",
            "bucket.oss-internal.aliyuncs.com",
        ),
        (
            "https://bucket.oss--internal.aliyuncs.com/a",
            "bucket.oss--internal.aliyuncs.com",
        ),
        (
            "https://bucket.oss-cn-hangzhou-.aliyuncs.com/a",
            "bucket.oss-cn-hangzhou-.aliyuncs.com",
        ),
        (
            "https://bucket.oss_cn.aliyuncs.com/a",
            "bucket.oss_cn.aliyuncs.com",
        ),
        (
            "https://bucket.oss-cn-hangzhou.aliyuncs.com./a",
            "bucket.oss-cn-hangzhou.aliyuncs.com.",
        ),
        (
            "https://bucket.oss-cn-hangzhou.aliyuncs.com.evil.com/a",
            "bucket.oss-cn-hangzhou.aliyuncs.com.evil.com",
        ),
        (
            "https://bucket.oss-cn-hangzhou.aliyuncs.org/a",
            "bucket.oss-cn-hangzhou.aliyuncs.org",
        ),
        (
            "https://bucket.x.cn-hangzhou.oss.aliyuncs.com/a",
            "bucket.x.cn-hangzhou.oss.aliyuncs.com",
        ),
        (
            "https://bucket..oss.aliyuncs.com/a",
            "bucket..oss.aliyuncs.com",
        ),
        (
            "https://bucket.oss-cn-hangzhou.aliyuncs.com%2F/a",
            "bucket.oss-cn-hangzhou.aliyuncs.com%2F",
        ),
        ("https://[::1]/a", "[::1]"),
    ] {
        bad!(
            url,
            UrlError::NotOssHost { host: h, .. } if h == host,
            &format!("invalid InputURL: host \"{host}\" {RULE} in \"{url}\""),
        );
    }
    // An OSS endpoint with an empty bucket is a bucket error.
    bad!(
        "http://.oss-cn-hangzhou.aliyuncs.com/a",
        UrlError::Bucket { bucket, .. } if bucket.is_empty(),
        &format!("invalid InputURL: bucket \"\" {BUCKET_RULE} in \"http://.oss-cn-hangzhou.aliyuncs.com/a\""),
    );
    // Quoted as written.
    bad!(
        "https://WWW.Example.com/a",
        UrlError::NotOssHost { host, .. } if host == "WWW.Example.com",
        &format!(
            "invalid InputURL: host \"WWW.Example.com\" {RULE} in \"https://WWW.Example.com/a\""
        ),
    );
    // Labels are DNS labels: at most 63 characters. The host is quoted shortened to 64 bytes.
    let long = format!("oss-{}", "r".repeat(60));
    let host = format!("b12.{long}.aliyuncs.com");
    let shortened = format!("b12.{long}");
    assert_eq!(shortened.len(), 68);
    let shortened = &shortened[..64];
    bad_long!(
        &format!("https://{host}/k"),
        UrlError::NotOssHost { host: h, .. } if h == shortened,
        &format!("host \"{shortened}\" {RULE}"),
    );
    let region63 = format!("oss-{}", "r".repeat(59));
    http(
        &format!("https://b12.{region63}.aliyuncs.com/k"),
        "b12",
        Some(&region63[4..]),
        "k",
    );
}

#[test]
fn bad_percent_escapes_give_the_offset_in_the_url() {
    for (url, at) in [
        ("oss://b12/a%", 11),
        ("oss://b12/a%4", 11),
        ("oss://b12/%zz", 10),
        ("oss://b12/%4g", 10),
        ("oss://b12/%41%", 13),
        ("oss://b12/%%41", 10),
        ("https://b12.oss-cn-hangzhou.aliyuncs.com/a/%G0", 43),
    ] {
        bad!(
            url,
            UrlError::PercentEscape { at: a, .. } if *a == at,
            &format!(
                "invalid InputURL: '%' at byte {at} not followed by two hex digits in \"{url}\""
            ),
        );
    }
}

#[test]
fn key_must_decode_to_utf8() {
    for url in [
        "oss://b12/%FF",
        "oss://b12/a%C3%28",
        "oss://b12/%E7%95",
        "oss://b12/%ed%a0%80",
    ] {
        bad!(
            url,
            UrlError::KeyNotUtf8,
            &format!(
                "invalid InputURL: object key not valid UTF-8 after percent-decoding in \"{url}\""
            ),
        );
    }
}

#[test]
fn key_of_1024_bytes_is_refused() {
    let url = format!("oss://b12/{}", "k".repeat(1024));
    let reason = "object key 1024 bytes after decoding, at most 1023 allowed";
    bad_long!(&url, UrlError::KeyTooLong { found: 1024, .. }, reason);
    bad_long!(
        &format!("oss://b12/{}", "%41".repeat(1024)),
        UrlError::KeyTooLong { found: 1024, .. },
        reason,
    );
    bad_long!(
        &format!("oss://b12/{}a", "界".repeat(341)),
        UrlError::KeyTooLong { found: 1024, .. },
        reason,
    );
    bad_long!(
        &format!("oss://b12/{}%61", "%E7%95%8C".repeat(341)),
        UrlError::KeyTooLong { found: 1024, .. },
        reason,
    );
    bad_long!(
        &format!(
            "https://b12.oss-cn-hangzhou.aliyuncs.com/{}",
            "k".repeat(1024)
        ),
        UrlError::KeyTooLong { found: 1024, .. },
        reason,
    );
    assert_eq!(
        url.parse::<InputUrl>().unwrap_err().to_string(),
        format!(
            "invalid InputURL: {reason} in \"oss://b12/{}\"…",
            "k".repeat(54)
        )
    );
}

#[test]
fn key_must_not_start_with_a_slash_or_backslash() {
    bad!(
        "oss://b12//k",
        UrlError::KeyLeadingSlash('/'),
        "invalid InputURL: object key starts with '/' in \"oss://b12//k\"",
    );
    bad!(
        "oss://b12/%2Fk",
        UrlError::KeyLeadingSlash('/'),
        "invalid InputURL: object key starts with '/' in \"oss://b12/%2Fk\"",
    );
    bad!(
        "oss://b12/%2f",
        UrlError::KeyLeadingSlash('/'),
        "invalid InputURL: object key starts with '/' in \"oss://b12/%2f\"",
    );
    bad!(
        "oss://b12/\\k",
        UrlError::KeyLeadingSlash('\\'),
        "invalid InputURL: object key starts with '\\\\' in \"oss://b12/\\\\k\"",
    );
    bad!(
        "oss://b12/%5Ck",
        UrlError::KeyLeadingSlash('\\'),
        "invalid InputURL: object key starts with '\\\\' in \"oss://b12/%5Ck\"",
    );
    bad!(
        "https://b12.oss-cn-hangzhou.aliyuncs.com//k",
        UrlError::KeyLeadingSlash('/'),
        "invalid InputURL: object key starts with '/' in \"https://b12.oss-cn-hangzhou.aliyuncs.com//k\"",
    );
}

#[test]
fn control_characters_raw_and_escaped() {
    // Raw: offset in the URL, wherever it is.
    bad!(
        "oss://b12/a\u{7}",
        UrlError::ControlCharacter {
            ch: '\u{7}',
            at: 11,
            ..
        },
        "invalid InputURL: control character U+0007 at byte 11 in \"oss://b12/a<U+0007>\"",
    );
    bad!(
        "oss://b12/a\tb",
        UrlError::ControlCharacter {
            ch: '\t',
            at: 11,
            ..
        },
        "invalid InputURL: control character U+0009 at byte 11 in \"oss://b12/a<U+0009>b\"",
    );
    bad!(
        "oss://b12/k\n",
        UrlError::ControlCharacter {
            ch: '\n',
            at: 11,
            ..
        },
        "invalid InputURL: control character U+000A at byte 11 in \"oss://b12/k<U+000A>\"",
    );
    bad!(
        "oss://b12/界\u{85}",
        UrlError::ControlCharacter {
            ch: '\u{85}',
            at: 13,
            ..
        },
        "invalid InputURL: control character U+0085 at byte 13 in \"oss://b12/界<U+0085>\"",
    );
    bad!(
        "oss://b\u{0}12/k",
        UrlError::ControlCharacter {
            ch: '\0',
            at: 7,
            ..
        },
        "invalid InputURL: control character U+0000 at byte 7 in \"oss://b<U+0000>12/k\"",
    );
    bad!(
        "vod://a\u{7f}",
        UrlError::ControlCharacter {
            ch: '\u{7f}',
            at: 7,
            ..
        },
        "invalid InputURL: control character U+007F at byte 7 in \"vod://a<U+007F>\"",
    );
    // Escaped: offset in the decoded key.
    bad!(
        "oss://b12/a%07",
        UrlError::KeyControlCharacter { ch: '\u{7}', at: 1, .. },
        "invalid InputURL: object key has control character U+0007 at byte 1 of the decoded key in \"oss://b12/a%07\"",
    );
    bad!(
        "oss://b12/%E7%95%8C%0a",
        UrlError::KeyControlCharacter { ch: '\n', at: 3, .. },
        "invalid InputURL: object key has control character U+000A at byte 3 of the decoded key in \"oss://b12/%E7%95%8C%0a\"",
    );
    bad!(
        "https://b12.oss-cn-hangzhou.aliyuncs.com/%7F",
        UrlError::KeyControlCharacter { ch: '\u{7f}', at: 0, .. },
        "invalid InputURL: object key has control character U+007F at byte 0 of the decoded key in \"https://b12.oss-cn-hangzhou.aliyuncs.com/%7F\"",
    );
    bad!(
        "oss://b12/a%C2%9F",
        UrlError::KeyControlCharacter { ch: '\u{9f}', at: 1, .. },
        "invalid InputURL: object key has control character U+009F at byte 1 of the decoded key in \"oss://b12/a%C2%9F\"",
    );
}

#[test]
fn empty_key() {
    bad!(
        "oss://b12/",
        UrlError::MissingKey,
        "invalid InputURL: no object key in \"oss://b12/\"",
    );
    bad!(
        "oss://b12",
        UrlError::MissingKey,
        "invalid InputURL: no object key in \"oss://b12\"",
    );
    bad!(
        "https://b12.oss-cn-hangzhou.aliyuncs.com",
        UrlError::MissingKey,
        "invalid InputURL: no object key in \"https://b12.oss-cn-hangzhou.aliyuncs.com\"",
    );
    bad!(
        "https://b12.oss-cn-hangzhou.aliyuncs.com/",
        UrlError::MissingKey,
        "invalid InputURL: no object key in \"https://b12.oss-cn-hangzhou.aliyuncs.com/\"",
    );
}

#[test]
fn bad_vod_ids() {
    const RULE: &str = "VOD media ID invalid, 1 to 64 characters of A-Z a-z 0-9 - _ allowed";
    for url in [
        "vod://",
        "vod://a*b",
        "vod://****20b48fb04483915d4f2cd8ac****",
        "vod://abc/",
        "vod://abc/def",
        "vod:///abc",
        "vod://a.b",
        "vod://a b",
        "vod://ab%41",
        "vod://é",
    ] {
        bad!(
            url,
            UrlError::VodId,
            &format!("invalid InputURL: {RULE} in \"{url}\""),
        );
    }
    let id65 = "a".repeat(65);
    bad_long!(&format!("vod://{id65}"), UrlError::VodId, RULE);
}

// ---------------------------------------------------------------- same_object

#[test]
fn same_object_across_forms() {
    let base = "http://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4";
    for other in [
        "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4",
        "oss://example-bucket/videos/intro.mp4",
        "OSS://EXAMPLE-BUCKET/videos/intro.mp4",
        "http://example-bucket.oss-cn-shanghai-internal.aliyuncs.com/videos/intro.mp4",
        "https://example-bucket.oss-cn-beijing.aliyuncs.com/videos/intro.mp4",
        "https://example-bucket.oss-accelerate.aliyuncs.com/videos/intro.mp4",
        "https://example-bucket.oss-accelerate-overseas.aliyuncs.com/videos/intro.mp4",
        "https://example-bucket.cn-shanghai.oss.aliyuncs.com/videos/intro.mp4",
        "HTTP://Example-Bucket.OSS-CN-SHANGHAI.aliyuncs.COM/videos/intro.mp4",
        "oss://example-bucket/videos%2Fintro.mp4",
        "oss://example-bucket/%76ideos/intro%2emp4",
        "oss://example-bucket/%76%69%64%65%6F%73%2F%69%6E%74%72%6F%2E%6D%70%34",
    ] {
        assert!(same(base, other), "{other}");
    }
    assert!(same("oss://b12/A", "oss://b12/%41"));
    assert!(same("oss://b12/界 x", "oss://b12/%E7%95%8c%20x"));
    assert!(same("vod://abc123", "VOD://abc123"));
}

#[test]
fn not_the_same_object() {
    let base = "oss://example-bucket/videos/intro.mp4";
    for other in [
        "oss://example-bucket2/videos/intro.mp4",
        "oss://example-bucket/videos/other.mp4",
        "oss://example-bucket/Videos/intro.mp4",
        "oss://example-bucket/videos/intro.mp4/",
        "oss://example-bucket/videos//intro.mp4",
        "oss://example-bucket/videos/intro.mp4%20",
        "https://other-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4",
        "vod://videos",
        "vod://example-bucket",
    ] {
        assert!(!same(base, other), "{other}");
    }
    assert!(!same("oss://b12/a", "oss://b12/%61%61"));
    assert!(!same("vod://abc", "vod://ABC"));
    assert!(!same("vod://abc", "oss://abc/abc"));
}

// ---------------------------------------------------------------- traits

#[test]
fn equality_and_hash_are_on_the_url_as_written() {
    let a = ok("oss://b12/A");
    let b = ok("oss://b12/%41");
    assert!(a.same_object(&b));
    assert_ne!(a, b);
    assert_eq!(a, ok("oss://b12/A"));
    assert_eq!(hash(&a), hash(&ok("oss://b12/A")));
    assert_ne!(ok("OSS://b12/A"), a);
    assert_eq!(a.clone(), a);
}

#[test]
fn conversions_keep_the_value_as_given() {
    let s = "HTTPS://B12.oss-cn-hangzhou.aliyuncs.com/a%20b".to_owned();
    let ptr = s.as_ptr();
    let url = InputUrl::try_from(s).unwrap();
    assert_eq!(
        url.as_str().as_ptr(),
        ptr,
        "TryFrom<String> keeps the allocation"
    );
    assert_eq!(
        url.to_string(),
        "HTTPS://B12.oss-cn-hangzhou.aliyuncs.com/a%20b"
    );
    assert_eq!(
        AsRef::<str>::as_ref(&url),
        "HTTPS://B12.oss-cn-hangzhou.aliyuncs.com/a%20b"
    );
    assert_eq!(
        format!("{url:?}"),
        "InputUrl(\"HTTPS://B12.oss-cn-hangzhou.aliyuncs.com/a%20b\")"
    );
    assert_eq!(
        String::from(url.clone()),
        "HTTPS://B12.oss-cn-hangzhou.aliyuncs.com/a%20b"
    );
    assert_eq!(
        url.into_string(),
        "HTTPS://B12.oss-cn-hangzhou.aliyuncs.com/a%20b"
    );
}

#[test]
fn is_send_sync_and_static() {
    fn assert_traits<
        T: Send + Sync + Clone + std::fmt::Debug + Eq + Hash + std::fmt::Display + 'static,
    >() {
    }
    assert_traits::<InputUrl>();
}

/// Every endpoint form of OSS's published "Regions and endpoints" table that the crate reads
/// a region from, regular and irregular, with the region ID the table gives it.
#[test]
fn region_is_the_oss_region_id_of_every_published_endpoint() {
    let table: &[(&str, Option<&str>)] = &[
        ("oss-cn-hangzhou", Some("cn-hangzhou")),
        ("oss-cn-hangzhou-internal", Some("cn-hangzhou")),
        ("cn-hangzhou.oss", Some("cn-hangzhou")),
        ("oss-cn-shanghai", Some("cn-shanghai")),
        ("oss-cn-beijing-internal", Some("cn-beijing")),
        ("oss-ap-southeast-1", Some("ap-southeast-1")),
        ("oss-us-west-1-internal", Some("us-west-1")),
        ("oss-eu-central-1", Some("eu-central-1")),
        ("oss-rg-china-mainland", Some("rg-china-mainland")),
        ("oss-accelerate", None),
        ("oss-accelerate-overseas", None),
        // Finance and government endpoints (irregular names).
        ("oss-cn-hzfinance", Some("cn-hangzhou-finance")),
        ("oss-cn-hzfinance-internal", Some("cn-hangzhou-finance")),
        ("cn-hangzhou-finance.oss", Some("cn-hangzhou-finance")),
        ("oss-cn-hzjbp-a-internal", Some("cn-hangzhou-finance")),
        ("oss-cn-hzjbp-b-internal", Some("cn-hangzhou-finance")),
        (
            "oss-cn-shanghai-finance-1-pub",
            Some("cn-shanghai-finance-1"),
        ),
        (
            "oss-cn-shanghai-finance-1-pub-internal",
            Some("cn-shanghai-finance-1"),
        ),
        (
            "oss-cn-shanghai-finance-1-internal",
            Some("cn-shanghai-finance-1"),
        ),
        ("cn-shanghai-finance.oss", Some("cn-shanghai-finance-1")),
        ("oss-cn-szfinance", Some("cn-shenzhen-finance-1")),
        ("oss-cn-szfinance-internal", Some("cn-shenzhen-finance-1")),
        (
            "oss-cn-shenzhen-finance-1-internal",
            Some("cn-shenzhen-finance-1"),
        ),
        ("cn-shenzhen-finance.oss", Some("cn-shenzhen-finance-1")),
        ("oss-cn-beijing-finance-1-pub", Some("cn-beijing-finance-1")),
        (
            "oss-cn-beijing-finance-1-pub-internal",
            Some("cn-beijing-finance-1"),
        ),
        (
            "oss-cn-beijing-finance-1-internal",
            Some("cn-beijing-finance-1"),
        ),
        ("oss-cn-north-2-gov-1", Some("cn-north-2-gov-1")),
        ("oss-cn-north-2-gov-1-internal", Some("cn-north-2-gov-1")),
        ("cn-north-2-gov-1.oss", Some("cn-north-2-gov-1")),
        // Accepted by the grammar, but no region can be told from them.
        ("oss-cn-unknown-pub", None),
        ("oss-oss-cn-x", None),
    ];
    for &(endpoint, region) in table {
        let url: InputUrl = format!("https://example-bucket.{endpoint}.aliyuncs.com/a.mp4")
            .parse()
            .unwrap();
        assert_eq!(url.region(), region, "{endpoint}");
        if let Some(region) = url.region() {
            for word in ["internal", "pub", "oss"] {
                assert!(
                    !region.split('-').any(|w| w == word),
                    "{endpoint}: {region}"
                );
            }
        }
    }
}

/// OSS's published endpoint table (`tests/data/oss_endpoints.tsv`, sources in its header):
/// every endpoint, as the host of an `https://` InputURL, gives the table's region ID.
#[test]
fn region_of_every_endpoint_in_the_published_table() {
    let table = include_str!("../data/oss_endpoints.tsv");
    let mut rows = 0;
    let mut wrong = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (host, region) = line.split_once('\t').unwrap();
        let want = (region != "-").then_some(region);
        let url: InputUrl = format!("https://example-bucket.{host}/a.mp4")
            .parse()
            .unwrap_or_else(|e| panic!("{host}: {e}"));
        if url.region() != want {
            wrong.push(format!(
                "{host}: {:?}, the table says {want:?}",
                url.region()
            ));
        }
        rows += 1;
    }
    assert!(rows >= 100, "{rows} rows");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A `\` in the key of an http(s) URL is refused: a WHATWG reader requests `/a/b.mp4` for
/// `…/a\b.mp4`, another object than the one written. `%5C` says it; `oss://` takes it as it is.
#[test]
fn a_backslash_in_an_http_key_is_refused_with_the_escape_to_write() {
    let input = "https://bucket.oss-cn-hangzhou.aliyuncs.com/a\\b.mp4";
    assert_eq!(url::Url::parse(input).unwrap().path(), "/a/b.mp4");
    bad!(
        input,
        UrlError::KeyBackslash { at: 45, .. },
        "invalid InputURL: '\\' at byte 45 in the object key, a browser reads it as '/': \
         write it as %5C in \"https://bucket.oss-cn-hangzhou.aliyuncs.com/a\\\\b.mp4\"",
    );
    bad!(
        "http://bucket.oss-cn-hangzhou.aliyuncs.com/\\k",
        UrlError::KeyBackslash { at: 43, .. },
        "invalid InputURL: '\\' at byte 43 in the object key, a browser reads it as '/': \
         write it as %5C in \"http://bucket.oss-cn-hangzhou.aliyuncs.com/\\\\k\"",
    );
    let escaped = http(
        "https://bucket.oss-cn-hangzhou.aliyuncs.com/a%5Cb.mp4",
        "bucket",
        Some("cn-hangzhou"),
        "a\\b.mp4",
    );
    assert!(escaped.same_object(&ok("oss://bucket/a\\b.mp4")));
    assert!(!escaped.same_object(&ok("oss://bucket/a/b.mp4")));
}

/// The dual-stack acceleration endpoint names no region.
#[test]
fn dual_stack_acceleration_has_no_region() {
    http(
        "https://bucket.accelerate.oss.aliyuncs.com/k",
        "bucket",
        None,
        "k",
    );
    http(
        "https://bucket.accelerate-overseas.oss.aliyuncs.com/k",
        "bucket",
        None,
        "k",
    );
    http(
        "https://bucket.cn-hangzhou.oss.aliyuncs.com/k",
        "bucket",
        Some("cn-hangzhou"),
        "k",
    );
}
