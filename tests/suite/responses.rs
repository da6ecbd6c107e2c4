//! Response documents of the IMS API reference (GetMediaInfo, BatchGetMediaInfos,
//! SearchMedia, and operations returning the same `MediaBasicInfo`), copied verbatim into
//! `tests/data/responses/` (sources in `SOURCES.md` there): every `MediaBasicInfo` is read
//! without loss, its cover recovered without the signature, the signed URL still available.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ims_media::{CoverUrl, GetMediaInfoResponse, MediaBasicInfo, MediaInfo, Param, ParamErrorKind};
use serde_json::{Map, Value};

const DOCUMENTS: [(&str, &str); 8] = [
    (
        "get_media_info.api_reference.json",
        include_str!("../data/responses/get_media_info.api_reference.json"),
    ),
    (
        "get_media_info.derived_v4.json",
        include_str!("../data/responses/get_media_info.derived_v4.json"),
    ),
    (
        "batch_get_media_infos.api_reference.json",
        include_str!("../data/responses/batch_get_media_infos.api_reference.json"),
    ),
    (
        "search_media.api_reference.json",
        include_str!("../data/responses/search_media.api_reference.json"),
    ),
    (
        "related.get_public_media_info.api_reference.json",
        include_str!("../data/responses/related.get_public_media_info.api_reference.json"),
    ),
    (
        "related.list_media_basic_infos.api_reference.json",
        include_str!("../data/responses/related.list_media_basic_infos.api_reference.json"),
    ),
    (
        "related.list_public_media_basic_infos.api_reference.json",
        include_str!("../data/responses/related.list_public_media_basic_infos.api_reference.json"),
    ),
    (
        "related.search_public_media_info.api_reference.json",
        include_str!("../data/responses/related.search_public_media_info.api_reference.json"),
    ),
];

/// Every `MediaBasicInfo` object anywhere in `v`.
fn basic_infos<'a>(v: &'a Value, found: &mut Vec<&'a Map<String, Value>>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                match (k.as_str(), x) {
                    ("MediaBasicInfo", Value::Object(basic)) => found.push(basic),
                    _ => basic_infos(x, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| basic_infos(x, found)),
        _ => {}
    }
}

/// The documents mask IDs with `*` (`****20b48fb04483915d4f2cd8ac****`), which no ID holds.
fn unmasked(basic: &MediaBasicInfo) -> MediaBasicInfo {
    let mut b = basic.clone();
    b.media_id = b.media_id.map(|id| id.replace('*', "0"));
    b
}

/// The URL without its query: what the V1 and V4 signed covers of these documents become,
/// since every query parameter in them is a signature parameter.
fn without_query(url: &str) -> &str {
    url.split('?').next().unwrap()
}

#[test]
fn every_media_basic_info_is_read_without_loss() {
    let mut count = 0;
    let mut signed_v1 = 0;
    let mut signed_v4 = 0;
    for (file, text) in DOCUMENTS {
        let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut found = Vec::new();
        basic_infos(&doc, &mut found);
        assert!(!found.is_empty(), "{file}: no MediaBasicInfo");
        for object in found {
            count += 1;
            // Every member the document has is one the type models.
            for name in object.keys() {
                assert!(
                    MediaBasicInfo::MEMBERS.contains(&name.as_str()),
                    "{file}: member {name} not modelled"
                );
            }
            let basic: MediaBasicInfo = serde_json::from_value(Value::Object(object.clone()))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            // Written back, it is the document's object: nothing lost, nothing changed.
            assert_eq!(
                serde_json::to_value(&basic).unwrap(),
                Value::Object(object.clone()),
                "{file}"
            );
            // The signed cover stays available as it was sent, for display.
            let signed = object["CoverURL"].as_str().unwrap();
            assert_eq!(basic.cover_url.as_deref(), Some(signed), "{file}");
            signed_v1 += usize::from(signed.contains("OSSAccessKeyId="));
            signed_v4 += usize::from(signed.contains("x-oss-signature="));
            // The stored cover is the URL without its signature.
            let cover = CoverUrl::from_signed(signed).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(cover.as_str(), without_query(signed), "{file}");
            assert!(cover.as_str().len() <= CoverUrl::MAX_BYTES);
        }
    }
    assert_eq!(count, 8);
    assert!(signed_v1 >= 6, "{signed_v1} V1-signed covers");
    assert_eq!(signed_v4, 1);
}

#[test]
fn the_stored_asset_is_derived_from_each_document() {
    let mut derived = 0;
    for (file, text) in DOCUMENTS {
        let doc: Value = serde_json::from_str(text).unwrap();
        let mut found = Vec::new();
        basic_infos(&doc, &mut found);
        for object in found {
            let basic: MediaBasicInfo =
                serde_json::from_value(Value::Object(object.clone())).unwrap();
            let masked = basic.media_id.as_deref().is_some_and(|id| id.contains('*'));
            if masked {
                // The documentation's masked ID is refused, naming the character.
                let err = MediaInfo::try_from(&basic).unwrap_err();
                assert_eq!(err.known_param(), Some(Param::MediaId), "{file}");
                assert!(
                    matches!(err.kind(), ParamErrorKind::InvalidCharacter { ch: '*', .. }),
                    "{file}: {err}"
                );
            }
            let basic = unmasked(&basic);
            if basic.input_url.is_none() {
                // Public library assets have no InputURL: not an asset one can update.
                let err = MediaInfo::try_from(&basic).unwrap_err();
                assert_eq!(
                    (err.param(), err.kind()),
                    ("InputURL", &ParamErrorKind::Absent),
                    "{file}"
                );
                continue;
            }
            let media = MediaInfo::try_from(&basic).unwrap_or_else(|e| panic!("{file}: {e}"));
            derived += 1;
            let signed = basic.cover_url.as_deref().unwrap();
            assert_eq!(
                media.cover_url.as_ref().map(CoverUrl::as_str),
                Some(without_query(signed)),
                "{file}"
            );
            assert_eq!(
                media.title.as_ref().unwrap().as_str(),
                object["Title"],
                "{file}"
            );
            assert_eq!(
                media.cate_id.map(|c| c.get()),
                object.get("CateId").and_then(Value::as_i64),
                "{file}"
            );
            // Reading a MediaInfo straight from the JSON is the same derivation.
            let mut object = object.clone();
            object.insert("MediaId".into(), basic.media_id.clone().unwrap().into());
            let direct: MediaInfo = serde_json::from_value(Value::Object(object)).unwrap();
            assert_eq!(direct, media, "{file}");
        }
    }
    assert_eq!(derived, 6);
}

#[test]
fn get_media_info_bodies_are_read_whole() {
    for (file, text) in &DOCUMENTS[..2] {
        let response: GetMediaInfoResponse =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let doc: Value = serde_json::from_str(text).unwrap();
        assert_eq!(response.request_id, doc["RequestId"], "{file}");
        assert_eq!(
            response.media_id.as_deref(),
            doc["MediaInfo"]["MediaId"].as_str(),
            "{file}"
        );
        assert_eq!(response.media_basic_info.status.as_deref(), Some("Normal"));
        assert_eq!(response.media_basic_info.cate_id, Some(3048));
        // The masked ID of the documentation is the one problem of the asset.
        let err = response.media().unwrap_err();
        assert_eq!(err.param(), "MediaId", "{file}");
        // Written back whole: nothing of the document is lost, FileInfoList included.
        assert!(doc["MediaInfo"]["FileInfoList"].is_array(), "{file}");
        let back = serde_json::to_value(&response).unwrap();
        assert_eq!(back, doc, "{file}");
        assert_eq!(
            response.media_info_members["FileInfoList"],
            doc["MediaInfo"]["FileInfoList"]
        );
    }
}

#[test]
fn signature_parameters_are_removed_and_others_kept_in_order() {
    let cases = [
        // V1, as GetMediaInfo returns it.
        (
            "http://b.oss-cn-shanghai.aliyuncs.com/a.png?Expires=1700000000&OSSAccessKeyId=LTAI5t&Signature=abc%2B%3D&security-token=CAIS",
            "http://b.oss-cn-shanghai.aliyuncs.com/a.png",
        ),
        // V4, every parameter of it.
        (
            "https://b.oss-cn-hangzhou.aliyuncs.com/a.png?x-oss-additional-headers=host&x-oss-credential=LTAI%2F20241203%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20241203T034420Z&x-oss-expires=86400&x-oss-signature=70c5&x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-security-token=CAIS",
            "https://b.oss-cn-hangzhou.aliyuncs.com/a.png",
        ),
        // Other parameters kept in their order, around and between the signature.
        (
            "https://b.example.com/a.png?x-oss-process=image%2Fresize%2Cw_100&Expires=1&v=2&OSSAccessKeyId=k&Signature=s",
            "https://b.example.com/a.png?x-oss-process=image%2Fresize%2Cw_100&v=2",
        ),
        // A fragment stays; names are matched exactly (case and all).
        (
            "https://b.example.com/a.png?signature=x&Expires=1&OSSAccessKeyId=k&Signature=s#top",
            "https://b.example.com/a.png?signature=x#top",
        ),
        (
            "https://b.example.com/a.png?x-oss-signature-version=OSS4-HMAC-SHA256#top",
            "https://b.example.com/a.png#top",
        ),
        // Not signed by OSS (no OSSAccessKeyId with the Signature, no V4 version): as it is,
        // another CDN's signature included.
        ("https://b.example.com/a.png?Expires=1#top", "https://b.example.com/a.png?Expires=1#top"),
        ("https://b.example.com/a.png?Signature=x", "https://b.example.com/a.png?Signature=x"),
        (
            "https://cdn.example.com/c.png?Expires=1700000000&Key-Pair-Id=K1",
            "https://cdn.example.com/c.png?Expires=1700000000&Key-Pair-Id=K1",
        ),
        ("https://b.example.com/a.png?v=1", "https://b.example.com/a.png?v=1"),
        ("https://b.example.com/a.png", "https://b.example.com/a.png"),
        // Only the query is read: what looks like one in the fragment is the fragment's.
        ("https://example.com/a.png#x?Signature=1", "https://example.com/a.png#x?Signature=1"),
        (
            "https://example.com/a.png#x?OSSAccessKeyId=k&Signature=1",
            "https://example.com/a.png#x?OSSAccessKeyId=k&Signature=1",
        ),
    ];
    for (signed, stored) in cases {
        assert_eq!(
            CoverUrl::from_signed(signed).unwrap().as_str(),
            stored,
            "{signed}"
        );
    }
    // Still too long without the signature: refused with the length after removal.
    let long = format!(
        "https://b.example.com/{}.png?OSSAccessKeyId=k&Signature=x",
        "a".repeat(120)
    );
    let err = CoverUrl::from_signed(&long).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid CoverURL: 146 bytes, at most 128 allowed"
    );
    // A huge signed URL is measured, not copied: its length after the removal is reported.
    let huge = format!(
        "https://b.example.com/a.png?OSSAccessKeyId=k&Signature=x&v={}",
        "a".repeat(16 << 20)
    );
    let err = CoverUrl::from_signed(&huge).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "invalid CoverURL: {} bytes, at most 128 allowed",
            huge.len() - "OSSAccessKeyId=k&Signature=x&".len()
        )
    );
}

#[test]
fn a_stored_asset_writes_back_into_the_response_members() {
    let doc: Value = serde_json::from_str(DOCUMENTS[0].1).unwrap();
    let object = doc["MediaInfo"]["MediaBasicInfo"].clone();
    let basic = unmasked(&serde_json::from_value(object).unwrap());
    let mut media = MediaInfo::try_from(&basic).unwrap();
    // Unchanged: written back, every member is as it was, the signed cover included.
    let mut same = basic.clone();
    same.set_writable(&media);
    assert_eq!(same, basic);
    // A new title and no cover: those two members change, nothing else.
    media.title = Some("新标题".parse().unwrap());
    media.cover_url = None;
    let mut changed = basic.clone();
    changed.set_writable(&media);
    assert_eq!(changed.title.as_deref(), Some("新标题"));
    assert_eq!(changed.cover_url, None);
    changed.title = basic.title.clone();
    changed.cover_url = basic.cover_url.clone();
    assert_eq!(changed, basic);
    // From the stored asset alone: its members, no read-only ones.
    let fresh = MediaBasicInfo::from(&media);
    assert_eq!(fresh.status, None);
    assert_eq!(MediaInfo::try_from(&fresh).unwrap(), media);
}
