//! An exact reader of JSON text (RFC 8259) for the parameters that hold JSON: RegisterMediaInfo's
//! `UserData` (a JSON object) and `RegisterConfig` (a typed object).
//!
//! It checks the grammar byte by byte over the `&str` it is given and allocates nothing: a
//! string is handed back as the raw slice between its quotes, already checked, and decoded
//! only where a value is kept ([`unescape`], which allocates only when the string holds an
//! escape). Nesting is bounded ([`MAX_DEPTH`]), so that the work and the stack are bounded
//! whatever the input. Tested against JSONTestSuite: every `y_` file accepted, every `n_` file
//! refused (`tests/data/json-test-suite/`).

use std::borrow::Cow;

/// The deepest nesting of arrays and objects a text may have (decided: a parameter's JSON is
/// small, and a bound keeps the work and the stack bounded).
pub(crate) const MAX_DEPTH: usize = 32;

/// The bytes that end a run of plain bytes in a string: `"`, `\\` and the control characters
/// U+0000–U+001F, one table lookup a byte.
const STOPS_STRING: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// A string as [`Reader::string`] read it: its raw text between the quotes, checked, and
/// whether that holds an escape (found by the reading itself, so that a plain string is never
/// searched again for one).
#[derive(Debug, Clone, Copy)]
pub(crate) struct JsonStr<'a> {
    /// The text between the quotes, as written.
    pub(crate) raw: &'a str,
    escaped: bool,
}

impl<'a> JsonStr<'a> {
    /// The string's value: the raw text itself when it holds no escape, otherwise
    /// [`unescape`]d (`None` where an escape names a lone surrogate).
    pub(crate) fn unescaped(self) -> Option<Cow<'a, str>> {
        if self.escaped {
            unescape(self.raw)
        } else {
            Some(Cow::Borrowed(self.raw))
        }
    }

    /// The value, or the raw text where it cannot be unescaped (to quote it back).
    pub(crate) fn text(self) -> Cow<'a, str> {
        self.unescaped().unwrap_or(Cow::Borrowed(self.raw))
    }
}

/// Where a text leaves the grammar, and what was expected there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JsonError {
    /// The byte offset.
    pub(crate) at: usize,
    /// What would have been valid there, as words for a message.
    pub(crate) expected: &'static str,
}

/// The kind of a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

impl Kind {
    /// The kind with its article, for a message (`an array`).
    pub(crate) const fn described(self) -> &'static str {
        match self {
            Kind::Object => "an object",
            Kind::Array => "an array",
            Kind::String => "a string",
            Kind::Number => "a number",
            Kind::Boolean => "a boolean",
            Kind::Null => "null",
        }
    }
}

/// A cursor over JSON text.
pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Reader { text, pos: 0 }
    }

    /// The byte at the cursor.
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// An error at the cursor.
    pub(crate) fn fail<T>(&self, expected: &'static str) -> Result<T, JsonError> {
        Err(JsonError {
            at: self.pos,
            expected,
        })
    }

    /// Skips white space (space, TAB, LF, CR: the only four JSON allows).
    pub(crate) fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` after white space, or fails expecting `expected`.
    pub(crate) fn expect(&mut self, byte: u8, expected: &'static str) -> Result<(), JsonError> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail(expected)
        }
    }

    /// Consumes `byte` after white space when it is next.
    pub(crate) fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// The end of the text, after white space.
    pub(crate) fn end(&mut self) -> Result<(), JsonError> {
        self.skip_space();
        if self.pos == self.text.len() {
            Ok(())
        } else {
            self.fail("the end of the text")
        }
    }

    /// The kind of the value at the cursor (after white space), without consuming it.
    pub(crate) fn peek_kind(&mut self) -> Option<Kind> {
        self.skip_space();
        Some(match self.peek()? {
            b'{' => Kind::Object,
            b'[' => Kind::Array,
            b'"' => Kind::String,
            b'-' | b'0'..=b'9' => Kind::Number,
            b't' | b'f' => Kind::Boolean,
            b'n' => Kind::Null,
            _ => return None,
        })
    }

    /// Skips one value of any kind, `depth` arrays and objects deep already.
    ///
    /// # Errors
    ///
    /// The first place the value leaves the grammar, or nests deeper than [`MAX_DEPTH`].
    pub(crate) fn value(&mut self, depth: usize) -> Result<Kind, JsonError> {
        let Some(kind) = self.peek_kind() else {
            return self.fail("a value");
        };
        match kind {
            Kind::Object | Kind::Array => {
                if depth >= MAX_DEPTH {
                    return self.fail("at most 32 nested arrays and objects");
                }
                let (close, closing) = if kind == Kind::Object {
                    (b'}', "',' or '}'")
                } else {
                    (b']', "',' or ']'")
                };
                self.pos += 1;
                if self.eat(close) {
                    return Ok(kind);
                }
                loop {
                    if kind == Kind::Object {
                        self.skip_space();
                        if self.peek() != Some(b'"') {
                            return self.fail("a member name in double quotes");
                        }
                        self.string()?;
                        self.expect(b':', "':'")?;
                    }
                    self.value(depth + 1)?;
                    if self.eat(close) {
                        return Ok(kind);
                    }
                    self.expect(b',', closing)?;
                }
            }
            Kind::String => self.string().map(|_| kind),
            Kind::Number => self.number().map(|_| kind),
            Kind::Boolean => {
                if !self.literal("true") && !self.literal("false") {
                    return self.fail("true or false");
                }
                Ok(kind)
            }
            Kind::Null => {
                if !self.literal("null") {
                    return self.fail("null");
                }
                Ok(kind)
            }
        }
    }

    /// Consumes `word` when it is next.
    pub(crate) fn literal(&mut self, word: &str) -> bool {
        let found = self
            .text
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word));
        if found {
            self.pos += word.len();
        }
        found
    }

    /// A string at the cursor: the raw text between its quotes, checked (escapes, no
    /// control character), and whether it holds an escape.
    ///
    /// # Errors
    ///
    /// Not a string, an invalid escape, a raw control character, no closing quote.
    pub(crate) fn string(&mut self) -> Result<JsonStr<'a>, JsonError> {
        self.skip_space();
        if self.peek() != Some(b'"') {
            return self.fail("a string");
        }
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        loop {
            // Plain bytes in one scan, which the compiler vectorises.
            let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
            self.pos += rest
                .iter()
                .position(|&b| STOPS_STRING[usize::from(b)])
                .unwrap_or(rest.len());
            match self.peek() {
                None => return self.fail("'\"' closing the string"),
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1;
                        }
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                if !self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                                    return self.fail("four hex digits after \\u");
                                }
                                self.pos += 1;
                            }
                        }
                        _ => {
                            return self
                                .fail("an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                        }
                    }
                }
                Some(0..=0x1F) => {
                    return self.fail("a character other than a control character (escape it)")
                }
                Some(_) => self.pos += 1,
            }
        }
        let raw = self
            .text
            .get(start..self.pos)
            .expect("the scan stopped on an ASCII quote, a character boundary");
        self.pos += 1;
        Ok(JsonStr { raw, escaped })
    }

    /// A number at the cursor: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as
    /// written.
    ///
    /// # Errors
    ///
    /// Where the number leaves that grammar.
    pub(crate) fn number(&mut self) -> Result<&'a str, JsonError> {
        self.skip_space();
        let start = self.pos;
        let _ = self.eat_byte(b'-');
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return self.fail("a digit"),
        }
        if self.eat_byte(b'.') {
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return self.fail("a digit after '.'");
            }
            self.digits();
        }
        if self.eat_byte(b'e') || self.eat_byte(b'E') {
            let _ = self.eat_byte(b'+') || self.eat_byte(b'-');
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return self.fail("a digit in the exponent");
            }
            self.digits();
        }
        Ok(self
            .text
            .get(start..self.pos)
            .expect("a number is ASCII: its ends are character boundaries"))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` when it is next (no white space before it).
    fn eat_byte(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }
}

/// Writes `s` as a JSON string: between `"`, with `"` and `\` escaped and control characters
/// as `\u00XX`, every other character as it is. What [`Reader::string`] and [`unescape`] read
/// back to `s`.
pub(crate) fn write_string(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    out.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            c if u32::from(c) < 0x20 => write!(out, "\\u{:04x}", u32::from(c))?,
            c => out.write_char(c)?,
        }
    }
    out.write_char('"')
}

/// Checks that `text` is one JSON value (white space around it allowed) and gives its kind.
///
/// # Errors
///
/// The first place it leaves the grammar.
pub(crate) fn check(text: &str) -> Result<Kind, JsonError> {
    let mut reader = Reader::new(text);
    let kind = reader.value(0)?;
    reader.end()?;
    Ok(kind)
}

/// The text of a checked string's raw contents ([`Reader::string`]); `None` where an escape
/// names a lone surrogate, which no Rust string holds.
pub(crate) fn unescape(raw: &str) -> Option<Cow<'_, str>> {
    if !raw.contains('\\') {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = match chars.next()? {
            'b' => '\u{8}',
            'f' => '\u{C}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let hex = |chars: &mut std::str::Chars<'_>| -> Option<u32> {
                    let digits: String = chars.by_ref().take(4).collect();
                    u32::from_str_radix(&digits, 16).ok()
                };
                let first = hex(&mut chars)?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if chars.next()? != '\\' || chars.next()? != 'u' {
                        return None;
                    }
                    let second = hex(&mut chars)?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return None;
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code)?
            }
            other => other,
        };
        out.push(escaped);
    }
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_in_brief() {
        for ok in [
            "{}",
            " {\"a\": [1, -0.5e+3, true, false, null, \"x\\u00e9\\n\"]} ",
            "[]",
            "0",
            "\"\"",
        ] {
            assert!(check(ok).is_ok(), "{ok}");
        }
        for (bad, at) in [
            ("", 0),
            ("{", 1),
            ("{\"a\" 1}", 5),
            ("[1,]", 3),
            ("01", 1),
            ("1.", 2),
            ("\"\\x\"", 2),
            ("\"a\tb\"", 2),
            ("{} {}", 3),
            ("tru", 0),
        ] {
            assert_eq!(check(bad).map_err(|e| e.at), Err(at), "{bad}");
        }
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(check(&deep).is_ok());
        let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(check(&deeper).map_err(|e| e.at), Err(MAX_DEPTH));
    }

    #[test]
    fn unescape_decodes_every_escape() {
        assert_eq!(unescape("plain").as_deref(), Some("plain"));
        assert_eq!(
            unescape("a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00").as_deref(),
            Some("a\"b\\c/d\u{8}\u{c}\n\r\té😀")
        );
        assert_eq!(unescape("\\ud800"), None);
        assert_eq!(unescape("\\udc00x"), None);
    }

    /// JSONTestSuite (`tests/data/json-test-suite/`): every `y_` file is accepted, every
    /// `n_` file refused (a file that is not UTF-8 is refused before it can be a `&str`).
    #[test]
    fn json_test_suite() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/json-test-suite");
        let mut counts = [0usize; 2];
        for (i, (sub, accept)) in [("y", true), ("n", false)].into_iter().enumerate() {
            let mut names: Vec<_> = std::fs::read_dir(dir.join(sub))
                .expect("the suite's folder")
                .map(|e| e.expect("a directory entry").path())
                .collect();
            names.sort();
            for path in names {
                let bytes = std::fs::read(&path).expect("a suite file");
                let accepted = std::str::from_utf8(&bytes).is_ok_and(|s| check(s).is_ok());
                assert_eq!(accepted, accept, "{}", path.display());
                counts[i] += 1;
            }
        }
        assert_eq!(counts, [95, 188]);
    }
}
