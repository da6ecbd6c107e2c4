//! `RequestBuilder`: a request from a form's optional fields, with every problem collected as
//! `from_params` collects it.

use super::UpdateDraft;
use crate::wire::Collector;
use crate::{MediaTarget, Param, RequestError, UpdateMediaInfoRequest};

/// Builds an [`UpdateMediaInfoRequest`] field by field, e.g. from a web form whose fields are
/// `Option<&str>`: `None` leaves the field out (keep), `Some("")` clears it, `Some(value)` sets
/// it, exactly as the wire parameter would. Every problem is collected into one
/// [`RequestError`], the same errors in the same order as
/// [`UpdateMediaInfoRequest::from_params`] gives for the fields given as pairs.
///
/// Typed values need no builder: a request's fields are public
/// (`request.title = FieldUpdate::Set(title)`), and [`MediaTarget`] converts from a
/// [`MediaId`](crate::MediaId) or an [`InputUrl`](crate::InputUrl).
///
/// # Errors
///
/// [`RequestBuilder::build`] fails as `from_params` does:
///
/// ```
/// use ims_media::{Param, UpdateMediaInfoRequest};
/// let form = [
///     (Param::MediaId, Some("2b36bd19c13f4145b094c0cad80dbce5")),
///     (Param::Title, Some("")),
///     (Param::Category, None),
///     (Param::CateId, Some("x")),
///     (Param::ReferenceId, Some("abc")),
/// ];
/// let err = form
///     .iter()
///     .fold(UpdateMediaInfoRequest::builder(), |b, &(param, value)| b.field(param, value))
///     .build()
///     .unwrap_err();
/// let params: Vec<&str> = err.errors().iter().map(|e| e.param()).collect();
/// assert_eq!(params, ["CateId", "ReferenceId"]);
/// ```
#[derive(Default)]
pub struct RequestBuilder {
    collector: Collector<UpdateDraft>,
}

impl std::fmt::Debug for RequestBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestBuilder").finish_non_exhaustive()
    }
}

impl RequestBuilder {
    /// The field `param` of a form: `None` leaves it out, `Some(value)` is the wire parameter
    /// `param=value` (empty clears). Giving a field twice is the error a repeated parameter is.
    pub fn field(mut self, param: Param, value: Option<&str>) -> Self {
        if let Some(value) = value {
            self.collector.add(param.name(), Ok(value));
        }
        self
    }

    /// The target: `MediaId` (and `InputURL` with it), or `InputURL` alone.
    pub fn target(self, target: &MediaTarget) -> Self {
        match target {
            MediaTarget::MediaId { id, input_url } => self
                .field(Param::MediaId, Some(id.as_str()))
                .field(Param::InputUrl, input_url.as_ref().map(|u| u.as_str())),
            MediaTarget::InputUrl(url) => self.field(Param::InputUrl, Some(url.as_str())),
        }
    }

    /// The request, or every problem of the fields given.
    ///
    /// # Errors
    ///
    /// As [`UpdateMediaInfoRequest::from_params`].
    pub fn build(self) -> Result<UpdateMediaInfoRequest, RequestError> {
        let mut collector = self.collector;
        collector.finish()
    }
}

impl UpdateMediaInfoRequest {
    /// A [`RequestBuilder`] with no field given.
    pub fn builder() -> RequestBuilder {
        RequestBuilder::default()
    }
}
