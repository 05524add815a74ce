//! Unit tests of the numeric core: curated tables whose expected values and messages come from
//! CPython 3.14 (the bulk comparison is `compare_tests.rs`).

use num_bigint::BigInt;
use protopy_compiler::pystr::PyStr;

use super::complex::{self, Complex};
use super::int::IntPow;
use super::int_bits::ByteOrder;
use super::*;

fn i(text: &str) -> Int {
    Int::from_bigint(text.parse::<BigInt>().unwrap_or_default())
}

fn p(exp: u32) -> Int {
    Int::from_bigint(BigInt::from(2u32).pow(exp))
}

/// `Type: message` of an error, `ok` otherwise.
fn e<T: std::fmt::Debug>(r: NumResult<T>) -> String {
    match r {
        Ok(v) => format!("ok {v:?}"),
        Err(err) => format!("{}: {}", err.type_name(), err.message()),
    }
}

fn decimal(cp: u32) -> Option<u32> {
    crate::text::unicode::to_decimal_digit(cp)
}

fn parse_int(s: &str, base: i64) -> NumResult<Int> {
    int_text::int_from_str(&PyStr::from(s), base, &decimal, DEFAULT_MAX_STR_DIGITS)
}

fn parse_float(s: &str) -> NumResult<f64> {
    float_text::float_from_str(&PyStr::from(s), &decimal)
}

#[test]
fn int_arithmetic_overflows_into_big_ints() {
    let max = Int::Small(i64::MAX);
    assert_eq!(int::add(&max, &Int::Small(1)), i("9223372036854775808"));
    assert_eq!(
        int::sub(&Int::Small(i64::MIN), &Int::Small(1)),
        i("-9223372036854775809")
    );
    assert_eq!(
        int::mul(&max, &max),
        i("85070591730234615847396907784232501249")
    );
    assert_eq!(int::neg(&Int::Small(i64::MIN)), i("9223372036854775808"));
    assert_eq!(int::neg(&i("9223372036854775808")), Int::Small(i64::MIN));
    assert_eq!(int::invert(&p(64)), i("-18446744073709551617"));
    // Results that fit are always Small.
    assert_eq!(int::sub(&i("9223372036854775808"), &Int::Small(1)), max);
}

#[test]
fn int_floor_division() {
    let dm = |a: i64, b: i64| int::divmod(&Int::Small(a), &Int::Small(b));
    assert_eq!(dm(-7, 2), Ok((Int::Small(-4), Int::Small(1))));
    assert_eq!(dm(7, -2), Ok((Int::Small(-4), Int::Small(-1))));
    assert_eq!(dm(-7, -2), Ok((Int::Small(3), Int::Small(-1))));
    assert_eq!(
        dm(i64::MIN, -1),
        Ok((i("9223372036854775808"), Int::Small(0)))
    );
    assert_eq!(e(dm(1, 0)), "ZeroDivisionError: division by zero");
    assert_eq!(
        e(int::modulo(&p(100), &Int::Small(0))),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(
        int::modulo(&int::neg(&p(100)), &Int::Small(7)),
        Ok(Int::Small(5))
    );
}

#[test]
fn int_true_division_is_correctly_rounded() {
    let td = |a: &Int, b: &Int| int::truediv(a, b);
    assert_eq!(
        td(&int::add(&p(53), &Int::Small(1)), &Int::Small(3)),
        Ok(3002399751580331.0)
    );
    assert_eq!(
        td(&i("1000000000000000000000000000000"), &Int::Small(7)),
        Ok(1.4285714285714285e29)
    );
    assert_eq!(td(&Int::Small(1), &p(1080)), Ok(0.0));
    assert_eq!(td(&int::add(&p(1100), &Int::Small(1)), &p(1100)), Ok(1.0));
    assert_eq!(td(&p(1024), &Int::Small(3)), Ok(5.992310449541053e307));
    assert_eq!(
        e(td(&p(10000), &Int::Small(1))),
        "OverflowError: integer division result too large for a float"
    );
    let neg_zero = td(&Int::Small(0), &int::neg(&p(100))).unwrap_or(1.0);
    assert!(neg_zero == 0.0 && neg_zero.is_sign_negative());
    assert_eq!(
        e(td(&Int::Small(1), &Int::Small(0))),
        "ZeroDivisionError: division by zero"
    );
}

#[test]
fn int_powers() {
    let pw = |a: i64, b: i64| int::pow(&Int::Small(a), &Int::Small(b));
    assert_eq!(pw(2, -1), Ok(IntPow::Float(0.5)));
    assert_eq!(pw(-2, -1), Ok(IntPow::Float(-0.5)));
    assert_eq!(pw(0, 0), Ok(IntPow::Int(Int::Small(1))));
    assert_eq!(e(pw(0, -1)), "ZeroDivisionError: zero to a negative power");
    assert_eq!(pw(3, 40), Ok(IntPow::Int(i("12157665459056928801"))));
    assert_eq!(
        int::pow(&Int::Small(-1), &p(70)),
        Ok(IntPow::Int(Int::Small(1)))
    );
    assert_eq!(e(int::pow(&Int::Small(2), &p(70))), "MemoryError: ");
    assert_eq!(
        e(int::pow(&p(1024), &Int::Small(-1))),
        "OverflowError: int too large to convert to float"
    );
    let pm = |a: i64, b: i64, m: i64| int::pow_mod(&Int::Small(a), &Int::Small(b), &Int::Small(m));
    assert_eq!(pm(3, -1, -7), Ok(Int::Small(-2)));
    assert_eq!(pm(-3, -1, 7), Ok(Int::Small(2)));
    assert_eq!(pm(2, -1, 1), Ok(Int::Small(0)));
    assert_eq!(pm(5, -2, 13), Ok(Int::Small(12)));
    assert_eq!(pm(2, 3, -5), Ok(Int::Small(-2)));
    assert_eq!(
        int::pow_mod(&Int::Small(3), &Int::Small(200), &Int::Small(1_000_000_007)),
        Ok(Int::Small(136318165))
    );
    assert_eq!(
        e(pm(6, -1, 9)),
        "ValueError: base is not invertible for the given modulus"
    );
    assert_eq!(e(pm(2, 3, 0)), "ValueError: pow() 3rd argument cannot be 0");
}

#[test]
fn int_bitwise_is_twos_complement() {
    let m65 = int::neg(&p(65));
    assert_eq!(
        int::and(&m65, &int::add(&p(64), &Int::Small(5))),
        Int::Small(0)
    );
    assert_eq!(int::or(&m65, &Int::Small(3)), i("-36893488147419103229"));
    assert_eq!(int::xor(&m65, &Int::Small(-1)), i("36893488147419103231"));
    assert_eq!(
        int::rshift(&Int::Small(-7), &Int::Small(1)),
        Ok(Int::Small(-4))
    );
    assert_eq!(
        int::rshift(&int::neg(&p(70)), &Int::Small(3)),
        Ok(i("-147573952589676412928"))
    );
    assert_eq!(int::rshift(&Int::Small(-1), &p(70)), Ok(Int::Small(-1)));
    assert_eq!(int::rshift(&Int::Small(5), &p(70)), Ok(Int::Small(0)));
    assert_eq!(int::lshift(&Int::Small(1), &Int::Small(64)), Ok(p(64)));
    assert_eq!(int::lshift(&Int::Small(0), &p(70)), Ok(Int::Small(0)));
    assert_eq!(
        e(int::lshift(&Int::Small(1), &Int::Small(-1))),
        "ValueError: negative shift count"
    );
    assert_eq!(
        e(int::rshift(&Int::Small(1), &Int::Small(-1))),
        "ValueError: negative shift count"
    );
    assert_eq!(
        e(int::lshift(&Int::Small(1), &p(70))),
        "OverflowError: too many digits in integer"
    );
    assert_eq!(e(int::lshift(&Int::Small(1), &p(40))), "MemoryError: ");
}

#[test]
fn int_float_comparison_is_exact() {
    use std::cmp::Ordering::*;
    let big = int::add(&p(53), &Int::Small(1));
    assert_eq!(int::cmp_float(&big, 9007199254740992.0), Some(Greater));
    assert_eq!(int::cmp_float(&p(53), 9007199254740992.0), Some(Equal));
    assert_eq!(int::cmp_float(&Int::Small(1), 1.5), Some(Less));
    assert_eq!(int::cmp_float(&Int::Small(-2), -1.5), Some(Less));
    assert_eq!(int::cmp_float(&p(5000), f64::INFINITY), Some(Less));
    assert_eq!(int::cmp_float(&p(5000), f64::MAX), Some(Greater));
    assert_eq!(int::cmp_float(&Int::Small(0), f64::NAN), None);
}

#[test]
fn int_conversions() {
    assert_eq!(
        int_convert::int_to_f64(&int::add(&p(53), &Int::Small(1))),
        Ok(9007199254740992.0)
    );
    assert_eq!(
        int_convert::int_to_f64(&int::add(&p(53), &Int::Small(3))),
        Ok(9007199254740996.0)
    );
    assert_eq!(
        e(int_convert::int_to_f64(&p(1024))),
        "OverflowError: int too large to convert to float"
    );
    assert_eq!(
        int_convert::float_to_int(1e300).map(|v| v.to_string().len()),
        Ok(301)
    );
    assert_eq!(
        e(int_convert::float_to_int(f64::INFINITY)),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        e(int_convert::float_to_int(f64::NAN)),
        "ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(int_convert::float_to_int(-2.9), Ok(Int::Small(-2)));
}

#[test]
fn int_bits_and_bytes() {
    assert_eq!(int_bits::bit_length(&p(64)), 65);
    assert_eq!(int_bits::bit_length(&Int::Small(i64::MIN)), 64);
    assert_eq!(int_bits::bit_count(&int::neg(&p(64))), 1);
    let tb = |a: i64, n: i64, o: ByteOrder, s: bool| int_bits::to_bytes(&Int::Small(a), n, o, s);
    assert_eq!(tb(-129, 2, ByteOrder::Big, true), Ok(vec![0xFF, 0x7F]));
    assert_eq!(tb(65535, 2, ByteOrder::Little, false), Ok(vec![0xFF, 0xFF]));
    assert_eq!(tb(0, 0, ByteOrder::Big, false), Ok(vec![]));
    assert_eq!(
        e(tb(1, 0, ByteOrder::Big, false)),
        "OverflowError: int too big to convert"
    );
    assert_eq!(
        e(tb(128, 1, ByteOrder::Big, true)),
        "OverflowError: int too big to convert"
    );
    assert_eq!(
        e(tb(-1, 1, ByteOrder::Big, false)),
        "OverflowError: can't convert negative int to unsigned"
    );
    assert_eq!(
        e(tb(1, -1, ByteOrder::Big, false)),
        "ValueError: length argument must be non-negative"
    );
    assert_eq!(
        e(ByteOrder::parse("mid")),
        "ValueError: byteorder must be either 'little' or 'big'"
    );
    assert_eq!(
        int_bits::from_bytes(&[0x80, 0], ByteOrder::Big, true),
        Int::Small(-32768)
    );
    assert_eq!(
        int_bits::from_bytes(&[0xFF, 0xFF], ByteOrder::Little, true),
        Int::Small(-1)
    );
}

#[test]
fn int_hash_and_round() {
    assert_eq!(int_bits::hash(&Int::Small(-1)), -2);
    assert_eq!(int_bits::hash(&int::sub(&p(61), &Int::Small(1))), 0);
    assert_eq!(int_bits::hash(&int::neg(&p(61))), -2);
    assert_eq!(int_bits::hash(&p(100)), 549755813888);
    assert_eq!(int_bits::hash(&int::neg(&p(100))), -549755813888);
    let r = |a: i64, n: i64| int_bits::round(&Int::Small(a), &Int::Small(n));
    assert_eq!(r(12345, -2), Ok(Int::Small(12300)));
    assert_eq!(r(15, -1), Ok(Int::Small(20)));
    assert_eq!(r(25, -1), Ok(Int::Small(20)));
    assert_eq!(r(-25, -1), Ok(Int::Small(-20)));
    assert_eq!(r(5, -1), Ok(Int::Small(0)));
    assert_eq!(r(7, 3), Ok(Int::Small(7)));
    assert_eq!(
        int_bits::round(&Int::Small(7), &int::neg(&p(300))),
        Ok(Int::Small(0))
    );
}

#[test]
fn int_from_text() {
    assert_eq!(parse_int(" 0x_1f ", 0), Ok(Int::Small(31)));
    assert_eq!(parse_int("\u{3000} 42 \u{3000}", 10), Ok(Int::Small(42)));
    assert_eq!(parse_int("١٢٣", 10), Ok(Int::Small(123)));
    assert_eq!(parse_int("١٢", 16), Ok(Int::Small(18)));
    assert_eq!(parse_int("0b1", 16), Ok(Int::Small(177)));
    assert_eq!(parse_int("-0B1", 0), Ok(Int::Small(-1)));
    assert_eq!(parse_int("0_0", 0), Ok(Int::Small(0)));
    assert_eq!(parse_int("Zz", 36), Ok(Int::Small(1295)));
    for (text, base) in [
        ("x", 10),
        ("+ 1", 10),
        ("1_", 10),
        ("_1", 10),
        ("0_7", 0),
        ("010", 0),
        ("0x", 16),
        ("0b", 0),
        ("ａ", 16),
    ] {
        let want = format!("ValueError: invalid literal for int() with base {base}: '{text}'");
        assert_eq!(e(parse_int(text, base)), want, "{text:?}");
    }
    assert_eq!(
        e(parse_int("\x1c1", 10)),
        "ValueError: invalid literal for int() with base 10: '\\x1c1'"
    );
    assert_eq!(
        e(parse_int("12", 1)),
        "ValueError: int() base must be >= 2 and <= 36, or 0"
    );
    assert_eq!(
        e(parse_int("12", 37)),
        "ValueError: int() base must be >= 2 and <= 36, or 0"
    );
    let long = "x".repeat(300);
    let msg = e(parse_int(&long, 10));
    assert_eq!(
        msg.len(),
        "ValueError: invalid literal for int() with base 10: ".len() + 200
    );
    let limit = |n: usize| {
        format!("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit")
    };
    assert_eq!(e(parse_int(&"1".repeat(4301), 10)), limit(4301));
    assert_eq!(
        e(parse_int(&format!("{}1", "1_".repeat(4300)), 0)),
        limit(4301)
    );
    assert_eq!(e(parse_int(&"0".repeat(5000), 10)), limit(5000));
    assert!(parse_int(&"1".repeat(4300), 10).is_ok());
    assert!(parse_int(&"f".repeat(5000), 16).is_ok());
    assert_eq!(
        e(parse_int(&format!("{}x", "1".repeat(5000)), 10)).len(),
        53 + 200 - 1
    );
    assert_eq!(
        int_text::int_from_bytes_text(b" 12 ", 10, 4300),
        Ok(Int::Small(12))
    );
    assert_eq!(
        e(int_text::int_from_bytes_text(b"\xd9\xa1", 10, 4300)),
        "ValueError: invalid literal for int() with base 10: b'\\xd9\\xa1'"
    );
}

#[test]
fn int_to_text() {
    let ten = |n: u32| Int::from_bigint(BigInt::from(10u32).pow(n));
    let limit = "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
    assert_eq!(
        int_text::to_decimal(&ten(4299), 4300).map(|s| s.len()),
        Ok(4300)
    );
    assert_eq!(e(int_text::to_decimal(&ten(4300), 4300)), limit);
    assert_eq!(e(int_text::to_decimal(&int::neg(&ten(4300)), 4300)), limit);
    assert_eq!(e(int_text::to_decimal(&ten(100000), 4300)), limit);
    assert_eq!(
        int_text::to_decimal(&ten(4300), 0).map(|s| s.len()),
        Ok(4301)
    );
    assert_eq!(int_text::to_radix(&Int::Small(-255), 16, true), "-0xff");
    assert_eq!(int_text::to_radix(&Int::Small(0), 2, true), "0b0");
    assert_eq!(int_text::to_radix(&Int::Small(8), 8, false), "10");
}

#[test]
fn float_division_and_modulo() {
    assert_eq!(
        e(float::div(1.0, 0.0)),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(
        e(float::rem(1.0, -0.0)),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(
        e(float::divmod(1.0, 0.0)),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(float::divmod(-7.5, 2.0), Ok((-4.0, 0.5)));
    assert_eq!(float::divmod(7.5, -2.0), Ok((-4.0, -0.5)));
    assert_eq!(
        float::divmod(1e308, -1e-308),
        Ok((f64::NEG_INFINITY, -6.50155445375437e-309))
    );
    assert_eq!(float::rem(-1e-100, 1e100), Ok(1e100));
    let (q, r) = float::divmod(-0.0, 1.0).unwrap_or((1.0, 1.0));
    assert!(q == 0.0 && q.is_sign_negative() && r == 0.0 && r.is_sign_positive());
    assert!(float::rem(0.0, -5.0).is_ok_and(|r| r == 0.0 && r.is_sign_negative()));
    assert_eq!(float::floordiv(-1e-300, 1.0), Ok(-1.0));
}

#[test]
fn float_powers() {
    use float::FloatPow::*;
    assert_eq!(
        e(float::pow(0.0, -1.0)),
        "ZeroDivisionError: zero to a negative power"
    );
    assert_eq!(
        e(float::pow(-0.0, -3.0)),
        "ZeroDivisionError: zero to a negative power"
    );
    assert_eq!(
        e(float::pow(10.0, 400.0)),
        "OverflowError: (34, 'Numerical result out of range')"
    );
    assert_eq!(float::pow(-8.0, 1.0 / 3.0), Ok(Complex));
    assert_eq!(float::pow(f64::NAN, 0.0), Ok(Float(1.0)));
    assert_eq!(float::pow(1.0, f64::NAN), Ok(Float(1.0)));
    assert_eq!(float::pow(-1.0, f64::INFINITY), Ok(Float(1.0)));
    assert_eq!(float::pow(f64::NEG_INFINITY, -3.0), Ok(Float(-0.0)));
    assert_eq!(float::pow(-2.0, 3.0), Ok(Float(-8.0)));
    assert_eq!(float::pow(0.5, 1074.5), Ok(Float(5e-324)));
}

#[test]
fn float_rounding() {
    assert_eq!(float::round_to_int(2.5), Ok(Int::Small(2)));
    assert_eq!(float::round_to_int(-0.5), Ok(Int::Small(0)));
    assert_eq!(
        e(float::round_to_int(f64::INFINITY)),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        e(float::round_to_int(f64::NAN)),
        "ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(float::round(2.675, 2), Ok(2.67));
    assert_eq!(float::round(0.125, 2), Ok(0.12));
    assert_eq!(float::round(123456.789, -3), Ok(123000.0));
    assert_eq!(float::round(5e-324, 323), Ok(0.0));
    assert_eq!(float::round(1.5, 400), Ok(1.5));
    assert_eq!(float::round(1.0, -400), Ok(0.0));
    assert!(float::round(-0.5, 0).is_ok_and(|r| r == 0.0 && r.is_sign_negative()));
    assert_eq!(
        e(float::round(f64::MAX, -308)),
        "OverflowError: rounded value too large to represent"
    );
    assert_eq!(float::round(f64::INFINITY, 2), Ok(f64::INFINITY));
}

#[test]
fn float_ratio_hash_and_hex() {
    let r = |x: f64| float::as_integer_ratio(x);
    assert_eq!(r(10.5), Ok((Int::Small(21), Int::Small(2))));
    assert_eq!(r(-0.375), Ok((Int::Small(-3), Int::Small(8))));
    assert_eq!(
        e(r(f64::INFINITY)),
        "OverflowError: cannot convert Infinity to integer ratio"
    );
    assert_eq!(
        e(r(f64::NAN)),
        "ValueError: cannot convert NaN to integer ratio"
    );
    assert_eq!(float::hash(1.5), NumHash::Value(1152921504606846977));
    assert_eq!(float::hash(-0.5), NumHash::Value(-1152921504606846976));
    assert_eq!(float::hash(1e300), NumHash::Value(1224995262755759164));
    assert_eq!(float::hash(1e-300), NumHash::Value(482449582752280463));
    assert_eq!(float::hash(f64::NEG_INFINITY), NumHash::Value(-314159));
    assert_eq!(float::hash(f64::NAN), NumHash::Identity);
    assert_eq!(
        float::hash(2f64.powi(100)),
        NumHash::Value(int_bits::hash(&p(100)))
    );
    assert_eq!(float_text::float_hex(0.1), "0x1.999999999999ap-4");
    assert_eq!(float_text::float_hex(-2.5), "-0x1.4000000000000p+1");
    assert_eq!(float_text::float_hex(5e-324), "0x0.0000000000001p-1022");
    assert_eq!(float_text::float_hex(-0.0), "-0x0.0p+0");
    assert_eq!(float_text::float_fromhex(" -0X1.8P+1 "), Ok(-3.0));
    assert_eq!(float_text::float_fromhex("0x1p-1075"), Ok(0.0));
    assert_eq!(
        float_text::float_fromhex("0x1.0000000000000801p0"),
        Ok(1.0000000000000002)
    );
    assert_eq!(
        e(float_text::float_fromhex("x")),
        "ValueError: invalid hexadecimal floating-point string"
    );
    assert_eq!(
        e(float_text::float_fromhex("0x1p99999")),
        "OverflowError: hexadecimal value too large to represent as a float"
    );
}

#[test]
fn float_from_text() {
    assert_eq!(parse_float(" 1_0 "), Ok(10.0));
    assert_eq!(parse_float("1_0.0_1e1_0"), Ok(100100000000.0));
    assert_eq!(parse_float("-iNF"), Ok(f64::NEG_INFINITY));
    assert_eq!(parse_float("١.٥e١"), Ok(15.0));
    assert_eq!(parse_float("\u{85}1\u{a0}"), Ok(1.0));
    assert_eq!(parse_float("1e500"), Ok(f64::INFINITY));
    assert!(parse_float("-nan").is_ok_and(|x| x.is_nan() && x.is_sign_negative()));
    for bad in [
        "x", "", "1__0", "1._0", "0x10", ".", "1e", "1_e10", "in_f", "infinit", "nan(1)", "+-1",
    ] {
        assert_eq!(
            e(parse_float(bad)),
            format!("ValueError: could not convert string to float: '{bad}'")
        );
    }
    assert_eq!(
        e(float_text::float_from_bytes_text(b"x")),
        "ValueError: could not convert string to float: b'x'"
    );
}

#[test]
fn complex_arithmetic() {
    let c = Complex::new;
    assert_eq!(complex::div(c(1.0, 2.0), c(3.0, 4.0)), Ok(c(0.44, 0.08)));
    assert_eq!(
        complex::div(c(f64::INFINITY, 1.0), c(1.0, 1.0)),
        Ok(c(f64::INFINITY, f64::NEG_INFINITY))
    );
    assert_eq!(
        e(complex::div(c(1.0, 1.0), c(0.0, 0.0))),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(complex::real_div(2.0, c(0.0, -1.0)), Ok(c(0.0, 2.0)));
    let m = complex::mul(c(f64::INFINITY, f64::NAN), c(1.0, 0.0));
    assert!(m.re == f64::INFINITY && m.im.is_nan());
    assert_eq!(complex::pow(c(1.0, 2.0), c(2.0, 0.0)), Ok(c(-3.0, 4.0)));
    assert_eq!(complex::pow(c(1.0, 2.0), c(-2.0, 0.0)), Ok(c(-0.12, -0.16)));
    assert_eq!(
        complex::pow(c(1.0, 2.0), c(0.5, 0.0)),
        Ok(c(1.272019649514069, 0.7861513777574233))
    );
    assert_eq!(
        e(complex::pow(c(0.0, 0.0), c(-1.0, 0.0))),
        "ZeroDivisionError: zero to a negative or complex power"
    );
    assert_eq!(
        e(complex::pow(c(0.0, 0.0), c(1.0, 1.0))),
        "ZeroDivisionError: zero to a negative or complex power"
    );
    assert_eq!(
        e(complex::pow(c(1e300, 1e300), c(2.0, 0.0))),
        "OverflowError: complex exponentiation"
    );
    assert_eq!(complex::abs(c(1e308, 1e308)), Ok(1.4142135623730951e308));
    assert_eq!(
        complex::abs(c(f64::NAN, f64::NEG_INFINITY)),
        Ok(f64::INFINITY)
    );
    assert_eq!(
        e(complex::abs(c(1.7e308, 1.7e308))),
        "OverflowError: absolute value too large"
    );
    assert_eq!(complex::hash(c(1.0, 2.0)), NumHash::Value(2000007));
    assert_eq!(
        complex::hash(c(1.5, -2.5)),
        NumHash::Value(-2305843009215693957)
    );
    assert_eq!(complex::hash(c(0.0, f64::NAN)), NumHash::Identity);
}

#[test]
fn complex_from_text() {
    let parse = |s: &str| complex::complex_from_str(&PyStr::from(s), &decimal);
    let c = Complex::new;
    assert_eq!(parse(" ( 1+2j ) "), Ok(c(1.0, 2.0)));
    assert_eq!(parse("1e5j"), Ok(c(0.0, 100000.0)));
    assert_eq!(parse("-j"), Ok(c(0.0, -1.0)));
    assert_eq!(parse("1-j"), Ok(c(1.0, -1.0)));
    assert_eq!(parse("-1.5-2.5J"), Ok(c(-1.5, -2.5)));
    assert_eq!(parse("1_0+2_0j"), Ok(c(10.0, 20.0)));
    assert_eq!(parse("١+٢j"), Ok(c(1.0, 2.0)));
    assert_eq!(parse("\u{3000}(1+2j)\u{3000}"), Ok(c(1.0, 2.0)));
    for bad in [
        "x", "1+", "1 + 2j", "infj+1", "(1+2j", "1+2j)", "()", "1+2", "1j+2", "1+2jj", "", "  ",
    ] {
        assert_eq!(
            e(parse(bad)),
            "ValueError: complex() arg is a malformed string",
            "{bad:?}"
        );
    }
    assert_eq!(
        e(parse("0_.0j")),
        "ValueError: could not convert string to complex: '0_.0j'"
    );
}
