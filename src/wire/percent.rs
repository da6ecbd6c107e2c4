//! Percent-encoding: the one decoder used by `InputURL` keys and by form (query) decoding,
//! and the RFC 3986 encoder used to write queries.

use std::borrow::Cow;

/// How a `+` is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plus {
    /// `+` is itself (URL paths, object keys).
    Literal,
    /// `+` is a space (`application/x-www-form-urlencoded`).
    Space,
}

/// The value of each byte as a hex digit (either case), or `0xFF` for a byte that is none.
const HEX_VALUE: [u8; 256] = {
    let mut table = [0xFF; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        table[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

/// The byte at `i` when `s[i..]` starts with a valid `%XX` escape.
#[inline]
fn escape_at(s: &[u8], i: usize) -> Option<u8> {
    let hi = HEX_VALUE[usize::from(*s.get(i + 1)?)];
    let lo = HEX_VALUE[usize::from(*s.get(i + 2)?)];
    ((hi | lo) < 0x10).then_some(hi << 4 | lo)
}

/// The byte that `s[i..]` decodes to first, and where the next one starts: an escape, a `+`
/// read as `plus` says, or the byte itself. `None` at the end, or at a `%` not followed by two
/// hex digits. The one decoding step of [`decode`].
#[inline]
fn step(s: &[u8], i: usize, plus: Plus) -> Option<(u8, usize)> {
    match *s.get(i)? {
        b'%' => Some((escape_at(s, i)?, i + 3)),
        b'+' if plus == Plus::Space => Some((b' ', i + 1)),
        b => Some((b, i + 1)),
    }
}

/// The length in bytes of the decoded value, without decoding it (no allocation), or the byte
/// offset of the first `%` that is not followed by two hex digits.
pub(crate) fn decoded_len(s: &str) -> Result<usize, usize> {
    let bytes = s.as_bytes();
    let mut escapes = 0;
    let mut i = 0;
    while let Some(at) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'%'))
    {
        let at = i + at;
        if escape_at(bytes, at).is_none() {
            return Err(at);
        }
        escapes += 1;
        i = at + 3;
    }
    Ok(bytes.len() - 2 * escapes)
}

/// Decodes `%XX` escapes (either hex case), and `+` as `plus` says. Borrows when there is
/// nothing to decode. `Err` is the byte offset of the first `%` not followed by two hex
/// digits. The result is bytes: whether they are UTF-8 is the caller's check.
///
/// Runs of plain bytes are copied whole; an escape costs two table lookups.
pub(crate) fn decode(s: &str, plus: Plus) -> Result<Cow<'_, [u8]>, usize> {
    let bytes = s.as_bytes();
    let special = |b: &u8| *b == b'%' || (plus == Plus::Space && *b == b'+');
    let Some(first) = bytes.iter().position(special) else {
        return Ok(Cow::Borrowed(bytes));
    };
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..first).expect("a position found in `bytes`"));
    let mut i = first;
    while let Some(b) = bytes.get(i) {
        if special(b) {
            let (decoded, next) = step(bytes, i, plus).ok_or(i)?;
            out.push(decoded);
            i = next;
        } else {
            let rest = bytes.get(i..).expect("`i` indexes a byte just read");
            let run = rest.iter().position(special).unwrap_or(rest.len());
            out.extend_from_slice(rest.get(..run).expect("`run` is at most the rest's length"));
            i += run;
        }
    }
    Ok(Cow::Owned(out))
}

/// Appends `s` percent-encoded as RFC 3986 and the official SDKs' signing do: the unreserved
/// characters `A-Z a-z 0-9 - _ . ~` as they are, every other byte as `%XX` in upper case.
/// Only ASCII bytes are appended, so a buffer that was UTF-8 stays UTF-8.
pub(crate) fn encode_into(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b);
        } else {
            out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_either_case_and_reports_bad_escapes() {
        assert_eq!(
            decode("a%2fb%2Fc", Plus::Literal).as_deref(),
            Ok(&b"a/b/c"[..])
        );
        assert_eq!(decode("a+b", Plus::Literal).as_deref(), Ok(&b"a+b"[..]));
        assert_eq!(decode("a+b%2B", Plus::Space).as_deref(), Ok(&b"a b+"[..]));
        assert!(matches!(decode("plain", Plus::Space), Ok(Cow::Borrowed(_))));
        assert_eq!(decode("ab%", Plus::Literal), Err(2));
        assert_eq!(decode("ab%4", Plus::Literal), Err(2));
        assert_eq!(decode("%G1", Plus::Literal), Err(0));
        assert_eq!(decoded_len("a%20b+"), Ok(4));
        assert_eq!(decoded_len("a%2"), Err(1));
        assert_eq!(decoded_len("%41%4"), Err(3));
        assert_eq!(decoded_len("%%41"), Err(0));
        assert_eq!(decode("%%41", Plus::Literal), Err(0));
        assert_eq!(
            decode("ab%41cd+%2b", Plus::Space).as_deref(),
            Ok(&b"abAcd +"[..])
        );
    }

    #[test]
    fn table_is_the_hex_digits() {
        for b in 0..=255u8 {
            let want = (b as char).to_digit(16).map(|d| d as u8).unwrap_or(0xFF);
            assert_eq!(HEX_VALUE[usize::from(b)], want, "{b:#04X}");
        }
    }

    #[test]
    fn encodes_all_but_unreserved() {
        let mut s = Vec::new();
        encode_into(&mut s, "a b&c=d+e%f/界~._-");
        let s = String::from_utf8(s).unwrap();
        assert_eq!(s, "a%20b%26c%3Dd%2Be%25f%2F%E7%95%8C~._-");
        let back = decode(&s, Plus::Space).map(|c| c.into_owned());
        assert_eq!(back, Ok("a b&c=d+e%f/界~._-".as_bytes().to_vec()));
    }
}
