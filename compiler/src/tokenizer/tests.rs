//! Unit tests of the tokenizer, with token sequences and errors taken from CPython 3.14
//! (`tokenize._generate_tokens_from_c_tokenizer` and `compile()` on the reference interpreter).

#![allow(clippy::panic)]

use super::{tokenize, ErrorPriority, TokenKind};
use crate::text::LineIndex;

/// The tokens as `Kind'text'`, joined by spaces (Name/Keyword/Op show only their text).
fn toks(src: &str) -> String {
    let lines = LineIndex::new(src);
    let t = tokenize(src, &lines);
    assert!(
        t.error.is_none(),
        "unexpected error {:?} for {src:?}",
        t.error
    );
    t.tokens
        .iter()
        .map(|t| {
            let text = &src[t.range.start as usize..t.range.end as usize];
            match t.kind {
                TokenKind::Name | TokenKind::Keyword(_) | TokenKind::Op(_) => text.to_string(),
                k => format!("{k:?}'{text}'"),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The error as CPython shows it: class, message, line and 1-based character offset.
fn err(src: &str) -> (String, String, u32, usize) {
    let lines = LineIndex::new(src);
    let t = tokenize(src, &lines);
    let e = t.error.unwrap_or_else(|| panic!("no error for {src:?}"));
    assert_eq!(t.tokens.last().map(|t| t.kind), Some(TokenKind::Error));
    let line = src.split('\n').nth(e.lineno as usize - 1).unwrap_or("");
    (
        e.kind.name().to_string(),
        e.msg.clone(),
        e.lineno,
        e.char_offset(line),
    )
}

fn syn(msg: &str, line: u32, offset: usize) -> (String, String, u32, usize) {
    ("SyntaxError".to_string(), msg.to_string(), line, offset)
}

#[test]
fn statements_and_indentation() {
    assert_eq!(
        toks("if x:\n    y = 1  # c\n\n  # only a comment\nz\n"),
        "if x : Newline'\n' Indent'    ' y = Number'1' Newline'# c\n' Dedent'' z Newline'\n' \
         EndMarker''"
    );
    // No final newline: NEWLINE is empty at the end; DEDENTs come before ENDMARKER.
    assert_eq!(
        toks("def f():\n\treturn 1"),
        "def f ( ) : Newline'\n' Indent'\t' return Number'1' Newline'' Dedent'' EndMarker''"
    );
    assert_eq!(toks(""), "EndMarker''");
    assert_eq!(toks("# just a comment"), "EndMarker''");
    // Brackets join lines; a backslash continues one.
    assert_eq!(
        toks("x = (1,\n  2)\ny = 1 + \\\n 2\n"),
        "x = ( Number'1' , Number'2' ) Newline'\n' y = Number'1' + Number'2' Newline'\n' \
         EndMarker''"
    );
    // A form feed resets the column; a backslash-newline line before an empty line is fine.
    assert_eq!(
        toks("if x:\n  \x0cy\n"),
        "if x : Newline'\n' y Newline'\n' EndMarker''"
    );
    assert_eq!(toks("\\\n\n"), "EndMarker''");
}

#[test]
fn operators_and_keywords() {
    assert_eq!(
        toks("a**=b//c->d...e:=f!=g<>h"),
        "a **= b // c -> d ... e := f != g < > h Newline'' EndMarker''"
    );
    assert_eq!(
        toks("match _: case"),
        "match _ : case Newline'' EndMarker''"
    );
    assert_eq!(toks("x!"), "x ! Newline'' EndMarker''");
}

#[test]
fn numbers() {
    assert_eq!(
        toks("0x_fF 0o17 0b1_0 1_000.5e-3j .5 1. 1e5 0 00 0.0 09.5 1J"),
        "Number'0x_fF' Number'0o17' Number'0b1_0' Number'1_000.5e-3j' Number'.5' Number'1.' \
         Number'1e5' Number'0' Number'00' Number'0.0' Number'09.5' Number'1J' Newline'' EndMarker''"
    );
    // Followed by a keyword CPython only warns.
    assert_eq!(
        toks("0x1for x in y"),
        "Number'0x1f' or x in y Newline'' EndMarker''"
    );
    assert_eq!(
        toks("1if x else y"),
        "Number'1' if x else y Newline'' EndMarker''"
    );
    assert_eq!(toks("1else"), "Number'1' else Newline'' EndMarker''");
    assert_eq!(err("x = 1_a\n"), syn("invalid decimal literal", 1, 6));
    assert_eq!(err("1e\n"), syn("invalid decimal literal", 1, 1));
    assert_eq!(err("1__0\n"), syn("invalid decimal literal", 1, 2));
    assert_eq!(err("0x\n"), syn("invalid hexadecimal literal", 1, 2));
    assert_eq!(
        err("0o8\n"),
        syn("invalid digit '8' in octal literal", 1, 3)
    );
    assert_eq!(
        err("0o19\n"),
        syn("invalid digit '9' in octal literal", 1, 4)
    );
    assert_eq!(err("0b2"), syn("invalid digit '2' in binary literal", 1, 3));
    assert_eq!(err("0b1_\n"), syn("invalid binary literal", 1, 4));
    assert_eq!(err("1jx\n"), syn("invalid imaginary literal", 1, 2));
    let lz = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for \
              octal integers";
    assert_eq!(err("x = 0012\n"), syn(lz, 1, 5));
    assert_eq!(err("0_7\n"), syn(lz, 1, 1));
}

#[test]
fn strings() {
    assert_eq!(
        toks("Rb'a' u\"b\" '''c\n''' \"d\\\"\" br''"),
        "String'Rb'a'' String'u\"b\"' String''''c\n'''' String'\"d\\\"\"' String'br''' Newline'' \
         EndMarker''"
    );
    assert_eq!(
        err("\"abc"),
        syn("unterminated string literal (detected at line 1)", 1, 1)
    );
    assert_eq!(
        err("x = 'abc\\'\n"),
        syn(
            "unterminated string literal (detected at line 1); perhaps you escaped the end quote?",
            1,
            5
        )
    );
    assert_eq!(
        err("\"\"\"abc\nde"),
        syn(
            "unterminated triple-quoted string literal (detected at line 2)",
            1,
            1
        )
    );
    assert_eq!(
        err("\"\"\"\"\"\"\"\"\"x"),
        syn(
            "unterminated triple-quoted string literal (detected at line 1)",
            1,
            7
        )
    );
    assert_eq!(
        err("ub\"\""),
        syn("'u' and 'b' prefixes are incompatible", 1, 1)
    );
    assert_eq!(
        err("tf\"\""),
        syn("'f' and 't' prefixes are incompatible", 1, 1)
    );
}

#[test]
fn fstrings() {
    assert_eq!(
        toks("f'{x!r:>{w}}'"),
        "FStringStart'f'' { x ! r : FStringMiddle'>' { w } } FStringEnd''' Newline'' EndMarker''"
    );
    // Doubled braces and escapes stay in one middle token.
    assert_eq!(
        toks("f'a}}b{{c\\N{BULLET} {x}'"),
        "FStringStart'f'' FStringMiddle'a}}b{{c\\N{BULLET} ' { x } FStringEnd''' Newline'' \
         EndMarker''"
    );
    // The format spec starts at a top-level ':' only.
    assert_eq!(
        toks("f\"{x[1:2]}{d['a']!r:>10}{x:{w}.{p}f}{(lambda x: x)(1)}\""),
        "FStringStart'f\"' { x [ Number'1' : Number'2' ] } { d [ String''a'' ] ! r : \
         FStringMiddle'>10' } { x : { w } FStringMiddle'.' { p } FStringMiddle'f' } { ( lambda x : \
         x ) ( Number'1' ) } FStringEnd'\"' Newline'' EndMarker''"
    );
    // Nested f-strings with the same quotes (PEP 701), `=`, comments and newlines in fields.
    assert_eq!(
        toks("f\"{f\"{x=}\"}\""),
        "FStringStart'f\"' { FStringStart'f\"' { x = } FStringEnd'\"' } FStringEnd'\"' Newline'' \
         EndMarker''"
    );
    assert_eq!(
        toks("f'''{x # c\n}'''"),
        "FStringStart'f'''' { x } FStringEnd''''' Newline'' EndMarker''"
    );
    assert_eq!(
        toks("f\"{x\n}\""),
        "FStringStart'f\"' { x } FStringEnd'\"' Newline'' EndMarker''"
    );
    assert_eq!(
        toks("f\"\"\"{1:\n}\"\"\""),
        "FStringStart'f\"\"\"' { Number'1' : FStringMiddle'\n' } FStringEnd'\"\"\"' Newline'' \
         EndMarker''"
    );
    // A backslash before a brace leaves the brace to start a field; raw strings too.
    assert_eq!(
        toks("rf'\\{x}'"),
        "FStringStart'rf'' FStringMiddle'\\' { x } FStringEnd''' Newline'' EndMarker''"
    );
    assert_eq!(
        toks("t'a{b}' Tr'{c:d}'"),
        "TStringStart't'' TStringMiddle'a' { b } TStringEnd''' TStringStart'Tr'' { c : \
         TStringMiddle'd' } TStringEnd''' Newline'' EndMarker''"
    );
    // An empty format spec has no middle token (CPython has an empty one).
    assert_eq!(
        toks("f'{x:}'"),
        "FStringStart'f'' { x : } FStringEnd''' Newline'' EndMarker''"
    );
}

#[test]
fn fstring_errors() {
    assert_eq!(
        err("f\"}\""),
        syn("f-string: single '}' is not allowed", 1, 3)
    );
    assert_eq!(
        err("t\"}\""),
        syn("t-string: single '}' is not allowed", 1, 3)
    );
    assert_eq!(err("f\"{)}\""), syn("f-string: unmatched ')'", 1, 4));
    assert_eq!(err("f'{a'\n"), syn("f-string: expecting '}'", 1, 5));
    assert_eq!(
        err("f'abc\n"),
        syn("unterminated f-string literal (detected at line 1)", 1, 1)
    );
    assert_eq!(
        err("x = f'''abc\n"),
        syn(
            "unterminated triple-quoted f-string literal (detected at line 1)",
            1,
            5
        )
    );
    assert_eq!(
        err("t'abc\n"),
        syn("unterminated t-string literal (detected at line 1)", 1, 1)
    );
    assert_eq!(
        err("f'{1:\n}'\n"),
        syn(
            "f-string: newlines are not allowed in format specifiers for single quoted f-strings",
            1,
            6
        )
    );
    assert_eq!(
        err("f'{x:{y:{z:{w}}}}'\n"),
        syn("f-string: expressions nested too deeply", 1, 11)
    );
    // At the implied final newline.
    assert_eq!(
        err("f'{1:x"),
        syn(
            "f-string: newlines are not allowed in format specifiers for single quoted f-strings",
            1,
            7
        )
    );
    assert_eq!(err("f\"{x"), syn("'{' was never closed", 1, 3));
}

#[test]
fn bracket_errors() {
    assert_eq!(err("x = )"), syn("unmatched ')'", 1, 5));
    assert_eq!(
        err("x = (]"),
        syn(
            "closing parenthesis ']' does not match opening parenthesis '('",
            1,
            6
        )
    );
    assert_eq!(
        err("x = (1,\n[2,\n3)"),
        syn(
            "closing parenthesis ')' does not match opening parenthesis '[' on line 2",
            3,
            2
        )
    );
    assert_eq!(err("x = [1,\n 2,\n"), syn("'[' was never closed", 1, 5));
    let deep = "(".repeat(201);
    assert_eq!(err(&deep), syn("too many nested parentheses", 1, 201));
    let lines = LineIndex::new("f(x # c\n");
    assert_eq!(
        tokenize("f(x # c\n", &lines).priority,
        ErrorPriority::UnclosedBracket
    );
}

#[test]
fn indentation_errors() {
    let tab = (
        "TabError".to_string(),
        "inconsistent use of tabs and spaces in indentation".to_string(),
    );
    let e = err("if x:\n\ty\n        z\n");
    assert_eq!((e.0, e.1, e.2, e.3), (tab.0.clone(), tab.1.clone(), 3, 1));
    let e = err("if x:\n        y\n\tz\n");
    assert_eq!((e.0, e.1, e.2, e.3), (tab.0, tab.1, 3, 1));
    assert_eq!(
        err("if x:\n    y\n  z\n"),
        (
            "IndentationError".to_string(),
            "unindent does not match any outer indentation level".to_string(),
            3,
            4
        )
    );
    let mut deep = String::new();
    for i in 0..101 {
        deep.push_str(&" ".repeat(i));
        deep.push_str("if x:\n");
    }
    let e = err(&deep);
    assert_eq!(
        (e.1.as_str(), e.2, e.3),
        ("too many levels of indentation", 101, 1)
    );
}

#[test]
fn continuation_errors() {
    let msg = "unexpected character after line continuation character";
    assert_eq!(err("x = 1\\ y\n"), syn(msg, 1, 7));
    assert_eq!(err("        \\N{\n"), syn(msg, 1, 10));
    assert_eq!(err("a = (1,\n  2 \\N\n"), syn(msg, 2, 6));
    assert_eq!(err("x = 1 \\"), syn("unexpected EOF while parsing", 1, 8));
    assert_eq!(
        err("if x:\n  y\n\\\n"),
        syn("unexpected EOF while parsing", 3, 2)
    );
    assert_eq!(err("x = (1 \\\n"), syn("'(' was never closed", 1, 5));
}

#[test]
fn characters() {
    assert_eq!(toks("é = ℘"), "é = ℘ Newline'' EndMarker''");
    assert_eq!(err("x = 1€"), syn("invalid character '€' (U+20AC)", 1, 6));
    assert_eq!(err("a€ = 1"), syn("invalid character '€' (U+20AC)", 1, 2));
    assert_eq!(
        err("a\u{a0} = 1"),
        syn("invalid non-printable character U+00A0", 1, 2)
    );
    assert_eq!(
        err("x\x01"),
        syn("invalid non-printable character U+0001", 1, 2)
    );
    // `$` is the parser's "invalid syntax", unless a tokenizer error follows.
    assert_eq!(err("x = $"), syn("invalid syntax", 1, 5));
    assert_eq!(
        err("x = $ 'abc"),
        syn("unterminated string literal (detected at line 1)", 1, 7)
    );
    let e = err("x\ny\0\n");
    assert_eq!(
        (e.1.as_str(), e.2),
        ("source code cannot contain null bytes", 2)
    );
}

/// Arbitrary text never panics or stalls, and the tokens end as documented.
#[test]
fn never_panics() {
    let alphabet: Vec<char> = "ab_1 0x.eEjJ'\"\\\n\t\x0c#([{}]):!=fFrRbBtTuU{}$é€\u{a0}\x01N"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 24) as usize;
        let mut s = String::new();
        let mut x = seed;
        for _ in 0..len {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push(alphabet[(x >> 33) as usize % alphabet.len()]);
        }
        let lines = LineIndex::new(&s);
        let t = tokenize(&s, &lines);
        let last = t.tokens.last().map(|t| t.kind);
        match &t.error {
            Some(_) => assert_eq!(last, Some(TokenKind::Error), "{s:?}"),
            None => assert_eq!(last, Some(TokenKind::EndMarker), "{s:?}"),
        }
        for tok in &t.tokens {
            assert!(
                tok.range.start <= tok.range.end && tok.range.end as usize <= s.len(),
                "{s:?}"
            );
            assert!(s.is_char_boundary(tok.range.start as usize), "{s:?}");
            if matches!(
                tok.kind,
                TokenKind::FStringMiddle | TokenKind::TStringMiddle
            ) {
                assert!(tok.range.start < tok.range.end, "{s:?}");
            }
        }
    }
}
