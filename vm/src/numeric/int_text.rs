//! `int` and text: `int(str, base)` and `int(bytes, base)` parsing (`PyLong_FromString`), the
//! decimal digit limit of `sys.set_int_max_str_digits`, `str(int)`, `bin`, `oct` and `hex`.
//! Mirrors Objects/longobject.c (`long_from_string_base`, `long_to_decimal_string_internal`,
//! `long_format_binary`) and `_PyUnicode_TransformDecimalAndSpaceToASCII`.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use protopy_compiler::literals::{repr_bytes, repr_str};
use protopy_compiler::pystr::PyStr;

use super::int::big;
use super::{Int, NumError, NumResult};

/// Non-ASCII whitespace in Python's sense (`Py_UNICODE_ISSPACE` above U+007F).
pub(crate) fn is_unicode_space(cp: u32) -> bool {
    matches!(
        cp,
        0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
    )
}

/// The ASCII text `int()`, `float()` and `complex()` parse from a `str`: characters below
/// U+007F stay, other whitespace becomes a space, a decimal digit (as `decimal` says) its ASCII
/// digit, and anything else a `?` that ends the text and makes it invalid.
pub(crate) fn to_ascii(s: &PyStr, decimal: &dyn Fn(u32) -> Option<u32>) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.as_bytes().len());
    for cp in s.code_points() {
        if cp < 0x7F {
            out.push(cp as u8);
        } else if is_unicode_space(cp) {
            out.push(b' ');
        } else if let Some(d) = decimal(cp).filter(|d| *d < 10) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// ASCII whitespace as C's `isspace` (`Py_ISSPACE`).
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `%.200R`: a repr cut to 200 characters.
fn truncated_repr(repr: String) -> String {
    match repr.char_indices().nth(200) {
        Some((i, _)) => repr[..i].to_owned(),
        None => repr,
    }
}

fn check_base(base: i64) -> NumResult<u32> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(NumError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    Ok(base as u32)
}

/// `int(s, base)` for a `str`. `decimal` gives the value of a non-ASCII decimal digit
/// (Unicode category Nd), as the text module's tables say; `max_str_digits` is
/// `sys.get_int_max_str_digits()` (0 for no limit).
pub fn int_from_str(
    s: &PyStr,
    base: i64,
    decimal: &dyn Fn(u32) -> Option<u32>,
    max_str_digits: usize,
) -> NumResult<Int> {
    let base = check_base(base)?;
    let text = to_ascii(s, decimal);
    parse_ascii(&text, base, max_str_digits, || repr_str(s))
}

/// `int(b, base)` for `bytes`.
pub fn int_from_bytes_text(b: &[u8], base: i64, max_str_digits: usize) -> NumResult<Int> {
    int_from_ascii(b, base, max_str_digits, || repr_bytes(b))
}

/// `int(x, base)` for any bytes-like text, `repr` giving the object's `repr` for the message
/// (`bytearray(b'...')` for a bytearray).
pub fn int_from_ascii(
    text: &[u8],
    base: i64,
    max_str_digits: usize,
    repr: impl FnOnce() -> String,
) -> NumResult<Int> {
    let base = check_base(base)?;
    parse_ascii(text, base, max_str_digits, repr)
}

fn parse_ascii(
    text: &[u8],
    base: u32,
    max_str_digits: usize,
    repr: impl FnOnce() -> String,
) -> NumResult<Int> {
    match scan(text, base) {
        Some(lit) => convert(&lit, max_str_digits),
        None => Err(NumError::value(format!(
            "invalid literal for int() with base {base}: {}",
            truncated_repr(repr())
        ))),
    }
}

/// A validated literal: its sign, radix and digits (underscores removed).
struct Literal {
    negative: bool,
    radix: u32,
    digits: Vec<u8>,
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

/// Checks the text and pulls out the digits; `None` if it is not a valid literal.
fn scan(text: &[u8], base: u32) -> Option<Literal> {
    let mut i = 0;
    let n = text.len();
    while i < n && is_ascii_space(text[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < n && (text[i] == b'+' || text[i] == b'-') {
        negative = text[i] == b'-';
        i += 1;
    }
    let mut radix = base;
    let mut zeros_only = false;
    let prefix = |c: u8| match c {
        b'x' | b'X' => 16,
        b'o' | b'O' => 8,
        b'b' | b'B' => 2,
        _ => 0,
    };
    if i < n && text[i] == b'0' {
        let next = text.get(i + 1).copied().unwrap_or(0);
        let p = prefix(next);
        if base == 0 {
            if p != 0 {
                radix = p;
                i += 2;
                if text.get(i) == Some(&b'_') {
                    i += 1;
                }
            } else {
                radix = 10;
                zeros_only = true;
            }
        } else if p == base {
            i += 2;
            if text.get(i) == Some(&b'_') {
                i += 1;
            }
        }
    } else if base == 0 {
        radix = 10;
    }
    let mut digits = Vec::with_capacity(n - i);
    let mut after_underscore = false;
    while i < n {
        let c = text[i];
        if c == b'_' {
            if digits.is_empty() || after_underscore {
                return None;
            }
            after_underscore = true;
        } else if digit_value(c) < radix {
            digits.push(c);
            after_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if digits.is_empty() || after_underscore {
        return None;
    }
    while i < n && is_ascii_space(text[i]) {
        i += 1;
    }
    if i != n || (zeros_only && digits.iter().any(|&d| d != b'0')) {
        return None;
    }
    Some(Literal {
        negative,
        radix,
        digits,
    })
}

fn limit_message(digits: usize, max: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({max} digits) for integer string conversion: value has {digits} \
         digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

fn convert(lit: &Literal, max_str_digits: usize) -> NumResult<Int> {
    let power_of_two = lit.radix.is_power_of_two();
    if !power_of_two && max_str_digits > 0 && lit.digits.len() > max_str_digits {
        return Err(limit_message(lit.digits.len(), max_str_digits));
    }
    let value = if lit.digits.len() <= 12 {
        let mut v: i64 = 0;
        for &d in &lit.digits {
            v = v * i64::from(lit.radix) + i64::from(digit_value(d));
        }
        BigInt::from(v)
    } else {
        BigInt::parse_bytes(&lit.digits, lit.radix).unwrap_or_default()
    };
    Ok(Int::from_bigint(if lit.negative { -value } else { value }))
}

/// The message for an int too long to print in decimal.
fn str_limit_error(max: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({max} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(a)` (and `repr`): decimal, at most `max_str_digits` digits (0 for no limit).
pub fn to_decimal(a: &Int, max_str_digits: usize) -> NumResult<String> {
    match a {
        Int::Small(v) => Ok(v.to_string()),
        Int::Big(b) => {
            if max_str_digits > 0 {
                // Quick refusal, certain from the size alone (log10(2) < 0.30103).
                let min_digits = (b.bits() - 1) as f64 * 0.301_029_995_663_981_1;
                if min_digits >= max_str_digits as f64 + 1.0 {
                    return Err(str_limit_error(max_str_digits));
                }
            }
            let text = b.to_string();
            let digits = text.len() - usize::from(b.is_negative());
            if max_str_digits > 0 && digits > max_str_digits {
                return Err(str_limit_error(max_str_digits));
            }
            Ok(text)
        }
    }
}

/// `bin(a)`, `oct(a)`, `hex(a)` (`radix` 2, 8 or 16): sign, `0b`/`0o`/`0x`, lowercase digits.
/// Without `prefix`, the digits as `format(a, 'b')` gives them.
pub fn to_radix(a: &Int, radix: u32, prefix: bool) -> String {
    let value = big(a);
    let digits = value.magnitude().to_str_radix(radix);
    let mut out = String::with_capacity(digits.len() + 3);
    if value.is_negative() {
        out.push('-');
    }
    if prefix {
        out.push_str(match radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    if value.is_zero() {
        out.push('0');
    } else {
        out.push_str(&digits);
    }
    out
}
