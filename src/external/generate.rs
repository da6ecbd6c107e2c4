//! The one generator of valid values, for `arbitrary` and `proptest` alike.
//!
//! Every function builds a **valid** value from **any** bytes, read through
//! [`Unstructured`]: it does not try a string and give up when the string is invalid, it maps
//! the bytes onto the rules (characters chosen from an alphabet by index, lengths drawn inside
//! the limits, bytes cut at character boundaries). When the input runs out, `Unstructured`
//! supplies zeros, which give the shortest and plainest values (`"a"`, `Keep`, `None`, no
//! tags), so nothing here fails with `NotEnoughData`; and since fewer or smaller bytes give
//! plainer values, a shrinker that shortens the bytes or lowers them reaches the plainest
//! value that still fails. Each value still goes through its type's validating constructor
//! at the end; `IncorrectFormat` would mean a bug of this module.
//!
//! # Shrinking: a fixed layout
//!
//! A shrinker lowers bytes, zeroes them and removes them; the value it ends on is plain only
//! if changing one byte changes one decision. So every choice reads the same bytes whatever
//! it chooses: a biased length reads its choice *and* the length in range, then picks; a
//! record (an asset, a request, a configuration) reads which of its fields are set (or kept,
//! cleared, set) *before* any field's value, so that unsetting one field leaves the others'
//! choices where they were. Lowering a count lowers the number of items (tags, members).
//! This is what lets a failing case end on one character, one tag, one field set.
//!
//! The values lean towards the limits: about one string in four is exactly at its byte
//! limit, ending with a multi-byte character when the limit falls after one, and one in eight
//! is of one character width throughout (128 bytes of 4-byte characters); one tag list in
//! four is 16 tags of exactly 32 bytes; object keys reach 1,023 decoded bytes; every InputURL
//! form, endpoint kind and letter case, every `BusinessType`; IDs of 1 and 64 characters,
//! `CateId` 1 and `i64::MAX`. Texts mix ASCII (with the characters that matter on the wire:
//! `,` `&` `=` `+` `%` space), two-, three- and four-byte characters (accents, combining
//! marks, CJK, the full-width comma, U+3000, zero-width joiners, emoji) and any other Unicode
//! scalar value a rule allows.

use arbitrary::{Error, Result, Unstructured};

use crate::param::parameters;
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, FieldUpdate, InputUrl, MediaId,
    MediaInfo, MediaTags, MediaTarget, Param, ReferenceId, Tag, TagsUpdate, Title,
    UpdateMediaInfoRequest, UserData,
};

/// The characters of `MediaId`, `ReferenceId` and VOD IDs (`A-Z a-z 0-9 - _`), lower case
/// first, so that the plainest generated ID is `a`.
pub(crate) const ID_CHARS: &[u8] =
    b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Lower-case hex digits: IMS IDs are 32 of them.
const HEX_DIGITS: &[u8] = b"0123456789abcdef";

/// The characters of a DNS label or bucket name in lower case.
const LABEL_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-";

/// OSS endpoints (host without the bucket) of every documented kind that has a fixed name:
/// regular, internal, dual-stack, acceleration, the China-mainland one, finance and gov.
const FIXED_ENDPOINTS: [&str; 13] = [
    "oss-cn-shanghai.aliyuncs.com",
    "oss-cn-shanghai-internal.aliyuncs.com",
    "cn-hangzhou.oss.aliyuncs.com",
    "oss-ap-southeast-1.aliyuncs.com",
    "oss-accelerate.aliyuncs.com",
    "oss-accelerate-overseas.aliyuncs.com",
    "oss-accelerate-internal.aliyuncs.com",
    "oss-rg-china-mainland.aliyuncs.com",
    "oss-cn-shanghai-finance-1.aliyuncs.com",
    "oss-cn-shanghai-finance-1-internal.aliyuncs.com",
    "oss-cn-hzfinance.aliyuncs.com",
    "oss-cn-szfinance-internal.aliyuncs.com",
    "oss-cn-north-2-gov-1-internal.aliyuncs.com",
];

/// Queries a cover may start with, weighted towards none: parameters that look like a
/// signature but do not make the URL signed by OSS (another CDN's `Expires`, a lone
/// `Signature` or `OSSAccessKeyId`, `x-oss-date` without the V4 version), which a cover keeps.
const COVER_QUERIES: &[&str] = &[
    "",
    "",
    "",
    "",
    "",
    "",
    "/c.png?Expires=1700000000&Key-Pair-Id=K1&",
    "/c.png?Signature=abc%3D&",
    "?OSSAccessKeyId=LTAI0000&v=2&",
    "/a.png?x-oss-process=image/resize,w_100&x-oss-date=20241201T000000Z&",
    "?security-token=CAIS&Expires=1#",
];

/// Text characters by UTF-8 length. The first of each list is the plainest.
const ONE_BYTE: &[char] = &[
    'a', 'b', 'c', 'x', 'y', 'z', 'A', 'M', 'Z', '0', '1', '9', ' ', ' ', '-', '_', '.', '~', ',',
    '&', '=', '+', '%', '/', '?', '#', '"', '\'', '<', '>', '*', ':', '@', '\\', ';', '!',
];
const TWO_BYTES: &[char] = &['é', 'ß', 'ж', 'א', 'ع', '\u{A0}', '\u{301}', 'ñ', 'ø'];
const THREE_BYTES: &[char] = &[
    '界', '旅', '行', '，', '\u{3000}', '\u{200D}', '\u{200F}', '\u{2028}', '€', '\u{FE0F}',
    '\u{FFFD}',
];
const FOUR_BYTES: &[char] = &['🌅', '😀', '👍', '\u{1F3FD}', '𝄞', '\u{10FFFF}'];
/// The control characters `Description` and `UserData` allow.
const LINE_BREAKS: &[char] = &['\t', '\n', '\r'];
/// The plainest character of each width, for a character that must not be white space.
const PLAIN: [char; 4] = ['a', 'é', '界', '🌅'];

/// What a text may hold besides the characters every text allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Allow {
    line_breaks: bool,
    comma: bool,
    space: bool,
}

/// Title, Category and URL text: one line, commas allowed.
pub(crate) const ONE_LINE: Allow = Allow {
    line_breaks: false,
    comma: true,
    space: true,
};
/// Description and UserData: TAB, LF and CR allowed too.
pub(crate) const MULTI_LINE: Allow = Allow {
    line_breaks: true,
    comma: true,
    space: true,
};
/// A tag: one line, no comma.
pub(crate) const TAG_TEXT: Allow = Allow {
    line_breaks: false,
    comma: false,
    space: true,
};
/// The path and query of a URL: no white space.
pub(crate) const URL_TEXT: Allow = Allow {
    line_breaks: false,
    comma: true,
    space: false,
};

/// One time in `n`; never when the input is exhausted.
fn one_in(u: &mut Unstructured<'_>, n: u8) -> Result<bool> {
    Ok(u.int_in_range(1..=n)? == n)
}

/// A length from `min` to `max`: mostly anywhere, one time in eight `min`, one in four `max`.
/// No input gives `min`.
///
/// The choice and the length in range are both read whatever the choice (a fixed layout: see
/// the module's documentation), so that a shrinker that lowers the choice to 0 gets the
/// length in range, and lowering that gets shorter texts.
fn biased_len(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<usize> {
    let choice = u.int_in_range(0u8..=7)?;
    let in_range = u.int_in_range(min..=max)?;
    Ok(match choice {
        5 => min,
        6 | 7 => max,
        _ => in_range,
    })
}

/// The character widths a text is drawn from: any (`0`), or only `1` to `4` bytes.
fn width(u: &mut Unstructured<'_>) -> Result<usize> {
    Ok(match u.int_in_range(0u8..=15)? {
        12 => 1,
        13 => 2,
        14 => 3,
        15 => 4,
        _ => 0,
    })
}

/// Whether `allow` permits `c`.
fn permitted(c: char, allow: Allow) -> bool {
    (!c.is_control() || (allow.line_breaks && LINE_BREAKS.contains(&c)))
        && (allow.comma || c != ',')
        && (allow.space || !c.is_whitespace())
}

/// A character of at most `room` (≥ 1) bytes that `allow` permits, of `width` bytes when
/// `width` is not 0 and fits. When the drawn character does not fit, one of exactly `room`
/// bytes is taken, so a text reaches its target length with a multi-byte character at the
/// end.
fn text_char(u: &mut Unstructured<'_>, room: usize, allow: Allow, width: usize) -> Result<char> {
    let pick = u.arbitrary::<u8>()?;
    let by_width = |w: usize| -> &'static [char] {
        match w {
            1 => ONE_BYTE,
            2 => TWO_BYTES,
            3 => THREE_BYTES,
            _ => FOUR_BYTES,
        }
    };
    let drawn = match pick {
        _ if width != 0 && width <= room => {
            let list = by_width(width);
            list[usize::from(pick) % list.len()]
        }
        0..=127 => ONE_BYTE[usize::from(pick) % ONE_BYTE.len()],
        128..=159 => TWO_BYTES[usize::from(pick) % TWO_BYTES.len()],
        160..=199 => THREE_BYTES[usize::from(pick) % THREE_BYTES.len()],
        200..=219 => FOUR_BYTES[usize::from(pick) % FOUR_BYTES.len()],
        220..=229 => LINE_BREAKS[usize::from(pick) % LINE_BREAKS.len()],
        // Any Unicode scalar value (a surrogate's number is none: then the plainest).
        _ => char::from_u32(u.int_in_range(0u32..=0x10_FFFF)?).unwrap_or('a'),
    };
    let c = if drawn.len_utf8() <= room {
        drawn
    } else {
        let exact = by_width(room.min(3));
        exact[usize::from(pick) % exact.len()]
    };
    Ok(if permitted(c, allow) {
        c
    } else {
        PLAIN[c.len_utf8() - 1]
    })
}

/// A text of exactly `len` bytes that `allow` permits.
fn text_of_len(u: &mut Unstructured<'_>, len: usize, allow: Allow) -> Result<String> {
    let width = width(u)?;
    let mut s = String::with_capacity(len);
    while s.len() < len {
        s.push(text_char(u, len - s.len(), allow, width)?);
    }
    Ok(s)
}

/// A text of `min` to `max` bytes, biased towards both.
pub(crate) fn text(
    u: &mut Unstructured<'_>,
    min: usize,
    max: usize,
    allow: Allow,
) -> Result<String> {
    let len = biased_len(u, min, max)?;
    text_of_len(u, len, allow)
}

/// A text of exactly `len` bytes that is a valid tag's: no comma, no control character, no
/// white space at either end (an edge character that is white space becomes the plainest
/// character of its width, keeping the length).
pub(crate) fn tag_text_of_len(u: &mut Unstructured<'_>, len: usize) -> Result<String> {
    let s = text_of_len(u, len, TAG_TEXT)?;
    let mut chars: Vec<char> = s.chars().collect();
    let last = chars.len().saturating_sub(1);
    for i in [0, last] {
        if let Some(c) = chars.get_mut(i) {
            if c.is_whitespace() {
                *c = PLAIN[c.len_utf8() - 1];
            }
        }
    }
    Ok(chars.into_iter().collect())
}

/// A string of `min` to `max` characters of `alphabet` (ASCII), biased towards both ends.
pub(crate) fn ascii(
    u: &mut Unstructured<'_>,
    alphabet: &[u8],
    min: usize,
    max: usize,
) -> Result<String> {
    let len = biased_len(u, min, max)?;
    let mut s = String::with_capacity(len);
    for _ in 0..len {
        s.push(char::from(*u.choose(alphabet)?));
    }
    Ok(s)
}

/// A DNS label of `a-z 0-9 -`, `min` to `max` characters, a letter or digit at both ends.
pub(crate) fn label(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<String> {
    let mut s = ascii(u, LABEL_CHARS, min, max)?;
    for end in [0, s.len().saturating_sub(1)] {
        if s.get(end..=end) == Some("-") {
            s.replace_range(end..=end, "0");
        }
    }
    Ok(s)
}

/// Maps a generated string to a value through its validating constructor. A refusal is a bug
/// of this module, reported as `IncorrectFormat` rather than a panic.
fn valid<T: TryFrom<String>>(s: String) -> Result<T> {
    T::try_from(s).map_err(|_| Error::IncorrectFormat)
}

/// A valid value of a type from any bytes: the one generator behind `arbitrary`'s and
/// `proptest`'s impls.
pub(crate) trait Generate: Sized {
    /// A valid value; the plainest one when the input is exhausted.
    ///
    /// # Errors
    ///
    /// Never in practice: `IncorrectFormat` would be a bug of this module.
    fn generate(u: &mut Unstructured<'_>) -> Result<Self>;
}

/// `MediaId`: 1 to 64 characters of `A-Z a-z 0-9 - _`; one time in four an IMS-style ID of 32
/// lower-case hex digits, one in eight a public-library ID (`icepublic-` and 32 hex digits).
impl Generate for MediaId {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        valid(id_string(u)?)
    }
}

/// A string following the `MediaId` rule.
fn id_string(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0u8..=7)? {
        0..=3 => ascii(u, ID_CHARS, 1, 64)?,
        4 | 5 => ascii(u, HEX_DIGITS, 32, 32)?,
        6 => format!("icepublic-{}", ascii(u, HEX_DIGITS, 32, 32)?),
        _ => ascii(u, ID_CHARS, 64, 64)?,
    })
}

/// `ReferenceId`: 6 to 64 characters of `A-Z a-z 0-9 - _`, biased towards 6 and 64.
impl Generate for ReferenceId {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        valid(ascii(u, ID_CHARS, 6, 64)?)
    }
}

/// `CateId`: 1 to `i64::MAX`; mostly small numbers, one time in eight 1, one in eight
/// `i64::MAX`, one in four anywhere in the range.
impl Generate for CateId {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let n = match u.int_in_range(0u8..=7)? {
            0..=3 => u.int_in_range(1..=99_999)?,
            4 => 1,
            5 => i64::MAX,
            _ => u.int_in_range(1..=i64::MAX)?,
        };
        CateId::try_from(n).map_err(|_| Error::IncorrectFormat)
    }
}

/// `BusinessType`: any of [`BusinessType::ALL`], equally likely.
impl Generate for BusinessType {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        u.choose(&BusinessType::ALL).copied()
    }
}

/// `MediaType`: any of [`MediaType::ALL`](crate::MediaType::ALL), equally likely.
impl Generate for crate::MediaType {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        u.choose(&crate::MediaType::ALL).copied()
    }
}

/// `Param`: any of [`Param::ALL`], equally likely.
impl Generate for Param {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        u.choose(&Param::ALL).copied()
    }
}

/// `Title`: 1 to 128 bytes without control characters, biased towards 128.
impl Generate for Title {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        valid(text(u, 1, Title::MAX_BYTES, ONE_LINE)?)
    }
}

/// `Description`: 1 to 1,024 bytes, TAB, LF and CR included, no other control character;
/// biased towards 1,024.
impl Generate for Description {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        valid(text(u, 1, Description::MAX_BYTES, MULTI_LINE)?)
    }
}

/// `Category`: 1 to 64 bytes without control characters, biased towards 64.
impl Generate for Category {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        valid(text(u, 1, Category::MAX_BYTES, ONE_LINE)?)
    }
}

/// `UserData`: 1 to 1,024 bytes, TAB, LF and CR included, no other control character;
/// biased towards 1,024; one time in eight a small JSON object.
impl Generate for UserData {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        if one_in(u, 8)? {
            let key = ascii(u, ID_CHARS, 1, 10)?;
            let value = text(u, 1, 40, ONE_LINE)?;
            return valid(format!("{{\"{key}\": {value:?}}}"));
        }
        valid(text(u, 1, UserData::MAX_BYTES, MULTI_LINE)?)
    }
}

/// `Tag`: 1 to 32 bytes without control characters or `,`, without white space at either end
/// (white space inside is kept); biased towards 32 bytes.
impl Generate for Tag {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let len = biased_len(u, 1, Tag::MAX_BYTES)?;
        valid(tag_text_of_len(u, len)?)
    }
}

/// `MediaTags`: 0 to 16 distinct tags; one time in four exactly 16 distinct tags of exactly
/// 32 bytes (a two-digit number, then 30 bytes).
impl Generate for MediaTags {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        // One byte is both choices: the top quarter of its values is the full list, the rest
        // a count of tags (by its remainder). So a shrinker that lowers it leaves the full list
        // for a count, and lowers the count, with no other byte needed.
        let pick = u.arbitrary::<u8>()?;
        let full = pick >= 192;
        let count = usize::from(pick) % (MediaTags::MAX_TAGS + 1);
        if full {
            let mut tags = Vec::with_capacity(MediaTags::MAX_TAGS);
            for i in 0..MediaTags::MAX_TAGS {
                let tail = tag_text_of_len(u, Tag::MAX_BYTES - 2)?;
                tags.push(valid(format!("{i:02}{tail}"))?);
            }
            return MediaTags::try_from(tags).map_err(|_| Error::IncorrectFormat);
        }
        let mut tags: Vec<Tag> = Vec::with_capacity(count);
        for _ in 0..count {
            let tag = Tag::generate(u)?;
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        MediaTags::try_from(tags).map_err(|_| Error::IncorrectFormat)
    }
}

/// `CoverUrl`: `http://` or `https://` (sometimes in upper or mixed case), a host (a domain,
/// an OSS host, an IPv4 or IPv6 literal, an `xn--` domain), sometimes a port from 1 to 65535,
/// sometimes a query of parameters that look like a signature but do not make the URL signed
/// by OSS, then a path that may hold a query and a fragment, non-ASCII characters, `%`, `&`,
/// `=`; 1 to 128 bytes, biased towards 128, never white space or a control character.
impl Generate for CoverUrl {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        const SCHEMES: [&str; 6] = [
            "https://", "http://", "HTTPS://", "Http://", "hTtP://", "HTTP://",
        ];
        const HOSTS: [&str; 9] = [
            "example.com",
            "example-bucket.oss-cn-shanghai.aliyuncs.com",
            "127.0.0.1",
            "[::1]",
            "[2001:db8::7]",
            "xn--r8jz45g.jp",
            "XN--R8JZ45G.jp",
            "xn--fsqu00a.xn--0zwm56d",
            "localhost",
        ];
        let mut s = String::from(*u.choose(&SCHEMES)?);
        if one_in(u, 3)? {
            let mut labels = Vec::new();
            for _ in 0..u.int_in_range(1u8..=3)? {
                labels.push(label(u, 1, 10)?);
            }
            // A host whose last label starts with a digit may be read as a number (`0xf`, an
            // IPv4 address): keep the last label a name.
            if let Some(last) = labels.last_mut() {
                if last.starts_with(|c: char| c.is_ascii_digit()) {
                    last.insert(0, 'x');
                }
            }
            let host = labels.join(".");
            s.push_str(&mixed_case(u, host)?);
        } else {
            s.push_str(u.choose(&HOSTS)?);
        }
        if one_in(u, 8)? {
            s.push(':');
            s.push_str(&u.int_in_range(1u32..=65_535)?.to_string());
        }
        s.push_str(u.choose(COVER_QUERIES)?);
        let target = biased_len(u, s.len(), CoverUrl::MAX_BYTES)?;
        if s.len() < target && !s.ends_with(['&', '#']) {
            s.push(*u.choose(&['/', '/', '?', '#'])?);
        }
        let width = width(u)?;
        while s.len() < target {
            // `\` before the query is refused (a browser reads it as `/`).
            let c = text_char(u, target - s.len(), URL_TEXT, width)?;
            s.push(if c == '\\' { '/' } else { c });
        }
        valid(s)
    }
}

/// An OSS bucket name: 3 to 63 characters of `a-z 0-9 -`, a letter or digit first and last;
/// biased towards 3 and 63 characters.
pub(crate) fn bucket(u: &mut Unstructured<'_>) -> Result<String> {
    label(u, 3, 63)
}

/// A decoded object key: 1 to 1,023 bytes (biased towards 1,023), no control character, not
/// starting with `/` or `\`; with `/`, `.`, spaces, `+`, `%`, `?`, `#`, `\`, `&`, `=`,
/// non-ASCII characters; sometimes a short path with a media extension.
pub(crate) fn object_key(u: &mut Unstructured<'_>) -> Result<String> {
    const KEY_CHARS: [char; 12] = ['/', '.', '-', '_', ' ', '+', '%', '?', '#', '\\', '&', '='];
    if one_in(u, 4)? {
        let dirs = u.int_in_range(1u8..=4)?;
        let mut key = String::new();
        for _ in 0..dirs {
            key.push_str(&label(u, 1, 12)?);
            key.push('/');
        }
        key.pop();
        key.push('.');
        key.push_str(u.choose(&["mp4", "MOV", "png", "srt", "m3u8"])?);
        return Ok(key);
    }
    let target = biased_len(u, 1, InputUrl::MAX_KEY_BYTES)?;
    let width = width(u)?;
    let mut key = String::with_capacity(target);
    while key.len() < target {
        let mut c = if one_in(u, 4)? {
            *u.choose(&KEY_CHARS)?
        } else {
            text_char(u, target - key.len(), ONE_LINE, width)?
        };
        if key.is_empty() && matches!(c, '/' | '\\') {
            c = 'k';
        }
        key.push(c);
    }
    Ok(key)
}

/// How the key of a generated InputURL is percent-encoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Escapes {
    /// Only `%`, `?` and `#` (and `\` in a web URL), which cannot appear raw.
    Needed,
    /// Every byte but `A-Z a-z 0-9 - _ . ~ /`, in upper-case hex (as the SDKs do).
    Sdk,
    /// Each character chosen from the input; hex digits in lower case.
    Mixed,
}

fn push_escaped(out: &mut String, c: char, lower: bool) {
    const UPPER: &[u8; 16] = b"0123456789ABCDEF";
    const LOWER: &[u8; 16] = b"0123456789abcdef";
    let digits = if lower { LOWER } else { UPPER };
    let mut buf = [0; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        out.push('%');
        out.push(char::from(digits[usize::from(b >> 4)]));
        out.push(char::from(digits[usize::from(b & 0xF)]));
    }
}

/// The decoded `key` written with escapes the input chooses; `web` (the `http(s)://` forms)
/// escapes `\` too, which a browser would read as `/`.
fn encode_key(u: &mut Unstructured<'_>, key: &str, web: bool) -> Result<String> {
    let escapes = match u.int_in_range(0u8..=3)? {
        0 | 1 => Escapes::Needed,
        2 => Escapes::Sdk,
        _ => Escapes::Mixed,
    };
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        let escape = match escapes {
            _ if matches!(c, '%' | '?' | '#') || web && c == '\\' => true,
            Escapes::Needed => false,
            Escapes::Sdk => !(c.is_ascii_alphanumeric() || "-_.~/".contains(c)),
            Escapes::Mixed => u.arbitrary()?,
        };
        if escape {
            push_escaped(&mut out, c, escapes == Escapes::Mixed);
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Upper-cases some ASCII letters of `s` when the input says so (hosts, buckets and schemes
/// are case-insensitive).
fn mixed_case(u: &mut Unstructured<'_>, s: String) -> Result<String> {
    Ok(match u.int_in_range(0u8..=7)? {
        6 => s.to_ascii_uppercase(),
        7 => s
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect(),
        _ => s,
    })
}

/// An OSS endpoint: the documented kinds (region, `-internal`, acceleration, finance, gov,
/// dual-stack), or a generated region in the `oss-` or the dual-stack form.
fn endpoint(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0u8..=3)? {
        0 | 1 => (*u.choose(&FIXED_ENDPOINTS)?).to_owned(),
        2 => {
            let mut region = label(u, 1, 40)?;
            if region == "internal" {
                region.insert_str(0, "x-");
            }
            let internal = if u.arbitrary()? { "-internal" } else { "" };
            format!("oss-{region}{internal}.aliyuncs.com")
        }
        _ => {
            let mut region = label(u, 1, 40)?;
            if region.starts_with("accelerate") {
                region.insert_str(0, "x-");
            }
            format!("{region}.oss.aliyuncs.com")
        }
    })
}

/// The object `bucket`/`key` (decoded) as an InputURL: `oss://` half the time, otherwise
/// `http(s)://` over any endpoint; scheme, bucket and host in any case; the key with escapes
/// the input chooses.
fn render_oss(u: &mut Unstructured<'_>, bucket: &str, key: &str) -> Result<String> {
    Ok(if u.arbitrary::<bool>()? {
        let scheme = if u.arbitrary()? {
            "https://"
        } else {
            "http://"
        };
        let scheme = mixed_case(u, scheme.to_owned())?;
        let endpoint = endpoint(u)?;
        let host = mixed_case(u, format!("{bucket}.{endpoint}"))?;
        format!("{scheme}{host}/{}", encode_key(u, key, true)?)
    } else {
        let scheme = mixed_case(u, "oss://".to_owned())?;
        let bucket = mixed_case(u, bucket.to_owned())?;
        format!("{scheme}{bucket}/{}", encode_key(u, key, false)?)
    })
}

/// An OSS InputURL in any form.
pub(crate) fn oss_input_url(u: &mut Unstructured<'_>) -> Result<InputUrl> {
    let bucket = bucket(u)?;
    let key = object_key(u)?;
    valid(render_oss(u, &bucket, &key)?)
}

/// A `vod://ID` InputURL, the scheme in any case, the ID following the `MediaId` rule.
pub(crate) fn vod_input_url(u: &mut Unstructured<'_>) -> Result<InputUrl> {
    let scheme = mixed_case(u, "vod://".to_owned())?;
    valid(format!("{scheme}{}", id_string(u)?))
}

/// `InputUrl`: OSS (`oss://BUCKET/KEY` or `http(s)://BUCKET.ENDPOINT/KEY`) seven times in
/// eight, `vod://ID` otherwise.
impl Generate for InputUrl {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        if one_in(u, 8)? {
            vod_input_url(u)
        } else {
            oss_input_url(u)
        }
    }
}

/// Another way of writing the object `url` names, so that [`InputUrl::same_object`] holds: for
/// OSS any form, endpoint, case and escapes of the same bucket and key; for `vod://` the
/// scheme in any case.
pub(crate) fn same_object_as(u: &mut Unstructured<'_>, url: &InputUrl) -> Result<InputUrl> {
    match (url.bucket(), url.object_key(), url.vod_id()) {
        (Some(bucket), Some(key), _) => valid(render_oss(u, bucket, key)?),
        (_, _, Some(id)) => {
            let scheme = mixed_case(u, "vod://".to_owned())?;
            valid(format!("{scheme}{id}"))
        }
        _ => Ok(url.clone()),
    }
}

/// A value when `set` (a choice read before, with the other fields' choices), else `None`.
fn given<T: Generate>(u: &mut Unstructured<'_>, set: bool) -> Result<Option<T>> {
    Ok(if set { Some(T::generate(u)?) } else { None })
}

/// `FieldUpdate<T>` of values of `value`: `Keep`, `Clear` or `Set`, equally likely; `Keep`
/// when the input is exhausted.
pub(crate) fn field_update<'a, T>(
    u: &mut Unstructured<'a>,
    value: impl FnOnce(&mut Unstructured<'a>) -> Result<T>,
) -> Result<FieldUpdate<T>> {
    let choice = u.int_in_range(0u8..=2)?;
    update_of(u, choice, value)
}

/// `Keep` (0), `Clear` (1) or `Set` (2) of `value`, by a choice read before.
fn update_of<'a, T>(
    u: &mut Unstructured<'a>,
    choice: u8,
    value: impl FnOnce(&mut Unstructured<'a>) -> Result<T>,
) -> Result<FieldUpdate<T>> {
    Ok(match choice {
        0 => FieldUpdate::Keep,
        1 => FieldUpdate::Clear,
        _ => FieldUpdate::Set(value(u)?),
    })
}

impl<T: Generate> Generate for FieldUpdate<T> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        field_update(u, T::generate)
    }
}

/// `TagsUpdate`: `Keep`, `Replace` or `Append` (no tags included), equally likely; `Keep`
/// when the input is exhausted.
impl Generate for TagsUpdate {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let choice = u.int_in_range(0u8..=2)?;
        tags_update_of(u, choice)
    }
}

/// `Keep` (0), `Replace` (1) or `Append` (2), by a choice read before.
fn tags_update_of(u: &mut Unstructured<'_>, choice: u8) -> Result<TagsUpdate> {
    Ok(match choice {
        0 => TagsUpdate::Keep,
        1 => TagsUpdate::Replace(MediaTags::generate(u)?),
        _ => TagsUpdate::Append(MediaTags::generate(u)?),
    })
}

/// `MediaTarget`: by `MediaId` alone, by `MediaId` with an `InputURL` beside it, or by
/// `InputURL` alone, equally likely.
impl Generate for MediaTarget {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=2)? {
            0 => MediaTarget::MediaId {
                id: MediaId::generate(u)?,
                input_url: None,
            },
            1 => MediaTarget::MediaId {
                id: MediaId::generate(u)?,
                input_url: Some(InputUrl::generate(u)?),
            },
            _ => MediaTarget::InputUrl(InputUrl::generate(u)?),
        })
    }
}

/// A field update aimed at a field whose value is `current`: `Keep`, `Clear`, a new value, or
/// (as often as a new one) the current value again.
fn field_near<T: Generate + Clone>(
    u: &mut Unstructured<'_>,
    current: Option<&T>,
    (near, choice): (u8, u8),
) -> Result<FieldUpdate<T>> {
    match (current, near) {
        (Some(v), 3) => Ok(FieldUpdate::Set(v.clone())),
        _ => update_of(u, choice, T::generate),
    }
}

/// The two choices of [`field_near`], read with the other fields' before any value.
fn near_choice(u: &mut Unstructured<'_>) -> Result<(u8, u8)> {
    Ok((u.int_in_range(0u8..=3)?, u.int_in_range(0u8..=2)?))
}

/// Tags for an update of `media`: a mix of some of its tags and new ones, in an order the
/// input chooses, at most 16 distinct, at most `new` of them new.
fn tags_near(u: &mut Unstructured<'_>, media: &MediaInfo, new: usize) -> Result<MediaTags> {
    let mut pool: Vec<Tag> = Vec::with_capacity(media.media_tags.len() + 6);
    for tag in &media.media_tags {
        if u.arbitrary::<bool>()? {
            pool.push(tag.clone());
        }
    }
    let count = usize::from(u.int_in_range(0u8..=6)?).min(new);
    for _ in 0..count {
        pool.push(Tag::generate(u)?);
    }
    // A shuffle the input drives.
    for i in (1..pool.len()).rev() {
        let j = u.int_in_range(0..=i)?;
        pool.swap(i, j);
    }
    let mut kept: Vec<Tag> = Vec::with_capacity(MediaTags::MAX_TAGS);
    for t in pool {
        if kept.len() < MediaTags::MAX_TAGS && !kept.contains(&t) {
            kept.push(t);
        }
    }
    MediaTags::try_from(kept).map_err(|_| Error::IncorrectFormat)
}

/// What the table gives the generators: an asset, a request, and a request aimed at an asset.
macro_rules! generate_records {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        /// `MediaInfo`: an ID and an InputURL, each other field set half of the time, the
        /// tags as [`MediaTags`]' generator gives them. No input gives
        /// [`MediaInfo::new`]`("a", "oss://aaa/a")`.
        impl Generate for MediaInfo {
            fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
                // Which fields are set, before any value (a fixed layout).
                let media_type = u.arbitrary::<bool>()?;
                let media_tags = u.arbitrary::<bool>()?;
                $($( let $field = u.arbitrary::<bool>()?; )?)*
                // Fields are evaluated in the order written.
                Ok(MediaInfo {
                    media_id: MediaId::generate(u)?,
                    input_url: InputUrl::generate(u)?,
                    media_type: given(u, media_type)?,
                    media_tags: if media_tags {
                        MediaTags::generate(u)?
                    } else {
                        MediaTags::new()
                    },
                    $($( $field: given(u, $field)?, )?)*
                })
            }
        }

        /// `UpdateMediaInfoRequest`: a target and an update of each field. Any such
        /// combination is one `from_params` can return (an empty tag list is `MediaTags=` on
        /// the wire, with `AppendTags=true` for an append), so every generated request
        /// survives `to_params` and `to_query` unchanged. No input gives `MediaId=a`.
        impl Generate for UpdateMediaInfoRequest {
            fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
                // What each field does, before any value (a fixed layout).
                let media_tags = u.int_in_range(0u8..=2)?;
                $($( let $field = u.int_in_range(0u8..=2)?; )?)*
                Ok(UpdateMediaInfoRequest {
                    target: MediaTarget::generate(u)?,
                    media_tags: tags_update_of(u, media_tags)?,
                    $($( $field: update_of(u, $field, <_>::generate)?, )?)*
                })
            }
        }

        /// A request aimed at `media`: the target is `media` (its `MediaId` alone, with
        /// another way of writing its `InputURL`, or that other `InputURL` alone); each field
        /// set to its current value as often as to a new one; the tags replaced or appended a
        /// mix of some of `media`'s and new ones, so appends skip present tags and sometimes
        /// go over 16 (one append in sixteen may; `apply_update` refuses it).
        pub(crate) fn request_for(
            u: &mut Unstructured<'_>,
            media: &MediaInfo,
        ) -> Result<UpdateMediaInfoRequest> {
            // Every choice before any value (a fixed layout).
            let target = u.int_in_range(0u8..=2)?;
            let media_tags = u.int_in_range(0u8..=5)?;
            // One append in sixteen may take the asset past 16 tags; the others add at most
            // what fits.
            let overflow = one_in(u, 16)?;
            $($( let $field = near_choice(u)?; )?)*
            let target = match target {
                0 => MediaTarget::MediaId {
                    id: media.media_id.clone(),
                    input_url: None,
                },
                1 => MediaTarget::MediaId {
                    id: media.media_id.clone(),
                    input_url: Some(same_object_as(u, &media.input_url)?),
                },
                _ => MediaTarget::InputUrl(same_object_as(u, &media.input_url)?),
            };
            let media_tags = match media_tags {
                0 => TagsUpdate::Keep,
                1 | 2 => TagsUpdate::Replace(tags_near(u, media, MediaTags::MAX_TAGS)?),
                _ => {
                    let room = if overflow {
                        MediaTags::MAX_TAGS
                    } else {
                        MediaTags::MAX_TAGS - media.media_tags.len()
                    };
                    TagsUpdate::Append(tags_near(u, media, room)?)
                }
            };
            Ok(UpdateMediaInfoRequest {
                target,
                media_tags,
                $($( $field: field_near(u, media.$field.as_ref(), $field)?, )?)*
            })
        }
    };
}
parameters!(generate_records);

/// The identifiers with the `MediaId` rule.
macro_rules! generate_ids {
    ($($ty:ty),*) => {$(
        impl Generate for $ty {
            fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
                valid(id_string(u)?)
            }
        }
    )*};
}
generate_ids!(
    crate::ClientToken,
    crate::WorkflowId,
    crate::SmartTagTemplateId
);

/// `s` as a JSON string.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    crate::value::json::write_string(&mut out, s).expect("writing to a String cannot fail");
    out
}

/// `UserData` of RegisterMediaInfo: a JSON object of up to four string members, within the
/// 1,024-byte limit.
pub(crate) fn user_data_object(u: &mut Unstructured<'_>) -> Result<UserData> {
    let mut s = String::from("{");
    for i in 0..u.int_in_range(0u8..=4)? {
        let key = ascii(u, ID_CHARS, 1, 16)?;
        let value = text(u, 1, 200, MULTI_LINE)?;
        let member = format!("{}:{}", json_string(&key), json_string(&value));
        if s.len() + member.len() + 2 > UserData::MAX_BYTES {
            break;
        }
        if i > 0 {
            s.push(',');
        }
        s.push_str(&member);
    }
    s.push('}');
    valid(s)
}

/// `RegisterConfig`: each member given or not, the flags either way, a start time of up to
/// 4 decimals, a library name of 1 to 64 bytes.
impl Generate for crate::RegisterConfig {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let mut c = crate::RegisterConfig::default();
        // Which members are given, before any value (a fixed layout).
        let given: [bool; 4] = u.arbitrary()?;
        if given[0] {
            c.need_sprite = Some(u.arbitrary()?);
        }
        if given[1] {
            c.need_snapshot = Some(u.arbitrary()?);
        }
        if given[2] {
            c.cover_start_time = Some(u.int_in_range(0..=36_000_000)?);
        }
        if given[3] {
            c.search_lib_name = Some(text(
                u,
                1,
                crate::RegisterConfig::MAX_SEARCH_LIB_NAME_BYTES,
                ONE_LINE,
            )?);
        }
        Ok(c)
    }
}

/// `RegisterMediaInfoRequest`: an InputURL and each optional parameter given or not, the
/// UserData a JSON object; where the type is `text` (given or inferred), the BusinessType is
/// `subtitles` or `font`. Every generated request is one `from_params` can return. No input
/// gives `InputURL=oss://aaa/a`.
impl Generate for crate::RegisterMediaInfoRequest {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        // Which parameters are given, before any value (a fixed layout).
        let [media_type, business_type, title, description, media_tags, cover_url, user_data, overwrite, client_token, register_config, cate_id, workflow_id, reference_id, smart_tag_template_id]: [bool; 14] =
            u.arbitrary()?;
        let mut r = crate::RegisterMediaInfoRequest::new(InputUrl::generate(u)?);
        r.media_type = given(u, media_type)?;
        r.business_type = given(u, business_type)?;
        r.title = given(u, title)?;
        r.description = given(u, description)?;
        if media_tags {
            r.media_tags = MediaTags::generate(u)?;
        }
        r.cover_url = given(u, cover_url)?;
        if user_data {
            r.user_data = Some(user_data_object(u)?);
        }
        r.overwrite = overwrite;
        r.client_token = given(u, client_token)?;
        r.register_config = given(u, register_config)?;
        r.cate_id = given(u, cate_id)?;
        r.workflow_id = given(u, workflow_id)?;
        r.reference_id = given(u, reference_id)?;
        r.smart_tag_template_id = given(u, smart_tag_template_id)?;
        if r.media_type_or_inferred() == Some(crate::MediaType::Text)
            && !matches!(
                r.business_type,
                Some(BusinessType::Subtitles | BusinessType::Font)
            )
        {
            r.business_type = Some(if u.arbitrary()? {
                BusinessType::Font
            } else {
                BusinessType::Subtitles
            });
        }
        Ok(r)
    }
}

/// Words of typical titles, descriptions and tags: ASCII mostly, some Chinese.
#[cfg(feature = "proptest")]
const WORDS: [&str; 24] = [
    "news",
    "sports",
    "travel",
    "vlog",
    "music",
    "live",
    "summer",
    "sunset",
    "city",
    "night",
    "intro",
    "review",
    "daily",
    "team",
    "match",
    "highlights",
    "trailer",
    "tutorial",
    "part",
    "2024",
    "旅行",
    "新闻",
    "体育",
    "音乐",
];

/// `min` to `max` words joined by `sep`, each drawn from [`WORDS`], at most `limit` bytes.
#[cfg(feature = "proptest")]
fn words(u: &mut Unstructured<'_>, min: u8, max: u8, sep: &str, limit: usize) -> Result<String> {
    let mut s = String::new();
    for i in 0..u.int_in_range(min..=max)? {
        let word = *u.choose(&WORDS)?;
        if s.len() + sep.len() + word.len() > limit {
            break;
        }
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(word);
    }
    if s.is_empty() {
        s.push_str("video");
    }
    Ok(s)
}

/// A request as clients typically send it, for benchmarks: found by a 32-hex-digit MediaId
/// (one in eight by an `oss://` InputURL of an `.mp4`), a title of a few words half of the
/// time, a description of a sentence or two one time in three, one to five tags one in
/// three (appended one in four of those), a small CateId one in four, a short JSON UserData,
/// a cover, a category, a BusinessType with a ReferenceId one in eight each. The limits are the
/// other strategies' business.
#[cfg(feature = "proptest")]
pub(crate) fn typical_request(u: &mut Unstructured<'_>) -> Result<UpdateMediaInfoRequest> {
    let set: [u8; 10] = u.arbitrary()?;
    let chance = |i: usize, one_in: u8| set.get(i).is_some_and(|b| b % one_in == 0);
    let target = if chance(0, 8) {
        MediaTarget::InputUrl(valid(format!(
            "oss://example-bucket/videos/{}.mp4",
            words(u, 1, 3, "-", 60)?
        ))?)
    } else {
        MediaTarget::MediaId {
            id: valid(ascii(u, HEX_DIGITS, 32, 32)?)?,
            input_url: None,
        }
    };
    let mut r = UpdateMediaInfoRequest::new(target);
    let text = |u: &mut Unstructured<'_>, min, max, limit| words(u, min, max, " ", limit);
    if chance(1, 2) {
        r.title = FieldUpdate::Set(valid(text(u, 1, 6, Title::MAX_BYTES)?)?);
    }
    if chance(2, 3) {
        r.description = FieldUpdate::Set(valid(text(u, 5, 30, Description::MAX_BYTES)?)?);
    }
    if chance(3, 3) {
        let tags: MediaTags = valid(words(u, 1, 5, ",", 200)?)?;
        r.media_tags = if chance(4, 4) {
            TagsUpdate::Append(tags)
        } else {
            TagsUpdate::Replace(tags)
        };
    }
    if chance(5, 4) {
        r.cate_id = FieldUpdate::Set(
            CateId::try_from(u.int_in_range(1..=9_999)?).map_err(|_| Error::IncorrectFormat)?,
        );
    }
    if chance(6, 8) {
        let word = *u.choose(&WORDS)?;
        r.user_data = FieldUpdate::Set(valid(format!("{{\"source\":\"{word}\"}}"))?);
    }
    if chance(7, 8) {
        r.cover_url = FieldUpdate::Set(valid(format!(
            "https://example-bucket.oss-cn-shanghai.aliyuncs.com/covers/{}.jpg",
            words(u, 1, 2, "-", 40)?
        ))?);
    }
    if chance(8, 8) {
        r.category = FieldUpdate::Set(valid(text(u, 1, 2, Category::MAX_BYTES)?)?);
    }
    if chance(9, 8) {
        r.business_type = FieldUpdate::Set(*u.choose(&BusinessType::ALL)?);
        r.reference_id = FieldUpdate::Set(valid(ascii(u, ID_CHARS, 8, 24)?)?);
    }
    Ok(r)
}
