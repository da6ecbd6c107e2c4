//! The JSON shapes of the `serde` feature, one section per type, each with an example.
//!
//! Every value type is a JSON string (`CateId` a number) read through its validating
//! constructor, so an invalid value never gets in through JSON either.
//!
//! # `UpdateMediaInfoRequest`
//!
//! An object with the wire names, read with exactly the rules of
//! [`UpdateMediaInfoRequest::from_params`](crate::UpdateMediaInfoRequest::from_params): absent
//! keeps, `null` or `""` clears, `AppendTags` a boolean or `"true"`/`"false"`, `CateId` a number
//! or a string of digits. Written with fields to keep absent and fields to clear `null`.
//!
//! Every member goes through the same checks as a wire pair, whatever the JSON type of its
//! value: a member given twice is "given 2 times", an unknown name is an unknown parameter, a
//! parameter of older SDK models is refused as such, the value of an ignored common parameter
//! (`Signature`, `BearerToken`, …) is neither checked nor quoted, and a value of a type the
//! parameter does not take (a number for `Title`, an array, an object) is
//! [`ParamErrorKind::WrongType`](crate::ParamErrorKind::WrongType) on that parameter. The
//! error's message is that of the [`RequestError`](crate::RequestError) the pairs would give.
//! JSON read through serde is bounded by the caller's body limit: the reader unescapes each
//! string before the crate sees it, so a service sets a limit on the body it reads.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use ims_media::UpdateMediaInfoRequest;
//! let r: UpdateMediaInfoRequest = serde_json::from_str(
//!     r#"{"MediaId": "2b36bd19c13f4145b094c0cad80dbce5", "Title": null, "CateId": 7, "AppendTags": true, "MediaTags": "a"}"#,
//! ).unwrap();
//! assert_eq!(
//!     serde_json::to_string(&r).unwrap(),
//!     r#"{"MediaId":"2b36bd19c13f4145b094c0cad80dbce5","Title":null,"MediaTags":"a","AppendTags":true,"CateId":7}"#
//! );
//! # }
//! ```
//!
//! # `MediaBasicInfo`, `GetMediaInfoResponse` and `MediaInfo`
//!
//! [`MediaBasicInfo`](crate::MediaBasicInfo) is the object GetMediaInfo, BatchGetMediaInfos and
//! SearchMedia return: every documented member with its wire name, unknown members ignored, a
//! repeated member refused, members not set omitted on output.
//! [`GetMediaInfoResponse`](crate::GetMediaInfoResponse) is the whole body,
//! `{"RequestId", "MediaInfo": {"MediaId", "MediaBasicInfo"}}`.
//! [`MediaInfo`](crate::MediaInfo) reads the same `MediaBasicInfo` JSON and derives the stored
//! asset (the cover without its signature); it writes its own members only.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use ims_media::{MediaBasicInfo, MediaInfo};
//! let json = r#"{"MediaId": "2b36bd19c13f4145b094c0cad80dbce5",
//!     "InputURL": "oss://example-bucket/a.mp4", "Status": "Normal", "CateId": 3048,
//!     "CoverURL": "https://example-bucket.oss-cn-shanghai.aliyuncs.com/c.png?Expires=1&OSSAccessKeyId=k&Signature=s"}"#;
//! let basic: MediaBasicInfo = serde_json::from_str(json).unwrap();
//! assert_eq!(basic.status.as_deref(), Some("Normal"));
//! let media: MediaInfo = serde_json::from_str(json).unwrap();
//! assert_eq!(
//!     serde_json::to_string(&media).unwrap(),
//!     r#"{"MediaId":"2b36bd19c13f4145b094c0cad80dbce5","InputURL":"oss://example-bucket/a.mp4","CoverURL":"https://example-bucket.oss-cn-shanghai.aliyuncs.com/c.png","CateId":3048}"#
//! );
//! # }
//! ```
//!
//! # `UpdateOutcome` and `MergePatch`
//!
//! [`UpdateOutcome`](crate::UpdateOutcome) is `{"media": <MediaBasicInfo>, "changed": ["Title",
//! …]}`; its [`MergePatch`](crate::MergePatch) is the RFC 7396 merge patch of `MediaBasicInfo`:
//! changed members with their new values, cleared ones `null`, `{}` when nothing changed.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use ims_media::{apply_update, MediaInfo, UpdateMediaInfoRequest};
//! let media: MediaInfo = serde_json::from_str(
//!     r#"{"MediaId": "2b36bd19c13f4145b094c0cad80dbce5", "InputURL": "oss://b12/a.mp4", "Title": "Old"}"#,
//! ).unwrap();
//! let request = UpdateMediaInfoRequest::from_query(
//!     "MediaId=2b36bd19c13f4145b094c0cad80dbce5&Title=&Category=news",
//! ).unwrap();
//! let outcome = apply_update(&media, &request).unwrap();
//! assert_eq!(
//!     serde_json::to_string(&outcome).unwrap(),
//!     r#"{"media":{"MediaId":"2b36bd19c13f4145b094c0cad80dbce5","InputURL":"oss://b12/a.mp4","Category":"news"},"changed":["Title","Category"]}"#
//! );
//! assert_eq!(
//!     serde_json::to_string(&outcome.merge_patch()).unwrap(),
//!     r#"{"Title":null,"Category":"news"}"#
//! );
//! # }
//! ```
//!
//! # Errors and error bodies
//!
//! [`ParamError`](crate::ParamError) and [`UpdateError`](crate::UpdateError) serialize as
//! `{"param", "code", "message"}`, [`RequestError`](crate::RequestError) as
//! `{"errors": […], "omitted": N}` (they are built only by this crate's checks, never read).
//! [`ErrorResponse`](crate::ErrorResponse) is the API's error body,
//! `{"RequestId", "HostId", "Code", "Message"}` and `"Recommend"` when set, read and written.
//! [`UpdateMediaInfoResponse`](crate::UpdateMediaInfoResponse) is `{"RequestId", "MediaId"}`.
//! These shapes, and those of `UpdateOutcome`, [`FieldUpdate`](crate::FieldUpdate) (`"Keep"`,
//! `"Clear"`, `{"Set": v}`) and [`TagsUpdate`](crate::TagsUpdate) (`"Keep"`,
//! `{"Replace": "a,b"}`, `{"Append": "a,b"}`), are serde's derived ones; inside a request a
//! field update follows the wire rules instead.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use ims_media::{Error, ErrorResponse, UpdateMediaInfoRequest};
//! let err = UpdateMediaInfoRequest::from_query("MediaId=abc&CateId=0").unwrap_err();
//! assert_eq!(
//!     serde_json::to_string(&err).unwrap(),
//!     r#"{"errors":[{"param":"CateId","code":"InvalidParameter","message":"invalid CateId: \"0\" out of range, 1 to 9223372036854775807 allowed"}],"omitted":0}"#
//! );
//! let body = ErrorResponse::new(&Error::from(err), "req-1", "ice.cn-shanghai.aliyuncs.com");
//! assert_eq!(
//!     serde_json::to_string(&body).unwrap(),
//!     r#"{"RequestId":"req-1","HostId":"ice.cn-shanghai.aliyuncs.com","Code":"InvalidParameter","Message":"invalid CateId: \"0\" out of range, 1 to 9223372036854775807 allowed"}"#
//! );
//! # }
//! ```
