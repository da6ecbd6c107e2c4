//! `CateId`: the ID of a media category, a positive 64-bit integer.

use std::fmt;
use std::num::NonZeroI64;
use std::str::FromStr;

use crate::error::{Excerpt, ParamError, ParamErrorKind, Unit};
use crate::Param;

/// The ID of a media category (`CateId`): an integer from 1 to 9223372036854775807
/// (`i64::MAX`).
///
/// As a string it is ASCII decimal digits only: no sign, no `+`, no spaces, no exponent, no
/// digit separators. Leading zeros are accepted, as they do not change the value, and not
/// kept (`007` is 7, written back as `7`). [`Display`](fmt::Display) writes the
/// decimal value. In a request an empty `CateId` clears the field ([rule 1](crate::rules)); that is
/// decided by the request parser, this type always holds a value.
///
/// # Errors
///
/// * the empty string ([`ParamErrorKind::Empty`]);
/// * any character other than `0`–`9` anywhere, but for a `-` before digits
///   ([`ParamErrorKind::NotInteger`]), which wins over a value out of range;
/// * 0, a negative integer such as `-5` (as a JSON number or an `i64` is), or a value over
///   `i64::MAX` ([`ParamErrorKind::OutOfRange`]);
/// * from an `i64`: 0 and negative values ([`ParamErrorKind::OutOfRange`]).
///
/// Parsing is one pass over the input that stops accumulating at the first overflow and
/// never allocates in proportion to it.
///
/// ```
/// use ims_media::CateId;
/// assert_eq!("3048".parse::<CateId>()?.get(), 3048);
/// assert_eq!(
///     "+5".parse::<CateId>().unwrap_err().to_string(),
///     "invalid CateId: \"+5\" is not a decimal integer, only digits 0-9 allowed"
/// );
/// assert_eq!(
///     "-5".parse::<CateId>().unwrap_err().to_string(),
///     "invalid CateId: \"-5\" out of range, 1 to 9223372036854775807 allowed"
/// );
/// assert_eq!(
///     "0".parse::<CateId>().unwrap_err().to_string(),
///     "invalid CateId: \"0\" out of range, 1 to 9223372036854775807 allowed"
/// );
/// assert!(CateId::try_from(-1_i64).is_err());
/// # Ok::<(), ims_media::ParamError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CateId(NonZeroI64);

impl CateId {
    /// The least value.
    pub const MIN: i64 = 1;
    /// The greatest value.
    pub const MAX: i64 = i64::MAX;

    /// The value, from 1 to `i64::MAX`.
    pub const fn get(self) -> i64 {
        self.0.get()
    }

    /// A `CateId` from a literal; usable in a `const`.
    ///
    /// # Panics
    ///
    /// If `n` is less than 1 — at compile time when used in a `const`:
    ///
    /// ```should_panic
    /// let _ = ims_media::CateId::from_static(0);
    /// ```
    ///
    /// ```
    /// use ims_media::CateId;
    /// const CATE: CateId = CateId::from_static(3048);
    /// assert_eq!(CATE.get(), 3048);
    /// ```
    #[allow(clippy::panic)]
    pub const fn from_static(n: i64) -> Self {
        match NonZeroI64::new(n) {
            Some(v) if n > 0 => CateId(v),
            _ => panic!("invalid CateId: 1 to 9223372036854775807 required"),
        }
    }

    fn out_of_range(value: &str) -> ParamError {
        ParamError::new(
            Param::CateId,
            ParamErrorKind::OutOfRange {
                min: Self::MIN,
                max: Self::MAX,
                value: Excerpt::new(value),
            },
        )
    }
}

impl fmt::Display for CateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for CateId {
    type Err = ParamError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CateId::from_chars(s.char_indices(), || Excerpt::new(s))
            .map_err(|kind| ParamError::new(Param::CateId, kind))
    }
}

impl CateId {
    /// The ID of a value read character by character; `value` gives the value's excerpt for
    /// an error.
    ///
    /// A negative integer is a number out of range, as it is from JSON or an `i64` (VOD uses
    /// -1 for its root category): the same error whatever the door. Leading zeros are read as
    /// the number they lead.
    pub(crate) fn from_chars(
        chars: impl Iterator<Item = (usize, char)>,
        value: impl FnOnce() -> Excerpt,
    ) -> Result<CateId, ParamErrorKind> {
        let mut chars = chars.peekable();
        let mut negative = false;
        // `None` once the value has overflowed; the scan goes on only to look for a
        // non-digit, which is the more basic error.
        let mut number: Option<i64> = Some(0);
        let mut digits = 0usize;
        while let Some((at, ch)) = chars.next() {
            if at == 0 && ch == '-' && chars.peek().is_some() {
                negative = true;
                continue;
            }
            let Some(d) = ch.to_digit(10).filter(|_| ch.is_ascii_digit()) else {
                return Err(ParamErrorKind::NotInteger { value: value() });
            };
            digits += 1;
            number = number
                .and_then(|v| v.checked_mul(10))
                .and_then(|v| v.checked_add(i64::from(d)));
        }
        if digits == 0 {
            return Err(ParamErrorKind::Empty {
                min: 1,
                unit: Unit::Characters,
            });
        }
        match number.and_then(NonZeroI64::new) {
            Some(n) if !negative => Ok(CateId(n)),
            _ => Err(ParamErrorKind::OutOfRange {
                min: Self::MIN,
                max: Self::MAX,
                value: value(),
            }),
        }
    }
}

impl TryFrom<i64> for CateId {
    type Error = ParamError;

    fn try_from(n: i64) -> Result<Self, Self::Error> {
        match NonZeroI64::new(n) {
            Some(v) if n > 0 => Ok(CateId(v)),
            _ => Err(Self::out_of_range(&n.to_string())),
        }
    }
}

impl From<CateId> for i64 {
    fn from(id: CateId) -> i64 {
        id.get()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert_eq!("1".parse::<CateId>().map(CateId::get), Ok(1));
        assert_eq!(
            "9223372036854775807".parse::<CateId>().map(CateId::get),
            Ok(i64::MAX)
        );
        assert!("9223372036854775808".parse::<CateId>().is_err());
        assert_eq!(CateId::from_static(i64::MAX).get(), CateId::MAX);
    }
}
