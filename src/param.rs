//! The wire names of UpdateMediaInfo's parameters.

use std::fmt;
use std::str::FromStr;

/// One of the twelve wire parameters of UpdateMediaInfo.
///
/// [`Param::ALL`] lists them in the order of the API reference table; every list of
/// parameters this crate produces (errors, [`crate::UpdateOutcome::changed`], wire output)
/// follows that order.
///
/// # Errors
///
/// [`FromStr`] accepts only the exact, case-sensitive wire name:
///
/// ```
/// use ims_media::Param;
/// assert_eq!("InputURL".parse::<Param>(), Ok(Param::InputUrl));
/// assert!("inputurl".parse::<Param>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Param {
    /// `MediaId`
    MediaId,
    /// `InputURL`
    InputUrl,
    /// `BusinessType`
    BusinessType,
    /// `Title`
    Title,
    /// `Description`
    Description,
    /// `Category`
    Category,
    /// `MediaTags`
    MediaTags,
    /// `CoverURL`
    CoverUrl,
    /// `UserData`
    UserData,
    /// `AppendTags`
    AppendTags,
    /// `CateId`
    CateId,
    /// `ReferenceId`
    ReferenceId,
}

impl Param {
    /// Every parameter, in the order of the API reference table.
    pub const ALL: [Param; 12] = [
        Param::MediaId,
        Param::InputUrl,
        Param::BusinessType,
        Param::Title,
        Param::Description,
        Param::Category,
        Param::MediaTags,
        Param::CoverUrl,
        Param::UserData,
        Param::AppendTags,
        Param::CateId,
        Param::ReferenceId,
    ];

    /// The exact wire name, e.g. `"InputURL"`.
    ///
    /// ```
    /// assert_eq!(ims_media::Param::CoverUrl.name(), "CoverURL");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Param::MediaId => "MediaId",
            Param::InputUrl => "InputURL",
            Param::BusinessType => "BusinessType",
            Param::Title => "Title",
            Param::Description => "Description",
            Param::Category => "Category",
            Param::MediaTags => "MediaTags",
            Param::CoverUrl => "CoverURL",
            Param::UserData => "UserData",
            Param::AppendTags => "AppendTags",
            Param::CateId => "CateId",
            Param::ReferenceId => "ReferenceId",
        }
    }

    /// The position of this parameter in [`Param::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of [`Param`]'s [`FromStr`]: the name is not one of the twelve wire names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a parameter of UpdateMediaInfo")]
pub struct UnknownParam;

impl FromStr for Param {
    type Err = UnknownParam;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Param::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or(UnknownParam)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_table_order() {
        for (i, p) in Param::ALL.into_iter().enumerate() {
            assert_eq!(p.index(), i);
            assert_eq!(p.name().parse::<Param>(), Ok(p));
        }
        assert_eq!(Param::InputUrl.to_string(), "InputURL");
        assert_eq!("Inputurl".parse::<Param>(), Err(UnknownParam));
    }
}
