//! Python's `repr` of constant values, as `ast.dump` prints them. Mirrors `unicode_repr`
//! (Objects/unicodeobject.c), `PyBytes_Repr` (Objects/bytesobject.c), `float_repr`
//! (Objects/floatobject.c with Python/pystrtod.c's `format_float_short`, mode 'r') and
//! `complex_repr` (Objects/complexobject.c).

use std::fmt::Write;

use crate::ident::is_printable_code_point;
use crate::pystr::PyStr;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `repr(s)`: quoted with `'` unless the text has `'` and no `"`; backslash, the quote, tabs,
/// newlines, carriage returns and non-printable characters escaped.
pub fn repr_str(s: &PyStr) -> String {
    let quote = choose_quote(
        s.code_points().map(|cp| cp == 0x27),
        s.code_points().map(|cp| cp == 0x22),
    );
    let mut out = String::with_capacity(s.as_bytes().len() + 2);
    out.push(quote);
    for cp in s.code_points() {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(cp as u8 as char),
            0x00..=0x7F => push_hex(&mut out, 'x', cp, 2),
            _ if is_printable_code_point(cp) => {
                out.push(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            0x80..=0xFF => push_hex(&mut out, 'x', cp, 2),
            0x100..=0xFFFF => push_hex(&mut out, 'u', cp, 4),
            _ => push_hex(&mut out, 'U', cp, 8),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)`: `b'...'` with the same quote choice as `str`; bytes outside `' '..='~'` as `\xhh`.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = choose_quote(b.iter().map(|&c| c == b'\''), b.iter().map(|&c| c == b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(c as char),
            _ => push_hex(&mut out, 'x', u32::from(c), 2),
        }
    }
    out.push(quote);
    out
}

/// `"` when the text holds a single quote and no double quote, else `'`.
fn choose_quote(
    mut squotes: impl Iterator<Item = bool>,
    mut dquotes: impl Iterator<Item = bool>,
) -> char {
    if squotes.any(|q| q) && !dquotes.any(|q| q) {
        '"'
    } else {
        '\''
    }
}

fn push_hex(out: &mut String, kind: char, value: u32, width: u32) {
    out.push('\\');
    out.push(kind);
    for k in (0..width).rev() {
        out.push(HEX[((value >> (4 * k)) & 0xF) as usize] as char);
    }
}

/// `repr(x)` of a float: the shortest digits that round-trip, in fixed notation when the decimal
/// exponent is in -4..16 (`0.0001`, `1e+16`), always with a `.0` or fraction in fixed notation.
pub fn repr_float(x: f64) -> String {
    format_r(x, true, false)
}

/// `repr(complex(real, imag))`: `1.5j` when the real part is +0.0, else `(real±imagj)`; the parts
/// print as `repr` would without the added `.0`.
pub fn repr_complex(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", format_r(imag, false, false))
    } else {
        format!(
            "({}{}j)",
            format_r(real, false, false),
            format_r(imag, false, true)
        )
    }
}

/// `PyOS_double_to_string(x, 'r', 0, flags)` with `Py_DTSF_ADD_DOT_0` (`dot_0`) and
/// `Py_DTSF_SIGN` (`sign`: a `+` before non-negative values).
fn format_r(x: f64, dot_0: bool, sign: bool) -> String {
    let mut out = String::new();
    if x.is_nan() {
        // NaN prints no `-`, whatever its sign bit.
        if sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, decpt) = shortest_digits(x.abs());
    let ndigits = digits.len() as i32;
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if ndigits > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let exp = decpt - 1;
        let _ = write!(
            out,
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.unsigned_abs()
        );
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', decpt.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if decpt >= ndigits {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (decpt - ndigits) as usize));
        if dot_0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// The shortest decimal digits `d1d2...dn` that round-trip to `x` (finite, non-negative) and the
/// decimal point position: `x == 0.d1d2...dn * 10**decpt`. Zero gives `("0", 1)`.
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` without a precision prints the shortest round-trip digits, the ones closest
    // to `x`, as David Gay's mode 0 (which CPython uses) does.
    let (mut digits, exp) = sci_digits(&format!("{x:e}"));
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    // When `x` lies exactly halfway between two shortest candidates, Rust rounds up and Gay
    // picks the even last digit: look for that tie when the last digit is odd.
    let n = digits.len();
    let last = digits.as_bytes()[n - 1];
    if last % 2 == 1 {
        let (longer, longer_exp) = sci_digits(&format!("{x:.n$e}"));
        if longer_exp == exp && longer.ends_with('5') && is_exact(x, &longer, longer_exp) {
            let stem = &longer[..n];
            let alternative = if stem == digits {
                (last < b'9').then(|| format!("{}{}", &digits[..n - 1], (last + 1 - b'0')))
            } else {
                Some(stem.to_owned())
            };
            if let Some(alt) = alternative {
                let round_trips = format!("0.{alt}e{}", exp + 1).parse::<f64>() == Ok(x);
                if alt.len() == n && round_trips {
                    digits = alt;
                }
            }
        }
    }
    (digits, exp + 1)
}

/// The digits and exponent of Rust's `d.ddde<exp>` formatting.
fn sci_digits(sci: &str) -> (String, i32) {
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let digits = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Whether `x` equals `0.d1d2...dn * 10**(exp + 1)` exactly (a double's exact decimal expansion
/// has at most 767 significant digits).
fn is_exact(x: f64, digits: &str, exp: i32) -> bool {
    let (full, full_exp) = sci_digits(&format!("{x:.800e}"));
    full_exp == exp
        && full.starts_with(digits)
        && full.as_bytes()[digits.len()..].iter().all(|&d| d == b'0')
}

#[cfg(test)]
#[path = "repr_tests.rs"]
mod tests;
