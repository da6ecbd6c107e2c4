//! UpdateMediaInfo: its request ([`UpdateMediaInfoRequest`], read from the wire by the
//! collector of [`crate::wire`] and written back), its domain function ([`apply_update`]), the
//! request between two states ([`UpdateMediaInfoRequest::diff`]), a builder for forms, and its
//! response.

mod apply;
mod builder;
mod diff;
mod request;

pub use apply::{apply_update, UpdateOutcome};
pub use builder::RequestBuilder;
pub use diff::DiffError;
pub(crate) use request::UpdateDraft;
pub use request::{FieldUpdate, MediaTarget, TagsUpdate, UpdateMediaInfoRequest};

use crate::MediaId;

/// The response of UpdateMediaInfo: `{"RequestId": …, "MediaId": …}` (with the `serde`
/// feature).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "PascalCase"))]
pub struct UpdateMediaInfoResponse {
    /// `RequestId`: the ID IMS gives the call; any string.
    pub request_id: String,
    /// `MediaId`: the updated asset.
    pub media_id: MediaId,
}
