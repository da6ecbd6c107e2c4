//! [`proptest::arbitrary::Arbitrary`] for every type, with the strategies of this module.

use proptest::arbitrary::{any_with, Arbitrary};
use proptest::prelude::*;

use super::{
    business_type, cate_id, category, cover_url, description, field_update, input_url, media_id,
    media_info, media_tags, media_target, param, reference_id, tag, tags_update, title,
    update_media_info_request, user_data,
};
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, FieldUpdate, InputUrl, MediaId,
    MediaInfo, MediaTags, MediaTarget, Param, ReferenceId, Tag, TagsUpdate, Title,
    UpdateMediaInfoRequest, UserData,
};

/// `impl Arbitrary for $ty` with the strategy `$strategy()`, boxed.
macro_rules! arbitrary_from {
    ($($ty:ty => $strategy:ident),* $(,)?) => {$(
        impl Arbitrary for $ty {
            type Parameters = ();
            type Strategy = BoxedStrategy<$ty>;

            fn arbitrary_with((): ()) -> Self::Strategy {
                $strategy().boxed()
            }
        }
    )*};
}

arbitrary_from! {
    MediaId => media_id,
    ReferenceId => reference_id,
    InputUrl => input_url,
    Title => title,
    Description => description,
    Category => category,
    Tag => tag,
    MediaTags => media_tags,
    CoverUrl => cover_url,
    UserData => user_data,
    CateId => cate_id,
    BusinessType => business_type,
    Param => param,
    TagsUpdate => tags_update,
    MediaTarget => media_target,
    MediaInfo => media_info,
    UpdateMediaInfoRequest => update_media_info_request,
}

/// `Keep`, `Clear` or `Set` of an arbitrary `T` (see [`field_update`]); the parameters are
/// those of `T`.
impl<T> Arbitrary for FieldUpdate<T>
where
    T: Arbitrary + Clone + 'static,
{
    type Parameters = T::Parameters;
    type Strategy = BoxedStrategy<FieldUpdate<T>>;

    fn arbitrary_with(args: T::Parameters) -> Self::Strategy {
        field_update(any_with::<T>(args)).boxed()
    }
}
