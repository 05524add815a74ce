//! Substring search: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`, `endswith`. Mirrors
//! Objects/unicodeobject.c (`any_find_slice`, `unicode_count_impl`, `tailmatch`) and
//! Objects/stringlib/{find,count}.h. Generalized UTF-8 is self-synchronizing, so a byte match is a
//! code point match; positions convert back to code points.

use memchr::memmem;
use protopy_compiler::pystr::PyStr;

use super::error::TextError;
use super::index::{adjust_indices, count_cps, Text};

/// The byte range of code points `start..end` (`start <= end <= len`).
fn byte_range(text: Text<'_>, start: usize, end: usize) -> (usize, usize) {
    if text.is_ascii() {
        return (start, end);
    }
    let from = text.byte_offset(start);
    let to = from + super::index::byte_offset(&text.bytes()[from..], 0, end - start);
    (from, to)
}

/// `str.find(sub[, start[, end]])`: the lowest index of `sub` in `s[start:end]`, or -1.
pub fn find(text: Text<'_>, sub: &PyStr, start: Option<isize>, end: Option<isize>) -> isize {
    search(text, sub, start, end, false)
}

/// `str.rfind(sub[, start[, end]])`: the highest index, or -1.
pub fn rfind(text: Text<'_>, sub: &PyStr, start: Option<isize>, end: Option<isize>) -> isize {
    search(text, sub, start, end, true)
}

/// `str.index`: `find`, raising `ValueError` when not found.
pub fn index(
    text: Text<'_>,
    sub: &PyStr,
    start: Option<isize>,
    end: Option<isize>,
) -> Result<usize, TextError> {
    let at = find(text, sub, start, end);
    usize::try_from(at).map_err(|_| TextError::value("substring not found"))
}

/// `str.rindex`: `rfind`, raising `ValueError` when not found.
pub fn rindex(
    text: Text<'_>,
    sub: &PyStr,
    start: Option<isize>,
    end: Option<isize>,
) -> Result<usize, TextError> {
    let at = rfind(text, sub, start, end);
    usize::try_from(at).map_err(|_| TextError::value("substring not found"))
}

fn search(
    text: Text<'_>,
    sub: &PyStr,
    start: Option<isize>,
    end: Option<isize>,
    reverse: bool,
) -> isize {
    let (start, end) = adjust_indices(text.len(), start, end);
    let sub_len = count_cps(sub.as_bytes());
    if end < start || end - start < sub_len {
        return -1;
    }
    if sub_len == 0 {
        return if reverse {
            end as isize
        } else {
            start as isize
        };
    }
    let (from, to) = byte_range(text, start, end);
    let hay = &text.bytes()[from..to];
    let found = if reverse {
        memmem::rfind(hay, sub.as_bytes())
    } else {
        memmem::find(hay, sub.as_bytes())
    };
    match found {
        Some(off) => text.cp_index(from + off) as isize,
        None => -1,
    }
}

/// `sub in s` (`str.__contains__`).
pub fn contains(s: &PyStr, sub: &PyStr) -> bool {
    memmem::find(s.as_bytes(), sub.as_bytes()).is_some()
}

/// `str.count(sub[, start[, end]])`: non-overlapping occurrences in `s[start:end]`.
pub fn count(text: Text<'_>, sub: &PyStr, start: Option<isize>, end: Option<isize>) -> usize {
    let (start, end) = adjust_indices(text.len(), start, end);
    let sub_len = count_cps(sub.as_bytes());
    if end < start || end - start < sub_len {
        return 0;
    }
    if sub_len == 0 {
        return end - start + 1;
    }
    let (from, to) = byte_range(text, start, end);
    count_bytes(&text.bytes()[from..to], sub.as_bytes(), usize::MAX)
}

/// Non-overlapping occurrences of a non-empty `needle`, at most `max`.
pub(crate) fn count_bytes(hay: &[u8], needle: &[u8], max: usize) -> usize {
    let finder = memmem::Finder::new(needle);
    let mut n = 0;
    let mut at = 0;
    while n < max {
        match finder.find(&hay[at..]) {
            Some(off) => {
                n += 1;
                at += off + needle.len();
            }
            None => break,
        }
    }
    n
}

/// `str.startswith(prefix[, start[, end]])` for one prefix (the caller loops over a tuple).
pub fn startswith(
    text: Text<'_>,
    prefix: &PyStr,
    start: Option<isize>,
    end: Option<isize>,
) -> bool {
    tailmatch(text, prefix, start, end, false)
}

/// `str.endswith(suffix[, start[, end]])` for one suffix.
pub fn endswith(text: Text<'_>, suffix: &PyStr, start: Option<isize>, end: Option<isize>) -> bool {
    tailmatch(text, suffix, start, end, true)
}

fn tailmatch(
    text: Text<'_>,
    sub: &PyStr,
    start: Option<isize>,
    end: Option<isize>,
    at_end: bool,
) -> bool {
    let (start, end) = adjust_indices(text.len(), start, end);
    let sub_len = count_cps(sub.as_bytes());
    if end < start || end - start < sub_len {
        return false;
    }
    if sub_len == 0 {
        return true;
    }
    let (from, to) = byte_range(text, start, end);
    let hay = &text.bytes()[from..to];
    if at_end {
        hay.ends_with(sub.as_bytes())
    } else {
        hay.starts_with(sub.as_bytes())
    }
}
