//! Tests of `repr`; every expected value was printed by CPython 3.14.

use super::*;

#[rustfmt::skip]
const FLOATS: &[(u64, &str)] = &[
    (0x0000000000000000, "0.0"),
    (0x8000000000000000, "-0.0"),
    (0x3ff0000000000000, "1.0"),
    (0xbff0000000000000, "-1.0"),
    (0x3fb999999999999a, "0.1"),
    (0x3fe0000000000000, "0.5"),
    (0x3ff8000000000000, "1.5"),
    (0x4059000000000000, "100.0"),
    (0x430c6bf526340000, "1000000000000000.0"),
    (0x4341c37937e08000, "1e+16"),
    (0x4376345785d8a000, "1e+17"),
    (0x437b69b4ba630f35, "1.2345678901234568e+17"),
    (0x4341c37937e07fff, "9999999999999998.0"),
    (0x3f1a36e2eb1c432d, "0.0001"),
    (0x3ee4f8b588e368f1, "1e-05"),
    (0x3f202e4b6ce5dc68, "0.00012345"),
    (0x3ee9e3abe16fc70d, "1.2345e-05"),
    (0x0000000000000001, "5e-324"),
    (0x0010000000000000, "2.2250738585072014e-308"),
    (0x7fefffffffffffff, "1.7976931348623157e+308"),
    (0x4480f0cf064dd592, "1e+22"),
    (0x44b52d02c7e14af6, "1e+23"),
    (0x400921fb54442d18, "3.141592653589793"),
    (0x4340000000000000, "9007199254740992.0"),
    (0x43e0000000000000, "9.223372036854776e+18"),
    (0x3fd5555555555555, "0.3333333333333333"),
    (0x3fe5555555555555, "0.6666666666666666"),
    (0x7e37e43c8800759c, "1e+300"),
    (0x01b01297d23ab683, "1.5e-300"),
    (0x7ff0000000000000, "inf"),
    (0xfff0000000000000, "-inf"),
    (0x7ff8000000000000, "nan"),
    (0x40c81cd6c8b43958, "12345.678"),
    (0x3f50624dd2f1a9fc, "0.001"),
    (0x43118b54f22aeb03, "1234567890123456.8"),
    (0x4341c37937e08000, "1e+16"),
    (0x3c36b082c2148b8e, "1.23e-18"),
];

#[rustfmt::skip]
const COMPLEXES: &[(f64, f64, &str)] = &[
    (0.0, 1.0, "1j"),
    (0.0, 1.5, "1.5j"),
    (0.0, 0.0, "0j"),
    (0.0, -0.0, "-0j"),
    (-0.0, 0.0, "(-0+0j)"),
    (-0.0, 1.0, "(-0+1j)"),
    (1.0, 2.0, "(1+2j)"),
    (1.0, -0.0, "(1-0j)"),
    (0.0, f64::INFINITY, "infj"),
    (0.0, f64::NEG_INFINITY, "-infj"),
    (0.0, f64::NAN, "nanj"),
    (f64::NAN, 1.0, "(nan+1j)"),
    (0.0, 1e+20, "1e+20j"),
    (0.0, 1e+16, "1e+16j"),
    (0.0, 1e-05, "1e-05j"),
    (1e+16, 1e-05, "(1e+16+1e-05j)"),
    (f64::INFINITY, f64::NEG_INFINITY, "(inf-infj)"),
    (1.5, 0.0, "(1.5+0j)"),
    (-2.5, -3.25, "(-2.5-3.25j)"),
    (0.0, 1000000000000000.0, "1000000000000000j"),
];

#[rustfmt::skip]
const STRS: &[(&[u32], &str)] = &[
    (&[], "''"),
    (&[0x61], "'a'"),
    (&[0x27], "\"'\""),
    (&[0x22], "'\"'"),
    (&[0x27, 0x22], "'\\'\"'"),
    (&[0x69, 0x74, 0x27, 0x73], "\"it's\""),
    (&[0x73, 0x61, 0x79, 0x20, 0x22, 0x68, 0x69, 0x22], "'say \"hi\"'"),
    (&[0x62, 0x6f, 0x74, 0x68, 0x20, 0x27, 0x20, 0x61, 0x6e, 0x64, 0x20, 0x22], "'both \\' and \"'"),
    (&[0x5c], "'\\\\'"),
    (&[0x9, 0xa, 0xd], "'\\t\\n\\r'"),
    (&[0x0, 0x1, 0x1f, 0x7f], "'\\x00\\x01\\x1f\\x7f'"),
    (&[0x80, 0x9f, 0xa0, 0xa1, 0xad, 0xff], "'\\x80\\x9f\\xa0¡\\xadÿ'"),
    (&[0xe9, 0x1f600], "'é😀'"),
    (&[0x378, 0x2028, 0x2029, 0x3000, 0x200b, 0xfeff, 0xe000, 0xf0000, 0x10ffff, 0xe0001], "'\\u0378\\u2028\\u2029\\u3000\\u200b\\ufeff\\ue000\\U000f0000\\U0010ffff\\U000e0001'"),
    (&[0x300, 0x61, 0x301], "'̀á'"),
    (&[0xd800, 0xdfff], "'\\ud800\\udfff'"),
    (&[0x1f600, 0x1fbf0, 0x16100], "'😀🯰𖄀'"),
    (&[0x1c89, 0x897], "'Ᲊࢗ'"),
    (&[0x20, 0xa0, 0x1680, 0x2000, 0x202f, 0x205f], "' \\xa0\\u1680\\u2000\\u202f\\u205f'"),
    (&[0x85, 0x9b], "'\\x85\\x9b'"),
    (&[0x11f00, 0x1e5d0, 0x1e6c0, 0x1e4f0], "'𑼀𞗐\\U0001e6c0𞓰'"),
];

#[rustfmt::skip]
const BYTES: &[(&[u8], &str)] = &[
    (b"", "b''"),
    (b"\x61\x27\x62", "b\"a'b\""),
    (b"\x61\x22\x62", "b'a\"b'"),
    (b"\x27\x22", "b'\\'\"'"),
    (b"\x5c\x09\x0a\x0d\x00\x7f\x80\xff\x20\x7e", "b'\\\\\\t\\n\\r\\x00\\x7f\\x80\\xff ~'"),
    (b"\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff", "b'\\x00\\x11\"3DUfw\\x88\\x99\\xaa\\xbb\\xcc\\xdd\\xee\\xff'"),
];

#[test]
fn floats_like_cpython() {
    for &(bits, expected) in FLOATS {
        assert_eq!(repr_float(f64::from_bits(bits)), expected, "{bits:#x}");
    }
    assert_eq!(repr_float(-f64::NAN), "nan");
}

#[test]
fn complexes_like_cpython() {
    for &(real, imag, expected) in COMPLEXES {
        assert_eq!(repr_complex(real, imag), expected, "{real} {imag}");
    }
    assert_eq!(repr_complex(1.0, -f64::NAN), "(1+nanj)");
    assert_eq!(repr_complex(-0.0, -0.0), "(-0-0j)");
}

#[test]
fn strs_like_cpython() {
    for &(cps, expected) in STRS {
        let s: PyStr = cps.iter().copied().collect();
        assert_eq!(repr_str(&s), expected, "{cps:x?}");
    }
}

#[test]
fn bytes_like_cpython() {
    for &(b, expected) in BYTES {
        assert_eq!(repr_bytes(b), expected);
    }
}

/// Compares many floats with CPython: run with `PROTOPY_FLOATS=<file> cargo test -- --ignored`,
/// the file holding `hexbits repr` lines printed by CPython (`'%016x %r' % (bits, x)`).
#[test]
#[ignore]
fn floats_from_file() {
    let Ok(path) = std::env::var("PROTOPY_FLOATS") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut bad = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        let Some((hex, expected)) = line.split_once(' ') else {
            continue;
        };
        let Ok(bits) = u64::from_str_radix(hex, 16) else {
            continue;
        };
        count += 1;
        let x = f64::from_bits(bits);
        let (got, want) = match expected.split_once(' ') {
            // `hexbits imagrepr complexrepr` lines test `repr(complex(x, x))` too.
            Some((f, c)) => (
                format!("{} {}", repr_float(x), repr_complex(x, x)),
                format!("{f} {c}"),
            ),
            None => (repr_float(x), expected.to_owned()),
        };
        if got != want {
            bad.push(format!("{hex}: {got} != {want}"));
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

/// Compares `repr` of random strings and bytes with CPython: run with `PROTOPY_REPRS=<file>
/// cargo test -- --ignored`, the file holding `s<hex code points><TAB>hex(UTF-8 of repr)` lines,
/// or `b<hex bytes><TAB>hex(repr)` for bytes.
#[test]
#[ignore]
fn reprs_from_file() {
    let Ok(path) = std::env::var("PROTOPY_REPRS") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let hex_bytes = |h: &str| -> Vec<u8> {
        (0..h.len() / 2)
            .filter_map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok())
            .collect()
    };
    let mut bad = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        let Some((value, expected)) = line.split_once('\t') else {
            continue;
        };
        let expected = hex_bytes(expected);
        count += 1;
        let got = match value.split_at_checked(1) {
            Some(("b", hex)) => repr_bytes(&hex_bytes(hex)).into_bytes(),
            Some(("s", cps)) => {
                let s: PyStr = cps
                    .split(' ')
                    .filter_map(|h| u32::from_str_radix(h, 16).ok())
                    .collect();
                repr_str(&s).into_bytes()
            }
            _ => continue,
        };
        if got != expected {
            bad.push(format!("{value}: {}", String::from_utf8_lossy(&got)));
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
