//! `apply_update`: the pure merge of a validated request into a media asset. Knows nothing of
//! the wire.

use crate::error::{Excerpt, UpdateError};
use crate::param::{parameters, ParamSet};
use crate::{MediaInfo, MediaTarget, Param, TagsUpdate, UpdateMediaInfoRequest};

/// The result of a successful [`apply_update`]. More may be reported in a minor release (the
/// struct is `#[non_exhaustive]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct UpdateOutcome {
    /// The asset after the update.
    pub media: MediaInfo,
    /// The parameters whose stored value differs after the update, in [`Param::ALL`] order.
    /// Setting a field to the value it already has is not a change; `MediaId`, `InputURL`
    /// and `AppendTags` never appear.
    pub changed: Vec<Param>,
}

impl UpdateOutcome {
    /// Whether `param`'s stored value changed, e.g. to check `ReferenceId`'s uniqueness only
    /// when it did.
    pub fn is_changed(&self, param: Param) -> bool {
        self.changed.contains(&param)
    }
}

/// Merges `request` into `media` and says what changed ([rules 1, 7, 8, 9](crate::rules)).
///
/// * The request must be for this asset: by `MediaId` (equal IDs), or by `InputURL` (the
///   same object as the stored one, see [`InputUrl::same_object`](crate::InputUrl::same_object)).
///   An `InputURL` sent beside `MediaId` must name the stored object: it cannot be changed.
/// * Each field is kept, cleared or set as the request says; tags are replaced, or appended
///   after the existing ones skipping those already present.
/// * Idempotent: applying the outcome's request again changes nothing, so retries are safe.
/// * Atomic and pure: `media` is only read; on error there is no partial result. Never
///   panics.
///
/// # Errors
///
/// * [`UpdateError::NotFound`]: the request names another asset, `ResourceNotFound` on
///   `MediaId` when the MediaId chose the target, `NoMatchedInputUrl` on `InputURL` when the
///   InputURL did. No message quotes the stored asset's values.
/// * [`UpdateError::InputUrlChanged`] (`InvalidParameter` on `InputURL`): `MediaId` matches,
///   `InputURL` names another object.
/// * [`UpdateError::TooManyTags`] (`InvalidParameter` on `MediaTags`): appending would give
///   more than [`MediaTags::MAX_TAGS`](crate::MediaTags::MAX_TAGS) tags; nothing is dropped, the whole update fails.
///
/// ```
/// use ims_media::{apply_update, ErrorCode, MediaInfo, Param, UpdateMediaInfoRequest};
/// let mut media = MediaInfo::new(
///     "2b36bd19c13f4145b094c0cad80dbce5".parse()?,
///     "oss://example-bucket/intro.mp4".parse()?,
/// );
/// media.media_tags = "news,sports".parse()?;
/// let request = UpdateMediaInfoRequest::from_query(
///     "MediaId=2b36bd19c13f4145b094c0cad80dbce5&Title=Intro&MediaTags=sports,weather&AppendTags=true",
/// )?;
/// let outcome = apply_update(&media, &request)?;
/// assert_eq!(outcome.media.media_tags.to_string(), "news,sports,weather");
/// assert_eq!(outcome.changed, [Param::Title, Param::MediaTags]);
/// assert_eq!(apply_update(&outcome.media, &request)?.changed, []);
///
/// let other = UpdateMediaInfoRequest::from_query("InputURL=oss://example-bucket/other.mp4")?;
/// let err = apply_update(&media, &other).unwrap_err();
/// assert_eq!((err.param(), err.code()), ("InputURL", ErrorCode::NoMatchedInputUrl));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn apply_update(
    media: &MediaInfo,
    request: &UpdateMediaInfoRequest,
) -> Result<UpdateOutcome, UpdateError> {
    check_target(media, &request.target)?;
    // `Some` for a list that differs from the asset's, `None` for the asset's list.
    let media_tags = match &request.media_tags {
        TagsUpdate::Keep => None,
        TagsUpdate::Replace(tags) => Some(tags)
            .filter(|&tags| *tags != media.media_tags)
            .cloned(),
        TagsUpdate::Append(tags) => media.media_tags.appended(tags)?,
    };
    let mut changed = ParamSet::default();
    changed.note(Param::MediaTags, media_tags.is_some());
    let media_tags = media_tags.unwrap_or_else(|| media.media_tags.clone());
    let merged = merge_fields(media, request, media_tags, &mut changed);
    Ok(UpdateOutcome {
        media: merged,
        changed: changed.to_vec(),
    })
}

/// Each plain field after its update, noted in `changed` when it differs from `current`. A
/// kept field is the same by construction and is not compared (a kept 1,024-byte
/// `Description` costs no memcmp).
macro_rules! merge {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        fn merge_fields(
            current: &MediaInfo,
            request: &UpdateMediaInfoRequest,
            media_tags: crate::MediaTags,
            changed: &mut ParamSet,
        ) -> MediaInfo {
            $($(
                let $field = request.$field.apply(current.$field.as_ref());
                changed.note(
                    Param::$v,
                    !request.$field.is_keep() && $field != current.$field,
                );
            )?)*
            MediaInfo {
                media_id: current.media_id.clone(),
                input_url: current.input_url.clone(),
                media_type: current.media_type,
                media_tags,
                $($( $field, )?)*
            }
        }
    };
}
parameters!(merge);

fn check_target(media: &MediaInfo, target: &MediaTarget) -> Result<(), UpdateError> {
    match target {
        MediaTarget::MediaId { id, input_url } => {
            if *id != media.media_id {
                return Err(UpdateError::NotFound {
                    param: Param::MediaId,
                    given: Excerpt::new(id.as_str()),
                });
            }
            match input_url {
                Some(url) if !url.same_object(&media.input_url) => {
                    Err(UpdateError::InputUrlChanged {
                        given: Excerpt::new(url.as_str()),
                    })
                }
                _ => Ok(()),
            }
        }
        MediaTarget::InputUrl(url) => {
            if url.same_object(&media.input_url) {
                Ok(())
            } else {
                Err(UpdateError::NotFound {
                    param: Param::InputUrl,
                    given: Excerpt::new(url.as_str()),
                })
            }
        }
    }
}
