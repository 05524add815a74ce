//! `float` arithmetic with CPython's results and errors: `/ // % divmod **`, `round`,
//! `as_integer_ratio`, `is_integer` and `hash`. Mirrors Objects/floatobject.c (`float_div`,
//! `float_rem`, `float_divmod`, `float_floor_div`, `float_pow`, `double_round`,
//! `float_as_integer_ratio_impl`) and Python/pyhash.c (`_Py_HashDouble`).

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Pow, Zero};

use super::int_convert::{decompose, float_to_int, ratio_to_f64};
use super::{division_by_zero, Int, NumError, NumHash, NumResult, HASH_INF, HASH_MODULUS};

/// `x / y`.
pub fn div(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(division_by_zero());
    }
    Ok(x / y)
}

/// `x % y`: the remainder has the sign of `y`; a zero remainder is a zero with `y`'s sign.
pub fn rem(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(division_by_zero());
    }
    let m = x % y;
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    })
}

/// `divmod(x, y)`: the floor quotient as a float and the remainder of [`rem`].
pub fn divmod(x: f64, y: f64) -> NumResult<(f64, f64)> {
    if y == 0.0 {
        return Err(division_by_zero());
    }
    let mut m = x % y;
    // x - m is an exact multiple of y (in exact arithmetic), so this division is nearly exact.
    let mut d = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            d -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let q = if d != 0.0 {
        let f = d.floor();
        if d - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    Ok((q, m))
}

/// `x // y`.
pub fn floordiv(x: f64, y: f64) -> NumResult<f64> {
    divmod(x, y).map(|(q, _)| q)
}

/// The result of `float ** float`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    Float(f64),
    /// A negative base with a non-integral exponent: the result is complex, and CPython
    /// computes it as `complex(x) ** complex(y)` (see [`super::complex::pow`]).
    Complex,
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && (y % 2.0).abs() == 1.0
}

/// `x ** y` (`pow(x, y)` for floats): IEEE special values as C99's `pow`, `ZeroDivisionError`
/// for zero to a negative power, `OverflowError` (from errno) when a finite power overflows.
pub fn pow(x: f64, y: f64) -> NumResult<FloatPow> {
    use FloatPow::Float;
    if y == 0.0 {
        return Ok(Float(1.0));
    }
    if x.is_nan() {
        return Ok(Float(x));
    }
    if y.is_nan() {
        return Ok(Float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Float(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(Float(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(NumError::zero_division("zero to a negative power"));
        }
        return Ok(Float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Ok(FloatPow::Complex);
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(NumError::RangeErrno);
    }
    Ok(Float(if negate { -r } else { r }))
}

/// `round(x)`: the nearest int, halfway cases to even.
pub fn round_to_int(x: f64) -> NumResult<Int> {
    float_to_int(x.round_ties_even())
}

/// `math.floor(x)` / `float.__floor__`.
pub fn floor_to_int(x: f64) -> NumResult<Int> {
    float_to_int(x.floor())
}

/// `math.ceil(x)` / `float.__ceil__`.
pub fn ceil_to_int(x: f64) -> NumResult<Int> {
    float_to_int(x.ceil())
}

/// `int(x)`, `math.trunc(x)`.
pub fn trunc_to_int(x: f64) -> NumResult<Int> {
    float_to_int(x)
}

/// `round(x, ndigits)`: `x` rounded to `ndigits` decimal places, correctly (on the exact binary
/// value, halfway cases to even), as CPython does with `_Py_dg_dtoa` mode 3.
pub fn round(x: f64, ndigits: i64) -> NumResult<f64> {
    // Past these every double is already (or rounds to zero at) that precision.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    // |x| = m * 2**e exactly; find q = round_half_even(|x| * 10**ndigits).
    let (m, e) = decompose(x);
    let ten = BigUint::from(10u32);
    let k = ndigits.unsigned_abs();
    let pow10: BigUint = Pow::pow(&ten, k);
    let (mut num, mut den) = (BigUint::from(m), BigUint::one());
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    if ndigits >= 0 {
        num *= &pow10;
    } else {
        den *= &pow10;
    }
    let (q, r) = num.div_rem(&den);
    let twice = r << 1u32;
    let q = match twice.cmp(&den) {
        std::cmp::Ordering::Greater => q + 1u32,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1u32,
        _ => q,
    };
    // The result is q / 10**ndigits, correctly rounded.
    let value = if q.is_zero() {
        0.0
    } else if ndigits >= 0 {
        ratio_to_f64(&q, &pow10)
            .ok_or_else(|| NumError::overflow("rounded value too large to represent"))?
    } else {
        ratio_to_f64(&(q * pow10), &BigUint::one())
            .ok_or_else(|| NumError::overflow("rounded value too large to represent"))?
    };
    Ok(value.copysign(x))
}

/// `x.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}

/// `x.as_integer_ratio()`: the lowest-terms fraction equal to `x`, positive denominator.
pub fn as_integer_ratio(x: f64) -> NumResult<(Int, Int)> {
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok((Int::Small(0), Int::Small(1)));
    }
    let (mut m, mut e) = decompose(x);
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    let mut num = BigInt::from(m);
    if x < 0.0 {
        num = -num;
    }
    if e >= 0 {
        Ok((Int::from_bigint(num << (e as u64)), Int::Small(1)))
    } else {
        Ok((
            Int::from_bigint(num),
            Int::from_bigint(BigInt::one() << ((-e) as u64)),
        ))
    }
}

/// `hash(x)`: the hash of the exact rational value, so that `hash(1.0) == hash(1)`; NaN hashes
/// by identity.
pub fn hash(x: f64) -> NumHash {
    if x.is_nan() {
        return NumHash::Identity;
    }
    if x.is_infinite() {
        return NumHash::Value(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if x == 0.0 {
        return NumHash::Value(0);
    }
    // |x| = m * 2**e; 2**61 == 1 (mod 2**61 - 1), so 2**e reduces to 2**(e mod 61).
    let (m, e) = decompose(x);
    let m = m % HASH_MODULUS;
    let shift = e.rem_euclid(61) as u32;
    let h = ((u128::from(m) << shift) % u128::from(HASH_MODULUS)) as i64;
    let h = if x < 0.0 { -h } else { h };
    NumHash::Value(if h == -1 { -2 } else { h })
}
