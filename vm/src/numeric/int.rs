//! `int` arithmetic: `+ - * // % divmod ** pow(a, b, m)`, unary operators, bitwise operators and
//! shifts with two's-complement semantics, and ordering. Mirrors Objects/longobject.c
//! (`long_add` ... `long_pow`, `long_invmod`, `long_lshift`, `long_rshift`, `long_bitwise`).

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use super::float;
use super::int_convert::int_to_f64;
use super::{division_by_zero, Int, NumError, NumResult, MAX_INT_BITS};

/// The result of `int ** int`: an int, or a float when the exponent is negative.
#[derive(Clone, Debug, PartialEq)]
pub enum IntPow {
    Int(Int),
    Float(f64),
}

/// The value as a `BigInt`, borrowed when it already is one.
pub fn big(a: &Int) -> Cow<'_, BigInt> {
    match a {
        Int::Small(v) => Cow::Owned(BigInt::from(*v)),
        Int::Big(b) => Cow::Borrowed(b),
    }
}

fn norm(b: BigInt) -> Int {
    Int::from_bigint(b)
}

/// The sign of `a`: -1, 0 or 1.
pub fn signum(a: &Int) -> i32 {
    match a {
        Int::Small(v) => v.signum() as i32,
        Int::Big(b) => {
            if b.is_negative() {
                -1
            } else if b.is_zero() {
                0
            } else {
                1
            }
        }
    }
}

pub fn is_negative(a: &Int) -> bool {
    signum(a) < 0
}

/// `a + b`.
pub fn add(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(v) = x.checked_add(*y) {
            return Int::Small(v);
        }
    }
    norm(big(a).as_ref() + big(b).as_ref())
}

/// `a - b`.
pub fn sub(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(v) = x.checked_sub(*y) {
            return Int::Small(v);
        }
    }
    norm(big(a).as_ref() - big(b).as_ref())
}

/// `a * b`.
pub fn mul(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(v) = x.checked_mul(*y) {
            return Int::Small(v);
        }
    }
    norm(big(a).as_ref() * big(b).as_ref())
}

/// `-a`.
pub fn neg(a: &Int) -> Int {
    match a {
        Int::Small(v) => match v.checked_neg() {
            Some(n) => Int::Small(n),
            None => norm(-BigInt::from(*v)),
        },
        Int::Big(b) => norm(-b),
    }
}

/// `abs(a)`.
pub fn abs(a: &Int) -> Int {
    if is_negative(a) {
        neg(a)
    } else {
        a.clone()
    }
}

/// `~a`, which is `-(a + 1)`.
pub fn invert(a: &Int) -> Int {
    match a {
        Int::Small(v) => Int::Small(!v),
        Int::Big(b) => norm(!b),
    }
}

/// `divmod(a, b)` with Python's floor semantics: the remainder has the sign of `b`.
pub fn divmod(a: &Int, b: &Int) -> NumResult<(Int, Int)> {
    if b.is_zero() {
        return Err(division_by_zero());
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let (Some(q), Some(r)) = (x.checked_div(*y), x.checked_rem(*y)) {
            return Ok(if r != 0 && ((r < 0) != (*y < 0)) {
                (Int::Small(q - 1), Int::Small(r + y))
            } else {
                (Int::Small(q), Int::Small(r))
            });
        }
    }
    let (q, r) = big(a).div_mod_floor(big(b).as_ref());
    Ok((norm(q), norm(r)))
}

/// `a // b`.
pub fn floordiv(a: &Int, b: &Int) -> NumResult<Int> {
    divmod(a, b).map(|(q, _)| q)
}

/// `a % b`.
pub fn modulo(a: &Int, b: &Int) -> NumResult<Int> {
    divmod(a, b).map(|(_, r)| r)
}

/// `a / b`: the correctly rounded quotient (CPython's `long_true_divide`).
pub fn truediv(a: &Int, b: &Int) -> NumResult<f64> {
    super::int_convert::true_divide(a, b)
}

/// `a ** b` (two-argument `pow`). A negative exponent gives a float, computed as
/// `float(a) ** float(b)` is.
pub fn pow(a: &Int, b: &Int) -> NumResult<IntPow> {
    if is_negative(b) {
        let x = int_to_f64(a)?;
        let y = int_to_f64(b)?;
        return match float::pow(x, y)? {
            float::FloatPow::Float(f) => Ok(IntPow::Float(f)),
            // A negative base needs a non-integral exponent to give a complex result.
            float::FloatPow::Complex => Err(NumError::value("math domain error")),
        };
    }
    // Bases whose powers never grow.
    match a {
        Int::Small(0) => return Ok(IntPow::Int(Int::Small(i64::from(b.is_zero())))),
        Int::Small(1) => return Ok(IntPow::Int(Int::Small(1))),
        Int::Small(-1) => {
            let odd = match b {
                Int::Small(v) => v & 1 == 1,
                Int::Big(v) => v.is_odd(),
            };
            return Ok(IntPow::Int(Int::Small(if odd { -1 } else { 1 })));
        }
        _ => {}
    }
    let exp = match b.to_bigint().to_u64() {
        Some(e) if e <= MAX_INT_BITS => e,
        _ => return Err(NumError::Memory),
    };
    if let Int::Small(x) = a {
        if let Ok(e32) = u32::try_from(exp) {
            if let Some(v) = x.checked_pow(e32) {
                return Ok(IntPow::Int(Int::Small(v)));
            }
        }
    }
    let base = big(a);
    let bits = base.bits().saturating_sub(1);
    if bits.saturating_mul(exp) > MAX_INT_BITS {
        return Err(NumError::Memory);
    }
    Ok(IntPow::Int(norm(Pow::pow(base.as_ref(), exp))))
}

/// `pow(a, b, m)`: modular exponentiation; a negative exponent uses the inverse of `a` modulo
/// `m`, and the result has the sign of `m`.
pub fn pow_mod(a: &Int, b: &Int, m: &Int) -> NumResult<Int> {
    if m.is_zero() {
        return Err(NumError::value("pow() 3rd argument cannot be 0"));
    }
    let negative_output = is_negative(m);
    let modulus = big(m).abs();
    if modulus.is_one() {
        return Ok(Int::Small(0));
    }
    let mut base = big(a).mod_floor(&modulus);
    let mut exp = big(b).into_owned();
    if exp.is_negative() {
        base = invmod(&base, &modulus)
            .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &modulus);
    if negative_output && !r.is_zero() {
        r -= &modulus;
    }
    Ok(norm(r))
}

/// The inverse of `a` modulo `m` (`m > 1`), in `0..m`, if `gcd(a, m) == 1`.
fn invmod(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

/// `a & b`.
pub fn and(a: &Int, b: &Int) -> Int {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => Int::Small(x & y),
        _ => norm(big(a).as_ref() & big(b).as_ref()),
    }
}

/// `a | b`.
pub fn or(a: &Int, b: &Int) -> Int {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => Int::Small(x | y),
        _ => norm(big(a).as_ref() | big(b).as_ref()),
    }
}

/// `a ^ b`.
pub fn xor(a: &Int, b: &Int) -> Int {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => Int::Small(x ^ y),
        _ => norm(big(a).as_ref() ^ big(b).as_ref()),
    }
}

fn shift_count(n: &Int) -> NumResult<Option<u64>> {
    if is_negative(n) {
        return Err(NumError::value("negative shift count"));
    }
    Ok(match n {
        Int::Small(v) => Some(*v as u64),
        Int::Big(_) => None,
    })
}

/// `a << n`.
pub fn lshift(a: &Int, n: &Int) -> NumResult<Int> {
    let count = shift_count(n)?;
    if a.is_zero() {
        return Ok(Int::Small(0));
    }
    // CPython measures the shift in a `Py_ssize_t`; past that it cannot even size the result.
    let Some(count) = count else {
        return Err(NumError::overflow("too many digits in integer"));
    };
    if let Int::Small(x) = a {
        if count < 63 {
            let shifted = x << count;
            if shifted >> count == *x {
                return Ok(Int::Small(shifted));
            }
        }
    }
    let base = big(a);
    if base.bits().saturating_add(count) > MAX_INT_BITS {
        return Err(NumError::Memory);
    }
    Ok(norm(base.as_ref() << count))
}

/// `a >> n`: floor division by `2**n`.
pub fn rshift(a: &Int, n: &Int) -> NumResult<Int> {
    let count = shift_count(n)?;
    let negative = is_negative(a);
    let Some(count) = count else {
        return Ok(Int::Small(if negative { -1 } else { 0 }));
    };
    Ok(match a {
        Int::Small(x) => Int::Small(x >> count.min(63)),
        Int::Big(b) => {
            if count >= b.bits() {
                Int::Small(if negative { -1 } else { 0 })
            } else {
                norm(b >> count)
            }
        }
    })
}

/// Compares two ints.
pub fn cmp(a: &Int, b: &Int) -> Ordering {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => x.cmp(y),
        _ => big(a).as_ref().cmp(big(b).as_ref()),
    }
}

/// Compares an int with a float exactly (`2**53 + 1 > 2.0**53`); `None` when `f` is a NaN.
pub fn cmp_float(a: &Int, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Int::Small(x) = a {
        if x.unsigned_abs() <= 1 << 53 {
            return (*x as f64).partial_cmp(&f);
        }
    }
    // Compare with floor(f): a <= floor(f) means a < f unless f is integral and equal.
    let floor = f.floor();
    let fl = super::int_convert::float_to_int(floor).ok()?;
    Some(match cmp(a, &fl) {
        Ordering::Equal if floor != f => Ordering::Less,
        other => other,
    })
}
