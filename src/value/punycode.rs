//! Punycode (RFC 3492), as far as a cover URL's host needs it: an `xn--` label is accepted
//! only when it is the canonical encoding of a label that every WHATWG reader maps to itself.
//!
//! Decoding follows RFC 3492 §6.2 with its overflow checks; the label is then encoded again
//! (§6.3) and must come back as written, so a label with a second spelling of the same
//! characters (which a reader would write back differently) is refused too.

/// The parameters of RFC 3492 §5.
const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

/// The most characters a decoded label may have: a DNS label is at most 63 bytes, so its
/// Punycode part at most 59, and each character takes at least one digit.
const MAX_DECODED: usize = 63;

fn adapt(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
    delta /= if first_time { DAMP } else { 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

fn digit_value(b: u8) -> Option<u32> {
    match b {
        b'a'..=b'z' => Some(u32::from(b - b'a')),
        b'0'..=b'9' => Some(u32::from(b - b'0') + 26),
        _ => None,
    }
}

fn digit(d: u32) -> char {
    // `d < BASE` at every call (RFC 3492 §6.3), so the fallback is never taken.
    debug_assert!(d < BASE);
    match d {
        0..=25 => char::from(b'a' + d as u8),
        _ => char::from(b'0' + (d - 26) as u8),
    }
}

fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}

/// Decodes the part of a label after `xn--`, in lower case. `None` for anything RFC 3492
/// does not decode, for a decoding of more than [`MAX_DECODED`] characters, and for one with
/// no character outside ASCII (no digits after the delimiter).
pub(crate) fn decode(input: &str) -> Option<Vec<char>> {
    let bytes = input.as_bytes();
    if !input.is_ascii() {
        return None;
    }
    let (basic, extended) = match bytes.iter().rposition(|&b| b == b'-') {
        Some(at) => (bytes.get(..at)?, bytes.get(at + 1..)?),
        None => (&[][..], bytes),
    };
    if extended.is_empty() {
        return None;
    }
    let mut output: Vec<char> = basic.iter().map(|&b| char::from(b)).collect();
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut digits = extended.iter();
    while digits.len() > 0 {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let d = digit_value(*digits.next()?)?;
            i = i.checked_add(d.checked_mul(w)?)?;
            let t = threshold(k, bias);
            if d < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = u32::try_from(output.len()).ok()? + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        let ch = char::from_u32(n)?;
        if output.len() >= MAX_DECODED {
            return None;
        }
        output.insert(usize::try_from(i).ok()?, ch);
        i += 1;
    }
    Some(output)
}

/// Encodes a label (RFC 3492 §6.3), without the `xn--` prefix. `None` on overflow, which
/// no label of [`MAX_DECODED`] characters reaches.
pub(crate) fn encode(input: &[char]) -> Option<String> {
    let mut output: String = input.iter().filter(|c| c.is_ascii()).collect();
    let basic = u32::try_from(output.len()).ok()?;
    if basic > 0 {
        output.push('-');
    }
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut handled = basic;
    let total = u32::try_from(input.len()).ok()?;
    while handled < total {
        let m = input
            .iter()
            .map(|&c| u32::from(c))
            .filter(|&c| c >= n)
            .min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in input {
            let c = u32::from(c);
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 3492 §7.1's samples that are valid lower-case labels, and two everyday ones.
    const SAMPLES: [(&str, &str); 5] = [
        ("bücher", "bcher-kva"),
        ("例え", "r8jz45g"),
        ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("3年b組金八先生", "3b-ww4c5e180e575a65lsy2b"),
    ];

    #[test]
    fn decodes_and_encodes_the_samples() {
        for (unicode, code) in SAMPLES {
            let chars: Vec<char> = unicode.chars().collect();
            assert_eq!(decode(code), Some(chars.clone()), "{code}");
            assert_eq!(encode(&chars).as_deref(), Some(code), "{unicode}");
        }
    }

    #[test]
    fn refuses_what_does_not_decode() {
        for bad in [
            "",
            "a",
            "abc-",
            "-",
            "a-",
            "zzzzzzzzzzzzzz",
            "99999999999",
            "ab=",
            "bücher",
        ] {
            if bad == "a" {
                // One digit decodes to a character past ASCII.
                assert!(decode(bad).is_some());
                continue;
            }
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn round_trips_every_decodable_short_label() {
        let alphabet: Vec<char> = ('a'..='z').chain('0'..='9').chain(['-']).collect();
        for &a in &alphabet {
            for &b in &alphabet {
                for &c in &alphabet {
                    let s: String = [a, b, c].iter().collect();
                    if let Some(chars) = decode(&s) {
                        assert!(chars.iter().any(|c| !c.is_ascii()), "{s}");
                        let again = encode(&chars).map(|e| decode(&e));
                        assert_eq!(again, Some(Some(chars.clone())), "{s}");
                    }
                }
            }
        }
    }
}
