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

/// The known name an unknown one is closest to: equal but for ASCII case, or one edit away
/// (an insertion, a deletion, a substitution, or two neighbouring characters swapped).
pub(crate) fn suggestion(name: &str, params: &[Param]) -> Option<&'static str> {
    let known = params.iter().map(|p| p.name()).chain(COMMON);
    let mut one_edit = None;
    for candidate in known {
        if candidate.eq_ignore_ascii_case(name) {
            return Some(candidate);
        }
        if one_edit.is_none() && within_one_edit(name.as_bytes(), candidate.as_bytes()) {
            one_edit = Some(candidate);
        }
    }
    one_edit
}

fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let (s, l) = (&short[prefix..], &long[prefix..]);
    if short.len() < long.len() {
        // One insertion.
        return s == &l[1..];
    }
    // One substitution, or two neighbours swapped.
    match (s, l) {
        ([], []) => true,
        ([x, y, s_rest @ ..], [p, q, l_rest @ ..]) if x == q && y == p => s_rest == l_rest,
        ([_, s_rest @ ..], [_, l_rest @ ..]) => s_rest == l_rest,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit() {
        assert!(within_one_edit(b"Tittle", b"Title"));
        assert!(within_one_edit(b"Titel", b"Title"));
        assert!(!within_one_edit(b"Tielt", b"Title"));
        assert!(within_one_edit(b"Tatle", b"Title"));
        assert!(within_one_edit(b"Titl", b"Title"));
        assert!(!within_one_edit(b"Ti", b"Title"));
        assert!(within_one_edit(b"", b"a"));
        assert_eq!(suggestion("title", &Param::ALL), Some("Title"));
        assert_eq!(suggestion("MediaID", &Param::ALL), Some("MediaId"));
        assert_eq!(suggestion("InputUrl", &Param::ALL), Some("InputURL"));
        assert_eq!(suggestion("Zzzzz", &Param::ALL), None);
        assert_eq!(suggestion("Versoin", &[]), Some("Version"));
    }
}
