//! RegisterMediaInfo: the request's wire round trips, `register` and what follows it (an
//! update of the registered asset, a retry with Overwrite), as properties over generated
//! requests (1,000 cases each), and the rules by example.
#![allow(clippy::unwrap_used)]

use ims_media::{
    apply_update, register, strategy, BusinessType, ErrorCode, MediaBasicInfo, MediaId, MediaInfo,
    MediaType, ParamErrorKind, RegisterMediaInfoRequest, UpdateMediaInfoRequest,
};
use proptest::prelude::*;

use crate::common;

fn config() -> ProptestConfig {
    common::proptest_config("proptest-regressions/register.txt")
}

fn id(s: &str) -> MediaId {
    s.parse().unwrap()
}

/// A registration, and an update aimed at the asset it registers.
fn registration_and_update(
) -> impl Strategy<Value = (RegisterMediaInfoRequest, UpdateMediaInfoRequest)> {
    strategy::register_media_info_request().prop_flat_map(|r| {
        let first = register(&r, id("7a1c0e5f3b2d4c6e8f901a2b3c4d5e6f"), None).unwrap();
        (
            Just(r),
            strategy::update_media_info_request_for(&first.media),
        )
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn requests_round_trip_through_pairs_and_query(r in strategy::register_media_info_request()) {
        let params = r.to_params();
        let back = RegisterMediaInfoRequest::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(back, Ok(r.clone()));
        prop_assert_eq!(RegisterMediaInfoRequest::from_query(&r.to_query()), Ok(r.clone()));
        let json = serde_json::to_string(&r).unwrap();
        prop_assert_eq!(serde_json::from_str::<RegisterMediaInfoRequest>(&json).unwrap(), r);
    }

    /// Register, store the document, read it back, update it: the update applies to the
    /// registered asset (or refuses only an append past 16 tags), and the stored document
    /// read back is the outcome.
    #[test]
    fn a_registered_asset_takes_updates((r, update) in registration_and_update()) {
        let outcome = register(&r, id("7a1c0e5f3b2d4c6e8f901a2b3c4d5e6f"), None).unwrap();
        let media = &outcome.media;
        prop_assert_eq!(media.media_type, r.media_type_or_inferred());
        prop_assert_eq!(&media.title, &r.title);
        prop_assert!(outcome.replaced.is_none());
        let doc = MediaBasicInfo::from(media);
        let stored = MediaInfo::try_from(&doc).unwrap();
        prop_assert_eq!(&stored, media);
        match apply_update(&stored, &update) {
            Ok(updated) => {
                prop_assert_eq!(updated.media.media_type, media.media_type);
                prop_assert_eq!(&updated.media.media_id, &media.media_id);
            }
            Err(e) => prop_assert_eq!((e.param(), e.code()), ("MediaTags", ErrorCode::InvalidParameter)),
        }
    }

    /// A retry with Overwrite gives the same asset but for its MediaId, and names the first
    /// as replaced; without Overwrite it is refused on InputURL.
    #[test]
    fn a_retry_with_overwrite_replaces_the_first(r in strategy::register_media_info_request()) {
        let first = register(&r, id("7a1c0e5f3b2d4c6e8f901a2b3c4d5e6f"), None).unwrap();
        let mut retry = r.clone();
        retry.overwrite = true;
        let second = register(&retry, id("0000000000000000000000000000000b"), Some(&first.media)).unwrap();
        prop_assert_eq!(second.replaced.as_ref(), Some(&first.media.media_id));
        let mut same = second.media.clone();
        same.media_id = first.media.media_id.clone();
        prop_assert_eq!(same, first.media.clone());
        let mut plain = r;
        plain.overwrite = false;
        let err = register(&plain, id("0000000000000000000000000000000c"), Some(&first.media)).unwrap_err();
        prop_assert_eq!((err.param(), err.code()), ("InputURL", ErrorCode::InvalidParameter));
    }
}

proptest! {
    #![proptest_config(config())]

    /// Each refused value is exactly one problem, on its parameter.
    #[test]
    fn each_invalid_value_is_one_problem_on_its_parameter((param, value) in strategy::invalid_register_param()) {
        let url = "oss://example-bucket/videos/intro.mp4";
        let mut pairs = vec![(param.name(), value.as_str())];
        if param != ims_media::Param::InputUrl {
            pairs.insert(0, ("InputURL", url));
        }
        let err = RegisterMediaInfoRequest::from_params(pairs).unwrap_err();
        let found: Vec<(&str, ErrorCode)> = err.errors().iter().map(|e| (e.param(), e.code())).collect();
        prop_assert_eq!(found, vec![(param.name(), ErrorCode::InvalidParameter)], "{}", err);
    }
}

#[test]
fn json_has_the_wire_names_and_types() {
    let r: RegisterMediaInfoRequest = serde_json::from_str(
        r#"{"InputURL": "oss://example-bucket/a.mp4", "Overwrite": true, "CateId": 3048,
            "RegisterConfig": "{\"NeedSprite\": false}", "Action": "RegisterMediaInfo"}"#,
    )
    .unwrap();
    assert!(r.overwrite);
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"InputURL":"oss://example-bucket/a.mp4","Overwrite":true,"RegisterConfig":"{\"NeedSprite\":false}","CateId":3048}"#
    );
    // The value types are JSON strings (RegisterConfig its compact JSON text).
    assert_eq!(
        serde_json::to_string(&MediaType::Audio).unwrap(),
        r#""audio""#
    );
    let config: ims_media::RegisterConfig =
        serde_json::from_str(r#""{\"NeedSnapshot\": \"TRUE\"}""#).unwrap();
    assert_eq!(
        serde_json::to_string(&config).unwrap(),
        r#""{\"NeedSnapshot\":true}""#
    );
    let err = serde_json::from_str::<RegisterMediaInfoRequest>(
        r#"{"InputURL": "oss://b/a.mp4", "Category": "x"}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("a parameter of UpdateMediaInfo"),
        "{err}"
    );
}

#[test]
fn the_rules_by_example() {
    // R2: UpdateMediaInfo's parameters are refused, saying whose they are.
    let err = RegisterMediaInfoRequest::from_params([
        ("InputURL", "oss://example-bucket/a.mp4"),
        ("MediaId", "abc"),
        ("Overwrite", "yes"),
    ])
    .unwrap_err();
    let msgs: Vec<String> = err.errors().iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            "invalid Overwrite: \"yes\", expected true or false",
            "invalid MediaId: a parameter of UpdateMediaInfo, not of RegisterMediaInfo, so it \
             would not be applied",
        ]
    );
    // And the other way round.
    let err = UpdateMediaInfoRequest::from_params([("MediaId", "abc"), ("Overwrite", "true")])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid Overwrite: a parameter of RegisterMediaInfo, not of UpdateMediaInfo, so it would \
         not be applied"
    );
    // R3.
    let err = RegisterMediaInfoRequest::from_params([("InputURL", "")]).unwrap_err();
    assert_eq!(err.to_string(), "missing InputURL: required");
    assert_eq!(err.code(), ErrorCode::MissingParameter);
    // R5, given or inferred.
    let err =
        RegisterMediaInfoRequest::from_params([("InputURL", "oss://example-bucket/fonts/a.ttf")])
            .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid BusinessType: MediaType text requires BusinessType subtitles or font, none given"
    );
    let ok = RegisterMediaInfoRequest::from_params([
        ("InputURL", "vod://abc"),
        ("MediaType", "text"),
        ("BusinessType", "font"),
    ])
    .unwrap();
    assert_eq!(ok.business_type, Some(BusinessType::Font));
    // R6: UserData is a JSON object.
    for (data, message) in [
        ("[1]", "invalid UserData: an array, a JSON object expected"),
        (
            "{\"a\":}",
            "invalid UserData: not valid JSON: a value expected at byte 5",
        ),
    ] {
        let err = RegisterMediaInfoRequest::from_params([
            ("InputURL", "oss://example-bucket/a.mp4"),
            ("UserData", data),
        ])
        .unwrap_err();
        assert_eq!(err.to_string(), message);
        assert!(matches!(
            err.errors()[0].kind(),
            ParamErrorKind::NotJsonObject { .. } | ParamErrorKind::InvalidJson { .. }
        ));
    }
    // R4: no inference for vod:// or an unknown extension.
    for url in [
        "vod://abc",
        "oss://example-bucket/a.xyz",
        "oss://example-bucket/noext",
    ] {
        let r = RegisterMediaInfoRequest::new(url.parse().unwrap());
        assert_eq!(r.media_type_or_inferred(), None, "{url}");
    }
    assert_eq!(
        RegisterMediaInfoRequest::new("oss://example-bucket/a.GIF".parse().unwrap())
            .media_type_or_inferred(),
        Some(MediaType::Image)
    );
}
