//! The model of `apply_update`: the stored fields as plain strings and the documented rules
//! applied to them, independent of the crate's own merge. Shared by the property tests
//! (`tests/properties.rs`) and the fuzz oracles (`fuzz/oracles.rs`, which include this file).
#![allow(dead_code)]

use std::fmt::Display;

use ims_media::{
    ErrorCode, FieldUpdate, InputUrl, MediaInfo, MediaTags, MediaTarget, Param, TagsUpdate,
    UpdateMediaInfoRequest,
};

/// The tags as strings, in order.
pub fn strings(tags: &MediaTags) -> Vec<String> {
    tags.iter().map(|t| t.as_str().to_owned()).collect()
}

/// The stored fields as plain strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub business_type: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub cover_url: Option<String>,
    pub user_data: Option<String>,
    pub cate_id: Option<String>,
    pub reference_id: Option<String>,
}

pub fn text_of<T: Display>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(ToString::to_string)
}

impl Model {
    pub fn of(m: &MediaInfo) -> Model {
        Model {
            business_type: text_of(&m.business_type),
            title: text_of(&m.title),
            description: text_of(&m.description),
            category: text_of(&m.category),
            tags: strings(&m.media_tags),
            cover_url: text_of(&m.cover_url),
            user_data: text_of(&m.user_data),
            cate_id: text_of(&m.cate_id),
            reference_id: text_of(&m.reference_id),
        }
    }

    /// The fields in `Param::ALL` order, with their parameter.
    pub fn fields(&self) -> [(Param, String); 9] {
        let s = |v: &Option<String>| format!("{v:?}");
        [
            (Param::BusinessType, s(&self.business_type)),
            (Param::Title, s(&self.title)),
            (Param::Description, s(&self.description)),
            (Param::Category, s(&self.category)),
            (Param::MediaTags, format!("{:?}", self.tags)),
            (Param::CoverUrl, s(&self.cover_url)),
            (Param::UserData, s(&self.user_data)),
            (Param::CateId, s(&self.cate_id)),
            (Param::ReferenceId, s(&self.reference_id)),
        ]
    }
}

pub fn model_field<T: Display>(
    current: &Option<String>,
    update: &FieldUpdate<T>,
) -> Option<String> {
    match update {
        FieldUpdate::Keep => current.clone(),
        FieldUpdate::Clear => None,
        FieldUpdate::Set(v) => Some(v.to_string()),
    }
}

/// Same object by the documented rule, from the exposed parts: equal bucket and decoded key,
/// or equal VOD ID.
pub fn model_same(a: &InputUrl, b: &InputUrl) -> bool {
    match (a.vod_id(), b.vod_id()) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.bucket() == b.bucket() && a.object_key() == b.object_key(),
        _ => false,
    }
}

/// The model's outcome: the new fields, or the parameter and code of the refusal.
pub fn model_update(
    media: &MediaInfo,
    r: &UpdateMediaInfoRequest,
) -> Result<Model, (&'static str, ErrorCode)> {
    match &r.target {
        MediaTarget::MediaId { id, input_url } => {
            if id.as_str() != media.media_id.as_str() {
                return Err(("MediaId", ErrorCode::ResourceNotFound));
            }
            if input_url
                .as_ref()
                .is_some_and(|u| !model_same(u, &media.input_url))
            {
                return Err(("InputURL", ErrorCode::InvalidParameter));
            }
        }
        MediaTarget::InputUrl(url) => {
            if !model_same(url, &media.input_url) {
                return Err(("InputURL", ErrorCode::NoMatchedInputUrl));
            }
        }
    }
    let before = Model::of(media);
    let tags = match &r.media_tags {
        TagsUpdate::Keep => before.tags.clone(),
        TagsUpdate::Replace(t) => strings(t),
        TagsUpdate::Append(t) => {
            let mut tags = before.tags.clone();
            for tag in strings(t) {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            if tags.len() > 16 {
                return Err(("MediaTags", ErrorCode::InvalidParameter));
            }
            tags
        }
    };
    Ok(Model {
        business_type: model_field(&before.business_type, &r.business_type),
        title: model_field(&before.title, &r.title),
        description: model_field(&before.description, &r.description),
        category: model_field(&before.category, &r.category),
        tags,
        cover_url: model_field(&before.cover_url, &r.cover_url),
        user_data: model_field(&before.user_data, &r.user_data),
        cate_id: model_field(&before.cate_id, &r.cate_id),
        reference_id: model_field(&before.reference_id, &r.reference_id),
    })
}
