//! A float as text in one of the conversions `e E f F g G r`, as `PyOS_double_to_string` in
//! Python/pystrtod.c gives it: correctly rounded (halfway cases to even, on the exact binary
//! value), `inf`/`nan` cased with the conversion, exponents with at least two digits.

use std::fmt::Write;

use protopy_compiler::literals::repr_float;

/// The largest precision `PyOS_double_to_string` accepts; above it CPython raises
/// `ValueError("precision too big")`.
pub(crate) const MAX_PRECISION: usize = 2_147_482_623;

/// `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Flags {
    /// `Py_DTSF_ALT` (`#`): always a decimal point; `g` keeps its trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_ADD_DOT_0`: `.0` after an integral value in fixed notation.
    pub add_dot_0: bool,
    /// `Py_DTSF_NO_NEG_0` (`z`): no `-` before a value that rounds to zero.
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`. `code` is one of `e E f F g G r`
/// (`r`: the shortest repr digits, ignoring `precision`). A `-` leads negative results; NaN
/// never has one.
pub(crate) fn double_to_string(x: f64, code: char, precision: usize, flags: Flags) -> String {
    let upper = code.is_ascii_uppercase();
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_owned();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let a = x.abs();
    let body = match code.to_ascii_lowercase() {
        'f' => {
            let mut s = format!("{a:.precision$}");
            if flags.alt && precision == 0 {
                s.push('.');
            }
            s
        }
        'e' => {
            let (digits, exp) = sci(&format!("{a:.precision$e}"));
            render_exp(&digits, exp, flags.alt, upper)
        }
        'g' => {
            let p = precision.max(1);
            let (mut digits, exp) = sci(&format!("{a:.prec$e}", prec = p - 1));
            let decpt = exp + 1;
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            let use_exp = decpt <= -4 || i64::from(decpt) > limit as i64;
            if !flags.alt {
                strip_trailing_zeros(&mut digits);
            }
            if use_exp {
                render_exp(&digits, exp, flags.alt, upper)
            } else {
                render_fixed(&digits, decpt, flags)
            }
        }
        _ => {
            let (digits, decpt) = repr_digits(a);
            if decpt <= -4 || decpt > 16 {
                render_exp(&digits, decpt - 1, flags.alt, upper)
            } else {
                render_fixed(&digits, decpt, flags)
            }
        }
    };
    if flags.no_neg_0 && is_zero(&body) {
        out.clear();
    }
    out.push_str(&body);
    out
}

/// Whether formatted digits (before any exponent) are all zeros.
fn is_zero(body: &str) -> bool {
    body.bytes()
        .take_while(|&b| b != b'e' && b != b'E')
        .all(|b| b == b'0' || b == b'.')
}

/// The digits and exponent of Rust's `d.ddde<exp>`: `x == d.ddd * 10**exp`.
fn sci(text: &str) -> (String, i32) {
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let digits = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// The shortest round-tripping digits of `a` (finite, non-negative) and the decimal point's
/// position: `a == 0.d1d2...dn * 10**decpt`; zero gives `("0", 1)`.
fn repr_digits(a: f64) -> (String, i32) {
    let text = repr_float(a);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = format!("{int}{frac}");
    let lead = all.bytes().take_while(|&b| b == b'0').count();
    if lead == all.len() {
        return ("0".to_owned(), 1);
    }
    let mut digits = all[lead..].to_owned();
    strip_trailing_zeros(&mut digits);
    (digits, int.len() as i32 - lead as i32 + exp)
}

fn strip_trailing_zeros(digits: &mut String) {
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
}

/// `d.ddde±XX`.
fn render_exp(digits: &str, exp: i32, alt: bool, upper: bool) -> String {
    let mut out = String::with_capacity(digits.len() + 6);
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    } else if alt {
        out.push('.');
    }
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let _ = write!(out, "{:02}", exp.unsigned_abs());
    out
}

/// Fixed notation for `0.d1d2...dn * 10**decpt`.
fn render_fixed(digits: &str, decpt: i32, flags: Flags) -> String {
    let n = digits.len() as i64;
    let decpt = i64::from(decpt);
    let mut out = String::with_capacity(digits.len() + decpt.unsigned_abs() as usize + 3);
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', decpt.unsigned_abs() as usize));
        out.push_str(digits);
    } else if decpt >= n {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (decpt - n) as usize));
        if flags.add_dot_0 {
            out.push_str(".0");
        } else if flags.alt {
            out.push('.');
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}
