//! The lexer's core: the main loop, indentation, names, operators, brackets and errors. Mirrors
//! `tok_get_normal_mode` and the helpers around it in CPython's `Parser/lexer/lexer.c`.

use super::token::{Keyword, Op, Token, TokenKind};
use super::{ErrorPriority, Tokens};
use crate::error::{ErrorKind, SyntaxError};
use crate::ident;
use crate::text::{LineIndex, TextRange};

/// What [`Lexer::at`] answers past the end of the text (NUL bytes never reach the lexer).
pub(super) const EOF: u8 = 0;
/// Width of a tab in indentation; the consistency check also measures with width 1.
const TABSIZE: u32 = 8;
/// CPython's `MAXINDENT`: indentation levels, the base level included.
const MAXINDENT: usize = 100;
/// CPython's `MAXLEVEL`: open brackets.
const MAXLEVEL: usize = 200;

/// Signals that lexing stopped: an error was recorded, or `EndMarker` was pushed.
pub(super) struct Stop;

pub(super) type Lex = Result<(), Stop>;

/// The state of one f- or t-string being lexed (CPython's `tokenizer_mode`).
#[derive(Clone, Copy, Debug)]
pub(super) struct FMode {
    /// Lexing a replacement field's expression (CPython's `TOK_REGULAR_MODE`), else its text.
    pub regular: bool,
    pub quote: u8,
    pub triple: bool,
    pub raw: bool,
    pub tstring: bool,
    /// Offset of the prefix.
    pub start: u32,
    /// Brackets opened inside this string's replacement fields and not yet closed.
    pub curly_depth: i32,
    /// Nesting of replacement fields (format specs hold fields); -1 outside any.
    pub expr_depth: i32,
    pub in_spec: bool,
}

impl FMode {
    pub fn letter(&self) -> char {
        if self.tstring {
            't'
        } else {
            'f'
        }
    }
}

pub(super) struct Lexer<'a> {
    pub src: &'a str,
    pub b: &'a [u8],
    /// End of the text the lexer sees: the whole source, or the start of the first line that
    /// holds a NUL byte (reading that line is an error, as in CPython).
    pub end: usize,
    /// `end`, plus one when a final newline is implied (the last line lacks one).
    pub len: usize,
    /// Whether the text was cut at a line with a NUL byte.
    pub nul: bool,
    pub pos: usize,
    /// Start of the line where CPython's input buffer (`tok->buf`) starts: the last line read
    /// while no token was in progress. Only the column of a bad line continuation uses it.
    pub buf: usize,
    pub lines: &'a LineIndex,
    pub tokens: Vec<Token>,
    /// Indentation stack: (column with tabs to 8, column with tabs to 1).
    pub indents: Vec<(u32, u32)>,
    pending: i32,
    atbol: bool,
    /// Open brackets and their offsets.
    pub parens: Vec<(u8, u32)>,
    /// The f-/t-strings being lexed, innermost last.
    pub modes: Vec<FMode>,
    pub error: Option<SyntaxError>,
    pub priority: ErrorPriority,
    /// Set where an unknown character (`$`, `?`, `` ` ``) was seen: (token count, offset).
    pub unknown: Option<(usize, usize)>,
}

#[inline]
pub(super) fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, lines: &'a LineIndex) -> Self {
        let b = src.as_bytes();
        // `contains` is a fast byte search; the position is only needed when there is a NUL.
        let nul_at = if b.contains(&0) {
            b.iter().position(|&c| c == 0)
        } else {
            None
        };
        let (end, nul) = match nul_at {
            Some(i) => (
                b[..i]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map_or(0, |j| j + 1),
                true,
            ),
            None => (b.len(), false),
        };
        let len = if end > 0 && b[end - 1] != b'\n' {
            end + 1
        } else {
            end
        };
        let mut indents = Vec::with_capacity(16);
        indents.push((0, 0));
        Lexer {
            src,
            b,
            end,
            len,
            nul,
            pos: 0,
            buf: 0,
            lines,
            tokens: Vec::with_capacity(src.len() / 6 + 16),

            indents,
            pending: 0,
            atbol: true,
            parens: Vec::new(),
            modes: Vec::new(),
            error: None,
            priority: ErrorPriority::Always,
            unknown: None,
        }
    }

    /// The byte at `i`, the implied final newline, or [`EOF`].
    #[inline(always)]
    pub fn at(&self, i: usize) -> u8 {
        if i < self.end {
            self.b[i]
        } else if i < self.len {
            b'\n'
        } else {
            EOF
        }
    }

    #[inline]
    pub fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        let end = end.min(self.src.len());
        let start = start.min(end);
        self.tokens.push(Token {
            kind,
            range: TextRange::new(start as u32, end as u32),
        });
    }

    pub fn run(mut self) -> Tokens {
        let mut idle = 0;
        loop {
            let before = (self.pos, self.tokens.len());
            let r = if self.modes.last().is_some_and(|m| !m.regular) {
                self.fstring_middle()
            } else {
                self.normal()
            };
            if r.is_err() {
                if self.unknown.is_some() {
                    self.finish_unknown();
                }
                break;
            }
            if (self.pos, self.tokens.len()) == before {
                // A mode switch may consume nothing; two in a row would be a loop.
                idle += 1;
                if idle > 2 {
                    debug_assert!(false, "tokenizer made no progress at {}", self.pos);
                    let p = self.pos;
                    let _ = self.fail(ErrorKind::SyntaxError, "invalid syntax", p, p);
                    break;
                }
            } else {
                idle = 0;
            }
        }
        Tokens {
            tokens: self.tokens,
            error: self.error,
            priority: self.priority,
        }
    }

    /// Start of the line holding offset `i`.
    pub fn line_start(&self, i: usize) -> usize {
        let (line, _) = self.lines.line_col(i.min(self.src.len()) as u32);
        self.lines.line_start(line).unwrap_or(0) as usize
    }

    /// The line a read at `i` (possibly the implied newline or EOF) is on, as CPython counts.
    pub fn line_of(&self, i: usize) -> u32 {
        let i = if i >= self.len {
            self.len.saturating_sub(1)
        } else {
            i
        };
        self.lines.line_col(i.min(self.src.len()) as u32).0
    }

    // ---- normal mode ------------------------------------------------------------------------

    /// `\` then newline; CPython's `tok_continuation_line`. `pos` is at the backslash.
    fn continuation(&mut self) -> Lex {
        let p = self.pos + 1;
        if self.at(p) != b'\n' {
            if p >= self.len && self.nul {
                return Err(self.nul_error());
            }
            return Err(self.continuation_error(p));
        }
        self.pos = p + 1;
        if self.pos >= self.len {
            return Err(self.eof_error(self.pos));
        }
        Ok(())
    }

    /// Measures the indentation of a new line and queues INDENT/DEDENT tokens. Returns whether
    /// the line is blank (only whitespace and maybe a comment).
    fn indentation(&mut self) -> Result<bool, Stop> {
        let (mut col, mut altcol, mut cont_col) = (0u32, 0u32, 0u32);
        self.buf = self.pos;
        loop {
            match self.at(self.pos) {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    altcol += 1;
                }
                0x0c => {
                    col = 0;
                    altcol = 0;
                }
                b'\\' => {
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    self.continuation()?;
                    self.buf = self.pos;
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.at(self.pos);
        let blank = c == b'#' || c == b'\n';
        if blank || !self.parens.is_empty() {
            return Ok(blank);
        }
        if cont_col != 0 {
            col = cont_col;
            altcol = cont_col;
        }
        let (top, topalt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if altcol != topalt {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAXINDENT {
                self.priority = ErrorPriority::WhenReached;
                let p = self.line_start(self.pos);
                return Err(self.fail_in_parser(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                    p,
                    SyntaxError::NO_COLUMN,
                ));
            }
            if altcol <= topalt {
                return Err(self.tab_error());
            }
            self.pending += 1;
            self.indents.push((col, altcol));
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.pending -= 1;
                self.indents.pop();
            }
            let (top, topalt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                self.priority = ErrorPriority::WhenReached;
                let mut p = self.pos;
                while self.at(p) != b'\n' && p < self.len {
                    p += 1;
                }
                return Err(self.fail_in_parser(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    p,
                    SyntaxError::END_UNKNOWN,
                ));
            }
            if altcol != topalt {
                return Err(self.tab_error());
            }
        }
        Ok(false)
    }

    /// One step of CPython's `tok_get_normal_mode`: pushes at least one token, or stops.
    fn normal(&mut self) -> Lex {
        let mut blank = false;
        loop {
            if self.atbol {
                self.atbol = false;
                blank = self.indentation()?;
            }
            if self.pending != 0 {
                let p = self.pos;
                while self.pending < 0 {
                    self.push(TokenKind::Dedent, p, p);
                    self.pending += 1;
                }
                if self.pending > 0 {
                    let ls = self.line_start(p);
                    self.push(TokenKind::Indent, ls, p);
                    self.pending -= 1;
                }
                return Ok(());
            }
            // Skip spaces, tabs and form feeds.
            let mut p = self.pos;
            while p < self.end && matches!(self.b[p], b' ' | b'\t' | 0x0c) {
                p += 1;
            }
            self.pos = p;
            let mut c = self.at(p);
            let token_start = p;
            if c == b'#' {
                while p < self.end && self.b[p] != b'\n' {
                    p += 1;
                }
                self.pos = p;
                c = self.at(p);
            }
            if p >= self.len {
                if self.nul {
                    return Err(self.nul_error());
                }
                if !self.parens.is_empty() {
                    return Err(self.eof_error(p));
                }
                let e = self.src.len();
                self.push(TokenKind::EndMarker, e, e);
                return Err(Stop);
            }
            if c == b'\n' {
                self.pos = p + 1;
                self.atbol = true;
                if blank || !self.parens.is_empty() {
                    blank = false;
                    continue;
                }
                // As in CPython, a NEWLINE after a comment starts where the comment does.
                self.push(TokenKind::Newline, token_start, p + 1);
                return Ok(());
            }
            if c == b'\\' {
                self.continuation()?;
                continue;
            }
            return self.token(p, c);
        }
    }

    /// Lexes the token starting at `start` (not whitespace, comment, newline or EOF).
    fn token(&mut self, start: usize, c: u8) -> Lex {
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            return self.name_or_string(start);
        }
        if c.is_ascii_digit() {
            return self.number(start);
        }
        if c == b'.' {
            if self.at(start + 1).is_ascii_digit() {
                return self.number(start);
            }
            if self.at(start + 1) == b'.' && self.at(start + 2) == b'.' {
                return self.op(Op::Ellipsis, start, 3);
            }
            return self.op(Op::Dot, start, 1);
        }
        if c == b'"' || c == b'\'' {
            return self.string(start, start, false);
        }
        self.punctuation(start, c)
    }

    #[inline]
    fn op(&mut self, op: Op, start: usize, n: usize) -> Lex {
        self.pos = start + n;
        self.push(TokenKind::Op(op), start, start + n);
        Ok(())
    }

    /// A name, or a string literal with a prefix.
    fn name_or_string(&mut self, start: usize) -> Lex {
        const B: u8 = 1;
        const U: u8 = 2;
        const R: u8 = 4;
        const F: u8 = 8;
        const T: u8 = 16;
        let mut saw = 0u8;
        let mut p = start;
        loop {
            let bit = match self.at(p) | 0x20 {
                b'b' => B,
                b'u' => U,
                b'r' => R,
                b'f' => F,
                b't' => T,
                _ => 0,
            };
            if bit == 0 || saw & bit != 0 {
                break;
            }
            saw |= bit;
            p += 1;
            let q = self.at(p);
            if q == b'"' || q == b'\'' {
                let pairs: [(u8, u8, &str, &str); 7] = [
                    (U, B, "u", "b"),
                    (U, R, "u", "r"),
                    (U, F, "u", "f"),
                    (U, T, "u", "t"),
                    (B, F, "b", "f"),
                    (B, T, "b", "t"),
                    (F, T, "f", "t"),
                ];
                for (x, y, a, b) in pairs {
                    if saw & x != 0 && saw & y != 0 {
                        let msg = format!("'{a}' and '{b}' prefixes are incompatible");
                        return Err(self.fail(ErrorKind::SyntaxError, msg, start, p));
                    }
                }
                if saw & (F | T) != 0 {
                    return self.fstring_start(start, p, saw & R != 0, saw & T != 0);
                }
                return self.string(start, p, true);
            }
        }
        let mut nonascii = false;
        let b = self.b;
        let end = self.end;
        while p < end {
            let c = b[p];
            if c.is_ascii_alphanumeric() || c == b'_' {
                p += 1;
            } else if c >= 0x80 {
                nonascii = true;
                p += 1;
            } else {
                break;
            }
        }
        self.pos = p;
        if nonascii {
            return self.verify_identifier(start, p);
        }
        let kind = match Keyword::from_str(&self.src[start..p]) {
            Some(k) => TokenKind::Keyword(k),
            None => TokenKind::Name,
        };
        self.push(kind, start, p);
        Ok(())
    }

    /// PEP 3131 check of a name with non-ASCII characters (CPython's `verify_identifier`).
    fn verify_identifier(&mut self, start: usize, end: usize) -> Lex {
        let text = &self.src[start..end];
        for (i, ch) in text.char_indices() {
            let ok = if i == 0 {
                ident::is_id_start(ch)
            } else {
                ident::is_id_continue(ch)
            };
            if !ok {
                let at = start + i;
                let msg = if ident::is_printable(ch) {
                    format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.fail(ErrorKind::SyntaxError, msg, at, at));
            }
        }
        self.push(TokenKind::Name, start, end);
        Ok(())
    }

    /// Operators, delimiters and brackets.
    fn punctuation(&mut self, start: usize, c: u8) -> Lex {
        let c2 = self.at(start + 1);
        let c3 = self.at(start + 2);
        // A `:` at the top bracket level of a replacement field starts its format spec.
        if c == b':' {
            if let Some(m) = self.modes.last_mut() {
                if m.expr_depth >= 0 && m.curly_depth - 1 == m.expr_depth {
                    m.regular = false;
                    m.in_spec = true;
                    return self.op(Op::Colon, start, 1);
                }
            }
        }
        let (op, n) = match c {
            b'(' | b'[' | b'{' => return self.open_bracket(start, c),
            b')' | b']' | b'}' => return self.close_bracket(start, c),
            b'+' => eq_or(c2, Op::PlusEqual, Op::Plus),
            b'-' => match c2 {
                b'=' => (Op::MinEqual, 2),
                b'>' => (Op::RArrow, 2),
                _ => (Op::Minus, 1),
            },
            b'*' => match (c2, c3) {
                (b'*', b'=') => (Op::DoubleStarEqual, 3),
                (b'*', _) => (Op::DoubleStar, 2),
                (b'=', _) => (Op::StarEqual, 2),
                _ => (Op::Star, 1),
            },
            b'/' => match (c2, c3) {
                (b'/', b'=') => (Op::DoubleSlashEqual, 3),
                (b'/', _) => (Op::DoubleSlash, 2),
                (b'=', _) => (Op::SlashEqual, 2),
                _ => (Op::Slash, 1),
            },
            b'<' => match (c2, c3) {
                (b'<', b'=') => (Op::LeftShiftEqual, 3),
                (b'<', _) => (Op::LeftShift, 2),
                (b'=', _) => (Op::LessEqual, 2),
                _ => (Op::Less, 1),
            },
            b'>' => match (c2, c3) {
                (b'>', b'=') => (Op::RightShiftEqual, 3),
                (b'>', _) => (Op::RightShift, 2),
                (b'=', _) => (Op::GreaterEqual, 2),
                _ => (Op::Greater, 1),
            },
            b'=' => eq_or(c2, Op::EqEqual, Op::Equal),
            b'!' => eq_or(c2, Op::NotEqual, Op::Exclamation),
            b'%' => eq_or(c2, Op::PercentEqual, Op::Percent),
            b'&' => eq_or(c2, Op::AmperEqual, Op::Amper),
            b'|' => eq_or(c2, Op::VBarEqual, Op::VBar),
            b'^' => eq_or(c2, Op::CircumflexEqual, Op::Circumflex),
            b'@' => eq_or(c2, Op::AtEqual, Op::At),
            b':' => eq_or(c2, Op::ColonEqual, Op::Colon),
            b',' => (Op::Comma, 1),
            b';' => (Op::Semi, 1),
            b'~' => (Op::Tilde, 1),
            _ => return self.unknown_char(start, c),
        };
        self.op(op, start, n)
    }

    fn open_bracket(&mut self, start: usize, c: u8) -> Lex {
        if self.parens.len() >= MAXLEVEL {
            return Err(self.syntax_error("too many nested parentheses", start + 1));
        }
        self.parens.push((c, start as u32));
        if let Some(m) = self.modes.last_mut() {
            m.curly_depth += 1;
        }
        let op = match c {
            b'(' => Op::LPar,
            b'[' => Op::LSqb,
            _ => Op::LBrace,
        };
        self.op(op, start, 1)
    }

    fn close_bracket(&mut self, start: usize, c: u8) -> Lex {
        let cur = start + 1;
        if c == b'}' {
            if let Some(m) = self.modes.last() {
                if m.curly_depth == 0 {
                    let msg = format!("{}-string: single '}}' is not allowed", m.letter());
                    return Err(self.syntax_error(msg, cur));
                }
            }
        }
        let Some((opening, open_at)) = self.parens.pop() else {
            return Err(self.syntax_error(format!("unmatched '{}'", c as char), cur));
        };
        let matched = matches!((opening, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
        if !matched {
            if let Some(m) = self.modes.last() {
                if opening == b'{' && m.curly_depth - 1 == m.expr_depth {
                    let msg = format!("{}-string: unmatched '{}'", m.letter(), c as char);
                    return Err(self.syntax_error(msg, cur));
                }
            }
            let open_line = self.lines.line_col(open_at).0;
            let msg = if open_line != self.line_of(start) {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                    c as char, opening as char, open_line
                )
            } else {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                    c as char, opening as char
                )
            };
            return Err(self.syntax_error(msg, cur));
        }
        if let Some(m) = self.modes.last_mut() {
            m.curly_depth -= 1;
            if m.curly_depth < 0 {
                let msg = format!("{}-string: unmatched '{}'", m.letter(), c as char);
                return Err(self.syntax_error(msg, cur));
            }
            if c == b'}' && m.curly_depth == m.expr_depth {
                m.expr_depth -= 1;
                m.regular = false;
                m.in_spec = false;
            }
        }
        let op = match c {
            b')' => Op::RPar,
            b']' => Op::RSqb,
            _ => Op::RBrace,
        };
        self.op(op, start, 1)
    }

    /// A character that starts no token. Control characters are tokenizer errors; `$`, `?` and
    /// `` ` `` are a generic "invalid syntax" from CPython's parser, unless a tokenizer error
    /// follows (CPython looks for one on the rest of the source, and reports it instead).
    fn unknown_char(&mut self, start: usize, c: u8) -> Lex {
        if !(0x20..0x7f).contains(&c) {
            let msg = format!("invalid non-printable character U+{:04X}", c as u32);
            return Err(self.syntax_error(msg, start + 1));
        }
        if self.unknown.is_none() {
            self.unknown = Some((self.tokens.len(), start));
        }
        // Lex on, to find a later tokenizer error; `finish_unknown` settles the result.
        self.pos = start + 1;
        Ok(())
    }
}

#[inline]
fn eq_or(c2: u8, with_eq: Op, single: Op) -> (Op, usize) {
    if c2 == b'=' {
        (with_eq, 2)
    } else {
        (single, 1)
    }
}
