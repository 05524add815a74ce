//! `PyStr`: a Python `str` value, which unlike Rust's `String` may hold lone surrogates
//! (`'\ud800'`). Stored as generalized UTF-8: surrogates use their 3-byte encodings and are never
//! paired up, so every code point round-trips. Plays the role of CPython's `PyUnicodeObject`
//! (Objects/unicodeobject.c) for the front end.

use std::fmt;

/// A Python string: any sequence of code points U+0000..=U+10FFFF.
///
/// The bytes are UTF-8 except that a surrogate code point (U+D800..=U+DFFF) is stored as its own
/// 3-byte sequence (`ED A0..BF xx`); two surrogates are never merged into one supplementary
/// character, so equal strings have equal bytes and the derived `Eq`/`Hash` compare code points.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PyStr {
    bytes: Vec<u8>,
    /// Whether any surrogate was pushed (then `bytes` is not valid UTF-8).
    surrogates: bool,
}

impl PyStr {
    /// Takes bytes already in `PyStr`'s encoding (UTF-8 in which surrogates may appear as
    /// their 3-byte forms), validated in one pass; the bytes back when they are not.
    pub fn from_generalized_utf8(bytes: Vec<u8>) -> Result<PyStr, Vec<u8>> {
        if std::str::from_utf8(&bytes).is_ok() {
            Ok(PyStr {
                bytes,
                surrogates: false,
            })
        } else if is_generalized_utf8(&bytes) {
            Ok(PyStr {
                bytes,
                surrogates: true,
            })
        } else {
            Err(bytes)
        }
    }

    /// The encoded bytes, giving up the string.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    pub fn new() -> Self {
        PyStr {
            bytes: Vec::new(),
            surrogates: false,
        }
    }

    /// An empty string with room for `bytes` bytes of (generalized) UTF-8.
    pub fn with_capacity(bytes: usize) -> Self {
        PyStr {
            bytes: Vec::with_capacity(bytes),
            surrogates: false,
        }
    }

    pub fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Appends any code point, surrogates included. A value above U+10FFFF (which no Python
    /// string can hold) is stored as U+FFFD.
    pub fn push_code_point(&mut self, cp: u32) {
        if let Some(c) = char::from_u32(cp) {
            self.push(c);
        } else if (0xD800..=0xDFFF).contains(&cp) {
            self.surrogates = true;
            self.bytes.extend_from_slice(&[
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]);
        } else {
            self.push(char::REPLACEMENT_CHARACTER);
        }
    }

    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends another Python string.
    pub fn push_pystr(&mut self, s: &PyStr) {
        self.bytes.extend_from_slice(&s.bytes);
        self.surrogates |= s.surrogates;
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.bytes,
            pos: 0,
        }
    }

    /// The string as `&str`, when it holds no surrogates.
    pub fn as_str(&self) -> Option<&str> {
        if self.surrogates {
            None
        } else {
            std::str::from_utf8(&self.bytes).ok()
        }
    }

    /// The generalized UTF-8 bytes (UTF-8 with surrogates encoded individually).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether any code point is a surrogate.
    pub fn has_surrogates(&self) -> bool {
        self.surrogates
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The number of code points (Python's `len`).
    pub fn len(&self) -> usize {
        // Every code point has exactly one byte that is not a continuation byte.
        self.bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
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
}

impl From<&str> for PyStr {
    fn from(s: &str) -> Self {
        PyStr {
            bytes: s.as_bytes().to_vec(),
            surrogates: false,
        }
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> Self {
        PyStr {
            bytes: s.into_bytes(),
            surrogates: false,
        }
    }
}

impl FromIterator<char> for PyStr {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> Self {
        let mut s = PyStr::new();
        iter.into_iter().for_each(|c| s.push(c));
        s
    }
}

impl FromIterator<u32> for PyStr {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> Self {
        let mut s = PyStr::new();
        iter.into_iter().for_each(|cp| s.push_code_point(cp));
        s
    }
}

/// Shows the text with surrogates as U+FFFD (use `literals::repr_str` for Python's `repr`).
impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_str() {
            Some(s) => f.write_str(s),
            None => f.write_str(&self.to_string_lossy()),
        }
    }
}

/// Is `b` well-formed UTF-8 once surrogate code points (`ED A0..=BF xx`) are allowed?
fn is_generalized_utf8(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        let cont = |k: usize| b.get(i + k).is_some_and(|&c| c & 0xC0 == 0x80);
        let (len, ok) = match lead {
            0x00..=0x7F => (1, true),
            0xC2..=0xDF => (2, cont(1)),
            0xE0 => (3, cont(1) && cont(2) && b[i + 1] >= 0xA0),
            0xE1..=0xEF => (3, cont(1) && cont(2)),
            0xF0 => (4, cont(1) && cont(2) && cont(3) && b[i + 1] >= 0x90),
            0xF1..=0xF3 => (4, cont(1) && cont(2) && cont(3)),
            0xF4 => (4, cont(1) && cont(2) && cont(3) && b[i + 1] <= 0x8F),
            _ => (1, false),
        };
        if !ok {
            return false;
        }
        i += len;
    }
    true
}

/// Iterator over a [`PyStr`]'s code points.
#[derive(Clone, Debug)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = self.bytes;
        let i = self.pos;
        let lead = *b.get(i)?;
        // The bytes were written by `PyStr` itself, so each sequence is complete; `cont` still
        // reads defensively so that no index can go out of bounds.
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

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.bytes.len().saturating_sub(self.pos);
        (left.div_ceil(4), Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_kind_of_code_point() {
        let cps = [
            0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000,
        ];
        let more = [0xFFFF, 0x10000, 0x1F600, 0x10FFFF, 0];
        let all: Vec<u32> = cps.iter().chain(more.iter()).copied().collect();
        let s: PyStr = all.iter().copied().collect();
        assert_eq!(s.code_points().collect::<Vec<_>>(), all);
        assert_eq!(s.len(), all.len());
        assert!(s.has_surrogates());
        assert_eq!(s.as_str(), None);
    }

    #[test]
    fn from_generalized_utf8_validates() {
        let lone = PyStr::from_iter([0x61u32, 0xD800, 0x62]);
        let bytes = lone.as_bytes().to_vec();
        assert_eq!(PyStr::from_generalized_utf8(bytes.clone()), Ok(lone));
        assert_eq!(
            PyStr::from_generalized_utf8(b"plain".to_vec()),
            Ok(PyStr::from("plain"))
        );
        for bad in [
            &b"\xff"[..],
            b"\xc0\x80",
            b"\xe0\x80\x80",
            b"\xf4\x90\x80\x80",
            b"\xe2\x82",
        ] {
            assert!(
                PyStr::from_generalized_utf8(bad.to_vec()).is_err(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn surrogate_pairs_stay_apart() {
        let mut pair = PyStr::new();
        pair.push_code_point(0xD83D);
        pair.push_code_point(0xDE00);
        assert_eq!(pair.code_points().collect::<Vec<_>>(), vec![0xD83D, 0xDE00]);
        assert_ne!(pair, PyStr::from("\u{1F600}"));
        assert_eq!(pair.as_bytes(), &[0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]);
        assert_eq!(pair.to_string_lossy(), "\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn plain_text() {
        let mut s = PyStr::from("ab");
        s.push('é');
        s.push_str("😀");
        assert_eq!(s.as_str(), Some("abé😀"));
        assert_eq!(s, PyStr::from(String::from("abé😀")));
        assert_eq!(s.to_string(), "abé😀");
        assert!(!s.is_empty());
        assert!(PyStr::new().is_empty());
        assert_eq!(PyStr::default(), PyStr::new());
    }

    #[test]
    fn out_of_range_becomes_replacement() {
        let mut s = PyStr::new();
        s.push_code_point(0x110000);
        assert_eq!(s.as_str(), Some("\u{FFFD}"));
    }
}
