//! [`proptest`](mod@proptest) strategies for every type of the crate (feature `proptest`), for property
//! tests of code that uses it.
//!
//! * One function per type returning `impl Strategy<Value = T>` that generates **valid values
//!   only**, biased towards the edges: texts of multi-byte characters ending exactly at the
//!   byte limit (128 bytes of 4-byte characters, 126 bytes of 3-byte characters plus a
//!   2-byte one, …), 16 tags of 32 bytes, 1,023-byte object keys, every `InputURL` form and
//!   endpoint kind, mixed-case schemes and hosts, percent-encoded keys, every
//!   [`BusinessType`], TAB, LF and CR in `Description` and `UserData`,
//!   the smallest and largest IDs and `CateId`s.
//! * The valid values come from the crate's one generator, the same that the `arbitrary`
//!   impls use (feature `arbitrary`): a strategy draws bytes and the generator maps them onto
//!   the rules. Fewer and smaller bytes give plainer values (no bytes at all give `"a"`,
//!   `None`, `Keep`, no tags), and each choice reads the same bytes whatever it chooses, so a
//!   failing case shrinks to the plainest value that still fails: a property "`UserData`
//!   holds no line feed" ends on `"\n"`, "the asset has no title" on an asset with only the
//!   title `a` set, "the request sets no Description" on `MediaId=a&Description=a`, "the
//!   list is empty" on the one tag `a` (the crate's `tests/suite/shrinking.rs` pins these).
//!   Values are read one after another, so a field set before the one a failure needs may
//!   stay set when unsetting it would move the bytes the needed one is read from; it is
//!   still made as plain as it can be.
//! * [`update_media_info_request`] generates only requests that
//!   [`UpdateMediaInfoRequest::from_params`](crate::UpdateMediaInfoRequest::from_params) can return, so every generated request `r`
//!   satisfies `from_params(r.to_params()) == Ok(r)` and the same for the query form.
//!   [`update_media_info_request_for`] generates requests aimed at a given [`MediaInfo`]
//!   that often reuse its current values and tags.
//! * `invalid_*` functions generate wire values that each parameter refuses, one rule
//!   broken at a time (one past a limit with multi-byte characters, a control character, a
//!   bad percent escape, a query in an `InputURL`, 17 tags, …), and [`invalid_param`] pairs
//!   them with their [`Param`], to test error paths.
//! * [`proptest::arbitrary::Arbitrary`] is implemented for every type with these strategies,
//!   so `any::<Title>()` and `#[proptest] fn f(t: Title)`-style tests work.
//!
//! The strategies never reject: values are valid by construction, and a generator that
//! failed would be a bug of the crate (it panics, naming the type).
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

mod impls;
mod invalid;

use std::fmt::Debug;

use arbitrary::Unstructured;
use proptest::prelude::*;
use proptest::strategy::{NewTree, ValueTree};
use proptest::test_runner::TestRunner;

use crate::generate::{self, Generate};
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, FieldUpdate, InputUrl, MediaId,
    MediaInfo, MediaTags, MediaTarget, Param, ReferenceId, Tag, TagsUpdate, Title,
    UpdateMediaInfoRequest, UserData,
};

pub use invalid::{
    invalid_append_tags, invalid_business_type, invalid_cate_id, invalid_category,
    invalid_client_token, invalid_cover_url, invalid_description, invalid_input_url,
    invalid_media_id, invalid_media_tags, invalid_media_type, invalid_param, invalid_reference_id,
    invalid_register_config, invalid_register_media_info_request, invalid_register_param,
    invalid_register_user_data, invalid_tag, invalid_title, invalid_update_media_info_request,
    invalid_user_data, InvalidRequest,
};

/// The most bytes a strategy draws for the generator: enough for the largest asset (a
/// 1,023-byte key, two 1,024-byte texts, 16 tags of 32 bytes, each character one or two
/// bytes of input), so that every field reaches its limit.
const INPUT_BYTES: usize = 12 * 1024;

/// Values of the generator `g`, from bytes proptest draws and shrinks ([`Bytes`]).
fn generated<T, G>(g: G) -> BoxedStrategy<T>
where
    T: Debug + 'static,
    G: Fn(&mut Unstructured<'_>) -> arbitrary::Result<T> + 'static,
{
    Bytes
        .prop_map(move |bytes| {
            g(&mut Unstructured::new(&bytes))
                .expect("the generators build a valid value from any bytes, or a plainer one")
        })
        .boxed()
}

/// The input of the generator: [`INPUT_BYTES`] random bytes three times in four, otherwise
/// fewer (down to none), drawn in one call to the random number generator.
///
/// A failing case shrinks in steps: first the shortest prefix of the bytes that still fails
/// (by bisection), then each byte lowered to the smallest value where the case still fails
/// (zero first, then by bisection between the value that passed and the one that failed),
/// then each byte removed where it still fails (so that what follows is read from earlier
/// bytes), then the lowering once more. Fewer and smaller bytes are plainer values for the
/// generator, whose choices each read the same bytes whatever they choose (see the
/// generator's fixed layout), so this ends on a plain value that fails: one character, one
/// tag, one field set. It takes at most about ten runs per byte left.
#[derive(Debug, Clone, Copy)]
struct Bytes;

impl Strategy for Bytes {
    type Tree = BytesTree;
    type Value = Vec<u8>;

    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        use proptest::prelude::{Rng, RngExt};
        let rng = runner.rng();
        let len = if rng.random_ratio(3, 4) {
            INPUT_BYTES
        } else {
            rng.random_range(0..=INPUT_BYTES)
        };
        let mut bytes = vec![0; len];
        rng.fill_bytes(&mut bytes);
        Ok(BytesTree {
            len,
            known_failing: len,
            known_passing: 0,
            tried_len: len,
            phase: Phase::Length,
            last: None,
            bytes,
        })
    }
}

/// The value tree of [`Bytes`].
#[derive(Debug, Clone)]
struct BytesTree {
    bytes: Vec<u8>,
    /// The length of the current value.
    len: usize,
    /// Bisection of the length: a length known to fail, one known to pass (or 0).
    known_failing: usize,
    known_passing: usize,
    /// The length before the last cut, to go back to.
    tried_len: usize,
    /// What shrinking does next, once the length is found.
    phase: Phase,
    /// The last change, to undo when the case stopped failing.
    last: Option<Change>,
}

/// A step of shrinking after the length: lower the bytes from `next` on (then once more
/// after the removals), one at a time, or remove bytes from `next` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Length,
    Lower {
        next: usize,
        again: bool,
    },
    /// Lowering the byte at `at`: `passed` is the highest value tried that passed (`None`
    /// before zero is tried); its current value fails.
    Bisect {
        at: usize,
        passed: Option<u8>,
        again: bool,
    },
    Remove {
        next: usize,
    },
    Done,
}

/// A change to the bytes: the byte at an offset lowered, or removed; with its value before.
#[derive(Debug, Clone, Copy)]
enum Change {
    Lowered(usize, u8),
    Removed(usize, u8),
}

impl ValueTree for BytesTree {
    type Value = Vec<u8>;

    fn current(&self) -> Vec<u8> {
        self.bytes.get(..self.len).unwrap_or(&self.bytes).to_vec()
    }

    fn simplify(&mut self) -> bool {
        self.last = None;
        loop {
            match self.phase {
                Phase::Length => {
                    // The current length fails: bisect between it and the longest that passed.
                    self.known_failing = self.len;
                    if self.known_failing > self.known_passing + 1 {
                        self.tried_len = self.len;
                        self.len =
                            self.known_passing + (self.known_failing - self.known_passing) / 2;
                        return true;
                    }
                    self.bytes.truncate(self.len);
                    self.phase = Phase::Lower {
                        next: 0,
                        again: false,
                    };
                }
                Phase::Lower { next, again } => {
                    let found =
                        (next..self.len).find(|&i| self.bytes.get(i).is_some_and(|&b| b != 0));
                    self.phase = match found {
                        Some(at) => Phase::Bisect {
                            at,
                            passed: None,
                            again,
                        },
                        None if again => Phase::Done,
                        None => Phase::Remove { next: 0 },
                    };
                }
                Phase::Bisect { at, passed, again } => {
                    let b = self.bytes.get_mut(at).expect("`at` is below the length");
                    // The current value fails: try zero, then halfway to the value that passed.
                    let failing = *b;
                    let trial = match passed {
                        None if failing > 0 => Some(0),
                        Some(p) if failing > p + 1 => Some(p + (failing - p) / 2),
                        _ => None,
                    };
                    match trial {
                        Some(t) => {
                            *b = t;
                            self.last = Some(Change::Lowered(at, failing));
                            return true;
                        }
                        None => {
                            self.phase = Phase::Lower {
                                next: at + 1,
                                again,
                            }
                        }
                    }
                }
                Phase::Remove { next } => {
                    if next >= self.len {
                        self.phase = Phase::Lower {
                            next: 0,
                            again: true,
                        };
                        continue;
                    }
                    let b = self.bytes.remove(next);
                    self.len -= 1;
                    self.last = Some(Change::Removed(next, b));
                    return true;
                }
                Phase::Done => return false,
            }
        }
    }

    fn complicate(&mut self) -> bool {
        if self.phase == Phase::Length {
            // The cut passed: back to the failing length, the cut point known to pass.
            self.known_passing = self.len;
            self.len = self.tried_len;
            return true;
        }
        // Back to the failing value; the next simplification goes on from there.
        match self.last.take() {
            Some(Change::Lowered(at, before)) => {
                let b = self
                    .bytes
                    .get_mut(at)
                    .expect("a lowered byte is below the length");
                let tried = std::mem::replace(b, before);
                // The value tried passes: the next trial is between it and `before`.
                if let Phase::Bisect { passed, .. } = &mut self.phase {
                    *passed = Some(tried);
                }
                true
            }
            Some(Change::Removed(i, byte)) => {
                self.bytes.insert(i, byte);
                self.len += 1;
                // That byte is needed: try the next one.
                self.phase = Phase::Remove { next: i + 1 };
                true
            }
            None => false,
        }
    }
}

/// Values of `T`'s generator.
fn of<T: Generate + Debug + 'static>() -> BoxedStrategy<T> {
    generated(T::generate)
}

/// A [`MediaId`]: 1 to 64 characters of `A-Z a-z 0-9 - _`, often 32 lower-case hex
/// characters (with or without the `icepublic-` prefix), often 1 or 64 characters.
pub fn media_id() -> impl Strategy<Value = MediaId> {
    of()
}

/// A [`ReferenceId`]: 6 to 64 characters of `A-Z a-z 0-9 - _`, often exactly 6 or 64.
pub fn reference_id() -> impl Strategy<Value = ReferenceId> {
    of()
}

/// A [`CateId`]: 1 to `i64::MAX`, often exactly 1 or `i64::MAX`, often small.
pub fn cate_id() -> impl Strategy<Value = CateId> {
    of()
}

/// Any [`BusinessType`], each of [`BusinessType::ALL`] equally likely.
pub fn business_type() -> impl Strategy<Value = BusinessType> {
    of()
}

/// Any [`Param`], each of [`Param::ALL`] equally likely.
pub fn param() -> impl Strategy<Value = Param> {
    of()
}

/// A [`Title`]: 1 to 128 bytes without control characters, often exactly 128 bytes, of
/// mixed or uniform character widths (so a 3- or 4-byte character ends exactly at byte 128),
/// with combining marks, joiners, emoji, `%`, `+`, `&`, `=`, `,` and white space of every
/// width.
pub fn title() -> impl Strategy<Value = Title> {
    of()
}

/// A [`Description`]: 1 to 1,024 bytes, like [`title`] but with TAB, LF and CR, often
/// exactly 1,024 bytes.
pub fn description() -> impl Strategy<Value = Description> {
    of()
}

/// A [`Category`]: 1 to 64 bytes without control characters, often exactly 64.
pub fn category() -> impl Strategy<Value = Category> {
    of()
}

/// A [`UserData`]: 1 to 1,024 bytes with TAB, LF and CR allowed, often exactly 1,024 bytes,
/// sometimes a small JSON object.
pub fn user_data() -> impl Strategy<Value = UserData> {
    of()
}

/// A [`Tag`]: 1 to 32 bytes without control characters or `,`, not beginning or ending with
/// white space (inside it is kept), often exactly 32 bytes; the full-width `，` appears.
pub fn tag() -> impl Strategy<Value = Tag> {
    of()
}

/// [`MediaTags`]: 0 to 16 distinct tags, often none, often exactly 16 distinct tags of
/// exactly 32 bytes each.
pub fn media_tags() -> impl Strategy<Value = MediaTags> {
    of()
}

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
    generated(generate::bucket)
}

/// A decoded OSS object key as [`InputUrl::object_key`] returns it: valid UTF-8 of 1 to
/// [`InputUrl::MAX_KEY_BYTES`] (1,023) bytes, no control character, not starting with `/` or
/// `\`. Holds the characters that must be percent-encoded in a URL (`%`, `?`, `#`), spaces,
/// `+`, `/`, `\` and multi-byte characters; biased towards keys of exactly 1,023 bytes and
/// short path-like keys.
pub fn object_key() -> impl Strategy<Value = String> {
    generated(generate::object_key)
}

/// An OSS `InputURL` in any form: `oss://BUCKET/KEY` or `http(s)://BUCKET.ENDPOINT/KEY` with a
/// public, internal, acceleration, dual-stack, finance or gov endpoint; scheme and host in
/// lower, upper or mixed case; the key (see [`object_key`], up to 1,023 decoded bytes)
/// written raw where it may be, encoded as SDKs do, or a mix, with hex digits of either case.
pub fn oss_input_url() -> impl Strategy<Value = InputUrl> {
    generated(generate::oss_input_url)
}

/// A `vod://ID` `InputURL`, the scheme in any case, the ID following the `MediaId` rule.
pub fn vod_input_url() -> impl Strategy<Value = InputUrl> {
    generated(generate::vod_input_url)
}

/// Any valid `InputURL`: mostly OSS ([`oss_input_url`]), sometimes VOD ([`vod_input_url`]).
pub fn input_url() -> impl Strategy<Value = InputUrl> {
    of()
}

/// Another way of writing the object `url` names: for OSS any form, endpoint, case and
/// percent-encoding of the same bucket and key, so that [`InputUrl::same_object`] holds; for
/// `vod://` the same ID with the scheme in any case.
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
    let url = url.clone();
    generated(move |u| generate::same_object_as(u, &url))
}

/// A `CoverURL`: `http://` or `https://` (any case), a host (DNS name, IPv4, IPv6 literal,
/// an OSS host or an `xn--` name), an optional port from 1 to 65535, sometimes a query that
/// looks like a signature but is not OSS's, then a path, query and fragment of any
/// characters but white space and controls; biased towards exactly
/// [`CoverUrl::MAX_BYTES`] (128) bytes with multi-byte characters at the end.
pub fn cover_url() -> impl Strategy<Value = CoverUrl> {
    of()
}

/// A [`FieldUpdate`] of values from `value`: `Keep` (absent on the wire), `Clear` (present and
/// empty) or `Set` (a value), all three as `from_params` returns them.
pub fn field_update<S>(value: S) -> impl Strategy<Value = FieldUpdate<S::Value>>
where
    S: Strategy + 'static,
    S::Value: Clone,
{
    prop_oneof![
        2 => Just(FieldUpdate::Keep),
        1 => Just(FieldUpdate::Clear),
        3 => value.prop_map(FieldUpdate::Set),
    ]
    .boxed()
}

/// A [`TagsUpdate`]: `Keep`, `Replace` or `Append` of [`media_tags`] (none included:
/// `Replace` of no tags clears them, `Append` of no tags changes nothing), all three as
/// `from_params` returns them for `MediaTags` with `AppendTags` absent or `true`.
pub fn tags_update() -> impl Strategy<Value = TagsUpdate> {
    of()
}

/// A [`MediaTarget`] in each of the three forms `from_params` returns: `MediaId` alone,
/// `MediaId` with an `InputURL`, `InputURL` alone.
pub fn media_target() -> impl Strategy<Value = MediaTarget> {
    of()
}

/// A [`MediaInfo`] with each optional field set half of the time (so often at the limits,
/// with up to 16 tags); it shrinks towards [`MediaInfo::new`].
pub fn media_info() -> impl Strategy<Value = MediaInfo> {
    of()
}

/// An [`UpdateMediaInfoRequest`] that [`UpdateMediaInfoRequest::from_params`] can return:
/// any target, each field kept, cleared or set, the tags kept, replaced or appended. So
/// `from_params(r.to_params()) == Ok(r)` and `from_query(&r.to_query()) == Ok(r)` for every
/// generated `r`.
pub fn update_media_info_request() -> impl Strategy<Value = UpdateMediaInfoRequest> {
    of()
}

/// An [`UpdateMediaInfoRequest`] aimed at `media`, as [`update_media_info_request`] but:
///
/// * the target is `media` — its `MediaId` alone, its `MediaId` with another way of writing
///   its `InputURL` ([`same_object_as`]), or that other `InputURL` alone;
/// * each field is set to its current value as often as to a new one (a change that is not
///   one);
/// * the tags replaced or appended are a shuffled mix of some of `media`'s tags and new ones,
///   so appends skip present tags and one append in sixteen may go over 16 (which `apply_update` refuses).
pub fn update_media_info_request_for(
    media: &MediaInfo,
) -> impl Strategy<Value = UpdateMediaInfoRequest> {
    let media = media.clone();
    generated(move |u| generate::request_for(u, &media))
}

/// An asset and an update aimed at it ([`media_info`], then
/// [`update_media_info_request_for`] of it), drawn from the same bytes so that they shrink
/// together: towards [`MediaInfo::new`] and `MediaId=a`.
///
/// ```
/// use ims_media::{apply_update, strategy};
/// use proptest::prelude::*;
/// proptest! {
///     #![proptest_config(ProptestConfig::with_cases(32))]
///     fn an_update_is_idempotent((media, request) in strategy::media_and_update_request()) {
///         if let Ok(once) = apply_update(&media, &request) {
///             prop_assert_eq!(apply_update(&once.media, &request).unwrap().media, once.media);
///         }
///     }
/// }
/// # fn main() { an_update_is_idempotent(); }
/// ```
pub fn media_and_update_request() -> impl Strategy<Value = (MediaInfo, UpdateMediaInfoRequest)> {
    generated(|u| {
        let media = MediaInfo::generate(u)?;
        let request = generate::request_for(u, &media)?;
        Ok((media, request))
    })
}

/// UpdateMediaInfo requests as clients typically send them, for benchmarks and load tests
/// rather than edge cases: a 32-hex-digit MediaId (one in eight an `oss://` InputURL), a
/// title of a few words half of the time, a description of a sentence or two one in three,
/// one to five tags one in three, a small CateId one in four, and now and then a short
/// UserData, a cover, a category, a BusinessType with a ReferenceId. Their queries average
/// about 170 bytes (the other strategies lean to the limits: about 3 KiB).
/// [`typical_update_media_info_requests`] draws a fixed sample of them.
pub fn typical_update_media_info_request() -> impl Strategy<Value = UpdateMediaInfoRequest> {
    generated(generate::typical_request)
}

/// `n` requests of [`typical_update_media_info_request`], the same for the same `seed`: a
/// benchmark's input.
///
/// ```
/// let sample = ims_media::strategy::typical_update_media_info_requests(1_000, 7);
/// assert_eq!(sample.len(), 1_000);
/// assert_eq!(sample, ims_media::strategy::typical_update_media_info_requests(1_000, 7));
/// let bytes: usize = sample.iter().map(|r| r.to_query().len()).sum();
/// assert!(bytes / sample.len() < 400);
/// ```
pub fn typical_update_media_info_requests(n: usize, seed: u64) -> Vec<UpdateMediaInfoRequest> {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng};
    let mut key = [0u8; 32];
    for (k, b) in key.iter_mut().zip(seed.to_le_bytes().iter().cycle()) {
        *k = *b;
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &key);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = typical_update_media_info_request();
    (0..n)
        .map(|_| {
            strategy
                .new_tree(&mut runner)
                .expect("the strategy never rejects")
                .current()
        })
        .collect()
}

/// A [`MediaType`](crate::MediaType), each of the four equally likely.
pub fn media_type() -> impl Strategy<Value = crate::MediaType> {
    of()
}

/// A [`ClientToken`](crate::ClientToken): the `MediaId` rule, often 32 hex digits.
pub fn client_token() -> impl Strategy<Value = crate::ClientToken> {
    of()
}

/// A [`WorkflowId`](crate::WorkflowId): the `MediaId` rule.
pub fn workflow_id() -> impl Strategy<Value = crate::WorkflowId> {
    of()
}

/// A [`SmartTagTemplateId`](crate::SmartTagTemplateId): the `MediaId` rule.
pub fn smart_tag_template_id() -> impl Strategy<Value = crate::SmartTagTemplateId> {
    of()
}

/// A [`RegisterConfig`](crate::RegisterConfig): each member given or not.
pub fn register_config() -> impl Strategy<Value = crate::RegisterConfig> {
    of()
}

/// A [`RegisterMediaInfoRequest`](crate::RegisterMediaInfoRequest) that
/// `RegisterMediaInfoRequest::from_params` can return: any InputURL, each optional parameter
/// given or not, `UserData` a JSON object, BusinessType `subtitles` or `font` where the type
/// is `text`. So `from_params(r.to_params()) == Ok(r)` for every generated `r`.
pub fn register_media_info_request() -> impl Strategy<Value = crate::RegisterMediaInfoRequest> {
    of()
}

/// Text the generator allows by `allow`, of exactly `len` bytes (a tag's text when `allow`
/// is a tag's, without white space at its ends).
fn text_of_len(allow: generate::Allow, len: usize) -> BoxedStrategy<String> {
    generated(move |u| {
        if allow == generate::TAG_TEXT {
            generate::tag_text_of_len(u, len)
        } else {
            generate::text(u, len, len, allow)
        }
    })
}

/// Text the generator allows by `allow`, of 1 to `max` bytes.
fn text_up_to(allow: generate::Allow, max: usize) -> BoxedStrategy<String> {
    generated(move |u| generate::text(u, 1, max, allow))
}
