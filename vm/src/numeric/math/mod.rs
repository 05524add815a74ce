//! The `math` module's computations (https://docs.python.org/3.14/library/math.html), on
//! converted arguments: C99 Annex F special values and CPython's errors (`ValueError` for a
//! domain error or a pole, `OverflowError` for overflow) with 3.14's messages
//! (`expected a positive input, got -1.0`). Mirrors Modules/mathmodule.c (`math_1`, `math_2`,
//! `loghelper`, `math_pow_impl`, `math_ldexp_impl`, `math_nextafter_impl`, ...).

mod dd;
mod integer;
mod special;
mod sum;
#[cfg(test)]
mod tests;

pub use integer::{comb, factorial, gcd, isqrt, lcm, perm};
pub use sum::{dist, fsum, hypot, Fsum, SumprodFloats};

use num_bigint::BigUint;
use protopy_compiler::literals::repr_float;

use self::special::Errno;
use super::int::{self, big};
use super::int_convert::{int_to_f64, ratio_to_f64};
use super::{float, Int, NumError, NumResult};

/// `math.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `math.e`.
pub const E: f64 = std::f64::consts::E;
/// `math.tau`.
pub const TAU: f64 = std::f64::consts::TAU;
/// `math.inf`.
pub const INF: f64 = f64::INFINITY;
/// `math.nan` (positive sign bit).
pub const NAN: f64 = f64::NAN;

fn domain_error() -> NumError {
    NumError::value("math domain error")
}

fn range_error() -> NumError {
    NumError::overflow("math range error")
}

/// `ValueError(template % repr(x))`, or "math domain error" when there is no template.
fn domain_message(template: Option<&str>, x: f64) -> NumError {
    match template {
        Some(t) => NumError::value(t.replace("%s", &repr_float(x))),
        None => domain_error(),
    }
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an infinity from a finite value is
/// an overflow when the function can overflow, else a domain error (a pole).
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool, message: Option<&str>) -> NumResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_message(message, x));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_message(message, x)
        });
    }
    Ok(r)
}

/// CPython's `math_1a`, for functions that report through errno: EDOM is a domain error, ERANGE
/// an overflow unless the result is small (an underflow).
fn math_1a(x: f64, f: fn(f64) -> (f64, Errno), message: Option<&str>) -> NumResult<f64> {
    let (r, errno) = f(x);
    match errno {
        Errno::Domain => Err(domain_message(message, x)),
        Errno::Range if r.abs() >= 1.5 => Err(range_error()),
        _ => Ok(r),
    }
}

/// CPython's `math_2`: a NaN from non-NaNs is a domain error, an infinity from finite values an
/// overflow.
fn math_2(x: f64, y: f64, r: f64) -> NumResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}

const IN_RANGE: &str = "expected a number in range from -1 up to 1, got %s";
const FINITE: &str = "expected a finite input, got %s";
const POSITIVE: &str = "expected a positive input, got %s";
const NONINTEGER: &str = "expected a noninteger or positive integer, got %s";

/// `math.acos(x)`.
pub fn acos(x: f64) -> NumResult<f64> {
    math_1(x, f64::acos, false, Some(IN_RANGE))
}
/// `math.acosh(x)`.
pub fn acosh(x: f64) -> NumResult<f64> {
    math_1(
        x,
        special::acosh,
        false,
        Some("expected argument value not less than 1, got %s"),
    )
}
/// `math.asin(x)`.
pub fn asin(x: f64) -> NumResult<f64> {
    math_1(x, f64::asin, false, Some(IN_RANGE))
}
/// `math.asinh(x)`.
pub fn asinh(x: f64) -> NumResult<f64> {
    math_1(x, special::asinh, false, None)
}
/// `math.atan(x)`.
pub fn atan(x: f64) -> NumResult<f64> {
    math_1(x, f64::atan, false, None)
}
/// `math.atan2(y, x)`.
pub fn atan2(y: f64, x: f64) -> NumResult<f64> {
    math_2(y, x, y.atan2(x))
}
/// `math.atanh(x)`.
pub fn atanh(x: f64) -> NumResult<f64> {
    math_1(
        x,
        special::atanh,
        false,
        Some("expected a number between -1 and 1, got %s"),
    )
}
/// `math.cbrt(x)`.
pub fn cbrt(x: f64) -> NumResult<f64> {
    math_1(x, f64::cbrt, false, None)
}
/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> NumResult<f64> {
    math_2(x, y, x.copysign(y))
}
/// `math.cos(x)`.
pub fn cos(x: f64) -> NumResult<f64> {
    math_1(x, f64::cos, false, Some(FINITE))
}
/// `math.cosh(x)`.
pub fn cosh(x: f64) -> NumResult<f64> {
    math_1(x, f64::cosh, true, None)
}
/// `math.degrees(x)`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}
/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}
/// `math.erf(x)`.
pub fn erf(x: f64) -> NumResult<f64> {
    Ok(special::erf(x))
}
/// `math.erfc(x)`.
pub fn erfc(x: f64) -> NumResult<f64> {
    Ok(special::erfc(x))
}
/// `math.exp(x)`.
pub fn exp(x: f64) -> NumResult<f64> {
    math_1(x, f64::exp, true, None)
}
/// `math.exp2(x)`.
pub fn exp2(x: f64) -> NumResult<f64> {
    math_1(x, f64::exp2, true, None)
}
/// `math.expm1(x)`.
pub fn expm1(x: f64) -> NumResult<f64> {
    math_1(x, f64::exp_m1, true, None)
}
/// `math.fabs(x)`.
pub fn fabs(x: f64) -> f64 {
    x.abs()
}
/// `math.gamma(x)`.
pub fn gamma(x: f64) -> NumResult<f64> {
    math_1a(x, special::tgamma, Some(NONINTEGER))
}
/// `math.lgamma(x)`.
pub fn lgamma(x: f64) -> NumResult<f64> {
    math_1a(x, special::lgamma, Some(NONINTEGER))
}
/// `math.log1p(x)`.
pub fn log1p(x: f64) -> NumResult<f64> {
    math_1(
        x,
        |x| if x == 0.0 { x } else { x.ln_1p() },
        false,
        Some("expected argument value > -1, got %s"),
    )
}
/// `math.sin(x)`.
pub fn sin(x: f64) -> NumResult<f64> {
    math_1(x, f64::sin, false, Some(FINITE))
}
/// `math.sinh(x)`.
pub fn sinh(x: f64) -> NumResult<f64> {
    math_1(x, f64::sinh, true, None)
}
/// `math.sqrt(x)`.
pub fn sqrt(x: f64) -> NumResult<f64> {
    math_1(
        x,
        f64::sqrt,
        false,
        Some("expected a nonnegative input, got %s"),
    )
}
/// `math.tan(x)`.
pub fn tan(x: f64) -> NumResult<f64> {
    math_1(x, f64::tan, false, Some(FINITE))
}
/// `math.tanh(x)`.
pub fn tanh(x: f64) -> NumResult<f64> {
    math_1(x, f64::tanh, false, None)
}

/// An argument of `math.log`, `log2` and `log10`: ints take an exact path that works past the
/// float range.
#[derive(Clone, Copy, Debug)]
pub enum LogArg<'a> {
    Float(f64),
    Int(&'a Int),
}

/// Which logarithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    E,
    Two,
    Ten,
}

fn log_of(kind: LogKind, x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x > 0.0 {
        match kind {
            LogKind::E => x.ln(),
            LogKind::Two => x.log2(),
            LogKind::Ten => x.log10(),
        }
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

/// `math.log(x)`, `math.log2(x)`, `math.log10(x)` (`loghelper`).
pub fn log_kind(kind: LogKind, arg: LogArg<'_>) -> NumResult<f64> {
    match arg {
        LogArg::Float(x) => {
            let r = log_of(kind, x);
            if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
                return Err(domain_message(Some(POSITIVE), x));
            }
            Ok(r)
        }
        LogArg::Int(a) => {
            if int::signum(a) <= 0 {
                return Err(NumError::value("expected a positive input"));
            }
            match int_to_f64(a) {
                Ok(x) => Ok(log_of(kind, x)),
                Err(_) => {
                    // a ~= x * 2**e with 0.5 <= x < 1, so log(a) ~= log(x) + log(2) * e (3.14
                    // adds, 3.15 uses fma).
                    let value = big(a);
                    let mut e = value.bits();
                    let one = BigUint::from(1u32);
                    let mut x = ratio_to_f64(value.magnitude(), &(one << e)).unwrap_or(1.0);
                    if x == 1.0 {
                        x = 0.5;
                        e += 1;
                    }
                    Ok(log_of(kind, x) + log_of(kind, 2.0) * e as f64)
                }
            }
        }
    }
}

/// `math.log(x)`.
pub fn log(x: LogArg<'_>) -> NumResult<f64> {
    log_kind(LogKind::E, x)
}

/// `math.log(x, base)`: `log(x) / log(base)`.
pub fn log_base(x: LogArg<'_>, base: LogArg<'_>) -> NumResult<f64> {
    let num = log(x)?;
    let den = log(base)?;
    float::div(num, den)
}

/// `math.log2(x)`.
pub fn log2(x: LogArg<'_>) -> NumResult<f64> {
    log_kind(LogKind::Two, x)
}

/// `math.log10(x)`.
pub fn log10(x: LogArg<'_>) -> NumResult<f64> {
    log_kind(LogKind::Ten, x)
}

/// `math.ceil(x)` for a float.
pub fn ceil(x: f64) -> NumResult<Int> {
    float::ceil_to_int(x)
}
/// `math.floor(x)` for a float.
pub fn floor(x: f64) -> NumResult<Int> {
    float::floor_to_int(x)
}
/// `math.trunc(x)` for a float.
pub fn trunc(x: f64) -> NumResult<Int> {
    float::trunc_to_int(x)
}

/// `math.fma(x, y, z)`: `x * y + z` with one rounding.
pub fn fma(x: f64, y: f64, z: f64) -> NumResult<f64> {
    let r = x.mul_add(y, z);
    if r.is_finite() {
        return Ok(r);
    }
    if r.is_nan() {
        if !x.is_nan() && !y.is_nan() && !z.is_nan() {
            return Err(NumError::value("invalid operation in fma"));
        }
    } else if x.is_finite() && y.is_finite() && z.is_finite() {
        return Err(NumError::overflow("overflow in fma"));
    }
    Ok(r)
}

/// `math.fmod(x, y)`: C's `fmod`, the sign of `x`.
pub fn fmod(x: f64, y: f64) -> NumResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.remainder(x, y)`: `x - n*y` for the nearest integer `n`, ties to even; exact.
pub fn remainder(x: f64, y: f64) -> NumResult<f64> {
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let (ax, ay) = (x.abs(), y.abs());
            let m = ax % ay;
            // Compare m with ay - m rather than with ay / 2, which may be inexact.
            let c = ay - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                // Halfway: m if the multiple below is even, -m if odd (all exact).
                m - 2.0 * ((0.5 * (ax - m)) % ay)
            };
            1.0f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    math_2(x, y, r)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= abs(m) < 1` (`(x, 0)` for zeros,
/// infinities and NaNs).
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (m, e) = super::int_convert::decompose(x);
    // m * 2**e with m < 2**53: normalize m to 53 bits, then put the point before them.
    let shift = m.leading_zeros() as i64 - 11;
    let m = m << shift;
    let e = e - shift + 53;
    let frac = f64::from_bits((m & ((1u64 << 52) - 1)) | (1022u64 << 52));
    (frac.copysign(x), e)
}

/// `2**e` for `-1022 <= e <= 1023`.
fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// C's `ldexp`: `x * 2**n`, rounded once.
fn scalbn(x: f64, n: i32) -> f64 {
    let mut y = x;
    let mut n = n;
    if n > 1023 {
        y *= pow2(1023);
        n -= 1023;
        if n > 1023 {
            y *= pow2(1023);
            n = (n - 1023).min(1023);
        }
    } else if n < -1022 {
        // Scale by 2**-969 (2**-1022 * 2**53) so that only the last product can round.
        let down = pow2(-1022) * pow2(53);
        y *= down;
        n += 1022 - 53;
        if n < -1022 {
            y *= down;
            n = (n + 1022 - 53).max(-1022);
        }
    }
    y * pow2(n)
}

/// `math.ldexp(x, i)`.
pub fn ldexp(x: f64, i: &Int) -> NumResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let exp = match i {
        Int::Small(v) => *v,
        Int::Big(_) => {
            if int::is_negative(i) {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    if exp > i64::from(i32::MAX) {
        return Err(range_error());
    }
    if exp < i64::from(i32::MIN) {
        return Ok(0.0f64.copysign(x));
    }
    let r = scalbn(x, exp as i32);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.modf(x)`: the fractional and integral parts, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let i = x.trunc();
    ((x - i).copysign(x), i)
}

/// `math.pow(x, y)`: C99's `pow` with `ValueError` for a NaN from non-NaNs or zero to a negative
/// power, `OverflowError` when a finite power overflows.
pub fn pow(x: f64, y: f64) -> NumResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        return Ok(if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(r)
}

/// `math.isclose(a, b, rel_tol=, abs_tol=)`.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> NumResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(NumError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}
/// `math.isinf(x)`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}
/// `math.isnan(x)`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

/// The next double after `x` toward `y` (C's `nextafter`).
fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// `math.nextafter(x, y, steps=steps)`: `steps` doubles from `x` toward `y` (one when `None`),
/// stopping at `y`.
pub fn nextafter(x: f64, y: f64, steps: Option<&Int>) -> NumResult<f64> {
    let Some(steps) = steps else {
        return Ok(next_toward(x, y));
    };
    if int::is_negative(steps) {
        return Err(NumError::value("steps must be a non-negative integer"));
    }
    let n = match steps {
        Int::Small(v) => *v as u64,
        Int::Big(b) => num_traits::ToPrimitive::to_u64(b).unwrap_or(u64::MAX),
    };
    if n == 0 || x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(y);
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return Ok(x);
    }
    const SIGN: u64 = 1 << 63;
    let (ax, ay) = (ux & !SIGN, uy & !SIGN);
    let bits = if (ux ^ uy) & SIGN != 0 {
        // Opposite signs: down to zero, then up on the other side.
        if ax + ay <= n {
            uy
        } else if ax < n {
            (uy & SIGN) | (n - ax)
        } else {
            ux - n
        }
    } else if ax > ay {
        if ax - ay >= n {
            ux - n
        } else {
            uy
        }
    } else if ay - ax >= n {
        ux + n
    } else {
        uy
    };
    Ok(f64::from_bits(bits))
}

/// `math.ulp(x)`: the value of the last bit of `abs(x)`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = next_toward(x, f64::INFINITY);
    if up.is_infinite() {
        return x - next_toward(x, f64::NEG_INFINITY);
    }
    up - x
}
