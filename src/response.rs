//! What the API answers and what a service stores back: the asset as GetMediaInfo returns
//! it ([`MediaBasicInfo`], [`GetMediaInfoResponse`], and the stored [`MediaInfo`] derived
//! from them), the error body ([`ErrorResponse`]), and the merge patch that stores a change
//! back ([`MergePatch`]).

use crate::error::{ParamError, ParamErrorKind};
use crate::param::parameters;
use crate::param::ParamSet;
use crate::value::WireValue;
use crate::{Error, ErrorCode, InputUrl, MediaId, MediaInfo, MediaTags, Param, UpdateOutcome};

/// `MediaBasicInfo` exactly as GetMediaInfo, BatchGetMediaInfos and SearchMedia return it:
/// every documented member, as received, unchecked.
///
/// The writable members are the ones [`MediaInfo`] holds validated (`MediaType` among them:
/// set by a registration, never by an update); the read-only ones (`Status`, `Source`, `Biz`, `CateName`, `CreateTime`, `ModifiedTime`,
/// `DeletedTime`, `Snapshots`, `SpriteImages`, `UploadSource`, `TranscodeStatus`,
/// `Namespace`, `VisionDescription`) are kept as the API sends them so that nothing of the
/// response is lost. Every member is a string except `CateId`, a number; `None` is a member
/// that was absent or `null`, and an empty string stays `Some("")` as received.
///
/// `CoverURL` is kept as returned, which is a URL signed for reading (OSS signature
/// parameters in its query, far beyond 128 bytes): use it to show the cover while the
/// signature lasts. [`MediaInfo::try_from`] derives the stored asset, whose cover is that URL
/// without its signature ([`CoverUrl::from_signed`](crate::CoverUrl::from_signed)).
///
/// New members are added in minor releases (the struct is `#[non_exhaustive]`): build one
/// with [`MediaBasicInfo::default`] or [`MediaBasicInfo::from`] a [`MediaInfo`] and set its
/// fields.
///
/// With the `serde` feature it reads and writes the JSON object of the responses: members
/// with their wire names, the members it does not model kept in
/// `MediaBasicInfo::other_members` and written back after the others, absent members not
/// written, a member given twice refused (a JSON object with duplicate names has no agreed
/// meaning).
///
/// # Errors
///
/// Reading one from JSON fails only on a member of the wrong JSON type (`CateId` must be an
/// integer, a string of one, `""` or `null`; the others a string or `null`) and on a repeated
/// member; the values are checked when [`MediaInfo::try_from`] derives the stored asset:
///
/// ```
/// use ims_media::{MediaBasicInfo, MediaInfo};
/// let mut basic = MediaBasicInfo::default();
/// basic.media_id = Some("2b36bd19c13f4145b094c0cad80dbce5".into());
/// basic.input_url = Some("oss://example-bucket/intro.mp4".into());
/// basic.title = Some("x".repeat(129));
/// let err = MediaInfo::try_from(&basic).unwrap_err();
/// assert_eq!(err.to_string(), "invalid Title: 129 bytes, at most 128 allowed");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct MediaBasicInfo {
    /// `MediaId`.
    pub media_id: Option<String>,
    /// `InputURL`.
    pub input_url: Option<String>,
    /// `BusinessType`.
    pub business_type: Option<String>,
    /// `Title`.
    pub title: Option<String>,
    /// `Description`.
    pub description: Option<String>,
    /// `Category`.
    pub category: Option<String>,
    /// `MediaTags`: one comma-separated string.
    pub media_tags: Option<String>,
    /// `CoverURL` as returned: in responses, signed for reading.
    pub cover_url: Option<String>,
    /// `UserData`.
    pub user_data: Option<String>,
    /// `CateId`.
    pub cate_id: Option<i64>,
    /// `ReferenceId`.
    pub reference_id: Option<String>,
    /// `MediaType`: `image`, `video`, `audio`, `text` (set by a registration).
    pub media_type: Option<String>,
    /// `Status` (read-only): `Init`, `Preparing`, `PrepareFail`, `Normal`, …
    pub status: Option<String>,
    /// `Source` (read-only): `oss`, `vod`, …
    pub source: Option<String>,
    /// `Biz` (read-only): `ICE`, `VOD`, `LIVE`, `MTS`.
    pub biz: Option<String>,
    /// `CateName` (read-only): the name of the category `CateId`.
    pub cate_name: Option<String>,
    /// `CreateTime` (read-only), e.g. `2020-12-26T04:11:08Z`.
    pub create_time: Option<String>,
    /// `ModifiedTime` (read-only).
    pub modified_time: Option<String>,
    /// `DeletedTime` (read-only).
    pub deleted_time: Option<String>,
    /// `Snapshots` (read-only): a JSON array encoded as a string, kept as that string.
    pub snapshots: Option<String>,
    /// `SpriteImages` (read-only): JSON encoded as a string, kept as that string.
    pub sprite_images: Option<String>,
    /// `UploadSource` (read-only).
    pub upload_source: Option<String>,
    /// `TranscodeStatus` (read-only; BatchGetMediaInfos).
    pub transcode_status: Option<String>,
    /// `Namespace` (read-only; SearchMedia).
    pub namespace: Option<String>,
    /// `VisionDescription` (read-only; SearchMedia).
    pub vision_description: Option<String>,
    /// The members this crate does not model (members the API adds later, a service's own),
    /// kept as read and written back unchanged after the modelled ones (feature `serde`), so
    /// that reading a document and writing it back loses nothing. Their order is that of
    /// `serde_json::Map` (by name, unless serde_json's `preserve_order` is enabled).
    #[cfg(feature = "serde")]
    pub other_members: serde_json::Map<String, serde_json::Value>,
}

impl MediaBasicInfo {
    /// The wire names of the members, in the order they are written: the members of the
    /// asset ([`MediaInfo`]'s fields) in the order of [`Param::ALL`], then the read-only ones.
    pub const MEMBERS: [&'static str; 25] = [
        "MediaId",
        "InputURL",
        "MediaType",
        "BusinessType",
        "Title",
        "Description",
        "Category",
        "MediaTags",
        "CoverURL",
        "UserData",
        "CateId",
        "ReferenceId",
        "Status",
        "Source",
        "Biz",
        "CateName",
        "CreateTime",
        "ModifiedTime",
        "DeletedTime",
        "Snapshots",
        "SpriteImages",
        "UploadSource",
        "TranscodeStatus",
        "Namespace",
        "VisionDescription",
    ];

    /// Writes the stored asset's writable fields into these members, touching only those
    /// whose value differs: a member that already holds the asset's value is left exactly as
    /// it is (`"a, b"` for the tags `a,b`, `""` for a field not set, a signed URL of the
    /// asset's cover, which can still be shown); the others take the asset's value, `None`
    /// where the asset has none. The read-only members are never touched. When these members
    /// are not a valid asset ([`MediaInfo::try_from`] refuses them), every writable member is
    /// written.
    ///
    /// This is the [`MergePatch`](crate::MergePatch) from the asset these members hold to
    /// `media`, applied.
    ///
    /// ```
    /// use ims_media::{MediaBasicInfo, MediaInfo, Title};
    /// let mut basic = MediaBasicInfo::default();
    /// basic.media_id = Some("2b36bd19c13f4145b094c0cad80dbce5".into());
    /// basic.input_url = Some("oss://example-bucket/intro.mp4".into());
    /// basic.media_tags = Some("news, sports".into());
    /// basic.status = Some("Normal".into());
    /// let mut media = MediaInfo::try_from(&basic)?;
    /// media.title = Some(Title::from_static("Intro"));
    /// basic.set_writable(&media);
    /// assert_eq!(basic.title.as_deref(), Some("Intro"));
    /// assert_eq!(basic.media_tags.as_deref(), Some("news, sports"));
    /// assert_eq!(basic.status.as_deref(), Some("Normal"));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    pub fn set_writable(&mut self, media: &MediaInfo) {
        match MediaInfo::try_from(&*self) {
            Ok(current) => {
                let changed = current.differing_fields(media);
                crate::MergePatch::new(media, changed).apply_to(self);
            }
            Err(_) => {
                crate::MergePatch::new(media, Param::ALL.into_iter().collect()).apply_to(self)
            }
        }
    }
}

/// The string members (every member but `CateId`), by wire name and field, once: the lookup by
/// name and the list in [`MediaBasicInfo::MEMBERS`] order are both written from it.
macro_rules! text_members {
    ($($wire:literal => $field:ident),* $(,)?) => {
        impl MediaBasicInfo {
            /// The string member with this wire name.
            #[cfg_attr(not(feature = "serde"), allow(dead_code))]
            pub(crate) fn text_member_mut(&mut self, name: &str) -> Option<&mut Option<String>> {
                Some(match name {
                    $($wire => &mut self.$field,)*
                    _ => return None,
                })
            }

            /// The string members in [`MediaBasicInfo::MEMBERS`] order.
            #[cfg(feature = "serde")]
            pub(crate) fn text_members(&self) -> [(&'static str, Option<&str>); 24] {
                [$(($wire, self.$field.as_deref())),*]
            }
        }
    };
}

text_members! {
    "MediaId" => media_id,
    "InputURL" => input_url,
    "MediaType" => media_type,
    "BusinessType" => business_type,
    "Title" => title,
    "Description" => description,
    "Category" => category,
    "MediaTags" => media_tags,
    "CoverURL" => cover_url,
    "UserData" => user_data,
    "ReferenceId" => reference_id,
    "Status" => status,
    "Source" => source,
    "Biz" => biz,
    "CateName" => cate_name,
    "CreateTime" => create_time,
    "ModifiedTime" => modified_time,
    "DeletedTime" => deleted_time,
    "Snapshots" => snapshots,
    "SpriteImages" => sprite_images,
    "UploadSource" => upload_source,
    "TranscodeStatus" => transcode_status,
    "Namespace" => namespace,
    "VisionDescription" => vision_description,
}

impl From<&MediaInfo> for MediaBasicInfo {
    /// The members of the stored asset; the read-only ones are `None`.
    fn from(media: &MediaInfo) -> Self {
        let mut basic = MediaBasicInfo::default();
        basic.set_writable(media);
        basic
    }
}

/// A writable member of a `MediaBasicInfo`: absent, `null` and `""` are "not set".
fn member(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// A member every stored asset has.
fn required(param: Param, value: &Option<String>) -> Result<&str, ParamError> {
    member(value).ok_or_else(|| ParamError::new(param, ParamErrorKind::Absent))
}

impl TryFrom<&MediaBasicInfo> for MediaInfo {
    type Error = ParamError;

    /// The stored asset: the writable members checked as a request's values are, absent or
    /// empty ones not set, and the cover without its signature ([`CoverUrl::from_signed`](crate::CoverUrl::from_signed)).
    ///
    /// # Errors
    ///
    /// The first member, in [`MediaBasicInfo::MEMBERS`] order, that is not a valid value of
    /// its type, as that type reports it; [`ParamErrorKind::Absent`] when `MediaId` or
    /// `InputURL` is absent or empty.
    ///
    /// ```
    /// use ims_media::{MediaBasicInfo, MediaInfo, ParamErrorKind};
    /// let mut basic = MediaBasicInfo::default();
    /// basic.media_id = Some("2b36bd19c13f4145b094c0cad80dbce5".into());
    /// let err = MediaInfo::try_from(&basic).unwrap_err();
    /// assert_eq!((err.param(), err.kind()), ("InputURL", &ParamErrorKind::Absent));
    ///
    /// basic.input_url = Some("oss://example-bucket/intro.mp4".into());
    /// basic.cover_url = Some(
    ///     "http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png?Expires=1700000000\
    ///      &OSSAccessKeyId=LTAI0000&Signature=c2lnbmF0dXJl&security-token=CAIS0000"
    ///         .into(),
    /// );
    /// basic.cate_id = Some(3048);
    /// let media = MediaInfo::try_from(&basic)?;
    /// assert_eq!(
    ///     media.cover_url.map(String::from).as_deref(),
    ///     Some("http://example-bucket.oss-cn-shanghai.aliyuncs.com/example.png")
    /// );
    /// assert_eq!(media.cate_id.map(|c| c.get()), Some(3048));
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    fn try_from(b: &MediaBasicInfo) -> Result<Self, Self::Error> {
        media_from_members(b)
    }
}

/// A member of `MediaBasicInfo` as received, which a field's value is read from and written
/// into: a string, or for `CateId` a number.
pub(crate) trait Member: Sized {
    /// The member of `value` (`None`: not set).
    fn of<T: WireValue>(value: Option<&T>) -> Self;
    /// The value this member holds; absent, `null` and `""` are "not set".
    ///
    /// # Errors
    ///
    /// The value type's refusal, on `param`.
    fn value<T: WireValue>(&self, param: Param) -> Result<Option<T>, ParamError>;
}

impl Member for Option<String> {
    fn of<T: WireValue>(value: Option<&T>) -> Self {
        value.map(|v| v.write().into_owned())
    }
    fn value<T: WireValue>(&self, param: Param) -> Result<Option<T>, ParamError> {
        member(self).map(|s| T::read_stored(param, s)).transpose()
    }
}

impl Member for Option<i64> {
    fn of<T: WireValue>(value: Option<&T>) -> Self {
        value.map(|v| {
            v.write()
                .parse()
                .expect("a number member holds a value written as an integer (CateId)")
        })
    }
    fn value<T: WireValue>(&self, param: Param) -> Result<Option<T>, ParamError> {
        self.map(|n| T::read_integer(param, n)).transpose()
    }
}

macro_rules! from_members {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        // Each plain field is a member: a row added to the table and not to `MEMBERS` stops
        // the build here.
        const _: () = {
            $($(
                let _ = stringify!($field);
                assert!(
                    crate::param::contains_name(&MediaBasicInfo::MEMBERS, $wire),
                    concat!($wire, " is a field of MediaInfo, not in MediaBasicInfo::MEMBERS"),
                );
            )?)*
        };

        /// The stored asset of the members `b`, checked in member order.
        fn media_from_members(b: &MediaBasicInfo) -> Result<MediaInfo, ParamError> {
            let media_id = MediaId::read(Param::MediaId, required(Param::MediaId, &b.media_id)?)?;
            let input_url =
                InputUrl::read(Param::InputUrl, required(Param::InputUrl, &b.input_url)?)?;
            let mut media_tags = MediaTags::new();
            let mut media_type = None;
            $($( let mut $field = None; )?)*
            // In member order: the first member that is not valid is the error.
            for param in Param::ALL {
                match param {
                    Param::MediaType => media_type = b.media_type.value(param)?,
                    // Read above, or not members of the asset.
                    Param::MediaId
                    | Param::InputUrl
                    | Param::AppendTags
                    | Param::Overwrite
                    | Param::ClientToken
                    | Param::RegisterConfig
                    | Param::WorkflowId
                    | Param::SmartTagTemplateId => {}
                    Param::MediaTags => {
                        media_tags = b.media_tags.value(param)?.unwrap_or_default();
                    }
                    $($( Param::$v => $field = b.$field.value(param)?, )?)*
                }
            }
            Ok(MediaInfo {
                media_id,
                input_url,
                media_type,
                media_tags,
                $($( $field, )?)*
            })
        }
    };
}
parameters!(from_members);

/// The body of a GetMediaInfo response:
/// `{"RequestId": …, "MediaInfo": {"MediaId": …, "MediaBasicInfo": {…}, …}}`.
///
/// The members this crate does not model — `FileInfoList` and `AiRoughData` in `MediaInfo`,
/// members added later anywhere — are kept as read and written back unchanged (feature
/// `serde`: `GetMediaInfoResponse::media_info_members`, `GetMediaInfoResponse::other_members`,
/// `MediaBasicInfo::other_members`). [`GetMediaInfoResponse::media`] derives the stored asset.
///
/// # Errors
///
/// Reading one from JSON (feature `serde`) fails when `RequestId` or `MediaInfo` is missing,
/// a member has the wrong JSON type, or `MediaBasicInfo` cannot be read (see
/// [`MediaBasicInfo`]); deriving the asset fails as [`MediaInfo::try_from`] does:
///
/// ```
/// # #[cfg(feature = "serde")] {
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use ims_media::GetMediaInfoResponse;
/// let body = r#"{"RequestId": "6F3B3D04", "MediaInfo": {
///     "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
///     "MediaBasicInfo": {"MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
///         "InputURL": "oss://example-bucket/intro.mp4", "Status": "Normal", "CateId": 0}}}"#;
/// let response: GetMediaInfoResponse = serde_json::from_str(body)?;
/// assert_eq!(response.media_basic_info.status.as_deref(), Some("Normal"));
/// let err = response.media().unwrap_err();
/// assert_eq!(err.to_string(), "invalid CateId: \"0\" out of range, 1 to 9223372036854775807 allowed");
/// # Ok(()) }
/// # main().unwrap(); }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct GetMediaInfoResponse {
    /// `RequestId`.
    pub request_id: String,
    /// `MediaInfo.MediaId`.
    pub media_id: Option<String>,
    /// `MediaInfo.MediaBasicInfo`.
    pub media_basic_info: MediaBasicInfo,
    /// The other members of `MediaInfo` (`FileInfoList`, `AiRoughData`, …), as read (feature
    /// `serde`).
    #[cfg(feature = "serde")]
    pub media_info_members: serde_json::Map<String, serde_json::Value>,
    /// The other members of the body, as read (feature `serde`).
    #[cfg(feature = "serde")]
    pub other_members: serde_json::Map<String, serde_json::Value>,
}

impl GetMediaInfoResponse {
    /// The stored asset, as [`MediaInfo::try_from`] derives it from `MediaBasicInfo`.
    ///
    /// # Errors
    ///
    /// As [`MediaInfo::try_from`].
    pub fn media(&self) -> Result<MediaInfo, ParamError> {
        MediaInfo::try_from(&self.media_basic_info)
    }
}

/// The API's error body, `{"RequestId", "HostId", "Code", "Message"}` and `"Recommend"` when
/// one is set (with the `serde` feature), built from an [`Error`] with the request ID and host
/// ID the service gives.
///
/// The code and HTTP status are those of the error's first problem; the message is
/// [`Error::public_message`]: every problem of the request, in order, joined by `; `, never a
/// stored asset's value.
///
/// # Errors
///
/// Building one cannot fail; reading one from JSON (feature `serde`) fails on a missing member
/// or an error code this crate does not know (see [`ErrorCode`]).
///
/// ```
/// use ims_media::{Error, ErrorResponse, UpdateMediaInfoRequest};
/// let err: Error = UpdateMediaInfoRequest::from_query("MediaId=abc&Title=%07bell")
///     .unwrap_err()
///     .into();
/// let body = ErrorResponse::new(&err, "6F3B3D04-6A9E-4A5B", "ice.cn-shanghai.aliyuncs.com")
///     .with_recommend("https://api.aliyun.com/troubleshoot?q=InvalidParameter");
/// assert_eq!(body.http_status(), 400);
/// assert_eq!(body.message, "invalid Title: control character U+0007 at byte 0 in \"<U+0007>bell\"");
/// # #[cfg(feature = "serde")]
/// assert_eq!(
///     serde_json::to_string(&body)?,
///     r#"{"RequestId":"6F3B3D04-6A9E-4A5B","HostId":"ice.cn-shanghai.aliyuncs.com","Code":"InvalidParameter","Message":"invalid Title: control character U+0007 at byte 0 in \"<U+0007>bell\"","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidParameter"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "PascalCase"))]
pub struct ErrorResponse {
    /// `RequestId`: the ID of the call.
    pub request_id: String,
    /// `HostId`: the endpoint that answered.
    pub host_id: String,
    /// `Code`.
    pub code: ErrorCode,
    /// `Message`.
    pub message: String,
    /// `Recommend`: a troubleshooting link, written only when set.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub recommend: Option<String>,
}

impl ErrorResponse {
    /// The body of `error`, for the call `request_id` answered by `host_id`.
    pub fn new(error: &Error, request_id: impl Into<String>, host_id: impl Into<String>) -> Self {
        ErrorResponse {
            request_id: request_id.into(),
            host_id: host_id.into(),
            code: error.code(),
            message: error.public_message(),
            recommend: None,
        }
    }

    /// The same body with a `Recommend` link.
    pub fn with_recommend(mut self, recommend: impl Into<String>) -> Self {
        self.recommend = Some(recommend.into());
        self
    }

    /// The HTTP status to answer with: that of [`ErrorResponse::code`].
    pub fn http_status(&self) -> u16 {
        self.code.http_status()
    }
}

/// What the table gives the store-back: each member's value in an asset, and how it is
/// written into a `MediaBasicInfo`.
macro_rules! asset_members {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        impl MediaInfo {
            /// The value of `param`'s member, as text; `None` when not set, and for what is
            /// not a member (`AppendTags`); borrowed where the value is held as text.
            pub(crate) fn member_text(&self, param: Param) -> Option<std::borrow::Cow<'_, str>> {
                match param {
                    Param::MediaId => Some(self.media_id.write()),
                    Param::InputUrl => Some(self.input_url.write()),
                    Param::MediaTags => {
                        (!self.media_tags.is_empty()).then(|| self.media_tags.write())
                    }
                    Param::MediaType => self.media_type.map(|t| std::borrow::Cow::Borrowed(t.as_str())),
                    // Not members of the asset.
                    Param::AppendTags
                    | Param::Overwrite
                    | Param::ClientToken
                    | Param::RegisterConfig
                    | Param::WorkflowId
                    | Param::SmartTagTemplateId => None,
                    $($( Param::$v => self.$field.as_ref().map(WireValue::write), )?)*
                }
            }

            /// [`MediaInfo::member_text`], owned.
            fn member_value(&self, param: Param) -> Option<String> {
                self.member_text(param).map(std::borrow::Cow::into_owned)
            }

            /// Writes `param`'s member into `basic`.
            fn write_member(&self, param: Param, basic: &mut MediaBasicInfo) {
                match param {
                    Param::MediaId => basic.media_id = Some(self.media_id.as_str().to_owned()),
                    Param::InputUrl => basic.input_url = Some(self.input_url.as_str().to_owned()),
                    Param::MediaTags => basic.media_tags = self.member_value(param),
                    Param::MediaType => basic.media_type = self.member_value(param),
                    // Not members of the asset.
                    Param::AppendTags
                    | Param::Overwrite
                    | Param::ClientToken
                    | Param::RegisterConfig
                    | Param::WorkflowId
                    | Param::SmartTagTemplateId => {}
                    $($( Param::$v => basic.$field = Member::of(self.$field.as_ref()), )?)*
                }
            }
        }
    };
}
parameters!(asset_members);

/// The change an update made, as an RFC 7396 JSON merge patch of `MediaBasicInfo`: each
/// changed member with its new value, each cleared member as `null`, nothing else (with the
/// `serde` feature it serializes as that JSON object; `{}` when nothing changed).
///
/// A service that stores assets as JSON merges it into the stored document: the members this
/// crate does not model (`Status`, `FileInfoList`, …) are never touched, and a cleared field
/// is removed rather than left behind, which writing the new [`MediaInfo`] over the stored
/// document would do. [`MergePatch::apply_to`] does the same to a [`MediaBasicInfo`].
///
/// # Errors
///
/// Building one cannot fail:
///
/// ```
/// use ims_media::{apply_update, MediaInfo, UpdateMediaInfoRequest};
/// let mut media = MediaInfo::new(
///     "2b36bd19c13f4145b094c0cad80dbce5".parse()?,
///     "oss://example-bucket/intro.mp4".parse()?,
/// );
/// media.title = Some("Old".parse()?);
/// let request = UpdateMediaInfoRequest::from_query(
///     "MediaId=2b36bd19c13f4145b094c0cad80dbce5&Title=&CateId=7&Description=",
/// )?;
/// let outcome = apply_update(&media, &request)?;
/// let patch = outcome.merge_patch();
/// let members: Vec<_> = patch.members().collect();
/// assert_eq!(members, [("Title", None), ("CateId", Some("7".to_owned()))]);
/// # #[cfg(feature = "serde")]
/// assert_eq!(serde_json::to_string(&patch)?, r#"{"Title":null,"CateId":7}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergePatch<'a> {
    media: &'a MediaInfo,
    changed: ParamSet,
}

impl<'a> MergePatch<'a> {
    /// The patch that sets the members `changed` to their values in `media`.
    pub(crate) fn new(media: &'a MediaInfo, changed: ParamSet) -> Self {
        MergePatch { media, changed }
    }

    /// The members of the patch in [`Param::ALL`] order: the wire name and the new value as
    /// text (`CateId`'s digits, written as a JSON number), `None` for `null` (cleared).
    pub fn members(&self) -> impl Iterator<Item = (&'static str, Option<String>)> + 'a {
        self.texts()
            .map(|(name, value)| (name, value.map(std::borrow::Cow::into_owned)))
    }

    /// [`MergePatch::members`] borrowing the values held as text (what serde writes).
    pub(crate) fn texts(
        &self,
    ) -> impl Iterator<Item = (&'static str, Option<std::borrow::Cow<'a, str>>)> + 'a {
        let media = self.media;
        self.changed
            .iter()
            .map(move |param| (param.name(), media.member_text(param)))
    }

    /// Whether the update changed nothing (the patch is `{}`).
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
    }

    /// Applies the patch to `basic`: the changed members take their new values, the cleared
    /// ones become `None`; nothing else is touched.
    pub fn apply_to(&self, basic: &mut MediaBasicInfo) {
        for param in self.changed.iter() {
            self.media.write_member(param, basic);
        }
    }

    /// The asset after the update, whose values the patch carries.
    pub fn media(&self) -> &'a MediaInfo {
        self.media
    }
}

impl MediaInfo {
    /// Every member of the asset, as a merge patch from an empty document: what the asset is
    /// written as.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn as_patch(&self) -> MergePatch<'_> {
        MergePatch::new(self, Param::ALL.into_iter().collect())
    }
}

impl UpdateOutcome {
    /// The update as an RFC 7396 merge patch of `MediaBasicInfo`: the members of
    /// [`UpdateOutcome::changed`] with their new values, `null` for those cleared.
    pub fn merge_patch(&self) -> MergePatch<'_> {
        MergePatch::new(&self.media, self.changed.iter().copied().collect())
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::MediaBasicInfo;

    #[test]
    fn the_member_list_is_the_string_members_with_cate_id() {
        let mut names: Vec<&str> = MediaBasicInfo::default()
            .text_members()
            .iter()
            .map(|(name, _)| *name)
            .collect();
        let after_user_data = names
            .iter()
            .position(|n| *n == "UserData")
            .map_or(0, |i| i + 1);
        names.insert(after_user_data, "CateId");
        assert_eq!(names, MediaBasicInfo::MEMBERS);
        let mut basic = MediaBasicInfo::default();
        for name in MediaBasicInfo::MEMBERS {
            assert_eq!(
                basic.text_member_mut(name).is_some(),
                name != "CateId",
                "{name}"
            );
        }
    }
}
