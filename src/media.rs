//! `MediaInfo`, the stored state of a media asset.

use crate::param::{parameters, ParamSet};
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
    /// `MediaType`: set when the asset is registered (given or inferred from the file), never
    /// changed by an update.
    pub media_type: Option<crate::MediaType>,
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

/// What the table gives the asset: `new` and the fields two assets differ in.
macro_rules! media_fields {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        impl MediaInfo {
            /// An asset with this ID and input URL and nothing else set.
            pub fn new(media_id: MediaId, input_url: InputUrl) -> Self {
                MediaInfo {
                    media_id,
                    input_url,
                    media_type: None,
                    media_tags: MediaTags::new(),
                    $($( $field: None, )?)*
                }
            }

            /// The fields in which `other` differs from `self`, `MediaId` and `InputURL`
            /// included (compared as written); no allocation.
            pub(crate) fn differing_fields(&self, other: &MediaInfo) -> ParamSet {
                let mut fields = ParamSet::default();
                fields.note(Param::MediaId, self.media_id != other.media_id);
                fields.note(Param::InputUrl, self.input_url != other.input_url);
                fields.note(Param::MediaType, self.media_type != other.media_type);
                fields.note(Param::MediaTags, self.media_tags != other.media_tags);
                $($( fields.note(Param::$v, self.$field != other.$field); )?)*
                fields
            }
        }
    };
}
parameters!(media_fields);
