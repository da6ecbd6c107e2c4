//! A complete UpdateMediaInfo handler over a store of `MediaBasicInfo` JSON documents, the
//! way a service implementing or proxying the operation writes it: the raw query in; the asset
//! looked up by MediaId or InputURL; the update applied and stored back into the
//! `serde_json::Value` document as an RFC 7396 merge patch (members the crate does not model,
//! `FileInfoList` among them, are left alone), `ModifiedTime` set when something changed; the
//! response body, or the API's error body with its HTTP status, out. Nothing but the crate's
//! calls stands between the store and the request.
//!
//! A document found for a request but unreadable as an asset is answered as the service's
//! fault (500 `InternalError`), never hidden behind "not found".
//!
//! `cargo run --example service_handler` runs five requests against a store of three
//! documents, two of them corrupt.

// An invariant that cannot fail is stated with `expect`, as in the library.
#![allow(clippy::expect_used)]

use ims_media::{apply_update, Error, ErrorResponse, MediaInfo};
use ims_media::{UpdateError, UpdateMediaInfoRequest, UpdateMediaInfoResponse};
use serde_json::{json, Value};

// ---- the handler: 35 lines -------------------------------------------------------------------

/// Answers one request: the HTTP status and the JSON body.
fn handle(store: &mut [Value], query: &str, request_id: &str) -> (u16, String) {
    // The crate's bodies are strings and numbers under string names: writing them cannot fail.
    const WRITABLE: &str = "a response body is strings and numbers under string names";
    match update(store, query) {
        Ok(media_id) => {
            let body = UpdateMediaInfoResponse {
                request_id: request_id.to_owned(),
                media_id,
            };
            (200, serde_json::to_string(&body).expect(WRITABLE))
        }
        Err(e) => {
            let body = ErrorResponse::new(&e, request_id, "ice.cn-shanghai.aliyuncs.com");
            (
                body.http_status(),
                serde_json::to_string(&body).expect(WRITABLE),
            )
        }
    }
}

fn update(store: &mut [Value], query: &str) -> Result<ims_media::MediaId, Error> {
    let request = UpdateMediaInfoRequest::from_query(query)?;
    // Found by its MediaId and InputURL members alone, so that a corrupt document is found.
    let doc = store
        .iter_mut()
        .find(|doc| request.target.matches_document(doc))
        .ok_or_else(|| UpdateError::not_found(&request.target))?;
    // Found but unreadable is the service's fault (500 InternalError), never "not found".
    let media = MediaInfo::from_document(doc)?;
    let outcome = apply_update(&media, &request)?;
    let patch = outcome.merge_patch();
    // Only the changed members: FileInfoList, Status and the rest stay as stored.
    patch.apply_to_document(doc);
    if !patch.is_empty() {
        doc["ModifiedTime"] = Value::from(now());
    }
    Ok(outcome.media.media_id)
}

/// The time of the change as GetMediaInfo writes it (fixed here, so that a run prints the same).
fn now() -> &'static str {
    "2026-12-04T12:00:00Z"
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
        serde_json::to_string_pretty(&store).expect("JSON values serialize")
    );
}
