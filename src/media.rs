//! `MediaInfo`, the stored state of a media asset, and the operation's response.

use crate::param::ParamList;
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, InputUrl, MediaId, MediaTags, Param,
    ReferenceId, Title, UserData,
};

/// The stored state of a media asset: the fields UpdateMediaInfo can change, and the
/// `MediaId` and `InputURL` that find it (which never change).
///
/// The fields are public because any combination of valid values is a valid asset; `None`
/// (or no tags) is "not set". With the `serde` feature it reads and writes the JSON of
/// `MediaBasicInfo` in GetMediaInfo responses.
///
/// A field is added in a minor release when UpdateMediaInfo gains a parameter (the struct is
/// `#[non_exhaustive]`): build one with [`MediaInfo::new`] and set its fields.
///
/// ```
/// use ims_media::{MediaInfo, Title};
/// let mut media = MediaInfo::new(
///     "2b36bd19c13f4145b094c0cad80dbce5".parse()?,
///     "oss://example-bucket/videos/intro.mp4".parse()?,
/// );
/// assert!(media.title.is_none() && media.media_tags.is_empty());
/// media.title = Some(Title::from_static("Intro"));
/// # Ok::<(), ims_media::ParamError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct MediaInfo {
    /// `MediaId`: the asset's ID.
    pub media_id: MediaId,
    /// `InputURL`: the object the asset was registered from.
    pub input_url: InputUrl,
    /// `BusinessType`.
    pub business_type: Option<BusinessType>,
    /// `Title`.
    pub title: Option<Title>,
    /// `Description`.
    pub description: Option<Description>,
    /// `Category`.
    pub category: Option<Category>,
    /// `MediaTags` (empty: none).
    pub media_tags: MediaTags,
    /// `CoverURL`.
    pub cover_url: Option<CoverUrl>,
    /// `UserData`.
    pub user_data: Option<UserData>,
    /// `CateId`.
    pub cate_id: Option<CateId>,
    /// `ReferenceId`.
    pub reference_id: Option<ReferenceId>,
}

impl MediaInfo {
    /// An asset with this ID and input URL and nothing else set.
    pub fn new(media_id: MediaId, input_url: InputUrl) -> Self {
        MediaInfo {
            media_id,
            input_url,
            business_type: None,
            title: None,
            description: None,
            category: None,
            media_tags: MediaTags::new(),
            cover_url: None,
            user_data: None,
            cate_id: None,
            reference_id: None,
        }
    }
}

impl MediaInfo {
    /// The fields in which `other` differs from `self`, in [`Param::ALL`] order, `MediaId` and
    /// `InputURL` included (compared as written); no allocation.
    pub(crate) fn differing_fields(&self, other: &MediaInfo) -> ParamList {
        let mut fields = ParamList::default();
        for (param, differs) in [
            (Param::MediaId, self.media_id != other.media_id),
            (Param::InputUrl, self.input_url != other.input_url),
            (
                Param::BusinessType,
                self.business_type != other.business_type,
            ),
            (Param::Title, self.title != other.title),
            (Param::Description, self.description != other.description),
            (Param::Category, self.category != other.category),
            (Param::MediaTags, self.media_tags != other.media_tags),
            (Param::CoverUrl, self.cover_url != other.cover_url),
            (Param::UserData, self.user_data != other.user_data),
            (Param::CateId, self.cate_id != other.cate_id),
            (Param::ReferenceId, self.reference_id != other.reference_id),
        ] {
            fields.note(param, differs);
        }
        fields
    }
}

/// The response of UpdateMediaInfo: `{"RequestId": …, "MediaId": …}` (with the `serde`
/// feature).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "PascalCase"))]
pub struct UpdateMediaInfoResponse {
    /// `RequestId`: the ID IMS gives the call; any string.
    pub request_id: String,
    /// `MediaId`: the updated asset.
    pub media_id: MediaId,
}
