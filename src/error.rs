//! Errors: [`ErrorCode`], [`ParamError`] with its [`ParamErrorKind`], [`RequestError`] and
//! [`UpdateError`].
//!
//! Messages are lower case without a final period, name the parameter by its wire name, give
//! units with both the limit and what was found, and quote the offending value shortened to
//! at most [`Excerpt::MAX_BYTES`] bytes on a character boundary.

use std::borrow::Cow;
use std::fmt;

use crate::Param;

/// The IMS error code of a failure, with its HTTP status.
///
/// ```
/// use ims_media::ErrorCode;
/// assert_eq!(ErrorCode::ResourceNotFound.as_str(), "ResourceNotFound");
/// assert_eq!(ErrorCode::ResourceNotFound.http_status(), 404);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// A required parameter is absent (HTTP 400).
    MissingParameter,
    /// A parameter is present but its value is not accepted (HTTP 400).
    InvalidParameter,
    /// The media asset named by the request's `MediaId` is not the one given (HTTP 404).
    ResourceNotFound,
    /// No media asset is registered under the request's `InputURL`, which chose the target
    /// (HTTP 404): what IMS answers for a lookup by an InputURL that names no asset.
    NoMatchedInputUrl,
    /// The caller may not do this (HTTP 403). Never produced by this crate's checks: for a
    /// service's own answers and for reading the API's error bodies.
    Forbidden,
    /// The operation is refused in the resource's state (HTTP 403). Not produced by this
    /// crate's checks.
    OperationDenied,
    /// Throttled (HTTP 403). Not produced by this crate's checks.
    RequestsTooFrequent,
    /// The service failed (HTTP 500); this crate's [`Error::StoredAsset`](crate::Error::StoredAsset):
    /// the stored asset given to the update is not valid, which is no fault of the request.
    InternalError,
    /// The service is unavailable (HTTP 503), written `ServiceUnAvailable` as IMS writes it.
    /// Not produced by this crate's checks.
    ServiceUnavailable,
}

impl ErrorCode {
    /// Every code, in the order of declaration.
    pub const ALL: [ErrorCode; 9] = [
        ErrorCode::MissingParameter,
        ErrorCode::InvalidParameter,
        ErrorCode::ResourceNotFound,
        ErrorCode::NoMatchedInputUrl,
        ErrorCode::Forbidden,
        ErrorCode::OperationDenied,
        ErrorCode::RequestsTooFrequent,
        ErrorCode::InternalError,
        ErrorCode::ServiceUnavailable,
    ];

    /// The code as IMS writes it: `"MissingParameter"`, `"InvalidParameter"`,
    /// `"ResourceNotFound"`, `"NoMatchedInputUrl"`, `"Forbidden"`, `"OperationDenied"`,
    /// `"RequestsTooFrequent"`, `"InternalError"`, `"ServiceUnAvailable"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MissingParameter => "MissingParameter",
            ErrorCode::InvalidParameter => "InvalidParameter",
            ErrorCode::ResourceNotFound => "ResourceNotFound",
            ErrorCode::NoMatchedInputUrl => "NoMatchedInputUrl",
            ErrorCode::Forbidden => "Forbidden",
            ErrorCode::OperationDenied => "OperationDenied",
            ErrorCode::RequestsTooFrequent => "RequestsTooFrequent",
            ErrorCode::InternalError => "InternalError",
            ErrorCode::ServiceUnavailable => "ServiceUnAvailable",
        }
    }

    /// The HTTP status IMS answers with, from its common error table: 400 for the parameter
    /// codes, 404 for the not-found ones, 403, 500, 503.
    pub const fn http_status(self) -> u16 {
        match self {
            ErrorCode::MissingParameter | ErrorCode::InvalidParameter => 400,
            ErrorCode::ResourceNotFound | ErrorCode::NoMatchedInputUrl => 404,
            ErrorCode::Forbidden | ErrorCode::OperationDenied | ErrorCode::RequestsTooFrequent => {
                403
            }
            ErrorCode::InternalError => 500,
            ErrorCode::ServiceUnavailable => 503,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The offending value of an error, shortened to at most [`Excerpt::MAX_BYTES`] bytes on a
/// character boundary, so that an error never holds memory in proportion to hostile input.
///
/// Its [`Display`](fmt::Display) quotes it with control characters escaped and marks a
/// shortened value with `…` after the closing quote.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Excerpt {
    text: Box<str>,
    original_len: usize,
}

impl Excerpt {
    /// The most bytes of a value an error keeps.
    pub const MAX_BYTES: usize = 64;

    /// Keeps the longest prefix of `value` of at most [`Excerpt::MAX_BYTES`] bytes that ends on
    /// a character boundary.
    pub fn new(value: &str) -> Self {
        Excerpt {
            text: Self::prefix(value).into(),
            original_len: value.len(),
        }
    }

    /// The part of `value` an excerpt keeps, without allocating.
    pub(crate) fn prefix(value: &str) -> &str {
        let mut end = value.len().min(Self::MAX_BYTES);
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        &value[..end]
    }

    /// The kept prefix of the value.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the value was longer than what is kept.
    pub fn is_shortened(&self) -> bool {
        self.original_len > self.text.len()
    }

    /// The length in bytes of the whole value.
    pub fn original_len(&self) -> usize {
        self.original_len
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Quoted(&self.text))?;
        if self.is_shortened() {
            f.write_str("…")?;
        }
        Ok(())
    }
}

// The parts of messages that depend on data, kept out of the `#[error]` attributes.

/// `start` for a white space at byte 0 of a tag, `end` otherwise.
fn tag_end(at: usize) -> &'static str {
    if at == 0 {
        "start"
    } else {
        "end"
    }
}

/// Why a value is not a BusinessType: `video`, the API page's example, is a MediaType.
fn not_a_business_type(value: &Excerpt) -> &'static str {
    if value.as_str() == "video" {
        "is a MediaType, not a BusinessType"
    } else {
        "is not a BusinessType"
    }
}

/// Every BusinessType, comma-separated.
struct BusinessTypeList;

impl fmt::Display for BusinessTypeList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in crate::BusinessType::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(b.as_str())?;
        }
        Ok(())
    }
}

/// ` in "value"` when the value may be quoted, nothing otherwise.
struct InValue<'a>(Option<&'a Excerpt>);

impl fmt::Display for InValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => write!(f, " in {v}"),
            None => Ok(()),
        }
    }
}

/// `, did you mean Title` when there is a close known name.
struct DidYouMean(Option<&'static str>);

/// The BusinessType found beside MediaType `text`, for the message.
struct BusinessTypeFound(Option<crate::BusinessType>);

impl fmt::Display for BusinessTypeFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(b) => write!(f, "found {b}"),
            None => f.write_str("none given"),
        }
    }
}

impl fmt::Display for DidYouMean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(name) => write!(f, ", did you mean {name}"),
            None => Ok(()),
        }
    }
}

/// A value quoted in a message so that any reader can read it back, in a terminal, a log or a
/// JSON body: between `"`, with `"` and `\` escaped by a `\`, and every character one cannot
/// see written as `<U+XXXX>` (the classes of [`is_invisible`]: Cc, Cf, white space other than
/// the space, default-ignorable code points, U+2800).
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for ch in self.0.chars() {
            match ch {
                '"' | '\\' => write!(f, "\\{ch}")?,
                ch if is_invisible(ch) => write!(f, "<U+{:04X}>", u32::from(ch))?,
                ch => fmt::Write::write_char(f, ch)?,
            }
        }
        f.write_str("\"")
    }
}

/// A parameter's name in a message: as it is when it is a plain name (letters, digits, `-`,
/// `_`, as every known name is), quoted as [`Quoted`] quotes values otherwise.
struct Name<'a>(&'a str);

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = !self.0.is_empty()
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if plain {
            f.write_str(self.0)
        } else {
            write!(f, "{}", Quoted(self.0))
        }
    }
}

/// One character quoted in a message: `'é'`, or `U+3000` for one that cannot be seen (as
/// [`Quoted`] decides).
pub(crate) struct QuotedChar(pub(crate) char);

impl fmt::Display for QuotedChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ch if is_invisible(ch) => write!(f, "U+{:04X}", u32::from(ch)),
            '\'' | '\\' => write!(f, "'\\{}'", self.0),
            ch => write!(f, "'{ch}'"),
        }
    }
}

/// Whether `ch` is one a reader cannot see, which messages write as `<U+XXXX>` (or `U+XXXX`
/// for a lone character): a control character (general category Cc), a format character
/// (Cf), white space other than U+0020 (White_Space), a default-ignorable code point
/// (Default_Ignorable_Code_Point: variation selectors, tag characters, Hangul fillers, …) or
/// U+2800 (the blank Braille pattern).
fn is_invisible(ch: char) -> bool {
    INVISIBLE
        .binary_search_by(|&(first, last)| {
            if last < ch {
                std::cmp::Ordering::Less
            } else if first > ch {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The characters [`is_invisible`] names, as sorted, disjoint ranges (Unicode 16; a test
/// checks every code point against the Unicode character database of the `icu_properties`
/// crate). Each range says which classes it holds.
const INVISIBLE: [(char, char); 30] = [
    ('\u{0}', '\u{1F}'),        // Cc (C0 controls; TAB to CR also White_Space)
    ('\u{7F}', '\u{A0}'),       // Cc (DEL, C1 controls; NEL White_Space), U+00A0 White_Space
    ('\u{AD}', '\u{AD}'),       // Cf, DI (soft hyphen)
    ('\u{34F}', '\u{34F}'),     // DI (combining grapheme joiner)
    ('\u{600}', '\u{605}'),     // Cf (Arabic number signs)
    ('\u{61C}', '\u{61C}'),     // Cf, DI (Arabic letter mark)
    ('\u{6DD}', '\u{6DD}'),     // Cf (Arabic end of ayah)
    ('\u{70F}', '\u{70F}'),     // Cf (Syriac abbreviation mark)
    ('\u{890}', '\u{891}'),     // Cf (Arabic pound and piastre marks above)
    ('\u{8E2}', '\u{8E2}'),     // Cf (Arabic disputed end of ayah)
    ('\u{115F}', '\u{1160}'),   // DI (Hangul choseong and jungseong fillers)
    ('\u{1680}', '\u{1680}'),   // White_Space (Ogham space mark)
    ('\u{17B4}', '\u{17B5}'),   // DI (Khmer inherent vowels)
    ('\u{180B}', '\u{180F}'),   // DI (Mongolian variation selectors), Cf (U+180E vowel separator)
    ('\u{2000}', '\u{200F}'),   // White_Space (en quad to hair space), Cf, DI (zero-width, marks)
    ('\u{2028}', '\u{202F}'),   // White_Space (separators, U+202F), Cf, DI (bidi embeddings)
    ('\u{205F}', '\u{206F}'), // White_Space (U+205F), Cf, DI (word joiner, invisible operators, isolates)
    ('\u{2800}', '\u{2800}'), // Braille pattern blank
    ('\u{3000}', '\u{3000}'), // White_Space (ideographic space)
    ('\u{3164}', '\u{3164}'), // DI (Hangul filler)
    ('\u{FE00}', '\u{FE0F}'), // DI (variation selectors)
    ('\u{FEFF}', '\u{FEFF}'), // Cf, DI (byte-order mark)
    ('\u{FFA0}', '\u{FFA0}'), // DI (half-width Hangul filler)
    ('\u{FFF0}', '\u{FFFB}'), // DI (unassigned), Cf (interlinear annotation)
    ('\u{110BD}', '\u{110BD}'), // Cf (Kaithi number sign)
    ('\u{110CD}', '\u{110CD}'), // Cf (Kaithi number sign above)
    ('\u{13430}', '\u{1343F}'), // Cf (Egyptian hieroglyph format controls)
    ('\u{1BCA0}', '\u{1BCA3}'), // Cf, DI (shorthand format controls)
    ('\u{1D173}', '\u{1D17A}'), // Cf, DI (musical symbol format controls)
    ('\u{E0000}', '\u{E0FFF}'), // Cf, DI (tag characters), DI (variation selectors supplement, unassigned)
];

/// The unit of a size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// UTF-8 bytes (`str::len`).
    Bytes,
    /// Characters (the identifiers are ASCII, where a character is a byte).
    Characters,
}

impl fmt::Display for Unit {
    /// `bytes` or `characters`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word(2))
    }
}

impl Unit {
    fn word(self, n: usize) -> &'static str {
        match (self, n) {
            (Unit::Bytes, 1) => "byte",
            (Unit::Bytes, _) => "bytes",
            (Unit::Characters, 1) => "character",
            (Unit::Characters, _) => "characters",
        }
    }
}

/// Why a URL (`InputURL` or `CoverURL`) is refused.
///
/// New variants, and new fields of a variant, may come in minor releases: a `match` needs a
/// `_` arm and each variant pattern a `..`; values of it come from the crate, never built by
/// hand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum UrlError {
    /// The scheme is not one of those the parameter allows.
    #[error("scheme not allowed, only {allowed}")]
    #[non_exhaustive]
    Scheme {
        /// The accepted schemes, as words for the message.
        allowed: &'static str,
    },
    /// No host (or bucket) after the scheme.
    #[error("no host")]
    MissingHost,
    /// `user@` or `user:password@` before the host.
    #[error("user info not allowed")]
    UserInfo,
    /// `:port` after the host.
    #[error("port not allowed")]
    Port,
    /// A port that is not 1 to 5 digits with a value up to 65535 (where a port is allowed).
    #[error("port after ':' at byte {at} not a number from 1 to 65535")]
    #[non_exhaustive]
    InvalidPort {
        /// Byte offset of the `:` before the port.
        at: usize,
    },
    /// A `\\` before the query or fragment: a browser reads it as `/`, so the URL would
    /// not say what it means.
    #[error("'\\' at byte {at}, a browser reads it as '/'")]
    #[non_exhaustive]
    Backslash {
        /// Byte offset of the `\\`.
        at: usize,
    },
    /// A character that a browser does not allow in a host.
    #[error("character {} at byte {at} not allowed in a host", QuotedChar(*ch))]
    #[non_exhaustive]
    HostCharacter {
        /// The character.
        ch: char,
        /// Its byte offset in the URL.
        at: usize,
    },
    /// A character outside ASCII in a host: a browser maps such a host (full-width digits and
    /// dots, `。`, circled letters, zero-width characters, …) to another before contacting
    /// it, so the host as written is not the host contacted. Its ASCII (`xn--`) form is
    /// accepted.
    #[error("character {} at byte {at} in the host is not ASCII, give the host in its ASCII (xn--) form", QuotedChar(*ch))]
    #[non_exhaustive]
    NonAsciiHost {
        /// The first character outside ASCII.
        ch: char,
        /// Its byte offset in the URL.
        at: usize,
    },
    /// A host that is not a DNS name, a dotted-decimal IPv4 address or an IPv6 literal.
    #[error("host invalid: {reason}")]
    #[non_exhaustive]
    InvalidHost {
        /// What is wrong, as words for the message.
        reason: &'static str,
    },
    /// A `?` query.
    #[error("query not allowed at byte {at}, drop the '?' and what follows (a signed URL is not an input URL)")]
    #[non_exhaustive]
    Query {
        /// Byte offset of the `?`.
        at: usize,
    },
    /// A cover URL signed by OSS (signature V1: `OSSAccessKeyId` and `Signature` in the
    /// query; V4: `x-oss-signature-version`): the signature expires, and a stored document's
    /// cover is read without it, so it is never stored.
    #[error("signed by OSS, a signed URL expires: give the unsigned URL")]
    Signed,
    /// A `#` fragment.
    #[error("fragment not allowed at byte {at}")]
    #[non_exhaustive]
    Fragment {
        /// Byte offset of the `#`.
        at: usize,
    },
    /// Unicode white space where none is allowed.
    #[error("white space {} at byte {at}", QuotedChar(*ch))]
    #[non_exhaustive]
    WhiteSpace {
        /// The white-space character.
        ch: char,
        /// Its byte offset.
        at: usize,
    },
    /// A control character (general category Cc).
    #[error("control character U+{:04X} at byte {at}", u32::from(*ch))]
    #[non_exhaustive]
    ControlCharacter {
        /// The control character.
        ch: char,
        /// Its byte offset.
        at: usize,
    },
    /// The host is not `BUCKET.ENDPOINT` with an OSS endpoint.
    #[error("host {} is not an OSS endpoint (BUCKET.oss-REGION.aliyuncs.com or BUCKET.REGION.oss.aliyuncs.com)", Quoted(host))]
    #[non_exhaustive]
    NotOssHost {
        /// The host as found, shortened.
        host: String,
    },
    /// The bucket name breaks the OSS rules.
    #[error("bucket {} invalid, 3 to 63 characters of a-z 0-9 - allowed, starting and ending with a letter or digit", Quoted(bucket))]
    #[non_exhaustive]
    Bucket {
        /// The bucket as found, shortened.
        bucket: String,
    },
    /// No object key after the host.
    #[error("no object key")]
    MissingKey,
    /// A `%` not followed by two hex digits.
    #[error("'%' at byte {at} not followed by two hex digits")]
    #[non_exhaustive]
    PercentEscape {
        /// Byte offset of the `%`.
        at: usize,
    },
    /// The percent-decoded object key is not valid UTF-8.
    #[error("object key not valid UTF-8 after percent-decoding")]
    KeyNotUtf8,
    /// The decoded object key is longer than 1,023 bytes.
    #[error("object key {found} bytes after decoding, at most 1023 allowed")]
    #[non_exhaustive]
    KeyTooLong {
        /// Its decoded length in bytes.
        found: usize,
    },
    /// A `\` in the object key of an `http://` or `https://` InputURL: a browser (any
    /// WHATWG reader) reads it as `/`, so the URL would name another object; `%5C` writes it.
    #[error("'\\' at byte {at} in the object key, a browser reads it as '/': write it as %5C")]
    #[non_exhaustive]
    KeyBackslash {
        /// Byte offset of the `\` in the URL.
        at: usize,
    },
    /// The decoded object key starts with `/` or `\`.
    #[error("object key starts with {}", QuotedChar(*_0))]
    KeyLeadingSlash(char),
    /// The decoded object key holds a control character.
    #[error("object key has control character U+{:04X} at byte {at} of the decoded key", u32::from(*ch))]
    #[non_exhaustive]
    KeyControlCharacter {
        /// The control character.
        ch: char,
        /// Its byte offset in the decoded key.
        at: usize,
    },
    /// The `vod://` ID breaks the MediaId rule.
    #[error("VOD media ID invalid, 1 to 64 characters of A-Z a-z 0-9 - _ allowed")]
    VodId,
}

/// What is wrong with one parameter. Carries the data a program needs to react.
///
/// Its [`Display`](fmt::Display) is the part of the message after `invalid NAME: `.
///
/// New variants, and new fields of a variant, may come in minor releases: a `match` needs a
/// `_` arm and each variant pattern a `..`; values of it come from the crate, never built by
/// hand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParamErrorKind {
    /// Neither `MediaId` nor `InputURL` was given ([`ErrorCode::MissingParameter`]).
    #[error("MediaId or InputURL is required")]
    Missing,
    /// A required parameter is absent or empty (`InputURL` of RegisterMediaInfo;
    /// [`ErrorCode::MissingParameter`]).
    #[error("required")]
    Required,
    /// A member every stored asset has (`MediaId`, `InputURL`) is absent or empty in a
    /// [`MediaBasicInfo`](crate::MediaBasicInfo) ([`ErrorCode::InvalidParameter`]: the asset
    /// given is not valid, nothing is missing from a request).
    #[error("absent or empty, a stored media asset always has one")]
    Absent,
    /// The value is empty where at least `min` units are required.
    #[error("empty, at least {min} {} required", unit.word(*min))]
    #[non_exhaustive]
    Empty {
        /// The least size allowed.
        min: usize,
        /// Its unit.
        unit: Unit,
    },
    /// The value is longer than allowed.
    #[error("{found} {}, at most {max} allowed", unit.word(*found))]
    #[non_exhaustive]
    TooLong {
        /// The greatest size allowed.
        max: usize,
        /// The size found.
        found: usize,
        /// Unit of both.
        unit: Unit,
    },
    /// The value is shorter than allowed.
    #[error("{found} {}, at least {min} required in {value}", unit.word(*found))]
    #[non_exhaustive]
    TooShort {
        /// The least size allowed.
        min: usize,
        /// The size found.
        found: usize,
        /// Unit of both.
        unit: Unit,
        /// The value.
        value: Excerpt,
    },
    /// A control character (general category Cc) the parameter does not allow.
    #[error("control character U+{:04X} at byte {at} in {value}", u32::from(*ch))]
    #[non_exhaustive]
    ControlCharacter {
        /// The character.
        ch: char,
        /// Its byte offset in the value.
        at: usize,
        /// The value.
        value: Excerpt,
    },
    /// A character outside the parameter's alphabet.
    #[error("character {} at byte {at} not allowed, only {allowed} in {value}", QuotedChar(*ch))]
    #[non_exhaustive]
    InvalidCharacter {
        /// The character.
        ch: char,
        /// Its byte offset in the value.
        at: usize,
        /// The allowed alphabet, as words for the message.
        allowed: &'static str,
        /// The value.
        value: Excerpt,
    },
    /// A tag of a `MediaTags` list is refused; `index` counts tags from 1 (empty segments
    /// included, so it is the position between commas).
    #[error("tag {index}: {reason}")]
    #[non_exhaustive]
    Tag {
        /// Position of the tag, from 1.
        index: usize,
        /// What is wrong with it.
        reason: Box<ParamErrorKind>,
    },
    /// A `MediaTags` list has more distinct tags than allowed; `index` is the position (from
    /// 1) of the first tag past the limit. Checking stops there.
    #[error("more than {max} distinct tags, tag {index} is one too many")]
    #[non_exhaustive]
    TooManyTags {
        /// The greatest number of tags allowed.
        max: usize,
        /// Position of the first tag over the limit, from 1.
        index: usize,
    },
    /// A single [`Tag`](crate::Tag) holds a comma; only a list is split.
    #[error("',' at byte {at} in a single tag {value}")]
    #[non_exhaustive]
    CommaInTag {
        /// Byte offset of the comma.
        at: usize,
        /// The value.
        value: Excerpt,
    },
    /// A single [`Tag`](crate::Tag) begins or ends with white space; only a list is trimmed.
    #[error("white space at the {} of a single tag {value}", tag_end(*at))]
    #[non_exhaustive]
    TagWhiteSpace {
        /// Byte offset of the white space.
        at: usize,
        /// The value.
        value: Excerpt,
    },
    /// Not one of the documented `BusinessType` values.
    #[error(
        "{value} {}; valid values: {}",
        not_a_business_type(value),
        BusinessTypeList
    )]
    #[non_exhaustive]
    UnknownBusinessType {
        /// The value.
        value: Excerpt,
    },
    /// Not `true` or `false` (ASCII case-insensitive).
    #[error("{value}, expected true or false")]
    #[non_exhaustive]
    NotBoolean {
        /// The value.
        value: Excerpt,
    },
    /// Not ASCII decimal digits.
    #[error("{value} is not a decimal integer, only digits 0-9 allowed")]
    #[non_exhaustive]
    NotInteger {
        /// The value.
        value: Excerpt,
    },
    /// Digits, but outside the allowed range.
    #[error("{value} out of range, {min} to {max} allowed")]
    #[non_exhaustive]
    OutOfRange {
        /// The least value allowed.
        min: i64,
        /// The greatest value allowed.
        max: i64,
        /// The value.
        value: Excerpt,
    },
    /// A URL that breaks the parameter's grammar.
    #[error("{reason} in {value}")]
    #[non_exhaustive]
    Url {
        /// What rule it breaks.
        reason: UrlError,
        /// The value.
        value: Excerpt,
    },
    /// A `%` not followed by two hex digits in a form-encoded value.
    #[error("'%' at byte {at} not followed by two hex digits{}", InValue(value.as_ref()))]
    #[non_exhaustive]
    PercentEscape {
        /// Byte offset of the `%` in the encoded value.
        at: usize,
        /// The value as received, still encoded; `None` for the value of an ignored common
        /// parameter (`Signature`, `BearerToken`, `SecurityToken`, …), which may be a
        /// credential and is never quoted.
        value: Option<Excerpt>,
    },
    /// The value does not decode to valid UTF-8 (it is reported, never replaced).
    #[error("not valid UTF-8 after decoding, invalid byte at {at} in {value}")]
    #[non_exhaustive]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte in the decoded value.
        at: usize,
        /// The value as received, still encoded (decoded, it is not text).
        value: Excerpt,
    },
    /// The parameter name is not one the operation knows.
    #[error("not a parameter of {operation}{}", DidYouMean(*suggestion))]
    #[non_exhaustive]
    UnknownParameter {
        /// The operation (`UpdateMediaInfo`, `RegisterMediaInfo`).
        operation: &'static str,
        /// The known name it is closest to, when it differs only by case or one edit.
        suggestion: Option<&'static str>,
    },
    /// A parameter of another operation of this crate, not of this one (`Category` for
    /// RegisterMediaInfo): refused so that nobody believes it was applied.
    #[error("a parameter of {belongs_to}, not of {operation}, so it would not be applied")]
    #[non_exhaustive]
    OtherOperation {
        /// The operation the request is for.
        operation: &'static str,
        /// The operation the parameter belongs to.
        belongs_to: &'static str,
    },
    /// Not one of the `MediaType` values.
    #[error("{value} is not a MediaType; valid values: image, video, audio, text")]
    #[non_exhaustive]
    UnknownMediaType {
        /// The value.
        value: Excerpt,
    },
    /// MediaType `text` (given or inferred from the file) with a BusinessType other than
    /// `subtitles` or `font`.
    #[error("MediaType text requires BusinessType subtitles or font, {}", BusinessTypeFound(*found))]
    #[non_exhaustive]
    TextNeedsSubtitlesOrFont {
        /// The BusinessType given, if any.
        found: Option<crate::BusinessType>,
    },
    /// Not JSON text (RFC 8259): where it leaves the grammar, and what was expected there.
    #[error("not valid JSON: {expected} expected at byte {at}")]
    #[non_exhaustive]
    InvalidJson {
        /// The byte offset.
        at: usize,
        /// What would have been valid there, as words.
        expected: &'static str,
    },
    /// Valid JSON whose value is not an object, where an object is required.
    #[error("{found}, a JSON object expected")]
    #[non_exhaustive]
    NotJsonObject {
        /// The kind found (`an array`, `a string`, …).
        found: &'static str,
    },
    /// A member of a JSON object that the parameter does not define: refused so that a
    /// misspelt option is not dropped.
    #[error("unknown member {member}{}", DidYouMean(*suggestion))]
    #[non_exhaustive]
    UnknownMember {
        /// The member's name, as given.
        member: Excerpt,
        /// The defined member it is closest to.
        suggestion: Option<&'static str>,
    },
    /// A defined member with a value it does not take, or given twice.
    #[error("member {member}: {expected}")]
    #[non_exhaustive]
    InvalidMember {
        /// The member (`CoverConfig.StartTime` for a nested one).
        member: &'static str,
        /// What it takes, or what is wrong, as words.
        expected: &'static str,
    },
    /// A parameter that older SDK models of UpdateMediaInfo sent
    /// ([`UpdateMediaInfoRequest::RETIRED_PARAMETERS`](crate::UpdateMediaInfoRequest::RETIRED_PARAMETERS)),
    /// not one of the operation as documented today: refused so that nobody believes it was
    /// applied.
    #[error("a parameter of older SDK models, not of UpdateMediaInfo as documented today, so it would not be applied")]
    RetiredParameter,
    /// The parameter was given more than once.
    #[error("given {count} times, at most once allowed")]
    #[non_exhaustive]
    Repeated {
        /// How many times it was given.
        count: usize,
    },
    /// The request is larger than any valid one can be: refused whole, at once, on the
    /// parameter being read when it passed the limit, so that hostile input costs constant
    /// time and no allocation.
    #[error("request of {found} bytes or more, at most {max} allowed: refused whole")]
    #[non_exhaustive]
    RequestTooLarge {
        /// The most bytes a request may have
        /// ([`UpdateMediaInfoRequest::MAX_REQUEST_BYTES`](crate::UpdateMediaInfoRequest::MAX_REQUEST_BYTES)).
        max: usize,
        /// The bytes found: a query string's length, or the names and values read when the
        /// limit was passed.
        found: usize,
    },
    /// A JSON member whose value has a type the parameter does not take (a number for
    /// `Title`, an array, an object, a boolean but for `AppendTags`).
    #[error("{found}, expected {expected}")]
    #[non_exhaustive]
    WrongType {
        /// What was found: the number or boolean as written, or `an array`, `an object`.
        found: Box<str>,
        /// What the parameter takes, as words for the message.
        expected: &'static str,
    },
    /// An RPC common parameter with another value than this operation's.
    #[error("{value}, only {expected} accepted")]
    #[non_exhaustive]
    UnexpectedValue {
        /// The value expected.
        expected: &'static str,
        /// The value found.
        value: Excerpt,
    },
}

/// One problem with one parameter.
///
/// ```
/// use ims_media::{ErrorCode, Title};
/// let err = "x".repeat(131).parse::<Title>().unwrap_err();
/// assert_eq!(err.param(), "Title");
/// assert_eq!(err.code(), ErrorCode::InvalidParameter);
/// assert_eq!(err.to_string(), "invalid Title: 131 bytes, at most 128 allowed");
/// ```
///
/// The error is one pointer wide (its contents are on the heap), so that a `Result` of a
/// value type is no larger than the value: the error path pays one allocation, the success
/// path moves fewer bytes (a `Result<ReferenceId, ParamError>` is 48 bytes, not 96).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ParamError(Box<Inner>);

/// What a [`ParamError`] holds.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Inner {
    /// The parameter, for an error about one of the operation's parameters.
    param: Option<Param>,
    name: Cow<'static, str>,
    /// The length of the name as received, which `name` may hold shortened.
    name_len: usize,
    kind: ParamErrorKind,
}

impl ParamError {
    /// An error of a known parameter.
    pub(crate) fn new(param: Param, kind: ParamErrorKind) -> Self {
        ParamError(Box::new(Inner {
            param: Some(param),
            name: Cow::Borrowed(param.name()),
            name_len: param.name().len(),
            kind,
        }))
    }

    /// An error of an RPC common parameter (`Action`, `Version`, …), by its static name.
    pub(crate) fn common(name: &'static str, kind: ParamErrorKind) -> Self {
        ParamError(Box::new(Inner {
            param: None,
            name: Cow::Borrowed(name),
            name_len: name.len(),
            kind,
        }))
    }

    /// An error of an unknown name as received, kept shortened to [`Excerpt::MAX_BYTES`]
    /// bytes.
    pub(crate) fn unknown(name: &str, kind: ParamErrorKind) -> Self {
        Self::unknown_sized(name, name.len(), kind)
    }

    /// An error of an unknown name of `len` bytes, of which `name` holds the first (at least
    /// as many as the error keeps) or all.
    pub(crate) fn unknown_sized(name: &str, len: usize, kind: ParamErrorKind) -> Self {
        debug_assert!(len >= name.len());
        ParamError(Box::new(Inner {
            param: None,
            name: Cow::Owned(Excerpt::prefix(name).to_owned()),
            name_len: len,
            kind,
        }))
    }

    /// Whether this error is about `name` as received. Names are compared by the part an
    /// error keeps (at most [`Excerpt::MAX_BYTES`] bytes), so that no two errors have the same
    /// [`ParamError::param`]: names that differ only past it are one problem.
    pub(crate) fn is_about(&self, name: &str) -> bool {
        *self.0.name == *Excerpt::prefix(name)
    }

    /// The parameter's wire name (`"InputURL"`), or an unknown name as received, shortened to
    /// at most [`Excerpt::MAX_BYTES`] bytes.
    pub fn param(&self) -> &str {
        &self.0.name
    }

    /// The parameter as a [`Param`], where the error is about one of the operation's
    /// parameters (not about a name it does not take).
    pub fn known_param(&self) -> Option<Param> {
        self.0.param
    }

    /// [`ErrorCode::MissingParameter`] for [`ParamErrorKind::Missing`], otherwise
    /// [`ErrorCode::InvalidParameter`].
    pub fn code(&self) -> ErrorCode {
        match self.0.kind {
            ParamErrorKind::Missing | ParamErrorKind::Required => ErrorCode::MissingParameter,
            _ => ErrorCode::InvalidParameter,
        }
    }

    /// What is wrong, with its data.
    pub fn kind(&self) -> &ParamErrorKind {
        &self.0.kind
    }
}

impl fmt::Debug for ParamError {
    /// The fields, as if they were the error's own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParamError")
            .field("name", &self.0.name)
            .field("name_len", &self.0.name_len)
            .field("kind", &self.0.kind)
            .finish()
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.kind {
            ParamErrorKind::Missing | ParamErrorKind::Required => {
                write!(f, "missing {}: {}", self.0.name, self.0.kind)
            }
            ParamErrorKind::UnknownParameter { .. } => {
                write!(f, "unknown parameter {}", Quoted(&self.0.name))?;
                if self.0.name_len > self.0.name.len() {
                    f.write_str("…")?;
                }
                write!(f, ": {}", self.0.kind)
            }
            kind => {
                write!(f, "invalid {}", Name(&self.0.name))?;
                if self.0.name_len > self.0.name.len() {
                    f.write_str("…")?;
                }
                write!(f, ": {kind}")
            }
        }
    }
}

impl std::error::Error for ParamError {}

/// Every problem found in one request, in the order of [`Param::ALL`], then `Action` and
/// `Version`, then unknown names in input order.
///
/// At most [`RequestError::MAX_ERRORS`] problems are kept; [`RequestError::omitted`] says how
/// many more were found, so hostile input cannot make the error grow with its size.
///
/// Its [`Display`](fmt::Display) is the message of every problem listed, in order, joined by
/// `; `, then `; and N more` when more were found than listed: the `Message` of the API's error
/// body ([`ErrorResponse`](crate::ErrorResponse)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestError {
    errors: Vec<ParamError>,
    omitted: usize,
}

impl RequestError {
    /// The most problems one error lists.
    pub const MAX_ERRORS: usize = 64;

    /// Builds the error from problems already in order; keeps the first
    /// [`RequestError::MAX_ERRORS`] and counts the rest.
    pub(crate) fn new(errors: Vec<ParamError>, omitted: usize) -> Self {
        let mut errors = errors;
        let extra = errors.len().saturating_sub(Self::MAX_ERRORS);
        errors.truncate(Self::MAX_ERRORS);
        RequestError {
            errors,
            omitted: omitted + extra,
        }
    }

    /// The problems, at most [`RequestError::MAX_ERRORS`], never empty.
    pub fn errors(&self) -> &[ParamError] {
        &self.errors
    }

    /// How many more problems were found than [`RequestError::errors`] lists. An unknown name
    /// given many times is one problem: repeats are recognised for the first 256 distinct
    /// names past the list (memory stays bounded); past those, a repeated name may count
    /// again, so on such input the count is an upper bound.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// The code of the first problem: [`ErrorCode::MissingParameter`] or
    /// [`ErrorCode::InvalidParameter`].
    pub fn code(&self) -> ErrorCode {
        self.errors
            .first()
            .map_or(ErrorCode::InvalidParameter, ParamError::code)
    }
}

impl From<ParamError> for RequestError {
    fn from(e: ParamError) -> Self {
        RequestError::new(vec![e], 0)
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            fmt::Display::fmt(e, f)?;
        }
        if self.omitted > 0 {
            write!(f, "; and {} more", self.omitted)?;
        }
        Ok(())
    }
}

impl std::error::Error for RequestError {}

/// Why [`apply_update`](crate::apply_update) refused an update. The caller's
/// [`MediaInfo`](crate::MediaInfo) is unchanged whenever this is returned.
///
/// New variants, and new fields of a variant, may come in minor releases: a `match` needs a
/// `_` arm and each variant pattern a `..`; values of it come from the crate, never built by
/// hand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UpdateError {
    /// The request's target is another asset than the one given: [`ErrorCode::ResourceNotFound`]
    /// when `MediaId` chose the target, [`ErrorCode::NoMatchedInputUrl`] when `InputURL` did.
    /// `param` is the one that chose it. The message quotes only what the request sent, never
    /// the stored asset's values, so it is safe to return to the caller.
    #[error("{}", not_found_message(*param, given))]
    #[non_exhaustive]
    NotFound {
        /// The parameter that chose the target.
        param: Param,
        /// Its value in the request.
        given: Excerpt,
    },
    /// `MediaId` chose the asset, and `InputURL` names another object than the stored one:
    /// the input URL cannot be changed ([`ErrorCode::InvalidParameter`]). The message quotes
    /// only the request's value.
    #[error("invalid InputURL: {given} names another object than the asset's stored InputURL, which cannot be changed")]
    #[non_exhaustive]
    InputUrlChanged {
        /// The InputURL of the request.
        given: Excerpt,
    },
    /// Appending the tags would give more than the limit ([`ErrorCode::InvalidParameter`]);
    /// nothing is dropped, the whole update fails.
    #[error("invalid MediaTags: appending gives {found} tags, at most {max} allowed")]
    #[non_exhaustive]
    TooManyTags {
        /// The greatest number of tags allowed.
        max: usize,
        /// How many tags the append would give.
        found: usize,
    },
}

impl UpdateError {
    /// The answer of a service that has no asset for `target`: [`UpdateError::NotFound`] on
    /// the parameter that chose it (`ResourceNotFound` for a MediaId, `NoMatchedInputUrl` for
    /// an InputURL alone), quoting only the request's value.
    ///
    /// ```
    /// use ims_media::{ErrorCode, MediaTarget, UpdateError};
    /// let target = MediaTarget::InputUrl("oss://example-bucket/a.mp4".parse()?);
    /// let err = UpdateError::not_found(&target);
    /// assert_eq!((err.code(), err.param()), (ErrorCode::NoMatchedInputUrl, "InputURL"));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn not_found(target: &crate::MediaTarget) -> Self {
        match target {
            crate::MediaTarget::MediaId { id, .. } => UpdateError::NotFound {
                param: Param::MediaId,
                given: Excerpt::new(id.as_str()),
            },
            crate::MediaTarget::InputUrl(url) => UpdateError::NotFound {
                param: Param::InputUrl,
                given: Excerpt::new(url.as_str()),
            },
        }
    }

    /// The wire name of the parameter at fault.
    pub fn param(&self) -> &str {
        match self {
            UpdateError::NotFound { param, .. } => param.name(),
            UpdateError::InputUrlChanged { .. } => Param::InputUrl.name(),
            UpdateError::TooManyTags { .. } => Param::MediaTags.name(),
        }
    }

    /// [`ErrorCode::ResourceNotFound`] for a target chosen by `MediaId` that is another asset,
    /// [`ErrorCode::NoMatchedInputUrl`] for one chosen by `InputURL`, otherwise
    /// [`ErrorCode::InvalidParameter`].
    pub fn code(&self) -> ErrorCode {
        match self {
            UpdateError::NotFound {
                param: Param::InputUrl,
                ..
            } => ErrorCode::NoMatchedInputUrl,
            UpdateError::NotFound { .. } => ErrorCode::ResourceNotFound,
            UpdateError::InputUrlChanged { .. } | UpdateError::TooManyTags { .. } => {
                ErrorCode::InvalidParameter
            }
        }
    }
}

/// The message of [`UpdateError::NotFound`]: by `MediaId`, the asset was not found; by
/// `InputURL`, no asset is registered under it.
fn not_found_message(param: Param, given: &Excerpt) -> String {
    match param {
        Param::InputUrl => format!("no media asset matches InputURL {given}"),
        _ => format!("no media asset has {param} {given}"),
    }
}

/// Every failure of the operation, so that a handler uses `?` all the way: the request's
/// problems ([`RequestError`]), the update's ([`UpdateError`]), and a stored asset that is not
/// valid ([`Error::StoredAsset`]).
///
/// [`Error::code`] and [`Error::http_status`] are those of the first problem;
/// [`ErrorResponse`](crate::ErrorResponse) turns it into the API's error body.
///
/// # Errors
///
/// It is the error. Its [`Display`](fmt::Display) is the message the error body carries,
/// except for [`Error::StoredAsset`], whose body says only that the stored asset is not valid
/// (the details, which quote the stored values, are for the service's log):
///
/// ```
/// use ims_media::{Error, ErrorCode, UpdateMediaInfoRequest};
/// fn parse(query: &str) -> Result<UpdateMediaInfoRequest, Error> {
///     Ok(UpdateMediaInfoRequest::from_query(query)?)
/// }
/// let err = parse("Title=x").unwrap_err();
/// assert_eq!((err.code(), err.http_status()), (ErrorCode::MissingParameter, 400));
/// assert_eq!(err.to_string(), "missing MediaId: MediaId or InputURL is required");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request's parameters: every problem, listed.
    #[error(transparent)]
    Request(#[from] RequestError),
    /// The request does not apply to the asset.
    #[error(transparent)]
    Update(#[from] UpdateError),
    /// The stored asset the update was to apply to is not valid, e.g. a `MediaBasicInfo`
    /// that [`MediaInfo::try_from`](crate::MediaInfo) refused: [`ErrorCode::InternalError`],
    /// the service's fault, not the caller's. Built with `.map_err(Error::StoredAsset)`:
    /// there is deliberately no `From<ParamError>`, so that a stored asset's problem cannot
    /// pass for the caller's `InvalidParameter` (whose message would quote the stored value).
    #[error("the stored media asset is not valid: {0}")]
    StoredAsset(ParamError),
    /// The stored document found for the request (by its `MediaId` or `InputURL`) cannot be
    /// read as a media asset at all, e.g. a `MediaBasicInfo` JSON document with a member of the
    /// wrong type: [`ErrorCode::InternalError`], the service's fault. It holds the reader's
    /// message (which may quote stored values, so the error body does not carry it). A service
    /// answers this, never "not found", for a document it found but cannot read: corrupt data
    /// must not hide behind a 404.
    ///
    /// ```
    /// use ims_media::{Error, ErrorCode};
    /// let e = Error::StoredDocument("invalid CateId at line 1 column 12".into());
    /// assert_eq!((e.code(), e.http_status()), (ErrorCode::InternalError, 500));
    /// assert_eq!(e.public_message(), "the stored media document cannot be read");
    /// ```
    #[error("the stored media document cannot be read: {0}")]
    StoredDocument(Box<str>),
    /// The registration does not apply: the object is already registered.
    #[error(transparent)]
    Register(#[from] RegisterError),
}

/// Why [`register`](crate::register) refuses a valid request.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// An asset is already registered for the object and the request does not say
    /// `Overwrite=true` (`InvalidParameter` on `InputURL`; the message does not quote the
    /// stored asset).
    #[error("invalid InputURL: {given} is already registered; Overwrite=true replaces it")]
    AlreadyRegistered {
        /// The InputURL of the request.
        given: Excerpt,
    },
}

impl RegisterError {
    /// The parameter the error is about: `InputURL`.
    pub fn param(&self) -> &'static str {
        match self {
            RegisterError::AlreadyRegistered { .. } => Param::InputUrl.name(),
        }
    }

    /// [`ErrorCode::InvalidParameter`].
    pub fn code(&self) -> ErrorCode {
        ErrorCode::InvalidParameter
    }
}

impl Error {
    /// The code of the first problem ([`ErrorCode::InternalError`] for a stored asset or
    /// document).
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Request(e) => e.code(),
            Error::Update(e) => e.code(),
            Error::Register(e) => e.code(),
            Error::StoredAsset(_) | Error::StoredDocument(_) => ErrorCode::InternalError,
        }
    }

    /// The HTTP status of [`Error::code`].
    pub fn http_status(&self) -> u16 {
        self.code().http_status()
    }

    /// The message an error body may carry, safe to return to the caller: the message of
    /// every problem of the request, in order, joined by `; ` (then `; and N more` when more
    /// were found than listed); the update's message; for a stored asset, only
    /// `the stored media asset is not valid`, and for a stored document, only `the stored
    /// media document cannot be read`, since their details quote the stored values.
    pub fn public_message(&self) -> String {
        match self {
            Error::StoredAsset(_) => "the stored media asset is not valid".to_owned(),
            Error::StoredDocument(_) => "the stored media document cannot be read".to_owned(),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, WhiteSpace};
    use icu_properties::{CodePointMapData, CodePointSetData};

    /// Every code point, against the Unicode character database: escaped exactly when it is
    /// Cc, Cf, White_Space but the space, Default_Ignorable_Code_Point, or U+2800.
    #[test]
    fn the_invisible_table_is_every_class_it_names() {
        let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>();
        let white = CodePointSetData::new::<WhiteSpace>();
        let category = CodePointMapData::<GeneralCategory>::new();
        let mut seen = [0usize; 5];
        for ch in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let classes = [
                category.get(ch) == GeneralCategory::Control,
                category.get(ch) == GeneralCategory::Format,
                white.contains(ch) && ch != ' ',
                ignorable.contains(ch),
                ch == '\u{2800}',
            ];
            for (n, &is) in seen.iter_mut().zip(&classes) {
                *n += usize::from(is);
            }
            let want = classes.contains(&true);
            assert_eq!(is_invisible(ch), want, "U+{:04X}", u32::from(ch));
            // The two quoting forms agree with the table.
            let quoted = Quoted(ch.encode_utf8(&mut [0; 4])).to_string();
            let escaped = format!("\"<U+{:04X}>\"", u32::from(ch));
            assert_eq!(quoted == escaped, want, "U+{:04X}: {quoted}", u32::from(ch));
            assert_eq!(
                QuotedChar(ch).to_string() == format!("U+{:04X}", u32::from(ch)),
                want
            );
        }
        // Each class is there: 65 Cc, the Cf and White_Space characters, and the
        // default-ignorable ones (4,174 of them, unassigned ones included).
        assert_eq!(seen[0], 65);
        assert!(
            seen[1] > 150 && seen[2] == 24 && seen[3] > 4000 && seen[4] == 1,
            "{seen:?}"
        );
        assert!(!is_invisible(' ') && !is_invisible('a') && !is_invisible('界'));
    }
}
