//! The validated value types, one file each, and the trait boilerplate they share.

/// Implements the traits every string newtype has, for a tuple struct
/// `$ty(Cow<'static, str>)` (borrowed only when built by a `const fn from_static`) that has
/// `fn validate(s: &str) -> Result<(), ParamError>`: `FromStr`, `TryFrom<&str>`,
/// `TryFrom<String>` (which keeps the caller's allocation), `Display`, `AsRef<str>`,
/// `as_str` and `into_string`. Every constructor goes through `validate`.
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
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::ParamError;

            #[inline]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::validate(s)?;
                Ok($ty(::std::borrow::Cow::Owned(s.to_owned())))
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = $crate::ParamError;

            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $crate::ParamError;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::validate(&s)?;
                Ok($ty(::std::borrow::Cow::Owned(s)))
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<$ty> for String {
            fn from(v: $ty) -> String {
                v.0.into_owned()
            }
        }
    };
}
pub(crate) use string_newtype;

/// `value == "text"` and `value == *"text"` for a type with `as_str`: equal when the value as
/// written is that string.
macro_rules! str_eq {
    ($($ty:ty),*) => {$(
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
    )*};
}

str_eq!(
    crate::Title,
    crate::Description,
    crate::Category,
    crate::UserData,
    crate::CoverUrl,
    crate::MediaId,
    crate::ReferenceId,
    crate::Tag,
    crate::InputUrl,
    crate::BusinessType
);

pub mod business_type;
pub mod cate_id;
pub mod cover_url;
pub mod ids;
pub mod input_url;
mod punycode;
pub mod tags;
pub mod text_fields;
