//! `replace`, `strip`/`lstrip`/`rstrip`, `removeprefix`/`removesuffix`, `join`,
//! `center`/`ljust`/`rjust`, `zfill` and `expandtabs`. Mirrors Objects/unicodeobject.c (`replace`,
//! `do_strip`, `pad`, `unicode_zfill_impl`, `unicode_expandtabs_impl`) and
//! Objects/stringlib/transmogrify.h.

use memchr::memmem;
use protopy_compiler::pystr::PyStr;

use super::error::{ExcKind, TextError};
use super::index::{count_cps, decode_at, decode_before, push_bytes, reserve, substr};
use super::search::count_bytes;
use super::unicode::{is_space, to_decimal_digit};

/// `str.replace(old, new, count=-1)`: at most `count` (negative: all) non-overlapping
/// occurrences, left to right. An empty `old` matches before every character and at the end.
pub fn replace(s: &PyStr, old: &PyStr, new: &PyStr, count: isize) -> Result<PyStr, TextError> {
    let max = usize::try_from(count).unwrap_or(usize::MAX);
    let b = s.as_bytes();
    if max == 0 || b.len() < old.as_bytes().len() || old == new {
        return Ok(s.clone());
    }
    // The result's size, checked first as CPython does.
    let (old_len, new_len) = (old.as_bytes().len(), new.as_bytes().len());
    if new_len > old_len {
        let n = if old.is_empty() {
            count_cps(b).saturating_add(1).min(max)
        } else {
            count_bytes(b, old.as_bytes(), max)
        };
        let size = n
            .checked_mul(new_len - old_len)
            .and_then(|grow| grow.checked_add(b.len()))
            .filter(|&size| size <= isize::MAX as usize)
            .ok_or_else(|| {
                TextError::kind_msg(ExcKind::OverflowError, "replace string is too long")
            })?;
        reserve(size)?;
    }
    let mut out = PyStr::with_capacity(b.len());
    if old.is_empty() {
        let mut done = 0;
        let mut i = 0;
        while let Some((_, n)) = decode_at(b, i) {
            if done == max {
                break;
            }
            out.push_pystr(new);
            done += 1;
            push_bytes(&mut out, &b[i..i + n]);
            i += n;
        }
        if done < max {
            out.push_pystr(new);
        }
        push_bytes(&mut out, &b[i..]);
        return Ok(out);
    }
    let finder = memmem::Finder::new(old.as_bytes());
    let mut done = 0;
    let mut i = 0;
    while done < max {
        let Some(pos) = finder.find(&b[i..]) else {
            break;
        };
        push_bytes(&mut out, &b[i..i + pos]);
        out.push_pystr(new);
        i += pos + old.as_bytes().len();
        done += 1;
    }
    push_bytes(&mut out, &b[i..]);
    Ok(out)
}

/// Which ends `strip` works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StripSide {
    Left,
    Right,
    Both,
}

/// `str.strip(chars)`, `lstrip` and `rstrip`: `chars` `None` strips whitespace.
pub fn strip(s: &PyStr, chars: Option<&PyStr>, side: StripSide) -> PyStr {
    let set: Option<Vec<u32>> = chars.map(|c| c.code_points().collect());
    let strips = |cp: u32| match &set {
        None => is_space(cp),
        Some(set) => set.contains(&cp),
    };
    let b = s.as_bytes();
    let mut start = 0;
    if side != StripSide::Right {
        while let Some((cp, n)) = decode_at(b, start) {
            if !strips(cp) {
                break;
            }
            start += n;
        }
    }
    let mut end = b.len();
    if side != StripSide::Left {
        while end > start {
            match decode_before(b, end) {
                Some((cp, n)) if strips(cp) => end -= n,
                _ => break,
            }
        }
    }
    substr(s, start, end)
}

/// `str.removeprefix(prefix)`.
pub fn removeprefix(s: &PyStr, prefix: &PyStr) -> PyStr {
    let b = s.as_bytes();
    match b.strip_prefix(prefix.as_bytes()) {
        Some(rest) => substr(s, b.len() - rest.len(), b.len()),
        None => s.clone(),
    }
}

/// `str.removesuffix(suffix)`.
pub fn removesuffix(s: &PyStr, suffix: &PyStr) -> PyStr {
    let b = s.as_bytes();
    match b.strip_suffix(suffix.as_bytes()) {
        Some(rest) => substr(s, 0, rest.len()),
        None => s.clone(),
    }
}

/// `s * n` (`str.__mul__`): empty for `n <= 0`.
pub fn repeat(s: &PyStr, n: isize) -> Result<PyStr, TextError> {
    let Ok(n) = usize::try_from(n) else {
        return Ok(PyStr::new());
    };
    if n == 0 || s.is_empty() {
        return Ok(PyStr::new());
    }
    if s.len()
        .checked_mul(n)
        .is_none_or(|len| len > isize::MAX as usize)
    {
        return Err(TextError::kind_msg(
            ExcKind::OverflowError,
            "repeated string is too long",
        ));
    }
    let size = s.as_bytes().len().saturating_mul(n);
    reserve(size)?;
    // Doubling: O(log n) appends of ever larger copies.
    let mut out = PyStr::with_capacity(size);
    out.push_pystr(s);
    let mut have = 1;
    while have * 2 <= n {
        let copy = out.clone();
        out.push_pystr(&copy);
        have *= 2;
    }
    if have < n {
        let rest = substr(&out, 0, (n - have) * s.as_bytes().len());
        out.push_pystr(&rest);
    }
    Ok(out)
}

/// `sep.join(items)`, once the interpreter has checked that every item is a `str`.
pub fn join<'a>(sep: &PyStr, items: impl IntoIterator<Item = &'a PyStr>) -> PyStr {
    let mut out = PyStr::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_pystr(sep);
        }
        out.push_pystr(item);
    }
    out
}

fn pad(s: &PyStr, left: usize, right: usize, fill: u32) -> Result<PyStr, TextError> {
    let mut one = PyStr::new();
    one.push_code_point(fill);
    let size = (left + right)
        .checked_mul(one.as_bytes().len())
        .and_then(|n| n.checked_add(s.as_bytes().len()))
        .unwrap_or(usize::MAX);
    reserve(size)?;
    let mut out = PyStr::with_capacity(size);
    push_fill(&mut out, fill, left);
    out.push_pystr(s);
    push_fill(&mut out, fill, right);
    Ok(out)
}

/// Appends `n` copies of a code point.
fn push_fill(out: &mut PyStr, fill: u32, n: usize) {
    match char::from_u32(fill) {
        Some(c) => out.push_str(&c.to_string().repeat(n)),
        None => (0..n).for_each(|_| out.push_code_point(fill)),
    }
}

/// The padding `width` asks for over `len` code points, if any.
fn margin(len: usize, width: isize) -> Option<usize> {
    usize::try_from(width)
        .ok()
        .filter(|&w| w > len)
        .map(|w| w - len)
}

/// `str.center(width, fillchar)`; when the margin is odd, the extra fill goes left if `width`
/// is odd.
pub fn center(s: &PyStr, width: isize, fill: u32) -> Result<PyStr, TextError> {
    let Some(marg) = margin(s.len(), width) else {
        return Ok(s.clone());
    };
    let left = marg / 2 + (marg & (width as usize) & 1);
    pad(s, left, marg - left, fill)
}

/// `str.ljust(width, fillchar)`.
pub fn ljust(s: &PyStr, width: isize, fill: u32) -> Result<PyStr, TextError> {
    match margin(s.len(), width) {
        Some(marg) => pad(s, 0, marg, fill),
        None => Ok(s.clone()),
    }
}

/// `str.rjust(width, fillchar)`.
pub fn rjust(s: &PyStr, width: isize, fill: u32) -> Result<PyStr, TextError> {
    match margin(s.len(), width) {
        Some(marg) => pad(s, marg, 0, fill),
        None => Ok(s.clone()),
    }
}

/// `str.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(s: &PyStr, width: isize) -> Result<PyStr, TextError> {
    let Some(fill) = margin(s.len(), width) else {
        return Ok(s.clone());
    };
    let b = s.as_bytes();
    reserve(b.len().saturating_add(fill))?;
    let mut out = PyStr::with_capacity(b.len() + fill);
    let rest = match b.first() {
        Some(&sign @ (b'+' | b'-')) => {
            out.push(char::from(sign));
            &b[1..]
        }
        _ => b,
    };
    out.push_str(&"0".repeat(fill));
    push_bytes(&mut out, rest);
    Ok(out)
}

/// `str.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple of `tabsize`
/// (nothing when `tabsize <= 0`); `\n` and `\r` reset the column.
pub fn expandtabs(s: &PyStr, tabsize: isize) -> Result<PyStr, TextError> {
    let b = s.as_bytes();
    if !b.contains(&b'\t') {
        return Ok(s.clone());
    }
    let too_long = || TextError::kind_msg(ExcKind::OverflowError, "new string is too long");
    let tab = usize::try_from(tabsize).unwrap_or(0);
    // First pass: the result's size, checked as CPython checks it.
    let (mut col, mut total) = (0usize, 0usize);
    for &c in b.iter().filter(|&&c| c & 0xC0 != 0x80) {
        if c == b'\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col = col.checked_add(incr).ok_or_else(too_long)?;
                total = total.checked_add(incr).ok_or_else(too_long)?;
            }
        } else {
            col = col.checked_add(1).ok_or_else(too_long)?;
            total = total.checked_add(1).ok_or_else(too_long)?;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    if total > isize::MAX as usize {
        return Err(too_long());
    }
    let size = b.len().saturating_add(total.saturating_sub(s.len()));
    reserve(size)?;
    let mut out = PyStr::with_capacity(size);
    let mut col = 0usize;
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        if c & 0xC0 == 0x80 {
            continue;
        }
        if c == b'\t' {
            push_bytes(&mut out, &b[run..i]);
            run = i + 1;
            if tab > 0 {
                let incr = tab - col % tab;
                col += incr;
                out.push_str(&" ".repeat(incr));
            }
        } else {
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    push_bytes(&mut out, &b[run..]);
    Ok(out)
}

/// The text `int()`, `float()` and `complex()` parse (`_PyUnicode_TransformDecimalAndSpaceToASCII`):
/// ASCII below DEL stays, whitespace becomes a space, a decimal digit its ASCII digit; the first
/// other character becomes `?` and ends the text (so that parsing fails there).
pub fn decimal_and_space_to_ascii(s: &PyStr) -> String {
    if let Some(text) = s.as_str().filter(|t| t.bytes().all(|b| b < 0x7F)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(s.as_bytes().len());
    for cp in s.code_points() {
        if cp < 0x7F {
            out.push(char::from(cp as u8));
        } else if is_space(cp) {
            out.push(' ');
        } else if let Some(d) = to_decimal_digit(cp) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.push('?');
            break;
        }
    }
    out
}
