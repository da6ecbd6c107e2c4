//! Refusing hostile input costs memory bounded by a constant, not by the input's size: each
//! refusal below of a 10 MiB input allocates less than 64 KiB in total (every allocation
//! counted, not only what is still held at the end). The value types refuse a 10 MiB value on
//! its length; the entry points (pairs, query, JSON) refuse a request past
//! `UpdateMediaInfoRequest::MAX_REQUEST_BYTES` (64 KiB) whole, at once, on the parameter
//! being read there; a request at the limit itself is read as any other.
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

const MAX: usize = UpdateMediaInfoRequest::MAX_REQUEST_BYTES;

/// `err` is the one problem of a request refused whole: on `param`, `found` bytes read.
#[track_caller]
fn refused_whole(err: &RequestError, param: &str, found: usize) {
    let e = only_error(err);
    assert_eq!(e.param(), param, "{err}");
    assert_eq!(e.code(), ims_media::ErrorCode::InvalidParameter);
    assert_matches!(
        e.kind(),
        ParamErrorKind::RequestTooLarge { max: MAX, found: f, .. } if *f == found,
        "{err}"
    );
}

/// The target of the requests below: by InputURL, so that `MediaId` can be the value tried.
const TARGET: &str = "InputURL=oss%3A%2F%2Fexample-bucket%2Fa.mp4";
const TARGET_URL: &str = "oss://example-bucket/a.mp4";

/// Every hostile shape the entry points have met: (what, parameter, value) of 10 MiB.
fn shapes() -> Vec<(&'static str, &'static str, String)> {
    let n = SIZE / 3 + 1;
    let spaces = " ".repeat(n);
    vec![
        // Tags: commas, white space around valid tags, duplicates.
        ("commas", "MediaTags", ",".repeat(SIZE)),
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
        // Text values over their byte limits.
        ("Title", "Title", "界".repeat(n)),
        ("Description", "Description", "a".repeat(SIZE)),
        ("UserData", "UserData", "a".repeat(SIZE)),
        (
            "CoverURL",
            "CoverURL",
            format!("https://example.com/{}", "a".repeat(SIZE)),
        ),
        (
            "InputURL",
            "InputURL",
            format!("oss://b12/{}", "a".repeat(SIZE)),
        ),
        // Identifiers: too long, or a refused character anywhere.
        ("MediaId", "MediaId", "A".repeat(n)),
        ("MediaId ending in a space", "MediaId", "A".repeat(n) + " "),
        ("MediaId ending in é", "MediaId", "A".repeat(n) + "é"),
        ("ReferenceId of spaces", "ReferenceId", spaces.clone()),
        // CateId: leading zeros, digits out of range, a sign, a non-digit.
        ("CateId of zeros then 7", "CateId", "0".repeat(n) + "7"),
        ("CateId of zeros", "CateId", "0".repeat(n)),
        ("CateId of nines", "CateId", "9".repeat(n)),
        (
            "negative CateId",
            "CateId",
            "-".to_owned() + &"0".repeat(n) + "7",
        ),
        ("CateId ending in x", "CateId", "1".repeat(n) + "x"),
        // Fixed vocabularies, common and retired parameters.
        ("BusinessType", "BusinessType", "A".repeat(n)),
        ("AppendTags", "AppendTags", "A".repeat(n)),
        ("Action", "Action", "A".repeat(n)),
        ("Version", "Version", "A".repeat(n)),
        ("Signature", "Signature", "A".repeat(n)),
        ("BearerToken", "BearerToken", "A".repeat(n)),
        ("retired", "DynamicMetaDataList", "A".repeat(n)),
        ("unknown", "Zzz", "A".repeat(n)),
    ]
}

#[test]
fn every_hostile_shape_is_refused_whole_through_from_params() {
    for (what, name, value) in shapes() {
        let pairs = [("InputURL", TARGET_URL), (name, value.as_str())];
        let err = assert_cheap(what, || UpdateMediaInfoRequest::from_params(pairs)).unwrap_err();
        let read = "InputURL".len() + TARGET_URL.len() + name.len() + value.len();
        refused_whole(&err, name, read);
    }
}

#[test]
fn every_hostile_shape_is_refused_whole_through_from_query() {
    for (what, name, value) in shapes() {
        // Raw, every byte escaped, and spaces as `+`.
        for query in [
            format!("{TARGET}&{name}={value}"),
            format!("{TARGET}&{name}={}", encode_all(&value)),
            format!("{TARGET}&{name}={}", encode_all(&value).replace("%20", "+")),
        ] {
            let err = assert_cheap(what, || UpdateMediaInfoRequest::from_query(&query));
            refused_whole(&err.unwrap_err(), name, query.len());
        }
    }
}

/// A request object through `serde_json::from_str`: the members are counted as pairs are,
/// so a 10 MiB object is refused whole too. (A string with escapes is unescaped by serde_json
/// into its own buffer first: that is the JSON reader's memory, bounded by the caller's body
/// limit, not this crate's.)
#[test]
fn every_hostile_shape_is_refused_whole_through_json() {
    for (what, name, value) in shapes() {
        let json = format!(r#"{{"InputURL": "{TARGET_URL}", "{name}": "{value}"}}"#);
        let err = assert_cheap(what, || {
            serde_json::from_str::<UpdateMediaInfoRequest>(&json)
        })
        .unwrap_err()
        .to_string();
        let read = "InputURL".len() + TARGET_URL.len() + name.len() + value.len();
        assert!(
            err.starts_with(&format!(
                "invalid {name}: request of {read} bytes or more, at most 65536 allowed"
            )),
            "{what}: {err}"
        );
    }
}

#[test]
fn hostile_names_and_many_pairs_are_refused_whole() {
    // A 10 MiB name, raw, escaped, of `+`, and not UTF-8 once decoded.
    let name = "A".repeat(SIZE);
    for query in [
        format!("MediaId=abc&{name}=1"),
        format!("MediaId=abc&{}=1", encode_all(&name)),
        format!("MediaId=abc&{}=1", "+".repeat(SIZE)),
        format!("MediaId=abc&{}%FF=1", "%41".repeat(SIZE / 3)),
    ] {
        let err =
            assert_cheap("long name", || UpdateMediaInfoRequest::from_query(&query)).unwrap_err();
        let e = only_error(&err);
        assert_matches!(e.kind(), ParamErrorKind::RequestTooLarge { max: MAX, .. });
        // The name as received, by its first bytes (quoted unless plain letters).
        let shown = e.to_string();
        assert!(
            shown.starts_with(&format!("invalid {}…", "A".repeat(64)))
                || shown.starts_with("invalid \""),
            "{shown}"
        );
    }
    let pairs = [("MediaId", "abc"), (name.as_str(), "1")];
    let err = assert_cheap("long name", || UpdateMediaInfoRequest::from_params(pairs)).unwrap_err();
    refused_whole(&err, &"A".repeat(64), "MediaIdabc".len() + SIZE + 1);
    // A name repeated, distinct names, through the query and the pairs: the one problem is on
    // the name read when the request passed 64 KiB.
    let query = format!("MediaId=abc&{}", "x=1&".repeat(SIZE / 4));
    let err = assert_cheap("repeated name", || {
        UpdateMediaInfoRequest::from_query(&query)
    });
    refused_whole(&err.unwrap_err(), "x", query.len());
    let mut query = String::from("MediaId=abc");
    let mut n = 0;
    while query.len() < SIZE {
        query.push_str(&format!("&a{n}=1"));
        n += 1;
    }
    let err = assert_cheap("distinct names", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    let at = query[..MAX].rfind('&').unwrap() + 1;
    let name = query[at..].split('=').next().unwrap();
    refused_whole(&err, name, query.len());
    let names: Vec<String> = (0..SIZE / 8).map(|i| format!("a{i}")).collect();
    let err = assert_cheap("distinct names as pairs", || {
        UpdateMediaInfoRequest::from_params(names.iter().map(|k| (k.as_str(), "1")))
    })
    .unwrap_err();
    assert_matches!(
        only_error(&err).kind(),
        ParamErrorKind::RequestTooLarge { max: MAX, found, .. } if (MAX + 1..=MAX + 8).contains(found)
    );
}

/// The limit itself: a query or pairs of exactly 64 KiB are read as any request (here: one
/// unknown name, its value not looked at), one byte more is refused whole.
#[test]
fn the_limit_is_inclusive_and_one_byte_more_is_refused() {
    let padded_query = |len: usize| {
        let head = "MediaId=abc&Zzz=";
        format!("{head}{}", "a".repeat(len - head.len()))
    };
    let query = padded_query(MAX);
    assert_eq!(query.len(), MAX);
    let err = assert_cheap("64 KiB query", || {
        UpdateMediaInfoRequest::from_query(&query)
    })
    .unwrap_err();
    assert_matches!(
        only_error(&err).kind(),
        ParamErrorKind::UnknownParameter { .. }
    );
    let query = padded_query(MAX + 1);
    let err = assert_cheap("64 KiB + 1 query", || {
        UpdateMediaInfoRequest::from_query(&query)
    });
    refused_whole(&err.unwrap_err(), "Zzz", MAX + 1);

    let value = |total: usize| "a".repeat(total - "MediaIdabcZzz".len());
    let v = value(MAX);
    let err =
        UpdateMediaInfoRequest::from_params([("MediaId", "abc"), ("Zzz", v.as_str())]).unwrap_err();
    assert_matches!(
        only_error(&err).kind(),
        ParamErrorKind::UnknownParameter { .. }
    );
    let v = value(MAX + 1);
    let err =
        UpdateMediaInfoRequest::from_params([("MediaId", "abc"), ("Zzz", v.as_str())]).unwrap_err();
    refused_whole(&err, "Zzz", MAX + 1);
    // A valid request right at the limit is accepted: a Title, padded by ignored common
    // parameters (a long STS token, as real clients send).
    let token = "t".repeat(MAX - "MediaIdabcTitlexSecurityToken".len());
    let ok = UpdateMediaInfoRequest::from_params([
        ("MediaId", "abc"),
        ("Title", "x"),
        ("SecurityToken", token.as_str()),
    ]);
    assert!(ok.is_ok(), "{ok:?}");
    let message = UpdateMediaInfoRequest::from_params([
        ("MediaId", "abc"),
        ("Title", "x"),
        ("SecurityToken", &format!("{token}t")),
    ])
    .unwrap_err()
    .to_string();
    assert_eq!(
        message,
        "invalid SecurityToken: request of 65537 bytes or more, at most 65536 allowed: refused whole"
    );
}
