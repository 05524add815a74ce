//! `StrData`, the component of a `str` entity: immutable generalized UTF-8 (UTF-8 that may hold
//! lone surrogates, the encoding of `protopy_compiler::pystr::PyStr`), its length in code points
//! and a cached hash. Plays the role of CPython's `PyUnicodeObject` (Objects/unicodeobject.c).

use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};

use crate::trace::{sealed, Component, Kind, Trace, Tracer};

/// A cached Python hash. Python never returns -1 from `__hash__` (it means "error" in C), so -1
/// marks an empty cache. Racing writers store the same value, so `Relaxed` is enough.
pub struct HashCache(AtomicI64);

impl HashCache {
    pub const fn new() -> HashCache {
        HashCache(AtomicI64::new(-1))
    }

    pub fn get(&self) -> Option<i64> {
        let h = self.0.load(Ordering::Relaxed);
        (h != -1).then_some(h)
    }

    /// Records a hash; -1 (never a Python hash) is ignored.
    pub fn set(&self, hash: i64) {
        self.0.store(hash, Ordering::Relaxed);
    }
}

impl Default for HashCache {
    fn default() -> HashCache {
        HashCache::new()
    }
}

impl fmt::Debug for HashCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.get())
    }
}

/// Bytes that are not generalized UTF-8; `valid_up_to` is where the bad sequence starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidStr {
    pub valid_up_to: usize,
}

/// A Python `str`: any sequence of code points U+0000..=U+10FFFF, surrogates included.
///
/// Stored as generalized UTF-8: a surrogate is its own 3-byte sequence (`ED A0..BF xx`) and two
/// surrogates are never merged, so equal strings have equal bytes.
pub struct StrData {
    bytes: Box<[u8]>,
    /// Length in code points (Python's `len`).
    chars: usize,
    surrogates: bool,
    hash: HashCache,
}

impl StrData {
    /// A string from code points; a value above U+10FFFF (no Python string holds one) is
    /// stored as U+FFFD.
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> StrData {
        let mut bytes = Vec::new();
        let mut chars = 0;
        let mut surrogates = false;
        for cp in cps {
            chars += 1;
            if let Some(c) = char::from_u32(cp) {
                bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            } else if (0xD800..=0xDFFF).contains(&cp) {
                surrogates = true;
                bytes.extend_from_slice(&[
                    0xE0 | (cp >> 12) as u8,
                    0x80 | ((cp >> 6) & 0x3F) as u8,
                    0x80 | (cp & 0x3F) as u8,
                ]);
            } else {
                bytes.extend_from_slice("\u{FFFD}".as_bytes());
            }
        }
        StrData {
            bytes: bytes.into_boxed_slice(),
            chars,
            surrogates,
            hash: HashCache::new(),
        }
    }

    /// A string from generalized UTF-8 bytes (what `PyStr::as_bytes` gives), checked.
    pub fn from_generalized_utf8(bytes: Vec<u8>) -> Result<StrData, InvalidStr> {
        let (chars, surrogates) = validate(&bytes)?;
        Ok(StrData {
            bytes: bytes.into_boxed_slice(),
            chars,
            surrogates,
            hash: HashCache::new(),
        })
    }

    /// The generalized UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The text as `&str`, when it holds no surrogates.
    pub fn as_str(&self) -> Option<&str> {
        if self.surrogates {
            None
        } else {
            std::str::from_utf8(&self.bytes).ok()
        }
    }

    /// The number of code points.
    pub fn len(&self) -> usize {
        self.chars
    }

    pub fn is_empty(&self) -> bool {
        self.chars == 0
    }

    /// Whether every code point is ASCII (then byte and code point indices coincide).
    pub fn is_ascii(&self) -> bool {
        self.chars == self.bytes.len()
    }

    pub fn has_surrogates(&self) -> bool {
        self.surrogates
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.bytes,
            pos: 0,
        }
    }

    /// The code points from byte offset `byte` (the start of one), in order: for iterating
    /// from a remembered place without decoding the text before it again.
    pub fn code_points_from(&self, byte: usize) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.bytes,
            pos: byte,
        }
    }

    /// The text with every surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        match self.as_str() {
            Some(s) => s.to_owned(),
            None => self
                .code_points()
                .map(|cp| char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect(),
        }
    }

    /// The cached `hash(s)`, once the interpreter has computed and stored it.
    pub fn hash(&self) -> &HashCache {
        &self.hash
    }
}

impl From<&str> for StrData {
    fn from(s: &str) -> StrData {
        StrData {
            bytes: s.as_bytes().into(),
            chars: s.chars().count(),
            surrogates: false,
            hash: HashCache::new(),
        }
    }
}

impl From<String> for StrData {
    fn from(s: String) -> StrData {
        let chars = s.chars().count();
        StrData {
            bytes: s.into_bytes().into_boxed_slice(),
            chars,
            surrogates: false,
            hash: HashCache::new(),
        }
    }
}

impl PartialEq for StrData {
    fn eq(&self, other: &StrData) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for StrData {}

impl fmt::Debug for StrData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StrData({:?})", self.to_string_lossy())
    }
}

impl Trace for StrData {
    fn trace(&self, _: &mut Tracer) {}
}

impl sealed::Sealed for StrData {}
impl Component for StrData {
    const KIND: Kind = Kind::Str;
}

/// Checks generalized UTF-8; returns the code point count and whether surrogates occur.
fn validate(b: &[u8]) -> Result<(usize, bool), InvalidStr> {
    // Most text is ASCII or strict UTF-8, which the standard library checks many bytes at a
    // time; only text with surrogates (or invalid bytes) takes the byte-by-byte loop.
    if b.is_ascii() {
        return Ok((b.len(), false));
    }
    if std::str::from_utf8(b).is_ok() {
        // Code points are the bytes that do not continue a sequence (not 0b10xx_xxxx).
        let chars = b.iter().filter(|&&x| (x as i8) >= -0x40).count();
        return Ok((chars, false));
    }
    let mut i = 0;
    let mut chars = 0;
    let mut surrogates = false;
    let cont = |k: usize| b.get(k).is_some_and(|&x| x & 0xC0 == 0x80);
    while let Some(&lead) = b.get(i) {
        let bad = InvalidStr { valid_up_to: i };
        let second = b.get(i + 1).copied().unwrap_or(0);
        let len = match lead {
            0x00..=0x7F => 1,
            0xC2..=0xDF if cont(i + 1) => 2,
            0xE0 if (0xA0..=0xBF).contains(&second) && cont(i + 2) => 3,
            0xE1..=0xEF if cont(i + 1) && cont(i + 2) => {
                // `ED A0..BF` is a surrogate: allowed here, unlike in strict UTF-8.
                surrogates |= lead == 0xED && second >= 0xA0;
                3
            }
            0xF0 if (0x90..=0xBF).contains(&second) && cont(i + 2) && cont(i + 3) => 4,
            0xF1..=0xF3 if cont(i + 1) && cont(i + 2) && cont(i + 3) => 4,
            0xF4 if (0x80..=0x8F).contains(&second) && cont(i + 2) && cont(i + 3) => 4,
            _ => return Err(bad),
        };
        i += len;
        chars += 1;
    }
    Ok((chars, surrogates))
}

/// Iterator over a [`StrData`]'s code points.
#[derive(Clone, Debug)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl CodePoints<'_> {
    /// The byte offset of the next code point.
    pub fn offset(&self) -> usize {
        self.pos
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = self.bytes;
        let i = self.pos;
        let lead = *b.get(i)?;
        // The bytes were validated, so each sequence is complete; reads stay checked anyway.
        let cont = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
        let (cp, len) = match lead {
            0x00..=0x7F => (u32::from(lead), 1),
            0xC0..=0xDF => ((u32::from(lead & 0x1F) << 6) | cont(1), 2),
            0xE0..=0xEF => ((u32::from(lead & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
            _ => (
                (u32::from(lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
                4,
            ),
        };
        self.pos = i + len;
        Some(cp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_round_trip_with_surrogates() {
        let cps = [
            0x41, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF,
        ];
        let s = StrData::from_code_points(cps);
        assert_eq!(s.code_points().collect::<Vec<_>>(), cps);
        assert_eq!(s.len(), cps.len());
        assert!(s.has_surrogates() && !s.is_ascii());
        assert_eq!(s.as_str(), None);
        let again = StrData::from_generalized_utf8(s.as_bytes().to_vec());
        assert_eq!(again.as_ref().map(StrData::len), Ok(cps.len()));
        assert!(again.is_ok_and(|a| a == s && a.has_surrogates()));
    }

    #[test]
    fn surrogate_pairs_stay_apart() {
        let pair = StrData::from_code_points([0xD83D, 0xDE00]);
        assert_eq!(pair.as_bytes(), &[0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]);
        assert_ne!(pair, StrData::from("\u{1F600}"));
        assert_eq!(pair.to_string_lossy(), "\u{FFFD}\u{FFFD}");
        assert_eq!(pair.len(), 2);
    }

    #[test]
    fn plain_text() {
        let s = StrData::from("abé😀");
        assert_eq!(s.len(), 4);
        assert_eq!(s.as_str(), Some("abé😀"));
        assert!(!s.is_ascii() && !s.has_surrogates());
        assert!(StrData::from(String::new()).is_empty());
        assert!(StrData::from("ascii").is_ascii());
        assert_eq!(
            StrData::from_code_points([0x110000]).as_str(),
            Some("\u{FFFD}")
        );
        assert_eq!(format!("{s:?}"), "StrData(\"abé😀\")");
    }

    #[test]
    fn invalid_bytes_are_rejected_at_their_offset() {
        for (bytes, at) in [
            (&b"ab\xFF"[..], 2),
            (b"\xC0\x80", 0),
            (b"a\xE0\x80\x80", 1),
            (b"\xF0\x80\x80\x80", 0),
            (b"\xF4\x90\x80\x80", 0),
            (b"\xED\xA0", 0),
            (b"xy\xE2\x82", 2),
        ] {
            let r = StrData::from_generalized_utf8(bytes.to_vec()).map(|s| s.len());
            assert_eq!(r, Err(InvalidStr { valid_up_to: at }), "{bytes:?}");
        }
        let ok = StrData::from_generalized_utf8(b"\xF4\x8F\xBF\xBF\xED\x9F\xBF".to_vec());
        assert!(ok.is_ok_and(|s| s.len() == 2 && !s.has_surrogates()));
    }

    #[test]
    fn hash_cache() {
        let s = StrData::from("x");
        assert_eq!(s.hash().get(), None);
        s.hash().set(42);
        assert_eq!(s.hash().get(), Some(42));
    }
}
