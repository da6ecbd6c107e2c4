//! Property tests of `apply_update` against a plain model, of the update target checks, and
//! of the request's wire round trips.
#![cfg(feature = "proptest")]
// Property bodies and helpers outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use ims_media::strategy;
use ims_media::{
    apply_update, ErrorCode, InputUrl, MediaId, MediaInfo, MediaTarget, Param, TagsUpdate,
    UpdateError, UpdateMediaInfoRequest,
};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    common::proptest_config("proptest-regressions/properties.txt")
}

use common::model::{model_update, Model};

/// The parameters a request keeps as they are.
fn kept(r: &UpdateMediaInfoRequest) -> Vec<Param> {
    let mut out = Vec::new();
    for (p, keep) in [
        (Param::BusinessType, r.business_type.is_keep()),
        (Param::Title, r.title.is_keep()),
        (Param::Description, r.description.is_keep()),
        (Param::Category, r.category.is_keep()),
        (Param::MediaTags, r.media_tags == TagsUpdate::Keep),
        (Param::CoverUrl, r.cover_url.is_keep()),
        (Param::UserData, r.user_data.is_keep()),
        (Param::CateId, r.cate_id.is_keep()),
        (Param::ReferenceId, r.reference_id.is_keep()),
    ] {
        if keep {
            out.push(p);
        }
    }
    out
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
        let expected = model_update(&media, &request);
        let result = apply_update(&media, &request);
        prop_assert_eq!(&media, &before, "the input is never modified");
        match (result, expected) {
            (Ok(outcome), Ok(after)) => {
                let got = Model::of(&outcome.media);
                prop_assert_eq!(&got, &after);
                // `changed`: exactly the fields whose value differs, in `Param::ALL` order.
                let old = Model::of(&media).fields();
                let changed: Vec<Param> = old
                    .iter()
                    .zip(after.fields())
                    .filter(|((_, a), (_, b))| a != b)
                    .map(|((p, _), _)| *p)
                    .collect();
                prop_assert_eq!(&outcome.changed, &changed);
                prop_assert_eq!(&outcome.media.media_id, &media.media_id);
                prop_assert_eq!(outcome.media.input_url.as_str(), media.input_url.as_str());
                prop_assert!(outcome.media.media_tags.len() <= 16);
                // Fields the request does not name are unchanged.
                let keep = kept(&request);
                for ((p, a), (_, b)) in old.iter().zip(got.fields()) {
                    if keep.contains(p) {
                        prop_assert_eq!(a, &b, "{:?} was to be kept", p);
                    }
                }
                // Idempotence: applying twice is applying once.
                let again = apply_update(&outcome.media, &request).unwrap();
                prop_assert_eq!(&again.media, &outcome.media);
                prop_assert!(again.changed.is_empty());
            }
            (Err(err), Err((param, code))) => {
                prop_assert_eq!((err.param(), err.code()), (param, code));
                if let UpdateError::TooManyTags { max, found, .. } = err {
                    prop_assert_eq!(max, 16);
                    prop_assert!(found > 16);
                }
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
                "no media asset has MediaId {}",
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
    assert_eq!(err.to_string(), "no media asset has MediaId \"abd\"");
}

proptest! {
    #![proptest_config(config())]

    /// A whole request with parameters broken gives exactly the errors its strategy expects,
    /// each `InvalidParameter`, through the pairs and the query alike.
    #[test]
    fn broken_requests_give_exactly_their_problems(bad in strategy::invalid_update_media_info_request()) {
        let want: Vec<&str> = bad.problems.iter().map(|p| p.name()).collect();
        let err = UpdateMediaInfoRequest::from_params(&bad.params).unwrap_err();
        let found: Vec<&str> = err.errors().iter().map(|e| e.param()).collect();
        prop_assert_eq!(&found, &want, "{}", err);
        prop_assert!(err.errors().iter().all(|e| e.code() == ErrorCode::InvalidParameter));
    }

    #[test]
    fn broken_registrations_give_exactly_their_problems(bad in strategy::invalid_register_media_info_request()) {
        let want: Vec<&str> = bad.problems.iter().map(|p| p.name()).collect();
        let err = ims_media::RegisterMediaInfoRequest::from_params(&bad.params).unwrap_err();
        let found: Vec<&str> = err.errors().iter().map(|e| e.param()).collect();
        prop_assert_eq!(&found, &want, "{}", err);
        prop_assert!(err.errors().iter().all(|e| e.code() == ErrorCode::InvalidParameter));
    }
}
