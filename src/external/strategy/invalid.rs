//! Strategies for wire values each parameter refuses, one rule broken at a time.
//!
//! Every value is non-empty (an empty value is not an error on the wire: it clears a field
//! or counts as absent) and already decoded, as
//! [`from_params`](crate::UpdateMediaInfoRequest::from_params) takes it.

use std::ops::RangeInclusive;

use proptest::char::CharStrategy;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;

use super::{bucket, text_of_len, text_up_to};
use crate::generate::{self, ID_CHARS};
use crate::{BusinessType, Category, CoverUrl, Description, InputUrl, Param, Tag, Title, UserData};

const SPECIAL_CONTROLS: &[char] = &['\0', '\t', '\n', '\r', '\x1B', '\x7F', '\u{85}', '\u{9F}'];
const ALL_CONTROLS: &[RangeInclusive<char>] = &['\0'..='\x1F', '\x7F'..='\u{9F}'];
/// Cc but TAB, LF and CR.
const REFUSED_MULTILINE: &[RangeInclusive<char>] = &[
    '\0'..='\x08',
    '\x0B'..='\x0C',
    '\x0E'..='\x1F',
    '\x7F'..='\u{9F}',
];
/// Cc that is not white space either (so a list's trimming cannot remove it).
const NOT_SPACE_CONTROLS: &[RangeInclusive<char>] = &[
    '\0'..='\x08',
    '\x0E'..='\x1F',
    '\x7F'..='\u{84}',
    '\u{86}'..='\u{9F}',
];

/// The texts the generator draws from, by the rules of a parameter.
#[derive(Clone, Copy)]
enum Kind {
    /// One line (`Title`, `Category`).
    Line,
    /// TAB, LF and CR allowed (`Description`, `UserData`).
    Multiline,
    /// A tag's: no comma, no white space at the ends.
    Tag,
    /// No white space (a URL's path).
    NoSpace,
}

impl Kind {
    fn allow(self) -> generate::Allow {
        match self {
            Kind::Line => generate::ONE_LINE,
            Kind::Multiline => generate::MULTI_LINE,
            Kind::Tag => generate::TAG_TEXT,
            Kind::NoSpace => generate::URL_TEXT,
        }
    }
}

/// Valid text of `kind` of exactly `n` bytes.
fn exactly(kind: Kind, n: usize) -> BoxedStrategy<String> {
    text_of_len(kind.allow(), n)
}

/// Valid text of `kind` of 1 to `max` bytes.
fn bounded(kind: Kind, max: usize) -> BoxedStrategy<String> {
    text_up_to(kind.allow(), max)
}

/// A string of `len` characters of `set` (ASCII).
fn ascii_string(
    set: &'static [u8],
    len: impl Into<proptest::collection::SizeRange>,
) -> impl Strategy<Value = String> {
    vec(select(set), len).prop_map(|c| c.into_iter().map(char::from).collect())
}

/// A DNS-style label of `len` characters (at least 1): `a-z 0-9 -`, a letter or digit first
/// and last.
fn label(len: impl Into<proptest::collection::SizeRange>) -> impl Strategy<Value = String> {
    ascii_string(b"abcdefghijklmnopqrstuvwxyz0123456789-", len).prop_map(|s| {
        let last = s.len().saturating_sub(1);
        s.char_indices()
            .map(|(i, c)| {
                if c == '-' && (i == 0 || i == last) {
                    '0'
                } else {
                    c
                }
            })
            .collect()
    })
}

fn control(ranges: &'static [RangeInclusive<char>]) -> CharStrategy<'static> {
    CharStrategy::new_borrowed(SPECIAL_CONTROLS, &[], ranges)
}

/// Text of `kind` that is 1 to 4 bytes over `max`, often crossing the limit with a
/// multi-byte character, sometimes several times `max`.
fn over_limit(kind: Kind, max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1..=4usize).prop_flat_map(move |k| exactly(kind, max + k)),
        1 => exactly(kind, max * 3),
    ]
    .boxed()
}

/// Valid text of `kind` of at most `max` bytes with one control character from `controls`
/// inserted at any character boundary: the only problem is that character.
fn with_control(
    kind: Kind,
    max: usize,
    controls: &'static [RangeInclusive<char>],
) -> impl Strategy<Value = String> {
    (bounded(kind, max - 2), control(controls), any::<usize>())
        .prop_map(|(text, cc, at)| insert_at(text, cc, at))
        .boxed()
}

/// Inserts `c` at the boundary `at` modulo the number of boundaries of `s`.
fn insert_at(s: String, c: char, at: usize) -> String {
    let boundaries = s.chars().count() + 1;
    let n = at % boundaries;
    let byte = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let mut s = s;
    s.insert(byte, c);
    s
}

/// Values `Title` refuses: 129 to 132 bytes (or 384), often crossing 128 inside a
/// multi-byte character's bytes; or 1 to 128 bytes with one control character (any Cc,
/// TAB, LF and CR included).
pub fn invalid_title() -> impl Strategy<Value = String> {
    prop_oneof![
        over_limit(Kind::Line, Title::MAX_BYTES),
        with_control(Kind::Line, Title::MAX_BYTES, ALL_CONTROLS),
    ]
    .boxed()
}

/// Values `Description` refuses: 1,025 to 1,028 bytes (or 3,072); or up to 1,024 bytes with
/// one control character other than TAB, LF and CR.
pub fn invalid_description() -> impl Strategy<Value = String> {
    prop_oneof![
        over_limit(Kind::Multiline, Description::MAX_BYTES),
        with_control(Kind::Multiline, Description::MAX_BYTES, REFUSED_MULTILINE),
    ]
    .boxed()
}

/// Values `Category` refuses: 65 to 68 bytes (or 192); or up to 64 bytes with one control
/// character.
pub fn invalid_category() -> impl Strategy<Value = String> {
    prop_oneof![
        over_limit(Kind::Line, Category::MAX_BYTES),
        with_control(Kind::Line, Category::MAX_BYTES, ALL_CONTROLS),
    ]
    .boxed()
}

/// Values `UserData` refuses: 1,025 to 1,028 bytes (or 3,072); or up to 1,024 bytes with one
/// control character other than TAB, LF and CR.
pub fn invalid_user_data() -> impl Strategy<Value = String> {
    prop_oneof![
        over_limit(Kind::Multiline, UserData::MAX_BYTES),
        with_control(Kind::Multiline, UserData::MAX_BYTES, REFUSED_MULTILINE),
    ]
    .boxed()
}

fn valid_tag_text() -> impl Strategy<Value = String> {
    bounded(Kind::Tag, Tag::MAX_BYTES).boxed()
}

/// Values a single [`Tag`] refuses (`Tag::from_str`; a list would split or trim some of
/// them): 33 to 36 bytes (or 96); a control character; a `,`; white space (ASCII or not) at
/// the start or at the end.
pub fn invalid_tag() -> impl Strategy<Value = String> {
    let space = select(&[' ', '\t', '\u{A0}', '\u{3000}', '\u{2028}'][..]);
    prop_oneof![
        over_limit(Kind::Tag, Tag::MAX_BYTES),
        with_control(Kind::Tag, Tag::MAX_BYTES, ALL_CONTROLS),
        (bounded(Kind::Tag, Tag::MAX_BYTES - 1), any::<usize>())
            .prop_map(|(t, at)| insert_at(t, ',', at)),
        (bounded(Kind::Tag, Tag::MAX_BYTES - 3), space.clone())
            .prop_map(|(t, c)| format!("{c}{t}")),
        (bounded(Kind::Tag, Tag::MAX_BYTES - 3), space).prop_map(|(t, c)| format!("{t}{c}")),
    ]
    .boxed()
}

/// Values the `MediaTags` list refuses: 17 to 24 distinct valid tags; an empty or
/// white-space-only segment (`a,,b`, `a,`, `,a`, `a, ,b`) among valid tags; a tag of 33 to 36
/// bytes (or 96) among valid ones; a tag holding a control character that is not white space
/// (so trimming cannot remove it) among valid ones.
pub fn invalid_media_tags() -> impl Strategy<Value = String> {
    // Distinct by construction: a two-digit number before each text of up to 30 bytes.
    let too_many = vec(bounded(Kind::Tag, Tag::MAX_BYTES - 2), 17..=24)
        .prop_map(|texts| {
            texts
                .into_iter()
                .enumerate()
                .map(|(i, t)| format!("{i:02}{t}"))
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
        .prop_map(|tags| tags.join(","));
    let empty = select(&["", " ", "\u{3000}", "\t "][..]).prop_map(str::to_owned);
    let bad_tag = prop_oneof![
        empty,
        over_limit(Kind::Tag, Tag::MAX_BYTES),
        (
            valid_tag_text(),
            control(NOT_SPACE_CONTROLS),
            any::<usize>()
        )
            .prop_map(|(t, cc, at)| insert_at(t, cc, at)),
    ];
    let among =
        (vec(valid_tag_text(), 1..=8), bad_tag, any::<usize>()).prop_map(|(mut tags, bad, at)| {
            let at = at % (tags.len() + 1);
            tags.insert(at, bad);
            tags.join(",")
        });
    prop_oneof![1 => too_many, 3 => among].boxed()
}

/// IDs with one character outside `A-Z a-z 0-9 - _` (multi-byte ones included) among at
/// most 63 valid ones.
fn id_with_bad_char() -> impl Strategy<Value = String> {
    let bad = select(
        &[
            '*', ' ', '.', '/', '+', '%', '@', 'é', '界', '🎉', '\0', '\u{3000}',
        ][..],
    );
    (ascii_string(ID_CHARS, 0..=40usize), bad, any::<usize>())
        .prop_map(|(id, c, at)| insert_at(id, c, at))
        .boxed()
}

/// Values `MediaId` refuses: 65 to 100 valid characters; a character outside
/// `A-Z a-z 0-9 - _`; the documentation's masked example.
pub fn invalid_media_id() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => ascii_string(ID_CHARS, 65..=100usize),
        3 => id_with_bad_char(),
        1 => Just("****20b48fb04483915d4f2cd8ac****".to_owned()),
    ]
    .boxed()
}

/// Values `ReferenceId` refuses: 1 to 5 characters (too short); 65 to 100 characters; a
/// character outside `A-Z a-z 0-9 - _`.
pub fn invalid_reference_id() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => ascii_string(ID_CHARS, 1..=5usize),
        1 => ascii_string(ID_CHARS, 65..=100usize),
        2 => id_with_bad_char(),
    ]
    .boxed()
}

/// Values `CateId` refuses: `0` (or zeros); a sign, space, decimal point, exponent or hex
/// prefix; non-ASCII digits; values from `i64::MAX + 1` up to 40 digits.
pub fn invalid_cate_id() -> impl Strategy<Value = String> {
    let n = 1..1_000_000u32;
    prop_oneof![
        1 => (1..=5usize).prop_map(|k| "0".repeat(k)),
        2 => (select(&["-", "+", " ", "-0", "0x"][..]), n.clone())
            .prop_map(|(p, n)| format!("{p}{n}")),
        2 => (n.clone(), select(&[" ", ".0", "e3", "L", "\n"][..]))
            .prop_map(|(n, s)| format!("{n}{s}")),
        1 => select(&["٣", "１２", "1_000", "1,000", "one"][..]).prop_map(str::to_owned),
        2 => ((i64::MAX.unsigned_abs() + 1)..=u64::MAX).prop_map(|n| n.to_string()),
        1 => (ascii_string(b"123456789", 1usize), ascii_string(b"0123456789", 19..=39usize))
            .prop_map(|(a, b)| a + &b),
    ]
    .boxed()
}

/// Values `BusinessType` refuses: `video` (the API page's example, a MediaType), the valid
/// values with an upper-case letter or surrounding white space, other words.
pub fn invalid_business_type() -> impl Strategy<Value = String> {
    let valid = select(&BusinessType::ALL[..]);
    prop_oneof![
        1 => Just("video".to_owned()),
        2 => valid.clone().prop_map(|b| {
            let s = b.as_str();
            s.get(..1).map_or_else(String::new, str::to_ascii_uppercase) + s.get(1..).unwrap_or("")
        }),
        1 => (valid, select(&[" ", "\n", "s", "-"][..])).prop_map(|(b, x)| format!("{}{x}", b.as_str())),
        2 => ascii_string(b"abcdefghijklmnopqrstuvwxyz", 1..=12usize)
            .prop_filter("not a BusinessType", |s| s.parse::<BusinessType>().is_err()),
    ]
    .boxed()
}

/// Values `AppendTags` refuses: anything but `true` and `false` in any case (`1`, `yes`,
/// `true ` with a space, …).
pub fn invalid_append_tags() -> impl Strategy<Value = String> {
    prop_oneof![
        select(&["1", "0", "yes", "no", "on", "t", "tru", "truee", " true", "false ", "真"][..])
            .prop_map(str::to_owned),
        ascii_string(b"abcdefghijklmnopqrstuvwxyzTRUEFALS", 1..=6usize)
            .prop_filter("not a boolean", |s| !s.eq_ignore_ascii_case("true")
                && !s.eq_ignore_ascii_case("false"),),
    ]
    .boxed()
}

/// Values `CoverURL` refuses: 129 bytes and more; white space (any Unicode `White_Space`)
/// or a control character inside a valid URL; another scheme or none; user info; a port
/// that is not 0 to 65535; no host.
pub fn invalid_cover_url() -> impl Strategy<Value = String> {
    let base = || {
        (
            label(1..=10usize),
            ascii_string(b"abcdefgh/._-", 0..=20usize),
        )
            .prop_map(|(host, path)| format!("https://{host}.com/{path}"))
    };
    let space = select(&[' ', '\u{A0}', '\u{3000}', '\u{2028}', '\u{1680}'][..]);
    prop_oneof![
        2 => (0..=40usize).prop_flat_map(|k| exactly(Kind::NoSpace, CoverUrl::MAX_BYTES - 19 + k))
            .prop_map(|rest| format!("https://example.com/{rest}")),
        2 => (base(), space, any::<usize>()).prop_map(|(u, c, at)| insert_at(u, c, at)),
        2 => (base(), control(ALL_CONTROLS), any::<usize>()).prop_map(|(u, c, at)| insert_at(u, c, at)),
        3 => select(&[
            "ftp://example.com/a.png",
            "//example.com/a.png",
            "example.com/a.png",
            "file:///a.png",
            "oss://bucket/a.png",
            "https:/example.com/a.png",
            "https://user:pw@example.com/a.png",
            "http://u@example.com/",
            "http://example.com:99999/a.png",
            "http://example.com:8o/a.png",
            "http://example.com:/a.png",
            "http://",
            "http:///a.png",
            "http://:80/a.png",
            "https://[]/a.png",
        ][..])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

/// Values `InputURL` refuses, each breaking one rule of an otherwise valid URL: a query
/// (a signed URL) or fragment; a port; user info; a `%` not followed by two hex digits; a key
/// that is not UTF-8 after decoding, longer than 1,023 decoded bytes, starting with `/` or
/// `\` (raw or escaped), or holding a control character (raw or escaped); a bucket that breaks
/// the naming rule; a host that is not an OSS endpoint (including the path style and look-alike
/// hosts); no key; another scheme; a bad `vod://` ID; more than 4,096 bytes.
pub fn invalid_input_url() -> impl Strategy<Value = String> {
    let key =
        || vec(label(1..=10usize), 1..=3).prop_map(|parts| format!("{}.mp4", parts.join("/")));
    let valid = || {
        (bucket(), key(), any::<bool>()).prop_map(|(b, k, https)| {
            if https {
                format!("https://{b}.oss-cn-hangzhou.aliyuncs.com/{k}")
            } else {
                format!("oss://{b}/{k}")
            }
        })
    };
    let arms: Vec<BoxedStrategy<String>> = vec![
        (
            valid(),
            select(&["?Expires=1&Signature=abc", "?", "#t=10", "#"][..]),
        )
            .prop_map(|(u, q)| u + q)
            .boxed(),
        (bucket(), key(), select(&[":80", ":443", ":"][..]))
            .prop_map(|(b, k, p)| format!("https://{b}.oss-cn-hangzhou.aliyuncs.com{p}/{k}"))
            .boxed(),
        (bucket(), key(), select(&["user@", "u:p@", "@"][..]))
            .prop_map(|(b, k, u)| format!("oss://{u}{b}/{k}"))
            .boxed(),
        (
            valid(),
            select(&["%", "%4", "%zz", "%G1", "%%41", "%4g"][..]),
        )
            .prop_map(|(u, e)| u + e)
            .boxed(),
        (
            bucket(),
            select(&["a%FF", "%C3", "%ED%A0%80", "x%80y", "%F0%9F%8E"][..]),
        )
            .prop_map(|(b, k)| format!("oss://{b}/{k}"))
            .boxed(),
        (bucket(), 1024..=1100usize, any::<bool>())
            .prop_map(|(b, n, escaped)| {
                let key = if escaped {
                    "%E7%95%8C".repeat(n / 3 + 1)
                } else {
                    "k".repeat(n)
                };
                format!("oss://{b}/{key}")
            })
            .boxed(),
        (
            bucket(),
            key(),
            select(&["/", "\\", "%2F", "%2f", "%5C"][..]),
        )
            .prop_map(|(b, k, s)| format!("oss://{b}/{s}{k}"))
            .boxed(),
        (
            bucket(),
            key(),
            select(&["\u{1}", "\u{7F}", "\u{85}", "%0A", "%00", "%C2%85", "%7f"][..]),
        )
            .prop_map(|(b, k, c)| format!("oss://{b}/{c}{k}"))
            .boxed(),
        (
            select(&["ab", "-ab", "ab-", "a_b", "a.b", "a b"][..]).prop_map(str::to_owned),
            key(),
        )
            .prop_map(|(b, k)| format!("oss://{b}/{k}"))
            .boxed(),
        (
            ascii_string(b"abcdefghijklmnopqrstuvwxyz", 64..=70usize),
            key(),
        )
            .prop_map(|(b, k)| format!("oss://{b}/{k}"))
            .boxed(),
        (
            bucket(),
            select(
                &[
                    "example.com",
                    "oss-cn-hangzhou.evil.aliyuncs.com",
                    "oss.aliyuncs.com",
                    "oss-internal.aliyuncs.com",
                    "oss-cn-hangzhou.aliyuncs.com.",
                    "s3.amazonaws.com",
                    "oss-cn-hangzhou.aliyuncs.com.evil.com",
                ][..],
            ),
            key(),
        )
            .prop_map(|(b, host, k)| format!("https://{b}.{host}/{k}"))
            .boxed(),
        (bucket(), key())
            .prop_map(|(b, k)| format!("https://oss-cn-hangzhou.aliyuncs.com/{b}/{k}"))
            .boxed(),
        (bucket(), select(&["", "/"][..]), any::<bool>())
            .prop_map(|(b, slash, https)| {
                if https {
                    format!("https://{b}.oss-cn-hangzhou.aliyuncs.com{slash}")
                } else {
                    format!("oss://{b}{slash}")
                }
            })
            .boxed(),
        (
            select(&["ftp", "s3", "file", "oss:", "vod:/", ""][..]),
            bucket(),
            key(),
        )
            .prop_map(|(s, b, k)| format!("{s}://{b}/{k}"))
            .boxed(),
        prop_oneof![
            select(
                &[
                    "vod://",
                    "vod://a*b",
                    "vod://abc/def",
                    "vod://abc/",
                    "vod://é"
                ][..]
            )
            .prop_map(str::to_owned),
            ascii_string(ID_CHARS, 65..=80usize).prop_map(|id| format!("vod://{id}")),
        ]
        .boxed(),
        (bucket(), 4097..=5000usize)
            .prop_map(|(b, n)| format!("oss://{b}/{}", "a".repeat(n)))
            .boxed(),
        select(&["oss:///k.mp4", "https:///k.mp4", "oss://"][..])
            .prop_map(str::to_owned)
            .boxed(),
    ];
    Union::new(arms)
        .prop_filter("not a valid InputURL", |s| s.parse::<InputUrl>().is_err())
        .boxed()
}

/// The values of `s`, paired with `param`.
fn arm<S: Strategy<Value = String> + 'static>(
    param: Param,
    s: S,
) -> BoxedStrategy<(Param, String)> {
    s.prop_map(move |v| (param, v)).boxed()
}

/// A parameter paired with a value it refuses, from the `invalid_*` strategy of each of the
/// twelve parameters (`AppendTags` included). With a valid `MediaId` beside it (unless the
/// parameter is `MediaId`), `from_params` reports exactly one `InvalidParameter` error, on
/// that parameter.
///
/// ```
/// use ims_media::{strategy, ErrorCode, Param, UpdateMediaInfoRequest};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// for _ in 0..20 {
///     let (param, value) = strategy::invalid_param().new_tree(&mut runner).unwrap().current();
///     let mut pairs = vec![(param.name(), value.as_str())];
///     if param != Param::MediaId {
///         pairs.push(("MediaId", "abc"));
///     }
///     let err = UpdateMediaInfoRequest::from_params(pairs).unwrap_err();
///     assert_eq!(err.errors().len(), 1);
///     assert_eq!(err.errors()[0].param(), param.name());
///     assert_eq!(err.errors()[0].code(), ErrorCode::InvalidParameter);
/// }
/// ```
pub fn invalid_param() -> impl Strategy<Value = (Param, String)> {
    Union::new(vec![
        arm(Param::MediaId, invalid_media_id()),
        arm(Param::InputUrl, invalid_input_url()),
        arm(Param::BusinessType, invalid_business_type()),
        arm(Param::Title, invalid_title()),
        arm(Param::Description, invalid_description()),
        arm(Param::Category, invalid_category()),
        arm(Param::MediaTags, invalid_media_tags()),
        arm(Param::CoverUrl, invalid_cover_url()),
        arm(Param::UserData, invalid_user_data()),
        arm(Param::AppendTags, invalid_append_tags()),
        arm(Param::CateId, invalid_cate_id()),
        arm(Param::ReferenceId, invalid_reference_id()),
    ])
    .boxed()
}

/// Values `MediaType` refuses: another case, a BusinessType, any other word.
pub fn invalid_media_type() -> impl Strategy<Value = String> {
    prop_oneof![
        select(&["Video", "IMAGE", "movie", "subtitles", "video ", "文本"][..])
            .prop_map(str::to_owned),
        ascii_string(b"abcdefghijklmnopqrstuvwxyz", 1..=12usize)
            .prop_filter("not a MediaType", |s| s
                .parse::<crate::MediaType>()
                .is_err()),
    ]
    .boxed()
}

/// Values `ClientToken`, `WorkflowId` and `SmartTagTemplateId` refuse: the `MediaId` rule's.
pub fn invalid_client_token() -> impl Strategy<Value = String> {
    invalid_media_id()
}

/// Values RegisterMediaInfo's `UserData` refuses beside UpdateMediaInfo's: JSON that is not
/// an object, and text that is not JSON.
pub fn invalid_register_user_data() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "[]",
                "1",
                "\"x\"",
                "null",
                "true",
                "userData",
                "{",
                "{\"a\":}",
                "{\"a\" 1}",
                "{}x"
            ][..]
        )
        .prop_map(str::to_owned),
        invalid_user_data(),
    ]
    .boxed()
}

/// Values `RegisterConfig` refuses: a misspelt or unknown member, a member of the wrong
/// type, given twice, a start time with 5 decimals or below 0, not an object, not JSON.
pub fn invalid_register_config() -> impl Strategy<Value = String> {
    select(
        &[
            r#"{"NeedSnapShot":false}"#,
            r#"{"needSprite":true}"#,
            r#"{"NeedSprite":1}"#,
            r#"{"NeedSprite":"yes"}"#,
            r#"{"NeedSprite":true,"NeedSprite":false}"#,
            r#"{"CoverConfig":{"StartTime":1.23456}}"#,
            r#"{"CoverConfig":{"StartTime":-1}}"#,
            r#"{"CoverConfig":{"Start":1}}"#,
            r#"{"CoverConfig":1}"#,
            r#"{"SearchLibName":""}"#,
            r#"[{"NeedSprite":true}]"#,
            r#"{"NeedSprite":true"#,
        ][..],
    )
    .prop_map(str::to_owned)
    .boxed()
}

/// A parameter of RegisterMediaInfo paired with a value it refuses (`Overwrite` as
/// `AppendTags`). With a valid `InputURL` beside it (an `.mp4`, so not `text`; unless the
/// parameter is `InputURL`), `RegisterMediaInfoRequest::from_params` reports exactly one
/// `InvalidParameter` error, on that parameter.
pub fn invalid_register_param() -> impl Strategy<Value = (Param, String)> {
    Union::new(vec![
        arm(Param::InputUrl, invalid_input_url()),
        arm(Param::MediaType, invalid_media_type()),
        arm(Param::BusinessType, invalid_business_type()),
        arm(Param::Title, invalid_title()),
        arm(Param::Description, invalid_description()),
        arm(Param::MediaTags, invalid_media_tags()),
        arm(Param::CoverUrl, invalid_cover_url()),
        arm(Param::UserData, invalid_register_user_data()),
        arm(Param::Overwrite, invalid_append_tags()),
        arm(Param::ClientToken, invalid_client_token()),
        arm(Param::RegisterConfig, invalid_register_config()),
        arm(Param::CateId, invalid_cate_id()),
        arm(Param::WorkflowId, invalid_client_token()),
        arm(Param::ReferenceId, invalid_reference_id()),
        arm(Param::SmartTagTemplateId, invalid_client_token()),
    ])
    .boxed()
}

/// A whole request with one or more parameters broken, and the problems it must give: what
/// [`invalid_update_media_info_request`] and [`invalid_register_media_info_request`]
/// generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRequest {
    /// The wire parameters: a valid request's, with each broken parameter's value replaced
    /// by (or given as) one it refuses.
    pub params: Vec<(&'static str, String)>,
    /// The broken parameters, in the order `from_params` reports their errors: one
    /// `InvalidParameter` error each, and no other error.
    pub problems: Vec<Param>,
}

/// `base`'s parameters with each of `broken` given its refused value (the first of a
/// parameter drawn twice), the problems in [`Param::ALL`] order.
fn broken_request(
    base: Vec<(&'static str, String)>,
    broken: Vec<(Param, String)>,
) -> InvalidRequest {
    let mut params = base;
    let mut problems: Vec<Param> = Vec::new();
    for (param, value) in broken {
        if problems.contains(&param) {
            continue;
        }
        params.retain(|(name, _)| *name != param.name());
        params.push((param.name(), value));
        problems.push(param);
    }
    problems.sort();
    InvalidRequest { params, problems }
}

/// UpdateMediaInfo requests with one to three parameters broken ([`invalid_param`]'s
/// values), the others those of a valid request:
/// [`UpdateMediaInfoRequest::from_params`](crate::UpdateMediaInfoRequest::from_params)
/// reports exactly [`InvalidRequest::problems`]. It shrinks towards one parameter broken
/// beside `MediaId=a`.
///
/// ```
/// use ims_media::{strategy, UpdateMediaInfoRequest};
/// use proptest::prelude::*;
/// use proptest::strategy::ValueTree;
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// for _ in 0..20 {
///     let bad = strategy::invalid_update_media_info_request()
///         .new_tree(&mut runner)
///         .unwrap()
///         .current();
///     let err = UpdateMediaInfoRequest::from_params(&bad.params).unwrap_err();
///     let found: Vec<&str> = err.errors().iter().map(|e| e.param()).collect();
///     let want: Vec<&str> = bad.problems.iter().map(|p| p.name()).collect();
///     assert_eq!(found, want);
/// }
/// ```
pub fn invalid_update_media_info_request() -> impl Strategy<Value = InvalidRequest> {
    (
        super::update_media_info_request(),
        vec(invalid_param(), 1..=3),
    )
        .prop_map(|(request, broken)| broken_request(request.to_params(), broken))
        .boxed()
}

/// RegisterMediaInfo requests with one to three parameters broken
/// ([`invalid_register_param`]'s values), the others those of a valid request whose type is
/// not `text` (so that no broken value makes the BusinessType rule apply):
/// `RegisterMediaInfoRequest::from_params` reports exactly [`InvalidRequest::problems`].
pub fn invalid_register_media_info_request() -> impl Strategy<Value = InvalidRequest> {
    (
        super::register_media_info_request(),
        vec(invalid_register_param(), 1..=3),
    )
        .prop_map(|(mut request, broken)| {
            if request.media_type_or_inferred() == Some(crate::MediaType::Text) {
                request.media_type = Some(crate::MediaType::Video);
            }
            broken_request(request.to_params(), broken)
        })
        .boxed()
}
