//! The bounded-text values and tags through the public API (rules 2–6 of `ims_media::rules`, §4.1).
#![allow(clippy::unwrap_used)] // Tests fail by panicking.

use crate::common::messages;
use std::collections::hash_map::DefaultHasher;
use std::fmt::{Debug, Display};
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use ims_media::{
    Category, Description, ErrorCode, Excerpt, MediaTags, ParamError, ParamErrorKind, Tag, Title,
    Unit, UserData,
};

const TEN_MIB: usize = 10 << 20;

// ---------------------------------------------------------------------------------------------
// Helpers

/// What every text value type offers, to run the same cases over all of them.
trait Text:
    FromStr<Err = ParamError>
    + TryFrom<String, Error = ParamError>
    + for<'a> TryFrom<&'a str, Error = ParamError>
    + AsRef<str>
    + Display
    + Debug
    + Clone
    + Eq
    + Hash
{
    const NAME: &'static str;
    const MAX: usize;
    const LINE_BREAKS: bool;
    fn into_s(self) -> String;
}

macro_rules! text {
    ($ty:ident, $name:literal, $line_breaks:literal) => {
        impl Text for $ty {
            const NAME: &'static str = $name;
            const MAX: usize = $ty::MAX_BYTES;
            const LINE_BREAKS: bool = $line_breaks;
            fn into_s(self) -> String {
                self.into_string()
            }
        }
    };
}
text!(Title, "Title", false);
text!(Description, "Description", true);
text!(Category, "Category", false);
text!(UserData, "UserData", true);
text!(Tag, "MediaTags", false);

/// `s` is accepted by every constructor and kept verbatim.
#[track_caller]
fn ok<T: Text>(s: &str) -> T {
    let v: T = s.parse().unwrap();
    assert_eq!(v.as_ref(), s);
    assert_eq!(v.to_string(), s);
    assert_eq!(T::try_from(s).unwrap(), v);
    assert_eq!(T::try_from(s.to_owned()).unwrap(), v);
    assert_eq!(v.clone().into_s(), s);
    v
}

/// `s` is refused by every constructor with exactly `msg`; returns the kind.
#[track_caller]
fn err<T: Text>(s: &str, msg: &str) -> ParamErrorKind {
    let e = s.parse::<T>().unwrap_err();
    assert_eq!(e.to_string(), msg);
    assert_eq!(e.param(), T::NAME);
    assert_eq!(e.code(), ErrorCode::InvalidParameter);
    assert_eq!(T::try_from(s).unwrap_err(), e);
    assert_eq!(T::try_from(s.to_owned()).unwrap_err(), e);
    e.kind().clone()
}

#[track_caller]
fn too_long<T: Text>(s: &str) {
    let found = s.len();
    let kind = err::<T>(
        s,
        &format!(
            "invalid {}: {found} bytes, at most {} allowed",
            T::NAME,
            T::MAX
        ),
    );
    assert_matches!(
        kind,
        ParamErrorKind::TooLong { max, found: f, unit: Unit::Bytes, .. }
            if *max == T::MAX && *f == found
    );
}

/// `kind` is `ControlCharacter`: `ch` at byte `at` of `value`.
fn is_control(kind: &ParamErrorKind, ch: char, at: usize, value: &str) -> bool {
    matches!(
        kind,
        ParamErrorKind::ControlCharacter { ch: c, at: a, value: v, .. }
            if *c == ch && *a == at && *v == Excerpt::new(value)
    )
}

#[track_caller]
fn assert_control(kind: &ParamErrorKind, ch: char, at: usize, value: &str) {
    assert_matches!(
        kind,
        k if is_control(k, ch, at, value),
        "expected control character {ch:?} at {at} in {value:?}"
    );
}

/// `kind` is `Empty` where at least 1 byte is required.
fn is_empty(kind: &ParamErrorKind) -> bool {
    matches!(
        kind,
        ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Bytes,
            ..
        }
    )
}

#[track_caller]
fn tags(s: &str) -> MediaTags {
    let t: MediaTags = s.parse().unwrap();
    assert_eq!(MediaTags::try_from(s).unwrap(), t);
    assert_eq!(MediaTags::try_from(s.to_owned()).unwrap(), t);
    // Written back and read again, it is the same list.
    assert_eq!(t.to_string().parse::<MediaTags>().unwrap(), t);
    t
}

#[track_caller]
fn tags_err(s: &str, msg: &str) -> ParamErrorKind {
    let e = s.parse::<MediaTags>().unwrap_err();
    assert_eq!(e.to_string(), msg);
    assert_eq!(e.param(), "MediaTags");
    assert_eq!(e.code(), ErrorCode::InvalidParameter);
    assert_eq!(MediaTags::try_from(s).unwrap_err(), e);
    assert_eq!(MediaTags::try_from(s.to_owned()).unwrap_err(), e);
    e.kind().clone()
}

/// `kind` is `Tag` at position `index`, its reason accepted by `reason`.
#[track_caller]
fn assert_tag(kind: &ParamErrorKind, index: usize, reason: impl Fn(&ParamErrorKind) -> bool) {
    assert_matches!(
        kind,
        ParamErrorKind::Tag { index: i, reason: r, .. } if *i == index && reason(r),
        "expected tag {index}, its reason accepted by the check"
    );
}

fn list(t: &MediaTags) -> Vec<&str> {
    t.iter().map(Tag::as_str).collect()
}

fn hash_of<T: Hash>(v: &T) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

/// `n` bytes made of `unit` repeated and ASCII `a` to fill the rest.
fn fill(unit: &str, n: usize) -> String {
    let mut s = unit.repeat(n / unit.len());
    s.push_str(&"a".repeat(n % unit.len()));
    assert_eq!(s.len(), n);
    s
}

// ---------------------------------------------------------------------------------------------
// Auto traits, checked at compile time

const _: () = {
    const fn assert_traits<T: Send + Sync + Clone + Eq + Hash + Debug + Display + AsRef<str>>() {}
    const fn assert_list<T: Send + Sync + Clone + Eq + Hash + Debug + Display + Default>() {}
    assert_traits::<Title>();
    assert_traits::<Description>();
    assert_traits::<Category>();
    assert_traits::<UserData>();
    assert_traits::<Tag>();
    assert_list::<MediaTags>();
};

// ---------------------------------------------------------------------------------------------
// Byte limits (rule 4)

#[track_caller]
fn limits<T: Text>() {
    let max = T::MAX;
    for unit in ["a", "é", "界", "🎉"] {
        ok::<T>(&fill(unit, max));
        too_long::<T>(&fill(unit, max + 1));
    }
    // A multi-byte character that starts inside the limit and ends past it.
    too_long::<T>(&format!("{}界", "a".repeat(max - 1)));
    too_long::<T>(&format!("{}🎉", "a".repeat(max - 3)));
    // Counting characters instead of bytes would accept these.
    too_long::<T>(&"界".repeat(max / 3 + 1));
    too_long::<T>(&"🎉".repeat(max / 4 + 1));
}

#[test]
fn limits_are_utf8_bytes_and_inclusive() {
    assert_eq!(Title::MAX_BYTES, 128);
    assert_eq!(Description::MAX_BYTES, 1024);
    assert_eq!(Category::MAX_BYTES, 64);
    assert_eq!(UserData::MAX_BYTES, 1024);
    assert_eq!(Tag::MAX_BYTES, 32);
    limits::<Title>();
    limits::<Description>();
    limits::<Category>();
    limits::<UserData>();
    limits::<Tag>();
}

#[test]
fn limits_with_exact_messages() {
    ok::<Title>(&format!("{}ab", "界".repeat(42)));
    err::<Title>(
        &format!("{}abc", "界".repeat(42)),
        messages::TITLE_129_BYTES,
    );
    err::<Title>(&"界".repeat(43), messages::TITLE_129_BYTES);
    ok::<Category>(&format!("{}a", "界".repeat(21)));
    err::<Category>(
        &"🎉".repeat(17),
        "invalid Category: 68 bytes, at most 64 allowed",
    );
    ok::<Tag>(&format!("{}ab", "界".repeat(10)));
    err::<Tag>(
        &"界".repeat(11),
        "invalid MediaTags: 33 bytes, at most 32 allowed",
    );
    ok::<Description>(&"🎉".repeat(256));
    err::<Description>(
        &format!("{}a", "🎉".repeat(256)),
        messages::DESCRIPTION_1025_BYTES,
    );
    ok::<UserData>(&"x".repeat(1024));
    err::<UserData>(&"x".repeat(1025), messages::USER_DATA_1025_BYTES);
}

// ---------------------------------------------------------------------------------------------
// Never empty (rule 5)

#[track_caller]
fn empty_refused<T: Text>() {
    let kind = err::<T>(
        "",
        &format!("invalid {}: empty, at least 1 byte required", T::NAME),
    );
    assert_matches!(kind, k if is_empty(k));
}

#[test]
fn empty_values_are_refused() {
    empty_refused::<Title>();
    empty_refused::<Description>();
    empty_refused::<Category>();
    empty_refused::<UserData>();
    empty_refused::<Tag>();
}

// ---------------------------------------------------------------------------------------------
// Control characters (rule 3)

/// Each Cc character probed, with how `Excerpt` quotes it in a message.
const CONTROLS: [(char, &str); 9] = [
    ('\u{0}', "<U+0000>"),
    ('\u{7}', "<U+0007>"),
    ('\t', "<U+0009>"),
    ('\n', "<U+000A>"),
    ('\r', "<U+000D>"),
    ('\u{1f}', "<U+001F>"),
    ('\u{7f}', "<U+007F>"),
    ('\u{80}', "<U+0080>"),
    ('\u{9f}', "<U+009F>"),
];

#[track_caller]
fn controls<T: Text>() {
    for (ch, quoted) in CONTROLS {
        // After a 3-byte character: the offset is in bytes.
        let s = format!("界{ch}z");
        if T::LINE_BREAKS && matches!(ch, '\t' | '\n' | '\r') {
            ok::<T>(&s);
            continue;
        }
        let msg = format!(
            "invalid {}: control character U+{:04X} at byte 3 in \"界{quoted}z\"",
            T::NAME,
            u32::from(ch)
        );
        assert_control(&err::<T>(&s, &msg), ch, 3, &s);
        // At the very start and at the very end too.
        assert_control(
            T::from_str(&format!("{ch}a")).unwrap_err().kind(),
            ch,
            0,
            &format!("{ch}a"),
        );
        assert_control(
            T::from_str(&format!("ab{ch}")).unwrap_err().kind(),
            ch,
            2,
            &format!("ab{ch}"),
        );
    }
    // The neighbours of the Cc ranges are not control characters.
    ok::<T>("a\u{20}\u{7e}\u{a0}\u{ad}b");
}

#[test]
fn control_characters() {
    controls::<Title>();
    controls::<Category>();
    controls::<Tag>();
    controls::<Description>();
    controls::<UserData>();
}

#[test]
fn control_character_messages() {
    err::<Title>(
        "a\u{7f}",
        "invalid Title: control character U+007F at byte 1 in \"a<U+007F>\"",
    );
    err::<Category>(
        "\tx",
        "invalid Category: control character U+0009 at byte 0 in \"<U+0009>x\"",
    );
    err::<Tag>(
        "a\u{9f}",
        "invalid MediaTags: control character U+009F at byte 1 in \"a<U+009F>\"",
    );
    ok::<Description>("line 1\r\nline 2\n\ttabbed\r");
    ok::<UserData>("{\n\t\"k\": 1\r\n}");
    err::<Description>(
        "a\r\n\u{1b}[0m",
        "invalid Description: control character U+001B at byte 3 in \"a<U+000D><U+000A><U+001B>[0m\"",
    );
    err::<UserData>(
        "\u{80}",
        "invalid UserData: control character U+0080 at byte 0 in \"<U+0080>\"",
    );
}

#[test]
fn the_quoted_value_of_an_error_is_shortened() {
    let s = format!("{}\u{0}", "界".repeat(40));
    let e = s.parse::<Title>().unwrap_err();
    // 21 characters of 3 bytes are the most that fit in 64 bytes.
    assert_eq!(
        e.to_string(),
        format!(
            "invalid Title: control character U+0000 at byte 120 in \"{}\"…",
            "界".repeat(21)
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Everything else is allowed, verbatim (rules 2 and 3)

#[track_caller]
fn unicode_accepted<T: Text>() {
    for s in [
        "🎉",
        "👩\u{200d}💻",
        "👨\u{200d}👩\u{200d}👧",
        "🇨🇳🇯🇵",
        "中文标题",
        "日本語のタイトル",
        "שלום",
        "مرحبا بالعالم",
        "\u{200f}rtl\u{200e}",
        "a\u{200b}b",
        "\u{feff}bom",
        "e\u{301}",
        "a\u{2028}b\u{2029}c",
        "a\u{a0}b",
        "full，width",
    ] {
        ok::<T>(s);
    }
}

#[test]
fn emoji_cjk_rtl_and_format_characters_are_accepted() {
    unicode_accepted::<Title>();
    unicode_accepted::<Description>();
    unicode_accepted::<Category>();
    unicode_accepted::<UserData>();
    unicode_accepted::<Tag>();
}

#[test]
fn values_are_verbatim() {
    ok::<Title>("  padded  ");
    ok::<Title>("MiXeD CaSe");
    ok::<Category>(" c ");
    ok::<Description>("\n\ttext\n");
    ok::<UserData>(" ");
    // No normalisation: NFC and NFD stay different values.
    let nfc = ok::<Title>("caf\u{e9}");
    let nfd = ok::<Title>("cafe\u{301}");
    assert_ne!(nfc, nfd);
    assert_ne!(ok::<Tag>("News"), ok::<Tag>("news"));
    assert_eq!(String::from(nfc), "caf\u{e9}");
}

// ---------------------------------------------------------------------------------------------
// Tag (rule 6)

#[test]
fn a_tag_refuses_a_comma() {
    let kind = err::<Tag>("a,b", messages::TAG_WITH_COMMA);
    assert_matches!(
        kind,
        ParamErrorKind::CommaInTag { at: 1, value, .. } if *value == Excerpt::new("a,b")
    );
    err::<Tag>(
        "界,",
        "invalid MediaTags: ',' at byte 3 in a single tag \"界,\"",
    );
    err::<Tag>(
        ",",
        "invalid MediaTags: ',' at byte 0 in a single tag \",\"",
    );
    ok::<Tag>("a，b");
}

#[test]
fn a_tag_refuses_white_space_at_its_edges() {
    let kind = err::<Tag>(
        " a",
        "invalid MediaTags: white space at the start of a single tag \" a\"",
    );
    assert_matches!(
        kind,
        ParamErrorKind::TagWhiteSpace { at: 0, value, .. } if *value == Excerpt::new(" a")
    );
    let kind = err::<Tag>(
        "界\u{3000}",
        "invalid MediaTags: white space at the end of a single tag \"界<U+3000>\"",
    );
    assert_matches!(
        kind,
        ParamErrorKind::TagWhiteSpace { at: 3, value, .. } if *value == Excerpt::new("界\u{3000}")
    );
    err::<Tag>(
        " ",
        "invalid MediaTags: white space at the start of a single tag \" \"",
    );
    err::<Tag>(
        "\u{a0}x",
        "invalid MediaTags: white space at the start of a single tag \"<U+00A0>x\"",
    );
    err::<Tag>(
        "x\u{2029}",
        "invalid MediaTags: white space at the end of a single tag \"x<U+2029>\"",
    );
    err::<Tag>(
        "ab  ",
        "invalid MediaTags: white space at the end of a single tag \"ab  \"",
    );
    // Inside a tag, white space is kept; U+200B is not white space.
    ok::<Tag>("a b\u{3000}c");
    ok::<Tag>("\u{200b}a\u{200b}");
}

#[test]
fn a_control_character_in_a_tag_is_reported_before_the_comma() {
    err::<Tag>(
        "a,\u{0}",
        "invalid MediaTags: control character U+0000 at byte 2 in \"a,<U+0000>\"",
    );
}

// ---------------------------------------------------------------------------------------------
// truncated

#[test]
fn truncated_keeps_a_value_that_fits() {
    assert_eq!(
        Title::truncated("title").unwrap(),
        Title::from_static("title")
    );
    let exact = format!("{}ab", "界".repeat(42));
    assert_eq!(Title::truncated(&exact).unwrap().as_str(), exact);
    assert_eq!(
        Tag::truncated("  a").unwrap_err().to_string(),
        "invalid MediaTags: white space at the start of a single tag \"  a\""
    );
}

#[test]
fn truncated_cuts_at_grapheme_boundaries() {
    // A combining mark is never separated from its base.
    let t = Title::truncated(&"e\u{301}".repeat(43)).unwrap();
    assert_eq!(t.as_str(), "e\u{301}".repeat(42));
    let t = Title::truncated(&format!("{}e\u{301}", "a".repeat(126))).unwrap();
    assert_eq!(t.as_str(), "a".repeat(126));
    // A ZWJ emoji sequence (18 bytes) crossing the limit is dropped whole.
    let family = "👨\u{200d}👩\u{200d}👧";
    assert_eq!(family.len(), 18);
    let t = Title::truncated(&format!("{}{family}", "a".repeat(120))).unwrap();
    assert_eq!(t.as_str(), "a".repeat(120));
    let t = Title::truncated(&format!("{}{family}{family}", "a".repeat(93))).unwrap();
    assert_eq!(t.as_str(), format!("{}{family}", "a".repeat(93)));
    // Flags are pairs of regional indicators.
    let t = Category::truncated(&"🇨🇳".repeat(9)).unwrap();
    assert_eq!(t.as_str(), "🇨🇳".repeat(8));
    let t = Category::truncated(&format!("a{}", "🇨🇳".repeat(9))).unwrap();
    assert_eq!(t.as_str(), format!("a{}", "🇨🇳".repeat(7)));
    // Multi-byte characters.
    let t = Category::truncated(&"界".repeat(30)).unwrap();
    assert_eq!(t.as_str(), "界".repeat(21));
    // CR LF is one cluster in a description.
    let d = Description::truncated(&format!("{}\r\nb", "a".repeat(1023))).unwrap();
    assert_eq!(d.as_str(), "a".repeat(1023));
    let d = Description::truncated(&format!("{}\r\nb", "a".repeat(1022))).unwrap();
    assert_eq!(d.as_str(), format!("{}\r\n", "a".repeat(1022)));
    // Tags: the cut is on a grapheme boundary too.
    let t = Tag::truncated(&"e\u{301}".repeat(11)).unwrap();
    assert_eq!(t.as_str(), "e\u{301}".repeat(10));
    // A cluster ending in white space at the cut goes whole: U+0600 (a prepended mark) and
    // the space after it are one cluster, never split by the trimming.
    let s = format!("{}\u{600} {}", "a".repeat(29), "b".repeat(10));
    assert_eq!(Tag::truncated(&s).unwrap().as_str(), "a".repeat(29));
    let s = format!("{}\u{600}b{}", "a".repeat(29), "b".repeat(10));
    assert_eq!(
        Tag::truncated(&s).unwrap().as_str(),
        format!("{}\u{600}b", "a".repeat(29))
    );
}

#[test]
fn truncated_refuses_what_a_cut_cannot_fix() {
    #[track_caller]
    fn check<T: Debug>(r: Result<T, ParamError>, msg: &str) {
        assert_eq!(r.unwrap_err().to_string(), msg);
    }
    check(Title::truncated(""), messages::TITLE_EMPTY);
    check(
        Description::truncated(""),
        "invalid Description: empty, at least 1 byte required",
    );
    check(
        Category::truncated(""),
        "invalid Category: empty, at least 1 byte required",
    );
    check(
        Tag::truncated(""),
        "invalid MediaTags: empty, at least 1 byte required",
    );
    // A control character is refused even where the cut would drop it.
    let s = format!("{}\u{7}", "a".repeat(200));
    check(
        Title::truncated(&s),
        "invalid Title: control character U+0007 at byte 200 in \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"…",
    );
    assert_control(Title::truncated(&s).unwrap_err().kind(), '\u{7}', 200, &s);
    check(
        Category::truncated("a\nb"),
        "invalid Category: control character U+000A at byte 1 in \"a<U+000A>b\"",
    );
    check(Description::truncated("a\u{0}"), messages::DESCRIPTION_NUL);
    assert_eq!(
        Description::truncated("a\tb\r\n").unwrap().as_str(),
        "a\tb\r\n"
    );
    check(
        Tag::truncated("ab\u{85}"),
        "invalid MediaTags: control character U+0085 at byte 2 in \"ab<U+0085>\"",
    );
    // A first grapheme cluster longer than the limit by itself.
    let s = format!("e{}", "\u{301}".repeat(100));
    check(
        Title::truncated(&s),
        "invalid Title: 201 bytes, at most 128 allowed",
    );
    check(
        Tag::truncated(&s),
        "invalid MediaTags: 201 bytes, at most 32 allowed",
    );
    assert_matches!(
        Title::truncated(&s).unwrap_err().kind(),
        ParamErrorKind::TooLong {
            max: 128,
            found: 201,
            unit: Unit::Bytes,
            ..
        }
    );
}

#[test]
fn tag_truncated() {
    let long = "a tag that is far too long to be one tag";
    assert_eq!(
        Tag::truncated(long).unwrap().as_str(),
        "a tag that is far too long to be"
    );
    // White space the cut leaves at the end is dropped.
    let t = Tag::truncated("a tag that is far too long to   be one").unwrap();
    assert_eq!(t.as_str(), "a tag that is far too long to");
    let t = Tag::truncated(&format!("{}\u{3000}xyz", "a".repeat(29))).unwrap();
    assert_eq!(t.as_str(), "a".repeat(29));
    // A comma anywhere, or white space at either end of an input kept whole, is refused.
    assert_matches!(
        Tag::truncated(&format!("{},b", "a".repeat(40)))
            .unwrap_err()
            .kind(),
        ParamErrorKind::CommaInTag { at: 40, value, .. }
            if *value == Excerpt::new(&format!("{},b", "a".repeat(40)))
    );
    assert_eq!(
        Tag::truncated(" news").unwrap_err().to_string(),
        "invalid MediaTags: white space at the start of a single tag \" news\""
    );
    assert_eq!(
        Tag::truncated("news ").unwrap_err().to_string(),
        "invalid MediaTags: white space at the end of a single tag \"news \""
    );
    // Past the cut, white space at the end of the input goes with the rest.
    let s = format!("{} ", "a".repeat(40));
    assert_eq!(Tag::truncated(&s).unwrap().as_str(), "a".repeat(32));
}

// ---------------------------------------------------------------------------------------------
// from_static

const TITLE: Title = Title::from_static("defaultTitle");
const DESCRIPTION: Description = Description::from_static("line 1\nline 2\ttab\r\n");
const CATEGORY: Category = Category::from_static("defaultCategory");
const USER_DATA: UserData = UserData::from_static("{\"k\":\"v\"}");
const TAG: Tag = Tag::from_static("旅行 vlog");
const TAG_AT_LIMIT: Tag = Tag::from_static("界界界界界界界界界界ab");

#[test]
fn from_static_builds_constants() {
    assert_eq!(TITLE, ok::<Title>("defaultTitle"));
    assert_eq!(DESCRIPTION, ok::<Description>("line 1\nline 2\ttab\r\n"));
    assert_eq!(CATEGORY, ok::<Category>("defaultCategory"));
    assert_eq!(USER_DATA, ok::<UserData>("{\"k\":\"v\"}"));
    assert_eq!(TAG, ok::<Tag>("旅行 vlog"));
    assert_eq!(TAG_AT_LIMIT.as_str().len(), 32);
    // Borrowed and owned values are equal and hash alike.
    assert_eq!(hash_of(&TITLE), hash_of(&ok::<Title>("defaultTitle")));
}

#[test]
#[should_panic]
fn title_from_static_refuses_empty() {
    let _ = Title::from_static("");
}

#[test]
#[should_panic]
fn title_from_static_refuses_too_long() {
    let _ = Title::from_static(
        "界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界界abc",
    );
}

#[test]
#[should_panic]
fn title_from_static_refuses_a_line_break() {
    let _ = Title::from_static("a\nb");
}

#[test]
#[should_panic]
fn category_from_static_refuses_c1_control() {
    let _ = Category::from_static("a\u{85}");
}

#[test]
#[should_panic]
fn description_from_static_refuses_escape() {
    let _ = Description::from_static("\u{1b}[0m");
}

#[test]
#[should_panic]
fn user_data_from_static_refuses_nul() {
    let _ = UserData::from_static("\u{0}");
}

#[test]
#[should_panic]
fn tag_from_static_refuses_comma() {
    let _ = Tag::from_static("a,b");
}

#[test]
#[should_panic]
fn tag_from_static_refuses_leading_white_space() {
    let _ = Tag::from_static("\u{3000}a");
}

#[test]
#[should_panic]
fn tag_from_static_refuses_trailing_white_space() {
    let _ = Tag::from_static("a ");
}

#[test]
#[should_panic]
fn tag_from_static_refuses_too_long() {
    let _ = Tag::from_static("界界界界界界界界界界界");
}

// ---------------------------------------------------------------------------------------------
// MediaTags parsing (rule 6)

#[test]
fn no_tags() {
    for s in ["", " ", "  ", "\t\u{3000}\n"] {
        let t = tags(s);
        assert!(t.is_empty());
        assert_eq!(t.len(), 0);
        assert_eq!(t, MediaTags::new());
        assert_eq!(t, MediaTags::default());
        assert_eq!(t.to_string(), "");
    }
}

#[test]
fn empty_segments_name_their_position() {
    let msg = |i: usize| format!("invalid MediaTags: tag {i}: empty, at least 1 byte required");
    assert_tag(&tags_err("a,,b", &msg(2)), 2, is_empty);
    assert_tag(&tags_err("a,", &msg(2)), 2, is_empty);
    assert_tag(&tags_err(",a", &msg(1)), 1, is_empty);
    assert_tag(&tags_err(" , ", &msg(1)), 1, is_empty);
    assert_tag(&tags_err(",", &msg(1)), 1, is_empty);
    assert_tag(&tags_err("a, b ,\u{3000},c", &msg(3)), 3, is_empty);
    // Duplicates count in the position: it is the place between commas.
    assert_tag(&tags_err("a,a,a,", &msg(4)), 4, is_empty);
}

#[test]
fn segments_are_trimmed_of_unicode_white_space() {
    let t = tags(" a , b\u{3000},\tc\n,\u{a0}d\u{2029}");
    assert_eq!(list(&t), ["a", "b", "c", "d"]);
    assert_eq!(t.to_string(), "a,b,c,d");
    // Inside a tag, white space is kept.
    assert_eq!(list(&tags(" two words ,x")), ["two words", "x"]);
}

#[test]
fn duplicates_are_dropped_keeping_the_first_place() {
    assert_eq!(list(&tags("b,a,b,c,a")), ["b", "a", "c"]);
    assert_eq!(list(&tags(" a,a ,a")), ["a"]);
    // Case-sensitive, and no normalisation.
    assert_eq!(list(&tags("Tag,tag,TAG,tag")), ["Tag", "tag", "TAG"]);
    assert_eq!(
        list(&tags("caf\u{e9},cafe\u{301}")),
        ["caf\u{e9}", "cafe\u{301}"]
    );
}

#[test]
fn only_the_ascii_comma_separates() {
    assert_eq!(list(&tags("a，b")), ["a，b"]);
    assert_eq!(list(&tags("a、b;c|d")), ["a、b;c|d"]);
}

#[test]
fn bad_tags_name_their_position() {
    let kind = tags_err(
        "ok,a\u{0}b",
        "invalid MediaTags: tag 2: control character U+0000 at byte 1 in \"a<U+0000>b\"",
    );
    assert_tag(&kind, 2, |r| is_control(r, '\0', 1, "a\u{0}b"));
    let long = "a".repeat(33);
    let kind = tags_err(
        &format!("ok, {long} ,x"),
        "invalid MediaTags: tag 2: 33 bytes, at most 32 allowed",
    );
    assert_tag(&kind, 2, |r| {
        matches!(
            r,
            ParamErrorKind::TooLong {
                max: 32,
                found: 33,
                unit: Unit::Bytes,
                ..
            }
        )
    });
}

#[test]
fn tags_at_the_byte_limit() {
    let at_limit = format!("{}ab", "界".repeat(10));
    assert_eq!(
        list(&tags(&format!("  {at_limit}\u{3000}"))),
        [at_limit.as_str()]
    );
    tags_err(
        &format!("{}abc", "界".repeat(10)),
        "invalid MediaTags: tag 1: 33 bytes, at most 32 allowed",
    );
    tags_err(
        &format!("x,{}", "🎉".repeat(9)),
        "invalid MediaTags: tag 2: 36 bytes, at most 32 allowed",
    );
    tags_err(
        "x,\u{7}",
        "invalid MediaTags: tag 2: control character U+0007 at byte 0 in \"<U+0007>\"",
    );
}

/// `n` distinct tags of exactly 32 bytes each.
fn distinct(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("{i:02}{}", "界".repeat(10)))
        .collect()
}

#[test]
fn sixteen_tags_of_thirty_two_bytes() {
    let all = distinct(16);
    assert!(all.iter().all(|t| t.len() == 32));
    let t = tags(&all.join(","));
    assert_eq!(t.len(), MediaTags::MAX_TAGS);
    assert_eq!(list(&t), all);
    assert_eq!(t.to_string(), all.join(","));
    assert_eq!(tags(&all.join(" , ")), t);
}

#[test]
fn seventeen_distinct_tags_are_too_many() {
    let msg = |i: usize| {
        format!("invalid MediaTags: more than 16 distinct tags, tag {i} is one too many")
    };
    let kind = tags_err(&distinct(17).join(","), &msg(17));
    assert_matches!(
        kind,
        ParamErrorKind::TooManyTags {
            max: 16,
            index: 17,
            ..
        }
    );
    // The position counts duplicates before it.
    let mut with_dup = distinct(17);
    with_dup.insert(3, with_dup[0].clone());
    assert_matches!(
        tags_err(&with_dup.join(","), &msg(18)),
        ParamErrorKind::TooManyTags {
            max: 16,
            index: 18,
            ..
        }
    );
    // Checking stops at the 17th: what follows is not looked at.
    tags_err(&format!("{},,", distinct(17).join(",")), &msg(17));
}

#[test]
fn seventeen_tags_with_one_duplicate_are_sixteen() {
    let mut all = distinct(16);
    all.push(all[7].clone());
    let t = tags(&all.join(","));
    assert_eq!(t.len(), 16);
    assert_eq!(list(&t), distinct(16));
    all.insert(0, format!(" {} ", all[15]));
    assert_eq!(tags(&all.join(",")).len(), 16);
}

// ---------------------------------------------------------------------------------------------
// MediaTags API

#[test]
fn media_tags_accessors() {
    let t = tags("news, 旅行 ,Sport");
    assert_eq!(t.len(), 3);
    assert!(!t.is_empty());
    assert!(t.contains("旅行"));
    assert!(t.contains("Sport"));
    assert!(!t.contains("sport"));
    assert!(!t.contains(" 旅行 "));
    assert!(!t.contains(""));
    assert_eq!(
        t.as_slice(),
        [
            TAG_NEWS,
            Tag::from_static("旅行"),
            Tag::from_static("Sport")
        ]
    );
    let via_ref: Vec<&Tag> = (&t).into_iter().collect();
    assert_eq!(via_ref, t.iter().collect::<Vec<_>>());
    let mut n = 0;
    for tag in &t {
        assert!(t.contains(tag.as_str()));
        n += 1;
    }
    assert_eq!(n, 3);
    assert_eq!(t.to_string(), "news,旅行,Sport");
}

const TAG_NEWS: Tag = Tag::from_static("news");

#[test]
fn media_tags_equality_follows_order() {
    let ab = tags("a,b");
    let ba = tags("b,a");
    assert_ne!(ab, ba);
    assert_eq!(ab, tags(" a , b , a "));
    assert_eq!(hash_of(&ab), hash_of(&tags("a,b,b")));
    assert_eq!(ab.clone(), ab);
}

#[test]
fn media_tags_from_a_vector() {
    let v = vec![
        Tag::from_static("b"),
        Tag::from_static("a"),
        Tag::from_static("b"),
    ];
    assert_eq!(list(&MediaTags::try_from(v).unwrap()), ["b", "a"]);
    assert!(MediaTags::try_from(Vec::new()).unwrap().is_empty());
    let sixteen: Vec<Tag> = distinct(16)
        .into_iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let mut with_dup = sixteen.clone();
    with_dup.push(sixteen[0].clone());
    assert_eq!(
        MediaTags::try_from(with_dup).unwrap().as_slice(),
        sixteen.as_slice()
    );
    let seventeen: Vec<Tag> = distinct(17)
        .into_iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let e = MediaTags::try_from(seventeen).unwrap_err();
    assert_eq!(e.param(), "MediaTags");
    assert_matches!(
        e.kind(),
        ParamErrorKind::TooManyTags {
            max: 16,
            index: 17,
            ..
        }
    );
    assert_eq!(
        e.to_string(),
        "invalid MediaTags: more than 16 distinct tags, tag 17 is one too many"
    );
}

#[test]
fn try_append() {
    let old = tags("a,b");
    assert_eq!(old.try_append(&tags("b,c,a,d")).unwrap(), tags("a,b,c,d"));
    // Idempotent: appending again changes nothing.
    let once = old.try_append(&tags("c")).unwrap();
    assert_eq!(once.try_append(&tags("c")).unwrap(), once);
    assert_eq!(old.try_append(&MediaTags::new()).unwrap(), old);
    assert_eq!(MediaTags::new().try_append(&old).unwrap(), old);
    // Case-sensitive.
    assert_eq!(old.try_append(&tags("A")).unwrap().to_string(), "a,b,A");
    // Exactly 16 is fine; more is Err(total), nothing dropped.
    let ten = tags(&distinct(10).join(","));
    let six: MediaTags = tags(&distinct(16)[10..].join(","));
    assert_eq!(ten.try_append(&six).unwrap().len(), 16);
    let seven = tags(&distinct(17)[10..].join(","));
    assert!(matches!(
        ten.try_append(&seven),
        Err(ims_media::UpdateError::TooManyTags {
            max: 16,
            found: 17,
            ..
        })
    ));
    let overlap = tags(&distinct(20)[5..].join(","));
    assert!(matches!(
        ten.try_append(&overlap),
        Err(ims_media::UpdateError::TooManyTags {
            max: 16,
            found: 20,
            ..
        })
    ));
    let full = tags(&distinct(16).join(","));
    assert_eq!(full.try_append(&full).unwrap(), full);
    assert!(matches!(
        full.try_append(&tags("x,y")),
        Err(ims_media::UpdateError::TooManyTags {
            max: 16,
            found: 18,
            ..
        })
    ));
}

// ---------------------------------------------------------------------------------------------
// Hostile sizes: refused without trouble

#[test]
fn ten_mib_inputs_are_refused() {
    let big = "a".repeat(TEN_MIB);
    too_long::<Title>(&big);
    too_long::<Description>(&big);
    too_long::<Category>(&big);
    too_long::<UserData>(&big);
    too_long::<Tag>(&big);
    let e = big.parse::<Title>().unwrap_err();
    assert!(e.to_string().len() < 100);

    // truncated: a control character at the very end, or one endless grapheme cluster.
    let ctrl = format!("{}\u{0}", "a".repeat(TEN_MIB));
    assert!(Title::truncated(&ctrl).is_err());
    assert!(Description::truncated(&ctrl).is_err());
    assert!(Category::truncated(&ctrl).is_err());
    assert!(Tag::truncated(&ctrl).is_err());
    let cluster = format!("e{}", "\u{301}".repeat(TEN_MIB / 2));
    for r in [
        Title::truncated(&cluster).map(|_| ()),
        Description::truncated(&cluster).map(|_| ()),
        Category::truncated(&cluster).map(|_| ()),
        Tag::truncated(&cluster).map(|_| ()),
    ] {
        assert!(matches!(
            r.unwrap_err().kind(),
            ParamErrorKind::TooLong { found, .. } if *found == cluster.len()
        ));
    }
    // Long valid text is cut, not refused.
    assert_eq!(Title::truncated(&big).unwrap().as_str().len(), 128);
    let comma = format!("{},", "a".repeat(TEN_MIB));
    assert!(matches!(
        Tag::truncated(&comma).unwrap_err().kind(),
        ParamErrorKind::CommaInTag { at, .. } if *at == TEN_MIB
    ));

    // MediaTags: commas, distinct tags, one huge tag, repeated tags.
    let commas = ",".repeat(TEN_MIB);
    assert_tag(commas.parse::<MediaTags>().unwrap_err().kind(), 1, is_empty);
    let mut many = String::with_capacity(TEN_MIB + 16);
    let mut i = 0u64;
    while many.len() < TEN_MIB {
        many.push_str(&i.to_string());
        many.push(',');
        i += 1;
    }
    many.push('x');
    assert_matches!(
        many.parse::<MediaTags>().unwrap_err().kind(),
        ParamErrorKind::TooManyTags {
            max: 16,
            index: 17,
            ..
        }
    );
    assert_matches!(
        MediaTags::try_from(many).unwrap_err().kind(),
        ParamErrorKind::TooManyTags {
            max: 16,
            index: 17,
            ..
        }
    );
    assert_tag(big.parse::<MediaTags>().unwrap_err().kind(), 1, |r| {
        matches!(
            r,
            ParamErrorKind::TooLong {
                max: 32,
                found: TEN_MIB,
                unit: Unit::Bytes,
                ..
            }
        )
    });
    let same = "a,".repeat(TEN_MIB / 2);
    assert_tag(
        same.parse::<MediaTags>().unwrap_err().kind(),
        TEN_MIB / 2 + 1,
        is_empty,
    );
}
