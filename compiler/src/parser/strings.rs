//! String literals: implicit concatenation, escapes, f-strings (PEP 701) and t-strings (PEP 750),
//! and number literals. Mirrors `Parser/action_helpers.c` (`_PyPegen_concatenate_strings`,
//! `_PyPegen_formatted_value`) including where CPython puts the merged constants.

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprKind};
use crate::literals::{self, LiteralError};
use crate::pystr::PyStr;
use crate::text::TextRange;
use crate::tokenizer::{Op, Token, TokenKind};

/// A piece of a (possibly implicitly concatenated) string: literal text or a replacement field.
enum Piece {
    Text { value: PyStr, range: TextRange },
    Field(Expr),
}

/// What the prefix letters of a string token say.
#[derive(Clone, Copy, Default)]
struct Prefix {
    raw: bool,
    bytes: bool,
    unicode: bool,
}

fn prefix_of(text: &str) -> (Prefix, usize) {
    let mut p = Prefix::default();
    let mut len = 0;
    for b in text.bytes() {
        match b {
            b'r' | b'R' => p.raw = true,
            b'b' | b'B' => p.bytes = true,
            b'u' | b'U' => p.unicode = true,
            b'f' | b'F' | b't' | b'T' => {}
            _ => break,
        }
        len += 1;
    }
    (p, len)
}

/// Length of the quotes that open a string body starting at `text` (1 or 3).
fn quote_len(text: &str) -> usize {
    let b = text.as_bytes();
    if b.len() >= 6 && b[0] == b[1] && b[1] == b[2] {
        3
    } else {
        1
    }
}

impl Parser<'_> {
    /// One or more adjacent string, f-string or t-string literals: the current token is a
    /// `String`, `FStringStart` or `TStringStart`.
    pub(crate) fn parse_strings(&mut self) -> PResult<Expr> {
        let first = self.tok();
        let start = first.range.start;
        let mut pieces: Vec<Piece> = Vec::new();
        let mut bytes: Vec<u8> = Vec::new();
        let (mut n_bytes, mut n_str, mut n_f, mut n_t) = (0, 0, 0, 0);
        // CPython marks `kind='u'` only for a lowercase `u` prefix on the first literal.
        let first_is_u = first.kind == TokenKind::String && self.text(first.range).starts_with('u');
        loop {
            let tok = self.tok();
            match tok.kind {
                TokenKind::String => {
                    self.bump();
                    let text = self.text(tok.range);
                    let (prefix, plen) = prefix_of(text);
                    let q = quote_len(&text[plen..]);
                    let body_start = plen + q;
                    let body = &text[body_start..text.len() - q];
                    if prefix.bytes {
                        n_bytes += 1;
                        let value = literals::decode_bytes(body, prefix.raw)
                            .map_err(|e| self.literal_error(e, tok.range))?;
                        bytes.extend_from_slice(&value);
                    } else {
                        n_str += 1;
                        let value = literals::decode_str(body, prefix.raw, false)
                            .map_err(|e| self.literal_error(e, tok.range))?;
                        pieces.push(Piece::Text {
                            value,
                            range: tok.range,
                        });
                    }
                }
                TokenKind::FStringStart | TokenKind::TStringStart => {
                    let is_t = tok.kind == TokenKind::TStringStart;
                    if is_t {
                        n_t += 1;
                    } else {
                        n_f += 1;
                    }
                    self.nested(|p| p.parse_fstring(&mut pieces, is_t))?;
                }
                _ => break,
            }
        }
        let range = self.range_from(start);
        if n_bytes > 0 && (n_str + n_f + n_t) > 0 {
            return Err(self.error_at(self.tok().range, "cannot mix bytes and nonbytes literals"));
        }
        if n_t > 0 && (n_str + n_f + n_bytes) > 0 {
            return Err(self.error_at(
                range,
                "cannot mix t-string literals with string or bytes literals",
            ));
        }
        if n_bytes > 0 {
            return Ok(Expr::new(
                range,
                ExprKind::Constant {
                    value: Constant::Bytes(bytes),
                    kind: None,
                },
            ));
        }
        if n_f + n_t == 0 {
            let mut value = PyStr::new();
            for piece in &pieces {
                if let Piece::Text { value: v, .. } = piece {
                    value.push_pystr(v);
                }
            }
            let kind = if first_is_u { Some("u") } else { None };
            return Ok(Expr::new(
                range,
                ExprKind::Constant {
                    value: Constant::Str(value),
                    kind,
                },
            ));
        }
        let values = merge_pieces(pieces);
        let kind = if n_t > 0 {
            ExprKind::TemplateStr { values }
        } else {
            ExprKind::JoinedStr { values }
        };
        Ok(Expr::new(range, kind))
    }

    /// CPython reports a bad escape at the string token that holds it, not at the escape.
    fn literal_error(&self, e: LiteralError, token: TextRange) -> crate::error::SyntaxError {
        self.error_at(token, e.message)
    }

    /// One f-string or t-string, from its start token through its end token.
    fn parse_fstring(&mut self, pieces: &mut Vec<Piece>, is_t: bool) -> PResult<()> {
        let start_tok = self.bump();
        let (prefix, _) = prefix_of(self.text(start_tok.range));
        let (middle, end) = if is_t {
            (TokenKind::TStringMiddle, TokenKind::TStringEnd)
        } else {
            (TokenKind::FStringMiddle, TokenKind::FStringEnd)
        };
        loop {
            let tok = self.tok();
            if tok.kind == middle {
                self.bump();
                pieces.push(self.fstring_text(tok, prefix.raw)?);
            } else if tok.kind == end {
                self.bump();
                return Ok(());
            } else if tok.kind == TokenKind::Op(Op::LBrace) {
                self.parse_replacement_field(pieces, is_t, prefix.raw, true)?;
            } else {
                return Err(self.invalid_syntax());
            }
        }
    }

    fn fstring_text(&self, tok: Token, raw: bool) -> PResult<Piece> {
        let value = literals::decode_str(self.text(tok.range), raw, true)
            .map_err(|e| self.literal_error(e, tok.range))?;
        Ok(Piece::Text {
            value,
            range: tok.range,
        })
    }

    /// `{ expr [=] [!conv] [:spec] }`, pushing the debug text (for `=`) and the field itself.
    /// A t-string's own fields are `Interpolation`s; fields nested in a format spec (`top` false)
    /// are `FormattedValue`s in both kinds of string.
    fn parse_replacement_field(
        &mut self,
        pieces: &mut Vec<Piece>,
        is_t: bool,
        raw: bool,
        top: bool,
    ) -> PResult<()> {
        let which = if is_t { "t-string" } else { "f-string" };
        let lbrace = self.bump();
        let expr_first_token = self.mark();
        // CPython's `invalid_replacement_field`: a field with no expression before its end,
        // conversion, format spec or `=`.
        for (op, text) in [
            (Op::RBrace, "}"),
            (Op::Exclamation, "!"),
            (Op::Colon, ":"),
            (Op::Equal, "="),
        ] {
            if self.at_op(op) {
                let msg = format!("{which}: valid expression required before '{text}'");
                return Err(self.error_at(self.tok().range, msg));
            }
        }
        if self.at_kw(crate::tokenizer::Keyword::Lambda) {
            // The lambda's ':' reads as the start of a format spec.
            let start = self.start();
            let colon = self
                .tokens_from(self.mark())
                .iter()
                .find(|t| t.kind == TokenKind::Op(Op::Colon));
            let end = colon.map_or(self.tok().range.end, |t| t.range.end);
            let msg = format!("{which}: lambda expressions are not allowed without parentheses");
            return Err(self.error_at(TextRange::new(start, end), msg));
        }
        let value = if self.at_kw(crate::tokenizer::Keyword::Yield) {
            self.parse_yield_expr()?
        } else {
            self.parse_star_expressions()?
        };
        let expr_end = self.start();
        let mut debug = false;
        if self.at_op(Op::Equal) {
            self.bump();
            debug = true;
            let range = TextRange::new(lbrace.range.end, self.start());
            let text = self.text_without_comments(expr_first_token, range);
            pieces.push(Piece::Text {
                value: PyStr::from(text.as_str()),
                range,
            });
        }
        let mut conversion = -1;
        if self.at_op(Op::Exclamation) {
            let bang = self.bump();
            let tok = self.tok();
            if tok.kind != TokenKind::Name {
                let msg = format!("{which}: missing conversion character");
                return Err(self.error_at(tok.range, msg));
            }
            if tok.range.start != bang.range.end {
                let msg = format!(
                    "{which}: conversion type must come right after the exclamanation mark"
                );
                return Err(self.error_at(tok.range, msg));
            }
            conversion = match self.text(tok.range) {
                "s" => 's' as i32,
                "r" => 'r' as i32,
                "a" => 'a' as i32,
                other => {
                    let msg = format!("{which}: invalid conversion character '{other}': expected 's', 'r', or 'a'");
                    return Err(self.error_at(tok.range, msg));
                }
            };
            self.bump();
        }
        let mut format_spec = None;
        if self.at_op(Op::Colon) {
            let colon = self.bump();
            let mut spec = Vec::new();
            let middle = if is_t {
                TokenKind::TStringMiddle
            } else {
                TokenKind::FStringMiddle
            };
            loop {
                let tok = self.tok();
                if tok.kind == middle {
                    self.bump();
                    spec.push(self.fstring_text(tok, raw)?);
                } else if tok.kind == TokenKind::Op(Op::LBrace) {
                    self.nested(|p| p.parse_replacement_field(&mut spec, is_t, raw, false))?;
                } else {
                    break;
                }
            }
            let range = self.range_from(colon.range.start);
            let values = merge_pieces(spec);
            format_spec = Some(Box::new(Expr::new(range, ExprKind::JoinedStr { values })));
        }
        if self.at(TokenKind::Error) {
            return Err(self.tokenizer_error());
        }
        if !self.at_op(Op::RBrace) {
            let at_end = matches!(
                self.kind(),
                TokenKind::FStringEnd | TokenKind::TStringEnd | TokenKind::EndMarker
            );
            // CPython's `invalid_replacement_field`, by what the field got before the stray
            // token, which the error covers; at the string's end (no format spec), an empty
            // range.
            let tok = self.tok();
            let at_end = at_end && format_spec.is_none();
            let msg = if format_spec.is_some() {
                format!("{which}: expecting '}}', or format specs")
            } else if at_end {
                format!("{which}: expecting '}}'")
            } else if conversion != -1 {
                format!("{which}: expecting ':' or '}}'")
            } else if debug {
                format!("{which}: expecting '!', or ':', or '}}'")
            } else {
                // Two expressions side by side: CPython's `invalid_expression` fires first.
                let generic = self.error_at(tok.range, "invalid syntax");
                self.generic_error_at.set(Some(self.pos));
                if let Some(err) = self.missing_comma_error(&generic) {
                    return Err(err);
                }
                format!("{which}: expecting '=', or '!', or ':', or '}}'")
            };
            let range = if at_end {
                TextRange::new(tok.range.start, tok.range.start)
            } else {
                tok.range
            };
            return Err(self.error_at(range, msg));
        }
        self.bump();
        if debug && conversion == -1 && format_spec.is_none() {
            conversion = 'r' as i32;
        }
        let range = self.range_from(lbrace.range.start);
        let kind = if is_t && top {
            let text = self.text_without_comments(
                expr_first_token,
                TextRange::new(lbrace.range.end, expr_end),
            );
            let str = PyStr::from(text.as_str());
            ExprKind::Interpolation {
                value: Box::new(value),
                str,
                conversion,
                format_spec,
            }
        } else {
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            }
        };
        pieces.push(Piece::Field(Expr::new(range, kind)));
        Ok(())
    }

    /// The source text of `range` (a replacement field's expression, whose tokens start at
    /// index `first_token`) with comments removed, as CPython gives the text of `=` debug
    /// specifiers and t-string interpolations. Comments lie only in the gaps between tokens.
    fn text_without_comments(&self, first_token: usize, range: TextRange) -> String {
        let full = self.text(range);
        if !full.contains('#') {
            return full.to_string();
        }
        let mut out = String::with_capacity(full.len());
        let mut at = range.start;
        for tok in self.tokens_from(first_token) {
            if tok.range.start >= range.end {
                break;
            }
            out.push_str(&strip_comment(
                self.text(TextRange::new(at, tok.range.start)),
            ));
            out.push_str(self.text(tok.range));
            at = tok.range.end;
        }
        if at < range.end {
            out.push_str(&strip_comment(self.text(TextRange::new(at, range.end))));
        }
        out
    }

    /// The `Constant` for a `Number` token.
    pub(crate) fn number_constant(&self, tok: Token) -> PResult<Expr> {
        match literals::parse_number(self.text(tok.range)) {
            Ok(value) => Ok(Expr::new(
                tok.range,
                ExprKind::Constant { value, kind: None },
            )),
            Err(msg) => Err(self.error_at(tok.range, msg)),
        }
    }
}

/// Joins adjacent text pieces into one `Constant` spanning them all, drops empty ones, and
/// returns the values of a `JoinedStr`/`TemplateStr`.
fn merge_pieces(pieces: Vec<Piece>) -> Vec<Expr> {
    let mut values = Vec::new();
    let mut text: Option<(PyStr, TextRange)> = None;
    let flush = |text: &mut Option<(PyStr, TextRange)>, values: &mut Vec<Expr>| {
        if let Some((value, range)) = text.take() {
            if !value.is_empty() {
                values.push(Expr::new(
                    range,
                    ExprKind::Constant {
                        value: Constant::Str(value),
                        kind: None,
                    },
                ));
            }
        }
    };
    for piece in pieces {
        match piece {
            Piece::Text { value, range } => match &mut text {
                Some((acc, acc_range)) => {
                    acc.push_pystr(&value);
                    *acc_range = acc_range.cover(range);
                }
                None => text = Some((value, range)),
            },
            Piece::Field(expr) => {
                flush(&mut text, &mut values);
                values.push(expr);
            }
        }
    }
    flush(&mut text, &mut values);
    values
}

/// Whitespace between tokens with any `# comment` removed (the newline that ends it stays).
fn strip_comment(gap: &str) -> std::borrow::Cow<'_, str> {
    if !gap.contains('#') {
        return std::borrow::Cow::Borrowed(gap);
    }
    let mut out = String::with_capacity(gap.len());
    for (i, line) in gap.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.split('#').next().unwrap_or(""));
    }
    std::borrow::Cow::Owned(out)
}
