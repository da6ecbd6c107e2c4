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
        Some(Param::CateId) => CateId::from_chars(chars(), || value).map(|id| id.to_string()),
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

/// The decoded value's first characters, up to the first that ends past
/// [`Excerpt::MAX_BYTES`]: more than an error keeps, so that it shows it is shortened. Stops
/// at a sequence that is not UTF-8.
fn prefix(raw: &str) -> String {
    let mut prefix = String::with_capacity(Excerpt::MAX_BYTES + 4);
    for (_, ch) in DecodedChars::new(raw).map_while(Result::ok) {
        prefix.push(ch);
        if prefix.len() > Excerpt::MAX_BYTES {
            break;
        }
    }
    prefix
}

/// The first bytes of a decoded name, what an error keeps of it; `None` when the name is not
/// UTF-8 (such a name is reported as received).
pub(crate) fn excerpt_text(raw: &str) -> Option<String> {
    DecodedChars::new(raw)
        .all(|item| item.is_ok())
        .then(|| prefix(raw))
}

/// The excerpt of a decoded value of `len` bytes (UTF-8, checked), as [`Excerpt::new`] keeps it
/// from the decoded value.
pub(crate) fn excerpt(raw: &str, len: usize) -> Excerpt {
    Excerpt::of_prefix(&prefix(raw), len)
}
