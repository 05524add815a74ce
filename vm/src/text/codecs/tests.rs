//! Codec tests: tables of cases whose expected bytes, text and messages come from CPython 3.14.

use super::test_cases::*;
use super::*;
use crate::text::tests::s;

fn run_encode(x: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, String> {
    let codec = lookup(encoding).ok_or_else(|| format!("no codec {encoding}"))?;
    encode(&s(x), codec, errors).map_err(|e| format!("{}: {}", e.kind().name(), e.message()))
}

fn run_decode(b: &[u8], encoding: &str, errors: &str) -> Result<PyStrView, String> {
    let codec = lookup(encoding).ok_or_else(|| format!("no codec {encoding}"))?;
    decode(b, codec, errors)
        .map(PyStrView)
        .map_err(|e| format!("{}: {}", e.kind().name(), e.message()))
}

/// Decoded text, compared with a literal through `s`.
#[derive(Debug, PartialEq)]
struct PyStrView(protopy_compiler::pystr::PyStr);

#[test]
fn encodes() {
    for &(x, encoding, errors, want) in ENCODES {
        let want = want.map(<[u8]>::to_vec).map_err(str::to_owned);
        assert_eq!(
            run_encode(x, encoding, errors),
            want,
            "{x:?} {encoding} {errors}"
        );
    }
}

#[test]
fn decodes() {
    for &(b, encoding, errors, want) in DECODES {
        let want = want.map(|w| PyStrView(s(w))).map_err(str::to_owned);
        assert_eq!(
            run_decode(b, encoding, errors),
            want,
            "{b:?} {encoding} {errors}"
        );
    }
}

#[test]
fn error_attributes() {
    let Err(crate::text::TextError::Encode(e)) =
        encode(&s("a\u{e9}\u{e9}b"), Codec::Ascii, "strict")
    else {
        unreachable!("ASCII cannot encode é");
    };
    assert_eq!(
        (e.encoding, e.start, e.end, e.reason),
        ("ascii", 1, 3, "ordinal not in range(128)")
    );
    let Err(crate::text::TextError::Decode(e)) = decode(b"a\xe2\x82", Codec::Utf8, "strict") else {
        unreachable!("truncated UTF-8");
    };
    assert_eq!(
        (e.encoding, e.start, e.end, e.reason),
        ("utf-8", 1, 3, "unexpected end of data")
    );
    assert_eq!(e.object, b"a\xe2\x82".to_vec());
}

#[test]
fn names() {
    use Endian::*;
    let cases = [
        ("UTF-8", Some(Codec::Utf8)),
        ("utf8", Some(Codec::Utf8)),
        ("U8", Some(Codec::Utf8)),
        (" utf 8 ", Some(Codec::Utf8)),
        ("utf.8", None),
        ("ut\u{e9}f-8", None),
        ("utf\u{e9}-8", Some(Codec::Utf8)),
        ("US-ASCII", Some(Codec::Ascii)),
        ("ansi_x3.4_1968", Some(Codec::Ascii)),
        ("ISO-8859-1", Some(Codec::Latin1)),
        ("latin1", Some(Codec::Latin1)),
        ("utf-16", Some(Codec::Utf16(None))),
        ("UTF-16LE", Some(Codec::Utf16(Some(Little)))),
        ("utf_32_be", Some(Codec::Utf32(Some(Big)))),
        ("cp1252", None),
        ("", None),
    ];
    for (name, want) in cases {
        assert_eq!(lookup(name), want, "{name:?}");
    }
    assert_eq!(unknown_encoding("foo").message(), "unknown encoding: foo");
}
