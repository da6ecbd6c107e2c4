//! `UpdateMediaInfoRequest` and the updates it holds, and how it is written back to the wire;
//! reading it from the wire is in [`wire`].

use crate::error::{ParamError, ParamErrorKind, RequestError};
use crate::param::parameters;
use crate::value::WireValue;
use crate::wire::{unless_empty, update, Draft, Given};
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, InputUrl, MediaId, MediaTags, Param,
    ReferenceId, Title, UserData,
};

/// What an update does to one field of the media asset.
///
/// On the wire ([rule 1](crate::rules)): an absent parameter is [`FieldUpdate::Keep`], a parameter
/// present with an empty value is [`FieldUpdate::Clear`], any other value is
/// [`FieldUpdate::Set`] with the validated value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FieldUpdate<T> {
    /// Leave the field as it is (the parameter is absent).
    #[default]
    Keep,
    /// Remove the field's value (the parameter is present and empty).
    Clear,
    /// Set the field to this value.
    Set(T),
}

impl<T> FieldUpdate<T> {
    /// Whether this is [`FieldUpdate::Keep`].
    pub fn is_keep(&self) -> bool {
        matches!(self, FieldUpdate::Keep)
    }

    /// The value of [`FieldUpdate::Set`].
    pub fn as_set(&self) -> Option<&T> {
        match self {
            FieldUpdate::Set(v) => Some(v),
            FieldUpdate::Keep | FieldUpdate::Clear => None,
        }
    }

    /// The field's value after this update, given its value before.
    ///
    /// ```
    /// use ims_media::FieldUpdate;
    /// assert_eq!(FieldUpdate::Keep.apply(Some(&1)), Some(1));
    /// assert_eq!(FieldUpdate::<i32>::Clear.apply(Some(&1)), None);
    /// assert_eq!(FieldUpdate::Set(2).apply(Some(&1)), Some(2));
    /// ```
    #[inline]
    pub fn apply(&self, current: Option<&T>) -> Option<T>
    where
        T: Clone,
    {
        match self {
            FieldUpdate::Keep => current.cloned(),
            FieldUpdate::Clear => None,
            FieldUpdate::Set(v) => Some(v.clone()),
        }
    }
}

/// What an update does to the tags (`MediaTags` with `AppendTags`, [rule 7](crate::rules)).
///
/// | MediaTags | AppendTags | update |
/// |---|---|---|
/// | absent | any | `Keep` |
/// | `a,b` | absent, empty or `false` | `Replace(a,b)` |
/// | `a,b` | `true` | `Append(a,b)` |
/// | empty or white space | absent, empty or `false` | `Replace(no tags)`: clears them |
/// | empty or white space | `true` | `Append(no tags)`: changes nothing |
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TagsUpdate {
    /// Leave the tags as they are.
    #[default]
    Keep,
    /// Replace all tags with these (none clears them).
    Replace(MediaTags),
    /// Append these after the existing tags, skipping tags already present; the update fails
    /// as a whole if the result would exceed [`MediaTags::MAX_TAGS`].
    Append(MediaTags),
}

/// Which media asset an update is for ([rule 9](crate::rules)).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MediaTarget {
    /// Found by its ID. An `input_url` given beside it must name the asset's stored object:
    /// the input URL cannot be changed.
    MediaId {
        /// The asset's ID.
        id: MediaId,
        /// The InputURL sent beside it, if any.
        input_url: Option<InputUrl>,
    },
    /// Found by the object its stored InputURL names.
    InputUrl(InputUrl),
}

/// A validated UpdateMediaInfo request.
///
/// Built by [`UpdateMediaInfoRequest::from_params`] or [`UpdateMediaInfoRequest::from_query`]
/// from the wire, or field by field from [`UpdateMediaInfoRequest::new`]; written back with
/// [`UpdateMediaInfoRequest::to_params`] and [`UpdateMediaInfoRequest::to_query`]. Every
/// field holds validated values only, so any combination is a valid request. A field is added
/// in a minor release when the operation gains a parameter (the struct is
/// `#[non_exhaustive]`).
///
/// # Wire rules
///
/// * Names are case-sensitive. An unknown name is an `InvalidParameter` error naming it, with
///   a "did you mean" hint when it differs from a known name only by case or by one edit
///   (an insertion, a deletion, a substitution, or two neighbouring characters swapped).
/// * The RPC common parameters ([`UpdateMediaInfoRequest::COMMON_PARAMETERS`]: `Action`,
///   `Version`, `Format`, `RegionId`, `AccessKeyId`, `SecurityToken`, `Signature`,
///   `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `Timestamp`, and
///   `SignatureType` and `BearerToken` that the official SDKs send too) are accepted and
///   ignored, except that `Action` must be `UpdateMediaInfo` and `Version` `2020-11-09` when
///   present.
/// * Parameters of older SDK models ([`UpdateMediaInfoRequest::RETIRED_PARAMETERS`]:
///   `DynamicMetaDataList`, `AppendDynamicMeta`, `DynamicMetaData`, `Snapshots`,
///   `AppendSnapshots`) are refused with a message saying what they are, in input order
///   among the unknown names.
/// * A name given more than once (any known name, common ones included) is an error.
/// * An absent parameter keeps its field, an empty one clears it, other values set it;
///   except that an empty `MediaId`, `InputURL` or `AppendTags` counts as absent.
/// * `MediaId` or `InputURL` is required (`MissingParameter` on `MediaId` when neither is
///   given); when both are, `MediaId` chooses the asset.
/// * A request larger than [`UpdateMediaInfoRequest::MAX_REQUEST_BYTES`] (64 KiB: a query
///   string's length, or the names and values of the pairs or JSON members together, in
///   input order) is refused whole, at once: one
///   [`ParamErrorKind::RequestTooLarge`](crate::ParamErrorKind::RequestTooLarge) on the
///   parameter being read when it passed the limit, nothing else checked. A 10 MiB input
///   thus costs constant time and no allocation; below the limit, work is linear in the
///   input. JSON read through serde is unescaped by the JSON reader before the crate sees
///   it: a service bounds the body it reads.
///
/// # Errors
///
/// All problems are collected and returned together in a [`RequestError`](crate::RequestError): first the twelve
/// parameters in [`UpdateMediaInfoRequest::PARAMS`] order, then `Action` and `Version` (and
/// repeated common parameters, in the order listed above), then unknown names in input order
/// (RegisterMediaInfo's own parameters among them, refused as the other operation's). A repeated
/// parameter is reported once as repeated, and its values are not checked. At most
/// [`RequestError::MAX_ERRORS`](crate::RequestError::MAX_ERRORS) problems are listed; a repeated unknown name is reported once
/// while it is among the listed problems, and may be counted again in
/// [`RequestError::omitted`](crate::RequestError::omitted) past them. An unknown name is kept to its first
/// [`Excerpt::MAX_BYTES`](crate::Excerpt::MAX_BYTES) bytes (marked `…` in the message), and
/// names that differ only past those bytes are one problem: no two errors name the same
/// [`ParamError::param`](crate::ParamError::param).
///
/// ```
/// use ims_media::{ErrorCode, UpdateMediaInfoRequest};
/// let err = UpdateMediaInfoRequest::from_params([
///     ("Title", "x".repeat(131)),
///     ("Tittle", "y".to_owned()),
///     ("CateId", "-5".to_owned()),
/// ])
/// .unwrap_err();
/// let found: Vec<_> = err.errors().iter().map(|e| (e.param(), e.code())).collect();
/// assert_eq!(
///     found,
///     [
///         ("MediaId", ErrorCode::MissingParameter),
///         ("Title", ErrorCode::InvalidParameter),
///         ("CateId", ErrorCode::InvalidParameter),
///         ("Tittle", ErrorCode::InvalidParameter),
///     ]
/// );
/// assert_eq!(err.errors()[1].to_string(), "invalid Title: 131 bytes, at most 128 allowed");
/// assert_eq!(
///     err.errors()[3].to_string(),
///     "unknown parameter \"Tittle\": not a parameter of UpdateMediaInfo, did you mean Title"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct UpdateMediaInfoRequest {
    /// The asset to update.
    pub target: MediaTarget,
    /// `BusinessType`.
    pub business_type: FieldUpdate<BusinessType>,
    /// `Title`.
    pub title: FieldUpdate<Title>,
    /// `Description`.
    pub description: FieldUpdate<Description>,
    /// `Category`.
    pub category: FieldUpdate<Category>,
    /// `MediaTags` with `AppendTags`.
    pub media_tags: TagsUpdate,
    /// `CoverURL`.
    pub cover_url: FieldUpdate<CoverUrl>,
    /// `UserData`.
    pub user_data: FieldUpdate<UserData>,
    /// `CateId`.
    pub cate_id: FieldUpdate<CateId>,
    /// `ReferenceId`.
    pub reference_id: FieldUpdate<ReferenceId>,
}

impl From<crate::MediaId> for MediaTarget {
    /// The asset with this ID.
    fn from(id: crate::MediaId) -> Self {
        MediaTarget::MediaId {
            id,
            input_url: None,
        }
    }
}

impl From<InputUrl> for MediaTarget {
    /// The asset registered from this object.
    fn from(url: InputUrl) -> Self {
        MediaTarget::InputUrl(url)
    }
}

impl UpdateMediaInfoRequest {
    /// The most bytes a request may have: a query string, or the names and values of the
    /// pairs (or JSON members) together, counted in input order. A larger request is refused
    /// whole, with one [`ParamErrorKind::RequestTooLarge`](crate::ParamErrorKind::RequestTooLarge)
    /// on the parameter being read when it passed the limit: 64 KiB is more than twice the
    /// largest valid request fully percent-encoded with an STS token, and a 10 MiB input then
    /// costs constant time and no allocation.
    pub const MAX_REQUEST_BYTES: usize = crate::wire::MAX_REQUEST_BYTES;

    /// The operation's parameters, in the order of the API reference table: the order of its
    /// errors and of [`UpdateMediaInfoRequest::to_params`].
    pub const PARAMS: [Param; 12] = [
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

    /// The common parameters of the RPC protocol that real clients send beside the
    /// operation's own: accepted and ignored, except that `Action` must be `UpdateMediaInfo`
    /// and `Version` `2020-11-09` when present. The first eleven are the documented RPC
    /// common parameters; the core SDKs also send `SignatureType` (empty on every request, or
    /// `BEARERTOKEN`), and bearer-token credentials add `BearerToken`.
    ///
    /// ```
    /// use ims_media::UpdateMediaInfoRequest;
    /// let r = UpdateMediaInfoRequest::from_query("MediaId=abc&SignatureType=&Title=x");
    /// assert!(r.is_ok());
    /// assert!(UpdateMediaInfoRequest::COMMON_PARAMETERS.contains(&"BearerToken"));
    /// ```
    pub const COMMON_PARAMETERS: [&'static str; 13] = crate::wire::COMMON;

    /// Parameters that older SDK models of UpdateMediaInfo sent and that the operation as
    /// documented today does not have. Each is refused with
    /// [`ParamErrorKind::RetiredParameter`](crate::ParamErrorKind::RetiredParameter), never silently ignored: a caller must not
    /// believe they were applied.
    ///
    /// ```
    /// use ims_media::UpdateMediaInfoRequest;
    /// let err = UpdateMediaInfoRequest::from_params([
    ///     ("MediaId", "abc"),
    ///     ("DynamicMetaDataList", "[]"),
    /// ])
    /// .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid DynamicMetaDataList: a parameter of older SDK models, \
    ///      not of UpdateMediaInfo as documented today, so it would not be applied"
    /// );
    /// ```
    pub const RETIRED_PARAMETERS: [&'static str; 5] = [
        "DynamicMetaDataList",
        "AppendDynamicMeta",
        "DynamicMetaData",
        "Snapshots",
        "AppendSnapshots",
    ];
}

/// What the table gives the operation: `new`, `to_params` and the draft the collector fills.
macro_rules! update_request {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        impl UpdateMediaInfoRequest {
            /// A request for `target` that changes nothing: every field [`FieldUpdate::Keep`].
            pub fn new(target: MediaTarget) -> Self {
                UpdateMediaInfoRequest {
                    target,
                    media_tags: TagsUpdate::Keep,
                    $($( $field: FieldUpdate::Keep, )?)*
                }
            }

            /// The request as wire parameters, in [`UpdateMediaInfoRequest::PARAMS`] order:
            /// only what the request says (fields to keep are absent, fields to clear are
            /// empty), `AppendTags=true` only for an append. Parsing the result with
            /// [`UpdateMediaInfoRequest::from_params`] gives back an equal request.
            pub fn to_params(&self) -> Vec<(&'static str, String)> {
                let mut out = Vec::with_capacity(Self::PARAMS.len());
                for param in Self::PARAMS {
                    let value: Option<std::borrow::Cow<'_, str>> = match param {
                        Param::MediaId => match &self.target {
                            MediaTarget::MediaId { id, .. } => Some(id.write()),
                            MediaTarget::InputUrl(_) => None,
                        },
                        Param::InputUrl => match &self.target {
                            MediaTarget::MediaId { input_url, .. } => {
                                input_url.as_ref().map(WireValue::write)
                            }
                            MediaTarget::InputUrl(url) => Some(url.write()),
                        },
                        Param::MediaTags => match &self.media_tags {
                            TagsUpdate::Keep => None,
                            TagsUpdate::Replace(tags) | TagsUpdate::Append(tags) => {
                                Some(tags.write())
                            }
                        },
                        Param::AppendTags => matches!(self.media_tags, TagsUpdate::Append(_))
                            .then(|| true.write()),
                        // Not parameters of UpdateMediaInfo, not in `PARAMS`.
                        Param::MediaType
                        | Param::Overwrite
                    | Param::ClientToken
                    | Param::RegisterConfig
                    | Param::WorkflowId
                    | Param::SmartTagTemplateId => None,
                        $($( Param::$v => match &self.$field {
                            FieldUpdate::Keep => None,
                            FieldUpdate::Clear => Some(std::borrow::Cow::Borrowed("")),
                            FieldUpdate::Set(v) => Some(v.write()),
                        }, )?)*
                    };
                    if let Some(value) = value {
                        out.push((param.name(), value.into_owned()));
                    }
                }
                out
            }
        }

        // Each plain field is a parameter of the operation: a row added to the table and not
        // to `PARAMS` stops the build here.
        const _: () = {
            $($(
                let _ = stringify!($field);
                assert!(
                    crate::param::contains(&UpdateMediaInfoRequest::PARAMS, Param::$v),
                    concat!($wire, " is a field of UpdateMediaInfoRequest, not in its PARAMS"),
                );
            )?)*
        };

        /// UpdateMediaInfo's request while it is collected.
        #[derive(Default)]
        pub(crate) struct UpdateDraft {
            media_id: Option<MediaId>,
            input_url: Option<InputUrl>,
            media_tags: Option<MediaTags>,
            append_tags: bool,
            $($( $field: FieldUpdate<$ty>, )?)*
        }

        impl Draft for UpdateDraft {
            type Request = UpdateMediaInfoRequest;
            const ACTION: &'static str = "UpdateMediaInfo";
            const PARAMS: &'static [Param] = &UpdateMediaInfoRequest::PARAMS;
            const RETIRED: &'static [&'static str] = &UpdateMediaInfoRequest::RETIRED_PARAMETERS;
            const OTHER_OPERATION: &'static str = "RegisterMediaInfo";

            #[inline]
            fn take(&mut self, param: Param, v: &str) -> Result<(), ParamError> {
                match param {
                    Param::MediaId => self.media_id = unless_empty(param, v)?,
                    Param::InputUrl => self.input_url = unless_empty(param, v)?,
                    Param::MediaTags => self.media_tags = Some(MediaTags::read(param, v)?),
                    Param::AppendTags => {
                        self.append_tags = unless_empty::<bool>(param, v)? == Some(true)
                    }
                    // Not parameters of UpdateMediaInfo: the collector never hands them over.
                    Param::MediaType
                    | Param::Overwrite
                    | Param::ClientToken
                    | Param::RegisterConfig
                    | Param::WorkflowId
                    | Param::SmartTagTemplateId => {}
                    $($( Param::$v => self.$field = update(param, v)?, )?)*
                }
                Ok(())
            }

            fn build(
                &mut self,
                given: impl Fn(Param) -> Given,
            ) -> Result<UpdateMediaInfoRequest, Option<ParamError>> {
                // MediaId or InputURL; an empty one counts as absent, an invalid one is its own
                // error.
                if given(Param::MediaId) == Given::Refused || given(Param::InputUrl) == Given::Refused
                {
                    return Err(None);
                }
                let target = match (self.media_id.take(), self.input_url.take()) {
                    (Some(id), input_url) => MediaTarget::MediaId { id, input_url },
                    (None, Some(url)) => MediaTarget::InputUrl(url),
                    (None, None) => {
                        return Err(Some(ParamError::new(Param::MediaId, ParamErrorKind::Missing)))
                    }
                };
                let media_tags = match self.media_tags.take() {
                    Some(tags) if self.append_tags => TagsUpdate::Append(tags),
                    Some(tags) => TagsUpdate::Replace(tags),
                    None => TagsUpdate::Keep,
                };
                Ok(UpdateMediaInfoRequest {
                    target,
                    media_tags,
                    $($( $field: std::mem::take(&mut self.$field), )?)*
                })
            }
        }
    };
}
parameters!(update_request);

impl UpdateMediaInfoRequest {
    /// [`UpdateMediaInfoRequest::to_params`] as a query string: `name=value` joined by `&`,
    /// percent-encoded as RFC 3986 (every byte but `A-Z a-z 0-9 - _ . ~` as `%XX`, so a space
    /// is `%20`), as the SDKs encode for signing. Parsing it with
    /// [`UpdateMediaInfoRequest::from_query`] gives back an equal request.
    ///
    /// ```
    /// use ims_media::{FieldUpdate, MediaId, MediaTarget, UpdateMediaInfoRequest};
    /// let mut r = UpdateMediaInfoRequest::new(MediaTarget::MediaId {
    ///     id: "abc".parse().unwrap(),
    ///     input_url: None,
    /// });
    /// r.title = FieldUpdate::Set("a&b=c 界".parse().unwrap());
    /// r.category = FieldUpdate::Clear;
    /// assert_eq!(r.to_query(), "MediaId=abc&Title=a%26b%3Dc%20%E7%95%8C&Category=");
    /// assert_eq!(UpdateMediaInfoRequest::from_query(&r.to_query()), Ok(r));
    /// ```
    pub fn to_query(&self) -> String {
        crate::wire::to_query(&self.to_params())
    }
}

impl UpdateMediaInfoRequest {
    /// Parses wire parameters whose values are already decoded (e.g. from a web framework's
    /// form or query extractor). See the type's documentation for the rules.
    ///
    /// # Errors
    ///
    /// A [`RequestError`] listing every problem, as the type's documentation says.
    pub fn from_params<I>(pairs: I) -> Result<Self, RequestError>
    where
        I: IntoIterator,
        I::Item: crate::WirePair,
    {
        crate::wire::from_pairs::<UpdateDraft, _>(pairs)
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
        crate::wire::from_query::<UpdateDraft>(query)
    }
}
