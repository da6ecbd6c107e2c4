//! RegisterMediaInfo: its request ([`RegisterMediaInfoRequest`], read by the collector of
//! [`crate::wire`] and written back), its domain function ([`register`]) and its outcome.

use crate::error::{Excerpt, ParamError, ParamErrorKind, RegisterError, RequestError};
use crate::value::json;
use crate::value::WireValue;
use crate::wire::{unless_empty, Draft, Given};
use crate::{
    BusinessType, CateId, ClientToken, CoverUrl, Description, InputUrl, MediaId, MediaInfo,
    MediaTags, MediaType, Param, ReferenceId, RegisterConfig, SmartTagTemplateId, Title, UserData,
    WorkflowId,
};

/// A validated RegisterMediaInfo request: registers the media file `input_url` names as a new
/// asset of the content library.
///
/// Built by [`RegisterMediaInfoRequest::from_params`] or
/// [`RegisterMediaInfoRequest::from_query`], or from [`RegisterMediaInfoRequest::new`] field by
/// field; written back with [`RegisterMediaInfoRequest::to_params`] and
/// [`RegisterMediaInfoRequest::to_query`]. The shared parameters have the types and rules they
/// have in UpdateMediaInfo.
///
/// # Wire rules
///
/// As UpdateMediaInfo's ([`UpdateMediaInfoRequest`](crate::UpdateMediaInfoRequest)): names
/// case-sensitive, the RPC common parameters accepted (`Action` must be
/// `RegisterMediaInfo`), repeated and unknown names refused, a request over 64 KiB refused
/// whole, every problem at once. And:
///
/// * `InputURL` is required (`MissingParameter` when absent or empty).
/// * An empty value counts as absent: a registration has nothing to clear.
/// * `MediaId`, `Category` and `AppendTags` are refused: they are UpdateMediaInfo's, and a
///   caller must not believe a category was set
///   ([`ParamErrorKind::OtherOperation`](crate::ParamErrorKind::OtherOperation)).
/// * `UserData` must be a JSON object (RFC 8259 text whose value is an object), 1,024 bytes
///   at most as in UpdateMediaInfo; `RegisterConfig` is a [`RegisterConfig`].
/// * `Overwrite` reads as `AppendTags` does: `true` or `false`, ASCII case-insensitive (the
///   SDKs send `True`).
/// * MediaType `text`, given or inferred ([`RegisterMediaInfoRequest::media_type_or_inferred`]),
///   requires BusinessType `subtitles` or `font`: otherwise an error on `BusinessType`.
///
/// # Errors
///
/// A [`RequestError`] listing every problem, in the order of
/// [`RegisterMediaInfoRequest::PARAMS`], then the common parameters, then unknown names:
///
/// ```
/// use ims_media::{ErrorCode, RegisterMediaInfoRequest};
/// let err = RegisterMediaInfoRequest::from_params([
///     ("Title", "x"),
///     ("Category", "news"),
///     ("UserData", "userData"),
/// ])
/// .unwrap_err();
/// let found: Vec<_> = err.errors().iter().map(|e| (e.param(), e.code())).collect();
/// assert_eq!(
///     found,
///     [
///         ("InputURL", ErrorCode::MissingParameter),
///         ("UserData", ErrorCode::InvalidParameter),
///         ("Category", ErrorCode::InvalidParameter),
///     ]
/// );
/// assert_eq!(
///     err.errors()[2].to_string(),
///     "invalid Category: a parameter of UpdateMediaInfo, not of RegisterMediaInfo, so it would \
///      not be applied"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RegisterMediaInfoRequest {
    /// `InputURL`: the file to register.
    pub input_url: InputUrl,
    /// `MediaType`; when `None`, [`RegisterMediaInfoRequest::media_type_or_inferred`] infers
    /// it from the file's extension.
    pub media_type: Option<MediaType>,
    /// `BusinessType`.
    pub business_type: Option<BusinessType>,
    /// `Title`; `None` leaves the service's default title.
    pub title: Option<Title>,
    /// `Description`.
    pub description: Option<Description>,
    /// `MediaTags` (empty: none).
    pub media_tags: MediaTags,
    /// `CoverURL`.
    pub cover_url: Option<CoverUrl>,
    /// `UserData`: a JSON object.
    pub user_data: Option<UserData>,
    /// `Overwrite`: an asset already registered for the object is replaced.
    pub overwrite: bool,
    /// `ClientToken`: the idempotence token.
    pub client_token: Option<ClientToken>,
    /// `RegisterConfig`.
    pub register_config: Option<RegisterConfig>,
    /// `CateId`.
    pub cate_id: Option<CateId>,
    /// `WorkflowId`: a workflow to run after registration.
    pub workflow_id: Option<WorkflowId>,
    /// `ReferenceId`.
    pub reference_id: Option<ReferenceId>,
    /// `SmartTagTemplateId`: a smart-tagging template to run after registration.
    pub smart_tag_template_id: Option<SmartTagTemplateId>,
}

/// The optional parameters of RegisterMediaInfo, once: `Variant field: Type;` in the order of
/// the API reference. `InputURL`, `MediaTags` and `Overwrite` are written by hand.
macro_rules! optional_fields {
    ($then:ident) => {
        $then! {
            MediaType media_type: MediaType;
            BusinessType business_type: BusinessType;
            Title title: Title;
            Description description: Description;
            CoverUrl cover_url: CoverUrl;
            UserData user_data: UserData;
            ClientToken client_token: ClientToken;
            RegisterConfig register_config: RegisterConfig;
            CateId cate_id: CateId;
            WorkflowId workflow_id: WorkflowId;
            ReferenceId reference_id: ReferenceId;
            SmartTagTemplateId smart_tag_template_id: SmartTagTemplateId;
        }
    };
}

impl RegisterMediaInfoRequest {
    /// The operation's parameters, in the order of the API reference table: the order of its
    /// errors and of [`RegisterMediaInfoRequest::to_params`].
    pub const PARAMS: [Param; 15] = [
        Param::InputUrl,
        Param::MediaType,
        Param::BusinessType,
        Param::Title,
        Param::Description,
        Param::MediaTags,
        Param::CoverUrl,
        Param::UserData,
        Param::Overwrite,
        Param::ClientToken,
        Param::RegisterConfig,
        Param::CateId,
        Param::WorkflowId,
        Param::ReferenceId,
        Param::SmartTagTemplateId,
    ];

    /// The RPC common parameters, as for UpdateMediaInfo
    /// ([`UpdateMediaInfoRequest::COMMON_PARAMETERS`](crate::UpdateMediaInfoRequest::COMMON_PARAMETERS));
    /// `Action` must be `RegisterMediaInfo`.
    pub const COMMON_PARAMETERS: [&'static str; 13] = crate::wire::COMMON;

    /// The most bytes a request may have, as for UpdateMediaInfo (64 KiB).
    pub const MAX_REQUEST_BYTES: usize = crate::wire::MAX_REQUEST_BYTES;

    /// The type of the asset: as given, or inferred from the extension of the object key's
    /// last path segment for an OSS URL ([`MediaType::of_key`]); `None` for `vod://` and for
    /// an extension IMS does not list (the service decides).
    ///
    /// ```
    /// use ims_media::{MediaType, RegisterMediaInfoRequest};
    /// let r = RegisterMediaInfoRequest::new("oss://example-bucket/subs/intro.SRT".parse()?);
    /// assert_eq!(r.media_type_or_inferred(), Some(MediaType::Text));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn media_type_or_inferred(&self) -> Option<MediaType> {
        self.media_type
            .or_else(|| self.input_url.object_key().and_then(MediaType::of_key))
    }

    /// Parses wire parameters whose values are already decoded. See the type's documentation
    /// for the rules.
    ///
    /// # Errors
    ///
    /// A [`RequestError`] listing every problem.
    pub fn from_params<I>(pairs: I) -> Result<Self, RequestError>
    where
        I: IntoIterator,
        I::Item: crate::WirePair,
    {
        crate::wire::from_pairs::<RegisterDraft, _>(pairs)
    }

    /// Parses an `application/x-www-form-urlencoded` string, as
    /// [`UpdateMediaInfoRequest::from_query`](crate::UpdateMediaInfoRequest::from_query) does.
    ///
    /// # Errors
    ///
    /// As [`RegisterMediaInfoRequest::from_params`], and the query's own problems (bad escapes,
    /// values that do not decode to UTF-8).
    ///
    /// ```
    /// use ims_media::RegisterMediaInfoRequest;
    /// let r = RegisterMediaInfoRequest::from_query(
    ///     "InputURL=oss%3A%2F%2Fexample-bucket%2Fa.mp4&Overwrite=True&Title=Intro",
    /// )?;
    /// assert!(r.overwrite);
    /// assert_eq!(RegisterMediaInfoRequest::from_query(&r.to_query()), Ok(r));
    /// # Ok::<(), ims_media::RequestError>(())
    /// ```
    pub fn from_query(query: &str) -> Result<Self, RequestError> {
        crate::wire::from_query::<RegisterDraft>(query)
    }

    /// The request as a query string, percent-encoded as RFC 3986 (as
    /// [`UpdateMediaInfoRequest::to_query`](crate::UpdateMediaInfoRequest::to_query)).
    pub fn to_query(&self) -> String {
        crate::wire::to_query(&self.to_params())
    }
}

macro_rules! register_request {
    ($( $v:ident $field:ident: $ty:ty; )*) => {
        impl RegisterMediaInfoRequest {
            /// A request registering `input_url` with nothing else given.
            pub fn new(input_url: InputUrl) -> Self {
                RegisterMediaInfoRequest {
                    input_url,
                    media_tags: MediaTags::new(),
                    overwrite: false,
                    $( $field: None, )*
                }
            }

            /// The request as wire parameters, in [`RegisterMediaInfoRequest::PARAMS`] order:
            /// only what is given, `Overwrite=true` only when set. Parsing the result with
            /// [`RegisterMediaInfoRequest::from_params`] gives back an equal request.
            pub fn to_params(&self) -> Vec<(&'static str, String)> {
                let mut out = Vec::with_capacity(Self::PARAMS.len());
                for param in Self::PARAMS {
                    let value: Option<std::borrow::Cow<'_, str>> = match param {
                        Param::InputUrl => Some(self.input_url.write()),
                        Param::MediaTags => {
                            (!self.media_tags.is_empty()).then(|| self.media_tags.write())
                        }
                        Param::Overwrite => self.overwrite.then(|| true.write()),
                        $( Param::$v => self.$field.as_ref().map(WireValue::write), )*
                        // Not parameters of RegisterMediaInfo, not in `PARAMS`.
                        Param::MediaId | Param::Category | Param::AppendTags => None,
                    };
                    if let Some(value) = value {
                        out.push((param.name(), value.into_owned()));
                    }
                }
                out
            }
        }

        /// RegisterMediaInfo's request while it is collected.
        #[derive(Default)]
        pub(crate) struct RegisterDraft {
            input_url: Option<InputUrl>,
            media_tags: MediaTags,
            overwrite: bool,
            $( $field: Option<$ty>, )*
        }

        impl Draft for RegisterDraft {
            type Request = RegisterMediaInfoRequest;
            const ACTION: &'static str = "RegisterMediaInfo";
            const PARAMS: &'static [Param] = &RegisterMediaInfoRequest::PARAMS;
            const RETIRED: &'static [&'static str] = &[];
            const OTHER_OPERATION: &'static str = "UpdateMediaInfo";

            fn take(&mut self, param: Param, v: &str) -> Result<(), ParamError> {
                match param {
                    Param::InputUrl => self.input_url = unless_empty(param, v)?,
                    Param::MediaTags => self.media_tags = MediaTags::read(param, v)?,
                    Param::Overwrite => self.overwrite = unless_empty::<bool>(param, v)? == Some(true),
                    $( Param::$v => self.$field = unless_empty(param, v)?, )*
                    // Not parameters of RegisterMediaInfo: the collector never hands them over.
                    Param::MediaId | Param::Category | Param::AppendTags => {}
                }
                // UserData of this operation is a JSON object.
                match &self.user_data {
                    Some(data) if param == Param::UserData => json_object(param, data.as_str()),
                    _ => Ok(()),
                }
            }

            fn build(
                &mut self,
                given: impl Fn(Param) -> Given,
            ) -> Result<RegisterMediaInfoRequest, Option<ParamError>> {
                if given(Param::InputUrl) == Given::Refused {
                    return Err(None);
                }
                let Some(input_url) = self.input_url.take() else {
                    return Err(Some(ParamError::new(Param::InputUrl, ParamErrorKind::Required)));
                };
                let request = RegisterMediaInfoRequest {
                    input_url,
                    media_tags: std::mem::take(&mut self.media_tags),
                    overwrite: self.overwrite,
                    $( $field: self.$field.take(), )*
                };
                // MediaType text needs subtitles or font, unless the pairing cannot be judged
                // because one of them was refused.
                let judged = given(Param::MediaType) != Given::Refused
                    && given(Param::BusinessType) != Given::Refused;
                if judged
                    && request.media_type_or_inferred() == Some(MediaType::Text)
                    && !matches!(
                        request.business_type,
                        Some(BusinessType::Subtitles | BusinessType::Font)
                    )
                {
                    return Err(Some(ParamError::new(
                        Param::BusinessType,
                        ParamErrorKind::TextNeedsSubtitlesOrFont {
                            found: request.business_type,
                        },
                    )));
                }
                Ok(request)
            }
        }
    };
}
optional_fields!(register_request);

/// `UserData` of RegisterMediaInfo: JSON text whose value is an object.
fn json_object(param: Param, s: &str) -> Result<(), ParamError> {
    match json::check(s) {
        Ok(json::Kind::Object) => Ok(()),
        Ok(other) => Err(ParamError::new(
            param,
            ParamErrorKind::NotJsonObject {
                found: other.described(),
            },
        )),
        Err(e) => Err(ParamError::new(
            param,
            ParamErrorKind::InvalidJson {
                at: e.at,
                expected: e.expected,
            },
        )),
    }
}

/// The result of a successful [`register`]: the new asset, the one it replaces, and what the
/// service must start. More may be reported in a minor release (the struct is
/// `#[non_exhaustive]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RegisterOutcome {
    /// The new asset.
    pub media: MediaInfo,
    /// The asset already registered for the object, which the service deletes
    /// (`Overwrite=true`).
    pub replaced: Option<MediaId>,
    /// The processing to start: the request's `RegisterConfig` with IMS's defaults filled in
    /// ([`RegisterConfig::with_defaults`]).
    pub register_config: RegisterConfig,
    /// The workflow to run, if any.
    pub workflow_id: Option<WorkflowId>,
    /// The smart-tagging template to run, if any.
    pub smart_tag_template_id: Option<SmartTagTemplateId>,
}

impl RegisterOutcome {
    /// The document to store for the new asset: its members as GetMediaInfo returns them,
    /// `Status` `Init` until IMS has processed the file. GetMediaInfo, UpdateMediaInfo and
    /// the merge patch then work on it as on any stored asset.
    ///
    /// ```
    /// use ims_media::{register, MediaInfo, RegisterMediaInfoRequest};
    /// let request = RegisterMediaInfoRequest::from_query("InputURL=oss://example-bucket/a.mp3")?;
    /// let outcome = register(&request, "7a1c0e5f3b2d4c6e8f901a2b3c4d5e6f".parse()?, None)?;
    /// let doc = outcome.document();
    /// assert_eq!(doc.status.as_deref(), Some("Init"));
    /// assert_eq!(doc.media_type.as_deref(), Some("audio"));
    /// assert_eq!(MediaInfo::try_from(&doc)?, outcome.media);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document(&self) -> crate::MediaBasicInfo {
        let mut doc = crate::MediaBasicInfo::from(&self.media);
        doc.status = Some("Init".to_owned());
        doc
    }
}

/// Registers `request`'s file as the asset `media_id` (the ID the service chose), given the
/// asset `existing` already registered for the same object, if the caller found one
/// ([`InputUrl::same_object`]).
///
/// * No `existing`: the new asset, with every field the request gave and the MediaType as
///   given or inferred; the title is left unset when not given (the service's default title
///   is the service's).
/// * `existing` and `Overwrite=true`: the same, and the outcome names the asset it replaces.
///
/// Pure: the caller stores the asset ([`RegisterOutcome::document`], a `MediaBasicInfo` with
/// `Status` `Init`), deletes the replaced one and starts what the outcome says.
///
/// # Errors
///
/// [`RegisterError::AlreadyRegistered`] (`InvalidParameter` on `InputURL`) for `existing`
/// without `Overwrite`; the message does not quote the stored asset.
///
/// ```
/// use ims_media::{register, MediaType, RegisterMediaInfoRequest};
/// let request = RegisterMediaInfoRequest::from_query(
///     "InputURL=oss://example-bucket/videos/intro.mp4&Title=Intro",
/// )?;
/// let outcome = register(&request, "7a1c0e5f3b2d4c6e8f901a2b3c4d5e6f".parse()?, None)?;
/// assert_eq!(outcome.media.media_type, Some(MediaType::Video));
/// assert_eq!(outcome.register_config.need_sprite, Some(true));
///
/// let again = register(&request, "0000000000000000000000000000000b".parse()?, Some(&outcome.media));
/// assert_eq!(
///     again.unwrap_err().to_string(),
///     "invalid InputURL: \"oss://example-bucket/videos/intro.mp4\" is already registered; \
///      Overwrite=true replaces it"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn register(
    request: &RegisterMediaInfoRequest,
    media_id: MediaId,
    existing: Option<&MediaInfo>,
) -> Result<RegisterOutcome, RegisterError> {
    let replaced = match existing {
        Some(_) if !request.overwrite => {
            return Err(RegisterError::AlreadyRegistered {
                given: Excerpt::new(request.input_url.as_str()),
            })
        }
        Some(old) => Some(old.media_id.clone()),
        None => None,
    };
    // Every field of the asset, so that a field the asset gains is decided here too.
    let media = MediaInfo {
        media_id,
        input_url: request.input_url.clone(),
        media_type: request.media_type_or_inferred(),
        business_type: request.business_type,
        title: request.title.clone(),
        description: request.description.clone(),
        // Not a parameter of RegisterMediaInfo: an update sets it.
        category: None,
        media_tags: request.media_tags.clone(),
        cover_url: request.cover_url.clone(),
        user_data: request.user_data.clone(),
        cate_id: request.cate_id,
        reference_id: request.reference_id.clone(),
    };
    Ok(RegisterOutcome {
        media,
        replaced,
        register_config: request
            .register_config
            .clone()
            .unwrap_or_default()
            .with_defaults(),
        workflow_id: request.workflow_id.clone(),
        smart_tag_template_id: request.smart_tag_template_id.clone(),
    })
}
