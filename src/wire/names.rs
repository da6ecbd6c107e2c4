//! Names on the wire: the RPC common parameters every operation accepts, and the "did you
//! mean" hint for an unknown name.

use crate::Param;

/// The common parameters of the RPC protocol that real clients send beside an operation's
/// own: the eleven documented ones, then `SignatureType` (sent by the core SDKs, empty or
/// `BEARERTOKEN`) and `BearerToken`. `Action` and `Version` are checked, the others ignored.
pub(crate) const COMMON: [&str; 13] = [
    "Action",
    "Version",
    "Format",
    "RegionId",
    "AccessKeyId",
    "SecurityToken",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SignatureType",
    "BearerToken",
];

/// The API version every operation of this crate belongs to.
pub(crate) const VERSION: &str = "2020-11-09";

/// The name of the operation's parameters or of the common parameters that an unknown
/// `name` is closest to ([`crate::param::closest`]).
pub(crate) fn suggestion(name: &str, params: &[Param]) -> Option<&'static str> {
    crate::param::closest(name, params.iter().map(|p| p.name()).chain(COMMON))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_cover_the_operation_and_the_common_parameters() {
        assert_eq!(suggestion("title", &Param::ALL), Some("Title"));
        assert_eq!(suggestion("MediaID", &Param::ALL), Some("MediaId"));
        assert_eq!(suggestion("InputUrl", &Param::ALL), Some("InputURL"));
        assert_eq!(suggestion("Zzzzz", &Param::ALL), None);
        assert_eq!(suggestion("Versoin", &[]), Some("Version"));
        assert_eq!(suggestion("Title", &[]), None);
    }
}
