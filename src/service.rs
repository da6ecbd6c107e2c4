//! What a service answers: the API's error body ([`ErrorResponse`]) and the RFC 7396 merge
//! patch that stores an update back ([`MergePatch`]).

use crate::{Error, ErrorCode, MediaBasicInfo, MediaInfo, Param, UpdateOutcome};

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
    changed: &'a [Param],
}

impl<'a> MergePatch<'a> {
    /// The patch that sets the members `changed` to their values in `media`.
    pub(crate) fn new(media: &'a MediaInfo, changed: &'a [Param]) -> Self {
        MergePatch { media, changed }
    }

    /// The members of the patch in [`Param::ALL`] order: the wire name and the new value as
    /// text (`CateId`'s digits, written as a JSON number), `None` for `null` (cleared).
    pub fn members(&self) -> impl Iterator<Item = (&'static str, Option<String>)> + 'a {
        let media = self.media;
        self.changed
            .iter()
            .map(move |&param| (param.name(), member_value(media, param)))
    }

    /// Whether the update changed nothing (the patch is `{}`).
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
    }

    /// Applies the patch to `basic`: the changed members take their new values, the cleared
    /// ones become `None`; nothing else is touched.
    pub fn apply_to(&self, basic: &mut MediaBasicInfo) {
        for &param in self.changed {
            if param == Param::CateId {
                basic.cate_id = self.media.cate_id.map(crate::CateId::get);
            } else if let Some(slot) = basic.text_member_mut(param.name()) {
                *slot = member_value(self.media, param);
            }
        }
    }

    /// The asset after the update, whose values the patch carries.
    pub fn media(&self) -> &'a MediaInfo {
        self.media
    }
}

/// The value of `param`'s member in `media`, as text; `None` when not set.
fn member_value(media: &MediaInfo, param: Param) -> Option<String> {
    fn text<T: ToString>(v: &Option<T>) -> Option<String> {
        v.as_ref().map(ToString::to_string)
    }
    match param {
        Param::MediaId => Some(media.media_id.to_string()),
        Param::InputUrl => Some(media.input_url.to_string()),
        Param::BusinessType => text(&media.business_type),
        Param::Title => text(&media.title),
        Param::Description => text(&media.description),
        Param::Category => text(&media.category),
        Param::MediaTags => (!media.media_tags.is_empty()).then(|| media.media_tags.to_string()),
        Param::CoverUrl => text(&media.cover_url),
        Param::UserData => text(&media.user_data),
        Param::CateId => text(&media.cate_id),
        Param::ReferenceId => text(&media.reference_id),
        Param::AppendTags => None,
    }
}

impl UpdateOutcome {
    /// The update as an RFC 7396 merge patch of `MediaBasicInfo`: the members of
    /// [`UpdateOutcome::changed`] with their new values, `null` for those cleared.
    pub fn merge_patch(&self) -> MergePatch<'_> {
        MergePatch::new(&self.media, &self.changed)
    }
}
