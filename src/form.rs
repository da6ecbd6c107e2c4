//! Values of a form-encoded query too long to be copied: read as they are decoded, in linear
//! time and constant memory, with exactly the outcome that decoding them and parsing the
//! decoded value would have.

use crate::error::{Excerpt, ParamErrorKind, Unit};
use crate::percent::DecodedChars;
use crate::{CateId, MediaTags, Param};

/// Decoded values up to this many bytes are decoded into memory and parsed as they are; longer
/// ones are read as they are decoded. Every value of a fixed vocabulary or of at most 64
/// characters is far shorter, so a longer one can only be refused, except for the two whose
/// grammar lets any length be valid: white space around `MediaTags` and leading zeros of
/// `CateId`.
pub(crate) const LONG: usize = 1024;

/// A value of `len` decoded bytes (more than [`LONG`]) of the parameter or common parameter
/// `name`, whose escapes are checked: `Ok` with a short value that parses to what the whole
/// value would, or the problem the whole value has.
pub(crate) fn long_value(name: &str, raw: &str, len: usize) -> Result<String, ParamErrorKind> {
    // Not UTF-8 is the first problem of any value, as when it is decoded whole.
    if let Some(Err(at)) = DecodedChars::new(raw).find(Result::is_err) {
        return Err(ParamErrorKind::InvalidUtf8 {
            at,
            value: Excerpt::new(raw),
        });
    }
    let chars = || DecodedChars::new(raw).flatten();
    let value = excerpt(raw, len);
    match crate::param::lookup(name) {
        Some(Param::MediaTags) => MediaTags::from_encoded(raw).map(|tags| tags.to_string()),
        Some(Param::MediaId | Param::ReferenceId) => {
            Err(crate::value::ids::long_error(chars(), len, value))
        }
        Some(Param::CateId) => CateId::from_chars(chars(), value).map(|id| id.to_string()),
        Some(Param::BusinessType) => Err(ParamErrorKind::UnknownBusinessType { value }),
        Some(Param::AppendTags) => Err(ParamErrorKind::NotBoolean { value }),
        // `Action` and `Version`, the only common parameters whose value is read.
        None => Err(ParamErrorKind::UnexpectedValue {
            expected: if name == "Action" {
                "UpdateMediaInfo"
            } else {
                "2020-11-09"
            },
            value,
        }),
        // The byte-limited parameters are refused on their length before this.
        Some(_) => Err(ParamErrorKind::TooLong {
            max: LONG,
            found: len,
            unit: Unit::Bytes,
        }),
    }
}

/// The first bytes of a decoded name, enough for an error to keep what it keeps of a name
/// (more than [`Excerpt::MAX_BYTES`], so that it shows it is shortened); `None` when the name
/// is not UTF-8.
pub(crate) fn excerpt_text(raw: &str) -> Option<String> {
    let mut prefix = String::with_capacity(Excerpt::MAX_BYTES + 4);
    for item in DecodedChars::new(raw) {
        let (_, ch) = item.ok()?;
        if prefix.len() > Excerpt::MAX_BYTES {
            // The rest is still read for its UTF-8: a name that does not decode is reported
            // as received.
            continue;
        }
        prefix.push(ch);
    }
    Some(prefix)
}

/// The first [`Excerpt::MAX_BYTES`] bytes of the decoded value (UTF-8, checked), cut on a
/// character boundary, as [`Excerpt::new`] keeps them from the decoded value.
pub(crate) fn excerpt(raw: &str, len: usize) -> Excerpt {
    let mut prefix = String::with_capacity(Excerpt::MAX_BYTES);
    for (at, ch) in DecodedChars::new(raw).flatten() {
        if at + ch.len_utf8() > Excerpt::MAX_BYTES {
            break;
        }
        prefix.push(ch);
    }
    Excerpt::of_prefix(&prefix, len)
}
