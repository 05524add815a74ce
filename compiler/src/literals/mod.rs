//! Literal values: integers of any size, string and bytes escape decoding, number parsing, and
//! Python's `repr` of constants (what `ast.dump` shows). Mirrors `Parser/string_parser.c`,
//! `parsenumber` (Parser/pegen.c), `Objects/longobject.c` (`PyLong_FromString`) and the `repr` of
//! `str`, `bytes`, `float`, `complex`.

mod escape;
mod name_aliases;
mod repr;

pub use escape::{
    decode_bytes, decode_bytes_warn, decode_str, decode_str_warn, lookup_name, EscapeWarning,
    LiteralError,
};
pub use repr::{repr_bytes, repr_complex, repr_float, repr_str};

use std::fmt;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::ast::Constant;

/// A Python `int` of any size. Values that fit in an `i64` are always `Small`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

impl Int {
    /// The value as an `Int`, `Small` when it fits.
    pub fn from_bigint(value: BigInt) -> Int {
        match value.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(value),
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => b.clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Int::Small(v) => *v == 0,
            Int::Big(b) => b.is_zero(),
        }
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Int {
        Int::from_bigint(v)
    }
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

/// CPython's default `sys.get_int_max_str_digits()`: the most digits a decimal literal may have.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// Converts a number token, exactly as written and already validated by the tokenizer, to its
/// value: an `int`, a correctly rounded `float` (`inf` when too large), or an imaginary number.
/// The error is the `SyntaxError` message (a decimal literal longer than 4300 digits).
pub fn parse_number(text: &str) -> Result<Constant, String> {
    let cleaned;
    let text = if text.contains('_') {
        cleaned = text.replace('_', "");
        cleaned.as_str()
    } else {
        text
    };
    let invalid = || format!("invalid number literal '{text}'");
    if let Some(imag) = text.strip_suffix(['j', 'J']) {
        let imag = parse_float(imag).ok_or_else(invalid)?;
        return Ok(Constant::Complex { real: 0.0, imag });
    }
    let bytes = text.as_bytes();
    if bytes.len() > 2 && bytes[0] == b'0' {
        let radix = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return parse_int(&text[2..], radix)
                .map(Constant::Int)
                .ok_or_else(invalid);
        }
    }
    if bytes.iter().any(|&b| matches!(b, b'.' | b'e' | b'E')) {
        return parse_float(text).map(Constant::Float).ok_or_else(invalid);
    }
    if bytes.first() == Some(&b'0') {
        // Only zeros can follow a leading zero; CPython converts these without a digit limit.
        return if bytes.iter().all(|&b| b == b'0') {
            Ok(Constant::Int(Int::Small(0)))
        } else {
            Err(invalid())
        };
    }
    if text.len() > INT_MAX_STR_DIGITS {
        return Err(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value \
             has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
             hexadecimal for huge integer literals to avoid decimal conversion limits.",
            text.len()
        ));
    }
    parse_int(text, 10).map(Constant::Int).ok_or_else(invalid)
}

/// Digits (no prefix, no underscores) in `radix` to an `Int`; `None` if not all are digits.
fn parse_int(digits: &str, radix: u32) -> Option<Int> {
    if digits.is_empty() {
        return None;
    }
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        // `from_str_radix` takes a sign; the tokenizer never gives one, but say no all the same.
        return digits.as_bytes()[0]
            .is_ascii_alphanumeric()
            .then_some(Int::Small(v));
    }
    BigInt::parse_bytes(digits.as_bytes(), radix).map(Int::from_bigint)
}

/// A decimal float literal (digits, `.`, exponent; no underscores) to the nearest `f64`.
fn parse_float(text: &str) -> Option<f64> {
    // Rust's parser is correctly rounded and overflows to infinity as CPython's does; it also
    // accepts words like "inf" and a sign, which the tokenizer never produces.
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    text.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(text: &str) -> String {
        match parse_number(text) {
            Ok(Constant::Int(i)) => i.to_string(),
            other => format!("{other:?}"),
        }
    }

    fn float(text: &str) -> Option<f64> {
        match parse_number(text) {
            Ok(Constant::Float(f)) => Some(f),
            _ => None,
        }
    }

    #[test]
    fn integers() {
        assert_eq!(int("0"), "0");
        assert_eq!(int("000"), "0");
        assert_eq!(int("0_0"), "0");
        assert_eq!(int("1_000_000"), "1000000");
        assert_eq!(int("0xFF"), "255");
        assert_eq!(int("0X_ff"), "255");
        assert_eq!(int("0o17"), "15");
        assert_eq!(int("0b1010"), "10");
        assert_eq!(int("9223372036854775807"), "9223372036854775807");
        assert_eq!(int("9223372036854775808"), "9223372036854775808");
        assert_eq!(int("0xffffffffffffffffffff"), "1208925819614629174706175");
        assert_eq!(
            int("0b" /* invalid */),
            "Err(\"invalid number literal '0b'\")"
        );
        assert_eq!(
            parse_number("9223372036854775807"),
            Ok(Constant::Int(Int::Small(i64::MAX)))
        );
        assert!(matches!(
            parse_number("9223372036854775808"),
            Ok(Constant::Int(Int::Big(_)))
        ));
    }

    #[test]
    fn big_integers_normalize() {
        let small = Int::from_bigint(BigInt::from(-5));
        assert_eq!(small, Int::Small(-5));
        assert!(Int::from(0).is_zero());
        assert_eq!(Int::Small(7).to_bigint(), BigInt::from(7));
    }

    #[test]
    fn digit_limit_like_cpython() {
        let limit = "1".repeat(4300);
        assert_eq!(int(&limit), limit);
        // Message from CPython 3.14 compiling a 4301-digit literal; underscores do not count.
        let expected = "Exceeds the limit (4300 digits) for integer string conversion: value has \
                        4301 digits; use sys.set_int_max_str_digits() to increase the limit - \
                        Consider hexadecimal for huge integer literals to avoid decimal \
                        conversion limits.";
        assert_eq!(parse_number(&"1".repeat(4301)), Err(expected.to_owned()));
        assert_eq!(
            parse_number(&format!("{}1", "1_".repeat(4300))),
            Err(expected.to_owned())
        );
        assert_eq!(int(&"0".repeat(5000)), "0");
        assert!(matches!(
            parse_number(&format!("0x{}", "f".repeat(5000))),
            Ok(Constant::Int(_))
        ));
        assert_eq!(
            float(&format!("{}.0", "1".repeat(5000))),
            Some(f64::INFINITY)
        );
    }

    #[test]
    fn floats() {
        assert_eq!(float("1.5"), Some(1.5));
        assert_eq!(float("1."), Some(1.0));
        assert_eq!(float(".5"), Some(0.5));
        assert_eq!(float("1e10"), Some(1e10));
        assert_eq!(float("1.e-3"), Some(1e-3));
        assert_eq!(float("1_0.0_1E+0_1"), Some(100.1));
        assert_eq!(float("0777.5"), Some(777.5));
        assert_eq!(float("0e0"), Some(0.0));
        assert_eq!(float("1e400"), Some(f64::INFINITY));
        assert_eq!(float("1e-400"), Some(0.0));
        // Correct rounding: halfway cases and the smallest subnormal.
        assert_eq!(float("9007199254740993.0"), Some(9007199254740992.0));
        assert_eq!(float("4.9406564584124654e-324"), Some(5e-324));
        assert_eq!(
            float("2.2250738585072011e-308"),
            Some(2.225073858507201e-308)
        );
        assert_eq!(float("0.1").map(f64::to_bits), Some(0x3FB999999999999A));
    }

    #[test]
    fn imaginary() {
        assert_eq!(
            parse_number("1j"),
            Ok(Constant::Complex {
                real: 0.0,
                imag: 1.0
            })
        );
        assert_eq!(
            parse_number("1.5J"),
            Ok(Constant::Complex {
                real: 0.0,
                imag: 1.5
            })
        );
        assert_eq!(
            parse_number("0777j"),
            Ok(Constant::Complex {
                real: 0.0,
                imag: 777.0
            })
        );
        assert_eq!(
            parse_number("1e5_00j"),
            Ok(Constant::Complex {
                real: 0.0,
                imag: f64::INFINITY
            })
        );
        assert_eq!(
            parse_number("1_0j"),
            Ok(Constant::Complex {
                real: 0.0,
                imag: 10.0
            })
        );
    }

    /// Compares random number literals with CPython: run with `PROTOPY_NUMBERS=<file> cargo test
    /// -- --ignored`, the file holding `literal<TAB>int|float|complex <str() or repr()>` lines.
    #[test]
    #[ignore]
    fn numbers_from_file() {
        let Ok(path) = std::env::var("PROTOPY_NUMBERS") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut bad = Vec::new();
        let mut count = 0;
        for line in text.lines() {
            let Some((literal, expected)) = line.split_once('\t') else {
                continue;
            };
            count += 1;
            let got = match parse_number(literal) {
                Ok(Constant::Int(i)) => format!("int {i}"),
                Ok(Constant::Float(f)) => format!("float {}", repr::repr_float(f)),
                Ok(Constant::Complex { real, imag }) => {
                    format!("complex {}", repr::repr_complex(real, imag))
                }
                other => format!("{other:?}"),
            };
            if got != expected {
                bad.push(format!("{literal}: {got} != {expected}"));
            }
        }
        assert!(count > 0);
        assert!(
            bad.is_empty(),
            "{} of {count} differ: {:?}",
            bad.len(),
            &bad[..bad.len().min(20)]
        );
    }
}
