//! `BusinessType`: the documented kinds of media asset.

use std::str::FromStr;

use crate::error::{Excerpt, ParamError, ParamErrorKind};
use crate::Param;

/// The business type of a media asset: every value IMS documents for media assets.
///
/// UpdateMediaInfo's reference lists `subtitles`, `watermark`, `opening`, `ending` and
/// `general`; RegisterMediaInfo adds `font`; image assets (CreateUploadMedia) use `default`
/// and `cover`; the public library uses `sticker`, `bgm` and `bgi`. The match is exact and
/// lower case.
///
/// # Errors
///
/// Any other string, including other cases (`General`). The API page's example `video` is a
/// MediaType, not a BusinessType, and the message says so and lists the valid values:
///
/// ```
/// use ims_media::BusinessType;
/// assert_eq!("opening".parse::<BusinessType>(), Ok(BusinessType::Opening));
/// let err = "video".parse::<BusinessType>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid BusinessType: \"video\" is a MediaType, not a BusinessType; valid values: \
///      subtitles, font, watermark, opening, ending, general, default, cover, sticker, bgm, bgi"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BusinessType {
    /// `subtitles`
    Subtitles,
    /// `font`
    Font,
    /// `watermark`
    Watermark,
    /// `opening`
    Opening,
    /// `ending`
    Ending,
    /// `general`
    General,
    /// `default` (image assets)
    Default,
    /// `cover` (image assets)
    Cover,
    /// `sticker` (public library)
    Sticker,
    /// `bgm`, background music (public library)
    Bgm,
    /// `bgi`, background image (public library)
    Bgi,
}

impl BusinessType {
    /// Every business type, in the order of the documentation.
    pub const ALL: [BusinessType; 11] = [
        BusinessType::Subtitles,
        BusinessType::Font,
        BusinessType::Watermark,
        BusinessType::Opening,
        BusinessType::Ending,
        BusinessType::General,
        BusinessType::Default,
        BusinessType::Cover,
        BusinessType::Sticker,
        BusinessType::Bgm,
        BusinessType::Bgi,
    ];

    /// The wire value, e.g. `"general"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            BusinessType::Subtitles => "subtitles",
            BusinessType::Font => "font",
            BusinessType::Watermark => "watermark",
            BusinessType::Opening => "opening",
            BusinessType::Ending => "ending",
            BusinessType::General => "general",
            BusinessType::Default => "default",
            BusinessType::Cover => "cover",
            BusinessType::Sticker => "sticker",
            BusinessType::Bgm => "bgm",
            BusinessType::Bgi => "bgi",
        }
    }
}

impl FromStr for BusinessType {
    type Err = ParamError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BusinessType::ALL
            .into_iter()
            .find(|b| b.as_str() == s)
            .ok_or_else(|| {
                ParamError::new(
                    Param::BusinessType,
                    ParamErrorKind::UnknownBusinessType {
                        value: Excerpt::new(s),
                    },
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_and_case_matters() {
        for b in BusinessType::ALL {
            assert_eq!(b.as_str().parse::<BusinessType>(), Ok(b));
            assert!(b.as_str().to_uppercase().parse::<BusinessType>().is_err());
        }
    }

    #[test]
    fn other_values_are_refused_with_the_list() {
        let err = "image".parse::<BusinessType>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid BusinessType: \"image\" is not a BusinessType; valid values: subtitles, \
             font, watermark, opening, ending, general, default, cover, sticker, bgm, bgi"
        );
    }
}
