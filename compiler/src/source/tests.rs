//! Tests of source decoding. Each case is a file's bytes and what CPython 3.14's
//! `compile(bytes, name, "exec", ast.PyCF_ONLY_AST)` made of it: the `str` constants of the tree
//! (which the decoded text must contain), or the `SyntaxError`'s message and line (0 for none).

use super::*;

type Expected = Result<&'static [&'static str], (&'static str, u32)>;

#[rustfmt::skip]
const CASES: &[(&str, &[u8], Expected)] = &[
    ("ascii_bad", b"# coding: ascii\x0ax = \x22\xf6\x22\x0a", Err(("'ascii' codec can't decode byte 0xf6 in position 21: ordinal not in range(128)", 0))),
    ("ascii_bad_l3", b"# coding: ascii\x0a\x0a\x0ax = \x22\xf6\x22\x0a", Err(("'ascii' codec can't decode byte 0xf6 in position 23: ordinal not in range(128)", 0))),
    ("bad_crlf_nonutf8", b"x = 1\x0d\x0ay = \x22\xf6\x22\x0d\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 2))),
    ("bad_utf8_in_comment_after_decl", b"# coding: utf-8\x0a# \xff\x0a", Err(("Non-UTF-8 code starting with '\\xff' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 2))),
    ("base_64", b"# coding: base_64\x0ax = 1\x0a", Err(("'base_64' is not a text encoding; use codecs.decode() to handle arbitrary codecs", 0))),
    ("big5", b"# coding: big5\x0ax = \x22\xa4@\x22\x0a", Ok(&["\u{4e00}"])),
    ("bom_bad", b"\xef\xbb\xbfx = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1))),
    ("bom_latin1decl", b"\xef\xbb\xbf# coding: latin-1\x0ax = 1\x0a", Err(("encoding problem: iso-8859-1 with BOM", 1))),
    ("bom_latin_line2", b"\xef\xbb\xbf#!/usr/bin/python\x0a# vim: set fileencoding=latin1 :\x0ax = 1\x0a", Err(("encoding problem: latin1 with BOM", 2))),
    ("bom_ok", b"\xef\xbb\xbfx = \x22\xc3\xa9\x22\x0a", Ok(&["\u{e9}"])),
    ("bom_only", b"\xef\xbb\xbf", Ok(&[])),
    ("bom_utf8_line2", b"\xef\xbb\xbf#!/usr/bin/python\x0a# coding: utf8\x0ax = 1\x0a", Err(("encoding problem: utf8 with BOM", 2))),
    ("bom_utf8decl", b"\xef\xbb\xbf# coding: utf-8\x0ax = 1\x0a", Ok(&[])),
    ("bom_utf8sig", b"\xef\xbb\xbf# coding: utf-8-sig\x0ax = 1\x0a", Ok(&[])),
    ("cp1252", b"# coding: cp1252\x0ax = \x22\x80\x22\x0a", Ok(&["\u{20ac}"])),
    ("cp1252_dash", b"# coding: windows-1252\x0ax = \x22\x80\x22\x0a", Ok(&["\u{20ac}"])),
    ("cp1252_undef", b"# coding: cp1252\x0ax = \x22\x81\x22\x0a", Err(("'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>", 0))),
    ("cp866", b"# coding: cp866\x0ax = \x22\x80\x22\x0a", Ok(&["\u{410}"])),
    ("cr_decl", b"# coding: latin-1\x0dx = \x22\xf6\x22\x0d", Ok(&["\u{f6}"])),
    ("cr_newlines", b"x = 1\x0d\x0ay = 2\x0dz = 3\x0a", Ok(&[])),
    ("crlf_ascii_bad", b"# coding: ascii\x0d\x0a\x0d\x0ax = \x22\xf6\x22\x0a", Err(("'ascii' codec can't decode byte 0xf6 in position 22: ordinal not in range(128)", 0))),
    // CPython decodes this one (its tokenizer then rejects U+0083); protopy has no EBCDIC codecs.
    ("decl_cp037", b"# coding: cp037\x0ax = 1\x0a", Err(("unknown encoding: cp037", 0))),
    ("decl_dotted", b"# coding: iso8859-1.x\x0ax = 1\x0a", Err(("unknown encoding: iso8859-1.x", 0))),
    ("decl_emacs", b"# -*- coding: iso-8859-15 -*-\x0ax = \x22\xa4\x22\x0a", Ok(&["\u{20ac}"])),
    ("decl_empty", b"# coding: \x0ax = 1\x0a", Ok(&[])),
    ("decl_hex", b"# coding: hex\x0ax = 1\x0a", Err(("'hex' is not a text encoding; use codecs.decode() to handle arbitrary codecs", 0))),
    ("decl_latin1_l1", b"# coding: l1\x0ax = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("decl_line1_code_line2", b"\x22\x22\x22\x0a# coding: latin-1\x0a\x22\x22\x22\x0ay = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 4, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 4))),
    ("decl_mbcs", b"# coding: mbcs\x0ax = 1\x0a", Err(("unknown encoding: mbcs", 0))),
    ("decl_nocomment", b"x = 1 # coding: latin-1\x0ay = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 2))),
    ("decl_rot13", b"# coding: rot13\x0ax = 1\x0a", Err(("'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs", 0))),
    ("decl_spaces", b"#   coding=  Latin_1  \x0ax = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("decl_tab", b"\x09\x0c# coding: latin-1\x0ax = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("decl_upper", b"# CODING: latin-1\x0ax = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 2))),
    ("decl_utf8_sig", b"# coding: utf-8-sig\x0ax = \x22\xc3\xa9\x22\x0a", Ok(&["\u{e9}"])),
    ("decl_utf_8_variants", b"# coding: UTF_8\x0ax = \x22\xc3\xa9\x22\x0a", Ok(&["\u{e9}"])),
    ("euc_jp", b"# coding: euc-jp\x0ax = \x22\xa4\xa2\x22\x0a", Ok(&["\u{3042}"])),
    ("euc_kr", b"# coding: euc-kr\x0ax = \x22\xb0\xa1\x22\x0a", Ok(&["\u{ac00}"])),
    ("eucjp_bad", b"# coding: euc_jp\x0ax = \x22\xa4\x22\x0a", Err(("'euc_jp' codec can't decode byte 0xa4 in position 22: illegal multibyte sequence", 0))),
    ("gb2312", b"# coding: gb2312\x0ax = \x22\xb0\xa1\x22\x0a", Ok(&["\u{554a}"])),
    ("gbk", b"# coding: gbk\x0ax = \x22\x81@\x22\x0a", Ok(&["\u{4e02}"])),
    ("iso8859_15", b"# coding: iso8859_15\x0ax = \x22\xa4\x22\x0a", Ok(&["\u{20ac}"])),
    ("isolatin1", b"# coding: iso-latin-1\x0ax = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("koi8", b"# coding: koi8-r\x0ax = \x22\xc1\x22\x0a", Ok(&["\u{430}"])),
    ("koi8u", b"# coding: koi8_u\x0ax = \x22\xa4\x22\x0a", Ok(&["\u{454}"])),
    ("latin1", b"# -*- coding: latin-1 -*-\x0ax = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("latin1_then_null", b"# coding: latin-1\x0ax = \x22\x00\x22\x0a", Err(("source code string cannot contain null bytes", 0))),
    ("latin1_upper", b"# coding: LATIN-1\x0ax = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("latin1foo", b"# coding: latin-1-foo\x0ax = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("lib_bad_coding2_py", b"\xef\xbb\xbf#coding: utf8\x0aprint('\xe6\x88\x91')\x0a", Err(("encoding problem: utf8 with BOM", 1))),
    ("lib_bad_coding_py", b"# -*- coding: uft-8 -*-\x0a", Err(("unknown encoding: uft-8", 0))),
    ("lib_badsyntax_pep3120_py", b"print(\x22b\xf6se\x22)\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1))),
    ("lib_coding20731_py", b"#coding:latin1\x0d\x0a\x0d\x0a\x0d\x0a\x0d\x0a", Ok(&[])),
    ("lib_module_koi8_r_py", b"# test koi8-r encoding\x0a# -*- encoding: koi8-r  -*-\x0atest = \x22\xf0\xcf\xda\xce\xc1\xce\xc9\xc5 \xc2\xc5\xd3\xcb\xcf\xce\xc5\xde\xce\xcf\xd3\xd4\xc9 \xd4\xd2\xc5\xc2\xd5\xc5\xd4 \xc2\xc5\xd3\xcb\xcf\xce\xc5\xde\xce\xcf\xc7\xcf \xd7\xd2\xc5\xcd\xc5\xce\xc9.\x22\x0a", Ok(&["\u{41f}\u{43e}\u{437}\u{43d}\u{430}\u{43d}\u{438}\u{435} \u{431}\u{435}\u{441}\u{43a}\u{43e}\u{43d}\u{435}\u{447}\u{43d}\u{43e}\u{441}\u{442}\u{438} \u{442}\u{440}\u{435}\u{431}\u{443}\u{435}\u{442} \u{431}\u{435}\u{441}\u{43a}\u{43e}\u{43d}\u{435}\u{447}\u{43d}\u{43e}\u{433}\u{43e} \u{432}\u{440}\u{435}\u{43c}\u{435}\u{43d}\u{438}."])),
    ("lib_tokenize_tests_latin1_coding_cookie_and_utf8_bom_sig_txt", b"\xef\xbb\xbf# -*- coding: latin1 -*-\x0a# IMPORTANT: this file has the u\x0a", Err(("encoding problem: latin1 with BOM", 1))),
    ("line2_after_blank", b"\x0a# coding: latin-1\x0ay = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("line2_after_code", b"x = 1\x0a# coding: latin-1\x0ay = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 3))),
    ("line3", b"#\x0a#\x0a# coding: latin-1\x0ay = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 4, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 4))),
    ("mac_roman", b"# coding: mac-roman\x0ax = \x22\x80\x22\x0a", Ok(&["\u{c4}"])),
    ("mixed_cr", b"x = 1\x0d\x0d\x0ay = 2\x0a", Ok(&[])),
    ("nonutf8", b"x = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1))),
    ("nonutf8_comment", b"# \xf6\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1))),
    ("nonutf8_l3", b"x = 1\x0ay = 2\x0az = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 3))),
    ("nonutf8_line2", b"# hello\x0a# \xe9\x0a", Err(("Non-UTF-8 code starting with '\\xe9' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 2))),
    ("null", b"x = 1\x0ay = \x22\x00\x22\x0a", Err(("source code string cannot contain null bytes", 0))),
    ("null_after_bad", b"x = \x22\xf6\x22\x0ay = \x22\x00\x22\x0a", Err(("source code string cannot contain null bytes", 0))),
    ("null_l1", b"\x00x = 1\x0a", Err(("source code string cannot contain null bytes", 0))),
    ("partial_bom", b"\xef\xbbx = 1\x0a", Err(("Non-UTF-8 code starting with '\\xef' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1))),
    ("shift_jis", b"# coding: shift_jis\x0ax = \x22\x82\xa0\x22\x0a", Ok(&["\u{3042}"])),
    ("sjis_bad", b"# coding: shift_jis\x0ax = \x22\x82\x22\x0a", Err(("'shift_jis' codec can't decode byte 0x82 in position 25: illegal multibyte sequence", 0))),
    ("spaces_name", b"# coding: latin 1\x0ax = \x22\xf6\x22\x0a", Ok(&["\u{f6}"])),
    ("surrogate_utf8", b"x = \x22\xed\xa0\x80\x22\x0a", Err(("Non-UTF-8 code starting with '\\xed' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1))),
    ("truncated_utf8_eof", b"x = \x22\xc3", Err(("Non-UTF-8 code starting with '\\xc3' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1))),
    ("unknown", b"# coding: uft-8\x0ax = 1\x0a", Err(("unknown encoding: uft-8", 0))),
    ("unknown_l2", b"#!python\x0a# coding: uft-8\x0ax = 1\x0a", Err(("unknown encoding: uft-8", 0))),
    ("utf16", b"# coding: utf-16\x0ax = 1\x0a", Err(("'utf-16-le' codec can't decode byte 0x0a in position 22: truncated data", 0))),
    ("utf8_2bad", b"# coding: utf8\x0ax = \x22\xf6\xf7\x22\x0a", Err(("'utf-8' codec can't decode byte 0xf6 in position 20: invalid start byte", 0))),
    ("utf8_decl_bad", b"# coding: utf-8\x0ax = \x22\xf6\x22\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 2))),
    ("utf8_decl_bad_l1", b"x = \x22\xf6\x22 # coding: utf-8\x0a", Err(("Non-UTF-8 code starting with '\\xf6' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1))),
    ("utf8foo", b"# coding: utf-8-foo\x0ax = \x22\xc3\xa9\x22\x0a", Ok(&["\u{e9}"])),
    ("utf8nodash_bad", b"# coding: utf8\x0ax = \x22\xf6\x22\x0a", Err(("'utf-8' codec can't decode byte 0xf6 in position 20: invalid start byte", 0))),
];

#[test]
fn cases_like_cpython() {
    for &(name, bytes, expected) in CASES {
        let got = decode_source(bytes);
        match expected {
            Ok(constants) => {
                let text = got.as_deref().map_err(|e| e.msg.clone());
                assert!(text.is_ok(), "{name}: {text:?}");
                let text = text.unwrap_or_default();
                assert!(!text.contains('\r'), "{name}");
                for c in constants {
                    assert!(text.contains(c), "{name}: {c:?} not in {text:?}");
                }
            }
            Err((msg, lineno)) => {
                let err = got.err().map(|e| (e.msg, e.lineno));
                assert_eq!(err, Some((msg.to_owned(), lineno)), "{name}");
            }
        }
    }
}

#[test]
fn newlines_are_normalized() {
    assert_eq!(
        decode_source(b"a\r\nb\rc\n\r\r\n").as_deref(),
        Ok("a\nb\nc\n\n\n")
    );
    assert_eq!(decode_source(b"\xef\xbb\xbfx\r\n").as_deref(), Ok("x\n"));
    assert_eq!(decode_source(b"").as_deref(), Ok(""));
    assert_eq!(decode_source(b"\xef\xbb\xbf").as_deref(), Ok(""));
}

#[test]
fn fast_path_agrees_with_slow_path() {
    for src in [
        &b"x = 1\n"[..],
        b"# coding: utf-8\nx = '\xc3\xa9'\n",
        b"# coding: latin-1\nx\n",
    ] {
        let fast = fast_path(src).map(str::to_owned);
        let fast_ok = fast.is_some();
        assert_eq!(fast_ok, !src.starts_with(b"# coding: latin"));
        assert!(fast.is_none() || fast.as_deref() == decode_source(src).ok().as_deref());
    }
    assert!(has_nul_or_cr(b"abcdefgh\rabc"));
    assert!(has_nul_or_cr(b"abcdefghabc\0"));
    assert!(has_nul_or_cr(b"\xff\xfe\x01\x00\x80\x81\x82\x83"));
    assert!(!has_nul_or_cr(
        "\u{e9}\u{20ac}\u{1f600}x\n\t\u{d}"
            .trim_end_matches('\r')
            .as_bytes()
    ));
}

#[test]
fn coding_spec_rules() {
    assert_eq!(
        find_coding_spec(b"# vim: set fileencoding=latin1 :\n"),
        Some(("latin1", 1))
    );
    assert_eq!(
        find_coding_spec(b"#!/usr/bin/env python\n# -*- coding: koi8-r -*-\n"),
        Some(("koi8-r", 2))
    );
    assert_eq!(
        find_coding_spec(b"\n  \t# coding=cp1252\n"),
        Some(("cp1252", 2))
    );
    assert_eq!(find_coding_spec(b"import os\n# coding: latin-1\n"), None);
    assert_eq!(find_coding_spec(b"#\n#\n# coding: latin-1\n"), None);
    assert_eq!(find_coding_spec(b"x = 1 # coding: latin-1\n"), None);
    assert_eq!(find_coding_spec(b"# coding: \n"), None);
    assert_eq!(
        find_coding_spec(b"# coding: , coding: latin-1\n"),
        Some(("latin-1", 1))
    );
    assert_eq!(find_coding_spec(b"# CODING: latin-1\n"), None);
    assert_eq!(normal_name("UTF_8"), "utf-8");
    assert_eq!(normal_name("utf-8-sig"), "utf-8");
    assert_eq!(normal_name("utf8"), "utf8");
    assert_eq!(normal_name("Latin_1"), "iso-8859-1");
    assert_eq!(normal_name("iso-latin-1-x"), "iso-8859-1");
    assert_eq!(normal_name("latin1"), "latin1");
}
