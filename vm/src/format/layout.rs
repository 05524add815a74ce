//! Padding, signs and digit grouping of a formatted number: `calc_number_widths`,
//! `fill_number` and `calc_padding` of Python/formatter_unicode.c, with the grouping of
//! Objects/stringlib/localeutil.h's `InsertThousandsGrouping` (zero padding included).

use protopy_compiler::pystr::PyStr;

use super::spec::{Align, FormatSpec, Grouping, Sign};
use super::{FormatError, FormatResult};

/// What follows the digits after the decimal point: an exponent, `%`, `inf`; for the `c`
/// presentation type, the character.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Rest<'a> {
    Text(&'a str),
    Char(u32),
}

/// A number split as CPython lays it out: `<sign><prefix><digits>[.<frac>]<rest>`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Parts<'a> {
    pub negative: bool,
    /// `0x`, `0b`, `0o` (cased already).
    pub prefix: &'a str,
    /// The integer part's digits (cased already), ASCII.
    pub digits: &'a str,
    /// `Some` when there is a decimal point: the digits after it.
    pub frac: Option<&'a str>,
    pub rest: Rest<'a>,
}

impl<'a> Parts<'a> {
    /// Splits `PyOS_double_to_string`'s output (as `parse_number` does).
    pub(crate) fn of_float(text: &'a str) -> Parts<'a> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, text),
        };
        let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, after) = body.split_at(n_int);
        let (frac, rest) = match after.strip_prefix('.') {
            Some(f) => {
                let n_frac = f.bytes().take_while(u8::is_ascii_digit).count();
                let (frac, rest) = f.split_at(n_frac);
                (Some(frac), rest)
            }
            None => (None, after),
        };
        Parts {
            negative,
            prefix: "",
            digits,
            frac,
            rest: Rest::Text(rest),
        }
    }
}

/// How the integer part is grouped: the separator and the group size (3; 4 for `_` with
/// `b o x X`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct IntGrouping {
    pub sep: char,
    pub size: usize,
}

impl IntGrouping {
    pub(crate) fn of(grouping: Option<Grouping>, size: usize) -> Option<IntGrouping> {
        grouping.map(|g| IntGrouping {
            sep: g.separator(),
            size,
        })
    }
}

/// The sign character a number gets under the spec's sign option.
fn sign_char(sign: Option<Sign>, negative: bool) -> Option<char> {
    match (negative, sign) {
        (true, _) => Some('-'),
        (false, Some(Sign::Plus)) => Some('+'),
        (false, Some(Sign::Space)) => Some(' '),
        (false, _) => None,
    }
}

/// Lays out `parts` in the spec's field (fill, alignment, width, sign option), grouping the
/// integer part with `group` and the fraction with `frac_group`.
pub(crate) fn render_number(
    parts: &Parts<'_>,
    spec: &FormatSpec,
    group: Option<IntGrouping>,
    frac_group: Option<Grouping>,
) -> FormatResult<PyStr> {
    let sign = sign_char(spec.sign, parts.negative);
    let frac = parts.frac.map(|f| group_fraction(f, frac_group));
    let rest_len = match parts.rest {
        Rest::Text(t) => t.len(),
        Rest::Char(_) => 1,
    };
    let non_digits = usize::from(sign.is_some())
        + parts.prefix.len()
        + frac.as_ref().map_or(0, |f| f.len() + 1)
        + rest_len;
    let width = spec.width.map_or(-1, |w| w as i128);
    let min_width = if spec.fill == u32::from('0') && spec.align == Align::AfterSign {
        width - non_digits as i128
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_integer(parts.digits, min_width, group)
    };
    let padding = (width - (non_digits + grouped.len()) as i128).max(0) as usize;
    let (left, inner, right) = match spec.align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let mut out = reserve(non_digits + grouped.len() + padding, spec.fill)?;
    push_fill(&mut out, spec.fill, left);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    push_fill(&mut out, spec.fill, inner);
    out.push_str(&grouped);
    if let Some(f) = &frac {
        out.push('.');
        out.push_str(f);
    }
    match parts.rest {
        Rest::Text(t) => out.push_str(t),
        Rest::Char(c) => out.push_code_point(c),
    }
    push_fill(&mut out, spec.fill, right);
    Ok(out)
}

/// The integer digits with separators, zero-padded on the left to `min_width` characters
/// (separators between the padding zeros too), as `InsertThousandsGrouping` does.
fn group_integer(digits: &str, min_width: i128, group: Option<IntGrouping>) -> String {
    let n = digits.len() as i128;
    let Some(group) = group else {
        let zeros = (min_width - n).max(0) as usize;
        let mut out = "0".repeat(zeros);
        out.push_str(digits);
        return out;
    };
    // Built right to left, then reversed.
    let bytes = digits.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(digits.len() * 2);
    let mut remaining = n;
    let mut min_width = min_width;
    let size = group.size as i128;
    let mut first = true;
    loop {
        let len = size.min(remaining.max(min_width).max(1));
        let zeros = (len - remaining).max(0);
        let chars = remaining.min(len).max(0);
        if !first {
            out.push(group.sep as u8);
        }
        first = false;
        for i in (remaining - chars..remaining).rev() {
            out.push(bytes[i as usize]);
        }
        out.extend(std::iter::repeat_n(b'0', zeros as usize));
        remaining -= chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The fraction's digits in groups of three from the decimal point (3.14's `.,` and `._`).
fn group_fraction(frac: &str, group: Option<Grouping>) -> String {
    let Some(group) = group else {
        return frac.to_owned();
    };
    let mut out = String::with_capacity(frac.len() + frac.len() / 3);
    for (i, c) in frac.chars().enumerate() {
        if i > 0 && i % 3 == 0 {
            out.push(group.separator());
        }
        out.push(c);
    }
    out
}

/// `(left, right)` padding of `len` characters in the spec's field (`calc_padding`); `=`
/// pads on the left.
pub(crate) fn padding(len: usize, width: Option<usize>, align: Align) -> (usize, usize) {
    let total = width.map_or(len, |w| w.max(len));
    let pad = total - len;
    let left = match align {
        Align::Right => pad,
        Align::Center => pad / 2,
        Align::Left | Align::AfterSign => 0,
    };
    (left, pad - left)
}

/// An empty string with room for `chars` characters, or `MemoryError` when a field that long
/// cannot be allocated.
pub(crate) fn reserve(chars: usize, fill: u32) -> FormatResult<PyStr> {
    let per_char = if fill < 0x80 { 1 } else { 4 };
    let bytes = check_alloc(chars, per_char)?;
    Ok(PyStr::with_capacity(bytes.min(1 << 16)))
}

/// Fails with `MemoryError` when `count` items of `size` bytes cannot be allocated (asking
/// first, so that an impossible width is an exception rather than an abort); else the size.
pub(crate) fn check_alloc(count: usize, size: usize) -> FormatResult<usize> {
    let bytes = count
        .checked_mul(size)
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(FormatError::memory)?;
    if bytes > 1 << 24 {
        let mut probe: Vec<u8> = Vec::new();
        probe
            .try_reserve_exact(bytes)
            .map_err(|_| FormatError::memory())?;
    }
    Ok(bytes)
}

/// Appends `n` copies of the fill character.
pub(crate) fn push_fill(out: &mut PyStr, fill: u32, n: usize) {
    if n == 0 {
        return;
    }
    match char::from_u32(fill) {
        Some(c) => {
            let mut buf = [0u8; 4];
            out.push_str(&c.encode_utf8(&mut buf).repeat(n));
        }
        None => (0..n).for_each(|_| out.push_code_point(fill)),
    }
}
