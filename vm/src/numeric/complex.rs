//! `complex` arithmetic, `abs`, `**`, `hash` and `complex(str)` parsing with CPython's results
//! and errors, mixed complex/real operands as 3.14 treats them. Mirrors Objects/complexobject.c
//! (`_Py_c_sum` ... `_Py_c_quot`, `_Py_c_pow`, `c_powi`, `_Py_c_abs`, `complex_hash`,
//! `complex_from_string_inner`).

use protopy_compiler::literals::repr_str;
use protopy_compiler::pystr::PyStr;

use super::float_text::trim;
use super::int_text::{is_ascii_space, to_ascii};
use super::{division_by_zero, float, NumError, NumHash, NumResult, HASH_IMAG};

/// A complex number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

impl Complex {
    pub const fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }
}

/// `a + b`.
pub fn add(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re + b.re, a.im + b.im)
}

/// `a - b`.
pub fn sub(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re - b.re, a.im - b.im)
}

/// `a * b`, recovering infinities that the plain formula turns into `nan+nanj` (C11 Annex G's
/// `_Cmultd`).
pub fn mul(a: Complex, b: Complex) -> Complex {
    let (mut x, mut y, mut u, mut v) = (a.re, a.im, b.re, b.im);
    let (xu, yv, xv, yu) = (x * u, y * v, x * v, y * u);
    let r = Complex::new(xu - yv, xv + yu);
    if !(r.re.is_nan() && r.im.is_nan()) {
        return r;
    }
    let boxed = |t: f64| (if t.is_infinite() { 1.0f64 } else { 0.0 }).copysign(t);
    let unnan = |t: f64| if t.is_nan() { 0.0f64.copysign(t) } else { t };
    let mut recalc = false;
    if x.is_infinite() || y.is_infinite() {
        (x, y) = (boxed(x), boxed(y));
        (u, v) = (unnan(u), unnan(v));
        recalc = true;
    }
    if u.is_infinite() || v.is_infinite() {
        (u, v) = (boxed(u), boxed(v));
        (x, y) = (unnan(x), unnan(y));
        recalc = true;
    }
    if !recalc && [xu, yv, xv, yu].iter().any(|t| t.is_infinite()) {
        (x, y, u, v) = (unnan(x), unnan(y), unnan(u), unnan(v));
        recalc = true;
    }
    if !recalc {
        return r;
    }
    Complex::new(
        f64::INFINITY * (x * u - y * v),
        f64::INFINITY * (x * v + y * u),
    )
}

/// `-a`.
pub fn neg(a: Complex) -> Complex {
    Complex::new(-a.re, -a.im)
}

/// `a + r` for a real `r` (3.14: the real operand has no imaginary part, not even `+0.0`).
pub fn add_real(a: Complex, r: f64) -> Complex {
    Complex::new(a.re + r, a.im)
}

/// `a - r`.
pub fn sub_real(a: Complex, r: f64) -> Complex {
    Complex::new(a.re - r, a.im)
}

/// `r - a`.
pub fn real_sub(r: f64, a: Complex) -> Complex {
    Complex::new(r - a.re, -a.im)
}

/// `a * r` (and `r * a`).
pub fn mul_real(a: Complex, r: f64) -> Complex {
    Complex::new(a.re * r, a.im * r)
}

/// `a / r`.
pub fn div_real(a: Complex, r: f64) -> NumResult<Complex> {
    if r == 0.0 {
        return Err(division_by_zero());
    }
    Ok(Complex::new(a.re / r, a.im / r))
}

/// `r / a`: Smith's method with the real numerator's zero imaginary part left out.
pub fn real_div(r: f64, a: Complex) -> NumResult<Complex> {
    let (abs_re, abs_im) = (a.re.abs(), a.im.abs());
    let mut q = if abs_re >= abs_im {
        if abs_re == 0.0 {
            return Err(division_by_zero());
        }
        let ratio = a.im / a.re;
        let denom = a.re + a.im * ratio;
        Complex::new(r / denom, (-r * ratio) / denom)
    } else if abs_im >= abs_re {
        let ratio = a.re / a.im;
        let denom = a.re * ratio + a.im;
        Complex::new((r * ratio) / denom, (-r) / denom)
    } else {
        Complex::new(f64::NAN, f64::NAN)
    };
    if q.re.is_nan()
        && q.im.is_nan()
        && r.is_finite()
        && (abs_re.is_infinite() || abs_im.is_infinite())
    {
        let unit = |v: f64| (if v.is_infinite() { 1.0f64 } else { 0.0 }).copysign(v);
        let (x, y) = (unit(a.re), unit(a.im));
        q = Complex::new(0.0 * (r * x), 0.0 * (-r * y));
    }
    Ok(q)
}

/// The quotient by Smith's method with C11 Annex G's recovery of infinities and zeros; `None`
/// when `b` is zero.
fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    let mut r = if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    } else {
        Complex::new(f64::NAN, f64::NAN)
    };
    if r.re.is_nan() && r.im.is_nan() {
        let finite = |c: Complex| c.re.is_finite() && c.im.is_finite();
        let unit = |v: f64| (if v.is_infinite() { 1.0f64 } else { 0.0 }).copysign(v);
        if (a.re.is_infinite() || a.im.is_infinite()) && finite(b) {
            let (x, y) = (unit(a.re), unit(a.im));
            r = Complex::new(
                f64::INFINITY * (x * b.re + y * b.im),
                f64::INFINITY * (y * b.re - x * b.im),
            );
        } else if (abs_re.is_infinite() || abs_im.is_infinite()) && finite(a) {
            let (x, y) = (unit(b.re), unit(b.im));
            r = Complex::new(0.0 * (a.re * x + a.im * y), 0.0 * (a.im * x - a.re * y));
        }
    }
    Some(r)
}

/// `a / b`.
pub fn div(a: Complex, b: Complex) -> NumResult<Complex> {
    quot(a, b).ok_or_else(division_by_zero)
}

/// `abs(a)`: `hypot` of the parts, infinite if either part is, `OverflowError` when a finite
/// value overflows.
pub fn abs(a: Complex) -> NumResult<f64> {
    if a.re.is_infinite() || a.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if a.re.is_nan() || a.im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = a.re.hypot(a.im);
    if r.is_infinite() {
        return Err(NumError::overflow("absolute value too large"));
    }
    Ok(r)
}

/// Why a power failed, as C's `errno` says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PowError {
    /// EDOM: zero to a negative or complex power, or an infinite phase.
    Domain,
}

/// `a ** n` for `n >= 0` by repeated squaring.
fn powu(a: Complex, n: u64) -> Complex {
    let mut r = ONE;
    let mut p = a;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

fn powi(a: Complex, n: i64) -> Result<Complex, PowError> {
    if n > 0 {
        Ok(powu(a, n as u64))
    } else {
        quot(ONE, powu(a, n.unsigned_abs())).ok_or(PowError::Domain)
    }
}

fn pow_general(a: Complex, b: Complex) -> Result<Complex, PowError> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok(Complex::new(0.0, 0.0));
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len *= (-at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    if phase.is_infinite() {
        // cos and sin of an infinity set EDOM.
        return Err(PowError::Domain);
    }
    Ok(Complex::new(len * phase.cos(), len * phase.sin()))
}

/// `a ** b`: small integral exponents by repeated multiplication, others through polar form.
pub fn pow(a: Complex, b: Complex) -> NumResult<Complex> {
    let result = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        powi(a, b.re as i64)
    } else {
        pow_general(a, b)
    };
    match result {
        Err(PowError::Domain) => Err(NumError::zero_division(
            "zero to a negative or complex power",
        )),
        Ok(p) if p.re.is_infinite() || p.im.is_infinite() => {
            Err(NumError::overflow("complex exponentiation"))
        }
        Ok(p) => Ok(p),
    }
}

/// `hash(a)`: `hash(re) + 1000003 * hash(im)` in wrapping arithmetic, -1 becoming -2.
pub fn hash(a: Complex) -> NumHash {
    match (float::hash(a.re), float::hash(a.im)) {
        (NumHash::Value(re), NumHash::Value(im)) => {
            let h = re.wrapping_add(HASH_IMAG.wrapping_mul(im));
            NumHash::Value(if h == -1 { -2 } else { h })
        }
        _ => NumHash::Identity,
    }
}

fn malformed() -> NumError {
    NumError::value("complex() arg is a malformed string")
}

/// `complex(s)` for a `str`: `re`, `imj`, `re±imj` (or `re±j`, `±j`, `j`), optionally in
/// parentheses, surrounded by whitespace; `decimal` gives the value of non-ASCII digits.
pub fn complex_from_str(s: &PyStr, decimal: &dyn Fn(u32) -> Option<u32>) -> NumResult<Complex> {
    let text = to_ascii(s, decimal);
    complex_from_ascii(&text, || repr_str(s))
}

/// `complex(s)` for text already made ASCII; `repr` gives the original's `repr` for the message
/// about misplaced underscores.
pub fn complex_from_ascii(text: &[u8], repr: impl FnOnce() -> String) -> NumResult<Complex> {
    let text = trim(text);
    // Underscores are allowed only between digits, then dropped (as for `float()`).
    let cleaned;
    let text = if text.contains(&b'_') {
        for (i, &b) in text.iter().enumerate() {
            if b == b'_' {
                let before = i > 0 && text[i - 1].is_ascii_digit();
                let after = text.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !before || !after {
                    return Err(NumError::value(format!(
                        "could not convert string to complex: {}",
                        repr()
                    )));
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
    parse_complex(text).ok_or_else(malformed)
}

fn parse_complex(s: &[u8]) -> Option<Complex> {
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < s.len() && is_ascii_space(s[*i]) {
            *i += 1;
        }
    };
    let bracket = s.first() == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let sign_of = |c: u8| if c == b'+' { 1.0 } else { -1.0 };
    let (mut re, mut im) = (0.0, 0.0);
    if let Some((z, used)) = float_prefix(&s[i..]) {
        i += used;
        match s.get(i) {
            Some(&c @ (b'+' | b'-')) => {
                re = z;
                if let Some((y, used)) = float_prefix(&s[i..]) {
                    im = y;
                    i += used;
                } else {
                    im = sign_of(c);
                    i += 1;
                }
                if !is_j(s.get(i)) {
                    return None;
                }
                i += 1;
            }
            Some(b'j' | b'J') => {
                im = z;
                i += 1;
            }
            _ => re = z,
        }
    } else {
        if let Some(&c @ (b'+' | b'-')) = s.get(i) {
            im = sign_of(c);
            i += 1;
        } else {
            im = 1.0;
        }
        if !is_j(s.get(i)) {
            return None;
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        skip_space(&mut i);
    }
    (i == s.len()).then_some(Complex::new(re, im))
}

/// The longest float at the start of `s` as `strtod` reads it (sign, digits with a point and
/// an exponent, or `inf`/`infinity`/`nan`): its value and length.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let starts =
        |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    let end = if starts(b"infinity") {
        i + 8
    } else if starts(b"inf") || starts(b"nan") {
        i + 3
    } else {
        let digits = |i: &mut usize| {
            let start = *i;
            while *i < s.len() && s[*i].is_ascii_digit() {
                *i += 1;
            }
            *i - start
        };
        let mut n = digits(&mut i);
        if s.get(i) == Some(&b'.') {
            i += 1;
            n += digits(&mut i);
        }
        if n == 0 {
            return None;
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digits(&mut j) > 0 {
                i = j;
            }
        }
        i
    };
    let value = super::float_text::parse_float_text(&s[..end])?;
    Some((value, end))
}
