//! `float` and text: `float(str)` and `float(bytes)` parsing, `float.hex()` and
//! `float.fromhex()`. Mirrors Objects/floatobject.c (`PyFloat_FromString`, `float_hex`,
//! `float_fromhex`), Python/pystrtod.c (`_Py_string_to_number_with_underscores`,
//! `_Py_parse_inf_or_nan`).

use num_bigint::BigUint;
use num_traits::{One, Zero};
use protopy_compiler::literals::{repr_bytes, repr_str};
use protopy_compiler::pystr::PyStr;

use super::int_convert::{decompose, ratio_to_f64};
use super::int_text::{is_ascii_space, to_ascii};
use super::{NumError, NumResult};

/// `float(s)` for a `str`; `decimal` gives the value of non-ASCII decimal digits.
pub fn float_from_str(s: &PyStr, decimal: &dyn Fn(u32) -> Option<u32>) -> NumResult<f64> {
    let text = to_ascii(s, decimal);
    float_from_ascii(&text, || repr_str(s))
}

/// `float(b)` for `bytes`.
pub fn float_from_bytes_text(b: &[u8]) -> NumResult<f64> {
    float_from_ascii(b, || repr_bytes(b))
}

/// `float(x)` for any text already made ASCII; `repr` gives the original's `repr`.
pub fn float_from_ascii(text: &[u8], repr: impl FnOnce() -> String) -> NumResult<f64> {
    let trimmed = trim(text);
    parse_float_text(trimmed)
        .ok_or_else(|| NumError::value(format!("could not convert string to float: {}", repr())))
}

/// `text` without leading and trailing ASCII whitespace.
pub(crate) fn trim(text: &[u8]) -> &[u8] {
    let start = text
        .iter()
        .position(|&b| !is_ascii_space(b))
        .unwrap_or(text.len());
    let end = text
        .iter()
        .rposition(|&b| !is_ascii_space(b))
        .map_or(start, |e| e + 1);
    &text[start..end.max(start)]
}

/// A whole float literal as `float()` takes it (no surrounding space): a decimal number with
/// single underscores between digits, or `inf`, `infinity`, `nan` in any case, all with an
/// optional sign.
pub(crate) fn parse_float_text(text: &[u8]) -> Option<f64> {
    let cleaned;
    let text = if text.contains(&b'_') {
        for (i, &b) in text.iter().enumerate() {
            if b == b'_' {
                let before = i > 0 && text[i - 1].is_ascii_digit();
                let after = text.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !before || !after {
                    return None;
                }
            }
        }
        cleaned = text
            .iter()
            .copied()
            .filter(|&b| b != b'_')
            .collect::<Vec<u8>>();
        &cleaned[..]
    } else {
        text
    };
    let (negative, body) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let value = if let Some(special) = inf_or_nan(body) {
        special
    } else {
        if !is_decimal_literal(body) {
            return None;
        }
        // Rust's parser is correctly rounded, overflowing to infinity as `_Py_dg_strtod` does.
        std::str::from_utf8(body).ok()?.parse::<f64>().ok()?
    };
    Some(if negative { -value } else { value })
}

fn inf_or_nan(body: &[u8]) -> Option<f64> {
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// `digits [. digits] [e [sign] digits]` or `. digits [...]`, at least one mantissa digit.
fn is_decimal_literal(s: &[u8]) -> bool {
    let mut i = 0;
    let count = |s: &[u8], i: &mut usize| {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = count(s, &mut i);
    if i < s.len() && s[i] == b'.' {
        i += 1;
        mantissa += count(s, &mut i);
    }
    if mantissa == 0 {
        return false;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        if count(s, &mut i) == 0 {
            return false;
        }
    }
    i == s.len()
}

/// `float.hex(x)`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` and `p-1022` for subnormals),
/// `0x0.0p+0` for zeros, `inf`, `-inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let (m, e) = decompose(x);
    let frac = m & ((1u64 << 52) - 1);
    let (lead, exp) = if m >> 52 == 1 {
        (1, e + 52)
    } else {
        (0, -1022)
    };
    format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
}

fn hex_invalid() -> NumError {
    NumError::value("invalid hexadecimal floating-point string")
}

/// `float.fromhex(s)`: hexadecimal (`0x` optional, `p` exponent in decimal) correctly rounded,
/// or `inf`/`infinity`/`nan`; surrounding ASCII whitespace allowed.
pub fn float_fromhex(s: &str) -> NumResult<f64> {
    let text = trim(s.as_bytes());
    let (negative, body) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if let Some(special) = inf_or_nan(body) {
        return Ok(if negative { -special } else { special });
    }
    let mut i = 0;
    if body.len() >= 2 && body[0] == b'0' && (body[1] == b'x' || body[1] == b'X') {
        i = 2;
    }
    let mut hex_digits = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    while i < body.len() {
        let b = body[i];
        if b.is_ascii_hexdigit() {
            hex_digits.push(b);
            if seen_point {
                frac_digits += 1;
            }
        } else if b == b'.' && !seen_point {
            seen_point = true;
        } else {
            break;
        }
        i += 1;
    }
    let digits = hex_digits.len();
    if digits == 0 {
        return Err(hex_invalid());
    }
    let mut exp: i64 = 0;
    if i < body.len() && (body[i] == b'p' || body[i] == b'P') {
        i += 1;
        let mut exp_negative = false;
        if i < body.len() && (body[i] == b'+' || body[i] == b'-') {
            exp_negative = body[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < body.len() && body[i].is_ascii_digit() {
            exp = exp
                .saturating_mul(10)
                .saturating_add(i64::from(body[i] - b'0'));
            i += 1;
        }
        if i == start {
            return Err(hex_invalid());
        }
        if exp_negative {
            exp = -exp;
        }
    }
    // CPython reports an overflow before it looks at what follows the number.
    let trailing = i != body.len();
    let exp = exp.saturating_sub(frac_digits.saturating_mul(4));
    let mantissa = BigUint::parse_bytes(&hex_digits, 16).unwrap_or_default();
    let signed = |v: f64| if negative { -v } else { v };
    if mantissa.is_zero() {
        return if trailing {
            Err(hex_invalid())
        } else {
            Ok(signed(0.0))
        };
    }
    let top = (mantissa.bits() as i64 - 1).saturating_add(exp);
    let too_large = || NumError::overflow("hexadecimal value too large to represent as a float");
    if top >= 1024 {
        return Err(too_large());
    }
    let value = if top < -1080 {
        Some(0.0)
    } else if exp >= 0 {
        ratio_to_f64(&(mantissa << (exp as u64)), &BigUint::one())
    } else {
        ratio_to_f64(&mantissa, &(BigUint::one() << ((-exp) as u64)))
    };
    let value = value.ok_or_else(too_large)?;
    if trailing {
        return Err(hex_invalid());
    }
    Ok(signed(value))
}
