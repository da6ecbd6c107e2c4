//! Character pools and text generators shared by the strategies: valid by construction, with
//! lengths biased towards the byte limits.

use std::ops::RangeInclusive;

use proptest::char::CharStrategy;
use proptest::collection::vec;
use proptest::prelude::*;

/// Which characters a generated text may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// No control character (`Title`, `Category`, object keys).
    Line,
    /// No control character but TAB, LF and CR (`Description`, `UserData`).
    Multiline,
    /// No control character and no `,` (tags; the edges are fixed separately).
    Tag,
    /// No control character and no Unicode white space (URL parts).
    NoSpace,
}

/// Characters that break careless code: the query syntax, the list separator and its
/// full-width twin, white space of every width, combining marks, joiners, direction
/// overrides, a BOM, multi-byte letters and an emoji. Each pool keeps only those in its
/// ranges.
const SPECIAL: &[char] = &[
    '%', '+', '&', '=', ',', ' ', '#', '?', '/', '\\', '"', '\'', '<', '\t', '\n', '\r', '\u{A0}',
    '\u{3000}', '\u{2028}', '\u{FF0C}', '\u{301}', '\u{200D}', '\u{202E}', '\u{FEFF}', '\u{FFFD}',
    'é', '界', '🎉', '👩', 'Ⱥ',
];

/// Ranges picked half of the time when no special character is: ASCII, two-byte letters,
/// CJK, combining marks and emoji.
const PREFERRED: &[RangeInclusive<char>] = &[
    ' '..='~',
    ' '..='~',
    '\u{A0}'..='\u{24F}',
    '\u{300}'..='\u{36F}',
    '\u{4E00}'..='\u{9FFF}',
    '\u{1F300}'..='\u{1FAFF}',
];

const LINE: &[RangeInclusive<char>] =
    &[' '..='~', '\u{A0}'..='\u{D7FF}', '\u{E000}'..='\u{10FFFF}'];
const MULTILINE: &[RangeInclusive<char>] = &[
    '\t'..='\n',
    '\r'..='\r',
    ' '..='~',
    '\u{A0}'..='\u{D7FF}',
    '\u{E000}'..='\u{10FFFF}',
];
const TAG: &[RangeInclusive<char>] = &[
    ' '..='+',
    '-'..='~',
    '\u{A0}'..='\u{D7FF}',
    '\u{E000}'..='\u{10FFFF}',
];
/// Every character but Cc and Unicode `White_Space`.
const NO_SPACE: &[RangeInclusive<char>] = &[
    '!'..='~',
    '\u{A1}'..='\u{167F}',
    '\u{1681}'..='\u{1FFF}',
    '\u{200B}'..='\u{2027}',
    '\u{202A}'..='\u{202E}',
    '\u{2030}'..='\u{205E}',
    '\u{2060}'..='\u{2FFF}',
    '\u{3001}'..='\u{D7FF}',
    '\u{E000}'..='\u{10FFFF}',
];

const WIDTH_1: &[RangeInclusive<char>] = &[' '..='~'];
const WIDTH_1_MULTILINE: &[RangeInclusive<char>] = &['\t'..='\n', '\r'..='\r', ' '..='~'];
const WIDTH_1_TAG: &[RangeInclusive<char>] = &[' '..='+', '-'..='~'];
const WIDTH_1_NO_SPACE: &[RangeInclusive<char>] = &['!'..='~'];
const WIDTH_2: &[RangeInclusive<char>] = &['\u{A0}'..='\u{7FF}'];
const WIDTH_2_NO_SPACE: &[RangeInclusive<char>] = &['\u{A1}'..='\u{7FF}'];
const WIDTH_3: &[RangeInclusive<char>] = &['\u{800}'..='\u{D7FF}', '\u{E000}'..='\u{FFFF}'];
const WIDTH_3_NO_SPACE: &[RangeInclusive<char>] = &[
    '\u{800}'..='\u{167F}',
    '\u{1681}'..='\u{1FFF}',
    '\u{3001}'..='\u{D7FF}',
    '\u{E000}'..='\u{FFFF}',
];
const WIDTH_4: &[RangeInclusive<char>] = &['\u{10000}'..='\u{10FFFF}'];

fn ranges(kind: Kind) -> &'static [RangeInclusive<char>] {
    match kind {
        Kind::Line => LINE,
        Kind::Multiline => MULTILINE,
        Kind::Tag => TAG,
        Kind::NoSpace => NO_SPACE,
    }
}

/// One character of `kind`.
pub(crate) fn char_of(kind: Kind) -> CharStrategy<'static> {
    CharStrategy::new_borrowed(SPECIAL, PREFERRED, ranges(kind))
}

/// One character of `kind` that is `width` (1 to 4) bytes long in UTF-8.
fn char_of_width(kind: Kind, width: usize) -> CharStrategy<'static> {
    let ranges = match (width, kind) {
        (1, Kind::Line) => WIDTH_1,
        (1, Kind::Multiline) => WIDTH_1_MULTILINE,
        (1, Kind::Tag) => WIDTH_1_TAG,
        (1, Kind::NoSpace) => WIDTH_1_NO_SPACE,
        (2, Kind::NoSpace) => WIDTH_2_NO_SPACE,
        (2, _) => WIDTH_2,
        (3, Kind::NoSpace) => WIDTH_3_NO_SPACE,
        (3, _) => WIDTH_3,
        _ => WIDTH_4,
    };
    CharStrategy::new_borrowed(SPECIAL, PREFERRED, ranges)
}

/// Characters of each width (index 1 to 3) that are in every pool and are neither white
/// space, `,`, `/` nor `\`: the padding that makes a text land exactly on a length.
const PAD: [&[char]; 4] = [
    &[],
    &['a', 'Z', '7', '~'],
    &['é', 'ß', 'Ω', 'ж'],
    &['界', '€', 'ア', '한'],
];

/// The longest prefix of `chars` that fits in `max` bytes, as a string (at least the first
/// character when `max` is at least 4).
pub(crate) fn fit(chars: &[char], max: usize) -> String {
    let mut out = String::new();
    for &c in chars {
        if out.len() + c.len_utf8() > max {
            break;
        }
        out.push(c);
    }
    out
}

/// A string of exactly `n` bytes: `chars` repeated as long as the next one fits, then
/// padding characters of the missing width (chosen by `pick`) before or after them.
fn exact(chars: &[char], n: usize, pick: usize, pad_first: bool) -> String {
    let mut body = String::with_capacity(n);
    for &c in chars.iter().cycle() {
        if body.len() + c.len_utf8() > n {
            break;
        }
        body.push(c);
    }
    let mut missing = n - body.len();
    let mut pad = String::new();
    while missing > 0 {
        let width = missing.min(3);
        let choices = PAD[width];
        if let Some(&c) = choices.get(pick % choices.len()) {
            pad.push(c);
        }
        missing -= width;
    }
    if pad_first {
        pad + &body
    } else {
        body + &pad
    }
}

/// The characters a long text is made of (repeated to its length, which keeps generation
/// cheap): mixed widths, or one width throughout so that multi-byte characters end exactly
/// at the length.
fn pattern(kind: Kind) -> impl Strategy<Value = Vec<char>> {
    prop_oneof![
        vec(char_of(kind), 1..=40),
        (1..=4usize).prop_flat_map(move |w| vec(char_of_width(kind, w), 1..=8)),
    ]
}

/// Text of `kind` of exactly `n` bytes (`n` at least 1).
pub(crate) fn exactly(kind: Kind, n: usize) -> impl Strategy<Value = String> {
    (pattern(kind), any::<usize>(), any::<bool>())
        .prop_map(move |(chars, pick, pad_first)| exact(&chars, n, pick, pad_first))
        .boxed()
}

/// Text of `kind` of 1 to `max` bytes (`max` at least 8), biased towards short values and
/// values of exactly `max` bytes or a few bytes less. Tag texts get their edges fixed.
pub(crate) fn bounded(kind: Kind, max: usize) -> impl Strategy<Value = String> {
    let short_len = max.min(12);
    prop_oneof![
        3 => vec(char_of(kind), 1..=short_len).prop_map(move |c| fit(&c, max)),
        2 => (1..=max).prop_flat_map(move |n| exactly(kind, n)),
        3 => exactly(kind, max),
        1 => (1..=4usize).prop_flat_map(move |k| exactly(kind, max - k)),
    ]
    .prop_map(move |s| match kind {
        Kind::Tag => fix_tag_edges(s),
        Kind::Line | Kind::Multiline | Kind::NoSpace => s,
    })
    .boxed()
}

/// A character of the same UTF-8 width as `c` that is neither white space, `,`, `/` nor `\`.
pub(crate) fn same_width_plain(c: char) -> char {
    match c.len_utf8() {
        1 => 'x',
        2 => 'é',
        3 => '界',
        _ => '🎉',
    }
}

/// Replaces white space at either end by a plain character of the same width, so that the
/// text is a valid tag of the same length.
pub(crate) fn fix_tag_edges(s: String) -> String {
    let last = s.chars().count().saturating_sub(1);
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if (i == 0 || i == last) && c.is_whitespace() {
                same_width_plain(c)
            } else {
                c
            }
        })
        .collect()
}

/// Lower-case ASCII letters and digits.
pub(crate) use crate::generate::ALNUM_LOWER;

/// Lower-case letters, digits and `-`.
pub(crate) use crate::generate::LABEL_CHARS as LABEL;

/// One byte of `set`, as a char.
pub(crate) fn ascii_of(set: &'static [u8]) -> impl Strategy<Value = char> {
    proptest::sample::select(set).prop_map(char::from)
}

/// A string of `len` characters of `set`.
pub(crate) fn ascii_string(
    set: &'static [u8],
    len: impl Into<proptest::collection::SizeRange> + 'static,
) -> impl Strategy<Value = String> {
    vec(ascii_of(set), len).prop_map(|c| c.into_iter().collect())
}

/// A DNS-style label of `len` characters (at least 1): `a-z 0-9 -`, a letter or digit first
/// and last.
pub(crate) fn label(
    len: impl Into<proptest::collection::SizeRange> + 'static,
) -> impl Strategy<Value = String> {
    ascii_string(LABEL, len)
        .prop_flat_map(|s| {
            (ascii_of(ALNUM_LOWER), ascii_of(ALNUM_LOWER)).prop_map(move |(first, last)| {
                let mut chars: Vec<char> = s.chars().collect();
                if let Some(c) = chars.first_mut() {
                    *c = first;
                }
                if let Some(c) = chars.last_mut() {
                    *c = last;
                }
                chars.into_iter().collect()
            })
        })
        .boxed()
}

/// A small deterministic generator for choices that would otherwise need one generated value
/// per character (which characters to percent-encode, which letters to upper-case).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bits(u64);

impl Bits {
    pub(crate) fn new(seed: u64) -> Self {
        Bits(seed | 1)
    }

    /// The next pseudo-random bit (xorshift64).
    pub(crate) fn next(&mut self) -> bool {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 & 1 == 1
    }
}

/// How to write the letters of a case-insensitive part.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Case {
    Lower,
    Upper,
    Mixed(u64),
}

impl Case {
    pub(crate) fn strategy() -> impl Strategy<Value = Case> {
        prop_oneof![
            3 => Just(Case::Lower),
            1 => Just(Case::Upper),
            2 => any::<u64>().prop_map(Case::Mixed),
        ]
    }

    pub(crate) fn apply(self, s: &str) -> String {
        match self {
            Case::Lower => s.to_ascii_lowercase(),
            Case::Upper => s.to_ascii_uppercase(),
            Case::Mixed(seed) => {
                let mut bits = Bits::new(seed);
                s.chars()
                    .map(|c| {
                        if bits.next() {
                            c.to_ascii_uppercase()
                        } else {
                            c.to_ascii_lowercase()
                        }
                    })
                    .collect()
            }
        }
    }
}
