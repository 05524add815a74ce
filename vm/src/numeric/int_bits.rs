//! `int` methods that look at the bits or digits: `bit_length`, `bit_count`, `to_bytes`,
//! `from_bytes`, `__round__` with a negative `ndigits`, and `hash`. Mirrors Objects/longobject.c
//! (`int_bit_length_impl`, `int_to_bytes_impl`, `_PyLong_Round`, `long_hash`).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::int::{self, big};
use super::{Int, NumError, NumHash, NumResult, HASH_MODULUS, MAX_INT_BITS};

/// `int.bit_length()`: the bits of `abs(a)`.
pub fn bit_length(a: &Int) -> u64 {
    match a {
        Int::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
        Int::Big(b) => b.bits(),
    }
}

/// `int.bit_count()`: the ones in the binary form of `abs(a)`.
pub fn bit_count(a: &Int) -> u64 {
    match a {
        Int::Small(v) => u64::from(v.unsigned_abs().count_ones()),
        Int::Big(b) => b.magnitude().count_ones(),
    }
}

/// `byteorder` of `int.to_bytes` and `int.from_bytes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    Big,
    Little,
}

impl ByteOrder {
    /// Parses the `byteorder` argument.
    pub fn parse(name: &str) -> NumResult<ByteOrder> {
        match name {
            "big" => Ok(ByteOrder::Big),
            "little" => Ok(ByteOrder::Little),
            _ => Err(NumError::value(
                "byteorder must be either 'little' or 'big'",
            )),
        }
    }
}

/// `int.to_bytes(length, byteorder, *, signed)`.
pub fn to_bytes(a: &Int, length: i64, order: ByteOrder, signed: bool) -> NumResult<Vec<u8>> {
    if length < 0 {
        return Err(NumError::value("length argument must be non-negative"));
    }
    let negative = int::is_negative(a);
    if negative && !signed {
        return Err(NumError::overflow("can't convert negative int to unsigned"));
    }
    let too_big = || NumError::overflow("int too big to convert");
    let value = big(a);
    // Two's complement, little-endian, as few bytes as hold the value with its sign.
    let mut bytes = value.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if value.is_zero() {
        bytes.clear();
    }
    let length = usize::try_from(length).map_err(|_| too_big())?;
    if bytes.len() > length {
        return Err(too_big());
    }
    let fill = if negative { 0xFF } else { 0 };
    bytes.resize(length, fill);
    if order == ByteOrder::Big {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, *, signed)`.
pub fn from_bytes(bytes: &[u8], order: ByteOrder, signed: bool) -> Int {
    let value = match (order, signed) {
        (ByteOrder::Big, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        (ByteOrder::Little, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
        (ByteOrder::Big, true) => BigInt::from_signed_bytes_be(bytes),
        (ByteOrder::Little, true) => BigInt::from_signed_bytes_le(bytes),
    };
    Int::from_bigint(value)
}

/// `hash(a)`: `a` reduced modulo 2**61 - 1 with the sign of `a`, -1 becoming -2.
pub fn hash(a: &Int) -> i64 {
    let h = match a {
        Int::Small(v) => {
            let r = (v.unsigned_abs() % HASH_MODULUS) as i64;
            if *v < 0 {
                -r
            } else {
                r
            }
        }
        Int::Big(b) => {
            let r = (b.magnitude() % HASH_MODULUS).to_i64().unwrap_or(0);
            if b.is_negative() {
                -r
            } else {
                r
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(a)` as a [`NumHash`], for callers that treat all numbers alike.
pub fn num_hash(a: &Int) -> NumHash {
    NumHash::Value(hash(a))
}

/// `round(a, ndigits)`: unchanged for `ndigits >= 0`, else rounded to a multiple of
/// `10**-ndigits`, halfway cases to the even multiple.
pub fn round(a: &Int, ndigits: &Int) -> NumResult<Int> {
    if !int::is_negative(ndigits) {
        return Ok(a.clone());
    }
    // Any power of ten longer than `a` rounds it to zero (CPython would compute the power).
    let digits_of_a = bit_length(a) * 30103 / 100000 + 2;
    let k = match ndigits {
        Int::Small(v) => v.unsigned_abs(),
        Int::Big(_) => u64::MAX,
    };
    if k > digits_of_a {
        return Ok(Int::Small(0));
    }
    if k.saturating_mul(4) > MAX_INT_BITS {
        return Err(NumError::Memory);
    }
    let pow = num_traits::Pow::pow(BigInt::from(10u32), k);
    let value = big(a);
    let (q, r) = value.div_mod_floor(&pow);
    // value == q * pow + r with 0 <= r < pow: round q half to even.
    let twice = &r << 1u32;
    let q = match twice.cmp(&pow) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    Ok(Int::from_bigint(q * pow))
}
