//! The bounded free-text values: [`Title`], [`Description`], [`Category`] and [`UserData`],
//! and the helpers they share with [`Tag`](crate::Tag): grapheme-aware truncation and the
//! compile-time check behind `from_static`.
//!
//! Every value is taken verbatim ([rule 2](crate::rules)): no trimming, case folding or Unicode
//! normalisation. Limits count UTF-8 bytes and a value exactly at the limit is valid (rule 4).
//! A value is never empty (rule 5).

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use crate::error::{Excerpt, ParamError, ParamErrorKind, Unit};
use crate::text::{self, Controls};
use crate::Param;

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
    s.get(..cut).unwrap_or("")
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
    if let Some((at, ch)) = text::find_control(s, controls) {
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

/// The title of a media asset: the `Title` parameter.
///
/// Rules ([rules 2–5](crate::rules)): 1 to [`Title::MAX_BYTES`] (128) UTF-8 bytes, a value of exactly
/// 128 bytes is valid; no control character (Unicode general category Cc, U+0000–U+001F and
/// U+007F–U+009F, TAB and line breaks included); everything else is allowed (emoji, CJK,
/// right-to-left text, format characters such as ZWJ). The value is kept verbatim: no
/// trimming, case folding or normalisation. It is never empty: clearing a title is
/// `FieldUpdate::Clear` or `None`, not an empty `Title`.
///
/// # Errors
///
/// An empty value, more than 128 bytes, or a control character (the error gives its byte
/// offset). Length is checked before the characters, so a huge value is refused at once.
///
/// ```
/// use ims_media::Title;
/// assert_eq!("夏日 🌅".parse::<Title>().unwrap().as_str(), "夏日 🌅");
/// assert_eq!(
///     "".parse::<Title>().unwrap_err().to_string(),
///     "invalid Title: empty, at least 1 byte required"
/// );
/// assert_eq!(
///     "a\nb".parse::<Title>().unwrap_err().to_string(),
///     "invalid Title: control character U+000A at byte 1 in \"a<U+000A>b\""
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Title(Cow<'static, str>);

impl Title {
    /// The most UTF-8 bytes a title may have.
    pub const MAX_BYTES: usize = 128;

    fn validate(s: &str) -> Result<(), ParamError> {
        text::check(s, Self::MAX_BYTES, Controls::Reject)
            .map_err(|kind| ParamError::new(Param::Title, kind))
    }

    /// The longest prefix of `s` made of whole grapheme clusters (user-perceived characters,
    /// UAX #29) that fits in [`Title::MAX_BYTES`]; `s` itself when it fits. Nothing is cut
    /// inside a character, a combining sequence or an emoji ZWJ sequence.
    ///
    /// Costs O([`Title::MAX_BYTES`]) plus one scan of `s` for control characters.
    ///
    /// # Errors
    ///
    /// Only what truncation cannot fix: an empty `s`; a control character anywhere in `s`,
    /// even past the cut (the input is refused rather than a bad part silently dropped; the
    /// error gives the offset in `s`); and a first grapheme cluster longer than the limit by
    /// itself (the error is the "too long" one, with the length of `s`).
    ///
    /// ```
    /// use ims_media::Title;
    /// let t = Title::truncated(&"e\u{301}".repeat(50)).unwrap();
    /// assert_eq!(t.as_str(), "e\u{301}".repeat(42)); // 126 bytes: 43 would be 129
    /// assert!(Title::truncated("").is_err());
    /// assert!(Title::truncated(&format!("{}\u{7}", "a".repeat(500))).is_err());
    /// ```
    pub fn truncated(s: &str) -> Result<Self, ParamError> {
        let prefix = truncate(s, Self::MAX_BYTES, Controls::Reject)
            .map_err(|kind| ParamError::new(Param::Title, kind))?;
        prefix.parse()
    }

    /// A title from a literal, checked when evaluated: use it in a `const` to have the check
    /// at compile time.
    ///
    /// # Panics
    ///
    /// When `s` is empty, longer than [`Title::MAX_BYTES`] or holds a control character.
    ///
    /// ```
    /// use ims_media::Title;
    /// const DEFAULT: Title = Title::from_static("defaultTitle");
    /// assert_eq!(DEFAULT.as_str(), "defaultTitle");
    /// ```
    ///
    /// ```should_panic
    /// let _ = ims_media::Title::from_static("tab\there");
    /// ```
    pub const fn from_static(s: &'static str) -> Self {
        check_static(s, Self::MAX_BYTES, false);
        Title(Cow::Borrowed(s))
    }
}

crate::value::string_newtype!(Title);

/// The description of a media asset: the `Description` parameter.
///
/// Rules ([rules 2–5](crate::rules)): 1 to [`Description::MAX_BYTES`] (1,024) UTF-8 bytes, a value of
/// exactly 1,024 bytes is valid; TAB, LF and CR are allowed (multi-line text), every other
/// control character (Unicode general category Cc, U+0000–U+001F and U+007F–U+009F) is
/// refused; everything else is allowed (emoji, CJK, right-to-left text, format characters).
/// The value is kept verbatim: no trimming, no line-ending conversion, no normalisation. It is
/// never empty: clearing is `FieldUpdate::Clear` or `None`.
///
/// # Errors
///
/// An empty value, more than 1,024 bytes, or a control character other than TAB, LF and CR
/// (the error gives its byte offset).
///
/// ```
/// use ims_media::Description;
/// assert!("line 1\r\nline 2\tend".parse::<Description>().is_ok());
/// assert_eq!(
///     "x".repeat(1025).parse::<Description>().unwrap_err().to_string(),
///     "invalid Description: 1025 bytes, at most 1024 allowed"
/// );
/// assert_eq!(
///     "a\u{0}".parse::<Description>().unwrap_err().to_string(),
///     "invalid Description: control character U+0000 at byte 1 in \"a<U+0000>\""
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Description(Cow<'static, str>);

impl Description {
    /// The most UTF-8 bytes a description may have.
    pub const MAX_BYTES: usize = 1024;

    fn validate(s: &str) -> Result<(), ParamError> {
        text::check(s, Self::MAX_BYTES, Controls::AllowTabLineBreaks)
            .map_err(|kind| ParamError::new(Param::Description, kind))
    }

    /// The longest prefix of `s` made of whole grapheme clusters (UAX #29) that fits in
    /// [`Description::MAX_BYTES`]; `s` itself when it fits. A CR LF pair is one cluster and is
    /// never split.
    ///
    /// Costs O([`Description::MAX_BYTES`]) plus one scan of `s` for control characters.
    ///
    /// # Errors
    ///
    /// Only what truncation cannot fix: an empty `s`; a refused control character anywhere in
    /// `s`, even past the cut (the error gives the offset in `s`); and a first grapheme
    /// cluster longer than the limit by itself (the "too long" error, with the length of `s`).
    ///
    /// ```
    /// use ims_media::Description;
    /// let d = Description::truncated(&"界".repeat(400)).unwrap();
    /// assert_eq!(d.as_str().len(), 1023);
    /// assert!(Description::truncated("\u{1b}[0m").is_err());
    /// ```
    pub fn truncated(s: &str) -> Result<Self, ParamError> {
        let prefix = truncate(s, Self::MAX_BYTES, Controls::AllowTabLineBreaks)
            .map_err(|kind| ParamError::new(Param::Description, kind))?;
        prefix.parse()
    }

    /// A description from a literal, checked when evaluated: use it in a `const` to have the
    /// check at compile time.
    ///
    /// # Panics
    ///
    /// When `s` is empty, longer than [`Description::MAX_BYTES`] or holds a control character
    /// other than TAB, LF and CR.
    ///
    /// ```
    /// use ims_media::Description;
    /// const D: Description = Description::from_static("first line\nsecond line");
    /// assert_eq!(D.as_str(), "first line\nsecond line");
    /// ```
    ///
    /// ```should_panic
    /// let _ = ims_media::Description::from_static("");
    /// ```
    pub const fn from_static(s: &'static str) -> Self {
        check_static(s, Self::MAX_BYTES, true);
        Description(Cow::Borrowed(s))
    }
}

crate::value::string_newtype!(Description);

/// The category of a media asset: the `Category` parameter.
///
/// Rules ([rules 2–5](crate::rules)): 1 to [`Category::MAX_BYTES`] (64) UTF-8 bytes, a value of
/// exactly 64 bytes is valid; no control character (Unicode general category Cc,
/// U+0000–U+001F and U+007F–U+009F, TAB and line breaks included); everything else is
/// allowed. The value is kept verbatim. It is never empty: clearing is `FieldUpdate::Clear`
/// or `None`.
///
/// # Errors
///
/// An empty value, more than 64 bytes, or a control character (the error gives its byte
/// offset).
///
/// ```
/// use ims_media::Category;
/// assert!("纪录片".parse::<Category>().is_ok());
/// assert_eq!(
///     "界".repeat(22).parse::<Category>().unwrap_err().to_string(),
///     "invalid Category: 66 bytes, at most 64 allowed"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Category(Cow<'static, str>);

impl Category {
    /// The most UTF-8 bytes a category may have.
    pub const MAX_BYTES: usize = 64;

    fn validate(s: &str) -> Result<(), ParamError> {
        text::check(s, Self::MAX_BYTES, Controls::Reject)
            .map_err(|kind| ParamError::new(Param::Category, kind))
    }

    /// The longest prefix of `s` made of whole grapheme clusters (UAX #29) that fits in
    /// [`Category::MAX_BYTES`]; `s` itself when it fits.
    ///
    /// Costs O([`Category::MAX_BYTES`]) plus one scan of `s` for control characters.
    ///
    /// # Errors
    ///
    /// Only what truncation cannot fix: an empty `s`; a control character anywhere in `s`,
    /// even past the cut (the error gives the offset in `s`); and a first grapheme cluster
    /// longer than the limit by itself (the "too long" error, with the length of `s`).
    ///
    /// ```
    /// use ims_media::Category;
    /// assert_eq!(Category::truncated(&"界".repeat(22)).unwrap().as_str(), "界".repeat(21));
    /// assert!(Category::truncated("a\tb").is_err());
    /// ```
    pub fn truncated(s: &str) -> Result<Self, ParamError> {
        let prefix = truncate(s, Self::MAX_BYTES, Controls::Reject)
            .map_err(|kind| ParamError::new(Param::Category, kind))?;
        prefix.parse()
    }

    /// A category from a literal, checked when evaluated: use it in a `const` to have the
    /// check at compile time.
    ///
    /// # Panics
    ///
    /// When `s` is empty, longer than [`Category::MAX_BYTES`] or holds a control character.
    ///
    /// ```
    /// use ims_media::Category;
    /// const C: Category = Category::from_static("defaultCategory");
    /// assert_eq!(C.as_str(), "defaultCategory");
    /// ```
    ///
    /// ```should_panic
    /// let _ = ims_media::Category::from_static(
    ///     "a category name that is much longer than the sixty-four bytes allowed",
    /// );
    /// ```
    pub const fn from_static(s: &'static str) -> Self {
        check_static(s, Self::MAX_BYTES, false);
        Category(Cow::Borrowed(s))
    }
}

crate::value::string_newtype!(Category);

/// Free data the caller attaches to a media asset: the `UserData` parameter.
///
/// IMS stores it as an opaque string (commonly JSON); this crate does not parse it. Rules
/// ([rules 2–5](crate::rules)): 1 to [`UserData::MAX_BYTES`] (1,024) UTF-8 bytes, a value of exactly
/// 1,024 bytes is valid; TAB, LF and CR are allowed, every other control character (Unicode
/// general category Cc) is refused; everything else is allowed. The value is kept verbatim,
/// byte for byte. It is never empty: clearing is `FieldUpdate::Clear` or `None`.
///
/// Unlike the other texts, `UserData` has no `truncated`: cutting structured data (JSON)
/// would corrupt it.
///
/// # Errors
///
/// An empty value, more than 1,024 bytes, or a control character other than TAB, LF and CR
/// (the error gives its byte offset).
///
/// ```
/// use ims_media::UserData;
/// assert!("{\n\t\"k\": \"v\"\n}".parse::<UserData>().is_ok());
/// assert_eq!(
///     "{\"k\":\"\u{85}\"}".parse::<UserData>().unwrap_err().to_string(),
///     "invalid UserData: control character U+0085 at byte 6 in \"{\\\"k\\\":\\\"<U+0085>\\\"}\""
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserData(Cow<'static, str>);

impl UserData {
    /// The most UTF-8 bytes user data may have.
    pub const MAX_BYTES: usize = 1024;

    fn validate(s: &str) -> Result<(), ParamError> {
        text::check(s, Self::MAX_BYTES, Controls::AllowTabLineBreaks)
            .map_err(|kind| ParamError::new(Param::UserData, kind))
    }

    /// User data from a literal, checked when evaluated: use it in a `const` to have the
    /// check at compile time.
    ///
    /// # Panics
    ///
    /// When `s` is empty, longer than [`UserData::MAX_BYTES`] or holds a control character
    /// other than TAB, LF and CR.
    ///
    /// ```
    /// use ims_media::UserData;
    /// const U: UserData = UserData::from_static("{\"source\":\"import\"}");
    /// assert_eq!(U.as_str(), "{\"source\":\"import\"}");
    /// ```
    ///
    /// ```should_panic
    /// let _ = ims_media::UserData::from_static("bell\u{7}");
    /// ```
    pub const fn from_static(s: &'static str) -> Self {
        check_static(s, Self::MAX_BYTES, true);
        UserData(Cow::Borrowed(s))
    }
}

crate::value::string_newtype!(UserData);

#[cfg(test)]
mod tests {
    use super::*;

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
                assert_eq!(ok, text::check(s, 8, controls).is_ok(), "{c:?} {lenient}");
            }
        }
    }
}
