//! `UpdateMediaInfoRequest::diff`: the request that takes an asset from one state to another.

use crate::error::Excerpt;
use crate::param::parameters;
use crate::{FieldUpdate, MediaInfo, MediaTarget, TagsUpdate, UpdateMediaInfoRequest};

/// Why [`UpdateMediaInfoRequest::diff`] cannot give a request: the two states are not of one
/// asset, or differ where UpdateMediaInfo cannot change anything.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum DiffError {
    /// The desired state has another `MediaId`: it is another asset.
    #[error("MediaId {after} is not {before}: the desired state is of another asset")]
    MediaIdChanged {
        /// The asset's ID.
        before: Excerpt,
        /// The ID of the desired state.
        after: Excerpt,
    },
    /// The desired state has another `MediaType`: UpdateMediaInfo cannot change it.
    #[error("MediaType {} is not {}: UpdateMediaInfo cannot change the MediaType", type_name(*after), type_name(*before))]
    MediaTypeChanged {
        /// The asset's MediaType.
        before: Option<crate::MediaType>,
        /// The MediaType of the desired state.
        after: Option<crate::MediaType>,
    },
    /// The desired state has another `InputURL` (compared as written): UpdateMediaInfo cannot
    /// change it.
    #[error("InputURL {after} is not {before}: UpdateMediaInfo cannot change the InputURL")]
    InputUrlChanged {
        /// The asset's InputURL.
        before: Excerpt,
        /// The InputURL of the desired state.
        after: Excerpt,
    },
}

/// A MediaType for a message: its name, or `none`.
fn type_name(t: Option<crate::MediaType>) -> &'static str {
    t.map_or("none", crate::MediaType::as_str)
}

/// `Keep` where the field is already as desired, otherwise `Clear` or `Set`.
fn field<T: Clone + PartialEq>(before: &Option<T>, after: &Option<T>) -> FieldUpdate<T> {
    match (before == after, after) {
        (true, _) => FieldUpdate::Keep,
        (false, None) => FieldUpdate::Clear,
        (false, Some(v)) => FieldUpdate::Set(v.clone()),
    }
}

impl UpdateMediaInfoRequest {
    /// The smallest request that makes the asset `before` into `after`: it targets the asset
    /// by its `MediaId`, and sets, clears or replaces exactly the fields that differ, so that
    /// [`apply_update`](crate::apply_update)`(before, &diff)` gives `after` and its `changed`
    /// lists exactly those fields. Equal states give a request that changes nothing.
    ///
    /// Tags are replaced, never appended: the request says the whole list, so applying it
    /// again, or to an asset whose tags changed meanwhile, still gives `after`'s tags in
    /// `after`'s order (an append could not remove or reorder a tag).
    ///
    /// # Errors
    ///
    /// [`DiffError::MediaIdChanged`] when `after` is another asset; [`DiffError::InputUrlChanged`]
    /// when its `InputURL` is written differently (UpdateMediaInfo cannot change it, and the
    /// result would not be `after`).
    ///
    /// ```
    /// use ims_media::{apply_update, MediaInfo, Param, UpdateMediaInfoRequest};
    /// let mut before = MediaInfo::new(
    ///     "2b36bd19c13f4145b094c0cad80dbce5".parse()?,
    ///     "oss://example-bucket/intro.mp4".parse()?,
    /// );
    /// before.title = Some("Old".parse()?);
    /// before.media_tags = "a,b".parse()?;
    /// let mut after = before.clone();
    /// after.title = None;
    /// after.media_tags = "b,c".parse()?;
    /// let request = UpdateMediaInfoRequest::diff(&before, &after)?;
    /// assert_eq!(
    ///     request.to_query(),
    ///     "MediaId=2b36bd19c13f4145b094c0cad80dbce5&Title=&MediaTags=b%2Cc"
    /// );
    /// let outcome = apply_update(&before, &request)?;
    /// assert_eq!(outcome.media, after);
    /// assert_eq!(outcome.changed, [Param::Title, Param::MediaTags]);
    ///
    /// after.media_id = "0000000000000000000000000000000a".parse()?;
    /// assert!(UpdateMediaInfoRequest::diff(&before, &after).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diff(before: &MediaInfo, after: &MediaInfo) -> Result<Self, DiffError> {
        if before.media_id != after.media_id {
            return Err(DiffError::MediaIdChanged {
                before: Excerpt::new(before.media_id.as_str()),
                after: Excerpt::new(after.media_id.as_str()),
            });
        }
        if before.input_url != after.input_url {
            return Err(DiffError::InputUrlChanged {
                before: Excerpt::new(before.input_url.as_str()),
                after: Excerpt::new(after.input_url.as_str()),
            });
        }
        if before.media_type != after.media_type {
            return Err(DiffError::MediaTypeChanged {
                before: before.media_type,
                after: after.media_type,
            });
        }
        let mut request = UpdateMediaInfoRequest::new(MediaTarget::MediaId {
            id: before.media_id.clone(),
            input_url: None,
        });
        if before.media_tags != after.media_tags {
            request.media_tags = TagsUpdate::Replace(after.media_tags.clone());
        }
        diff_fields(before, after, &mut request);
        Ok(request)
    }
}

macro_rules! diff {
    ($( $v:ident $wire:literal $ty:ty $(=> $field:ident)? ; )*) => {
        /// Each plain field: kept where already as desired, otherwise cleared or set.
        fn diff_fields(before: &MediaInfo, after: &MediaInfo, request: &mut UpdateMediaInfoRequest) {
            $($( request.$field = field(&before.$field, &after.$field); )?)*
        }
    };
}
parameters!(diff);
