//! The wire: reading a request from decoded pairs, a form-encoded query or JSON members, with
//! one collector that checks every parameter of an operation and gathers every problem; the
//! names every operation shares; percent-encoding.
//!
//! An operation plugs in as a [`Draft`]: the values of its parameters while collecting, and
//! how they make its request. Everything else (counting, repeats, the common parameters,
//! unknown names and their hints, the size bound, the order of errors) is this module's, once
//! for every operation.

mod names;
pub(crate) mod percent;

use std::borrow::Cow;

pub(crate) use names::{suggestion, COMMON, VERSION};

use crate::error::{Excerpt, ParamError, ParamErrorKind, RequestError, Unit};
use crate::param::ParamSet;
use crate::value::WireValue;
use crate::{FieldUpdate, Param};
use percent::Plus;

/// The most bytes a request may have, for every operation: a query string, or the names and
/// values of the pairs (or JSON members) together, counted in input order.
pub(crate) const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// An operation's request while it is collected: the parsed first value of each of its
/// parameters, and how they make the request.
pub(crate) trait Draft: Default {
    /// The validated request.
    type Request;
    /// The operation's name, the value `Action` must have.
    const ACTION: &'static str;
    /// The operation's parameters, in [`Param::ALL`] order.
    const PARAMS: &'static [Param];
    /// Names of parameters that older SDK models sent, refused as such.
    const RETIRED: &'static [&'static str];
    /// The crate's other operation, which a parameter of [`Param`] that is not in
    /// [`Draft::PARAMS`] belongs to.
    const OTHER_OPERATION: &'static str;

    /// Parses the first value `v` of `param`, one of [`Draft::PARAMS`], into the draft.
    ///
    /// # Errors
    ///
    /// The value's problem, on `param`.
    fn take(&mut self, param: Param, v: &str) -> Result<(), ParamError>;

    /// The request, given how each parameter was given ([`Given`]).
    ///
    /// # Errors
    ///
    /// `Err(Some(e))`: a problem of the request as a whole (a required parameter missing, two
    /// that do not go together), reported among the others in its parameter's place;
    /// `Err(None)`: a parameter it needs was refused, and its error is already listed.
    /// Takes the values out of the draft (by reference: the draft is large, and moving it
    /// whole was measured at a tenth of a typical request's time).
    fn build(
        &mut self,
        given: impl Fn(Param) -> Given,
    ) -> Result<Self::Request, Option<ParamError>>;

    /// [`Draft::PARAMS`] as a set.
    const PARAM_SET: ParamSet = ParamSet::of(Self::PARAMS);

    /// The operation's parameter named exactly `name`.
    #[inline]
    fn param(name: &str) -> Option<Param> {
        crate::param::lookup(name).filter(|&p| Self::PARAM_SET.contains(p))
    }
}

/// How a parameter was given, after collecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Given {
    /// Absent.
    Absent,
    /// Given once and valid.
    Valid,
    /// Given more than once, or refused (its error is listed).
    Refused,
}

/// A field's update from its first value: empty clears, anything else sets.
#[inline]
pub(crate) fn update<T: WireValue>(param: Param, v: &str) -> Result<FieldUpdate<T>, ParamError> {
    if v.is_empty() {
        Ok(FieldUpdate::Clear)
    } else {
        T::read(param, v).map(FieldUpdate::Set)
    }
}

/// A value for which empty counts as absent (`MediaId`, `InputURL`, the flags).
#[inline]
pub(crate) fn unless_empty<T: WireValue>(param: Param, v: &str) -> Result<Option<T>, ParamError> {
    if v.is_empty() {
        Ok(None)
    } else {
        T::read(param, v).map(Some)
    }
}

/// Reads decoded pairs into the request of `D`.
pub(crate) fn from_pairs<D, I>(pairs: I) -> Result<D::Request, RequestError>
where
    D: Draft,
    I: IntoIterator,
    I::Item: WirePair,
{
    let mut collector = Collector::<D>::default();
    for pair in pairs {
        collector.add(pair.name(), Ok(pair.value()));
        if collector.is_too_large() {
            // Refused whole: what follows is not read.
            break;
        }
    }
    collector.finish()
}

/// A decoded wire parameter: a `(name, value)` pair of anything that is a `&str`, owned or
/// borrowed, so that `from_params` takes `[(&str, &str); N]`, `Vec<(String, String)>`,
/// `&Vec<(&str, String)>` (what `to_params` returns, by reference) and iterators of them alike.
///
/// ```
/// use ims_media::UpdateMediaInfoRequest;
/// let r = UpdateMediaInfoRequest::from_query("MediaId=abc&Title=x")?;
/// let params = r.to_params();
/// assert_eq!(UpdateMediaInfoRequest::from_params(&params), Ok(r.clone()));
/// assert_eq!(UpdateMediaInfoRequest::from_params(params), Ok(r));
/// # Ok::<(), ims_media::RequestError>(())
/// ```
pub trait WirePair {
    /// The parameter's name.
    fn name(&self) -> &str;
    /// Its decoded value.
    fn value(&self) -> &str;
}

impl<K: AsRef<str>, V: AsRef<str>> WirePair for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }
    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

impl<K: AsRef<str>, V: AsRef<str>> WirePair for &(K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }
    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

/// Wire parameters as a query string: `name=value` joined by `&`, percent-encoded as RFC 3986
/// (every byte but `A-Z a-z 0-9 - _ . ~` as `%XX`), as the SDKs encode for signing.
pub(crate) fn to_query(params: &[(&'static str, String)]) -> String {
    let mut out = Vec::with_capacity(
        params
            .iter()
            .map(|(n, v)| n.len() + 2 + v.len() * 3)
            .sum::<usize>(),
    );
    for (i, (name, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        out.extend_from_slice(name.as_bytes());
        out.push(b'=');
        percent::encode_into(&mut out, value);
    }
    String::from_utf8(out).expect("names and percent-encoded values are ASCII")
}

/// Reads an `application/x-www-form-urlencoded` string into the request of `D`.
pub(crate) fn from_query<D: Draft>(query: &str) -> Result<D::Request, RequestError> {
    if query.len() > MAX_REQUEST_BYTES {
        return Err(too_large_query::<D>(query).into());
    }
    let mut collector = Collector::<D>::default();
    for segment in query.split('&').filter(|s| !s.is_empty()) {
        let (raw_name, raw_value) = segment.split_once('=').unwrap_or((segment, ""));
        let Ok(name) = decode_utf8(raw_name) else {
            // A name that does not decode cannot be a known one: reported as received.
            collector.add_unknown(raw_name);
            continue;
        };
        let param = D::param(&name);
        if param.is_none() && !COMMON.contains(&&*name) {
            // The value of an unknown name is never used: not decoded (no allocation).
            collector.add_unknown(&name);
            continue;
        }
        if COMMON
            .get(2..)
            .is_some_and(|ignored| ignored.contains(&&*name))
        {
            // An ignored common parameter: its value is never used, so it is never decoded
            // or copied; only its escapes are checked, since a malformed query is refused
            // wherever the bad escape stands. The value may be a credential: never quoted.
            let value = match percent::decoded_len(raw_value) {
                Ok(_) => Ok(""),
                Err(at) => Err(ParamErrorKind::PercentEscape { at, value: None }),
            };
            collector.add(&name, value);
            continue;
        }
        let value = match param.and_then(Param::max_bytes) {
            Some(max) => match percent::decoded_len(raw_value) {
                // A CoverURL signed by OSS is long because of its signature: the value type
                // says so for up to 4 KiB, so such a value is decoded and handed over.
                Ok(found) if param == Some(Param::CoverUrl) && found <= 4096 => {
                    decode_utf8(raw_value)
                }
                Ok(found) if found > max => Err(ParamErrorKind::TooLong {
                    max,
                    found,
                    unit: Unit::Bytes,
                }),
                Ok(_) => decode_utf8(raw_value),
                Err(at) => Err(ParamErrorKind::PercentEscape {
                    at,
                    value: Some(Excerpt::new(raw_value)),
                }),
            },
            None => decode_utf8(raw_value),
        };
        match value {
            Ok(v) => collector.add(&name, Ok(&v)),
            Err(kind) => collector.add(&name, Err(kind)),
        }
    }
    collector.finish()
}

/// The one problem of a query longer than
/// [`MAX_REQUEST_BYTES`]: on the parameter whose segment holds the
/// first byte past the limit. Only that much of the query is split, and only that name is
/// decoded (when it is short enough to be a parameter's), so the cost is the same whatever
/// the query's length.
fn too_large_query<D: Draft>(query: &str) -> ParamError {
    let max = MAX_REQUEST_BYTES;
    let kind = ParamErrorKind::RequestTooLarge {
        max,
        found: query.len(),
    };
    let mut head_end = max;
    while !query.is_char_boundary(head_end) {
        head_end -= 1;
    }
    // `str::rfind` of one ASCII byte reads a word at a time. Just after a `&` (ASCII), or
    // the start: a character boundary.
    let head = query
        .get(..head_end)
        .expect("`head_end` was moved back to a character boundary");
    let start = head.rfind('&').map_or(0, |at| at + 1);
    let rest = query
        .get(start..)
        .expect("just after an ASCII '&', or 0: a character boundary");
    // A name longer than this is no parameter's: reported by its first bytes as received.
    const NAME_WINDOW: usize = 256;
    let mut cut = rest.len().min(NAME_WINDOW);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = rest
        .get(..cut)
        .expect("`cut` was moved back to a character boundary");
    let Some(end) = window
        .find(['=', '&'])
        .or((rest.len() == cut).then_some(cut))
    else {
        return ParamError::unknown_sized(window, NAME_WINDOW + 1, kind);
    };
    let raw = window
        .get(..end)
        .expect("`end` is an ASCII separator's offset or the window's length");
    match decode_utf8(raw) {
        Ok(name) => error_on::<D>(&name, name.len(), kind),
        Err(_) => ParamError::unknown(raw, kind),
    }
}

/// Percent-decodes a form-encoded part to UTF-8.
fn decode_utf8(raw: &str) -> Result<Cow<'_, str>, ParamErrorKind> {
    match percent::decode(raw, Plus::Space).map_err(|at| ParamErrorKind::PercentEscape {
        at,
        value: Some(Excerpt::new(raw)),
    })? {
        Cow::Borrowed(_) => Ok(Cow::Borrowed(raw)),
        Cow::Owned(bytes) => {
            String::from_utf8(bytes)
                .map(Cow::Owned)
                .map_err(|e| ParamErrorKind::InvalidUtf8 {
                    at: e.utf8_error().valid_up_to(),
                    value: Excerpt::new(raw),
                })
        }
    }
}

/// An RPC common parameter while collecting: how often it was seen and the problem with its
/// first value.
#[derive(Default)]
struct Slot {
    count: usize,
    problem: Option<ParamError>,
}

impl Slot {
    /// Counts one more value; the first one's problem is `problem()`, a repeat clears it (a
    /// repeated parameter is reported as repeated only, its values are not checked).
    fn add(&mut self, problem: impl FnOnce() -> Option<ParamError>) {
        self.count += 1;
        self.problem = if self.count == 1 { problem() } else { None };
    }

    /// Whether the parameter has an error to report.
    fn is_troubled(&self) -> bool {
        self.count > 1 || self.problem.is_some()
    }
}

/// Collects the pairs of one request of the operation `D`, one at a time, in memory bounded
/// by the number of parameters plus [`RequestError::MAX_ERRORS`].
///
/// The first value of each parameter is parsed straight into the draft (no intermediate
/// wrapper to move on the way to the request); how often each was seen, and the problem with
/// its first value, are kept apart and turned into errors at the end. A repeated parameter is
/// reported as repeated only, whatever its first value was.
pub(crate) struct Collector<D> {
    /// How often each parameter was seen, in [`Param::ALL`] order.
    counts: [usize; Param::ALL.len()],
    /// The problem with each parameter's first value (an error is one pointer).
    problems: [Option<ParamError>; Param::ALL.len()],
    draft: D,
    common: [Slot; COMMON.len()],
    /// Whether some parameter, known or common, was repeated or refused: without, `finish`
    /// has no count or problem to look through.
    troubled: bool,
    /// The bytes of the names and values added so far.
    read: usize,
    /// Set when `read` passed [`MAX_REQUEST_BYTES`]: the one problem of the request, which
    /// nothing after it changes.
    too_large: Option<ParamError>,
    unknown: Vec<ParamError>,
    omitted: usize,
    /// The unknown names counted in `omitted`, once the list is full; made when first needed.
    omitted_names: Option<Box<OmittedNames>>,
}

impl<D: Draft> Default for Collector<D> {
    fn default() -> Self {
        Collector {
            counts: Default::default(),
            problems: Default::default(),
            draft: D::default(),
            common: Default::default(),
            troubled: false,
            read: 0,
            too_large: None,
            unknown: Vec::new(),
            omitted: 0,
            omitted_names: None,
        }
    }
}

/// Fingerprints of the unknown names past the listed ones, so that a repeated name counts
/// once in [`RequestError::omitted`]. At most [`OmittedNames::MAX`] are remembered (one
/// allocation of about 5 KiB), to keep memory bounded; the fingerprints are keyed per
/// process, so no input can be made to collide on purpose.
struct OmittedNames {
    keys: std::collections::hash_map::RandomState,
    seen: std::collections::HashSet<u64>,
}

impl Default for OmittedNames {
    fn default() -> Self {
        OmittedNames {
            keys: Default::default(),
            seen: std::collections::HashSet::with_capacity(Self::MAX),
        }
    }
}

impl OmittedNames {
    const MAX: usize = 256;

    /// Whether `name` is new, remembering it while there is room.
    fn is_new(&mut self, name: &str) -> bool {
        use std::hash::BuildHasher;
        let print = self.keys.hash_one(Excerpt::prefix(name));
        if self.seen.contains(&print) {
            return false;
        }
        if self.seen.len() < Self::MAX {
            self.seen.insert(print);
        }
        true
    }
}

impl<D: Draft> Collector<D> {
    /// Adds one pair, counting its name and value towards
    /// [`MAX_REQUEST_BYTES`].
    pub(crate) fn add(&mut self, name: &str, v: Result<&str, ParamErrorKind>) {
        self.add_sized(name, name.len(), v);
    }

    /// Whether the request passed [`MAX_REQUEST_BYTES`]: nothing
    /// added after that is read.
    pub(crate) fn is_too_large(&self) -> bool {
        self.too_large.is_some()
    }

    /// Counts a pair of a name of `name_len` bytes (of which `name` holds the first, or all)
    /// and a value of `value_len` bytes; `false` once the request is too large, the problem
    /// then noted on this name.
    fn count(&mut self, name: &str, name_len: usize, value_len: usize) -> bool {
        if self.too_large.is_some() {
            return false;
        }
        self.read = self.read.saturating_add(name_len).saturating_add(value_len);
        if self.read <= MAX_REQUEST_BYTES {
            return true;
        }
        let kind = ParamErrorKind::RequestTooLarge {
            max: MAX_REQUEST_BYTES,
            found: self.read,
        };
        self.too_large = Some(error_on::<D>(name, name_len, kind));
        false
    }

    fn add_counted(&mut self, name: &str, v: Result<&str, ParamErrorKind>) {
        let Some(param) = D::param(name) else {
            self.add_other(name, v);
            return;
        };
        self.add_known(param, v);
        let i = param.index();
        self.troubled |= self.counts.get(i).is_some_and(|&c| c > 1)
            || self.problems.get(i).is_some_and(Option::is_some);
    }

    fn add_known(&mut self, param: Param, v: Result<&str, ParamErrorKind>) {
        let i = param.index();
        let (Some(count), Some(problem)) = (self.counts.get_mut(i), self.problems.get_mut(i))
        else {
            return;
        };
        *count += 1;
        if *count > 1 {
            // Repeated: reported as such, its values are not checked.
            *problem = None;
            return;
        }
        let v = match v {
            Ok(v) => v,
            Err(kind) => {
                *problem = Some(ParamError::new(param, kind));
                return;
            }
        };
        if let Err(e) = self.draft.take(param, v) {
            *problem = Some(e);
        }
    }

    fn add_other(&mut self, name: &str, v: Result<&str, ParamErrorKind>) {
        if let Some((i, &common)) = COMMON.iter().enumerate().find(|(_, c)| **c == name) {
            let expected = match i {
                0 => Some(D::ACTION),
                1 => Some(VERSION),
                _ => None,
            };
            if let Some(slot) = self.common.get_mut(i) {
                slot.add(|| match (v, expected) {
                    // The value of an ignored common parameter is never used, whatever its
                    // JSON type (and never quoted).
                    (Err(ParamErrorKind::WrongType { .. }), None) => None,
                    (Err(kind), _) => Some(ParamError::common(common, kind)),
                    (Ok(s), Some(want)) if s != want => Some(ParamError::common(
                        common,
                        ParamErrorKind::UnexpectedValue {
                            expected: want,
                            value: Excerpt::new(s),
                        },
                    )),
                    (Ok(_), _) => None,
                });
                self.troubled |= slot.is_troubled();
            }
            return;
        }
        self.add_unknown(name);
    }

    /// A parameter of which only the first bytes, `name`, are at hand, the whole name being
    /// `len` bytes: a name longer than what is at hand is longer than any known one.
    pub(crate) fn add_sized(&mut self, name: &str, len: usize, v: Result<&str, ParamErrorKind>) {
        let value_len = v.as_ref().map_or(0, |v| v.len());
        if !self.count(name, len, value_len) {
            return;
        }
        if len > name.len() {
            self.add_unknown_sized(name, len);
        } else {
            self.add_counted(name, v);
        }
    }

    fn add_unknown(&mut self, name: &str) {
        self.add_unknown_sized(name, name.len());
    }

    /// An unknown name of `len` bytes, of which `name` holds the first (at least as many as
    /// an error keeps) or all.
    pub(crate) fn add_unknown_sized(&mut self, name: &str, len: usize) {
        let seen = self.unknown.iter().any(|e| e.is_about(name));
        if seen {
            return;
        }
        if self.unknown.len() < RequestError::MAX_ERRORS {
            let kind = if D::RETIRED.contains(&name) {
                ParamErrorKind::RetiredParameter
            } else if len == name.len() && crate::param::lookup(name).is_some() {
                // A parameter of the crate's other operation.
                ParamErrorKind::OtherOperation {
                    operation: D::ACTION,
                    belongs_to: D::OTHER_OPERATION,
                }
            } else {
                ParamErrorKind::UnknownParameter {
                    operation: D::ACTION,
                    suggestion: suggestion(name, D::PARAMS),
                }
            };
            self.unknown
                .push(ParamError::unknown_sized(name, len, kind));
        } else if self.omitted_names.get_or_insert_default().is_new(name) {
            self.omitted += 1;
        }
    }

    pub(crate) fn finish(&mut self) -> Result<D::Request, RequestError> {
        if let Some(e) = self.too_large.take() {
            return Err(RequestError::new(vec![e], 0));
        }
        let mut errors = Vec::new();
        // The parameters given more than once or refused; none in the usual request, which
        // has no counts to look through.
        let mut refused = ParamSet::default();
        if self.troubled {
            for ((param, &count), problem) in Param::ALL
                .into_iter()
                .zip(&self.counts)
                .zip(&mut self.problems)
            {
                if count > 1 {
                    refused.note(param, true);
                    errors.push(ParamError::new(param, ParamErrorKind::Repeated { count }));
                } else if let Some(e) = problem.take() {
                    debug_assert_eq!(e.known_param(), Some(param), "a value's own error");
                    refused.note(param, true);
                    errors.push(e);
                }
            }
            // By reference: a slot moved out of the array costs a copy per common parameter.
            for (&name, slot) in COMMON.iter().zip(&mut self.common) {
                if slot.count > 1 {
                    errors.push(ParamError::common(
                        name,
                        ParamErrorKind::Repeated { count: slot.count },
                    ));
                } else if let Some(e) = slot.problem.take() {
                    errors.push(e);
                }
            }
        }
        let counts = &self.counts;
        let built = self.draft.build(|param| {
            if refused.contains(param) {
                Given::Refused
            } else if counts.get(param.index()).is_some_and(|&c| c > 0) {
                Given::Valid
            } else {
                Given::Absent
            }
        });
        let (unknown, omitted) = (std::mem::take(&mut self.unknown), self.omitted);
        match built {
            Ok(request) if errors.is_empty() && unknown.is_empty() => Ok(request),
            Ok(_) | Err(None) => {
                errors.extend(unknown);
                Err(RequestError::new(errors, omitted))
            }
            Err(Some(e)) => {
                // In its parameter's place among the known parameters' errors.
                let at = e.known_param().map_or(errors.len(), |p| {
                    errors
                        .iter()
                        .position(|other| other.known_param().is_none_or(|o| o > p))
                        .unwrap_or(errors.len())
                });
                errors.insert(at, e);
                errors.extend(unknown);
                Err(RequestError::new(errors, omitted))
            }
        }
    }
}

/// An error on the parameter `name` (of `len` bytes, of which `name` holds the first, or
/// all): a known or common parameter by its name, any other as received.
fn error_on<D: Draft>(name: &str, len: usize, kind: ParamErrorKind) -> ParamError {
    if len == name.len() {
        if let Some(param) = D::param(name) {
            return ParamError::new(param, kind);
        }
        if let Some(common) = COMMON.iter().find(|c| **c == name) {
            return ParamError::common(common, kind);
        }
    }
    ParamError::unknown_sized(name, len, kind)
}
