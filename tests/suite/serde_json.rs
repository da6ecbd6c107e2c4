//! The `serde` feature in JSON : MediaInfo as GetMediaInfo's `MediaBasicInfo`, the
//! request in wire names, the response, the value types and the errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::messages;
use std::fmt::Debug;

use ims_media::{
    apply_update, BusinessType, CateId, Category, CoverUrl, Description, ErrorCode, FieldUpdate,
    InputUrl, MediaBasicInfo, MediaId, MediaInfo, MediaTags, MediaTarget, Param, ParamError,
    ReferenceId, Tag, TagsUpdate, Title, UpdateError, UpdateMediaInfoRequest,
    UpdateMediaInfoResponse, UserData,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

type Request = UpdateMediaInfoRequest;

const ID: &str = "2b36bd19c13f4145b094c0cad80dbce5";
const URL: &str = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4";

// ---- helpers ----------------------------------------------------------------------------------

fn p<T: std::str::FromStr<Err = ParamError>>(s: &str) -> T {
    s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

#[track_caller]
fn de<T: DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// Deserializing `v` as `T` fails with exactly `message` (`from_value` adds no position).
#[track_caller]
fn de_err<T: DeserializeOwned + Debug>(v: Value, message: &str) {
    match serde_json::from_value::<T>(v.clone()) {
        Ok(t) => panic!("{v} accepted: {t:?}"),
        Err(e) => assert_eq!(e.to_string(), message, "{v}"),
    }
}

#[track_caller]
fn ser<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

/// Serializes as `json`, and `json` deserializes back to `t`.
#[track_caller]
fn both_ways<T: Serialize + DeserializeOwned + PartialEq + Debug>(t: &T, json: Value) {
    assert_eq!(ser(t), json);
    assert_eq!(&de::<T>(json), t);
    // Through text as well.
    let text = serde_json::to_string(t).unwrap();
    assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), t);
}

#[track_caller]
fn req(pairs: &[(&str, &str)]) -> Request {
    Request::from_params(pairs.iter().copied()).unwrap_or_else(|e| panic!("{pairs:?}: {e}"))
}

fn full_media() -> MediaInfo {
    let mut m = MediaInfo::new(p(ID), p(URL));
    m.business_type = Some(BusinessType::General);
    m.title = Some(p("Intro 界"));
    m.description = Some(p("line\nbreak"));
    m.category = Some(p("news"));
    m.media_tags = p("news,sports");
    m.cover_url = Some(p("https://example.com/c.png"));
    m.user_data = Some(p("{\"k\":1}"));
    m.cate_id = Some(CateId::try_from(3048_i64).unwrap());
    m.reference_id = Some(p("ref-000001"));
    m
}

fn full_media_json() -> Value {
    json!({
        "MediaId": ID,
        "InputURL": URL,
        "BusinessType": "general",
        "Title": "Intro 界",
        "Description": "line\nbreak",
        "Category": "news",
        "MediaTags": "news,sports",
        "CoverURL": "https://example.com/c.png",
        "UserData": "{\"k\":1}",
        "CateId": 3048,
        "ReferenceId": "ref-000001"
    })
}

// ---- MediaInfo as MediaBasicInfo ----------------------------------------------------------------

#[test]
fn media_info_uses_media_basic_info_names() {
    both_ways(&full_media(), full_media_json());
    // Field order on output follows the table.
    let text = serde_json::to_string(&full_media()).unwrap();
    let at: Vec<usize> = [
        "MediaId",
        "InputURL",
        "BusinessType",
        "Title",
        "Description",
        "Category",
        "MediaTags",
        "CoverURL",
        "UserData",
        "CateId",
        "ReferenceId",
    ]
    .iter()
    .map(|k| text.find(&format!("\"{k}\":")).unwrap())
    .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[test]
fn media_info_omits_what_is_not_set() {
    let bare = MediaInfo::new(p(ID), p(URL));
    both_ways(&bare, json!({"MediaId": ID, "InputURL": URL}));
    assert_eq!(
        serde_json::to_string(&bare).unwrap(),
        format!("{{\"MediaId\":\"{ID}\",\"InputURL\":\"{URL}\"}}")
    );
}

#[test]
fn media_info_reads_empty_and_null_as_not_set() {
    let bare = MediaInfo::new(p(ID), p(URL));
    let mut with_empty = json!({"MediaId": ID, "InputURL": URL});
    let mut with_null = with_empty.clone();
    for name in [
        "BusinessType",
        "Title",
        "Description",
        "Category",
        "MediaTags",
        "CoverURL",
        "UserData",
        "CateId",
        "ReferenceId",
    ] {
        with_empty[name] = json!("");
        with_null[name] = Value::Null;
        assert_eq!(
            de::<MediaInfo>(json!({"MediaId": ID, "InputURL": URL, name: ""})),
            bare
        );
    }
    assert_eq!(de::<MediaInfo>(with_empty), bare);
    assert_eq!(de::<MediaInfo>(with_null), bare);
    // White-space-only tags are no tags.
    let m: MediaInfo = de(json!({"MediaId": ID, "InputURL": URL, "MediaTags": " "}));
    assert!(m.media_tags.is_empty());
}

#[test]
fn media_info_cate_id_is_a_number_or_a_digit_string() {
    let cate =
        |v: Value| de::<MediaInfo>(json!({"MediaId": ID, "InputURL": URL, "CateId": v})).cate_id;
    let want = Some(CateId::try_from(3048_i64).unwrap());
    assert_eq!(cate(json!(3048)), want);
    assert_eq!(cate(json!("3048")), want);
    assert_eq!(
        cate(json!(i64::MAX)),
        Some(CateId::try_from(i64::MAX).unwrap())
    );
    let bad = |v: Value, message: &str| {
        de_err::<MediaInfo>(
            json!({"MediaId": ID, "InputURL": URL, "CateId": v}),
            message,
        )
    };
    bad(json!(0), messages::CATE_ID_0);
    bad(json!(-5), messages::CATE_ID_MINUS_5);
    bad(json!("-5"), messages::CATE_ID_MINUS_5);
    bad(
        json!(" 1"),
        "invalid CateId: \" 1\" is not a decimal integer, only digits 0-9 allowed",
    );
    // A sign is no digit, as in `"+5".parse::<CateId>()` (`i64::from_str` would take it).
    bad(json!("+5"), messages::CATE_ID_PLUS_5);
    assert_eq!(
        "+5".parse::<CateId>().unwrap_err().to_string(),
        messages::CATE_ID_PLUS_5
    );
    let basic = serde_json::from_value::<MediaBasicInfo>(
        json!({"MediaId": ID, "InputURL": URL, "CateId": "+5"}),
    );
    assert!(basic.is_err(), "{basic:?}");
    bad(
        json!(9_223_372_036_854_775_808_u64),
        messages::CATE_ID_OVERFLOW,
    );
    bad(
        json!(1.5),
        "invalid CateId: a number with a fraction or an exponent (read as 1.5), expected an integer",
    );
    bad(
        json!(3048.0),
        "invalid CateId: a number with a fraction or an exponent (read as 3048.0), expected an integer",
    );
    bad(
        json!(true),
        "invalid CateId: true, expected a number or a string of digits",
    );
}

#[test]
fn media_info_ignores_unknown_fields() {
    let mut v = full_media_json();
    v["MediaType"] = json!("video");
    v["Duration"] = json!(12.5);
    v["Snapshots"] = json!("[]");
    v["Thumbnails"] = json!(["a", {"b": [1, 2]}]);
    v["Extra"] = json!({"nested": {"deep": null}});
    v["title"] = json!(5); // names are case-sensitive: not Title
    v["AppendTags"] = json!(true);
    // MediaType is read: a registration sets it.
    let mut want = full_media();
    want.media_type = Some(ims_media::MediaType::Video);
    assert_eq!(de::<MediaInfo>(v), want);
}

#[test]
fn media_info_refuses_a_repeated_member_and_a_read_only_member_of_another_type() {
    // Which of two values would win is not agreed between JSON readers: neither is taken.
    let text = format!(r#"{{"MediaId": "{ID}", "InputURL": "{URL}", "Title": "a", "Title": "b"}}"#);
    let err = serde_json::from_str::<MediaInfo>(&text).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid Title: the member is given twice"),
        "{err}"
    );
    let text = format!(
        r#"{{"MediaId": "{ID}", "InputURL": "{URL}", "Status": "Normal", "Status": "Normal"}}"#
    );
    assert!(serde_json::from_str::<MediaBasicInfo>(&text).is_err());
    // A member the crate does not model is kept, so it may not repeat either.
    let text = format!(r#"{{"MediaId": "{ID}", "InputURL": "{URL}", "X": 1, "X": 2}}"#);
    let err = serde_json::from_str::<MediaBasicInfo>(&text).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid \"X\": the member is given twice"),
        "{err}"
    );
    let text = format!(r#"{{"MediaId": "{ID}", "InputURL": "{URL}", "X": 1, "Y": [2]}}"#);
    let basic = serde_json::from_str::<MediaBasicInfo>(&text).unwrap();
    assert_eq!(
        serde_json::Value::Object(basic.other_members),
        json!({"X": 1, "Y": [2]})
    );

    let mut v = full_media_json();
    v["Snapshots"] = json!(["a"]);
    de_err::<MediaInfo>(v, "invalid Snapshots: an array, expected a string");
}

#[test]
fn media_info_refuses_invalid_values_with_the_validating_message() {
    let bad = |name: &str, v: Value, message: &str| {
        let mut m = full_media_json();
        m[name] = v;
        de_err::<MediaInfo>(m, message);
    };
    bad("MediaId", json!("****20b4****"), "invalid MediaId: character '*' at byte 0 not allowed, only A-Z a-z 0-9 - _ in \"****20b4****\"");
    bad("InputURL", json!("ftp://example.com/a.mp4"), "invalid InputURL: scheme not allowed, only oss://, http://, https:// or vod:// in \"ftp://example.com/a.mp4\"");
    bad(
        "BusinessType",
        json!("video"),
        messages::BUSINESS_TYPE_VIDEO,
    );
    bad("Title", json!("x".repeat(129)), messages::TITLE_129_BYTES);
    bad(
        "Title",
        json!("\u{7}"),
        "invalid Title: control character U+0007 at byte 0 in \"<U+0007>\"",
    );
    bad(
        "Description",
        json!("\u{0}"),
        "invalid Description: control character U+0000 at byte 0 in \"<U+0000>\"",
    );
    bad(
        "Category",
        json!("界".repeat(22)),
        messages::CATEGORY_66_BYTES,
    );
    bad("MediaTags", json!("a,,b"), messages::SECOND_TAG_EMPTY);
    bad(
        "CoverURL",
        json!("/c.png"),
        "invalid CoverURL: scheme not allowed, only http:// or https:// in \"/c.png\"",
    );
    bad(
        "UserData",
        json!("x".repeat(1025)),
        messages::USER_DATA_1025_BYTES,
    );
    bad("ReferenceId", json!("abc"), messages::REFERENCE_ID_ABC);
    bad("Title", json!(5), "invalid Title: 5, expected a string");
    bad(
        "MediaTags",
        json!(["a", "b"]),
        "invalid MediaTags: an array, expected a string",
    );
}

#[test]
fn media_info_requires_media_id_and_input_url() {
    const NO_ID: &str = "invalid MediaId: absent or empty, a stored media asset always has one";
    const NO_URL: &str = "invalid InputURL: absent or empty, a stored media asset always has one";
    de_err::<MediaInfo>(json!({"InputURL": URL}), NO_ID);
    de_err::<MediaInfo>(json!({"MediaId": ID}), NO_URL);
    de_err::<MediaInfo>(json!({"MediaId": "", "InputURL": URL}), NO_ID);
    de_err::<MediaInfo>(json!({"MediaId": ID, "InputURL": null}), NO_URL);
    de_err::<MediaInfo>(
        json!("x"),
        "invalid type: string \"x\", expected a MediaBasicInfo object",
    );
}

#[test]
fn media_info_round_trips_through_an_update() {
    let media: MediaInfo = de(full_media_json());
    let outcome = apply_update(
        &media,
        &req(&[("MediaId", ID), ("Title", ""), ("CateId", "7")]),
    )
    .unwrap();
    let mut want = full_media_json();
    want.as_object_mut().unwrap().remove("Title");
    want["CateId"] = json!(7);
    assert_eq!(ser(&outcome.media), want);
    assert_eq!(
        ser(&outcome),
        json!({"media": want, "changed": ["Title", "CateId"]})
    );
}

// ---- the request --------------------------------------------------------------------------------

fn full_request() -> Request {
    req(&[
        ("MediaId", ID),
        ("InputURL", URL),
        ("BusinessType", "general"),
        ("Title", "a&b=c d+e%f"),
        ("Description", ""),
        ("Category", "界"),
        ("MediaTags", "x y,🎬"),
        ("CoverURL", ""),
        ("UserData", "{\"a\":1}"),
        ("AppendTags", "true"),
        ("CateId", "3048"),
        ("ReferenceId", ""),
    ])
}

#[test]
fn request_uses_wire_names() {
    both_ways(
        &full_request(),
        json!({
            "MediaId": ID,
            "InputURL": URL,
            "BusinessType": "general",
            "Title": "a&b=c d+e%f",
            "Description": null,
            "Category": "界",
            "MediaTags": "x y,🎬",
            "CoverURL": null,
            "UserData": "{\"a\":1}",
            "AppendTags": true,
            "CateId": 3048,
            "ReferenceId": null
        }),
    );
    both_ways(
        &req(&[("InputURL", URL), ("MediaTags", "")]),
        json!({"InputURL": URL, "MediaTags": null}),
    );
    both_ways(
        &req(&[("MediaId", ID), ("MediaTags", " "), ("AppendTags", "true")]),
        json!({"MediaId": ID, "MediaTags": null, "AppendTags": true}),
    );
    both_ways(
        &req(&[("MediaId", ID), ("CateId", "")]),
        json!({"MediaId": ID, "CateId": null}),
    );
}

#[test]
fn request_reads_like_from_params() {
    let from_json = |v: Value| de::<Request>(v);
    // Absent keeps, null and "" clear.
    assert_eq!(from_json(json!({"MediaId": ID})), req(&[("MediaId", ID)]));
    for name in [
        "BusinessType",
        "Title",
        "Description",
        "Category",
        "MediaTags",
        "CoverURL",
        "UserData",
        "CateId",
        "ReferenceId",
    ] {
        let cleared = req(&[("MediaId", ID), (name, "")]);
        assert_eq!(
            from_json(json!({"MediaId": ID, name: null})),
            cleared,
            "{name}"
        );
        assert_eq!(
            from_json(json!({"MediaId": ID, name: ""})),
            cleared,
            "{name}"
        );
    }
    // Empty or null MediaId / InputURL count as absent.
    assert_eq!(
        from_json(json!({"MediaId": null, "InputURL": URL})).target,
        MediaTarget::InputUrl(p(URL))
    );
    assert_eq!(
        from_json(json!({"MediaId": ID, "InputURL": ""})).target,
        MediaTarget::MediaId {
            id: p(ID),
            input_url: None
        }
    );
    // Common parameters are accepted and checked.
    assert_eq!(
        from_json(json!({"MediaId": ID, "Action": "UpdateMediaInfo", "Version": "2020-11-09"})),
        req(&[("MediaId", ID)])
    );
}

#[test]
fn request_append_tags_is_a_boolean_or_a_word() {
    let tags = |v: Value| {
        de::<Request>(json!({"MediaId": ID, "MediaTags": "a", "AppendTags": v})).media_tags
    };
    let append = TagsUpdate::Append(p("a"));
    let replace = TagsUpdate::Replace(p("a"));
    assert_eq!(tags(json!(true)), append);
    assert_eq!(tags(json!("true")), append);
    assert_eq!(tags(json!("TRUE")), append);
    assert_eq!(tags(json!("True")), append);
    assert_eq!(tags(json!(false)), replace);
    assert_eq!(tags(json!("False")), replace);
    assert_eq!(tags(json!("")), replace);
    assert_eq!(tags(json!(null)), replace);
    de_err::<Request>(
        json!({"MediaId": ID, "MediaTags": "a", "AppendTags": "yes"}),
        messages::APPEND_TAGS_YES,
    );
    de_err::<Request>(
        json!({"MediaId": ID, "MediaTags": "a", "AppendTags": 1}),
        "invalid AppendTags: 1, expected true or false",
    );
}

#[test]
fn request_cate_id_is_a_number_or_a_digit_string() {
    let cate = |v: Value| de::<Request>(json!({"MediaId": ID, "CateId": v})).cate_id;
    let want = FieldUpdate::Set(CateId::try_from(3048_i64).unwrap());
    assert_eq!(cate(json!(3048)), want);
    assert_eq!(cate(json!("3048")), want);
    let bad =
        |v: Value, message: &str| de_err::<Request>(json!({"MediaId": ID, "CateId": v}), message);
    bad(json!(0), messages::CATE_ID_0);
    bad(json!(-5), messages::CATE_ID_MINUS_5);
    bad(json!("+5"), messages::CATE_ID_PLUS_5);
    bad(
        json!(9_223_372_036_854_775_808_u64),
        messages::CATE_ID_OVERFLOW,
    );
    bad(
        json!(1.5),
        "invalid CateId: a number with a fraction or an exponent (read as 1.5), expected an integer",
    );
    bad(
        json!(3048.0),
        "invalid CateId: a number with a fraction or an exponent (read as 3048.0), expected an integer",
    );
    bad(
        json!(1e3),
        "invalid CateId: a number with a fraction or an exponent (read as 1000.0), expected an integer",
    );
    bad(
        json!(true),
        "invalid CateId: true, expected a number or a string of digits",
    );
}

#[test]
fn request_refuses_unknown_names_and_wrong_types() {
    de_err::<Request>(
        json!({"MediaId": ID, "Tittle": "x"}),
        messages::UNKNOWN_TITTLE,
    );
    de_err::<Request>(json!({"Title": "x"}), messages::MISSING_TARGET);
    de_err::<Request>(
        json!({"MediaId": ID, "Title": "\u{7}", "CateId": "x"}),
        "invalid Title: control character U+0007 at byte 0 in \"<U+0007>\"; \
         invalid CateId: \"x\" is not a decimal integer, only digits 0-9 allowed",
    );
    de_err::<Request>(
        json!({"MediaId": ID, "Title": 5}),
        "invalid Title: 5, expected a string",
    );
    // In the order of the JSON text.
    let text = format!("{{\"MediaId\":\"{ID}\",\"Title\":true,\"Category\":1,\"CateId\":false}}");
    assert_eq!(
        serde_json::from_str::<Request>(&text)
            .unwrap_err()
            .to_string(),
        "invalid Title: true, expected a string; invalid Category: 1, expected a string; \
         invalid CateId: false, expected a number or a string of digits at line 1 column 87"
    );
    de_err::<Request>(
        json!({"MediaId": ID, "Title": ["a"]}),
        "invalid Title: an array, expected a string",
    );
    de_err::<Request>(
        json!(["MediaId", ID]),
        "invalid type: sequence, expected an UpdateMediaInfo request object",
    );
}

#[test]
fn request_repeated_keys_in_json_text_are_refused() {
    let e = serde_json::from_str::<Request>(&format!(
        "{{\"MediaId\":\"{ID}\",\"Title\":\"a\",\"Title\":\"b\"}}"
    ))
    .unwrap_err();
    assert!(e.to_string().starts_with(messages::TITLE_TWICE), "{e}");
}

#[test]
fn request_round_trips_through_json() {
    let requests = [
        full_request(),
        req(&[("MediaId", ID)]),
        req(&[("InputURL", "oss://example-bucket/a%20b+c.mp4")]),
        req(&[("MediaId", ID), ("MediaTags", ""), ("AppendTags", "true")]),
        req(&[("MediaId", ID), ("MediaTags", "")]),
        req(&[
            ("MediaId", ID),
            ("MediaTags", "a, b"),
            ("AppendTags", "True"),
        ]),
        req(&[
            ("MediaId", ID),
            ("BusinessType", ""),
            ("Title", ""),
            ("Description", ""),
            ("Category", ""),
            ("MediaTags", ""),
            ("CoverURL", ""),
            ("UserData", ""),
            ("CateId", ""),
            ("ReferenceId", ""),
        ]),
        req(&[
            ("MediaId", ID),
            ("Description", "\t\r\n\"\\"),
            ("Title", "😀 עברית"),
        ]),
    ];
    for r in requests {
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Request>(&text).unwrap(), r, "{text}");
    }
}

// ---- the response -------------------------------------------------------------------------------

#[test]
fn response_is_request_id_and_media_id() {
    let r = UpdateMediaInfoResponse {
        request_id: "5A3C-1F".to_owned(),
        media_id: p(ID),
    };
    both_ways(&r, json!({"RequestId": "5A3C-1F", "MediaId": ID}));
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        format!("{{\"RequestId\":\"5A3C-1F\",\"MediaId\":\"{ID}\"}}")
    );
    // Unknown fields are ignored; an invalid or missing MediaId is refused.
    assert_eq!(
        de::<UpdateMediaInfoResponse>(json!({"RequestId": "5A3C-1F", "MediaId": ID, "Code": "OK"})),
        r
    );
    de_err::<UpdateMediaInfoResponse>(
        json!({"RequestId": "x", "MediaId": "a*"}),
        "invalid MediaId: character '*' at byte 1 not allowed, only A-Z a-z 0-9 - _ in \"a*\"",
    );
    de_err::<UpdateMediaInfoResponse>(json!({"RequestId": "x"}), "missing field `MediaId`");
    de_err::<UpdateMediaInfoResponse>(json!({"MediaId": ID}), "missing field `RequestId`");
}

// ---- value types --------------------------------------------------------------------------------

#[track_caller]
fn string_value<T>(valid: &str, invalid: &str, message: &str)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug + std::str::FromStr<Err = ParamError>,
{
    both_ways(&p::<T>(valid), json!(valid));
    de_err::<T>(json!(invalid), message);
    de_err::<T>(json!(5), "invalid type: integer `5`, expected a string");
}

#[test]
fn value_types_are_strings_and_validate() {
    string_value::<MediaId>(ID, "", messages::MEDIA_ID_EMPTY);
    string_value::<InputUrl>(
        "oss://example-bucket/a%20b.mp4",
        "oss://example-bucket/a?b",
        "invalid InputURL: query not allowed at byte 22, drop the '?' and what follows (a signed URL is not an input URL) in \"oss://example-bucket/a?b\"",
    );
    string_value::<Title>("Intro 界", "", messages::TITLE_EMPTY);
    string_value::<Description>(
        "a\nb",
        "\u{1b}",
        "invalid Description: control character U+001B at byte 0 in \"<U+001B>\"",
    );
    string_value::<Category>(
        "news",
        &"c".repeat(65),
        "invalid Category: 65 bytes, at most 64 allowed",
    );
    string_value::<Tag>("sports", "a,b", messages::TAG_WITH_COMMA);
    string_value::<MediaTags>("a,b c,界", "a,", messages::SECOND_TAG_EMPTY);
    string_value::<CoverUrl>(
        "https://e.com/c.png",
        "https://e.com/a b",
        "invalid CoverURL: white space ' ' at byte 15 in \"https://e.com/a b\"",
    );
    string_value::<UserData>("{}", &"u".repeat(1025), messages::USER_DATA_1025_BYTES);
    string_value::<ReferenceId>("ref-000001", "ref.01", "invalid ReferenceId: character '.' at byte 3 not allowed, only A-Z a-z 0-9 - _ in \"ref.01\"");
    string_value::<BusinessType>("subtitles", "Subtitles", "invalid BusinessType: \"Subtitles\" is not a BusinessType; valid values: subtitles, font, watermark, opening, ending, general, default, cover, sticker, bgm, bgi");
    // MediaTags normalises as its FromStr does (the one rewrite: trimming around tags).
    assert_eq!(de::<MediaTags>(json!(" a , b,a")), p::<MediaTags>("a,b"));
    assert_eq!(ser(&de::<MediaTags>(json!(" a , b,a"))), json!("a,b"));
    // Strings with escapes in the JSON text go through the same check.
    assert_eq!(
        serde_json::from_str::<Title>("\"a\\u0009b\"")
            .unwrap_err()
            .to_string(),
        "invalid Title: control character U+0009 at byte 1 in \"a<U+0009>b\""
    );
}

#[test]
fn cate_id_is_a_number() {
    both_ways(&CateId::try_from(3048_i64).unwrap(), json!(3048));
    assert_eq!(
        de::<CateId>(json!("3048")),
        CateId::try_from(3048_i64).unwrap()
    );
    de_err::<CateId>(json!(0), messages::CATE_ID_0);
    de_err::<CateId>(
        json!("0x10"),
        "invalid CateId: \"0x10\" is not a decimal integer, only digits 0-9 allowed",
    );
    de_err::<CateId>(
        json!(null),
        "invalid CateId: null, expected a number or a string of digits",
    );
    de_err::<CateId>(
        json!(2.5),
        "invalid CateId: a number with a fraction or an exponent (read as 2.5), expected an integer",
    );
}

#[test]
fn param_and_error_code_are_their_names() {
    for param in UpdateMediaInfoRequest::PARAMS {
        both_ways(&param, json!(param.name()));
    }
    de_err::<Param>(
        json!("inputURL"),
        "unknown parameter \"inputURL\": not a parameter of UpdateMediaInfo or RegisterMediaInfo, did you mean InputURL",
    );
    for code in ErrorCode::ALL {
        both_ways(&code, json!(code.as_str()));
    }
    de_err::<ErrorCode>(json!("NotFound"), "unknown error code \"NotFound\"");
}

#[test]
fn field_and_tags_updates_and_targets_standalone() {
    both_ways(&FieldUpdate::<Title>::Keep, json!("Keep"));
    both_ways(&FieldUpdate::<Title>::Clear, json!("Clear"));
    both_ways(&FieldUpdate::Set(p::<Title>("T")), json!({"Set": "T"}));
    de_err::<FieldUpdate<Title>>(json!({"Set": ""}), messages::TITLE_EMPTY);
    both_ways(&TagsUpdate::Keep, json!("Keep"));
    both_ways(&TagsUpdate::Replace(p("a,b")), json!({"Replace": "a,b"}));
    both_ways(&TagsUpdate::Append(MediaTags::new()), json!({"Append": ""}));
    both_ways(&MediaTarget::InputUrl(p(URL)), json!({"InputURL": URL}));
    both_ways(
        &MediaTarget::MediaId {
            id: p(ID),
            input_url: Some(p(URL)),
        },
        json!({"MediaId": ID, "InputURL": URL}),
    );
    both_ways(
        &MediaTarget::MediaId {
            id: p(ID),
            input_url: None,
        },
        json!({"MediaId": ID}),
    );
    de_err::<MediaTarget>(json!({}), messages::MISSING_TARGET);
    // An empty MediaId or InputURL counts as absent, as it does in a request.
    assert_eq!(
        de::<MediaTarget>(json!({"MediaId": "", "InputURL": URL})),
        MediaTarget::InputUrl(p(URL))
    );
    assert_eq!(
        de::<MediaTarget>(json!({"MediaId": ID, "InputURL": null})),
        MediaTarget::MediaId {
            id: p(ID),
            input_url: None
        }
    );
    assert_eq!(
        de::<MediaTarget>(json!({"MediaId": "", "InputURL": URL})),
        de::<Request>(json!({"MediaId": "", "InputURL": URL})).target
    );
    de_err::<MediaTarget>(
        json!({"MediaId": "", "InputURL": ""}),
        messages::MISSING_TARGET,
    );
    de_err::<MediaTarget>(
        json!({"MediaId": "a b"}),
        "invalid MediaId: character ' ' at byte 1 not allowed, only A-Z a-z 0-9 - _ in \"a b\"",
    );
}

// ---- errors -------------------------------------------------------------------------------------

#[test]
fn errors_serialize_as_param_code_message() {
    let e = "x".repeat(131).parse::<Title>().unwrap_err();
    assert_eq!(
        ser(&e),
        json!({"param": "Title", "code": "InvalidParameter", "message": "invalid Title: 131 bytes, at most 128 allowed"})
    );
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        "{\"param\":\"Title\",\"code\":\"InvalidParameter\",\"message\":\"invalid Title: 131 bytes, at most 128 allowed\"}"
    );
    let e = Request::from_params([("Zzz", "")]).unwrap_err();
    assert_eq!(
        ser(&e),
        json!({
            "errors": [
                {"param": "MediaId", "code": "MissingParameter", "message": messages::MISSING_TARGET},
                {"param": "Zzz", "code": "InvalidParameter", "message": messages::UNKNOWN_ZZZ}
            ],
            "omitted": 0
        })
    );
    // 16 tags stored, one more appended: 17.
    let mut full = MediaInfo::new(p(ID), p(URL));
    full.media_tags = p(&(0..16)
        .map(|i| format!("t{i}"))
        .collect::<Vec<_>>()
        .join(","));
    let e = apply_update(
        &full,
        &req(&[
            ("MediaId", ID),
            ("MediaTags", "t16"),
            ("AppendTags", "true"),
        ]),
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            UpdateError::TooManyTags {
                max: 16,
                found: 17,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        ser(&e),
        json!({"param": "MediaTags", "code": "InvalidParameter", "message": messages::APPEND_17_TAGS})
    );
    let media = MediaInfo::new(p(ID), p(URL));
    let e = apply_update(&media, &req(&[("InputURL", "oss://example-bucket/x")])).unwrap_err();
    assert_eq!(ser(&e)["code"], json!("NoMatchedInputUrl"));
    assert_eq!(ser(&e)["param"], json!("InputURL"));
}

#[test]
fn request_json_values_of_the_wrong_type_name_their_parameter() {
    let err = |v: serde_json::Value| {
        serde_json::from_value::<UpdateMediaInfoRequest>(v)
            .unwrap_err()
            .to_string()
    };
    // An array or an object as a value: the parameter is named, the value skipped.
    assert_eq!(
        err(json!({"MediaId": "abc", "Title": ["a"]})),
        "invalid Title: an array, expected a string"
    );
    assert_eq!(
        err(json!({"MediaId": "abc", "Title": {"a": 1}})),
        "invalid Title: an object, expected a string"
    );
    // A target of the wrong type is invalid, not also missing.
    assert_eq!(
        err(json!({"MediaId": 123})),
        "invalid MediaId: 123, expected a string"
    );
    assert_eq!(
        err(json!({"InputURL": true, "Title": "x".repeat(129)})),
        "invalid InputURL: true, expected a string; invalid Title: 129 bytes, at most 128 allowed"
    );
}

/// JSON members are read as wire pairs are, whatever their value's type (the hostile
/// report's cases): a name is escaped in the message, an ignored common parameter's value is
/// neither checked nor quoted, an unknown name is unknown, a repeat is a repeat, a retired
/// parameter is retired.
#[test]
fn request_json_members_of_any_type_are_read_as_pairs_are() {
    let read = |text: &str| serde_json::from_str::<UpdateMediaInfoRequest>(text);
    let err = |text: &str| {
        let e = read(text).unwrap_err().to_string();
        // serde_json adds where the error was found.
        e.rsplit_once(" at line ")
            .map_or(e.clone(), |(m, _)| m.to_owned())
    };
    assert_eq!(
        err(r#"{"MediaId":"abc","Ti\ntle\u202e":1}"#),
        "unknown parameter \"Ti<U+000A>tle<U+202E>\": not a parameter of UpdateMediaInfo"
    );
    let r = read(r#"{"MediaId":"abc","Signature":123456789012,"BearerToken":{"a":[1]}}"#);
    assert_eq!(r.unwrap(), req(&[("MediaId", "abc")]));
    assert_eq!(
        err(r#"{"MediaId":"abc","Bogus":true}"#),
        "unknown parameter \"Bogus\": not a parameter of UpdateMediaInfo"
    );
    assert_eq!(
        err(r#"{"MediaId":"abc","Title":1,"Title":2}"#),
        messages::TITLE_TWICE
    );
    assert_eq!(
        err(r#"{"MediaId":"abc","Snapshots":["x"]}"#),
        "invalid Snapshots: a parameter of older SDK models, not of UpdateMediaInfo as \
         documented today, so it would not be applied"
    );
    assert_eq!(
        err(r#"{"MediaId":"abc","Action":7}"#),
        "invalid Action: 7, expected a string"
    );
    // The same problems, with the same kinds, as from the pairs.
    let pairs = UpdateMediaInfoRequest::from_params([
        ("MediaId", "abc"),
        ("Title", "x"),
        ("Title", "y"),
        ("Snapshots", "x"),
    ])
    .unwrap_err();
    assert_eq!(
        err(r#"{"MediaId":"abc","Title":1,"Title":[],"Snapshots":{}}"#),
        pairs.to_string()
    );
}
