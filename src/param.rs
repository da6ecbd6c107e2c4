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

/// The parameter named exactly `name`, found by the length and the first byte (the second
/// for the two of eight bytes starting with `C`) and then one comparison: the one lookup of
/// wire names, used by [`FromStr`] and on the request path.
pub(crate) fn lookup(name: &str) -> Option<Param> {
    let b = name.as_bytes();
    let candidate = match (b.len(), *b.first()?) {
        (7, b'M') => Param::MediaId,
        (8, b'I') => Param::InputUrl,
        (12, b'B') => Param::BusinessType,
        (5, b'T') => Param::Title,
        (11, b'D') => Param::Description,
        (8, b'C') if b.get(1) == Some(&b'a') => Param::Category,
        (9, b'M') => Param::MediaTags,
        (8, b'C') => Param::CoverUrl,
        (8, b'U') => Param::UserData,
        (10, b'A') => Param::AppendTags,
        (6, b'C') => Param::CateId,
        (11, b'R') => Param::ReferenceId,
        _ => return None,
    };
    eq_name(candidate.name().as_bytes(), b).then_some(candidate)
}

/// `a == b` for names of 4 to 16 bytes as two word comparisons (the first and the last
/// eight or four bytes, overlapping), without a call to `memcmp`; other lengths as slices.
fn eq_name(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |s: &[u8], first: bool| -> u64 {
        let eight = if first {
            s.first_chunk::<8>()
        } else {
            s.last_chunk::<8>()
        };
        match eight {
            Some(w) => u64::from_le_bytes(*w),
            None => {
                let four = if first {
                    s.first_chunk::<4>()
                } else {
                    s.last_chunk::<4>()
                };
                four.map_or(0, |w| u64::from(u32::from_le_bytes(*w)))
            }
        }
    };
    if (4..=16).contains(&a.len()) {
        word(a, true) == word(b, true) && word(a, false) == word(b, false)
    } else {
        a == b
    }
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
        let words = [
            "", "a", "abc", "abcd", "abce", "abcdefg", "abcdefgh", "abcdefgi",
        ];
        for a in words
            .iter()
            .chain(&["MediaTagz", "xediaTags", "MediaTags", "BusinessTypes"])
        {
            for b in words.iter().chain(&["MediaTags", "MediaTagz", "xediaTags"]) {
                assert_eq!(eq_name(a.as_bytes(), b.as_bytes()), a == b, "{a:?} {b:?}");
            }
        }
        for len in 4..=16 {
            let a: Vec<u8> = (0..len).collect();
            for at in 0..len as usize {
                let mut b = a.clone();
                b[at] ^= 1;
                assert!(!eq_name(&a, &b), "{len} {at}");
            }
            assert!(eq_name(&a, &a.clone()));
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
        #[allow(clippy::expect_used)]
        let slot = self
            .params
            .get_mut(self.len)
            .expect("each parameter is noted at most once, so there is a slot for it");
        *slot = param;
        self.len += 1;
    }

    /// The parameters noted, in order.
    pub(crate) fn as_slice(&self) -> &[Param] {
        #[allow(clippy::expect_used)]
        self.params
            .get(..self.len)
            .expect("len counts the slots filled")
    }
}
