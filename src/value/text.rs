//! The text rules shared by `Title`, `Description`, `Category`, `Tag` and `UserData`: the
//! bounded-text check (not empty, a byte limit on UTF-8 bytes, a control-character policy),
//! grapheme-aware truncation, and the compile-time check behind `from_static`.
//!
//! # Design note
//!
//! The control-character scan reads fixed chunks with a branch-free test the compiler
//! vectorises, and byte by byte only a chunk that may hold a refused character. Its two
//! helpers are `#[inline(always)]`: without, `Description::from_str` of 200 ASCII bytes
//! measured 1.62× of a copy instead of 1.33× (`benches/values.rs`).

use unicode_segmentation::UnicodeSegmentation;

use crate::error::{Excerpt, ParamErrorKind, Unit};

/// Which control characters (Unicode general category Cc) a text allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Controls {
    /// None at all (`Title`, `Category`, tags).
    Reject,
    /// TAB, LF and CR; every other Cc character is refused (`Description`, `UserData`).
    AllowTabLineBreaks,
}

/// Checks `s` against the rules of a bounded text: 1 to `max` bytes, and no control character
/// that `controls` refuses. Runs in one pass over the bytes and allocates only for the error.
pub(crate) fn check(s: &str, max: usize, controls: Controls) -> Result<(), ParamErrorKind> {
    check_len(s, max)?;
    check_controls(s, controls)
}

/// The length half of [`check`]: 1 to `max` bytes.
pub(crate) fn check_len(s: &str, max: usize) -> Result<(), ParamErrorKind> {
    if s.is_empty() {
        return Err(ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Bytes,
        });
    }
    if s.len() > max {
        return Err(ParamErrorKind::TooLong {
            max,
            found: s.len(),
            unit: Unit::Bytes,
        });
    }
    Ok(())
}

/// The control-character half of [`check`]: no control character that `controls` refuses.
pub(crate) fn check_controls(s: &str, controls: Controls) -> Result<(), ParamErrorKind> {
    match find_control(s, controls) {
        Some((at, ch)) => Err(ParamErrorKind::ControlCharacter {
            ch,
            at,
            value: Excerpt::new(s),
        }),
        None => Ok(()),
    }
}

/// The first control character that `controls` refuses, with its byte offset.
///
/// Cc is U+0000–U+001F, U+007F and U+0080–U+009F. In UTF-8 the first two are single bytes
/// and the last is `0xC2` followed by `0x80..=0x9F`, so a byte scan finds them all.
///
/// The scan reads [`CHUNK`] bytes at a time with a branch-free test that the compiler turns
/// into vector instructions ([`may_hold_control`]); only a chunk that may hold a refused
/// character is read again byte by byte ([`find_control_in`]), so the answer is exactly that
/// of the byte scan.
pub(crate) fn find_control(s: &str, controls: Controls) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    match bytes.len() {
        0..=15 => find_control_in(bytes, 0, bytes.len(), controls),
        16..=63 => find_control_by::<16>(bytes, controls),
        64..=255 => find_control_by::<32>(bytes, controls),
        _ => find_control_by::<128>(bytes, controls),
    }
}

/// [`find_control`] on `N` bytes at a time, for a text of at least `N` bytes: whole chunks,
/// then the last `N` bytes (which overlap bytes already tested) for the rest.
// Always inlined: see the design note.
#[inline(always)]
fn find_control_by<const N: usize>(bytes: &[u8], controls: Controls) -> Option<(usize, char)> {
    let mut start = 0;
    for chunk in bytes.chunks_exact(N) {
        let chunk = chunk.first_chunk::<N>()?;
        if may_hold_control(chunk, controls) {
            if let Some(found) = find_control_in(bytes, start, start + N, controls) {
                return Some(found);
            }
        }
        start += N;
    }
    if start < bytes.len() {
        let last = bytes.last_chunk::<N>()?;
        if may_hold_control(last, controls) {
            return find_control_in(bytes, start, bytes.len(), controls);
        }
    }
    None
}

/// Whether `chunk` holds a byte that may start a refused control character: below 0x20 (but
/// TAB, LF and CR when they are allowed), 0x7F, or 0xC2 (the lead byte of U+0080–U+00BF,
/// which holds the C1 controls).
///
/// The common case, printable ASCII, costs a minimum and a maximum per byte with no branch,
/// which the compiler runs on vector registers; a chunk with other bytes is tested for 0x7F
/// and 0xC2 the same way, and one holding a TAB, LF or CR is looked at again only when those
/// are allowed.
// Always inlined: see the design note.
#[inline(always)]
fn may_hold_control<const N: usize>(chunk: &[u8; N], controls: Controls) -> bool {
    // Printable ASCII only (the common case): a minimum and a maximum per byte.
    let (mut least, mut most) = (u8::MAX, 0);
    for &b in chunk {
        least = least.min(b);
        most = most.max(b);
    }
    if least >= 0x20 && most < 0x7F {
        return false;
    }
    let mut marked = 0u8;
    for &b in chunk {
        marked |= u8::from(b == 0x7F) | u8::from(b == 0xC2);
    }
    if marked != 0 {
        return true;
    }
    if least >= 0x20 {
        return false;
    }
    match controls {
        Controls::Reject => true,
        Controls::AllowTabLineBreaks => chunk.iter().fold(false, |found, &b| {
            found | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
        }),
    }
}

/// The first control character that `controls` refuses starting in `bytes[from..to]`; a
/// two-byte character may end past `to`.
fn find_control_in(
    bytes: &[u8],
    from: usize,
    to: usize,
    controls: Controls,
) -> Option<(usize, char)> {
    let allowed =
        |b: u8| controls == Controls::AllowTabLineBreaks && matches!(b, b'\t' | b'\n' | b'\r');
    let mut i = from;
    while i < to {
        let b = *bytes.get(i)?;
        if b < 0x20 || b == 0x7F {
            if !allowed(b) {
                return Some((i, char::from(b)));
            }
        } else if b == 0xC2 {
            if let Some(&next) = bytes.get(i + 1) {
                if (0x80..=0x9F).contains(&next) {
                    return Some((i, char::from(next)));
                }
            }
        }
        i += 1;
    }
    None
}

/// The first of `schemes` (lower-case prefixes of at most 8 bytes, each with its value) that
/// `s` starts with, ASCII case ignored, and that prefix's length. The first eight bytes of
/// `s` are lowered once (zero past its end, which no prefix holds) and compared with each
/// prefix: InputURL's four schemes tried one [`strip_prefix_ignore_case`] call each measured
/// 96 ns → 84 ns for a whole typical https URL (`benches/values.rs`, `InputURL/from_str`).
pub(crate) fn scheme_of<T: Copy>(s: &str, schemes: &[(&str, T)]) -> Option<(T, usize)> {
    let mut head = [0u8; 8];
    for (h, b) in head.iter_mut().zip(s.as_bytes()) {
        *h = b.to_ascii_lowercase();
    }
    schemes.iter().find_map(|&(prefix, value)| {
        debug_assert!(
            prefix.len() <= head.len() && !prefix.bytes().any(|b| b.is_ascii_uppercase())
        );
        head.starts_with(prefix.as_bytes())
            .then_some((value, prefix.len()))
    })
}

/// `s` after `prefix` when it starts with it, ASCII case ignored (a label's `xn--`).
pub(crate) fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    s.get(prefix.len()..)
        .filter(|_| head.eq_ignore_ascii_case(prefix))
}

/// The longest prefix of `s` made of whole grapheme clusters that is at most `max` bytes long
/// (possibly empty).
///
/// Costs O(`max`) whatever the length of `s`: segmentation runs on a window that ends with the
/// character straddling or starting at byte `max`. Grapheme boundaries strictly inside the
/// window are those of `s` (UAX #29 decides a boundary from what precedes it and the one
/// character after it), and the window's own end is past `max`, so it is never taken as a cut.
pub(crate) fn grapheme_prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    // `s.len() > max`, so a char boundary exists in `max + 1..=s.len()`.
    let mut end = max + 1;
    while !s.is_char_boundary(end) {
        end += 1;
    }
    let window = s.get(..end).unwrap_or(s);
    let mut cut = 0;
    for (at, grapheme) in window.grapheme_indices(true) {
        let next = at + grapheme.len();
        if next > max {
            break;
        }
        cut = next;
    }
    s.get(..cut)
        .expect("a grapheme boundary is a char boundary")
}

/// The shared part of `truncated`: refuses what truncation cannot fix (an empty input, a
/// control character anywhere in the input, a first grapheme cluster longer than `max`) and
/// returns the longest whole-grapheme prefix of at most `max` bytes.
pub(crate) fn truncate(s: &str, max: usize, controls: Controls) -> Result<&str, ParamErrorKind> {
    if s.is_empty() {
        return Err(ParamErrorKind::Empty {
            min: 1,
            unit: Unit::Bytes,
        });
    }
    if let Some((at, ch)) = find_control(s, controls) {
        return Err(ParamErrorKind::ControlCharacter {
            ch,
            at,
            value: Excerpt::new(s),
        });
    }
    let prefix = grapheme_prefix(s, max);
    if prefix.is_empty() {
        return Err(ParamErrorKind::TooLong {
            max,
            found: s.len(),
            unit: Unit::Bytes,
        });
    }
    Ok(prefix)
}

/// The compile-time check of `from_static`: 1 to `max` bytes, and no control character but
/// TAB, LF and CR when `tab_line_breaks` is set. Panics on a bad literal (at compile time when
/// called in a const context).
#[allow(clippy::panic)] // A bad literal is a bug in the calling program, not bad input.
pub(crate) const fn check_static(s: &str, max: usize, tab_line_breaks: bool) {
    let b = s.as_bytes();
    if b.is_empty() {
        panic!("from_static: empty value, at least 1 byte required");
    }
    if b.len() > max {
        panic!("from_static: value longer than MAX_BYTES");
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let cc = c < 0x20
            || c == 0x7F
            || (c == 0xC2 && i + 1 < b.len() && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F);
        let allowed = tab_line_breaks && matches!(c, b'\t' | b'\n' | b'\r');
        if cc && !allowed {
            panic!("from_static: control character (Unicode general category Cc) in value");
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_cc_character_and_nothing_else() {
        for c in '\0'..='\u{FFFF}' {
            let s = format!("ab{c}");
            let want = if c.is_control() { Some((2, c)) } else { None };
            assert_eq!(find_control(&s, Controls::Reject), want, "{:?}", c);
            let want_lenient = if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
                Some((2, c))
            } else {
                None
            };
            assert_eq!(
                find_control(&s, Controls::AllowTabLineBreaks),
                want_lenient,
                "{:?}",
                c
            );
        }
    }

    #[test]
    fn chunked_scan_finds_the_first_control_at_every_offset() {
        let cases = [
            '\0', '\t', '\n', '\r', '\u{1F}', '\u{7F}', '\u{80}', '\u{9F}',
        ];
        for len in [31, 32, 33, 63, 64, 65, 100] {
            for at in 0..len {
                for c in cases {
                    let mut s = "a".repeat(at);
                    s.push(c);
                    s.push_str(&"界".repeat(len / 3));
                    s.push('\u{1}');
                    let strict = find_control(&s, Controls::Reject);
                    assert_eq!(strict, Some((at, c)), "{at} {c:?}");
                    let lenient = find_control(&s, Controls::AllowTabLineBreaks);
                    let want = if matches!(c, '\t' | '\n' | '\r') {
                        (s.len() - 1, '\u{1}')
                    } else {
                        (at, c)
                    };
                    assert_eq!(lenient, Some(want), "{at} {c:?}");
                }
                // Neighbours of the C1 range and the lead byte 0xC2 with a text byte after it.
                for c in ['\u{A0}', '\u{BF}', '\u{7E}', ' ', '\u{FF}'] {
                    let s = format!("{}{c}{}", "a".repeat(at), "b".repeat(len));
                    assert_eq!(find_control(&s, Controls::Reject), None, "{at} {c:?}");
                }
            }
        }
    }

    #[test]
    fn limits_are_bytes_and_inclusive() {
        assert_eq!(check(&"界".repeat(2), 6, Controls::Reject), Ok(()));
        assert_eq!(
            check("界界a", 6, Controls::Reject),
            Err(ParamErrorKind::TooLong {
                max: 6,
                found: 7,
                unit: Unit::Bytes
            })
        );
        assert_eq!(
            check("", 6, Controls::Reject),
            Err(ParamErrorKind::Empty {
                min: 1,
                unit: Unit::Bytes
            })
        );
    }

    #[test]
    fn grapheme_prefix_never_splits_a_cluster() {
        assert_eq!(grapheme_prefix("abc", 3), "abc");
        assert_eq!(grapheme_prefix("abcd", 3), "abc");
        assert_eq!(grapheme_prefix("ab界", 4), "ab");
        assert_eq!(grapheme_prefix("abe\u{301}", 3), "ab");
        assert_eq!(grapheme_prefix("e\u{301}", 2), "");
        // Regional indicators pair up from the start: the cut lands between pairs.
        let flags = "🇫🇷🇩🇪🇯🇵";
        assert_eq!(grapheme_prefix(flags, 20), "🇫🇷🇩🇪");
        assert_eq!(grapheme_prefix(flags, 16), "🇫🇷🇩🇪");
        assert_eq!(grapheme_prefix(flags, 15), "🇫🇷");
        // A cluster that goes on far past the limit is not segmented to its end.
        let long = format!("ab{}", "\u{301}".repeat(1 << 20));
        assert_eq!(grapheme_prefix(&long, 8), "a");
    }

    #[test]
    fn grapheme_prefix_agrees_with_full_segmentation() {
        let samples = [
            "e\u{301}\u{302}x👨\u{200d}👩\u{200d}👧y\r\n🇫🇷🇩🇪z\u{915}\u{94d}\u{937}",
            "ab\u{600}c 界\u{301}",
        ];
        for s in samples {
            for max in 0..=s.len() + 1 {
                let want = s
                    .grapheme_indices(true)
                    .map(|(i, g)| i + g.len())
                    .take_while(|end| *end <= max)
                    .last()
                    .unwrap_or(0);
                assert_eq!(grapheme_prefix(s, max).len(), want, "{s:?} {max}");
            }
        }
    }

    #[test]
    fn check_static_matches_text_check() {
        for c in [
            '\0', '\t', '\n', '\r', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', ' ', 'é',
        ] {
            let s: &'static str = Box::leak(format!("a{c}").into_boxed_str());
            for (lenient, controls) in [
                (false, Controls::Reject),
                (true, Controls::AllowTabLineBreaks),
            ] {
                let ok = std::panic::catch_unwind(|| check_static(s, 8, lenient)).is_ok();
                assert_eq!(ok, check(s, 8, controls).is_ok(), "{c:?} {lenient}");
            }
        }
    }
}
