//! The properties the fuzz targets check, shared with the stable replay test
//! (`tests/suite/fuzz_corpus.rs`) so that `cargo test` runs them over the committed corpus.
//!
//! Each oracle takes the raw input and panics when a property is violated. Inputs that are
//! not UTF-8 are skipped where the API takes `&str` (no lossy conversion: the fuzzer would
//! otherwise test `U+FFFD` instead of what it generated).
// Each fuzz target uses one oracle.
#![allow(dead_code)]
// An oracle's job is to panic when a property is violated.
#![allow(clippy::panic, clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashSet;
use std::fmt::Display;

use arbitrary::{Arbitrary, Unstructured};
use ims_media::{
    apply_update as apply, Category, Description, ErrorCode, FieldUpdate, InputUrl, MediaId,
    MediaInfo, MediaTags, MediaTarget, Param, ParamErrorKind, RequestError, Tag, TagsUpdate, Title,
    UpdateError, UpdateMediaInfoRequest, UserData,
};
use unicode_segmentation::UnicodeSegmentation;

/// A property check over one raw input: panics when the property is violated.
pub type Oracle = fn(&[u8]);

/// Every target: its name (the directory under `fuzz/corpus/`) and its oracle.
pub const TARGETS: [(&str, Oracle); 8] = [
    ("query", query),
    ("params", params),
    ("input_url", input_url),
    ("media_tags", media_tags),
    ("apply_update", apply_update),
    ("aimed_update", aimed_update),
    ("text", text),
    ("register", register),
];

/// The RPC common parameters, in the order their errors come: the crate's one list.
const COMMON: [&str; 13] = UpdateMediaInfoRequest::COMMON_PARAMETERS;

/// RFC 3986 encoding of everything but `A-Z a-z 0-9 - _ . ~` and the bytes in `keep`.
pub fn encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) || keep.contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decoding with `+` as itself; `None` for a bad escape.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------
// Requests: `query` and `params`.

/// `from_query` on any UTF-8 input: a request round-trips, an error is well-formed.
pub fn query(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    check_outcome(&UpdateMediaInfoRequest::from_query(s));
}

/// `from_params` on pairs (lines split on `\n`, name and value on the first `\t`): the same
/// checks as [`query`], agreement with a model of the wire rules, and the same outcome as
/// the pairs sent percent-encoded through `from_query`.
pub fn params(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let pairs: Vec<(&str, &str)> = if s.is_empty() {
        Vec::new()
    } else {
        s.split('\n')
            .map(|line| line.split_once('\t').unwrap_or((line, "")))
            .collect()
    };
    let direct = UpdateMediaInfoRequest::from_params(pairs.iter().copied());
    check_outcome(&direct);
    check_pairs_model(&pairs, &direct);

    let query = pairs
        .iter()
        .map(|(n, v)| format!("{}={}", encode(n, b""), encode(v, b"")))
        .collect::<Vec<_>>()
        .join("&");
    assert_eq!(
        UpdateMediaInfoRequest::from_query(&query),
        direct,
        "from_params and from_query disagree on {query:?}"
    );
}

fn check_outcome(outcome: &Result<UpdateMediaInfoRequest, RequestError>) {
    match outcome {
        Ok(r) => check_round_trip(r),
        Err(e) => check_request_error(e),
    }
}

/// A request survives the wire in both forms; its parameters come in `Param::ALL` order,
/// once each; the query is pure RFC 3986.
fn check_round_trip(r: &UpdateMediaInfoRequest) {
    let params = r.to_params();
    let order: Vec<usize> = params
        .iter()
        .map(|(n, _)| {
            n.parse::<Param>()
                .expect("to_params writes known names")
                .index()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "order {params:?}");
    assert_eq!(
        UpdateMediaInfoRequest::from_params(params.iter().map(|(n, v)| (*n, v.as_str()))).as_ref(),
        Ok(r),
        "to_params round trip"
    );
    let q = r.to_query();
    assert!(
        q.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.~%&=".contains(&b)),
        "to_query {q:?}"
    );
    assert_eq!(
        UpdateMediaInfoRequest::from_query(&q).as_ref(),
        Ok(r),
        "to_query round trip {q:?}"
    );
}

/// 1 to 64 problems, one per name, known parameters first in `Param::ALL` order, then the
/// common parameters in their order, then unknown names; well-formed messages.
fn check_request_error(e: &RequestError) {
    let errors = e.errors();
    assert!(!errors.is_empty(), "an error lists at least one problem");
    assert!(
        errors.len() <= RequestError::MAX_ERRORS,
        "{} problems",
        errors.len()
    );
    if e.omitted() > 0 {
        assert_eq!(
            errors.len(),
            RequestError::MAX_ERRORS,
            "omitted before full"
        );
    }
    assert_eq!(e.code(), errors[0].code());
    let mut names = HashSet::new();
    let mut last_rank = 0;
    for err in errors {
        assert!(
            names.insert(err.param()),
            "{} reported twice in {e}",
            err.param()
        );
        assert!(err.param().len() <= 64, "long name {:?}", err.param());
        let rank = match (
            err.known_param(),
            COMMON.iter().position(|c| *c == err.param()),
        ) {
            (Some(p), _) => p.index(),
            (None, Some(i)) => Param::ALL.len() + i,
            (None, None) => 100,
        };
        assert!(rank >= last_rank, "order of problems in {e}");
        last_rank = rank;
        let missing = matches!(err.kind(), ParamErrorKind::Missing);
        assert_eq!(missing, err.code() == ErrorCode::MissingParameter);
        if missing {
            assert_eq!(err.param(), "MediaId");
        }
        let msg = err.to_string();
        assert!(
            ["invalid ", "missing ", "unknown parameter "]
                .iter()
                .any(|p| msg.starts_with(p)),
            "message {msg:?}"
        );
        assert!(!msg.ends_with('.'), "message {msg:?}");
    }
}

/// What `from_params` must return for these pairs, checked without parsing the way the
/// library does: repeated names, the target rule, and each field's keep/clear/set.
fn check_pairs_model(
    pairs: &[(&str, &str)],
    outcome: &Result<UpdateMediaInfoRequest, RequestError>,
) {
    let values = |name: &str| -> Vec<&str> {
        pairs
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .collect()
    };
    for p in UpdateMediaInfoRequest::PARAMS
        .into_iter()
        .map(Param::name)
        .chain(COMMON)
    {
        let count = values(p).len();
        if count > 1 {
            let e = outcome.as_ref().expect_err("a repeated name is an error");
            // Known and common names come before unknown ones, so they are always listed.
            let err = e.errors().iter().find(|x| x.param() == p);
            let err = err.expect("the repeated name is reported");
            assert!(
                matches!(err.kind(), ParamErrorKind::Repeated { count: c, .. } if *c == count),
                "{p}: {:?}",
                err.kind()
            );
        }
    }
    let given = |name: &str| {
        let v = values(name);
        !(v.is_empty() || v == [""])
    };
    if !given("MediaId") && !given("InputURL") {
        let e = outcome
            .as_ref()
            .expect_err("MediaId or InputURL is required");
        assert_eq!(e.errors()[0].kind(), &ParamErrorKind::Missing);
    }
    let Ok(r) = outcome else {
        return;
    };
    let one = |name: &str| values(name).first().copied();
    let field = |name: &str, update: Option<&str>, is_clear: bool, is_keep: bool| match one(name) {
        None => assert!(is_keep, "{name} absent but not kept"),
        Some("") => assert!(is_clear, "{name} empty but not cleared"),
        Some(v) => assert_eq!(update, Some(v), "{name}"),
    };
    fn parts<T>(u: &FieldUpdate<T>, s: impl Fn(&T) -> String) -> (Option<String>, bool, bool) {
        (
            u.as_set().map(s),
            matches!(u, FieldUpdate::Clear),
            u.is_keep(),
        )
    }
    let check = |name: &str, (set, clear, keep): (Option<String>, bool, bool)| {
        field(name, set.as_deref(), clear, keep)
    };
    check("BusinessType", parts(&r.business_type, |v| v.to_string()));
    check("Title", parts(&r.title, |v| v.to_string()));
    check("Description", parts(&r.description, |v| v.to_string()));
    check("Category", parts(&r.category, |v| v.to_string()));
    check("CoverURL", parts(&r.cover_url, |v| v.to_string()));
    check("UserData", parts(&r.user_data, |v| v.to_string()));
    check("ReferenceId", parts(&r.reference_id, |v| v.to_string()));
    match (one("CateId"), &r.cate_id) {
        (None, FieldUpdate::Keep) | (Some(""), FieldUpdate::Clear) => {}
        (Some(v), FieldUpdate::Set(n)) => assert_eq!(v.parse::<i64>().ok(), Some(n.get())),
        (v, u) => panic!("CateId {v:?} gave {u:?}"),
    }
    let append = one("AppendTags").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    match (one("MediaTags"), &r.media_tags) {
        (None, TagsUpdate::Keep) => {}
        (Some(v), TagsUpdate::Append(t)) if append => assert_eq!(v.parse().as_ref(), Ok(t)),
        (Some(v), TagsUpdate::Replace(t)) if !append => assert_eq!(v.parse().as_ref(), Ok(t)),
        (v, u) => panic!("MediaTags {v:?} (append {append}) gave {u:?}"),
    }
    let url = one("InputURL").filter(|v| !v.is_empty());
    match (one("MediaId").filter(|v| !v.is_empty()), &r.target) {
        (Some(id), MediaTarget::MediaId { id: got, input_url }) => {
            assert_eq!(got.as_str(), id);
            assert_eq!(input_url.as_ref().map(InputUrl::as_str), url);
        }
        (None, MediaTarget::InputUrl(got)) => assert_eq!(Some(got.as_str()), url),
        (id, t) => panic!("MediaId {id:?} InputURL {url:?} gave {t:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// InputURL.

/// `InputUrl` on any UTF-8 input: on success the URL is kept verbatim, its parts follow the
/// grammar, the decoded key is what an independent decoder gives, and the object rebuilt in
/// other forms is the same object; on failure the error is about `InputURL`.
pub fn input_url(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let url = match s.parse::<InputUrl>() {
        Ok(url) => url,
        Err(e) => {
            assert_eq!(e.param(), "InputURL");
            assert_eq!(e.code(), ErrorCode::InvalidParameter);
            assert_eq!(InputUrl::try_from(s.to_owned()), Err(e));
            return;
        }
    };
    assert_eq!(url.as_str(), s);
    assert_eq!(url.to_string(), s);
    assert!(!s.is_empty() && s.len() <= InputUrl::MAX_BYTES);
    assert!(!s.contains(['?', '#']) && !s.chars().any(char::is_control));
    assert_eq!(InputUrl::try_from(s.to_owned()).as_ref(), Ok(&url));
    let again: InputUrl = url.to_string().parse().expect("display parses");
    assert_eq!(again, url);
    assert!(url.same_object(&url) && url.same_object(&again));
    assert!(url.is_oss() != url.is_vod());
    let (scheme, rest) = s.split_once("://").expect("a scheme");
    assert_eq!(url.scheme(), scheme.to_ascii_lowercase());

    if let Some(id) = url.vod_id() {
        assert_eq!(rest, id);
        assert!(id.parse::<MediaId>().is_ok(), "VOD ID {id:?}");
        assert!(url.bucket().is_none() && url.object_key().is_none() && url.host().is_none());
        let other: InputUrl = format!("VOD://{id}").parse().expect("vod form");
        assert!(url.same_object(&other) && other.same_object(&url));
        return;
    }

    let bucket = url.bucket().expect("an OSS URL has a bucket");
    let key = url.object_key().expect("an OSS URL has a key");
    assert!((3..=63).contains(&bucket.len()), "bucket {bucket:?}");
    assert!(bucket
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    assert!(!bucket.starts_with('-') && !bucket.ends_with('-'));
    assert!(
        (1..=InputUrl::MAX_KEY_BYTES).contains(&key.len()),
        "key {key:?}"
    );
    assert!(!key.starts_with(['/', '\\']));
    assert!(!key.chars().any(char::is_control));

    let (authority, raw_key) = rest.split_once('/').expect("a key");
    assert_eq!(decode(raw_key).as_deref(), Some(key.as_bytes()));
    match url.host() {
        Some(host) => {
            assert_eq!(host, authority.to_ascii_lowercase());
            assert!(host.starts_with(&format!("{bucket}.")));
            assert!(host.ends_with(".aliyuncs.com"));
            if let Some(region) = url.region() {
                // The region part of the host, or the region ID OSS's endpoint table gives
                // an irregular finance endpoint (`oss-cn-szfinance` is `cn-shenzhen-finance-1`).
                const FINANCE: [&str; 4] = [
                    "cn-hangzhou-finance",
                    "cn-shanghai-finance-1",
                    "cn-shenzhen-finance-1",
                    "cn-beijing-finance-1",
                ];
                assert!(!region.is_empty());
                assert!(
                    host.contains(region) || FINANCE.contains(&region),
                    "region {region:?} of {host:?}"
                );
            }
        }
        None => {
            assert_eq!(scheme.to_ascii_lowercase(), "oss");
            assert_eq!(bucket, authority.to_ascii_lowercase());
            assert!(url.region().is_none());
        }
    }
    for other in [
        format!("oss://{bucket}/{}", encode(key, b"")),
        format!(
            "OSS://{}/{}",
            bucket.to_ascii_uppercase(),
            encode(key, b"/")
        ),
        format!(
            "https://{bucket}.oss-cn-hangzhou-internal.aliyuncs.com/{}",
            encode(key, b"")
        ),
        format!(
            "http://{bucket}.cn-beijing.oss.aliyuncs.com/{}",
            encode(key, b"/")
        ),
    ] {
        let other: InputUrl = other.parse().expect("the object in another form");
        assert!(
            url.same_object(&other) && other.same_object(&url),
            "{other}"
        );
        assert_eq!(other.object_key(), Some(key));
    }
    if let Some((last, _)) = key.char_indices().next_back().filter(|(i, _)| *i > 0) {
        let other: InputUrl = format!("oss://{bucket}/{}", encode(&key[..last], b""))
            .parse()
            .unwrap_or_else(|_| url.clone());
        assert_eq!(url.same_object(&other), other.object_key() == Some(key));
    }
}

// ---------------------------------------------------------------------------------------
// MediaTags.

/// The comma rule computed independently: `None` when the value must be refused.
pub fn tags_model(s: &str) -> Option<Vec<String>> {
    if s.trim().is_empty() {
        return Some(Vec::new());
    }
    let mut tags: Vec<String> = Vec::new();
    for segment in s.split(',') {
        let tag = segment.trim();
        if tag.is_empty() || tag.len() > 32 || tag.chars().any(char::is_control) {
            return None;
        }
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    (tags.len() <= 16).then_some(tags)
}

use model::strings;

/// `MediaTags` on any UTF-8 input agrees with the model; a parsed list is at most 16 valid,
/// distinct tags that display and parse back; `try_append` on the parts of the input around
/// its first line break obeys the append laws.
pub fn media_tags(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = s.parse::<MediaTags>();
    match (&parsed, tags_model(s)) {
        (Ok(tags), Some(model)) => assert_eq!(strings(tags), model),
        (Err(e), None) => assert_eq!(e.param(), "MediaTags"),
        (got, want) => panic!("{s:?}: got {got:?}, the model says {want:?}"),
    }
    if let Ok(tags) = &parsed {
        check_tags(tags);
        for tag in tags {
            assert!(s.split(',').any(|seg| seg.trim() == tag.as_str()));
        }
        assert_eq!(tags.try_append(tags).as_ref(), Ok(tags));
        assert_eq!(tags.try_append(&MediaTags::new()).as_ref(), Ok(tags));
        assert_eq!(MediaTags::new().try_append(tags).as_ref(), Ok(tags));
        let list: Vec<Tag> = tags.iter().rev().chain(tags.iter()).cloned().collect();
        let back = MediaTags::try_from(list).expect("at most 16 distinct");
        assert_eq!(back.len(), tags.len());
    }
    let Some((left, right)) = s.split_once('\n') else {
        return;
    };
    let (Ok(a), Ok(b)) = (left.parse::<MediaTags>(), right.parse::<MediaTags>()) else {
        return;
    };
    let mut union = strings(&a);
    for t in strings(&b) {
        if !union.contains(&t) {
            union.push(t);
        }
    }
    match a.try_append(&b) {
        Ok(c) => {
            assert_eq!(strings(&c), union);
            check_tags(&c);
            assert_eq!(c.try_append(&b).as_ref(), Ok(&c), "append is idempotent");
            assert_eq!(c.try_append(&a).as_ref(), Ok(&c));
        }
        Err(ims_media::UpdateError::TooManyTags { max, found, .. }) => {
            assert_eq!((max, found), (MediaTags::MAX_TAGS, union.len()));
            assert!(found > MediaTags::MAX_TAGS);
        }
        Err(other) => panic!("try_append: {other}"),
    }
}

fn check_tags(tags: &MediaTags) {
    assert!(tags.len() <= MediaTags::MAX_TAGS);
    assert_eq!(tags.is_empty(), tags.iter().next().is_none());
    let mut seen = HashSet::new();
    for tag in tags {
        assert!(seen.insert(tag.as_str()), "duplicate {tag}");
        assert_eq!(tag.as_str().parse::<Tag>().as_ref(), Ok(tag));
        assert!(tags.contains(tag.as_str()));
    }
    let shown = tags.to_string();
    assert_eq!(shown.parse::<MediaTags>().as_ref(), Ok(tags), "{shown:?}");
}

// ---------------------------------------------------------------------------------------
// apply_update.

// The model is shared with the property tests (one model, two drivers).
// The fuzz targets load the model on their own; in the test suite this is its second copy.
#[allow(clippy::duplicate_mod)]
#[path = "common/model.rs"]
mod model;
use model::{model_update, Model};

/// Every value of an arbitrary asset is valid: it parses back to itself.
fn check_media_values(m: &MediaInfo) {
    fn back<T: Display + std::str::FromStr + PartialEq + std::fmt::Debug>(v: &Option<T>) {
        if let Some(v) = v {
            assert!(v.to_string().parse::<T>().ok().as_ref() == Some(v), "{v:?}");
        }
    }
    assert_eq!(
        m.media_id.as_str().parse::<MediaId>().as_ref(),
        Ok(&m.media_id)
    );
    assert_eq!(
        m.input_url.as_str().parse::<InputUrl>().as_ref(),
        Ok(&m.input_url)
    );
    back(&m.business_type);
    back(&m.title);
    back(&m.description);
    back(&m.category);
    back(&m.cover_url);
    back(&m.user_data);
    back(&m.cate_id);
    back(&m.reference_id);
    check_tags(&m.media_tags);
}

/// `apply_update` on an arbitrary asset and request, the request aimed at the asset (the
/// crate's aimed generator) six times in eight, otherwise an arbitrary request, its target
/// sometimes given the asset's ID beside another object: [`check_update`].
pub fn apply_update(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let aim = u8::arbitrary(&mut u).expect("u8 from any input");
    let media = MediaInfo::arbitrary(&mut u).expect("MediaInfo from any input");
    let request = match aim % 8 {
        0..=5 => UpdateMediaInfoRequest::arbitrary_for(&mut u, &media),
        6 => UpdateMediaInfoRequest::arbitrary(&mut u).map(|mut r| {
            // The asset's ID beside another object, or another asset.
            if let MediaTarget::MediaId { input_url, .. } = r.target {
                r.target = MediaTarget::MediaId {
                    id: media.media_id.clone(),
                    input_url,
                };
            }
            r
        }),
        _ => UpdateMediaInfoRequest::arbitrary(&mut u),
    }
    .expect("UpdateMediaInfoRequest from any input");
    // A refusal the model agrees with is a pass: the wrong targets are the point here.
    let _refused_as_the_model_says = check_update(&media, &request);
}

/// Updates aimed at the asset (`UpdateMediaInfoRequest::arbitrary_for`): [`check_update`],
/// and the only refusal is an append past 16 tags.
pub fn aimed_update(data: &[u8]) {
    aimed_update_succeeds(data);
}

/// [`aimed_update`], telling whether the update succeeded.
pub fn aimed_update_succeeds(data: &[u8]) -> bool {
    let mut u = Unstructured::new(data);
    let media = MediaInfo::arbitrary(&mut u).expect("MediaInfo from any input");
    let request =
        UpdateMediaInfoRequest::arbitrary_for(&mut u, &media).expect("a request from any input");
    match check_update(&media, &request) {
        Ok(()) => true,
        Err(e) => {
            assert!(
                matches!(e, UpdateError::TooManyTags { .. }),
                "an aimed update is refused only past 16 tags: {e}"
            );
            false
        }
    }
}

/// `apply_update` of `request` to `media`: agreement with the model, `changed` exactly the
/// differing fields, MediaId and InputURL kept, idempotence; the generated values valid and
/// round-tripping; the input untouched. The crate's refusal, when the model agrees.
fn check_update(media: &MediaInfo, request: &UpdateMediaInfoRequest) -> Result<(), UpdateError> {
    check_media_values(media);
    check_round_trip(request);

    let before = Model::of(media);
    let outcome = apply(media, request);
    match (&outcome, model_update(media, request)) {
        (Ok(out), Ok(want)) => {
            let after = Model::of(&out.media);
            assert_eq!(after, want);
            assert_eq!(out.media.media_id, media.media_id);
            assert_eq!(out.media.input_url.as_str(), media.input_url.as_str());
            let differing: Vec<Param> = before
                .fields()
                .into_iter()
                .zip(after.fields())
                .filter(|(b, a)| b != a)
                .map(|(b, _)| b.0)
                .collect();
            assert_eq!(out.changed, differing);
            for p in UpdateMediaInfoRequest::PARAMS {
                assert_eq!(out.is_changed(p), differing.contains(&p));
            }
            let again = apply(&out.media, request).expect("a second apply succeeds");
            assert_eq!(again.media, out.media, "idempotent");
            assert!(again.changed.is_empty(), "idempotent: {:?}", again.changed);
        }
        (Err(e), Err((param, code))) => {
            assert_eq!((e.param(), e.code()), (param, code), "{e}");
            if let UpdateError::TooManyTags { max, found, .. } = e {
                assert_eq!(*max, MediaTags::MAX_TAGS);
                assert!(*found > *max);
            }
            let msg = e.to_string();
            assert!(!msg.ends_with('.') && msg.contains(param), "{msg}");
        }
        (got, want) => panic!("apply_update gave {got:?}, the model says {want:?}"),
    }
    assert_eq!(Model::of(media), before, "the input is untouched");
    outcome.map(|_| ())
}

// ---------------------------------------------------------------------------------------
// Free text and truncation.

/// The longest whole-grapheme prefix of at most `max` bytes, by segmenting the whole input.
pub fn grapheme_prefix(s: &str, max: usize) -> &str {
    let mut end = 0;
    for g in s.graphemes(true) {
        if end + g.len() > max {
            break;
        }
        end += g.len();
    }
    &s[..end]
}

/// One bounded text type: its limit, whether TAB/LF/CR are allowed, whether it is a tag.
struct TextRule {
    max: usize,
    line_breaks: bool,
    tag: bool,
}

impl TextRule {
    fn bad_char(&self, c: char) -> bool {
        (c.is_control() && !(self.line_breaks && matches!(c, '\t' | '\n' | '\r')))
            || (self.tag && c == ',')
    }

    /// What no value may hold: empty, a refused character anywhere, white space at either
    /// end of a tag.
    fn unfixable(&self, s: &str) -> bool {
        s.is_empty()
            || s.chars().any(|c| self.bad_char(c))
            || (self.tag
                && (s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace)))
    }

    fn valid(&self, s: &str) -> bool {
        !self.unfixable(s) && s.len() <= self.max
    }

    /// White space at the end of a tag is unfixable only when the input is kept whole: past
    /// the cut it goes with the rest.
    fn truncated<'a>(&self, s: &'a str) -> Option<&'a str> {
        let prefix = grapheme_prefix(s, self.max);
        let whole = prefix.len() == s.len();
        if s.is_empty()
            || s.chars().any(|c| self.bad_char(c))
            || (self.tag && s.starts_with(char::is_whitespace))
            || (self.tag && whole && s.ends_with(char::is_whitespace))
        {
            return None;
        }
        let prefix = if self.tag {
            // Whole clusters ending in white space go, never a part of one: `"\u{605} "` is
            // one cluster (U+0605 is a prepended mark), and keeping U+0605 alone would split
            // it. The clusters are those of the whole input.
            let clusters: Vec<&str> = s
                .graphemes(true)
                .scan(0, |at, g| {
                    *at += g.len();
                    (*at <= prefix.len()).then_some(g)
                })
                .collect();
            let dropped: usize = clusters
                .iter()
                .rev()
                .take_while(|g| g.ends_with(char::is_whitespace))
                .map(|g| g.len())
                .sum();
            &prefix[..prefix.len() - dropped]
        } else {
            prefix
        };
        (!prefix.is_empty()).then_some(prefix)
    }
}

fn check_text<T, E>(
    s: &str,
    rule: &TextRule,
    param: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    truncated: impl Fn(&str) -> Result<T, E>,
) where
    T: AsRef<str> + std::fmt::Debug + PartialEq,
    E: std::fmt::Debug + Display,
{
    match parse(s) {
        Ok(v) => {
            assert!(rule.valid(s), "{param} accepted {s:?}");
            assert_eq!(v.as_ref(), s);
        }
        Err(e) => {
            assert!(!rule.valid(s), "{param} refused {s:?}: {e}");
            assert!(
                e.to_string().starts_with(&format!("invalid {param}: ")),
                "{e}"
            );
        }
    }
    match (truncated(s), rule.truncated(s)) {
        (Ok(t), Some(want)) => {
            assert_eq!(t.as_ref(), want, "{param}::truncated({s:?})");
            assert!(parse(t.as_ref()).is_ok());
            if rule.valid(s) {
                assert_eq!(t.as_ref(), s);
            }
        }
        (Err(_), None) => {}
        (got, want) => panic!("{param}::truncated({s:?}) gave {got:?}, the model says {want:?}"),
    }
}

/// `Title`, `Description`, `Category` and `Tag` on any UTF-8 input: parsing agrees with the
/// rules, and `truncated` gives the longest whole-grapheme prefix within the limit (computed
/// here by segmenting the whole input) or fails exactly when truncation cannot help.
pub fn text(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let plain = |max| TextRule {
        max,
        line_breaks: false,
        tag: false,
    };
    let lenient = |max| TextRule {
        max,
        line_breaks: true,
        tag: false,
    };
    check_text(
        s,
        &plain(Title::MAX_BYTES),
        "Title",
        str::parse::<Title>,
        Title::truncated,
    );
    check_text(
        s,
        &lenient(Description::MAX_BYTES),
        "Description",
        str::parse::<Description>,
        Description::truncated,
    );
    check_text(
        s,
        &plain(Category::MAX_BYTES),
        "Category",
        str::parse::<Category>,
        Category::truncated,
    );
    let tag = TextRule {
        max: Tag::MAX_BYTES,
        line_breaks: false,
        tag: true,
    };
    check_text(s, &tag, "MediaTags", str::parse::<Tag>, Tag::truncated);
    match (s.parse::<UserData>(), lenient(UserData::MAX_BYTES).valid(s)) {
        (Ok(v), true) => assert_eq!(v.as_str(), s),
        (Err(_), false) => {}
        (got, want) => panic!("UserData {s:?}: {got:?}, valid by the rules: {want}"),
    }
}

/// RegisterMediaInfo: a query of any bytes is read without panicking and, when accepted,
/// survives the wire; an arbitrary registration survives the wire, registers with its type
/// as given or inferred, is refused again without Overwrite and replaced with it, and the
/// asset it makes takes an update aimed at it.
pub fn register(data: &[u8]) {
    use ims_media::{register as reg, MediaBasicInfo, RegisterMediaInfoRequest};
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(r) = RegisterMediaInfoRequest::from_query(text) {
            assert_eq!(RegisterMediaInfoRequest::from_query(&r.to_query()), Ok(r));
        }
    }
    let mut u = Unstructured::new(data);
    let request = RegisterMediaInfoRequest::arbitrary(&mut u).expect("a request from any input");
    let params = request.to_params();
    assert_eq!(
        RegisterMediaInfoRequest::from_params(params.iter().map(|(k, v)| (*k, v.as_str()))),
        Ok(request.clone())
    );
    assert_eq!(
        RegisterMediaInfoRequest::from_query(&request.to_query()),
        Ok(request.clone())
    );
    let id: MediaId = "7a1c0e5f3b2d4c6e8f901a2b3c4d5e6f".parse().expect("an ID");
    let first = reg(&request, id, None).expect("a new registration succeeds");
    assert_eq!(first.media.media_type, request.media_type_or_inferred());
    let stored =
        MediaInfo::try_from(&MediaBasicInfo::from(&first.media)).expect("the document reads back");
    assert_eq!(stored, first.media);
    let second: MediaId = "0000000000000000000000000000000b".parse().expect("an ID");
    let mut retry = request.clone();
    retry.overwrite = false;
    assert!(reg(&retry, second.clone(), Some(&first.media)).is_err());
    retry.overwrite = true;
    let replaced = reg(&retry, second, Some(&first.media)).expect("Overwrite replaces");
    assert_eq!(replaced.replaced.as_ref(), Some(&first.media.media_id));
    let update =
        UpdateMediaInfoRequest::arbitrary_for(&mut u, &stored).expect("an update from any input");
    match apply(&stored, &update) {
        Ok(outcome) => assert_eq!(outcome.media.media_type, stored.media_type),
        Err(e) => assert_eq!(e.param(), "MediaTags", "{e}"),
    }
}
