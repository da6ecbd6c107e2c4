//! A complete UpdateMediaInfo handler over a store of `MediaBasicInfo` JSON documents, the
//! way a service implementing or proxying the operation writes it: the raw query in; the asset
//! looked up by MediaId or InputURL; the update applied and stored back as an RFC 7396 merge
//! patch (members the crate does not model are left alone); the response body, or the API's
//! error body with its HTTP status, out.
//!
//! A document found for a request but unreadable as an asset is answered as the service's
//! fault (500 `InternalError`), never hidden behind "not found".
//!
//! `cargo run --example service_handler` runs five requests against a store of three
//! documents, two of them corrupt.

use ims_media::MediaTarget;
use ims_media::{apply_update, Error, ErrorResponse, InputUrl, MediaBasicInfo, MediaInfo};
use ims_media::{UpdateError, UpdateMediaInfoRequest, UpdateMediaInfoResponse};
use serde_json::{json, Value};

// ---- the handler: 50 lines -------------------------------------------------------------------

/// Answers one request: the HTTP status and the JSON body.
fn handle(store: &mut [Value], query: &str, request_id: &str) -> (u16, String) {
    let body = match update(store, query) {
        Ok(media_id) => serde_json::to_string(&UpdateMediaInfoResponse {
            request_id: request_id.to_owned(),
            media_id,
        }),
        Err(e) => {
            let body = ErrorResponse::new(&e, request_id, "ice.cn-shanghai.aliyuncs.com");
            return (
                body.http_status(),
                serde_json::to_string(&body).unwrap_or_default(),
            );
        }
    };
    (200, body.unwrap_or_default())
}

fn update(store: &mut [Value], query: &str) -> Result<ims_media::MediaId, Error> {
    let request = UpdateMediaInfoRequest::from_query(query)?;
    let doc = store
        .iter_mut()
        .find(|doc| is_target(doc, &request.target))
        .ok_or_else(|| UpdateError::not_found(&request.target))?;
    // Found but unreadable is the service's fault (500 InternalError), never "not found".
    let basic: MediaBasicInfo = serde_json::from_value(doc.clone())
        .map_err(|e| Error::StoredDocument(e.to_string().into()))?;
    let media = MediaInfo::try_from(&basic).map_err(Error::StoredAsset)?;
    let outcome = apply_update(&media, &request)?;
    let patch = serde_json::to_value(outcome.merge_patch())
        .map_err(|e| Error::StoredDocument(e.to_string().into()))?;
    json_patch::merge(doc, &patch);
    Ok(outcome.media.media_id)
}

/// Whether a stored document is the request's target, read from its `MediaId` and `InputURL`
/// members alone (the object its InputURL names, in any form), so that a document whose other
/// members cannot be read is still found.
fn is_target(doc: &Value, target: &MediaTarget) -> bool {
    let member = |name: &str| doc.get(name).and_then(Value::as_str);
    match target {
        MediaTarget::MediaId { id, .. } => member("MediaId") == Some(id.as_str()),
        MediaTarget::InputUrl(url) => member("InputURL")
            .and_then(|s| s.parse::<InputUrl>().ok())
            .is_some_and(|stored| stored.same_object(url)),
    }
}

// ---- a run ---------------------------------------------------------------------------------

fn main() {
    let mut store = vec![
        json!({
            "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
            "InputURL": "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4",
            "Title": "Intro", "Description": "old", "MediaTags": "news", "CateId": 3048,
            "Status": "Normal", "FileInfoList": [{"FileBasicInfo": {"FileName": "intro.mp4"}}]
        }),
        json!({
            // Corrupt: a CateId with a sign (unreadable), and a cover that is no URL (no asset).
            "MediaId": "0000000000000000000000000000000b", "InputURL": "oss://example-bucket/b.mp4",
            "CateId": "+5"
        }),
        json!({
            "MediaId": "0000000000000000000000000000000c", "InputURL": "oss://example-bucket/c.mp4",
            "CoverURL": "not a URL"
        }),
    ];
    let requests = [
        // By InputURL in the oss:// form: the same object as the stored https:// URL.
        "InputURL=oss%3A%2F%2Fexample-bucket%2Fvideos%2Fintro.mp4&Title=Opening&Description=\
         &MediaTags=sports&AppendTags=true",
        "MediaId=0000000000000000000000000000000a&Title=x",
        "MediaId=2b36bd19c13f4145b094c0cad80dbce5&Title=%07bell&CateId=-1",
        // Found, but the stored documents cannot be read as assets: the service's fault.
        "MediaId=0000000000000000000000000000000b&Title=x",
        "InputURL=oss%3A%2F%2Fexample-bucket%2Fc.mp4&Title=x",
    ];
    for (i, query) in requests.iter().enumerate() {
        let (status, body) = handle(&mut store, query, &format!("request-{i}"));
        println!("{query}\n  -> {status} {body}\n");
    }
    println!(
        "stored: {}",
        serde_json::to_string_pretty(&store).unwrap_or_default()
    );
}
