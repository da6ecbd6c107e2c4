//! `MediaInfo`, the stored state of a media asset, and the merge patch that stores a change
//! of it back ([`MergePatch`]).

use crate::param::{parameters, ParamSet};
use crate::value::WireValue;
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, InputUrl, MediaBasicInfo, MediaId,
    MediaTags, Param, ReferenceId, Title, UpdateOutcome, UserData,
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

/// What the table gives the asset: `new`, the fields two assets differ in, and each member's
/// value for the merge patch.
macro_rules! media_fields {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        impl MediaInfo {
            /// An asset with this ID and input URL and nothing else set.
            pub fn new(media_id: MediaId, input_url: InputUrl) -> Self {
                MediaInfo {
                    media_id,
                    input_url,
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
                fields.note(Param::MediaTags, self.media_tags != other.media_tags);
                $($( fields.note(Param::$v, self.$field != other.$field); )?)*
                fields
            }

            /// The value of `param`'s member, as text; `None` when not set, and for what is
            /// not a member (`AppendTags`).
            fn member_value(&self, param: Param) -> Option<String> {
                match param {
                    Param::MediaId => Some(self.media_id.write().into_owned()),
                    Param::InputUrl => Some(self.input_url.write().into_owned()),
                    Param::MediaTags => {
                        (!self.media_tags.is_empty()).then(|| self.media_tags.write().into_owned())
                    }
                    Param::AppendTags => None,
                    $($( Param::$v => self.$field.as_ref().map(|v| v.write().into_owned()), )?)*
                }
            }

            /// Writes `param`'s member into `basic`.
            fn write_member(&self, param: Param, basic: &mut MediaBasicInfo) {
                use crate::response::Member;
                match param {
                    Param::MediaId => basic.media_id = Some(self.media_id.as_str().to_owned()),
                    Param::InputUrl => basic.input_url = Some(self.input_url.as_str().to_owned()),
                    Param::MediaTags => basic.media_tags = self.member_value(param),
                    Param::AppendTags => {}
                    $($( Param::$v => basic.$field = Member::of(self.$field.as_ref()), )?)*
                }
            }
        }
    };
}
parameters!(media_fields);

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
        let media = self.media;
        self.changed
            .iter()
            .map(move |param| (param.name(), media.member_value(param)))
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
