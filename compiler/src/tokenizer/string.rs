//! String literals, and the text parts of f- and t-strings (PEP 701, PEP 750). Mirrors
//! `_PyLexer_scan_string`, `_PyLexer_scan_fstring_start` and `_PyLexer_get_fstring_mode` of
//! CPython's `Parser/lexer/` (`lexer.c`, `string.c`).

use super::lexer::{FMode, Lex, Lexer, Stop};
use super::token::TokenKind;
use crate::error::ErrorKind;

/// CPython's `MAXFSTRINGLEVEL`: f-/t-strings nested in each other's replacement fields.
const MAXFSTRINGLEVEL: usize = 150;
/// CPython's `MAX_EXPR_NESTING`: replacement fields nested in format specs.
const MAX_EXPR_NESTING: i32 = 3;

impl Lexer<'_> {
    /// A string literal (not f/t) whose opening quote is at `q`; `start` is where its prefix
    /// starts.
    pub(super) fn string(&mut self, start: usize, q: usize, _prefixed: bool) -> Lex {
        let quote = self.b[q];
        let mut p = q + 1;
        let triple = self.at(p) == quote && self.at(p + 1) == quote;
        if triple {
            p += 2;
        } else if self.at(p) == quote {
            self.pos = p + 1;
            self.push(TokenKind::String, start, p + 1);
            return Ok(());
        }
        let b = self.b;
        let end = self.end;
        let mut escaped_quote = false;
        loop {
            // Fast path over ordinary bytes.
            while p < end {
                let c = b[p];
                if c == quote || c == b'\\' || c == b'\n' {
                    break;
                }
                p += 1;
            }
            let c = self.at(p);
            if p >= self.len || (!triple && c == b'\n') {
                return Err(self.unterminated_string(start, quote, triple, escaped_quote, p));
            }
            p += 1;
            if c == quote {
                if !triple {
                    break;
                }
                if self.at(p) == quote && self.at(p + 1) == quote {
                    p += 2;
                    break;
                }
            } else if c == b'\\' {
                if self.at(p) == quote {
                    escaped_quote = true;
                }
                if p < self.len {
                    p += 1;
                }
            }
        }
        self.pos = p;
        self.push(TokenKind::String, start, p);
        Ok(())
    }

    fn unterminated_string(
        &mut self,
        start: usize,
        quote: u8,
        triple: bool,
        escaped_quote: bool,
        at: usize,
    ) -> Stop {
        if at >= self.len && self.nul {
            return self.nul_error();
        }
        let detected = self.line_of(at);
        if let Some(m) = self.modes.last() {
            if m.quote == quote && m.triple == triple {
                let msg = format!("{}-string: expecting '}}'", m.letter());
                return self.fail(ErrorKind::SyntaxError, msg, start, start);
            }
        }
        let msg = if triple {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else if escaped_quote {
            format!(
                "unterminated string literal (detected at line {detected}); perhaps you escaped \
                 the end quote?"
            )
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        self.fail(ErrorKind::SyntaxError, msg, start, start)
    }

    /// The prefix and opening quote(s) of an f- or t-string; the quote is at `q`.
    pub(super) fn fstring_start(
        &mut self,
        start: usize,
        q: usize,
        raw: bool,
        tstring: bool,
    ) -> Lex {
        let quote = self.b[q];
        let triple = self.at(q + 1) == quote && self.at(q + 2) == quote;
        let end = if triple { q + 3 } else { q + 1 };
        if self.modes.len() + 1 >= MAXFSTRINGLEVEL {
            return Err(self.syntax_error("too many nested f-strings or t-strings", end));
        }
        self.modes.push(FMode {
            regular: false,
            quote,
            triple,
            raw,
            tstring,
            start: start as u32,
            curly_depth: 0,
            expr_depth: -1,
            in_spec: false,
        });
        self.pos = end;
        let kind = if tstring {
            TokenKind::TStringStart
        } else {
            TokenKind::FStringStart
        };
        self.push(kind, start, end);
        Ok(())
    }

    fn push_middle(&mut self, m: &FMode, start: usize, end: usize) {
        if end > start {
            let kind = if m.tstring {
                TokenKind::TStringMiddle
            } else {
                TokenKind::FStringMiddle
            };
            self.push(kind, start, end);
        }
    }

    /// The literal text of an f-/t-string (or of a format spec) up to a replacement field, the
    /// end of the spec or the closing quote(s). Unlike CPython, which cuts the text after each
    /// doubled brace and `\N{...}`, the whole run is one token.
    pub(super) fn fstring_middle(&mut self) -> Lex {
        let Some(&m) = self.modes.last() else {
            return Ok(());
        };
        let start = self.pos;
        let mut p = start;
        let mut unicode_escape = false;
        let b = self.b;
        let end = self.end;
        loop {
            while p < end {
                let c = b[p];
                if c == m.quote || c == b'{' || c == b'}' || c == b'\\' || c == b'\n' {
                    break;
                }
                p += 1;
            }
            let c = self.at(p);
            let in_spec = m.in_spec && m.expr_depth >= 0;
            if p >= self.len || (!m.triple && c == b'\n') {
                return Err(self.unterminated_fstring(&m, in_spec, p));
            }
            if c == m.quote {
                let close = if m.triple {
                    self.at(p + 1) == m.quote && self.at(p + 2) == m.quote
                } else {
                    true
                };
                if close {
                    self.push_middle(&m, start, p);
                    let e = if m.triple { p + 3 } else { p + 1 };
                    let kind = if m.tstring {
                        TokenKind::TStringEnd
                    } else {
                        TokenKind::FStringEnd
                    };
                    self.push(kind, p, e);
                    self.pos = e;
                    self.modes.pop();
                    return Ok(());
                }
                p += 1;
            } else if c == b'{' {
                if self.at(p + 1) != b'{' || in_spec {
                    self.push_middle(&m, start, p);
                    self.pos = p;
                    if m.expr_depth + 1 >= MAX_EXPR_NESTING {
                        let msg = format!("{}-string: expressions nested too deeply", m.letter());
                        return Err(self.syntax_error(msg, p));
                    }
                    if let Some(top) = self.modes.last_mut() {
                        top.expr_depth += 1;
                        top.regular = true;
                        top.in_spec = false;
                    }
                    return Ok(());
                }
                p += 2;
                unicode_escape = false;
            } else if c == b'}' {
                if unicode_escape {
                    unicode_escape = false;
                    p += 1;
                    continue;
                }
                if self.at(p + 1) == b'}' && !in_spec && m.curly_depth == 0 {
                    p += 2;
                    continue;
                }
                self.push_middle(&m, start, p);
                self.pos = p;
                if let Some(top) = self.modes.last_mut() {
                    top.regular = true;
                    top.in_spec = false;
                }
                return Ok(());
            } else if c == b'\\' {
                p += 1;
                let e = self.at(p);
                if e == b'{' || e == b'}' {
                    continue;
                }
                if p < self.len {
                    p += 1;
                }
                if !m.raw && e == b'N' && self.at(p) == b'{' {
                    p += 1;
                    unicode_escape = true;
                }
            } else {
                // A newline in a triple-quoted string.
                p += 1;
            }
        }
    }

    fn unterminated_fstring(&mut self, m: &FMode, in_spec: bool, at: usize) -> Stop {
        if at >= self.len && self.nul {
            return self.nul_error();
        }
        let l = m.letter();
        if in_spec && at < self.len {
            let msg = format!(
                "{l}-string: newlines are not allowed in format specifiers for single quoted \
                 {l}-strings"
            );
            return self.syntax_error(msg, at + 1);
        }
        let detected = self.line_of(at);
        let msg = if m.triple {
            format!("unterminated triple-quoted {l}-string literal (detected at line {detected})")
        } else {
            format!("unterminated {l}-string literal (detected at line {detected})")
        };
        let s = m.start as usize;
        self.fail(ErrorKind::SyntaxError, msg, s, s)
    }
}
