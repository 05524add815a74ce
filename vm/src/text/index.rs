//! Code-point indexing over `PyStr`'s generalized UTF-8: `len`, `s[i]`, `s[a:b:c]`, the clamping of
//! `start`/`end` arguments (`ADJUST_INDICES` of Objects/stringlib/fastsearch.h users in
//! Objects/unicodeobject.c) and `PySlice_AdjustIndices` (Objects/sliceobject.c).
//!
//! A string is ASCII exactly when its length in code points equals its length in bytes, so a
//! caller that caches the length (as the interpreter's `str` object does) gets O(1) indexing of
//! ASCII strings through [`Text::with_len`].

use std::cmp::Ordering;

use protopy_compiler::pystr::PyStr;

use super::error::{ExcKind, TextError};

/// A string with its length in code points: the receiver of the index-taking methods.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    s: &'a PyStr,
    len: usize,
    index: Option<&'a CpIndex>,
}

/// Byte offsets of every `STRIDE`th code point of a non-ASCII string, which a caller may build
/// once and cache to index long non-ASCII strings without scanning from the start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CpIndex {
    offsets: Vec<usize>,
}

const STRIDE: usize = 64;

impl CpIndex {
    pub fn new(s: &PyStr) -> Self {
        let mut offsets = Vec::with_capacity(s.as_bytes().len() / STRIDE + 1);
        let mut seen = 0;
        for (i, &b) in s.as_bytes().iter().enumerate() {
            if b & 0xC0 != 0x80 {
                if seen % STRIDE == 0 {
                    offsets.push(i);
                }
                seen += 1;
            }
        }
        CpIndex { offsets }
    }
}

impl<'a> Text<'a> {
    /// Counts the code points (one pass over the bytes).
    pub fn new(s: &'a PyStr) -> Self {
        Text {
            s,
            len: s.len(),
            index: None,
        }
    }

    /// Uses a cached length in code points, which must be `s.len()`.
    pub fn with_len(s: &'a PyStr, len: usize) -> Self {
        debug_assert_eq!(len, s.len());
        Text {
            s,
            len,
            index: None,
        }
    }

    /// Uses a cached length and a cached [`CpIndex`] of `s`.
    pub fn with_index(s: &'a PyStr, len: usize, index: &'a CpIndex) -> Self {
        debug_assert_eq!(len, s.len());
        Text {
            s,
            len,
            index: Some(index),
        }
    }

    pub fn pystr(&self) -> &'a PyStr {
        self.s
    }

    pub fn bytes(&self) -> &'a [u8] {
        self.s.as_bytes()
    }

    /// The length in code points.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether every code point is ASCII.
    pub fn is_ascii(&self) -> bool {
        self.len == self.s.as_bytes().len()
    }

    /// The byte offset of code point `index` (`index <= len`).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            return index.min(self.len);
        }
        if index >= self.len {
            return self.bytes().len();
        }
        if let Some(&from) = self.index.and_then(|ix| ix.offsets.get(index / STRIDE)) {
            return byte_offset(self.bytes(), from, index % STRIDE);
        }
        byte_offset(self.bytes(), 0, index)
    }

    /// The code point index of byte offset `offset` (a code point boundary).
    pub fn cp_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.bytes().len());
        if self.is_ascii() {
            return offset;
        }
        if let Some(ix) = self.index {
            let k = ix
                .offsets
                .partition_point(|&o| o <= offset)
                .saturating_sub(1);
            let from = ix.offsets.get(k).copied().unwrap_or(0).min(offset);
            return k * STRIDE + count_cps(&self.bytes()[from..offset]);
        }
        count_cps(&self.bytes()[..offset])
    }

    /// The code point at `index` (`index < len`).
    pub fn code_point(&self, index: usize) -> Option<u32> {
        if self.is_ascii() {
            return self.bytes().get(index).map(|&b| u32::from(b));
        }
        let at = self.byte_offset(index);
        decode_at(self.bytes(), at).map(|(cp, _)| cp)
    }
}

/// The byte offset `n` code points after byte offset `from` (or the end).
pub(crate) fn byte_offset(bytes: &[u8], from: usize, n: usize) -> usize {
    let mut seen = 0;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        if b & 0xC0 != 0x80 {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    bytes.len()
}

/// The number of code points in generalized UTF-8 bytes.
pub(crate) fn count_cps(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The code point starting at byte `at` and its encoded length.
pub(crate) fn decode_at(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let lead = *bytes.get(at)?;
    let cont = |k: usize| u32::from(bytes.get(at + k).copied().unwrap_or(0x80) & 0x3F);
    Some(match lead {
        0x00..=0x7F => (u32::from(lead), 1),
        0xC0..=0xDF => ((u32::from(lead & 0x1F) << 6) | cont(1), 2),
        0xE0..=0xEF => ((u32::from(lead & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
        _ => (
            (u32::from(lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    })
}

/// The code point ending at byte `end` and its encoded length.
pub(crate) fn decode_before(bytes: &[u8], end: usize) -> Option<(u32, usize)> {
    let mut start = end.checked_sub(1)?;
    while start > 0 && bytes.get(start).is_some_and(|&b| b & 0xC0 == 0x80) && end - start < 4 {
        start -= 1;
    }
    decode_at(bytes, start).map(|(cp, len)| (cp, len.min(end - start)))
}

/// Appends generalized UTF-8 bytes that hold whole code points (a slice of a `PyStr`).
pub(crate) fn push_bytes(dst: &mut PyStr, bytes: &[u8]) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        dst.push_str(s);
        return;
    }
    // Surrogates (ED A0..BF xx) are the only invalid UTF-8 a `PyStr` holds: copy the valid runs
    // between them as text.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0xED && bytes.get(i + 1).is_some_and(|&b| b >= 0xA0) {
            if let Ok(s) = std::str::from_utf8(&bytes[run..i]) {
                dst.push_str(s);
            }
            if let Some((cp, _)) = decode_at(bytes, i) {
                dst.push_code_point(cp);
            }
            i += 3;
            run = i;
        } else {
            i += 1;
        }
    }
    if let Some(rest) = bytes.get(run..) {
        if let Ok(s) = std::str::from_utf8(rest) {
            dst.push_str(s);
        }
    }
}

/// Checks that a result of `bytes` bytes can be allocated, so that an absurd size is a Python
/// `MemoryError` (as CPython's failed allocation) instead of an abort: large requests are tried
/// once with `try_reserve_exact`.
pub(crate) fn reserve(bytes: usize) -> Result<(), TextError> {
    const PROBE_FROM: usize = 1 << 24;
    if bytes < PROBE_FROM {
        return Ok(());
    }
    let mut probe: Vec<u8> = Vec::new();
    probe
        .try_reserve_exact(bytes)
        .map_err(|_| TextError::kind_msg(ExcKind::MemoryError, ""))
}

/// A new string from a byte range of `s` (on code point boundaries).
pub(crate) fn substr(s: &PyStr, start: usize, end: usize) -> PyStr {
    let bytes = s.as_bytes().get(start..end).unwrap_or(&[]);
    let mut out = PyStr::with_capacity(bytes.len());
    push_bytes(&mut out, bytes);
    out
}

/// Clamps `start`/`end` arguments (`None` for omitted) as `str.find` and friends do: negative
/// values count from the end, then both are clamped to `0..=len` (`start` may still exceed
/// `end`, or `len`).
pub fn adjust_indices(len: usize, start: Option<isize>, end: Option<isize>) -> (usize, usize) {
    let len_i = len as isize;
    let end = match end {
        None => len,
        Some(e) if e > len_i => len,
        Some(e) if e < 0 => (e + len_i).max(0) as usize,
        Some(e) => e as usize,
    };
    let start = match start {
        None => 0,
        Some(s) if s < 0 => (s + len_i).max(0) as usize,
        Some(s) => s as usize,
    };
    (start, end)
}

/// `s[i]`: the code point at index `i`, negative counting from the end.
pub fn get_item(text: Text<'_>, i: isize) -> Result<u32, TextError> {
    let len = text.len() as isize;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(TextError::kind_msg(
            ExcKind::IndexError,
            "string index out of range",
        ));
    }
    text.code_point(i as usize)
        .ok_or_else(|| TextError::kind_msg(ExcKind::IndexError, "string index out of range"))
}

/// A slice's `start`, `stop` and `step` resolved against a length (`PySlice_Unpack` followed by
/// `PySlice_AdjustIndices`), with the number of items it selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: isize,
    pub stop: isize,
    pub step: isize,
    pub len: usize,
}

impl SliceIndices {
    /// Resolves a slice whose bounds are `None` or integers already clamped to `isize` (as
    /// `_PyEval_SliceIndex` clamps big ints).
    pub fn new(
        len: usize,
        start: Option<isize>,
        stop: Option<isize>,
        step: Option<isize>,
    ) -> Result<Self, TextError> {
        let step = step.unwrap_or(1);
        if step == 0 {
            return Err(TextError::value("slice step cannot be zero"));
        }
        // PySlice_Unpack keeps -step from overflowing.
        let step = step.max(-isize::MAX);
        let len = len as isize;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: Option<isize>, default: isize| match v {
            None => default,
            Some(v) if v < 0 => (v.saturating_add(len)).max(lower),
            Some(v) => v.min(upper),
        };
        let start = clamp(start, if step < 0 { upper } else { lower });
        let stop = clamp(stop, if step < 0 { lower } else { upper });
        let count = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: count as usize,
        })
    }
}

/// `s[start:stop:step]` for resolved indices.
pub fn get_slice(text: Text<'_>, slice: SliceIndices) -> PyStr {
    if slice.len == 0 {
        return PyStr::new();
    }
    let start = slice.start.max(0) as usize;
    if slice.step == 1 {
        let from = text.byte_offset(start);
        let to = if text.is_ascii() {
            from + slice.len
        } else {
            byte_offset(text.bytes(), from, slice.len)
        };
        return substr(text.pystr(), from, to);
    }
    // Every selected index lies in 0..len, so `start + k * step` cannot overflow.
    let at = |k: usize| (slice.start + k as isize * slice.step) as usize;
    if text.is_ascii() {
        let bytes = text.bytes();
        let out: String = (0..slice.len)
            .filter_map(|k| bytes.get(at(k)).map(|&b| char::from(b)))
            .collect();
        return PyStr::from(out);
    }
    let cps: Vec<u32> = text.pystr().code_points().collect();
    (0..slice.len)
        .filter_map(|k| cps.get(at(k)).copied())
        .collect()
}

/// Rich comparison of two strings: code point order, which generalized UTF-8 byte order keeps.
pub fn compare(a: &PyStr, b: &PyStr) -> Ordering {
    a.as_bytes().cmp(b.as_bytes())
}
