//! The one bounded-text check shared by `Title`, `Description`, `Category`, `Tag` and
//! `UserData`: not empty, a byte limit on UTF-8 bytes, and a control-character policy.

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
pub(crate) fn find_control(s: &str, controls: Controls) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    let allowed =
        |b: u8| controls == Controls::AllowTabLineBreaks && matches!(b, b'\t' | b'\n' | b'\r');
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
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
}
