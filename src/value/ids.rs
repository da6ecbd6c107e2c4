//! `MediaId` and `ReferenceId`: short ASCII identifiers, stored inside the value up to 40
//! characters (an IMS media ID is 32, a UUID 36) and in one exact-size heap allocation past
//! that.
//!
//! Both are 64 characters at most from `A-Z a-z 0-9 - _` and differ only in their least length
//! and in the parameter they report, so they share one private implementation, [`AsciiId`].
//!
//! # Design note: what the speed costs and what it buys
//!
//! Measured with `benches/values.rs` (`ReferenceId`, `MediaId` groups) on a 2-core machine:
//!
//! * Up to 40 characters inside the 48-byte value, longer ones in one exact-size allocation:
//!   a 36-character UUID parses in 13 ns instead of 25 ns. Long ones are not shared between
//!   clones: an `Arc` made 64 characters take 33 ns to parse instead of 28 ns.
//! * Validation reads two words side by side (the first and last eight bytes up to 16, every
//!   whole 16 and the last 16 past that): 64 characters in 27 ns instead of 33 ns one word at
//!   a time.
//! * The seven functions marked `#[inline(always)]` on the parse path: without them,
//!   `ReferenceId::from_str("123-123")` took 13.6 ns instead of 5.7 ns.
//! * Two inline identifiers compare as five words: two equal 32-character `MediaId`s in
//!   3.6 ns instead of 5.4 ns through `memcmp` (`MediaId/eq/hex_32`).

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::error::{Excerpt, ParamError, ParamErrorKind, Unit};
use crate::Param;

/// The most characters of an identifier, shared by both types.
const MAX: usize = 64;

/// The alphabet as words, for error messages.
const ALPHABET: &str = "A-Z a-z 0-9 - _";

const N: bool = false;
const Y: bool = true;

/// Which bytes an identifier may hold: `A-Z a-z 0-9 - _`. Every other byte, including every
/// byte of a multi-byte UTF-8 sequence, is refused. A `const` (not a `static`) so that the
/// `const fn from_static` constructors can read it.
#[rustfmt::skip]
const ALLOWED: [bool; 256] = [
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0x00
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0x10
    N, N, N, N, N, N, N, N, N, N, N, N, N, Y, N, N, // 0x20  -
    Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N, N, N, N, N, N, // 0x30  0-9
    N, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, // 0x40  A-O
    Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N, N, N, N, Y, // 0x50  P-Z _
    N, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, // 0x60  a-o
    Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N, N, N, N, N, // 0x70  p-z
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0x80
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0x90
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0xA0
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0xB0
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0xC0
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0xD0
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0xE0
    N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, // 0xF0
];

/// The most characters stored inside the value; longer identifiers go to the heap.
///
/// 40 holds an IMS media ID (32), a UUID (36) and a SHA-1 in hex (40) in a 48-byte value, a
/// `Result` of it included: parsing `123-123` takes about 70 % of the time it took when all 64
/// characters were inline (a 72-byte value, copied whole), while 41 to 64 characters pay an
/// allocation (benches/values.rs).
const INLINE: usize = 40;

/// Defines [`Len`] and its table [`Len::ALL`] from one list of its values.
macro_rules! lengths {
    ($($l:ident)*) => {
        /// The length of an inline identifier, 0 to [`INLINE`]. An enum rather than an
        /// integer: the values it cannot take mark the other variants of [`AsciiId`] and the
        /// `Err` of a `Result`, so that neither needs a tag beside it; a word wide, so that it
        /// is written with one store.
        #[derive(Clone, Copy)]
        #[repr(u64)]
        enum Len {
            $($l,)*
        }

        impl Len {
            /// Every length, at its own index.
            const ALL: [Len; INLINE + 1] = [$(Len::$l,)*];
        }
    };
}

lengths!(
    L0 L1 L2 L3 L4 L5 L6 L7 L8 L9 L10 L11 L12 L13 L14 L15 L16 L17 L18 L19 L20
    L21 L22 L23 L24 L25 L26 L27 L28 L29 L30 L31 L32 L33 L34 L35 L36 L37 L38 L39 L40
);

impl Len {
    /// `n` as a length; `None` past [`INLINE`].
    const fn new(n: usize) -> Option<Len> {
        if n <= INLINE {
            Some(Len::ALL[n])
        } else {
            None
        }
    }

    /// The length as a number.
    const fn get(self) -> usize {
        self as usize
    }
}

/// The inline bytes, aligned so that each word of them is written with one store.
#[repr(align(8))]
#[derive(Clone, Copy)]
struct Words([u8; INLINE]);

impl Words {
    /// Whether the bytes are equal, read as five words whose differences are or-ed.
    // Five words, not `memcmp` on the arrays: see the design note.
    fn same(&self, other: &Words) -> bool {
        let (a, _) = self.0.as_chunks::<8>();
        let (b, _) = other.0.as_chunks::<8>();
        a.iter().zip(b).fold(0, |diff, (a, b)| {
            diff | (u64::from_ne_bytes(*a) ^ u64::from_ne_bytes(*b))
        }) == 0
    }
}

/// An identifier of `min..=64` characters from [`ALLOWED`].
///
/// Invariant: an identifier of at most [`INLINE`] bytes is `Inline`, a longer one `Long`;
/// `Inline` holds its bytes at `bytes[..len]`, zero-padded after them. Equality,
/// order and hash are those of [`AsciiId::as_str`].
#[derive(Clone)]
enum AsciiId {
    /// At most [`INLINE`] bytes.
    Inline { len: Len, bytes: Words },
    /// More than [`INLINE`] bytes: owned when parsed, borrowed when from a literal (a `const`
    /// cannot allocate). Not shared between clones (see the design note): clones of such long
    /// IDs are rare.
    Long(Cow<'static, str>),
}

/// `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// The high bit of every byte of a word.
const HIGH: u64 = splat(0x80);

/// The high bit set in each byte of `word` that is not in `A-Z a-z 0-9 - _`: the [`ALLOWED`]
/// table applied to eight bytes at once (SIMD within a register).
///
/// Bytes with the high bit set are refused outright; the others are below 0x80, so adding a
/// constant of at most 0x80 never carries into the next byte, and `x + (0x80 - lo)` has the
/// high bit set exactly when `x >= lo`, `(x ^ c) + 0x7F` exactly when `x != c`.
#[inline]
fn bad_lanes(word: u64) -> u64 {
    let x = word & !HIGH;
    let at_least = |v: u64, lo: u8| v.wrapping_add(splat(0x80 - lo));
    let above = |v: u64, hi: u8| v.wrapping_add(splat(0x7F - hi));
    let in_range = |v: u64, lo: u8, hi: u8| at_least(v, lo) & !above(v, hi);
    let other_than = |v: u64, c: u8| (v ^ splat(c)).wrapping_add(splat(0x7F));
    // `| 0x20` maps A-Z onto a-z and nothing else onto a-z.
    let letter = in_range(x | splat(0x20), b'a', b'z');
    let digit = in_range(x, b'0', b'9');
    (!(letter | digit) & other_than(x, b'-') & other_than(x, b'_') | word) & HIGH
}

/// The first eight bytes of `c` as a little-endian word; `c` has at least eight (an
/// impossible shorter slice gives a word of zero bytes, which are refused).
// Always inlined: see the design note.
#[inline(always)]
fn load(c: &[u8]) -> u64 {
    c.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w))
}

/// 1 to 7 bytes as a word whose every byte is one of them (some repeated), to be checked as
/// a whole: the first four and the last four, or the first, the middle and the last.
// Always inlined: see the design note.
#[inline(always)]
fn short_word(b: &[u8]) -> u64 {
    if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        return u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << 32;
    }
    let (first, middle, last) = (b.first(), b.get(b.len() / 2), b.last());
    match (first, middle, last) {
        (Some(&f), Some(&m), Some(&l)) => u64::from_le_bytes([f, m, l, f, f, f, f, f]),
        // Empty: a word of zero bytes, which are refused.
        _ => 0,
    }
}

/// At most eight bytes as a little-endian word, zero-padded after their end: the first four
/// and the last four or-ed at their places (the bytes they share are the same), or byte by
/// byte.
// Always inlined: see the design note.
#[inline(always)]
fn load_word(b: &[u8]) -> u64 {
    let n = b.len();
    if let Some(whole) = b.first_chunk::<8>() {
        return u64::from_le_bytes(*whole);
    }
    if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        return u64::from(u32::from_le_bytes(*lo))
            | u64::from(u32::from_le_bytes(*hi)) << (8 * (n - 4));
    }
    let at = |i: usize| b.get(i).map_or(0, |&x| u64::from(x) << (8 * i));
    at(0) | at(n / 2) | at(n.saturating_sub(1))
}

impl AsciiId {
    /// Whether `bytes` pass the rule, for the hot path: small enough to inline into the
    /// caller, with no loop over single bytes and no branch on their values. Bytes are checked
    /// eight at a time with [`bad_lanes`], two words side by side: up to 16 bytes the first
    /// and the last eight, past that every whole 16 and the last 16 again (the words may
    /// overlap; a byte checked twice is harmless). An identifier shorter than a word is
    /// checked as one word made of its bytes, some of them twice. It may only be too strict,
    /// never too lenient: whatever it refuses goes to [`AsciiId::parse_slow`], which applies
    /// the whole rule and finds the error to report.
    // Always inlined: see the design note.
    #[inline(always)]
    fn is_valid_fast(bytes: &[u8], min: usize) -> bool {
        let len = bytes.len();
        if len < min || len > MAX {
            return false;
        }
        let Some(last) = bytes.last_chunk::<8>() else {
            return bad_lanes(short_word(bytes)) == 0;
        };
        // The same operations on two words, which the compiler turns into one vector of two:
        // Two words side by side: see the design note.
        let pair = |a: &[u8], b: &[u8]| bad_lanes(load(a)) | bad_lanes(load(b));
        let bad = match bytes.last_chunk::<16>() {
            None => pair(bytes, last),
            Some(tail) => {
                let (a, b) = tail.split_at(8);
                let mut bad = pair(a, b);
                for c in bytes.chunks_exact(16) {
                    let (a, b) = c.split_at(8);
                    bad |= pair(a, b);
                }
                bad
            }
        };
        bad == 0
    }

    /// The identifier `s` (at most [`MAX`] allowed bytes, checked by the caller) as a value:
    /// up to [`INLINE`] bytes copied a word at a time, each word built in a register and
    /// written whole, the rest zero; longer ones copied to the heap.
    // Always inlined: see the design note.
    #[inline(always)]
    fn copy_of(s: &str) -> Self {
        let bytes = s.as_bytes();
        let Some(len) = Len::new(bytes.len()) else {
            return AsciiId::Long(Cow::Owned(s.to_owned()));
        };
        let word = |i: usize| {
            let word = bytes.get(8 * i..len.get().min(8 * i + 8));
            // Past the end the range is empty or reversed: no bytes, a zero word.
            word.map_or(0, load_word)
        };
        let mut out = [0; INLINE];
        for (i, dst) in out.chunks_exact_mut(8).enumerate() {
            dst.copy_from_slice(&word(i).to_le_bytes());
        }
        AsciiId::Inline {
            len,
            bytes: Words(out),
        }
    }

    /// Checks `s` against the rule and copies it; the fast path
    /// ([`AsciiId::is_valid_fast`], [`AsciiId::copy_of`]) where it applies.
    #[cfg(test)]
    fn parse(s: &str, min: usize, param: Param) -> Result<Self, ParamError> {
        if Self::is_valid_fast(s.as_bytes(), min) {
            Ok(Self::copy_of(s))
        } else {
            Self::parse_slow(s, min, param)
        }
    }

    /// The whole rule, checked in the order the errors are reported: emptiness, a refused
    /// character anywhere, then the length.
    #[cold]
    #[inline(never)]
    fn parse_slow(s: &str, min: usize, param: Param) -> Result<Self, ParamError> {
        let bytes = s.as_bytes();
        let len = bytes.len();
        if len == 0 {
            return Err(ParamError::new(
                param,
                ParamErrorKind::Empty {
                    min,
                    unit: Unit::Characters,
                },
            ));
        }
        // The whole value is read (linear, nothing copied): a refused character is named
        // wherever it stands, and a length past the limit is then a count of ASCII
        // characters, never of the bytes of a multi-byte one.
        if let Some(kind) = refused_character(s.char_indices(), || Excerpt::new(s)) {
            return Err(ParamError::new(param, kind));
        }
        if len > MAX {
            return Err(ParamError::new(
                param,
                ParamErrorKind::TooLong {
                    max: MAX,
                    found: len,
                    unit: Unit::Characters,
                },
            ));
        }
        if len < min {
            return Err(ParamError::new(
                param,
                ParamErrorKind::TooShort {
                    min,
                    found: len,
                    unit: Unit::Characters,
                    value: Excerpt::new(s),
                },
            ));
        }
        Ok(Self::copy_of(s))
    }

    /// The same rule in a `const fn`: whether [`AsciiId::parse`] would succeed.
    const fn is_valid_static(s: &str, min: usize) -> bool {
        let src = s.as_bytes();
        if src.len() < min || src.len() > MAX {
            return false;
        }
        let mut i = 0;
        while i < src.len() {
            if !ALLOWED[src[i] as usize] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// A literal that passes [`AsciiId::is_valid_static`], in a `const fn`: inline up to
    /// [`INLINE`] bytes, otherwise the literal itself.
    const fn from_static(s: &'static str) -> Self {
        let src = s.as_bytes();
        let Some(len) = Len::new(src.len()) else {
            return AsciiId::Long(Cow::Borrowed(s));
        };
        let mut bytes = [0; INLINE];
        let mut i = 0;
        while i < len.get() {
            bytes[i] = src[i];
            i += 1;
        }
        AsciiId::Inline {
            len,
            bytes: Words(bytes),
        }
    }

    /// The identifier.
    fn as_str(&self) -> &str {
        match self {
            AsciiId::Inline { len, bytes } => {
                let used = bytes
                    .0
                    .get(..len.get())
                    .expect("an inline length is at most the inline capacity");
                std::str::from_utf8(used).expect("an identifier is ASCII")
            }
            AsciiId::Long(s) => s,
        }
    }
}

impl PartialEq for AsciiId {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            // Zero-padded, so the whole arrays compare as the strings do, without a UTF-8
            // check: `apply_update` compares the identifiers of every update.
            (AsciiId::Inline { len: a, bytes: x }, AsciiId::Inline { len: b, bytes: y }) => {
                a.get() == b.get() && x.same(y)
            }
            (AsciiId::Long(a), AsciiId::Long(b)) => a == b,
            // An identifier is inline exactly when it fits, so an inline one and a long one
            // never hold the same string.
            _ => {
                debug_assert_ne!(self.as_str(), other.as_str());
                false
            }
        }
    }
}

impl Eq for AsciiId {}

impl fmt::Debug for AsciiId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Hash for AsciiId {
    /// Hashes as the string does, so that `Borrow<str>` is sound for hash maps.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for AsciiId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AsciiId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// The `as_str`, `into_string`, `FromStr`, `Debug` and `Borrow<str>` of an identifier type
/// `$ty(AsciiId)` that has `fn parse(s: &str) -> Result<Self, ParamError>`; the other traits
/// are `value_traits!`'s.
macro_rules! ascii_id_traits {
    ($ty:ident) => {
        impl $ty {
            /// The identifier, exactly as given.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// The identifier as an owned `String`.
            pub fn into_string(self) -> String {
                self.0.as_str().to_owned()
            }
        }

        impl std::str::FromStr for $ty {
            type Err = ParamError;

            #[inline]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::parse(s)
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($ty))
                    .field(&self.as_str())
                    .finish()
            }
        }

        impl Borrow<str> for $ty {
            fn borrow(&self) -> &str {
                self.as_str()
            }
        }
    };
}

/// The ID of a media asset in IMS (`MediaId`): 1 to 64 characters from `A-Z a-z 0-9 - _`.
///
/// IMS IDs are 32 lower-case hex characters; public-library IDs add the prefix `icepublic-`.
/// The wider rule accepts both and whatever IMS issues next within the alphabet. Masked
/// examples from the documentation (`****20b48fb04483915d4f2cd8ac****`) are not IDs.
///
/// The value is 48 bytes and holds up to 40 characters itself (every IMS ID but the 42 of a
/// public-library one); a longer one is in one heap allocation of its length. It is compared,
/// hashed and ordered as its string, so a `HashMap<MediaId, _>` can be looked up with a
/// `&str`.
///
/// In a request an empty `MediaId` counts as absent ([rule 1](crate::rules)); that is decided by the
/// request parser, this type is never empty.
///
/// # Errors
///
/// The error is the first of these problems:
/// * the empty string ([`ParamErrorKind::Empty`]);
/// * a character outside `A-Z a-z 0-9 - _` anywhere in the value
///   ([`ParamErrorKind::InvalidCharacter`] with the first such character, which may be
///   multi-byte, and its byte offset);
/// * more than 64 characters ([`ParamErrorKind::TooLong`]); every character is ASCII by then,
///   so `found` counts characters.
///
/// ```
/// use ims_media::MediaId;
/// let id: MediaId = "2b36bd19c13f4145b094c0cad80dbce5".parse()?;
/// assert_eq!(id.as_str(), "2b36bd19c13f4145b094c0cad80dbce5");
///
/// let err = "****20b48fb04483915d4f2cd8ac****".parse::<MediaId>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid MediaId: character '*' at byte 0 not allowed, only A-Z a-z 0-9 - _ \
///      in \"****20b48fb04483915d4f2cd8ac****\""
/// );
/// assert_eq!(
///     "a".repeat(65).parse::<MediaId>().unwrap_err().to_string(),
///     "invalid MediaId: 65 characters, at most 64 allowed"
/// );
/// # Ok::<(), ims_media::ParamError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MediaId(AsciiId);

impl MediaId {
    /// The least number of characters.
    pub const MIN_CHARS: usize = 1;
    /// The most characters.
    pub const MAX_CHARS: usize = MAX;
    /// The most bytes: the same number as [`Self::MAX_CHARS`], since every allowed character
    /// is one ASCII byte.
    pub const MAX_BYTES: usize = MAX;

    // Always inlined: see the design note.
    #[inline(always)]
    fn parse(s: &str) -> Result<Self, ParamError> {
        // The value is built in one expression, so that it is written once, in place.
        if AsciiId::is_valid_fast(s.as_bytes(), Self::MIN_CHARS) {
            Ok(MediaId(AsciiId::copy_of(s)))
        } else {
            AsciiId::parse_slow(s, Self::MIN_CHARS, Param::MediaId).map(MediaId)
        }
    }

    /// A `MediaId` from a literal, checked by the same rule; usable in a `const`.
    ///
    /// # Panics
    ///
    /// If `s` breaks the rule — at compile time when used in a `const`:
    ///
    /// ```should_panic
    /// let _ = ims_media::MediaId::from_static("****20b48fb04483915d4f2cd8ac****");
    /// ```
    ///
    /// ```
    /// use ims_media::MediaId;
    /// const ID: MediaId = MediaId::from_static("icepublic-9a1f0c2e");
    /// assert_eq!(ID.as_str(), "icepublic-9a1f0c2e");
    /// ```
    #[allow(clippy::panic)]
    pub const fn from_static(s: &'static str) -> Self {
        if !AsciiId::is_valid_static(s, Self::MIN_CHARS) {
            panic!("invalid MediaId: 1 to 64 characters of A-Z a-z 0-9 - _ required");
        }
        MediaId(AsciiId::from_static(s))
    }
}

ascii_id_traits!(MediaId);

/// A caller-chosen reference (`ReferenceId`): 6 to 64 characters from `A-Z a-z 0-9 - _`.
///
/// IMS wants it unique among the user's assets; uniqueness is the caller's concern (the
/// outcome of [`apply_update`](crate::apply_update) says whether `ReferenceId` changed).
///
/// Stored like [`MediaId`] (up to 40 characters inside the 48-byte value, UUIDs included,
/// longer ones on the heap), compared, hashed and ordered as its string.
///
/// # Errors
///
/// The error is the first of these problems:
/// * the empty string ([`ParamErrorKind::Empty`] with `min` 6);
/// * a character outside `A-Z a-z 0-9 - _` anywhere in the value
///   ([`ParamErrorKind::InvalidCharacter`] with the first such character and its byte offset);
/// * more than 64 characters ([`ParamErrorKind::TooLong`]; every character is ASCII by then,
///   so `found` counts characters);
/// * 1 to 5 characters ([`ParamErrorKind::TooShort`]).
///
/// ```
/// use ims_media::ReferenceId;
/// assert_eq!("123-123".parse::<ReferenceId>()?.as_str(), "123-123");
/// assert_eq!(
///     "abc".parse::<ReferenceId>().unwrap_err().to_string(),
///     "invalid ReferenceId: 3 characters, at least 6 required in \"abc\""
/// );
/// assert_eq!(
///     "ref 2024".parse::<ReferenceId>().unwrap_err().to_string(),
///     "invalid ReferenceId: character ' ' at byte 3 not allowed, only A-Z a-z 0-9 - _ \
///      in \"ref 2024\""
/// );
/// # Ok::<(), ims_media::ParamError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReferenceId(AsciiId);

impl ReferenceId {
    /// The least number of characters.
    pub const MIN_CHARS: usize = 6;
    /// The most characters.
    pub const MAX_CHARS: usize = MAX;
    /// The most bytes: the same number as [`Self::MAX_CHARS`], since every allowed character
    /// is one ASCII byte.
    pub const MAX_BYTES: usize = MAX;

    // Always inlined: see the design note.
    #[inline(always)]
    fn parse(s: &str) -> Result<Self, ParamError> {
        // The value is built in one expression, so that it is written once, in place.
        if AsciiId::is_valid_fast(s.as_bytes(), Self::MIN_CHARS) {
            Ok(ReferenceId(AsciiId::copy_of(s)))
        } else {
            AsciiId::parse_slow(s, Self::MIN_CHARS, Param::ReferenceId).map(ReferenceId)
        }
    }

    /// A `ReferenceId` from a literal, checked by the same rule; usable in a `const`.
    ///
    /// # Panics
    ///
    /// If `s` breaks the rule — at compile time when used in a `const`:
    ///
    /// ```should_panic
    /// let _ = ims_media::ReferenceId::from_static("abc");
    /// ```
    ///
    /// ```
    /// use ims_media::ReferenceId;
    /// const REF: ReferenceId = ReferenceId::from_static("ref_2024-001");
    /// assert_eq!(REF.as_str(), "ref_2024-001");
    /// ```
    #[allow(clippy::panic)]
    pub const fn from_static(s: &'static str) -> Self {
        if !AsciiId::is_valid_static(s, Self::MIN_CHARS) {
            panic!("invalid ReferenceId: 6 to 64 characters of A-Z a-z 0-9 - _ required");
        }
        ReferenceId(AsciiId::from_static(s))
    }
}

ascii_id_traits!(ReferenceId);

/// The first character outside `A-Z a-z 0-9 - _`, as the error that names it; `value` gives
/// the value's excerpt.
fn refused_character(
    mut chars: impl Iterator<Item = (usize, char)>,
    value: impl FnOnce() -> Excerpt,
) -> Option<ParamErrorKind> {
    let (at, ch) =
        chars.find(|&(_, ch)| !u8::try_from(ch).is_ok_and(|b| ALLOWED[usize::from(b)]))?;
    Some(ParamErrorKind::InvalidCharacter {
        ch,
        at,
        allowed: ALPHABET,
        value: value(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_rule() {
        for b in 0..=255u8 {
            let want = b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
            assert_eq!(ALLOWED[usize::from(b)], want, "byte {b:#04X}");
        }
    }

    #[test]
    fn word_check_matches_the_table() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut word = *b"aZ09-_xY";
                word[lane] = b;
                let bad = bad_lanes(u64::from_le_bytes(word));
                let want = if ALLOWED[usize::from(b)] {
                    0
                } else {
                    0x80 << (8 * lane)
                };
                assert_eq!(bad, want, "byte {b:#04X} in lane {lane}");
            }
        }
    }

    #[test]
    fn short_words_hold_only_their_bytes() {
        let data: Vec<u8> = (1..=7).collect();
        for n in 1..=7 {
            let word = short_word(&data[..n]).to_le_bytes();
            assert!(word.iter().all(|b| data[..n].contains(b)), "{n}");
            for b in &data[..n] {
                assert!(word.contains(b), "{n}");
            }
        }
        assert_eq!(short_word(b""), 0);
    }

    #[test]
    fn words_are_zero_padded_at_every_length() {
        let data: Vec<u8> = (1..=8).collect();
        for n in 0..=8 {
            let mut want = [0u8; 8];
            want[..n].copy_from_slice(&data[..n]);
            assert_eq!(load_word(&data[..n]), u64::from_le_bytes(want), "{n}");
        }
    }

    #[test]
    fn fast_and_slow_paths_agree_at_every_length_and_position() {
        for len in 0..=70 {
            let good: String = "aZ09-_".chars().cycle().take(len).collect();
            for min in [1, 6] {
                let fast = AsciiId::parse(&good, min, Param::ReferenceId);
                assert_eq!(fast, AsciiId::parse_slow(&good, min, Param::ReferenceId));
                assert_eq!(fast.is_ok(), (min..=64).contains(&len), "{len}");
                if let Ok(id) = fast {
                    assert_eq!(id.as_str(), good);
                    assert_inline_iff_short(&id, len);
                }
            }
            for at in 0..len {
                for bad in [
                    b'\0', b' ', b'.', b'*', 0x7F, b'`', b'{', b'@', b'[', b'/', b':',
                ] {
                    let mut s = good.clone().into_bytes();
                    s[at] = bad;
                    let s = String::from_utf8(s).unwrap();
                    let fast = AsciiId::parse(&s, 1, Param::MediaId);
                    assert_eq!(fast, AsciiId::parse_slow(&s, 1, Param::MediaId));
                    assert!(fast.is_err(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn parse_and_from_static_agree() {
        let cases = [
            "",
            "a",
            "abcde",
            "abcdef",
            "a*",
            "é",
            &"x".repeat(64),
            &"x".repeat(65),
        ];
        for s in cases {
            for min in [1, 6] {
                let parsed = AsciiId::parse(s, min, Param::MediaId);
                assert_eq!(parsed, AsciiId::parse_slow(s, min, Param::MediaId), "{s:?}");
                assert_eq!(
                    parsed.is_ok(),
                    AsciiId::is_valid_static(s, min),
                    "{s:?} {min}"
                );
            }
        }
    }

    /// `id`, of `len` bytes, is inline exactly when it fits, zero-padded.
    fn assert_inline_iff_short(id: &AsciiId, len: usize) {
        match id {
            AsciiId::Inline { len: n, bytes } => {
                assert!(len <= INLINE);
                assert_eq!(n.get(), len);
                assert!(bytes.0[len..].iter().all(|&b| b == 0), "{len}");
            }
            AsciiId::Long(s) => {
                assert!(len > INLINE && s.len() == len && matches!(s, Cow::Owned(_)))
            }
        }
    }

    #[test]
    fn lengths_are_their_numbers() {
        for n in 0..=INLINE {
            assert_eq!(Len::new(n).map(Len::get), Some(n));
        }
        assert!(Len::new(INLINE + 1).is_none());
    }

    #[test]
    fn literals_equal_parsed_values_on_both_sides_of_the_inline_limit() {
        use std::hash::BuildHasher;
        const SHORT: &str = "icepublic-2b36bd19c13f4145b094c0cad80d";
        const LONG: &str = "icepublic-2b36bd19c13f4145b094c0cad80dbce5";
        for s in [SHORT, LONG] {
            let parsed = AsciiId::parse(s, 1, Param::MediaId).unwrap();
            let literal = AsciiId::from_static(s);
            assert_eq!(parsed, literal);
            assert_eq!(literal.as_str(), s);
            assert_eq!(parsed.cmp(&literal), std::cmp::Ordering::Equal);
            let state = std::collections::hash_map::RandomState::new();
            assert_eq!(state.hash_one(&parsed), state.hash_one(&literal));
        }
        assert!(matches!(
            AsciiId::from_static(SHORT),
            AsciiId::Inline { .. }
        ));
        assert!(matches!(
            AsciiId::from_static(LONG),
            AsciiId::Long(Cow::Borrowed(_))
        ));
    }
}

/// An identifier type with the `MediaId` rule (1 to 64 characters of `A-Z a-z 0-9 - _`),
/// stored as [`MediaId`] is, reporting the parameter `$param`.
macro_rules! id_type {
    ($(#[$doc:meta])* $ty:ident, $param:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $ty(AsciiId);

        impl $ty {
            /// The least number of characters.
            pub const MIN_CHARS: usize = 1;
            /// The most characters.
            pub const MAX_CHARS: usize = MAX;

            #[inline]
            fn parse(s: &str) -> Result<Self, ParamError> {
                if AsciiId::is_valid_fast(s.as_bytes(), Self::MIN_CHARS) {
                    Ok($ty(AsciiId::copy_of(s)))
                } else {
                    AsciiId::parse_slow(s, Self::MIN_CHARS, Param::$param).map($ty)
                }
            }

            /// A value from a literal, checked by the same rule; usable in a `const`.
            ///
            /// # Panics
            ///
            /// If `s` breaks the rule — at compile time when used in a `const`.
            #[allow(clippy::panic)]
            pub const fn from_static(s: &'static str) -> Self {
                if !AsciiId::is_valid_static(s, Self::MIN_CHARS) {
                    panic!("1 to 64 characters of A-Z a-z 0-9 - _ required");
                }
                $ty(AsciiId::from_static(s))
            }
        }

        ascii_id_traits!($ty);
    };
}

id_type!(
    /// RegisterMediaInfo's idempotence token (`ClientToken`): 1 to 64 characters of
    /// `A-Z a-z 0-9 - _`, so that a UUID fits with or without its hyphens (decided after the
    /// other Alibaba Cloud APIs' idempotence tokens, ASCII up to 64 characters).
    ///
    /// A service keeps `ClientToken` → `MediaId`: a retry carries the same token, and two
    /// requests with one token are the same request when they are equal after parsing.
    ///
    /// # Errors
    ///
    /// As [`MediaId`]'s, on `ClientToken`:
    ///
    /// ```
    /// use ims_media::ClientToken;
    /// assert!("0311a423-d11a-5f7d-ee71-35350311a423".parse::<ClientToken>().is_ok());
    /// assert!("has space".parse::<ClientToken>().is_err());
    /// ```
    ClientToken,
    ClientToken
);

id_type!(
    /// A workflow to run after registration (`WorkflowId`): 1 to 64 characters of
    /// `A-Z a-z 0-9 - _`, the `MediaId` rule.
    ///
    /// # Errors
    ///
    /// As [`MediaId`]'s, on `WorkflowId`:
    ///
    /// ```
    /// assert!("c6b0a7e1d9f24f1b8d3e5a7c9b1d3f5e".parse::<ims_media::WorkflowId>().is_ok());
    /// ```
    WorkflowId,
    WorkflowId
);

id_type!(
    /// A smart-tagging template to run after registration (`SmartTagTemplateId`): 1 to 64
    /// characters of `A-Z a-z 0-9 - _`, the `MediaId` rule; the documented templates are the
    /// constants.
    ///
    /// # Errors
    ///
    /// As [`MediaId`]'s, on `SmartTagTemplateId`:
    ///
    /// ```
    /// use ims_media::SmartTagTemplateId;
    /// assert_eq!("S00000101-300080".parse::<SmartTagTemplateId>()?, SmartTagTemplateId::S00000101_300080);
    /// # Ok::<(), ims_media::ParamError>(())
    /// ```
    SmartTagTemplateId,
    SmartTagTemplateId
);

impl SmartTagTemplateId {
    /// `S00000101-300080`, a documented template.
    pub const S00000101_300080: SmartTagTemplateId =
        SmartTagTemplateId::from_static("S00000101-300080");
    /// `S00000103-000001`, a documented template.
    pub const S00000103_000001: SmartTagTemplateId =
        SmartTagTemplateId::from_static("S00000103-000001");
    /// `S00000103-000002`, a documented template.
    pub const S00000103_000002: SmartTagTemplateId =
        SmartTagTemplateId::from_static("S00000103-000002");
}
