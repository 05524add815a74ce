//! Formatting one `%` conversion from its converted argument: `mainformatlong` with
//! `_PyUnicode_FormatLong`, `formatfloat`, `formatchar` and `unicode_format_arg_output` of
//! Objects/unicodeobject.c (and their bytes twins in Objects/bytesobject.c).

use num_traits::ToPrimitive;
use protopy_compiler::pystr::PyStr;

use super::dtoa::{double_to_string, Flags as DtoaFlags};
use super::layout::check_alloc;
use super::number::{check_dtoa_precision, digits_in_base, magnitude_decimal};
use super::percent::{Conversion, Converted, Flags};
use super::{FormatError, FormatResult, Int, IntRef};

/// The text type of a `%` template: [`PyStr`] for str, `Vec<u8>` for bytes, both seen as
/// code units (code points, or byte values).
pub trait Text: Clone {
    /// Whether this is the bytes flavour (its messages differ).
    const BYTES: bool;
    fn from_units(units: &[u32]) -> Self;
    fn units(&self) -> Vec<u32>;
    fn unit_len(&self) -> usize;
    fn append(&mut self, other: &Self);
}

impl Text for PyStr {
    const BYTES: bool = false;

    fn from_units(units: &[u32]) -> Self {
        units.iter().copied().collect()
    }

    fn units(&self) -> Vec<u32> {
        self.code_points().collect()
    }

    fn unit_len(&self) -> usize {
        self.len()
    }

    fn append(&mut self, other: &Self) {
        self.push_pystr(other);
    }
}

impl Text for Vec<u8> {
    const BYTES: bool = true;

    fn from_units(units: &[u32]) -> Self {
        units.iter().map(|&u| u as u8).collect()
    }

    fn units(&self) -> Vec<u32> {
        self.iter().map(|&b| u32::from(b)).collect()
    }

    fn unit_len(&self) -> usize {
        self.len()
    }

    fn append(&mut self, other: &Self) {
        self.extend_from_slice(other);
    }
}

fn ascii_text<T: Text>(s: &str) -> T {
    let units: Vec<u32> = s.bytes().map(u32::from).collect();
    T::from_units(&units)
}

/// Formats a converted argument as `conversion` with `flags`, `width` and `precision` (a `*`
/// width already folded in: negative means `-`). `max_str_digits` bounds decimal conversions.
pub fn format_converted<T: Text>(
    value: &Converted<T>,
    conversion: Conversion,
    flags: Flags,
    width: Option<usize>,
    precision: Option<usize>,
    max_str_digits: usize,
) -> FormatResult<T> {
    let text = match (conversion, value) {
        (
            Conversion::Str | Conversion::Repr | Conversion::Ascii | Conversion::Bytes,
            Converted::Text(t),
        ) => t.clone(),
        (Conversion::Int(ty), Converted::Int(v)) => ascii_text(&int_text(
            v.as_ref(),
            ty,
            flags.alt,
            precision,
            max_str_digits,
        )?),
        (Conversion::Float(ty), Converted::Float(x)) => {
            let precision = precision.unwrap_or(6);
            check_dtoa_precision(ty, precision)?;
            let dtoa = DtoaFlags {
                alt: flags.alt,
                ..DtoaFlags::default()
            };
            ascii_text(&double_to_string(*x, ty, precision, dtoa))
        }
        (Conversion::Char, Converted::Int(v)) => T::from_units(&[char_from_int(v, T::BYTES)?]),
        (Conversion::Char, Converted::Text(t)) => {
            let n = t.unit_len();
            if n != 1 {
                return Err(if T::BYTES {
                    byte_char_type_error(&format!("a bytes object of length {n}"))
                } else {
                    FormatError::type_error(format!(
                        "%c requires an int or a unicode character, not a string of length {n}"
                    ))
                });
            }
            t.clone()
        }
        _ => {
            return Err(FormatError::type_error(
                "argument converted for another conversion",
            ))
        }
    };
    output(&text, conversion, flags, width, precision)
}

/// The code unit of `%c` with an int: a code point, or a byte.
fn char_from_int(v: &Int, bytes: bool) -> FormatResult<u32> {
    let c = match v {
        Int::Small(c) => Some(*c),
        Int::Big(b) => b.to_i64(),
    };
    let (limit, msg) = if bytes {
        (0xFF, "%c arg not in range(256)")
    } else {
        (0x10FFFF, "%c arg not in range(0x110000)")
    };
    match c {
        Some(c) if (0..=limit).contains(&c) => Ok(c as u32),
        _ => Err(FormatError::overflow(msg)),
    }
}

/// `_PyUnicode_FormatLong`: sign, `0o`/`0x`/`0X` under `#`, digits zero-padded to
/// `precision`.
fn int_text(
    value: IntRef<'_>,
    ty: char,
    alt: bool,
    precision: Option<usize>,
    max_str_digits: usize,
) -> FormatResult<String> {
    let precision = precision.unwrap_or(0);
    if precision > i32::MAX as usize - 3 {
        return Err(FormatError::overflow("precision too large"));
    }
    let (negative, digits) = match ty {
        'o' => digits_in_base(value, 8),
        'x' | 'X' => digits_in_base(value, 16),
        _ => {
            let digits = magnitude_decimal(value, max_str_digits)?;
            let negative = match value {
                IntRef::Small(v) => v < 0,
                IntRef::Big(b) => b.sign() == num_bigint::Sign::Minus,
            };
            (negative, digits)
        }
    };
    let mut out = String::with_capacity(digits.len().max(precision) + 3);
    if negative {
        out.push('-');
    }
    if alt {
        match ty {
            'o' => out.push_str("0o"),
            'x' => out.push_str("0x"),
            'X' => out.push_str("0X"),
            _ => {}
        }
    }
    out.extend(std::iter::repeat_n(
        '0',
        precision.saturating_sub(digits.len()),
    ));
    out.push_str(&digits);
    if ty == 'X' {
        out.make_ascii_uppercase();
    }
    Ok(out)
}

/// `unicode_format_arg_output`: sign (`+`, ` `), `#` prefix and padding around `text`;
/// `s r a b` truncated to `precision`. Only numbers are zero-padded; the right side is always
/// padded with spaces.
fn output<T: Text>(
    text: &T,
    conversion: Conversion,
    flags: Flags,
    width: Option<usize>,
    precision: Option<usize>,
) -> FormatResult<T> {
    let numeric = matches!(conversion, Conversion::Int(_) | Conversion::Float(_));
    let textual = matches!(
        conversion,
        Conversion::Str | Conversion::Repr | Conversion::Ascii | Conversion::Bytes
    );
    let fill = u32::from(if numeric && flags.zero { b'0' } else { b' ' });
    let mut len = text.unit_len();
    if width.is_none_or(|w| w <= len)
        && precision.is_none_or(|p| p >= len)
        && !(flags.sign || flags.blank)
    {
        return Ok(text.clone());
    }
    if textual {
        if let Some(p) = precision {
            len = len.min(p);
        }
    }
    let mut units = text.units();
    units.truncate(len);
    let mut start = 0;
    let mut sign = None;
    if numeric {
        match units.first().copied() {
            Some(c) if c == u32::from('-') || c == u32::from('+') => {
                sign = Some(c);
                start = 1;
                len -= 1;
            }
            _ if flags.sign => sign = Some(u32::from('+')),
            _ if flags.blank => sign = Some(u32::from(' ')),
            _ => {}
        }
    }
    let mut width = width.unwrap_or(0).max(len);
    check_alloc(width + 1, 4)?;
    let mut out: Vec<u32> = Vec::with_capacity(width + 1);
    let spaces = fill == u32::from(' ');
    if let Some(s) = sign {
        if !spaces {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = flags.alt && matches!(conversion, Conversion::Int('x' | 'X' | 'o'));
    let prefix: Vec<u32> = if prefixed {
        units[start..(start + 2).min(units.len())].to_vec()
    } else {
        Vec::new()
    };
    if prefixed {
        if !spaces {
            out.extend_from_slice(&prefix);
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
        start += 2;
    }
    if width > len && !flags.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if spaces {
        out.extend(sign);
        out.extend_from_slice(&prefix);
    }
    out.extend_from_slice(&units[start.min(units.len())..(start + len).min(units.len())]);
    if width > len {
        out.extend(std::iter::repeat_n(u32::from(' '), width - len));
    }
    Ok(T::from_units(&out))
}

/// `TypeError: %d format: a real number is required, not str` (`d i u`).
pub fn real_number_required(conversion: char, type_name: &str) -> FormatError {
    FormatError::type_error(format!(
        "%{conversion} format: a real number is required, not {type_name}"
    ))
}

/// `TypeError: %x format: an integer is required, not float` (`o x X`).
pub fn integer_required(conversion: char, type_name: &str) -> FormatError {
    FormatError::type_error(format!(
        "%{conversion} format: an integer is required, not {type_name}"
    ))
}

/// `TypeError: %c requires an int or a unicode character, not float`.
pub fn char_type_error(type_name: &str) -> FormatError {
    FormatError::type_error(format!(
        "%c requires an int or a unicode character, not {type_name}"
    ))
}

/// `TypeError: %c requires an integer in range(256) or a single byte, not <what>` (bytes
/// templates; `what` is a type name, or `a bytearray object of length 2`).
pub fn byte_char_type_error(what: &str) -> FormatError {
    FormatError::type_error(format!(
        "%c requires an integer in range(256) or a single byte, not {what}"
    ))
}

/// `TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not
/// 'str'` (bytes templates, `b` and `s`).
pub fn bytes_type_error(type_name: &str) -> FormatError {
    FormatError::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not \
         '{type_name}'"
    ))
}
