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

impl FromStr for Param {
    type Err = crate::ParamError;

    /// The parameter with this exact wire name.
    ///
    /// # Errors
    ///
    /// The error a request gives for an unknown name
    /// ([`ParamErrorKind::UnknownParameter`](crate::ParamErrorKind::UnknownParameter), with
    /// the known name it is closest to), so one type stands for an unknown name everywhere.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        lookup(s).ok_or_else(|| {
            crate::ParamError::unknown(
                s,
                crate::ParamErrorKind::UnknownParameter {
                    suggestion: crate::request::suggestion(s),
                },
            )
        })
    }
}

/// The parameter named exactly `name`: the one lookup of wire names, used by [`FromStr`]
/// and on the request path. A plain `match` (a hand-written dispatch on length and first byte
/// with word comparisons measured no faster).
pub(crate) fn lookup(name: &str) -> Option<Param> {
    Some(match name {
        "MediaId" => Param::MediaId,
        "InputURL" => Param::InputUrl,
        "BusinessType" => Param::BusinessType,
        "Title" => Param::Title,
        "Description" => Param::Description,
        "Category" => Param::Category,
        "MediaTags" => Param::MediaTags,
        "CoverURL" => Param::CoverUrl,
        "UserData" => Param::UserData,
        "AppendTags" => Param::AppendTags,
        "CateId" => Param::CateId,
        "ReferenceId" => Param::ReferenceId,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lookup_is_the_exact_wire_name() {
        for p in Param::ALL {
            assert_eq!(lookup(p.name()), Some(p));
            let mut near = p.name().to_owned();
            near.push('x');
            assert_eq!(lookup(&near), None);
            assert_eq!(lookup(&p.name().to_ascii_lowercase()), None);
            assert_eq!(lookup(&p.name()[1..]), None);
        }
        for name in [
            "", "C", "Cxxxxxxx", "CateID", "CoverUrl", "Mediaid", "Action", "Titlé",
        ] {
            assert_eq!(
                lookup(name),
                Param::ALL.into_iter().find(|p| p.name() == name),
                "{name:?}"
            );
        }
    }

    #[test]
    fn names_round_trip_in_table_order() {
        for (i, p) in Param::ALL.into_iter().enumerate() {
            assert_eq!(p.index(), i);
            assert_eq!(p.name().parse::<Param>(), Ok(p));
        }
        assert_eq!(Param::InputUrl.to_string(), "InputURL");
        let err = "Inputurl".parse::<Param>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown parameter \"Inputurl\": not a parameter of UpdateMediaInfo, did you mean InputURL"
        );
    }
}

/// Parameters noted in place, at most one of each, in the order noted: the changed set of an
/// update and the fields two assets differ in. No allocation until copied out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParamList {
    params: [Param; Param::ALL.len()],
    len: usize,
}

impl Default for ParamList {
    fn default() -> Self {
        ParamList {
            params: [Param::MediaId; Param::ALL.len()],
            len: 0,
        }
    }
}

impl ParamList {
    /// Notes `param` when `differs`. Each parameter is noted at most once, so the list never
    /// grows past [`Param::ALL`]'s length.
    pub(crate) fn note(&mut self, param: Param, differs: bool) {
        if !differs {
            return;
        }
        debug_assert!(!self.as_slice().contains(&param), "{param:?} noted twice");
        let slot = self
            .params
            .get_mut(self.len)
            .expect("each parameter is noted at most once, so there is a slot for it");
        *slot = param;
        self.len += 1;
    }

    /// The parameters noted, in order.
    pub(crate) fn as_slice(&self) -> &[Param] {
        self.params
            .get(..self.len)
            .expect("len counts the slots filled")
    }
}
