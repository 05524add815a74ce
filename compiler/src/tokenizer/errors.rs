//! Tokenizer errors, placed where CPython reports them: `_PyTokenizer_syntaxerror` (the
//! character before the read position), the `E_*` codes turned into errors by
//! `_Pypegen_tokenizer_error` in `Parser/pegen_errors.c`, and unclosed brackets.

use super::lexer::{Lexer, Stop};
use super::token::{Token, TokenKind};
use super::ErrorPriority;
use crate::error::{ErrorKind, Origin, SyntaxError};
use crate::text::TextRange;

impl Lexer<'_> {
    /// Records an error of the tokenizer's own (CPython's `_syntaxerror_range`) covering
    /// `start..end` and pushes the `Error` token.
    pub fn fail(
        &mut self,
        kind: ErrorKind,
        msg: impl Into<String>,
        start: usize,
        end: usize,
    ) -> Stop {
        self.fail_as(kind, msg, start, end, SyntaxError::from_tokenizer)
    }

    /// Records an error that CPython's parser raises for a tokenizer error code (the `E_*` codes
    /// of `_Pypegen_tokenizer_error`), starting at `start`, with the end column `end_col` (one of
    /// `SyntaxError`'s markers).
    pub(super) fn fail_in_parser(
        &mut self,
        kind: ErrorKind,
        msg: impl Into<String>,
        start: usize,
        end_col: u32,
    ) -> Stop {
        self.fail_as(kind, msg, start, start, |e| e.with_end(end_col))
    }

    fn fail_as(
        &mut self,
        kind: ErrorKind,
        msg: impl Into<String>,
        start: usize,
        end: usize,
        adjust: impl FnOnce(SyntaxError) -> SyntaxError,
    ) -> Stop {
        let end = end.min(self.src.len());
        let start = start.min(end);
        let range = TextRange::new(start as u32, end as u32);
        if self.error.is_none() {
            self.error = Some(adjust(SyntaxError::at(kind, msg, range, self.lines)));
            if !self.modes.is_empty() && self.priority == ErrorPriority::Always {
                self.priority = ErrorPriority::InFString;
            }
        }
        self.tokens.push(Token {
            kind: TokenKind::Error,
            range,
        });
        Stop
    }

    /// CPython's `_PyTokenizer_syntaxerror` with the read position at `cur`: the error points at
    /// the character before `cur`.
    pub fn syntax_error(&mut self, msg: impl Into<String>, cur: usize) -> Stop {
        let p = self.prev_char(cur);
        self.fail(ErrorKind::SyntaxError, msg, p, p)
    }

    /// Start of the character before `cur` (which may be a newline: CPython's line start moves
    /// only when it reads the next line).
    pub fn prev_char(&self, cur: usize) -> usize {
        if cur == 0 || cur > self.src.len() {
            // After the implied final newline: that newline, at the end.
            return cur.min(self.src.len());
        }

        let mut p = cur - 1;
        while p > 0 && !self.src.is_char_boundary(p) {
            p -= 1;
        }
        p
    }

    /// Reading past the cut made for a NUL byte.
    pub fn nul_error(&mut self) -> Stop {
        self.priority = ErrorPriority::Always;
        let p = self.end;
        self.fail_as(
            ErrorKind::SyntaxError,
            "source code cannot contain null bytes",
            p,
            p,
            |e| e,
        )
    }

    /// CPython's `E_EOF` (`unexpected EOF while parsing`, or an unclosed bracket) at `at`.
    pub(super) fn eof_error(&mut self, at: usize) -> Stop {
        if self.nul {
            return self.nul_error();
        }
        if let Some(&(c, off)) = self.parens.last() {
            self.priority = ErrorPriority::UnclosedBracket;
            let msg = format!("'{}' was never closed", c as char);
            let o = off as usize;
            // CPython reads the bracket's line back from its buffer, without the newline,
            // when the end of the input is on a later line.
            let last = self.src.len().saturating_sub(1) as u32;
            let eof_line = self.lines.line_col(last).0;
            let earlier = self.line_of(o) < eof_line;
            let p = self.fail_as(ErrorKind::SyntaxError, msg, o, o, |e| {
                let e = e.with_end(SyntaxError::NO_COLUMN);
                if earlier {
                    e.from_tokenizer()
                } else {
                    e
                }
            });
            // The error points at the bracket; the token stays at the end.
            let at = at.min(self.src.len()) as u32;
            if let Some(t) = self.tokens.last_mut() {
                t.range = TextRange::new(at, at);
            }

            return p;
        }
        // CPython points at the newline before the end.
        self.priority = ErrorPriority::WhenReached;
        let p = at.saturating_sub(1);
        let msg = "unexpected EOF while parsing";
        self.fail_in_parser(ErrorKind::SyntaxError, msg, p, SyntaxError::END_UNKNOWN)
    }

    /// "unexpected character after line continuation character", the character at `p`. CPython
    /// measures the column from the start of its input buffer, which is an earlier line after a
    /// multi-line token or another continuation, and clips it to the length of the line.
    pub(super) fn continuation_error(&mut self, p: usize) -> Stop {
        self.priority = ErrorPriority::WhenReached;
        let line = self.line_of(p);
        let ls = self.line_start(p);
        let mut e = p;
        while e < self.end && self.b[e] != b'\n' {
            e += 1;
        }
        let col = (p.saturating_sub(self.buf)).min(e - ls + 1) as u32;
        let msg = "unexpected character after line continuation character";
        let p = p.min(self.src.len());
        if self.error.is_none() {
            self.error = Some(SyntaxError {
                kind: ErrorKind::SyntaxError,
                msg: msg.to_string(),
                lineno: line,
                col,
                end_lineno: line,
                end_col: SyntaxError::NO_COLUMN,
                origin: Origin::Parser,
            });
        }
        self.tokens.push(Token {
            kind: TokenKind::Error,
            range: TextRange::new(p as u32, p as u32),
        });
        Stop
    }

    pub(super) fn tab_error(&mut self) -> Stop {
        self.priority = ErrorPriority::WhenReached;
        let p = self.line_start(self.pos);
        self.fail_in_parser(
            ErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            p,
            SyntaxError::NO_COLUMN,
        )
    }

    /// Called when lexing stops after an unknown character: keeps a later tokenizer error that
    /// CPython would report instead of "invalid syntax", and cuts the tokens at the character.
    pub(super) fn finish_unknown(&mut self) {
        let Some((count, at)) = self.unknown else {
            return;
        };
        let later = self.error.take();
        let keep = match (&later, self.priority) {
            (Some(e), ErrorPriority::Always) => e.msg != "invalid syntax",
            (Some(e), ErrorPriority::UnclosedBracket) => e.lineno < self.line_of(at),
            _ => false,
        };
        self.tokens.truncate(count);
        let range = TextRange::new(at as u32, at as u32 + 1);
        if let (true, Some(e)) = (keep, later) {
            self.error = Some(e);
        } else {
            self.priority = ErrorPriority::Always;
            self.error = Some(SyntaxError::at(
                ErrorKind::SyntaxError,
                "invalid syntax",
                range,
                self.lines,
            ));
        }
        self.tokens.push(Token {
            kind: TokenKind::Error,
            range,
        });
    }
}
