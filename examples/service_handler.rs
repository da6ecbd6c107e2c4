//! A complete UpdateMediaInfo handler over a store of `MediaBasicInfo` JSON documents, the
//! way a service implementing or proxying the operation writes it: the raw query in; the asset
//! looked up by MediaId or InputURL; the update applied and stored back as an RFC 7396 merge
//! patch (members the crate does not model are left alone); the response body, or the API's
//! error body with its HTTP status, out.
//!
//! `cargo run --example service_handler` runs three requests against a store of one asset.

use ims_media::{apply_update, Error, ErrorResponse, MediaBasicInfo, MediaInfo, MediaTarget};
use ims_media::{UpdateError, UpdateMediaInfoRequest, UpdateMediaInfoResponse};
use serde_json::{json, Value};

// ---- the handler: 40 lines -------------------------------------------------------------------

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
    // The stored asset: by MediaId, or by the object its InputURL names, in any form.
    let read = |doc: &Value| serde_json::from_value::<MediaBasicInfo>(doc.clone()).ok();
    let found = store.iter_mut().find_map(|doc| {
        let media = MediaInfo::try_from(&read(doc)?);
        let hit = match (&request.target, &media) {
            (MediaTarget::MediaId { id, .. }, Ok(m)) => m.media_id == *id,
            (MediaTarget::InputUrl(url), Ok(m)) => m.input_url.same_object(url),
            (_, Err(_)) => false,
        };
        hit.then_some((doc, media))
    });
    let (doc, media) = found.ok_or_else(|| UpdateError::not_found(&request.target))?;
    let media = media.map_err(Error::StoredAsset)?;
    let outcome = apply_update(&media, &request)?;
    let patch = serde_json::to_value(outcome.merge_patch()).unwrap_or_default();
    json_patch::merge(doc, &patch);
    Ok(outcome.media.media_id)
}

// ---- a run ---------------------------------------------------------------------------------

fn main() {
    let mut store = vec![json!({
        "MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
        "InputURL": "https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/intro.mp4",
        "Title": "Intro", "Description": "old", "MediaTags": "news", "CateId": 3048,
        "Status": "Normal", "FileInfoList": [{"FileBasicInfo": {"FileName": "intro.mp4"}}]
    })];
    let requests = [
        // By InputURL in the oss:// form: the same object as the stored https:// URL.
        "InputURL=oss%3A%2F%2Fexample-bucket%2Fvideos%2Fintro.mp4&Title=Opening&Description=\
         &MediaTags=sports&AppendTags=true",
        "MediaId=0000000000000000000000000000000a&Title=x",
        "MediaId=2b36bd19c13f4145b094c0cad80dbce5&Title=%07bell&CateId=-1",
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
