//! `ast.parse` as Lib/traceback.py calls it, with the `SyntaxWarning`s CPython's parser emits on
//! the way: invalid escape sequences in literals (Parser/string_parser.c) and numbers run into a
//! keyword such as `1if` (Parser/lexer/lexer.c, `verify_end_of_number`). CPython writes them to
//! stderr while it formats a traceback, as `<unknown>:LINE: SyntaxWarning: MESSAGE`.

use std::fmt;

use protopy_compiler::ast::Module;
use protopy_compiler::literals::{decode_bytes_warn, decode_str_warn};
use protopy_compiler::text::LineIndex;
use protopy_compiler::tokenizer::{self, Op, Token, TokenKind};
use protopy_compiler::SyntaxError;

/// What the `warnings` filters do with a `SyntaxWarning` from module `<unknown>`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SyntaxWarnings {
    /// The default filters: every warning is printed.
    #[default]
    Show,
    Ignore,
    /// `error`: the warning becomes a `SyntaxError`, so the parse fails.
    Error,
}

/// One `SyntaxWarning` raised while parsing, at `lineno` of the parsed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub lineno: u32,
    pub message: String,
}

impl fmt::Display for SyntaxWarning {
    /// `warnings.formatwarning` for a warning from `<unknown>` (which has no source line).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "<unknown>:{}: SyntaxWarning: {}",
            self.lineno, self.message
        )
    }
}

/// `ast.parse(text)`: the module, or `None` where CPython raises `SyntaxError` (a warning turned
/// into an error included); the warnings it shows are appended to `shown`.
pub(super) fn parse(
    text: &str,
    policy: SyntaxWarnings,
    shown: &mut Vec<SyntaxWarning>,
) -> Option<Module> {
    let result = protopy_compiler::parse_module(text);
    if policy == SyntaxWarnings::Ignore {
        return result.ok();
    }
    let warnings = parse_warnings(text, result.as_ref().err());
    if warnings.is_empty() {
        return result.ok();
    }
    if policy == SyntaxWarnings::Error {
        return None;
    }
    shown.extend(warnings);
    result.ok()
}

/// An f-string or t-string being read: its own literal parts are decoded (and warned about) only
/// once the whole string has been parsed.
struct FString<'a> {
    raw: bool,
    /// `{` minus `}` since the start: literal parts inside braces are format specs.
    depth: usize,
    deferred: Vec<&'a str>,
}

/// The warnings CPython emits while parsing `text`, in order; `error` is set when the parse
/// failed.
pub(super) fn parse_warnings(text: &str, error: Option<&SyntaxError>) -> Vec<SyntaxWarning> {
    // Only escapes and numbers can warn.
    if !text.bytes().any(|b| b == b'\\' || b.is_ascii_digit()) {
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    // The parser warns about literals only as far as its first pass got; the lexer warns about
    // every token it reads, and after most failed parses it reads to the end.
    let cutoff = if error.is_some() {
        reach(text, 0)
    } else {
        usize::MAX
    };
    let lexer_cutoff = match error {
        Some(err) if err.msg == "unexpected indent" => cutoff,
        _ => usize::MAX,
    };
    let tokens = tokenizer::tokenize(text, &lines).tokens;
    let line_at = |offset: usize| lines.line_col(offset as u32).0;
    let mut out = Vec::new();
    let mut fstrings: Vec<FString<'_>> = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        let (start, end) = (tok.range.start as usize, tok.range.end as usize);
        let Some(source) = text.get(start..end) else {
            continue;
        };
        if start >= lexer_cutoff {
            break;
        }
        match tok.kind {
            TokenKind::Number => {
                if let Some(message) = number_warning(source, tokens.get(i + 1), tok, text) {
                    out.push(SyntaxWarning {
                        lineno: line_at(end),
                        message,
                    });
                }
            }
            TokenKind::String if start < cutoff => {
                if let Some((escape, message)) = string_warning(source) {
                    out.push(SyntaxWarning {
                        lineno: line_at(start + escape),
                        message,
                    });
                }
            }
            TokenKind::FStringStart | TokenKind::TStringStart => {
                let raw = source.bytes().any(|b| b == b'r' || b == b'R');
                fstrings.push(FString {
                    raw,
                    depth: 0,
                    deferred: Vec::new(),
                });
            }
            TokenKind::Op(Op::LBrace) => {
                if let Some(fs) = fstrings.last_mut() {
                    fs.depth += 1;
                }
            }
            TokenKind::Op(Op::RBrace) => {
                if let Some(fs) = fstrings.last_mut() {
                    fs.depth = fs.depth.saturating_sub(1);
                }
            }
            TokenKind::FStringMiddle | TokenKind::TStringMiddle => {
                let Some(fs) = fstrings.last_mut().filter(|fs| !fs.raw) else {
                    continue;
                };
                // The lexer warns about each `\{` as it reads the part; the parser decodes the
                // part later and warns about its first other invalid escape.
                for offset in brace_escapes(source) {
                    out.push(SyntaxWarning {
                        lineno: line_at(start + offset),
                        message: brace_message(),
                    });
                }
                let Ok((_, Some(warning))) = decode_str_warn(source, false, true) else {
                    continue;
                };
                if is_brace_escape(&warning.message) || start >= cutoff {
                    // Already reported, or beyond where the parser got.
                } else if fs.depth > 0 {
                    // A format spec is decoded as soon as it is parsed.
                    out.push(SyntaxWarning {
                        lineno: line_at(start + warning.start),
                        message: warning.message,
                    });
                } else {
                    fs.deferred.push(source);
                }
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                let Some(fs) = fstrings.pop() else {
                    continue;
                };
                if start >= cutoff {
                    continue;
                }
                // Lines count from the closing quote's line.
                let base = line_at(start);
                for part in fs.deferred {
                    let Ok((_, Some(warning))) = decode_str_warn(part, false, true) else {
                        continue;
                    };
                    let before = part.get(..warning.start).unwrap_or("");
                    let newlines = before.matches('\n').count() as u32;
                    out.push(SyntaxWarning {
                        lineno: base + newlines,
                        message: warning.message,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// How far CPython's parser got on its first pass over `text` (a byte offset; `usize::MAX` when
/// it parses): the parser emits literal warnings only up to there. A failed parse is reported
/// from a second pass, or as the tokenizer's error, so the place is estimated from the error:
/// a generic `invalid syntax` is reported where the first pass stopped; the other parser errors
/// name a construct that the first pass read to its end (`x = y` aside, which stops at the
/// `=`); for a tokenizer error, the parser got at most as far as the bad token, and the text
/// before it is parsed alone (with its open brackets closed when it ends inside them).
fn reach(text: &str, depth: u32) -> usize {
    let Err(err) = protopy_compiler::parse_module(text) else {
        return usize::MAX;
    };
    let lines = LineIndex::new(text);
    let offset = |line: u32, col: u32| {
        if col == SyntaxError::NO_COLUMN {
            return text.len();
        }
        lines
            .line_start(line)
            .map_or(text.len(), |start| (start + col) as usize)
    };
    let tokens = tokenizer::tokenize(text, &lines);
    if depth < 4 && tokens.error.as_ref() == Some(&err) {
        let stop = tokens.tokens.last().map_or(0, |t| t.range.start as usize);
        if err.msg.ends_with("was never closed") {
            let closed = format!("{text}\n{}", closers(&tokens.tokens));
            return reach(&closed, depth + 1).min(text.len());
        }
        return match text.get(..stop) {
            Some(head) if stop < text.len() => reach(head, depth + 1).min(stop),
            _ => stop,
        };
    }
    if err.msg == "invalid syntax" {
        return offset(err.lineno, err.col);
    }
    if err
        .msg
        .starts_with("invalid syntax. Maybe you meant '==' or ':='")
    {
        let start = offset(err.lineno, err.col);
        let equal = tokens
            .tokens
            .iter()
            .find(|t| t.range.start as usize >= start && t.kind == TokenKind::Op(Op::Equal));
        return equal.map_or(start, |t| t.range.start as usize);
    }
    if err.end_col == SyntaxError::END_UNKNOWN {
        // No end column (an unexpected indent): the parser stopped where the error starts.
        return offset(err.lineno, err.col);
    }
    offset(err.end_lineno, err.end_col)
}

/// The brackets that close every bracket left open at the end of `tokens`.
fn closers(tokens: &[Token]) -> String {
    let mut open = Vec::new();
    for tok in tokens {
        match tok.kind {
            TokenKind::Op(Op::LPar) => open.push(')'),
            TokenKind::Op(Op::LSqb) => open.push(']'),
            TokenKind::Op(Op::LBrace) => open.push('}'),
            TokenKind::Op(Op::RPar | Op::RSqb | Op::RBrace) => {
                open.pop();
            }
            _ => {}
        }
    }
    open.iter().rev().collect()
}

/// Byte offsets of the backslashes in an f-string part that escape a `{` (or end the part, where a
/// replacement field follows).
fn brace_escapes(part: &str) -> Vec<usize> {
    let bytes = part.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            if matches!(bytes.get(i + 1), None | Some(b'{')) {
                found.push(i);
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    found
}

fn brace_message() -> String {
    "\"\\{\" is an invalid escape sequence. Such sequences will not work in the future. Did you \
     mean \"\\\\{\"? A raw string is also an option."
        .to_owned()
}

fn is_brace_escape(message: &str) -> bool {
    message.starts_with("\"\\{\"") || message.starts_with("\"\\}\"")
}

/// `invalid decimal literal` and the like, for a number directly followed by a word that the
/// lexer lets through with a warning: `and`, `else`, `for`, `not` or `or`, or anything starting
/// with `if`, `in` or `is` (the lexer looks at two letters only there).
fn number_warning(source: &str, next: Option<&Token>, tok: &Token, text: &str) -> Option<String> {
    let next = next.filter(|next| next.range.start == tok.range.end)?;
    if !matches!(next.kind, TokenKind::Name | TokenKind::Keyword(_)) {
        return None;
    }
    let word = text.get(next.range.start as usize..next.range.end as usize)?;
    let lets_through = matches!(word, "and" | "else" | "for" | "not" | "or")
        || ["if", "in", "is"].iter().any(|w| word.starts_with(w));
    if !lets_through {
        return None;
    }
    let lower = source.to_ascii_lowercase();
    let kind = if lower.starts_with("0x") {
        "hexadecimal"
    } else if lower.starts_with("0o") {
        "octal"
    } else if lower.starts_with("0b") {
        "binary"
    } else if lower.ends_with('j') {
        "imaginary"
    } else {
        "decimal"
    };
    Some(format!("invalid {kind} literal"))
}

/// The warning for a complete string or bytes literal: the byte offset of the escape within the
/// token, and the message.
fn string_warning(source: &str) -> Option<(usize, String)> {
    let prefix_len = source.bytes().take_while(u8::is_ascii_alphabetic).count();
    let prefix = &source[..prefix_len];
    if prefix.bytes().any(|b| b == b'r' || b == b'R') {
        return None;
    }
    let quoted = &source[prefix_len..];
    let quote = if quoted.starts_with("\"\"\"") || quoted.starts_with("'''") {
        3
    } else {
        1
    };
    let body = quoted.get(quote..quoted.len().checked_sub(quote)?)?;
    let warning = if prefix.bytes().any(|b| b == b'b' || b == b'B') {
        decode_bytes_warn(body, false).ok()?.1
    } else {
        decode_str_warn(body, false, false).ok()?.1
    }?;
    Some((prefix_len + quote + warning.start, warning.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(text: &str) -> String {
        let kind = if text.starts_with('4') {
            "invalid octal escape sequence"
        } else {
            "invalid escape sequence"
        };
        format!(
            "\"\\{text}\" is an {kind}. Such sequences will not work in the future. Did you mean \
             \"\\\\{text}\"? A raw string is also an option."
        )
    }

    /// What `ast.parse` emitted under CPython 3.14 (`warnings.catch_warnings(record=True)`).
    #[test]
    fn warnings_match_cpython() {
        let num = |kind: &str| format!("invalid {kind} literal");
        let cases: Vec<(&str, Vec<(u32, String)>)> = vec![
            (
                r#""\d" + 1if 1 else 2"#,
                vec![(1, esc("d")), (1, num("decimal"))],
            ),
            (r#""\400" "\z""#, vec![(1, esc("400")), (1, esc("z"))]),
            (
                r#"f"\d{x:\q{y:\w}\z}\y""#,
                vec![
                    (1, esc("q")),
                    (1, esc("w")),
                    (1, esc("z")),
                    (1, esc("d")),
                    (1, esc("y")),
                ],
            ),
            (
                r#"f"\d{"\q"}\w""#,
                vec![(1, esc("q")), (1, esc("d")), (1, esc("w"))],
            ),
            (
                "f\"\"\"\n\\d{x}\n\\q\"\"\"",
                vec![(4, esc("d")), (4, esc("q"))],
            ),
            ("\"\"\"\n\n\\d\"\"\"", vec![(3, esc("d"))]),
            ("\"\\\n\\d\"", vec![(2, esc("d"))]),
            (r#"f"\{x}""#, vec![(1, esc("{"))]),
            (r#"rb"\d" + Rb"\d" + Br"\q""#, vec![]),
            ("0x1for x in y", vec![(1, num("hexadecimal"))]),
            ("[0o7if 1 else 2]", vec![(1, num("octal"))]),
            ("0b1and 1", vec![(1, num("binary"))]),
            ("1jif 1 else 2", vec![(1, num("imaginary"))]),
            ("1.if 1 else 2", vec![(1, num("decimal"))]),
            // After `i`, the lexer looks at one more letter only.
            ("x = 2.ind", vec![(1, num("decimal"))]),
            ("[1isx]", vec![(1, num("decimal"))]),
            ("1andx", vec![]),
            (r#"f"\d\{x}""#, vec![(1, esc("{")), (1, esc("d"))]),
            (r#"f"\{a}\{b}""#, vec![(1, esc("{")), (1, esc("{"))]),
            (r#"f"\\.\p\{x.y"#, vec![(1, esc("{"))]),
            // Failed parses: literals as far as the parser got, numbers to the end.
            (r#"x = "\d" if 1"#, vec![(1, esc("d"))]),
            (r#"x = ("\z""#, vec![(1, esc("z"))]),
            ("(\nacct = '\\q'\n)", vec![]),
            (r#"x = 1 + ) "\d""#, vec![]),
            (r#"x "\d""#, vec![]),
            (r#"x y "\z" "\400" 1if 1 else 2"#, vec![(1, num("decimal"))]),
            (r#"x = "\z" $ "\q""#, vec![(1, esc("z"))]),
            ("x = 1\n  y = \"\\z\"", vec![]),
        ];
        for (src, expected) in cases {
            let mut shown = Vec::new();
            parse(src, SyntaxWarnings::Show, &mut shown);
            let got: Vec<_> = shown.into_iter().map(|w| (w.lineno, w.message)).collect();
            assert_eq!(got, expected, "{src:?}");
        }
    }

    #[test]
    fn filters_decide_what_a_warning_does() {
        let mut shown = Vec::new();
        assert!(parse(r#"x = "\d""#, SyntaxWarnings::Ignore, &mut shown).is_some());
        assert!(parse(r#"x = "\d""#, SyntaxWarnings::Error, &mut shown).is_none());
        assert!(parse(r#"x = "\\d""#, SyntaxWarnings::Error, &mut shown).is_some());
        assert!(shown.is_empty());
        let line = SyntaxWarning {
            lineno: 2,
            message: "invalid decimal literal".to_owned(),
        };
        assert_eq!(
            line.to_string(),
            "<unknown>:2: SyntaxWarning: invalid decimal literal\n"
        );
    }
}
