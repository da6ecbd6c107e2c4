//! Validated types and the pure update logic of the Alibaba Cloud Intelligent Media Services
//! (IMS, API `ice` 2020-11-09) operation **UpdateMediaInfo**.
//!
//! No I/O: this crate is the domain logic a service implementing or proxying the operation
//! needs, and what a client needs to check a request before sending it.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]

mod error;
mod param;
mod percent;
mod text;
mod value;

pub use error::{
    ErrorCode, Excerpt, ParamError, ParamErrorKind, RequestError, Unit, UpdateError, UrlError,
};
pub use param::{Param, UnknownParam};
pub use value::business_type::BusinessType;
pub use value::tags::{MediaTags, Tag};
pub use value::text_fields::{Category, Description, Title, UserData};
pub use value::input_url::InputUrl;
pub use value::cate_id::CateId;
pub use value::cover_url::CoverUrl;
pub use value::ids::{MediaId, ReferenceId};
