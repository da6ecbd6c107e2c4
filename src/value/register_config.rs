//! `RegisterConfig`: what IMS does after registering an asset, a JSON object read into a
//! typed value and written back as compact JSON.

use std::fmt;
use std::str::FromStr;

use crate::error::{Excerpt, ParamError, ParamErrorKind, Unit};
use crate::value::json::{self, Reader};
use crate::Param;

/// RegisterMediaInfo's `RegisterConfig`: a JSON object of at most
/// [`RegisterConfig::MAX_BYTES`] (4,096) bytes with the members
///
/// * `NeedSprite`, `NeedSnapshot`: whether to make sprites and snapshots, a JSON boolean or
///   the string `"true"` or `"false"` (ASCII case-insensitive, as the API reference's example
///   writes them); IMS's default is `true`;
/// * `CoverConfig`: an object with `StartTime`, the second to take the cover at, a
///   non-negative number with at most 4 decimals (no exponent);
/// * `SearchLibName`: the search library, a string of 1 to 64 bytes.
///
/// Every member is optional; an unknown member is refused with the nearest defined one as a
/// hint (`NeedSnapShot` → `NeedSnapshot`: a misspelt option must not be dropped), and so is a
/// member given twice. The value is kept typed and written back ([`fmt::Display`]) as compact
/// JSON with booleans as JSON booleans, the members in the order above.
///
/// # Errors
///
/// Not JSON text, not an object, over 4,096 bytes, an unknown or repeated member, a member of
/// the wrong type; each error names the member.
///
/// ```
/// use ims_media::RegisterConfig;
/// let c: RegisterConfig =
///     r#"{"NeedSprite":"false","CoverConfig":{"StartTime":1.0},"SearchLibName":"test"}"#.parse()?;
/// assert_eq!(c.need_sprite, Some(false));
/// assert_eq!(c.to_string(), r#"{"NeedSprite":false,"CoverConfig":{"StartTime":1},"SearchLibName":"test"}"#);
/// assert_eq!(
///     r#"{"NeedSnapShot":false}"#.parse::<RegisterConfig>().unwrap_err().to_string(),
///     "invalid RegisterConfig: unknown member \"NeedSnapShot\", did you mean NeedSnapshot"
/// );
/// # Ok::<(), ims_media::ParamError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RegisterConfig {
    /// `NeedSprite`; `None` when not given (IMS makes sprites).
    pub need_sprite: Option<bool>,
    /// `NeedSnapshot`; `None` when not given (IMS makes snapshots).
    pub need_snapshot: Option<bool>,
    /// `CoverConfig.StartTime` in ten-thousandths of a second; `None` when not given.
    pub cover_start_time: Option<u64>,
    /// `SearchLibName`; `None` when not given.
    pub search_lib_name: Option<String>,
}

/// The members, for the "did you mean" hint.
const MEMBERS: [&str; 4] = ["NeedSprite", "NeedSnapshot", "CoverConfig", "SearchLibName"];

impl RegisterConfig {
    /// The most bytes the JSON text may have (decided: bounded work).
    pub const MAX_BYTES: usize = 4096;

    /// The most bytes of `SearchLibName`.
    pub const MAX_SEARCH_LIB_NAME_BYTES: usize = 64;

    /// This configuration with IMS's defaults filled in: sprites and snapshots made unless
    /// said otherwise. What a service starts after registering.
    pub fn with_defaults(&self) -> RegisterConfig {
        RegisterConfig {
            need_sprite: Some(self.need_sprite.unwrap_or(true)),
            need_snapshot: Some(self.need_snapshot.unwrap_or(true)),
            ..self.clone()
        }
    }

    fn parse(s: &str) -> Result<RegisterConfig, ParamErrorKind> {
        if s.len() > Self::MAX_BYTES {
            return Err(ParamErrorKind::TooLong {
                max: Self::MAX_BYTES,
                found: s.len(),
                unit: Unit::Bytes,
            });
        }
        let invalid = |e: json::JsonError| ParamErrorKind::InvalidJson {
            at: e.at,
            expected: e.expected,
        };
        // One pass in the common case: the typed reading, which reads only what the grammar
        // allows. Where it fails, the grammar is checked over the whole text, so that an
        // error in the grammar is reported as such wherever it is (before a member problem
        // that comes earlier in the text).
        Self::read(s).or_else(|member_problem| match json::check(s).map_err(invalid)? {
            json::Kind::Object => Err(member_problem),
            other => Err(ParamErrorKind::NotJsonObject {
                found: other.described(),
            }),
        })
    }

    /// The typed reading of a configuration: every value it accepts is valid JSON, read to
    /// its end.
    fn read(s: &str) -> Result<RegisterConfig, ParamErrorKind> {
        let invalid = |e: json::JsonError| ParamErrorKind::InvalidJson {
            at: e.at,
            expected: e.expected,
        };
        let mut config = RegisterConfig::default();
        let mut r = Reader::new(s);
        let mut seen = [false; MEMBERS.len()];
        r.expect(b'{', "'{'").map_err(invalid)?;
        if r.eat(b'}') {
            r.end().map_err(invalid)?;
            return Ok(config);
        }
        loop {
            let name = r.string().map_err(invalid)?.text();
            r.expect(b':', "':'").map_err(invalid)?;
            let Some(index) = MEMBERS.iter().position(|m| *m == name) else {
                return Err(ParamErrorKind::UnknownMember {
                    member: Excerpt::new(&name),
                    suggestion: crate::param::closest(&name, MEMBERS),
                });
            };
            let member = MEMBERS
                .get(index)
                .copied()
                .expect("`index` is a position in MEMBERS");
            if std::mem::replace(seen.get_mut(index).expect("as `member`"), true) {
                return Err(ParamErrorKind::InvalidMember {
                    member,
                    expected: "given twice, at most once allowed",
                });
            }
            match index {
                0 => config.need_sprite = Some(flag(&mut r, member)?),
                1 => config.need_snapshot = Some(flag(&mut r, member)?),
                2 => config.cover_start_time = cover_config(&mut r)?,
                _ => {
                    let wrong = ParamErrorKind::InvalidMember {
                        member,
                        expected: "a string of 1 to 64 bytes expected",
                    };
                    if r.peek_kind() != Some(json::Kind::String) {
                        return Err(wrong);
                    }
                    match r.string().map_err(invalid)?.unescaped() {
                        Some(v) if !v.is_empty() && v.len() <= Self::MAX_SEARCH_LIB_NAME_BYTES => {
                            config.search_lib_name = Some(v.into_owned());
                        }
                        _ => return Err(wrong),
                    }
                }
            }
            if r.eat(b'}') {
                r.end().map_err(invalid)?;
                return Ok(config);
            }
            r.expect(b',', "',' or '}'").map_err(invalid)?;
        }
    }
}

/// `NeedSprite` or `NeedSnapshot`: a JSON boolean, or `"true"`/`"false"` in any ASCII case.
fn flag(r: &mut Reader<'_>, member: &'static str) -> Result<bool, ParamErrorKind> {
    let wrong = ParamErrorKind::InvalidMember {
        member,
        expected: "true or false expected",
    };
    match r.peek_kind() {
        Some(json::Kind::Boolean) => {
            if r.literal("true") {
                Ok(true)
            } else if r.literal("false") {
                Ok(false)
            } else {
                Err(wrong)
            }
        }
        Some(json::Kind::String) => {
            let raw = r.string().map_err(|_| wrong.clone())?.raw;
            if raw.eq_ignore_ascii_case("true") {
                Ok(true)
            } else if raw.eq_ignore_ascii_case("false") {
                Ok(false)
            } else {
                Err(wrong)
            }
        }
        _ => Err(wrong),
    }
}

/// `CoverConfig`: an object with at most `StartTime`.
fn cover_config(r: &mut Reader<'_>) -> Result<Option<u64>, ParamErrorKind> {
    let wrong = |expected| ParamErrorKind::InvalidMember {
        member: "CoverConfig",
        expected,
    };
    if r.peek_kind() != Some(json::Kind::Object) {
        return Err(wrong("an object expected"));
    }
    r.expect(b'{', "'{'")
        .map_err(|_| wrong("an object expected"))?;
    let mut start = None;
    if r.eat(b'}') {
        return Ok(start);
    }
    loop {
        let name = r
            .string()
            .map_err(|_| wrong("a member name expected"))?
            .text();
        r.expect(b':', "':'").map_err(|_| wrong("':' expected"))?;
        if name != "StartTime" {
            return Err(ParamErrorKind::UnknownMember {
                member: Excerpt::new(&name),
                suggestion: crate::param::closest(&name, ["StartTime"]),
            });
        }
        if start.is_some() {
            return Err(ParamErrorKind::InvalidMember {
                member: "CoverConfig.StartTime",
                expected: "given twice, at most once allowed",
            });
        }
        let bad = ParamErrorKind::InvalidMember {
            member: "CoverConfig.StartTime",
            expected: "a number of seconds, not negative, at most 4 decimals, expected",
        };
        if r.peek_kind() != Some(json::Kind::Number) {
            return Err(bad);
        }
        let number = r.number().map_err(|_| bad.clone())?;
        start = Some(ten_thousandths(number).ok_or(bad)?);
        if r.eat(b'}') {
            return Ok(start);
        }
        r.expect(b',', "',' or '}'")
            .map_err(|_| wrong("',' or '}' expected"))?;
    }
}

/// A JSON number of seconds as ten-thousandths: digits, at most 4 decimals, no sign, no
/// exponent, at most 15 digits before the point.
fn ten_thousandths(number: &str) -> Option<u64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty()
        || whole.len() > 15
        || fraction.len() > 4
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut n: u64 = whole.parse().ok()?;
    for i in 0..4 {
        let digit = fraction
            .as_bytes()
            .get(i)
            .map_or(0, |b| u64::from(b - b'0'));
        n = n.checked_mul(10)?.checked_add(digit)?;
    }
    Some(n)
}

impl fmt::Display for RegisterConfig {
    /// The configuration as compact JSON, members in the documented order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{")?;
        let mut first = true;
        let mut sep = |f: &mut fmt::Formatter<'_>| -> fmt::Result {
            if !std::mem::take(&mut first) {
                f.write_str(",")?;
            }
            Ok(())
        };
        if let Some(v) = self.need_sprite {
            sep(f)?;
            write!(f, "\"NeedSprite\":{v}")?;
        }
        if let Some(v) = self.need_snapshot {
            sep(f)?;
            write!(f, "\"NeedSnapshot\":{v}")?;
        }
        if let Some(t) = self.cover_start_time {
            sep(f)?;
            let (whole, fraction) = (t / 10_000, t % 10_000);
            if fraction == 0 {
                write!(f, "\"CoverConfig\":{{\"StartTime\":{whole}}}")?;
            } else {
                let digits = format!("{fraction:04}");
                write!(
                    f,
                    "\"CoverConfig\":{{\"StartTime\":{whole}.{}}}",
                    digits.trim_end_matches('0')
                )?;
            }
        }
        if let Some(name) = &self.search_lib_name {
            sep(f)?;
            f.write_str("\"SearchLibName\":")?;
            json::write_string(f, name)?;
        }
        f.write_str("}")
    }
}

impl FromStr for RegisterConfig {
    type Err = ParamError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RegisterConfig::parse(s).map_err(|kind| ParamError::new(Param::RegisterConfig, kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_back_it_reads_the_same() {
        for s in [
            "{}",
            r#"{"NeedSprite":true,"NeedSnapshot":"FALSE"}"#,
            r#"{"CoverConfig":{"StartTime":0.0001},"SearchLibName":"a\"b\\c\u0001界"}"#,
            r#" { "CoverConfig" : { } } "#,
        ] {
            let c: RegisterConfig = s.parse().unwrap();
            assert_eq!(c.to_string().parse::<RegisterConfig>(), Ok(c), "{s}");
        }
        for bad in [
            "[]",
            "{",
            r#"{"NeedSprite":1}"#,
            r#"{"NeedSprite":true,"NeedSprite":true}"#,
            r#"{"CoverConfig":{"StartTime":-1}}"#,
            r#"{"CoverConfig":{"StartTime":1.23456}}"#,
            r#"{"CoverConfig":{"StartTime":1e3}}"#,
            r#"{"CoverConfig":{"Start":1}}"#,
            r#"{"SearchLibName":""}"#,
        ] {
            assert!(bad.parse::<RegisterConfig>().is_err(), "{bad}");
        }
        // A grammar error is reported before a member problem that comes earlier in the text,
        // and what follows a complete object is a grammar error too.
        for (text, at) in [
            (r#"{"Unknown":1,"NeedSprite":tru}"#, 26),
            (r#"{"NeedSprite":2} x"#, 17),
            (r#"{"NeedSprite":true} x"#, 20),
            ("{} x", 3),
        ] {
            match RegisterConfig::parse(text) {
                Err(ParamErrorKind::InvalidJson { at: found, .. }) => {
                    assert_eq!(found, at, "{text}")
                }
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(matches!(
            RegisterConfig::parse(r#"{"Unknown":1}"#),
            Err(ParamErrorKind::UnknownMember { .. })
        ));
        assert!(matches!(
            RegisterConfig::parse("[1]"),
            Err(ParamErrorKind::NotJsonObject { .. })
        ));
        // A member's name is compared unescaped: an escaped name is that member, given twice
        // when it is also written plainly.
        let escaped: RegisterConfig = r#"{"Need\u0053prite":false}"#.parse().unwrap();
        assert_eq!(escaped.need_sprite, Some(false));
        assert!(matches!(
            RegisterConfig::parse(r#"{"NeedSprite":true,"Need\u0053prite":true}"#),
            Err(ParamErrorKind::InvalidMember {
                member: "NeedSprite",
                ..
            })
        ));
        assert_eq!(ten_thousandths("1.5"), Some(15_000));
        assert_eq!(ten_thousandths("0"), Some(0));
    }
}
