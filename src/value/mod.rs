//! The validated value types, one file each, and the trait boilerplate they share.

/// The `FromStr` and `as_str` of a text newtype `$ty(Cow<'static, str>)` (borrowed only when
/// built by a `const fn from_static`) that has `fn validate(s: &str) -> Result<(), ParamError>`,
/// and `from_string`, which keeps the caller's allocation. Every constructor goes through
/// `validate`; the other traits are [`value_traits!`]'s.
macro_rules! string_newtype {
    ($ty:ident) => {
        impl $ty {
            /// The value, exactly as given.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The value as an owned `String`.
            pub fn into_string(self) -> String {
                self.0.into_owned()
            }

            /// The value of `s`, keeping its allocation.
            pub(crate) fn from_string(s: String) -> Result<Self, $crate::ParamError> {
                Self::validate(&s)?;
                Ok($ty(::std::borrow::Cow::Owned(s)))
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::ParamError;

            #[inline]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::validate(s)?;
                Ok($ty(::std::borrow::Cow::Owned(s.to_owned())))
            }
        }
    };
}
pub(crate) use string_newtype;

/// The traits of the value types read from text, written once for all of them. Each type
/// writes its own `FromStr` (its rule) and, as it has them, `as_str`, `into_string` and a
/// `from_string` that keeps the caller's allocation; this gives the rest:
///
/// * `parse`: `TryFrom<&str>` and `TryFrom<String>` through `FromStr`;
/// * `owned`: `TryFrom<&str>` through `FromStr`, `TryFrom<String>` through `from_string`;
/// * `text`: `Display`, `AsRef<str>` and `==` with `str` and `&str`, as written (`as_str`);
/// * `into_string`: `From<T> for String` (`into_string`).
macro_rules! value_traits {
    ($($what:ident: $($ty:ty),+;)*) => {$($(value_traits!(@$what $ty);)+)*};
    (@parse $ty:ty) => {
        value_traits!(@from_ref $ty);

        impl TryFrom<String> for $ty {
            type Error = crate::ParamError;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }
    };
    (@owned $ty:ty) => {
        value_traits!(@from_ref $ty);

        impl TryFrom<String> for $ty {
            type Error = crate::ParamError;

            /// Keeps the caller's allocation.
            fn try_from(s: String) -> Result<Self, Self::Error> {
                <$ty>::from_string(s)
            }
        }
    };
    (@from_ref $ty:ty) => {
        impl TryFrom<&str> for $ty {
            type Error = crate::ParamError;

            #[inline]
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }
    };
    (@text $ty:ty) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<$ty> for str {
            fn eq(&self, other: &$ty) -> bool {
                self == other.as_str()
            }
        }

        impl PartialEq<$ty> for &str {
            fn eq(&self, other: &$ty) -> bool {
                *self == other.as_str()
            }
        }
    };
    (@into_string $ty:ty) => {
        impl From<$ty> for String {
            fn from(v: $ty) -> String {
                v.into_string()
            }
        }
    };
}

use crate::{
    BusinessType, CateId, Category, ClientToken, CoverUrl, Description, InputUrl, MediaId,
    MediaTags, MediaType, ReferenceId, RegisterConfig, SmartTagTemplateId, Tag, Title, UserData,
    WorkflowId,
};

/// Hands every type of the crate that has generators (the `arbitrary` and `proptest` impls)
/// to the macro `$then`, once: the value types, then the updates and records built of them.
#[cfg(any(feature = "arbitrary", feature = "proptest"))]
macro_rules! generated_types {
    ($then:ident) => {
        $then!(
            MediaId,
            ReferenceId,
            CateId,
            BusinessType,
            Param,
            Title,
            Description,
            Category,
            UserData,
            Tag,
            MediaTags,
            CoverUrl,
            InputUrl,
            TagsUpdate,
            MediaTarget,
            MediaInfo,
            UpdateMediaInfoRequest,
            MediaType,
            ClientToken,
            WorkflowId,
            SmartTagTemplateId,
            RegisterConfig,
            RegisterMediaInfoRequest,
        );
    };
}
#[cfg(any(feature = "arbitrary", feature = "proptest"))]
pub(crate) use generated_types;

value_traits! {
    owned: Title, Description, Category, UserData, CoverUrl, InputUrl;
    parse: MediaId, ReferenceId, Tag, BusinessType, CateId, MediaTags, MediaType, ClientToken,
        WorkflowId, SmartTagTemplateId, RegisterConfig;
    text: Title, Description, Category, UserData, CoverUrl, InputUrl, MediaId, ReferenceId, Tag,
        BusinessType, MediaType, ClientToken, WorkflowId,
        SmartTagTemplateId;
    into_string: Title, Description, Category, UserData, CoverUrl, InputUrl, MediaId,
        ReferenceId, Tag, ClientToken, WorkflowId,
        SmartTagTemplateId;
}

pub mod business_type;
pub mod cate_id;
pub mod cover_url;
pub mod ids;
pub mod input_url;
pub(crate) mod json;
pub mod media_type;
mod punycode;
pub mod register_config;
pub mod tags;
pub(crate) mod text;
pub mod text_fields;

/// The JSON type a parameter's value has in a request object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub(crate) enum Json {
    /// A string (`null` clears, as an empty string does).
    String,
    /// A number, or a string of digits.
    Integer,
    /// `true` or `false`.
    Boolean,
}

#[cfg_attr(not(feature = "serde"), allow(dead_code))]
impl Json {
    /// What a message says the member should have been.
    pub(crate) const fn expected(self) -> &'static str {
        match self {
            Json::String => "a string",
            Json::Integer => "a number or a string of digits",
            Json::Boolean => "true or false",
        }
    }
}

/// How a parameter's value is read from the wire and written back: one impl per value type,
/// named by the parameter table ([`crate::param`]).
pub(crate) trait WireValue: Sized {
    /// The most bytes a decoded value may have, for a limit counted in bytes: a query's
    /// value over it is refused from its decoded length, before it is decoded.
    const MAX_BYTES: Option<usize> = None;
    /// The value's JSON type in a request object.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    const JSON: Json = Json::String;

    /// The value of the non-empty wire text `s` of the parameter `param`.
    ///
    /// # Errors
    ///
    /// The value type's refusal, naming `param`.
    fn read(param: crate::Param, s: &str) -> Result<Self, crate::ParamError>;

    /// The value as wire text: what [`WireValue::read`] gives back the value from.
    fn write(&self) -> std::borrow::Cow<'_, str>;

    /// The value of a stored `MediaBasicInfo` member: as on the wire, except where the
    /// stored form differs (a signed cover).
    ///
    /// # Errors
    ///
    /// As [`WireValue::read`].
    fn read_stored(param: crate::Param, s: &str) -> Result<Self, crate::ParamError> {
        Self::read(param, s)
    }

    /// The value of a stored member that is a JSON number: as its digits on the wire.
    ///
    /// # Errors
    ///
    /// As [`WireValue::read`].
    fn read_integer(param: crate::Param, n: i64) -> Result<Self, crate::ParamError> {
        Self::read(param, &n.to_string())
    }
}

/// `WireValue` through `FromStr` and `Display`-as-`as_str`, for the types whose values are
/// written as they are held.
macro_rules! wire_value {
    ($($ty:ty $(, max $max:expr)?;)*) => {$(
        impl WireValue for $ty {
            $(const MAX_BYTES: Option<usize> = Some($max);)?
            #[inline]
            fn read(_: crate::Param, s: &str) -> Result<Self, crate::ParamError> {
                s.parse()
            }
            fn write(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed(self.as_str())
            }
        }
    )*};
}

wire_value! {
    crate::MediaId;
    crate::MediaType;
    crate::ClientToken;
    crate::WorkflowId;
    crate::SmartTagTemplateId;
    crate::InputUrl, max crate::InputUrl::MAX_BYTES;
    crate::BusinessType;
    crate::Title, max crate::Title::MAX_BYTES;
    crate::Description, max crate::Description::MAX_BYTES;
    crate::Category, max crate::Category::MAX_BYTES;
    crate::UserData, max crate::UserData::MAX_BYTES;
    crate::ReferenceId;
}

impl WireValue for crate::CoverUrl {
    const MAX_BYTES: Option<usize> = Some(crate::CoverUrl::MAX_BYTES);
    #[inline]
    fn read(_: crate::Param, s: &str) -> Result<Self, crate::ParamError> {
        s.parse()
    }
    fn write(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self.as_str())
    }
    /// A stored cover may be the URL signed for reading: its signature is removed.
    fn read_stored(_: crate::Param, s: &str) -> Result<Self, crate::ParamError> {
        crate::CoverUrl::from_signed(s)
    }
}

impl WireValue for crate::RegisterConfig {
    const MAX_BYTES: Option<usize> = Some(crate::RegisterConfig::MAX_BYTES);
    fn read(_: crate::Param, s: &str) -> Result<Self, crate::ParamError> {
        s.parse()
    }
    fn write(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(self.to_string())
    }
}

impl WireValue for crate::MediaTags {
    fn read(_: crate::Param, s: &str) -> Result<Self, crate::ParamError> {
        s.parse()
    }
    fn write(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(self.to_string())
    }
}

impl WireValue for crate::CateId {
    const JSON: Json = Json::Integer;
    fn read_integer(_: crate::Param, n: i64) -> Result<Self, crate::ParamError> {
        crate::CateId::try_from(n)
    }
    #[inline]
    fn read(_: crate::Param, s: &str) -> Result<Self, crate::ParamError> {
        s.parse()
    }
    fn write(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(self.to_string())
    }
}

/// A flag (`AppendTags`): `true` or `false`, ASCII case-insensitive (the Python SDK sends
/// `True`).
impl WireValue for bool {
    const JSON: Json = Json::Boolean;
    fn read(param: crate::Param, s: &str) -> Result<Self, crate::ParamError> {
        if s.eq_ignore_ascii_case("true") {
            Ok(true)
        } else if s.eq_ignore_ascii_case("false") {
            Ok(false)
        } else {
            Err(crate::ParamError::new(
                param,
                crate::ParamErrorKind::NotBoolean {
                    value: crate::Excerpt::new(s),
                },
            ))
        }
    }
    fn write(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(if *self { "true" } else { "false" })
    }
}
