//! The bounded free-text values: [`Title`], [`Description`], [`Category`] and [`UserData`].
//!
//! Every value is taken verbatim ([rule 2](crate::rules)): no trimming, case folding or Unicode
//! normalisation. Limits count UTF-8 bytes and a value exactly at the limit is valid
//! ([rule 4](crate::rules)). A value is never empty ([rule 5](crate::rules)).

use std::borrow::Cow;

use crate::error::ParamError;
use crate::value::text::{self, check_static, truncate, Controls};
use crate::Param;

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
