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

fn too_long(max: usize, found: usize) -> ParamErrorKind {
    ParamErrorKind::TooLong {
        max,
        found,
        unit: Unit::Bytes,
    }
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
    assert_eq!(e.kind(), &too_long(128, SIZE / 3 * 3));
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
    assert_eq!(e.kind(), &too_long(128, SIZE));
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
    kind: ParamErrorKind,
) {
    let err = assert_cheap(param, || input.parse::<T>()).unwrap_err();
    assert_eq!(err.param(), param);
    assert_eq!(err.kind(), &kind);
}

#[test]
fn every_value_type_refuses_ten_mebibytes_cheaply() {
    let a = "a".repeat(SIZE);
    let ids = ParamErrorKind::TooLong {
        max: 64,
        found: SIZE,
        unit: Unit::Characters,
    };
    refused_cheaply::<MediaId>(&a, "MediaId", ids.clone());
    refused_cheaply::<ReferenceId>(&a, "ReferenceId", ids);
    refused_cheaply::<InputUrl>(&a, "InputURL", too_long(4096, SIZE));
    refused_cheaply::<Title>(&a, "Title", too_long(128, SIZE));
    refused_cheaply::<Description>(&a, "Description", too_long(1024, SIZE));
    refused_cheaply::<Category>(&a, "Category", too_long(64, SIZE));
    refused_cheaply::<UserData>(&a, "UserData", too_long(1024, SIZE));
    refused_cheaply::<CoverUrl>(&a, "CoverURL", too_long(128, SIZE));
    refused_cheaply::<Tag>(&a, "MediaTags", too_long(32, SIZE));
    refused_cheaply::<MediaTags>(
        &a,
        "MediaTags",
        ParamErrorKind::Tag {
            index: 1,
            reason: Box::new(too_long(32, SIZE)),
        },
    );
    let err = assert_cheap("BusinessType", || a.parse::<BusinessType>()).unwrap_err();
    assert_eq!(err.param(), "BusinessType");
    assert!(
        matches!(err.kind(), ParamErrorKind::UnknownBusinessType { value } if value.original_len() == SIZE)
    );
    let digits = "9".repeat(SIZE);
    let err = assert_cheap("CateId", || digits.parse::<CateId>()).unwrap_err();
    assert!(matches!(err.kind(), ParamErrorKind::OutOfRange { value, .. } if value.is_shortened()));
    // Many tags: refused at the 17th, whatever follows.
    let tags = (0..SIZE / 8)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    refused_cheaply::<MediaTags>(
        &tags,
        "MediaTags",
        ParamErrorKind::TooManyTags { max: 16, index: 17 },
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
