//! What a service and a client build on: the merge patch of an update against an RFC 7396
//! merge (the `json-patch` crate), `diff` against `apply_update`, the error body.
#![cfg(feature = "proptest")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use ims_media::strategy;
use ims_media::{
    apply_update, Error, ErrorCode, ErrorResponse, MediaBasicInfo, MediaInfo, Param,
    UpdateMediaInfoRequest,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Members a stored document holds that the crate does not model.
fn extras() -> Value {
    json!({
        "Status": "Normal",
        "CreateTime": "2020-12-26T04:11:08Z",
        "Snapshots": "[]",
        "FileInfoList": [{"FileBasicInfo": {"FileName": "a.mp4", "FileSize": "30611502"}}],
        "Custom": {"nested": [1, 2, null]}
    })
}

fn stored_document(media: &MediaInfo) -> Value {
    let mut doc = serde_json::to_value(MediaBasicInfo::from(media)).unwrap();
    for (k, v) in extras().as_object().unwrap() {
        doc[k] = v.clone();
    }
    doc
}

/// The fields in which two assets differ, in `Param::ALL` order.
fn differing(a: &MediaInfo, b: &MediaInfo) -> Vec<Param> {
    let mut out = Vec::new();
    let mut check = |p, differs: bool| {
        if differs {
            out.push(p);
        }
    };
    check(Param::BusinessType, a.business_type != b.business_type);
    check(Param::Title, a.title != b.title);
    check(Param::Description, a.description != b.description);
    check(Param::Category, a.category != b.category);
    check(Param::MediaTags, a.media_tags != b.media_tags);
    check(Param::CoverUrl, a.cover_url != b.cover_url);
    check(Param::UserData, a.user_data != b.user_data);
    check(Param::CateId, a.cate_id != b.cate_id);
    check(Param::ReferenceId, a.reference_id != b.reference_id);
    out
}

fn media_and_request() -> impl Strategy<Value = (MediaInfo, UpdateMediaInfoRequest)> {
    strategy::media_info().prop_flat_map(|media| {
        let request = strategy::update_media_info_request_for(&media);
        (Just(media), request)
    })
}

/// Two states of one asset: the second has the first's ID and InputURL, any other fields.
fn before_and_after() -> impl Strategy<Value = (MediaInfo, MediaInfo)> {
    (strategy::media_info(), strategy::media_info()).prop_map(|(before, mut after)| {
        after.media_id = before.media_id.clone();
        after.input_url = before.input_url.clone();
        after.media_type = before.media_type;
        (before, after)
    })
}

proptest! {
    #![proptest_config(common::proptest_config("proptest-regressions/service.txt"))]

    /// The store round trip: an asset stored as a `MediaBasicInfo` document and read back is
    /// itself; an update's merge patch applied to the document and read back (as `MediaInfo`
    /// JSON and through `MediaBasicInfo`) is the outcome; the same request applied again to
    /// what was read back changes nothing. Covers carry queries of every kind the strategies
    /// make, signature-like parameters included.
    #[test]
    fn store_round_trip_reads_back_the_outcome_and_a_retry_changes_nothing(
        (media, request) in media_and_request()
    ) {
        let doc = stored_document(&media);
        prop_assert_eq!(&serde_json::from_value::<MediaInfo>(doc.clone()).unwrap(), &media);
        let Ok(outcome) = apply_update(&media, &request) else { return Ok(()) };
        let mut doc = doc;
        json_patch::merge(&mut doc, &serde_json::to_value(outcome.merge_patch()).unwrap());
        let read: MediaInfo = serde_json::from_value(doc.clone()).unwrap();
        prop_assert_eq!(&read, &outcome.media);
        let basic: MediaBasicInfo = serde_json::from_value(doc).unwrap();
        prop_assert_eq!(&MediaInfo::try_from(&basic).unwrap(), &outcome.media);
        let again = apply_update(&read, &request).unwrap();
        prop_assert_eq!(again.changed, Vec::<Param>::new());
        prop_assert_eq!(again.media, outcome.media);
    }

    #[test]
    fn merge_patch_applied_to_the_stored_document_gives_the_outcome(
        (media, request) in media_and_request()
    ) {
        let Ok(outcome) = apply_update(&media, &request) else { return Ok(()) };
        let patch = serde_json::to_value(outcome.merge_patch()).unwrap();
        // Nothing but the changed members.
        let names: Vec<&str> = patch.as_object().unwrap().keys().map(String::as_str).collect();
        let mut changed: Vec<&str> = outcome.changed.iter().map(|p| p.name()).collect();
        changed.sort_unstable();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, changed);

        let mut doc = stored_document(&media);
        json_patch::merge(&mut doc, &patch);
        // The crate's own merge into the document is RFC 7396's.
        let mut merged = stored_document(&media);
        outcome.merge_patch().apply_to_document(&mut merged);
        prop_assert_eq!(&merged, &doc);
        prop_assert_eq!(&MediaInfo::from_document(&merged).unwrap(), &outcome.media);
        // The modelled members are the outcome's, the others untouched.
        prop_assert_eq!(serde_json::from_value::<MediaInfo>(doc.clone()).unwrap(), outcome.media.clone());
        for (k, v) in extras().as_object().unwrap() {
            prop_assert_eq!(&doc[k], v);
        }
        // And the same patch applied in Rust to the MediaBasicInfo read from the document.
        let mut basic: MediaBasicInfo = serde_json::from_value(stored_document(&media)).unwrap();
        outcome.merge_patch().apply_to(&mut basic);
        prop_assert_eq!(basic, serde_json::from_value::<MediaBasicInfo>(doc).unwrap());
    }

    #[test]
    fn diff_gives_the_desired_state_and_names_exactly_what_differs(
        (before, after) in before_and_after()
    ) {
        let request = UpdateMediaInfoRequest::diff(&before, &after).unwrap();
        let outcome = apply_update(&before, &request).unwrap();
        prop_assert_eq!(&outcome.media, &after);
        prop_assert_eq!(outcome.changed, differing(&before, &after));
        // Through the wire and back, it is the same request.
        let params = request.to_params();
        let again = UpdateMediaInfoRequest::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(again.unwrap(), request.clone());
        // Applying it again changes nothing.
        prop_assert_eq!(apply_update(&after, &request).unwrap().changed, vec![]);
    }

    #[test]
    fn the_builder_agrees_with_from_params(
        form in prop::collection::vec(
            (strategy::param(), prop::option::of(prop_oneof![
                Just(String::new()),
                "[a-zA-Z0-9 ,_-]{1,12}",
                strategy::invalid_param().prop_map(|(_, v)| v),
                strategy::update_media_info_request().prop_map(|r| {
                    r.to_params().first().map(|(_, v)| v.clone()).unwrap_or_default()
                }),
            ])),
            0..16,
        )
    ) {
        let built = form
            .iter()
            .fold(UpdateMediaInfoRequest::builder(), |b, (p, v)| b.field(*p, v.as_deref()))
            .build();
        let pairs = form
            .iter()
            .filter_map(|(p, v)| v.as_deref().map(|v| (p.name(), v)));
        prop_assert_eq!(built, UpdateMediaInfoRequest::from_params(pairs));
    }

    #[test]
    fn diff_of_a_state_with_itself_changes_nothing(media in strategy::media_info()) {
        let request = UpdateMediaInfoRequest::diff(&media, &media).unwrap();
        prop_assert_eq!(
            request.to_params(),
            vec![("MediaId", media.media_id.to_string())]
        );
        prop_assert_eq!(apply_update(&media, &request).unwrap().changed, vec![]);
    }

    #[test]
    fn diff_refuses_another_asset_or_another_input_url(
        (before, other) in (strategy::media_info(), strategy::media_info())
    ) {
        let mut after = before.clone();
        after.media_id = other.media_id.clone();
        prop_assert_eq!(
            UpdateMediaInfoRequest::diff(&before, &after).is_err(),
            other.media_id != before.media_id
        );
        let mut after = before.clone();
        after.input_url = other.input_url.clone();
        prop_assert_eq!(
            UpdateMediaInfoRequest::diff(&before, &after).is_err(),
            other.input_url != before.input_url
        );
    }
}

#[test]
fn error_bodies_carry_code_status_and_every_message() {
    let err: Error = UpdateMediaInfoRequest::from_query("Title=%07&CateId=x")
        .unwrap_err()
        .into();
    let body = ErrorResponse::new(&err, "req-1", "ice.cn-shanghai.aliyuncs.com");
    assert_eq!(
        (body.code, body.http_status()),
        (ErrorCode::MissingParameter, 400)
    );
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({
            "RequestId": "req-1",
            "HostId": "ice.cn-shanghai.aliyuncs.com",
            "Code": "MissingParameter",
            "Message": "missing MediaId: MediaId or InputURL is required; \
                        invalid Title: control character U+0007 at byte 0 in \"<U+0007>\"; \
                        invalid CateId: \"x\" is not a decimal integer, only digits 0-9 allowed"
        })
    );
    // Read back, as a client reads the API's error bodies.
    let back: ErrorResponse = serde_json::from_value(serde_json::to_value(&body).unwrap()).unwrap();
    assert_eq!(back, body);

    // An update error: 404, and the message quotes the request, never the stored asset.
    let media: MediaInfo = serde_json::from_value(json!({
        "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
        "InputURL": "oss://example-bucket/secret-name.mp4",
        "Title": "stored title"
    }))
    .unwrap();
    let request =
        UpdateMediaInfoRequest::from_query("InputURL=oss://example-bucket/b.mp4").unwrap();
    let err: Error = apply_update(&media, &request).unwrap_err().into();
    let body = ErrorResponse::new(&err, "req-2", "host");
    assert_eq!(
        (body.code, body.http_status()),
        (ErrorCode::NoMatchedInputUrl, 404)
    );
    assert!(!body.message.contains("secret-name") && !body.message.contains("stored title"));

    // A stored asset that is not valid: 500, and nothing of it in the body.
    let mut basic = MediaBasicInfo::from(&media);
    basic.title = Some("bad\u{7}stored".into());
    let err = MediaInfo::try_from(&basic)
        .map_err(Error::StoredAsset)
        .unwrap_err();
    let body = ErrorResponse::new(&err, "req-3", "host").with_recommend("https://example.com/r");
    assert_eq!(
        (body.code, body.http_status()),
        (ErrorCode::InternalError, 500)
    );
    assert_eq!(body.message, "the stored media asset is not valid");
    assert!(err.to_string().contains("bad<U+0007>stored"), "{err}");
    assert_eq!(
        serde_json::to_value(&body).unwrap()["Recommend"],
        "https://example.com/r"
    );
}

#[test]
fn conversions_are_even_across_the_value_types() {
    use ims_media::{
        BusinessType, CateId, Category, CoverUrl, Description, InputUrl, MediaId, MediaTarget,
        ReferenceId, Tag, Title, Unit, UserData,
    };
    // `try_into()?` from a String works for every value type.
    fn from_string<T: TryFrom<String, Error = ims_media::ParamError>>(s: &str) -> T {
        s.to_owned().try_into().unwrap()
    }
    let _: BusinessType = from_string("opening");
    let _: CateId = from_string("3048");
    let title: Title = from_string("Intro");
    let _: Description = from_string("d");
    let _: Category = from_string("c");
    let _: UserData = from_string("{}");
    let cover: CoverUrl = from_string("https://example.com/a.png");
    let id: MediaId = from_string("2b36bd19c13f4145b094c0cad80dbce5");
    let _: ReferenceId = from_string("ref-0001");
    let tag: Tag = from_string("news");
    let url: InputUrl = from_string("oss://example-bucket/a.mp4");
    // Values compare with strings, both ways.
    assert!(title == "Intro" && title != "intro");
    assert_eq!("Intro", title);
    assert!(cover == "https://example.com/a.png" && tag == "news");
    assert!(BusinessType::Opening == "opening");
    assert!(url == "oss://example-bucket/a.mp4" && url != "OSS://example-bucket/a.mp4");
    let media_title: Option<Title> = Some(title);
    assert!(media_title.is_some_and(|t| t == "Intro"));
    // Targets from an ID or a URL; units spelled out.
    assert_eq!(
        MediaTarget::from(id.clone()),
        MediaTarget::MediaId {
            id,
            input_url: None
        }
    );
    assert_eq!(MediaTarget::from(url.clone()), MediaTarget::InputUrl(url));
    assert_eq!(
        (Unit::Bytes.to_string(), Unit::Characters.to_string()),
        ("bytes".into(), "characters".into())
    );
}

/// The cover of the hostile report: a CDN's `Expires` without an OSS signature is stored and
/// read back as given, so a retry changes nothing; a cover signed by OSS is refused in a
/// request, since what is stored is read back without its signature.
#[test]
fn a_cover_with_a_query_survives_the_store_and_a_signed_one_is_refused() {
    let media: MediaInfo = serde_json::from_value(json!({
        "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
        "InputURL": "oss://example-bucket/intro.mp4",
    }))
    .unwrap();
    let cover = "https://cdn.example.com/c.png?Expires=1700000000&Key-Pair-Id=K1";
    let request = UpdateMediaInfoRequest::from_params([
        ("MediaId", "2b36bd19c13f4145b094c0cad80dbce5"),
        ("CoverURL", cover),
    ])
    .unwrap();
    let outcome = apply_update(&media, &request).unwrap();
    let mut doc = stored_document(&media);
    json_patch::merge(
        &mut doc,
        &serde_json::to_value(outcome.merge_patch()).unwrap(),
    );
    assert_eq!(doc["CoverURL"], cover);
    let read: MediaInfo = serde_json::from_value(doc).unwrap();
    assert_eq!(read, outcome.media);
    assert_eq!(apply_update(&read, &request).unwrap().changed, []);

    let err = UpdateMediaInfoRequest::from_params([
        ("MediaId", "2b36bd19c13f4145b094c0cad80dbce5"),
        (
            "CoverURL",
            "https://b.example.com/c.png?OSSAccessKeyId=k&Signature=s",
        ),
    ])
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid CoverURL: signed by OSS, a signed URL expires: give the unsigned URL in \
         \"https://b.example.com/c.png?OSSAccessKeyId=k&Signature=s\""
    );
}

/// A GetMediaInfo body read, updated through the merge patch and written back keeps every
/// member the crate does not model, at every level.
#[test]
fn a_get_media_info_body_is_stored_back_whole() {
    let text = r#"{"RequestId": "r-1", "Extra": {"a": [1, 2.5, null]},
        "MediaInfo": {"MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
            "FileInfoList": [{"FileBasicInfo": {"FileName": "intro.mp4", "FileSize": "30611502"}}],
            "AiRoughData": {"Status": "Analyzed"},
            "MediaBasicInfo": {"MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
                "InputURL": "oss://example-bucket/intro.mp4", "Title": "Old",
                "Status": "Normal", "Later": true}}}"#;
    let mut response: ims_media::GetMediaInfoResponse = serde_json::from_str(text).unwrap();
    let media = response.media().unwrap();
    let request = UpdateMediaInfoRequest::from_query(&format!(
        "MediaId={}&Title=New&CateId=7",
        media.media_id
    ))
    .unwrap();
    let outcome = apply_update(&media, &request).unwrap();
    outcome
        .merge_patch()
        .apply_to(&mut response.media_basic_info);
    let back = serde_json::to_value(&response).unwrap();
    let mut expected: Value = serde_json::from_str(text).unwrap();
    expected["MediaInfo"]["MediaBasicInfo"]["Title"] = json!("New");
    expected["MediaInfo"]["MediaBasicInfo"]["CateId"] = json!(7);
    assert_eq!(back, expected);
    assert_eq!(response.media().unwrap(), outcome.media);
}

#[test]
fn unreadable_get_media_info_bodies_say_what_is_wrong() {
    let read = |text: &str| {
        serde_json::from_str::<ims_media::GetMediaInfoResponse>(text)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        read(r#"{"RequestId":"r","MediaInfo":[]}"#),
        "invalid type: sequence, expected the MediaInfo object of a GetMediaInfo response at line 1 column 29"
    );
    assert_eq!(
        read(r#"{"RequestId":"r","MediaInfo":{}}"#),
        "missing field `MediaInfo.MediaBasicInfo` at line 1 column 31"
    );
    assert_eq!(
        read(r#"{"MediaInfo":{"MediaBasicInfo":{}}}"#),
        "missing field `RequestId` at line 1 column 35"
    );
    assert_eq!(
        read(r#"{"RequestId":"r","RequestId":"s","MediaInfo":{"MediaBasicInfo":{}}}"#),
        "invalid RequestId: the member is given twice at line 1 column 28"
    );
    assert_eq!(
        read(r#"{"RequestId":"r","MediaInfo":{"MediaBasicInfo":{"X":1,"X":2}}}"#),
        "invalid \"X\": the member is given twice at line 1 column 60"
    );
}
