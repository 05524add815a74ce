//! The integer functions of `math`: `factorial`, `comb`, `perm`, `isqrt`, `gcd`, `lcm`, exact on
//! ints of any size, with CPython's errors. Mirrors Modules/mathmodule.c (`math_factorial`,
//! `math_comb_impl`, `math_perm_impl`, `math_isqrt`, `math_gcd`, `math_lcm`).

use num_bigint::BigUint;
use num_integer::{Integer, Roots};
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::numeric::int::{self, big};
use crate::numeric::{Int, NumError, NumResult, MAX_INT_BITS};

/// The product `lo * (lo+1) * ... * (hi-1)`, split in halves so the operands stay balanced.
fn range_product(lo: u64, hi: u64) -> BigUint {
    if hi <= lo {
        return BigUint::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigUint::one();
        let mut word: u64 = 1;
        for v in lo..hi {
            match word.checked_mul(v) {
                Some(w) => word = w,
                None => {
                    acc *= word;
                    word = v;
                }
            }
        }
        return acc * word;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// Refuses results whose size would be absurd (CPython would run out of memory).
fn check_size(terms: u64, largest: u64) -> NumResult<()> {
    let bits_per_term = 64 - u64::from(largest.leading_zeros());
    if terms.saturating_mul(bits_per_term) > MAX_INT_BITS {
        return Err(NumError::Memory);
    }
    Ok(())
}

/// `math.factorial(n)`.
pub fn factorial(n: &Int) -> NumResult<Int> {
    if int::is_negative(n) {
        return Err(NumError::value(
            "factorial() not defined for negative values",
        ));
    }
    let Int::Small(n) = n else {
        return Err(NumError::overflow(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    let n = *n as u64;
    check_size(n, n)?;
    Ok(Int::from_bigint(range_product(1, n + 1).into()))
}

/// `n` and `k` as `comb` and `perm` check them.
fn check_nk(n: &Int, k: &Int) -> NumResult<()> {
    if int::is_negative(n) {
        return Err(NumError::value("n must be a non-negative integer"));
    }
    if int::is_negative(k) {
        return Err(NumError::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `n * (n-1) * ... * (n-k+1)` for `k <= n`, `k` a machine integer.
fn falling_product(n: &BigUint, k: u64) -> NumResult<BigUint> {
    if k == 0 {
        return Ok(BigUint::one());
    }
    if let Some(n) = n.to_u64().filter(|&n| n < u64::MAX / 2) {
        check_size(k, n)?;
        return Ok(range_product(n - k + 1, n + 1));
    }
    if (n.bits()).saturating_mul(k) > MAX_INT_BITS {
        return Err(NumError::Memory);
    }
    fn product(n: &BigUint, from: u64, to: u64) -> BigUint {
        // (n - from) * ... * (n - to + 1)
        if to - from <= 8 {
            let mut acc = BigUint::one();
            for i in from..to {
                acc *= n - BigUint::from(i);
            }
            return acc;
        }
        let mid = from + (to - from) / 2;
        product(n, from, mid) * product(n, mid, to)
    }
    Ok(product(n, 0, k))
}

/// `math.perm(n, k)`; `k` of `None` means `n`.
pub fn perm(n: &Int, k: Option<&Int>) -> NumResult<Int> {
    let Some(k) = k else {
        return factorial(n);
    };
    check_nk(n, k)?;
    if int::cmp(k, n).is_gt() {
        return Ok(Int::Small(0));
    }
    let Int::Small(k) = k else {
        return Err(NumError::overflow(format!(
            "k must not exceed {}",
            i64::MAX
        )));
    };
    let n = big(n).magnitude().clone();
    Ok(Int::from_bigint(falling_product(&n, *k as u64)?.into()))
}

/// `math.comb(n, k)`.
pub fn comb(n: &Int, k: &Int) -> NumResult<Int> {
    check_nk(n, k)?;
    if int::cmp(k, n).is_gt() {
        return Ok(Int::Small(0));
    }
    let n_minus_k = int::sub(n, k);
    let k = if int::cmp(&n_minus_k, k).is_lt() {
        n_minus_k
    } else {
        k.clone()
    };
    let Int::Small(k) = k else {
        return Err(NumError::overflow(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    let k = k as u64;
    let n = big(n).magnitude().clone();
    let top = falling_product(&n, k)?;
    Ok(Int::from_bigint((top / range_product(1, k + 1)).into()))
}

/// `math.isqrt(n)`: the floor of the square root.
pub fn isqrt(n: &Int) -> NumResult<Int> {
    if int::is_negative(n) {
        return Err(NumError::value("isqrt() argument must be nonnegative"));
    }
    Ok(match n {
        Int::Small(v) => Int::Small((*v as u64).sqrt() as i64),
        Int::Big(b) => Int::from_bigint(b.sqrt()),
    })
}

/// `math.gcd(*integers)`: nonnegative; 0 for no arguments.
pub fn gcd(values: &[Int]) -> Int {
    let mut acc = Int::Small(0);
    for v in values {
        acc = match (&acc, v) {
            (Int::Small(a), Int::Small(b)) if *a != i64::MIN && *b != i64::MIN => {
                Int::Small(a.abs().gcd(&b.abs()))
            }
            _ => Int::from_bigint(big(&acc).gcd(big(v).as_ref())),
        };
    }
    acc
}

/// `math.lcm(*integers)`: nonnegative; 1 for no arguments, 0 if any is 0.
pub fn lcm(values: &[Int]) -> Int {
    let mut acc = big(&Int::Small(1)).into_owned();
    for v in values {
        let v = big(v);
        if v.is_zero() {
            return Int::Small(0);
        }
        acc = acc.lcm(v.as_ref()).abs();
    }
    Int::from_bigint(acc)
}
