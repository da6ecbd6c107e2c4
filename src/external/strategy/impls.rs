//! [`proptest::arbitrary::Arbitrary`] for every type, with the strategies of this module.

use proptest::arbitrary::{any_with, Arbitrary};
use proptest::prelude::*;

use super::field_update;
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, FieldUpdate, InputUrl, MediaId,
    MediaInfo, MediaTags, MediaTarget, Param, ReferenceId, Tag, TagsUpdate, Title,
    UpdateMediaInfoRequest, UserData,
};
use crate::{
    ClientToken, MediaType, RegisterConfig, RegisterMediaInfoRequest, SmartTagTemplateId,
    WorkflowId,
};

/// `impl Arbitrary for $ty` with the crate's generator (the strategies of this module).
macro_rules! arbitrary_from_generator {
    ($($ty:ident),* $(,)?) => {$(
        impl Arbitrary for $ty {
            type Parameters = ();
            type Strategy = BoxedStrategy<$ty>;

            fn arbitrary_with((): ()) -> Self::Strategy {
                super::of::<$ty>()
            }
        }
    )*};
}

crate::value::generated_types!(arbitrary_from_generator);

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
