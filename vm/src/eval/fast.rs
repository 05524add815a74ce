//! The dispatch loop's inline fast paths for arithmetic and comparisons on unboxed numbers
//! (CPython's specialized `BINARY_OP_ADD_INT`, `BINARY_OP_MULTIPLY_FLOAT`, `COMPARE_OP_INT`,
//! `COMPARE_OP_FLOAT`, ... in Python/bytecodes.c): when both operands are small ints or floats
//! and the result needs no allocation and cannot raise, it is computed here; anything else
//! (big results, division by zero, other types) returns `None` for the generic protocol.

use protopy_compiler::bytecode::opcodes::{NB_INPLACE, NB_SUBSCR};
use protopy_objects::Value;

// The `BINARY_OP` argument numbers (CPython's `NB_*`).
const ADD: u32 = 0;
const AND: u32 = 1;
const FLOOR_DIVIDE: u32 = 2;
const MULTIPLY: u32 = 5;
const REMAINDER: u32 = 6;
const OR: u32 = 7;
const POWER: u32 = 8;
const SUBTRACT: u32 = 10;
const TRUE_DIVIDE: u32 = 11;
const XOR: u32 = 12;

/// `a <op> b` (in-place forms too: numbers are immutable) when both are unboxed numbers.
#[inline]
pub fn binary(op: u32, a: Value, b: Value) -> Option<Value> {
    if op >= NB_SUBSCR {
        return None;
    }
    let op = op % NB_INPLACE;
    match (a.as_small_int(), b.as_small_int()) {
        (Some(x), Some(y)) => int_int(op, x, y),
        (Some(x), None) => float_float(op, x as f64, b.as_f64()?),
        (None, Some(y)) => float_float(op, a.as_f64()?, y as f64),
        (None, None) => float_float(op, a.as_f64()?, b.as_f64()?),
    }
}

/// Small ints have at most 48 bits, so products fit in i64 only when checked, and conversions
/// to f64 are exact (which makes `x / y` correctly rounded, as CPython's int division is).
#[inline]
fn int_int(op: u32, x: i64, y: i64) -> Option<Value> {
    let r = match op {
        ADD => x.checked_add(y)?,
        SUBTRACT => x.checked_sub(y)?,
        MULTIPLY => x.checked_mul(y)?,
        AND => x & y,
        OR => x | y,
        XOR => x ^ y,
        FLOOR_DIVIDE if y != 0 => {
            let (q, r) = (x / y, x % y);
            if r != 0 && ((r < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        REMAINDER if y != 0 => {
            let r = x % y;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        TRUE_DIVIDE if y != 0 => return Some(Value::from_f64(x as f64 / y as f64)),
        _ => return None,
    };
    Value::from_i64(r)
}

#[inline]
fn float_float(op: u32, x: f64, y: f64) -> Option<Value> {
    let r = match op {
        ADD => x + y,
        SUBTRACT => x - y,
        MULTIPLY => x * y,
        TRUE_DIVIDE if y != 0.0 => x / y,
        // `float_pow` is C's `pow` when the base is positive and both are finite; a result
        // that overflows raises there, so it is left to the generic path.
        POWER if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(Value::from_f64(r))
}

/// `a <op> b` for `COMPARE_OP` (0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=`) on unboxed
/// numbers; NaN compares unequal and unordered, as in CPython.
#[inline]
pub fn compare(op: u32, a: Value, b: Value) -> Option<bool> {
    match (a.as_small_int(), b.as_small_int()) {
        (Some(x), Some(y)) => Some(ordered(op, x, y)),
        (Some(x), None) => Some(ordered(op, x as f64, b.as_f64()?)),
        (None, Some(y)) => Some(ordered(op, a.as_f64()?, y as f64)),
        (None, None) => Some(ordered(op, a.as_f64()?, b.as_f64()?)),
    }
}

#[inline]
fn ordered<T: PartialOrd>(op: u32, x: T, y: T) -> bool {
    match op {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(n: i64) -> Value {
        Value::from_i64(n).unwrap_or(Value::NONE)
    }

    #[test]
    fn floor_division_and_remainder_follow_the_divisor_sign() {
        for (x, y, q, r) in [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
        ] {
            assert_eq!(binary(FLOOR_DIVIDE, i(x), i(y)), Some(i(q)), "{x} // {y}");
            assert_eq!(binary(REMAINDER, i(x), i(y)), Some(i(r)), "{x} % {y}");
        }
        assert_eq!(binary(FLOOR_DIVIDE, i(1), i(0)), None);
        assert_eq!(binary(TRUE_DIVIDE, i(1), i(0)), None);
        assert_eq!(
            binary(TRUE_DIVIDE, Value::from_f64(1.0), Value::from_f64(0.0)),
            None
        );
    }

    #[test]
    fn results_beyond_small_ints_go_to_the_generic_path() {
        let big = Value::from_i64((1 << 46) + 1).unwrap_or(Value::NONE);
        assert_eq!(binary(MULTIPLY, big, big), None);
        assert_eq!(binary(ADD, i(1), i(2)), Some(i(3)));
        assert_eq!(binary(ADD + NB_INPLACE, i(1), i(2)), Some(i(3)));
        assert_eq!(binary(NB_SUBSCR, i(1), i(2)), None);
    }

    #[test]
    fn mixed_and_nan_comparisons() {
        let nan = Value::from_f64(f64::NAN);
        assert_eq!(compare(2, nan, nan), Some(false));
        assert_eq!(compare(3, nan, nan), Some(true));
        assert_eq!(compare(0, i(1), Value::from_f64(1.5)), Some(true));
        assert_eq!(compare(5, Value::from_f64(2.0), i(2)), Some(true));
        assert_eq!(compare(0, Value::NONE, i(1)), None);
        assert_eq!(
            binary(ADD, i(1), Value::from_f64(0.5)),
            Some(Value::from_f64(1.5))
        );
    }
}
