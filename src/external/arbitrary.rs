//! `arbitrary::Arbitrary` for every type (feature `arbitrary`), so that cargo-fuzz targets of
//! the crate's users can be structure-aware.
//!
//! Every impl builds a **valid** value from **any** bytes: it does not try a string and give
//! up when the string is invalid, it maps the bytes onto the rules (characters chosen from an
//! alphabet by index, lengths drawn inside the limits, bytes cut at character boundaries).
//! When the input runs out, [`Unstructured`] supplies zeros, which give the shortest and
//! plainest values (`"a"`, [`FieldUpdate::Keep`], no tags), so no impl ever fails with
//! [`arbitrary::Error::NotEnoughData`]. Each value still goes through its type's validating
//! constructor at the end; [`arbitrary::Error::IncorrectFormat`] would mean a bug of this
//! module, and the tests generate from many inputs to show that it does not happen.
//!
//! The values lean towards the limits: about one string in four is exactly at its byte
//! limit, ending with a multi-byte character when the limit falls after one; tags come 16 at
//! a time; object keys reach 1,023 decoded bytes; every InputURL form and every
//! `BusinessType` occurs. Texts mix ASCII (with the characters that matter on the wire: `,`
//! `&` `=` `+` `%` space), two-, three- and four-byte characters (accents, combining marks,
//! CJK, the full-width comma, U+3000, zero-width joiners, emoji) and any other Unicode
//! scalar value a rule allows.
//!
//! A generated [`UpdateMediaInfoRequest`] is always one that
//! [`UpdateMediaInfoRequest::from_params`] can return, so it survives
//! [`UpdateMediaInfoRequest::to_params`] and [`UpdateMediaInfoRequest::to_query`] unchanged.
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use ims_media::UpdateMediaInfoRequest;
//!
//! let bytes = [7u8, 1, 200, 3, 99, 42, 5, 0, 255, 18, 77, 2, 9, 150, 4, 61];
//! let request = UpdateMediaInfoRequest::arbitrary(&mut Unstructured::new(&bytes))?;
//! let back = UpdateMediaInfoRequest::from_params(request.to_params());
//! assert_eq!(back, Ok(request));
//! # Ok::<(), arbitrary::Error>(())
//! ```

use crate::generate::{FIXED_ENDPOINTS, HEX_DIGITS, ID_CHARS, LABEL_CHARS};
use arbitrary::{Arbitrary, Error, Result, Unstructured};

use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, FieldUpdate, InputUrl, MediaId,
    MediaInfo, MediaTags, MediaTarget, Param, ReferenceId, Tag, TagsUpdate, Title,
    UpdateMediaInfoRequest, UserData,
};

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

/// What a text may hold besides the characters every text allows.
#[derive(Clone, Copy)]
struct Allow {
    line_breaks: bool,
    comma: bool,
}

/// Title, Category and URL text: one line, commas allowed.
const ONE_LINE: Allow = Allow {
    line_breaks: false,
    comma: true,
};
/// Description and UserData: TAB, LF and CR allowed too.
const MULTI_LINE: Allow = Allow {
    line_breaks: true,
    comma: true,
};
/// A tag: one line, no comma.
const TAG_TEXT: Allow = Allow {
    line_breaks: false,
    comma: false,
};

/// One time in `n`; never when the input is exhausted.
fn one_in(u: &mut Unstructured<'_>, n: u8) -> Result<bool> {
    Ok(u.int_in_range(1..=n)? == n)
}

/// A length from `min` to `max`: mostly anywhere, one time in eight `min`, one in four `max`.
/// No input gives `min`.
fn biased_len(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<usize> {
    match u.int_in_range(0u8..=7)? {
        5 => Ok(min),
        6 | 7 => Ok(max),
        _ => u.int_in_range(min..=max),
    }
}

/// A character of at most `room` (≥ 1) bytes that `allow` permits. When the drawn character
/// does not fit, one of exactly `room` bytes is taken, so a text reaches its target length
/// with a multi-byte character at the end.
fn text_char(u: &mut Unstructured<'_>, room: usize, allow: Allow) -> Result<char> {
    let pick = u.arbitrary::<u8>()?;
    let permitted = |c: char| {
        (!c.is_control() || (allow.line_breaks && LINE_BREAKS.contains(&c)))
            && (allow.comma || c != ',')
    };
    let drawn = match pick {
        0..=127 => ONE_BYTE[usize::from(pick) % ONE_BYTE.len()],
        128..=159 => TWO_BYTES[usize::from(pick) % TWO_BYTES.len()],
        160..=199 => THREE_BYTES[usize::from(pick) % THREE_BYTES.len()],
        200..=219 => FOUR_BYTES[usize::from(pick) % FOUR_BYTES.len()],
        220..=229 => LINE_BREAKS[usize::from(pick) % LINE_BREAKS.len()],
        // Any Unicode scalar value.
        _ => char::from_u32(u.int_in_range(0u32..=0x10_FFFF)?).unwrap_or('\u{FFFD}'),
    };
    let c = if drawn.len_utf8() <= room {
        drawn
    } else {
        let exact: &[char] = match room {
            1 => ONE_BYTE,
            2 => TWO_BYTES,
            _ => THREE_BYTES,
        };
        exact[usize::from(pick) % exact.len()]
    };
    Ok(if permitted(c) { c } else { 'x' })
}

/// A text of 1 to `max` bytes, biased towards `max`.
fn text(u: &mut Unstructured<'_>, max: usize, allow: Allow) -> Result<String> {
    let target = biased_len(u, 1, max)?;
    let mut s = String::with_capacity(target);
    while s.len() < target {
        s.push(text_char(u, target - s.len(), allow)?);
    }
    Ok(s)
}

/// A string of `min` to `max` characters of `alphabet` (ASCII), biased towards both ends.
fn ascii(u: &mut Unstructured<'_>, alphabet: &[u8], min: usize, max: usize) -> Result<String> {
    let len = biased_len(u, min, max)?;
    let mut s = String::with_capacity(len);
    for _ in 0..len {
        s.push(char::from(*u.choose(alphabet)?));
    }
    Ok(s)
}

/// A DNS label of `a-z 0-9 -`, `min` to `max` characters, a letter or digit at both ends.
fn label(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<String> {
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

/// `MediaId`: 1 to 64 characters of `A-Z a-z 0-9 - _`; one time in four an IMS-style ID of 32
/// lower-case hex digits, one in eight a public-library ID (`icepublic-` and 32 hex digits).
impl<'a> Arbitrary<'a> for MediaId {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let s = match u.int_in_range(0u8..=7)? {
            0..=3 => ascii(u, ID_CHARS, 1, 64)?,
            4 | 5 => ascii(u, HEX_DIGITS, 32, 32)?,
            6 => format!("icepublic-{}", ascii(u, HEX_DIGITS, 32, 32)?),
            _ => ascii(u, ID_CHARS, 64, 64)?,
        };
        valid(s)
    }
}

/// `ReferenceId`: 6 to 64 characters of `A-Z a-z 0-9 - _`, biased towards 6 and 64.
impl<'a> Arbitrary<'a> for ReferenceId {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        valid(ascii(u, ID_CHARS, 6, 64)?)
    }
}

/// `CateId`: 1 to `i64::MAX`; mostly small numbers, one time in eight 1, one in eight
/// `i64::MAX`, one in four anywhere in the range.
impl<'a> Arbitrary<'a> for CateId {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
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
impl<'a> Arbitrary<'a> for BusinessType {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        u.choose(&BusinessType::ALL).copied()
    }
}

/// `Param`: any of [`Param::ALL`], equally likely.
impl<'a> Arbitrary<'a> for Param {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        u.choose(&Param::ALL).copied()
    }
}

/// `Title`: 1 to 128 bytes without control characters, biased towards 128.
impl<'a> Arbitrary<'a> for Title {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        valid(text(u, Title::MAX_BYTES, ONE_LINE)?)
    }
}

/// `Description`: 1 to 1,024 bytes, TAB, LF and CR included, no other control character;
/// biased towards 1,024.
impl<'a> Arbitrary<'a> for Description {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        valid(text(u, Description::MAX_BYTES, MULTI_LINE)?)
    }
}

/// `Category`: 1 to 64 bytes without control characters, biased towards 64.
impl<'a> Arbitrary<'a> for Category {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        valid(text(u, Category::MAX_BYTES, ONE_LINE)?)
    }
}

/// `UserData`: 1 to 1,024 bytes, TAB, LF and CR included, no other control character;
/// biased towards 1,024.
impl<'a> Arbitrary<'a> for UserData {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        valid(text(u, UserData::MAX_BYTES, MULTI_LINE)?)
    }
}

/// `Tag`: 1 to 32 bytes without control characters or `,`, trimmed of white space at both
/// ends (white space inside is kept); biased towards 32 bytes. A draw that is only white
/// space becomes `t`.
impl<'a> Arbitrary<'a> for Tag {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let s = text(u, Tag::MAX_BYTES, TAG_TEXT)?;
        let trimmed = s.trim();
        valid(if trimmed.is_empty() {
            "t".to_owned()
        } else {
            trimmed.to_owned()
        })
    }
}

/// `MediaTags`: 0 to 16 distinct tags; one time in four exactly 16, where a tag drawn twice is
/// made distinct with a numeric prefix (cut back to 32 bytes on a grapheme boundary).
impl<'a> Arbitrary<'a> for MediaTags {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let full = one_in(u, 4)?;
        let count = if full {
            MediaTags::MAX_TAGS
        } else {
            u.int_in_range(0..=MediaTags::MAX_TAGS)?
        };
        let mut tags: Vec<Tag> = Vec::with_capacity(count);
        for i in 0..count {
            let mut tag = Tag::arbitrary(u)?;
            if full && tags.contains(&tag) {
                tag = Tag::truncated(&format!("{i}-{tag}")).map_err(|_| Error::IncorrectFormat)?;
            }
            tags.push(tag);
        }
        MediaTags::try_from(tags).map_err(|_| Error::IncorrectFormat)
    }
}

/// A path, query and fragment for a cover URL: no white space or control character.
fn url_tail_char(u: &mut Unstructured<'_>, room: usize) -> Result<char> {
    let c = text_char(u, room, ONE_LINE)?;
    // White space is refused everywhere in a URL, `\` before the query (a browser reads it
    // as `/`): both become characters that keep the length.
    Ok(match c {
        c if c.is_whitespace() => '_',
        '\\' => '/',
        c => c,
    })
}

/// `CoverUrl`: `http://` or `https://` (sometimes in upper or mixed case), a host (a domain,
/// an OSS host, an IPv4 or IPv6 literal, an `xn--` domain), sometimes a port from 1 to 65535,
/// sometimes a query of parameters that look like a signature but do not make the URL signed
/// by OSS, then a path that may hold a query and a fragment, non-ASCII characters, `%`, `&`, `=`;
/// 1 to 128 bytes, biased towards 128, never white space or a control character.
impl<'a> Arbitrary<'a> for CoverUrl {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        const SCHEMES: [&str; 6] = [
            "https://", "http://", "https://", "http://", "HTTPS://", "Http://",
        ];
        const HOSTS: [&str; 6] = [
            "example.com",
            "example-bucket.oss-cn-shanghai.aliyuncs.com",
            "127.0.0.1",
            "[::1]",
            "xn--r8jz45g.jp",
            "cdn.example.com",
        ];
        let mut s = String::from(*u.choose(&SCHEMES)?);
        if one_in(u, 4)? {
            s.push_str(&label(u, 1, 20)?);
            s.push_str(".example.com");
        } else {
            s.push_str(u.choose(&HOSTS)?);
        }
        if one_in(u, 8)? {
            s.push(':');
            s.push_str(&u.int_in_range(1u32..=65_535)?.to_string());
        }
        s.push_str(u.choose(crate::generate::COVER_QUERIES)?);
        let target = biased_len(u, s.len(), CoverUrl::MAX_BYTES)?;
        if s.len() < target && !s.ends_with(['&', '#']) {
            s.push('/');
        }
        while s.len() < target {
            s.push(url_tail_char(u, target - s.len())?);
        }
        valid(s)
    }
}

/// A character of a decoded object key, at most `room` bytes.
fn key_char(u: &mut Unstructured<'_>, room: usize) -> Result<char> {
    const KEY_CHARS: [char; 12] = ['/', '.', '-', '_', ' ', '+', '%', '?', '#', '\\', '&', '='];
    if one_in(u, 4)? {
        return Ok(*u.choose(&KEY_CHARS)?);
    }
    text_char(u, room, ONE_LINE)
}

/// How the key of a generated InputURL is percent-encoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Escapes {
    /// Only `%`, `?` and `#`, which cannot appear raw.
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

/// An object key of 1 to 1,023 decoded bytes (biased towards 1,023), not starting with `/` or
/// `\`, without control characters, written with the escapes `escapes` says; `web` (the
/// `http(s)://` forms) escapes `\` too, which a browser would read as `/`.
fn object_key(u: &mut Unstructured<'_>, web: bool) -> Result<String> {
    let escapes = match u.int_in_range(0u8..=3)? {
        0 | 1 => Escapes::Needed,
        2 => Escapes::Sdk,
        _ => Escapes::Mixed,
    };
    let target = biased_len(u, 1, InputUrl::MAX_KEY_BYTES)?;
    let mut decoded_len = 0;
    let mut out = String::with_capacity(target);
    while decoded_len < target {
        let mut c = key_char(u, target - decoded_len)?;
        if decoded_len == 0 && matches!(c, '/' | '\\') {
            c = 'k';
        }
        decoded_len += c.len_utf8();
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
        _ => format!("{}.oss.aliyuncs.com", label(u, 1, 40)?),
    })
}

/// `InputUrl`: one of the three forms — `oss://BUCKET/KEY` (half the time),
/// `http(s)://BUCKET.ENDPOINT/KEY` over every kind of OSS endpoint, `vod://ID` — with
/// schemes, buckets and hosts sometimes in upper or mixed case, buckets of 3 to 63
/// characters and keys of 1 to 1,023 decoded bytes (both biased towards their limits), keys
/// with `/`, spaces, `+`, non-ASCII characters, and escapes in upper or lower case: only the
/// needed ones (`%`, `?`, `#`), every byte as the SDKs encode, or a mix.
impl<'a> Arbitrary<'a> for InputUrl {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let url = match u.int_in_range(0u8..=7)? {
            0..=3 => {
                let scheme = mixed_case(u, "oss://".to_owned())?;
                let bucket = label(u, 3, 63)?;
                let bucket = mixed_case(u, bucket)?;
                format!("{scheme}{bucket}/{}", object_key(u, false)?)
            }
            4..=6 => {
                let scheme = if u.arbitrary()? {
                    "https://"
                } else {
                    "http://"
                };
                let scheme = mixed_case(u, scheme.to_owned())?;
                let bucket = label(u, 3, 63)?;
                let host = format!("{bucket}.{}", endpoint(u)?);
                let host = mixed_case(u, host)?;
                format!("{scheme}{host}/{}", object_key(u, true)?)
            }
            _ => {
                let scheme = mixed_case(u, "vod://".to_owned())?;
                format!("{scheme}{}", ascii(u, ID_CHARS, 1, 64)?)
            }
        };
        valid(url)
    }
}

/// `FieldUpdate<T>`: `Keep`, `Clear` or `Set` with an arbitrary `T`, equally likely; `Keep`
/// when the input is exhausted.
impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for FieldUpdate<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=2)? {
            0 => FieldUpdate::Keep,
            1 => FieldUpdate::Clear,
            _ => FieldUpdate::Set(T::arbitrary(u)?),
        })
    }
}

/// `TagsUpdate`: `Keep`, `Replace` or `Append` with arbitrary tags (none included), equally
/// likely; `Keep` when the input is exhausted.
impl<'a> Arbitrary<'a> for TagsUpdate {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=2)? {
            0 => TagsUpdate::Keep,
            1 => TagsUpdate::Replace(MediaTags::arbitrary(u)?),
            _ => TagsUpdate::Append(MediaTags::arbitrary(u)?),
        })
    }
}

/// `MediaTarget`: by `MediaId` alone, by `MediaId` with an `InputURL` beside it, or by
/// `InputURL` alone, equally likely. The parts are independent: to aim a request at a given
/// asset, overwrite the target.
impl<'a> Arbitrary<'a> for MediaTarget {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=2)? {
            0 => MediaTarget::MediaId {
                id: MediaId::arbitrary(u)?,
                input_url: None,
            },
            1 => MediaTarget::MediaId {
                id: MediaId::arbitrary(u)?,
                input_url: Some(InputUrl::arbitrary(u)?),
            },
            _ => MediaTarget::InputUrl(InputUrl::arbitrary(u)?),
        })
    }
}

/// `MediaInfo`: an arbitrary ID and InputURL, each other field set or not (half the time),
/// tags as [`MediaTags`]' impl gives them.
impl<'a> Arbitrary<'a> for MediaInfo {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(MediaInfo {
            media_id: u.arbitrary()?,
            input_url: u.arbitrary()?,
            business_type: u.arbitrary()?,
            title: u.arbitrary()?,
            description: u.arbitrary()?,
            category: u.arbitrary()?,
            media_tags: u.arbitrary()?,
            cover_url: u.arbitrary()?,
            user_data: u.arbitrary()?,
            cate_id: u.arbitrary()?,
            reference_id: u.arbitrary()?,
        })
    }
}

/// `UpdateMediaInfoRequest`: an arbitrary target and an arbitrary update of each field. Any
/// such combination is one [`UpdateMediaInfoRequest::from_params`] can return (an empty tag
/// list is `MediaTags=` on the wire, with `AppendTags=true` for an append), so every
/// generated request survives `to_params` and `to_query` unchanged.
impl<'a> Arbitrary<'a> for UpdateMediaInfoRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(UpdateMediaInfoRequest {
            target: u.arbitrary()?,
            business_type: u.arbitrary()?,
            title: u.arbitrary()?,
            description: u.arbitrary()?,
            category: u.arbitrary()?,
            media_tags: u.arbitrary()?,
            cover_url: u.arbitrary()?,
            user_data: u.arbitrary()?,
            cate_id: u.arbitrary()?,
            reference_id: u.arbitrary()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random inputs of every length from 0 to 4,000 bytes.
    fn inputs() -> impl Iterator<Item = Vec<u8>> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..1500).map(move |i| {
            let len = if i < 64 { i } else { (i * 37) % 4000 };
            (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state.to_le_bytes()[0]
                })
                .collect()
        })
    }

    #[track_caller]
    fn generate<T: for<'a> Arbitrary<'a>>(bytes: &[u8]) -> T {
        match T::arbitrary(&mut Unstructured::new(bytes)) {
            Ok(v) => v,
            Err(e) => panic!("{} from {bytes:?}: {e}", std::any::type_name::<T>()),
        }
    }

    #[test]
    fn every_input_gives_valid_values_that_round_trip() {
        for bytes in inputs() {
            let b = &bytes[..];
            let id: MediaId = generate(b);
            assert_eq!(id.as_str().parse(), Ok(id));
            let id: ReferenceId = generate(b);
            assert_eq!(id.as_str().parse(), Ok(id));
            let n: CateId = generate(b);
            assert_eq!(n.to_string().parse(), Ok(n));
            let t: Title = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: Description = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: Category = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: UserData = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: Tag = generate(b);
            assert_eq!(t.as_str().parse(), Ok(t));
            let t: MediaTags = generate(b);
            assert!(t.len() <= MediaTags::MAX_TAGS);
            assert_eq!(t.to_string().parse(), Ok(t));
            let c: CoverUrl = generate(b);
            assert_eq!(c.as_str().parse(), Ok(c));
            let url: InputUrl = generate(b);
            assert_eq!(url.as_str().parse(), Ok(url));
            let _: BusinessType = generate(b);
            let _: Param = generate(b);
            let _: MediaInfo = generate(b);
            let r: UpdateMediaInfoRequest = generate(b);
            assert_eq!(
                UpdateMediaInfoRequest::from_params(r.to_params()),
                Ok(r.clone())
            );
            assert_eq!(UpdateMediaInfoRequest::from_query(&r.to_query()), Ok(r));
        }
    }

    #[test]
    fn no_input_gives_the_plainest_values() {
        assert_eq!(generate::<MediaId>(&[]).as_str(), "a");
        assert_eq!(generate::<ReferenceId>(&[]).as_str(), "aaaaaa");
        assert_eq!(generate::<Title>(&[]).as_str(), "a");
        assert_eq!(generate::<Tag>(&[]).as_str(), "a");
        assert_eq!(generate::<CateId>(&[]).get(), 1);
        assert_eq!(generate::<CoverUrl>(&[]).as_str(), "https://example.com");
        assert_eq!(generate::<InputUrl>(&[]).as_str(), "oss://aaa/a");
        assert!(generate::<MediaTags>(&[]).is_empty());
        assert_eq!(generate::<FieldUpdate<Title>>(&[]), FieldUpdate::Keep);
        assert_eq!(generate::<TagsUpdate>(&[]), TagsUpdate::Keep);
        let r: UpdateMediaInfoRequest = generate(&[]);
        assert_eq!(r.to_query(), "MediaId=a");
    }

    #[test]
    fn values_reach_the_limits() {
        let mut seen = [false; 8];
        for bytes in inputs() {
            let b = &bytes[..];
            let t: Title = generate(b);
            let last = t.as_str().chars().next_back().map_or(0, char::len_utf8);
            seen[0] |= t.as_str().len() == Title::MAX_BYTES && last > 1;
            seen[1] |= generate::<Description>(b).as_str().len() == Description::MAX_BYTES;
            seen[2] |= generate::<Tag>(b).as_str().len() == Tag::MAX_BYTES;
            let tags: MediaTags = generate(b);
            seen[3] |= tags.len() == MediaTags::MAX_TAGS;
            let url: InputUrl = generate(b);
            seen[4] |= url.object_key().map(str::len) == Some(InputUrl::MAX_KEY_BYTES);
            seen[5] |= url.is_vod();
            seen[6] |= url.host().is_some() && url.region().is_none();
            seen[7] |= generate::<CoverUrl>(b).as_str().len() == CoverUrl::MAX_BYTES;
        }
        assert_eq!(seen, [true; 8]);
        let kinds: std::collections::HashSet<BusinessType> =
            (0..=255u8).map(|b| generate(&[b])).collect();
        assert_eq!(kinds.len(), BusinessType::ALL.len());
    }

    /// Every variant and every promised form is reached, so that a fuzzer built on these impls
    /// cannot silently stop reaching a feature (an impl always giving `Keep`, an ID never at
    /// its longest).
    #[test]
    fn every_variant_and_form_is_reached() {
        use std::collections::HashSet;
        // The fields that a request keeps, clears or sets, and that an asset has or not.
        const SINGLE_VALUED: [Param; 8] = [
            Param::BusinessType,
            Param::Title,
            Param::Description,
            Param::Category,
            Param::CoverUrl,
            Param::UserData,
            Param::CateId,
            Param::ReferenceId,
        ];
        let mut fields: HashSet<String> = HashSet::new();
        let mut seen: HashSet<&'static str> = HashSet::new();
        let mut mark = |what: &'static str, hit: bool| {
            if hit {
                seen.insert(what);
            }
        };
        for bytes in inputs() {
            let b = &bytes[..];
            let id: MediaId = generate(b);
            mark("MediaId 1", id.as_str().len() == 1);
            mark("MediaId 64", id.as_str().len() == 64);
            mark(
                "MediaId hex",
                id.as_str().len() == 32 && id.as_str().bytes().all(|c| c.is_ascii_hexdigit()),
            );
            mark("MediaId public", id.as_str().starts_with("icepublic-"));
            let r: ReferenceId = generate(b);
            mark("ReferenceId 6", r.as_str().len() == 6);
            mark("ReferenceId 64", r.as_str().len() == 64);
            let c: CateId = generate(b);
            mark("CateId 1", c.get() == 1);
            mark("CateId max", c.get() == i64::MAX);
            mark("CateId other", c.get() > 1 && c.get() < i64::MAX);
            let url: InputUrl = generate(b);
            mark("InputURL oss", url.is_oss() && url.host().is_none());
            mark("InputURL http", url.scheme().eq_ignore_ascii_case("http"));
            mark("InputURL https", url.scheme().eq_ignore_ascii_case("https"));
            mark("InputURL vod", url.is_vod());
            let cover: CoverUrl = generate(b);
            mark("CoverURL http", cover.scheme().eq_ignore_ascii_case("http"));
            mark(
                "CoverURL https",
                cover.scheme().eq_ignore_ascii_case("https"),
            );
            match generate::<TagsUpdate>(b) {
                TagsUpdate::Keep => mark("tags keep", true),
                TagsUpdate::Replace(t) => mark(
                    if t.is_empty() {
                        "tags clear"
                    } else {
                        "tags replace"
                    },
                    true,
                ),
                TagsUpdate::Append(t) => mark(
                    if t.is_empty() {
                        "tags append none"
                    } else {
                        "tags append"
                    },
                    true,
                ),
            }
            match generate::<MediaTarget>(b) {
                MediaTarget::MediaId {
                    input_url: None, ..
                } => mark("target id", true),
                MediaTarget::MediaId {
                    input_url: Some(_), ..
                } => mark("target id and url", true),
                MediaTarget::InputUrl(_) => mark("target url", true),
            }
            // Each field's state, read from the wire form: absent keeps, empty clears.
            let r: UpdateMediaInfoRequest = generate(b);
            let params = r.to_params();
            for p in SINGLE_VALUED {
                let state = match params.iter().find(|(name, _)| *name == p.name()) {
                    None => "keep",
                    Some((_, v)) if v.is_empty() => "clear",
                    Some(_) => "set",
                };
                fields.insert(format!("request {p} {state}"));
            }
            let m: MediaInfo = generate(b);
            let set = m.as_patch();
            for (name, value) in set.members() {
                fields.insert(format!("media {name} {}", value.is_some()));
            }
        }
        let params: HashSet<Param> = (0..=255u8).map(|b| generate(&[b])).collect();
        assert_eq!(params.len(), Param::ALL.len());
        let mut want: Vec<String> = [
            "MediaId 1",
            "MediaId 64",
            "MediaId hex",
            "MediaId public",
            "ReferenceId 6",
            "ReferenceId 64",
            "CateId 1",
            "CateId max",
            "CateId other",
            "InputURL oss",
            "InputURL http",
            "InputURL https",
            "InputURL vod",
            "CoverURL http",
            "CoverURL https",
            "tags keep",
            "tags clear",
            "tags replace",
            "tags append none",
            "tags append",
            "target id",
            "target id and url",
            "target url",
        ]
        .map(String::from)
        .to_vec();
        for p in SINGLE_VALUED {
            for state in ["keep", "clear", "set"] {
                want.push(format!("request {p} {state}"));
            }
        }
        for p in Param::ALL {
            if !matches!(p, Param::MediaId | Param::InputUrl | Param::AppendTags) {
                for set in [true, false] {
                    want.push(format!("media {p} {set}"));
                }
            }
        }
        let missing: Vec<&String> = want
            .iter()
            .filter(|w| !seen.contains(w.as_str()) && !fields.contains(*w))
            .collect();
        assert!(missing.is_empty(), "never generated: {missing:?}");
    }
}
