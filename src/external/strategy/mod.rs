//! [`proptest`](mod@proptest) strategies for every type of the crate (feature `proptest`), for property
//! tests of code that uses it.
//!
//! * One function per type returning `impl Strategy<Value = T>` that generates **valid values
//!   only**, built from generated strings through the public constructors, and biased
//!   towards the edges: texts of multi-byte characters ending exactly at the byte limit
//!   (128 bytes of 4-byte characters, 126 bytes of 3-byte characters plus a 2-byte one, …),
//!   16 tags of 32 bytes, 1,023-byte object keys, every `InputURL` form and endpoint kind,
//!   mixed-case schemes and hosts, percent-encoded keys, every [`BusinessType`], TAB, LF and
//!   CR in `Description` and `UserData`, the smallest and largest IDs and `CateId`s.
//! * [`update_media_info_request`] generates only requests that
//!   [`UpdateMediaInfoRequest::from_params`](crate::UpdateMediaInfoRequest::from_params) can return, so every generated request `r`
//!   satisfies `from_params(r.to_params()) == Ok(r)` and the same for the query form.
//!   [`update_media_info_request_for`] generates requests aimed at a given [`MediaInfo`](crate::MediaInfo)
//!   that often reuse its current values and tags.
//! * `invalid_*` functions generate wire values that each parameter refuses, one rule
//!   broken at a time (one past a limit with multi-byte characters, a control character, a
//!   bad percent escape, a query in an `InputURL`, 17 tags, …), and [`invalid_param`] pairs
//!   them with their [`Param`], to test error paths.
//! * [`proptest::arbitrary::Arbitrary`] is implemented for every type with these strategies,
//!   so `any::<Title>()` and `#[proptest] fn f(t: Title)`-style tests work.
//!
//! The strategies never reject in practice: values are valid by construction, and the
//! `prop_filter_map` at the end of each one is only a safety net.
//!
//! # Example
//!
//! ```
//! use ims_media::{apply_update, strategy, UpdateMediaInfoRequest};
//! use proptest::prelude::*;
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(32))]
//!     // In a test file each of these would carry `#[test]`.
//!     fn round_trips_through_the_wire(request in strategy::update_media_info_request()) {
//!         let wire = request.to_query();
//!         prop_assert_eq!(UpdateMediaInfoRequest::from_query(&wire), Ok(request));
//!     }
//!
//!     fn updates_are_idempotent(
//!         (media, request) in strategy::media_info().prop_flat_map(|media| {
//!             let request = strategy::update_media_info_request_for(&media);
//!             (Just(media), request)
//!         })
//!     ) {
//!         if let Ok(once) = apply_update(&media, &request) {
//!             let twice = apply_update(&once.media, &request).unwrap();
//!             prop_assert_eq!(twice.media, once.media);
//!         }
//!     }
//!
//!     fn invalid_values_are_refused((param, value) in strategy::invalid_param()) {
//!         let err = UpdateMediaInfoRequest::from_params([
//!             ("MediaId", "abc"),
//!             (param.name(), value.as_str()),
//!         ]);
//!         prop_assert!(err.is_err());
//!     }
//! }
//! # fn main() {
//! #     round_trips_through_the_wire();
//! #     updates_are_idempotent();
//! #     invalid_values_are_refused();
//! # }
//! ```

mod chars;
mod impls;
mod invalid;
mod request;
mod url;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use crate::{
    BusinessType, CateId, Category, Description, MediaId, MediaTags, Param, ReferenceId, Tag,
    Title, UserData,
};
use chars::{ascii_string, Kind};

pub use invalid::{
    invalid_append_tags, invalid_business_type, invalid_cate_id, invalid_category,
    invalid_cover_url, invalid_description, invalid_input_url, invalid_media_id,
    invalid_media_tags, invalid_param, invalid_reference_id, invalid_tag, invalid_title,
    invalid_user_data,
};
pub use request::{
    field_update, media_info, media_target, tags_update, update_media_info_request,
    update_media_info_request_for,
};
pub use url::{
    bucket, cover_url, input_url, object_key, oss_input_url, same_object_as, vod_input_url,
};

/// The characters of `MediaId`, `ReferenceId` and VOD IDs.
use crate::generate::{HEX_DIGITS as HEX, ID_CHARS};

/// A string following the `MediaId` rule, biased towards IMS's 32 hex characters, the
/// public-library prefix and the lengths 1 and 64.
fn media_id_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => ascii_string(HEX, 32usize),
        1 => ascii_string(HEX, 32usize).prop_map(|h| format!("icepublic-{h}")),
        1 => ascii_string(ID_CHARS, 1usize),
        1 => ascii_string(ID_CHARS, 64usize),
        3 => ascii_string(ID_CHARS, 1..=64usize),
    ]
    .boxed()
}

/// A [`MediaId`]: 1 to 64 characters of `A-Z a-z 0-9 - _`, often 32 lower-case hex
/// characters (with or without the `icepublic-` prefix), often 1 or 64 characters.
pub fn media_id() -> impl Strategy<Value = MediaId> {
    media_id_string()
        .prop_filter_map("a valid MediaId", |s| MediaId::try_from(s).ok())
        .boxed()
}

/// A [`ReferenceId`]: 6 to 64 characters of `A-Z a-z 0-9 - _`, often exactly 6 or 64.
pub fn reference_id() -> impl Strategy<Value = ReferenceId> {
    prop_oneof![
        1 => ascii_string(ID_CHARS, 6usize),
        1 => ascii_string(ID_CHARS, 64usize),
        3 => ascii_string(ID_CHARS, 6..=64usize),
    ]
    .prop_filter_map("a valid ReferenceId", |s| ReferenceId::try_from(s).ok())
    .boxed()
}

/// A [`CateId`]: 1 to `i64::MAX`, often exactly 1 or `i64::MAX`, often small.
pub fn cate_id() -> impl Strategy<Value = CateId> {
    prop_oneof![
        1 => Just(1i64),
        1 => Just(i64::MAX),
        3 => 1..10_000i64,
        2 => 1..=i64::MAX,
    ]
    .prop_filter_map("a valid CateId", |n| CateId::try_from(n).ok())
    .boxed()
}

/// Any [`BusinessType`], each of [`BusinessType::ALL`] equally likely.
pub fn business_type() -> impl Strategy<Value = BusinessType> {
    select(&BusinessType::ALL[..])
}

/// Any of the twelve [`Param`]s.
pub fn param() -> impl Strategy<Value = Param> {
    select(&Param::ALL[..])
}

/// A [`Title`]: 1 to 128 bytes without control characters, often exactly 128 bytes or a
/// few bytes less, of mixed or uniform character widths (so a 3- or 4-byte character ends
/// exactly at byte 128), with combining marks, joiners, emoji, `%`, `+`, `&`, `=`, `,` and
/// white space of every width.
pub fn title() -> impl Strategy<Value = Title> {
    chars::bounded(Kind::Line, Title::MAX_BYTES)
        .prop_filter_map("a valid Title", |s| Title::try_from(s).ok())
        .boxed()
}

/// A [`Description`]: 1 to 1,024 bytes, like [`title`] but with TAB, LF and CR (CR LF pairs
/// included), often exactly 1,024 bytes.
pub fn description() -> impl Strategy<Value = Description> {
    chars::bounded(Kind::Multiline, Description::MAX_BYTES)
        .prop_filter_map("a valid Description", |s| Description::try_from(s).ok())
        .boxed()
}

/// A [`Category`]: 1 to 64 bytes without control characters, often exactly 64.
pub fn category() -> impl Strategy<Value = Category> {
    chars::bounded(Kind::Line, Category::MAX_BYTES)
        .prop_filter_map("a valid Category", |s| Category::try_from(s).ok())
        .boxed()
}

/// A [`UserData`]: 1 to 1,024 bytes with TAB, LF and CR allowed, often exactly 1,024 bytes,
/// sometimes a small JSON object.
pub fn user_data() -> impl Strategy<Value = UserData> {
    let json = (
        ascii_string(ID_CHARS, 1..=10usize),
        chars::bounded(Kind::Line, 40),
    )
        .prop_map(|(k, v)| format!("{{\"{k}\": {v:?}}}"));
    prop_oneof![
        1 => json,
        5 => chars::bounded(Kind::Multiline, UserData::MAX_BYTES),
    ]
    .prop_filter_map("a valid UserData", |s| UserData::try_from(s).ok())
    .boxed()
}

fn tag_string() -> impl Strategy<Value = String> {
    chars::bounded(Kind::Tag, Tag::MAX_BYTES).boxed()
}

/// A [`Tag`]: 1 to 32 bytes without control characters or `,`, not beginning or ending with
/// white space (inside it is kept), often exactly 32 bytes; the full-width `，` appears.
pub fn tag() -> impl Strategy<Value = Tag> {
    tag_string()
        .prop_filter_map("a valid Tag", |s| Tag::try_from(s).ok())
        .boxed()
}

/// [`MediaTags`]: none, 0 to 16 tags (duplicates in the generated list are dropped, as the
/// type does), or exactly 16 distinct tags of exactly 32 bytes each.
pub fn media_tags() -> impl Strategy<Value = MediaTags> {
    // Sixteen tags of 32 bytes, distinct by construction: a two-digit number, then 30 bytes
    // that often end with a multi-byte character exactly at byte 32.
    let full = vec(
        chars::exactly(Kind::Tag, Tag::MAX_BYTES - 2),
        MediaTags::MAX_TAGS,
    )
    .prop_map(|tails| {
        tails
            .into_iter()
            .enumerate()
            .map(|(i, tail)| chars::fix_tag_edges(format!("{i:02}{tail}")))
            .collect::<Vec<_>>()
    })
    .prop_shuffle();
    prop_oneof![
        1 => Just(Vec::new()),
        4 => vec(tag_string(), 1..=MediaTags::MAX_TAGS),
        1 => full,
    ]
    .prop_filter_map("valid MediaTags", |tags| {
        let tags = tags
            .into_iter()
            .map(Tag::try_from)
            .collect::<Result<Vec<_>, _>>()
            .ok()?;
        MediaTags::try_from(tags).ok()
    })
    .boxed()
}
