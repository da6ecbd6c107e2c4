//! MediaId, ReferenceId, CateId and CoverUrl: every limit at and one past, every rejection
//! with its exact message and kind data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::messages;
use std::collections::HashMap;
use std::str::FromStr;

use ims_media::{
    CateId, CoverUrl, ErrorCode, Excerpt, MediaId, ParamError, ParamErrorKind, ReferenceId, Unit,
    UrlError,
};

const ALPHABET: &str = "A-Z a-z 0-9 - _";
const TEN_MIB: usize = 10 * 1024 * 1024;

#[track_caller]
fn ok<T>(s: &str) -> T
where
    T: FromStr<Err = ParamError> + AsRef<str>,
{
    let v: T = s.parse().unwrap_or_else(|e| panic!("{s:?} refused: {e}"));
    assert_eq!(v.as_ref(), s);
    v
}

#[track_caller]
fn err<T>(s: &str, param: &str, message: &str) -> ParamErrorKind
where
    T: FromStr<Err = ParamError> + std::fmt::Debug,
{
    let e = s.parse::<T>().expect_err(s);
    assert_eq!(e.param(), param);
    assert_eq!(e.code(), ErrorCode::InvalidParameter);
    assert_eq!(e.to_string(), message);
    e.kind().clone()
}

/// `kind` is `InvalidCharacter`: `ch` at byte `at` of `value`, outside the identifier alphabet.
#[track_caller]
fn assert_invalid_char(kind: &ParamErrorKind, ch: char, at: usize, value: &str) {
    assert_matches!(
        kind,
        ParamErrorKind::InvalidCharacter {
            ch: c,
            at: a,
            allowed: ALPHABET,
            value: v,
            ..
        } if *c == ch && *a == at && *v == Excerpt::new(value)
    );
}

// ---- MediaId ------------------------------------------------------------------------------

#[test]
fn media_id_accepts_ims_forms() {
    ok::<MediaId>("2b36bd19c13f4145b094c0cad80dbce5");
    ok::<MediaId>("icepublic-2b36bd19c13f4145b094c0cad80dbce5");
    ok::<MediaId>("a");
    ok::<MediaId>("AZaz09-_");
    ok::<MediaId>(&"x".repeat(64));
    assert_eq!(MediaId::MIN_CHARS, 1);
    assert_eq!(MediaId::MAX_CHARS, 64);
    assert_eq!(MediaId::MAX_BYTES, 64);
}

#[test]
fn media_id_length_limits() {
    let kind = err::<MediaId>("", "MediaId", messages::MEDIA_ID_EMPTY);
    assert_matches!(
        kind,
        ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Characters,
            ..
        }
    );

    let kind = err::<MediaId>(
        &"x".repeat(65),
        "MediaId",
        "invalid MediaId: 65 characters, at most 64 allowed",
    );
    assert_matches!(
        kind,
        ParamErrorKind::TooLong {
            max: 64,
            found: 65,
            unit: Unit::Characters,
            ..
        }
    );
}

#[test]
fn media_id_refuses_characters_outside_the_alphabet() {
    let masked = "****20b48fb04483915d4f2cd8ac****";
    let kind = err::<MediaId>(
        masked,
        "MediaId",
        "invalid MediaId: character '*' at byte 0 not allowed, only A-Z a-z 0-9 - _ in \
         \"****20b48fb04483915d4f2cd8ac****\"",
    );
    assert_invalid_char(&kind, '*', 0, masked);

    // A multi-byte character: reported whole, at its byte offset.
    let kind = err::<MediaId>(
        "ab界c",
        "MediaId",
        "invalid MediaId: character '界' at byte 2 not allowed, only A-Z a-z 0-9 - _ in \"ab界c\"",
    );
    assert_invalid_char(&kind, '界', 2, "ab界c");

    for (s, ch, at) in [
        (" abc", ' ', 0),
        ("abc ", ' ', 3),
        ("a.b", '.', 1),
        ("a/b", '/', 1),
    ] {
        let e = s.parse::<MediaId>().unwrap_err();
        assert_invalid_char(e.kind(), ch, at, s);
    }
    let e = "ab\0".parse::<MediaId>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid MediaId: character U+0000 at byte 2 not allowed, only A-Z a-z 0-9 - _ in \"ab<U+0000>\""
    );
}

#[test]
fn media_id_bad_character_anywhere_wins_over_length() {
    // 40 two-byte characters: 80 bytes but 40 characters; the problem is the character.
    let s = "é".repeat(40);
    assert_invalid_char(s.parse::<MediaId>().unwrap_err().kind(), 'é', 0, &s);
    // 64 good characters, then a refused one: the character is named wherever it stands.
    let s = format!("{}*", "x".repeat(64));
    assert_invalid_char(s.parse::<MediaId>().unwrap_err().kind(), '*', 64, &s);
    // 64 good characters and a two-byte one: named too, never "66 characters" (bytes).
    let s = format!("{}é", "a".repeat(64));
    let e = s.parse::<MediaId>().unwrap_err();
    assert_invalid_char(e.kind(), 'é', 64, &s);
    assert!(!e.to_string().contains("66"), "{e}");
    // 65 good characters: the length, in characters.
    let s = "x".repeat(65);
    assert_matches!(
        s.parse::<MediaId>().unwrap_err().kind(),
        ParamErrorKind::TooLong {
            max: 64,
            found: 65,
            unit: Unit::Characters,
            ..
        }
    );
}

#[test]
fn media_id_huge_input_is_refused_on_length() {
    let s = "a".repeat(TEN_MIB);
    let e = s.parse::<MediaId>().unwrap_err();
    assert_matches!(
        e.kind(),
        ParamErrorKind::TooLong {
            max: 64,
            found: TEN_MIB,
            unit: Unit::Characters,
            ..
        }
    );
    assert_eq!(
        e.to_string(),
        "invalid MediaId: 10485760 characters, at most 64 allowed"
    );
}

#[test]
fn media_id_traits() {
    let id: MediaId = ok("abc");
    assert_eq!(format!("{id:?}"), "MediaId(\"abc\")");
    assert_eq!(id.to_string(), "abc");
    assert_eq!(id.clone().into_string(), "abc");
    assert_eq!(String::from(id.clone()), "abc");
    assert_eq!(MediaId::try_from("abc"), Ok(id.clone()));
    assert_eq!(MediaId::try_from(String::from("abc")), Ok(id.clone()));
    assert!(MediaId::try_from(String::from("a b")).is_err());
    assert_ne!(id, ok::<MediaId>("abd"));

    // Ordered as strings, not by length.
    let mut ids: Vec<MediaId> = ["b", "ab", "a", "B", "abc"].iter().map(|s| ok(s)).collect();
    ids.sort();
    let sorted: Vec<&str> = ids.iter().map(MediaId::as_str).collect();
    assert_eq!(sorted, ["B", "a", "ab", "abc", "b"]);

    // Hashed as the string: a map keyed by MediaId is looked up with a &str.
    let map: HashMap<MediaId, u32> = HashMap::from([(id, 1)]);
    assert_eq!(map.get("abc"), Some(&1));
    assert_eq!(map.get("abd"), None);
}

#[test]
fn media_id_from_static() {
    const ID: MediaId = MediaId::from_static("icepublic-abc");
    assert_eq!(ID, ok::<MediaId>("icepublic-abc"));
    assert_eq!(
        MediaId::from_static("x".repeat(64).leak()).as_str().len(),
        64
    );
}

#[test]
#[should_panic(expected = "invalid MediaId")]
fn media_id_from_static_panics_past_the_limit() {
    let _ = MediaId::from_static("x".repeat(65).leak());
}

#[test]
#[should_panic(expected = "invalid MediaId")]
fn media_id_from_static_panics_on_empty() {
    let _ = MediaId::from_static("");
}

// ---- ReferenceId --------------------------------------------------------------------------

#[test]
fn reference_id_accepts_the_documented_forms() {
    ok::<ReferenceId>("123-123");
    ok::<ReferenceId>("ref_2024-001");
    ok::<ReferenceId>("abcdef");
    ok::<ReferenceId>(&"R".repeat(64));
    assert_eq!(ReferenceId::MIN_CHARS, 6);
    assert_eq!(ReferenceId::MAX_CHARS, 64);
    assert_eq!(ReferenceId::MAX_BYTES, 64);
    assert_eq!(
        format!("{:?}", ok::<ReferenceId>("123-123")),
        "ReferenceId(\"123-123\")"
    );
}

#[test]
fn reference_id_length_limits() {
    let kind = err::<ReferenceId>(
        "",
        "ReferenceId",
        "invalid ReferenceId: empty, at least 6 characters required",
    );
    assert_matches!(
        kind,
        ParamErrorKind::Empty {
            min: 6,
            unit: Unit::Characters,
            ..
        }
    );

    let kind = err::<ReferenceId>("abc", "ReferenceId", messages::REFERENCE_ID_ABC);
    assert_matches!(
        kind,
        ParamErrorKind::TooShort { min: 6, found: 3, unit: Unit::Characters, value, .. }
            if *value == Excerpt::new("abc")
    );
    err::<ReferenceId>(
        "abcde",
        "ReferenceId",
        "invalid ReferenceId: 5 characters, at least 6 required in \"abcde\"",
    );
    err::<ReferenceId>(
        "a",
        "ReferenceId",
        "invalid ReferenceId: 1 character, at least 6 required in \"a\"",
    );

    let kind = err::<ReferenceId>(
        &"x".repeat(65),
        "ReferenceId",
        "invalid ReferenceId: 65 characters, at most 64 allowed",
    );
    assert_matches!(
        kind,
        ParamErrorKind::TooLong {
            max: 64,
            found: 65,
            unit: Unit::Characters,
            ..
        }
    );

    let e = "a".repeat(TEN_MIB).parse::<ReferenceId>().unwrap_err();
    assert_matches!(
        e.kind(),
        ParamErrorKind::TooLong {
            max: 64,
            found: TEN_MIB,
            unit: Unit::Characters,
            ..
        }
    );
}

#[test]
fn reference_id_character_wins_over_short_length() {
    // Two characters, four bytes: the problem is the character, not the length.
    let kind = err::<ReferenceId>(
        "éé",
        "ReferenceId",
        "invalid ReferenceId: character 'é' at byte 0 not allowed, only A-Z a-z 0-9 - _ in \"éé\"",
    );
    assert_invalid_char(&kind, 'é', 0, "éé");
    let kind = err::<ReferenceId>(
        "ref-2024.01",
        "ReferenceId",
        "invalid ReferenceId: character '.' at byte 8 not allowed, only A-Z a-z 0-9 - _ in \
         \"ref-2024.01\"",
    );
    assert_invalid_char(&kind, '.', 8, "ref-2024.01");
}

#[test]
fn reference_id_from_static() {
    const REF: ReferenceId = ReferenceId::from_static("123-123");
    assert_eq!(REF.as_str(), "123-123");
    assert_eq!(ReferenceId::try_from("123-123"), Ok(REF));
}

#[test]
fn identifiers_past_40_characters_are_whole_and_equal_to_their_literals() {
    // 40 characters are kept inside the value, 41 and more on the heap; a literal longer
    // than 40 is kept as the literal. None of it shows.
    const LONG: ReferenceId = ReferenceId::from_static("550e8400-e29b-41d4-a716-446655440000");
    const PUBLIC: MediaId = MediaId::from_static("icepublic-2b36bd19c13f4145b094c0cad80dbce5");
    for len in [39, 40, 41, 64] {
        let s: String = "A_-9".chars().cycle().take(len).collect();
        let id: ReferenceId = ok(&s);
        assert_eq!(id.as_str(), s);
        assert_eq!(id.clone().into_string(), s);
    }
    assert_eq!(ReferenceId::try_from(LONG.as_str()), Ok(LONG));
    assert_eq!(MediaId::try_from(PUBLIC.as_str()), Ok(PUBLIC));
    let map = HashMap::from([(LONG, 1)]);
    assert_eq!(map.get("550e8400-e29b-41d4-a716-446655440000"), Some(&1));
}

#[test]
fn values_and_their_results_are_small() {
    // The error is one pointer, so a `Result` is the size of the value it carries.
    assert_eq!(std::mem::size_of::<ParamError>(), 8);
    assert_eq!(std::mem::size_of::<ReferenceId>(), 48);
    assert_eq!(std::mem::size_of::<Result<ReferenceId, ParamError>>(), 48);
    assert_eq!(std::mem::size_of::<Result<MediaId, ParamError>>(), 48);
}

#[test]
#[should_panic(expected = "invalid ReferenceId")]
fn reference_id_from_static_panics_when_short() {
    let _ = ReferenceId::from_static("abcde");
}

// ---- CateId -------------------------------------------------------------------------------

#[track_caller]
fn cate(s: &str) -> i64 {
    s.parse::<CateId>()
        .unwrap_or_else(|e| panic!("{s:?} refused: {e}"))
        .get()
}

/// `kind` is `OutOfRange` of CateId's range for `value`.
#[track_caller]
fn assert_out_of_range(kind: &ParamErrorKind, value: &str) {
    assert_matches!(
        kind,
        ParamErrorKind::OutOfRange {
            min: 1,
            max: i64::MAX,
            value: v,
            ..
        } if *v == Excerpt::new(value)
    );
}

/// `kind` is `NotInteger` for `value`.
#[track_caller]
fn assert_not_integer(kind: &ParamErrorKind, value: &str) {
    assert_matches!(
        kind,
        ParamErrorKind::NotInteger { value: v, .. } if *v == Excerpt::new(value)
    );
}

#[test]
fn cate_id_accepts_digits_from_1_to_i64_max() {
    assert_eq!(cate("3048"), 3048);
    assert_eq!(cate("1"), 1);
    assert_eq!(cate("9223372036854775807"), i64::MAX);
    assert_eq!(cate("007"), 7);
    assert_eq!(cate("0009223372036854775807"), i64::MAX);
    assert_eq!("007".parse::<CateId>().unwrap().to_string(), "7");
    assert_eq!(CateId::MIN, 1);
    assert_eq!(CateId::MAX, i64::MAX);
}

#[test]
fn cate_id_range() {
    let kind = err::<CateId>("0", "CateId", messages::CATE_ID_0);
    assert_out_of_range(&kind, "0");
    assert_out_of_range(
        &err::<CateId>(
            "000",
            "CateId",
            "invalid CateId: \"000\" out of range, 1 to 9223372036854775807 allowed",
        ),
        "000",
    );
    let kind = err::<CateId>("9223372036854775808", "CateId", messages::CATE_ID_OVERFLOW);
    assert_out_of_range(&kind, "9223372036854775808");
    assert_out_of_range(
        "99999999999999999999999"
            .parse::<CateId>()
            .unwrap_err()
            .kind(),
        "99999999999999999999999",
    );
}

#[test]
fn cate_id_refuses_everything_but_digits() {
    let kind = err::<CateId>("-5", "CateId", messages::CATE_ID_MINUS_5);
    // A negative integer is out of range, as the JSON number -5 is in a stored asset.
    assert_out_of_range(&kind, "-5");
    assert_out_of_range("-0".parse::<CateId>().unwrap_err().kind(), "-0");
    for s in [
        "+5", " 5", "5 ", "1e3", "1_000", "1,000", "3.0", "0x10", "５", "-", "--5", "-5x",
    ] {
        assert_not_integer(s.parse::<CateId>().unwrap_err().kind(), s);
    }
    // A non-digit after an overflow is still "not an integer".
    let s = "99999999999999999999x";
    assert_not_integer(s.parse::<CateId>().unwrap_err().kind(), s);

    let kind = err::<CateId>(
        "",
        "CateId",
        "invalid CateId: empty, at least 1 character required",
    );
    assert_matches!(
        kind,
        ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Characters,
            ..
        }
    );
}

#[test]
fn cate_id_huge_digit_string_is_refused() {
    let s = "1".repeat(TEN_MIB);
    let e = s.parse::<CateId>().unwrap_err();
    assert_out_of_range(e.kind(), &s);
    assert_eq!(
        e.to_string(),
        format!(
            "invalid CateId: \"{}\"… out of range, 1 to 9223372036854775807 allowed",
            "1".repeat(64)
        )
    );
}

#[test]
fn cate_id_from_i64() {
    assert_eq!(CateId::try_from(3048_i64).map(CateId::get), Ok(3048));
    assert_eq!(CateId::try_from(i64::MAX).map(CateId::get), Ok(i64::MAX));
    assert_eq!(CateId::try_from(1_i64).map(i64::from), Ok(1));
    let e = CateId::try_from(0_i64).unwrap_err();
    assert_eq!(e.param(), "CateId");
    assert_out_of_range(e.kind(), "0");
    let e = CateId::try_from(-5_i64).unwrap_err();
    assert_eq!(e.to_string(), messages::CATE_ID_MINUS_5);
    assert_out_of_range(
        CateId::try_from(i64::MIN).unwrap_err().kind(),
        "-9223372036854775808",
    );
}

#[test]
fn cate_id_traits() {
    let a = CateId::try_from("3048").unwrap();
    let b = a; // Copy
    assert_eq!(a, b);
    assert_eq!(a.to_string(), "3048");
    assert_eq!(format!("{a:?}"), "CateId(3048)");
    assert!(CateId::from_static(2) < CateId::from_static(10));
    const C: CateId = CateId::from_static(3048);
    assert_eq!(C, a);
    assert_eq!(std::mem::size_of::<Option<CateId>>(), 8);
}

#[test]
#[should_panic(expected = "invalid CateId")]
fn cate_id_from_static_panics_on_negative() {
    let _ = CateId::from_static(-5);
}

// ---- CoverUrl -----------------------------------------------------------------------------

const COVER: &str = "CoverURL";

#[test]
fn cover_url_accepts_http_and_https_in_any_case() {
    ok::<CoverUrl>("http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png");
    let u: CoverUrl = ok("HTTPS://Example.com/a.png");
    assert_eq!(u.scheme(), "HTTPS");
    assert_eq!(u.host(), "Example.com");
    let u: CoverUrl = ok("hTtP://h");
    assert_eq!((u.scheme(), u.host()), ("hTtP", "h"));
    // Query, fragment, port, raw non-ASCII and percent escapes are allowed, kept verbatim.
    let u: CoverUrl = ok("https://cdn.example.com:8443/c/封面.png?Expires=1&Signature=a%2Bb#x");
    assert_eq!(u.host(), "cdn.example.com");
    assert_eq!(
        ok::<CoverUrl>("http://[2001:db8::1]:80/a.png").host(),
        "[2001:db8::1]"
    );
    // A Unicode host in its ASCII form; as written, it is refused with a hint to that form.
    assert_eq!(
        ok::<CoverUrl>("http://xn--r8jz45g.jp/a.png").host(),
        "xn--r8jz45g.jp"
    );
    err::<CoverUrl>(
        "http://例え.jp/a.png",
        COVER,
        "invalid CoverURL: character '例' at byte 7 in the host is not ASCII, give the host in \
         its ASCII (xn--) form in \"http://例え.jp/a.png\"",
    );
    assert_eq!(CoverUrl::MAX_BYTES, 128);
}

#[test]
fn cover_url_length_limits() {
    let kind = err::<CoverUrl>(
        "",
        COVER,
        "invalid CoverURL: empty, at least 1 byte required",
    );
    assert_matches!(
        kind,
        ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Bytes,
            ..
        }
    );

    // Exactly 128 bytes, ending in a three-byte character; then one byte more.
    let at_limit = format!("http://h/{}界", "a".repeat(128 - 9 - 3));
    assert_eq!(at_limit.len(), 128);
    ok::<CoverUrl>(&at_limit);
    let past = format!("{at_limit}a");
    let kind = err::<CoverUrl>(
        &past,
        COVER,
        "invalid CoverURL: 129 bytes, at most 128 allowed",
    );
    assert_matches!(
        kind,
        ParamErrorKind::TooLong {
            max: 128,
            found: 129,
            unit: Unit::Bytes,
            ..
        }
    );
    // One byte past with a multi-byte character: 126 + 3 bytes.
    let past = format!("http://h/{}界", "a".repeat(126 - 9));
    assert_eq!(past.len(), 129);
    err::<CoverUrl>(
        &past,
        COVER,
        "invalid CoverURL: 129 bytes, at most 128 allowed",
    );

    let huge = format!("http://h/{}", " ".repeat(TEN_MIB));
    assert_matches!(
        huge.parse::<CoverUrl>().unwrap_err().kind(),
        ParamErrorKind::TooLong { max: 128, found, unit: Unit::Bytes, .. } if *found == TEN_MIB + 9
    );
}

#[test]
fn cover_url_refuses_other_schemes() {
    for s in [
        "ftp://example.com/a.png",
        "//host/x",
        "oss://bucket/a.png",
        "http:/h/x",
        "https:h",
        "a",
    ] {
        let e = s.parse::<CoverUrl>().unwrap_err();
        assert_url_error!(
            e.kind(),
            s,
            UrlError::Scheme {
                allowed: "http:// or https://",
                ..
            },
            "{s:?}"
        );
    }
    err::<CoverUrl>(
        "ftp://example.com/a.png",
        COVER,
        "invalid CoverURL: scheme not allowed, only http:// or https:// in \"ftp://example.com/a.png\"",
    );
    err::<CoverUrl>(
        "//host/x",
        COVER,
        "invalid CoverURL: scheme not allowed, only http:// or https:// in \"//host/x\"",
    );
}

#[test]
fn cover_url_needs_a_host() {
    for s in [
        "http://",
        "http:///x",
        "https://?q",
        "https://#f",
        "http://:80/x",
        "http://[]",
    ] {
        assert_url_error!(
            s.parse::<CoverUrl>().unwrap_err().kind(),
            s,
            UrlError::MissingHost,
            "{s:?}"
        );
    }
    err::<CoverUrl>("http://", COVER, "invalid CoverURL: no host in \"http://\"");
    err::<CoverUrl>(
        "http:///x",
        COVER,
        "invalid CoverURL: no host in \"http:///x\"",
    );
}

#[test]
fn cover_url_refuses_user_info_and_bad_ports() {
    let s = "https://user:secret@example.com/a.png";
    let kind = err::<CoverUrl>(
        s,
        COVER,
        "invalid CoverURL: user info not allowed in \"https://user:secret@example.com/a.png\"",
    );
    assert_url_error!(kind, s, UrlError::UserInfo);
    // An `@` after the authority is an ordinary character.
    ok::<CoverUrl>("https://example.com/a@2x.png?by=me@example.com");

    let s = "http://h:8a/x";
    let kind = err::<CoverUrl>(
        s,
        COVER,
        "invalid CoverURL: port after ':' at byte 8 not a number from 1 to 65535 in \"http://h:8a/x\"",
    );
    assert_url_error!(kind, s, UrlError::InvalidPort { at: 8, .. });
    ok::<CoverUrl>("http://h:65535/x");
    ok::<CoverUrl>("http://h:1");
    for s in [
        "http://h:0",
        "http://h:65536/x",
        "http://h:/x",
        "http://h:000080/x",
        "http://a:b:80/",
        "http://[::1]:x/",
    ] {
        let e = s.parse::<CoverUrl>().unwrap_err();
        assert!(
            matches!(
                e.kind(),
                ParamErrorKind::Url {
                    reason: UrlError::InvalidPort { .. },
                    ..
                }
            ),
            "{s:?}"
        );
    }
}

#[test]
fn cover_url_refuses_white_space_and_controls() {
    let s = "http://example.com/a b.png";
    let kind = err::<CoverUrl>(
        s,
        COVER,
        "invalid CoverURL: white space ' ' at byte 20 in \"http://example.com/a b.png\"",
    );
    assert_url_error!(
        kind,
        s,
        UrlError::WhiteSpace {
            ch: ' ',
            at: 20,
            ..
        }
    );

    let s = "http://example.com/a\u{3000}b.png";
    let kind = err::<CoverUrl>(
        s,
        COVER,
        "invalid CoverURL: white space U+3000 at byte 20 in \"http://example.com/a<U+3000>b.png\"",
    );
    assert_url_error!(
        kind,
        s,
        UrlError::WhiteSpace {
            ch: '\u{3000}',
            at: 20,
            ..
        }
    );

    // TAB is both: it is reported as the control character it is.
    let s = "http://example.com/a\tb.png";
    let kind = err::<CoverUrl>(
        s,
        COVER,
        "invalid CoverURL: control character U+0009 at byte 20 in \"http://example.com/a<U+0009>b.png\"",
    );
    assert_url_error!(
        kind,
        s,
        UrlError::ControlCharacter {
            ch: '\t',
            at: 20,
            ..
        }
    );

    for (s, ch, at) in [
        (" http://h/x", ' ', 0),
        ("http://h/x ", ' ', 10),
        ("http://h/x\u{a0}", '\u{a0}', 10),
        ("http://h/x\u{2028}", '\u{2028}', 10),
    ] {
        assert_url_error!(
            s.parse::<CoverUrl>().unwrap_err().kind(),
            s,
            UrlError::WhiteSpace { ch: c, at: a, .. } if *c == ch && *a == at
        );
    }
    for (s, ch, at) in [
        ("http://h/\0", '\0', 9),
        ("http://h/\u{7f}", '\u{7f}', 9),
        ("http://h/é\u{85}", '\u{85}', 11),
    ] {
        assert_url_error!(
            s.parse::<CoverUrl>().unwrap_err().kind(),
            s,
            UrlError::ControlCharacter { ch: c, at: a, .. } if *c == ch && *a == at
        );
    }
    // Characters come before the scheme: "ftp://a b" is reported for its space.
    assert_url_error!(
        "ftp://a b".parse::<CoverUrl>().unwrap_err().kind(),
        "ftp://a b",
        UrlError::WhiteSpace { ch: ' ', at: 7, .. }
    );
}

#[test]
fn cover_url_string_traits() {
    let u: CoverUrl = ok("http://h/x");
    assert_eq!(u.to_string(), "http://h/x");
    assert_eq!(u.clone().into_string(), "http://h/x");
    assert_eq!(
        CoverUrl::try_from(String::from("http://h/x")),
        Ok(u.clone())
    );
    assert_eq!(CoverUrl::try_from("http://h/x"), Ok(u));
    assert!(CoverUrl::try_from(String::from("http://")).is_err());
}

// ---- Auto traits --------------------------------------------------------------------------

#[test]
fn all_are_send_sync_clone_eq_hash() {
    fn check<T: Send + Sync + Clone + Eq + std::hash::Hash + std::fmt::Debug + 'static>() {}
    check::<MediaId>();
    check::<ReferenceId>();
    check::<CateId>();
    check::<CoverUrl>();
}
