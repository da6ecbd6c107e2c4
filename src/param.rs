//! The parameter table: every wire parameter once, and the [`Param`] names it gives.
//!
//! # Design note: one row per parameter
//!
//! [`parameters!`] is the one place a parameter is declared: its `Param` variant, its wire
//! name, its value type and, for a field an asset stores and an update sets, the field's name
//! in [`MediaInfo`](crate::MediaInfo), [`UpdateMediaInfoRequest`](crate::UpdateMediaInfoRequest)
//! and [`MediaBasicInfo`](crate::MediaBasicInfo). How a value is read from the wire and
//! written back, its byte limit and its JSON type are the value type's
//! [`WireValue`](crate::value::WireValue) impl. Each module that does something to every
//! field (the collector, `to_params`, the merge, `diff`, the merge patch, serde, the
//! generators) hands a local macro to `parameters!` and gets the rows in table order; the
//! parameters that are not plain fields (`MediaId`, `InputURL`, `MediaTags`, `AppendTags`)
//! are written by hand in an exhaustive `match`, so a new row that is not a plain field is
//! named by the compiler wherever it needs a decision. A new plain field is one row here, its
//! value type, and its struct fields (the compiler names them), and its line on the rules
//! page.

use std::fmt;
use std::str::FromStr;

/// Hands the parameter table to the macro `$then`, one row per parameter in the order of the
/// API reference tables (both operations' orders are subsequences of it):
/// `Variant "WireName" ValueType;` (the type by its full path, so that
/// the modules expanding the rows need no imports), with `=> field` for a plain field (kept,
/// cleared or set by an update; `Option<ValueType>` in an asset).
macro_rules! parameters {
    ($then:ident) => {
        $then! {
            MediaId "MediaId" crate::MediaId;
            InputUrl "InputURL" crate::InputUrl;
            MediaType "MediaType" crate::MediaType;
            BusinessType "BusinessType" crate::BusinessType => business_type;
            Title "Title" crate::Title => title;
            Description "Description" crate::Description => description;
            Category "Category" crate::Category => category;
            MediaTags "MediaTags" crate::MediaTags;
            CoverUrl "CoverURL" crate::CoverUrl => cover_url;
            UserData "UserData" crate::UserData => user_data;
            AppendTags "AppendTags" bool;
            Overwrite "Overwrite" bool;
            ClientToken "ClientToken" crate::ClientToken;
            RegisterConfig "RegisterConfig" crate::RegisterConfig;
            CateId "CateId" crate::CateId => cate_id;
            WorkflowId "WorkflowId" crate::WorkflowId;
            ReferenceId "ReferenceId" crate::ReferenceId => reference_id;
            SmartTagTemplateId "SmartTagTemplateId" crate::SmartTagTemplateId;
        }
    };
}
pub(crate) use parameters;

macro_rules! param_enum {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        /// A wire parameter of the operations this crate knows.
        ///
        /// [`Param::ALL`] lists them in the order of the API reference table; every list of
        /// parameters this crate produces (errors, [`crate::UpdateOutcome::changed`], wire
        /// output) follows that order. Each request type lists its own
        /// ([`UpdateMediaInfoRequest::PARAMS`](crate::UpdateMediaInfoRequest::PARAMS)).
        /// A variant is added in a minor release when an operation gains a parameter (the
        /// enum is `#[non_exhaustive]`).
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
        #[non_exhaustive]
        pub enum Param {
            $(
                #[doc = concat!("`", $wire, "`")]
                $v,
            )*
        }

        impl Param {
            /// Every parameter, in the order of the API reference table.
            pub const ALL: [Param; [$(Param::$v),*].len()] = [$(Param::$v),*];

            /// The exact wire name, e.g. `"InputURL"`.
            ///
            /// ```
            /// assert_eq!(ims_media::Param::CoverUrl.name(), "CoverURL");
            /// ```
            pub const fn name(self) -> &'static str {
                match self {
                    $(Param::$v => $wire,)*
                }
            }

            /// The byte limit of a parameter whose limit is in bytes, checked on a query's
            /// decoded length before decoding.
            pub(crate) const fn max_bytes(self) -> Option<usize> {
                use crate::value::WireValue;
                match self {
                    $(Param::$v => <$ty as WireValue>::MAX_BYTES,)*
                }
            }

            /// The JSON type of the parameter's value in a request object.
            #[cfg_attr(not(feature = "serde"), allow(dead_code))]
            pub(crate) const fn json(self) -> crate::value::Json {
                use crate::value::WireValue;
                match self {
                    $(Param::$v => <$ty as WireValue>::JSON,)*
                }
            }
        }

        /// The parameter named exactly `name`: the one lookup of wire names, used by
        /// [`FromStr`] and on the request path (a plain `match`: a hand-written dispatch on
        /// length and first byte was measured no faster).
        pub(crate) fn lookup(name: &str) -> Option<Param> {
            Some(match name {
                $($wire => Param::$v,)*
                _ => return None,
            })
        }
    };
}
parameters!(param_enum);

impl Param {
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
                    operation: "UpdateMediaInfo or RegisterMediaInfo",
                    suggestion: closest(s, Param::ALL.map(Param::name)),
                },
            )
        })
    }
}

/// The name of `known` an unknown one is closest to: equal but for ASCII case, or one edit
/// away (an insertion, a deletion, a substitution, or two neighbouring characters swapped).
pub(crate) fn closest(
    name: &str,
    known: impl IntoIterator<Item = &'static str>,
) -> Option<&'static str> {
    let mut one_edit = None;
    for candidate in known {
        if candidate.eq_ignore_ascii_case(name) {
            return Some(candidate);
        }
        if one_edit.is_none() && within_one_edit(name.as_bytes(), candidate.as_bytes()) {
            one_edit = Some(candidate);
        }
    }
    one_edit
}

fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let (s, l) = (&short[prefix..], &long[prefix..]);
    if short.len() < long.len() {
        // One insertion.
        return s == &l[1..];
    }
    // One substitution, or two neighbours swapped.
    match (s, l) {
        ([], []) => true,
        ([x, y, s_rest @ ..], [p, q, l_rest @ ..]) if x == q && y == p => s_rest == l_rest,
        ([_, s_rest @ ..], [_, l_rest @ ..]) => s_rest == l_rest,
        _ => false,
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
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit(b"Tittle", b"Title"));
        assert!(within_one_edit(b"Titel", b"Title"));
        assert!(!within_one_edit(b"Tielt", b"Title"));
        assert!(within_one_edit(b"Tatle", b"Title"));
        assert!(within_one_edit(b"Titl", b"Title"));
        assert!(!within_one_edit(b"Ti", b"Title"));
        assert!(within_one_edit(b"", b"a"));
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
            "unknown parameter \"Inputurl\": not a parameter of UpdateMediaInfo or RegisterMediaInfo, did you mean InputURL"
        );
    }
}

/// Whether `list` holds `param`, in a constant.
pub(crate) const fn contains(list: &[Param], param: Param) -> bool {
    match list.split_first() {
        Some((first, rest)) => *first as usize == param as usize || contains(rest, param),
        None => false,
    }
}

/// Whether `list` holds the string `name`, in a constant.
pub(crate) const fn contains_name(list: &[&str], name: &str) -> bool {
    const fn eq(a: &[u8], b: &[u8]) -> bool {
        match (a.split_first(), b.split_first()) {
            (Some((x, a)), Some((y, b))) => *x == *y && eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
    match list.split_first() {
        Some((first, rest)) => eq(first.as_bytes(), name.as_bytes()) || contains_name(rest, name),
        None => false,
    }
}

/// A set of parameters, iterated in [`Param::ALL`] order whatever the order they were noted
/// in: the changed set of an update and the fields two assets differ in. One word, no
/// allocation until copied out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ParamSet(u64);

const _: () = assert!(
    Param::ALL.len() <= 64,
    "a ParamSet holds one bit per parameter"
);

impl ParamSet {
    /// The set of the parameters of `list`, in a constant.
    pub(crate) const fn of(list: &[Param]) -> ParamSet {
        match list.split_first() {
            Some((first, rest)) => ParamSet(ParamSet::of(rest).0 | 1 << (*first as usize)),
            None => ParamSet(0),
        }
    }

    /// Adds `param` when `differs`.
    pub(crate) fn note(&mut self, param: Param, differs: bool) {
        if differs {
            self.0 |= 1 << param.index();
        }
    }

    /// Whether `param` is in the set.
    #[inline]
    pub(crate) fn contains(self, param: Param) -> bool {
        self.0 & (1 << param.index()) != 0
    }

    /// Whether the set is empty.
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The parameters of the set, in [`Param::ALL`] order.
    pub(crate) fn iter(self) -> impl Iterator<Item = Param> {
        Param::ALL.into_iter().filter(move |p| self.contains(*p))
    }

    /// The parameters of the set, in [`Param::ALL`] order, with one allocation.
    pub(crate) fn to_vec(self) -> Vec<Param> {
        let mut out = Vec::with_capacity(self.0.count_ones() as usize);
        out.extend(self.iter());
        out
    }
}

impl FromIterator<Param> for ParamSet {
    fn from_iter<I: IntoIterator<Item = Param>>(iter: I) -> Self {
        let mut set = ParamSet::default();
        for p in iter {
            set.note(p, true);
        }
        set
    }
}
