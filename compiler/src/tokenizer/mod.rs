//! The tokenizer: decoded source text to tokens, with CPython's indentation rules, f-/t-string
//! modes (PEP 701, PEP 750) and error messages. Mirrors `Parser/lexer/lexer.c`.
//!
//! Files: `lexer.rs` (main loop, indentation, names, operators, brackets), `errors.rs` (error
//! positions), `number.rs`, `string.rs` (strings and the text of f-/t-strings), `tests.rs`.

mod errors;
mod lexer;
mod number;
mod string;
#[cfg(test)]
mod tests;
mod token;

pub use token::{Keyword, Op, Token, TokenKind};

use crate::error::SyntaxError;
use crate::text::LineIndex;

/// The result of tokenizing a whole source text.
#[derive(Debug)]
pub struct Tokens {
    /// Every token, comments and non-logical newlines (NL) excluded. Ends with `EndMarker`, or
    /// with one `Error` token at the place the tokenizer stopped.
    pub tokens: Vec<Token>,
    /// The error that stopped the tokenizer, when the last token is `Error`.
    pub error: Option<SyntaxError>,
    /// How `error` ranks against an error the parser finds before reaching the `Error` token.
    pub priority: ErrorPriority,
}

/// How a tokenizer error ranks against a syntax error the parser finds earlier in the token
/// stream. CPython tokenizes lazily, and after a parser error it tokenizes the rest of the
/// source (`_PyPegen_tokenize_full_source_to_check_for_errors`): only some tokenizer errors
/// replace the parser's error then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorPriority {
    /// Replaces any parser error (most tokenizer errors, raised with `_PyTokenizer_syntaxerror`).
    Always,
    /// Raised inside an f-/t-string: an earlier parser error is kept.
    InFString,
    /// End of input inside brackets (`'(' was never closed`): replaces a parser error only when
    /// the parser's error is on a later line than the bracket.
    UnclosedBracket,
    /// Reported only when the parser reaches it: indentation errors, `TabError`, errors after
    /// a line continuation, unexpected EOF.
    WhenReached,
}

/// Tokenizes `src` (already decoded and with `\r\n` and `\r` normalized to `\n`).
///
/// An unknown character (`$`, `?`, `` ` ``) ends the tokens with an `Error` token whose error is
/// CPython's parser's "invalid syntax", or a later tokenizer error that CPython would report
/// instead.
pub fn tokenize(src: &str, lines: &LineIndex) -> Tokens {
    lexer::Lexer::new(src, lines).run()
}

/// One line per token, `Kind start-end 'text'` with (line, byte column) positions; for the
/// `tokens` example and for debugging.
pub fn dump(src: &str, tokens: &Tokens, lines: &LineIndex) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for t in &tokens.tokens {
        let (l1, c1) = lines.line_col(t.range.start);
        let (l2, c2) = lines.line_col(t.range.end);
        let text = src
            .get(t.range.start as usize..t.range.end as usize)
            .unwrap_or("");
        let kind = match t.kind {
            TokenKind::Op(op) => format!("Op({})", op.as_str()),
            TokenKind::Keyword(k) => format!("Keyword({})", k.as_str()),
            k => format!("{k:?}"),
        };
        let _ = writeln!(out, "{kind} {l1},{c1}-{l2},{c2} {text:?}");
    }
    if let Some(e) = &tokens.error {
        let _ = writeln!(
            out,
            "error {}: {} at {},{}-{},{} ({:?})",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.col,
            e.end_lineno,
            e.end_col,
            tokens.priority
        );
    }
    out
}
