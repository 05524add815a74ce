//! Unit tests of `math`: messages and values from CPython 3.14 on glibc 2.43.

use super::*;

/// `Type: message`, or the value's `repr`.
fn show(r: NumResult<f64>) -> String {
    match r {
        Ok(v) => repr_float(v),
        Err(e) => format!("{}: {}", e.type_name(), e.message()),
    }
}

#[test]
fn domain_and_range_errors() {
    let inf = f64::INFINITY;
    let cases: &[(NumResult<f64>, &str)] = &[
        (
            sqrt(-1.0),
            "ValueError: expected a nonnegative input, got -1.0",
        ),
        (
            sqrt(-inf),
            "ValueError: expected a nonnegative input, got -inf",
        ),
        (
            log(LogArg::Float(0.0)),
            "ValueError: expected a positive input, got 0.0",
        ),
        (
            log(LogArg::Float(-inf)),
            "ValueError: expected a positive input, got -inf",
        ),
        (
            log(LogArg::Int(&Int::Small(0))),
            "ValueError: expected a positive input",
        ),
        (
            log2(LogArg::Float(-0.5)),
            "ValueError: expected a positive input, got -0.5",
        ),
        (
            log10(LogArg::Float(0.0)),
            "ValueError: expected a positive input, got 0.0",
        ),
        (
            log1p(-1.0),
            "ValueError: expected argument value > -1, got -1.0",
        ),
        (
            acos(2.0),
            "ValueError: expected a number in range from -1 up to 1, got 2.0",
        ),
        (
            asin(-1.5),
            "ValueError: expected a number in range from -1 up to 1, got -1.5",
        ),
        (
            acosh(0.5),
            "ValueError: expected argument value not less than 1, got 0.5",
        ),
        (
            atanh(1.0),
            "ValueError: expected a number between -1 and 1, got 1.0",
        ),
        (
            atanh(-2.0),
            "ValueError: expected a number between -1 and 1, got -2.0",
        ),
        (cos(inf), "ValueError: expected a finite input, got inf"),
        (sin(-inf), "ValueError: expected a finite input, got -inf"),
        (tan(inf), "ValueError: expected a finite input, got inf"),
        (
            gamma(0.0),
            "ValueError: expected a noninteger or positive integer, got 0.0",
        ),
        (
            gamma(-2.0),
            "ValueError: expected a noninteger or positive integer, got -2.0",
        ),
        (
            gamma(-inf),
            "ValueError: expected a noninteger or positive integer, got -inf",
        ),
        (
            lgamma(-3.0),
            "ValueError: expected a noninteger or positive integer, got -3.0",
        ),
        (gamma(171.7), "OverflowError: math range error"),
        (lgamma(1e308), "OverflowError: math range error"),
        (exp(1000.0), "OverflowError: math range error"),
        (exp2(1025.0), "OverflowError: math range error"),
        (expm1(710.0), "OverflowError: math range error"),
        (cosh(-1000.0), "OverflowError: math range error"),
        (sinh(1000.0), "OverflowError: math range error"),
        (pow(0.0, -1.0), "ValueError: math domain error"),
        (pow(-1.0, 0.5), "ValueError: math domain error"),
        (pow(10.0, 400.0), "OverflowError: math range error"),
        (fmod(inf, 1.0), "ValueError: math domain error"),
        (fmod(1.0, 0.0), "ValueError: math domain error"),
        (remainder(1.0, 0.0), "ValueError: math domain error"),
        (remainder(inf, 2.0), "ValueError: math domain error"),
        (
            log_base(LogArg::Float(10.0), LogArg::Float(1.0)),
            "ZeroDivisionError: division by zero",
        ),
        (
            ldexp(1.0, &Int::Small(10000)),
            "OverflowError: math range error",
        ),
        (fma(inf, 0.0, 1.0), "ValueError: invalid operation in fma"),
        (fma(1e308, 10.0, 0.0), "OverflowError: overflow in fma"),
        (fsum([inf, -inf]), "ValueError: -inf + inf in fsum"),
        (
            fsum([1e308, 1e308]),
            "OverflowError: intermediate overflow in fsum",
        ),
        (
            dist(&[1.0], &[1.0, 2.0]),
            "ValueError: both points must have the same number of dimensions",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(show(got.clone()), *want);
    }
    assert_eq!(
        isclose(1.0, 1.0, -1.0, 0.0).map_err(|e| e.message().to_owned()),
        Err("tolerances must be non-negative".to_owned())
    );
    assert_eq!(
        nextafter(1.0, 2.0, Some(&Int::Small(-1))).map_err(|e| e.message().to_owned()),
        Err("steps must be a non-negative integer".to_owned())
    );
}

#[test]
fn values_match_cpython() {
    let cases: &[(NumResult<f64>, &str)] = &[
        (atan2(1.0, 0.0), "1.5707963267948966"),
        (copysign(1.0, -0.0), "-1.0"),
        (gamma(0.5), "1.7724538509055159"),
        (gamma(-1.5), "2.3632718012073544"),
        (lgamma(-2.5), "-0.05624371649767457"),
        (gamma(171.5), "9.483367566824801e+307"),
        (gamma(-171.5), "1.9316265431712e-310"),
        (gamma(1e-30), "9.999999999999999e+29"),
        (lgamma(1e300), "6.897755278982137e+302"),
        (erf(0.5), "0.5204998778130465"),
        (erfc(-1.0), "1.8427007929497148"),
        (erfc(26.6), "1.088512588544227e-309"),
        (erfc(27.5), "0.0"),
        (erf(1e-310), "1.1283791670955e-310"),
        (erf(-0.0), "-0.0"),
        (asinh(1.5), "1.1947632172871092"),
        (acosh(2.0), "1.3169578969248168"),
        (atanh(0.5), "0.5493061443340549"),
        (asinh(-1e-300), "-1e-300"),
        (acosh(1e308), "709.889355822726"),
        (log1p(-0.0), "-0.0"),
        (expm1(-800.0), "-1.0"),
        (
            log(LogArg::Int(&Int::from_bigint(
                num_bigint::BigInt::from(2u32).pow(2000),
            ))),
            "1386.2943611198907",
        ),
        (
            log_base(
                LogArg::Int(&Int::from_bigint(num_bigint::BigInt::from(2u32).pow(2000))),
                LogArg::Float(2.0),
            ),
            "2000.0000000000002",
        ),
        (fsum([0.1; 10]), "1.0"),
        (fsum([1e16, 1.0, 1e-16]), "1.0000000000000002e+16"),
        (fsum([1e308, -1e308, 1e308]), "1e+308"),
        (Ok(hypot(&[3.0, 4.0])), "5.0"),
        (Ok(hypot(&[1e-320, 1e-320])), "1.414e-320"),
        (Ok(hypot(&[f64::NAN, f64::INFINITY])), "inf"),
        (dist(&[1.0, 2.0, 3.0], &[4.0, 6.0, 3.0]), "5.0"),
        (
            nextafter(
                1.0,
                0.0,
                Some(&Int::from_bigint(num_bigint::BigInt::from(2u32).pow(64))),
            ),
            "0.0",
        ),
        (nextafter(0.0, 1.0, Some(&Int::Small(3))), "1.5e-323"),
        (Ok(ulp(1.0)), "2.220446049250313e-16"),
        (Ok(ulp(f64::MAX)), "1.99584030953472e+292"),
        (remainder(7.0, 2.0), "-1.0"),
        (remainder(-5.0, 2.0), "-1.0"),
        (fmod(-5.0, 3.0), "-2.0"),
        (ldexp(1.5, &Int::Small(-1074)), "1e-323"),
        (ldexp(0.75, &Int::Small(-1074)), "5e-324"),
    ];
    for (got, want) in cases {
        assert_eq!(show(got.clone()), *want);
    }
    assert_eq!(frexp(5e-324), (0.5, -1073));
    assert_eq!(modf(-3.5), (-0.5, -3.0));
    let mut sp = SumprodFloats::new();
    for _ in 0..10 {
        sp.add(0.1, 1.0);
    }
    assert_eq!(sp.value(), 1.0);
}

#[test]
fn integer_functions() {
    let i = |v: i64| Int::Small(v);
    let big = |s: &str| Int::from_bigint(s.parse().unwrap_or_default());
    assert_eq!(factorial(&i(25)), Ok(big("15511210043330985984000000")));
    assert_eq!(
        comb(&i(100), &i(50)),
        Ok(big("100891344545564193334812497256"))
    );
    assert_eq!(perm(&i(10), Some(&i(3))), Ok(i(720)));
    assert_eq!(perm(&i(3), Some(&i(4))), Ok(i(0)));
    assert_eq!(comb(&i(5), &i(6)), Ok(i(0)));
    assert_eq!(
        isqrt(&big("9999999999999999999999999999999999999999")),
        Ok(big("99999999999999999999"))
    );
    assert_eq!(
        gcd(&[
            big("1180591620717411303424"),
            big("221073919720733357899776")
        ]),
        i(1073741824)
    );
    assert_eq!(lcm(&[i(12), i(-18), i(10)]), i(180));
    assert_eq!(lcm(&[]), i(1));
    assert_eq!(gcd(&[]), i(0));
    let msg = |r: NumResult<Int>| r.map_err(|e| format!("{}: {}", e.type_name(), e.message()));
    assert_eq!(
        msg(factorial(&i(-1))),
        Err("ValueError: factorial() not defined for negative values".into())
    );
    assert_eq!(
        msg(factorial(&big("9223372036854775808"))),
        Err("OverflowError: factorial() argument should not exceed 9223372036854775807".into())
    );
    assert_eq!(
        msg(comb(&i(-1), &i(2))),
        Err("ValueError: n must be a non-negative integer".into())
    );
    assert_eq!(
        msg(comb(&i(2), &i(-1))),
        Err("ValueError: k must be a non-negative integer".into())
    );
    assert_eq!(
        msg(comb(
            &big("1180591620717411303424"),
            &big("18446744073709551616")
        )),
        Err("OverflowError: min(n - k, k) must not exceed 9223372036854775807".into())
    );
    assert_eq!(
        msg(perm(
            &big("1180591620717411303424"),
            Some(&big("18446744073709551616"))
        )),
        Err("OverflowError: k must not exceed 9223372036854775807".into())
    );
    assert_eq!(
        msg(perm(&i(-1), None)),
        Err("ValueError: factorial() not defined for negative values".into())
    );
    assert_eq!(
        msg(isqrt(&i(-1))),
        Err("ValueError: isqrt() argument must be nonnegative".into())
    );
    assert_eq!(
        msg(floor(f64::INFINITY)),
        Err("OverflowError: cannot convert float infinity to integer".into())
    );
    assert_eq!(
        msg(ceil(f64::NAN)),
        Err("ValueError: cannot convert float NaN to integer".into())
    );
}
