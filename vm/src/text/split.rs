//! `split`, `rsplit`, `splitlines`, `partition` and `rpartition`. Mirrors
//! Objects/stringlib/split.h and Objects/stringlib/partition.h.

use memchr::memmem;
use protopy_compiler::pystr::PyStr;

use super::error::TextError;
use super::index::{decode_at, decode_before, substr};
use super::unicode::{is_linebreak, is_space};

/// `maxsplit` as a count: negative means no limit.
fn limit(maxsplit: isize) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// Byte offset of the first non-whitespace code point at or after `i`.
fn skip_space(b: &[u8], mut i: usize) -> usize {
    while let Some((cp, n)) = decode_at(b, i) {
        if !is_space(cp) {
            break;
        }
        i += n;
    }
    i
}

/// Byte offset of the first whitespace code point at or after `i`.
fn skip_word(b: &[u8], mut i: usize) -> usize {
    while let Some((cp, n)) = decode_at(b, i) {
        if is_space(cp) {
            break;
        }
        i += n;
    }
    i
}

/// Byte offset just after the last non-whitespace code point before `i`.
fn skip_space_back(b: &[u8], mut i: usize) -> usize {
    while let Some((cp, n)) = decode_before(b, i) {
        if !is_space(cp) {
            break;
        }
        i -= n;
    }
    i
}

fn skip_word_back(b: &[u8], mut i: usize) -> usize {
    while let Some((cp, n)) = decode_before(b, i) {
        if is_space(cp) {
            break;
        }
        i -= n;
    }
    i
}

/// `str.split(sep, maxsplit)`; `sep` `None` splits on runs of whitespace.
pub fn split(s: &PyStr, sep: Option<&PyStr>, maxsplit: isize) -> Result<Vec<PyStr>, TextError> {
    let b = s.as_bytes();
    let mut left = limit(maxsplit);
    let mut out = Vec::new();
    let Some(sep) = sep else {
        let mut i = 0;
        while left > 0 {
            left -= 1;
            i = skip_space(b, i);
            if i == b.len() {
                break;
            }
            let j = i;
            i = skip_word(b, i);
            out.push(substr(s, j, i));
        }
        if i < b.len() {
            i = skip_space(b, i);
            if i != b.len() {
                out.push(substr(s, i, b.len()));
            }
        }
        return Ok(out);
    };
    let sep = sep.as_bytes();
    if sep.is_empty() {
        return Err(TextError::value("empty separator"));
    }
    let finder = memmem::Finder::new(sep);
    let mut i = 0;
    while left > 0 {
        let Some(pos) = finder.find(&b[i..]) else {
            break;
        };
        left -= 1;
        out.push(substr(s, i, i + pos));
        i += pos + sep.len();
    }
    out.push(substr(s, i, b.len()));
    Ok(out)
}

/// `str.rsplit(sep, maxsplit)`: splits from the right.
pub fn rsplit(s: &PyStr, sep: Option<&PyStr>, maxsplit: isize) -> Result<Vec<PyStr>, TextError> {
    let b = s.as_bytes();
    let mut left = limit(maxsplit);
    let mut out = Vec::new();
    let Some(sep) = sep else {
        let mut i = b.len();
        while left > 0 {
            left -= 1;
            i = skip_space_back(b, i);
            if i == 0 {
                break;
            }
            let j = i;
            i = skip_word_back(b, i);
            out.push(substr(s, i, j));
        }
        if i > 0 {
            i = skip_space_back(b, i);
            if i > 0 {
                out.push(substr(s, 0, i));
            }
        }
        out.reverse();
        return Ok(out);
    };
    let sep = sep.as_bytes();
    if sep.is_empty() {
        return Err(TextError::value("empty separator"));
    }
    let finder = memmem::FinderRev::new(sep);
    let mut j = b.len();
    while left > 0 {
        let Some(pos) = finder.rfind(&b[..j]) else {
            break;
        };
        left -= 1;
        out.push(substr(s, pos + sep.len(), j));
        j = pos;
    }
    out.push(substr(s, 0, j));
    out.reverse();
    Ok(out)
}

/// `str.splitlines(keepends)`: splits at `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`, `\x1d`, `\x1e`,
/// `\x85`, U+2028 and U+2029.
pub fn splitlines(s: &PyStr, keepends: bool) -> Vec<PyStr> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let j = i;
        let mut brk = None;
        while let Some((cp, n)) = decode_at(b, i) {
            if is_linebreak(cp) {
                brk = Some((cp, n));
                break;
            }
            i += n;
        }
        let mut eol = i;
        if let Some((cp, n)) = brk {
            i += if cp == 0x0D && b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                n
            };
            if keepends {
                eol = i;
            }
        }
        out.push(substr(s, j, eol));
    }
    out
}

/// `str.partition(sep)`: `(before, sep, after)` at the first `sep`, else `(s, '', '')`.
pub fn partition(s: &PyStr, sep: &PyStr) -> Result<[PyStr; 3], TextError> {
    if sep.is_empty() {
        return Err(TextError::value("empty separator"));
    }
    let b = s.as_bytes();
    Ok(match memmem::find(b, sep.as_bytes()) {
        Some(pos) => [
            substr(s, 0, pos),
            sep.clone(),
            substr(s, pos + sep.as_bytes().len(), b.len()),
        ],
        None => [s.clone(), PyStr::new(), PyStr::new()],
    })
}

/// `str.rpartition(sep)`: at the last `sep`, else `('', '', s)`.
pub fn rpartition(s: &PyStr, sep: &PyStr) -> Result<[PyStr; 3], TextError> {
    if sep.is_empty() {
        return Err(TextError::value("empty separator"));
    }
    let b = s.as_bytes();
    Ok(match memmem::rfind(b, sep.as_bytes()) {
        Some(pos) => [
            substr(s, 0, pos),
            sep.clone(),
            substr(s, pos + sep.as_bytes().len(), b.len()),
        ],
        None => [PyStr::new(), PyStr::new(), s.clone()],
    })
}
