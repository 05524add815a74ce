//! Tests of escape decoding; every expected value and message was produced by CPython 3.14
//! (`eval` of the literal, or the `SyntaxError` of compiling it).

use super::*;

fn str_of(body: &str) -> Option<String> {
    decode_str(body, false, false)
        .ok()
        .map(|s| s.to_string_lossy())
}

fn err_of(body: &str) -> String {
    match decode_str(body, false, false) {
        Ok(s) => format!("ok: {}", s.to_string_lossy()),
        Err(e) => e.message,
    }
}

fn unicode_error(range: &str, reason: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {range}: {reason}"
    )
}

#[test]
fn simple_escapes() {
    assert_eq!(
        str_of(r#"\\ \' \" \a \b \f \n \r \t \v"#).as_deref(),
        Some("\\ ' \" \x07 \x08 \x0c \n \r \t \x0b")
    );
    assert_eq!(str_of("plain").as_deref(), Some("plain"));
    assert_eq!(str_of("a\\\nb").as_deref(), Some("ab"));
    assert_eq!(str_of("é\\x41😀").as_deref(), Some("éA😀"));
}

#[test]
fn octal_escapes() {
    assert_eq!(
        str_of(r"\0\7\77\101\1012\400\777\8\9").as_deref(),
        Some("\0\x07?AA2\u{100}\u{1ff}\\8\\9")
    );
}

#[test]
fn hex_and_unicode_escapes() {
    assert_eq!(str_of(r"\x41\xff\xFf").as_deref(), Some("A\u{ff}\u{ff}"));
    assert_eq!(
        str_of(r"\U0001F600\U00000041\U0010ffff").as_deref(),
        Some("😀A\u{10ffff}")
    );
    let s = decode_str(r"\u0041\u20AC\ud800\udfff", false, false);
    assert_eq!(
        s.map(|s| s.code_points().collect::<Vec<_>>()),
        Ok(vec![0x41, 0x20AC, 0xD800, 0xDFFF])
    );
    let pair = decode_str(r"\ud83d\ude00", false, false);
    assert_eq!(
        pair.map(|s| s.code_points().collect::<Vec<_>>()),
        Ok(vec![0xD83D, 0xDE00])
    );
}

#[test]
fn named_escapes() {
    assert_eq!(
        str_of(r"\N{LATIN SMALL LETTER A}\N{bom}\N{NULL}\N{EM DASH}\N{hangul syllable gag}")
            .as_deref(),
        Some("a\u{feff}\0\u{2014}\u{ac01}")
    );
    assert_eq!(
        str_of(r"\N{CJK UNIFIED IDEOGRAPH-20000}\N{TANGUT IDEOGRAPH-17000}").as_deref(),
        Some("\u{20000}\u{17000}")
    );
    assert_eq!(
        str_of(r"\N{EGYPTIAN HIEROGLYPH-13460}\N{LATIN CAPITAL LETTER GHA}").as_deref(),
        Some("\u{13460}\u{1a2}")
    );
    assert_eq!(
        str_of(r"\N{KHITAN SMALL SCRIPT CHARACTER-18B00}\N{NUSHU CHARACTER-1B170}").as_deref(),
        Some("\u{18b00}\u{1b170}")
    );
    assert_eq!(
        str_of(r"\N{CJK COMPATIBILITY IDEOGRAPH-F900}").as_deref(),
        Some("\u{f900}")
    );
    assert_eq!(
        str_of(r"\N{HANGUL JUNGSEONG OE}").as_deref(),
        Some("\u{116c}")
    );
    assert_eq!(
        str_of(r"\N{HANGUL JUNGSEONG O-E}").as_deref(),
        Some("\u{1180}")
    );
    assert_eq!(str_of(r"\N{latin small letter a}").as_deref(), Some("a"));
    assert_eq!(str_of(r"\N{LEFT CURLY BRACKET}").as_deref(), Some("{"));
    assert_eq!(lookup_name("CJK UNIFIED IDEOGRAPH-4e00"), Some('\u{4e00}'));
}

#[test]
fn unknown_escapes_are_kept() {
    assert_eq!(str_of(r"\d\q\ \é").as_deref(), Some("\\d\\q\\ \\é"));
    let (s, warning) = decode_str_warn(r"ab\d\e", false, false).unwrap_or_default();
    assert_eq!(s.as_str(), Some(r"ab\d\e"));
    assert_eq!(
        warning,
        Some(EscapeWarning {
            start: 2,
            message: "\"\\d\" is an invalid escape sequence. Such sequences will not work in the \
                      future. Did you mean \"\\\\d\"? A raw string is also an option."
                .into()
        })
    );
    let (_, warning) = decode_str_warn(r"x\400x", false, false).unwrap_or_default();
    assert_eq!(
        warning.map(|w| w.message),
        Some(
            "\"\\400\" is an invalid octal escape sequence. Such sequences will not work in the \
             future. Did you mean \"\\\\400\"? A raw string is also an option."
                .into()
        )
    );
    // A backslash before a non-ASCII character is silently kept.
    assert_eq!(
        decode_str_warn(r"\é", false, false).map(|(_, w)| w),
        Ok(None)
    );
}

#[test]
fn raw_strings() {
    let raw = |b: &str| decode_str(b, true, false).map(|s| s.to_string_lossy());
    assert_eq!(raw(r"\x41\N{foo}\"), Ok(r"\x41\N{foo}\".to_owned()));
    assert_eq!(raw("a{{b}}"), Ok("a{{b}}".to_owned()));
    let rf = |b: &str| decode_str(b, true, true).map(|s| s.to_string_lossy());
    assert_eq!(rf(r"a{{b}}\x"), Ok(r"a{b}\x".to_owned()));
}

#[test]
fn fstring_braces() {
    let f = |b: &str| decode_str(b, false, true).map(|s| s.to_string_lossy());
    assert_eq!(f("a{{b}}c"), Ok("a{b}c".to_owned()));
    assert_eq!(f(r"\N{LEFT CURLY BRACKET}{{"), Ok("{{".to_owned()));
    assert_eq!(f(r"\{{"), Ok(r"\{".to_owned()));
    assert_eq!(f(r"\}}x"), Ok(r"\}x".to_owned()));
    assert_eq!(f(r"\x7b{{"), Ok("{{".to_owned()));
    assert_eq!(
        decode_str_warn(r"\{{", false, true).map(|(_, w)| w.map(|w| w.start)),
        Ok(Some(0))
    );
}

#[test]
fn str_errors_like_cpython() {
    let trunc_x = "truncated \\xXX escape";
    assert_eq!(err_of(r"\x"), unicode_error("0-1", trunc_x));
    assert_eq!(err_of(r"\x4"), unicode_error("0-2", trunc_x));
    assert_eq!(err_of(r"ab\x4g"), unicode_error("2-4", trunc_x));
    assert_eq!(err_of(r"é\x4"), unicode_error("10-12", trunc_x));
    assert_eq!(err_of(r"😀\x"), unicode_error("10-11", trunc_x));
    assert_eq!(err_of(r"\é\x"), unicode_error("16-17", trunc_x));
    assert_eq!(
        err_of(r"\é\N{\é"),
        unicode_error("16-34", "malformed \\N character escape")
    );
    assert_eq!(
        err_of(r"\N{\\é}"),
        unicode_error("0-15", "unknown Unicode character name")
    );
    assert_eq!(err_of("a\\\n\\x4"), unicode_error("3-5", trunc_x));
    assert_eq!(err_of("abc\ndef\\x"), unicode_error("7-8", trunc_x));
    assert_eq!(
        err_of(r"\u12"),
        unicode_error("0-3", "truncated \\uXXXX escape")
    );
    assert_eq!(
        err_of(r"\U1234"),
        unicode_error("0-5", "truncated \\UXXXXXXXX escape")
    );
    assert_eq!(
        err_of(r"\N{SPACE}\U0000000"),
        unicode_error("9-17", "truncated \\UXXXXXXXX escape")
    );
    assert_eq!(
        err_of(r"\U00110000"),
        unicode_error("0-9", "illegal Unicode character")
    );
    let malformed = "malformed \\N character escape";
    assert_eq!(err_of(r"\N"), unicode_error("0-1", malformed));
    assert_eq!(err_of(r"\N{"), unicode_error("0-2", malformed));
    assert_eq!(err_of(r"\N{}"), unicode_error("0-2", malformed));
    assert_eq!(
        err_of(r"\N{LATIN SMALL LETTER A"),
        unicode_error("0-22", malformed)
    );
    let unknown = "unknown Unicode character name";
    assert_eq!(err_of(r"\N{foo}"), unicode_error("0-6", unknown));
    assert_eq!(err_of(r"é\N{foo}"), unicode_error("10-16", unknown));
    assert_eq!(
        err_of(r"\N{LATIN_SMALL_LETTER_A}"),
        unicode_error("0-23", unknown)
    );
    assert_eq!(
        err_of(r"\N{LATINSMALLLETTERA}"),
        unicode_error("0-20", unknown)
    );
    assert_eq!(
        err_of(r"\N{LATIN SMALL LETTER A }"),
        unicode_error("0-24", unknown)
    );
    assert_eq!(
        err_of(r"\N{ LATIN SMALL LETTER A}"),
        unicode_error("0-24", unknown)
    );
    assert_eq!(
        err_of(r"\N{CJK UNIFIED IDEOGRAPH-2FFFF}"),
        unicode_error("0-30", unknown)
    );
    assert_eq!(
        err_of(r"\N{CJK UNIFIED IDEOGRAPH-04E00}"),
        unicode_error("0-30", unknown)
    );
    assert_eq!(
        err_of(r"\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"),
        unicode_error("0-47", unknown)
    );
    let e = decode_str(r"ab\x4g", false, false).err();
    assert_eq!(e.map(|e| (e.start, e.end)), Some((2, 5)));
}

#[test]
fn fstring_error_positions_restart_after_doubled_braces() {
    let ferr = |b: &str| decode_str(b, false, true).err().map(|e| e.message);
    let trunc_x = "truncated \\xXX escape";
    assert_eq!(ferr(r"a{{b\x"), Some(unicode_error("1-2", trunc_x)));
    assert_eq!(ferr(r"a}}b\x"), Some(unicode_error("1-2", trunc_x)));
    assert_eq!(ferr(r"a{{b}}cd\x"), Some(unicode_error("2-3", trunc_x)));
    assert_eq!(ferr(r"ab\x{{"), Some(unicode_error("2-3", trunc_x)));
    assert_eq!(ferr(r"é{{\x"), Some(unicode_error("0-1", trunc_x)));
    assert_eq!(
        ferr(r"ab\N{foo}"),
        Some(unicode_error("2-8", "unknown Unicode character name"))
    );
}

#[test]
fn bytes_like_cpython() {
    let b = |body: &str| decode_bytes(body, false);
    assert_eq!(
        b(r#"\\ \' \" \a \b \f \n \r \t \v"#),
        Ok(b"\\ ' \" \x07 \x08 \x0c \n \r \t \x0b".to_vec())
    );
    assert_eq!(
        b(r"\0\7\77\101\1012\400\777\8\9"),
        Ok(b"\x00\x07?AA2\x00\xff\\8\\9".to_vec())
    );
    assert_eq!(b(r"\x41\xff\xFf"), Ok(b"A\xff\xff".to_vec()));
    assert_eq!(
        b(r"\u0041\N{SPACE}\U00000041\d"),
        Ok(br"\u0041\N{SPACE}\U00000041\d".to_vec())
    );
    assert_eq!(b("a\\\nb"), Ok(b"ab".to_vec()));
    assert_eq!(decode_bytes(r"\x", true), Ok(br"\x".to_vec()));
    let msg = |body: &str| {
        decode_bytes(body, false)
            .err()
            .map(|e| (e.message, e.start, e.end))
    };
    let x = |pos: usize| format!("(value error) invalid \\x escape at position {pos}");
    assert_eq!(msg(r"\x"), Some((x(0), 0, 2)));
    assert_eq!(msg(r"\x4"), Some((x(0), 0, 3)));
    assert_eq!(msg(r"\x4g"), Some((x(0), 0, 3)));
    assert_eq!(msg(r"ab\x4"), Some((x(2), 2, 5)));
    assert_eq!(msg(r"a\xg0"), Some((x(1), 1, 3)));
    assert_eq!(msg(r"\\\x0"), Some((x(2), 2, 5)));
    let ascii_only = "bytes can only contain ASCII literal characters".to_owned();
    assert_eq!(msg("aé"), Some((ascii_only.clone(), 1, 3)));
    let raw = decode_bytes("é", true).err().map(|e| e.message);
    assert_eq!(raw, Some(ascii_only));
    let (_, warning) = decode_bytes_warn(r"\777", false).unwrap_or_default();
    assert_eq!(warning.map(|w| w.start), Some(0));
}

/// Checks every name CPython 3.14 knows. Run with `PROTOPY_NAMES=<file> cargo test -- --ignored`,
/// the file holding `hex;NAME` lines written by a loop over `unicodedata.name(chr(cp))` (and the
/// derived names `unicodedata.lookup` accepts).
#[test]
#[ignore]
fn every_cpython_name() {
    let Ok(path) = std::env::var("PROTOPY_NAMES") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut bad = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        let mut parts = line.split(';');
        let (Some(hex), Some(name)) = (parts.next(), parts.next()) else {
            continue;
        };
        let cp = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
        count += 1;
        if lookup_name(name) != cp || lookup_name(&name.to_ascii_lowercase()) != cp {
            bad.push(line.to_owned());
        }
        let loose = name.replace(' ', "_");
        if loose != name && lookup_name(&loose).is_some() {
            bad.push(format!("loose {loose}"));
        }
    }
    assert!(count > 100_000, "{count}");
    assert!(
        bad.is_empty(),
        "{} bad, first: {:?}",
        bad.len(),
        &bad[..bad.len().min(20)]
    );
}

/// Compares random literal bodies with CPython: run with `PROTOPY_ESCAPES=<file> cargo test --
/// --ignored`, the file holding `kind<TAB>hex(body)<TAB>result` lines, where kind is `s`, `b` or
/// `f` and result is `OK <hex code points or bytes>` or `ERR <SyntaxError message>`.
#[test]
#[ignore]
fn escapes_from_file() {
    let Ok(path) = std::env::var("PROTOPY_ESCAPES") else {
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
        let mut parts = line.splitn(3, '\t');
        let (Some(kind), Some(hex), Some(expected)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let is_ours = expected.starts_with("OK")
            || expected.contains("codec can't decode")
            || expected.contains("invalid \\x escape")
            || expected.contains("ASCII literal");
        if !is_ours {
            continue;
        }
        let body = String::from_utf8(hex_bytes(hex)).unwrap_or_default();
        count += 1;
        let got = match kind {
            "b" => match decode_bytes(&body, false) {
                Ok(b) => format!(
                    "OK {}",
                    b.iter().map(|x| format!("{x:02x}")).collect::<String>()
                ),
                Err(e) => format!("ERR {}", e.message),
            },
            _ => match decode_str(&body, false, kind == "f") {
                Ok(s) => {
                    let cps: Vec<String> = s.code_points().map(|c| format!("{c:x}")).collect();
                    format!("OK {}", cps.join(" "))
                }
                Err(e) => format!("ERR {}", e.message),
            },
        };
        if got.trim_end() != expected.trim_end() {
            bad.push(format!("{kind} {body:?}: {got} != {expected}"));
        }
    }
    assert!(count > 1000, "{count}");
    assert!(
        bad.is_empty(),
        "{} of {count} differ: {:#?}",
        bad.len(),
        &bad[..bad.len().min(15)]
    );
}

#[test]
fn implausible_names_are_rejected_without_panicking() {
    // Found by `cargo xtask fuzz parser`: unicode_names2 panicked on a name starting with '-'.
    for name in [
        "-BU(a, b)[c] -x = clLLET",
        "-A",
        " LATIN SMALL LETTER A",
        "",
        "A_B",
        "a\u{0}",
    ] {
        assert_eq!(lookup_name(name), None, "{name:?}");
    }
    assert_eq!(lookup_name("latin small letter a"), Some('a'));
    assert_eq!(lookup_name("HANGUL JUNGSEONG O-E"), Some('\u{1180}'));
    assert!(decode_str("\\N{-BU}", false, false).is_err());
}
