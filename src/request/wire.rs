//! Reading a request from the wire: decoded pairs, a form-encoded query, and the collector that
//! checks every parameter and gathers every problem.

use std::borrow::Cow;

use super::{ACTION, COMMON, VERSION};
use crate::error::{Excerpt, ParamError, ParamErrorKind, RequestError, Unit};
use crate::percent::{self, Plus};
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, FieldUpdate, InputUrl, MediaId,
    MediaTags, MediaTarget, Param, ReferenceId, TagsUpdate, Title, UpdateMediaInfoRequest,
    UserData,
};

impl UpdateMediaInfoRequest {
    /// Parses wire parameters whose values are already decoded (e.g. from a web framework's
    /// form or query extractor). See the type's documentation for the rules.
    ///
    /// # Errors
    ///
    /// A [`RequestError`] listing every problem, as the type's documentation says.
    pub fn from_params<I, K, V>(pairs: I) -> Result<Self, RequestError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut collector = Collector::default();
        for (name, value) in pairs {
            collector.add(name.as_ref(), Ok(value.as_ref()));
            if collector.is_too_large() {
                // Refused whole: what follows is not read.
                break;
            }
        }
        collector.finish()
    }

    /// Parses an `application/x-www-form-urlencoded` string (a query string without the `?`,
    /// or a form body): pairs separated by `&`, name and value by the first `=`, `+` is a
    /// space and `%XX` an escaped byte. Empty segments (`a=1&&b=2`) are skipped; a segment
    /// without `=` is a name with an empty value.
    ///
    /// # Errors
    ///
    /// As [`UpdateMediaInfoRequest::from_params`], and: a `%` not followed by two hex digits
    /// ([`ParamErrorKind::PercentEscape`]); a value that does not decode to UTF-8
    /// ([`ParamErrorKind::InvalidUtf8`], never a lossy replacement). The value of an ignored
    /// common parameter (all of [`UpdateMediaInfoRequest::COMMON_PARAMETERS`] but `Action` and
    /// `Version`) is never decoded or copied: a bad escape in it is still refused (the query
    /// is malformed), what it decodes to is not checked. A byte-limited value
    /// (`Title`, `Description`, `Category`, `CoverURL`, `UserData`, `InputURL`) whose decoded
    /// length is over its limit is refused before it is decoded.
    ///
    /// ```
    /// use ims_media::{FieldUpdate, UpdateMediaInfoRequest};
    /// let r = UpdateMediaInfoRequest::from_query("MediaId=abc&Title=caf%C3%A9+au+lait").unwrap();
    /// assert_eq!(r.title.as_set().map(|t| t.as_str()), Some("café au lait"));
    /// let err = UpdateMediaInfoRequest::from_query("MediaId=abc&Title=%FF").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid Title: not valid UTF-8 after decoding, invalid byte at 0 in \"%FF\""
    /// );
    /// ```
    pub fn from_query(query: &str) -> Result<Self, RequestError> {
        if query.len() > Self::MAX_REQUEST_BYTES {
            return Err(too_large_query(query).into());
        }
        let mut collector = Collector::default();
        for segment in query.split('&').filter(|s| !s.is_empty()) {
            let (raw_name, raw_value) = segment.split_once('=').unwrap_or((segment, ""));
            let name = decode_utf8(raw_name).map_err(|_| ());
            let Ok(name) = name else {
                // A name that does not decode cannot be a known one: reported as received.
                collector.add_unknown(raw_name);
                continue;
            };
            if crate::param::lookup(&name).is_none() && !COMMON.contains(&&*name) {
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
            let value = match byte_limit(&name) {
                Some(max) => match percent::decoded_len(raw_value) {
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
}

/// The one problem of a query longer than
/// [`UpdateMediaInfoRequest::MAX_REQUEST_BYTES`]: on the parameter whose segment holds the
/// first byte past the limit. Only that much of the query is split, and only that name is
/// decoded (when it is short enough to be a parameter's), so the cost is the same whatever
/// the query's length.
fn too_large_query(query: &str) -> ParamError {
    let max = UpdateMediaInfoRequest::MAX_REQUEST_BYTES;
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
        Ok(name) => error_on(&name, name.len(), kind),
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

/// The byte limit of a parameter whose limit is in bytes, checked on a query's decoded length
/// before decoding.
fn byte_limit(name: &str) -> Option<usize> {
    match crate::param::lookup(name)? {
        Param::Title => Some(Title::MAX_BYTES),
        Param::Description => Some(Description::MAX_BYTES),
        Param::Category => Some(Category::MAX_BYTES),
        Param::CoverUrl => Some(CoverUrl::MAX_BYTES),
        Param::UserData => Some(UserData::MAX_BYTES),
        Param::InputUrl => Some(InputUrl::MAX_BYTES),
        _ => None,
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

/// A field's update from its first value: empty clears, anything else sets.
#[inline]
fn update<T>(
    v: &str,
    parse: impl FnOnce(&str) -> Result<T, ParamError>,
) -> Result<FieldUpdate<T>, ParamError> {
    if v.is_empty() {
        Ok(FieldUpdate::Clear)
    } else {
        parse(v).map(FieldUpdate::Set)
    }
}

/// For `MediaId` and `InputURL`: an empty value counts as absent.
#[inline]
fn unless_empty<T>(
    v: &str,
    parse: impl FnOnce(&str) -> Result<T, ParamError>,
) -> Result<Option<T>, ParamError> {
    if v.is_empty() {
        Ok(None)
    } else {
        parse(v).map(Some)
    }
}

/// Where one of `MediaId` and `InputURL` stands after collecting.
enum Given<T> {
    /// Absent or empty.
    Absent,
    /// Given but refused (its error is listed).
    Refused,
    /// Given and valid.
    Valid(T),
}

/// Collects the pairs of one request, one at a time, in memory bounded by the number of
/// known parameters plus [`RequestError::MAX_ERRORS`].
///
/// The first value of each of the twelve parameters is parsed straight into the field it
/// updates (no intermediate wrapper to move on the way to the request); how often each was
/// seen, and the problem with its first value, are kept apart and turned into errors at the
/// end. A repeated parameter is reported as repeated only, whatever its first value was.
#[derive(Default)]
pub(crate) struct Collector {
    /// How often each parameter was seen, in [`Param::ALL`] order.
    counts: [usize; Param::ALL.len()],
    /// The problem with each parameter's first value (an error is one pointer).
    problems: [Option<ParamError>; Param::ALL.len()],
    media_id: Option<MediaId>,
    input_url: Option<InputUrl>,
    business_type: FieldUpdate<BusinessType>,
    title: FieldUpdate<Title>,
    description: FieldUpdate<Description>,
    category: FieldUpdate<Category>,
    media_tags: Option<MediaTags>,
    cover_url: FieldUpdate<CoverUrl>,
    user_data: FieldUpdate<UserData>,
    append_tags: bool,
    cate_id: FieldUpdate<CateId>,
    reference_id: FieldUpdate<ReferenceId>,
    common: [Slot; COMMON.len()],
    /// Whether some parameter, known or common, was repeated or refused: without, `finish`
    /// has no count or problem to look through.
    troubled: bool,
    /// The bytes of the names and values added so far.
    read: usize,
    /// Set when `read` passed [`UpdateMediaInfoRequest::MAX_REQUEST_BYTES`]: the one problem
    /// of the request, which nothing after it changes.
    too_large: Option<ParamError>,
    unknown: Vec<ParamError>,
    omitted: usize,
    /// The unknown names counted in `omitted`, once the list is full; made when first needed.
    omitted_names: Option<Box<OmittedNames>>,
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

/// Stores the outcome of parsing a first value: the value into its field, or the problem.
#[inline]
fn keep<T>(field: &mut T, problem: &mut Option<ParamError>, outcome: Result<T, ParamError>) {
    match outcome {
        Ok(v) => *field = v,
        Err(e) => *problem = Some(e),
    }
}

impl Collector {
    /// Where `MediaId` or `InputURL` stands, given the value parsed from its first occurrence.
    fn given<T>(&self, param: Param, value: Option<T>) -> Given<T> {
        let i = param.index();
        let refused = self.problems.get(i).is_some_and(Option::is_some);
        let count = *self
            .counts
            .get(i)
            .expect("a parameter's index is below Param::ALL's length");
        match (count, value) {
            (0, _) => Given::Absent,
            (1, _) if refused => Given::Refused,
            (1, Some(v)) => Given::Valid(v),
            (1, None) => Given::Absent,
            _ => Given::Refused,
        }
    }

    /// Adds one pair, counting its name and value towards
    /// [`UpdateMediaInfoRequest::MAX_REQUEST_BYTES`].
    pub(crate) fn add(&mut self, name: &str, v: Result<&str, ParamErrorKind>) {
        self.add_sized(name, name.len(), v);
    }

    /// Whether the request passed [`UpdateMediaInfoRequest::MAX_REQUEST_BYTES`]: nothing
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
        if self.read <= UpdateMediaInfoRequest::MAX_REQUEST_BYTES {
            return true;
        }
        let kind = ParamErrorKind::RequestTooLarge {
            max: UpdateMediaInfoRequest::MAX_REQUEST_BYTES,
            found: self.read,
        };
        self.too_large = Some(error_on(name, name_len, kind));
        false
    }

    fn add_counted(&mut self, name: &str, v: Result<&str, ParamErrorKind>) {
        let Some(param) = crate::param::lookup(name) else {
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
        match param {
            Param::MediaId => keep(
                &mut self.media_id,
                problem,
                unless_empty(v, |s: &str| s.parse()),
            ),
            Param::InputUrl => keep(
                &mut self.input_url,
                problem,
                unless_empty(v, |s: &str| s.parse()),
            ),
            Param::BusinessType => keep(
                &mut self.business_type,
                problem,
                update(v, |s: &str| s.parse()),
            ),
            Param::Title => keep(&mut self.title, problem, update(v, |s: &str| s.parse())),
            Param::Description => keep(
                &mut self.description,
                problem,
                update(v, |s: &str| s.parse()),
            ),
            Param::Category => keep(&mut self.category, problem, update(v, |s: &str| s.parse())),
            Param::MediaTags => keep(
                &mut self.media_tags,
                problem,
                v.parse::<MediaTags>().map(Some),
            ),
            Param::CoverUrl => keep(&mut self.cover_url, problem, update(v, |s: &str| s.parse())),
            Param::UserData => keep(&mut self.user_data, problem, update(v, |s: &str| s.parse())),
            Param::AppendTags => keep(
                &mut self.append_tags,
                problem,
                unless_empty(v, parse_bool).map(|b| b == Some(true)),
            ),
            Param::CateId => keep(&mut self.cate_id, problem, update(v, |s: &str| s.parse())),
            Param::ReferenceId => keep(
                &mut self.reference_id,
                problem,
                update(v, |s: &str| s.parse()),
            ),
        }
    }

    fn add_other(&mut self, name: &str, v: Result<&str, ParamErrorKind>) {
        if let Some((i, &common)) = COMMON.iter().enumerate().find(|(_, c)| **c == name) {
            let expected = match i {
                0 => Some(ACTION),
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
            let kind = if UpdateMediaInfoRequest::RETIRED_PARAMETERS.contains(&name) {
                ParamErrorKind::RetiredParameter
            } else {
                ParamErrorKind::UnknownParameter {
                    suggestion: suggestion(name),
                }
            };
            self.unknown
                .push(ParamError::unknown_sized(name, len, kind));
        } else if self.omitted_names.get_or_insert_default().is_new(name) {
            self.omitted += 1;
        }
    }

    pub(crate) fn finish(mut self) -> Result<UpdateMediaInfoRequest, RequestError> {
        if let Some(e) = self.too_large.take() {
            return Err(RequestError::new(vec![e], 0));
        }
        // MediaId or InputURL; an empty one counts as absent, an invalid one is its own error.
        let (id, url) = (self.media_id.take(), self.input_url.take());
        let media_id = self.given(Param::MediaId, id);
        let input_url = self.given(Param::InputUrl, url);

        let mut errors = Vec::new();
        // Nothing repeated or refused (the usual request): no counts to look through.
        if self.troubled {
            for ((param, &count), problem) in Param::ALL
                .into_iter()
                .zip(&self.counts)
                .zip(&mut self.problems)
            {
                if count > 1 {
                    errors.push(ParamError::new(param, ParamErrorKind::Repeated { count }));
                } else if let Some(e) = problem.take() {
                    debug_assert_eq!(e.known_param(), Some(param), "a value's own error");
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

        let target = match (media_id, input_url) {
            (Given::Valid(id), Given::Valid(url)) => Some(MediaTarget::MediaId {
                id,
                input_url: Some(url),
            }),
            (Given::Valid(id), Given::Absent) => Some(MediaTarget::MediaId {
                id,
                input_url: None,
            }),
            (Given::Valid(_), Given::Refused) | (Given::Refused, _) => None,
            (Given::Absent, Given::Valid(url)) => Some(MediaTarget::InputUrl(url)),
            (Given::Absent, Given::Refused) => None,
            (Given::Absent, Given::Absent) => {
                errors.insert(0, ParamError::new(Param::MediaId, ParamErrorKind::Missing));
                None
            }
        };

        let omitted = self.omitted;
        errors.extend(self.unknown);
        let Some(target) = target else {
            return Err(RequestError::new(errors, omitted));
        };
        if !errors.is_empty() {
            return Err(RequestError::new(errors, omitted));
        }
        let media_tags = match self.media_tags {
            Some(tags) if self.append_tags => TagsUpdate::Append(tags),
            Some(tags) => TagsUpdate::Replace(tags),
            None => TagsUpdate::Keep,
        };
        Ok(UpdateMediaInfoRequest {
            target,
            business_type: self.business_type,
            title: self.title,
            description: self.description,
            category: self.category,
            media_tags,
            cover_url: self.cover_url,
            user_data: self.user_data,
            cate_id: self.cate_id,
            reference_id: self.reference_id,
        })
    }
}

/// An error on the parameter `name` (of `len` bytes, of which `name` holds the first, or
/// all): a known or common parameter by its name, any other as received.
fn error_on(name: &str, len: usize, kind: ParamErrorKind) -> ParamError {
    if len == name.len() {
        if let Some(param) = crate::param::lookup(name) {
            return ParamError::new(param, kind);
        }
        if let Some(common) = COMMON.iter().find(|c| **c == name) {
            return ParamError::common(common, kind);
        }
    }
    ParamError::unknown_sized(name, len, kind)
}

/// `AppendTags`: `true` or `false`, ASCII case-insensitive (the Python SDK sends `True`).
fn parse_bool(s: &str) -> Result<bool, ParamError> {
    if s.eq_ignore_ascii_case("true") {
        Ok(true)
    } else if s.eq_ignore_ascii_case("false") {
        Ok(false)
    } else {
        Err(ParamError::new(
            Param::AppendTags,
            ParamErrorKind::NotBoolean {
                value: Excerpt::new(s),
            },
        ))
    }
}

/// The known name an unknown one is closest to: equal but for ASCII case, or one edit away
/// (an insertion, a deletion, a substitution, or two neighbouring characters swapped).
pub(crate) fn suggestion(name: &str) -> Option<&'static str> {
    let known = Param::ALL.iter().map(|p| p.name()).chain(COMMON);
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
    fn one_edit() {
        assert!(within_one_edit(b"Tittle", b"Title"));
        assert!(within_one_edit(b"Titel", b"Title"));
        assert!(!within_one_edit(b"Tielt", b"Title"));
        assert!(within_one_edit(b"Tatle", b"Title"));
        assert!(within_one_edit(b"Titl", b"Title"));
        assert!(!within_one_edit(b"Ti", b"Title"));
        assert!(within_one_edit(b"", b"a"));
        assert_eq!(suggestion("title"), Some("Title"));
        assert_eq!(suggestion("MediaID"), Some("MediaId"));
        assert_eq!(suggestion("InputUrl"), Some("InputURL"));
        assert_eq!(suggestion("Zzzzz"), None);
    }
}
