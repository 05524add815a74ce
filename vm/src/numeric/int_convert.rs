//! Exact conversions between `int` and `float`: `float(int)` and `int / int` correctly rounded
//! (CPython's `PyLong_AsDouble` and `long_true_divide`), and `int(float)` exactly
//! (`PyLong_FromDouble`). Mirrors Objects/longobject.c.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};

use super::int::big;
use super::{division_by_zero, Int, NumError, NumResult};

/// The nearest double to `num / den` (both positive), ties to even, subnormals included;
/// `None` when it rounds past the largest finite double.
pub(crate) fn ratio_to_f64(num: &BigUint, den: &BigUint) -> Option<f64> {
    if num.is_zero() {
        return Some(0.0);
    }
    // 2**e is within a factor of two of num / den; scale so that the integer quotient keeps at
    // least two bits below the last one the result can hold (53 bits, or fewer as a subnormal).
    let e = num.bits() as i64 - den.bits() as i64;
    let s = (e - 55).max(-1076);
    let (q, exact) = if s >= 0 {
        let d = den << (s as u64);
        let (q, r) = num_integer::Integer::div_rem(num, &d);
        (q, r.is_zero())
    } else {
        let n = num << ((-s) as u64);
        let (q, r) = num_integer::Integer::div_rem(&n, den);
        (q, r.is_zero())
    };
    // q < 2**57: the quotient scaled by 2**-s, truncated.
    let q = q.to_u64()?;
    if q == 0 {
        // Below 2**-1076: less than half the smallest subnormal.
        return Some(0.0);
    }
    let top = 63 - q.leading_zeros() as i64 + s; // floor(log2(num / den))
    let lsb = (top - 52).max(-1074);
    let drop = (lsb - s) as u32; // at least 2
    let sticky = u64::from(!exact);
    let kept = q >> drop;
    let rest = (q & ((1u64 << drop) - 1)) | sticky;
    let half = 1u64 << (drop - 1);
    let rounded = if rest > half || (rest == half && kept & 1 == 1) {
        kept + 1
    } else {
        kept
    };
    let value = scale(rounded as f64, lsb);
    value.is_finite().then_some(value)
}

/// `m * 2**e` for an integer `m < 2**54`, exact unless it overflows (the caller's rounding
/// already placed the last bit at or above 2**-1074).
fn scale(m: f64, e: i64) -> f64 {
    let mut v = m;
    let mut e = e;
    while e > 0 {
        let step = e.min(1000);
        v *= pow2(step);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        v *= pow2(-step);
        e += step;
    }
    v
}

/// `2**e` for `-1022 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// `float(a)`: the nearest double, ties to even.
pub fn int_to_f64(a: &Int) -> NumResult<f64> {
    match a {
        Int::Small(v) => Ok(*v as f64),
        Int::Big(b) => {
            let value = ratio_to_f64(b.magnitude(), &BigUint::from(1u32))
                .ok_or_else(|| NumError::overflow("int too large to convert to float"))?;
            Ok(if b.sign() == Sign::Minus {
                -value
            } else {
                value
            })
        }
    }
}

/// `a / b` for ints, correctly rounded; the sign of a zero result is the sign of the quotient.
pub fn true_divide(a: &Int, b: &Int) -> NumResult<f64> {
    if b.is_zero() {
        return Err(division_by_zero());
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
            return Ok(*x as f64 / *y as f64);
        }
    }
    let (a, b) = (big(a), big(b));
    let negative = a.is_negative_sign() != b.is_negative_sign();
    let value = ratio_to_f64(a.magnitude(), b.magnitude())
        .ok_or_else(|| NumError::overflow("integer division result too large for a float"))?;
    Ok(if negative { -value } else { value })
}

trait NegativeSign {
    fn is_negative_sign(&self) -> bool;
}

impl NegativeSign for BigInt {
    fn is_negative_sign(&self) -> bool {
        self.sign() == Sign::Minus
    }
}

/// `int(x)` for a float: truncation toward zero, exact for any size.
pub fn float_to_int(x: f64) -> NumResult<Int> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Int::Small(t as i64));
    }
    let (mantissa, exp) = decompose(t);
    let m = BigInt::from(mantissa);
    let v = if exp >= 0 {
        m << (exp as u64)
    } else {
        m >> ((-exp) as u64)
    };
    Ok(Int::from_bigint(if t < 0.0 { -v } else { v }))
}

/// A finite nonzero `x` as `|x| == m * 2**e` with an integer `m < 2**53`.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp_field == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_field - 1075)
    }
}
