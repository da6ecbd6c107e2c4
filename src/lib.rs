//! Validated types and the pure logic of the Alibaba Cloud Intelligent Media Services (IMS, API
//! `ice` 2020-11-09) operations **UpdateMediaInfo** and **RegisterMediaInfo**.
//!
//! ```
//! use ims_media::{apply_update, ErrorCode, MediaInfo, Param, UpdateMediaInfoRequest};
//! let mut media = MediaInfo::new(
//!     "2b36bd19c13f4145b094c0cad80dbce5".parse()?,
//!     "https://example-bucket.oss-cn-shanghai.aliyuncs.com/intro.mp4".parse()?,
//! );
//! media.media_tags = "news".parse()?;
//! // A request as the official SDKs send it: the InputURL in another form of the same object.
//! let request = UpdateMediaInfoRequest::from_query(
//!     "InputURL=oss%3A%2F%2Fexample-bucket%2Fintro.mp4&Title=Intro&MediaTags=sports&AppendTags=True",
//! )?;
//! let outcome = apply_update(&media, &request)?;
//! assert_eq!(outcome.changed, [Param::Title, Param::MediaTags]);
//! assert_eq!(outcome.media.media_tags.to_string(), "news,sports");
//!
//! // Every problem of a request at once, each naming its parameter, limit and value.
//! let err = UpdateMediaInfoRequest::from_query("Title=x&CateId=0").unwrap_err();
//! assert_eq!(err.errors()[0].code(), ErrorCode::MissingParameter);
//! assert_eq!(
//!     err.errors()[1].to_string(),
//!     "invalid CateId: \"0\" out of range, 1 to 9223372036854775807 allowed"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! No I/O: this crate is the domain logic a service implementing or proxying the operation
//! needs, and what a client needs to check a request before sending it.
//!
//! * Value types, one per parameter, that cannot hold an invalid value: [`MediaId`],
//!   [`InputUrl`], [`BusinessType`], [`Title`], [`Description`], [`Category`], [`Tag`] and
//!   [`MediaTags`], [`CoverUrl`], [`UserData`], [`CateId`], [`ReferenceId`]; the wire names
//!   in [`Param`].
//! * [`UpdateMediaInfoRequest`], parsed from wire parameters
//!   ([`UpdateMediaInfoRequest::from_params`], [`UpdateMediaInfoRequest::from_query`]) with
//!   every problem reported at once in a [`RequestError`], and written back
//!   ([`UpdateMediaInfoRequest::to_params`], [`UpdateMediaInfoRequest::to_query`]).
//! * [`MediaInfo`], the stored asset, and [`apply_update`], the pure, idempotent and atomic
//!   merge of a request into it.
//! * [`RegisterMediaInfoRequest`] and [`register`]: the registration of a file as a new
//!   asset, with its own value types ([`MediaType`], [`ClientToken`], [`RegisterConfig`],
//!   [`WorkflowId`], [`SmartTagTemplateId`]):
//!
//! ```
//! use ims_media::{register, MediaType, RegisterMediaInfoRequest};
//! let request = RegisterMediaInfoRequest::from_query(
//!     "InputURL=oss://example-bucket/videos/intro.mp4&Title=Intro&Overwrite=True",
//! )?;
//! let outcome = register(&request, "7a1c0e5f3b2d4c6e8f901a2b3c4d5e6f".parse()?, None)?;
//! assert_eq!(outcome.media.media_type, Some(MediaType::Video)); // inferred from .mp4
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The rules, numbered, are on the page [`rules`].
//!
//! # A service
//!
//! A service implementing or proxying the operations reads the request
//! ([`UpdateMediaInfoRequest::from_query`], or JSON with `serde`), finds the stored document
//! (`MediaTarget::matches_document`, feature `serde`), reads the asset from it
//! (`MediaInfo::from_document`, or [`GetMediaInfoResponse`] / [`MediaBasicInfo`] and
//! [`MediaInfo::try_from`]: a document found but unreadable is [`Error::StoredDocument`] or
//! [`Error::StoredAsset`], `InternalError`, never "not found"), applies the update
//! ([`apply_update`]), stores it back as a merge patch (`MergePatch::apply_to_document`,
//! which leaves every member the crate does not model alone), and answers
//! [`UpdateMediaInfoResponse`] or [`ErrorResponse`] with its HTTP status. The whole handler
//! is `examples/service_handler.rs` (`cargo run --example service_handler`); a registration
//! goes through [`register`] and [`RegisterOutcome::document`] the same way.
//!
//! # A client
//!
//! A client builds a request field by field ([`UpdateMediaInfoRequest::builder`], every
//! problem reported at once), or as the difference between two states of an asset
//! ([`UpdateMediaInfoRequest::diff`]), checks it before sending, and sends
//! [`UpdateMediaInfoRequest::to_params`] or [`UpdateMediaInfoRequest::to_query`] through the
//! official SDK; a form's pairs go straight into [`UpdateMediaInfoRequest::from_params`].
//!
//! # Testing with the crate
//!
//! With `proptest`, [`strategy`](crate#features) has a strategy for every type, aimed
//! requests, broken requests with the problems they must give, and typical requests for
//! benchmarks; with `arbitrary`, every type implements `Arbitrary` for cargo-fuzz, and
//! `fuzzing` (feature `arbitrary`) says what the generated values are, with
//! `UpdateMediaInfoRequest::arbitrary_for` for updates aimed at an asset.
//!
//! # Rules everywhere
//!
//! * **Absent, empty, set.** An absent parameter leaves its field unchanged; one present and
//!   empty clears it; a value sets it. An empty `MediaId`, `InputURL` or `AppendTags` counts
//!   as absent. Value types are never empty: clearing is [`FieldUpdate::Clear`] in a request
//!   and `None` in [`MediaInfo`].
//! * **Verbatim.** Values are never trimmed, case-folded, normalised or truncated; the one
//!   rewrite is the trimming of white space around each tag of a `MediaTags` list.
//!   Truncation exists only as the explicit `truncated` constructors.
//! * **Bytes.** Limits count the UTF-8 bytes of the value after decoding the wire format; a
//!   value exactly at the limit is valid.
//! * **Errors.** Every refusal names the parameter by its wire name, the limit and what was
//!   found; nothing panics on input.
//!
//! # Traits of the value types
//!
//! | type | from a string | compares with `str` | other |
//! |---|---|---|---|
//! | [`MediaId`], [`ReferenceId`], [`Title`], [`Description`], [`Category`], [`UserData`], [`Tag`], [`ClientToken`], [`WorkflowId`], [`SmartTagTemplateId`] | `FromStr`, `TryFrom<&str>`, `TryFrom<String>` | `==` `str` and `&str`, as written | `Display`, `AsRef<str>`, `Hash`, `From<T> for String`; `from_static` for literals |
//! | [`CoverUrl`], [`InputUrl`] | `FromStr`, `TryFrom<&str>`, `TryFrom<String>` | `==` `str` and `&str`, as written | `Display`, `AsRef<str>`, `Hash`, `From<T> for String` |
//! | [`MediaType`] | `FromStr`, `TryFrom<&str>`, `TryFrom<String>` | `==` `str` and `&str` | `Copy`, `Display`, `ALL`, `from_extension` |
//! | [`RegisterConfig`] | `FromStr`, `TryFrom<&str>`, `TryFrom<String>` | | `Display` (compact JSON), public fields |
//! | [`BusinessType`] | `FromStr`, `TryFrom<&str>`, `TryFrom<String>` | `==` `str` and `&str` | `Copy`, `Display`, `ALL` |
//! | [`CateId`] | `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `TryFrom<i64>` | | `Copy`, `Display`, `From<CateId> for i64` |
//! | [`MediaTags`] | `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `TryFrom<Vec<Tag>>` | | `Display` (`a,b`), `try_append` |
//! | [`Param`] | `FromStr` (an unknown name is the [`ParamError`] a request gives) | | `Copy`, `Display`, `ALL` |
//!
//! All are `Send + Sync + Clone + Debug + Eq`; with `serde` they are JSON strings (`CateId` a
//! number), with `proptest` and `arbitrary` they have generators of valid values.
//!
//! # Features
//!
//! * `serde`: JSON in the API's shapes, described with examples in [`json`].
//! * `proptest`: the module `strategy` with generators for every type (it enables
//!   `arbitrary`: both draw on one generator).
//! * `arbitrary`: `arbitrary::Arbitrary` for every type; the module `fuzzing` is its guide.
#![forbid(unsafe_code)]
// Where a local invariant makes a case impossible, an `expect` naming it is the code: fuzzing
// and the properties find it if it is wrong, where a silent default would turn the bug into
// an empty value. `unwrap` stays refused: every `expect` says why it holds.
#![allow(clippy::expect_used)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The layout: value types (`value`), the wire (`wire`: reading and writing parameters, the
// names every operation shares), the parameter table (`param`), one module per operation
// (`update`: request, domain function, response), the stored asset (`media`) and what the API
// answers (`response`), and the integrations with other crates under `external`.
mod error;
mod media;
mod param;
mod register;
mod response;
mod update;
mod value;
mod wire;

#[cfg(feature = "arbitrary")]
#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
#[path = "external/arbitrary.rs"]
pub mod fuzzing;
#[cfg(any(feature = "arbitrary", feature = "proptest"))]
#[path = "external/generate.rs"]
mod generate;
pub mod json;
#[doc = include_str!("rules.md")]
pub mod rules {}
#[cfg(feature = "serde")]
#[path = "external/serde.rs"]
mod serde;
#[cfg(feature = "proptest")]
#[path = "external/strategy/mod.rs"]
pub mod strategy;

pub use error::{
    Error, ErrorCode, Excerpt, ParamError, ParamErrorKind, RegisterError, RequestError, Unit,
    UpdateError, UrlError,
};
pub use media::MediaInfo;
pub use param::Param;
pub use register::{register, RegisterMediaInfoRequest, RegisterOutcome};
pub use response::{ErrorResponse, GetMediaInfoResponse, MediaBasicInfo, MergePatch};
pub use update::{
    apply_update, DiffError, FieldUpdate, MediaTarget, RequestBuilder, TagsUpdate,
    UpdateMediaInfoRequest, UpdateMediaInfoResponse, UpdateOutcome,
};
pub use value::business_type::BusinessType;
pub use value::cate_id::CateId;
pub use value::cover_url::CoverUrl;
pub use value::ids::{ClientToken, MediaId, ReferenceId, SmartTagTemplateId, WorkflowId};
pub use value::input_url::InputUrl;
pub use value::media_type::MediaType;
pub use value::register_config::RegisterConfig;
pub use value::tags::{MediaTags, Tag};
pub use value::text_fields::{Category, Description, Title, UserData};
pub use wire::WirePair;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
