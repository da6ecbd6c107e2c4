//! Strategies for the update types, [`MediaInfo`] and [`UpdateMediaInfoRequest`].

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::subsequence;

use super::{
    business_type, cate_id, category, cover_url, description, input_url, media_id, media_tags,
    reference_id, same_object_as, tag, title, user_data,
};
use crate::{
    BusinessType, CateId, Category, CoverUrl, Description, FieldUpdate, MediaInfo, MediaTags,
    MediaTarget, ReferenceId, Tag, TagsUpdate, Title, UpdateMediaInfoRequest, UserData,
};

/// A [`FieldUpdate`] of values from `value`: `Keep` (absent on the wire), `Clear` (present and
/// empty) or `Set` (a value), all three as `from_params` returns them.
pub fn field_update<S>(value: S) -> impl Strategy<Value = FieldUpdate<S::Value>>
where
    S: Strategy + 'static,
    S::Value: Clone,
{
    prop_oneof![
        2 => Just(FieldUpdate::Keep),
        1 => Just(FieldUpdate::Clear),
        3 => value.prop_map(FieldUpdate::Set),
    ]
    .boxed()
}

/// A [`TagsUpdate`]: `Keep`, `Replace` or `Append` of [`media_tags`](super::media_tags)
/// (none included: `Replace` of no tags clears them, `Append` of no tags changes nothing),
/// all three as `from_params` returns them for `MediaTags` with `AppendTags` absent or
/// `true`.
pub fn tags_update() -> impl Strategy<Value = TagsUpdate> {
    prop_oneof![
        1 => Just(TagsUpdate::Keep),
        2 => media_tags().prop_map(TagsUpdate::Replace),
        2 => media_tags().prop_map(TagsUpdate::Append),
    ]
    .boxed()
}

/// A [`MediaTarget`] in each of the three forms `from_params` returns: `MediaId` alone,
/// `MediaId` with an `InputURL`, `InputURL` alone.
pub fn media_target() -> impl Strategy<Value = MediaTarget> {
    prop_oneof![
        2 => media_id().prop_map(|id| MediaTarget::MediaId { id, input_url: None }),
        1 => (media_id(), input_url()).prop_map(|(id, url)| MediaTarget::MediaId {
            id,
            input_url: Some(url),
        }),
        2 => input_url().prop_map(MediaTarget::InputUrl),
    ]
    .boxed()
}

/// A [`MediaInfo`] with each optional field set half of the time, from the value strategies
/// (so often at the limits, with up to 16 tags).
pub fn media_info() -> impl Strategy<Value = MediaInfo> {
    use proptest::option::of;
    (
        (
            media_id(),
            input_url(),
            of(business_type()),
            of(title()),
            of(description()),
            of(category()),
        ),
        (
            media_tags(),
            of(cover_url()),
            of(user_data()),
            of(cate_id()),
            of(reference_id()),
        ),
    )
        .prop_map(
            |(
                (media_id, input_url, business_type, title, description, category),
                (media_tags, cover_url, user_data, cate_id, reference_id),
            )| MediaInfo {
                media_id,
                input_url,
                business_type,
                title,
                description,
                category,
                media_tags,
                cover_url,
                user_data,
                cate_id,
                reference_id,
            },
        )
        .boxed()
}

/// An [`UpdateMediaInfoRequest`] that [`UpdateMediaInfoRequest::from_params`] can return:
/// any [`media_target`], each field a [`field_update`] of its value strategy, the tags a
/// [`tags_update`]. So `from_params(r.to_params()) == Ok(r)` and
/// `from_query(&r.to_query()) == Ok(r)` for every generated `r`.
pub fn update_media_info_request() -> impl Strategy<Value = UpdateMediaInfoRequest> {
    (
        media_target(),
        (
            field_update(business_type()),
            field_update(title()),
            field_update(description()),
            field_update(category()),
            tags_update(),
        ),
        (
            field_update(cover_url()),
            field_update(user_data()),
            field_update(cate_id()),
            field_update(reference_id()),
        ),
    )
        .prop_map(assemble)
        .boxed()
}

/// The parts of a request, grouped as the strategies draw them (tuples of at most twelve).
type Parts = (
    MediaTarget,
    (
        FieldUpdate<BusinessType>,
        FieldUpdate<Title>,
        FieldUpdate<Description>,
        FieldUpdate<Category>,
        TagsUpdate,
    ),
    (
        FieldUpdate<CoverUrl>,
        FieldUpdate<UserData>,
        FieldUpdate<CateId>,
        FieldUpdate<ReferenceId>,
    ),
);

/// A request from its drawn parts.
fn assemble(parts: Parts) -> UpdateMediaInfoRequest {
    let (
        target,
        (business_type, title, description, category, media_tags),
        (cover_url, user_data, cate_id, reference_id),
    ) = parts;
    UpdateMediaInfoRequest {
        target,
        business_type,
        title,
        description,
        category,
        media_tags,
        cover_url,
        user_data,
        cate_id,
        reference_id,
    }
}

/// A field update that sets the current value as often as a new one.
fn field_near<T, S>(current: Option<T>, value: S) -> BoxedStrategy<FieldUpdate<T>>
where
    T: Clone + std::fmt::Debug + 'static,
    S: Strategy<Value = T> + 'static,
{
    match current {
        Some(v) => prop_oneof![
            2 => Just(FieldUpdate::Keep),
            1 => Just(FieldUpdate::Clear),
            2 => value.prop_map(FieldUpdate::Set),
            2 => Just(FieldUpdate::Set(v)),
        ]
        .boxed(),
        None => field_update(value).boxed(),
    }
}

/// The first [`MediaTags::MAX_TAGS`] distinct tags of `tags`.
fn first_distinct(tags: Vec<Tag>) -> MediaTags {
    let mut kept: Vec<Tag> = Vec::with_capacity(MediaTags::MAX_TAGS);
    for t in tags {
        if kept.len() < MediaTags::MAX_TAGS && !kept.contains(&t) {
            kept.push(t);
        }
    }
    MediaTags::try_from(kept).expect("at most 16 distinct tags make a list")
}

/// An [`UpdateMediaInfoRequest`] aimed at `media`, as [`update_media_info_request`] but:
///
/// * the target is `media` — its `MediaId` alone, its `MediaId` with another way of writing
///   its `InputURL` ([`same_object_as`]), or that other `InputURL` alone;
/// * each field is set to its current value as often as to a new one (a change that is not
///   one);
/// * the tags replaced or appended are a shuffled mix of some of `media`'s tags and new ones,
///   so appends skip present tags and sometimes go over 16 (which `apply_update` refuses).
pub fn update_media_info_request_for(
    media: &MediaInfo,
) -> impl Strategy<Value = UpdateMediaInfoRequest> {
    let id = media.media_id.clone();
    let target = prop_oneof![
        Just(MediaTarget::MediaId {
            id: id.clone(),
            input_url: None,
        }),
        same_object_as(&media.input_url).prop_map(move |url| MediaTarget::MediaId {
            id: id.clone(),
            input_url: Some(url),
        }),
        same_object_as(&media.input_url).prop_map(MediaTarget::InputUrl),
    ];
    let current: Vec<Tag> = media.media_tags.iter().cloned().collect();
    let most = current.len();
    let list = move || {
        (subsequence(current.clone(), 0..=most), vec(tag(), 0..=6))
            .prop_map(|(mut old, new)| {
                old.extend(new);
                old
            })
            .prop_shuffle()
            .prop_map(first_distinct)
    };
    let tags = prop_oneof![
        1 => Just(TagsUpdate::Keep),
        2 => list().prop_map(TagsUpdate::Replace),
        3 => list().prop_map(TagsUpdate::Append),
    ];
    (
        target,
        (
            field_near(media.business_type, business_type()),
            field_near(media.title.clone(), title()),
            field_near(media.description.clone(), description()),
            field_near(media.category.clone(), category()),
            tags,
        ),
        (
            field_near(media.cover_url.clone(), cover_url()),
            field_near(media.user_data.clone(), user_data()),
            field_near(media.cate_id, cate_id()),
            field_near(media.reference_id.clone(), reference_id()),
        ),
    )
        .prop_map(assemble)
        .boxed()
}
