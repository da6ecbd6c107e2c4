//! Property tests of `apply_update` against a plain model, of the update target checks, and
//! of the request's wire round trips.
#![cfg(feature = "proptest")]
// Property bodies and helpers outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use ims_media::strategy;
use ims_media::{
    apply_update, ErrorCode, FieldUpdate, InputUrl, MediaId, MediaInfo, MediaTarget, Param,
    TagsUpdate, UpdateError, UpdateMediaInfoRequest,
};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    common::proptest_config("proptest-regressions/properties.txt")
}

/// The media asset as plain strings: each single-valued field by its parameter, the tags as
/// a list.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Model {
    media_id: String,
    input_url: String,
    fields: Vec<(Param, Option<String>)>,
    tags: Vec<String>,
}

/// What a request does to one single-valued field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Change {
    Keep,
    Clear,
    Set(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum TagsChange {
    Keep,
    Replace(Vec<String>),
    Append(Vec<String>),
}

fn text<T: ToString>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(ToString::to_string)
}

fn model_of(m: &MediaInfo) -> Model {
    Model {
        media_id: m.media_id.to_string(),
        input_url: m.input_url.to_string(),
        fields: vec![
            (Param::BusinessType, text(&m.business_type)),
            (Param::Title, text(&m.title)),
            (Param::Description, text(&m.description)),
            (Param::Category, text(&m.category)),
            (Param::CoverUrl, text(&m.cover_url)),
            (Param::UserData, text(&m.user_data)),
            (Param::CateId, text(&m.cate_id)),
            (Param::ReferenceId, text(&m.reference_id)),
        ],
        tags: m.media_tags.iter().map(ToString::to_string).collect(),
    }
}

fn change<T: ToString>(u: &FieldUpdate<T>) -> Change {
    match u {
        FieldUpdate::Keep => Change::Keep,
        FieldUpdate::Clear => Change::Clear,
        FieldUpdate::Set(v) => Change::Set(v.to_string()),
    }
}

fn changes_of(r: &UpdateMediaInfoRequest) -> (Vec<(Param, Change)>, TagsChange) {
    let fields = vec![
        (Param::BusinessType, change(&r.business_type)),
        (Param::Title, change(&r.title)),
        (Param::Description, change(&r.description)),
        (Param::Category, change(&r.category)),
        (Param::CoverUrl, change(&r.cover_url)),
        (Param::UserData, change(&r.user_data)),
        (Param::CateId, change(&r.cate_id)),
        (Param::ReferenceId, change(&r.reference_id)),
    ];
    let list = |t: &ims_media::MediaTags| t.iter().map(ToString::to_string).collect();
    let tags = match &r.media_tags {
        TagsUpdate::Keep => TagsChange::Keep,
        TagsUpdate::Replace(t) => TagsChange::Replace(list(t)),
        TagsUpdate::Append(t) => TagsChange::Append(list(t)),
    };
    (fields, tags)
}

/// The model's update: `Err(n)` when appending gives `n > 16` tags.
fn model_apply(
    before: &Model,
    fields: &[(Param, Change)],
    tags: &TagsChange,
) -> Result<(Model, Vec<Param>), usize> {
    let mut after = before.clone();
    for ((param, value), (p, c)) in after.fields.iter_mut().zip(fields) {
        assert_eq!(param, p);
        match c {
            Change::Keep => {}
            Change::Clear => *value = None,
            Change::Set(v) => *value = Some(v.clone()),
        }
    }
    match tags {
        TagsChange::Keep => {}
        TagsChange::Replace(t) => after.tags = t.clone(),
        TagsChange::Append(t) => {
            for tag in t {
                if !after.tags.contains(tag) {
                    after.tags.push(tag.clone());
                }
            }
            if after.tags.len() > 16 {
                return Err(after.tags.len());
            }
        }
    }
    let mut changed = Vec::new();
    for p in Param::ALL {
        let differs = if p == Param::MediaTags {
            before.tags != after.tags
        } else {
            let get = |m: &Model| {
                m.fields
                    .iter()
                    .find(|(q, _)| *q == p)
                    .map(|(_, v)| v.clone())
            };
            get(before) != get(&after)
        };
        if differs {
            changed.push(p);
        }
    }
    Ok((after, changed))
}

/// A media asset and a request aimed at it.
fn media_and_request() -> impl Strategy<Value = (MediaInfo, UpdateMediaInfoRequest)> {
    strategy::media_info().prop_flat_map(|media| {
        let request = strategy::update_media_info_request_for(&media);
        (Just(media), request)
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn apply_update_agrees_with_the_model((media, request) in media_and_request()) {
        let before = media.clone();
        let model = model_of(&media);
        let (fields, tags) = changes_of(&request);
        let expected = model_apply(&model, &fields, &tags);
        let result = apply_update(&media, &request);
        prop_assert_eq!(&media, &before, "the input is never modified");
        match (result, expected) {
            (Ok(outcome), Ok((after, changed))) => {
                let got = model_of(&outcome.media);
                prop_assert_eq!(&got, &after);
                prop_assert_eq!(&outcome.changed, &changed);
                prop_assert_eq!(&outcome.media.media_id, &media.media_id);
                prop_assert_eq!(outcome.media.input_url.as_str(), media.input_url.as_str());
                prop_assert!(outcome.media.media_tags.len() <= 16);
                // Fields the request does not name are unchanged.
                for ((p, c), (q, v)) in fields.iter().zip(&got.fields) {
                    prop_assert_eq!(p, q);
                    if *c == Change::Keep {
                        let old = model.fields.iter().find(|(r, _)| r == p).map(|(_, v)| v);
                        prop_assert_eq!(Some(v), old);
                    }
                }
                if tags == TagsChange::Keep {
                    prop_assert_eq!(&outcome.media.media_tags, &media.media_tags);
                }
                // Idempotence: applying twice is applying once.
                let again = apply_update(&outcome.media, &request).unwrap();
                prop_assert_eq!(&again.media, &outcome.media);
                prop_assert!(again.changed.is_empty());
            }
            (Err(err), Err(found)) => {
                prop_assert_eq!(
                    &err,
                    &UpdateError::TooManyTags { max: 16, found }
                );
                prop_assert_eq!(err.param(), "MediaTags");
                prop_assert_eq!(err.code(), ErrorCode::InvalidParameter);
            }
            (got, want) => prop_assert!(false, "got {:?}, the model says {:?}", got, want),
        }
    }

    #[test]
    fn another_media_id_is_not_found(
        (media, request) in media_and_request(),
        other in strategy::media_id(),
        with_url in any::<bool>(),
    ) {
        prop_assume!(other != media.media_id);
        let mut request = request;
        let input_url = with_url.then(|| media.input_url.clone());
        request.target = MediaTarget::MediaId { id: other.clone(), input_url };
        let before = media.clone();
        let err = apply_update(&media, &request).unwrap_err();
        prop_assert_eq!((err.param(), err.code()), ("MediaId", ErrorCode::ResourceNotFound));
        prop_assert_eq!(
            err.to_string(),
            format!(
                "media asset not found: MediaId {} does not name this asset",
                ims_media::Excerpt::new(other.as_str()),
            )
        );
        prop_assert_eq!(media, before);
    }

    #[test]
    fn another_object_is_not_found(
        (media, request) in media_and_request(),
        other in strategy::input_url(),
    ) {
        prop_assume!(!other.same_object(&media.input_url));
        let before = media.clone();
        let mut by_url = request.clone();
        by_url.target = MediaTarget::InputUrl(other.clone());
        let err = apply_update(&media, &by_url).unwrap_err();
        prop_assert_eq!((err.param(), err.code()), ("InputURL", ErrorCode::NoMatchedInputUrl));

        // With the right MediaId, another InputURL is an attempt to change it.
        let mut by_id = request;
        by_id.target = MediaTarget::MediaId {
            id: media.media_id.clone(),
            input_url: Some(other),
        };
        let err = apply_update(&media, &by_id).unwrap_err();
        prop_assert_eq!((err.param(), err.code()), ("InputURL", ErrorCode::InvalidParameter));
        let changed = matches!(err, UpdateError::InputUrlChanged { .. });
        prop_assert!(changed, "{:?}", err);
        prop_assert_eq!(media, before);
    }

    #[test]
    fn the_same_object_written_otherwise_is_found((media, request) in media_and_request()) {
        // Whatever the target form the request uses, it is for this asset.
        match &request.target {
            MediaTarget::MediaId { id, input_url } => {
                prop_assert_eq!(id, &media.media_id);
                if let Some(url) = input_url {
                    prop_assert!(url.same_object(&media.input_url));
                }
            }
            MediaTarget::InputUrl(url) => prop_assert!(url.same_object(&media.input_url)),
        }
        let result = apply_update(&media, &request);
        let refused_target = matches!(
            result,
            Err(UpdateError::NotFound { .. } | UpdateError::InputUrlChanged { .. })
        );
        prop_assert!(!refused_target, "{:?}", result);
    }

    #[test]
    fn requests_round_trip_through_params(request in any::<UpdateMediaInfoRequest>()) {
        let params = request.to_params();
        // Wire order is Param::ALL order, each name at most once.
        let order: Vec<usize> = params
            .iter()
            .map(|(n, _)| n.parse::<Param>().unwrap().index())
            .collect();
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", order);
        prop_assert_eq!(UpdateMediaInfoRequest::from_params(params), Ok(request));
    }

    #[test]
    fn requests_round_trip_through_queries(request in any::<UpdateMediaInfoRequest>()) {
        let query = request.to_query();
        prop_assert!(
            query.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%=&".contains(&b)),
            "{}",
            query
        );
        prop_assert_eq!(UpdateMediaInfoRequest::from_query(&query), Ok(request));
    }
}

#[test]
fn another_media_id_check_is_not_vacuous() {
    // The target checks above rely on `prop_assume!`; make sure a fixed pair is refused.
    let media = MediaInfo::new(
        MediaId::from_static("abc"),
        "oss://bucket/a.mp4".parse::<InputUrl>().unwrap(),
    );
    let request = UpdateMediaInfoRequest::new(MediaTarget::MediaId {
        id: MediaId::from_static("abd"),
        input_url: None,
    });
    let err = apply_update(&media, &request).unwrap_err();
    assert_eq!(
        err.to_string(),
        "media asset not found: MediaId \"abd\" does not name this asset"
    );
}
