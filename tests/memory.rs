//! Refusing hostile input costs memory bounded by a constant, not by the input's size: each
//! refusal below of a 10 MiB input allocates less than 64 KiB in total (every allocation
//! counted, not only what is still held at the end).
//!
//! The counting needs a global allocator, and implementing `GlobalAlloc` is `unsafe impl`
//! by the trait's definition. That code lives in this test crate only: the library keeps
//! `#![forbid(unsafe_code)]`, which does not extend to its integration tests.
#![allow(unsafe_code)]
// Helpers outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used, clippy::panic)]

#[path = "suite/common/mod.rs"]
mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use ims_media::{
    BusinessType, CateId, Category, CoverUrl, Description, InputUrl, MediaId, MediaTags,
    ParamError, ParamErrorKind, ReferenceId, RequestError, Tag, Title, Unit,
    UpdateMediaInfoRequest, UserData,
};

/// The system allocator, counting the bytes the current thread allocates while counting is on.
struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

fn record(bytes: usize) {
    // `try_with`: never fail inside the allocator, even while the thread is being torn down.
    let on = COUNTING.try_with(Cell::get).unwrap_or(false);
    if on {
        let _ = ALLOCATED.try_with(|a| a.set(a.get() + bytes));
    }
}

// SAFETY: every call is forwarded unchanged to `System`, which upholds the contract; the
// counting touches only const-initialised thread-locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size());
        // SAFETY: the caller's guarantees for `layout` are passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as a new allocation of the whole new size (the strictest reading).
        record(new_size);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const MIB: usize = 1 << 20;
const SIZE: usize = 10 * MIB;
const BOUND: usize = 64 * 1024;

/// Runs `f` and returns its result with the bytes it allocated on this thread.
fn allocated_by<R>(f: impl FnOnce() -> R) -> (R, usize) {
    ALLOCATED.with(|a| a.set(0));
    COUNTING.with(|c| c.set(true));
    let r = f();
    COUNTING.with(|c| c.set(false));
    (r, ALLOCATED.with(Cell::get))
}

#[track_caller]
fn assert_cheap<R>(what: &str, f: impl FnOnce() -> R) -> R {
    let (r, bytes) = allocated_by(f);
    assert!(bytes < BOUND, "{what}: {bytes} bytes allocated");
    r
}

#[track_caller]
fn only_error(err: &RequestError) -> &ParamError {
    assert_eq!(err.errors().len(), 1, "{err}");
    &err.errors()[0]
}

/// `kind` is `TooLong` in bytes, `found` of at most `max`.
#[track_caller]
fn assert_too_long(kind: &ParamErrorKind, max: usize, found: usize) {
    assert_matches!(kind, k if is_too_long(k, max, found));
}

fn is_too_long(kind: &ParamErrorKind, max: usize, found: usize) -> bool {
    matches!(
        kind,
        ParamErrorKind::TooLong { max: m, found: f, unit: Unit::Bytes, .. }
            if *m == max && *f == found
    )
}

#[test]
fn the_counter_counts() {
    let (v, bytes) = allocated_by(|| vec![0u8; 100_000]);
    assert_eq!(v.len(), 100_000);
    assert!(bytes >= 100_000, "{bytes}");
}

#[test]
fn media_tags_of_commas_through_from_params() {
    let pairs = [
        ("MediaId", "abc".to_owned()),
        ("MediaTags", ",".repeat(SIZE)),
    ];
    let err = assert_cheap("MediaTags of commas", || {
        UpdateMediaInfoRequest::from_params(pairs.iter().map(|(k, v)| (k, v)))
    })
    .unwrap_err();
    let e = only_error(&err);
    assert_eq!(e.param(), "MediaTags");
    assert_eq!(
        e.to_string(),
        "invalid MediaTags: tag 1: empty, at least 1 byte required"
    );
}

#[test]
fn title_through_from_params() {
    let pairs = [
        ("MediaId", "abc".to_owned()),
        ("Title", "界".repeat(SIZE / 3)),
    ];
    let err = assert_cheap("Title", || {
        UpdateMediaInfoRequest::from_params(pairs.iter().map(|(k, v)| (k, v)))
    })
    .unwrap_err();
    let e = only_error(&err);
    assert_eq!(e.param(), "Title");
    assert_too_long(e.kind(), 128, SIZE / 3 * 3);
}

#[test]
fn percent_encoded_title_through_from_query() {
    let query = format!("MediaId=abc&Title={}", "%41".repeat(SIZE));
    let err = assert_cheap("percent-encoded Title", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    let e = only_error(&err);
    assert_eq!(e.param(), "Title");
    assert_too_long(e.kind(), 128, SIZE);
    assert_eq!(
        e.to_string(),
        format!("invalid Title: {SIZE} bytes, at most 128 allowed")
    );
}

#[test]
fn repeated_unknown_name_through_from_query() {
    let query = format!("MediaId=abc&{}", "x=1&".repeat(SIZE / 4));
    let err = assert_cheap("repeated unknown name", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    let e = only_error(&err);
    assert_eq!(e.param(), "x");
    assert_eq!(
        e.to_string(),
        "unknown parameter \"x\": not a parameter of UpdateMediaInfo"
    );
    assert_eq!(err.omitted(), 0);
}

#[test]
fn distinct_unknown_names_through_from_query() {
    let mut query = String::from("MediaId=abc");
    let mut n = 0;
    while query.len() < SIZE {
        query.push_str(&format!("&a{n}=1"));
        n += 1;
    }
    let err = assert_cheap("distinct unknown names", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    assert_eq!(err.errors().len(), RequestError::MAX_ERRORS);
    assert_eq!(err.errors()[0].param(), "a0");
    assert_eq!(err.errors()[63].param(), "a63");
    assert_eq!(err.omitted(), n - 64);
    assert!(err.to_string().ends_with(&format!("; and {} more", n - 64)));
}

#[test]
fn distinct_unknown_names_through_from_params() {
    let pairs: Vec<(String, &str)> = (0..SIZE / 8).map(|i| (format!("a{i}"), "1")).collect();
    let err = assert_cheap("distinct unknown names as pairs", || {
        UpdateMediaInfoRequest::from_params(
            std::iter::once(("MediaId", "abc")).chain(pairs.iter().map(|(k, v)| (k.as_str(), *v))),
        )
    })
    .unwrap_err();
    assert_eq!(err.errors().len(), 64);
    assert_eq!(err.omitted(), SIZE / 8 - 64);
}

#[track_caller]
fn refused_cheaply<T: std::str::FromStr<Err = ParamError> + std::fmt::Debug>(
    input: &str,
    param: &str,
) -> ParamErrorKind {
    let err = assert_cheap(param, || input.parse::<T>()).unwrap_err();
    assert_eq!(err.param(), param);
    err.kind().clone()
}

#[test]
fn every_value_type_refuses_ten_mebibytes_cheaply() {
    let a = "a".repeat(SIZE);
    for (kind, param) in [
        (refused_cheaply::<MediaId>(&a, "MediaId"), "MediaId"),
        (
            refused_cheaply::<ReferenceId>(&a, "ReferenceId"),
            "ReferenceId",
        ),
    ] {
        assert_matches!(
            kind,
            ParamErrorKind::TooLong {
                max: 64,
                found: SIZE,
                unit: Unit::Characters,
                ..
            },
            "{param}"
        );
    }
    assert_too_long(&refused_cheaply::<InputUrl>(&a, "InputURL"), 4096, SIZE);
    assert_too_long(&refused_cheaply::<Title>(&a, "Title"), 128, SIZE);
    assert_too_long(
        &refused_cheaply::<Description>(&a, "Description"),
        1024,
        SIZE,
    );
    assert_too_long(&refused_cheaply::<Category>(&a, "Category"), 64, SIZE);
    assert_too_long(&refused_cheaply::<UserData>(&a, "UserData"), 1024, SIZE);
    assert_too_long(&refused_cheaply::<CoverUrl>(&a, "CoverURL"), 128, SIZE);
    assert_too_long(&refused_cheaply::<Tag>(&a, "MediaTags"), 32, SIZE);
    assert_matches!(
        refused_cheaply::<MediaTags>(&a, "MediaTags"),
        ParamErrorKind::Tag { index: 1, reason, .. } if is_too_long(reason, 32, SIZE)
    );
    let err = assert_cheap("BusinessType", || a.parse::<BusinessType>()).unwrap_err();
    assert_eq!(err.param(), "BusinessType");
    assert!(matches!(
        err.kind(),
        ParamErrorKind::UnknownBusinessType { value, .. } if value.original_len() == SIZE
    ));
    // A signed cover as a stored document carries it: measured without its signature, never
    // copied whole.
    let signed = format!("https://b.example.com/a.png?OSSAccessKeyId=k&Signature=x&v={a}");
    let err = assert_cheap("CoverURL", || CoverUrl::from_signed(&signed)).unwrap_err();
    assert_too_long(
        err.kind(),
        128,
        signed.len() - "OSSAccessKeyId=k&Signature=x&".len(),
    );
    let digits = "9".repeat(SIZE);
    let err = assert_cheap("CateId", || digits.parse::<CateId>()).unwrap_err();
    assert!(matches!(err.kind(), ParamErrorKind::OutOfRange { value, .. } if value.is_shortened()));
    // Many tags: refused at the 17th, whatever follows.
    let tags = (0..SIZE / 8)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    assert_matches!(
        refused_cheaply::<MediaTags>(&tags, "MediaTags"),
        ParamErrorKind::TooManyTags {
            max: 16,
            index: 17,
            ..
        }
    );
}

#[test]
fn ignored_common_parameters_through_from_query() {
    // Their values are never used: never decoded or copied, whatever their escapes.
    for name in ["Signature", "SignatureType", "BearerToken", "SecurityToken"] {
        let query = format!("MediaId=abc&{name}={}", "%41+".repeat(SIZE / 4));
        let r = assert_cheap(name, || UpdateMediaInfoRequest::from_query(&query));
        assert!(r.is_ok(), "{name}");
    }
}

#[test]
fn retired_parameters_through_from_query() {
    let query = format!("MediaId=abc&DynamicMetaDataList={}", "%41".repeat(SIZE / 3));
    let err = assert_cheap("DynamicMetaDataList", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    assert_eq!(only_error(&err).kind(), &ParamErrorKind::RetiredParameter);
}

/// Percent-encodes every byte of `s`, as a hostile client may.
fn encode_all(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(3 * s.len());
    for b in s.bytes() {
        out.push('%');
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xF)]));
    }
    out
}

/// The target of the requests below: by InputURL, so that `MediaId` can be the value tried.
const TARGET: &str = "InputURL=oss%3A%2F%2Fexample-bucket%2Fa.mp4";
const TARGET_URL: &str = "oss://example-bucket/a.mp4";

/// `query` (one parameter besides [`TARGET`]) parses through `from_query` within the bound,
/// to exactly what `from_params` gives for the decoded `name` and `value`.
#[track_caller]
fn query_agrees_cheaply(what: &str, query: &str, name: &str, value: &str) {
    assert!(query.len() >= SIZE, "{what}: {} bytes", query.len());
    let got = assert_cheap(what, || UpdateMediaInfoRequest::from_query(query));
    let want = UpdateMediaInfoRequest::from_params([("InputURL", TARGET_URL), (name, value)]);
    assert_eq!(got, want, "{what}");
}

#[test]
fn every_shape_through_from_query_and_from_params() {
    let n = SIZE / 3 + 1;
    let spaces = " ".repeat(n);
    let shapes: Vec<(&str, &str, String)> = vec![
        // Tags: commas, white space around valid tags, duplicates.
        ("commas", "MediaTags", ",".repeat(n)),
        (
            "padded tags",
            "MediaTags",
            format!("{spaces}a,{spaces}b{spaces}"),
        ),
        ("duplicate tags", "MediaTags", "a,".repeat(n / 2) + "b"),
        ("blank tags", "MediaTags", spaces.clone()),
        ("long tag", "MediaTags", format!("a,{}", "x".repeat(n))),
        (
            "long tag in spaces",
            "MediaTags",
            format!("{spaces}x y{spaces}"),
        ),
        // Identifiers: too long, or a refused character anywhere.
        ("MediaId", "MediaId", "A".repeat(n)),
        ("MediaId ending in a space", "MediaId", "A".repeat(n) + " "),
        ("MediaId ending in é", "MediaId", "A".repeat(n) + "é"),
        ("ReferenceId of spaces", "ReferenceId", spaces.clone()),
        // CateId: leading zeros are still the number; digits out of range; a non-digit.
        ("CateId of zeros then 7", "CateId", "0".repeat(n) + "7"),
        ("CateId of zeros", "CateId", "0".repeat(n)),
        ("CateId of nines", "CateId", "9".repeat(n)),
        (
            "negative CateId",
            "CateId",
            "-".to_owned() + &"0".repeat(n) + "7",
        ),
        ("CateId ending in x", "CateId", "1".repeat(n) + "x"),
        // Fixed vocabularies.
        ("BusinessType", "BusinessType", "A".repeat(n)),
        ("AppendTags", "AppendTags", "A".repeat(n)),
        ("Action", "Action", "A".repeat(n)),
        ("Version", "Version", "A".repeat(n)),
    ];
    for (what, name, value) in &shapes {
        // Every byte escaped, and spaces as `+`.
        let query = format!("{TARGET}&{name}={}", encode_all(value));
        query_agrees_cheaply(what, &query, name, value);
        let plus = format!("{TARGET}&{name}={}", encode_all(value).replace("%20", "+"));
        if plus.len() >= SIZE {
            query_agrees_cheaply(what, &plus, name, value);
        }
        // The decoded value as a pair: what it parses to is compared above.
        drop(assert_cheap(what, || {
            UpdateMediaInfoRequest::from_params([("InputURL", TARGET_URL), (*name, value.as_str())])
        }));
    }
}

#[test]
fn outcomes_of_long_values_are_what_they_should_be() {
    // A few of the shapes above, with the outcome spelled out (the agreement test alone
    // would pass if both entry points were wrong the same way).
    let n = SIZE / 3;
    let q = |name: &str, value: &str| {
        let query = format!("{TARGET}&{name}={}", encode_all(value));
        assert_cheap(name, || UpdateMediaInfoRequest::from_query(&query))
    };
    let tags = q(
        "MediaTags",
        &format!("{}a,{}b", " ".repeat(n), " ".repeat(n)),
    )
    .unwrap();
    assert_eq!(
        tags.media_tags,
        ims_media::TagsUpdate::Replace("a,b".parse().unwrap())
    );
    let id = q("CateId", &("0".repeat(n) + "7")).unwrap();
    assert_eq!(id.cate_id.as_set().map(|c| c.get()), Some(7));
    let err = q("MediaId", &("A".repeat(n) + "é")).unwrap_err();
    assert_eq!(
        only_error(&err).to_string(),
        format!(
            "invalid MediaId: character 'é' at byte {n} not allowed, only A-Z a-z 0-9 - _ in \"{}\"…",
            "A".repeat(64)
        )
    );
    let err = q("MediaTags", &("a,".to_owned() + &"x".repeat(n))).unwrap_err();
    assert_eq!(
        only_error(&err).to_string(),
        format!("invalid MediaTags: tag 2: {n} bytes, at most 32 allowed")
    );
    let err = q("Action", &"A".repeat(n)).unwrap_err();
    assert_eq!(
        only_error(&err).to_string(),
        format!(
            "invalid Action: \"{}\"…, only UpdateMediaInfo accepted",
            "A".repeat(64)
        )
    );
}

#[test]
fn long_values_not_utf8_through_from_query() {
    // Refused as not UTF-8 wherever the bad byte stands, as a value decoded whole is.
    for name in ["MediaTags", "MediaId", "CateId", "BusinessType", "Action"] {
        let query = format!("{TARGET}&{name}={}%FF", "%41".repeat(SIZE / 3));
        let err = assert_cheap(name, || UpdateMediaInfoRequest::from_query(&query)).unwrap_err();
        assert_matches!(
            only_error(&err).kind(),
            ParamErrorKind::InvalidUtf8 { at, value, .. } if *at == SIZE / 3
                && *value == ims_media::Excerpt::new(&format!("{}%FF", "%41".repeat(SIZE / 3))),
            "{name}"
        );
    }
}

#[test]
fn long_escaped_names_through_from_query() {
    // A name longer than any parameter's, escaped: unknown, quoted by its first bytes.
    let name = "A".repeat(SIZE / 3);
    let query = format!("MediaId=abc&{}=1", encode_all(&name));
    let err = assert_cheap("escaped name", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    let e = only_error(&err);
    assert_eq!(e.param(), "A".repeat(64));
    // The same error as the decoded name gives through the pairs, its length included.
    let pairs = UpdateMediaInfoRequest::from_params([("MediaId", "abc"), (name.as_str(), "1")]);
    assert_eq!(Err(err.clone()), pairs);
    assert!(e
        .to_string()
        .starts_with(&format!("unknown parameter \"{}\"…", "A".repeat(64))));
    // With `+` for spaces, and one that is not UTF-8: reported as received.
    let query = format!("MediaId=abc&{}=1", "+".repeat(SIZE));
    let err = assert_cheap("name of spaces", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    assert_eq!(only_error(&err).param(), " ".repeat(64));
    let query = format!("MediaId=abc&{}%FF=1", "%41".repeat(SIZE / 3));
    let err = assert_cheap("name not UTF-8", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    assert_eq!(only_error(&err).param(), "%41".repeat(21) + "%");
}

/// A request object through `serde_json::from_str`: strings without escapes are handed to the
/// parser where they stand, so a 10 MiB object costs no more than a small one. (A string with
/// escapes is unescaped by serde_json into its own buffer first: that is the JSON reader's
/// memory, not this crate's.)
#[test]
fn request_json_of_every_shape() {
    let n = SIZE / 3;
    let spaces = " ".repeat(n);
    let members = [
        ("Title", "界".repeat(n / 3 + 1)),
        ("MediaTags", format!("{spaces}a,{spaces}b")),
        ("MediaTags", ",".repeat(SIZE)),
        ("MediaId", "A".repeat(SIZE)),
        ("CateId", "0".repeat(SIZE) + "7"),
        ("BusinessType", "A".repeat(SIZE)),
        ("AppendTags", "A".repeat(SIZE)),
        ("Action", "A".repeat(SIZE)),
        ("Signature", "A".repeat(SIZE)),
        ("A".repeat(SIZE).leak(), "1".to_owned()),
    ];
    for (name, value) in &members {
        let json = format!(r#"{{"InputURL": "{TARGET_URL}", "{name}": "{value}"}}"#);
        let what = &name[..name.len().min(16)];
        let got = assert_cheap(what, || {
            serde_json::from_str::<UpdateMediaInfoRequest>(&json)
        });
        let want = UpdateMediaInfoRequest::from_params([("InputURL", TARGET_URL), (*name, value)]);
        match (got, want) {
            (Ok(got), Ok(want)) => assert_eq!(got, want, "{what}"),
            (Err(got), Err(want)) => assert!(
                got.to_string().starts_with(&want.to_string()),
                "{what}: {got}"
            ),
            (got, want) => panic!("{what}: {got:?} but pairs give {want:?}"),
        }
    }
    // Many distinct unknown members.
    let mut json = format!(r#"{{"InputURL": "{TARGET_URL}""#);
    let mut i = 0;
    while json.len() < SIZE {
        json.push_str(&format!(r#", "a{i}": "1""#));
        i += 1;
    }
    json.push('}');
    let err = assert_cheap("distinct members", || {
        serde_json::from_str::<UpdateMediaInfoRequest>(&json)
    })
    .unwrap_err();
    assert!(
        err.to_string().contains(&format!("and {} more", i - 64)),
        "{err}"
    );
}
