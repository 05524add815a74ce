//! The parser: tokens to AST, by hand-written recursive descent with precedence climbing for
//! expressions. Follows the rules of CPython's `Grammar/python.gram`; error messages are CPython's.
//!
//! Files: `mod.rs` (cursor, errors, entry points), `expr.rs` (expressions, calls, comprehensions,
//! targets), `strings.rs` (string literals and f-/t-strings), `stmt.rs` (statements),
//! `params.rs` (parameters of `def`/`lambda`, type parameters), `pattern.rs` (`match` patterns).

mod expr;
mod expr_tail;
mod params;
mod pattern;
mod stmt;
mod stmt_compound;
mod stmt_import;
mod strings;

use crate::ast::{Ident, Module};
use crate::error::{ErrorKind, Origin, SyntaxError};
use crate::text::{LineIndex, TextRange};
use crate::tokenizer::{self, ErrorPriority, Keyword, Op, Token, TokenKind};

pub(crate) type PResult<T> = Result<T, SyntaxError>;

/// Deepest nesting of recursive rules (unary operators, conditional expressions, lambdas,
/// brackets, blocks) before the parser gives up as CPython does, with a `MemoryError`. CPython's
/// limit is 6000 frames of its parser; measured on 3.14.10 it accepts 5966 nested unary minus
/// or conditional expressions and 2983 lambdas or `**` (two frames each), which these weights
/// reproduce (a top-level statement itself takes one level).
const MAX_DEPTH: u32 = 5967;

/// Stack left below which a nested rule continues on a fresh segment of this size.
const NESTED_RED_ZONE: usize = 128 << 10;
const NESTED_SEGMENT: usize = 4 << 20;

/// Stack the parser wants available: below this much it moves to a fresh stack segment.
const STACK_RED_ZONE: usize = 4 << 20;
const STACK_SEGMENT: usize = 16 << 20;
/// If the stack still runs this low, the nesting is refused rather than overflowing.
const STACK_MINIMUM: usize = 32 << 10;

/// Parses decoded, newline-normalized source text into a module.
pub fn parse_module(src: &str) -> PResult<Module> {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || {
        let mut parser = Parser::new(src);
        let result = parser.parse_file();
        result.map_err(|err| {
            let err = parser.missing_comma_error(&err).unwrap_or(err);
            let err = parser.rank_errors(err);
            parser.text_origin(err)
        })
    })
}

pub(crate) struct Parser<'src> {
    pub(crate) src: &'src str,
    pub(crate) lines: LineIndex,
    tokens: Vec<Token>,
    tok_error: Option<SyntaxError>,
    tok_error_priority: ErrorPriority,
    pos: usize,
    depth: u32,
    /// The furthest token index the parser has looked at: CPython's last fetched token
    /// (`p->tokens[p->fill - 1]`), which decides whether an unclosed bracket is reported.
    furthest: std::cell::Cell<usize>,
    /// Where the last generic "invalid syntax" was raised (a token index).
    generic_error_at: std::cell::Cell<Option<usize>>,
}

impl<'src> Parser<'src> {
    pub(crate) fn new(src: &'src str) -> Self {
        let lines = LineIndex::new(src);
        let toks = tokenizer::tokenize(src, &lines);
        let mut tokens = toks.tokens;
        let end = src.len() as u32;
        if tokens.is_empty() {
            tokens.push(Token {
                kind: TokenKind::EndMarker,
                range: TextRange::new(end, end),
            });
        }
        // CPython's tokenizer puts ENDMARKER on the file's last newline, and errors found at the
        // end of the file are reported there.
        if let Some(last) = tokens.last_mut() {
            if last.kind == TokenKind::EndMarker && src.ends_with('\n') {
                last.range = TextRange::new(end - 1, end - 1);
            }
        }
        Parser {
            src,
            lines,
            tokens,
            tok_error: toks.error,
            tok_error_priority: toks.priority,
            pos: 0,
            depth: 0,
            furthest: std::cell::Cell::new(0),
            generic_error_at: std::cell::Cell::new(None),
        }
    }

    // ---- the token cursor -------------------------------------------------------------------

    /// The current token (the last one, `EndMarker` or `Error`, once everything is consumed).
    pub(crate) fn tok(&self) -> Token {
        self.token_at(self.pos)
    }

    /// The token at index `i` (clamped to the last), recorded as looked at.
    fn token_at(&self, i: usize) -> Token {
        let i = i.min(self.tokens.len() - 1);
        if i > self.furthest.get() {
            self.furthest.set(i);
        }
        self.tokens[i]
    }

    pub(crate) fn kind(&self) -> TokenKind {
        self.tok().kind
    }

    /// The kind of the token `n` places ahead of the current one.
    pub(crate) fn nth(&self, n: usize) -> TokenKind {
        self.token_at(self.pos + n).kind
    }

    pub(crate) fn nth_tok(&self, n: usize) -> Token {
        self.token_at(self.pos + n)
    }

    /// Consumes the current token and returns it. Never moves past the last token.
    pub(crate) fn bump(&mut self) -> Token {
        let t = self.tok();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        t
    }

    /// The tokens from index `from` on.
    pub(crate) fn tokens_from(&self, from: usize) -> &[Token] {
        self.tokens.get(from..).unwrap_or(&[])
    }

    /// Where the cursor is, for backtracking with [`Parser::reset`].
    pub(crate) fn mark(&self) -> usize {
        self.pos
    }

    pub(crate) fn reset(&mut self, mark: usize) {
        self.pos = mark;
    }

    /// The source text of a range.
    pub(crate) fn text(&self, range: TextRange) -> &'src str {
        &self.src[range.start as usize..range.end as usize]
    }

    pub(crate) fn tok_text(&self) -> &'src str {
        self.text(self.tok().range)
    }

    /// Start offset of the current token.
    pub(crate) fn start(&self) -> u32 {
        self.tok().range.start
    }

    /// End offset of the last consumed token that is not NEWLINE, INDENT or DEDENT: where
    /// CPython ends a node (`_PyPegen_get_last_nonnwhitespace_token`), so a compound statement
    /// ends with its last statement, a trailing `;` included.
    pub(crate) fn prev_end(&self) -> u32 {
        self.tokens[..self.pos]
            .iter()
            .rev()
            .find(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
                )
            })
            .map_or(0, |t| t.range.end)
    }

    /// The range from `start` to the end of the last consumed token.
    pub(crate) fn range_from(&self, start: u32) -> TextRange {
        TextRange::new(start, self.prev_end().max(start))
    }

    pub(crate) fn at_op(&self, op: Op) -> bool {
        self.kind() == TokenKind::Op(op)
    }

    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        let hit = self.at_op(op);
        if hit {
            self.bump();
        }
        hit
    }

    pub(crate) fn expect_op(&mut self, op: Op) -> PResult<Token> {
        if self.at_op(op) {
            Ok(self.bump())
        } else {
            Err(self.expected(op.as_str()))
        }
    }

    pub(crate) fn at_kw(&self, kw: Keyword) -> bool {
        self.kind() == TokenKind::Keyword(kw)
    }

    pub(crate) fn eat_kw(&mut self, kw: Keyword) -> bool {
        let hit = self.at_kw(kw);
        if hit {
            self.bump();
        }
        hit
    }

    pub(crate) fn expect_kw(&mut self, kw: Keyword) -> PResult<Token> {
        if self.at_kw(kw) {
            Ok(self.bump())
        } else {
            Err(self.expected(kw.as_str()))
        }
    }

    pub(crate) fn at(&self, kind: TokenKind) -> bool {
        self.kind() == kind
    }

    pub(crate) fn eat(&mut self, kind: TokenKind) -> bool {
        let hit = self.at(kind);
        if hit {
            self.bump();
        }
        hit
    }

    pub(crate) fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.at(kind) {
            Ok(self.bump())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// Is the current token the soft keyword (a `Name`) `word`?
    pub(crate) fn at_soft_kw(&self, word: &str) -> bool {
        self.kind() == TokenKind::Name && self.tok_text() == word
    }

    /// Consumes a `Name` and returns its NFKC-normalized identifier and range.
    pub(crate) fn expect_name(&mut self) -> PResult<(Ident, TextRange)> {
        if self.kind() == TokenKind::Name {
            let t = self.bump();
            Ok((self.ident(t.range), t.range))
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// The identifier spelled by `range`, NFKC-normalized.
    pub(crate) fn ident(&self, range: TextRange) -> Ident {
        crate::ident::normalize(self.text(range)).into_owned()
    }

    // ---- recursion limit --------------------------------------------------------------------

    /// Enters a recursive rule; pair with [`Parser::leave`].
    pub(crate) fn enter(&mut self) -> PResult<()> {
        self.enter_weighted(1)
    }

    fn enter_weighted(&mut self, weight: u32) -> PResult<()> {
        self.depth += weight;
        let low_stack = stacker::remaining_stack().is_some_and(|left| left < STACK_MINIMUM);
        if self.depth > MAX_DEPTH || low_stack {
            self.depth -= weight;
            let msg = "Parser stack overflowed - Python source too complex to parse";
            return Err(SyntaxError::at(
                ErrorKind::MemoryError,
                msg,
                self.tok().range,
                &self.lines,
            ));
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- errors -----------------------------------------------------------------------------

    pub(crate) fn error_at(&self, range: TextRange, msg: impl Into<String>) -> SyntaxError {
        self.positioned(
            SyntaxError::at(ErrorKind::SyntaxError, msg, range, &self.lines),
            range,
        )
    }

    pub(crate) fn indentation_error_at(
        &self,
        range: TextRange,
        msg: impl Into<String>,
    ) -> SyntaxError {
        self.positioned(
            SyntaxError::at(ErrorKind::IndentationError, msg, range, &self.lines),
            range,
        )
    }

    /// CPython's DEDENT tokens have no column: an error placed on one has offset 0. Its
    /// NEWLINE token is one character on its line, even where the source ends without one.
    fn positioned(&self, err: SyntaxError, range: TextRange) -> SyntaxError {
        let t = self.tokens[self.pos.min(self.tokens.len() - 1)];
        if t.range != range {
            return err;
        }
        match t.kind {
            // At the end of the input CPython's column is the end of the last line.
            TokenKind::Dedent if (t.range.start as usize) < self.src.len() => err.without_column(),
            TokenKind::Newline => {
                let end = err.col.saturating_add(1);
                err.with_end(end)
            }
            _ => err,
        }
    }

    /// CPython's generic error at the current token; the tokenizer's own error when the current
    /// token is where it stopped.
    pub(crate) fn invalid_syntax(&self) -> SyntaxError {
        let t = self.tok();
        match t.kind {
            TokenKind::Error => self.tokenizer_error(),
            // CPython points at the indentation's last column.
            TokenKind::Indent => {
                let at = TextRange::new(
                    t.range.end.saturating_sub(1).max(t.range.start),
                    t.range.end,
                );
                // INDENT tokens have no end column.
                self.indentation_error_at(at, "unexpected indent")
                    .with_end(SyntaxError::END_UNKNOWN)
            }
            TokenKind::Dedent => self
                .indentation_error_at(t.range, "unexpected unindent")
                .without_column()
                .with_end(SyntaxError::END_UNKNOWN),
            TokenKind::EndMarker => self.error_at(t.range, "invalid syntax").without_column(),
            _ => self.legacy_statement_error().unwrap_or_else(|| {
                self.generic_error_at.set(Some(self.pos));
                self.error_at(t.range, "invalid syntax")
            }),
        }
    }

    /// CPython's `invalid_expression` rule for two expressions side by side inside brackets:
    /// "invalid syntax. Perhaps you forgot a comma?", covering both. Tried when parsing failed
    /// with the generic error at token `i`: an expression must end just before `i` and another
    /// start at `i`.
    pub(super) fn missing_comma_error(&mut self, err: &SyntaxError) -> Option<SyntaxError> {
        let i = self.generic_error_at.get()?;
        if err.msg != "invalid syntax"
            || i == 0
            || self.tokens[i].range.start != err_start(self, err)?
        {
            return None;
        }
        let depth: i32 = self.tokens[..i]
            .iter()
            .map(|t| match t.kind {
                TokenKind::Op(Op::LPar | Op::LSqb | Op::LBrace) => 1,
                TokenKind::Op(Op::RPar | Op::RSqb | Op::RBrace) => -1,
                _ => 0,
            })
            .sum();
        if depth <= 0 || self.in_def_parameters(i) {
            // CPython still tries to read an expression here, and what it fetches counts
            // when deciding whether an unclosed bracket is reported instead.
            let saved = (self.pos, self.depth);
            self.reset(i);
            let _ = self.parse_expression();
            (self.pos, self.depth) = saved;
            return None;
        }
        let start = self.element_start(i)?;
        let first = self.tokens[start];
        let second = self.tokens.get(start + 1).map(|t| t.kind);
        let soft_keyword = first.kind == TokenKind::Name
            && matches!(self.text(first.range), "match" | "case" | "type" | "_");
        let name_string = first.kind == TokenKind::Name
            && matches!(
                second,
                Some(TokenKind::String | TokenKind::FStringStart | TokenKind::TStringStart)
            );
        if soft_keyword || name_string {
            return None;
        }
        let saved = (self.pos, self.depth);
        self.reset(start);
        let a = self.parse_disjunction().ok().filter(|_| self.pos == i);
        let b = a.as_ref().and_then(|_| self.parse_expression().ok());
        let legacy = a.as_ref().is_some_and(|a| matches!(&a.kind, crate::ast::ExprKind::Name { id, .. } if id == "print" || id == "exec"));
        (self.pos, self.depth) = saved;
        let (a, b) = (a?, b?);
        if legacy {
            return None;
        }
        Some(self.error_at(
            a.range.cover(b.range),
            "invalid syntax. Perhaps you forgot a comma?",
        ))
    }

    /// Is token `i` inside the parameter list of a `def` (not an expression context)?
    fn in_def_parameters(&self, i: usize) -> bool {
        let mut depth = 0;
        for k in (0..i).rev() {
            match self.tokens[k].kind {
                TokenKind::Op(Op::RPar | Op::RSqb | Op::RBrace) => depth += 1,
                TokenKind::Op(Op::LPar | Op::LSqb | Op::LBrace) if depth > 0 => depth -= 1,
                TokenKind::Op(Op::LPar) => {
                    return k >= 2
                        && self.tokens[k - 1].kind == TokenKind::Name
                        && self.tokens[k - 2].kind == TokenKind::Keyword(Keyword::Def);
                }
                TokenKind::Op(Op::LSqb | Op::LBrace) => return false,
                _ => {}
            }
        }
        false
    }

    /// Where the bracketed element that ends before token `i` starts: after the nearest comma,
    /// opening bracket or clause keyword at its nesting level.
    fn element_start(&self, i: usize) -> Option<usize> {
        let mut depth = 0;
        for k in (0..i).rev() {
            match self.tokens[k].kind {
                TokenKind::Op(Op::RPar | Op::RSqb | Op::RBrace) => depth += 1,
                TokenKind::Op(Op::LPar | Op::LSqb | Op::LBrace) if depth == 0 => {
                    return Some(k + 1)
                }
                TokenKind::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth -= 1,
                TokenKind::Op(
                    Op::Comma | Op::Equal | Op::Colon | Op::ColonEqual | Op::DoubleStar | Op::Star,
                ) if depth == 0 => return Some(k + 1),
                TokenKind::Keyword(kw)
                    if depth == 0
                        && !matches!(
                            kw,
                            Keyword::True
                                | Keyword::False
                                | Keyword::None
                                | Keyword::Not
                                | Keyword::And
                                | Keyword::Or
                                | Keyword::In
                                | Keyword::Is
                                | Keyword::Await
                        ) =>
                {
                    return Some(k + 1)
                }
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent => return None,
                _ => {}
            }
        }
        None
    }

    /// CPython's `invalid_legacy_expression`: `print x` or `exec code` written as Python 2
    /// statements. Covers the name through the end of the expressions that follow it.
    fn legacy_statement_error(&self) -> Option<SyntaxError> {
        let name = self.tokens.get(self.pos.checked_sub(1)?)?;
        let word = self.text(name.range);
        if name.kind != TokenKind::Name || !matches!(word, "print" | "exec") || self.at_op(Op::LPar)
        {
            return None;
        }
        if !self.can_start_expression() {
            return None;
        }
        let mut depth = 0i32;
        let mut end = self.tok().range.end;
        for t in self.tokens_from(self.pos) {
            match t.kind {
                TokenKind::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RPar | Op::RSqb | Op::RBrace) => depth -= 1,
                TokenKind::Newline | TokenKind::EndMarker | TokenKind::Error => break,
                TokenKind::Op(Op::Semi | Op::Equal | Op::Colon) if depth == 0 => break,
                _ => {}
            }
            end = t.range.end;
        }
        let msg = format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?");
        Some(self.error_at(TextRange::new(name.range.start, end), msg))
    }

    /// The error for a missing token: CPython says "expected ':'" in some places and
    /// "invalid syntax" elsewhere; this is the former.
    pub(crate) fn expected(&self, what: &str) -> SyntaxError {
        let t = self.tok();
        if matches!(t.kind, TokenKind::Error | TokenKind::Indent) {
            return self.invalid_syntax();
        }
        if what == ":" {
            return self.error_at(t.range, "expected ':'");
        }
        self.invalid_syntax()
    }

    /// The error to report when parsing failed with `err`: CPython tokenizes the rest of the
    /// source after a parser error, and some tokenizer errors further on replace the parser's.
    fn rank_errors(&self, err: SyntaxError) -> SyntaxError {
        let Some(tok_err) = &self.tok_error else {
            return err;
        };
        if *tok_err == err {
            return err;
        }
        // CPython re-reads the rest of the source for tokenizer errors only after errors raised
        // by grammar rules, not after the ones it raises for an unexpected INDENT or DEDENT.
        if err.kind == ErrorKind::MemoryError
            || matches!(
                err.msg.as_str(),
                "unexpected indent" | "unexpected unindent"
            )
        {
            return err;
        }
        let replaces = match self.tok_error_priority {
            ErrorPriority::Always => true,
            // CPython compares the bracket's line with its last fetched token's, and reaching
            // the end of the input inside the bracket is the tokenizer's error outright.
            ErrorPriority::UnclosedBracket => {
                let seen = self.tokens[self.furthest.get().min(self.tokens.len() - 1)];
                seen.kind == TokenKind::Error
                    || self.lines.line_col(seen.range.start).0 > tok_err.lineno
            }
            ErrorPriority::InFString | ErrorPriority::WhenReached => false,
        };
        if replaces {
            tok_err.clone()
        } else {
            err
        }
    }

    /// A parser error on a line before the last one the parser fetched a token from: CPython
    /// reads that line back from the tokenizer's buffer, without its newline.
    fn text_origin(&self, err: SyntaxError) -> SyntaxError {
        let seen = self.tokens[self.furthest.get().min(self.tokens.len() - 1)];
        // The tokens at the end of the input are on the last line (its newline included).
        let last = (self.src.len() as u32).saturating_sub(1);
        let seen_line = self.lines.line_col(seen.range.start.min(last)).0;
        let from_tokenizer = self.tok_error.as_ref() == Some(&err);
        if !from_tokenizer
            && err.origin == Origin::Parser
            && err.lineno != 0
            && err.lineno < seen_line
        {
            err.from_tokenizer()
        } else {
            err
        }
    }

    pub(crate) fn tokenizer_error(&self) -> SyntaxError {
        match &self.tok_error {
            Some(e) => e.clone(),
            None => self.error_at(self.tok().range, "invalid syntax"),
        }
    }
}

#[cfg(test)]
mod stmt_tests;
#[cfg(test)]
mod tests;

/// The byte offset where `err` starts, recomputed from its line and column.
fn err_start(p: &Parser<'_>, err: &SyntaxError) -> Option<u32> {
    p.lines.line_start(err.lineno)?.checked_add(err.col)
}
